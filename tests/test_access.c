/* test_access.c: one-switch scanning rests when nobody is there
 * (src/app/access.c), on the real kiosk running headless in this process.
 *
 * With one switch the kiosk steps by itself every scan_ms. After
 * ACCESS_IDLE_PASSES passes over a screen's rows with no press it stops
 * stepping (the highlight goes, and the loop has no more time-outs of its
 * own: it sleeps), and the next press of the switch starts it again. */
#include "testing.h"
#include "test_support.h"
#include "app/app.h"
#include "headless/script.h"
#include "ui/ui.h"

static char dir[64];

/* Runs script `lines` on the open kiosk (a failed `expect` fails). */
static int run_lines(App *app, const char *lines)
{
    char path[128];
    support_write_file(dir, "steps.script", lines);
    snprintf(path, sizeof path, "%s/steps.script", dir);
    return script_run(app, path, dir);
}

static void test_scanning_rests_when_nobody_presses_and_wakes_on_a_press(void)
{
    char db[128];
    snprintf(db, sizeof db, "%s/access.db", dir);
    AppConfig c = {.config_dir = "config/forum", .db_path = db,
                   .kiosk_ini = "tests/e2e/one_switch.ini", .assets_dir = "assets",
                   .width = 1280, .height = 800, .headless = true};
    App app;
    CHECK(app_open(&app, &c) == 0);
    int first = run_lines(&app, "expect welcome\nwait 1500\n");
    bool stepping = ui_has_focus(app.ui) && app.access.next_step_ms > 0;
    int passes = 0, steps = 0; /* step by step until it rests (a bound: never forever) */
    while (app.access.next_step_ms > 0 && steps < 200) {
        run_lines(&app, "wait 1500\n");
        steps++;
        passes = app.access.idle_passes > passes ? app.access.idle_passes : passes;
    }
    bool rested = app.access.next_step_ms == 0 && !ui_has_focus(app.ui) &&
                  access_ms_until(&app.access, app_now(&app)) < 0;
    int waited = run_lines(&app, "wait 600000\nexpect welcome\n"); /* ten quiet minutes */
    bool still_resting = !ui_has_focus(app.ui) && app.access.next_step_ms == 0;
    int pressed = run_lines(&app, "key Return\n");
    bool awake = ui_has_focus(app.ui) && app.access.next_step_ms > 0 && app.access.idle_passes == 0;
    app_close(&app);
    CHECK_INT(first, 0);
    CHECK(stepping);
    CHECK(steps < 200);
    CHECK_INT(passes, ACCESS_IDLE_PASSES);
    CHECK(rested);
    CHECK_INT(waited, 0);
    CHECK(still_resting);
    CHECK_INT(pressed, 0);
    CHECK(awake);
}

int main(void)
{
    if (support_temp_dir(dir, sizeof dir, "access") != 0)
        return 1;
    RUN(test_scanning_rests_when_nobody_presses_and_wakes_on_a_press);
    return support_finish(dir);
}
