/* test_survey.c: the survey loader and checker, and kiosk.ini settings.
 *
 * Each bad fixture under tests/surveys/ holds one mistake (bad_many_problems
 * holds several) and its case checks the exact file and line reported and
 * the words that tell the author what to fix. The good fixtures and the real
 * config/forum check the model that the kiosk is built on. Symbol packs
 * are the folders under tests/packs/ (venue: gp.png, hospital.jpeg; extra:
 * gp.jpg, police.jpg). Run from the repository root: fixture paths are
 * relative to it. */
#include "survey/kiosk_settings.h"
#include "survey/survey.h"
#include "test_support.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FIXTURES "tests/surveys/"

static const char *const symbol_dirs[] = {"assets/symbols", NULL};
#define PACKS "tests/packs/"
/* As the kiosk passes them: the packs of kiosk.ini in order, then ours. */
static const char *const pack_dirs[] = {PACKS "venue", PACKS "extra", "assets/symbols", NULL};

static bool problem_matches(const SurveyProblem *p, const char *file, int line, const char *word1,
                            const char *word2)
{
    return strcmp(p->file, file) == 0 && p->line == line && strstr(p->message, word1) &&
           (!word2 || strstr(p->message, word2));
}

/* Loads fixture `name`, which must fail with exactly `n` problems, one of
 * them at FIXTURES/name/file:line with both words in its message. Prints
 * what it found when it does not. */
static bool fails_with(const char *name, int n, const char *file, int line, const char *word1,
                       const char *word2)
{
    char dir[256], path[512];
    SurveyProblems problems;
    bool found = false;
    snprintf(dir, sizeof dir, FIXTURES "%s", name);
    snprintf(path, sizeof path, "%s/%s", dir, file);
    Survey *survey = survey_load(dir, symbol_dirs, &problems);
    for (int i = 0; i < problems.n; i++)
        found = found || problem_matches(&problems.items[i], path, line, word1, word2);
    bool ok = !survey && problems.n == n && found;
    if (!ok) {
        printf("    expected %d problem(s), one at %s:%d with \"%s\"; got:\n", n, path, line, word1);
        survey_problems_print(&problems, stdout);
    }
    survey_free(survey);
    survey_problems_free(&problems);
    return ok;
}

/* Loads fixture `name` with `dirs`; it must fail with exactly one problem, at
 * file:line with exactly `message`. */
static bool fails_with_dirs(const char *name, const char *const *dirs, const char *file, int line,
                            const char *message)
{
    char dir[256], path[512];
    SurveyProblems problems;
    snprintf(dir, sizeof dir, FIXTURES "%s", name);
    snprintf(path, sizeof path, "%s/%s", dir, file);
    Survey *survey = survey_load(dir, dirs, &problems);
    bool ok = !survey && problems.n == 1 && strcmp(problems.items[0].file, path) == 0 &&
              problems.items[0].line == line && strcmp(problems.items[0].message, message) == 0;
    if (!ok) {
        printf("    expected %s:%d: %s; got:\n", path, line, message);
        survey_problems_print(&problems, stdout);
    }
    survey_free(survey);
    survey_problems_free(&problems);
    return ok;
}

/* True when `list` holds exactly the `n` names, in order. */
static bool list_is(const SurveyList *list, const char *const *names, int n)
{
    if (!list || list->n_choices != n)
        return false;
    for (int i = 0; i < n; i++)
        if (strcmp(list->choices[i].name, names[i]) != 0)
            return false;
    return true;
}

/* ---- the forum survey (config/forum) ---- */

static bool forum_questions_ok(const Survey *s)
{
    static const char *const services[] = {"gp", "hospital", "mental_health", "housing", "money",
                                           "job_centre", "police", "drugs_alcohol", "food_bank",
                                           "social_care", "community_groups", "probation"};
    static const char *const good_bad[] = {"good", "not_sure", "bad"};
    const SurveyQuestion *q = &s->questions[0];
    return s->n_questions == 4 && strcmp(q->name, "positive") == 0 &&
           q->type == QUESTION_SELECT_ONE && q->appearance == APPEARANCE_MAT &&
           list_is(q->list, good_bad, 3) && list_is(q->topics, services, 12);
}

static void test_forum_loads(void)
{
    static const char *const change[] = {"listened", "trusted_person", "shorter_waits", "clear_letters",
                                         "form_help", "kinder_staff", "help_nearby", "opening_times"};
    static const char *const barriers[] = {"transport", "money", "reading", "digital",
                                           "not_believed", "waiting_lists", "childcare", "health",
                                           "housing", "unsafe", "language", "passed_around"};
    static const char *const involve[] = {"informed", "consulted", "meetings", "co_design",
                                          "co_produce", "not_now"};
    Survey *s = support_load_survey("config/forum", symbol_dirs);
    bool ok = s && forum_questions_ok(s);
    const SurveyQuestion *q = ok ? s->questions : NULL;
    ok = ok && strcmp(q[1].name, "change") == 0 && q[1].type == QUESTION_SELECT_MULTIPLE &&
         q[1].appearance == APPEARANCE_GRID && list_is(q[1].list, change, 8) && !q[1].topics;
    ok = ok && strcmp(q[2].name, "barriers") == 0 && q[2].type == QUESTION_SELECT_MULTIPLE &&
         q[2].appearance == APPEARANCE_GRID && list_is(q[2].list, barriers, 12);
    ok = ok && strcmp(q[3].name, "involve") == 0 && q[3].type == QUESTION_SELECT_ONE &&
         q[3].appearance == APPEARANCE_LADDER && list_is(q[3].list, involve, 6) && q[3].off_ladder &&
         strcmp(q[3].off_ladder, "not_now") == 0;
    ok = ok && q[0].line == 2 && q[3].line == 5 && q[0].list->choices[0].line == 2;
    survey_free(s);
    CHECK(ok);
}

static void test_forum_settings_and_texts(void)
{
    Survey *s = support_load_survey("config/forum", symbol_dirs);
    CHECK(s != NULL);
    bool ok = strcmp(s->form_id, "forum") == 0 && strcmp(s->version, "1") == 0 &&
              strcmp(s->title, "Have your say about services") == 0 && s->n_languages == 7 &&
              strcmp(s->languages[3].code, "ur") == 0 && strcmp(s->languages[3].name, "اردو") == 0 &&
              strcmp(s->languages[0].code, "en") == 0 && strcmp(s->languages[0].name, "English") == 0 &&
              s->default_language == 0 &&
              strcmp(survey_text(s, &s->questions[1].label, 0), "What would you change?") == 0 &&
              strcmp(survey_text(s, &s->questions[0].hint, 0),
                     "Put each service under good, not sure or bad.") == 0 &&
              strcmp(s->questions[0].image, "positive.svg") == 0 &&
              strcmp(s->questions[0].list->choices[1].image, "not_sure.svg") == 0;
    survey_free(s);
    CHECK(ok);
}

static void test_forum_check_main(void)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    CHECK(f != NULL);
    int status = survey_check_main("config/forum", symbol_dirs, f);
    fclose(f);
    bool ok = status == 0 && strcmp(out, "config/forum: ok, 4 questions\n") == 0;
    if (!ok)
        printf("    got: %s", out);
    free(out);
    CHECK(ok);
}

/* ---- good fixtures ---- */

static bool all_kinds_shapes_ok(const Survey *s)
{
    const SurveyQuestion *q = s->questions;
    return s->n_questions == 7 && q[0].type == QUESTION_NOTE && !q[0].list &&
           q[1].type == QUESTION_SELECT_ONE && q[1].appearance == APPEARANCE_GRID &&
           q[1].list->n_choices == 4 && q[2].type == QUESTION_SELECT_MULTIPLE &&
           q[2].list->n_choices == 10 && q[3].appearance == APPEARANCE_SCALE &&
           q[3].list->n_choices == 3 && q[4].appearance == APPEARANCE_SCALE &&
           q[4].list->n_choices == 5 && q[5].appearance == APPEARANCE_LADDER &&
           strcmp(q[5].off_ladder, "not_now") == 0 && q[6].appearance == APPEARANCE_MAT &&
           q[6].list->n_choices == 3 && q[6].topics->n_choices == 5;
}

static void test_all_kinds_loads(void)
{
    Survey *s = support_load_survey(FIXTURES "all_kinds", symbol_dirs);
    bool ok = s && all_kinds_shapes_ok(s) && strcmp(s->form_id, "all_kinds") == 0 &&
              strcmp(s->version, "3") == 0 &&
              strcmp(s->questions[3].list->choices[0].image, "face_happy.svg") == 0 &&
              strcmp(s->questions[4].list->choices[4].image, "face_very_sad.svg") == 0;
    survey_free(s);
    CHECK(ok);
}

static void test_text_falls_back_to_default_language(void)
{
    Survey *s = support_load_survey(FIXTURES "all_kinds", symbol_dirs);
    CHECK(s != NULL);
    int cy = survey_language_index(s, "cy");
    const SurveyQuestion *service = survey_question(s, "service");
    const SurveyQuestion *barriers = survey_question(s, "barriers");
    bool ok = s->n_languages == 2 && s->default_language == 0 && cy == 1 && service && barriers &&
              strcmp(s->languages[1].name, "Cymraeg") == 0 &&
              strcmp(survey_text(s, &barriers->label, cy), "Beth sy'n gwneud pethau'n anodd?") == 0 &&
              strcmp(survey_text(s, &service->label, cy), "Which service did you use most?") == 0 &&
              strcmp(survey_text(s, &service->label, 9), "Which service did you use most?") == 0 &&
              strcmp(survey_text(s, &service->label, -1), "Which service did you use most?") == 0 &&
              strcmp(survey_text(s, &service->audio, cy), "") == 0 &&
              strcmp(survey_text(s, &service->list->choices[0].label, cy), "Meddyg teulu") == 0;
    survey_free(s);
    CHECK(ok);
}

static void test_text_only_loads_with_defaults(void)
{
    Survey *s = support_load_survey(FIXTURES "text_only", symbol_dirs);
    CHECK(s != NULL);
    bool ok = s->n_questions == 4 && !s->questions[1].image && !s->questions[1].list->choices[0].image &&
              strcmp(survey_text(s, &s->questions[1].list->choices[1].label, 0), "Every week") == 0 &&
              strcmp(s->form_id, "text_only") == 0 && strcmp(s->title, "text_only") == 0 &&
              strcmp(s->version, "1") == 0 && s->n_languages == 1 &&
              strcmp(s->languages[0].code, "en") == 0 &&
              s->questions[3].appearance == APPEARANCE_LADDER && !s->questions[3].off_ladder;
    survey_free(s);
    CHECK(ok);
}

/* A plain label column with a label::LANG one: the plain one is in the
 * default language, which comes first. */
static void test_plain_label_is_default_language(void)
{
    Survey *s = support_load_survey(FIXTURES "good_translated", symbol_dirs);
    CHECK(s != NULL);
    int ur = survey_language_index(s, "ur");
    const SurveyQuestion *q = survey_question(s, "safe");
    bool ok = s->n_languages == 2 && s->default_language == 0 && ur == 1 && q &&
              strcmp(s->languages[0].code, "en") == 0 && strcmp(s->languages[1].name, "اردو") == 0 &&
              strcmp(survey_text(s, &q->label, 0), "Do you feel safe here?") == 0 &&
              strcmp(survey_text(s, &q->label, ur), "کیا آپ یہاں محفوظ محسوس کرتے ہیں؟") == 0 &&
              strcmp(survey_text(s, &q->hint, ur), "Choose one.") == 0 &&
              strcmp(survey_text(s, &q->list->choices[1].label, ur), "نہیں") == 0 &&
              strcmp(s->version, "2024-05") == 0 &&
              strcmp(survey_title(s, ur), "محفوظ محسوس کرنا") == 0 &&
              strcmp(survey_title(s, 0), "Feeling safe") == 0 && strcmp(s->title, "Feeling safe") == 0;
    survey_free(s);
    CHECK(ok);
}

/* form_title::LANG in a language no label column names: named at the header. */
static void test_title_in_an_unknown_language_is_refused(void)
{
    CHECK(fails_with("bad_title_language", 1, "settings.csv", 1, "form_title::Cymraeg (cy)",
                     "add \"label::Cymraeg (cy)\""));
}

/* A byte order mark, CRLF line ends, a label over two lines (its line break
 * becomes "\n"), an empty row, doubled quotes and a bare language code, as
 * spreadsheets write them. */
static void test_excel_csv_loads_with_lines(void)
{
    Survey *s = support_load_survey(FIXTURES "good_excel", symbol_dirs);
    CHECK(s != NULL);
    bool ok = s->n_questions == 2 && s->questions[0].line == 2 && s->questions[1].line == 5 &&
              strcmp(survey_text(s, &s->questions[0].label, 0), "Hello.\nThis survey is about you.") == 0 &&
              strcmp(survey_text(s, &s->questions[1].hint, 0), "Pick the face that is \"most like\" you.") == 0 &&
              s->questions[1].list->choices[2].line == 4 && strcmp(s->languages[0].code, "en") == 0 &&
              strcmp(s->version, "2") == 0;
    survey_free(s);
    CHECK(ok);
}

static void test_lookups(void)
{
    Survey *s = support_load_survey("config/forum", symbol_dirs);
    CHECK(s != NULL);
    const SurveyQuestion *involve = survey_question(s, "involve");
    bool ok = involve && survey_question_index(s, "barriers") == 2 && !survey_question(s, "nope") &&
              survey_question_index(s, "nope") == -1 && survey_choice_index(involve->list, "not_now") == 5 &&
              survey_choice_index(involve->list, "nope") == -1 && survey_choice_index(NULL, "x") == -1 &&
              survey_language_index(s, "en") == 0 && survey_language_index(s, "EN") == 0 &&
              survey_language_index(s, "ur") == 3 && survey_language_index(s, "xx") == -1;
    survey_free(s);
    CHECK(ok);
}

static void test_find_image_order(void)
{
    char path[512];
    CHECK(survey_find_image(FIXTURES "all_kinds", symbol_dirs, "good.svg", path, sizeof path));
    CHECK_STR(path, "assets/symbols/good.svg");
    /* the survey's own folder comes first */
    CHECK(survey_find_image(FIXTURES "all_kinds", symbol_dirs, "survey.csv", path, sizeof path));
    CHECK_STR(path, FIXTURES "all_kinds/survey.csv");
    CHECK(!survey_find_image(FIXTURES "all_kinds", symbol_dirs, "no_such.svg", path, sizeof path));
    CHECK(!survey_find_image(FIXTURES "all_kinds", symbol_dirs, "good.svg", path, 8));
    CHECK(!survey_find_image(FIXTURES "all_kinds", NULL, "good.svg", path, sizeof path));
}

/* ---- bad fixtures: one mistake each ---- */

static void test_bad_unknown_type(void)
{
    CHECK(fails_with("bad_unknown_type", 1, "survey.csv", 3, "unknown type \"select_won\"",
                     "use select_one, select_multiple, text, integer"));
}

static void test_bad_empty_list(void)
{
    CHECK(fails_with("bad_empty_list", 1, "survey.csv", 2, "choice list \"feelings\"", "empty or undefined"));
}

static void test_bad_undefined_list(void)
{
    CHECK(fails_with("bad_undefined_list", 1, "survey.csv", 2, "choice list \"feeling\"", "empty or undefined"));
}

static void test_bad_undefined_topics(void)
{
    CHECK(fails_with("bad_undefined_topics", 1, "survey.csv", 2, "topics list \"servics\"", "undefined"));
}

static void test_bad_duplicate_name(void)
{
    CHECK(fails_with("bad_duplicate_name", 1, "survey.csv", 4, "duplicate question name \"feel\"", "line 2"));
}

static void test_bad_duplicate_choice(void)
{
    CHECK(fails_with("bad_duplicate_choice", 1, "choices.csv", 4, "duplicate choice name \"happy\"",
                     "list \"feelings\""));
}

static void test_bad_missing_image(void)
{
    CHECK(fails_with("bad_missing_image", 1, "choices.csv", 3, "image \"no_such_symbol.svg\" not found",
                     "not found in " FIXTURES "bad_missing_image, assets/symbols"));
}

/* ---- symbol packs ---- */

/* A pack's picture of the same name wins over ours, whatever its kind, and
 * the first pack listed wins over the next. */
static void test_pack_symbol_wins_over_ours(void)
{
    static const char *const extra_first[] = {PACKS "extra", PACKS "venue", "assets/symbols", NULL};
    char path[512];
    CHECK(survey_find_image(FIXTURES "all_kinds", pack_dirs, "gp.svg", path, sizeof path));
    CHECK_STR(path, PACKS "venue/gp.png");
    CHECK(survey_find_image(FIXTURES "all_kinds", extra_first, "gp.svg", path, sizeof path));
    CHECK_STR(path, PACKS "extra/gp.jpg");
    CHECK(survey_find_image(FIXTURES "all_kinds", pack_dirs, "good.svg", path, sizeof path));
    CHECK_STR(path, "assets/symbols/good.svg"); /* in no pack: ours */
    CHECK(survey_find_image(FIXTURES "all_kinds", symbol_dirs, "gp.svg", path, sizeof path));
    CHECK_STR(path, "assets/symbols/gp.svg"); /* no packs */
}

/* Symbols are matched by stem: .svg, .png, .jpg and .jpeg all stand in. */
static void test_pack_stem_matches_every_kind(void)
{
    char path[512];
    CHECK(survey_find_image(FIXTURES "all_kinds", pack_dirs, "hospital.svg", path, sizeof path));
    CHECK_STR(path, PACKS "venue/hospital.jpeg");
    CHECK(survey_find_image(FIXTURES "all_kinds", pack_dirs, "police.png", path, sizeof path));
    CHECK_STR(path, PACKS "extra/police.jpg");
    CHECK(survey_find_image(FIXTURES "all_kinds", pack_dirs, "gp", path, sizeof path));
    CHECK_STR(path, PACKS "venue/gp.png");
    CHECK(survey_find_image(FIXTURES "all_kinds", pack_dirs, "gp.png", path, sizeof path));
    CHECK_STR(path, PACKS "venue/gp.png"); /* the exact name first */
    /* the stem works both ways: our police.svg stands in for a "police.jpg" */
    CHECK(survey_find_image(FIXTURES "all_kinds", symbol_dirs, "police.jpg", path, sizeof path));
    CHECK_STR(path, "assets/symbols/police.svg");
    CHECK(!survey_find_image(FIXTURES "all_kinds", pack_dirs, "gp.gif.svg", path, sizeof path));
    CHECK_STR(path, "");
}

/* The survey's own folder takes the exact name only: a photo of its own. */
static void test_survey_folder_exact_name_only(void)
{
    char path[512];
    CHECK(survey_find_image(FIXTURES "photo_survey", pack_dirs, "our_door.jpg", path, sizeof path));
    CHECK_STR(path, FIXTURES "photo_survey/our_door.jpg");
    CHECK(!survey_find_image(FIXTURES "photo_survey", pack_dirs, "our_door.svg", path, sizeof path));
}

static void test_survey_loads_with_packs(void)
{
    SurveyProblems problems;
    Survey *s = survey_load(FIXTURES "all_kinds", pack_dirs, &problems);
    bool ok = s && problems.n == 0;
    survey_free(s);
    survey_problems_free(&problems);
    CHECK(ok);
}

/* A missing symbol names every folder searched, in order. */
static void test_missing_image_lists_every_folder(void)
{
    CHECK(fails_with_dirs("bad_missing_image", pack_dirs, "choices.csv", 3,
                          "image \"no_such_symbol.svg\" not found in " FIXTURES
                          "bad_missing_image, " PACKS "venue, " PACKS "extra, assets/symbols"));
}

static void test_check_main_lists_every_folder(void)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    CHECK(f != NULL);
    int status = survey_check_main(FIXTURES "bad_missing_image", pack_dirs, f);
    fclose(f);
    bool ok = status == 1 &&
              strcmp(out, FIXTURES "bad_missing_image/choices.csv:3: image \"no_such_symbol.svg\" not found in "
                          FIXTURES "bad_missing_image, " PACKS "venue, " PACKS "extra, assets/symbols\n"
                          FIXTURES "bad_missing_image: 1 problem\n") == 0;
    if (!ok)
        printf("    got:\n%s", out);
    free(out);
    CHECK(ok);
}

/* A choice's photo in the survey's own folder. */
static void test_photo_survey_loads(void)
{
    char path[512];
    Survey *s = support_load_survey(FIXTURES "photo_survey", symbol_dirs);
    CHECK(s != NULL);
    const SurveyChoice *door = &s->questions[0].list->choices[0];
    bool ok = s->n_questions == 1 && strcmp(door->image, "our_door.jpg") == 0 &&
              survey_find_image(s->dir, pack_dirs, door->image, path, sizeof path) &&
              strcmp(path, FIXTURES "photo_survey/our_door.jpg") == 0 && !s->symbol_text;
    survey_free(s);
    CHECK(ok);
}

/* ---- appearance words and symbol-supported text ---- */

static void test_appearance_words(void)
{
    Survey *s = support_load_survey(FIXTURES "good_appearance_words", symbol_dirs);
    CHECK(s != NULL);
    const SurveyQuestion *q = s->questions;
    bool ok = s->n_questions == 5 && s->symbol_text && q[0].appearance == APPEARANCE_MAT &&
              q[0].symbol_text == 1 && q[0].topics && q[1].appearance == APPEARANCE_GRID &&
              q[1].symbol_text == 0 && q[2].appearance == APPEARANCE_GRID && q[2].symbol_text == -1 &&
              q[3].type == QUESTION_NOTE && q[3].symbol_text == 1 &&
              q[4].appearance == APPEARANCE_SCALE && q[4].symbol_text == 1;
    survey_free(s);
    CHECK(ok);
}

static void test_symbol_text_inherits(void)
{
    Survey *on = support_load_survey(FIXTURES "good_appearance_words", symbol_dirs);
    Survey *off = support_load_survey(FIXTURES "all_kinds", symbol_dirs);
    bool ok = on && off;
    ok = ok && survey_symbol_text(on, NULL) && survey_symbol_text(on, &on->questions[0]) &&
         !survey_symbol_text(on, &on->questions[1]) && survey_symbol_text(on, &on->questions[2]);
    ok = ok && !off->symbol_text && !survey_symbol_text(off, NULL) &&
         off->questions[0].symbol_text == -1 && !survey_symbol_text(off, &off->questions[0]);
    survey_free(on);
    survey_free(off);
    CHECK(ok);
    /* a question's own word wins either way */
    Survey s = {.symbol_text = false};
    SurveyQuestion q = {.symbol_text = 1};
    CHECK(survey_symbol_text(&s, &q));
    s.symbol_text = true;
    q.symbol_text = 0;
    CHECK(!survey_symbol_text(&s, &q));
    q.symbol_text = -1;
    CHECK(survey_symbol_text(&s, &q));
}

static void test_bad_appearance_words(void)
{
    CHECK(fails_with("bad_appearance_words", 3, "survey.csv", 2, "unknown appearance \"sparkle\"",
                     "symbols or no-symbols"));
    CHECK(fails_with("bad_appearance_words", 3, "survey.csv", 3, "both ladder and scale", NULL));
    CHECK(fails_with("bad_appearance_words", 3, "survey.csv", 4, "both symbols and no-symbols", NULL));
}

static void test_bad_symbol_text(void)
{
    CHECK(fails_with("bad_symbol_text", 1, "settings.csv", 2, "symbol_text must be yes or no",
                     "not \"sometimes\""));
}

static void test_missing_image_not_checked_without_symbol_dirs(void)
{
    SurveyProblems problems;
    Survey *s = survey_load(FIXTURES "bad_missing_image", NULL, &problems);
    bool ok = s && problems.n == 0;
    survey_free(s);
    survey_problems_free(&problems);
    CHECK(ok);
}

static void test_bad_utf8(void)
{
    CHECK(fails_with("bad_utf8", 1, "choices.csv", 3, "invalid UTF-8", "CSV UTF-8"));
}

/* The bad row is line 4: the row before it runs over lines 2 and 3. */
static void test_bad_field_count(void)
{
    CHECK(fails_with("bad_field_count", 1, "survey.csv", 4, "8 fields", "names 7 columns"));
}

static void test_bad_missing_column(void)
{
    CHECK(fails_with("bad_missing_column", 1, "choices.csv", 1, "missing column \"list_name\"", NULL));
}

/* Text longer than the screen shows whole is refused, in every language,
 * with the limit in the message (test_layout shows the limits fit). */
static void test_bad_too_long(void)
{
    CHECK(fails_with("bad_too_long", 6, "survey.csv", 3, "the label (English) is 101 characters long: the screen shows at most 100", NULL));
    CHECK(fails_with("bad_too_long", 6, "survey.csv", 3, "the label (Polski) is 101 characters long", NULL));
    CHECK(fails_with("bad_too_long", 6, "survey.csv", 3, "the hint (English) is 101 characters long", NULL));
    CHECK(fails_with("bad_too_long", 6, "choices.csv", 3, "is 49 characters long: the screen shows at most 48", NULL));
    CHECK(fails_with("bad_too_long", 6, "choices.csv", 5, "is 25 characters long: the screen shows at most 24", NULL));
    CHECK(fails_with("bad_too_long", 6, "settings.csv", 2, "form_title is 61 characters long", NULL));
}

/* A file Excel saved with semicolons (much of Europe) gets a hint. */
static void test_bad_semicolons(void)
{
    CHECK(fails_with("bad_semicolons", 6, "survey.csv", 1, "separated by semicolons", NULL));
    CHECK(fails_with("bad_semicolons", 6, "choices.csv", 1, "CSV UTF-8 (Comma delimited)", NULL));
}

static void test_bad_missing_file(void)
{
    CHECK(fails_with("bad_missing_file", 1, "survey.csv", 0, "file not found", NULL));
}

/* choices.csv may only be left out when no question needs a list. */
static void test_bad_missing_choices(void)
{
    CHECK(fails_with("bad_missing_choices", 1, "choices.csv", 0, "file not found", "choice lists"));
}

static void test_missing_folder(void)
{
    SurveyProblems problems;
    Survey *s = survey_load(FIXTURES "no_such_folder", symbol_dirs, &problems);
    bool ok = !s && problems.n == 1 && problem_matches(&problems.items[0], FIXTURES "no_such_folder", 0,
                                                       "folder not found", NULL);
    survey_problems_free(&problems);
    CHECK(ok);
}

static void test_bad_empty_name(void)
{
    CHECK(fails_with("bad_empty_name", 1, "choices.csv", 4, "choice name is empty", NULL));
}

static void test_bad_scale_count(void)
{
    CHECK(fails_with("bad_scale_count", 1, "survey.csv", 2, "3 or 5", "has 4 choices"));
}

static void test_bad_mat_no_topics(void)
{
    CHECK(fails_with("bad_mat_no_topics", 1, "survey.csv", 2, "mat needs", "topics="));
}

static void test_bad_unknown_appearance(void)
{
    CHECK(fails_with("bad_unknown_appearance", 1, "survey.csv", 2, "unknown appearance \"ladderr\"",
                     "ladder, scale or mat"));
}

/* A stray quote is reported and the rows after it are still read. */
static void test_bad_quotes(void)
{
    CHECK(fails_with("bad_quotes", 2, "survey.csv", 3, "misplaced quote", NULL));
    CHECK(fails_with("bad_quotes", 2, "survey.csv", 4, "unknown type \"select_won\"", NULL));
}

static void test_bad_unclosed_quote(void)
{
    CHECK(fails_with("bad_unclosed_quote", 1, "survey.csv", 3, "never closed", NULL));
}

/* default_language names Welsh, which has no label column in either file,
 * and a hint column is in a language with no labels. */
static void test_bad_language(void)
{
    CHECK(fails_with("bad_language", 3, "survey.csv", 1, "no label column for Cymraeg (cy)", "default_language"));
    CHECK(fails_with("bad_language", 3, "choices.csv", 1, "no label column for Cymraeg (cy)", NULL));
    CHECK(fails_with("bad_language", 3, "survey.csv", 1, "hint::Francais (fr)", "label::Francais (fr)"));
}

static void test_bad_many_problems(void)
{
    static const struct {
        const char *file;
        int line;
        const char *words;
    } expected[] = {
        {"survey.csv", 2, "unknown type \"select_won\""},
        {"survey.csv", 3, "ladder works only with select_one"},
        {"survey.csv", 4, "duplicate question name \"feel_all\""},
        {"survey.csv", 4, "3 or 5 faces"},
        {"survey.csv", 5, "off_ladder=never"},
        {"survey.csv", 6, "choice list \"colours\""},
        {"survey.csv", 7, "question name is empty"},
        {"choices.csv", 5, "image \"nowhere.svg\" not found"},
        {"choices.csv", 6, "duplicate choice name \"informed\""},
        {"choices.csv", 7, "choice name \"skip\" is also the name of a button"},
    };
    int n = (int)(sizeof expected / sizeof expected[0]);
    for (int i = 0; i < n; i++)
        CHECK(fails_with("bad_many_problems", n, expected[i].file, expected[i].line, expected[i].words, NULL));
}

/* Problems come out sorted by file and line, printed as FILE:LINE: message. */
static void test_problems_print(void)
{
    char *out = NULL;
    size_t len = 0;
    SurveyProblems problems;
    Survey *s = survey_load(FIXTURES "bad_quotes", symbol_dirs, &problems);
    FILE *f = open_memstream(&out, &len);
    CHECK(f != NULL);
    survey_problems_print(&problems, f);
    fclose(f);
    bool ok = !s && strcmp(out,
                           FIXTURES "bad_quotes/survey.csv:3: misplaced quote (\"): put quotes only around "
                                    "a whole field, and write \"\" for a quote inside one\n" FIXTURES
                                    "bad_quotes/survey.csv:4: unknown type \"select_won\" (use select_one, "
                                    "select_multiple, text, integer, decimal, date, note, ...: \"Bring "
                                    "your XLSForm\" in the README lists them)\n") == 0;
    if (!ok)
        printf("    got:\n%s", out);
    free(out);
    survey_problems_free(&problems);
    CHECK(ok);
}

static void test_check_main_reports_problems(void)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    CHECK(f != NULL);
    int status = survey_check_main(FIXTURES "bad_missing_file", symbol_dirs, f);
    fclose(f);
    bool ok = status == 1 && strcmp(out, FIXTURES "bad_missing_file/survey.csv: file not found (every "
                                         "survey needs its questions here)\n" FIXTURES
                                         "bad_missing_file: 1 problem\n") == 0;
    if (!ok)
        printf("    got:\n%s", out);
    free(out);
    CHECK(ok);
}

/* ---- kiosk.ini ---- */

static bool settings_are_defaults(const KioskSettings *k)
{
    return strcmp(k->name, "sayso") == 0 && k->idle_seconds == 90 && k->still_there_seconds == 30 &&
           k->thanks_seconds == 20 && k->speech && strcmp(k->voice, "en-gb") == 0 && k->speech_rate == 150;
}

static void test_kiosk_defaults(void)
{
    KioskSettings k;
    memset(&k, 0x55, sizeof k);
    kiosk_settings_defaults(&k);
    CHECK(settings_are_defaults(&k));
}

static void test_kiosk_real_ini(void)
{
    KioskSettings k;
    char err[256];
    CHECK_INT(kiosk_settings_load(&k, "config/kiosk.ini", true, err, sizeof err), 0);
    CHECK_STR(k.name, "Community drop-in");
    CHECK_INT(k.idle_seconds, 90);
    CHECK(k.speech);
    CHECK_STR(k.voice, "en-gb");
    CHECK_INT(k.speech_rate, 150);
}

static void test_kiosk_good_ini(void)
{
    KioskSettings k;
    char err[256];
    CHECK_INT(kiosk_settings_load(&k, FIXTURES "kiosk_ini/good.ini", true, err, sizeof err), 0);
    CHECK_STR(err, "");
    CHECK_STR(k.name, "Library drop-in");
    CHECK_INT(k.idle_seconds, 120);
    CHECK_INT(k.still_there_seconds, 15);
    CHECK_INT(k.thanks_seconds, 10);
    CHECK(!k.speech);
    CHECK_STR(k.voice, "cy");
    CHECK_INT(k.speech_rate, 130);
}

/* A bad file is an error naming file:line, and leaves only defaults. */
static void test_kiosk_bad_ini(void)
{
    KioskSettings k;
    char err[256];
    CHECK_INT(kiosk_settings_load(&k, FIXTURES "kiosk_ini/bad_key.ini", true, err, sizeof err), -1);
    CHECK_STR(err, FIXTURES "kiosk_ini/bad_key.ini:7: unknown setting \"idel_seconds\" in [kiosk]");
    CHECK(settings_are_defaults(&k));
    CHECK_INT(kiosk_settings_load(&k, FIXTURES "kiosk_ini/bad_number.ini", false, err, sizeof err), -1);
    CHECK(strstr(err, "bad_number.ini:2: idle_seconds must be a whole number") != NULL);
    CHECK_INT(kiosk_settings_load(&k, FIXTURES "kiosk_ini/bad_bool.ini", false, err, sizeof err), -1);
    CHECK(strstr(err, "bad_bool.ini:2: enabled must be on or off") != NULL);
    CHECK_INT(kiosk_settings_load(&k, FIXTURES "kiosk_ini/bad_section.ini", false, err, sizeof err), -1);
    CHECK(strstr(err, "bad_section.ini:4: unknown section [sound]") != NULL);
    CHECK_INT(kiosk_settings_load(&k, FIXTURES "kiosk_ini/bad_syntax.ini", false, err, sizeof err), -1);
    CHECK(strstr(err, "bad_syntax.ini:3: not a setting") != NULL);
}

static void test_kiosk_missing_file(void)
{
    KioskSettings k;
    char err[256];
    CHECK_INT(kiosk_settings_load(&k, FIXTURES "kiosk_ini/none.ini", false, err, sizeof err), 0);
    CHECK(settings_are_defaults(&k));
    CHECK_INT(kiosk_settings_load(&k, FIXTURES "kiosk_ini/none.ini", true, err, sizeof err), -1);
    CHECK_STR(err, FIXTURES "kiosk_ini/none.ini: file not found");
}

/* Loads `text` as a kiosk.ini from a temporary file. */
static int load_ini_text(const char *text, KioskSettings *k, char *err, size_t err_size)
{
    char path[] = "/tmp/sayso_test_kiosk_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return -2;
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    int status = kiosk_settings_load(k, path, true, err, err_size);
    unlink(path);
    return status;
}

static void test_kiosk_booleans_and_numbers(void)
{
    static const char *const on[] = {"on", "yes", "true", "1", "ON", "Yes"};
    static const char *const off[] = {"off", "no", "false", "0", "OFF", "False"};
    static const char *const bad_numbers[] = {"-5", "0", "12abc", "1.5", "", "99999999999"};
    KioskSettings k;
    char err[256], text[128];
    for (size_t i = 0; i < sizeof on / sizeof on[0]; i++) {
        snprintf(text, sizeof text, "[speech]\nenabled = %s\n", off[i]);
        CHECK_INT(load_ini_text(text, &k, err, sizeof err), 0);
        CHECK(!k.speech);
        snprintf(text, sizeof text, "[speech]\nenabled = %s\n", on[i]);
        CHECK_INT(load_ini_text(text, &k, err, sizeof err), 0);
        CHECK(k.speech);
    }
    for (size_t i = 0; i < sizeof bad_numbers / sizeof bad_numbers[0]; i++) {
        snprintf(text, sizeof text, "[kiosk]\nthanks_seconds = %s\n", bad_numbers[i]);
        CHECK_INT(load_ini_text(text, &k, err, sizeof err), -1);
        CHECK(strstr(err, ":2: thanks_seconds must be a whole number") != NULL);
    }
}

/* [symbols] pack lines, kept in order, quotes dropped. */
static void test_kiosk_packs(void)
{
    KioskSettings k;
    char err[256];
    CHECK_INT(kiosk_settings_load(&k, FIXTURES "kiosk_ini/packs.ini", true, err, sizeof err), 0);
    CHECK_INT(k.n_packs, 2);
    CHECK_STR(k.packs[0], "tests/packs/venue");
    CHECK_STR(k.packs[1], "tests/packs/extra");
    CHECK_STR(k.name, "Library drop-in");
    CHECK_INT(kiosk_settings_load(&k, "config/kiosk.ini", true, err, sizeof err), 0);
    CHECK_INT(k.n_packs, 0);
    kiosk_settings_defaults(&k);
    CHECK_INT(k.n_packs, 0);
}

static void test_kiosk_missing_pack(void)
{
    KioskSettings k;
    char err[256];
    CHECK_INT(kiosk_settings_load(&k, FIXTURES "kiosk_ini/bad_pack.ini", true, err, sizeof err), -1);
    CHECK_STR(err, FIXTURES "kiosk_ini/bad_pack.ini:5: symbol pack folder \"/srv/no_such_widgit\" "
                            "does not exist");
    CHECK_INT(k.n_packs, 0);
    CHECK_INT(load_ini_text("[symbols]\npack = tests/packs/venue/gp.png\n", &k, err, sizeof err), -1);
    CHECK(strstr(err, ":2: symbol pack \"tests/packs/venue/gp.png\" is a file, not a folder") != NULL);
    CHECK_INT(load_ini_text("[kiosk]\npack = tests/packs/venue\n", &k, err, sizeof err), -1);
    CHECK(strstr(err, ":2: unknown setting \"pack\" in [kiosk]") != NULL);
}

static void test_kiosk_at_most_eight_packs(void)
{
    KioskSettings k;
    char err[256], text[1024] = "[symbols]\n";
    for (int i = 0; i < KIOSK_MAX_PACKS; i++)
        strcat(text, i % 2 ? "pack = tests/packs/extra\n" : "pack = tests/packs/venue\n");
    CHECK_INT(load_ini_text(text, &k, err, sizeof err), 0);
    CHECK_INT(k.n_packs, KIOSK_MAX_PACKS);
    CHECK_STR(k.packs[7], "tests/packs/extra");
    strcat(text, "pack = tests/packs/venue\n");
    CHECK_INT(load_ini_text(text, &k, err, sizeof err), -1);
    CHECK(strstr(err, ":10: too many symbol packs (at most 8") != NULL);
}

int main(void)
{
    RUN(test_forum_loads);
    RUN(test_forum_settings_and_texts);
    RUN(test_forum_check_main);
    RUN(test_all_kinds_loads);
    RUN(test_text_falls_back_to_default_language);
    RUN(test_text_only_loads_with_defaults);
    RUN(test_plain_label_is_default_language);
    RUN(test_title_in_an_unknown_language_is_refused);
    RUN(test_excel_csv_loads_with_lines);
    RUN(test_lookups);
    RUN(test_find_image_order);
    RUN(test_bad_unknown_type);
    RUN(test_bad_empty_list);
    RUN(test_bad_undefined_list);
    RUN(test_bad_undefined_topics);
    RUN(test_bad_duplicate_name);
    RUN(test_bad_duplicate_choice);
    RUN(test_bad_missing_image);
    RUN(test_missing_image_not_checked_without_symbol_dirs);
    RUN(test_pack_symbol_wins_over_ours);
    RUN(test_pack_stem_matches_every_kind);
    RUN(test_survey_folder_exact_name_only);
    RUN(test_survey_loads_with_packs);
    RUN(test_missing_image_lists_every_folder);
    RUN(test_check_main_lists_every_folder);
    RUN(test_photo_survey_loads);
    RUN(test_appearance_words);
    RUN(test_symbol_text_inherits);
    RUN(test_bad_appearance_words);
    RUN(test_bad_symbol_text);
    RUN(test_bad_utf8);
    RUN(test_bad_field_count);
    RUN(test_bad_missing_column);
    RUN(test_bad_too_long);
    RUN(test_bad_semicolons);
    RUN(test_bad_missing_file);
    RUN(test_bad_missing_choices);
    RUN(test_missing_folder);
    RUN(test_bad_empty_name);
    RUN(test_bad_scale_count);
    RUN(test_bad_mat_no_topics);
    RUN(test_bad_unknown_appearance);
    RUN(test_bad_quotes);
    RUN(test_bad_unclosed_quote);
    RUN(test_bad_language);
    RUN(test_bad_many_problems);
    RUN(test_problems_print);
    RUN(test_check_main_reports_problems);
    RUN(test_kiosk_defaults);
    RUN(test_kiosk_real_ini);
    RUN(test_kiosk_good_ini);
    RUN(test_kiosk_bad_ini);
    RUN(test_kiosk_missing_file);
    RUN(test_kiosk_booleans_and_numbers);
    RUN(test_kiosk_packs);
    RUN(test_kiosk_missing_pack);
    RUN(test_kiosk_at_most_eight_packs);
    return TEST_SUMMARY();
}
