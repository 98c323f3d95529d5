/* test_staff.c: the staff side: the hidden gesture, the PIN pad and its
 * lockout, the staff menu (group sessions, "answered with support",
 * export), the group view, and a kiosk that nothing closes without the PIN.
 *
 * The state machine is tested on its own with a real store and flow; then
 * the real binary runs headless scripts (SAYSO_BIN, else ./sayso) against a
 * kiosk.ini with a PIN hash, and the database, the staff log and the
 * exported files are checked. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "flow/flow.h"
#include "staff/gesture.h"
#include "staff/pin.h"
#include "staff/staff.h"
#include "store/store.h"
#include "test_support.h"
#include "ui/ui.h"

static char dir[64];
static char hash[PIN_HASH_SIZE]; /* of "2468", made once: Argon2id is slow on purpose */

/* Runs sayso headless on script `name` with kiosk.ini `ini` and db `db`;
 * output into out.txt. Returns the exit code. */
static int run_script(const char *name, const char *ini, const char *db)
{
    char args[1024];
    snprintf(args, sizeof args, "--headless --script %s/%s --kiosk %s/%s --db %s/%s --shots %s", dir, name, dir, ini,
             dir, db, dir);
    return support_run(dir, NULL, args);
}

/* ---- the gesture ---- */

static void test_gesture_needs_three_still_seconds_in_the_corner(void)
{
    StaffGesture g;
    staff_gesture_init(&g, 100);
    staff_gesture_down(&g, 10, 10, 1000);
    CHECK_INT(staff_gesture_ms_until(&g, 1000), STAFF_HOLD_MS);
    CHECK(!staff_gesture_due(&g, 3999));
    CHECK(staff_gesture_due(&g, 4000));
    CHECK(!staff_gesture_due(&g, 5000)); /* once per touch */
    staff_gesture_down(&g, 10, 10, 0);
    staff_gesture_up(&g);
    CHECK(!staff_gesture_due(&g, 9000)); /* lifted early */
    staff_gesture_down(&g, 10, 10, 0);
    staff_gesture_move(&g, 150, 10);
    CHECK_INT(staff_gesture_ms_until(&g, 100), -1); /* left the corner */
    staff_gesture_down(&g, 300, 10, 0);
    CHECK(!staff_gesture_due(&g, 9000)); /* not in the corner */
}

/* ---- the state machine, with a real store and flow ---- */

typedef struct {
    Survey *survey;
    Store *store;
    Flow *flow;
    KioskSettings settings;
    Staff staff;
} Rig;

static bool rig_open(Rig *r, const char *db, const char *pin_hash_value)
{
    SurveyProblems problems = {0};
    char path[256], err[256];
    memset(r, 0, sizeof *r);
    r->survey = survey_load("config/forum", NULL, &problems);
    support_path_in(dir, db, path, sizeof path);
    r->store = store_open(path, err, sizeof err);
    kiosk_settings_defaults(&r->settings);
    snprintf(r->settings.pin_hash, sizeof r->settings.pin_hash, "%s", pin_hash_value);
    support_path_in(dir, "exports", r->settings.export_dir, sizeof r->settings.export_dir);
    if (!r->survey || !r->store)
        return false;
    r->flow = flow_new(r->survey, &r->settings, r->store, 0);
    StaffContext ctx = {&r->settings, r->survey, NULL, r->store, NULL, r->flow, NULL, NULL};
    staff_init(&r->staff, &ctx);
    return r->flow != NULL;
}

static void rig_close(Rig *r)
{
    staff_free(&r->staff);
    flow_free(r->flow);
    store_close(r->store);
    survey_free(r->survey);
}

static void type_pin(Staff *s, const char *pin, uint64_t now)
{
    char id[8];
    for (const char *p = pin; *p; p++) {
        snprintf(id, sizeof id, "pin:%c", *p);
        staff_tap(s, id, now);
    }
    staff_tap(s, "pin:ok", now);
}

/* With no PIN set nothing of the staff side shows: a member of the public
 * holding the corner sees no pad and no word of staff or commands. */
static void test_no_pin_set_keeps_the_menu_closed(void)
{
    Rig r;
    CHECK(rig_open(&r, "nopin.db", ""));
    CHECK(!staff_open(&r.staff, 0));
    CHECK(!staff_is_open(&r.staff));
    CHECK_STR(r.staff.message, "");
    rig_close(&r);
}

/* A PIN set with `sayso pin` while the kiosk runs counts the next time the
 * pad opens, with no restart. */
static void test_pin_is_read_again_when_the_pad_opens(void)
{
    Rig r;
    char ini[256];
    support_write_file(dir, "later.ini", "[kiosk]\nname = Later\n");
    support_path_in(dir, "later.ini", ini, sizeof ini);
    CHECK(rig_open(&r, "later.db", ""));
    r.staff.ctx.kiosk_ini = ini;
    CHECK(!staff_open(&r.staff, 0));
    char text[1024];
    snprintf(text, sizeof text, "[kiosk]\nname = Later\n[staff]\npin_hash = %s\n", hash);
    support_write_file(dir, "later.ini", text);
    CHECK(staff_open(&r.staff, 10));
    CHECK_INT(r.staff.screen, STAFF_PIN);
    type_pin(&r.staff, "2468", 20);
    CHECK_INT(r.staff.screen, STAFF_MENU);
    rig_close(&r);
}

/* Exit asks first; "no" goes back to the menu. */
static void test_exit_asks_first(void)
{
    Rig r;
    CHECK(rig_open(&r, "exitask.db", hash));
    CHECK(staff_open(&r.staff, 0));
    type_pin(&r.staff, "2468", 10);
    CHECK_INT(staff_tap(&r.staff, "staff:exit", 20), STAFF_DO_NONE);
    char name[32];
    staff_screen_name(&r.staff, name, sizeof name);
    CHECK_STR(name, "exit-confirm");
    CHECK_INT(staff_tap(&r.staff, "no", 30), STAFF_DO_NONE);
    CHECK_INT(r.staff.screen, STAFF_MENU);
    staff_tap(&r.staff, "staff:exit", 40);
    CHECK_INT(staff_tap(&r.staff, "yes", 50), STAFF_DO_EXIT);
    rig_close(&r);
}

/* A group session running when the kiosk stops goes on when it starts
 * again (the staff log keeps it). */
static void test_group_session_survives_a_restart(void)
{
    Rig r;
    CHECK(rig_open(&r, "restart.db", hash));
    CHECK(staff_open(&r.staff, 0));
    type_pin(&r.staff, "2468", 10);
    staff_tap(&r.staff, "staff:group", 20);
    staff_tap(&r.staff, "staff:group_start", 30);
    char label[STAFF_LABEL_SIZE];
    snprintf(label, sizeof label, "%s", flow_group(r.flow));
    CHECK(label[0]);
    rig_close(&r);
    CHECK(rig_open(&r, "restart.db", hash));  /* the kiosk again, same database */
    CHECK_STR(flow_group(r.flow), label);
    CHECK(staff_open(&r.staff, 0));
    type_pin(&r.staff, "2468", 10);
    staff_tap(&r.staff, "staff:group", 20);  /* ends it */
    rig_close(&r);
    CHECK(rig_open(&r, "restart.db", hash));
    CHECK_STR(flow_group(r.flow), "");
    rig_close(&r);
}

static void test_five_wrong_pins_lock_the_pad_for_five_minutes(void)
{
    Rig r;
    CHECK(rig_open(&r, "lock.db", hash));
    staff_open(&r.staff, 0);
    for (int i = 0; i < PIN_MAX_FAILURES - 1; i++) {
        type_pin(&r.staff, "1111", 1000);
        CHECK_INT(r.staff.screen, STAFF_PIN);
        CHECK(strstr(r.staff.message, "not right") != NULL);
    }
    type_pin(&r.staff, "1111", 1000);
    CHECK(strstr(r.staff.message, "locked") != NULL);
    type_pin(&r.staff, "2468", 2000); /* the right PIN, but locked */
    CHECK_INT(r.staff.screen, STAFF_PIN);
    type_pin(&r.staff, "2468", 1000 + PIN_LOCK_MS - 1);
    CHECK_INT(r.staff.screen, STAFF_PIN);
    type_pin(&r.staff, "2468", 1000 + PIN_LOCK_MS);
    CHECK_INT(r.staff.screen, STAFF_MENU);
    /* Every attempt is in the staff log. */
    CHECK_INT(store_staff_log_count(r.store, "pin_wrong", "2000"), PIN_MAX_FAILURES);
    CHECK_INT(store_staff_log_count(r.store, "pin_locked", "2000"), 1);
    CHECK_INT(store_staff_log_count(r.store, "pin_while_locked", "2000"), 2);
    CHECK_INT(store_staff_log_count(r.store, "pin_ok", "2000"), 1);
    rig_close(&r);
}

/* The lock-out lives in the staff log, not only in memory: a kiosk started
 * again (a power cut) finds the pad still locked, and wrong PINs typed
 * before the restart still count. */
static void test_lockout_survives_a_restart(void)
{
    Rig r;
    CHECK(rig_open(&r, "restart.db", hash));
    staff_open(&r.staff, 0);
    for (int i = 0; i < PIN_MAX_FAILURES; i++)
        type_pin(&r.staff, "1111", 1000);
    CHECK(strstr(r.staff.message, "locked") != NULL);
    rig_close(&r);
    CHECK(rig_open(&r, "restart.db", hash)); /* started again */
    staff_open(&r.staff, 50);
    CHECK(strstr(r.staff.message, "locked") != NULL);
    type_pin(&r.staff, "2468", 60); /* the right PIN, but still locked */
    CHECK_INT(r.staff.screen, STAFF_PIN);
    type_pin(&r.staff, "2468", 50 + PIN_LOCK_MS); /* the lock ran out on the kiosk's clock */
    CHECK_INT(r.staff.screen, STAFF_MENU);
    rig_close(&r);
    CHECK(rig_open(&r, "tries.db", hash));
    staff_open(&r.staff, 0);
    for (int i = 0; i < PIN_MAX_FAILURES - 1; i++)
        type_pin(&r.staff, "1111", 1000);
    rig_close(&r);
    CHECK(rig_open(&r, "tries.db", hash));
    staff_open(&r.staff, 0);
    type_pin(&r.staff, "1111", 10); /* the fifth in a row, across the restart */
    CHECK(strstr(r.staff.message, "locked") != NULL);
    rig_close(&r);
}

static void test_menu_closes_by_itself_when_left(void)
{
    Rig r;
    CHECK(rig_open(&r, "idle.db", hash));
    staff_open(&r.staff, 0);
    type_pin(&r.staff, "2468", 100);
    CHECK_INT(r.staff.screen, STAFF_MENU);
    CHECK_INT(staff_ms_until(&r.staff, 100), STAFF_IDLE_MS);
    CHECK(!staff_tick(&r.staff, 100 + STAFF_IDLE_MS - 1));
    CHECK(staff_tick(&r.staff, 100 + STAFF_IDLE_MS));
    CHECK(!staff_is_open(&r.staff));
    rig_close(&r);
}

/* One person through the forum survey, choosing `choice` on change. */
static void answer_one(Flow *flow, const char *choice, uint64_t *t)
{
    const char *taps[] = {"start", "lang:en", "yes", "gp", "good", "next", "next", choice, "next", "skip",
                          "informed", "next", "next"};
    for (size_t i = 0; i < sizeof taps / sizeof taps[0]; i++)
        flow_tap(flow, taps[i], (*t)++);
    flow_tick(flow, *t += 600000); /* thanks returns to welcome */
}

/* Whether an element on screen has `words` in its text. */
static bool on_screen(Ui *ui, const Flow *flow, const char *words)
{
    ui_build(ui, flow);
    const UiElements *els = ui_elements(ui);
    for (int i = 0; i < els->n; i++)
        if (strstr(els->items[i].text, words))
            return true;
    return false;
}

/* When the disk is full the public sees plain words and no Start, with no
 * path; staff see why (the folder) and that speech is off, and why. */
static void test_full_disk_and_no_speech_said_to_the_right_people(void)
{
    Rig r;
    char err[256];
    CHECK(rig_open(&r, "full.db", hash));
    r.staff.ctx.speech_problem = "espeak-ng could not start: No such file or directory";
    const char *dirs[] = {"assets/symbols", NULL};
    UiOptions o = {.width = 1920, .height = 1080, .headless = true, .windowed = true, .symbol_dirs = dirs};
    Ui *ui = ui_open(&o, err, sizeof err);
    CHECK(ui);
    ui_set_staff(ui, &r.staff);
    uint64_t t = 0;
    answer_one(r.flow, "listened", &t);
    staff_open(&r.staff, t);
    type_pin(&r.staff, "2468", t);
    CHECK(on_screen(ui, r.flow, "Today: 1 person gave ")); /* not "1 people" */
    CHECK(on_screen(ui, r.flow, "Not yet exported: 1 person"));
    staff_tap(&r.staff, "staff:kiosk", t);
    CHECK(on_screen(ui, r.flow, "Have your say"));
    CHECK(ui_elements_find(ui_elements(ui), "start") != NULL);
    store_debug_limit_pages(r.store, 1); /* the disk fills during the next person's answers */
    for (int i = 0; i < 40 && store_taking_answers(r.store); i++)
        answer_one(r.flow, "listened", &t);
    CHECK(!store_taking_answers(r.store)); /* (a page limit, not a full disk: the welcome screen would */
    CHECK_INT(flow_screen(r.flow), FLOW_WELCOME); /* find room at its next look, 10 s on) */
    CHECK(on_screen(ui, r.flow, "not taking answers right now"));
    CHECK(ui_elements_find(ui_elements(ui), "start") == NULL);
    CHECK(!on_screen(ui, r.flow, dir)); /* no path for the public */
    CHECK(!flow_tap(r.flow, "start", t)); /* Start does nothing either */
    staff_open(&r.staff, t);
    type_pin(&r.staff, "2468", t);
    CHECK_INT(r.staff.screen, STAFF_MENU);
    char why[160];
    snprintf(why, sizeof why, "Not taking answers: the disk holding %s is full", dir);
    CHECK(on_screen(ui, r.flow, why));
    CHECK(on_screen(ui, r.flow, "Speech is off: espeak-ng could not start"));
    ui_close(ui);
    rig_close(&r);
}

static void test_group_session_tags_sessions_and_support_marks_one(void)
{
    Rig r;
    uint64_t t = 0;
    CHECK(rig_open(&r, "group.db", hash));
    answer_one(r.flow, "listened", &t); /* before the group */
    staff_open(&r.staff, t);
    type_pin(&r.staff, "2468", t);
    staff_tap(&r.staff, "staff:supported", t);
    CHECK(flow_supported_next(r.flow));
    staff_tap(&r.staff, "staff:group", t);
    CHECK_INT(r.staff.screen, STAFF_GROUP_LABEL);
    for (int i = 0; i < 40; i++)
        staff_tap(&r.staff, "key:backspace", t);
    const char *keys[] = {"key:shift", "key:t", "key:u", "key:e", "key:s", "key:space", "key:numbers", "key:7"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        staff_tap(&r.staff, keys[i], t);
    CHECK_STR(r.staff.label, "Tues 7");
    staff_tap(&r.staff, "staff:group_start", t);
    CHECK_INT(r.staff.screen, STAFF_MENU);
    CHECK_STR(flow_group(r.flow), "Tues 7");
    staff_tap(&r.staff, "staff:kiosk", t);
    answer_one(r.flow, "listened", &t);
    CHECK(!flow_supported_next(r.flow)); /* the next session only */
    answer_one(r.flow, "shorter_waits", &t);
    /* Two answered: too few to show without giving one person away. */
    staff_open(&r.staff, t);
    type_pin(&r.staff, "2468", t);
    staff_tap(&r.staff, "staff:group_view", t);
    CHECK_INT(r.staff.screen, STAFF_GROUP_VIEW);
    CHECK(!staff_group_view_open(&r.staff));
    staff_tap(&r.staff, "staff:kiosk", t);
    answer_one(r.flow, "listened", &t);
    staff_open(&r.staff, t);
    type_pin(&r.staff, "2468", t);
    staff_tap(&r.staff, "staff:group_view", t);
    CHECK(staff_group_view_open(&r.staff));
    CHECK_INT(r.staff.group_sessions, 3);
    CHECK_INT(staff_group_count(&r.staff, "change", NULL, "listened"), 2); /* not the one before the group */
    CHECK_INT(staff_group_count(&r.staff, "change", NULL, "shorter_waits"), 1);
    CHECK_INT(staff_group_count(&r.staff, "positive", "gp", "good"), 3);
    CHECK_STR(r.survey->questions[r.staff.view_question].name, "positive");
    staff_tap(&r.staff, "group:next", t);
    CHECK_STR(r.survey->questions[r.staff.view_question].name, "change");
    staff_tap(&r.staff, "group:back", t);
    staff_tap(&r.staff, "group:back", t); /* wraps to the last */
    CHECK_STR(r.survey->questions[r.staff.view_question].name, "involve");
    CHECK_INT(staff_ms_until(&r.staff, t), -1); /* the view stays for the group */
    staff_tap(&r.staff, "staff:kiosk", t);
    /* End the group: sessions after it are untagged. */
    staff_open(&r.staff, t);
    type_pin(&r.staff, "2468", t);
    staff_tap(&r.staff, "staff:group", t);
    CHECK_STR(flow_group(r.flow), "");
    CHECK(strstr(r.staff.message, "3 people") != NULL);
    staff_tap(&r.staff, "staff:kiosk", t);
    answer_one(r.flow, "listened", &t);
    rig_close(&r);
    CHECK_INT(support_query_int(dir, "group.db", "SELECT count(*) FROM session WHERE group_label='Tues 7'"), 3);
    CHECK_INT(support_query_int(dir, "group.db", "SELECT count(*) FROM session WHERE group_label IS NULL"), 2);
    CHECK_INT(support_query_int(dir, "group.db", "SELECT count(*) FROM session WHERE mode='supported'"), 1);
    CHECK_INT(support_query_int(dir, "group.db", "SELECT count(*) FROM session WHERE mode='supported' AND group_label IS NULL"), 0);
    CHECK_INT(support_query_int(dir, "group.db", "SELECT count(*) FROM staff_event WHERE event='group_start' AND detail='Tues 7'"), 1);
    CHECK_INT(support_query_int(dir, "group.db", "SELECT count(*) FROM staff_event WHERE event='group_end'"), 1);
}

/* ---- the real kiosk ---- */

static void write_ini(const char *name, bool with_pin)
{
    char text[1024];
    snprintf(text, sizeof text, "[kiosk]\nname = Test venue\n[staff]\n%s%s%sexport_dir = %s/exports\n",
             with_pin ? "pin_hash = " : "", with_pin ? hash : "", with_pin ? "\n" : "", dir);
    support_write_file(dir, name, text);
}

static void test_nothing_closes_the_kiosk_without_the_pin(void)
{
    write_ini("nopin.ini", false);
    support_write_file(dir, "locked.script", "expect welcome\n"
                                             "close\n"
                                             "key Alt+F4\n"
                                             "key Escape\n"
                                             "key Ctrl+q\n"
                                             "key Ctrl+w\n"
                                             "key Ctrl+c\n"
                                             "expect welcome\n"
                                             "tap start\n"
                                             "close\n"
                                             "key Escape\n"
                                             "expect welcome\n"   /* Escape is Back, and Back from language is welcome */
                                             "hold corner 2000\n" /* too short */
                                             "expect welcome\n"
                                             "hold corner 3000\n"
                                             "expect welcome\n" /* no PIN set: nothing shows ... */
                                             "key Ctrl+Alt+s\n"
                                             "expect welcome\n");
    CHECK_INT(run_script("locked.script", "nopin.ini", "locked.db"), 0);
    CHECK(support_output_has(dir, "the window stays open"));
    CHECK(support_output_has(dir, "no staff PIN is set")); /* ... and the log says why */
}

static void test_staff_menu_end_to_end(void)
{
    write_ini("staff.ini", true);
    char exports[256];
    support_path_in(dir, "exports", exports, sizeof exports);
    mkdir(exports, 0777);
    static const char session[] = "tap start\ntap lang:en\ntap yes\ndrag gp good\ntap hospital\ntap bad\n"
                                  "tap next\nexpect mat-left\ntap next\ntap listened\ntap next\ntap transport\ntap next\n"
                                  "tap meetings\ntap next\nexpect review\ntap next\nexpect thanks\n"
                                  "wait 120000\nexpect welcome\n";
    char script[8192];
    snprintf(script, sizeof script,
             "expect welcome\n"
             "hold corner 3000\nexpect staff-pin\n"
             "tap pin:9\ntap pin:9\ntap pin:9\ntap pin:9\ntap pin:ok\nexpect staff-pin\n"
             "shot pin-wrong.png\n"
             "tap pin:2\ntap pin:4\ntap pin:6\ntap pin:8\ntap pin:ok\nexpect staff-menu\n"
             "tap staff:supported\n"
             "tap staff:group\nexpect staff-group-label\nshot group-label.png\n"
             "tap staff:group_start\nexpect staff-menu\nshot menu.png\n"
             "tap staff:kiosk\nexpect welcome\n"
             "%s%s%s"
             "key Ctrl+Alt+s\nexpect staff-pin\n"
             "tap pin:2\ntap pin:4\ntap pin:6\ntap pin:8\ntap pin:ok\nexpect staff-menu\n"
             "tap staff:group_view\nexpect group-view\nshot group-positive.png\n"
             "tap group:next\nshot group-change.png\ntap group:next\ntap group:next\nshot group-involve.png\n"
             "tap staff:kiosk\nexpect welcome\n"
             "hold corner 3000\n"
             "tap pin:2\ntap pin:4\ntap pin:6\ntap pin:8\ntap pin:ok\nexpect staff-menu\n"
             "tap staff:export\nexpect staff-menu\nshot exported.png\n"
             "tap staff:export\nexpect staff-menu\n" /* nothing new since */
             "tap staff:export_all\nexpect staff-menu\n"
             "tap staff:test_speech\n"
             "tap staff:exit\nexpect exit-confirm\nshot exit-confirm.png\ntap no\nexpect staff-menu\n"
             "tap staff:exit\ntap yes\nexpect closed\n",
             session, session, session);
    support_write_file(dir, "staff.script", script);
    CHECK_INT(run_script("staff.script", "staff.ini", "staff.db"), 0);
    CHECK_INT(support_query_int(dir, "staff.db", "SELECT count(*) FROM session WHERE group_label IS NOT NULL"), 3);
    CHECK_INT(support_query_int(dir, "staff.db", "SELECT count(*) FROM session WHERE mode='supported'"), 1);
    CHECK_INT(support_query_int(dir, "staff.db", "SELECT count(*) FROM session WHERE exported_at IS NOT NULL"), 3);
    CHECK_INT(support_query_int(dir, "staff.db", "SELECT count(*) FROM staff_event WHERE event='pin_wrong'"), 1);
    CHECK_INT(support_query_int(dir, "staff.db", "SELECT count(*) FROM staff_event WHERE event='pin_ok'"), 3);
    CHECK_INT(support_query_int(dir, "staff.db", "SELECT count(*) FROM staff_event WHERE event='export'"), 2);
    CHECK_INT(support_query_int(dir, "staff.db", "SELECT count(*) FROM staff_event WHERE event='exit'"), 1);
    /* Two export folders (new since the last, then everything), each with
     * the three files, even when both came in the same second. */
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "n=0; for d in %s/sayso-*; do test -s $d/answers.csv && test -s $d/answers.jsonl && "
             "test -s $d/report.html || exit 1; n=$((n+1)); done; test $n = 2", exports);
    CHECK_INT(system(cmd), 0);
}

/* The microphone test records what the microphone hears (here a tone fed
 * through SDL's disk driver) and says how loud it was; with silence it
 * says so. */
static void test_microphone_test_hears_a_tone(void)
{
    enum { RATE = 16000, COUNT = RATE * 4 };
    static int16_t tone[COUNT];
    for (int i = 0; i < COUNT; i++)
        tone[i] = (int16_t)(8000.0 * sin(2.0 * 3.14159265 * 440.0 * i / RATE));
    char in[256], env[600];
    support_path_in(dir, "tone.raw", in, sizeof in);
    FILE *f = fopen(in, "wb");
    CHECK(f && fwrite(tone, sizeof tone[0], COUNT, f) == COUNT);
    fclose(f);
    write_ini("mic.ini", true);
    support_write_file(dir, "mic.script", "key Ctrl+Alt+S\ntap pin:2\ntap pin:4\ntap pin:6\ntap pin:8\ntap pin:ok\n"
                                          "tap staff:test_mic\nwait 3500\nexpect staff-menu\n");
    char args[1024];
    snprintf(args, sizeof args, "--headless --script %s/mic.script --kiosk %s/mic.ini --db %s/mic.db", dir, dir, dir);
    snprintf(env, sizeof env, "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null SDL_DISKAUDIOFILEIN=%s", in);
    CHECK_INT(support_run(dir, env, args), 0);
    CHECK(support_output_has(dir, "microphone test: 48000 samples, loudest 24%"));
    CHECK_INT(support_run(dir, "SDL_AUDIODRIVER=dummy", args), 0);
    CHECK(support_output_has(dir, "loudest 0%"));
}

static void test_exit_needs_the_menu(void)
{
    /* Taps after exit are refused: the kiosk has closed. */
    write_ini("exit.ini", true);
    support_write_file(dir, "exit.script", "key Ctrl+Alt+s\ntap pin:2\ntap pin:4\ntap pin:6\ntap pin:8\ntap pin:ok\n"
                                           "tap staff:exit\ntap yes\nexpect closed\ntap start\n");
    CHECK_INT(run_script("exit.script", "exit.ini", "exit.db"), 1);
    CHECK(support_output_has(dir, "the kiosk has closed"));
}

int main(void)
{
    if (support_temp_dir(dir, sizeof dir, "staff") != 0)
        return 1;
    char err[256];
    if (pin_hash("2468", hash, err, sizeof err) != 0) {
        printf("FAIL cannot hash a PIN: %s\n", err);
        return 1;
    }
    RUN(test_gesture_needs_three_still_seconds_in_the_corner);
    RUN(test_no_pin_set_keeps_the_menu_closed);
    RUN(test_pin_is_read_again_when_the_pad_opens);
    RUN(test_exit_asks_first);
    RUN(test_group_session_survives_a_restart);
    RUN(test_five_wrong_pins_lock_the_pad_for_five_minutes);
    RUN(test_lockout_survives_a_restart);
    RUN(test_menu_closes_by_itself_when_left);
    RUN(test_full_disk_and_no_speech_said_to_the_right_people);
    RUN(test_group_session_tags_sessions_and_support_marks_one);
    RUN(test_nothing_closes_the_kiosk_without_the_pin);
    RUN(test_staff_menu_end_to_end);
    RUN(test_microphone_test_hears_a_tone);
    RUN(test_exit_needs_the_menu);
    return support_finish(dir);
}
