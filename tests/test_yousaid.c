/* test_yousaid.c: "You said, we did": the forum's principle of reciprocity,
 * people see what their feedback changed (README, "Writing a survey").
 *
 * yousaid.csv loaded with its translations and the fallback to the default
 * language; each mistake in it reported at its own line (one fixture per
 * mistake under tests/surveys/bad_yousaid_*); the welcome screen's attract
 * loop as a deadline (the item moves only after attract_seconds untouched,
 * a touch restarts the wait) and the thank-you screen's next item; the card
 * laid out and spoken whole for every item of config/forum in every language
 * at every size and writing size; and the real binary, headless, whose
 * welcome card changes after `wait 12000` and says the new item. Run from
 * the repository root; the binary is SAYSO_BIN, else ./sayso. */
#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "survey/kiosk_settings.h"
#include "survey/survey.h"
#include "test_support.h"
#include "ui/strings.h"
#include "ui/ui.h"

#define FIXTURES "tests/surveys/"

static const char *const symbol_dirs[] = {"assets/symbols", NULL};

static const struct {
    int w, h;
} sizes[] = {{1920, 1080}, {1080, 1920}, {1280, 800}};

/* ---- loading ---- */

static void test_forum_items_in_every_language(void)
{
    Survey *s = support_load_survey("config/forum", symbol_dirs);
    CHECK(s);
    CHECK(s->n_yousaid >= 4 && s->n_yousaid <= 6);
    const SurveyYouSaid *y = &s->yousaid[0];
    CHECK_INT(y->line, 2);
    CHECK_STR(y->image, "easy_read.svg");
    CHECK_STR(survey_text(s, &y->said, s->default_language), "Letters are hard to read.");
    CHECK_STR(survey_text(s, &y->said, survey_language_index(s, "pl")), "Listy są trudne do przeczytania.");
    for (int i = 0; i < s->n_yousaid; i++)
        for (int l = 0; l < s->n_languages; l++) {
            CHECK(s->yousaid[i].said.by_language[l]);  /* every item translated into every language */
            CHECK(s->yousaid[i].did.by_language[l]);
        }
    survey_free(s);
}

/* Plain said/did columns are the default language's; a missing translation
 * falls back to it; a quoted field may run over two lines. */
static void test_translations_fall_back(void)
{
    Survey *s = support_load_survey(FIXTURES "good_yousaid", symbol_dirs);
    CHECK(s);
    CHECK_INT(s->n_yousaid, 2);
    int pl = survey_language_index(s, "pl");
    CHECK(pl >= 0);
    const SurveyYouSaid *a = &s->yousaid[0], *b = &s->yousaid[1];
    CHECK_STR(survey_text(s, &a->said, pl), "Listy są trudne do przeczytania.");
    CHECK_STR(survey_text(s, &a->did, pl), "Letters now use plain words.");
    CHECK_STR(a->image, "letter.svg");
    CHECK_INT(b->line, 3);
    CHECK_STR(survey_text(s, &b->said, s->default_language), "The bus\nis late.");
    CHECK_STR(survey_text(s, &b->did, pl), "Zmieniono rozkład jazdy.");
    CHECK(b->image == NULL);
    survey_free(s);
}

static void test_no_file_is_fine(void)
{
    Survey *s = support_load_survey(FIXTURES "good_translated", symbol_dirs);
    CHECK(s);
    CHECK_INT(s->n_yousaid, 0);
    CHECK(s->yousaid == NULL);
    survey_free(s);
}

/* Fixture `name` must fail with exactly one problem, at its yousaid.csv
 * line `line`, whose message holds both words (word2 may be NULL). */
static bool fails_with(const char *name, int line, const char *word1, const char *word2)
{
    char dir[256], path[300];
    SurveyProblems problems;
    snprintf(dir, sizeof dir, FIXTURES "%s", name);
    snprintf(path, sizeof path, "%s/yousaid.csv", dir);
    Survey *s = survey_load(dir, symbol_dirs, &problems);
    const SurveyProblem *p = problems.n == 1 ? &problems.items[0] : NULL;
    bool ok = !s && p && strcmp(p->file, path) == 0 && p->line == line && strstr(p->message, word1) &&
              (!word2 || strstr(p->message, word2));
    if (!ok) {
        printf("    expected %s:%d: ...%s...; got:\n", path, line, word1);
        survey_problems_print(&problems, stdout);
    }
    survey_free(s);
    survey_problems_free(&problems);
    return ok;
}

static void test_every_mistake_at_its_line(void)
{
    CHECK(fails_with("bad_yousaid_said", 3, "said is empty", "English (en)"));
    CHECK(fails_with("bad_yousaid_did", 4, "did is empty", "English (en)"));  /* after a two-line row */
    CHECK(fails_with("bad_yousaid_image", 2, "image \"no_such_symbol.svg\" not found in",
                     "tests/surveys/bad_yousaid_image, assets/symbols"));
    CHECK(fails_with("bad_yousaid_column", 1, "unknown column \"picture\"", "said, did, image, audio"));
    CHECK(fails_with("bad_yousaid_no_did", 1, "missing column \"did\"", "default language"));
    CHECK(fails_with("bad_yousaid_language", 1, "\"said::Cymraeg (cy)\"", "label::Cymraeg (cy)"));
    CHECK(fails_with("bad_yousaid_field_count", 3, "3 fields", "names 2 columns"));
    CHECK(fails_with("bad_yousaid_utf8", 3, "invalid UTF-8", "CSV UTF-8"));
    CHECK(fails_with("bad_yousaid_audio", 2, "audio file \"missing.wav\" not found", NULL));
    CHECK(fails_with("bad_yousaid_empty", 0, "the file is empty", NULL));
}

/* `sayso check` prints them as FILE:LINE: message. */
static void test_check_prints_file_and_line(void)
{
    char out[4096] = "";
    FILE *f = tmpfile();
    CHECK(f);
    int status = survey_check_main(FIXTURES "bad_yousaid_said", symbol_dirs, f);
    rewind(f);
    size_t n = fread(out, 1, sizeof out - 1, f);
    out[n] = '\0';
    fclose(f);
    CHECK_INT(status, 1);
    CHECK(strstr(out, "tests/surveys/bad_yousaid_said/yousaid.csv:3: said is empty"));
}

/* ---- the flow: the attract loop and the thank-you screen ---- */

static void to_thanks(Flow *flow, const char *lang_id, uint64_t *now)
{
    flow_tap(flow, "start", ++*now);
    flow_tap(flow, lang_id, ++*now);
    flow_tap(flow, "yes", ++*now);
    flow_tap(flow, "stop", ++*now);
    flow_tap(flow, "yes", ++*now); /* stop-confirm */
}

static void test_attract_moves_only_when_untouched(void)
{
    Survey *s = support_load_survey("config/forum", symbol_dirs);
    CHECK(s);
    KioskSettings k;
    kiosk_settings_defaults(&k);
    CHECK_INT(k.attract_seconds, 12);
    Flow *flow = flow_new(s, &k, NULL, 1000);
    CHECK(flow);
    CHECK_INT(flow_yousaid(flow), 0);
    CHECK_INT(flow_ms_until_deadline(flow, 1000), 12000);  /* the loop sleeps until then */
    CHECK(!flow_tick(flow, 12999));
    CHECK_INT(flow_yousaid(flow), 0);
    unsigned gen = flow_generation(flow);
    CHECK(flow_tick(flow, 13000));
    CHECK_INT(flow_yousaid(flow), 1);
    CHECK(flow_generation(flow) != gen);  /* the screen is laid out (and the item said) again */
    CHECK_INT(flow_ms_until_deadline(flow, 13000), 12000);
    flow_touch(flow, 20000);  /* someone touches the screen: the wait starts again */
    CHECK_INT(flow_ms_until_deadline(flow, 20000), 12000);
    CHECK(!flow_tick(flow, 25000));
    CHECK(!flow_tick(flow, 31999));
    CHECK_INT(flow_yousaid(flow), 1);
    CHECK(flow_tick(flow, 32000));
    CHECK_INT(flow_yousaid(flow), 2);
    uint64_t now = 32000;
    for (int i = 0; i < s->n_yousaid; i++) {  /* round and round */
        now += 12000;
        CHECK(flow_tick(flow, now));
    }
    CHECK_INT(flow_yousaid(flow), 2);
    flow_tap(flow, "start", ++now);  /* other screens keep their own time-outs */
    CHECK_INT(flow_ms_until_deadline(flow, now), (int64_t)k.idle_seconds * 1000);
    CHECK(!flow_tick(flow, now + 12000));
    CHECK_INT(flow_yousaid(flow), 2);
    flow_free(flow);
    survey_free(s);
}

static void test_attract_off_or_nothing_to_show(void)
{
    Survey *s = support_load_survey("config/forum", symbol_dirs);
    Survey *none = support_load_survey(FIXTURES "good_translated", symbol_dirs);
    CHECK(s && none);
    KioskSettings k;
    kiosk_settings_defaults(&k);
    k.attract_seconds = 0;
    Flow *flow = flow_new(s, &k, NULL, 0);
    CHECK_INT(flow_ms_until_deadline(flow, 0), -1);  /* nothing wakes the loop */
    CHECK(!flow_tick(flow, 86400000));
    CHECK_INT(flow_yousaid(flow), 0);
    flow_free(flow);
    kiosk_settings_defaults(&k);
    flow = flow_new(none, &k, NULL, 0);
    CHECK_INT(flow_yousaid(flow), -1);
    CHECK_INT(flow_ms_until_deadline(flow, 0), -1);
    uint64_t now = 0;
    to_thanks(flow, "lang:en", &now);
    CHECK_INT(flow_yousaid(flow), -1);
    flow_free(flow);
    survey_free(s);
    survey_free(none);
}

static void test_thanks_shows_the_next_item_each_time(void)
{
    Survey *s = support_load_survey("config/forum", symbol_dirs);
    CHECK(s);
    KioskSettings k;
    kiosk_settings_defaults(&k);
    Flow *flow = flow_new(s, &k, NULL, 0);
    uint64_t now = 0;
    for (int i = 1; i <= s->n_yousaid + 1; i++) {
        to_thanks(flow, "lang:pl", &now);
        CHECK(flow_screen(flow) == FLOW_THANKS);
        CHECK_INT(flow_yousaid(flow), i % s->n_yousaid);
        flow_tap(flow, "next", ++now);
        CHECK(flow_screen(flow) == FLOW_WELCOME);
        CHECK_INT(flow_yousaid(flow), i % s->n_yousaid);  /* the welcome screen goes on from there */
    }
    flow_free(flow);
    survey_free(s);
}

/* kiosk.ini [kiosk] attract_seconds: 12 unless set, 0 turns the loop off,
 * anything else but whole seconds is refused at its line. */
static bool attract_setting(const char *value, int *seconds, char *err, size_t err_size)
{
    char path[] = "/tmp/sayso-attract-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f)
        return false;
    fprintf(f, "[kiosk]\nattract_seconds = %s\n", value);
    fclose(f);
    KioskSettings k;
    kiosk_settings_defaults(&k);
    bool ok = kiosk_settings_load(&k, path, true, err, err_size) == 0;
    *seconds = k.attract_seconds;
    unlink(path);
    return ok;
}

static void test_attract_seconds_setting(void)
{
    char err[512];
    int seconds;
    KioskSettings k;
    kiosk_settings_defaults(&k);
    CHECK(kiosk_settings_load(&k, "config/kiosk.ini", true, err, sizeof err) == 0);
    CHECK_INT(k.attract_seconds, 12);
    CHECK(attract_setting("0", &seconds, err, sizeof err));
    CHECK_INT(seconds, 0);
    CHECK(attract_setting("30", &seconds, err, sizeof err));
    CHECK_INT(seconds, 30);
    CHECK(!attract_setting("-5", &seconds, err, sizeof err));
    CHECK(strstr(err, ":2: attract_seconds must be 0 (off) or a whole number of seconds"));
    CHECK(!attract_setting("soon", &seconds, err, sizeof err));
    CHECK(strstr(err, "not \"soon\""));
}

/* ---- the card on screen ---- */

static char problem[512];

/* The screen now: on screen, targets big enough and apart, every text fits,
 * and the two halves of the card say their whole words. */
/* One part of the screen showing now: nothing off screen, too small,
 * overlapping or cut off. */
static bool part_ok(Ui *ui, const char *screen)
{
    int w, h, unit = ui_min_target(ui);
    char text[256];
    ui_size(ui, &w, &h);
    const UiElements *els = ui_elements(ui);
    for (int i = 0; i < els->n; i++) {
        const UiElement *a = &els->items[i];
        bool bad = !layout_inside(a->rect, layout_rect(0, 0, w, h)) ||
                   (ui_element_is_target(a) && (a->rect.w < unit || a->rect.h < unit));
        for (int j = i + 1; j < els->n && ui_element_is_target(a); j++)
            bad = bad || (ui_element_is_target(&els->items[j]) && layout_overlaps(a->rect, els->items[j].rect));
        if (bad) {
            snprintf(problem, sizeof problem, "%dx%d %s: \"%s\" off screen, too small or overlapping", w, h, screen,
                     a->id);
            return false;
        }
    }
    if (ui_check_text(ui, text, sizeof text) != 0) {
        snprintf(problem, sizeof problem, "%dx%d %s: text cut off: %s", w, h, screen, text);
        return false;
    }
    return true;
}

/* The screen showing now, each of its parts (a short screen at a large
 * writing size shows the card on a part of its own): every part fits, and
 * the card says what was said and what was done. */
static bool card_ok(Ui *ui, const Flow *flow, const char *said, const char *did, const char *words_said,
                    const char *words_did)
{
    int w, h;
    char screen[64], want_said[512], want_did[512];
    ui_size(ui, &w, &h);
    flow_screen_name(flow, screen, sizeof screen);
    snprintf(want_said, sizeof want_said, "%s: %s", words_said, said);
    snprintf(want_did, sizeof want_did, "%s: %s", words_did, did);
    bool ok = true, said_ok = false, did_ok = false;
    ui_set_page(ui, 0);
    ui_build(ui, flow);
    for (int page = 0; ok && page < ui_pages(ui); page++) {
        ui_set_page(ui, page);
        ui_build(ui, flow);
        ok = part_ok(ui, screen);
        const UiElement *a = ui_elements_find(ui_elements(ui), "yousaid"), *b = ui_elements_find(ui_elements(ui), "wedid");
        said_ok = said_ok || (a && strcmp(ui_element_spoken(a), want_said) == 0);
        did_ok = did_ok || (b && strcmp(ui_element_spoken(b), want_did) == 0);
    }
    ui_set_page(ui, 0);
    if (ok && !(said_ok && did_ok))
        snprintf(problem, sizeof problem, "%dx%d %s: the card does not say \"%.300s\"", w, h, screen,
                 said_ok ? want_did : want_said);
    return ok && said_ok && did_ok;
}

/* Every writing size, on the screen showing now. */
static bool card_ok_every_step(Ui *ui, const Flow *flow, const UiWords *words)
{
    const Survey *s = flow_survey(flow);
    int lang = flow_language(flow), item = flow_yousaid(flow);
    const char *code = s->languages[lang].code;
    const SurveyYouSaid *y = &s->yousaid[item];
    bool ok = true;
    for (int step = 1; ok && step <= 3; step++) {
        ui_set_seeing(ui, false, step);
        ok = card_ok(ui, flow, survey_text(s, &y->said, lang), survey_text(s, &y->did, lang),
                     ui_word(words, code, STR_YOU_SAID), ui_word(words, code, STR_WE_DID));
        if (!ok)
            printf("    at writing size %d, item %d, in %s:\n", step, item, code);
    }
    return ok;
}

/* Every item on the welcome screen, then on the thank-you screen in every
 * language (Urdu and Arabic right to left), at one size. */
static bool every_item_fits(const Survey *s, const UiWords *words, int w, int h)
{
    KioskSettings k;
    char err[256];
    kiosk_settings_defaults(&k);
    UiOptions o = {w, h, true, true, symbol_dirs, NULL, words, NULL, NULL, 0, NULL};
    Ui *ui = ui_open(&o, err, sizeof err);
    bool ok = ui != NULL;
    Flow *flow = ok ? flow_new(s, &k, NULL, 0) : NULL;
    uint64_t now = 0;
    for (int i = 0; ok && i < s->n_yousaid; i++, now += 12000) {
        flow_tick(flow, now);
        ok = card_ok_every_step(ui, flow, words);
    }
    for (int l = 0; ok && l < s->n_languages; l++) {
        char lang_id[64];
        snprintf(lang_id, sizeof lang_id, "lang:%s", s->languages[l].code);
        for (int i = 0; ok && i < s->n_yousaid; i++) {
            to_thanks(flow, lang_id, &now);
            ok = card_ok_every_step(ui, flow, words);
            flow_tap(flow, "next", ++now);
        }
    }
    if (!ui)
        snprintf(problem, sizeof problem, "no screen: %s", err);
    flow_free(flow);
    ui_close(ui);
    return ok;
}

static void test_card_fits_everywhere_and_says_it_all(void)
{
    char err[256];
    UiWords *words = ui_words_load("assets/words.csv", err, sizeof err);
    Survey *s = support_load_survey("config/forum", symbol_dirs);
    CHECK(words && s);
    bool ok = true;
    for (size_t i = 0; ok && i < sizeof sizes / sizeof sizes[0]; i++)
        ok = every_item_fits(s, words, sizes[i].w, sizes[i].h);
    if (!ok)
        printf("    %s\n", problem);
    survey_free(s);
    ui_words_free(words);
    CHECK(ok);
}

/* The prompts say the screen's own words first, then the whole item; a
 * recorded item plays from either half of the card. */
static void test_prompts_and_recording(void)
{
    char err[256];
    KioskSettings k;
    kiosk_settings_defaults(&k);
    Survey *s = support_load_survey(FIXTURES "yousaid_recorded", symbol_dirs);
    CHECK(s);
    UiOptions o = {1280, 800, true, true, symbol_dirs, NULL, NULL, NULL, NULL, 0, NULL};
    Ui *ui = ui_open(&o, err, sizeof err);
    CHECK(ui);
    Flow *flow = flow_new(s, &k, NULL, 0);
    ui_build(ui, flow);
    const char *prompt = ui_prompt(ui);
    CHECK(strncmp(prompt, ui_string(STR_WELCOME_PROMPT), strlen(ui_string(STR_WELCOME_PROMPT))) == 0);
    CHECK(strstr(prompt, " You said: Letters are hard to read. We did: Letters now use plain words."));
    CHECK_STR(ui_elements_find(ui_elements(ui), "wedid")->audio, "");
    flow_tick(flow, 12000);
    ui_build(ui, flow);
    const UiElement *said = ui_elements_find(ui_elements(ui), "yousaid"), *did = ui_elements_find(ui_elements(ui), "wedid");
    CHECK(said && did);
    CHECK_STR(said->audio, FIXTURES "yousaid_recorded/item.wav");
    CHECK_STR(did->audio, FIXTURES "yousaid_recorded/item.wav");
    uint64_t now = 12000;
    to_thanks(flow, "lang:en", &now);
    ui_build(ui, flow);
    CHECK(strstr(ui_prompt(ui), "Thank you. ") == ui_prompt(ui));
    CHECK(strstr(ui_prompt(ui), " You said: Letters are hard to read. We did: Letters now use plain words."));
    flow_free(flow);
    ui_close(ui);
    survey_free(s);
}

/* ---- the real binary, headless ---- */

static char dir[64];

/* Runs sayso headless on `script` (written to the test folder) with
 * `extra` arguments and `env` before it; returns its exit code. */
static int run_script(const char *env, const char *script, const char *extra)
{
    char with_env[512], args[1024];
    if (support_write_file(dir, "y.script", script) != 0 ||
        support_write_file(dir, "kiosk.ini", "[kiosk]\nattract_seconds = 12\n") != 0)
        return -1;
    snprintf(with_env, sizeof with_env, "SDL_VIDEODRIVER=dummy %s", env);
    snprintf(args, sizeof args, "--headless --script %s/y.script --kiosk %s/kiosk.ini --db %s/y.db --shots %s %s",
             dir, dir, dir, dir, extra);
    return support_run(dir, with_env, args);
}

/* Pixels that differ between `a` and `b`, inside `r` (`inside`) or
 * outside every one of `card` (!inside). */
static long differing(const SDL_Surface *a, const SDL_Surface *b, const UiRect *card, int n, bool inside)
{
    long count = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint32 *ra = (const Uint32 *)((const Uint8 *)a->pixels + y * a->pitch);
        const Uint32 *rb = (const Uint32 *)((const Uint8 *)b->pixels + y * b->pitch);
        for (int x = 0; x < a->w; x++) {
            bool in = false;
            for (int i = 0; i < n; i++)
                in = in || layout_contains(card[i], x, y);
            count += in == inside && ra[x] != rb[x];
        }
    }
    return count;
}

/* Where the card's two halves are at 1280x800, laid out as the binary does. */
static bool card_rects(UiRect card[2])
{
    char err[256];
    KioskSettings k;
    kiosk_settings_defaults(&k);
    Survey *s = support_load_survey("config/forum", symbol_dirs);
    UiOptions o = {1280, 800, true, true, symbol_dirs, NULL, NULL, NULL, NULL, 0, NULL};
    Ui *ui = s ? ui_open(&o, err, sizeof err) : NULL;
    Flow *flow = ui ? flow_new(s, &k, NULL, 0) : NULL;
    bool ok = flow != NULL;
    if (ok) {
        ui_build(ui, flow);
        const UiElement *a = ui_elements_find(ui_elements(ui), "yousaid"), *b = ui_elements_find(ui_elements(ui), "wedid");
        ok = a && b;
        card[0] = ok ? a->rect : layout_rect(0, 0, 0, 0);
        card[1] = ok ? b->rect : layout_rect(0, 0, 0, 0);
    }
    flow_free(flow);
    ui_close(ui);
    survey_free(s);
    return ok;
}

static void test_real_welcome_card_changes_after_wait(void)
{
    const char *script = "expect welcome\nshot a.png\nwait 11999\nshot b.png\nwait 1\nshot c.png\nexpect welcome\n";
    CHECK_INT(run_script("SDL_AUDIODRIVER=dummy", script, "--size 1280x800"), 0);
    UiRect card[2];
    CHECK(card_rects(card));
    SDL_Surface *a = support_load_png(dir, "a.png"), *b = support_load_png(dir, "b.png");
    SDL_Surface *c = support_load_png(dir, "c.png");
    bool loaded = a && b && c && a->w == 1280 && a->h == 800;
    long before = loaded ? differing(a, b, card, 2, true) + differing(a, b, card, 2, false) : -1;
    long in_card = loaded ? differing(a, c, card, 2, true) : -1, elsewhere = loaded ? differing(a, c, card, 2, false) : -1;
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    SDL_FreeSurface(c);
    CHECK(loaded);
    CHECK_INT(before, 0);      /* nothing moves before attract_seconds */
    CHECK(in_card > 2000);     /* then the card shows the next item ... */
    CHECK_INT(elsewhere, 0);   /* ... and nothing else changes */
}

/* The attract loop says the new item as it appears (here its recording),
 * and nothing before. */
static void test_real_attract_says_the_new_item(void)
{
    char env[256], raw[128];
    snprintf(raw, sizeof raw, "%s/quiet.raw", dir);
    snprintf(env, sizeof env, "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=%s", raw);
    CHECK_INT(run_script(env, "expect welcome\nwait 11000\n", "--config " FIXTURES "yousaid_recorded"), 0);
    CHECK(support_marker_samples(raw) >= 0 && support_marker_samples(raw) < 100);
    snprintf(raw, sizeof raw, "%s/said.raw", dir);
    snprintf(env, sizeof env, "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=%s", raw);
    CHECK_INT(run_script(env, "expect welcome\nwait 12000\nexpect welcome\n", "--config " FIXTURES "yousaid_recorded"), 0);
    CHECK(support_marker_samples(raw) > 8000);  /* most of the half second of the recording */
}

/* Once every item has been said, the loop goes on in silence: over three
 * turns of the two items, the recorded one plays once, not twice. */
static void test_real_attract_goes_quiet_after_one_round(void)
{
    char env[256], raw[128];
    snprintf(raw, sizeof raw, "%s/once.raw", dir);
    snprintf(env, sizeof env, "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=%s", raw);
    CHECK_INT(run_script(env, "expect welcome\nwait 12000\nexpect welcome\n", "--config " FIXTURES "yousaid_recorded"), 0);
    long once = support_marker_samples(raw);
    snprintf(raw, sizeof raw, "%s/rounds.raw", dir);
    snprintf(env, sizeof env, "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=%s", raw);
    CHECK_INT(run_script(env, "expect welcome\nwait 12000\nwait 12000\nwait 12000\nexpect welcome\n",
                         "--config " FIXTURES "yousaid_recorded"), 0);
    long rounds = support_marker_samples(raw);
    CHECK(once > 8000);
    CHECK(rounds < once * 3 / 2);
}

int main(void)
{
    if (support_temp_dir(dir, sizeof dir, "yousaid") != 0)
        return 1;
    RUN(test_forum_items_in_every_language);
    RUN(test_translations_fall_back);
    RUN(test_no_file_is_fine);
    RUN(test_every_mistake_at_its_line);
    RUN(test_check_prints_file_and_line);
    RUN(test_attract_moves_only_when_untouched);
    RUN(test_attract_off_or_nothing_to_show);
    RUN(test_thanks_shows_the_next_item_each_time);
    RUN(test_attract_seconds_setting);
    RUN(test_card_fits_everywhere_and_says_it_all);
    RUN(test_prompts_and_recording);
    RUN(test_real_welcome_card_changes_after_wait);
    RUN(test_real_attract_says_the_new_item);
    RUN(test_real_attract_goes_quiet_after_one_round);
    return support_finish(dir);
}
