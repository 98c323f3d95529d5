/* store.c: the store_ interface (store.h) over one SQLite connection.
 *
 * Every statement is prepared once in store_open and reused, so a touch
 * costs a bind, a step and the commit's fsync, never a parse. The connection
 * runs in WAL mode with synchronous=FULL: a change is on the disk when its
 * call returns, and an exporter reading the same file at the same time
 * neither blocks the kiosk nor is blocked by it (busy_timeout covers the
 * short moments when two writers meet). Each write is its own transaction;
 * on any failure it is rolled back, so the file only ever holds whole
 * answers, and store_error says what went wrong in plain words. A spoken
 * answer is two rows written in one transaction: its answer row (choice
 * NULL, skipped 0) and its recording row, matched by (session, question).
 * A typed answer is that same answer row with its words in answer.text.
 * When the disk fills, store_space.c frees the reserve it keeps beside the
 * file, so the person answering can finish (see store_taking_answers). */
#include "store/store.h"
#include "store/store_internal.h"

#include <assert.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <uuid/uuid.h>

#define STORE_BUSY_TIMEOUT_MS 5000
#define STORE_FILE_MODE 0600

typedef enum {
    STORE_SQL_BEGIN,
    STORE_SQL_COMMIT,
    STORE_SQL_ROLLBACK,
    STORE_SQL_KIOSK_ADD,
    STORE_SQL_KIOSK_GET,
    STORE_SQL_SESSION_ADD,
    STORE_SQL_SESSION_END,
    STORE_SQL_SESSION_FIND,
    STORE_SQL_SESSION_INPUT,
    STORE_SQL_ANSWER_ROWS,
    STORE_SQL_ANSWER_DELETE,
    STORE_SQL_ANSWER_ADD,
    STORE_SQL_SESSION_ANSWERS,
    STORE_SQL_ANSWER_CHOICES_DELETE,
    STORE_SQL_ANSWER_QUESTION_DELETE,
    STORE_SQL_FREE_ADD,
    STORE_SQL_TEXT_SET,
    STORE_SQL_TEXT_GET,
    STORE_SQL_RECORDING_DELETE,
    STORE_SQL_RECORDING_ADD,
    STORE_SQL_RECORDING_GET,
    STORE_SQL_COUNT
} StoreSql;

/* Parameters are numbered; the comment on each store_ function that runs a
 * statement lists what it binds. */
static const char *const store_sql[STORE_SQL_COUNT] = {
    [STORE_SQL_BEGIN] = "BEGIN IMMEDIATE",
    [STORE_SQL_COMMIT] = "COMMIT",
    [STORE_SQL_ROLLBACK] = "ROLLBACK",
    [STORE_SQL_KIOSK_ADD] = "INSERT INTO kiosk (id, created_at) SELECT ?1, " STORE_NOW
                            " WHERE NOT EXISTS (SELECT 1 FROM kiosk)",
    [STORE_SQL_KIOSK_GET] = "SELECT id FROM kiosk ORDER BY rowid LIMIT 1",
    [STORE_SQL_SESSION_ADD] =
        "INSERT INTO session (id, kiosk_id, survey_id, survey_version, language, touch_style,"
        " mode, group_label, started_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, 'self'), ?8, " STORE_NOW ")",
    [STORE_SQL_SESSION_END] = "UPDATE session SET ended_at = " STORE_NOW ", ended_how = ?2"
                              " WHERE id = ?1 AND ended_at IS NULL",
    [STORE_SQL_SESSION_FIND] = "SELECT 1 FROM session WHERE id = ?1",
    [STORE_SQL_SESSION_INPUT] =
        "UPDATE session SET input_used = CASE"
        " WHEN input_used IS NULL THEN ?2"
        " WHEN instr(',' || input_used || ',', ',' || ?2 || ',') > 0 THEN input_used"
        " ELSE input_used || ',' || ?2 END"
        " WHERE id = ?1",
    /* A not-reached row reads as none of the choices, so a new answer or
     * skip of its topic replaces it (schema 7). */
    [STORE_SQL_ANSWER_ROWS] = "SELECT rowid, choice, skipped AND NOT not_reached FROM answer"
                              " WHERE session_id = ?1 AND question = ?2 AND topic IS ?3",
    [STORE_SQL_ANSWER_DELETE] = "DELETE FROM answer WHERE rowid = ?1",
    /* A NULL choice is the skipped row. Adds nothing when the row exists. */
    [STORE_SQL_ANSWER_ADD] =
        "INSERT INTO answer (id, session_id, question, topic, choice, skipped, answered_at)"
        " SELECT ?1, ?2, ?3, ?4, ?5, ?5 IS NULL, " STORE_NOW " WHERE NOT EXISTS"
        " (SELECT 1 FROM answer WHERE session_id = ?2 AND question = ?3 AND topic IS ?4"
        " AND choice IS ?5)",
    [STORE_SQL_SESSION_ANSWERS] = "SELECT question, topic, choice, skipped, text FROM answer"
                                  " WHERE session_id = ?1 ORDER BY answered_at, rowid",
    /* A spoken or typed answer is the "free" row of a question: choice NULL
     * and skipped 0 (schema 2), the typed words in text (schema 3). This
     * deletes every other row of the question (topic NULL). */
    [STORE_SQL_ANSWER_CHOICES_DELETE] =
        "DELETE FROM answer WHERE session_id = ?1 AND question = ?2 AND topic IS NULL"
        " AND (skipped = 1 OR choice IS NOT NULL)",
    [STORE_SQL_ANSWER_QUESTION_DELETE] =
        "DELETE FROM answer WHERE session_id = ?1 AND question = ?2 AND topic IS NULL",
    /* Adds the free row (id ?1) unless the question has it. */
    [STORE_SQL_FREE_ADD] =
        "INSERT INTO answer (id, session_id, question, topic, choice, skipped, answered_at)"
        " SELECT ?1, ?2, ?3, NULL, NULL, 0, " STORE_NOW " WHERE NOT EXISTS"
        " (SELECT 1 FROM answer WHERE session_id = ?2 AND question = ?3 AND topic IS NULL"
        " AND choice IS NULL AND skipped = 0)",
    [STORE_SQL_TEXT_SET] = "UPDATE answer SET text = ?3 WHERE session_id = ?1 AND question = ?2"
                           " AND topic IS NULL AND choice IS NULL AND skipped = 0",
    [STORE_SQL_TEXT_GET] = "SELECT text FROM answer WHERE session_id = ?1 AND question = ?2"
                           " AND topic IS NULL AND choice IS NULL AND skipped = 0"
                           " AND text IS NOT NULL",
    [STORE_SQL_RECORDING_DELETE] = "DELETE FROM recording WHERE session_id = ?1 AND question = ?2",
    /* ?4 the WAV (a blob), ?5 duration_ms, ?6 sample_rate. */
    [STORE_SQL_RECORDING_ADD] =
        "INSERT INTO recording (id, session_id, question, wav, duration_ms, sample_rate,"
        " recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " STORE_NOW ")",
    [STORE_SQL_RECORDING_GET] = "SELECT wav, duration_ms FROM recording"
                                " WHERE session_id = ?1 AND question = ?2",
};

/* The values session.ended_how accepts (the schema checks them too). */
static const char *const store_endings[] = {"finished", "stopped", "timeout"};

struct Store {
    sqlite3 *db;
    sqlite3_stmt *stmt[STORE_SQL_COUNT];
    char *path; /* as given to store_open; names the file in messages */
    char kiosk_id[STORE_UUID_SIZE];
    char error[512];
    double last_commit_ms;
    StoreSpace space;
};

void store_new_uuid(char out[STORE_UUID_SIZE])
{
    uuid_t uuid;
    uuid_generate_random(uuid);
    uuid_unparse_lower(uuid, out);
}

/* Records the error for result `rc` and returns -1. */
int store_fail(Store *store, int rc)
{
    store_describe_error(store->db, rc, store->path, store->error, sizeof store->error);
    store_space_noticed(&store->space, rc, store->path);
    return -1;
}

StoreSpace *store_space_of(Store *store)
{
    return &store->space;
}

/* Binds `n` texts (NULL binds NULL) to parameters 1..n of `which` and steps
 * it to the end. The statement is reset afterwards. An SQLite result code. */
static int store_run(Store *store, StoreSql which, const char *const *values, int n)
{
    sqlite3_stmt *stmt = store->stmt[which];
    int rc = SQLITE_OK;
    for (int i = 0; i < n && rc == SQLITE_OK; i++)
        rc = sqlite3_bind_text(stmt, i + 1, values[i], -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return rc;
}

int store_begin(Store *store)
{
    return store_run(store, STORE_SQL_BEGIN, NULL, 0);
}

/* Rolls back the open transaction, if SQLite has not already done so. */
static void store_rollback(Store *store)
{
    if (!sqlite3_get_autocommit(store->db))
        store_run(store, STORE_SQL_ROLLBACK, NULL, 0);
}

/* Ends a write transaction begun at `start` (ms): commits when `rc` is
 * SQLITE_OK so far and times it as the last commit; otherwise (or when the
 * commit fails) records the error and rolls back. 0 or -1. */
int store_end_transaction(Store *store, int rc, double start)
{
    if (rc == SQLITE_OK)
        rc = store_run(store, STORE_SQL_COMMIT, NULL, 0);
    if (rc != SQLITE_OK) {
        store_fail(store, rc);
        store_rollback(store);
        return -1;
    }
    store->last_commit_ms = store_clock_ms() - start;
    return 0;
}

/* Opens the file and sets up the connection (WAL, FULL sync, foreign keys,
 * busy timeout). A new database is made 0600 (less the umask) before
 * SQLite opens it, and SQLite gives its -wal and -shm files the database's
 * own mode: people's answers are for the kiosk's user alone. 0 or -1. */
static int store_connect(Store *store)
{
    int fd = open(store->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, STORE_FILE_MODE);
    if (fd >= 0)
        close(fd); /* an empty file is an empty database */
    int rc = sqlite3_open_v2(store->path, &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                             NULL);
    if (rc != SQLITE_OK)
        return store_fail(store, rc);
    sqlite3_extended_result_codes(store->db, 1);
    sqlite3_busy_timeout(store->db, STORE_BUSY_TIMEOUT_MS);
    if (sqlite3_db_readonly(store->db, "main") == 1)
        return store_fail(store, SQLITE_READONLY);
    rc = sqlite3_exec(store->db,
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA journal_mode = WAL;"
                      "PRAGMA synchronous = FULL;",
                      NULL, NULL, NULL);
    return rc == SQLITE_OK ? 0 : store_fail(store, rc);
}

static int store_prepare(Store *store)
{
    for (int i = 0; i < STORE_SQL_COUNT; i++) {
        int rc = sqlite3_prepare_v3(store->db, store_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                                    &store->stmt[i], NULL);
        if (rc != SQLITE_OK)
            return store_fail(store, rc);
    }
    return 0;
}

/* Makes the kiosk row on first open (a no-op later) and reads its id. */
static int store_load_kiosk(Store *store)
{
    char fresh[STORE_UUID_SIZE];
    store_new_uuid(fresh);
    const char *values[] = {fresh};
    int rc = store_run(store, STORE_SQL_KIOSK_ADD, values, 1);
    if (rc != SQLITE_OK)
        return store_fail(store, rc);
    sqlite3_stmt *stmt = store->stmt[STORE_SQL_KIOSK_GET];
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        snprintf(store->kiosk_id, sizeof store->kiosk_id, "%s",
                 (const char *)sqlite3_column_text(stmt, 0));
    sqlite3_reset(stmt);
    if (rc != SQLITE_ROW)
        return store_fail(store, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
    return 0;
}

Store *store_open(const char *path, char *err, size_t err_size)
{
    assert(path && err);
    Store *store = calloc(1, sizeof *store);
    if (store)
        store->path = strdup(path);
    if (!store || !store->path) {
        snprintf(err, err_size, "out of memory while opening %s", path);
        goto fail;
    }
    if (store_connect(store) != 0 ||
        store_schema_migrate(store->db, path, store->error, sizeof store->error) != 0 ||
        store_prepare(store) != 0 || store_load_kiosk(store) != 0) {
        snprintf(err, err_size, "%s", store->error);
        goto fail;
    }
    if (store_space_open(&store->space, path) != 0) {
        snprintf(err, err_size, "out of memory while opening %s", path);
        goto fail;
    }
    return store;
fail:
    store_close(store);
    return NULL;
}

void store_close(Store *store)
{
    if (!store)
        return;
    for (int i = 0; i < STORE_SQL_COUNT; i++)
        sqlite3_finalize(store->stmt[i]);
    sqlite3_close_v2(store->db);
    store_space_close(&store->space);
    free(store->path);
    free(store);
}

const char *store_kiosk_id(const Store *store)
{
    assert(store);
    return store->kiosk_id;
}

const char *store_error(const Store *store)
{
    assert(store);
    return store->error;
}

sqlite3 *store_connection(Store *store)
{
    assert(store);
    return store->db;
}

int store_fail_with(Store *store, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(store->error, sizeof store->error, format, args);
    va_end(args);
    return -1;
}

const char *store_path(const Store *store)
{
    assert(store);
    return store->path;
}

double store_last_commit_ms(const Store *store)
{
    assert(store);
    return store->last_commit_ms;
}

/* Runs one write statement as its own (autocommit) transaction, timing it as
 * the last commit. 0 or -1. */
static int store_write(Store *store, StoreSql which, const char *const *values, int n)
{
    double start = store_clock_ms();
    int rc = store_run(store, which, values, n);
    if (rc != SQLITE_OK)
        return store_fail(store, rc);
    store->last_commit_ms = store_clock_ms() - start;
    return 0;
}

int store_session_begin(Store *store, const StoreSessionInfo *info,
                        char session_id[STORE_UUID_SIZE])
{
    assert(store && info && session_id);
    char id[STORE_UUID_SIZE];
    store_new_uuid(id);
    const char *values[] = {id,
                            store->kiosk_id,
                            info->survey_id,
                            info->survey_version,
                            info->language,
                            info->touch_style,
                            info->mode,
                            info->group_label};
    if (store_write(store, STORE_SQL_SESSION_ADD, values, 8) != 0)
        return -1;
    memcpy(session_id, id, STORE_UUID_SIZE);
    return 0;
}

static bool store_is_ending(const char *how)
{
    for (size_t i = 0; how && i < sizeof store_endings / sizeof store_endings[0]; i++)
        if (strcmp(how, store_endings[i]) == 0)
            return true;
    return false;
}

/* After an UPDATE of a session that changed nothing: 0 when the session
 * exists (it had already ended), else -1 with a message. */
static int store_session_check(Store *store, const char *session_id)
{
    sqlite3_stmt *stmt = store->stmt[STORE_SQL_SESSION_FIND];
    int rc = sqlite3_bind_text(stmt, 1, session_id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (rc == SQLITE_ROW)
        return 0;
    if (rc != SQLITE_DONE)
        return store_fail(store, rc);
    return store_fail_with(store, "could not save to %s: there is no session %s", store->path,
                           session_id);
}

int store_session_end(Store *store, const char *session_id, const char *how)
{
    assert(store && session_id);
    if (!store_is_ending(how))
        return store_fail_with(store,
                               "a session cannot end as \"%s\" (only finished, stopped or timeout)",
                               how ? how : "(nothing)");
    const char *values[] = {session_id, how};
    if (store_write(store, STORE_SQL_SESSION_END, values, 2) != 0)
        return -1;
    return sqlite3_changes(store->db) > 0 ? 0 : store_session_check(store, session_id);
}

int store_session_input_used(Store *store, const char *session_id, const char *input)
{
    assert(store && session_id && input && *input && !strchr(input, ','));
    const char *values[] = {session_id, input};
    if (store_write(store, STORE_SQL_SESSION_INPUT, values, 2) != 0)
        return -1;
    return sqlite3_changes(store->db) > 0 ? 0 : store_session_check(store, session_id);
}

static bool store_is_chosen(const char *choice, const char *const *choices, int n_choices)
{
    for (int i = 0; choice && i < n_choices; i++)
        if (strcmp(choice, choices[i]) == 0)
            return true;
    return false;
}

/* Deletes the rows of (session, question, topic) that are not to stay: a
 * choice row stays while its choice is still chosen, the skipped row while
 * `keep_skip`. Deleting the row just stepped is safe in SQLite (see "No
 * Isolation Between Operations On The Same Database Connection").
 * An SQLite result code. */
static int store_answer_prune(Store *store, const char *const key[3], const char *const *choices,
                              int n_choices, bool keep_skip)
{
    sqlite3_stmt *rows = store->stmt[STORE_SQL_ANSWER_ROWS];
    sqlite3_stmt *del = store->stmt[STORE_SQL_ANSWER_DELETE];
    int rc = SQLITE_OK;
    for (int i = 0; i < 3 && rc == SQLITE_OK; i++)
        rc = sqlite3_bind_text(rows, i + 1, key[i], -1, SQLITE_STATIC);
    while (rc == SQLITE_OK && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
        const char *choice = (const char *)sqlite3_column_text(rows, 1);
        bool keep = sqlite3_column_int(rows, 2) ? keep_skip
                                                : store_is_chosen(choice, choices, n_choices);
        rc = SQLITE_OK;
        if (keep)
            continue;
        rc = sqlite3_bind_int64(del, 1, sqlite3_column_int64(rows, 0));
        if (rc == SQLITE_OK && (rc = sqlite3_step(del)) == SQLITE_DONE)
            rc = SQLITE_OK;
        sqlite3_reset(del);
    }
    sqlite3_reset(rows);
    sqlite3_clear_bindings(rows);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Adds a row for each choice (or the skipped row, for a NULL choice) that
 * has none yet. An SQLite result code. */
static int store_answer_add(Store *store, const char *const key[3], const char *const *choices,
                            int n_choices)
{
    int rc = SQLITE_OK;
    for (int i = 0; i < n_choices && rc == SQLITE_OK; i++) {
        char id[STORE_UUID_SIZE];
        store_new_uuid(id);
        const char *values[] = {id, key[0], key[1], key[2], choices[i]};
        rc = store_run(store, STORE_SQL_ANSWER_ADD, values, 5);
    }
    return rc;
}

int store_answer_put(Store *store, const char *session_id, const char *question, const char *topic,
                     const char *const *choices, int n_choices, bool skipped)
{
    assert(store && session_id && question && n_choices >= 0 && (n_choices == 0 || choices));
    const char *const key[3] = {session_id, question, topic};
    const char *const skip_row[1] = {NULL};
    bool keep_skip = n_choices == 0 && skipped;
    double start = store_clock_ms();
    int rc = store_begin(store);
    if (rc == SQLITE_OK)
        rc = store_answer_prune(store, key, choices, n_choices, keep_skip);
    if (rc == SQLITE_OK)
        rc = keep_skip ? store_answer_add(store, key, skip_row, 1)
                       : store_answer_add(store, key, choices, n_choices);
    if (rc == SQLITE_OK && !topic) /* the spoken answer's row went in the prune */
        rc = store_run(store, STORE_SQL_RECORDING_DELETE, key, 2);
    return store_end_transaction(store, rc, start);
}

/* Inserts the recording row: binds the texts of `key` (id, session,
 * question), the WAV and the two numbers. An SQLite result code. */
static int store_recording_add(Store *store, const char *const key[3], const unsigned char *wav,
                               size_t size, int duration_ms, int sample_rate)
{
    sqlite3_stmt *stmt = store->stmt[STORE_SQL_RECORDING_ADD];
    int rc = SQLITE_OK;
    for (int i = 0; i < 3 && rc == SQLITE_OK; i++)
        rc = sqlite3_bind_text(stmt, i + 1, key[i], -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_blob64(stmt, 4, wav, size, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 5, duration_ms);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 6, sample_rate);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_DONE)
        rc = SQLITE_OK;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return rc;
}

int store_recording_put(Store *store, const char *session_id, const char *question,
                        const unsigned char *wav, size_t size, int duration_ms, int sample_rate,
                        char id_out[STORE_UUID_SIZE])
{
    assert(store && session_id && question && wav && size > 0 && duration_ms >= 0 &&
           sample_rate > 0 && id_out);
    char answer_id[STORE_UUID_SIZE], recording_id[STORE_UUID_SIZE];
    store_new_uuid(answer_id);
    store_new_uuid(recording_id);
    const char *const answer[3] = {answer_id, session_id, question};
    const char *const recording[3] = {recording_id, session_id, question};
    const char *const no_text[3] = {session_id, question, NULL};
    double start = store_clock_ms();
    int rc = store_begin(store);
    if (rc == SQLITE_OK)
        rc = store_run(store, STORE_SQL_ANSWER_CHOICES_DELETE, answer + 1, 2);
    if (rc == SQLITE_OK)
        rc = store_run(store, STORE_SQL_FREE_ADD, answer, 3);
    if (rc == SQLITE_OK)
        rc = store_run(store, STORE_SQL_TEXT_SET, no_text, 3);
    if (rc == SQLITE_OK)
        rc = store_run(store, STORE_SQL_RECORDING_DELETE, answer + 1, 2);
    if (rc == SQLITE_OK)
        rc = store_recording_add(store, recording, wav, size, duration_ms, sample_rate);
    if (store_end_transaction(store, rc, start) != 0)
        return -1;
    memcpy(id_out, recording_id, STORE_UUID_SIZE);
    return 0;
}

/* Copies the WAV of the row `stmt` is on. 1, or -1 when out of memory. */
static int store_recording_copy(Store *store, sqlite3_stmt *stmt, unsigned char **wav,
                                size_t *size, int *duration_ms)
{
    if (store_copy_blob(stmt, 0, wav, size) != SQLITE_OK)
        return store_fail(store, SQLITE_NOMEM);
    if (duration_ms)
        *duration_ms = sqlite3_column_int(stmt, 1);
    return 1;
}

int store_recording_get(Store *store, const char *session_id, const char *question,
                        unsigned char **wav, size_t *size, int *duration_ms)
{
    assert(store && session_id && question && wav && size);
    sqlite3_stmt *stmt = store->stmt[STORE_SQL_RECORDING_GET];
    int status = -1;
    *wav = NULL;
    *size = 0;
    int rc = sqlite3_bind_text(stmt, 1, session_id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 2, question, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        status = store_recording_copy(store, stmt, wav, size, duration_ms);
    else if (rc == SQLITE_DONE)
        status = 0;
    else
        store_fail(store, rc);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return status;
}

int store_text_put(Store *store, const char *session_id, const char *question, const char *text)
{
    assert(store && session_id && question && text);
    char answer_id[STORE_UUID_SIZE];
    store_new_uuid(answer_id);
    const char *const answer[3] = {answer_id, session_id, question};
    const char *const words[3] = {session_id, question, text};
    double start = store_clock_ms();
    int rc = store_begin(store);
    if (rc == SQLITE_OK && !*text)
        rc = store_run(store, STORE_SQL_ANSWER_QUESTION_DELETE, answer + 1, 2);
    if (rc == SQLITE_OK && *text)
        rc = store_run(store, STORE_SQL_ANSWER_CHOICES_DELETE, answer + 1, 2);
    if (rc == SQLITE_OK && *text)
        rc = store_run(store, STORE_SQL_FREE_ADD, answer, 3);
    if (rc == SQLITE_OK && *text)
        rc = store_run(store, STORE_SQL_TEXT_SET, words, 3);
    if (rc == SQLITE_OK)
        rc = store_run(store, STORE_SQL_RECORDING_DELETE, answer + 1, 2);
    return store_end_transaction(store, rc, start);
}

/* Copies `text` into `out`, cut before the first UTF-8 character that
 * would not fit whole. */
static void store_copy_utf8(char *out, size_t size, const char *text)
{
    size_t n = strlen(text);
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
            n--; /* text[n] continues a character: cut before its first byte */
    }
    memcpy(out, text, n);
    out[n] = '\0';
}

int store_text_get(Store *store, const char *session_id, const char *question, char *out,
                   size_t size)
{
    assert(store && session_id && question && out && size > 0);
    const char *const key[2] = {session_id, question};
    sqlite3_stmt *stmt = store->stmt[STORE_SQL_TEXT_GET];
    int status = -1, rc = SQLITE_OK;
    out[0] = '\0';
    for (int i = 0; i < 2 && rc == SQLITE_OK; i++)
        rc = sqlite3_bind_text(stmt, i + 1, key[i], -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        store_copy_utf8(out, size, (const char *)sqlite3_column_text(stmt, 0));
        status = 1;
    } else if (rc == SQLITE_DONE) {
        status = 0;
    } else {
        store_fail(store, rc);
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return status;
}

int store_session_answers_ex(Store *store, const char *session_id, StoreAnswerTextFn fn,
                             void *ctx)
{
    assert(store && session_id);
    sqlite3_stmt *stmt = store->stmt[STORE_SQL_SESSION_ANSWERS];
    int count = 0;
    int rc = sqlite3_bind_text(stmt, 1, session_id, -1, SQLITE_STATIC);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        count++;
        if (fn)
            fn(ctx, (const char *)sqlite3_column_text(stmt, 0),
               (const char *)sqlite3_column_text(stmt, 1),
               (const char *)sqlite3_column_text(stmt, 2), sqlite3_column_int(stmt, 3) != 0,
               (const char *)sqlite3_column_text(stmt, 4));
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return rc == SQLITE_DONE ? count : store_fail(store, rc);
}

/* Carries a StoreAnswerFn through store_session_answers_ex. */
typedef struct {
    StoreAnswerFn fn;
    void *ctx;
} StoreAnswerRelay;

static void store_answer_relay(void *ctx, const char *question, const char *topic,
                               const char *choice, bool skipped, const char *text)
{
    (void)text;
    const StoreAnswerRelay *relay = ctx;
    relay->fn(relay->ctx, question, topic, choice, skipped);
}

int store_session_answers(Store *store, const char *session_id, StoreAnswerFn fn, void *ctx)
{
    StoreAnswerRelay relay = {fn, ctx};
    return store_session_answers_ex(store, session_id, fn ? store_answer_relay : NULL, &relay);
}

int store_debug_limit_pages(Store *store, int pages)
{
    assert(store && pages > 0);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count = %d", pages);
    int rc = sqlite3_exec(store->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? 0 : store_fail(store, rc);
}
