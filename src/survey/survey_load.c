/* survey_load.c: turns a survey folder's three CSV files into a Survey.
 *
 * survey_load reads survey.csv, choices.csv and settings.csv, builds the
 * questions and choice lists row by row, then hands over to survey_check.c
 * for what spans rows and files. Each row is checked on its own and the load
 * goes on after a problem, so the author gets the whole list at once; only
 * when the list is empty does the caller get a Survey.
 *
 * settings.csv may be missing: the survey then uses the folder's name as
 * form_id and title, version "1", and default_language English (en) unless
 * the label columns say otherwise. choices.csv may be missing when no
 * question needs a list. yousaid.csv, the "You said, we did" items, is
 * optional and read last (yousaid.c), once the languages are known.
 *
 * appearance holds space-separated words, as in XLSForm: at most one layout
 * (ladder, scale, mat; none is a grid) and optionally symbols or no-symbols,
 * which turn symbol-supported text on or off for the question over
 * settings.csv's symbol_text. */
#include "survey/survey_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SURVEY_COLUMNS_HINT "type, name, label, hint, image, audio, appearance, parameters"
#define CHOICES_COLUMNS_HINT "list_name, name, label, image, audio"

static const char *cell(const SurveyCsvRow *row, int col)
{
    return col >= 0 && col < row->n_fields ? row->fields[col] : "";
}

/* Line breaks inside a cell become "\n", whichever the spreadsheet wrote. */
static void normalise_line_breaks(char *s)
{
    char *out = s;
    for (const char *in = s; *in; in++) {
        if (*in == '\r') {
            *out++ = '\n';
            if (in[1] == '\n')
                in++;
        } else {
            *out++ = *in;
        }
    }
    *out = '\0';
}

char *survey_cell_dup(const SurveyCsvRow *row, int col)
{
    char *s = survey_xtrimdup(cell(row, col));
    if (!s[0]) {
        free(s);
        return NULL;
    }
    normalise_line_breaks(s);
    return s;
}

void survey_read_text(const SurveyCsvRow *row, const SurveyColumns *cols, int kind, SurveyText *text)
{
    for (int lang = 0; lang < SURVEY_MAX_LANGUAGES; lang++)
        text->by_language[lang] = survey_cell_dup(row, cols->text[kind][lang]);
    int d = cols->fallback_language;
    if (d >= 0 && !text->by_language[d])
        text->by_language[d] = survey_cell_dup(row, cols->fallback[kind]);
}

bool survey_row_fits(SurveyLoader *L, const SurveyCsvTable *t, const SurveyCsvRow *row,
                     const SurveyColumns *cols)
{
    if (row->n_fields == cols->n_header)
        return true;
    survey_problem_add(L->problems, t->path, row->line,
                       "this row has %d fields but the first row names %d columns "
                       "(look for a missing or extra comma, or a quote that is not closed)",
                       row->n_fields, cols->n_header);
    return false;
}

/* False, with a problem per missing column, when a required one is absent. */
static bool has_columns(SurveyLoader *L, const SurveyCsvTable *t, const SurveyColumns *cols,
                        const SurveyColumn *required, int n, const char *hint)
{
    bool ok = true;
    if (t->n_rows == 0) {
        survey_problem_add(L->problems, t->path, 0,
                           "the %s is empty; its first row must name the columns (%s)", survey_table_kind(t), hint);
        return false;
    }
    for (int i = 0; i < n; i++) {
        if (cols->col[required[i]] >= 0)
            continue;
        survey_problem_add(L->problems, t->path, cols->header_line,
                           "missing column \"%s\"; the first row must name the columns (%s)",
                           survey_column_name(required[i]), hint);
        ok = false;
    }
    return ok;
}

/* Names are ids in scripts, exports and answers: letters, digits, "_", "-"
 * and "."; a question's starts with a letter or "_" (as in XLSForm). */
static bool name_is_valid(const char *name, bool may_start_with_digit)
{
    if (!isalpha((unsigned char)name[0]) && name[0] != '_' &&
        !(may_start_with_digit && isdigit((unsigned char)name[0])))
        return false;
    for (const char *p = name; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-' && *p != '.')
            return false;
    return true;
}

static void check_name(SurveyLoader *L, const char *path, int line, const char *what,
                       const char *name, bool may_start_with_digit)
{
    if (!name)
        survey_problem_add(L->problems, path, line,
                           "%s is empty; give it a short name with no spaces, such as \"%s\"", what,
                           may_start_with_digit ? "very_happy" : "how_often");
    else if (!name_is_valid(name, may_start_with_digit))
        survey_problem_add(L->problems, path, line,
                           "%s \"%s\" may only use letters, digits, \"_\", \"-\" and \".\" "
                           "(no spaces)%s", what, name,
                           may_start_with_digit ? "" : ", and must start with a letter");
}

/* A choice is tapped by its name in headless scripts ("tap NAME"), so it
 * may not share one with a button of the question screen. */
static void check_not_a_button(SurveyLoader *L, int line, const char *name)
{
    static const char *const buttons[] = {"next", "back", "skip", "speak", "stop"};
    for (size_t i = 0; name && i < sizeof buttons / sizeof buttons[0]; i++)
        if (strcmp(name, buttons[i]) == 0)
            survey_problem_add(L->problems, L->choices_csv.path, line,
                               "choice name \"%s\" is also the name of a button on the question screen "
                               "(next, back, skip, speak, stop); choose another, e.g. \"%s_choice\"",
                               name, name);
}

/* A label in the default language, unless the file has no such column at
 * all (reported once by survey_label_column_missing). A choice that is a
 * picture alone (as ODK allows) is only warned about: it shows, but the
 * kiosk has nothing to say for it. */
static void check_label(SurveyLoader *L, const char *path, int line, const SurveyColumns *cols,
                        const char *what, const char *name, const SurveyText *label, const char *image)
{
    const Survey *s = L->survey;
    int d = s->default_language;
    if (cols->text[SURVEY_TEXT_LABEL][d] < 0 || label->by_language[d])
        return;
    if (image)
        survey_warning_add(L->problems, path, line,
                           "%s \"%s\" has no label in %s (%s): it shows its picture, but nothing is said for it",
                           what, name ? name : "", s->languages[d].name, s->languages[d].code);
    else
        survey_problem_add(L->problems, path, line, "%s \"%s\" has no label in %s (%s), the default language",
                           what, name ? name : "", s->languages[d].name, s->languages[d].code);
}

void survey_label_column_missing(SurveyLoader *L, const SurveyCsvTable *t, int header_line)
{
    const Survey *s = L->survey;
    int d = s->default_language;
    survey_problem_add(L->problems, t->path, header_line,
                       "no label column for %s (%s), the default language; add a \"label\" or "
                       "\"label::%s (%s)\" column, or change default_language in the settings",
                       s->languages[d].name, s->languages[d].code, s->languages[d].name,
                       s->languages[d].code);
}

/* ---- settings ---- */

/* The survey's name when settings give none: its folder's, or its
 * workbook's without ".xlsx". */
static char *default_name(const Survey *s)
{
    char *copy = survey_xstrdup(s->workbook ? s->workbook : s->dir);
    size_t len = strlen(copy);
    while (len > 1 && copy[len - 1] == '/')
        copy[--len] = '\0';
    char *dot = s->workbook ? strrchr(copy, '.') : NULL;
    if (dot && !strchr(dot, '/'))
        *dot = '\0';
    const char *slash = strrchr(copy, '/');
    char *name = survey_xstrdup(slash && slash[1] ? slash + 1 : copy);
    free(copy);
    return name;
}

/* A yes/no setting: yes/no, true/false, 1/0 in any letter case; empty is no. */
static bool read_yes_no(SurveyLoader *L, const SurveyCsvRow *row, const SurveyColumns *cols, SurveyColumn column)
{
    static const char *const yes[] = {"yes", "true", "1"};
    static const char *const no[] = {"no", "false", "0"};
    char *value = survey_cell_dup(row, cols->col[column]);
    bool known = !value, on = false;
    for (size_t i = 0; value && i < sizeof yes / sizeof yes[0]; i++) {
        if (strcasecmp(value, yes[i]) == 0)
            known = on = true;
        else if (strcasecmp(value, no[i]) == 0)
            known = true;
    }
    if (!known)
        survey_problem_add(L->problems, L->settings_csv.path, row->line,
                           "%s must be yes or no (or true/false, 1/0), not \"%s\"", survey_column_name(column),
                           value);
    free(value);
    return on;
}

static void load_settings(SurveyLoader *L)
{
    Survey *s = L->survey;
    const SurveyCsvTable *t = &L->settings_csv;
    SurveyColumns cols;
    const SurveyCsvRow *row = NULL;
    survey_columns_map(L, t, SURVEY_SHEET_SETTINGS, &cols);
    survey_columns_warn_unused(L, t, &cols, true);
    if (t->n_rows > 1 && survey_row_fits(L, t, &t->rows[1], &cols))
        row = &t->rows[1];
    for (int i = 2; i < t->n_rows; i++)
        survey_problem_add(L->problems, t->path, t->rows[i].line,
                           "the settings have one row under their header; remove this one");
    if (row) {
        s->title = survey_cell_dup(row, cols.col[SURVEY_COL_FORM_TITLE]);
        s->form_id = survey_cell_dup(row, cols.col[SURVEY_COL_FORM_ID]);
        s->version = survey_cell_dup(row, cols.col[SURVEY_COL_VERSION]);
        s->symbol_text = read_yes_no(L, row, &cols, SURVEY_COL_SYMBOL_TEXT);
        L->allow_choice_duplicates = read_yes_no(L, row, &cols, SURVEY_COL_ALLOW_CHOICE_DUPLICATES);
    }
    if (!s->form_id)
        s->form_id = default_name(s);
    if (!s->title)
        s->title = survey_xstrdup(s->form_id);
    if (!s->version)
        s->version = survey_xstrdup("1");
    char *lang = row ? survey_cell_dup(row, cols.col[SURVEY_COL_DEFAULT_LANGUAGE]) : NULL;
    survey_languages_load(L, lang, row ? row->line : 0);
    free(lang);
    survey_titles_load(L, row);
}

/* ---- choices ---- */

static SurveyList *find_or_add_list(Survey *s, const char *name)
{
    for (int i = 0; i < s->n_lists; i++)
        if (strcmp(s->lists[i].name, name) == 0)
            return &s->lists[i];
    s->lists = survey_xrealloc(s->lists, (size_t)s->n_lists + 1, sizeof(SurveyList));
    s->lists[s->n_lists] = (SurveyList){.name = survey_xstrdup(name)};
    return &s->lists[s->n_lists++];
}

/* A list repeats a name only when the settings allow it (cascading
 * selects, where a filter shows one of them at a time). */
static void check_duplicate_choice(SurveyLoader *L, const SurveyList *list, const SurveyChoice *c)
{
    for (int i = 0; c->name && i < list->n_choices && !L->allow_choice_duplicates; i++) {
        const SurveyChoice *other = &list->choices[i];
        if (other != c && other->name && strcmp(other->name, c->name) == 0) {
            survey_problem_add(L->problems, L->choices_csv.path, c->line,
                               "duplicate choice name \"%s\" in list \"%s\" (also on line %d); "
                               "each choice in a list needs its own name (or, for choices a choice_filter "
                               "tells apart, set allow_choice_duplicates to yes in the settings)",
                               c->name, list->name, other->line);
            return;
        }
    }
}

/* The choices' own columns (not XLSForm's) are kept for choice_filter;
 * those no filter reads are warned about once the questions are read. */
static void keep_choice_columns(SurveyLoader *L, const SurveyColumns *cols, const SurveyCsvRow *header)
{
    Survey *s = L->survey;
    s->choice_columns = survey_xcalloc((size_t)cols->n_unused + 1, sizeof(char *));
    for (int i = 0; i < cols->n_unused; i++)
        s->choice_columns[s->n_choice_columns++] = survey_xtrimdup(header->fields[cols->unused[i]]);
}

static void read_choice_columns(const SurveyLoader *L, const SurveyColumns *cols, const SurveyCsvRow *row,
                                SurveyChoice *c)
{
    c->columns = survey_xcalloc((size_t)cols->n_unused + 1, sizeof(char *));
    for (int i = 0; i < cols->n_unused; i++) {
        char *v = survey_cell_dup(row, cols->unused[i]);
        c->columns[i] = v ? v : survey_xstrdup("");
    }
}

static void load_choice(SurveyLoader *L, const SurveyColumns *cols, const SurveyCsvRow *row)
{
    const char *path = L->choices_csv.path;
    int d = L->survey->default_language;
    char *list_name = survey_cell_dup(row, cols->col[SURVEY_COL_LIST_NAME]);
    if (!list_name) {
        survey_problem_add(L->problems, path, row->line,
                           "list_name is empty; say which choice list this row belongs to");
        return;
    }
    check_name(L, path, row->line, "list_name", list_name, false);
    SurveyList *list = find_or_add_list(L->survey, list_name);
    list->choices = survey_xrealloc(list->choices, (size_t)list->n_choices + 1, sizeof(SurveyChoice));
    SurveyChoice *c = &list->choices[list->n_choices++];
    memset(c, 0, sizeof *c);
    c->line = row->line;
    c->name = survey_cell_dup(row, cols->col[SURVEY_COL_NAME]);
    survey_read_text(row, cols, SURVEY_TEXT_LABEL, &c->label);
    survey_read_text(row, cols, SURVEY_TEXT_AUDIO, &c->audio);
    survey_read_text(row, cols, SURVEY_TEXT_IMAGE, &c->images);
    c->image = survey_xstrdup(c->images.by_language[d]);
    read_choice_columns(L, cols, row, c);
    check_name(L, path, row->line, "choice name", c->name, true);
    check_not_a_button(L, row->line, c->name);
    check_duplicate_choice(L, list, c);
    check_label(L, path, row->line, cols, "choice", c->name, &c->label, c->image);
    free(list_name);
}

static void load_choices(SurveyLoader *L)
{
    const SurveyCsvTable *t = &L->choices_csv;
    static const SurveyColumn required[] = {SURVEY_COL_LIST_NAME, SURVEY_COL_NAME};
    SurveyColumns cols;
    if (t->sheet && t->found && t->n_rows == 0)
        L->choices_csv.found = false; /* an empty choices sheet, as XLSForm templates have, is none */
    if (!t->found)
        return; /* a problem only if a question needs a list: survey_check_links */
    survey_columns_map(L, t, SURVEY_SHEET_CHOICES, &cols);
    if (!has_columns(L, t, &cols, required, 2, CHOICES_COLUMNS_HINT))
        return;
    L->choices_label_missing = cols.text[SURVEY_TEXT_LABEL][L->survey->default_language] < 0;
    keep_choice_columns(L, &cols, &t->rows[0]);
    for (int i = 1; i < t->n_rows; i++)
        if (survey_row_fits(L, t, &t->rows[i], &cols))
            load_choice(L, &cols, &t->rows[i]);
    L->choices_loaded = true;
}

/* ---- the survey's rows ---- */

/* Question and group names are what ${name} refers to: one each. */
static void check_duplicate_name(SurveyLoader *L, int line, const char *what, const char *name)
{
    const Survey *s = L->survey;
    int other = -1;
    for (int j = 0; name && j < s->n_questions && other < 0; j++)
        if (s->questions[j].name && s->questions[j].line != line && strcmp(s->questions[j].name, name) == 0)
            other = s->questions[j].line;
    for (int g = 0; name && g < s->n_groups && other < 0; g++)
        if (s->groups[g].name && s->groups[g].line != line && strcmp(s->groups[g].name, name) == 0)
            other = s->groups[g].line;
    if (other >= 0)
        survey_problem_add(L->problems, L->survey_csv.path, line,
                           "duplicate %s name \"%s\" (also on line %d); each question and group needs its own name",
                           what, name, other);
}

static void load_group(SurveyLoader *L, const SurveyColumns *cols, const SurveyCsvRow *row, SurveyGroup *g)
{
    char *appearance = survey_cell_dup(row, cols->col[SURVEY_COL_APPEARANCE]);
    g->name = survey_cell_dup(row, cols->col[SURVEY_COL_NAME]);
    survey_read_text(row, cols, SURVEY_TEXT_LABEL, &g->label);
    survey_logic_read_group(L, row, cols, g);
    survey_group_appearance_read(L, row->line, appearance, g);
    check_name(L, L->survey_csv.path, row->line, "group name", g->name, false);
    check_duplicate_name(L, row->line, "group", g->name);
    free(appearance);
}

static void load_question_texts(SurveyLoader *L, const SurveyColumns *cols, const SurveyCsvRow *row,
                                SurveyQuestion *q)
{
    survey_read_text(row, cols, SURVEY_TEXT_LABEL, &q->label);
    survey_read_text(row, cols, SURVEY_TEXT_HINT, &q->hint);
    survey_read_text(row, cols, SURVEY_TEXT_AUDIO, &q->audio);
    survey_read_text(row, cols, SURVEY_TEXT_IMAGE, &q->images);
    survey_read_text(row, cols, SURVEY_TEXT_REQUIRED_MESSAGE, &q->required_message);
    survey_read_text(row, cols, SURVEY_TEXT_CONSTRAINT_MESSAGE, &q->constraint_message);
    q->image = survey_xstrdup(q->images.by_language[L->survey->default_language]);
}

/* A row that is no question keeps its name, so ${name}s of it can say why. */
static void note_refused(SurveyLoader *L, const SurveyCsvRow *row, const SurveyColumns *cols)
{
    char *name = survey_cell_dup(row, cols->col[SURVEY_COL_NAME]);
    if (!name)
        return;
    L->refused = survey_xrealloc(L->refused, (size_t)L->n_refused + 1, sizeof(char *));
    L->refused_lines = survey_xrealloc(L->refused_lines, (size_t)L->n_refused + 1, sizeof(int));
    L->refused[L->n_refused] = name;
    L->refused_lines[L->n_refused++] = row->line;
}

static void load_question(SurveyLoader *L, const SurveyColumns *cols, const SurveyCsvRow *row)
{
    Survey *s = L->survey;
    int i = s->n_questions;
    SurveyQuestion *q = &s->questions[i];
    memset(q, 0, sizeof *q);
    char *type = survey_cell_dup(row, cols->col[SURVEY_COL_TYPE]);
    SurveyRowKind kind = survey_type_read(L, row, type, q, i);
    free(type);
    if (kind == SURVEY_ROW_GROUP_BEGIN)
        load_group(L, cols, row, &s->groups[s->n_groups - 1]);
    if (kind == SURVEY_ROW_NONE)
        note_refused(L, row, cols);
    if (kind != SURVEY_ROW_QUESTION) {
        free(L->list_names[i]);
        L->list_names[i] = NULL;
        return;
    }
    s->n_questions++;
    char *appearance = survey_cell_dup(row, cols->col[SURVEY_COL_APPEARANCE]);
    char *parameters = survey_cell_dup(row, cols->col[SURVEY_COL_PARAMETERS]);
    q->line = row->line;
    q->name = survey_cell_dup(row, cols->col[SURVEY_COL_NAME]);
    load_question_texts(L, cols, row, q);
    q->max_seconds = 60;
    survey_appearance_read(L, row->line, appearance, true, q);
    survey_parameters_read(L, row->line, parameters, q, i);
    survey_logic_read(L, row, cols, q);
    check_name(L, L->survey_csv.path, row->line, "question name", q->name, false);
    check_duplicate_name(L, row->line, "question", q->name);
    if (survey_question_is_shown(q))  /* a note may be a picture alone */
        check_label(L, L->survey_csv.path, row->line, cols, "question", q->name, &q->label,
                    q->type == QUESTION_NOTE ? q->image : NULL);
    free(appearance);
    free(parameters);
}

static void load_questions(SurveyLoader *L)
{
    const SurveyCsvTable *t = &L->survey_csv;
    static const SurveyColumn required[] = {SURVEY_COL_TYPE, SURVEY_COL_NAME};
    SurveyColumns cols;
    if (!t->found) {
        survey_problem_add(L->problems, t->path, 0, "%s not found (every survey needs its questions here)",
                           survey_table_kind(t));
        return;
    }
    survey_columns_map(L, t, SURVEY_SHEET_SURVEY, &cols);
    survey_columns_warn_unused(L, t, &cols, false);
    L->survey_cols = cols;
    if (!has_columns(L, t, &cols, required, 2, SURVEY_COLUMNS_HINT))
        return;
    if (cols.text[SURVEY_TEXT_LABEL][L->survey->default_language] < 0)
        survey_label_column_missing(L, t, cols.header_line);
    L->survey->questions = survey_xcalloc((size_t)t->n_rows, sizeof(SurveyQuestion));
    L->list_names = survey_xcalloc((size_t)t->n_rows, sizeof(char *));
    L->topic_names = survey_xcalloc((size_t)t->n_rows, sizeof(char *));
    for (int i = 1; i < t->n_rows; i++)
        if (survey_row_fits(L, t, &t->rows[i], &cols))
            load_question(L, &cols, &t->rows[i]);
    survey_groups_finish(L);
    if (L->survey->n_questions == 0 && t->n_rows == 1)
        survey_problem_add(L->problems, t->path, 0, "there are no questions under the first row");
}

/* ---- the whole survey ---- */

static void loader_free(SurveyLoader *L)
{
    int n = L->survey_csv.n_rows;
    for (int i = 0; i < n && L->list_names; i++)
        free(L->list_names[i]);
    for (int i = 0; i < n && L->topic_names; i++)
        free(L->topic_names[i]);
    free(L->list_names);
    free(L->topic_names);
    for (int i = 0; i < L->n_refused; i++)
        free(L->refused[i]);
    free(L->refused);
    free(L->refused_lines);
    survey_csv_free(&L->survey_csv);
    survey_csv_free(&L->choices_csv);
    survey_csv_free(&L->settings_csv);
    survey_csv_free(&L->yousaid_csv);
}

/* Where a file's problems go in the list: the folder (or workbook), the
 * survey, choices, settings, yousaid. */
static int file_rank(const SurveyLoader *L, const char *file)
{
    const SurveyCsvTable *tables[] = {&L->survey_csv, &L->choices_csv, &L->settings_csv, &L->yousaid_csv};
    for (int i = 0; i < 4; i++)
        if (tables[i]->path && strcmp(tables[i]->path, file) == 0)
            return i + 1;
    return 0;
}

static bool comes_before(const SurveyLoader *L, const SurveyProblem *a, const SurveyProblem *b)
{
    int ra = file_rank(L, a->file), rb = file_rank(L, b->file);
    return ra != rb ? ra < rb : a->line < b->line;
}

/* Orders problems by file, then line, as an author fixes them. Insertion
 * sort: stable, so problems on one line keep the order they were found in;
 * O(n^2) on a list of a few dozen. */
static void sort_problems(const SurveyLoader *L, SurveyProblems *problems)
{
    for (int i = 1; i < problems->n; i++) {
        SurveyProblem p = problems->items[i];
        int j = i;
        for (; j > 0 && comes_before(L, &p, &problems->items[j - 1]); j--)
            problems->items[j] = problems->items[j - 1];
        problems->items[j] = p;
    }
}

Survey *survey_load(const char *dir, const char *const *symbol_dirs, SurveyProblems *problems)
{
    SurveyLoader L = {.problems = problems, .symbol_dirs = symbol_dirs};
    memset(problems, 0, sizeof *problems);
    L.survey = survey_xcalloc(1, sizeof(Survey));
    if (survey_source_read(&L, dir)) {
        load_settings(&L);
        load_choices(&L);
        load_questions(&L);
        survey_check_links(&L);
        survey_logic_link(&L);
        survey_check_files(&L);
        survey_yousaid_load(&L);
        survey_check_lengths(&L);
    }
    sort_problems(&L, problems);
    loader_free(&L);
    if (problems->n == problems->n_warnings)
        return L.survey;
    survey_free(L.survey);
    return NULL;
}
