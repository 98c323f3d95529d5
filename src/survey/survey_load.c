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
#include <sys/stat.h>

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
                           "the file is empty; its first row must name the columns (%s)", hint);
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
 * all (reported once by check_label_column). */
static void check_label(SurveyLoader *L, const char *path, int line, const SurveyColumns *cols,
                        const char *what, const char *name, const SurveyText *label)
{
    const Survey *s = L->survey;
    int d = s->default_language;
    if (cols->text[SURVEY_TEXT_LABEL][d] < 0 || label->by_language[d])
        return;
    survey_problem_add(L->problems, path, line, "%s \"%s\" has no label in %s (%s), the default language",
                       what, name ? name : "", s->languages[d].name, s->languages[d].code);
}

static void check_label_column(SurveyLoader *L, const SurveyCsvTable *t, const SurveyColumns *cols)
{
    const Survey *s = L->survey;
    int d = s->default_language;
    if (cols->text[SURVEY_TEXT_LABEL][d] >= 0)
        return;
    survey_problem_add(L->problems, t->path, cols->header_line,
                       "no label column for %s (%s), the default language; add a \"label\" or "
                       "\"label::%s (%s)\" column, or change default_language in settings.csv",
                       s->languages[d].name, s->languages[d].code, s->languages[d].name,
                       s->languages[d].code);
}

/* ---- settings.csv ---- */

static char *folder_name(const char *dir)
{
    char *copy = survey_xstrdup(dir);
    size_t len = strlen(copy);
    while (len > 1 && copy[len - 1] == '/')
        copy[--len] = '\0';
    const char *slash = strrchr(copy, '/');
    char *name = survey_xstrdup(slash && slash[1] ? slash + 1 : copy);
    free(copy);
    return name;
}

/* settings.csv symbol_text: yes/no, true/false, 1/0; empty is no. */
static void parse_symbol_text(SurveyLoader *L, const SurveyCsvRow *row, int col)
{
    static const char *const yes[] = {"yes", "true", "1"};
    static const char *const no[] = {"no", "false", "0"};
    char *value = survey_cell_dup(row, col);
    bool known = !value;
    for (size_t i = 0; value && i < sizeof yes / sizeof yes[0]; i++) {
        if (strcasecmp(value, yes[i]) == 0)
            known = L->survey->symbol_text = true;
        else if (strcasecmp(value, no[i]) == 0)
            known = true;
    }
    if (!known)
        survey_problem_add(L->problems, L->settings_csv.path, row->line,
                           "symbol_text must be yes or no (or true/false, 1/0), not \"%s\"", value);
    free(value);
}

static void load_settings(SurveyLoader *L)
{
    Survey *s = L->survey;
    const SurveyCsvTable *t = &L->settings_csv;
    SurveyColumns cols;
    const SurveyCsvRow *row = NULL;
    survey_columns_map(L, t, &cols);
    if (t->n_rows > 1 && survey_row_fits(L, t, &t->rows[1], &cols))
        row = &t->rows[1];
    for (int i = 2; i < t->n_rows; i++)
        survey_problem_add(L->problems, t->path, t->rows[i].line,
                           "settings.csv has one row of settings under its header; remove this one");
    if (row) {
        s->title = survey_cell_dup(row, cols.col[SURVEY_COL_FORM_TITLE]);
        s->form_id = survey_cell_dup(row, cols.col[SURVEY_COL_FORM_ID]);
        s->version = survey_cell_dup(row, cols.col[SURVEY_COL_VERSION]);
        parse_symbol_text(L, row, cols.col[SURVEY_COL_SYMBOL_TEXT]);
    }
    if (!s->form_id)
        s->form_id = folder_name(s->dir);
    if (!s->title)
        s->title = survey_xstrdup(s->form_id);
    if (!s->version)
        s->version = survey_xstrdup("1");
    char *lang = row ? survey_cell_dup(row, cols.col[SURVEY_COL_DEFAULT_LANGUAGE]) : NULL;
    survey_languages_load(L, lang, row ? row->line : 0);
    free(lang);
}

/* ---- choices.csv ---- */

static SurveyList *find_or_add_list(Survey *s, const char *name)
{
    for (int i = 0; i < s->n_lists; i++)
        if (strcmp(s->lists[i].name, name) == 0)
            return &s->lists[i];
    s->lists = survey_xrealloc(s->lists, (size_t)s->n_lists + 1, sizeof(SurveyList));
    s->lists[s->n_lists] = (SurveyList){.name = survey_xstrdup(name)};
    return &s->lists[s->n_lists++];
}

static void check_duplicate_choice(SurveyLoader *L, const SurveyList *list, const SurveyChoice *c)
{
    for (int i = 0; c->name && i < list->n_choices; i++) {
        const SurveyChoice *other = &list->choices[i];
        if (other != c && other->name && strcmp(other->name, c->name) == 0) {
            survey_problem_add(L->problems, L->choices_csv.path, c->line,
                               "duplicate choice name \"%s\" in list \"%s\" (also on line %d); "
                               "each choice in a list needs its own name",
                               c->name, list->name, other->line);
            return;
        }
    }
}

static void load_choice(SurveyLoader *L, const SurveyColumns *cols, const SurveyCsvRow *row)
{
    const char *path = L->choices_csv.path;
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
    c->image = survey_cell_dup(row, cols->col[SURVEY_COL_IMAGE]);
    survey_read_text(row, cols, SURVEY_TEXT_LABEL, &c->label);
    survey_read_text(row, cols, SURVEY_TEXT_AUDIO, &c->audio);
    check_name(L, path, row->line, "choice name", c->name, true);
    check_not_a_button(L, row->line, c->name);
    check_duplicate_choice(L, list, c);
    check_label(L, path, row->line, cols, "choice", c->name, &c->label);
    free(list_name);
}

static void load_choices(SurveyLoader *L)
{
    const SurveyCsvTable *t = &L->choices_csv;
    static const SurveyColumn required[] = {SURVEY_COL_LIST_NAME, SURVEY_COL_NAME};
    SurveyColumns cols;
    if (!t->found)
        return; /* a problem only if a question needs a list: survey_check_links */
    survey_columns_map(L, t, &cols);
    if (!has_columns(L, t, &cols, required, 2, CHOICES_COLUMNS_HINT))
        return;
    check_label_column(L, t, &cols);
    for (int i = 1; i < t->n_rows; i++)
        if (survey_row_fits(L, t, &t->rows[i], &cols))
            load_choice(L, &cols, &t->rows[i]);
    L->choices_loaded = true;
}

/* ---- survey.csv ---- */

/* "select_one LIST", "select_multiple LIST" or "note"; the LIST goes to
 * loader->list_names[i]. False when the type is not one of those. */
static bool parse_type(SurveyLoader *L, int line, const char *type, SurveyQuestion *q, int i)
{
    const char *path = L->survey_csv.path;
    char word[64] = "", list[256] = "", extra[64] = "";
    int n = type ? sscanf(type, "%63s %255s %63s", word, list, extra) : 0;
    if (n <= 0) {
        survey_problem_add(L->problems, path, line,
                           "type is empty (use select_one LIST, select_multiple LIST or note)");
        return false;
    }
    static const struct {
        const char *word;
        QuestionType type;
    } listless[] = {{"note", QUESTION_NOTE}, {"audio", QUESTION_AUDIO}, {"text", QUESTION_TEXT}};
    for (size_t k = 0; k < sizeof listless / sizeof listless[0]; k++) {
        if (strcmp(word, listless[k].word) != 0)
            continue;
        q->type = listless[k].type;
        if (n > 1)
            survey_problem_add(L->problems, path, line, "type %s takes no list name (\"%s\")", word, list);
        return true;
    }
    if (strcmp(word, "select_one") != 0 && strcmp(word, "select_multiple") != 0) {
        survey_problem_add(L->problems, path, line,
                           "unknown type \"%s\" (use select_one, select_multiple, note, audio or text)", word);
        return false;
    }
    q->type = strcmp(word, "select_one") == 0 ? QUESTION_SELECT_ONE : QUESTION_SELECT_MULTIPLE;
    if (n == 1)
        survey_problem_add(L->problems, path, line,
                           "type %s needs the name of a choice list, e.g. \"%s colours\"", word, word);
    else
        L->list_names[i] = survey_xstrdup(list);
    if (n > 2)
        survey_problem_add(L->problems, path, line,
                           "unexpected \"%s\" after the list name in type \"%s\"", extra, type);
    return true;
}

static const char *const layout_names[] = {[APPEARANCE_LADDER] = "ladder", [APPEARANCE_SCALE] = "scale",
                                           [APPEARANCE_MAT] = "mat"};

/* One word of the appearance column: a layout or a symbols switch. False
 * when it is neither. Two layouts, or symbols with no-symbols, are a
 * problem (the later word is not applied). */
static bool apply_appearance_word(SurveyLoader *L, int line, const char *word, SurveyQuestion *q)
{
    const char *path = L->survey_csv.path;
    int on = strcmp(word, "symbols") == 0 ? 1 : strcmp(word, "no-symbols") == 0 ? 0 : -1;
    if (on >= 0) {
        if (q->symbol_text >= 0 && q->symbol_text != on)
            survey_problem_add(L->problems, path, line,
                               "appearance has both symbols and no-symbols; keep one");
        else
            q->symbol_text = on;
        return true;
    }
    for (int a = APPEARANCE_LADDER; a <= APPEARANCE_MAT; a++) {
        if (strcmp(word, layout_names[a]) != 0)
            continue;
        if (q->appearance != APPEARANCE_GRID && q->appearance != (Appearance)a)
            survey_problem_add(L->problems, path, line,
                               "appearance has both %s and %s; a question has one of ladder, scale or mat",
                               layout_names[q->appearance], word);
        else
            q->appearance = (Appearance)a;
        return true;
    }
    return false;
}

static void parse_appearance(SurveyLoader *L, int line, const char *appearance, bool type_known,
                             SurveyQuestion *q)
{
    const char *path = L->survey_csv.path;
    char *copy = survey_xstrdup(appearance ? appearance : "");
    char *save = NULL;
    q->appearance = APPEARANCE_GRID;
    q->symbol_text = -1;
    for (char *w = strtok_r(copy, " \t\n", &save); w; w = strtok_r(NULL, " \t\n", &save))
        if (!apply_appearance_word(L, line, w, q))
            survey_problem_add(L->problems, path, line,
                               "unknown appearance \"%s\" (use ladder, scale or mat, or leave it empty "
                               "for a grid; add symbols or no-symbols to turn symbol-supported text "
                               "on or off)", w);
    if (q->appearance != APPEARANCE_GRID && type_known && q->type != QUESTION_SELECT_ONE)
        survey_problem_add(L->problems, path, line, "appearance %s works only with select_one",
                           layout_names[q->appearance]);
    free(copy);
}

/* One key=value of the parameters column. Keys sayso does not use are
 * ignored: XLSForm has many. */
static void apply_parameter(SurveyLoader *L, int line, const char *key, const char *value,
                            SurveyQuestion *q, int i)
{
    const char *path = L->survey_csv.path;
    if (strcmp(key, "topics") == 0) {
        if (q->appearance != APPEARANCE_MAT)
            survey_problem_add(L->problems, path, line, "parameter topics= works only with appearance mat");
        free(L->topic_names[i]);
        L->topic_names[i] = survey_xstrdup(value);
    } else if (strcmp(key, "spoken_answer") == 0) {
        bool yes = strcmp(value, "yes") == 0 || strcmp(value, "true") == 0;
        if (!yes && strcmp(value, "no") != 0 && strcmp(value, "false") != 0)
            survey_problem_add(L->problems, path, line, "parameter spoken_answer= takes yes or no, not \"%s\"", value);
        else if (yes && q->type != QUESTION_SELECT_ONE && q->type != QUESTION_SELECT_MULTIPLE)
            survey_problem_add(L->problems, path, line, "parameter spoken_answer= works only with select_one or select_multiple");
        else
            q->spoken_answer = yes;
    } else if (strcmp(key, "max_seconds") == 0) {
        char *end;
        long seconds = strtol(value, &end, 10);
        if ((q->type != QUESTION_AUDIO && !q->spoken_answer) || *end || seconds < 1 || seconds > 600)
            survey_problem_add(L->problems, path, line,
                               "parameter max_seconds= takes 1 to 600 seconds, for type audio or a spoken answer");
        else
            q->max_seconds = (int)seconds;
    } else if (strcmp(key, "off_ladder") == 0) {
        if (q->appearance != APPEARANCE_LADDER)
            survey_problem_add(L->problems, path, line,
                               "parameter off_ladder= works only with appearance ladder");
        free(q->off_ladder);
        q->off_ladder = survey_xstrdup(value);
    }
}

/* "key=value key=value", separated by spaces (or commas, as some XLSForm
 * tools write them). */
static void parse_parameters(SurveyLoader *L, int line, const char *parameters, SurveyQuestion *q, int i)
{
    char *copy = survey_xstrdup(parameters ? parameters : "");
    char *save = NULL;
    for (char *tok = strtok_r(copy, " \t,;", &save); tok; tok = strtok_r(NULL, " \t,;", &save)) {
        char *eq = strchr(tok, '=');
        if (!eq || eq == tok || !eq[1]) {
            survey_problem_add(L->problems, L->survey_csv.path, line,
                               "parameters: \"%s\" is not key=value (e.g. topics=services)", tok);
            continue;
        }
        *eq = '\0';
        apply_parameter(L, line, tok, eq + 1, q, i);
    }
    free(copy);
    if (q->appearance == APPEARANCE_MAT && !L->topic_names[i])
        survey_problem_add(L->problems, L->survey_csv.path, line,
                           "appearance mat needs the list of topics in parameters, e.g. \"topics=services\"");
}

static void check_duplicate_question(SurveyLoader *L, const SurveyQuestion *q, int i)
{
    for (int j = 0; q->name && j < i; j++) {
        const SurveyQuestion *other = &L->survey->questions[j];
        if (other->name && strcmp(other->name, q->name) == 0) {
            survey_problem_add(L->problems, L->survey_csv.path, q->line,
                               "duplicate question name \"%s\" (also on line %d); "
                               "each question needs its own name", q->name, other->line);
            return;
        }
    }
}

static void load_question(SurveyLoader *L, const SurveyColumns *cols, const SurveyCsvRow *row)
{
    Survey *s = L->survey;
    int i = s->n_questions++;
    SurveyQuestion *q = &s->questions[i];
    char *type = survey_cell_dup(row, cols->col[SURVEY_COL_TYPE]);
    char *appearance = survey_cell_dup(row, cols->col[SURVEY_COL_APPEARANCE]);
    char *parameters = survey_cell_dup(row, cols->col[SURVEY_COL_PARAMETERS]);
    q->line = row->line;
    q->name = survey_cell_dup(row, cols->col[SURVEY_COL_NAME]);
    q->image = survey_cell_dup(row, cols->col[SURVEY_COL_IMAGE]);
    survey_read_text(row, cols, SURVEY_TEXT_LABEL, &q->label);
    survey_read_text(row, cols, SURVEY_TEXT_HINT, &q->hint);
    survey_read_text(row, cols, SURVEY_TEXT_AUDIO, &q->audio);
    q->max_seconds = 60;
    bool type_known = parse_type(L, row->line, type, q, i);
    parse_appearance(L, row->line, appearance, type_known, q);
    parse_parameters(L, row->line, parameters, q, i);
    check_name(L, L->survey_csv.path, row->line, "question name", q->name, false);
    check_duplicate_question(L, q, i);
    check_label(L, L->survey_csv.path, row->line, cols, "question", q->name, &q->label);
    free(type);
    free(appearance);
    free(parameters);
}

static void load_questions(SurveyLoader *L)
{
    const SurveyCsvTable *t = &L->survey_csv;
    static const SurveyColumn required[] = {SURVEY_COL_TYPE, SURVEY_COL_NAME};
    SurveyColumns cols;
    if (!t->found) {
        survey_problem_add(L->problems, t->path, 0, "file not found (every survey needs its questions here)");
        return;
    }
    survey_columns_map(L, t, &cols);
    if (!has_columns(L, t, &cols, required, 2, SURVEY_COLUMNS_HINT))
        return;
    check_label_column(L, t, &cols);
    L->survey->questions = survey_xcalloc((size_t)t->n_rows, sizeof(SurveyQuestion));
    L->list_names = survey_xcalloc((size_t)t->n_rows, sizeof(char *));
    L->topic_names = survey_xcalloc((size_t)t->n_rows, sizeof(char *));
    for (int i = 1; i < t->n_rows; i++)
        if (survey_row_fits(L, t, &t->rows[i], &cols))
            load_question(L, &cols, &t->rows[i]);
    if (L->survey->n_questions == 0 && t->n_rows == 1)
        survey_problem_add(L->problems, t->path, 0, "there are no questions under the first row");
}

/* ---- the whole folder ---- */

static void read_tables(SurveyLoader *L, const char *dir)
{
    static const char *const names[] = {"survey.csv", "choices.csv", "settings.csv"};
    SurveyCsvTable *tables[] = {&L->survey_csv, &L->choices_csv, &L->settings_csv};
    char path[4096];
    for (int i = 0; i < 3; i++) {
        if (!survey_join_path(path, sizeof path, dir, names[i])) {
            survey_problem_add(L->problems, dir, 0, "the folder's path is too long");
            memset(tables[i], 0, sizeof *tables[i]);
            tables[i]->path = survey_xstrdup(names[i]);
            continue;
        }
        survey_csv_read(path, tables[i], L->problems);
    }
}

static void loader_free(SurveyLoader *L)
{
    int n = L->survey_csv.n_rows;
    for (int i = 0; i < n && L->list_names; i++)
        free(L->list_names[i]);
    for (int i = 0; i < n && L->topic_names; i++)
        free(L->topic_names[i]);
    free(L->list_names);
    free(L->topic_names);
    survey_csv_free(&L->survey_csv);
    survey_csv_free(&L->choices_csv);
    survey_csv_free(&L->settings_csv);
    survey_csv_free(&L->yousaid_csv);
}

/* Where a file's problems go in the list: the folder, survey.csv,
 * choices.csv, settings.csv, yousaid.csv. */
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

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

Survey *survey_load(const char *dir, const char *const *symbol_dirs, SurveyProblems *problems)
{
    SurveyLoader L = {.problems = problems, .symbol_dirs = symbol_dirs};
    problems->items = NULL;
    problems->n = 0;
    L.survey = survey_xcalloc(1, sizeof(Survey));
    L.survey->dir = survey_xstrdup(dir ? dir : "");
    if (!dir || !is_directory(dir)) {
        survey_problem_add(problems, dir ? dir : "(no folder)", 0, "survey folder not found");
        goto cleanup;
    }
    read_tables(&L, dir);
    load_settings(&L);
    load_choices(&L);
    load_questions(&L);
    survey_check_links(&L);
    survey_check_files(&L);
    survey_yousaid_load(&L, dir);
    survey_check_lengths(&L);
cleanup:
    sort_problems(&L, problems);
    loader_free(&L);
    if (problems->n == 0)
        return L.survey;
    survey_free(L.survey);
    return NULL;
}
