/* symbol_cache.h: symbols and pictures rasterised at the size they are shown.
 *
 * An SVG is rasterised by SDL_image at exactly the pixel size it is drawn
 * (never scaled from a bitmap, so edges stay crisp); a PNG or JPEG is scaled
 * to fit. Textures are kept per (file, size), so a screen drawn again costs
 * only copies. */
#ifndef SAYSO_UI_SYMBOL_CACHE_H
#define SAYSO_UI_SYMBOL_CACHE_H

#include <SDL.h>

typedef struct SymbolCache SymbolCache;

/* An empty cache making textures for `renderer`; NULL when out of memory. */
SymbolCache *symbol_cache_new(SDL_Renderer *renderer);

/* Destroys every texture and the cache; NULL is ignored. */
void symbol_cache_free(SymbolCache *cache);

/* The picture at `path` rasterised to fit a px x px square (aspect kept,
 * centred by the caller using the texture's size). Returns NULL when the
 * file is missing or cannot be read; that is reported once per path on
 * stderr, naming the file. The cache owns the texture. A PNG or JPEG is
 * scaled in software to the fitted size, so for every kind of file the
 * texture's own w x h is the size to draw it at (no scaling by the caller). */
SDL_Texture *symbol_cache_get(SymbolCache *cache, const char *path, int px);

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
