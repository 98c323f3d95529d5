/* app_staff.c: the staff side inside the running kiosk; see app_staff.h. */
#include "app/app_staff.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio/atomic_file.h"
#include "ui/input.h"

#define MIC_TEST_SECONDS 3

/* What a killed export (a stick pulled out) or a killed `sayso pin` left:
 * temporary files under export_dir (its dated folders and their
 * recordings) and beside kiosk.ini that nobody is writing. */
static void sweep_stale_files(const App *app)
{
    int n = atomic_file_sweep(app->settings.export_dir, 2);
    char *copy = strdup(app->config.kiosk_ini ? app->config.kiosk_ini : "");
    if (copy && copy[0])
        n += atomic_file_sweep(dirname(copy), 0);
    free(copy);
    if (n > 0)
        fprintf(stderr, "sayso: removed %d unfinished temporary file%s of an export or a PIN change\n", n,
                n == 1 ? "" : "s");
}

void app_staff_init(App *app)
{
    sweep_stale_files(app);
    StaffContext ctx = {&app->settings, app->survey, app->symbol_dirs, app->store, app->config.db_path,
                        app->flow, app->config.kiosk_ini, app->speech_problem};
    staff_init(&app->staff, &ctx);
    staff_gesture_init(&app->gesture, layout_staff_corner(ui_min_target(app->ui)).w);
    ui_set_staff(app->ui, &app->staff);
}

void app_staff_close(App *app)
{
    recorder_close(app->mic_test);
    app->mic_test = NULL;
    staff_free(&app->staff);
}

/* The gesture or chord: the PIN pad, when a PIN is set (else nothing
 * shows at all, and the log says why). */
static void open_pad(App *app)
{
    if (!staff_open(&app->staff, app_now(app)))  /* moves the staff generation: laid out again */
        return;
    speech_stop(app->speech);
    app->pointer = (UiPointer){0};  /* the held finger's release is no tap */
    ui_set_drag(app->ui, NULL, 0, 0);
}

static bool is_chord(const App *app, const SDL_Event *e)
{
    return e->type == SDL_KEYDOWN &&
           pin_keys_match(&app->settings.staff_chord, e->key.keysym.sym, e->key.keysym.mod);
}

bool app_staff_event(App *app, const SDL_Event *e)
{
    int x, y;
    switch (ui_input_pointer(app->ui, e, &x, &y)) {
    case UI_POINTER_DOWN: staff_gesture_down(&app->gesture, x, y, app_now(app)); break;
    case UI_POINTER_MOVE: staff_gesture_move(&app->gesture, x, y); break;
    case UI_POINTER_UP: staff_gesture_up(&app->gesture); break;
    case UI_POINTER_NONE: break;
    }
    if (!is_chord(app, e))
        return false;
    open_pad(app);
    return true;
}

static void test_speech(App *app)
{
    if (!app->speech) {
        staff_say(&app->staff, true, "Speech is off on this kiosk (see the log for why).");
        return;
    }
    speech_say(app->speech, "This is the kiosk's voice. If you can hear me, speech works.");
    if (speech_has_audio(app->speech))
        staff_say(&app->staff, false, "Speaking a test sentence now. If you hear nothing, check the volume "
                                      "and the speakers.");
    else
        staff_say(&app->staff, true, "No sound device: speech cannot be heard. Check that speakers are "
                                     "plugged in, then start sayso again.");
}

static void test_microphone(App *app)
{
    char err[256] = "";
    if (!app->mic_test)
        app->mic_test = recorder_open(err, sizeof err);
    if (!app->mic_test) {
        fprintf(stderr, "sayso: staff: microphone test: no microphone: %s\n", err);
        staff_say(&app->staff, true, "No microphone: %s", err);
        return;
    }
    if (recorder_start(app->mic_test, MIC_TEST_SECONDS) != 0) {
        staff_say(&app->staff, true, "The microphone cannot record: %s", recorder_error(app->mic_test));
        return;
    }
    app->mic_test_until = app_now(app) + MIC_TEST_SECONDS * 1000 + 200;
    staff_say(&app->staff, false, "Recording for %d seconds: say something now.", MIC_TEST_SECONDS);
}

/* The test recording is over: how loud it was, and play it back. */
static void finish_mic_test(App *app)
{
    size_t n = 0;
    const int16_t *samples = recorder_samples(app->mic_test, &n);
    int peak = 0;
    for (size_t i = 0; i < n; i++) {
        int v = samples[i] < 0 ? -samples[i] : samples[i];
        peak = v > peak ? v : peak;
    }
    app->mic_test_until = 0;
    if (n == 0) {
        staff_say(&app->staff, true, "The microphone recorded nothing: check it is plugged in.");
        return;
    }
    int pct = peak * 100 / 32768;
    fprintf(stderr, "sayso: staff: microphone test: %zu samples, loudest %d%%\n", n, pct);
    if (app->speech)
        speech_play_samples(app->speech, samples, n, RECORDER_RATE);
    staff_say(&app->staff, pct < 2, pct < 2 ? "The microphone heard only silence (loudest %d%%): check it is "
                                               "on and not muted."
                                             : "The microphone works (loudest %d%%). Playing it back now.",
              pct);
}

/* A tap on a staff screen. Its outcome (a wrong PIN, an export done or
 * failed, a group started) is said as well as shown; the tests say their
 * own words. */
void app_staff_tap(App *app, const char *id)
{
    char before[sizeof app->staff.message];
    snprintf(before, sizeof before, "%s", app->staff.message);
    switch (staff_tap(&app->staff, id, app_now(app))) {
    case STAFF_DO_TEST_SPEECH: test_speech(app); break;
    case STAFF_DO_TEST_MIC: test_microphone(app); break;
    case STAFF_DO_SYNC: app_sync_now(app); break;
    case STAFF_DO_EXIT: app->quit = true; break;
    case STAFF_DO_NONE:
        if (app->staff.message[0] && strcmp(before, app->staff.message) != 0)
            speech_say(app->speech, app->staff.message);
        break;
    }
    app->dirty = true;
}

bool app_staff_recording(const App *app)
{
    return app->mic_test_until != 0;
}

void app_staff_tick(App *app)
{
    uint64_t now = app_now(app);
    if (staff_gesture_due(&app->gesture, now))
        open_pad(app);
    staff_tick(&app->staff, now);
    if (app->mic_test_until && (now >= app->mic_test_until || !recorder_is_recording(app->mic_test))) {
        recorder_stop(app->mic_test);
        finish_mic_test(app);
    }
}

int64_t app_staff_ms_until(const App *app)
{
    uint64_t now = app_now(app);
    int64_t mic = app->mic_test_until ? (app->mic_test_until > now ? (int64_t)(app->mic_test_until - now) : 0) : -1;
    int64_t next[] = {staff_gesture_ms_until(&app->gesture, now), staff_ms_until(&app->staff, now), mic};
    return app_soonest(next, sizeof next / sizeof next[0]);
}
