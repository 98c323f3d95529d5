/* store_staff.c: what the staff side asks of a kiosk's database
 * (store_staff.h): counts for the staff menu, marking sessions exported,
 * the group view's aggregates, the staff log and purging old sessions.
 *
 * These run on the kiosk's own connection (store.c lends it through
 * store_internal.h) and are rare, staff-driven calls, so each statement is
 * prepared when it is needed rather than kept, and every value is bound,
 * never pasted into SQL. A write is one transaction, rolled back on any
 * failure, with the error in words through store_error.
 *
 * Purging is the one place where deleting must really remove: with
 * secure_delete on, SQLite overwrites the freed cells and pages with zeros,
 * and a TRUNCATE checkpoint then copies those pages into the database file
 * and empties the -wal file, which would otherwise still hold the old pages.
 * A VACUUM then gives the freed pages back, so the file shrinks. */
#include "store/store_staff.h"
#include "store/store_internal.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sessions started before ?1, a date "YYYY-MM-DD": as text, the date sorts
 * before every time of its own day ("2026-11-01" < "2026-11-01T00:00..."),
 * so a session of that day is kept. */
#define STAFF_OLD_SESSIONS "(SELECT id FROM session WHERE started_at < ?1)"

/* Runs `sql` to its end; *changes (when not NULL) gets the rows it
 * changed. An SQLite result code. */
static int staff_run(Store *store, const char *sql, const char *const *values, int n,
                     int *changes)
{
    sqlite3 *db = store_connection(store);
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare_texts(db, sql, values, n, &stmt);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_DONE)
        rc = SQLITE_OK;
    if (rc == SQLITE_OK && changes)
        *changes = sqlite3_changes(db);
    sqlite3_finalize(stmt);
    return rc;
}

int store_counts(Store *store, const char *today_since, StoreCounts *out)
{
    assert(store && today_since && out);
    /* Totals from the tally row (migration 6), today's through the
     * started_at and answer_session indexes: no scan of the answers (the
     * IN form makes SQLite start from today's sessions; a join may not). */
    static const char sql[] =
        "SELECT (SELECT count(*) FROM session WHERE started_at >= ?1),"
        " (SELECT count(*) FROM answer WHERE skipped = 0 AND session_id IN"
        "   (SELECT id FROM session WHERE started_at >= ?1)),"
        " sessions, answers, not_exported, not_synced FROM tally";
    int *fields[] = {&out->sessions_today, &out->answers_today, &out->sessions_total,
                     &out->answers_total,  &out->not_exported,  &out->not_synced};
    const char *values[] = {today_since};
    sqlite3_stmt *stmt = NULL;
    memset(out, 0, sizeof *out);
    int rc = store_prepare_texts(store_connection(store), sql, values, 1, &stmt);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
            *fields[i] = sqlite3_column_int(stmt, (int)i);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_OK ? 0 : store_fail(store, rc);
}

int store_mark_exported(Store *store, const char *const *session_ids, int n)
{
    return store_update_sessions(store,
                                 "UPDATE session SET exported_at = " STORE_NOW
                                 " WHERE id = ?1 AND exported_at IS NULL",
                                 session_ids, n);
}

int store_group_counts(Store *store, const char *group_label, int *sessions, StoreCountFn fn,
                       void *ctx)
{
    assert(store && group_label && sessions);
    static const char sql[] =
        "SELECT a.question, a.topic, a.choice, count(*) FROM answer a"
        " JOIN session s ON s.id = a.session_id"
        " WHERE s.group_label = ?1 AND a.skipped = 0 AND a.choice IS NOT NULL"
        " GROUP BY a.question, a.topic, a.choice ORDER BY a.question, a.topic, a.choice";
    const char *values[] = {group_label};
    sqlite3 *db = store_connection(store);
    sqlite3_stmt *stmt = NULL;
    int calls = 0;
    *sessions = 0;
    int rc = store_query_int(db, "SELECT count(*) FROM session WHERE group_label = ?1", values,
                             1, sessions);
    if (rc == SQLITE_OK)
        rc = store_prepare_texts(db, sql, values, 1, &stmt);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        calls++;
        if (fn)
            fn(ctx, (const char *)sqlite3_column_text(stmt, 0),
               (const char *)sqlite3_column_text(stmt, 1),
               (const char *)sqlite3_column_text(stmt, 2), sqlite3_column_int(stmt, 3));
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? calls : store_fail(store, rc);
}

/* Writes one row of the staff log. An SQLite result code. */
static int staff_log_row(Store *store, const char *event, const char *detail)
{
    const char *values[] = {event, detail};
    return staff_run(store,
                     "INSERT INTO staff_event (at, event, detail) VALUES (" STORE_NOW ", ?1, ?2)",
                     values, 2, NULL);
}

int store_staff_log(Store *store, const char *event, const char *detail)
{
    assert(store && event && *event);
    int rc = staff_log_row(store, event, detail);
    return rc == SQLITE_OK ? 0 : store_fail(store, rc);
}

int store_staff_log_count(Store *store, const char *event, const char *since)
{
    assert(store && event);
    const char *values[] = {event, since};
    int count = 0;
    int rc = store_query_int(store_connection(store),
                             "SELECT count(*) FROM staff_event"
                             " WHERE event = ?1 AND at >= coalesce(?2, '')",
                             values, 2, &count);
    return rc == SQLITE_OK ? count : store_fail(store, rc);
}

int store_group_running(Store *store, char *label, size_t label_size)
{
    assert(store && label && label_size > 0);
    sqlite3_stmt *stmt = NULL;
    int found = 0;
    label[0] = '\0';
    int rc = store_prepare_texts(store_connection(store),
                                 "SELECT event, detail FROM staff_event WHERE event IN"
                                 " ('group_start', 'group_end') ORDER BY id DESC LIMIT 1",
                                 NULL, 0, &stmt);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *event = (const char *)sqlite3_column_text(stmt, 0);
        const char *detail = (const char *)sqlite3_column_text(stmt, 1);
        if (event && strcmp(event, "group_start") == 0 && detail && detail[0]) {
            snprintf(label, label_size, "%s", detail);
            found = 1;
        }
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE || rc == SQLITE_OK ? found : store_fail(store, rc);
}

int store_pin_history(Store *store, int *failures, long long *lock_age_ms)
{
    assert(store && failures && lock_age_ms);
    sqlite3 *db = store_connection(store);
    int wrong = 0, age = -1;
    int rc = store_query_int(db,
                             "SELECT count(*) FROM staff_event WHERE event = 'pin_wrong' AND rowid >"
                             " (SELECT coalesce(max(rowid), 0) FROM staff_event"
                             "  WHERE event IN ('pin_ok', 'pin_locked'))",
                             NULL, 0, &wrong);
    if (rc == SQLITE_OK) /* a clock set back since counts as no time passed */
        rc = store_query_int(db,
                             "SELECT max(0, CAST((julianday('now') - julianday(at)) * 86400000 AS INTEGER))"
                             " FROM staff_event WHERE event = 'pin_locked' ORDER BY rowid DESC LIMIT 1",
                             NULL, 0, &age);
    if (rc != SQLITE_OK)
        return store_fail(store, rc);
    *failures = wrong;
    *lock_age_ms = age;
    return 0;
}

/* True for a real day written "YYYY-MM-DD" (digits only, the month's
 * length and leap years checked). */
static bool staff_is_date(const char *date)
{
    static const int days_in[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!date || strlen(date) != 10)
        return false;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? date[i] != '-' : !isdigit((unsigned char)date[i]))
            return false;
    int year = atoi(date), month = atoi(date + 5), day = atoi(date + 8);
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month < 1 || month > 12 || day < 1 || day > days_in[month - 1])
        return false;
    return month != 2 || day < 29 || leap;
}

/* Notes the purge in the staff log, inside its transaction: the log keeps
 * that old answers were deleted, and how many, never what they said. An
 * SQLite result code. */
static int staff_purge_log(Store *store, const char *date, const StorePurged *gone)
{
    char detail[160];
    snprintf(detail, sizeof detail, "before %s: %d sessions, %d answers, %d recordings", date,
             gone->sessions, gone->answers, gone->recordings);
    return staff_log_row(store, "purge", detail);
}

/* Deletes the sessions started before `date` with their recordings and
 * answers (children first: the foreign keys are on) and logs it, in one
 * transaction. Fills `out` only when it commits. 0 or -1. */
static int staff_purge_rows(Store *store, const char *date, StorePurged *out)
{
    const char *values[] = {date};
    StorePurged gone = {0, 0, 0};
    double start = store_clock_ms();
    int rc = store_begin(store);
    if (rc == SQLITE_OK)
        rc = staff_run(store, "DELETE FROM recording WHERE session_id IN " STAFF_OLD_SESSIONS,
                       values, 1, &gone.recordings);
    if (rc == SQLITE_OK)
        rc = staff_run(store, "DELETE FROM answer WHERE session_id IN " STAFF_OLD_SESSIONS,
                       values, 1, &gone.answers);
    if (rc == SQLITE_OK)
        rc = staff_run(store, "DELETE FROM session WHERE started_at < ?1", values, 1,
                       &gone.sessions);
    if (rc == SQLITE_OK)
        rc = staff_purge_log(store, date, &gone);
    if (store_end_transaction(store, rc, start) != 0)
        return -1;
    *out = gone;
    return 0;
}

/* Copies every page of the WAL into the database file and empties the WAL,
 * so the zeroed pages replace the old ones everywhere. It waits (the busy
 * timeout) for readers; one still reading leaves the copy unfinished, and
 * that is -1 although the rows are gone (a later purge finishes it). */
static int staff_checkpoint(Store *store)
{
    const char *path = store_path(store);
    int rc = sqlite3_wal_checkpoint_v2(store_connection(store), "main",
                                       SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        return store_fail_with(store,
                               "the old sessions are deleted, but another program kept %s busy,"
                               " so copies of them may stay in %s-wal: close the kiosk and"
                               " exports and purge again",
                               path, path);
    return rc == SQLITE_OK ? 0 : store_fail(store, rc);
}

/* Gives the pages the purge freed back to the file system: VACUUM
 * rewrites the database without them (through the WAL), and a second
 * TRUNCATE checkpoint puts that into the file and empties the WAL. Only
 * when pages are free, so a purge that deleted nothing stays cheap. The
 * rows are gone whatever happens here; a failure (a full disk: VACUUM
 * needs room for a copy) says the file kept its size. 0 or -1. */
static int staff_shrink(Store *store)
{
    sqlite3 *db = store_connection(store);
    int free_pages = 0;
    int rc = store_query_int(db, "PRAGMA freelist_count", NULL, 0, &free_pages);
    if (rc == SQLITE_OK && free_pages == 0)
        return 0;
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "VACUUM", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        char why[256];
        store_describe_error(db, rc, store_path(store), why, sizeof why);
        return store_fail_with(store, "the old sessions are deleted, but %s could not be made"
                                      " smaller: %s", store_path(store), why);
    }
    return staff_checkpoint(store);
}

int store_purge_before(Store *store, const char *date, StorePurged *out)
{
    assert(store && out);
    memset(out, 0, sizeof *out);
    if (!staff_is_date(date))
        return store_fail_with(store, "purge needs a day written YYYY-MM-DD, such as 2026-01-01,"
                                      " not \"%s\"", date ? date : "");
    sqlite3 *db = store_connection(store);
    int secure = 0;
    int rc = store_query_int(db, "PRAGMA secure_delete", NULL, 0, &secure);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "PRAGMA secure_delete = ON", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return store_fail(store, rc);
    int status = staff_purge_rows(store, date, out);
    char restore[40];
    snprintf(restore, sizeof restore, "PRAGMA secure_delete = %d", secure);
    sqlite3_exec(db, restore, NULL, NULL, NULL); /* only costs speed if it stays on */
    if (status != 0 || staff_checkpoint(store) != 0)
        return -1;
    return staff_shrink(store);
}
