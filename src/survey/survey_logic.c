/* survey_logic.c: the form's logic columns, parsed when it loads.
 *
 * relevant, required, constraint, calculation, default and choice_filter
 * hold expressions (src/expr). Each is parsed as its row is read, and
 * once every row is read its ${name}s are bound to the questions they
 * name and choice_filter's bare names to the choices' own columns, so a
 * misspelt name, an unknown function or a stray quote is reported with
 * its cell and the character it is at, never found by a person at the
 * kiosk. ${name}s in labels and hints are checked the same way.
 *
 * A logic column on a question it means nothing for (a constraint on a
 * note) is warned about, not dropped silently. */
#include "survey/survey_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "expr/expr.h"
#include "survey/xlsx.h"

/* ---- reading ---- */

/* "relevant (cell N12)": where a logic cell is, as a spreadsheet shows it. */
static void cell_place(const SurveyColumns *cols, SurveyColumn column, int line, char *out, size_t size)
{
    char letters[8];
    xlsx_column_name(cols->col[column], letters);
    snprintf(out, size, "%s (cell %s%d)", survey_column_name(column), letters, line);
}

static struct Expr *parse_text(SurveyLoader *L, int line, const char *place, const char *text)
{
    ExprError err;
    struct Expr *e = expr_parse(text, &err);
    if (!e)
        survey_problem_add(L->problems, L->survey_csv.path, line, "%s: %s, at character %d of \"%.60s%s\"",
                           place, err.message, err.position, text, strlen(text) > 60 ? "..." : "");
    return e;
}

static bool word_in(const char *word, const char *const *words, size_t n);

/* XLSForm lets a logic cell say yes or no (TRUE, FALSE in a spreadsheet's
 * own booleans) for always and never. */
static const char *const yes_words[] = {"yes", "true", "true()"};
static const char *const no_words[] = {"no", "false", "false()"};

static struct Expr *parse_cell(SurveyLoader *L, const SurveyCsvRow *row, const SurveyColumns *cols,
                               SurveyColumn column)
{
    char place[96], *text = survey_cell_dup(row, cols->col[column]);
    if (!text)
        return NULL;
    cell_place(cols, column, row->line, place, sizeof place);
    const char *source = word_in(text, yes_words, 3) ? "true()" : word_in(text, no_words, 3) ? "false()" : text;
    struct Expr *e = parse_text(L, row->line, place, source);
    free(text);
    return e;
}

static bool is_answered_type(QuestionType t)
{
    return t != QUESTION_NOTE && t != QUESTION_CALCULATE && t != QUESTION_META;
}

static bool word_in(const char *word, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(word, words[i]) == 0)
            return true;
    return false;
}

static void read_required(SurveyLoader *L, const SurveyCsvRow *row, const SurveyColumns *cols, SurveyQuestion *q)
{
    char *text = survey_cell_dup(row, cols->col[SURVEY_COL_REQUIRED]);
    if (!text)
        return;
    if (word_in(text, yes_words, 3))
        q->required = true;
    else if (!word_in(text, no_words, 3))
        q->required_if = parse_cell(L, row, cols, SURVEY_COL_REQUIRED);
    free(text);
}

/* A default that is a value must be one the question can hold. */
static void check_default_value(SurveyLoader *L, int line, const SurveyQuestion *q)
{
    const char *v = q->default_value;
    char *end;
    double days;
    bool ok = true;
    if (q->type == QUESTION_INTEGER)
        ok = (strtol(v, &end, 10), *end == '\0');
    else if (q->type == QUESTION_DECIMAL)
        ok = (strtod(v, &end), *end == '\0');
    else if (q->type == QUESTION_DATE)
        ok = expr_parse_date(v, &days);
    if (!ok)
        survey_problem_add(L->problems, L->survey_csv.path, line,
                           "default \"%s\" is not a %s", v,
                           q->type == QUESTION_INTEGER ? "whole number" : q->type == QUESTION_DECIMAL
                                                                             ? "number"
                                                                             : "date (write it as YYYY-MM-DD)");
}

/* A default is a value ("5", "2026-03-01", "yes") or, when it names
 * answers or calls a function, an expression (a dynamic default). */
static void read_default(SurveyLoader *L, const SurveyCsvRow *row, const SurveyColumns *cols, SurveyQuestion *q)
{
    char *text = survey_cell_dup(row, cols->col[SURVEY_COL_DEFAULT]);
    if (!text)
        return;
    if (strstr(text, "${") || strchr(text, '(')) {
        q->default_expr = parse_cell(L, row, cols, SURVEY_COL_DEFAULT);
        free(text);
        return;
    }
    q->default_value = text;
    check_default_value(L, row->line, q);
}

static bool has_cell(const SurveyCsvRow *row, const SurveyColumns *cols, SurveyColumn column)
{
    char *text = survey_cell_dup(row, cols->col[column]);
    free(text);
    return text != NULL;
}

/* Warns when `column` has something on a question it means nothing for. */
static void warn_unused_cell(SurveyLoader *L, const SurveyCsvRow *row, const SurveyColumns *cols,
                             SurveyColumn column, const char *why)
{
    char *text = survey_cell_dup(row, cols->col[column]);
    if (text)
        survey_warning_add(L->problems, L->survey_csv.path, row->line, "%s is not used by sayso: %s",
                           survey_column_name(column), why);
    free(text);
}

void survey_logic_read(SurveyLoader *L, const SurveyCsvRow *row, const SurveyColumns *cols, SurveyQuestion *q)
{
    bool answered = is_answered_type(q->type);
    bool select = q->type == QUESTION_SELECT_ONE || q->type == QUESTION_SELECT_MULTIPLE;
    q->relevant = parse_cell(L, row, cols, SURVEY_COL_RELEVANT);
    if (answered) {
        read_required(L, row, cols, q);
        q->constraint = parse_cell(L, row, cols, SURVEY_COL_CONSTRAINT);
    } else {
        warn_unused_cell(L, row, cols, SURVEY_COL_REQUIRED, "this row is not answered");
        warn_unused_cell(L, row, cols, SURVEY_COL_CONSTRAINT, "this row is not answered");
    }
    if (q->type == QUESTION_CALCULATE)
        q->calculation = parse_cell(L, row, cols, SURVEY_COL_CALCULATION);
    else
        warn_unused_cell(L, row, cols, SURVEY_COL_CALCULATION, "only calculate rows are worked out");
    if (answered || q->type == QUESTION_CALCULATE)
        read_default(L, row, cols, q);
    if (select)
        q->choice_filter = parse_cell(L, row, cols, SURVEY_COL_CHOICE_FILTER);
    else
        warn_unused_cell(L, row, cols, SURVEY_COL_CHOICE_FILTER, "only select questions have choices to filter");
    if (q->type == QUESTION_CALCULATE && !q->default_value && !q->default_expr &&
        !has_cell(row, cols, SURVEY_COL_CALCULATION))
        survey_problem_add(L->problems, L->survey_csv.path, row->line,
                           "calculate \"%s\" has no calculation; write one (such as ${a} + ${b})",
                           q->name ? q->name : "");
}

void survey_logic_read_group(SurveyLoader *L, const SurveyCsvRow *row, const SurveyColumns *cols,
                             SurveyGroup *g)
{
    static const SurveyColumn not_for_groups[] = {SURVEY_COL_REQUIRED, SURVEY_COL_CONSTRAINT,
                                                  SURVEY_COL_CALCULATION, SURVEY_COL_DEFAULT,
                                                  SURVEY_COL_CHOICE_FILTER};
    g->relevant = parse_cell(L, row, cols, SURVEY_COL_RELEVANT);
    for (size_t i = 0; i < sizeof not_for_groups / sizeof not_for_groups[0]; i++)
        warn_unused_cell(L, row, cols, not_for_groups[i], "a group is not answered");
}

/* ---- linking ---- */

/* What a ${name} names: a question's index, or -1 with a problem. */
static int bind_name(SurveyLoader *L, int line, const char *what, const char *name, int position)
{
    const Survey *s = L->survey;
    int q = survey_question_index(s, name);
    if (q >= 0)
        return q;
    for (int g = 0; g < s->n_groups; g++)
        if (s->groups[g].name && strcmp(s->groups[g].name, name) == 0) {
            survey_problem_add(L->problems, L->survey_csv.path, line,
                               "%s: ${%s} at character %d is a group, not a question", what, name, position);
            return -1;
        }
    for (int r = 0; r < L->n_refused; r++)
        if (strcmp(L->refused[r], name) == 0) {
            survey_problem_add(L->problems, L->survey_csv.path, line,
                               "%s: ${%s} at character %d is on line %d, whose type cannot be asked", what,
                               name, position, L->refused_lines[r]);
            return -1;
        }
    survey_problem_add(L->problems, L->survey_csv.path, line,
                       "%s: ${%s} at character %d is not a question of this form (check the spelling)",
                       what, name, position);
    return -1;
}

/* The id choice_filter gives a choice column: its index in
 * survey->choice_columns, or the choice's name or label; -1 when none. */
static int choice_column_id(const Survey *s, const char *name)
{
    for (int i = 0; i < s->n_choice_columns; i++)
        if (strcmp(s->choice_columns[i], name) == 0)
            return i;
    if (strcmp(name, "name") == 0)
        return s->n_choice_columns;
    if (strcmp(name, "label") == 0)
        return s->n_choice_columns + 1;
    return -1;
}

static void bind(SurveyLoader *L, int line, SurveyColumn column, struct Expr *e, bool *used_columns)
{
    const Survey *s = L->survey;
    bool filter = column == SURVEY_COL_CHOICE_FILTER;
    char what[96];
    if (!e)
        return;
    cell_place(&L->survey_cols, column, line, what, sizeof what);
    for (int i = 0; e && i < expr_field_count(e); i++) {
        int q = bind_name(L, line, what, expr_field_name(e, i), expr_field_position(e, i));
        if (q >= 0)
            expr_bind_field(e, i, q);
    }
    for (int i = 0; e && i < expr_column_count(e); i++) {
        const char *name = expr_column_name(e, i);
        int id = filter ? choice_column_id(s, name) : -1;
        if (id >= 0) {
            expr_bind_column(e, i, id);
            if (id < s->n_choice_columns)
                used_columns[id] = true;
        } else if (filter) {
            survey_problem_add(L->problems, L->survey_csv.path, line,
                               "%s: \"%s\" at character %d is not a column of the choices (nor name or label); "
                               "text is written in quotes: '%s'", what, name, expr_column_position(e, i), name);
        } else {
            survey_problem_add(L->problems, L->survey_csv.path, line,
                               "%s: \"%s\" at character %d is not an answer; write ${%s}", what, name,
                               expr_column_position(e, i), name);
        }
    }
}

/* Every ${name} in a text must name a question. */
static void check_text_names(SurveyLoader *L, const char *path, int line, const char *what, const SurveyText *t)
{
    for (int lang = 0; lang < L->survey->n_languages; lang++) {
        for (const char *p = t->by_language[lang]; p && (p = strstr(p, "${")) != NULL; p += 2) {
            const char *close = strchr(p, '}');
            if (!close)
                break;
            char name[128];
            snprintf(name, sizeof name, "%.*s", (int)(close - p - 2), p + 2);
            if (survey_question_index(L->survey, name) < 0)
                survey_problem_add(L->problems, path, line, "%s: ${%s} is not a question of this form", what, name);
        }
    }
}

static void link_question(SurveyLoader *L, SurveyQuestion *q, bool *used_columns)
{
    int line = q->line;
    bind(L, line, SURVEY_COL_RELEVANT, q->relevant, used_columns);
    bind(L, line, SURVEY_COL_REQUIRED, q->required_if, used_columns);
    bind(L, line, SURVEY_COL_CONSTRAINT, q->constraint, used_columns);
    bind(L, line, SURVEY_COL_CALCULATION, q->calculation, used_columns);
    bind(L, line, SURVEY_COL_DEFAULT, q->default_expr, used_columns);
    bind(L, line, SURVEY_COL_CHOICE_FILTER, q->choice_filter, used_columns);
    check_text_names(L, L->survey_csv.path, line, "label", &q->label);
    check_text_names(L, L->survey_csv.path, line, "hint", &q->hint);
    check_text_names(L, L->survey_csv.path, line, "constraint_message", &q->constraint_message);
    check_text_names(L, L->survey_csv.path, line, "required_message", &q->required_message);
}

static void warn_unused_choice_columns(SurveyLoader *L, const bool *used)
{
    const Survey *s = L->survey;
    for (int i = 0; i < s->n_choice_columns; i++)
        if (!used[i])
            survey_warning_add(L->problems, L->choices_csv.path, 0,
                               "column \"%s\" is not used by sayso (no choice_filter reads it)",
                               s->choice_columns[i]);
}

void survey_logic_link(SurveyLoader *L)
{
    Survey *s = L->survey;
    bool *used = survey_xcalloc((size_t)s->n_choice_columns + 1, sizeof(bool));
    for (int i = 0; i < s->n_questions; i++)
        link_question(L, &s->questions[i], used);
    for (int g = 0; g < s->n_groups; g++) {
        bind(L, s->groups[g].line, SURVEY_COL_RELEVANT, s->groups[g].relevant, used);
        check_text_names(L, L->survey_csv.path, s->groups[g].line, "label", &s->groups[g].label);
    }
    for (int l = 0; l < s->n_lists; l++)
        for (int c = 0; c < s->lists[l].n_choices; c++)
            check_text_names(L, L->choices_csv.path, s->lists[l].choices[c].line, "label",
                             &s->lists[l].choices[c].label);
    warn_unused_choice_columns(L, used);
    free(used);
}
