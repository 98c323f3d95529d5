/* export_jsonl.c: the jsonl export, one session a line, its answers nested.
 *
 * Each line is one JSON object, compact, UTF-8 as it is: the session's
 * fields named as the csv's columns, and "answers", an array in answered
 * order. An absent value is null, never "", so a reader can tell "not
 * asked" from "empty"; supported and skipped are booleans; a typed value
 * is a number for a number and a string for a date. A session with no
 * answer has an empty array. An export from the central store (by_venue)
 * adds kiosk_name and venue to each session.
 *
 * The line is written as the walk goes (the session's fields, then each
 * answer), through a large buffer (ExportBuffer), so memory stays flat
 * whatever the number of answers. Strings are escaped as jansson writes
 * them (\" \\ \b \f \n \r \t, other control characters as \u00XX, the rest
 * as it is); text from the database that is not ASCII is first checked to
 * be UTF-8 by jansson (json_stringn), so a damaged row is refused, never
 * written as broken JSON. Labels come from the survey, whose loader has
 * already refused text that is not UTF-8. */
#include "export/export_internal.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <string.h>

typedef struct {
    ExportBuffer buf;
    const char *out_name;
    bool by_venue;          /* from the central store: kiosk_name and venue too */
    const char *session_id; /* of the line being written, for messages */
    int n_answers;          /* written on the line so far */
    bool bad_text;          /* a string of it was not UTF-8 */
    char err[EXPORT_ERR_SIZE];
} ExportJsonl;

/* True when `s` (n bytes, not all ASCII) is UTF-8, as jansson decides. */
static bool export_jsonl_is_utf8(const char *s, size_t n)
{
    json_t *checked = json_stringn(s, n);
    json_decref(checked);
    return checked != NULL;
}

/* Writes `s` escaped into `at` (room for 6 bytes a byte); returns the
 * length written. *high is set when a byte is not ASCII. */
static size_t export_jsonl_escape(char *at, const char *s, size_t n, bool *high)
{
    static const char hex[] = "0123456789ABCDEF";
    static const char short_escape[32] = {['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n',
                                          ['\r'] = 'r', ['\t'] = 't'};
    char *out = at;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            *high |= c >= 0x80;
            *out++ = (char)c;
        } else if (c >= 0x20 || short_escape[c]) {
            *out++ = '\\';
            *out++ = c >= 0x20 ? (char)c : short_escape[c];
        } else {
            memcpy(out, "\\u00", 4);
            out[4] = hex[c >> 4];
            out[5] = hex[c & 15];
            out += 6;
        }
    }
    return (size_t)(out - at);
}

/* Appends `"key":` and the value: a JSON string, or null for NULL. Text
 * from the database (`checked` false) that is not ASCII must be UTF-8. */
static void export_jsonl_text(ExportJsonl *j, const char *key, const char *value, bool checked)
{
    export_buffer_put(&j->buf, key, strlen(key));
    if (!value) {
        export_buffer_put(&j->buf, "null", 4);
        return;
    }
    size_t n = strlen(value);
    char *at = export_buffer_room(&j->buf, 6 * n + 2);
    if (!at)
        return;
    bool high = false;
    at[0] = '"';
    size_t used = 1 + export_jsonl_escape(at + 1, value, n, &high);
    at[used++] = '"';
    j->buf.used += used;
    if (high && !checked && !export_jsonl_is_utf8(value, n))
        j->bad_text = true;
}

static void export_jsonl_bool(ExportJsonl *j, const char *key, bool value)
{
    export_buffer_put(&j->buf, key, strlen(key));
    export_buffer_put(&j->buf, value ? "true" : "false", value ? 4 : 5);
}

/* Appends `"key":` and a typed value as what it is: a number as a JSON
 * number (15 significant digits, all a number pad takes), a date (or
 * other text) as a string, null when there is none. */
static void export_jsonl_value(ExportJsonl *j, const char *key, const StoreValue *v)
{
    char number[64];
    if (v->type == STORE_VALUE_TEXT || v->type == STORE_VALUE_NONE) {
        export_jsonl_text(j, key, v->type == STORE_VALUE_TEXT ? (v->text ? v->text : "") : NULL, false);
        return;
    }
    if (v->type == STORE_VALUE_INTEGER || isfinite(v->real))
        store_value_text(v, number, sizeof number);  /* as the csv has it */
    else
        snprintf(number, sizeof number, "null");  /* JSON has no infinity */
    export_buffer_put(&j->buf, key, strlen(key));
    export_buffer_put(&j->buf, number, strlen(number));
}

/* 0, or -1 with the reason: a write failed, or a text was not UTF-8. */
static int export_jsonl_status(ExportJsonl *j)
{
    if (j->buf.error)
        snprintf(j->err, sizeof j->err, "cannot write %s: %s", j->out_name,
                 strerror(j->buf.error));
    else if (j->bad_text)
        snprintf(j->err, sizeof j->err, "cannot write %s: session %s holds text that is not UTF-8",
                 j->out_name, j->session_id);
    return j->buf.error || j->bad_text ? -1 : 0;
}

/* The line's start: the session's fields and the opening of "answers". */
static int export_jsonl_begin(void *ctx, const StoreSessionRow *s)
{
    ExportJsonl *j = ctx;
    j->session_id = s->id;
    j->n_answers = 0;
    export_jsonl_text(j, "{\"session_id\":", s->id, false);
    export_jsonl_text(j, ",\"kiosk_id\":", s->kiosk_id, false);
    export_jsonl_text(j, ",\"survey_id\":", s->survey_id, false);
    export_jsonl_text(j, ",\"survey_version\":", s->survey_version, false);
    export_jsonl_text(j, ",\"started_at\":", s->started_at, false);
    export_jsonl_text(j, ",\"ended_at\":", s->ended_at, false);
    export_jsonl_text(j, ",\"ended_how\":", s->ended_how, false);
    export_jsonl_text(j, ",\"language\":", s->language, false);
    export_jsonl_text(j, ",\"input_used\":", s->input_used, false);
    export_jsonl_bool(j, ",\"supported\":", strcmp(s->mode, "supported") == 0);
    export_jsonl_text(j, ",\"group\":", s->group_label, false);
    if (j->by_venue) {
        export_jsonl_text(j, ",\"kiosk_name\":", s->kiosk_name, false);
        export_jsonl_text(j, ",\"venue\":", s->venue, false);
    }
    export_buffer_put(&j->buf, ",\"answers\":[", 12);
    return export_jsonl_status(j);
}

/* One answer object of the array. */
static int export_jsonl_answer(void *ctx, const StoreSessionRow *s, const ExportAnswer *a)
{
    ExportJsonl *j = ctx;
    const StoreAnswerRow *r = a->row;
    (void)s;
    export_jsonl_text(j, j->n_answers++ ? ",{\"question\":" : "{\"question\":", r->question, false);
    export_jsonl_text(j, ",\"question_label\":", a->question_label, true);
    export_jsonl_text(j, ",\"choice\":", r->choice, false);
    export_jsonl_text(j, ",\"choice_label\":", a->choice_label, true);
    export_jsonl_text(j, ",\"topic\":", r->topic, false);
    export_jsonl_text(j, ",\"topic_label\":", a->topic_label, true);
    export_jsonl_bool(j, ",\"skipped\":", r->skipped);
    export_jsonl_text(j, ",\"status\":", export_status(r), false);
    export_jsonl_text(j, ",\"text\":", r->text, false);
    export_jsonl_text(j, ",\"recording\":", a->recording, true);
    export_jsonl_text(j, ",\"answer_id\":", r->id, false);
    export_jsonl_text(j, ",\"answered_at\":", r->answered_at, false);
    export_jsonl_value(j, ",\"value\":", &r->value);
    export_buffer_put(&j->buf, "}", 1);
    return export_jsonl_status(j);
}

static int export_jsonl_end(void *ctx, const StoreSessionRow *s, int n_answers)
{
    ExportJsonl *j = ctx;
    (void)s;
    (void)n_answers;
    export_buffer_put(&j->buf, "]}\n", 3);
    return export_jsonl_status(j);
}

static const char *export_jsonl_error(void *ctx)
{
    const ExportJsonl *j = ctx;
    return j->err;
}

static const ExportSink export_jsonl_sink = {export_jsonl_begin, export_jsonl_answer,
                                             export_jsonl_end, export_jsonl_error};

int export_jsonl_write(StoreReader *reader, const ExportRequest *request, FILE *out,
                       const char *out_name, const char *recordings_dir, ExportCounts *counts,
                       char *err, size_t err_size)
{
    ExportJsonl j = {.out_name = out_name, .by_venue = request->by_venue};
    int status = export_buffer_open(&j.buf, out);
    if (status == 0)
        status = export_walk(reader, request, recordings_dir, &export_jsonl_sink, &j, counts, err,
                             err_size);
    int error = export_buffer_close(&j.buf);
    if (status == 0 && error) {
        snprintf(err, err_size, "cannot write %s: %s", out_name, strerror(error));
        status = -1;
    }
    return status;
}
