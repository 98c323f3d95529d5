/* raster_cache.c: rasterised pictures kept on disk between runs; see
 * raster_cache.h.
 *
 * One file a picture, named by two CRC-32s of its key (different seeds),
 * "XXXXXXXX-XXXXXXXX.rgba": an 8-byte mark, the width, the height and the
 * key's length (native 32-bit integers: the cache never leaves this
 * machine), the key, then the pixels as RGBA32 rows without padding. A
 * load reads the file whole (a symbol is some 100-400 KB) and checks the
 * mark, the size and the key before it trusts a byte. */
#include "ui/raster_cache.h"

#include <SDL_image.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define RASTER_MARK "SAYSORC1" /* the last digit is the format: bump it when pixels change */
#define RASTER_MARK_SIZE 8
#define RASTER_HEADER_SIZE (RASTER_MARK_SIZE + 3 * sizeof(uint32_t))

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

/* The pixels of a file read whole, when its mark, size and key are right. */
static SDL_Surface *raster_parse(const unsigned char *data, size_t size, const char *key)
{
    uint32_t dims[3];
    size_t key_len = strlen(key);
    if (size < RASTER_HEADER_SIZE || memcmp(data, RASTER_MARK, RASTER_MARK_SIZE) != 0)
        return NULL;
    memcpy(dims, data + RASTER_MARK_SIZE, sizeof dims);
    size_t pixels = (size_t)dims[0] * dims[1] * 4;
    if (dims[0] == 0 || dims[1] == 0 || dims[0] > 16384 || dims[1] > 16384 || dims[2] != key_len ||
        size != RASTER_HEADER_SIZE + key_len + pixels ||
        memcmp(data + RASTER_HEADER_SIZE, key, key_len) != 0)
        return NULL;
    SDL_Surface *surface =
        SDL_CreateRGBSurfaceWithFormat(0, (int)dims[0], (int)dims[1], 32, SDL_PIXELFORMAT_RGBA32);
    if (!surface)
        return NULL;
    const unsigned char *src = data + RASTER_HEADER_SIZE + key_len;
    for (int y = 0; y < surface->h; y++)
        memcpy((unsigned char *)surface->pixels + (size_t)y * surface->pitch,
               src + (size_t)y * dims[0] * 4, (size_t)dims[0] * 4);
    return surface;
}

SDL_Surface *raster_cache_load(RasterCache *cache, const char *key)
{
    if (!cache || !key)
        return NULL;
    char path[4200];
    size_t size = 0;
    raster_path(cache, key, path, sizeof path);
    if (access(path, R_OK) != 0)
        return NULL; /* a miss: SDL_LoadFile would set an error for nothing */
    unsigned char *data = SDL_LoadFile(path, &size);
    SDL_Surface *surface = data ? raster_parse(data, size, key) : NULL;
    SDL_free(data);
    return surface;
}

/* Writes the header, the key and the pixels of `rgba` to `out`. */
static bool raster_write(FILE *out, const char *key, const SDL_Surface *rgba)
{
    uint32_t dims[3] = {(uint32_t)rgba->w, (uint32_t)rgba->h, (uint32_t)strlen(key)};
    bool ok = fwrite(RASTER_MARK, 1, RASTER_MARK_SIZE, out) == RASTER_MARK_SIZE &&
              fwrite(dims, sizeof dims, 1, out) == 1 && fwrite(key, 1, dims[2], out) == dims[2];
    for (int y = 0; ok && y < rgba->h; y++)
        ok = fwrite((const unsigned char *)rgba->pixels + (size_t)y * rgba->pitch, 4,
                    (size_t)rgba->w, out) == (size_t)rgba->w;
    return ok;
}

void raster_cache_store(RasterCache *cache, const char *key, SDL_Surface *surface)
{
    if (!cache || !key || !surface)
        return;
    char path[4200], tmp[4300];
    raster_path(cache, key, path, sizeof path);
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
    SDL_Surface *rgba = surface->format->format == SDL_PIXELFORMAT_RGBA32
                            ? surface
                            : SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_RGBA32, 0);
    FILE *out = rgba ? fopen(tmp, "wb") : NULL;
    bool ok = out && raster_write(out, key, rgba);
    if (out && fclose(out) != 0)
        ok = false;
    if (!ok || rename(tmp, path) != 0)
        remove(tmp);
    if (rgba && rgba != surface)
        SDL_FreeSurface(rgba);
}
