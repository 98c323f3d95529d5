/* survey_columns.c: the survey's languages and where each column is.
 *
 * XLSForm names a translation in the column header: "label::English (en)".
 * The languages of a survey are those of its label columns, in survey.csv and
 * choices.csv, in the order they first appear; settings.csv's
 * default_language picks the one used where a translation is missing, and
 * the plain "label", "hint" and "audio" columns (and yousaid.csv's "said"
 * and "did", whose said::LANG columns must name one of these languages)
 * are in that language. A
 * survey with no label::LANG column has one language, default_language's
 * (English (en) when that is not given either); a default_language that no
 * label::LANG column names is added in front of the others, for the plain
 * label column. */
#include "survey/survey_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const column_names[SURVEY_N_COLS] = {
    [SURVEY_COL_TYPE] = "type",
    [SURVEY_COL_NAME] = "name",
    [SURVEY_COL_LABEL] = "label",
    [SURVEY_COL_HINT] = "hint",
    [SURVEY_COL_AUDIO] = "audio",
    [SURVEY_COL_SAID] = "said",
    [SURVEY_COL_DID] = "did",
    [SURVEY_COL_IMAGE] = "image",
    [SURVEY_COL_APPEARANCE] = "appearance",
    [SURVEY_COL_PARAMETERS] = "parameters",
    [SURVEY_COL_LIST_NAME] = "list_name",
    [SURVEY_COL_FORM_TITLE] = "form_title",
    [SURVEY_COL_FORM_ID] = "form_id",
    [SURVEY_COL_VERSION] = "version",
    [SURVEY_COL_DEFAULT_LANGUAGE] = "default_language",
    [SURVEY_COL_SYMBOL_TEXT] = "symbol_text",
};

const char *survey_column_name(SurveyColumn column)
{
    return column_names[column];
}

/* "English (en)" -> "English" and "en"; false (nothing allocated) when
 * there is no non-empty "(code)" at the end. An empty name becomes the code. */
static bool parse_language(const char *s, char **name, char **code)
{
    char *t = survey_xtrimdup(s);
    size_t len = strlen(t);
    char *open = strrchr(t, '(');
    bool ok = false;
    if (len == 0 || t[len - 1] != ')' || !open)
        goto cleanup;
    t[len - 1] = '\0';
    *open = '\0';
    *code = survey_xtrimdup(open + 1);
    if (!(*code)[0] || strpbrk(*code, " \t")) {
        free(*code);
        *code = NULL;
        goto cleanup;
    }
    *name = survey_xtrimdup(t);
    if (!(*name)[0]) {
        free(*name);
        *name = survey_xstrdup(*code);
    }
    ok = true;
cleanup:
    free(t);
    return ok;
}

/* Index of the language with `code`, adding it when new; -1 when full. */
static int add_language(Survey *s, const char *name, const char *code)
{
    int i = survey_language_index(s, code);
    if (i >= 0 || s->n_languages == SURVEY_MAX_LANGUAGES)
        return i;
    s->languages[s->n_languages].name = survey_xstrdup(name);
    s->languages[s->n_languages].code = survey_xstrdup(code);
    return s->n_languages++;
}

static void collect_label_language(SurveyLoader *L, const SurveyCsvTable *t, int line, const char *h)
{
    char *name, *code;
    if (!parse_language(h + strlen("label::"), &name, &code)) {
        survey_problem_add(L->problems, t->path, line,
                           "column \"%s\" needs a language code in brackets, e.g. \"label::English (en)\"",
                           h);
        return;
    }
    if (add_language(L->survey, name, code) < 0)
        survey_problem_add(L->problems, t->path, line,
                           "column \"%s\": too many languages (at most %d)", h, SURVEY_MAX_LANGUAGES);
    free(name);
    free(code);
}

/* Adds the language of every label::NAME (code) column of `t`'s header. */
static void collect_languages(SurveyLoader *L, const SurveyCsvTable *t)
{
    if (t->n_rows == 0)
        return;
    const SurveyCsvRow *header = &t->rows[0];
    for (int j = 0; j < header->n_fields; j++) {
        char *h = survey_xtrimdup(header->fields[j]);
        if (strncasecmp(h, "label::", strlen("label::")) == 0)
            collect_label_language(L, t, header->line, h);
        free(h);
    }
}

static int language_by_name(const Survey *s, const char *name)
{
    for (int i = 0; i < s->n_languages; i++)
        if (strcasecmp(s->languages[i].name, name) == 0)
            return i;
    return -1;
}

/* A bare default_language: a short word without spaces is a code ("en",
 * "en-GB"), anything else a name ("English"). */
static bool looks_like_code(const char *s)
{
    return strlen(s) <= 8 && !strpbrk(s, " \t");
}

static void list_languages(const Survey *s, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < s->n_languages && used < size; i++) {
        int n = snprintf(out + used, size - used, "%s%s (%s)", i ? ", " : "",
                         s->languages[i].name, s->languages[i].code);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

/* Puts a language in front of the others; -1 when there is no room. */
static int insert_first_language(Survey *s, const char *name, const char *code)
{
    if (s->n_languages == SURVEY_MAX_LANGUAGES)
        return -1;
    memmove(&s->languages[1], &s->languages[0], (size_t)s->n_languages * sizeof s->languages[0]);
    s->languages[0].name = survey_xstrdup(name);
    s->languages[0].code = survey_xstrdup(code);
    s->n_languages++;
    return 0;
}

/* The language default_language `value` names, by code, or by name when it
 * gives no code. One that no label::LANG column names is put first: the
 * plain label column holds its text (a missing one is reported by the file
 * that lacks it). -1, with a problem, when there is no code to add it by. */
static int find_default(SurveyLoader *L, const char *value, int line)
{
    Survey *s = L->survey;
    char *name = NULL, *code = NULL, *bare = NULL;
    char langs[512];
    int i;
    if (!parse_language(value, &name, &code)) {
        bare = survey_xtrimdup(value);
        if (looks_like_code(bare))
            code = survey_xstrdup(bare);
    }
    i = code ? survey_language_index(s, code) : language_by_name(s, bare);
    if (i >= 0)
        goto cleanup;
    if (!code) {
        list_languages(s, langs, sizeof langs);
        survey_problem_add(L->problems, L->settings_csv.path, line,
                           "default_language \"%s\" needs a language code, e.g. \"English (en)\"%s%s%s",
                           value, langs[0] ? " (the label columns have: " : "", langs, langs[0] ? ")" : "");
        goto cleanup;
    }
    i = insert_first_language(s, name ? name : code, code);
    if (i < 0)
        survey_problem_add(L->problems, L->settings_csv.path, line,
                           "default_language \"%s\": too many languages (at most %d)", value,
                           SURVEY_MAX_LANGUAGES);
cleanup:
    free(name);
    free(code);
    free(bare);
    return i;
}

void survey_languages_load(SurveyLoader *L, const char *default_language, int settings_line)
{
    Survey *s = L->survey;
    collect_languages(L, &L->survey_csv);
    collect_languages(L, &L->choices_csv);
    s->default_language = 0;
    if (default_language && default_language[0]) {
        int i = find_default(L, default_language, settings_line);
        s->default_language = i < 0 ? 0 : i;
    }
    if (s->n_languages == 0)
        add_language(s, "English", "en");
}

/* "A", "B", ... "Z", "AA": how a spreadsheet names column `j` (0-based). */
static void column_letters(int j, char out[8])
{
    char tmp[8];
    int n = 0;
    for (j = j + 1; j > 0 && n < 7; j = (j - 1) / 26)
        tmp[n++] = (char)('A' + (j - 1) % 26);
    for (int k = 0; k < n; k++)
        out[k] = tmp[n - 1 - k];
    out[n] = '\0';
}

static void set_column(SurveyLoader *L, const SurveyCsvTable *t, int *slot, int j, const char *h)
{
    if (*slot >= 0) {
        char a[8], b[8];
        column_letters(*slot, a);
        column_letters(j, b);
        survey_problem_add(L->problems, t->path, t->rows[0].line,
                           "column \"%s\" appears twice (columns %s and %s); keep one", h, a, b);
        return;
    }
    *slot = j;
}

static int text_kind(const char *base, size_t len)
{
    for (int k = 0; k < SURVEY_TEXT_KINDS; k++) {
        const char *n = column_names[SURVEY_COL_LABEL + k];
        if (strlen(n) == len && strncasecmp(base, n, len) == 0)
            return k;
    }
    return -1;
}

/* A "label::NAME (code)" style header; other "x::y" headers are ignored. */
static void map_translated(SurveyLoader *L, const SurveyCsvTable *t, SurveyColumns *cols, int j,
                           const char *h, const char *sep)
{
    int kind = text_kind(h, (size_t)(sep - h));
    char *name, *code;
    if (kind < 0 || !parse_language(sep + 2, &name, &code))
        return; /* not ours, or a label column already reported */
    int lang = survey_language_index(L->survey, code);
    if (lang >= 0)
        set_column(L, t, &cols->text[kind][lang], j, h);
    else if (kind != SURVEY_TEXT_LABEL)
        survey_problem_add(L->problems, t->path, t->rows[0].line,
                           "column \"%s\" is in a language with no label column in survey.csv or choices.csv; "
                           "add \"label::%s (%s)\"",
                           h, name, code);
    free(name);
    free(code);
}

static void map_plain(SurveyLoader *L, const SurveyCsvTable *t, SurveyColumns *cols, int j, const char *h)
{
    for (int c = 0; c < SURVEY_N_COLS; c++)
        if (strcasecmp(h, column_names[c]) == 0)
            set_column(L, t, &cols->col[c], j, h);
}

/* The plain label/hint/audio/said/did columns hold the default language's text. */
static void fold_plain_columns(SurveyLoader *L, const SurveyCsvTable *t, SurveyColumns *cols)
{
    const Survey *s = L->survey;
    int d = s->default_language;
    for (int k = 0; k < SURVEY_TEXT_KINDS; k++) {
        int plain = cols->col[SURVEY_COL_LABEL + k];
        if (plain < 0)
            continue;
        if (cols->text[k][d] >= 0)
            survey_problem_add(L->problems, t->path, t->rows[0].line,
                               "columns \"%s\" and \"%s::%s (%s)\" both hold the default language's text; keep one",
                               column_names[SURVEY_COL_LABEL + k], column_names[SURVEY_COL_LABEL + k],
                               s->languages[d].name, s->languages[d].code);
        else
            cols->text[k][d] = plain;
    }
}

void survey_columns_map(SurveyLoader *L, const SurveyCsvTable *t, SurveyColumns *cols)
{
    memset(cols, 0xff, sizeof *cols); /* every index -1 */
    cols->n_header = 0;
    cols->header_line = 0;
    if (t->n_rows == 0)
        return;
    const SurveyCsvRow *header = &t->rows[0];
    cols->n_header = header->n_fields;
    cols->header_line = header->line;
    for (int j = 0; j < header->n_fields; j++) {
        char *h = survey_xtrimdup(header->fields[j]);
        const char *sep = strstr(h, "::");
        if (sep)
            map_translated(L, t, cols, j, h, sep);
        else if (h[0])
            map_plain(L, t, cols, j, h);
        free(h);
    }
    fold_plain_columns(L, t, cols);
}
