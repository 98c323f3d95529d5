/* survey_appearance.c: the appearance and parameters columns.
 *
 * appearance holds space-separated words, as in XLSForm: at most one
 * layout (ladder, scale, mat; none is a grid) and optionally symbols or
 * no-symbols, which turn symbol-supported text on or off for the question
 * over the settings' symbol_text; month-year and year for a date;
 * field-list (and table-list) for a group. XLSForm's other appearances
 * (minimal, likert, columns, ...) are ODK's ways of drawing a question on
 * a phone: the kiosk draws its own, so they are warned about as not used;
 * a word neither knows is a problem (a typo). Appearances that change
 * what is asked (search() choices from a file) are refused.
 *
 * parameters holds key=value pairs; keys sayso does not use are warned
 * about. */
#include "survey/survey_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const layout_names[] = {[APPEARANCE_LADDER] = "ladder", [APPEARANCE_SCALE] = "scale",
                                           [APPEARANCE_MAT] = "mat"};

/* XLSForm appearances for a phone's screen, which the kiosk draws its own way. */
static const char *const phone_appearances[] = {
    "minimal", "quick", "compact", "quickcompact", "horizontal", "horizontal-compact", "likert", "label",
    "list-nolabel", "list", "columns", "columns-pack", "no-buttons", "image-map", "autocomplete",
    "autocomplete_chars", "multiline", "numbers", "thousands-sep", "ethiopian", "coptic", "islamic",
    "bikram-sambat", "myanmar", "persian", "signature", "draw", "annotate", "new", "hidden-answer",
    "masked", "url", "counter", "bearing", "placement-map", "maps", "map", "field-list", "table-list",
    "compact-2", "rating", "spinner", "distress", "selfie", "new-front", "printer", "no-ticks",
};

static bool is_phone_appearance(const char *word)
{
    for (size_t i = 0; i < sizeof phone_appearances / sizeof phone_appearances[0]; i++)
        if (strcasecmp(word, phone_appearances[i]) == 0)
            return true;
    return strncasecmp(word, "columns-", 8) == 0 || strncasecmp(word, "ex:", 3) == 0 ||
           strncasecmp(word, "printer:", 8) == 0 || strncasecmp(word, "compact-", 8) == 0 ||
           (word[0] == 'w' && word[1] >= '1' && word[1] <= '9');
}

/* A layout word; false when it is none. Two layouts are a problem (the
 * later word is not applied). */
static bool apply_layout(SurveyLoader *L, int line, const char *word, SurveyQuestion *q)
{
    for (int a = APPEARANCE_LADDER; a <= APPEARANCE_MAT; a++) {
        if (strcmp(word, layout_names[a]) != 0)
            continue;
        if (q->appearance != APPEARANCE_GRID && q->appearance != (Appearance)a)
            survey_problem_add(L->problems, L->survey_csv.path, line,
                               "appearance has both %s and %s; a question has one of ladder, scale or mat",
                               layout_names[q->appearance], word);
        else
            q->appearance = (Appearance)a;
        return true;
    }
    return false;
}

/* symbols / no-symbols; false when `word` is neither. */
static bool apply_symbols(SurveyLoader *L, int line, const char *word, SurveyQuestion *q)
{
    int on = strcmp(word, "symbols") == 0 ? 1 : strcmp(word, "no-symbols") == 0 ? 0 : -1;
    if (on < 0)
        return false;
    if (q->symbol_text >= 0 && q->symbol_text != on)
        survey_problem_add(L->problems, L->survey_csv.path, line,
                           "appearance has both symbols and no-symbols; keep one");
    else
        q->symbol_text = on;
    return true;
}

/* A date's month-year (the day is the 1st) or year (1 January); the
 * picker is never a calendar, so no-calendar is what it does anyway. */
static bool apply_date_word(const char *word, SurveyQuestion *q)
{
    if (q->type != QUESTION_DATE)
        return false;
    if (strcasecmp(word, "month-year") == 0)
        q->date_month_year = true;
    else if (strcasecmp(word, "year") == 0)
        q->date_year = true;
    else
        return strcasecmp(word, "no-calendar") == 0;
    return true;
}

static void apply_word(SurveyLoader *L, int line, const char *word, SurveyQuestion *q)
{
    const char *path = L->survey_csv.path;
    if (apply_symbols(L, line, word, q) || apply_layout(L, line, word, q) || apply_date_word(word, q))
        return;
    if (strncasecmp(word, "search(", 7) == 0)
        survey_problem_add(L->problems, path, line,
                           "appearance %s reads choices from a file, which is not supported; "
                           "put the choices in the choices sheet", word);
    else if (is_phone_appearance(word))
        survey_warning_add(L->problems, path, line,
                           "appearance \"%s\" is not used by sayso (the kiosk shows its own large pictures and buttons)",
                           word);
    else
        survey_problem_add(L->problems, path, line,
                           "unknown appearance \"%s\" (use ladder, scale or mat, or leave it empty "
                           "for a grid; add symbols or no-symbols to turn symbol-supported text "
                           "on or off)", word);
}

void survey_appearance_read(SurveyLoader *L, int line, const char *appearance, bool type_known, SurveyQuestion *q)
{
    char *copy = survey_xstrdup(appearance ? appearance : "");
    char *save = NULL;
    q->appearance = APPEARANCE_GRID;
    q->symbol_text = -1;
    for (char *w = strtok_r(copy, " \t\n", &save); w; w = strtok_r(NULL, " \t\n", &save))
        apply_word(L, line, w, q);
    if (q->appearance != APPEARANCE_GRID && type_known && q->type != QUESTION_SELECT_ONE)
        survey_problem_add(L->problems, L->survey_csv.path, line, "appearance %s works only with select_one",
                           layout_names[q->appearance]);
    free(copy);
}

void survey_group_appearance_read(SurveyLoader *L, int line, const char *appearance, SurveyGroup *g)
{
    char *copy = survey_xstrdup(appearance ? appearance : "");
    char *save = NULL;
    for (char *w = strtok_r(copy, " \t\n", &save); w; w = strtok_r(NULL, " \t\n", &save)) {
        if (strcasecmp(w, "field-list") == 0) {
            g->field_list = true;
        } else if (strcasecmp(w, "table-list") == 0) {
            g->field_list = true;
            survey_warning_add(L->problems, L->survey_csv.path, line,
                               "appearance \"table-list\": the group's questions show together as with "
                               "field-list, each with its own pictures, not as one table");
        } else {
            survey_warning_add(L->problems, L->survey_csv.path, line,
                               "appearance \"%s\" of a group is not used by sayso (field-list is)", w);
        }
    }
    free(copy);
}

/* ---- parameters ---- */

static void apply_spoken_answer(SurveyLoader *L, int line, const char *value, SurveyQuestion *q)
{
    const char *path = L->survey_csv.path;
    bool yes = strcmp(value, "yes") == 0 || strcmp(value, "true") == 0;
    if (!yes && strcmp(value, "no") != 0 && strcmp(value, "false") != 0)
        survey_problem_add(L->problems, path, line, "parameter spoken_answer= takes yes or no, not \"%s\"", value);
    else if (yes && q->type != QUESTION_SELECT_ONE && q->type != QUESTION_SELECT_MULTIPLE)
        survey_problem_add(L->problems, path, line, "parameter spoken_answer= works only with select_one or select_multiple");
    else
        q->spoken_answer = yes;
}

static void apply_max_seconds(SurveyLoader *L, int line, const char *value, SurveyQuestion *q)
{
    char *end;
    long seconds = strtol(value, &end, 10);
    if ((q->type != QUESTION_AUDIO && !q->spoken_answer) || *end || seconds < 1 || seconds > 600)
        survey_problem_add(L->problems, L->survey_csv.path, line,
                           "parameter max_seconds= takes 1 to 600 seconds, for type audio or a spoken answer");
    else
        q->max_seconds = (int)seconds;
}

/* One key=value of the parameters column. */
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
        apply_spoken_answer(L, line, value, q);
    } else if (strcmp(key, "max_seconds") == 0) {
        apply_max_seconds(L, line, value, q);
    } else if (strcmp(key, "off_ladder") == 0) {
        if (q->appearance != APPEARANCE_LADDER)
            survey_problem_add(L->problems, path, line,
                               "parameter off_ladder= works only with appearance ladder");
        free(q->off_ladder);
        q->off_ladder = survey_xstrdup(value);
    } else {
        survey_warning_add(L->problems, path, line, "parameter \"%s\" is not used by sayso", key);
    }
}

/* "key=value key=value", separated by spaces (or commas, as some XLSForm
 * tools write them). */
void survey_parameters_read(SurveyLoader *L, int line, const char *parameters, SurveyQuestion *q, int i)
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
