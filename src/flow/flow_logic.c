/* flow_logic.c: a form's logic while a person answers.
 *
 * After every change of an answer the form is worked out again, in
 * question order, as ODK does it: which questions are relevant (their own
 * relevant and every enclosing group's), what each calculate gives, and
 * which choices a choice_filter shows (a chosen choice the filter now hides
 * is un-chosen). A question that stops being relevant keeps its answer in
 * memory but shows nowhere, counts as empty in expressions and is removed
 * from the database (flow_save.c); if a later change makes it relevant
 * again, its answer comes back and is saved again. A few passes settle
 * forms whose calculations refer forwards.
 *
 * At consent the defaults are filled in (the person sees them and an
 * answer is saved only once given) and the metadata recorded: start,
 * today, deviceid and instanceID then, end when the session ends. Next
 * checks the question showing: a number that is not one, a required
 * question left empty, an answer its constraint refuses. */
#include "flow/flow_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "expr/expr.h"

#define LOGIC_PASSES 4

/* ---- values for expressions ---- */

typedef struct {
    const Flow *flow;
    int current;                /* the question "." means, or -1 */
    const SurveyChoice *choice; /* the choice a choice_filter is asked about */
} LogicCtx;

/* Appends `sep` (only after something) and `s` to `out`, cut to fit. */
static void append(char *out, size_t size, const char *sep, const char *s)
{
    size_t n = strlen(out);
    if (n > 0 && n + strlen(sep) < size) {
        memcpy(out + n, sep, strlen(sep) + 1);
        n += strlen(sep);
    }
    size_t m = strlen(s);
    if (n + m >= size)
        m = size - n - 1;
    memcpy(out + n, s, m);
    out[n + m] = '\0';
}

/* A select's answer as XLSForm writes it: its choice names, space-separated. */
static void select_names(const Flow *flow, int q, char *out, size_t size)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    const FlowAnswer *a = &flow->answers[q];
    out[0] = '\0';
    for (int c = 0; c < flow_n_choices(sq); c++)
        if (a->chosen[c])
            append(out, size, " ", sq->list->choices[c].name);
    if (sq->or_other && a->chosen[flow_n_choices(sq)])
        append(out, size, " ", "other");
}

static ExprValue text_value(ExprScratch *s, const char *text)
{
    return (ExprValue){EXPR_STRING, 0, expr_scratch_dup(s, text, strlen(text))};
}

static void value_of(const Flow *flow, int q, ExprScratch *s, ExprValue *out)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    const FlowAnswer *a = &flow->answers[q];
    char names[FLOW_TEXT_SIZE], *end;
    double n;
    *out = text_value(s, "");
    if (!a->relevant || flow_is_mat(sq))
        return;
    switch (sq->type) {
    case QUESTION_SELECT_ONE:
    case QUESTION_SELECT_MULTIPLE:
        select_names(flow, q, names, sizeof names);
        *out = text_value(s, names);
        break;
    case QUESTION_INTEGER:
    case QUESTION_DECIMAL:
        n = strtod(a->text, &end);
        if (a->text[0] && !*end)
            *out = (ExprValue){EXPR_NUMBER, n, NULL};
        break;
    case QUESTION_DATE:
        if (expr_parse_date(a->text, &n))
            *out = (ExprValue){EXPR_DATE, n, NULL};
        break;
    case QUESTION_ACKNOWLEDGE: *out = text_value(s, a->chosen[0] ? "OK" : ""); break;
    case QUESTION_AUDIO: *out = text_value(s, a->wav ? "recording" : ""); break;
    case QUESTION_NOTE: break;
    default: *out = text_value(s, a->text); break; /* text, phone, calculate, metadata */
    }
}

static void field_cb(void *ctx, int id, ExprScratch *s, ExprValue *out)
{
    const LogicCtx *c = ctx;
    value_of(c->flow, id, s, out);
}

static void current_cb(void *ctx, ExprScratch *s, ExprValue *out)
{
    const LogicCtx *c = ctx;
    if (c->current >= 0)
        value_of(c->flow, c->current, s, out);
    else
        *out = text_value(s, "");
}

/* A choice's column for choice_filter: its own columns, then its name and label. */
static void column_cb(void *ctx, int id, ExprScratch *s, ExprValue *out)
{
    const LogicCtx *c = ctx;
    const Survey *survey = c->flow->survey;
    const char *v = "";
    if (c->choice && id < survey->n_choice_columns)
        v = c->choice->columns[id];
    else if (c->choice && id == survey->n_choice_columns)
        v = c->choice->name;
    else if (c->choice)
        v = survey_text(survey, &c->choice->label, survey->default_language);
    *out = text_value(s, v ? v : "");
}

/* Days since 1970-01-01 of the kiosk's local day, and the time in it. */
static void local_now(double *today, double *now)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    *today = (double)expr_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    *now = *today + (tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec) / 86400.0;
}

static ExprEnv logic_env(LogicCtx *ctx)
{
    ExprEnv env = {ctx, field_cb, current_cb, column_cb, 0, 0};
    local_now(&env.today, &env.now);
    return env;
}

static bool eval_bool(const Flow *flow, const struct Expr *e, int current, const SurveyChoice *choice)
{
    LogicCtx ctx = {flow, current, choice};
    ExprEnv env = logic_env(&ctx);
    return expr_eval_bool(e, &env);
}

/* ---- working the form out ---- */

static bool groups_relevant(const Flow *flow, int g)
{
    for (; g >= 0; g = flow->survey->groups[g].parent) {
        const SurveyGroup *group = &flow->survey->groups[g];
        if (group->relevant && !eval_bool(flow, group->relevant, -1, NULL))
            return false;
    }
    return true;
}

static bool question_relevant(const Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    return groups_relevant(flow, sq->group) && (!sq->relevant || eval_bool(flow, sq->relevant, q, NULL));
}

/* A calculate's result as text: numbers as their shortest decimal, dates ISO. */
static void keep_text(void *ctx, const ExprValue *v)
{
    expr_to_text(v, ctx, FLOW_TEXT_SIZE);
    if (v->type == EXPR_NUMBER && isnan(v->number))
        ((char *)ctx)[0] = '\0';  /* an empty answer in a sum: nothing, not "NaN" */
}

static void eval_text(const Flow *flow, const struct Expr *e, int current, char out[FLOW_TEXT_SIZE])
{
    LogicCtx ctx = {flow, current, NULL};
    ExprEnv env = logic_env(&ctx);
    out[0] = '\0';
    expr_eval(e, &env, keep_text, out);
}

/* Sets an answer's text; true when it changed. */
static bool set_text(FlowAnswer *a, const char *text)
{
    if (strcmp(a->text, text) == 0)
        return false;
    snprintf(a->text, sizeof a->text, "%s", text);
    return true;
}

static bool update_calculate(Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    char value[FLOW_TEXT_SIZE];
    if (sq->type != QUESTION_CALCULATE || !sq->calculation)
        return false;
    if (flow->answers[q].relevant)
        eval_text(flow, sq->calculation, q, value);
    else
        value[0] = '\0';
    return set_text(&flow->answers[q], value);
}

/* Un-chooses what the question's choice_filter now hides. */
static bool update_filter(Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    FlowAnswer *a = &flow->answers[q];
    bool changed = false;
    for (int c = 0; sq->choice_filter && c < flow_n_choices(sq); c++)
        if (a->chosen[c] && !flow_choice_shown(flow, q, c)) {
            a->chosen[c] = false;
            changed = true;
        }
    return changed;
}

/* One pass in question order; true when anything changed. */
static bool update_pass(Flow *flow)
{
    bool any = false;
    for (int q = 0; q < flow->survey->n_questions; q++) {
        FlowAnswer *a = &flow->answers[q];
        bool relevant = question_relevant(flow, q);
        bool changed = relevant != a->relevant;
        a->relevant = relevant;
        changed = update_calculate(flow, q) || changed;
        changed = (relevant && update_filter(flow, q)) || changed;
        if (changed && flow->consented && (a->shown || flow_has_answer(flow, q)))
            a->unsaved = true;  /* saved or cleared; a question never reached has nothing kept */
        any = any || changed;
    }
    return any;
}

void flow_logic_update(Flow *flow)
{
    for (int pass = 0; pass < LOGIC_PASSES && update_pass(flow); pass++)
        ;
}

/* ---- defaults and metadata ---- */

static void choose_names(Flow *flow, int q, const char *names)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    char copy[FLOW_TEXT_SIZE], *save = NULL;
    snprintf(copy, sizeof copy, "%s", names);
    for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        int c = survey_choice_index(sq->list, w);
        if (c >= 0)
            flow->answers[q].chosen[c] = true;
        else if (sq->or_other && strcmp(w, "other") == 0)
            flow->answers[q].chosen[flow_n_choices(sq)] = true;
        if (sq->type == QUESTION_SELECT_ONE)
            break;
    }
}

static void apply_default(Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    FlowAnswer *a = &flow->answers[q];
    char value[FLOW_TEXT_SIZE];
    if (sq->default_expr)
        eval_text(flow, sq->default_expr, q, value);
    else
        snprintf(value, sizeof value, "%s", sq->default_value ? sq->default_value : "");
    if (!value[0] || flow_is_mat(sq))
        return;
    if (sq->list)
        choose_names(flow, q, value);
    else if (sq->type == QUESTION_ACKNOWLEDGE)
        a->chosen[0] = strcmp(value, "OK") == 0;
    else if (sq->type != QUESTION_NOTE && sq->type != QUESTION_AUDIO && sq->type != QUESTION_META)
        set_text(a, value);
    if (sq->type == QUESTION_CALCULATE)
        a->unsaved = true;  /* a hidden value is the form's, not a person's answer: kept at once */
}

/* UTC ISO 8601 with milliseconds, as the store writes every time. */
static void utc_now(char *out, size_t size)
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000);
}

static void record_meta(Flow *flow, int q, bool at_end)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    char value[FLOW_TEXT_SIZE] = "";
    double today, now;
    if (sq->type != QUESTION_META || (sq->meta == SURVEY_META_END) != at_end)
        return;
    switch (sq->meta) {
    case SURVEY_META_START:
    case SURVEY_META_END: utc_now(value, sizeof value); break;
    case SURVEY_META_TODAY:
        local_now(&today, &now);
        expr_format_date(today, value, sizeof value);
        break;
    case SURVEY_META_DEVICEID: snprintf(value, sizeof value, "%s", flow->store ? store_kiosk_id(flow->store) : ""); break;
    case SURVEY_META_INSTANCE_ID: snprintf(value, sizeof value, "uuid:%s", flow->session_id); break;
    default: break;
    }
    set_text(&flow->answers[q], value);
    flow->answers[q].unsaved = value[0] != '\0';
}

void flow_logic_start(Flow *flow)
{
    for (int q = 0; q < flow->survey->n_questions; q++)
        flow->answers[q].relevant = true;
    for (int q = 0; q < flow->survey->n_questions; q++)
        apply_default(flow, q);
    for (int q = 0; q < flow->survey->n_questions; q++)
        record_meta(flow, q, false);
    flow_logic_update(flow);
}

void flow_logic_end(Flow *flow)
{
    for (int q = 0; q < flow->survey->n_questions; q++)
        record_meta(flow, q, true);
}

/* ---- checking an answer ---- */

bool flow_has_answer(const Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    const FlowAnswer *a = &flow->answers[q];
    if (flow_is_mat(sq)) {
        for (int t = 0; t < flow_n_topics(sq); t++)
            if (a->topic_place[t] >= 0)
                return true;
        return false;
    }
    if (sq->list) {
        for (int c = 0; c <= flow_n_choices(sq); c++)
            if (a->chosen[c])
                return true;
        return false;
    }
    if (sq->type == QUESTION_ACKNOWLEDGE)
        return a->chosen[0];
    if (sq->type == QUESTION_AUDIO)
        return a->wav != NULL;
    return a->text[0] != '\0';
}

static bool is_number(const char *text, bool whole)
{
    char *end;
    if (whole)
        (void)strtoll(text, &end, 10);
    else
        (void)strtod(text, &end);
    return end != text && *end == '\0' && strpbrk(text, "eEnNxX") == NULL;
}

FlowNotice flow_logic_check(const Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    const FlowAnswer *a = &flow->answers[q];
    bool answered = flow_has_answer(flow, q);
    if ((sq->type == QUESTION_INTEGER || sq->type == QUESTION_DECIMAL) && answered &&
        !is_number(a->text, sq->type == QUESTION_INTEGER))
        return FLOW_NOTICE_NOT_NUMBER;
    if (!answered && (sq->required || (sq->required_if && eval_bool(flow, sq->required_if, q, NULL))))
        return FLOW_NOTICE_REQUIRED;
    if (answered && sq->constraint && !eval_bool(flow, sq->constraint, q, NULL))
        return FLOW_NOTICE_CONSTRAINT;
    return FLOW_NOTICE_NONE;
}

bool flow_is_required(const Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    return sq->required || (sq->required_if && eval_bool(flow, sq->required_if, q, NULL));
}

/* ---- what shows ---- */

bool flow_is_relevant(const Flow *flow, int q)
{
    return flow->answers[q].relevant;
}

bool flow_choice_shown(const Flow *flow, int q, int c)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    if (!sq->choice_filter || c >= flow_n_choices(sq))
        return true;
    return eval_bool(flow, sq->choice_filter, q, &sq->list->choices[c]);
}

int flow_choice_by_name(const Flow *flow, int q, const char *name)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    int first = -1;
    for (int c = 0; c < flow_n_choices(sq); c++) {
        if (strcmp(sq->list->choices[c].name, name) != 0)
            continue;
        if (flow_choice_shown(flow, q, c))
            return c;  /* names may repeat across a filter's groups: the one showing */
        first = first < 0 ? c : first;
    }
    if (sq->or_other && strcmp(name, "other") == 0)
        return flow_n_choices(sq);
    return first;
}

/* ---- ${name} in texts ---- */

/* An answer as a person reads it: choices by their labels. */
static void display_of(const Flow *flow, int q, const char *const *months, char *out, size_t size)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    const FlowAnswer *a = &flow->answers[q];
    double days;
    out[0] = '\0';
    if (!a->relevant || flow_is_mat(sq))
        return;
    if (sq->list) {
        for (int c = 0; c <= flow_n_choices(sq); c++) {
            if (!a->chosen[c])
                continue;
            const char *label = c < flow_n_choices(sq)
                                    ? survey_text(flow->survey, &sq->list->choices[c].label, flow->language)
                                    : a->other[0] ? a->other : "other";
            append(out, size, ", ", label);
        }
    } else if (sq->type == QUESTION_DATE && months && expr_parse_date(a->text, &days)) {
        long y;
        int m, d;
        expr_civil_from_days((long)days, &y, &m, &d);
        if (sq->date_year)
            snprintf(out, size, "%ld", y);
        else if (sq->date_month_year)
            snprintf(out, size, "%s %ld", months[m - 1], y);
        else
            snprintf(out, size, "%d %s %ld", d, months[m - 1], y);
    } else if (sq->type == QUESTION_ACKNOWLEDGE) {
        snprintf(out, size, "%s", a->chosen[0] ? "OK" : "");
    } else if (sq->type != QUESTION_NOTE && sq->type != QUESTION_AUDIO) {
        snprintf(out, size, "%s", a->text);
    }
}

void flow_fill_text(const Flow *flow, const char *text, const char *const *months, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (const char *p = text ? text : ""; *p && used + 1 < size;) {
        const char *close = strncmp(p, "${", 2) == 0 ? strchr(p, '}') : NULL;
        if (!close) {
            out[used++] = *p++;
            out[used] = '\0';
            continue;
        }
        char name[128], value[FLOW_TEXT_SIZE];
        snprintf(name, sizeof name, "%.*s", (int)(close - p - 2), p + 2);
        int q = survey_question_index(flow->survey, name);
        value[0] = '\0';
        if (q >= 0)
            display_of(flow, q, months, value, sizeof value);
        append(out, size, "", value);
        used = strlen(out);
        p = close + 1;
    }
}
