/* export_jsonl.c: the jsonl export, one session a line, its answers nested.
 *
 * Each line is one JSON object written by jansson (compact, UTF-8 as it
 * is): the session's fields named as the csv's columns, and "answers", an
 * array in answered order. An absent value is null, never "", so a reader
 * can tell "not asked" from "empty"; supported and skipped are booleans;
 * a typed value is a number for a number (15 significant digits, all a
 * number pad takes) and a string for a date.
 * A session with no answer has an empty array. */
#include "export/export_internal.h"

#include <errno.h>
#include <jansson.h>
#include <string.h>

typedef struct {
    FILE *out;
    const char *out_name;
    json_t *session; /* the object being filled */
    json_t *answers; /* its "answers" array (borrowed from `session`) */
    char err[EXPORT_ERR_SIZE];
} ExportJsonl;

typedef struct {
    const char *key;
    const char *value; /* NULL: null */
    int flag;          /* EXPORT_JSONL_TEXT: `value` is the value; else false or true */
} ExportJsonlField;

#define EXPORT_JSONL_TEXT (-1)

/* Sets each field on `object`, in order (jansson keeps it). 0, or -1 (out
 * of memory, or a value that is not UTF-8). */
static int export_jsonl_set(json_t *object, const ExportJsonlField *fields, int n)
{
    for (int i = 0; i < n; i++) {
        const ExportJsonlField *field = &fields[i];
        json_t *value = field->flag != EXPORT_JSONL_TEXT ? json_boolean(field->flag)
                        : field->value                   ? json_string(field->value)
                                                         : json_null();
        if (json_object_set_new(object, field->key, value) != 0)
            return -1;
    }
    return 0;
}

static int export_jsonl_fail(ExportJsonl *jsonl, const char *session_id)
{
    snprintf(jsonl->err, sizeof jsonl->err,
             "cannot write %s: session %s holds text that is not UTF-8 (or memory ran out)",
             jsonl->out_name, session_id);
    return -1;
}

/* A typed value as what it is: a number as a JSON number, a date (or
 * other text) as a string; null when there is none. */
static json_t *export_jsonl_value(const StoreValue *v)
{
    switch (v->type) {
    case STORE_VALUE_INTEGER: return json_integer(v->integer);
    case STORE_VALUE_REAL: return json_real(v->real);
    case STORE_VALUE_TEXT: return json_string(v->text ? v->text : "");
    default: return json_null();
    }
}

#define T EXPORT_JSONL_TEXT

static int export_jsonl_begin(void *ctx, const StoreSessionRow *s)
{
    ExportJsonl *jsonl = ctx;
    const ExportJsonlField fields[] = {
        {"session_id", s->id, T},           {"kiosk_id", s->kiosk_id, T},
        {"survey_id", s->survey_id, T},     {"survey_version", s->survey_version, T},
        {"started_at", s->started_at, T},   {"ended_at", s->ended_at, T},
        {"ended_how", s->ended_how, T},     {"language", s->language, T},
        {"input_used", s->input_used, T},
        {"supported", NULL, strcmp(s->mode, "supported") == 0},
        {"group", s->group_label, T}};
    jsonl->session = json_object();
    jsonl->answers = json_array();
    if (!jsonl->session || !jsonl->answers ||
        export_jsonl_set(jsonl->session, fields, sizeof fields / sizeof fields[0]) != 0 ||
        json_object_set(jsonl->session, "answers", jsonl->answers) != 0) {
        json_decref(jsonl->answers);
        json_decref(jsonl->session);
        jsonl->session = jsonl->answers = NULL;
        return export_jsonl_fail(jsonl, s->id);
    }
    json_decref(jsonl->answers); /* `session` holds it now */
    return 0;
}

static int export_jsonl_answer(void *ctx, const StoreSessionRow *s, const ExportAnswer *a)
{
    ExportJsonl *jsonl = ctx;
    const StoreAnswerRow *r = a->row;
    const ExportJsonlField fields[] = {
        {"question", r->question, T},       {"question_label", a->question_label, T},
        {"choice", r->choice, T},           {"choice_label", a->choice_label, T},
        {"topic", r->topic, T},             {"topic_label", a->topic_label, T},
        {"skipped", NULL, r->skipped},      {"text", r->text, T},
        {"recording", a->recording, T},     {"answer_id", r->id, T},
        {"answered_at", r->answered_at, T}};
    json_t *answer = json_object();
    if (!answer || export_jsonl_set(answer, fields, sizeof fields / sizeof fields[0]) != 0 ||
        json_object_set_new(answer, "value", export_jsonl_value(&r->value)) != 0 ||
        json_array_append(jsonl->answers, answer) != 0) {
        json_decref(answer);
        return export_jsonl_fail(jsonl, s->id);
    }
    json_decref(answer);
    return 0;
}

#undef T

static int export_jsonl_end(void *ctx, const StoreSessionRow *s, int n_answers)
{
    ExportJsonl *jsonl = ctx;
    (void)s;
    (void)n_answers;
    errno = 0;
    int bad = json_dumpf(jsonl->session, jsonl->out, JSON_COMPACT | JSON_REAL_PRECISION(15)) != 0 ||
              fputc('\n', jsonl->out) == EOF;
    json_decref(jsonl->session);
    jsonl->session = NULL;
    if (bad)
        snprintf(jsonl->err, sizeof jsonl->err, "cannot write %s: %s", jsonl->out_name,
                 strerror(errno ? errno : EIO));
    return bad ? -1 : 0;
}

static const char *export_jsonl_error(void *ctx)
{
    const ExportJsonl *jsonl = ctx;
    return jsonl->err;
}

static const ExportSink export_jsonl_sink = {export_jsonl_begin, export_jsonl_answer,
                                             export_jsonl_end, export_jsonl_error};

int export_jsonl_write(StoreReader *reader, const ExportRequest *request, FILE *out,
                       const char *out_name, const char *recordings_dir, ExportCounts *counts,
                       char *err, size_t err_size)
{
    ExportJsonl jsonl = {.out = out, .out_name = out_name};
    int status = export_walk(reader, request, recordings_dir, &export_jsonl_sink, &jsonl, counts,
                             err, err_size);
    json_decref(jsonl.session); /* left over when the walk stopped midway */
    return status;
}
