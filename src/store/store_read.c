/* store_read.c: a read-only snapshot of a kiosk's database (store_read.h).
 *
 * The file is opened with SQLITE_OPEN_READONLY and PRAGMA query_only, so no
 * statement of this connection can change it, and a missing file is an
 * error rather than a new empty database. store_reader_open begins a
 * deferred transaction and reads the schema version inside it: that first
 * read fixes the snapshot, and every later query of the reader sees the
 * database as it was then, whatever the kiosk commits meanwhile (in WAL
 * mode a reader neither waits for the writer nor holds it up).
 *
 * Exports read a session's answers once per session (62,500 times for a
 * million answers), so each query is prepared once per reader and reset
 * after use; a callback may still run a reader query while the same one is
 * stepping (that call gets a fresh statement). The connection is one
 * thread's (SQLITE_OPEN_NOMUTEX): no lock around every column read. */
#include "store/store.h"
#include "store/store_internal.h"
#include "store/store_read.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STORE_READ_BUSY_TIMEOUT_MS 5000
#define STORE_READ_OLDEST_SCHEMA 3 /* answer.text appeared in 3 */

typedef enum {
    STORE_READ_SESSIONS,
    STORE_READ_SESSIONS_NEW, /* only those never exported (schema 4 and later) */
    STORE_READ_SESSIONS_KIOSKS, /* with their kiosk's name and venue (schema 8 and later) */
    STORE_READ_SESSIONS_KIOSKS_NEW,
    STORE_READ_ANSWERS,
    STORE_READ_ANSWERS_UNVALUED, /* schema 7: no typed values yet */
    STORE_READ_ANSWERS_OLD, /* before schema 7: no topic is marked not reached */
    STORE_READ_RECORDING,
    STORE_READ_COUNT
} StoreReadSql;

struct StoreReader {
    sqlite3 *db;
    int version; /* the file's schema version: an older file lacks newer columns */
    sqlite3_stmt *stmt[STORE_READ_COUNT]; /* prepared at first use */
    char *path; /* as given; names the file in messages */
    char error[512];
};

/* Sessions, each with its kiosk's name and venue when the file has them
 * (schema 8: a file merged or loaded from the central store holds them;
 * NULL before), ?3 a venue to keep. */
#define STORE_READ_SESSIONS_SQL(kiosk_columns, kiosk_join, new_only)                               \
    "SELECT s.id, s.kiosk_id, s.survey_id, s.survey_version, s.language, s.touch_style,"           \
    " s.input_used, s.mode, s.group_label, s.started_at, s.ended_at, s.ended_how, " kiosk_columns  \
    " FROM session s" kiosk_join                                                                   \
    " WHERE (?1 IS NULL OR s.started_at >= ?1) AND (?2 IS NULL OR s.group_label = ?2)"             \
    " AND (?3 IS NULL OR venue = ?3)" new_only " ORDER BY s.started_at, s.id"
#define STORE_READ_NO_KIOSKS "NULL AS name, NULL AS venue"
#define STORE_READ_KIOSKS "k.name, k.venue"
#define STORE_READ_KIOSK_JOIN " LEFT JOIN kiosk k ON k.id = s.kiosk_id"
#define STORE_READ_KIOSK_NAMES_SCHEMA 8
/* Names exported_at only when asked: an older file (schema 3) lacks it. */
#define STORE_READ_NEW_ONLY " AND s.exported_at IS NULL"

/* A spoken answer's row (choice NULL, skipped 0, no topic) has its
 * recording at (session, question); no other row can, so only such a row
 * looks (a choice's row costs no look-up). With the answer_session index
 * (schema 5) the rows come in answered order without a sort. Topics not
 * reached came with schema 7, typed values with schema 8: older files read
 * them as 0 and NULL. */
#define STORE_READ_ANSWERS_SQL(not_reached, value)                                                \
    "SELECT a.id, a.session_id, a.question, a.topic, a.choice, a.skipped, a.text,"                 \
    " a.answered_at, CASE WHEN a.topic IS NULL AND a.choice IS NULL AND a.skipped = 0 THEN"        \
    " (SELECT r.duration_ms FROM recording r WHERE r.session_id = a.session_id"                    \
    " AND r.question = a.question) END, " not_reached ", " value                                   \
    " FROM answer a WHERE a.session_id = ?1 ORDER BY a.answered_at, a.rowid"
static const char store_read_answers_sql[] = STORE_READ_ANSWERS_SQL("a.not_reached", "a.value");
static const char store_read_answers_unvalued_sql[] = STORE_READ_ANSWERS_SQL("a.not_reached", "NULL");
static const char store_read_answers_old_sql[] = STORE_READ_ANSWERS_SQL("0", "NULL");
#define STORE_READ_NOT_REACHED_SCHEMA 7
#define STORE_READ_VALUE_SCHEMA 8

static const char store_read_recording_sql[] =
    "SELECT wav FROM recording WHERE session_id = ?1 AND question = ?2";

static const char *const store_read_sql[STORE_READ_COUNT] = {
    [STORE_READ_SESSIONS] = STORE_READ_SESSIONS_SQL(STORE_READ_NO_KIOSKS, "", ""),
    [STORE_READ_SESSIONS_NEW] = STORE_READ_SESSIONS_SQL(STORE_READ_NO_KIOSKS, "", STORE_READ_NEW_ONLY),
    [STORE_READ_SESSIONS_KIOSKS] = STORE_READ_SESSIONS_SQL(STORE_READ_KIOSKS, STORE_READ_KIOSK_JOIN, ""),
    [STORE_READ_SESSIONS_KIOSKS_NEW] =
        STORE_READ_SESSIONS_SQL(STORE_READ_KIOSKS, STORE_READ_KIOSK_JOIN, STORE_READ_NEW_ONLY),
    [STORE_READ_ANSWERS] = store_read_answers_sql,
    [STORE_READ_ANSWERS_UNVALUED] = store_read_answers_unvalued_sql,
    [STORE_READ_ANSWERS_OLD] = store_read_answers_old_sql,
    [STORE_READ_RECORDING] = store_read_recording_sql,
};

/* Records the error for SQLite result `rc` and returns -1. */
static int store_read_fail(StoreReader *reader, int rc)
{
    store_describe_error(reader->db, rc, reader->path, reader->error, sizeof reader->error);
    return -1;
}

/* Refuses a file that is not sayso's, is older than the reader knows, or is
 * newer than this program. 0, or -1 with the reason in reader->error. */
static int store_read_check(StoreReader *reader, int version, int app_id)
{
    const char *path = reader->path;
    if (app_id != STORE_APPLICATION_ID || version == 0)
        snprintf(reader->error, sizeof reader->error,
                 "%s is not a sayso database (it belongs to another program, or is empty)", path);
    else if (version < 0)
        snprintf(reader->error, sizeof reader->error,
                 "%s is damaged (its schema version, %d, is not one sayso writes)", path, version);
    else if (version > STORE_SCHEMA_VERSION)
        snprintf(reader->error, sizeof reader->error,
                 "%s was written by a newer sayso (schema version %d; this sayso knows up "
                 "to %d): update sayso to read it",
                 path, version, STORE_SCHEMA_VERSION);
    else if (version < STORE_READ_OLDEST_SCHEMA)
        snprintf(reader->error, sizeof reader->error,
                 "%s was written by an older sayso (schema version %d): start the kiosk on "
                 "it once to bring it up to date, then export again",
                 path, version);
    else
        return 0;
    return -1;
}

/* Opens the connection, begins the snapshot and checks the schema inside
 * it. 0 or -1 with reader->error. */
static int store_read_connect(StoreReader *reader)
{
    int version = 0, app_id = 0;
    int rc = sqlite3_open_v2(reader->path, &reader->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                             NULL);
    if (rc != SQLITE_OK)
        return store_read_fail(reader, rc);
    sqlite3_extended_result_codes(reader->db, 1);
    sqlite3_busy_timeout(reader->db, STORE_READ_BUSY_TIMEOUT_MS);
    rc = sqlite3_exec(reader->db, "PRAGMA query_only = 1; BEGIN DEFERRED", NULL, NULL, NULL);
    if (rc == SQLITE_OK) /* the first read: the snapshot is fixed from here on */
        rc = store_query_int(reader->db, "PRAGMA user_version", NULL, 0, &version);
    if (rc == SQLITE_OK)
        rc = store_query_int(reader->db, "PRAGMA application_id", NULL, 0, &app_id);
    if (rc != SQLITE_OK)
        return store_read_fail(reader, rc);
    reader->version = version;
    return store_read_check(reader, version, app_id);
}

/* A plain message for a path that cannot be a database: missing, a folder
 * or unreadable. 0 when it looks like a file that can be read. */
static int store_read_stat(const char *path, char *err, size_t err_size)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, err_size, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    if (access(path, R_OK) != 0) {
        snprintf(err, err_size, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, err_size, "cannot open %s: it is a folder, not a database file", path);
        return -1;
    }
    return 0;
}

StoreReader *store_reader_open(const char *path, char *err, size_t err_size)
{
    assert(path && err);
    if (store_read_stat(path, err, err_size) != 0)
        return NULL;
    StoreReader *reader = calloc(1, sizeof *reader);
    if (reader)
        reader->path = strdup(path);
    if (!reader || !reader->path) {
        snprintf(err, err_size, "out of memory while opening %s", path);
        goto fail;
    }
    if (store_read_connect(reader) != 0) {
        snprintf(err, err_size, "%s", reader->error);
        goto fail;
    }
    return reader;
fail:
    store_reader_close(reader);
    return NULL;
}

void store_reader_close(StoreReader *reader)
{
    if (!reader)
        return;
    for (int i = 0; i < STORE_READ_COUNT; i++)
        sqlite3_finalize(reader->stmt[i]);
    if (reader->db && !sqlite3_get_autocommit(reader->db))
        sqlite3_exec(reader->db, "ROLLBACK", NULL, NULL, NULL); /* ends the read; writes nothing */
    sqlite3_close_v2(reader->db);
    free(reader->path);
    free(reader);
}

const char *store_reader_error(const StoreReader *reader)
{
    assert(reader);
    return reader->error;
}

/* The statement for `which` with `n` texts bound (NULL binds NULL): the
 * reader's own, prepared at first use, or a fresh one when that is still
 * stepping (a callback reading again). Give it back with store_read_done.
 * An SQLite result code; on failure *stmt is NULL. */
static int store_read_statement(StoreReader *reader, StoreReadSql which,
                                const char *const *values, int n, sqlite3_stmt **stmt)
{
    sqlite3_stmt **own = &reader->stmt[which];
    int rc = SQLITE_OK;
    if (*own && sqlite3_stmt_busy(*own))
        return store_prepare_texts(reader->db, store_read_sql[which], values, n, stmt);
    if (!*own)
        rc = sqlite3_prepare_v3(reader->db, store_read_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                                own, NULL);
    for (int i = 0; i < n && rc == SQLITE_OK; i++)
        rc = sqlite3_bind_text(*own, i + 1, values[i], -1, SQLITE_STATIC);
    *stmt = rc == SQLITE_OK ? *own : NULL;
    return rc;
}

/* Resets the reader's own statement for its next use, or finalizes a
 * fresh one. */
static void store_read_done(StoreReader *reader, sqlite3_stmt *stmt)
{
    for (int i = 0; i < STORE_READ_COUNT; i++)
        if (stmt && stmt == reader->stmt[i]) {
            sqlite3_reset(stmt);
            sqlite3_clear_bindings(stmt);
            return;
        }
    sqlite3_finalize(stmt);
}

static const char *store_read_text(sqlite3_stmt *stmt, int column)
{
    return (const char *)sqlite3_column_text(stmt, column);
}

static void store_read_session_row(sqlite3_stmt *stmt, StoreSessionRow *row)
{
    const char **fields[] = {&row->id,          &row->kiosk_id,   &row->survey_id,
                             &row->survey_version, &row->language, &row->touch_style,
                             &row->input_used,  &row->mode,       &row->group_label,
                             &row->started_at,  &row->ended_at,   &row->ended_how,
                             &row->kiosk_name,  &row->venue};
    for (int i = 0; i < (int)(sizeof fields / sizeof fields[0]); i++)
        *fields[i] = store_read_text(stmt, i);
}

int store_reader_sessions(StoreReader *reader, const StoreFilter *filter, StoreSessionFn fn,
                          void *ctx)
{
    assert(reader);
    const char *values[3] = {filter ? filter->since : NULL, filter ? filter->group_label : NULL,
                             filter ? filter->venue : NULL};
    sqlite3_stmt *stmt = NULL;
    int count = 0;
    int which = STORE_READ_SESSIONS + (filter && filter->not_exported ? 1 : 0) +
                (reader->version >= STORE_READ_KIOSK_NAMES_SCHEMA ? 2 : 0);
    int rc = store_read_statement(reader, (StoreReadSql)which, values, 3, &stmt);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        count++;
        StoreSessionRow row;
        store_read_session_row(stmt, &row);
        if (fn)
            fn(ctx, &row);
    }
    store_read_done(reader, stmt);
    return rc == SQLITE_DONE ? count : store_read_fail(reader, rc);
}

static void store_read_answer_row(sqlite3_stmt *stmt, StoreAnswerRow *row)
{
    row->id = store_read_text(stmt, 0);
    row->session_id = store_read_text(stmt, 1);
    row->question = store_read_text(stmt, 2);
    row->topic = store_read_text(stmt, 3);
    row->choice = store_read_text(stmt, 4);
    row->skipped = sqlite3_column_int(stmt, 5) != 0;
    row->text = store_read_text(stmt, 6);
    row->answered_at = store_read_text(stmt, 7);
    row->has_recording = sqlite3_column_type(stmt, 8) != SQLITE_NULL;
    row->recording_ms = sqlite3_column_int(stmt, 8);
    row->not_reached = sqlite3_column_int(stmt, 9) != 0;
    store_value_column(stmt, 10, &row->value);
}

int store_reader_answers(StoreReader *reader, const char *session_id, StoreAnswerRowFn fn,
                         void *ctx)
{
    assert(reader && session_id);
    sqlite3_stmt *stmt = NULL;
    int count = 0;
    StoreReadSql which = reader->version >= STORE_READ_VALUE_SCHEMA         ? STORE_READ_ANSWERS
                         : reader->version >= STORE_READ_NOT_REACHED_SCHEMA ? STORE_READ_ANSWERS_UNVALUED
                                                                            : STORE_READ_ANSWERS_OLD;
    int rc = store_read_statement(reader, which, &session_id, 1, &stmt);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        count++;
        StoreAnswerRow row;
        store_read_answer_row(stmt, &row);
        if (fn)
            fn(ctx, &row);
    }
    store_read_done(reader, stmt);
    return rc == SQLITE_DONE ? count : store_read_fail(reader, rc);
}

int store_reader_recording(StoreReader *reader, const char *session_id, const char *question,
                           unsigned char **wav, size_t *size)
{
    assert(reader && session_id && question && wav && size);
    const char *values[2] = {session_id, question};
    sqlite3_stmt *stmt = NULL;
    int status = -1;
    *wav = NULL;
    *size = 0;
    int rc = store_read_statement(reader, STORE_READ_RECORDING, values, 2, &stmt);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW && (rc = store_copy_blob(stmt, 0, wav, size)) == SQLITE_OK)
        status = 1;
    else if (rc == SQLITE_DONE)
        status = 0;
    else
        store_read_fail(reader, rc);
    store_read_done(reader, stmt);
    return status;
}
