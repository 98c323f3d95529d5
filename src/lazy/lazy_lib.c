/* lazy_lib.c: opening a library on first use and finding its functions;
 * see lazy_lib.h. */
#include "lazy/lazy_lib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Opens the library and fills its table; 1 when all were found, else -1
 * with lib->error set. Called under lib->lock, once. */
static int lazy_lib_open(LazyLib *lib)
{
    void *handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        snprintf(lib->error, sizeof lib->error, "cannot load %s (Debian package %s): %s",
                 lib->soname, lib->package, dlerror());
        return -1;
    }
    for (int i = 0; lib->names[i]; i++) {
        void *found = dlsym(handle, lib->names[i]);
        /* POSIX: a function's address converts to and from void * */
        memcpy((unsigned char *)lib->table + (size_t)i * sizeof found, &found, sizeof found);
        if (!found) {
            snprintf(lib->error, sizeof lib->error, "%s has no %s (Debian package %s too old?)",
                     lib->soname, lib->names[i], lib->package);
            dlclose(handle);
            return -1;
        }
    }
    return 1; /* the handle stays open for the process's life */
}

bool lazy_lib_ready(LazyLib *lib, char *err, size_t err_size)
{
    int state = __atomic_load_n(&lib->state, __ATOMIC_ACQUIRE);
    if (state == 0) {
        pthread_mutex_lock(&lib->lock);
        state = lib->state;
        if (state == 0) {
            state = lazy_lib_open(lib);
            __atomic_store_n(&lib->state, state, __ATOMIC_RELEASE);
        }
        pthread_mutex_unlock(&lib->lock);
    }
    if (state < 0 && err && err_size > 0)
        snprintf(err, err_size, "%s", lib->error);
    return state > 0;
}

void lazy_lib_require(LazyLib *lib)
{
    if (lazy_lib_ready(lib, NULL, 0))
        return;
    fprintf(stderr, "sayso: %s\n", lib->error);
    abort();
}
