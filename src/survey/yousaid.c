/* yousaid.c: the "You said, we did" items of a survey folder's yousaid.csv.
 *
 * The forum shows people that feedback changes things (its principle of
 * reciprocity): each row pairs what people said with what was done about
 * it, a symbol and, optionally, a recording per language. The welcome
 * screen's attract loop and the thank-you screen show them.
 *
 * The file is optional. When it is there it is read like the other three
 * (survey_csv.c, libcsv, with line numbers) and its said::LANG, did::LANG
 * and audio::LANG columns are matched to the survey's languages the way
 * label::LANG columns are (survey_columns.c): the languages are those of
 * survey.csv and choices.csv, so an item cannot bring a language the
 * questions do not have. Every row is checked, images and recordings
 * included, so `sayso check` names each problem with its line. */
#include "survey/survey_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define YOUSAID_FILE "yousaid.csv"
#define YOUSAID_COLUMNS_HINT "said, did, image, audio"

/* said, did, image and audio, and the translations said::LANG, did::LANG
 * and audio::LANG (whose language survey_columns_map checks). */
static bool is_known_column(const char *header)
{
    static const char *const names[] = {"said", "did", "audio", "image"};
    const char *sep = strstr(header, "::");
    size_t len = sep ? (size_t)(sep - header) : strlen(header);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == len && strncasecmp(header, names[i], len) == 0)
            return !sep || strcmp(names[i], "image") != 0;
    return false;
}

static void check_headers(SurveyLoader *L, const SurveyCsvTable *t)
{
    const SurveyCsvRow *header = &t->rows[0];
    for (int j = 0; j < header->n_fields; j++) {
        char *h = survey_xtrimdup(header->fields[j]);
        if (h[0] && !is_known_column(h))
            survey_problem_add(L->problems, t->path, header->line,
                               "unknown column \"%s\"; " YOUSAID_FILE " has the columns " YOUSAID_COLUMNS_HINT
                               ", and said::Language (code), did::Language (code) and audio::Language (code) "
                               "for translations", h);
        free(h);
    }
}

/* said and did must have a column in the default language; false, with a
 * problem for each missing one, when they do not. */
static bool has_text_columns(SurveyLoader *L, const SurveyCsvTable *t, const SurveyColumns *cols)
{
    static const struct {
        int kind;
        const char *name;
    } needed[] = {{SURVEY_TEXT_SAID, "said"}, {SURVEY_TEXT_DID, "did"}};
    int d = L->survey->default_language;
    const SurveyLanguage *lang = &L->survey->languages[d];
    bool ok = true;
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++) {
        if (cols->text[needed[i].kind][d] >= 0)
            continue;
        survey_problem_add(L->problems, t->path, cols->header_line,
                           "missing column \"%s\" (or \"%s::%s (%s)\") for %s, the default language; "
                           "the first row must name the columns (" YOUSAID_COLUMNS_HINT ")",
                           needed[i].name, needed[i].name, lang->name, lang->code, lang->name);
        ok = false;
    }
    return ok;
}

/* A problem when `text` has nothing in the default language. */
static void check_text(SurveyLoader *L, int line, const char *column, const SurveyText *text,
                       const char *what)
{
    int d = L->survey->default_language;
    if (text->by_language[d])
        return;
    survey_problem_add(L->problems, L->yousaid_csv.path, line,
                       "%s is empty; write %s in %s (%s), the default language", column, what,
                       L->survey->languages[d].name, L->survey->languages[d].code);
}

static void load_item(SurveyLoader *L, const SurveyColumns *cols, const SurveyCsvRow *row)
{
    Survey *s = L->survey;
    SurveyYouSaid *y = &s->yousaid[s->n_yousaid++];
    const char *path = L->yousaid_csv.path;
    y->line = row->line;
    survey_read_text(row, cols, SURVEY_TEXT_SAID, &y->said);
    survey_read_text(row, cols, SURVEY_TEXT_DID, &y->did);
    survey_read_text(row, cols, SURVEY_TEXT_AUDIO, &y->audio);
    y->image = survey_cell_dup(row, cols->col[SURVEY_COL_IMAGE]);
    check_text(L, y->line, "said", &y->said, "what people told the forum");
    check_text(L, y->line, "did", &y->did, "what was done about it");
    survey_check_image(L, path, y->line, y->image);
    survey_check_audio(L, path, y->line, &y->audio);
}

void survey_yousaid_load(SurveyLoader *L)
{
    SurveyCsvTable *t = &L->yousaid_csv;
    SurveyColumns cols;
    if (!t->found)
        return; /* a survey need not have any */
    if (t->n_rows == 0) {
        survey_problem_add(L->problems, t->path, 0,
                           "the file is empty; its first row must name the columns (" YOUSAID_COLUMNS_HINT
                           "), or delete the file to show no items");
        return;
    }
    survey_columns_map(L, t, SURVEY_SHEET_YOUSAID, &cols);
    check_headers(L, t);
    if (!has_text_columns(L, t, &cols))
        return;
    L->survey->yousaid = survey_xcalloc((size_t)t->n_rows, sizeof(SurveyYouSaid));
    for (int i = 1; i < t->n_rows; i++)
        if (survey_row_fits(L, t, &t->rows[i], &cols))
            load_item(L, &cols, &t->rows[i]);
}
