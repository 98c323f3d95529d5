/* raster_cache.h: rasterised pictures kept on disk between runs.
 *
 * Rasterising the welcome screen's SVG symbols is a third of the work
 * before the kiosk's first frame; a kiosk shows the same symbols at the
 * same sizes every morning. So each rasterised picture is also written to
 * a folder (raw pixels, one file each), and the next start reads it
 * back instead of parsing and rasterising the SVG again.
 *
 * A picture is found by a key naming everything its pixels depend on: the
 * file (path, size, modification time, inode) or the SVG text itself, the
 * size drawn, the kind of fitting, and the version of the rasteriser (this
 * cache's format and SDL_image's). Change any of them and the old file is
 * simply not asked for again. Each file holds its whole key and is checked
 * against it, so two keys never share pixels. A file cut short (a power
 * cut while writing) or damaged is a miss, never an error: the cache only
 * ever saves time. Nothing here is a record of anything a person did. */
#ifndef SAYSO_UI_RASTER_CACHE_H
#define SAYSO_UI_RASTER_CACHE_H

#include <SDL.h>
#include <stdbool.h>

typedef struct RasterCache RasterCache;

/* Pictures are kept, and best made into textures, in the software
 * renderer's own format: a texture is then one copy of the file, and a
 * picture rasterised afresh blends exactly as one read back does (SDL's
 * blitters round differently from format to format). */
#define RASTER_CACHE_FORMAT SDL_PIXELFORMAT_ARGB8888

/* The cache in folder `dir`, made (0700) when missing. NULL when `dir` is
 * NULL or cannot be made or written: the kiosk then rasterises as before. */
RasterCache *raster_cache_open(const char *dir);
void raster_cache_close(RasterCache *cache);

/* The key of a picture file at `path` drawn by `kind` (a short word: how
 * it is fitted) at w x h, into `out`; false when the file cannot be
 * stat'ed (then it is not cached). */
bool raster_cache_file_key(const char *kind, const char *path, int w, int h, char *out,
                           size_t out_size);

/* The key of an SVG document held in memory: its text, w and h. A new
 * string the caller frees; NULL when out of memory. */
char *raster_cache_text_key(const char *svg, int w, int h);

/* The pixels kept under `key`, as a new texture of `renderer` the caller
 * destroys (ARGB8888, streaming; blending off when they were stored as
 * opaque), or NULL on a miss (or when `cache` is NULL). */
SDL_Texture *raster_cache_load(RasterCache *cache, const char *key, SDL_Renderer *renderer);

/* Keeps `surface` (any format; converted to ARGB8888) under `key`, with
 * whether every pixel is `opaque`, written beside and renamed into place so
 * a reader never sees half a file. Failures are silent: the next start
 * rasterises again. */
void raster_cache_store(RasterCache *cache, const char *key, SDL_Surface *surface, bool opaque);

#endif
