/* raster_cache.c: rasterised pictures kept on disk between runs; see
 * raster_cache.h.
 *
 * One file a picture, named by two CRC-32s of its key (different seeds),
 * "XXXXXXXX-XXXXXXXX.rgba": an 8-byte mark, the width, the height, the
 * key's length and flags (native 32-bit integers: the cache never leaves
 * this machine), the key, then the pixels as ARGB8888 rows without padding
 * (the software renderer's texture format). A load checks the mark and the
 * key, then reads the pixels straight into the texture it returns (no
 * picture in between: every fresh page of memory costs a page fault, and
 * the welcome screen's large picture is 260 of them), and checks that the
 * file ends there. */
#include "ui/raster_cache.h"

#include <SDL_image.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define RASTER_MARK "SAYSORC2" /* the last digit is the format: bump it when pixels change */
#define RASTER_FORMAT RASTER_CACHE_FORMAT
#define RASTER_MARK_SIZE 8
#define RASTER_FIELDS 4 /* width, height, the key's length, flags */
#define RASTER_OPAQUE 1u /* a flag: every pixel is opaque (drawn without blending) */

struct RasterCache {
    char *dir;
};

/* Makes `dir` and its missing parents (0700). 0 or -1. */
static int raster_make_dirs(const char *dir)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path)
        return -1;
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(path, 0700) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return mkdir(path, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

RasterCache *raster_cache_open(const char *dir)
{
    if (!dir || !*dir || raster_make_dirs(dir) != 0 || access(dir, W_OK) != 0)
        return NULL;
    RasterCache *cache = calloc(1, sizeof *cache);
    if (cache && !(cache->dir = strdup(dir))) {
        free(cache);
        cache = NULL;
    }
    return cache;
}

void raster_cache_close(RasterCache *cache)
{
    if (!cache)
        return;
    free(cache->dir);
    free(cache);
}

/* The rasteriser's version: this format's mark and SDL_image's own. */
#define RASTER_VERSION_FORMAT "%s IMG%d.%d.%d"
#define RASTER_VERSION_ARGS RASTER_MARK, SDL_IMAGE_MAJOR_VERSION, SDL_IMAGE_MINOR_VERSION, \
                            SDL_IMAGE_PATCHLEVEL

bool raster_cache_file_key(const char *kind, const char *path, int w, int h, char *out,
                           size_t out_size)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return false;
    int n = snprintf(out, out_size, RASTER_VERSION_FORMAT " %s %dx%d %lld %lld.%09ld %llu %s",
                     RASTER_VERSION_ARGS, kind, w, h, (long long)st.st_size,
                     (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                     (unsigned long long)st.st_ino, path);
    return n > 0 && (size_t)n < out_size;
}

char *raster_cache_text_key(const char *svg, int w, int h)
{
    size_t size = strlen(svg) + 128;
    char *key = malloc(size);
    if (key)
        snprintf(key, size, RASTER_VERSION_FORMAT " svg %dx%d %s", RASTER_VERSION_ARGS, w, h, svg);
    return key;
}

/* The file of `key` in the cache's folder. */
static void raster_path(const RasterCache *cache, const char *key, char *out, size_t out_size)
{
    size_t n = strlen(key);
    snprintf(out, out_size, "%s/%08x-%08x.rgba", cache->dir, (unsigned)SDL_crc32(0, key, n),
             (unsigned)SDL_crc32(0x9e3779b9u, key, n));
}

/* Reads the header of the cache file `in` into `head` (width, height,
 * the key's length, flags); true when the mark and the key are right. */
static bool raster_read_head(FILE *in, const char *key, uint32_t head[RASTER_FIELDS])
{
    char mark[RASTER_MARK_SIZE];
    size_t key_len = strlen(key);
    if (fread(mark, 1, sizeof mark, in) != sizeof mark ||
        memcmp(mark, RASTER_MARK, RASTER_MARK_SIZE) != 0 ||
        fread(head, sizeof(uint32_t), RASTER_FIELDS, in) != RASTER_FIELDS)
        return false;
    if (head[0] == 0 || head[1] == 0 || head[0] > 16384 || head[1] > 16384 || head[2] != key_len)
        return false;
    char *stored = malloc(key_len + 1);
    bool same = stored && fread(stored, 1, key_len, in) == key_len &&
                memcmp(stored, key, key_len) == 0;
    free(stored);
    return same;
}

/* Reads `h` rows of `w` pixels from `in` straight into `texture`; true
 * when they were all there and the file ends with them. */
static bool raster_read_pixels(FILE *in, SDL_Texture *texture, uint32_t w, uint32_t h)
{
    void *pixels;
    int pitch;
    if (SDL_LockTexture(texture, NULL, &pixels, &pitch) != 0)
        return false;
    size_t row = (size_t)w * 4;
    bool ok = true;
    if ((size_t)pitch == row)
        ok = fread(pixels, row, h, in) == h;
    for (uint32_t y = 0; ok && (size_t)pitch != row && y < h; y++)
        ok = fread((unsigned char *)pixels + (size_t)y * (size_t)pitch, row, 1, in) == 1;
    SDL_UnlockTexture(texture);
    return ok && fgetc(in) == EOF;
}

SDL_Texture *raster_cache_load(RasterCache *cache, const char *key, SDL_Renderer *renderer)
{
    if (!cache || !key)
        return NULL;
    char path[4200];
    uint32_t head[RASTER_FIELDS];
    raster_path(cache, key, path, sizeof path);
    FILE *in = fopen(path, "rb");
    if (!in)
        return NULL; /* a miss */
    SDL_Texture *texture = NULL;
    if (raster_read_head(in, key, head))
        texture = SDL_CreateTexture(renderer, RASTER_FORMAT, SDL_TEXTUREACCESS_STREAMING,
                                    (int)head[0], (int)head[1]);
    if (texture && !raster_read_pixels(in, texture, head[0], head[1])) {
        SDL_DestroyTexture(texture); /* cut short or too long: a miss */
        texture = NULL;
    }
    fclose(in);
    if (texture)
        SDL_SetTextureBlendMode(texture, head[3] & RASTER_OPAQUE ? SDL_BLENDMODE_NONE
                                                                 : SDL_BLENDMODE_BLEND);
    return texture;
}

/* Writes the header, the key and the pixels of `rgba` to `out`. */
static bool raster_write(FILE *out, const char *key, const SDL_Surface *rgba, bool opaque)
{
    uint32_t head[RASTER_FIELDS] = {(uint32_t)rgba->w, (uint32_t)rgba->h, (uint32_t)strlen(key),
                                    opaque ? RASTER_OPAQUE : 0};
    bool ok = fwrite(RASTER_MARK, 1, RASTER_MARK_SIZE, out) == RASTER_MARK_SIZE &&
              fwrite(head, sizeof head, 1, out) == 1 && fwrite(key, 1, head[2], out) == head[2];
    for (int y = 0; ok && y < rgba->h; y++)
        ok = fwrite((const unsigned char *)rgba->pixels + (size_t)y * rgba->pitch, 4,
                    (size_t)rgba->w, out) == (size_t)rgba->w;
    return ok;
}

void raster_cache_store(RasterCache *cache, const char *key, SDL_Surface *surface, bool opaque)
{
    if (!cache || !key || !surface)
        return;
    char path[4200], tmp[4300];
    raster_path(cache, key, path, sizeof path);
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
    SDL_Surface *rgba = surface->format->format == RASTER_FORMAT
                            ? surface
                            : SDL_ConvertSurfaceFormat(surface, RASTER_FORMAT, 0);
    FILE *out = rgba ? fopen(tmp, "wb") : NULL;
    bool ok = out && raster_write(out, key, rgba, opaque);
    if (out && fclose(out) != 0)
        ok = false;
    if (!ok || rename(tmp, path) != 0)
        remove(tmp);
    if (rgba && rgba != surface)
        SDL_FreeSurface(rgba);
}
