/* central_export.c: `sayso export --from URL`: the same exports across
 * every kiosk (sync.h).
 *
 * The exporter is one pipeline over a kiosk's database (src/export, read
 * through a StoreReader), and it stays one: the central store's rows that
 * the filters keep are loaded into a temporary SQLite file in the kiosk
 * schema (StoreImport), each kiosk with its name and venue, and that file
 * is exported exactly as a kiosk's is, with by_venue set (the kiosk and
 * venue in every row, a section per venue in the report). Loading first
 * costs one pass over the rows into a local file, which is small next to
 * writing the export, and it keeps the formats, labels, recordings and
 * every later change to the exporter the same for both.
 *
 * Rows are fetched in single-row mode, so memory stays flat; the
 * recordings' bytes are fetched only for csv and jsonl (the report needs
 * only their length). Times come back in the kiosk's own form
 * (2026-11-22T10:04:05.123Z), so the exports read the same. The temporary
 * folder is private (0700) and removed however the export ends. */
#include "sync/sync_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store_sync.h"

#define CENTRAL_TIME(col) "to_char(" col " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"

/* The sessions the filters keep: $1 since (a day, or NULL), $2 venue. */
#define CENTRAL_KEPT                                                                               \
    " FROM sayso.session s JOIN sayso.kiosk k ON k.id = s.kiosk_id"                                \
    " WHERE ($1::text IS NULL OR s.started_at >= ($1 || 'T00:00:00Z')::timestamptz)"               \
    " AND ($2::text IS NULL OR k.venue = $2)"

static const char central_kiosks_sql[] =
    "SELECT k.id, k.name, k.venue FROM sayso.kiosk k WHERE $2::text IS NULL OR k.venue = $2";

static const char central_sessions_sql[] =
    "SELECT s.id, s.kiosk_id, s.survey_id, s.survey_version, s.language, s.touch_style,"
    " s.input_used, s.mode, s.group_label, " CENTRAL_TIME("s.started_at") ", "
    CENTRAL_TIME("s.ended_at") ", s.ended_how" CENTRAL_KEPT;

/* A typed value (central schema 2) as its JSON type and its text; a store
 * still at schema 1 has none. */
#define CENTRAL_ANSWERS_SQL(value)                                                                 \
    "SELECT a.id, a.session_id, a.question, a.topic, a.choice, a.skipped, a.text, "                \
    CENTRAL_TIME("a.answered_at") ", a.not_reached, " value " FROM sayso.answer a"                 \
    " WHERE a.session_id IN (SELECT s.id" CENTRAL_KEPT ") ORDER BY a.answered_at, a.id"
static const char central_answers_sql[] = CENTRAL_ANSWERS_SQL("jsonb_typeof(a.value), a.value #>> '{}'");
static const char central_answers_untyped_sql[] = CENTRAL_ANSWERS_SQL("NULL, NULL");
#define CENTRAL_VALUE_SCHEMA 2

/* $3: 't' for the bytes, 'f' for none (the report). Fetched in binary
 * for the bytes, so the ids are asked for as text. */
static const char central_recordings_sql[] =
    "SELECT r.id::text, r.session_id::text, r.question, CASE WHEN $3::boolean THEN r.wav ELSE ''::bytea END,"
    " r.duration_ms, r.sample_rate, " CENTRAL_TIME("r.recorded_at")
    " FROM sayso.recording r WHERE r.session_id IN (SELECT s.id" CENTRAL_KEPT ")";

typedef int (*CentralRowFn)(StoreImport *im, PGresult *row);

static const char *central_value(PGresult *row, int column)
{
    return PQgetisnull(row, 0, column) ? NULL : PQgetvalue(row, 0, column);
}

static int central_kiosk_row(StoreImport *im, PGresult *row)
{
    return store_import_kiosk(im, central_value(row, 0), central_value(row, 1), central_value(row, 2));
}

static int central_session_row(StoreImport *im, PGresult *row)
{
    StoreSessionRow s = {0};
    const char **fields[] = {&s.id,         &s.kiosk_id,   &s.survey_id,  &s.survey_version,
                             &s.language,   &s.touch_style, &s.input_used, &s.mode,
                             &s.group_label, &s.started_at, &s.ended_at,   &s.ended_how};
    for (int i = 0; i < 12; i++)
        *fields[i] = central_value(row, i);
    return store_import_session(im, &s);
}

/* A typed value from its JSON type ("number", "string") and text: a
 * number without a point or exponent is an integer, as it was sent. */
static void central_typed_value(const char *type, const char *text, StoreValue *v)
{
    char *end = NULL;
    *v = (StoreValue){.type = STORE_VALUE_NONE};
    if (!type || !text)
        return;
    if (strcmp(type, "number") != 0) {
        *v = (StoreValue){.type = STORE_VALUE_TEXT, .text = text};
        return;
    }
    errno = 0;
    long long integer = strtoll(text, &end, 10);
    if (*end == '\0' && errno == 0) {
        *v = (StoreValue){.type = STORE_VALUE_INTEGER, .integer = integer};
        return;
    }
    *v = (StoreValue){.type = STORE_VALUE_REAL, .real = strtod(text, NULL)};
}

static int central_answer_row(StoreImport *im, PGresult *row)
{
    StoreAnswerRow a = {.id = central_value(row, 0),
                        .session_id = central_value(row, 1),
                        .question = central_value(row, 2),
                        .topic = central_value(row, 3),
                        .choice = central_value(row, 4),
                        .skipped = strcmp(PQgetvalue(row, 0, 5), "t") == 0,
                        .text = central_value(row, 6),
                        .answered_at = central_value(row, 7),
                        .not_reached = strcmp(PQgetvalue(row, 0, 8), "t") == 0};
    central_typed_value(central_value(row, 9), central_value(row, 10), &a.value);
    return store_import_answer(im, &a);
}

/* The recording's bytes arrive as binary (the whole result is binary:
 * numbers in network order, text as it is). */
static int central_recording_row(StoreImport *im, PGresult *row)
{
    const unsigned char *n = (const unsigned char *)PQgetvalue(row, 0, 4);
    const unsigned char *m = (const unsigned char *)PQgetvalue(row, 0, 5);
    StoreRecordingRow r = {.id = central_value(row, 0),
                           .session_id = central_value(row, 1),
                           .question = central_value(row, 2),
                           .wav = (const unsigned char *)PQgetvalue(row, 0, 3),
                           .size = (size_t)PQgetlength(row, 0, 3),
                           .duration_ms = (int)((unsigned)n[0] << 24 | n[1] << 16 | n[2] << 8 | n[3]),
                           .sample_rate = (int)((unsigned)m[0] << 24 | m[1] << 16 | m[2] << 8 | m[3]),
                           .recorded_at = central_value(row, 6)};
    return store_import_recording(im, &r);
}

/* Runs `sql` with the filters, handing each row to `fn`. 0 or -1. */
static int central_load(Central *c, StoreImport *im, const char *sql, const char *const *values,
                        int binary, CentralRowFn fn, SyncError *err)
{
    static const Oid types[3] = {25, 25, 25}; /* text: a parameter a query does not use is no error */
    int status = 0;
    if (!PQsendQueryParams(c->pg, sql, 3, types, values, NULL, NULL, binary) || !PQsetSingleRowMode(c->pg))
        return central_fail(c, NULL, "reading the central store", err);
    for (PGresult *row; (row = PQgetResult(c->pg)) != NULL; PQclear(row)) {
        ExecStatusType st = PQresultStatus(row);
        if (st == PGRES_SINGLE_TUPLE && status == 0 && fn(im, row) != 0)
            status = central_fail_with(err, "The export could not be written.", "%s", store_import_error(im));
        else if (st != PGRES_SINGLE_TUPLE && st != PGRES_TUPLES_OK && status == 0)
            status = central_fail(c, row, "reading the central store", err);
    }
    return status;
}

/* Loads what the filters keep into the new file `path`. 0 or -1. */
static int central_fill(Central *c, int version, const char *path, const ExportRequest *req, SyncError *err)
{
    char why[512];
    const char *values[3] = {req->filter.since, req->filter.venue,
                             req->format == EXPORT_HTML ? "f" : "t"};
    StoreImport *im = store_import_open(path, why, sizeof why);
    if (!im)
        return central_fail_with(err, "The export could not be written.", "%s", why);
    int status = central_load(c, im, central_kiosks_sql, values, 0, central_kiosk_row, err);
    if (status == 0)
        status = central_load(c, im, central_sessions_sql, values, 0, central_session_row, err);
    if (status == 0)
        status = central_load(c, im, version >= CENTRAL_VALUE_SCHEMA ? central_answers_sql : central_answers_untyped_sql,
                              values, 0, central_answer_row, err);
    if (status == 0)
        status = central_load(c, im, central_recordings_sql, values, 1, central_recording_row, err);
    if (store_import_close(im, status == 0, why, sizeof why) != 0 && status == 0)
        status = central_fail_with(err, "The export could not be written.", "%s", why);
    return status;
}

/* Removes the temporary file (and SQLite's -wal, -shm) and its folder. */
static void central_remove(const char *dir, const char *path)
{
    char extra[4200];
    const char *suffixes[] = {"-wal", "-shm", "-journal"};
    unlink(path);
    for (int i = 0; i < 3; i++) {
        snprintf(extra, sizeof extra, "%s%s", path, suffixes[i]);
        unlink(extra);
    }
    rmdir(dir);
}

int sync_export_central(const SyncTarget *target, const ExportRequest *request, ExportCounts *counts,
                        SyncError *err)
{
    const char *tmp = getenv("TMPDIR");
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/sayso-central-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        return central_fail_with(err, "No room for the export.", "cannot make a temporary folder in %s",
                                 tmp && *tmp ? tmp : "/tmp");
    snprintf(path, sizeof path, "%s/central.db", dir);
    Central c;
    int status = central_connect(&c, target, err);
    int version = status == 0 ? central_schema_version(&c, err) : -1;
    if (status == 0 && version == 0)
        status = central_fail_with(err, "The central store is not set up: run sayso central init.",
                                   "the central store at %s has no sayso tables: run sayso central init",
                                   c.where);
    if (status == 0 && version > 0)
        status = central_fill(&c, version, path, request, err);
    else if (status == 0)
        status = -1;
    if (c.pg)
        central_close(&c);
    if (status == 0) {
        ExportRequest local = *request;
        char why[512];
        local.db_path = path;
        local.by_venue = true;
        if (export_run(&local, counts, why, sizeof why) != 0)
            status = central_fail_with(err, "The export could not be written.", "%s", why);
    }
    central_remove(dir, path);
    return status;
}
