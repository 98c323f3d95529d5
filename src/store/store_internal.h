/* store_internal.h: what the files of src/store share with each other.
 *
 * Only the .c files of src/store include this header (and with it
 * sqlite3.h); the rest of sayso sees the store through store.h alone. */
#ifndef SAYSO_STORE_INTERNAL_H
#define SAYSO_STORE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "store/store.h"

#define STORE_APPLICATION_ID 1935767923 /* "says" as a big-endian int32 */

/* SQL for the time now, as every time in the database is written. */
#define STORE_NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

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

/* Prepares `sql` on `db` and binds `n` texts (NULL binds NULL) to ?1..?n.
 * An SQLite result code; on failure *stmt is NULL. The caller finalizes. */
int store_prepare_texts(sqlite3 *db, const char *sql, const char *const *values, int n,
                        sqlite3_stmt **stmt);

/* Runs a query whose answer is one integer, binding `n` texts as
 * store_prepare_texts does. An SQLite result code; a query that returns
 * no row leaves *value as it was and is SQLITE_OK. */
int store_query_int(sqlite3 *db, const char *sql, const char *const *values, int n, int *value);

/* Copies the blob in `column` of the row `stmt` is on into a new buffer
 * (one byte for an empty blob) that the caller frees. SQLITE_OK, or
 * SQLITE_NOMEM with *out NULL and *size 0. */
int store_copy_blob(sqlite3_stmt *stmt, int column, unsigned char **out, size_t *size);

/* What store.c lends the other files of src/store that work on an open
 * Store (store_staff.c): its connection and file name, its error, and its
 * way of beginning and ending a write transaction. */
sqlite3 *store_connection(Store *store);
const char *store_path(const Store *store);

/* Records the words for SQLite result `rc` (store_describe_error) as the
 * store's error. Returns -1. */
int store_fail(Store *store, int rc);

/* Records a printf-style message as the store's error. Returns -1. */
int store_fail_with(Store *store, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* store_space.c: the reserve beside the database that lets the person
 * answering finish on a full disk (see store_taking_answers). */
#define STORE_RESERVE_BYTES (8 * 1024 * 1024) /* a session with two minute-long recordings */
typedef struct {
    char *reserve_path; /* PATH-reserve */
    bool taking;        /* answers are being taken */
    bool freed;         /* the reserve was just freed: a retry can succeed */
    char problem[640];  /* why answers are not being taken */
} StoreSpace;

/* Makes (or keeps) the reserve beside `db_path`; without room for it the
 * store starts not taking answers. 0, or -1 when out of memory. */
int store_space_open(StoreSpace *sp, const char *db_path);
void store_space_close(StoreSpace *sp);

/* Called with every failed SQLite result: on SQLITE_FULL frees the
 * reserve (once) and stops taking answers, with the reason. */
void store_space_noticed(StoreSpace *sp, int rc, const char *db_path);

/* The store's StoreSpace. */
StoreSpace *store_space_of(Store *store);

/* Milliseconds on a monotonic clock, to time commits. */
double store_clock_ms(void);

/* A new random (v4) UUID, lower case. */
void store_new_uuid(char out[STORE_UUID_SIZE]);

/* Begins a write transaction with BEGIN IMMEDIATE, so the write lock is
 * taken (or waited for) now, not at the first write. An SQLite result code. */
int store_begin(Store *store);

/* Runs `update_sql` (one parameter: a session id) once for each of the
 * `n` sessions, in one write transaction. 0 or -1 (store_error). */
int store_update_sessions(Store *store, const char *update_sql, const char *const *session_ids, int n);

/* Ends a write transaction begun (store_begin) at `start` (ms): commits
 * when `rc` is SQLITE_OK so far and times it as the last commit; otherwise
 * (or when the commit fails) records the error and rolls back. 0 or -1. */
int store_end_transaction(Store *store, int rc, double start);

/* A typed value (store.h) from `column` of a row: INTEGER, REAL, TEXT or
 * NULL as they are; the text stays the statement's until its next step. */
void store_value_column(sqlite3_stmt *stmt, int column, StoreValue *value);

/* Binds `value` to parameter `param`: NULL for STORE_VALUE_NONE. An
 * SQLite result code. */
int store_value_bind(sqlite3_stmt *stmt, int param, const StoreValue *value);

#endif
