/* lazy_zip.h: libzip (an XLSForm workbook is a zip file: src/survey/xlsx.c),
 * opened the first time it is needed (see lazy_lib.h).
 * Include this in place of <zip.h>; calls read as they would linked.
 * lazy_zip_ready says whether it can be opened, in plain words. */
#ifndef SAYSO_LAZY_ZIP_H
#define SAYSO_LAZY_ZIP_H

#include <zip.h>
#include <stdbool.h>
#include <stddef.h>

#include "lazy/lazy_lib.h"

#define LAZY_ZIP_FUNCTIONS(X) \
    X(zip_discard) \
    X(zip_error_fini) \
    X(zip_error_init) \
    X(zip_error_init_with_code) \
    X(zip_error_strerror) \
    X(zip_fclose) \
    X(zip_file_strerror) \
    X(zip_fopen_index) \
    X(zip_fread) \
    X(zip_name_locate) \
    X(zip_open) \
    X(zip_open_from_source) \
    X(zip_source_buffer_create) \
    X(zip_source_free) \
    X(zip_strerror)

typedef struct LazyZip {
    LAZY_ZIP_FUNCTIONS(LAZY_LIB_SLOT)
} LazyZip;

/* True when libzip.so.4 and its functions are there; else false with a
 * message naming the library and its Debian package in `err`. */
bool lazy_zip_ready(char *err, size_t err_size);

/* The functions, the library opened first if need be (see
 * lazy_lib_require). */
const LazyZip *lazy_zip(void);

#define zip_discard (lazy_zip()->fn_zip_discard)
#define zip_error_fini (lazy_zip()->fn_zip_error_fini)
#define zip_error_init (lazy_zip()->fn_zip_error_init)
#define zip_error_init_with_code (lazy_zip()->fn_zip_error_init_with_code)
#define zip_error_strerror (lazy_zip()->fn_zip_error_strerror)
#define zip_fclose (lazy_zip()->fn_zip_fclose)
#define zip_file_strerror (lazy_zip()->fn_zip_file_strerror)
#define zip_fopen_index (lazy_zip()->fn_zip_fopen_index)
#define zip_fread (lazy_zip()->fn_zip_fread)
#define zip_name_locate (lazy_zip()->fn_zip_name_locate)
#define zip_open (lazy_zip()->fn_zip_open)
#define zip_open_from_source (lazy_zip()->fn_zip_open_from_source)
#define zip_source_buffer_create (lazy_zip()->fn_zip_source_buffer_create)
#define zip_source_free (lazy_zip()->fn_zip_source_free)
#define zip_strerror (lazy_zip()->fn_zip_strerror)

#endif
