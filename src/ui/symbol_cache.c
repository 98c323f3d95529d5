/* symbol_cache.c: pictures rasterised once per (file or shape, size) and
 * kept as textures.
 *
 * An SVG goes through SDL_image's nanosvg at exactly the size asked, so its
 * edges stay crisp at any size. A PNG or JPEG is decoded and scaled in
 * software to the size that fits (halved while more than twice too big, then
 * bilinear), so for every kind of picture the texture's own size is the size
 * to draw it at and the caller only centres it. A photo for a tile
 * (symbol_cache_get_fill) is instead cut to the tile's aspect around its
 * centre and then scaled the same way, so it fills the tile undistorted;
 * cutting before scaling means no pixel from outside the cut is ever
 * blended in at the edges.
 *
 * What was rasterised is also kept on disk (raster_cache.h), when the kiosk
 * has a cache folder: the next start reads the pixels back instead of
 * parsing and rasterising again.
 *
 * Textures live in a fixed array of SYMBOL_CACHE_SLOTS, scanned linearly
 * (CRC-32 compared first; O(N), far below the cost of one rasterisation) and
 * evicted least recently used. A file or shape that cannot be loaded is
 * reported once on stderr and remembered, so a screen redrawn many times a
 * second neither retries it nor repeats the message. */
#include "ui/symbol_cache.h"
#include "ui/image_lib.h"
#include "ui/raster_cache.h"

#include <assert.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

typedef enum { SYMBOL_FILE, SYMBOL_FILL, SYMBOL_SHAPE } SymbolKind;

typedef struct {
    char *key; /* a path or a shape key; NULL: slot free */
    Uint32 hash;
    SymbolKind kind;
    int w, h; /* the size asked for, not necessarily the texture's */
    SDL_Texture *texture;
    Uint64 used;
} SymbolEntry;

typedef struct {
    char *key;
    SymbolKind kind;
} SymbolFailure;

struct SymbolCache {
    SDL_Renderer *renderer;
    RasterCache *disk; /* borrowed; NULL: nothing kept between runs */
    ImageLib images;   /* SDL_image, opened on the first picture decoded */
    Uint64 clock; /* ticks at every use, for least-recently-used */
    SymbolEntry entries[SYMBOL_CACHE_SLOTS];
    SymbolFailure *failures; /* one per distinct path or key that failed */
    int failure_count, failure_cap;
};

static Uint32 symbol_hash(const char *key)
{
    return SDL_crc32(0, key, strlen(key));
}

SymbolCache *symbol_cache_new(SDL_Renderer *renderer, RasterCache *disk)
{
    assert(renderer);
    SymbolCache *cache = calloc(1, sizeof *cache);
    if (cache) {
        cache->renderer = renderer;
        cache->disk = disk;
    }
    return cache;
}

void symbol_cache_clear(SymbolCache *cache)
{
    for (int i = 0; i < SYMBOL_CACHE_SLOTS; i++) {
        SymbolEntry *e = &cache->entries[i];
        if (e->texture)
            SDL_DestroyTexture(e->texture);
        free(e->key);
        *e = (SymbolEntry){0};
    }
    for (int i = 0; i < cache->failure_count; i++)
        free(cache->failures[i].key);
    cache->failure_count = 0;
}

void symbol_cache_free(SymbolCache *cache)
{
    if (!cache)
        return;
    symbol_cache_clear(cache);
    image_lib_close(&cache->images);
    free(cache->failures);
    free(cache);
}

/* ---- lookup and storage ------------------------------------------------- */

static SDL_Texture *symbol_find(SymbolCache *cache, SymbolKind kind, const char *key, int w, int h)
{
    Uint32 hash = symbol_hash(key);
    for (int i = 0; i < SYMBOL_CACHE_SLOTS; i++) {
        SymbolEntry *e = &cache->entries[i];
        if (e->key && e->hash == hash && e->kind == kind && e->w == w && e->h == h &&
            strcmp(e->key, key) == 0) {
            e->used = ++cache->clock;
            return e->texture;
        }
    }
    return NULL;
}

static bool symbol_has_failed(const SymbolCache *cache, SymbolKind kind, const char *key)
{
    for (int i = 0; i < cache->failure_count; i++) {
        if (cache->failures[i].kind == kind && strcmp(cache->failures[i].key, key) == 0)
            return true;
    }
    return false;
}

/* Out of memory only means the failure may be reported again. */
static void symbol_remember_failure(SymbolCache *cache, SymbolKind kind, const char *key)
{
    if (cache->failure_count == cache->failure_cap) {
        int cap = cache->failure_cap ? cache->failure_cap * 2 : 8;
        SymbolFailure *grown = realloc(cache->failures, (size_t)cap * sizeof *grown);
        if (!grown)
            return;
        cache->failures = grown;
        cache->failure_cap = cap;
    }
    char *copy = strdup(key);
    if (copy)
        cache->failures[cache->failure_count++] = (SymbolFailure){copy, kind};
}

/* True when every pixel of `surface` is opaque: it can then be copied
 * without blending, several times cheaper for the software renderer (our
 * symbols have a white ground, photos are opaque: the welcome screen's
 * frame cost half as much). O(pixels), once per picture rasterised. */
static bool symbol_is_opaque(SDL_Surface *surface)
{
    if (!surface->format->Amask)
        return true;
    if (surface->format->BytesPerPixel != 4 || SDL_LockSurface(surface) != 0)
        return false;
    bool opaque = true;
    for (int y = 0; y < surface->h && opaque; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)surface->pixels + y * surface->pitch);
        for (int x = 0; x < surface->w && opaque; x++)
            opaque = (row[x] & surface->format->Amask) == surface->format->Amask;
    }
    SDL_UnlockSurface(surface);
    return opaque;
}

/* Keeps `texture` (NULL: nothing to keep) under (kind, key, w, h) in the
 * least recently used slot. NULL, with SDL's error set, on failure (the
 * texture is then destroyed). */
static SDL_Texture *symbol_keep(SymbolCache *cache, SymbolKind kind, const char *key, int w,
                                int h, SDL_Texture *texture)
{
    char *copy = texture ? strdup(key) : NULL;
    if (!copy) {
        if (texture) {
            SDL_OutOfMemory();
            SDL_DestroyTexture(texture);
        }
        return NULL;
    }
    SymbolEntry *slot = &cache->entries[0];
    for (int i = 1; i < SYMBOL_CACHE_SLOTS; i++) {
        if (cache->entries[i].used < slot->used)
            slot = &cache->entries[i];
    }
    if (slot->texture)
        SDL_DestroyTexture(slot->texture);
    free(slot->key);
    *slot = (SymbolEntry){copy, symbol_hash(key), kind, w, h, texture, ++cache->clock};
    return texture;
}

/* A texture of a picture just rasterised or decoded (NULL: none), in the
 * format a picture read back from disk has (so both draw alike), kept on
 * disk under `disk_key` too (NULL: not kept); frees `surface`. */
static SDL_Texture *symbol_texture(SymbolCache *cache, SDL_Surface *surface, const char *disk_key)
{
    SDL_Surface *kept = surface && surface->format->format != RASTER_CACHE_FORMAT
                            ? SDL_ConvertSurfaceFormat(surface, RASTER_CACHE_FORMAT, 0)
                            : surface;
    if (kept != surface)
        SDL_FreeSurface(surface);
    if (!kept)
        return NULL;
    bool opaque = symbol_is_opaque(kept);
    if (disk_key)
        raster_cache_store(cache->disk, disk_key, kept, opaque);
    SDL_Texture *texture = SDL_CreateTextureFromSurface(cache->renderer, kept);
    SDL_FreeSurface(kept);
    if (texture)
        SDL_SetTextureBlendMode(texture, opaque ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    return texture;
}

/* ---- decoding and scaling ----------------------------------------------- */

/* A new surface holding only `keep` of `src`, copied as it is (no
 * blending); frees `src`. NULL when out of memory. */
static SDL_Surface *symbol_keep_region(SDL_Surface *src, SDL_Rect keep)
{
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, keep.w, keep.h, 32, src->format->format);
    SDL_SetSurfaceBlendMode(src, SDL_BLENDMODE_NONE);
    if (dst && SDL_BlitSurface(src, &keep, dst, NULL) < 0) {
        SDL_FreeSurface(dst);
        dst = NULL;
    }
    SDL_FreeSurface(src);
    return dst;
}

/* nanosvg sizes its output with ceilf, which can come out one pixel over
 * the size asked for; that pixel is empty and is cut off here. Frees `src`
 * when it returns a new surface. */
static SDL_Surface *symbol_crop(SDL_Surface *src, int w, int h)
{
    if (src->w <= w && src->h <= h)
        return src;
    SDL_Rect keep = {0, 0, SDL_min(src->w, w), SDL_min(src->h, h)};
    return symbol_keep_region(src, keep);
}

/* Rasterises the SVG read from `rw` (closed here) to fit w x h. Text that
 * is no SVG at all is refused first: SDL_image 2.6 leaks nanosvg's parse
 * result when a document turns out to have no size. */
static SDL_Surface *symbol_rasterise_svg(ImageLib *images, SDL_RWops *rw, int w, int h)
{
    SDL_Surface *surface = NULL;
    if (!rw)
        return NULL;
    if (!image_lib_ready(images))
        ; /* SDL's error says why */
    else if (images->is_svg(rw))
        surface = images->load_sized_svg(rw, w, h); /* does not close rw */
    else
        SDL_SetError("not an SVG document");
    SDL_RWclose(rw);
    return surface ? symbol_crop(surface, w, h) : NULL;
}

/* Scales `src` (32-bit, freed here) to w x h, bilinear. */
static SDL_Surface *symbol_stretch(SDL_Surface *src, int w, int h)
{
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, src->format->format);
    if (dst && SDL_SoftStretchLinear(src, NULL, dst, NULL) < 0) {
        SDL_FreeSurface(dst);
        dst = NULL;
    }
    SDL_FreeSurface(src);
    return dst;
}

/* length * num / den, rounded, at least 1. */
static int symbol_scaled(int length, int num, int den)
{
    long long v = ((long long)length * num + den / 2) / den;
    return v < 1 ? 1 : (int)v;
}

/* Scales `src` (freed here) to exactly w x h, halving first while it is
 * more than twice too big: one bilinear step only ever looks at 2 x 2
 * source pixels, so a big photo scaled in one step would alias. */
static SDL_Surface *symbol_scale_exact(SDL_Surface *src, int w, int h)
{
    while (src && src->w >= 2 * w && src->h >= 2 * h)
        src = symbol_stretch(src, src->w / 2, src->h / 2);
    if (src && (src->w != w || src->h != h))
        src = symbol_stretch(src, w, h);
    return src;
}

/* Scales `src` (RGBA32, freed here) to the largest size that fits box_w x
 * box_h keeping its aspect. */
static SDL_Surface *symbol_scale_to_fit(SDL_Surface *src, int box_w, int box_h)
{
    int w = box_w, h = box_h;
    if ((long long)src->w * box_h >= (long long)src->h * box_w)
        h = symbol_scaled(src->h, box_w, src->w);
    else
        w = symbol_scaled(src->w, box_h, src->h);
    return symbol_scale_exact(src, w, h);
}

/* SDL_image's IMG_Load as RGBA32, the format the scalers work in. */
static SDL_Surface *symbol_load_rgba(ImageLib *images, const char *path)
{
    SDL_Surface *loaded = image_lib_ready(images) ? images->load(path) : NULL;
    if (!loaded)
        return NULL;
    SDL_Surface *rgba = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_FreeSurface(loaded);
    return rgba;
}

/* The largest rectangle of aspect w:h centred in `src` (freed here), cut
 * out as a surface of its own. */
static SDL_Surface *symbol_cut_centre(SDL_Surface *src, int w, int h)
{
    SDL_Rect keep = {0, 0, src->w, src->h};
    if ((long long)src->w * h > (long long)src->h * w)
        keep.w = SDL_min(src->w, symbol_scaled(src->h, w, h));
    else
        keep.h = SDL_min(src->h, symbol_scaled(src->w, h, w));
    keep.x = (src->w - keep.w) / 2;
    keep.y = (src->h - keep.h) / 2;
    if (keep.w == src->w && keep.h == src->h)
        return src;
    return symbol_keep_region(src, keep);
}

static bool symbol_is_svg(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && strcasecmp(dot, ".svg") == 0;
}

/* A symbol or picture fitted inside w x h (aspect kept). */
static SDL_Surface *symbol_load_fit(ImageLib *images, const char *path, int w, int h)
{
    if (symbol_is_svg(path))
        return symbol_rasterise_svg(images, SDL_RWFromFile(path, "rb"), w, h);
    SDL_Surface *rgba = symbol_load_rgba(images, path);
    return rgba ? symbol_scale_to_fit(rgba, w, h) : NULL;
}

/* A photo covering exactly w x h: centre cut to w:h, then scaled. */
static SDL_Surface *symbol_load_fill(ImageLib *images, const char *path, int w, int h)
{
    SDL_Surface *rgba = symbol_load_rgba(images, path);
    rgba = rgba ? symbol_cut_centre(rgba, w, h) : NULL;
    return rgba ? symbol_scale_exact(rgba, w, h) : NULL;
}

bool symbol_cache_is_photo(const char *path)
{
    static const char *const extensions[] = {".png", ".jpg", ".jpeg"};
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return false;
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++)
        if (strcasecmp(dot, extensions[i]) == 0)
            return true;
    return false;
}

/* ---- the getters -------------------------------------------------------- */

typedef SDL_Surface *(*SymbolLoader)(ImageLib *images, const char *path, int w, int h);

/* The file at `path` made by `load` at w x h, kept under (kind, path, w, h).
 * Failures are remembered per path, whichever getter met them, so each bad
 * file is reported once. */
static SDL_Texture *symbol_get_file(SymbolCache *cache, SymbolKind kind, const char *path, int w,
                                    int h, SymbolLoader load)
{
    SDL_Texture *texture = symbol_find(cache, kind, path, w, h);
    if (texture || symbol_has_failed(cache, SYMBOL_FILE, path))
        return texture;
    if (access(path, F_OK) != 0) {
        fprintf(stderr, "sayso: symbol file not found: %s\n", path);
        goto fail;
    }
    char key[4400];
    bool keyed = cache->disk && raster_cache_file_key(kind == SYMBOL_FILL ? "fill" : "fit", path,
                                                      w, h, key, sizeof key);
    texture = keyed ? raster_cache_load(cache->disk, key, cache->renderer) : NULL;
    if (!texture)
        texture = symbol_texture(cache, load(&cache->images, path, w, h), keyed ? key : NULL);
    texture = symbol_keep(cache, kind, path, w, h, texture);
    if (texture)
        return texture;
    fprintf(stderr, "sayso: cannot read symbol %s: %s\n", path, SDL_GetError());
fail:
    symbol_remember_failure(cache, SYMBOL_FILE, path);
    return NULL;
}

SDL_Texture *symbol_cache_get(SymbolCache *cache, const char *path, int px)
{
    if (!path || px <= 0)
        return NULL;
    return symbol_get_file(cache, SYMBOL_FILE, path, px, px, symbol_load_fit);
}

SDL_Texture *symbol_cache_get_fill(SymbolCache *cache, const char *path, int w, int h)
{
    if (!path || w <= 0 || h <= 0)
        return NULL;
    if (!symbol_cache_is_photo(path))
        return symbol_cache_get(cache, path, SDL_min(w, h));
    return symbol_get_file(cache, SYMBOL_FILL, path, w, h, symbol_load_fill);
}

SDL_Texture *symbol_cache_get_svg(SymbolCache *cache, const char *key, const char *svg, int w,
                                  int h)
{
    if (!key || !svg || w <= 0 || h <= 0)
        return NULL;
    SDL_Texture *texture = symbol_find(cache, SYMBOL_SHAPE, key, w, h);
    if (texture || symbol_has_failed(cache, SYMBOL_SHAPE, key))
        return texture;
    char *disk_key = cache->disk ? raster_cache_text_key(svg, w, h) : NULL;
    texture = raster_cache_load(cache->disk, disk_key, cache->renderer);
    if (!texture)
        texture = symbol_texture(cache, symbol_rasterise_svg(&cache->images,
                                 SDL_RWFromConstMem(svg, (int)strlen(svg)), w, h), disk_key);
    free(disk_key);
    texture = symbol_keep(cache, SYMBOL_SHAPE, key, w, h, texture);
    if (!texture) {
        fprintf(stderr, "sayso: cannot draw shape %s: %s\n", key, SDL_GetError());
        symbol_remember_failure(cache, SYMBOL_SHAPE, key);
    }
    return texture;
}
