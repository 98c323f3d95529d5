/* sync_internal.h: what the files of src/sync share: one connection to
 * the central store, its errors in words, and the schema's version.
 *
 * Only the .c files of src/sync include this header (and with it
 * libpq-fe.h). */
#ifndef SAYSO_SYNC_INTERNAL_H
#define SAYSO_SYNC_INTERNAL_H

#include "lazy/lazy_pq.h"
#include <stdbool.h>
#include <stddef.h>

#include "sync/sync.h"

/* The central schema this program writes (central_schema.c). */
#define CENTRAL_SCHEMA_VERSION 2

/* The SQL of migration `version` (1 ... CENTRAL_SCHEMA_VERSION), or NULL. */
const char *central_migration(int version);

/* The group role every kiosk login is a member of. */
#define CENTRAL_KIOSK_ROLE "sayso_kiosk"

typedef struct {
    PGconn *pg;
    const char *password; /* scrubbed from every message; may be NULL */
    char where[256];      /* "HOST:PORT/DB", for messages */
} Central;

/* Connects to `target` (TLS when the URL asks; a CA file for
 * verify-full). 0, or -1 with `err` (the connection is closed). */
int central_connect(Central *c, const SyncTarget *target, SyncError *err);
void central_close(Central *c);

/* Fills `err` for a failed connection or command: `plain` in words a
 * person at the kiosk can act on, `detail` as "DOING: WHAT LIBPQ SAID"
 * (scrubbed). `res` may be NULL. Returns -1. */
int central_fail(Central *c, PGresult *res, const char *doing, SyncError *err);

/* Fills `err` with a message of our own (both texts the same). -1. */
int central_fail_with(SyncError *err, const char *plain, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Runs `sql` (no parameters), expecting `want`. 0, or -1 with `err`. */
int central_exec(Central *c, const char *sql, ExecStatusType want, const char *doing,
                 SyncError *err);

/* Runs `sql` with text parameters; the result (PGRES_TUPLES_OK or
 * PGRES_COMMAND_OK) for the caller to PQclear, or NULL with `err`. */
PGresult *central_query(Central *c, const char *sql, int n, const char *const *values,
                        const char *doing, SyncError *err);

/* The central schema's version: 0 when there is none. -1 with `err`. */
int central_schema_version(Central *c, SyncError *err);

/* Replaces every copy of `secret` in `text` (and a URL's "user:password@")
 * with "********". */
void central_scrub(char *text, size_t size, const char *secret);

#endif
