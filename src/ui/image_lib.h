/* image_lib.h: SDL_image, opened the first time a picture is decoded.
 *
 * SDL_image brings nine libraries with it (TIFF, WebP, JPEG, PNG, ...):
 * loading and relocating them was 40% of the dynamic linker's work before
 * sayso's main() (10.6M of 26.9M instructions, some 3 ms of every start).
 * With rasterised symbols kept on disk (raster_cache.h) a kiosk's start
 * decodes no picture at all, so sayso is not linked with SDL_image: it is
 * opened with dlopen when a picture must first be decoded (a symbol not yet
 * cached, a photo) or a screenshot saved, and its few functions are called
 * through an ImageLib. A package of sayso must therefore depend on
 * libsdl2-image-2.0-0 by name (dpkg-shlibdeps cannot see a dlopen). */
#ifndef SAYSO_UI_IMAGE_LIB_H
#define SAYSO_UI_IMAGE_LIB_H

#include <SDL.h>
#include <SDL_image.h>
#include <stdbool.h>

/* The functions sayso uses, with SDL_image's own signatures. Zeroed, it
 * is not opened yet. */
typedef struct {
    void *handle;      /* dlopen's; NULL until opened */
    bool failed;       /* opening failed: not tried again */
    __typeof__(IMG_Load) *load;
    __typeof__(IMG_isSVG) *is_svg;
    __typeof__(IMG_LoadSizedSVG_RW) *load_sized_svg;
    __typeof__(IMG_SavePNG) *save_png;
} ImageLib;

/* Opens SDL_image on the first call; true when its functions are there.
 * False (SDL_GetError says why, naming the library) when it cannot be. */
bool image_lib_ready(ImageLib *lib);

/* Closes what image_lib_ready opened; the struct is zeroed. */
void image_lib_close(ImageLib *lib);

#endif
