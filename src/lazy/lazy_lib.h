/* lazy_lib.h: a shared library opened the first time it is needed, its
 * functions looked up by name.
 *
 * The kiosk's first frame waits for every library linked into it: the
 * dynamic linker maps, relocates and initialises each before main() (libpq
 * alone brings Kerberos, LDAP and GnuTLS, about 20 ms). Libraries that only
 * sync, typed-in XLSForm workbooks, recorded sound or systemd use are
 * therefore not linked into the sayso binary: each has a header here
 * (lazy_pq.h, lazy_sndfile.h, lazy_xlsx.h, lazy_systemd.h) that points its
 * functions' names at a table filled on first use, so the code calling
 * them reads as if they were linked.
 *
 * A table is process-wide state, as the dynamic linker's own is: filled
 * once under a lock, then only read, from any thread. */
#ifndef SAYSO_LAZY_LIB_H
#define SAYSO_LAZY_LIB_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct LazyLib {
    const char *soname;        /* "libpq.so.5" */
    const char *package;       /* the Debian package that has it: "libpq5" */
    const char *const *names;  /* the functions to find, NULL-terminated */
    void *table;               /* a struct of their pointers, in names' order */
    pthread_mutex_t lock;
    int state;                 /* 0 not tried, 1 ready, -1 failed (atomic) */
    char error[320];
} LazyLib;

/* The fields' initial values for a LazyLib of `soname` from Debian's
 * `package`, whose functions `names` land in `table`, a struct
 * of LAZY_LIB_SLOTs in the same order. */
#define LAZY_LIB_INIT(soname, package, names, table) \
    {(soname), (package), (names), (table), PTHREAD_MUTEX_INITIALIZER, 0, ""}

/* A table's field for function `f`: a pointer of f's own type. */
#define LAZY_LIB_SLOT(f) __typeof__(&f) fn_##f;

/* Opens `lib` if no one has yet (any thread); true when it and every
 * function are there. Otherwise false, and `err` (when not NULL) gets a
 * plain message naming the library and its Debian package, the same on
 * every later call. */
bool lazy_lib_ready(LazyLib *lib, char *err, size_t err_size);

/* For a call through the table: opens `lib` if need be. A library that
 * cannot be opened here is a broken installation the caller did not check
 * for with lazy_lib_ready: the message goes to stderr and the process
 * aborts rather than call through an empty slot. */
void lazy_lib_require(LazyLib *lib);

#endif
