/* survey_columns.c: the survey's languages and where each column is.
 *
 * XLSForm names a translation in the column header, "label::English (en)",
 * and forms in the wild also write "label::english", "label:English",
 * "LABEL::EN" or "media::image::English (en)": a header is read as a
 * column name (or one of XLSForm's aliases, such as "list name" or
 * "relevance"), then "::" or ":", then a language, in any letter case. A
 * language without a code is looked up by name (survey_language_names.c).
 *
 * The languages of a survey are those of its label columns, in the survey
 * and choices tables, in the order they first appear; settings'
 * default_language picks the one used where a translation is missing, and
 * the plain "label", "hint", "image", "audio" and message columns (and
 * yousaid's "said" and "did", whose said::LANG columns must name one of
 * these languages) are in that language. A survey with no label::LANG
 * column has one language, default_language's (English (en) when that is
 * not given either); a default_language that no label::LANG column names
 * is added in front of the others, for the plain label column.
 *
 * Every table knows its own columns; the others are listed as unused, for
 * `sayso check` to warn about (or, for choices, for choice_filter). */
#include "survey/survey_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "survey/xlsx.h"

enum {
    IN_SURVEY = 1 << SURVEY_SHEET_SURVEY,
    IN_CHOICES = 1 << SURVEY_SHEET_CHOICES,
    IN_SETTINGS = 1 << SURVEY_SHEET_SETTINGS,
    IN_YOUSAID = 1 << SURVEY_SHEET_YOUSAID,
};

static const struct {
    const char *name;
    unsigned sheets; /* the tables that have it */
} columns[SURVEY_N_COLS] = {
    [SURVEY_COL_TYPE] = {"type", IN_SURVEY},
    [SURVEY_COL_NAME] = {"name", IN_SURVEY | IN_CHOICES},
    [SURVEY_COL_LABEL] = {"label", IN_SURVEY | IN_CHOICES},
    [SURVEY_COL_HINT] = {"hint", IN_SURVEY},
    [SURVEY_COL_AUDIO] = {"audio", IN_SURVEY | IN_CHOICES | IN_YOUSAID},
    [SURVEY_COL_SAID] = {"said", IN_YOUSAID},
    [SURVEY_COL_DID] = {"did", IN_YOUSAID},
    [SURVEY_COL_IMAGE] = {"image", IN_SURVEY | IN_CHOICES | IN_YOUSAID},
    [SURVEY_COL_REQUIRED_MESSAGE] = {"required_message", IN_SURVEY},
    [SURVEY_COL_CONSTRAINT_MESSAGE] = {"constraint_message", IN_SURVEY},
    [SURVEY_COL_APPEARANCE] = {"appearance", IN_SURVEY},
    [SURVEY_COL_PARAMETERS] = {"parameters", IN_SURVEY},
    [SURVEY_COL_RELEVANT] = {"relevant", IN_SURVEY},
    [SURVEY_COL_REQUIRED] = {"required", IN_SURVEY},
    [SURVEY_COL_CONSTRAINT] = {"constraint", IN_SURVEY},
    [SURVEY_COL_CALCULATION] = {"calculation", IN_SURVEY},
    [SURVEY_COL_DEFAULT] = {"default", IN_SURVEY},
    [SURVEY_COL_CHOICE_FILTER] = {"choice_filter", IN_SURVEY},
    [SURVEY_COL_LIST_NAME] = {"list_name", IN_CHOICES},
    [SURVEY_COL_FORM_TITLE] = {"form_title", IN_SETTINGS},
    [SURVEY_COL_FORM_ID] = {"form_id", IN_SETTINGS},
    [SURVEY_COL_VERSION] = {"version", IN_SETTINGS},
    [SURVEY_COL_DEFAULT_LANGUAGE] = {"default_language", IN_SETTINGS},
    [SURVEY_COL_SYMBOL_TEXT] = {"symbol_text", IN_SETTINGS},
    [SURVEY_COL_ALLOW_CHOICE_DUPLICATES] = {"allow_choice_duplicates", IN_SETTINGS},
    [SURVEY_COL_TRANSLATIONS_TO_CHECK] = {"translations_to_check", IN_SETTINGS},
};

/* Other names XLSForm tools give the same columns. */
static const struct {
    const char *alias;
    SurveyColumn column;
} aliases[] = {
    {"list name", SURVEY_COL_LIST_NAME},        {"caption", SURVEY_COL_LABEL},
    {"relevance", SURVEY_COL_RELEVANT},         {"calculate", SURVEY_COL_CALCULATION},
    {"requiredmsg", SURVEY_COL_REQUIRED_MESSAGE}, {"required message", SURVEY_COL_REQUIRED_MESSAGE},
    {"constraint message", SURVEY_COL_CONSTRAINT_MESSAGE},
    {"constraining_message", SURVEY_COL_CONSTRAINT_MESSAGE},
    {"constraintmsg", SURVEY_COL_CONSTRAINT_MESSAGE}, {"choice filter", SURVEY_COL_CHOICE_FILTER},
};

const char *survey_column_name(SurveyColumn column)
{
    return columns[column].name;
}

static bool is_translatable(int column)
{
    return column >= SURVEY_COL_LABEL && column < SURVEY_COL_LABEL + SURVEY_TEXT_KINDS;
}

/* The column a header's name part means in `sheet` (any letter case), or -1. */
static int column_of(const char *base, SurveySheet sheet)
{
    int found = -1;
    for (int c = 0; c < SURVEY_N_COLS && found < 0; c++)
        if (strcasecmp(base, columns[c].name) == 0)
            found = c;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0] && found < 0; i++)
        if (strcasecmp(base, aliases[i].alias) == 0)
            found = (int)aliases[i].column;
    return found >= 0 && (columns[found].sheets & (1u << sheet)) ? found : -1;
}

/* A header as its column's name and its language part (NULL when it has
 * none): "media::image::English (en)" -> "image", "English (en)";
 * "label:english" -> "label", "english". `base` is malloc'd. */
static void split_header(const char *h, char **base, const char **lang)
{
    if (strncasecmp(h, "media::", 7) == 0)
        h += 7;
    else if (strncasecmp(h, "media:", 6) == 0)
        h += 6;
    const char *sep = strstr(h, "::");
    size_t sep_len = 2;
    if (!sep && (sep = strchr(h, ':')) != NULL)
        sep_len = 1;
    char *untrimmed = survey_xstrndup(h, sep ? (size_t)(sep - h) : strlen(h));
    *base = survey_xtrimdup(untrimmed);
    *lang = sep ? sep + sep_len : NULL;
    free(untrimmed);
}

/* "English (en)" -> "English" and "en"; false (nothing allocated) when
 * there is no non-empty "(code)" at the end. An empty name becomes the
 * code's own name when known, else the code. */
static bool parse_coded_language(const char *s, char **name, char **code)
{
    char *t = survey_xtrimdup(s);
    size_t len = strlen(t);
    char *open = strrchr(t, '(');
    bool ok = false;
    const char *known_code, *own;
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
        *name = survey_xstrdup(survey_language_lookup(*code, &known_code, &own) ? own : *code);
    }
    ok = true;
cleanup:
    free(t);
    return ok;
}

/* A language part: "English (en)", or a name or code alone looked up
 * ("english", "Français", "EN"), or else a name kept as written whose
 * code is the name in lower case without spaces (`guessed` true). False
 * when the part is empty. */
static bool parse_language(const char *s, char **name, char **code, bool *guessed)
{
    const char *known_code, *own;
    *guessed = false;
    if (parse_coded_language(s, name, code))
        return true;
    char *t = survey_xtrimdup(s);
    if (!t[0]) {
        free(t);
        return false;
    }
    if (survey_language_lookup(t, &known_code, &own)) {
        *name = survey_xstrdup(own);
        *code = survey_xstrdup(known_code);
        free(t);
        return true;
    }
    *name = t;
    *code = survey_xcalloc(strlen(t) + 1, 1);
    for (char *in = t, *out = *code; *in; in++)
        if (!isspace((unsigned char)*in))
            *out++ = (char)tolower((unsigned char)*in);
    *guessed = true;
    return true;
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

static void collect_label_language(SurveyLoader *L, const SurveyCsvTable *t, int line, const char *h,
                                   const char *lang)
{
    char *name, *code;
    bool guessed;
    if (!parse_language(lang, &name, &code, &guessed)) {
        survey_problem_add(L->problems, t->path, line,
                           "column \"%s\" names no language; write e.g. \"label::English (en)\"", h);
        return;
    }
    bool is_new = survey_language_index(L->survey, code) < 0;
    if (add_language(L->survey, name, code) < 0)
        survey_problem_add(L->problems, t->path, line,
                           "column \"%s\": too many languages (at most %d)", h, SURVEY_MAX_LANGUAGES);
    else if (is_new && guessed)
        survey_warning_add(L->problems, t->path, 0,
                           "column \"%s\": sayso does not know the language \"%s\" and calls it \"%s\"; "
                           "write its code, e.g. \"label::%s (xx)\", so the kiosk speaks it with the right voice",
                           h, name, code, name);
    free(name);
    free(code);
}

/* Adds the language of every label::LANG column of `t`'s header. */
static void collect_languages(SurveyLoader *L, const SurveyCsvTable *t, SurveySheet sheet)
{
    if (t->n_rows == 0)
        return;
    const SurveyCsvRow *header = &t->rows[0];
    for (int j = 0; j < header->n_fields; j++) {
        char *h = survey_xtrimdup(header->fields[j]), *base;
        const char *lang;
        split_header(h, &base, &lang);
        if (lang && column_of(base, sheet) == SURVEY_COL_LABEL)
            collect_label_language(L, t, header->line, h, lang);
        free(base);
        free(h);
    }
}

static int language_by_name(const Survey *s, const char *name)
{
    for (int i = 0; name && i < s->n_languages; i++)
        if (strcasecmp(s->languages[i].name, name) == 0)
            return i;
    return -1;
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

/* The language default_language `value` names: by its code, or (without
 * one) by the name as written or as looked up. One that no label::LANG
 * column names is put first: the plain label column holds its text (a
 * missing one is reported by the table that lacks it). -1, with a
 * problem, when there is no code to add it by. */
static int find_default(SurveyLoader *L, const char *value, int line)
{
    Survey *s = L->survey;
    char *name = NULL, *code = NULL, langs[512];
    bool guessed = false;
    int i = language_by_name(s, value);
    if (i >= 0 || !parse_language(value, &name, &code, &guessed))
        return i;
    i = survey_language_index(s, code);
    if (i < 0 && !guessed)
        i = language_by_name(s, name);
    if (i < 0 && guessed) {
        list_languages(s, langs, sizeof langs);
        survey_problem_add(L->problems, L->settings_csv.path, line,
                           "default_language \"%s\" needs a language code, e.g. \"English (en)\"%s%s%s",
                           value, langs[0] ? " (the label columns have: " : "", langs, langs[0] ? ")" : "");
    } else if (i < 0) {
        i = insert_first_language(s, name, code);
        if (i < 0)
            survey_problem_add(L->problems, L->settings_csv.path, line,
                               "default_language \"%s\": too many languages (at most %d)", value,
                               SURVEY_MAX_LANGUAGES);
    }
    free(name);
    free(code);
    return i;
}

void survey_languages_load(SurveyLoader *L, const char *default_language, int settings_line)
{
    Survey *s = L->survey;
    collect_languages(L, &L->survey_csv, SURVEY_SHEET_SURVEY);
    collect_languages(L, &L->choices_csv, SURVEY_SHEET_CHOICES);
    s->default_language = 0;
    if (default_language && default_language[0]) {
        int i = find_default(L, default_language, settings_line);
        s->default_language = i < 0 ? 0 : i;
    }
    if (s->n_languages == 0)
        add_language(s, "English", "en");
}

static void set_column(SurveyLoader *L, const SurveyCsvTable *t, int *slot, int j, const char *h)
{
    if (*slot >= 0) {
        char a[8], b[8];
        xlsx_column_name(*slot, a);
        xlsx_column_name(j, b);
        survey_problem_add(L->problems, t->path, t->rows[0].line,
                           "column \"%s\" appears twice (columns %s and %s); keep one", h, a, b);
        return;
    }
    *slot = j;
}

static void note_unused(SurveyColumns *cols, int j)
{
    if (cols->n_unused < SURVEY_MAX_UNUSED)
        cols->unused[cols->n_unused++] = j;
}

/* The language of translated column `column`'s header `h` (its language
 * part `lang_text`), or -1 with a problem at the header when it names none
 * or one no label column names (a label column's own is reported by
 * collect_languages). */
static int translated_language(SurveyLoader *L, const SurveyCsvTable *t, const char *h, int column,
                               const char *lang_text)
{
    char *name, *code;
    bool guessed, report = column != SURVEY_COL_LABEL;
    if (!parse_language(lang_text, &name, &code, &guessed)) {
        if (report)
            survey_problem_add(L->problems, t->path, t->rows[0].line,
                               "column \"%s\" names no language; write e.g. \"%s::English (en)\"", h,
                               columns[column].name);
        return -1;
    }
    int lang = survey_language_index(L->survey, code);
    if (lang < 0 && report)
        survey_problem_add(L->problems, t->path, t->rows[0].line,
                           "column \"%s\" is in a language with no label column in the survey or the choices; "
                           "add \"label::%s (%s)\"",
                           h, name, code);
    free(name);
    free(code);
    return lang;
}

/* A "label::NAME (code)" style header of a translatable column. */
static void map_translated(SurveyLoader *L, const SurveyCsvTable *t, SurveyColumns *cols, int j,
                           const char *h, int column, const char *lang_text)
{
    int lang = translated_language(L, t, h, column, lang_text);
    if (lang >= 0)
        set_column(L, t, &cols->text[column - SURVEY_COL_LABEL][lang], j, h);
}

static void map_header(SurveyLoader *L, const SurveyCsvTable *t, SurveySheet sheet, SurveyColumns *cols,
                       int j, const char *h)
{
    char *base;
    const char *lang;
    split_header(h, &base, &lang);
    int column = column_of(base, sheet);
    if (lang && column == SURVEY_COL_FORM_TITLE)
        ; /* read once the languages are known: survey_titles_load */
    else if (lang && column >= 0 && is_translatable(column))
        map_translated(L, t, cols, j, h, column, lang);
    else if (!lang && column >= 0)
        set_column(L, t, &cols->col[column], j, h);
    else
        note_unused(cols, j);
    free(base);
}

/* The plain label/hint/... columns hold the default language's text; when
 * the default language also has its own column (XLSForm's "default"
 * language beside "English"), its cells win and the plain ones fill in
 * where they are empty. */
static void fold_plain_columns(SurveyLoader *L, const SurveyCsvTable *t, SurveyColumns *cols)
{
    int d = L->survey->default_language;
    for (int k = 0; k < SURVEY_TEXT_KINDS; k++) {
        int plain = cols->col[SURVEY_COL_LABEL + k];
        if (plain < 0)
            continue;
        cols->fallback_language = d;
        if (cols->text[k][d] >= 0)
            cols->fallback[k] = plain;
        else
            cols->text[k][d] = plain;
    }
}

void survey_titles_load(SurveyLoader *L, const SurveyCsvRow *row)
{
    const SurveyCsvTable *t = &L->settings_csv;
    for (int j = 0; row && t->n_rows > 0 && j < t->rows[0].n_fields; j++) {
        const char *h = t->rows[0].fields[j], *lang;
        char *base;
        split_header(h, &base, &lang);
        int column = column_of(base, SURVEY_SHEET_SETTINGS);
        free(base);
        int i = lang && column == SURVEY_COL_FORM_TITLE ? translated_language(L, t, h, column, lang) : -1;
        if (i >= 0 && !L->survey->titles.by_language[i])
            L->survey->titles.by_language[i] = survey_cell_dup(row, j);
    }
}

void survey_columns_map(SurveyLoader *L, const SurveyCsvTable *t, SurveySheet sheet, SurveyColumns *cols)
{
    memset(cols, 0xff, sizeof *cols); /* every index -1 */
    cols->n_header = 0;
    cols->header_line = 0;
    cols->n_unused = 0;
    if (t->n_rows == 0)
        return;
    const SurveyCsvRow *header = &t->rows[0];
    cols->n_header = header->n_fields;
    cols->header_line = header->line;
    for (int j = 0; j < header->n_fields; j++) {
        char *h = survey_xtrimdup(header->fields[j]);
        if (h[0])
            map_header(L, t, sheet, cols, j, h);
        free(h);
    }
    fold_plain_columns(L, t, cols);
}

void survey_columns_warn_unused(SurveyLoader *L, const SurveyCsvTable *t, const SurveyColumns *cols,
                                bool settings)
{
    if (t->n_rows > 0 && t->rows[0].n_fields == 1 && t->rows[0].fields[0] && strchr(t->rows[0].fields[0], ';'))
        return; /* a header of semicolons: survey_csv.c says how to save it with commas */
    for (int i = 0; i < cols->n_unused; i++) {
        char *h = survey_xtrimdup(t->rows[0].fields[cols->unused[i]]);
        survey_warning_add(L->problems, t->path, 0, "%s \"%s\" is not used by sayso",
                           settings ? "setting" : "column", h);
        free(h);
    }
}
