/* store_errors.c: SQLite result codes turned into words a person can act on.
 *
 * Staff meet these on the kiosk's screen or in the log, so each message names
 * the database file and says what is wrong with it ("the disk is full"), not
 * what SQLite calls it. The table is searched for the extended code first,
 * then for the primary one; codes not in it fall back to SQLite's own words. */
#include "store/store_internal.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    int code;
    const char *format; /* one %s: the database file */
} StoreReason;

static const StoreReason store_reasons[] = {
    {SQLITE_CONSTRAINT_FOREIGNKEY, "could not save to %s: that session does not exist"},
    {SQLITE_IOERR_NOMEM, "out of memory while using %s"},
    {SQLITE_FULL, "could not save to %s: the disk is full"},
    {SQLITE_READONLY, "%s is read-only"},
    {SQLITE_NOTADB, "%s is not a sayso database (or is damaged)"},
    {SQLITE_CORRUPT, "%s is not a sayso database (or is damaged)"},
    {SQLITE_CANTOPEN, "cannot open %s: the file or its folder is missing or cannot be written"},
    {SQLITE_PERM, "cannot use %s: permission denied"},
    {SQLITE_AUTH, "cannot use %s: permission denied"},
    {SQLITE_BUSY, "%s is busy: another program kept it locked for too long"},
    {SQLITE_LOCKED, "%s is busy: another program kept it locked for too long"},
    {SQLITE_PROTOCOL, "%s is busy: another program kept it locked for too long"},
    {SQLITE_NOMEM, "out of memory while using %s"},
    {SQLITE_IOERR, "could not read or write %s: the disk reported an error"},
    {SQLITE_NOLFS, "%s is too large for this system"},
};

static const StoreReason *store_reason_find(int rc)
{
    size_t n = sizeof store_reasons / sizeof store_reasons[0];
    for (size_t i = 0; i < n; i++)
        if (store_reasons[i].code == rc)
            return &store_reasons[i];
    for (size_t i = 0; i < n; i++)
        if (store_reasons[i].code == (rc & 0xff))
            return &store_reasons[i];
    return NULL;
}

/* A database whose folder cannot be written cannot keep its -wal and -shm
 * files there: the folder is what to fix, not the file. True when that is
 * the case; the words are in `out`. */
static bool store_folder_is_the_problem(int rc, const char *path, char *out, size_t out_size)
{
    if ((rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN)
        return false;
    char *copy = strdup(path);
    const char *folder = copy ? dirname(copy) : NULL;
    bool folder_locked = folder && access(folder, F_OK) == 0 && access(folder, W_OK) != 0;
    if (folder_locked)
        snprintf(out, out_size,
                 "cannot save to %s: its folder %s cannot be written (the database keeps its "
                 "-wal and -shm files beside it); let the kiosk's user write to the folder",
                 path, folder);
    free(copy);
    return folder_locked;
}

void store_describe_error(sqlite3 *db, int rc, const char *path, char *out, size_t out_size)
{
    if (store_folder_is_the_problem(rc, path, out, out_size))
        return;
    const StoreReason *reason = store_reason_find(rc);
    if (reason) {
        snprintf(out, out_size, reason->format, path);
        return;
    }
    const char *detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    snprintf(out, out_size, "could not use %s: %s", path, detail);
}
