/* store_value.c: typed values and clearing a question's answer (store.h).
 *
 * XLSForm's integer, decimal, date and acknowledge answers, and the values
 * a form works out or records without a screen, are kept in the answer
 * row's value column (schema 9) as what they are: SQLite keeps each value
 * with the type it was bound with, so an export reads 42 as a number and
 * "2026-03-01" as a date's text. They run on the kiosk's own connection
 * (store_internal.h), one transaction each, as every answer is. */
#include "store/store_internal.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The answer row of a typed value: choice NULL, skipped 0, as for typed
 * words (STORE_SQL_FREE_ADD in store.c). ?1 id, ?2 session, ?3 question. */
#define VALUE_ROW_ADD                                                                             \
    "INSERT INTO answer (id, session_id, question, topic, choice, skipped, answered_at)"         \
    " SELECT ?1, ?2, ?3, NULL, NULL, 0, " STORE_NOW " WHERE NOT EXISTS"                         \
    " (SELECT 1 FROM answer WHERE session_id = ?2 AND question = ?3 AND topic IS NULL"           \
    " AND choice IS NULL AND skipped = 0)"

/* Runs `sql` with `n` texts bound; an SQLite result code. */
static int value_run(Store *store, const char *sql, const char *const *texts, int n)
{
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare_texts(store_connection(store), sql, texts, n, &stmt);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_DONE)
        rc = SQLITE_OK;
    sqlite3_finalize(stmt);
    return rc;
}

void store_value_column(sqlite3_stmt *stmt, int column, StoreValue *value)
{
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER: value->type = STORE_VALUE_INTEGER; break;
    case SQLITE_FLOAT: value->type = STORE_VALUE_REAL; break;
    case SQLITE_NULL: value->type = STORE_VALUE_NONE; break;
    default: value->type = STORE_VALUE_TEXT; break;
    }
    value->integer = sqlite3_column_int64(stmt, column);
    value->real = sqlite3_column_double(stmt, column);
    value->text = value->type == STORE_VALUE_TEXT ? (const char *)sqlite3_column_text(stmt, column) : NULL;
}

int store_value_bind(sqlite3_stmt *stmt, int param, const StoreValue *v)
{
    switch (v->type) {
    case STORE_VALUE_INTEGER: return sqlite3_bind_int64(stmt, param, v->integer);
    case STORE_VALUE_REAL: return sqlite3_bind_double(stmt, param, v->real);
    case STORE_VALUE_TEXT: return v->text ? sqlite3_bind_text(stmt, param, v->text, -1, SQLITE_STATIC)
                                          : sqlite3_bind_null(stmt, param);
    case STORE_VALUE_NONE: break;
    }
    return sqlite3_bind_null(stmt, param);
}

void store_value_text(const StoreValue *v, char *out, size_t size)
{
    switch (v->type) {
    case STORE_VALUE_INTEGER: snprintf(out, size, "%lld", v->integer); return;
    case STORE_VALUE_TEXT: snprintf(out, size, "%s", v->text ? v->text : ""); return;
    case STORE_VALUE_NONE: snprintf(out, size, "%s", ""); return;
    case STORE_VALUE_REAL: break;
    }
    for (int digits = 1; digits <= 17; digits++) {  /* the shortest that reads back the same */
        snprintf(out, size, "%.*g", digits, v->real);
        if (strtod(out, NULL) == v->real)
            return;
    }
}

/* Sets the row's value (and clears typed words): ?1 session, ?2 question, ?3 the value. */
static int value_set(Store *store, const char *const key[2], const StoreValue *v)
{
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare_texts(store_connection(store),
                                 "UPDATE answer SET value = ?3, text = NULL WHERE session_id = ?1"
                                 " AND question = ?2 AND topic IS NULL AND choice IS NULL AND skipped = 0",
                                 key, 2, &stmt);
    if (rc == SQLITE_OK)
        rc = store_value_bind(stmt, 3, v);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_DONE)
        rc = SQLITE_OK;
    sqlite3_finalize(stmt);
    return rc;
}

static bool value_is_empty(const StoreValue *v)
{
    return v->type == STORE_VALUE_NONE || (v->type == STORE_VALUE_TEXT && (!v->text || !v->text[0]));
}

int store_value_put(Store *store, const char *session_id, const char *question, const StoreValue *value)
{
    assert(store && session_id && question && value);
    char id[STORE_UUID_SIZE];
    store_new_uuid(id);
    const char *const row[3] = {id, session_id, question};
    bool empty = value_is_empty(value);
    double start = store_clock_ms();
    int rc = store_begin(store);
    if (rc == SQLITE_OK)
        rc = value_run(store,
                       empty ? "DELETE FROM answer WHERE session_id = ?1 AND question = ?2 AND topic IS NULL"
                             : "DELETE FROM answer WHERE session_id = ?1 AND question = ?2 AND topic IS NULL"
                               " AND (skipped = 1 OR choice IS NOT NULL)",
                       row + 1, 2);
    if (rc == SQLITE_OK && !empty)
        rc = value_run(store, VALUE_ROW_ADD, row, 3);
    if (rc == SQLITE_OK && !empty)
        rc = value_set(store, row + 1, value);
    return store_end_transaction(store, rc, start);
}

int store_answer_clear(Store *store, const char *session_id, const char *question)
{
    assert(store && session_id && question);
    const char *const key[2] = {session_id, question};
    double start = store_clock_ms();
    int rc = store_begin(store);
    if (rc == SQLITE_OK)
        rc = value_run(store,
                       "DELETE FROM answer WHERE session_id = ?1 AND (question = ?2"
                       " OR question = ?2 || ':spoken' OR question = ?2 || ':other')",
                       key, 2);
    if (rc == SQLITE_OK)
        rc = value_run(store,
                       "DELETE FROM recording WHERE session_id = ?1 AND (question = ?2"
                       " OR question = ?2 || ':spoken' OR question = ?2 || ':other')",
                       key, 2);
    return store_end_transaction(store, rc, start);
}
