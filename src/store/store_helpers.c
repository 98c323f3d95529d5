/* store_helpers.c: small statement helpers the files of src/store share
 * (store_internal.h): binding texts, one-integer queries, copying a blob,
 * and the monotonic clock commits are timed with. They work on a bare
 * connection, so the snapshot reader uses them as the Store does. */
#include "store/store_internal.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double store_clock_ms(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec * 1000.0 + (double)now.tv_nsec / 1e6;
}

int store_prepare_texts(sqlite3 *db, const char *sql, const char *const *values, int n,
                        sqlite3_stmt **stmt)
{
    int rc = sqlite3_prepare_v2(db, sql, -1, stmt, NULL);
    for (int i = 0; i < n && rc == SQLITE_OK; i++)
        rc = sqlite3_bind_text(*stmt, i + 1, values[i], -1, SQLITE_STATIC);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(*stmt);
        *stmt = NULL;
    }
    return rc;
}

int store_query_int(sqlite3 *db, const char *sql, const char *const *values, int n, int *value)
{
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare_texts(db, sql, values, n, &stmt);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        *value = sqlite3_column_int(stmt, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int store_copy_blob(sqlite3_stmt *stmt, int column, unsigned char **out, size_t *size)
{
    size_t n = (size_t)sqlite3_column_bytes(stmt, column);
    const void *blob = sqlite3_column_blob(stmt, column);
    *out = malloc(n ? n : 1);
    *size = *out ? n : 0;
    if (!*out)
        return SQLITE_NOMEM;
    if (n)
        memcpy(*out, blob, n);
    return SQLITE_OK;
}

int store_update_sessions(Store *store, const char *update_sql, const char *const *session_ids, int n)
{
    assert(store && n >= 0 && (n == 0 || session_ids));
    sqlite3_stmt *stmt = NULL;
    double start = store_clock_ms();
    int rc = store_begin(store);
    if (rc == SQLITE_OK)
        rc = store_prepare_texts(store_connection(store), update_sql, NULL, 0, &stmt);
    for (int i = 0; i < n && rc == SQLITE_OK; i++) {
        rc = sqlite3_bind_text(stmt, 1, session_ids[i], -1, SQLITE_STATIC);
        if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_DONE)
            rc = SQLITE_OK;
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    return store_end_transaction(store, rc, start);
}
