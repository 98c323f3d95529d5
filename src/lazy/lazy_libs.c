/* lazy_libs.c: the tables of the libraries opened on first use (see
 * lazy_lib.h), one per library, each filled once. */
#include "lazy/lazy_pq.h"
#include "lazy/lazy_sndfile.h"
#include "lazy/lazy_systemd.h"
#include "lazy/lazy_xml.h"
#include "lazy/lazy_zip.h"

#define LAZY_NAME(f) #f,

/* The names, the table and the LazyLib of library `name` (its functions
 * listed by LAZY_<LIST>_FUNCTIONS, its table a `Table`), and its two public
 * functions lazy_<name>_ready and lazy_<name>. */
#define LAZY_LIBRARY(name, LIST, Table, soname, package)                                   \
    static const char *const lazy_##name##_names[] = {LAZY_##LIST##_FUNCTIONS(LAZY_NAME) NULL}; \
    static Table lazy_##name##_table;                                                      \
    static LazyLib lazy_##name##_lib =                                                     \
        LAZY_LIB_INIT(soname, package, lazy_##name##_names, &lazy_##name##_table);         \
    _Static_assert(sizeof lazy_##name##_table ==                                           \
                       sizeof(void *) * (sizeof lazy_##name##_names / sizeof(char *) - 1), \
                   "one pointer per name");                                                \
    bool lazy_##name##_ready(char *err, size_t err_size)                                   \
    {                                                                                      \
        return lazy_lib_ready(&lazy_##name##_lib, err, err_size);                          \
    }                                                                                      \
    const Table *lazy_##name(void)                                                         \
    {                                                                                      \
        lazy_lib_require(&lazy_##name##_lib);                                              \
        return &lazy_##name##_table;                                                       \
    }

LAZY_LIBRARY(pq, PQ, LazyPq, "libpq.so.5", "libpq5")
LAZY_LIBRARY(sndfile, SNDFILE, LazySndfile, "libsndfile.so.1", "libsndfile1")
LAZY_LIBRARY(zip, ZIP, LazyZip, "libzip.so.4", "libzip4")
LAZY_LIBRARY(xml, XML, LazyXml, "libxml2.so.2", "libxml2")
LAZY_LIBRARY(systemd, SYSTEMD, LazySystemd, "libsystemd.so.0", "libsystemd0")
