/* test_layout.c: every screen of config/forum, in every one of its
 * languages, and of the all-kinds, spoken, typed and words-only surveys,
 * laid out at landscape 1920x1080, portrait 1080x1920 and 1280x800, at
 * each of the three writing sizes. On every screen, and on every part of a
 * screen shown in parts:
 *   - nothing is outside the screen, no two targets overlap, every target
 *     is at least 2 cm across, and none lies in the staff gesture's corner;
 *   - every text fits its box (wrapped, never cut off), every word that has
 *     a place is shown, at no less than the kiosk's reading size for the
 *     writing size;
 *   - compared with the normal writing size (the same screen, same state):
 *     every text is as large or larger, every symbol as large or larger,
 *     and nothing shown there is missing.
 * Worst cases included: a mat with every topic in one column, a choose-any
 * with everything chosen, the longest numbers and dates, a full review, and
 * XLSForm's kinds and field-list pages (each required page with its notice). The sanitizer pass walks a
 * slice of it (SAYSO_TEST_PASS=asan): the geometry is the same code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "testing.h"
#include "ui/keyboard.h"
#include "ui/ui.h"

static const struct {
    int w, h;
} sizes[] = {{1920, 1080}, {1080, 1920}, {1280, 800}};

#define MAX_STATES 64
#define MAX_ITEMS 400

/* Everything on one screen state, over all its parts. */
typedef struct {
    char name[96];
    UiMeasure items[MAX_ITEMS];
    int n;
} Snapshot;

typedef struct {
    const char *dir;
    const char *language;   /* a code, or NULL for the survey's first */
    int w, h, step;
    Snapshot *base;         /* the states at writing size 1 (filled when step is 1) */
    int state;              /* states seen so far */
    Lexicon *lexicon;       /* set: symbol-supported text on */
    KeyboardState keyboard; /* the on-screen keyboard's page (each of its parts is walked) */
    int symbols_shown;
    char problem[640];
} Walk;

static bool fail(Walk *k, const char *screen, const char *fmt, const char *a, const char *b, int x, int y)
{
    char what[400];
    snprintf(what, sizeof what, fmt, a, b, x, y);
    snprintf(k->problem, sizeof k->problem, "%s %s %dx%d step %d %s: %s", k->dir, k->language ? k->language : "",
             k->w, k->h, k->step, screen, what);
    return false;
}

/* The geometry of one part of a screen. */
static bool geometry_ok(Walk *k, Ui *ui, const char *screen)
{
    int unit = ui_min_target(ui);
    const UiElements *els = ui_elements(ui);
    UiRect whole = layout_rect(0, 0, k->w, k->h);
    for (int i = 0; i < els->n; i++) {
        const UiElement *a = &els->items[i];
        if (!layout_inside(a->rect, whole))
            return fail(k, screen, "\"%s%s\" is off screen", a->id, a->text, 0, 0);
        if (!ui_element_is_target(a))
            continue;
        if (layout_overlaps(a->rect, layout_staff_corner(unit)))
            return fail(k, screen, "%s is in the staff gesture's corner%s", a->id, "", 0, 0);
        if (a->rect.w < unit || a->rect.h < unit)
            return fail(k, screen, "target %s%s is %dx%d, under 2 cm", a->id, "", a->rect.w, a->rect.h);
        for (int j = i + 1; j < els->n; j++) {
            const UiElement *b = &els->items[j];
            bool in_column = (a->flags & UI_DROP) && layout_inside(b->rect, a->rect);
            if (ui_element_is_target(b) && !in_column && layout_overlaps(a->rect, b->rect))
                return fail(k, screen, "%s overlaps %s", a->id, b->id, 0, 0);
        }
    }
    return true;
}

/* The words of one part of a screen: all shown, fitting, large enough. */
static bool words_ok(Walk *k, Ui *ui, const char *screen, Snapshot *snap, int reading_px)
{
    UiMeasure items[MAX_ITEMS];
    int n = ui_measure(ui, items, MAX_ITEMS);
    for (int i = 0; i < n && i < MAX_ITEMS; i++) {
        const UiMeasure *m = &items[i];
        if (m->has_text && m->text_px == 0)
            return fail(k, screen, "the words of \"%s\" are not shown%s", m->key, "", 0, 0);
        if (m->has_text && (!m->text_fits || m->text_px < reading_px))
            return fail(k, screen, "\"%s\"%s is cut off or at %d px, under %d", m->key, "", m->text_px, reading_px);
        if (snap->n < MAX_ITEMS)
            snap->items[snap->n++] = *m;
    }
    return true;
}

/* The smallest text and symbol of `key` in `s` (0: none), and whether it is there. */
static bool smallest(const Snapshot *s, const char *key, int *text_px, int *symbol_px)
{
    bool found = false;
    *text_px = *symbol_px = 0;
    for (int i = 0; i < s->n; i++) {
        const UiMeasure *m = &s->items[i];
        if (strcmp(m->key, key) != 0)
            continue;
        if (m->text_px && (!*text_px || m->text_px < *text_px))
            *text_px = m->text_px;
        if (m->symbol_px && (!*symbol_px || m->symbol_px < *symbol_px))
            *symbol_px = m->symbol_px;
        found = true;
    }
    return found;
}

/* Against the normal writing size: nothing missing, nothing smaller. */
static bool compared_ok(Walk *k, const Snapshot *now, const Snapshot *base)
{
    for (int i = 0; i < base->n; i++) {
        const char *key = base->items[i].key;
        if (base->items[i].pager)
            continue;
        int text0, sym0, text1, sym1;
        smallest(base, key, &text0, &sym0);
        if (!smallest(now, key, &text1, &sym1))
            return fail(k, now->name, "\"%s\" of the normal size is missing%s", key, "", 0, 0);
        if (text1 < text0)
            return fail(k, now->name, "\"%s\"%s is smaller than at the normal size: %d px, was %d", key, "", text1, text0);
        if (sym1 < sym0)
            return fail(k, now->name, "the symbol of \"%s\"%s shrank to %d px from %d", key, "", sym1, sym0);
    }
    return true;
}

/* With SAYSO_LAYOUT_SHOTS=DIR, a screen that fails is saved there to look at. */
static void save_failure(Walk *k, Ui *ui, bool ok)
{
    const char *dir = getenv("SAYSO_LAYOUT_SHOTS");
    char path[512], err[128];
    if (ok || !dir)
        return;
    snprintf(path, sizeof path, "%s/%s-%dx%d-%d-%d.png", dir, k->language ? k->language : "first", k->w, k->h,
             k->step, k->state);
    ui_draw(ui);
    if (ui_save_png(ui, path, err, sizeof err) == 0)
        printf("    saved %s\n", path);
}

/* The id of the first key shown ("": no keyboard). */
static const char *first_key(Ui *ui)
{
    const UiElements *els = ui_elements(ui);
    for (int i = 0; i < els->n; i++)
        if (strncmp(els->items[i].id, "key:", 4) == 0)
            return els->items[i].id;
    return "";
}

/* One part of a screen, and each part of a keyboard shown in parts on it
 * (key:more to the next, until the first comes round again). */
static bool part_ok(Walk *k, Ui *ui, const Flow *flow, const char *name, Snapshot *snap, int reading)
{
    char first[UI_ID_SIZE] = "", part_name[160];
    bool ok = true;
    for (int part = 0; ok && part < 12; part++) {
        k->keyboard.part = part;
        ui_build(ui, flow);
        if (part > 0 && strcmp(first_key(ui), first) == 0)
            break;
        if (part == 0)
            snprintf(first, sizeof first, "%s", first_key(ui));
        snprintf(part_name, sizeof part_name, part ? "%s keys %d" : "%s", name, part + 1);
        ok = geometry_ok(k, ui, part_name) && words_ok(k, ui, part_name, snap, reading);
        if (!ui_elements_find(ui_elements(ui), "key:more"))
            break;
    }
    k->keyboard.part = 0;
    return ok;
}

/* Checks the screen showing now, every part of it. */
static bool screen_ok(Walk *k, Ui *ui, const Flow *flow)
{
    if (k->state >= MAX_STATES)
        return fail(k, "", "more than %s%s%d screens: raise MAX_STATES", "", "", MAX_STATES, 0);
    Snapshot *snap = calloc(1, sizeof *snap);
    bool ok = snap != NULL;
    int reading = ui_reading_px(ui);
    if (ok)
        flow_screen_name(flow, snap->name, sizeof snap->name);
    ui_set_page(ui, 0);
    ui_build(ui, flow);
    for (int page = 0; ok && page < ui_pages(ui); page++) {
        char name[128];
        snprintf(name, sizeof name, "%s part %d", snap->name, page + 1);
        ui_set_page(ui, page);
        ok = part_ok(k, ui, flow, name, snap, reading);
    }
    save_failure(k, ui, ok);
    if (ok && k->lexicon && flow_screen(flow) == FLOW_QUESTION) {
        int symbols = 0, fallbacks = ui_check_symbol_text(ui, &symbols);
        k->symbols_shown += symbols;
        if (fallbacks)
            ok = fail(k, snap->name, "%s%s%d symbol texts fall back to plain words", "", "", fallbacks, 0);
    }
    if (ok && k->step == 1)
        k->base[k->state] = *snap;
    else if (ok)
        ok = compared_ok(k, snap, &k->base[k->state]);
    k->state++;
    ui_set_page(ui, 0);
    free(snap);
    return ok;
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

/* A typed answer's keyboard on each of its pages: letters (as first
 * shown), the second page of letters (shift) and numbers; and or_other's
 * "Other" typed, in place of the choices. */
static bool keyboard_pages_ok(Walk *k, Ui *ui, Flow *flow, const SurveyQuestion *sq)
{
    if (sq->or_other && sq->type != QUESTION_TEXT) {
        k->keyboard = (KeyboardState){.other = true};
        bool ok = screen_ok(k, ui, flow);
        k->keyboard = (KeyboardState){0};
        return ok;
    }
    if (sq->type != QUESTION_TEXT)
        return true;
    k->keyboard = (KeyboardState){.shift = true};
    bool ok = screen_ok(k, ui, flow);
    k->keyboard = (KeyboardState){.numbers = true};
    ok = ok && screen_ok(k, ui, flow);
    k->keyboard = (KeyboardState){0};
    return ok;
}

/* Walks every screen of the survey, each page as it first shows (and
 * where a question is required, with the notice Next gives) and filled. */
static bool walk_screens(Walk *k, Ui *ui, Flow *flow, const Survey *survey)
{
    uint64_t now = 0;
    char lang[80];
    bool ok = screen_ok(k, ui, flow);
    flow_tap(flow, "start", ++now);
    snprintf(lang, sizeof lang, "lang:%s", k->language ? k->language : survey->languages[0].code);
    if (survey->n_languages > 1) {
        ok = ok && screen_ok(k, ui, flow);
        flow_tap(flow, lang, ++now);
    }
    ok = ok && screen_ok(k, ui, flow);  /* consent */
    flow_tap(flow, "yes", ++now);
    flow_tap(flow, "stop", ++now);
    ok = ok && screen_ok(k, ui, flow);  /* stop-confirm */
    flow_tap(flow, "no", ++now);
    for (int pages = 0; ok && flow_screen(flow) == FLOW_QUESTION && pages < survey->n_questions; pages++) {
        int first, end;
        flow_page(flow, &first, &end);
        const SurveyQuestion *sq = &survey->questions[first];
        ok = screen_ok(k, ui, flow) && keyboard_pages_ok(k, ui, flow, sq);  /* as it first shows */
        if (ok && page_requires(flow, first, end)) {  /* Next says what needs an answer */
            flow_tap(flow, "next", ++now);
            ok = flow_notice(flow) != FLOW_NOTICE_NONE ? screen_ok(k, ui, flow)
                                                       : fail(k, "", "%s: Next gives no notice%s", sq->name, "", 0, 0);
        }
        for (int q = first; q < end; q++)
            if (flow_is_relevant(flow, q))
                fill_worst(flow, q, flow_page_count(flow) > 1, &now);
        ok = ok && screen_ok(k, ui, flow);
        if (end - first == 1 && sq->appearance == APPEARANCE_MAT) {
            flow_drop(flow, sq->topics->choices[1].name, "pile", ++now);  /* one back: mat-left asks */
            flow_tap(flow, "next", ++now);
            ok = ok && screen_ok(k, ui, flow);  /* mat-left */
        }
        flow_tap(flow, "next", ++now);
    }
    ok = ok && screen_ok(k, ui, flow);  /* review, everything answered */
    flow_tick(flow, now + 90000);
    ok = ok && screen_ok(k, ui, flow);  /* still there? */
    flow_tap(flow, "yes", now + 90001);
    flow_tap(flow, "next", now + 90002);
    return ok && screen_ok(k, ui, flow);  /* thanks */
}

static bool walk(Walk *k)
{
    const char *dirs[] = {"assets/symbols", NULL};
    SurveyProblems problems = {0};
    Survey *survey = survey_load(k->dir, dirs, &problems);
    survey_problems_free(&problems);
    if (!survey)
        return fail(k, "", "%s does not load%s", k->dir, "", 0, 0);
    if (k->lexicon)
        survey->symbol_text = true;
    KioskSettings settings;
    kiosk_settings_defaults(&settings);
    char err[256] = "";
    KeyboardSet *keyboards = keyboard_set_load("assets/keyboards", stderr, NULL);  /* as the kiosk does */
    UiOptions o = {k->w, k->h, true, true, dirs, k->lexicon, NULL, NULL, NULL, 0, keyboards};
    UiWords *words = ui_words_load("assets/words.csv", err, sizeof err);
    o.words = words;
    Ui *ui = ui_open(&o, err, sizeof err);
    Flow *flow = ui ? flow_new(survey, &settings, NULL, 0) : NULL;
    bool ok = flow != NULL;
    if (ui) {
        ui_set_seeing(ui, k->step == 3, k->step);
        ui_set_keyboard(ui, &k->keyboard);
    }
    k->state = 0;
    ok = ok && walk_screens(k, ui, flow, survey);
    if (!ui)
        fail(k, "", "no screen: %s%s", err, "", 0, 0);
    flow_free(flow);
    ui_close(ui);
    ui_words_free(words);
    keyboard_set_free(keyboards);
    survey_free(survey);
    return ok;
}

static bool sanitizer_pass(void)
{
    const char *pass = getenv("SAYSO_TEST_PASS");
    return pass && strcmp(pass, "asan") == 0;
}

/* The survey in `dir` in `language` at every screen size, each at the three
 * writing sizes (the normal one first, for the comparison). */
static bool walk_all_sizes(const char *dir, const char *language, Lexicon *lexicon, Walk *k)
{
    Snapshot *base = calloc(MAX_STATES, sizeof *base);
    bool ok = base != NULL;
    /* The sanitizer pass walks 1280x800 only: the tightest, the same code. */
    for (size_t i = sanitizer_pass() ? 2 : 0; base && i < sizeof sizes / sizeof sizes[0]; i++) {
        for (int step = 1; step <= 3; step++) {  /* every problem is said, a size's first each */
            *k = (Walk){.dir = dir, .language = language, .w = sizes[i].w, .h = sizes[i].h, .step = step,
                        .base = base, .lexicon = lexicon};
            if (!walk(k)) {
                printf("    %s\n", k->problem);
                ok = false;
                break;
            }
        }
    }
    free(base);
    return ok;
}

/* config/forum in every one of its languages: English, Polish, Romanian,
 * Urdu, Punjabi, Bengali, Arabic (the sanitizer pass: Urdu, the hardest:
 * right to left, Nastaliq's tall lines). */
static void test_forum_every_language_size_and_writing_size(void)
{
    static const char *const all[] = {"en", "pl", "ro", "ur", "pa", "bn", "ar"};
    static const char *const slice[] = {"ur"};
    const char *const *langs = sanitizer_pass() ? slice : all;
    int n = sanitizer_pass() ? 1 : 7;
    Walk k;
    bool ok = true;
    for (int i = 0; i < n; i++)
        ok = walk_all_sizes("config/forum", langs[i], NULL, &k) && ok;
    CHECK(ok);
}

/* The longest words `sayso check` lets through (SURVEY_MAX_*_CHARS in
 * survey.h) still fit their boxes on every screen size: a question and a
 * hint at the limit, sixteen choices and a mat's topics with the longest
 * labels, at the normal writing size. This is where the limits come from. */
static void test_longest_text_check_allows_fits(void)
{
    Snapshot *base = calloc(MAX_STATES, sizeof *base);
    CHECK(base != NULL);
    for (size_t i = 0; base && i < 2; i++) { /* a kiosk's full HD screen, either way up */
        Walk k = {.dir = "tests/surveys/longest_text", .w = sizes[i].w, .h = sizes[i].h, .step = 1, .base = base};
        bool ok = walk(&k);
        if (!ok)
            printf("    %s\n", k.problem);
        CHECK(ok);
    }
    free(base);
}

static void test_other_surveys_every_size(void)
{
    static const char *const dirs[] = {"tests/surveys/all_kinds", "tests/surveys/spoken",
                                       "tests/surveys/typed", "tests/surveys/text_only"};
    Walk k;
    bool ok = true;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
        ok = walk_all_sizes(dirs[i], NULL, NULL, &k) && ok;
    CHECK(ok);
}

/* Typed answers in Urdu, Bengali, Arabic and Punjabi: each language's own
 * keyboard, every page of it. */
static void test_typed_scripts_keyboards_every_size(void)
{
    static const char *const langs[] = {"ur", "bn", "ar", "pa"};
    Walk k;
    bool ok = true;
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
        ok = walk_all_sizes("tests/surveys/typed_scripts", langs[i], NULL, &k) && ok;
    CHECK(ok);
}

/* XLSForm's kinds: number pads, the date picker, acknowledge, or_other,
 * a note with ${name}; field-list pages; skip logic and cascades. */
static void test_xlsform_kinds_every_size(void)
{
    static const char *const dirs[] = {"tests/surveys/types", "tests/surveys/fieldlist", "tests/surveys/logic"};
    Walk k;
    bool ok = true;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
        ok = walk_all_sizes(dirs[i], NULL, NULL, &k) && ok;
    CHECK(ok);
}

static void test_forum_with_symbol_text(void)
{
    char err[256];
    Lexicon *lexicon = lexicon_load("assets/symbols/lexicon.csv", err, sizeof err);
    CHECK(lexicon);
    Walk k;
    bool ok = walk_all_sizes("config/forum", "en", lexicon, &k);
    int shown = k.symbols_shown;
    lexicon_free(lexicon);
    CHECK(ok);
    CHECK(shown > 0);
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
    RUN(test_forum_every_language_size_and_writing_size);
    RUN_PLAIN_PASS_ONLY(test_other_surveys_every_size);  /* the sanitizer pass: the forum's slice */
    RUN(test_longest_text_check_allows_fits);
    RUN_PLAIN_PASS_ONLY(test_xlsform_kinds_every_size);
    RUN(test_typed_scripts_keyboards_every_size);
    RUN_PLAIN_PASS_ONLY(test_forum_with_symbol_text);
    return TEST_SUMMARY();
}
