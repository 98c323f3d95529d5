/* symbol_cache.h: symbols and pictures rasterised at the size they are shown.
 *
 * An SVG is rasterised by SDL_image at exactly the pixel size it is drawn
 * (never scaled from a bitmap, so edges stay crisp); a PNG or JPEG is scaled
 * to fit, or, for a photo on a tile, cut around its centre to fill the tile.
 * Textures are kept per (file, size), so a screen drawn again costs only
 * copies. */
#ifndef SAYSO_UI_SYMBOL_CACHE_H
#define SAYSO_UI_SYMBOL_CACHE_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/raster_cache.h"

typedef struct SymbolCache SymbolCache;

/* An empty cache making textures for `renderer`; NULL when out of memory.
 * With `disk` (borrowed, may be NULL) what is rasterised is kept there too,
 * and read back from there by the next run. */
SymbolCache *symbol_cache_new(SDL_Renderer *renderer, RasterCache *disk);

/* Destroys every texture and the cache; NULL is ignored. */
void symbol_cache_free(SymbolCache *cache);

/* The picture at `path` rasterised to fit a px x px square (aspect kept,
 * centred by the caller using the texture's size). Returns NULL when the
 * file is missing or cannot be read; that is reported once per path on
 * stderr, naming the file. The cache owns the texture. A PNG or JPEG is
 * scaled in software to the fitted size, so for every kind of file the
 * texture's own w x h is the size to draw it at (no scaling by the caller). */
SDL_Texture *symbol_cache_get(SymbolCache *cache, const char *path, int px);

/* The picture at `path` to fill a w x h area, as a tile's symbol area is
 * filled. A photo (see symbol_cache_is_photo) is scaled to cover w x h
 * keeping its aspect, and the overflow is cut off evenly on both sides (a
 * centre crop), so the texture is exactly w x h and nothing is distorted.
 * Anything else, an SVG symbol above all, is never cropped: the result is
 * symbol_cache_get(cache, path, min(w, h)), a texture whose own size is the
 * size to draw it at, centred by the caller. Kept per (path, w, h); NULL,
 * failures and ownership as for symbol_cache_get (a file that failed in
 * either getter is not tried or reported again). */
SDL_Texture *symbol_cache_get_fill(SymbolCache *cache, const char *path, int w, int h);

/* True when `path` names a photo by its extension: .png, .jpg or .jpeg,
 * in any case. False for NULL, .svg and anything else. Looks only at the
 * name, not the file. */
bool symbol_cache_is_photo(const char *path);

/* Rasterises an SVG document held in memory at w x h, cached under `key`
 * (used for the kiosk's own shapes such as rounded tiles). The key must name
 * one document (put colours or anything else that varies into it); give the
 * SVG the aspect w:h (its width/height or viewBox), or it is fitted inside
 * w x h keeping its own aspect. A document that cannot be parsed is reported
 * once per key on stderr and NULL is returned. */
SDL_Texture *symbol_cache_get_svg(SymbolCache *cache, const char *key, const char *svg, int w, int h);

/* Drops every texture (call when the screen size changes), and forgets the
 * files that failed, so one added since is tried again. A texture returned
 * by either getter stays valid until this call, symbol_cache_free, or until
 * SYMBOL_CACHE_SLOTS other pictures have been fetched after it. */
void symbol_cache_clear(SymbolCache *cache);

/* How many textures the cache keeps (least recently used go first). */
#define SYMBOL_CACHE_SLOTS 256

#endif
