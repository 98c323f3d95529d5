/* lazy_sndfile.h: libsndfile (recordings in src/recorder, recorded prompts
 * in src/speech), opened the first time it is needed (see lazy_lib.h).
 * Include this in place of <sndfile.h>; calls read as they would linked.
 * lazy_sndfile_ready says whether it can be opened, in plain words. */
#ifndef SAYSO_LAZY_SNDFILE_H
#define SAYSO_LAZY_SNDFILE_H

#include <sndfile.h>
#include <stdbool.h>
#include <stddef.h>

#include "lazy/lazy_lib.h"

#define LAZY_SNDFILE_FUNCTIONS(X) \
    X(sf_close) \
    X(sf_error) \
    X(sf_error_number) \
    X(sf_open) \
    X(sf_open_virtual) \
    X(sf_readf_short) \
    X(sf_strerror) \
    X(sf_writef_short)

typedef struct LazySndfile {
    LAZY_SNDFILE_FUNCTIONS(LAZY_LIB_SLOT)
} LazySndfile;

/* True when libsndfile.so.1 and its functions are there; else false with a
 * message naming the library and its Debian package in `err`. */
bool lazy_sndfile_ready(char *err, size_t err_size);

/* The functions, the library opened first if need be (see
 * lazy_lib_require). */
const LazySndfile *lazy_sndfile(void);

#define sf_close (lazy_sndfile()->fn_sf_close)
#define sf_error (lazy_sndfile()->fn_sf_error)
#define sf_error_number (lazy_sndfile()->fn_sf_error_number)
#define sf_open (lazy_sndfile()->fn_sf_open)
#define sf_open_virtual (lazy_sndfile()->fn_sf_open_virtual)
#define sf_readf_short (lazy_sndfile()->fn_sf_readf_short)
#define sf_strerror (lazy_sndfile()->fn_sf_strerror)
#define sf_writef_short (lazy_sndfile()->fn_sf_writef_short)

#endif
