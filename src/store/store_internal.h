/* store_internal.h: what the files of src/store share with each other.
 *
 * Only the .c files of src/store include this header (and with it
 * sqlite3.h); the rest of sayso sees the store through store.h alone. */
#ifndef SAYSO_STORE_INTERNAL_H
#define SAYSO_STORE_INTERNAL_H

#include <stddef.h>
#include <sqlite3.h>

/* Brings the database open on `db` up to STORE_SCHEMA_VERSION, one migration
 * per transaction (BEGIN IMMEDIATE, so two processes opening a new file at
 * once do not both create it). Refuses a file that another program made and
 * one whose schema is newer than this program knows. Returns 0, or -1 with a
 * plain message naming `path` in `err`; a failed step is rolled back. */
int store_schema_migrate(sqlite3 *db, const char *path, char *err, size_t err_size);

/* Writes into `out` words a person can act on for the SQLite result `rc`
 * (extended codes welcome) met while using the database file `path`, such as
 * "could not save to sayso.db: the disk is full". `db` may be NULL; when
 * given, its own message fills in codes that have no words of their own. */
void store_describe_error(sqlite3 *db, int rc, const char *path, char *out, size_t out_size);

#endif
