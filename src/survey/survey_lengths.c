/* survey_lengths.c: `sayso check` refuses words too long for the screen.
 *
 * A box shrinks its text so far and then cuts it, so a 1 MB label would be
 * cut mid-word in front of the public. The limits in survey.h are what the
 * layout shows whole on a full HD screen either way up (tests/test_layout
 * lays out tests/surveys/longest_text, every text at its limit, and checks
 * that nothing is cut). Lengths are counted in characters (UTF-8 code
 * points), in every language of the survey. */
#include "survey/survey_internal.h"

#include <string.h>

/* Characters (code points) of the valid UTF-8 text `s`. */
static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

/* A problem at `path`:`line` for each language whose `text` is longer
 * than `limit` characters; `what` says which text it is. */
static void check_text(SurveyLoader *L, const char *path, int line, const SurveyText *text,
                       size_t limit, const char *what)
{
    const Survey *s = L->survey;
    for (int i = 0; i < s->n_languages && i < SURVEY_MAX_LANGUAGES; i++) {
        const char *t = text->by_language[i];
        size_t n = t ? utf8_chars(t) : 0;
        if (n > limit)
            survey_problem_add(L->problems, path, line,
                               "%s (%s) is %zu characters long: the screen shows at most %zu "
                               "without cutting it; make it shorter",
                               what, s->languages[i].name, n, limit);
    }
}

/* True when `list` is the columns of a mat: small headings over a column. */
static bool is_mat_columns(const Survey *s, const SurveyList *list)
{
    for (int q = 0; q < s->n_questions; q++)
        if (s->questions[q].appearance == APPEARANCE_MAT && s->questions[q].list == list)
            return true;
    return false;
}

void survey_check_lengths(SurveyLoader *L)
{
    const Survey *s = L->survey;
    for (int q = 0; q < s->n_questions; q++) {
        const SurveyQuestion *sq = &s->questions[q];
        check_text(L, L->survey_csv.path, sq->line, &sq->label, SURVEY_MAX_QUESTION_CHARS, "the label");
        check_text(L, L->survey_csv.path, sq->line, &sq->hint, SURVEY_MAX_HINT_CHARS, "the hint");
    }
    for (int l = 0; l < s->n_lists; l++) {
        const SurveyList *list = &s->lists[l];
        size_t limit = is_mat_columns(s, list) ? SURVEY_MAX_COLUMN_CHARS : SURVEY_MAX_CHOICE_CHARS;
        for (int c = 0; c < list->n_choices; c++)
            check_text(L, L->choices_csv.path, list->choices[c].line, &list->choices[c].label, limit,
                       "the label");
    }
    for (int i = 0; i < s->n_yousaid; i++) {
        const SurveyYouSaid *y = &s->yousaid[i];
        check_text(L, L->yousaid_csv.path, y->line, &y->said, SURVEY_MAX_YOUSAID_CHARS, "\"said\"");
        check_text(L, L->yousaid_csv.path, y->line, &y->did, SURVEY_MAX_YOUSAID_CHARS, "\"did\"");
    }
    int title_line = L->settings_csv.n_rows > 1 ? L->settings_csv.rows[1].line : 0;
    check_text(L, L->settings_csv.path, title_line, &s->titles, SURVEY_MAX_TITLE_CHARS, "form_title");
    if (s->title && utf8_chars(s->title) > SURVEY_MAX_TITLE_CHARS)
        survey_problem_add(L->problems, L->settings_csv.path, title_line,
                           "form_title is %zu characters long: the title bar shows at most %d; make it "
                           "shorter", utf8_chars(s->title), SURVEY_MAX_TITLE_CHARS);
}
