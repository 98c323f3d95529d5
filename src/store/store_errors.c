/* store_errors.c: SQLite result codes turned into words a person can act on.
 *
 * Staff meet these on the kiosk's screen or in the log, so each message names
 * the database file and says what is wrong with it ("the disk is full"), not
 * what SQLite calls it. The table is searched for the extended code first,
 * then for the primary one; codes not in it fall back to SQLite's own words. */
#include "store/store_internal.h"

#include <stdio.h>

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

void store_describe_error(sqlite3 *db, int rc, const char *path, char *out, size_t out_size)
{
    const StoreReason *reason = store_reason_find(rc);
    if (reason) {
        snprintf(out, out_size, reason->format, path);
        return;
    }
    const char *detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    snprintf(out, out_size, "could not use %s: %s", path, detail);
}
