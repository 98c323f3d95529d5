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

SymbolCache *symbol_cache_new(SDL_Renderer *renderer);
void symbol_cache_free(SymbolCache *cache);

/* The picture at `path` rasterised to fit a px x px square (aspect kept,
 * centred by the caller using the texture's size). Returns NULL when the
 * file is missing or cannot be read; that is reported once per path on
 * stderr, naming the file. The cache owns the texture. */
SDL_Texture *symbol_cache_get(SymbolCache *cache, const char *path, int px);

/* Rasterises an SVG document held in memory at w x h, cached under `key`
 * (used for the kiosk's own shapes such as rounded tiles). */
SDL_Texture *symbol_cache_get_svg(SymbolCache *cache, const char *key, const char *svg, int w, int h);

/* Drops every texture (call when the screen size changes). */
void symbol_cache_clear(SymbolCache *cache);

#endif
