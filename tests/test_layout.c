/* test_layout.c: every screen of config/forum and of the all-kinds survey,
 * laid out at landscape 1920x1080, portrait 1080x1920 and 1280x800: nothing
 * outside the screen, no two targets overlapping, every target at least
 * 2 cm across, and every text fitting its box (wrapped or shrunk, never
 * cut off). Worst cases included: a mat with every topic in one column, a
 * choose-any with everything chosen, and a full review. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "testing.h"
#include "ui/ui.h"

static const struct {
    int w, h;
} sizes[] = {{1920, 1080}, {1080, 1920}, {1280, 800}};

static char problem[512];
static int text_step = 1; /* the writing size the walks use */
static Lexicon *lexicon; /* set: the walks run with symbol-supported text on */

/* Checks the layout on screen now; writes the first problem into `problem`. */
static bool layout_ok(Ui *ui, const Flow *flow)
{
    int w, h, unit = ui_min_target(ui);
    char screen[128], text[256];
    ui_size(ui, &w, &h);
    ui_build(ui, flow);
    flow_screen_name(flow, screen, sizeof screen);
    const UiElements *els = ui_elements(ui);
    UiRect whole = layout_rect(0, 0, w, h);
    for (int i = 0; i < els->n; i++) {
        const UiElement *a = &els->items[i];
        if (!layout_inside(a->rect, whole)) {
            snprintf(problem, sizeof problem, "%dx%d step %d %s: \"%s%s\" is off screen", w, h, text_step, screen,
                     a->id, a->text);
            return false;
        }
        if (!ui_element_is_target(a))
            continue;
        if (layout_overlaps(a->rect, layout_staff_corner(unit))) {
            snprintf(problem, sizeof problem, "%dx%d step %d %s: %s is in the staff gesture's corner", w, h,
                     text_step, screen, a->id);
            return false;
        }
        if (a->rect.w < unit || a->rect.h < unit) {
            snprintf(problem, sizeof problem, "%dx%d step %d %s: target %s is %dx%d, under %d px", w, h, text_step,
                     screen, a->id, a->rect.w, a->rect.h, unit);
            return false;
        }
        for (int j = i + 1; j < els->n; j++) {
            const UiElement *b = &els->items[j];
            bool in_column = (a->flags & UI_DROP) && layout_inside(b->rect, a->rect);
            if (ui_element_is_target(b) && !in_column && layout_overlaps(a->rect, b->rect)) {
                snprintf(problem, sizeof problem, "%dx%d %s: %s overlaps %s", w, h, screen, a->id, b->id);
                return false;
            }
        }
    }
    if (ui_check_text(ui, text, sizeof text) != 0) {
        snprintf(problem, sizeof problem, "%dx%d step %d %s: text cut off: %s", w, h, text_step, screen, text);
        return false;
    }
    return true;
}

/* With symbol-supported text on: every question heading shows symbols
 * above its words and fits without falling back to plain text. */
static bool symbols_ok(Ui *ui, const Flow *flow, int *shown)
{
    int w, h;
    char screen[128];
    ui_size(ui, &w, &h);
    flow_screen_name(flow, screen, sizeof screen);
    if (flow_screen(flow) != FLOW_QUESTION || !lexicon)
        return true;
    int symbols = 0, fallbacks = ui_check_symbol_text(ui, &symbols);
    *shown += symbols;
    if (fallbacks == 0 && symbols > 0)
        return true;
    snprintf(problem, sizeof problem, "%dx%d %s: %d symbol texts do not fit, %d symbols shown", w, h,
             screen, fallbacks, symbols);
    return false;
}

/* Taps `name` of question `sq`: "QUESTION:NAME" on a page of several. */
static void tap_answer(Flow *flow, const SurveyQuestion *sq, const char *name, bool on_page, uint64_t *now)
{
    char id[256];
    snprintf(id, sizeof id, on_page ? "%s:%s" : "%s%s", on_page ? sq->name : "", name);
    flow_tap(flow, id, ++*now);
}

/* Fills question `q` to its worst case for the layout: every choice
 * chosen, the longest number, the widest date, words typed. */
static void fill_worst(Flow *flow, int q, bool on_page, uint64_t *now)
{
    const SurveyQuestion *sq = &flow_survey(flow)->questions[q];
    if (sq->appearance == APPEARANCE_MAT) {
        flow_tap(flow, "skip", ++*now);  /* one in the tray */
        for (int t = 1; t < sq->topics->n_choices; t++)
            flow_drop(flow, sq->topics->choices[t].name, sq->list->choices[0].name, ++*now);
    } else if (sq->type == QUESTION_SELECT_MULTIPLE) {
        for (int c = 0; c < sq->list->n_choices; c++)
            if (flow_choice_shown(flow, q, c))
                tap_answer(flow, sq, sq->list->choices[c].name, on_page, now);
        if (sq->or_other)
            tap_answer(flow, sq, "other", on_page, now);
    } else if (sq->list) {
        for (int c = 0; c < sq->list->n_choices; c++)
            if (flow_choice_shown(flow, q, c)) {
                tap_answer(flow, sq, sq->list->choices[c].name, on_page, now);
                break;
            }
    } else if (sq->type == QUESTION_ACKNOWLEDGE) {
        flow_tap(flow, sq->name, ++*now);
    } else if (sq->type == QUESTION_INTEGER || sq->type == QUESTION_DECIMAL || sq->type == QUESTION_PHONE) {
        flow_type_text(flow, sq->type == QUESTION_DECIMAL ? "-12345678901.234" : "-123456789012345");
    } else if (sq->type == QUESTION_DATE) {
        flow_type_text(flow, "2026-09-28");  /* the longest month's name */
    }
}

/* True when a question asked on the page first..end must be answered. */
static bool page_requires(const Flow *flow, int first, int end)
{
    for (int q = first; q < end; q++)
        if (flow_is_relevant(flow, q) && flow_survey(flow)->questions[q].required)
            return true;
    return false;
}

/* Walks every screen of `dir`, filling each question to its worst case
 * (and where one is required, with the notice Next gives first). */
static bool walk_survey(const char *dir, int w, int h)
{
    const char *dirs[] = {"assets/symbols", NULL};
    SurveyProblems problems = {0};
    Survey *survey = survey_load(dir, dirs, &problems);
    survey_problems_free(&problems);
    if (survey && lexicon)
        survey->symbol_text = true;
    if (!survey) {
        snprintf(problem, sizeof problem, "%s does not load", dir);
        return false;
    }
    KioskSettings settings;
    kiosk_settings_defaults(&settings);
    char err[256];
    UiOptions o = {w, h, true, true, dirs, lexicon, NULL, NULL, NULL, 0};
    Ui *ui = ui_open(&o, err, sizeof err);
    Flow *flow = ui ? flow_new(survey, &settings, NULL, 0) : NULL;
    if (ui)
        ui_set_seeing(ui, text_step == 3, text_step);
    bool ok = flow != NULL;
    uint64_t now = 0;
    int symbols_shown = 0;
    ok = ok && layout_ok(ui, flow);
    flow_tap(flow, "start", ++now);
    ok = ok && layout_ok(ui, flow);
    char lang[80];
    snprintf(lang, sizeof lang, "lang:%s", survey->languages[0].code);
    flow_tap(flow, lang, ++now);
    ok = ok && layout_ok(ui, flow);
    flow_tap(flow, "yes", ++now);
    flow_tap(flow, "stop", ++now);
    ok = ok && layout_ok(ui, flow);  /* stop-confirm */
    flow_tap(flow, "no", ++now);
    for (int pages = 0; ok && flow_screen(flow) == FLOW_QUESTION && pages < survey->n_questions; pages++) {
        int first, end;
        flow_page(flow, &first, &end);
        ok = layout_ok(ui, flow) && symbols_ok(ui, flow, &symbols_shown);  /* as it first shows */
        if (ok && page_requires(flow, first, end)) {  /* Next says what needs an answer */
            flow_tap(flow, "next", ++now);
            ok = flow_notice(flow) != FLOW_NOTICE_NONE && layout_ok(ui, flow);
        }
        for (int q = first; q < end; q++)
            if (flow_is_relevant(flow, q))
                fill_worst(flow, q, flow_page_count(flow) > 1, &now);
        ok = ok && layout_ok(ui, flow);
        flow_tap(flow, "next", ++now);
    }
    ok = ok && layout_ok(ui, flow);  /* review, everything answered */
    flow_tick(flow, now + 90000);
    ok = ok && layout_ok(ui, flow);  /* still there? */
    flow_tap(flow, "yes", now + 90001);
    flow_tap(flow, "next", now + 90002);
    ok = ok && layout_ok(ui, flow);  /* thanks */
    flow_free(flow);
    ui_close(ui);
    survey_free(survey);
    if (!ui)
        snprintf(problem, sizeof problem, "no screen: %s", err);
    return ok;
}

static void test_forum_every_size(void)
{
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        bool ok = walk_survey("config/forum", sizes[i].w, sizes[i].h);
        if (!ok)
            printf("    %s\n", problem);
        CHECK(ok);
    }
}

static void test_all_kinds_every_size(void)
{
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        bool ok = walk_survey("tests/surveys/all_kinds", sizes[i].w, sizes[i].h);
        if (!ok)
            printf("    %s\n", problem);
        CHECK(ok);
    }
}

/* Spoken and typed answers: the recorder and the on-screen keyboard. */
static void test_spoken_and_typed_every_size(void)
{
    bool ok = true;
    for (size_t i = 0; ok && i < sizeof sizes / sizeof sizes[0]; i++)
        ok = walk_survey("tests/surveys/spoken", sizes[i].w, sizes[i].h) &&
             walk_survey("tests/surveys/typed", sizes[i].w, sizes[i].h);
    if (!ok)
        printf("    %s\n", problem);
    CHECK(ok);
}

/* XLSForm's kinds: number pads, the date picker, acknowledge, or_other,
 * a note with ${name}; field-list pages; skip logic and cascades. */
static void test_xlsform_kinds_every_size(void)
{
    static const char *const surveys[] = {"tests/surveys/types", "tests/surveys/fieldlist", "tests/surveys/logic"};
    bool ok = true;
    for (text_step = 1; ok && text_step <= 3; text_step += 2)
        for (size_t i = 0; ok && i < sizeof sizes / sizeof sizes[0]; i++)
            for (size_t s = 0; ok && s < sizeof surveys / sizeof surveys[0]; s++)
                ok = walk_survey(surveys[s], sizes[i].w, sizes[i].h);
    text_step = 1;
    if (!ok)
        printf("    %s\n", problem);
    CHECK(ok);
}

/* The longest words `sayso check` lets through (SURVEY_MAX_*_CHARS in
 * survey.h) still fit their boxes on every screen size: a question and a
 * hint at the limit, sixteen choices and a mat's topics with the longest
 * labels. This is where the limits come from. */
static void test_longest_text_check_allows_fits(void)
{
    for (size_t i = 0; i < 2; i++) { /* a kiosk's full HD screen, either way up */
        bool ok = walk_survey("tests/surveys/longest_text", sizes[i].w, sizes[i].h);
        if (!ok)
            printf("    %s\n", problem);
        CHECK(ok);
    }
}

static void test_text_only_survey(void)
{
    bool ok = walk_survey("tests/surveys/text_only", 1280, 800);
    if (!ok)
        printf("    %s\n", problem);
    CHECK(ok);
}

static void test_forum_with_symbol_text(void)
{
    char err[256];
    lexicon = lexicon_load("assets/symbols/lexicon.csv", err, sizeof err);
    CHECK(lexicon);
    bool ok = true;
    for (size_t i = 0; ok && i < sizeof sizes / sizeof sizes[0]; i++)
        ok = walk_survey("config/forum", sizes[i].w, sizes[i].h);
    lexicon_free(lexicon);
    lexicon = NULL;
    if (!ok)
        printf("    %s\n", problem);
    CHECK(ok);
}

/* The three writing sizes, each at every screen size (the largest also in
 * the high-contrast theme): still no overlap, nothing cut off. */
static void test_forum_every_text_size(void)
{
    bool ok = true;
    for (text_step = 2; ok && text_step <= 3; text_step++)
        for (size_t i = 0; ok && i < sizeof sizes / sizeof sizes[0]; i++)
            ok = walk_survey("config/forum", sizes[i].w, sizes[i].h) &&
                 walk_survey("tests/surveys/all_kinds", sizes[i].w, sizes[i].h);
    text_step = 1;
    if (!ok)
        printf("    %s\n", problem);
    CHECK(ok);
}

static void test_min_target_from_dpi(void)
{
    CHECK_INT(layout_min_target(96.0f), 76);
    CHECK_INT(layout_min_target(0.0f), 76);  /* unknown: 96 */
    CHECK_INT(layout_min_target(160.0f), 126);
}

static void test_grid_fills_and_centres(void)
{
    UiRect cells[16];
    UiGrid g = layout_grid(layout_rect(0, 0, 1000, 500), 12, 10, 1.0f, cells);
    CHECK_INT(g.cols * g.rows >= 12, 1);
    for (int i = 0; i < 12; i++) {
        CHECK(layout_inside(cells[i], layout_rect(0, 0, 1000, 500)));
        for (int j = i + 1; j < 12; j++)
            CHECK(!layout_overlaps(cells[i], cells[j]));
    }
    for (int n = 2; n <= 16; n++) {  /* 2 to 16 options reflow */
        g = layout_grid(layout_rect(0, 0, 1000, 1700), n, 10, 1.0f, cells);
        CHECK(g.cell_w >= 150 && g.cell_h >= 150);
    }
}

int main(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    RUN(test_min_target_from_dpi);
    RUN(test_grid_fills_and_centres);
    RUN(test_forum_every_size);
    RUN(test_all_kinds_every_size);
    RUN(test_text_only_survey);
    RUN(test_longest_text_check_allows_fits);
    RUN(test_spoken_and_typed_every_size);
    RUN(test_xlsform_kinds_every_size);
    RUN(test_forum_with_symbol_text);
    RUN(test_forum_every_text_size);
    return TEST_SUMMARY();
}
