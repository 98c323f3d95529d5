/* export_csv.c: the csv export, one row per answer (long format).
 *
 * RFC 4180: UTF-8, CRLF line ends, a header row, a field quoted (by
 * libcsv's csv_fwrite, which doubles the quotes inside) when it holds a
 * comma, a quote, a line break or edge spaces; typed words keep their line
 * breaks inside the quotes. Every row repeats its session's columns, so a
 * spreadsheet can filter and pivot on any of them. A session with no
 * answer (someone who stopped at once) is one row with the answer columns
 * empty, so it is not lost from the count. The last column, value, holds
 * XLSForm's typed values: numbers as numbers (42, 6.5), dates as ISO dates
 * (2026-03-01), an acknowledge's OK, what the form worked out or recorded. */
#include "export/export_internal.h"

#include <csv.h>
#include <errno.h>
#include <string.h>

enum { EXPORT_CSV_COLUMNS = 23 };

static const char *const export_csv_header[EXPORT_CSV_COLUMNS] = {
    "session_id", "kiosk_id",     "survey_id",  "survey_version", "started_at",
    "ended_at",   "ended_how",    "language",   "input_used",     "supported",
    "group",      "question",     "question_label", "choice",     "choice_label",
    "topic",      "topic_label",  "skipped",    "text",           "recording",
    "answer_id",  "answered_at",  "value"};

typedef struct {
    FILE *out;
    const char *out_name;
    char err[EXPORT_ERR_SIZE];
} ExportCsv;

static bool export_csv_needs_quotes(const char *field)
{
    size_t n = strlen(field);
    return strpbrk(field, ",\"\r\n") || field[0] == ' ' || field[n - 1] == ' ';
}

/* Writes one row; a NULL field is empty. 0, or -1 with the reason. */
static int export_csv_row(ExportCsv *csv, const char *const fields[EXPORT_CSV_COLUMNS])
{
    int bad = 0;
    for (int i = 0; i < EXPORT_CSV_COLUMNS && !bad; i++) {
        const char *field = fields[i];
        if (i > 0)
            bad = fputc(',', csv->out) == EOF;
        if (bad || !field || !*field)
            continue;
        if (export_csv_needs_quotes(field))
            bad = csv_fwrite(csv->out, field, strlen(field)) != 0;
        else
            bad = fputs(field, csv->out) == EOF;
    }
    if (!bad)
        bad = fputs("\r\n", csv->out) == EOF;
    if (bad)
        snprintf(csv->err, sizeof csv->err, "cannot write %s: %s", csv->out_name,
                 strerror(errno ? errno : EIO));
    return bad ? -1 : 0;
}

/* The session's columns, then the answer's (all empty without one). */
static int export_csv_write_row(ExportCsv *csv, const StoreSessionRow *s, const ExportAnswer *a)
{
    const StoreAnswerRow *r = a ? a->row : NULL;
    const char *supported = strcmp(s->mode, "supported") == 0 ? "yes" : "no";
    const char *skipped = r ? (r->skipped ? "yes" : "no") : NULL;
    char value[64];
    export_value_text(r ? &r->value : &(StoreValue){STORE_VALUE_NONE, 0, 0, NULL}, value, sizeof value);
    const char *const fields[EXPORT_CSV_COLUMNS] = {
        s->id, s->kiosk_id, s->survey_id, s->survey_version, s->started_at, s->ended_at,
        s->ended_how, s->language, s->input_used, supported, s->group_label,
        r ? r->question : NULL, a ? a->question_label : NULL, r ? r->choice : NULL,
        a ? a->choice_label : NULL, r ? r->topic : NULL, a ? a->topic_label : NULL, skipped,
        r ? r->text : NULL, a ? a->recording : NULL, r ? r->id : NULL,
        r ? r->answered_at : NULL, value};
    return export_csv_row(csv, fields);
}

static int export_csv_begin(void *ctx, const StoreSessionRow *session)
{
    (void)ctx;
    (void)session;
    return 0;
}

static int export_csv_answer(void *ctx, const StoreSessionRow *session, const ExportAnswer *answer)
{
    return export_csv_write_row(ctx, session, answer);
}

static int export_csv_end(void *ctx, const StoreSessionRow *session, int n_answers)
{
    return n_answers == 0 ? export_csv_write_row(ctx, session, NULL) : 0;
}

static const char *export_csv_error(void *ctx)
{
    const ExportCsv *csv = ctx;
    return csv->err;
}

static const ExportSink export_csv_sink = {export_csv_begin, export_csv_answer, export_csv_end,
                                           export_csv_error};

int export_csv_write(StoreReader *reader, const ExportRequest *request, FILE *out,
                     const char *out_name, const char *recordings_dir, ExportCounts *counts,
                     char *err, size_t err_size)
{
    ExportCsv csv = {.out = out, .out_name = out_name};
    if (export_csv_row(&csv, export_csv_header) != 0) {
        snprintf(err, err_size, "%s", csv.err);
        return -1;
    }
    return export_walk(reader, request, recordings_dir, &export_csv_sink, &csv, counts, err,
                       err_size);
}
