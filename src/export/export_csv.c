/* export_csv.c: the csv export, one row per answer (long format).
 *
 * RFC 4180: UTF-8, CRLF line ends, a header row, a field quoted (by
 * libcsv's csv_write, which doubles the quotes inside) when it holds a
 * comma, a quote, a line break or edge spaces; typed words keep their line
 * breaks inside the quotes. Every row repeats its session's columns, so a
 * spreadsheet can filter and pivot on any of them. Rows go through a large
 * buffer (ExportBuffer): a million answers are a few hundred writes. A session with no
 * answer (someone who stopped at once) is one row with the answer columns
 * empty, so it is not lost from the count. The column value holds
 * XLSForm's typed values: numbers as numbers (42, 6.5), dates as ISO dates
 * (2026-03-01), an acknowledge's OK, what the form worked out or recorded.
 * An export from the central store (by_venue) ends every row with the
 * kiosk's name and venue.
 *
 * A cell a spreadsheet would take for a formula (one beginning with =, +,
 * -, @, a tab or a carriage return: a typed answer, a group label, a label
 * of the survey) gets a leading ' as OWASP recommends ("CSV Injection"),
 * so Excel and LibreOffice show it as the text it is. This is the only
 * place that happens: JSON Lines and the database keep the exact text. */
#include "export/export_internal.h"

#include <csv.h>
#include <errno.h>
#include <string.h>

enum { EXPORT_CSV_COLUMNS = 24, EXPORT_CSV_SESSION_COLUMNS = 11 };

static const char *const export_csv_header[EXPORT_CSV_COLUMNS] = {
    "session_id", "kiosk_id",     "survey_id",  "survey_version", "started_at",
    "ended_at",   "ended_how",    "language",   "input_used",     "supported",
    "group",      "question",     "question_label", "choice",     "choice_label",
    "topic",      "topic_label",  "skipped",    "status",         "text",
    "recording",  "answer_id",    "answered_at", "value"};

static const char *const export_csv_venue_header[2] = {"kiosk_name", "venue"};

typedef struct {
    ExportBuffer buf;
    ExportBuffer session; /* the session's columns, each with its comma */
    ExportBuffer tail;    /* by_venue: ",KIOSK_NAME,VENUE" to end each of its rows */
    bool by_venue;
    const char *out_name;
    char err[EXPORT_ERR_SIZE];
} ExportCsv;

/* Appends one field: as it is, or quoted by libcsv (csv_write doubles the
 * quotes inside) when it holds a comma, a quote, a line break or edge
 * spaces; a formula gets its ' first (inside the quotes) unless `number`
 * (a stored number such as -5 is a number to the spreadsheet, as it should
 * be). NULL and "" are an empty field. */
static void export_csv_field_as(ExportBuffer *buf, const char *field, bool number)
{
    size_t n = field ? strlen(field) : 0;
    if (n == 0)
        return;
    bool formula = !number && strchr("=+-@\t\r", field[0]) != NULL;
    if (strcspn(field, ",\"\r\n") == n && field[0] != ' ' && field[n - 1] != ' ') {
        if (formula)
            export_buffer_put(buf, "'", 1);
        export_buffer_put(buf, field, n);
        return;
    }
    char *at = export_buffer_room(buf, 2 * n + 3); /* every byte a quote, the two around, a ' */
    if (!at)
        return;
    size_t used = csv_write(at, 2 * n + 2, field, n);
    if (formula) { /* "=a,b" becomes "'=a,b" */
        memmove(at + 2, at + 1, used - 1);
        at[1] = '\'';
        used++;
    }
    buf->used += used;
}

static void export_csv_field(ExportBuffer *buf, const char *field)
{
    export_csv_field_as(buf, field, false);
}

/* Appends `n` fields, a comma between each. */
static void export_csv_fields(ExportBuffer *buf, const char *const *fields, int n)
{
    for (int i = 0; i < n; i++) {
        if (i > 0)
            export_buffer_put(buf, ",", 1);
        export_csv_field(buf, fields[i]);
    }
}

/* Ends a row (the session's tail first). 0, or -1 with the reason once a
 * write has failed. */
static int export_csv_end_row(ExportCsv *csv)
{
    export_buffer_put(&csv->buf, csv->tail.data, csv->tail.used);
    export_buffer_put(&csv->buf, "\r\n", 2);
    int error = csv->buf.error ? csv->buf.error : csv->session.error ? csv->session.error : csv->tail.error;
    if (!error)
        return 0;
    snprintf(csv->err, sizeof csv->err, "cannot write %s: %s", csv->out_name, strerror(error));
    return -1;
}

/* Keeps the session's columns, to start each of its rows. */
static int export_csv_begin(void *ctx, const StoreSessionRow *s)
{
    ExportCsv *csv = ctx;
    const char *const fields[EXPORT_CSV_SESSION_COLUMNS] = {
        s->id, s->kiosk_id, s->survey_id, s->survey_version, s->started_at, s->ended_at,
        s->ended_how, s->language, s->input_used,
        strcmp(s->mode, "supported") == 0 ? "yes" : "no", s->group_label};
    csv->session.used = 0;
    export_csv_fields(&csv->session, fields, EXPORT_CSV_SESSION_COLUMNS);
    export_buffer_put(&csv->session, ",", 1);
    if (csv->by_venue) {
        const char *const venue[2] = {s->kiosk_name, s->venue};
        csv->tail.used = 0;
        export_buffer_put(&csv->tail, ",", 1);
        export_csv_fields(&csv->tail, venue, 2);
    }
    return 0;
}

static int export_csv_answer(void *ctx, const StoreSessionRow *session, const ExportAnswer *a)
{
    ExportCsv *csv = ctx;
    const StoreAnswerRow *r = a->row;
    (void)session;
    char value[64];
    store_value_text(&r->value, value, sizeof value);
    const char *const fields[EXPORT_CSV_COLUMNS - EXPORT_CSV_SESSION_COLUMNS - 1] = {
        r->question, a->question_label, r->choice, a->choice_label, r->topic, a->topic_label,
        r->skipped ? "yes" : "no", export_status(r), r->text, a->recording, r->id, r->answered_at};
    export_buffer_put(&csv->buf, csv->session.data, csv->session.used);
    export_csv_fields(&csv->buf, fields, EXPORT_CSV_COLUMNS - EXPORT_CSV_SESSION_COLUMNS - 1);
    export_buffer_put(&csv->buf, ",", 1); /* the value: a number stays a number */
    export_csv_field_as(&csv->buf, value, r->value.type == STORE_VALUE_INTEGER ||
                                              r->value.type == STORE_VALUE_REAL);
    return export_csv_end_row(csv);
}

/* A session with no answer is one row, its answer columns empty. */
static int export_csv_end(void *ctx, const StoreSessionRow *session, int n_answers)
{
    ExportCsv *csv = ctx;
    (void)session;
    if (n_answers > 0)
        return 0;
    static const char empty[] = ",,,,,,,,,,,,";  /* one comma before each answer column but the first */
    _Static_assert(sizeof empty - 1 == EXPORT_CSV_COLUMNS - EXPORT_CSV_SESSION_COLUMNS - 1,
                   "a comma for each answer column but the first");
    export_buffer_put(&csv->buf, csv->session.data, csv->session.used);
    export_buffer_put(&csv->buf, empty, sizeof empty - 1);
    return export_csv_end_row(csv);
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
    ExportCsv csv = {.out_name = out_name, .by_venue = request->by_venue};
    int status = export_buffer_open(&csv.buf, out) | export_buffer_open(&csv.session, NULL) |
                 export_buffer_open(&csv.tail, NULL);
    if (status == 0) {
        export_csv_fields(&csv.buf, export_csv_header, EXPORT_CSV_COLUMNS);
        if (csv.by_venue) {
            export_buffer_put(&csv.buf, ",", 1);
            export_csv_fields(&csv.buf, export_csv_venue_header, 2);
        }
        if ((status = export_csv_end_row(&csv)) != 0)
            snprintf(err, err_size, "%s", csv.err);
    }
    if (status == 0)
        status = export_walk(reader, request, recordings_dir, &export_csv_sink, &csv, counts,
                             err, err_size);
    int error = export_buffer_close(&csv.buf);
    int session_error = export_buffer_close(&csv.session);
    export_buffer_close(&csv.tail);
    if (!error)
        error = session_error;
    if (status == 0 && error) {
        snprintf(err, err_size, "cannot write %s: %s", out_name, strerror(error));
        status = -1;
    }
    return status;
}
