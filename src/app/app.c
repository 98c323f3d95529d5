/* app.c: the kiosk's main loop; see app.h. What it says, and in which
 * voice, is app_speech.c's. */
#include "app/app.h"
#include "app/app_private.h"
#include "app/app_staff.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Symbols are looked for in the kiosk's packs first, then in ours. */
static void set_symbol_dirs(App *app)
{
    int n = 0;
    snprintf(app->own_symbols, sizeof app->own_symbols, "%s/symbols", app->config.assets_dir);
    for (int i = 0; i < app->settings.n_packs; i++)
        app->symbol_dirs[n++] = app->settings.packs[i];
    app->symbol_dirs[n++] = app->own_symbols;
    app->symbol_dirs[n] = NULL;
}

/* The survey: --config's, or the newest published one kept beside the
 * database (app_sync.h). */
static int load_survey(App *app)
{
    SurveyProblems problems = {0};
    char published[4200];
    const char *dir = app_sync_survey_dir(app, published, sizeof published);
    app->survey = survey_load(dir, app->symbol_dirs, &problems);
    if (!app->survey && dir != app->config.config_dir) {
        fprintf(stderr, "sayso: the published survey in %s does not load; using %s\n", dir,
                app->config.config_dir);
        survey_problems_free(&problems);
        app->sync.survey_number = 0;
        dir = app->config.config_dir;
        app->survey = survey_load(dir, app->symbol_dirs, &problems);
    }
    if (app->survey) {  /* warnings only: the survey runs; `sayso check` lists them */
        if (problems.n > 0)
            fprintf(stderr, "sayso: the survey in %s has %d warning%s (`sayso check --config %s` lists them)\n",
                    dir, problems.n, problems.n == 1 ? "" : "s", dir);
        survey_problems_free(&problems);
        return 0;
    }
    fprintf(stderr, "sayso: the survey in %s has problems; fix them and start again:\n", dir);
    survey_problems_print(&problems, stderr);
    survey_problems_free(&problems);
    return -1;
}

/* The lexicon for symbol-supported text. Without it text is plain, which
 * loses nothing a person needs; the log says why. */
static void load_lexicon(App *app)
{
    char path[4200], err[512];
    snprintf(path, sizeof path, "%s/symbols/lexicon.csv", app->config.assets_dir);
    app->lexicon = lexicon_load(path, err, sizeof err);
    if (!app->lexicon)
        fprintf(stderr, "sayso: symbol-supported text is off: %s\n", err);
}

/* The kiosk's own words in every language. Without them it speaks and
 * writes English, and the log says why. */
static void load_words(App *app)
{
    char path[4200], err[512];
    snprintf(path, sizeof path, "%s/words.csv", app->config.assets_dir);
    app->words = ui_words_load(path, err, sizeof err);
    if (!app->words)
        fprintf(stderr, "sayso: the kiosk's own words are in English only: %s\n", err);
}

/* The on-screen keyboards of languages not written in Latin letters. A
 * broken file is named in the log, and its language types Latin letters. */
static void load_keyboards(App *app)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/keyboards", app->config.assets_dir);
    app->keyboards = keyboard_set_load(dir, stderr, NULL);
}

/* kiosk.ini, the survey, the database, the lexicon and the words. 0, or
 * -1 after saying why on stderr. */
static int load_all(App *app, const AppConfig *o)
{
    char err[512] = "";
    kiosk_settings_defaults(&app->settings);
    if (kiosk_settings_load(&app->settings, o->kiosk_ini, o->kiosk_ini_given, err, sizeof err) != 0) {
        fprintf(stderr, "sayso: %s\n", err);
        return -1;
    }
    set_symbol_dirs(app);
    app->store = store_open(o->db_path, err, sizeof err);
    if (!app->store) {
        fprintf(stderr, "sayso: %s\n", err);
        return -1;
    }
    if (load_survey(app) != 0)
        return -1;
    load_lexicon(app);
    load_words(app);
    load_keyboards(app);
    return 0;
}

int app_open(App *app, const AppConfig *o)
{
    char err[512] = "";
    memset(app, 0, sizeof *app);
    app->config = *o;
    app->virtual_clock = o->headless;
    /* fontconfig looks for the fonts on a thread of its own meanwhile */
    struct FontSearch *fonts = ui_font_search_start(o->cache_dir);
    if (load_all(app, o) != 0) {
        ui_font_search_finish(fonts);
        return -1;
    }
    app->spoken_language = -1;
    UiOptions uo = {o->width, o->height, o->headless, o->windowed, app->symbol_dirs, app->lexicon,
                    app->words, o->cache_dir, fonts, atoi(app->settings.rotation), app->keyboards};
    app->ui = ui_open(&uo, err, sizeof err);
    if (!app->ui) {
        fprintf(stderr, "sayso: %s\n", err);
        return -1;
    }
    access_init(&app->access, &app->settings);
    spoken_init(&app->spoken);
    ui_set_recording(app->ui, &app->spoken.view);
    ui_set_keyboard(app->ui, &app->keyboard);
    app->flow = flow_new(app->survey, &app->settings, app->store, app_now(app));
    if (!app->flow) {
        fprintf(stderr, "sayso: out of memory\n");
        return -1;
    }
    app_staff_init(app);
    service_init(&app->service);
    app_sync_start(app);
    if (!o->windowed && !o->headless && !app->settings.pin_hash[0])
        fprintf(stderr, "sayso: no staff PIN is set in %s, so nobody can leave the kiosk from the screen: "
                        "set one with: sayso pin --kiosk %s (or stop sayso with: kill %d)\n",
                o->kiosk_ini, o->kiosk_ini, (int)getpid());
    return 0;
}

void app_close(App *app)
{
    app_sync_close(app);
    spoken_close(&app->spoken);
    app_staff_close(app);
    flow_free(app->flow);
    speech_close(app->speech);
    ui_close(app->ui);
    lexicon_free(app->lexicon);
    ui_words_free(app->words);
    keyboard_set_free(app->keyboards);
    store_close(app->store);
    survey_free(app->survey);
    SDL_Quit();
    memset(app, 0, sizeof *app);
}

uint64_t app_now(const App *app)
{
    return app->virtual_clock ? app->virtual_now_ms : SDL_GetTicks64();
}

void app_screen_name(const App *app, char *out, size_t out_size)
{
    if (app->quit)
        snprintf(out, out_size, "closed");
    else if (staff_is_open(&app->staff))
        staff_screen_name(&app->staff, out, out_size);
    else
        flow_screen_name(app->flow, out, out_size);
}

/* Moves whenever the flow or the staff side changed. */
static unsigned app_generation(const App *app)
{
    return flow_generation(app->flow) * 7919u + app->staff.generation;
}

/* The mat topic offered now, or -1 (not a mat, or every topic dealt with). */
static int offered_topic(const App *app)
{
    if (flow_screen(app->flow) != FLOW_QUESTION || staff_is_open(&app->staff))
        return -1;
    return flow_current_topic(app->flow, flow_question(app->flow));
}

/* The kiosk's own seeing and hearing settings, as kiosk.ini sets them. */
static void default_seeing(App *app)
{
    ui_set_seeing(app->ui, strcmp(app->settings.theme, "high_contrast") == 0, app->settings.text_size);
    app_speech_set_volume(app, app->settings.volume);
}

/* A pause (stop-confirm, still-there) coming over the screen `built_screen`
 * notes where the person was; the screen `screen` appearing after one is
 * that place again. Returns true when `screen` is the place a pause
 * covered: its keyboard page is back, and the focus is in app->paused. */
static bool note_pause(App *app, const char *screen)
{
    if (flow_is_paused(app->flow) && !staff_is_open(&app->staff)) {
        if (!app->paused.set) {
            AppPaused p = {true, "", "", app->keyboard, ui_page(app->ui)};
            snprintf(p.screen, sizeof p.screen, "%s", app->built_screen);
            snprintf(p.focus, sizeof p.focus, "%s", ui_focus(app->ui));
            app->paused = p;
        }
        return false;
    }
    bool back = app->paused.set && strcmp(screen, app->paused.screen) == 0;
    app->paused.set = false;
    if (back)
        app->keyboard = app->paused.keyboard;
    ui_set_page(app->ui, back ? app->paused.page : 0);  /* a new screen starts at its first part */
    return back;
}

/* Lays the screen out again when the flow moved; speaks a new screen. */
void app_refresh(App *app)
{
    if (app->built && app_generation(app) == app->built_generation)
        return;
    char screen[sizeof app->built_screen];
    app_screen_name(app, screen, sizeof screen);
    bool new_screen = strcmp(screen, app->built_screen) != 0;
    if (new_screen && flow_screen(app->flow) == FLOW_WELCOME)
        default_seeing(app);  /* each person starts from the kiosk's own look */
    bool back_from_pause = new_screen && note_pause(app, screen);
    if (new_screen && !back_from_pause)
        app->keyboard = (KeyboardState){0};  /* letters, before it is laid out */
    int item_before = app->built_yousaid, topic_before = app->built_topic;
    ui_build(app->ui, app->flow);
    app->built_topic = offered_topic(app);
    app->built = true;
    app->built_generation = app_generation(app);
    app->built_yousaid = flow_yousaid(app->flow);
    snprintf(app->built_screen, sizeof app->built_screen, "%s", screen);
    app->dirty = true;
    app_speech_set_voice(app);
    if (new_screen) {
        app->armed[0] = '\0';
        app->attract_said = 0;  /* the welcome prompt says the first item */
        access_screen_changed(&app->access, app->ui, app_now(app));
        if (back_from_pause && app->paused.focus[0])
            ui_set_focus(app->ui, app->paused.focus, layout_rect(0, 0, 0, 0));
        app_speech_say_prompt(app);
        app_speech_prepare(app);
    } else if (flow_screen(app->flow) == FLOW_WELCOME && !staff_is_open(&app->staff) &&
               app->built_yousaid != item_before) {
        app_speech_say_attract_item(app);
    } else if (app->built_topic != topic_before) {
        app_speech_say_next_topic(app);
    } else if (flow_screen(app->flow) == FLOW_STILL_THERE && flow_seconds_left(app->flow) == 10) {
        app_speech_say_prompt(app);  /* the countdown, said once more before the end */
    }
}

typedef enum { INPUT_TOUCH, INPUT_KEYBOARD, INPUT_SWITCH } InputKind;

/* The colours, writing-size and volume buttons, and the controls between the
 * parts of a full screen: they change the screen, not the answers.
 * Returns true when `id` was one of them. */
static bool seeing_control(App *app, const char *id)
{
    Ui *ui = app->ui;
    if (strcmp(id, "contrast") == 0)
        ui_set_seeing(ui, !ui_high_contrast(ui), ui_text_step(ui));
    else if (strcmp(id, "text_size") == 0)
        ui_set_seeing(ui, ui_high_contrast(ui), ui_text_step(ui) % 3 + 1);
    else if (strcmp(id, "volume") == 0)
        app_speech_set_volume(app, ui_volume_step(ui) % 3 + 1);
    else if (!ui_turn_page(ui, id))
        return false;
    app->built = false;  /* lay the screen out again for the new look */
    char keep[UI_ID_SIZE];
    snprintf(keep, sizeof keep, "%s", ui_focus(ui));
    app_refresh(app);
    ui_set_focus(ui, keep[0] ? keep : NULL, layout_rect(0, 0, 0, 0));
    const UiElement *volume = strcmp(id, "volume") == 0 ? ui_elements_find(ui_elements(ui), id) : NULL;
    if (volume)  /* the new level, said at that level */
        app_speech_say_element(app, volume);
    return true;
}

/* Records in the session which ways of answering were used. */
static void note_input(App *app, InputKind kind)
{
    static const char *const names[] = {"touch", "keyboard", "switch"};
    const char *session = flow_session_id(app->flow);
    if (!session[0])
        return;
    if (strcmp(app->input_session, session) != 0) {
        snprintf(app->input_session, sizeof app->input_session, "%s", session);
        app->inputs_noted = 0;
    }
    if (!(app->inputs_noted & (1u << kind)) && store_session_input_used(app->store, session, names[kind]) == 0)
        app->inputs_noted |= 1u << kind;
}

/* Keyboard and switches on a mat: once a topic is placed in a column, the
 * focus goes to the next topic offered, so topics are placed one by one. */
static void focus_next_topic(App *app, const char *chosen)
{
    if (flow_screen(app->flow) != FLOW_QUESTION)
        return;
    const SurveyQuestion *q = &app->survey->questions[flow_question(app->flow)];
    int topic = flow_current_topic(app->flow, flow_question(app->flow));
    if (q->appearance != APPEARANCE_MAT || survey_choice_index(q->list, chosen) < 0 || topic < 0)
        return;
    app_refresh(app);
    ui_set_focus(app->ui, q->topics->choices[topic].name, layout_rect(0, 0, 0, 0));
}

/* The keyboard of the language the person answers in. */
static KeyboardLanguage keyboard_language(const App *app)
{
    const char *code = app->survey->languages[flow_language(app->flow)].code;
    return (KeyboardLanguage){app->keyboards, code, app->words, ui_is_rtl(app->ui)};
}

/* A key or button that changes the answer showing: the keyboard's
 * letters (text), the number pad's keys (integer, decimal, phone), the
 * date picker's buttons. Writes the new answer into `text`; *said is set
 * when the new answer is to be said (a date: the key itself says nothing
 * of it). */
static bool answer_key(App *app, const SurveyQuestion *q, const char *id, char *text, size_t size, bool *said)
{
    char date[32];
    DatePickerParts parts = {!q->date_month_year && !q->date_year, !q->date_year};
    KeyboardLanguage lang = keyboard_language(app);
    switch (q->type) {
    case QUESTION_TEXT: return keyboard_press(&app->keyboard, &lang, id, text, size);
    case QUESTION_INTEGER: return numpad_press(id, NUMPAD_INTEGER, text, size);
    case QUESTION_DECIMAL: return numpad_press(id, NUMPAD_DECIMAL, text, size);
    case QUESTION_PHONE: return numpad_press(id, NUMPAD_PHONE, text, size);
    case QUESTION_DATE:
        if (!date_picker_press(id, text, date_picker_today(), parts, date, sizeof date))
            return false;
        snprintf(text, size, "%s", date);
        *said = true;
        return true;
    default: return false;
    }
}

/* Keys of the on-screen keyboard or number pad and the date picker's
 * buttons change the answer showing (or or_other's own words, when the
 * keyboard shows for them), which the flow commits at once. */
static bool typed_key(App *app, const char *id)
{
    if (flow_screen(app->flow) != FLOW_QUESTION)
        return false;
    int qi = flow_question(app->flow);
    const SurveyQuestion *q = &app->survey->questions[qi];
    char text[FLOW_TEXT_SIZE];
    bool said = false;
    if (q->or_other && app->keyboard.other) {
        snprintf(text, sizeof text, "%s", flow_other_text(app->flow, qi));
        KeyboardLanguage lang = keyboard_language(app);
        if (!keyboard_press(&app->keyboard, &lang, id, text, sizeof text))
            return false;
        flow_type_other(app->flow, text);
    } else {
        snprintf(text, sizeof text, "%s", flow_text(app->flow, qi));
        if (!answer_key(app, q, id, text, sizeof text, &said))
            return false;
        flow_type_text(app->flow, text);
    }
    flow_touch(app->flow, app_now(app));
    app->built = false;  /* the page may have changed (capitals, numbers) */
    app->dirty = true;
    if (said) {
        app_refresh(app);
        speech_say(app->speech, ui_value_spoken(app->ui));
    }
    return true;
}

/* or_other: choosing "Other" opens the keyboard for the person's own
 * words; "Back to the pictures" and "Say it" close it. */
static void other_panel(App *app, const char *id)
{
    if (flow_screen(app->flow) != FLOW_QUESTION)
        return;
    int qi = flow_question(app->flow);
    const SurveyQuestion *q = &app->survey->questions[qi];
    if (!q->or_other)
        return;
    bool other = strcmp(id, "other") == 0;
    if (other || strcmp(id, "pictures") == 0 || strcmp(id, "say_it") == 0) {
        app->keyboard = (KeyboardState){.other = other && flow_is_chosen(app->flow, qi, q->list->n_choices)};
        app->built = false;
    }
}

/* Acts on target `id`: says it (or the prompt, for the speaker button) and
 * hands it to the flow. With "touch to hear" a first touch only says it. */
static void on_tap(App *app, const char *id, InputKind kind)
{
    const UiElement *el = ui_elements_find(ui_elements(app->ui), id);
    bool hear_first = strcmp(app->settings.touch_style, "hear_first") == 0 && kind == INPUT_TOUCH;
    if (strcmp(id, "speak") == 0)
        app_speech_say_prompt(app);
    else if (el)
        app_speech_say_element(app, el);
    if (hear_first && strcmp(app->armed, id) != 0 && strcmp(id, "speak") != 0) {
        snprintf(app->armed, sizeof app->armed, "%s", id);
        ui_set_focus(app->ui, id, layout_rect(0, 0, 0, 0));  /* shows what was heard */
        app->dirty = true;
        return;
    }
    app->armed[0] = '\0';
    if (seeing_control(app, id))
        return;
    if (staff_is_open(&app->staff)) {
        app_staff_tap(app, id);
        return;
    }
    if (typed_key(app, id))
        return;
    other_panel(app, id);
    if (spoken_handle(&app->spoken, app->flow, app->speech, id)) {
        flow_touch(app->flow, app_now(app));
        app->built = false;  /* the recorder's buttons change */
        app->dirty = true;
        return;
    }
    char screen_before[sizeof app->built_screen];
    app_screen_name(app, screen_before, sizeof screen_before);
    flow_tap(app->flow, id, app_now(app));
    other_panel(app, id);
    note_input(app, kind);
    app->dirty = true;
    if (kind != INPUT_TOUCH)
        focus_next_topic(app, id);
    app_speech_say_notice(app, screen_before);
}

static void apply_access(App *app, AccessResult r, InputKind kind)
{
    if (r.outcome == ACCESS_MOVED) {
        speech_say(app->speech, r.say);
        app->dirty = true;
    } else if (r.outcome == ACCESS_RESTED) {
        app->dirty = true;
    } else if (r.outcome == ACCESS_CHOOSE) {
        on_tap(app, r.id, kind);
    }
}

static void on_key(App *app, const UiAction *a)
{
    InputKind kind = access_is_switch(&app->access, a->id) ? INPUT_SWITCH : INPUT_KEYBOARD;
    speech_stop(app->speech);
    flow_touch(app->flow, app_now(app));
    apply_access(app, access_key(&app->access, app->ui, a->id, a->shift, app_now(app)), kind);
}

/* Someone tried to close the window. A kiosk stays (only the staff menu
 * exits); a window opened with --windowed closes as any window does. */
static void on_close(App *app)
{
    if (app->config.windowed) {
        app->quit = true;
        return;
    }
    fprintf(stderr, "sayso: the window stays open: exit from the staff menu\n");
}

static void handle_event(App *app, const SDL_Event *event)
{
    if (app_sync_event(app, event) || app_staff_event(app, event))
        return;
    UiAction a = ui_input_event(app->ui, &app->pointer, event);
    if (a.kind == UI_ACTION_TOUCH || a.kind == UI_ACTION_KEY || a.kind == UI_ACTION_TAP)
        staff_touch(&app->staff, app_now(app));
    switch (a.kind) {
    case UI_ACTION_TOUCH:
        speech_stop(app->speech);  /* a new touch cuts off the old speech */
        flow_touch(app->flow, app_now(app));
        break;
    case UI_ACTION_KEY: on_key(app, &a); break;
    case UI_ACTION_TAP: on_tap(app, a.id, INPUT_TOUCH); break;
    case UI_ACTION_DROP:
        flow_drop(app->flow, a.id, a.target, app_now(app));
        note_input(app, INPUT_TOUCH);
        app->dirty = true;
        break;
    case UI_ACTION_REDRAW: app->dirty = true; break;
    case UI_ACTION_RESIZE:
        ui_resized(app->ui);
        app->built = false;
        break;
    case UI_ACTION_CLOSE: on_close(app); break;
    case UI_ACTION_QUIT: app->quit = app->signalled = true; break;
    case UI_ACTION_NONE: break;
    }
}

#define APP_MAX_REAL_WAIT_MS 600000
#define APP_MAX_STUCK_STEPS 1000

/* For `make bench`: with SAYSO_BENCH_T0 set to a CLOCK_MONOTONIC time in
 * nanoseconds (taken by the bench just before it started this process),
 * says on stderr how long the first frame took to show. */
static void report_first_frame(void)
{
    const char *t0 = getenv("SAYSO_BENCH_T0");
    if (!t0)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double ns = (double)now.tv_sec * 1e9 + (double)now.tv_nsec - strtod(t0, NULL);
    fprintf(stderr, "sayso: first frame after %.2f ms\n", ns / 1e6);
}

static void draw_if_dirty(App *app)
{
    app_refresh(app);
    if (!app->dirty)
        return;
    ui_draw(app->ui);
    app->dirty = false;
    if (app->frames++ > 0)
        return;
    report_first_frame();
    service_ready(&app->service);
    /* espeak-ng and the audio device start after the first frame is up, so
     * the screen never waits for them; then the first screen is spoken. */
    app_speech_open(app);
    app->spoken_language = -1;
    app_speech_set_voice(app);
    app_speech_say_prompt(app);
    app_speech_prepare(app);
}

/* Keeps the recorder's view current (level, time, a take that ended);
 * lays the screen out again only when something on it changed. */
static void update_spoken(App *app)
{
    UiRecording before = app->spoken.view;
    spoken_update(&app->spoken, app->flow, app->speech);
    if (memcmp(&before, &app->spoken.view, sizeof before) != 0)
        app->built = false;
}

/* Everything app_pump does but draw: events (SIGTERM among them), the
 * time-outs, and the screen laid out again when it changed. */
static void app_tick(App *app)
{
    SDL_Event event;
    while (SDL_PollEvent(&event))
        handle_event(app, &event);
    flow_tick(app->flow, app_now(app));
    app_staff_tick(app);
    app_sync_tick(app);
    update_spoken(app);
    app_refresh(app);
    apply_access(app, access_tick(&app->access, app->ui, app_now(app)), INPUT_SWITCH);
}

void app_pump(App *app)
{
    app_tick(app);
    draw_if_dirty(app);
    app->said[0] = '\0';
}

int64_t app_soonest(const int64_t *ms, int n)
{
    int64_t soonest = -1;
    for (int i = 0; i < n; i++)
        if (ms[i] >= 0 && (soonest < 0 || ms[i] < soonest))
            soonest = ms[i];
    return soonest;
}

/* Milliseconds until the next time-out or scan step, or -1 for none.
 * `jumping`: the clock is jumping (app_advance), so a deadline the flow
 * catches up on by itself is not a stop on the way. */
static int64_t ms_until_next(const App *app, bool jumping)
{
    int64_t flow_ms = jumping && flow_deadline_catches_up(app->flow)
                          ? -1 : flow_ms_until_deadline(app->flow, app_now(app));
    int64_t next[] = {flow_ms, access_ms_until(&app->access, app_now(app)),
                      spoken_ms_until(&app->spoken, app->speech), app_staff_ms_until(app),
                      app_sync_ms_until(app)};
    return app_soonest(next, sizeof next / sizeof next[0]);
}

/* A recording runs on the sound card's own clock: real time passes, up
 * to ten minutes, in steps short enough that SIGTERM still ends it. */
static void app_real_delay(App *app, uint64_t ms)
{
    uint64_t left = ms < APP_MAX_REAL_WAIT_MS ? ms : APP_MAX_REAL_WAIT_MS;
    while (left > 0 && !SDL_HasEvent(SDL_QUIT)) {
        Uint32 step = left < 100 ? (Uint32)left : 100;
        SDL_Delay(step);
        SDL_PumpEvents();
        left -= step;
    }
}

void app_advance(App *app, uint64_t ms)
{
    if (app->spoken.view.recording || app_staff_recording(app))
        app_real_delay(app, ms);
    uint64_t now = app->virtual_now_ms;
    uint64_t end = ms > UINT64_MAX - now ? UINT64_MAX : now + ms;
    /* The clock jumps from one time-out to the next, as real time would
     * reach them, drawing nothing on the way: a day's wait is one step per
     * time-out (the attract loop catches up in one), not one per frame. A
     * time-out that did not move after its step would be a bug: give up
     * stepping rather than spin. */
    for (int stuck = 0; !app->quit && stuck < APP_MAX_STUCK_STEPS;) {
        int64_t until = ms_until_next(app, true);
        if (until < 0 || (uint64_t)until > end - app->virtual_now_ms)
            break;
        stuck = until == 0 ? stuck + 1 : 0;
        app->virtual_now_ms += (uint64_t)until;
        app_tick(app);
    }
    app->virtual_now_ms = end;
    app_pump(app); /* and what caught up on the way (the attract loop) moves now */
}

/* The loop also wakes for systemd's watchdog (real time, so not in
 * ms_until_next, which headless scripts step through on their own clock);
 * waking draws nothing unless something changed. */
int app_run(App *app)
{
    draw_if_dirty(app);
    while (!app->quit) {
        SDL_Event event;
        int64_t next[] = {ms_until_next(app, false), service_ms_until(&app->service)};
        int64_t until = app_soonest(next, 2);
        int got = until < 0 ? SDL_WaitEvent(&event)
                            : SDL_WaitEventTimeout(&event, until > INT_MAX ? INT_MAX : (int)until + 1);
        if (got)
            handle_event(app, &event);
        app_pump(app);
        service_tick(&app->service);
    }
    service_stopping(&app->service);
    return 0;
}
