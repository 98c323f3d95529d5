/* image_lib.c: SDL_image, opened the first time a picture is decoded; see
 * image_lib.h. */
#include "ui/image_lib.h"

#include <dlfcn.h>
#include <string.h>

#define IMAGE_LIB_SONAME "libSDL2_image-2.0.so.0"

/* Looks `name` up in the opened library; false when it is missing. */
static bool image_lib_symbol(ImageLib *lib, const char *name, void **out)
{
    *out = dlsym(lib->handle, name);
    if (!*out)
        SDL_SetError("%s has no %s", IMAGE_LIB_SONAME, name);
    return *out != NULL;
}

bool image_lib_ready(ImageLib *lib)
{
    if (lib->handle)
        return true;
    if (lib->failed) {
        SDL_SetError("cannot load %s (Debian package libsdl2-image-2.0-0)", IMAGE_LIB_SONAME);
        return false;
    }
    lib->handle = dlopen(IMAGE_LIB_SONAME, RTLD_NOW | RTLD_LOCAL);
    bool ok = lib->handle && image_lib_symbol(lib, "IMG_Load", (void **)&lib->load) &&
              image_lib_symbol(lib, "IMG_isSVG", (void **)&lib->is_svg) &&
              image_lib_symbol(lib, "IMG_LoadSizedSVG_RW", (void **)&lib->load_sized_svg) &&
              image_lib_symbol(lib, "IMG_SavePNG", (void **)&lib->save_png);
    if (!lib->handle)
        SDL_SetError("cannot load %s (Debian package libsdl2-image-2.0-0): %s", IMAGE_LIB_SONAME,
                     dlerror());
    if (!ok) {
        image_lib_close(lib);
        lib->failed = true;
    }
    return ok;
}

void image_lib_close(ImageLib *lib)
{
    if (lib->handle)
        dlclose(lib->handle);
    memset(lib, 0, sizeof *lib);
}
