/* store_sync.c: batches for sync, marking sessions synced, closing
 * abandoned sessions, merging databases and importing rows
 * (store_sync.h).
 *
 * A batch is a run of ended, unsynced sessions in rowid order, read in one
 * read transaction: the sessions first (stopping at the batch's limits),
 * then the answers and recordings of exactly those sessions, found again
 * by the same conditions within the rowid range the first query covered.
 * Inside one snapshot the three queries see the same sessions, however
 * the kiosk writes meanwhile. Marking is by id, never by range: a session
 * that ended after the batch was read is not marked with it.
 *
 * Merging attaches the source file and copies each table's rows with
 * INSERT OR IGNORE over the columns both files have, so a stick from an
 * older sayso merges too, and a row that is already there (same UUID) is
 * left alone. */
#include "store/store_sync.h"
#include "store/store_internal.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The ended, unsynced sessions after ?1 (of kiosk ?2, when given). */
#define SYNC_PENDING                                                                              \
    " s.ended_at IS NOT NULL AND s.synced_at IS NULL AND (?2 IS NULL OR s.kiosk_id = ?2)"

static const char sync_sessions_sql[] =
    "SELECT s.rowid, s.id, s.kiosk_id, s.survey_id, s.survey_version, s.language, s.touch_style,"
    " s.input_used, s.mode, s.group_label, s.started_at, s.ended_at, s.ended_how,"
    " (SELECT count(*) FROM answer a WHERE a.session_id = s.id),"
    " (SELECT coalesce(sum(length(r.wav)), 0) FROM recording r WHERE r.session_id = s.id)"
    " FROM session s WHERE s.rowid > ?1 AND" SYNC_PENDING " ORDER BY s.rowid";

static const char sync_answers_sql[] =
    "SELECT s.kiosk_id, a.id, a.session_id, a.question, a.topic, a.choice, a.skipped, a.text,"
    " a.answered_at, a.not_reached, a.value FROM session s JOIN answer a ON a.session_id = s.id"
    " WHERE s.rowid > ?1 AND s.rowid <= ?3 AND" SYNC_PENDING;

static const char sync_recordings_sql[] =
    "SELECT s.kiosk_id, r.id, r.session_id, r.question, r.wav, r.duration_ms, r.sample_rate,"
    " r.recorded_at FROM session s JOIN recording r ON r.session_id = s.id"
    " WHERE s.rowid > ?1 AND s.rowid <= ?3 AND" SYNC_PENDING;

/* A batch being read: its statement, the sink, and where it stopped. */
typedef struct {
    Store *store;
    StoreSyncBatch *batch;
    const StoreSyncSink *sink;
    void *ctx;
    long long last; /* rowid of the batch's last session */
    bool sink_stopped;
} SyncRead;

static const char *sync_text(sqlite3_stmt *stmt, int column)
{
    return (const char *)sqlite3_column_text(stmt, column);
}

/* Prepares `sql` with the batch's ?1 (after), ?2 (kiosk) and ?3 (last). */
static int sync_prepare(SyncRead *rd, const char *sql, sqlite3_stmt **stmt)
{
    int rc = sqlite3_prepare_v2(store_connection(rd->store), sql, -1, stmt, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(*stmt, 1, rd->batch->after);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(*stmt, 2, rd->batch->kiosk_id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK && sqlite3_bind_parameter_count(*stmt) >= 3)
        rc = sqlite3_bind_int64(*stmt, 3, rd->last);
    return rc;
}

/* Hands the sink sessions until a limit is reached. The number of
 * sessions, or -1 with the SQLite code in *rc. */
static int sync_read_sessions(SyncRead *rd, int *rc)
{
    const StoreSyncBatch *b = rd->batch;
    sqlite3_stmt *stmt = NULL;
    int n = 0;
    long long answers = 0, bytes = 0;
    *rc = sync_prepare(rd, sync_sessions_sql, &stmt);
    while (*rc == SQLITE_OK && (*rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        *rc = SQLITE_OK;
        answers += sqlite3_column_int64(stmt, 13);
        bytes += sqlite3_column_int64(stmt, 14);
        StoreSessionRow row = {0};
        const char **fields[] = {&row.id,         &row.kiosk_id,    &row.survey_id,
                                 &row.survey_version, &row.language, &row.touch_style,
                                 &row.input_used, &row.mode,        &row.group_label,
                                 &row.started_at, &row.ended_at,    &row.ended_how};
        for (int i = 0; i < 12; i++)
            *fields[i] = sync_text(stmt, i + 1);
        rd->last = sqlite3_column_int64(stmt, 0);
        n++;
        if (rd->sink->session(rd->ctx, &row) != 0) {
            rd->sink_stopped = true;
            break;
        }
        if (n >= b->max_sessions || answers >= b->max_answers || bytes >= b->max_bytes)
            break;
    }
    if (*rc == SQLITE_DONE || *rc == SQLITE_ROW)
        *rc = SQLITE_OK;
    sqlite3_finalize(stmt);
    return *rc == SQLITE_OK ? n : -1;
}

static int sync_read_answers(SyncRead *rd)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sync_prepare(rd, sync_answers_sql, &stmt);
    while (rc == SQLITE_OK && !rd->sink_stopped && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        StoreAnswerRow row = {.id = sync_text(stmt, 1),
                              .session_id = sync_text(stmt, 2),
                              .question = sync_text(stmt, 3),
                              .topic = sync_text(stmt, 4),
                              .choice = sync_text(stmt, 5),
                              .skipped = sqlite3_column_int(stmt, 6) != 0,
                              .text = sync_text(stmt, 7),
                              .answered_at = sync_text(stmt, 8),
                              .not_reached = sqlite3_column_int(stmt, 9) != 0};
        store_value_column(stmt, 10, &row.value);
        rd->sink_stopped = rd->sink->answer(rd->ctx, sync_text(stmt, 0), &row) != 0;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int sync_read_recordings(SyncRead *rd)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sync_prepare(rd, sync_recordings_sql, &stmt);
    while (rc == SQLITE_OK && !rd->sink_stopped && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        StoreRecordingRow row = {.id = sync_text(stmt, 1),
                                 .session_id = sync_text(stmt, 2),
                                 .question = sync_text(stmt, 3),
                                 .wav = sqlite3_column_blob(stmt, 4),
                                 .size = (size_t)sqlite3_column_bytes(stmt, 4),
                                 .duration_ms = sqlite3_column_int(stmt, 5),
                                 .sample_rate = sqlite3_column_int(stmt, 6),
                                 .recorded_at = sync_text(stmt, 7)};
        rd->sink_stopped = rd->sink->recording(rd->ctx, sync_text(stmt, 0), &row) != 0;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Calls the sink's `part` unless it stopped already. */
static void sync_part(SyncRead *rd, StoreSyncPart part)
{
    if (!rd->sink_stopped && rd->sink->part(rd->ctx, part) != 0)
        rd->sink_stopped = true;
}

int store_sync_read(Store *store, StoreSyncBatch *batch, const StoreSyncSink *sink, void *ctx)
{
    assert(store && batch && sink && batch->max_sessions > 0);
    sqlite3 *db = store_connection(store);
    SyncRead rd = {.store = store, .batch = batch, .sink = sink, .ctx = ctx};
    int n = 0;
    int rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    sync_part(&rd, STORE_SYNC_SESSIONS);
    if (rc == SQLITE_OK && !rd.sink_stopped)
        n = sync_read_sessions(&rd, &rc);
    if (rc == SQLITE_OK && n > 0) {
        sync_part(&rd, STORE_SYNC_ANSWERS);
        rc = sync_read_answers(&rd);
    }
    if (rc == SQLITE_OK && n > 0) {
        sync_part(&rd, STORE_SYNC_RECORDINGS);
        rc = sync_read_recordings(&rd);
    }
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL); /* a read: nothing to write */
    if (rc != SQLITE_OK)
        return store_fail(store, rc);
    if (rd.sink_stopped)
        return -2;
    if (n > 0)
        batch->after = rd.last;
    return n;
}

int store_sync_mark(Store *store, const char *const *session_ids, int n)
{
    return store_update_sessions(store,
                                 "UPDATE session SET synced_at = " STORE_NOW
                                 " WHERE id = ?1 AND synced_at IS NULL",
                                 session_ids, n);
}

int store_sync_counts(Store *store, const char *kiosk_id, StoreSyncCounts *out)
{
    assert(store && out);
    static const char sql[] =
        "SELECT (SELECT count(*) FROM session s WHERE s.rowid > 0 AND" SYNC_PENDING "),"
        " (SELECT count(*) FROM session WHERE ended_at IS NULL),"
        " (SELECT count(*) FROM session WHERE ended_at IS NOT NULL AND synced_at IS NULL"
        "   AND ?2 IS NOT NULL AND kiosk_id <> ?2),"
        " (SELECT count(DISTINCT kiosk_id) FROM session WHERE ended_at IS NOT NULL"
        "   AND synced_at IS NULL),"
        " (SELECT coalesce(max(synced_at), '') FROM session)";
    const char *values[2] = {NULL, kiosk_id};
    sqlite3_stmt *stmt = NULL;
    memset(out, 0, sizeof *out);
    int rc = store_prepare_texts(store_connection(store), sql, values, 2, &stmt);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        out->to_send = sqlite3_column_int(stmt, 0);
        out->open = sqlite3_column_int(stmt, 1);
        out->other_kiosks = sqlite3_column_int(stmt, 2);
        out->kiosks = sqlite3_column_int(stmt, 3);
        snprintf(out->last_synced, sizeof out->last_synced, "%s", sync_text(stmt, 4));
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_OK ? 0 : store_fail(store, rc);
}

int store_sync_close_abandoned(Store *store, const char *idle_before, int *closed)
{
    assert(store && closed);
    static const char sql[] =
        "UPDATE session SET ended_how = 'timeout', ended_at = open.last FROM"
        " (SELECT s.id AS sid, max(s.started_at,"
        "   coalesce((SELECT max(answered_at) FROM answer WHERE session_id = s.id), ''),"
        "   coalesce((SELECT max(recorded_at) FROM recording WHERE session_id = s.id), ''))"
        "   AS last FROM session s WHERE s.ended_at IS NULL) AS open"
        " WHERE session.id = open.sid AND (?1 IS NULL OR open.last < ?1)";
    sqlite3_stmt *stmt = NULL;
    double start = store_clock_ms();
    *closed = 0;
    int rc = store_begin(store);
    if (rc == SQLITE_OK)
        rc = store_prepare_texts(store_connection(store), sql, &idle_before, 1, &stmt);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_DONE) {
        rc = SQLITE_OK;
        *closed = sqlite3_changes(store_connection(store));
    }
    sqlite3_finalize(stmt);
    return store_end_transaction(store, rc, start);
}

/* ---- merging ------------------------------------------------------------ */

/* The source is the store's own file (or a link to it). */
static bool merge_same_file(Store *store, const char *source_path)
{
    struct stat a, b;
    return stat(store_path(store), &a) == 0 && stat(source_path, &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

/* The attached file is sayso's and not newer than this program. 0, or -1
 * with store_error. */
static int merge_check_source(Store *store, const char *source_path)
{
    sqlite3 *db = store_connection(store);
    int version = 0, app_id = 0, objects = 0;
    int rc = store_query_int(db, "PRAGMA src.user_version", NULL, 0, &version);
    if (rc == SQLITE_OK)
        rc = store_query_int(db, "PRAGMA src.application_id", NULL, 0, &app_id);
    if (rc == SQLITE_OK)
        rc = store_query_int(db, "SELECT count(*) FROM src.sqlite_master", NULL, 0, &objects);
    if (rc != SQLITE_OK)
        return store_fail_with(store, "cannot read %s: %s", source_path, sqlite3_errmsg(db));
    if (app_id != STORE_APPLICATION_ID || version == 0)
        return store_fail_with(store, "%s is not a sayso database (it belongs to another program%s)",
                               source_path, objects == 0 ? ", or is empty" : "");
    if (version < 0)
        return store_fail_with(store, "%s is damaged (its schema version, %d, is not one sayso writes)",
                               source_path, version);
    if (version > STORE_SCHEMA_VERSION)
        return store_fail_with(store,
                               "%s was written by a newer sayso (schema version %d; this sayso "
                               "knows up to %d): update sayso to merge it",
                               source_path, version, STORE_SCHEMA_VERSION);
    return 0;
}

/* "a, b, c": the columns `table` has in both files. An SQLite code. */
static int merge_columns(sqlite3 *db, const char *table, char *out, size_t size)
{
    sqlite3_stmt *stmt = NULL;
    const char *values[1] = {table};
    int rc = store_prepare_texts(db,
                                 "SELECT m.name FROM pragma_table_info(?1, 'main') m"
                                 " JOIN pragma_table_info(?1, 'src') s ON s.name = m.name"
                                 " ORDER BY m.cid",
                                 values, 1, &stmt);
    size_t used = 0;
    out[0] = '\0';
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        int n = snprintf(out + used, size - used, "%s\"%s\"", used ? ", " : "", sync_text(stmt, 0));
        rc = n > 0 && used + (size_t)n < size ? SQLITE_OK : SQLITE_TOOBIG;
        used += rc == SQLITE_OK ? (size_t)n : 0;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Copies `table`'s missing rows; *added gets how many. An SQLite code. */
static int merge_table(sqlite3 *db, const char *table, int *added)
{
    char columns[1024], sql[2400];
    int rc = merge_columns(db, table, columns, sizeof columns);
    if (rc != SQLITE_OK)
        return rc;
    snprintf(sql, sizeof sql, "INSERT OR IGNORE INTO main.%s (%s) SELECT %s FROM src.%s ORDER BY rowid",
             table, columns, columns, table);
    rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    *added = rc == SQLITE_OK ? sqlite3_changes(db) : 0;
    return rc;
}

/* Copies the four tables in one transaction. 0 or -1. */
static int merge_rows(Store *store, StoreMerged *added)
{
    sqlite3 *db = store_connection(store);
    const char *tables[] = {"kiosk", "session", "answer", "recording"};
    int *counts[] = {&added->kiosks, &added->sessions, &added->answers, &added->recordings};
    double start = store_clock_ms();
    int rc = store_begin(store);
    for (int i = 0; i < 4 && rc == SQLITE_OK; i++)
        rc = merge_table(db, tables[i], counts[i]);
    return store_end_transaction(store, rc, start);
}

int store_merge(Store *store, const char *source_path, StoreMerged *added)
{
    assert(store && source_path && added);
    sqlite3 *db = store_connection(store);
    struct stat st;
    memset(added, 0, sizeof *added);
    if (stat(source_path, &st) != 0 || !S_ISREG(st.st_mode))
        return store_fail_with(store, "cannot merge %s: there is no such database file",
                               source_path);
    if (merge_same_file(store, source_path))
        return store_fail_with(store, "cannot merge %s into itself", source_path);
    sqlite3_stmt *attach = NULL;
    int rc = store_prepare_texts(db, "ATTACH ?1 AS src", &source_path, 1, &attach);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(attach);
    sqlite3_finalize(attach);
    if (rc != SQLITE_DONE)
        return store_fail_with(store, "cannot open %s: %s", source_path, sqlite3_errmsg(db));
    int status = merge_check_source(store, source_path);
    if (status == 0)
        status = merge_rows(store, added);
    sqlite3_exec(db, "DETACH src", NULL, NULL, NULL);
    return status;
}

/* ---- importing ---------------------------------------------------------- */

enum { IMPORT_KIOSK, IMPORT_SESSION, IMPORT_ANSWER, IMPORT_RECORDING, IMPORT_COUNT };

static const char *const import_sql[IMPORT_COUNT] = {
    [IMPORT_KIOSK] = "INSERT OR IGNORE INTO kiosk (id, created_at, name, venue)"
                     " VALUES (?1, " STORE_NOW ", ?2, ?3)",
    [IMPORT_SESSION] = "INSERT OR IGNORE INTO session (id, kiosk_id, survey_id, survey_version,"
                       " language, touch_style, input_used, mode, group_label, started_at,"
                       " ended_at, ended_how, synced_at)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11)",
    [IMPORT_ANSWER] = "INSERT OR IGNORE INTO answer (id, session_id, question, topic, choice,"
                      " skipped, text, answered_at, not_reached, value)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [IMPORT_RECORDING] = "INSERT OR IGNORE INTO recording (id, session_id, question, wav,"
                         " duration_ms, sample_rate, recorded_at)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
};

struct StoreImport {
    Store *store;
    sqlite3_stmt *stmt[IMPORT_COUNT];
    double start;
};

StoreImport *store_import_open(const char *path, char *err, size_t err_size)
{
    struct stat st;
    if (stat(path, &st) == 0) {
        snprintf(err, err_size, "cannot make %s: a file of that name is in the way", path);
        return NULL;
    }
    StoreImport *im = calloc(1, sizeof *im);
    if (!im) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    im->store = store_open(path, err, err_size);
    if (!im->store) {
        free(im);
        return NULL;
    }
    sqlite3 *db = store_connection(im->store);
    int rc = sqlite3_exec(db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
    for (int i = 0; i < IMPORT_COUNT && rc == SQLITE_OK; i++)
        rc = sqlite3_prepare_v2(db, import_sql[i], -1, &im->stmt[i], NULL);
    im->start = store_clock_ms();
    if (rc == SQLITE_OK)
        rc = store_begin(im->store);
    if (rc == SQLITE_OK)
        return im;
    store_fail(im->store, rc);
    snprintf(err, err_size, "%s", store_error(im->store));
    store_import_close(im, false, NULL, 0);
    return NULL;
}

/* Binds `n` texts from parameter `first` on. An SQLite code. */
static int import_bind_texts(sqlite3_stmt *stmt, int first, const char *const *values, int n)
{
    int rc = SQLITE_OK;
    for (int i = 0; i < n && rc == SQLITE_OK; i++)
        rc = sqlite3_bind_text(stmt, first + i, values[i], -1, SQLITE_STATIC);
    return rc;
}

/* Steps and resets statement `which` (bound by the caller). 0 or -1. */
static int import_step(StoreImport *im, int which, int rc)
{
    sqlite3_stmt *stmt = im->stmt[which];
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_DONE)
        rc = SQLITE_OK;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return rc == SQLITE_OK ? 0 : store_fail(im->store, rc);
}

int store_import_kiosk(StoreImport *im, const char *id, const char *name, const char *venue)
{
    const char *values[] = {id, name, venue};
    return import_step(im, IMPORT_KIOSK, import_bind_texts(im->stmt[IMPORT_KIOSK], 1, values, 3));
}

int store_import_session(StoreImport *im, const StoreSessionRow *r)
{
    const char *values[] = {r->id,         r->kiosk_id,   r->survey_id,  r->survey_version,
                            r->language,   r->touch_style, r->input_used, r->mode,
                            r->group_label, r->started_at, r->ended_at,   r->ended_how};
    return import_step(im, IMPORT_SESSION,
                       import_bind_texts(im->stmt[IMPORT_SESSION], 1, values, 12));
}

int store_import_answer(StoreImport *im, const StoreAnswerRow *r)
{
    sqlite3_stmt *stmt = im->stmt[IMPORT_ANSWER];
    const char *values[] = {r->id, r->session_id, r->question, r->topic, r->choice};
    int rc = import_bind_texts(stmt, 1, values, 5);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 6, r->skipped);
    if (rc == SQLITE_OK)
        rc = import_bind_texts(stmt, 7, (const char *const[]){r->text, r->answered_at}, 2);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 9, r->not_reached);
    if (rc == SQLITE_OK)
        rc = store_value_bind(stmt, 10, &r->value);
    return import_step(im, IMPORT_ANSWER, rc);
}

int store_import_recording(StoreImport *im, const StoreRecordingRow *r)
{
    sqlite3_stmt *stmt = im->stmt[IMPORT_RECORDING];
    const char *values[] = {r->id, r->session_id, r->question};
    int rc = import_bind_texts(stmt, 1, values, 3);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_blob64(stmt, 4, r->size ? r->wav : (const void *)"", r->size,
                                 SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 5, r->duration_ms);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 6, r->sample_rate);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 7, r->recorded_at, -1, SQLITE_STATIC);
    return import_step(im, IMPORT_RECORDING, rc);
}

const char *store_import_error(const StoreImport *im)
{
    return store_error(im->store);
}

int store_import_close(StoreImport *im, bool commit, char *err, size_t err_size)
{
    if (!im)
        return 0;
    int status = 0;
    for (int i = 0; i < IMPORT_COUNT; i++)
        sqlite3_finalize(im->stmt[i]);
    sqlite3 *db = im->store ? store_connection(im->store) : NULL;
    if (db && !sqlite3_get_autocommit(db))
        status = store_end_transaction(im->store, commit ? SQLITE_OK : SQLITE_ABORT, im->start);
    if (status != 0 && err)
        snprintf(err, err_size, "%s", store_error(im->store));
    store_close(im->store);
    free(im);
    return commit ? status : 0;
}
