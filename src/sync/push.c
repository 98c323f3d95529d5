/* push.c: ended sessions up to the central store, exactly once.
 *
 * One batch is one transaction on the server: its sessions, answers and
 * recordings are streamed with COPY (CSV, each field quoted by libcsv, a
 * NULL left bare) into temporary tables, then moved into the real ones
 * with INSERT ... SELECT ... ON CONFLICT DO NOTHING, and COMMIT. Only when
 * COMMIT has returned are the batch's sessions marked synced in the
 * kiosk's database. Whatever happens in between (a kill, a stopped server,
 * a dropped network) leaves them unmarked, so they go again next time and
 * the server skips the rows it already has: no duplicate, no loss. The
 * session runs with synchronous_commit on, so a COMMIT that returned is on
 * the server's disk whatever the server's own default.
 *
 * Rows are read from the kiosk's database a batch at a time and streamed
 * through a 64 KB buffer, so memory stays flat however many answers there
 * are; a recording is written as hex straight into the stream. */
#include "sync/sync_push.h"

#include <csv.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_sync.h"

#define PUSH_BUFFER 65536
#define PUSH_BATCH_SESSIONS 2000
#define PUSH_BATCH_ANSWERS 20000
#define PUSH_BATCH_BYTES (16LL * 1024 * 1024)

static const char push_temp_tables[] =
    "CREATE TEMP TABLE IF NOT EXISTS sayso_in_session (id uuid, kiosk_id uuid, survey_id text,"
    " survey_version text, language text, touch_style text, input_used text, mode text,"
    " group_label text, started_at timestamptz, ended_at timestamptz, ended_how text)"
    " ON COMMIT DELETE ROWS;"
    "CREATE TEMP TABLE IF NOT EXISTS sayso_in_answer (id uuid, session_id uuid, kiosk_id uuid,"
    " question text, topic text, choice text, skipped boolean, not_reached boolean, text text,"
    " answered_at timestamptz, value_number numeric, value_text text) ON COMMIT DELETE ROWS;"
    "CREATE TEMP TABLE IF NOT EXISTS sayso_in_recording (id uuid, session_id uuid,"
    " kiosk_id uuid, question text, wav bytea, duration_ms integer, sample_rate integer,"
    " recorded_at timestamptz) ON COMMIT DELETE ROWS;"
    "SET synchronous_commit = on";

#define PUSH_SESSION_COLUMNS                                                                      \
    "id, kiosk_id, survey_id, survey_version, language, touch_style, input_used, mode,"           \
    " group_label, started_at, ended_at, ended_how"
#define PUSH_ANSWER_COLUMNS                                                                       \
    "id, session_id, kiosk_id, question, topic, choice, skipped, not_reached, text, answered_at"
/* A typed value arrives as a number or as text, and is kept as JSON: a
 * number stays a number, text a string. */
#define PUSH_ANSWER_IN_COLUMNS PUSH_ANSWER_COLUMNS ", value_number, value_text"
#define PUSH_ANSWER_VALUE                                                                         \
    ", CASE WHEN value_number IS NOT NULL THEN to_jsonb(value_number) ELSE to_jsonb(value_text) END"
#define PUSH_RECORDING_COLUMNS                                                                    \
    "id, session_id, kiosk_id, question, wav, duration_ms, sample_rate, recorded_at"

static const char *const push_copy_sql[] = {
    [STORE_SYNC_SESSIONS] = "COPY pg_temp.sayso_in_session (" PUSH_SESSION_COLUMNS
                            ") FROM STDIN (FORMAT csv)",
    [STORE_SYNC_ANSWERS] = "COPY pg_temp.sayso_in_answer (" PUSH_ANSWER_IN_COLUMNS
                           ") FROM STDIN (FORMAT csv)",
    [STORE_SYNC_RECORDINGS] = "COPY pg_temp.sayso_in_recording (" PUSH_RECORDING_COLUMNS
                              ") FROM STDIN (FORMAT csv)",
};

/* Moves a batch from the temporary tables into the store. The kiosks
 * first, only for an admin, who may meet kiosks the store does not know
 * yet; then the sessions. */
static const char *const push_move_first_sql[] = {
    "INSERT INTO sayso.kiosk (id, venue) SELECT DISTINCT kiosk_id, $1::text"
    " FROM pg_temp.sayso_in_session ON CONFLICT DO NOTHING",
    "INSERT INTO sayso.session (" PUSH_SESSION_COLUMNS ") SELECT " PUSH_SESSION_COLUMNS
    " FROM pg_temp.sayso_in_session ON CONFLICT DO NOTHING",
};

/* Then the answers and recordings, [0] and [1]. When every session of the
 * batch was new, none of their answers can be there (they only ever
 * arrive in their session's transaction), and a plain INSERT is markedly
 * cheaper than ON CONFLICT's speculative insertion; if a row is there
 * after all, the plain one is rolled back to a savepoint and the careful
 * one runs instead. */
#define PUSH_MOVE(table, columns, extra, extra_value)                                             \
    "INSERT INTO sayso." table " (" columns extra ") SELECT " columns extra_value                 \
    " FROM pg_temp.sayso_in_" table
#define PUSH_MOVE_ANSWERS PUSH_MOVE("answer", PUSH_ANSWER_COLUMNS, ", value", PUSH_ANSWER_VALUE)
#define PUSH_MOVE_RECORDINGS PUSH_MOVE("recording", PUSH_RECORDING_COLUMNS, "", "")
static const char *const push_move_rows_sql[2][2] = {
    {PUSH_MOVE_ANSWERS, PUSH_MOVE_RECORDINGS},
    {PUSH_MOVE_ANSWERS " ON CONFLICT DO NOTHING", PUSH_MOVE_RECORDINGS " ON CONFLICT DO NOTHING"},
};

typedef struct {
    Central *c;
    SyncError *err;
    char buf[PUSH_BUFFER];
    size_t used;
    bool in_copy;
    bool failed;
    char (*ids)[40]; /* the batch's sessions */
    int n_ids, cap_ids;
} Push;

/* ---- the COPY stream ---- */

static int push_fail(Push *p, PGresult *res, const char *doing)
{
    if (!p->failed)
        central_fail(p->c, res, doing, p->err);
    p->failed = true;
    return -1;
}

static int push_flush(Push *p)
{
    if (p->used > 0 && PQputCopyData(p->c->pg, p->buf, (int)p->used) != 1)
        return push_fail(p, NULL, "sending the answers");
    p->used = 0;
    return 0;
}

static int push_raw(Push *p, const void *data, size_t n)
{
    const char *bytes = data;
    while (n > 0) {
        if (p->used == sizeof p->buf && push_flush(p) != 0)
            return -1;
        size_t room = sizeof p->buf - p->used, take = n < room ? n : room;
        memcpy(p->buf + p->used, bytes, take);
        p->used += take;
        bytes += take;
        n -= take;
    }
    return 0;
}

/* One CSV field, `last` ending the row: NULL bare, text quoted by libcsv
 * (so "" is an empty text, not NULL). */
static int push_field(Push *p, const char *text, bool last)
{
    if (text) {
        size_t n = strlen(text), need = n * 2 + 2;
        if (need > sizeof p->buf - p->used && push_flush(p) != 0)
            return -1;
        if (need <= sizeof p->buf - p->used)
            p->used += csv_write(p->buf + p->used, sizeof p->buf - p->used, text, n);
        else { /* longer than the buffer: libcsv into its own */
            char *big = malloc(need);
            int rc = big ? push_raw(p, big, csv_write(big, need, text, n)) : push_fail(p, NULL, "out of memory");
            free(big);
            if (rc != 0)
                return -1;
        }
    }
    return push_raw(p, last ? "\n" : ",", 1);
}

static int push_fields(Push *p, const char *const *fields, int n)
{
    for (int i = 0; i < n; i++)
        if (push_field(p, fields[i], i == n - 1) != 0)
            return -1;
    return 0;
}

/* A bytea as "\x..." hex, in pieces. */
static int push_hex(Push *p, const unsigned char *data, size_t size)
{
    char hex[8193];
    if (push_raw(p, "\"\\x", 3) != 0)
        return -1;
    for (size_t at = 0; at < size; at += 4096) {
        size_t n = size - at < 4096 ? size - at : 4096;
        sodium_bin2hex(hex, sizeof hex, data + at, n);
        if (push_raw(p, hex, n * 2) != 0)
            return -1;
    }
    return push_raw(p, "\",", 2);
}

/* Ends the COPY under way, if any. 0 or -1. */
static int push_copy_end(Push *p)
{
    if (!p->in_copy)
        return 0;
    p->in_copy = false;
    if (push_flush(p) != 0 || PQputCopyEnd(p->c->pg, NULL) != 1)
        return push_fail(p, NULL, "sending the answers");
    int status = 0;
    for (PGresult *res; (res = PQgetResult(p->c->pg)) != NULL; PQclear(res))
        if (PQresultStatus(res) != PGRES_COMMAND_OK && status == 0)
            status = push_fail(p, res, "copying the answers");
    return status;
}

/* ---- the sink the store reads a batch into ---- */

static int push_part(void *ctx, StoreSyncPart part)
{
    Push *p = ctx;
    if (push_copy_end(p) != 0)
        return -1;
    PGresult *res = PQexec(p->c->pg, push_copy_sql[part]);
    int status = res && PQresultStatus(res) == PGRES_COPY_IN ? 0 : push_fail(p, res, "copying the answers");
    PQclear(res);
    p->in_copy = status == 0;
    return status;
}

static int push_session(void *ctx, const StoreSessionRow *s)
{
    Push *p = ctx;
    if (p->n_ids == p->cap_ids) {
        int cap = p->cap_ids ? p->cap_ids * 2 : 256;
        void *grown = realloc(p->ids, sizeof *p->ids * (size_t)cap);
        if (!grown)
            return push_fail(p, NULL, "out of memory");
        p->ids = grown;
        p->cap_ids = cap;
    }
    snprintf(p->ids[p->n_ids++], sizeof p->ids[0], "%s", s->id);
    const char *fields[] = {s->id,         s->kiosk_id,   s->survey_id,  s->survey_version,
                            s->language,   s->touch_style, s->input_used, s->mode,
                            s->group_label, s->started_at, s->ended_at,   s->ended_how};
    return push_fields(p, fields, 12);
}

static int push_answer(void *ctx, const char *kiosk_id, const StoreAnswerRow *a)
{
    char value[64] = "";
    bool number = a->value.type == STORE_VALUE_INTEGER ||
                  (a->value.type == STORE_VALUE_REAL && isfinite(a->value.real));
    if (number)
        store_value_text(&a->value, value, sizeof value);
    const char *text = a->value.type == STORE_VALUE_TEXT ? a->value.text : NULL;
    const char *fields[] = {a->id,     a->session_id,     kiosk_id,                  a->question,
                            a->topic,  a->choice,         a->skipped ? "t" : "f",    a->not_reached ? "t" : "f",
                            a->text,   a->answered_at,    number ? value : NULL,     text};
    return push_fields(ctx, fields, 12);
}

static int push_recording(void *ctx, const char *kiosk_id, const StoreRecordingRow *r)
{
    Push *p = ctx;
    char duration[16], rate[16];
    snprintf(duration, sizeof duration, "%d", r->duration_ms);
    snprintf(rate, sizeof rate, "%d", r->sample_rate);
    const char *before[] = {r->id, r->session_id, kiosk_id, r->question};
    const char *after[] = {duration, rate, r->recorded_at};
    for (int i = 0; i < 4; i++)
        if (push_field(p, before[i], false) != 0)
            return -1;
    if (push_hex(p, r->wav, r->size) != 0)
        return -1;
    return push_fields(p, after, 3);
}

static const StoreSyncSink push_sink = {push_part, push_session, push_answer, push_recording};

/* ---- one batch, one transaction ---- */

/* Runs one move, with $1 `venue` when it has one; the rows it inserted,
 * or -1 (the push failed). With `quiet`, a failure is not yet the push's
 * (the caller falls back). */
static int push_move(Push *p, const char *sql, const char *venue, bool quiet)
{
    const char *values[1] = {venue};
    PGresult *res = PQexecParams(p->c->pg, sql, strstr(sql, "$1") ? 1 : 0, NULL, values, NULL, NULL, 0);
    int rows = res && PQresultStatus(res) == PGRES_COMMAND_OK ? atoi(PQcmdTuples(res)) : -1;
    if (rows < 0 && !quiet)
        push_fail(p, res, "storing the answers");
    PQclear(res);
    return rows;
}

/* The answers and recordings: plainly when every session was new, else
 * (or when the plain way meets a row already there) skipping what is
 * there. `rows` gets what each inserted. 0 or -1. */
static int push_move_rows(Push *p, bool all_new, int rows[2])
{
    if (all_new && push_move(p, "SAVEPOINT sayso_plain", NULL, false) >= 0) {
        rows[0] = push_move(p, push_move_rows_sql[0][0], NULL, true);
        rows[1] = rows[0] >= 0 ? push_move(p, push_move_rows_sql[0][1], NULL, true) : -1;
        if (rows[0] >= 0 && rows[1] >= 0)
            return push_move(p, "RELEASE SAVEPOINT sayso_plain", NULL, false) >= 0 ? 0 : -1;
        if (push_move(p, "ROLLBACK TO SAVEPOINT sayso_plain", NULL, false) < 0)
            return -1;
    }
    for (int i = 0; i < 2; i++)
        if ((rows[i] = push_move(p, push_move_rows_sql[1][i], NULL, false)) < 0)
            return -1;
    return 0;
}

/* Runs the moves and COMMIT; only then adds what was new to `report`. 0
 * or -1. */
static int push_commit(Push *p, const PushRequest *req, SyncReport *report)
{
    const char *venue = req->venue && *req->venue ? req->venue : NULL;
    if (!req->kiosk_id && push_move(p, push_move_first_sql[0], venue, false) < 0)
        return -1;
    int sessions = push_move(p, push_move_first_sql[1], NULL, false), rows[2] = {0, 0};
    if (sessions < 0 || push_move_rows(p, sessions == p->n_ids, rows) != 0)
        return -1;
    PGresult *res = PQexec(p->c->pg, "COMMIT");
    /* an aborted transaction "commits" as ROLLBACK: only COMMIT is success */
    bool committed = res && PQresultStatus(res) == PGRES_COMMAND_OK && strcmp(PQcmdStatus(res), "COMMIT") == 0;
    int status = committed ? 0 : push_fail(p, res, "committing the answers");
    PQclear(res);
    if (status == 0) {
        report->sessions_sent += sessions;
        report->answers_sent += rows[0];
        report->recordings_sent += rows[1];
    }
    return status;
}

/* Sends one batch. The number of sessions in it (0: none left), or -1. */
static int push_batch(Push *p, Store *store, StoreSyncBatch *batch, const PushRequest *req,
                      SyncReport *report)
{
    p->n_ids = 0;
    p->failed = false;
    if (central_exec(p->c, "BEGIN", PGRES_COMMAND_OK, "beginning a batch", p->err) != 0)
        return -1;
    int n = store_sync_read(store, batch, &push_sink, p);
    if (n == -1)
        central_fail_with(p->err, "The kiosk's database could not be read.", "%s", store_error(store));
    if (n >= 0 && push_copy_end(p) != 0)
        n = -1;
    if (n > 0 && push_commit(p, req, report) != 0)
        n = -1;
    if (n <= 0) {
        p->in_copy = false;
        PQclear(PQexec(p->c->pg, "ROLLBACK")); /* after a failed COPY the stream is done */
        return n;
    }
    const char **ids = malloc(sizeof *ids * (size_t)p->n_ids);
    for (int i = 0; ids && i < p->n_ids; i++)
        ids[i] = p->ids[i];
    int marked = ids ? store_sync_mark(store, ids, p->n_ids) : -1;
    free(ids);
    if (marked != 0) /* on the server, not marked here: it goes again and is skipped there */
        return central_fail_with(p->err, "The kiosk's database could not be written.", "%s",
                                 store_error(store));
    report->sessions_marked += p->n_ids;
    return n;
}

int sync_push(Central *c, Store *store, const PushRequest *req, SyncReport *report, SyncError *err)
{
    Push *p = calloc(1, sizeof *p);
    if (!p)
        return central_fail_with(err, "Out of memory.", "out of memory");
    p->c = c;
    p->err = err;
    StoreSyncBatch batch = {.kiosk_id = req->kiosk_id,
                            .max_sessions = req->batch_sessions > 0 ? req->batch_sessions : PUSH_BATCH_SESSIONS,
                            .max_answers = PUSH_BATCH_ANSWERS,
                            .max_bytes = PUSH_BATCH_BYTES};
    SyncProgress progress = {.sessions_total = req->total};
    int status = central_exec(c, push_temp_tables, PGRES_COMMAND_OK, "preparing to send", err);
    while (status == 0 && !(req->cancel && *req->cancel)) {
        int n = push_batch(p, store, &batch, req, report);
        if (n <= 0) {
            status = n;
            break;
        }
        progress.sessions_done = report->sessions_marked;
        if (req->progress)
            req->progress(req->ctx, &progress);
    }
    free(p->ids);
    free(p);
    return status;
}
