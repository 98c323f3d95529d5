/* survey_types.c: the type column, as XLSForm tools write it.
 *
 * A type is one of the kinds sayso asks (select_one LIST, select_multiple
 * LIST, text, integer, decimal, phone number, date, note, acknowledge,
 * audio), a value with no screen (calculate, hidden, and the metadata
 * start, end, today, deviceid, instanceID), or begin group / end group.
 * XLSForm's other spellings are read too ("select one from LIST", "select
 * all that apply", "select1", "int", "trigger", "phone number", "LIST
 * or_other", "LIST or specify other"). Types a kiosk cannot ask are
 * refused by name with a one-line reason, so the author knows what to
 * change; metadata a kiosk does not have (username, phonenumber, ...) is
 * recorded empty, with a warning. */
#include "survey/survey_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *word;
    QuestionType type;
    SurveyMeta meta;
} plain_types[] = {
    {"note", QUESTION_NOTE, SURVEY_META_NONE},
    {"text", QUESTION_TEXT, SURVEY_META_NONE},
    {"string", QUESTION_TEXT, SURVEY_META_NONE},
    {"integer", QUESTION_INTEGER, SURVEY_META_NONE},
    {"int", QUESTION_INTEGER, SURVEY_META_NONE},
    {"decimal", QUESTION_DECIMAL, SURVEY_META_NONE},
    {"phone number", QUESTION_PHONE, SURVEY_META_NONE},
    {"phone_number", QUESTION_PHONE, SURVEY_META_NONE},
    {"phone", QUESTION_PHONE, SURVEY_META_NONE},
    {"date", QUESTION_DATE, SURVEY_META_NONE},
    {"acknowledge", QUESTION_ACKNOWLEDGE, SURVEY_META_NONE},
    {"trigger", QUESTION_ACKNOWLEDGE, SURVEY_META_NONE},
    {"audio", QUESTION_AUDIO, SURVEY_META_NONE},
    {"add audio prompt", QUESTION_AUDIO, SURVEY_META_NONE},
    {"calculate", QUESTION_CALCULATE, SURVEY_META_NONE},
    {"hidden", QUESTION_CALCULATE, SURVEY_META_NONE},
    {"start", QUESTION_META, SURVEY_META_START},
    {"end", QUESTION_META, SURVEY_META_END},
    {"today", QUESTION_META, SURVEY_META_TODAY},
    {"deviceid", QUESTION_META, SURVEY_META_DEVICEID},
    {"imei", QUESTION_META, SURVEY_META_DEVICEID},
    {"instanceid", QUESTION_META, SURVEY_META_INSTANCE_ID},
};

/* Metadata a kiosk has none of: recorded empty, with a warning. */
static const char *const empty_meta[] = {
    "username", "email", "phonenumber", "simserial", "subscriberid", "audit", "start-geopoint",
    "uri:deviceid", "uri:username", "uri:email", "uri:phonenumber", "uri:simserial", "uri:subscriberid",
};

/* Types refused, and why (one line each). */
static const struct {
    const char *word;
    const char *why;
} refused[] = {
    {"geopoint", "a kiosk has no location to record"},
    {"geotrace", "a kiosk has no location to record"},
    {"geoshape", "a kiosk has no location to record"},
    {"image", "a kiosk has no camera"},
    {"photo", "a kiosk has no camera"},
    {"add image prompt", "a kiosk has no camera"},
    {"add photo prompt", "a kiosk has no camera"},
    {"video", "a kiosk has no camera"},
    {"add video prompt", "a kiosk has no camera"},
    {"barcode", "a kiosk has no barcode scanner"},
    {"file", "people cannot attach files at a kiosk"},
    {"add file prompt", "people cannot attach files at a kiosk"},
    {"background-audio", "a kiosk never records people without their knowing; use an audio question"},
    {"begin repeat", "repeats are not supported: ask each question once, or write the questions out"},
    {"begin_repeat", "repeats are not supported: ask each question once, or write the questions out"},
    {"end repeat", "repeats are not supported (see the begin repeat row)"},
    {"end_repeat", "repeats are not supported (see the begin repeat row)"},
    {"begin loop", "loops are not supported: write the questions out"},
    {"end loop", "loops are not supported (see the begin loop row)"},
    {"select_one_external", "external choice lists are not supported; put the choices in the choices sheet"},
    {"select_multiple_external", "external choice lists are not supported; put the choices in the choices sheet"},
    {"select_one_from_file", "choices from a file are not supported; put the choices in the choices sheet"},
    {"select_multiple_from_file", "choices from a file are not supported; put the choices in the choices sheet"},
    {"select one from file", "choices from a file are not supported; put the choices in the choices sheet"},
    {"select multiple from file", "choices from a file are not supported; put the choices in the choices sheet"},
    {"osm", "a kiosk has no maps"},
    {"range", "sliders are not supported yet; use integer (a number pad) with a constraint"},
    {"rank", "ranking is not supported yet; use select_multiple"},
    {"time", "a kiosk has a date picker but no time picker; use text or leave the time out"},
    {"datetime", "a kiosk has a date picker but no time picker; use date"},
    {"xml-external", "external data files are not supported"},
    {"csv-external", "external data files are not supported"},
    {"include", "included forms are not supported; copy the questions in"},
};

static const struct {
    const char *word;
    QuestionType type;
} select_words[] = {
    {"select all that apply from", QUESTION_SELECT_MULTIPLE},
    {"add select multiple prompt using", QUESTION_SELECT_MULTIPLE},
    {"add select one prompt using", QUESTION_SELECT_ONE},
    {"select all that apply", QUESTION_SELECT_MULTIPLE},
    {"select one from", QUESTION_SELECT_ONE},
    {"select_multiple", QUESTION_SELECT_MULTIPLE},
    {"select multiple", QUESTION_SELECT_MULTIPLE},
    {"select_one", QUESTION_SELECT_ONE},
    {"select one", QUESTION_SELECT_ONE},
    {"select1", QUESTION_SELECT_ONE},
};

/* `type` with runs of spaces made one, trimmed. */
static char *squeeze(const char *type)
{
    char *t = survey_xtrimdup(type), *out = t;
    for (const char *in = t; *in; in++)
        if (!isspace((unsigned char)*in) || (out > t && out[-1] != ' '))
            *out++ = isspace((unsigned char)*in) ? ' ' : *in;
    *out = '\0';
    return t;
}

/* "WORD" or "WORD rest": the rest after `word` (case-insensitive), or NULL. */
static const char *after_word(const char *type, const char *word)
{
    size_t n = strlen(word);
    if (strncasecmp(type, word, n) != 0 || (type[n] && type[n] != ' '))
        return NULL;
    return type[n] ? type + n + 1 : type + n;
}

static bool refuse(SurveyLoader *L, int line, const char *t)
{
    for (size_t k = 0; k < sizeof refused / sizeof refused[0]; k++) {
        if (!after_word(t, refused[k].word))
            continue;
        survey_problem_add(L->problems, L->survey_csv.path, line, "type \"%s\" cannot be asked: %s",
                           refused[k].word, refused[k].why);
        return true;
    }
    return false;
}

/* The list and or_other of "LIST", "LIST or_other", "LIST or specify other". */
static bool parse_select(SurveyLoader *L, int line, const char *word, const char *rest, SurveyQuestion *q, int i)
{
    const char *path = L->survey_csv.path;
    char list[256] = "", extra[256] = "";
    int n = sscanf(rest, "%255s %255[^\n]", list, extra);
    if (n < 1) {
        survey_problem_add(L->problems, path, line, "type %s needs the name of a choice list, e.g. \"%s colours\"",
                           word, word);
        return false;
    }
    if (n == 2 && (strcasecmp(extra, "or_other") == 0 || strcasecmp(extra, "or specify other") == 0))
        q->or_other = true;
    else if (n == 2)
        survey_problem_add(L->problems, path, line,
                           "unexpected \"%s\" after the list name in type \"%s %s\" (only or_other may follow)",
                           extra, word, rest);
    L->list_names[i] = survey_xstrdup(list);
    return true;
}

static bool read_select(SurveyLoader *L, int line, const char *t, SurveyQuestion *q, int i, bool *done)
{
    for (size_t k = 0; k < sizeof select_words / sizeof select_words[0]; k++) {
        const char *rest = after_word(t, select_words[k].word);
        if (!rest)
            continue;
        *done = true;
        q->type = select_words[k].type;
        return parse_select(L, line, select_words[k].word, rest, q, i);
    }
    return false;
}

/* A plain type, the whole of `t`; "note extra" is the type note with a
 * list name it does not take (a problem). */
static bool read_plain(SurveyLoader *L, int line, const char *t, SurveyQuestion *q, bool *done)
{
    for (size_t k = 0; k < sizeof plain_types / sizeof plain_types[0]; k++) {
        const char *rest = after_word(t, plain_types[k].word);
        if (!rest)
            continue;
        *done = true;
        q->type = plain_types[k].type;
        q->meta = plain_types[k].meta;
        if (!rest[0])
            return true;
        survey_problem_add(L->problems, L->survey_csv.path, line, "type %s takes no list name (\"%s\")",
                           plain_types[k].word, rest);
        return false;
    }
    for (size_t k = 0; k < sizeof empty_meta / sizeof empty_meta[0]; k++) {
        if (strcasecmp(t, empty_meta[k]) != 0)
            continue;
        *done = true;
        q->type = QUESTION_META;
        q->meta = SURVEY_META_EMPTY;
        survey_warning_add(L->problems, L->survey_csv.path, line,
                           "type \"%s\": a kiosk has none; it is recorded empty", empty_meta[k]);
        return true;
    }
    return false;
}

/* ---- groups ---- */

static bool group_begin(SurveyLoader *L, const SurveyCsvRow *row)
{
    Survey *s = L->survey;
    if (L->group_depth == (int)(sizeof L->group_stack / sizeof L->group_stack[0])) {
        survey_problem_add(L->problems, L->survey_csv.path, row->line, "groups are nested too deeply");
        return false;
    }
    s->groups = survey_xrealloc(s->groups, (size_t)s->n_groups + 1, sizeof(SurveyGroup));
    SurveyGroup *g = &s->groups[s->n_groups];
    memset(g, 0, sizeof *g);
    g->line = row->line;
    g->parent = L->group_depth > 0 ? L->group_stack[L->group_depth - 1] : -1;
    g->first = g->end = s->n_questions;
    L->group_stack[L->group_depth++] = s->n_groups++;
    return true;
}

static void group_end(SurveyLoader *L, const SurveyCsvRow *row)
{
    if (L->group_depth == 0) {
        survey_problem_add(L->problems, L->survey_csv.path, row->line,
                           "end group with no begin group before it");
        return;
    }
    SurveyGroup *g = &L->survey->groups[L->group_stack[--L->group_depth]];
    g->end = L->survey->n_questions;
}

void survey_groups_finish(SurveyLoader *L)
{
    while (L->group_depth > 0) {
        SurveyGroup *g = &L->survey->groups[L->group_stack[--L->group_depth]];
        survey_problem_add(L->problems, L->survey_csv.path, g->line,
                           "begin group \"%s\" has no end group; add one after its last question",
                           g->name ? g->name : "");
        g->end = L->survey->n_questions;
    }
}

/* A begin or end group row; SURVEY_ROW_NONE when `t` is neither. */
static SurveyRowKind read_group(SurveyLoader *L, const SurveyCsvRow *row, const char *t)
{
    static const char *const begins[] = {"begin group", "begin_group"};
    static const char *const ends[] = {"end group", "end_group"};
    for (int k = 0; k < 2; k++) {
        if (strcasecmp(t, begins[k]) == 0)
            return group_begin(L, row) ? SURVEY_ROW_GROUP_BEGIN : SURVEY_ROW_GROUP_END; /* too deep: reported */
        if (strcasecmp(t, ends[k]) == 0) {
            group_end(L, row);
            return SURVEY_ROW_GROUP_END;
        }
    }
    return SURVEY_ROW_NONE;
}

SurveyRowKind survey_type_read(SurveyLoader *L, const SurveyCsvRow *row, const char *type, SurveyQuestion *q,
                               int i)
{
    const char *path = L->survey_csv.path;
    bool done = false, ok = false;
    if (!type) {
        survey_problem_add(L->problems, path, row->line,
                           "type is empty (use select_one LIST, select_multiple LIST, text, integer, "
                           "decimal, date, note, ...)");
        return SURVEY_ROW_NONE;
    }
    char *t = squeeze(type);
    SurveyRowKind group = read_group(L, row, t);
    if (group != SURVEY_ROW_NONE || refuse(L, row->line, t)) {
        free(t);
        return group;
    }
    ok = read_select(L, row->line, t, q, i, &done);
    if (!done)
        ok = read_plain(L, row->line, t, q, &done);
    if (!done)
        survey_problem_add(L->problems, path, row->line,
                           "unknown type \"%.*s\" (use select_one, select_multiple, text, integer, decimal, date, "
                           "note, ...: \"Bring your XLSForm\" in the README lists them)",
                           (int)strcspn(t, " "), t);
    q->group = L->group_depth > 0 ? L->group_stack[L->group_depth - 1] : -1;
    free(t);
    return ok ? SURVEY_ROW_QUESTION : SURVEY_ROW_NONE;
}
