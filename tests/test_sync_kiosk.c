/* test_sync_kiosk.c: the central store as the kiosk meets it: the sync
 * worker, the staff menu's sync lines and "Sync now", published surveys
 * arriving and switched to at the welcome screen only, a broken one never
 * shown, and an unreachable server that stops nothing.
 *
 * The kiosk runs in this process (app_open, headless, driven by scripts
 * through script_run), so after a script the test reads what the staff
 * menu shows (its elements' words) and what was said. Publishing and the
 * admin's set-up go through the real binary. One PostgreSQL server for
 * the program (pg_support.h). */
#include "sync_support.h"
#include "test_workbook.h"

#include "app/app.h"
#include "headless/script.h"
#include "staff/pin.h"

static PgServer server;
static char work[64];
static char pin[PIN_HASH_SIZE]; /* the PIN 2468's hash */

/* A one-question survey in work/NAME: form venue_survey, `version`,
 * question `question` (choices up, down) and a "You said, we did" item;
 * with `image`, the question shows that picture. */
static void write_survey(const char *name, const char *version, const char *question, const char *image)
{
    char path[256], text[512];
    snprintf(path, sizeof path, "%s/%s", work, name);
    mkdir(path, 0755);
    snprintf(text, sizeof text, "form_title,form_id,version,default_language\nVenue,venue_survey,%s,English (en)\n",
             version);
    support_write_file(path, "settings.csv", text);
    snprintf(text, sizeof text, "type,name,label::English (en),image\nselect_one ud,%s,How is it?,%s\n", question,
             image ? image : "");
    support_write_file(path, "survey.csv", text);
    support_write_file(path, "choices.csv", "list_name,name,label::English (en)\nud,up,Up\nud,down,Down\n");
    snprintf(text, sizeof text, "said,did\nYou said %s.,We did %s.\n", version, version);
    support_write_file(path, "yousaid.csv", text);
}

/* kiosk.ini for `k` (its [sync]) with the staff PIN 2468, as work/NAME. */
static void write_kiosk_ini(const TestKiosk *k, const char *url, const char *name)
{
    char text[2048], path[256];
    snprintf(text, sizeof text, "[staff]\npin_hash = %s\n[sync]\nurl = %s\npassword = %s\ninterval_minutes = 5\n",
             pin, url, k->password);
    support_write_file(work, name, text);
    snprintf(path, sizeof path, "%s/%s", work, name);
    chmod(path, 0600);
}

/* Opens the kiosk headless on `config`, `db` and `ini`. 0 or -1. */
static int open_kiosk(App *app, const char *config, const char *db, const char *ini)
{
    AppConfig c = {.config_dir = config, .db_path = db, .kiosk_ini = ini, .kiosk_ini_given = true,
                   .assets_dir = "assets", .width = 1280, .height = 800, .headless = true};
    int rc = app_open(app, &c);
    if (rc != 0)
        app_close(app);
    return rc;
}

/* Runs script `text` (written to work/NAME) on the open kiosk. */
static int run(App *app, const char *name, const char *text)
{
    char path[256];
    support_write_file(work, name, text);
    snprintf(path, sizeof path, "%s/%s", work, name);
    return script_run(app, path, work);
}

/* Whether an element on screen has words containing `words`. */
static bool shows(const App *app, const char *words)
{
    const UiElements *els = ui_elements(app->ui);
    for (int i = 0; i < els->n; i++)
        if (strstr(els->items[i].text, words))
            return true;
    printf("    nothing on screen says \"%s\"; it shows:\n", words);
    for (int i = 0; i < els->n; i++)
        if (els->items[i].text[0])
            printf("      %s\n", els->items[i].text);
    return false;
}

static const char open_menu[] = "hold corner 3000\nexpect staff-pin\ntap pin:2\ntap pin:4\ntap pin:6\n"
                                "tap pin:8\ntap pin:ok\nexpect staff-menu\n";

/* ---- an unreachable server ---- */

static void test_unreachable_server_kiosk_keeps_working(void)
{
    App app;
    TestKiosk k = {.password = "whatever"};
    char url[256], db[128];
    snprintf(url, sizeof url, "postgresql://nobody@/nothing?host=%s/no-server-here&port=1", work);
    write_kiosk_ini(&k, url, "lonely.ini");
    write_survey("start", "1", "mood", NULL);
    snprintf(db, sizeof db, "%s/lonely.db", work);
    char config[128], ini[128];
    snprintf(config, sizeof config, "%s/start", work);
    snprintf(ini, sizeof ini, "%s/lonely.ini", work);
    CHECK(open_kiosk(&app, config, db, ini) == 0);
    /* a whole session, with the first sync failing in the middle of it */
    int rc = run(&app, "lonely1.script", "expect welcome\ntap start\ntap yes\n"
                                         "expect question:mood\nwait 11000\ntap up\ntap next\n"
                                         "expect review\ntap next\nexpect thanks\nwait 30000\n"
                                         "expect welcome\n");
    if (rc == 0)
        rc = run(&app, "lonely2.script", "hold corner 3000\ntap pin:2\ntap pin:4\ntap pin:6\ntap pin:8\n"
                                         "tap pin:ok\nexpect staff-menu\nshot sync-problem.png\n");
    bool said = rc == 0 && shows(&app, "Sync problem: The server could not be reached.") &&
                shows(&app, "Not yet synced: 1 person") && shows(&app, "Not synced yet") &&
                shows(&app, "Sync now");
    if (rc == 0 && said)
        rc = run(&app, "lonely3.script", "tap staff:sync\nexpect staff-menu\n");
    bool outcome = rc == 0 && strstr(app.staff.message, "Sync failed: The server could not be reached.");
    bool sent_nothing = app.sync.runs_seen == 2;
    app_close(&app);
    CHECK_INT(rc, 0);
    CHECK(said);
    CHECK(outcome);
    CHECK(sent_nothing);
    CHECK_INT(support_query_int(work, "lonely.db", "SELECT count(*) FROM answer WHERE choice = 'up'"), 1);
    CHECK_INT(support_query_int(work, "lonely.db", "SELECT count(*) FROM session WHERE ended_how = 'finished'"
                                                   " AND synced_at IS NULL"), 1);
}

/* ---- published surveys ---- */

static void test_published_survey_switches_at_the_welcome_screen_only(void)
{
    App app;
    char admin[256], args[900], config[128], ini[128];
    TestKiosk k;
    CHECK(pg_new_database(&server, "pub") == 0);
    pg_url(&server, "sayso_admin", "pub", admin, sizeof admin);
    snprintf(args, sizeof args, "central init --to '%s'", admin);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(sync_make_kiosk(work, admin, "Pub kiosk", "Library", &k) == 0);
    write_kiosk_ini(&k, k.url, "pub.ini");
    write_survey("pub_v1", "1", "mood", NULL);
    write_survey("pub_v2", "2", "weather", NULL);
    /* a survey with a problem is refused as `sayso check` words it, and nothing is stored */
    snprintf(args, sizeof args, "publish --config tests/surveys/bad_unknown_type --to '%s'", admin);
    CHECK_INT(support_run(work, NULL, args), 1);
    CHECK(support_output_has(work, "tests/surveys/bad_unknown_type/survey.csv:3: unknown type"));
    CHECK(support_output_has(work, "nothing was published"));
    CHECK_INT(pg_int(&server, "pub", "SELECT count(*) FROM sayso.survey_version"), 0);
    snprintf(args, sizeof args, "publish --config %s/pub_v2 --to '%s' --venue Library", work, admin);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(support_output_has(work, "published venue_survey version 2 as number 1 for Library's kiosks"));
    snprintf(config, sizeof config, "%s/pub_v1", work);
    snprintf(ini, sizeof ini, "%s/pub.ini", work);
    CHECK(open_kiosk(&app, config, k.db, ini) == 0);
    /* the sync fetches version 2 in the middle of a session: that session
     * goes on with version 1 to its end */
    int rc = run(&app, "pub1.script", "expect welcome\ntap start\ntap yes\nexpect question:mood\n"
                                      "wait 11000\nexpect question:mood\ntap down\ntap next\nexpect review\n"
                                      "tap next\nexpect thanks\nwait 30000\nexpect welcome\n"
                                      "tap start\ntap yes\nexpect question:weather\ntap up\n"
                                      "tap next\ntap next\nexpect thanks\n");
    int number = app.sync.survey_number;
    app_close(&app);
    CHECK_INT(rc, 0);
    CHECK_INT(number, 1);
    CHECK_INT(support_query_int(work, "Pub kiosk.db", "SELECT count(*) FROM session WHERE survey_version = '1'"
                                                      " AND id IN (SELECT session_id FROM answer WHERE question = 'mood')"), 1);
    CHECK_INT(support_query_int(work, "Pub kiosk.db", "SELECT count(*) FROM session WHERE survey_version = '2'"
                                                      " AND id IN (SELECT session_id FROM answer WHERE question = 'weather')"), 1);
    /* the first session went up at the next sync after it ended; the kiosk
     * starts again on the published survey, not on --config's */
    CHECK(open_kiosk(&app, config, k.db, ini) == 0);
    rc = run(&app, "pub2.script", "expect welcome\nwait 11000\ntap start\ntap yes\n"
                                  "expect question:weather\n");
    app_close(&app);
    CHECK_INT(rc, 0);
    CHECK_INT(pg_int(&server, "pub", "SELECT count(*) FROM sayso.session WHERE survey_version = '1'"), 1);
    CHECK_INT(pg_int(&server, "pub", "SELECT count(*) FROM sayso.session WHERE survey_version = '2'"), 1);
}

/* An XLSForm workbook dropped into a folder is published as it is: the
 * workbook and the picture it names, not the Office lock file beside it
 * nor anything else of the folder; a kiosk's sync fetches it and it loads. */
static const SheetText xlsform_sheets[] = {
    {"survey", "type|name|label|media::image\n"
               "integer|age|How old are you?|age.png\n"},
    {"settings", "form_title|form_id|version\n"
                 "Ages|ages|#n3\n"},
};

static void test_workbook_published_with_its_pictures(void)
{
    char admin[256], args[900], dir[128], path[256], out[2048];
    TestKiosk k;
    CHECK(pg_new_database(&server, "xlsform") == 0);
    pg_url(&server, "sayso_admin", "xlsform", admin, sizeof admin);
    snprintf(args, sizeof args, "central init --to '%s'", admin);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(sync_make_kiosk(work, admin, "Form kiosk", NULL, &k) == 0);
    snprintf(dir, sizeof dir, "%s/ages", work);
    CHECK(mkdir(dir, 0755) == 0);
    CHECK(write_book(work, "ages/Ages form.xlsx", xlsform_sheets, 2, false, path, sizeof path));
    support_write_file(dir, "~$Ages form.xlsx", "lock");
    support_write_file(dir, "notes.txt", "not the survey's");
    support_write_file(dir, "age.png", "\x89PNG");
    snprintf(args, sizeof args, "publish --config %s --to '%s'", dir, admin);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(pg_sql(&server, "xlsform", "SELECT string_agg(name, ',' ORDER BY name) FROM sayso.survey_file",
                 out, sizeof out) == 0);
    CHECK(strstr(out, "Ages form.xlsx,age.png") != NULL && !strstr(out, "~$") && !strstr(out, "notes"));
    CHECK(sync_add_sessions(k.db, 1, 0, 0) == 0);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 0);
    snprintf(path, sizeof path, "%s.published/1", k.db);
    snprintf(args, sizeof args, "check --config '%s'", path);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(support_output_has(work, "ok, 1 question"));
}

static void test_broken_publish_is_never_shown(void)
{
    App app;
    char admin[256], args[900], config[128], ini[128], office[256];
    TestKiosk k;
    CHECK(pg_new_database(&server, "broken") == 0);
    pg_url(&server, "sayso_admin", "broken", admin, sizeof admin);
    snprintf(args, sizeof args, "central init --to '%s'", admin);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(sync_make_kiosk(work, admin, "Broken kiosk", NULL, &k) == 0);
    write_kiosk_ini(&k, k.url, "broken.ini");
    write_survey("br_v1", "1", "mood", NULL);
    /* version 2 shows a picture of the office's own symbol pack, which this
     * kiosk does not have: `sayso check` passes at the office, not here */
    write_survey("br_v2", "2", "weather", "office_only.svg");
    snprintf(office, sizeof office, "%s/office_pack", work);
    mkdir(office, 0755);
    support_write_file(office, "office_only.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">"
                                                  "<rect width=\"100\" height=\"100\" fill=\"#fff\"/></svg>");
    snprintf(args, sizeof args, "[symbols]\npack = %s\n", office);
    support_write_file(work, "office.ini", args);
    snprintf(args, sizeof args, "publish --config %s/br_v2 --to '%s' --kiosk %s/office.ini", work, admin, work);
    CHECK_INT(support_run(work, NULL, args), 0);
    snprintf(config, sizeof config, "%s/br_v1", work);
    snprintf(ini, sizeof ini, "%s/broken.ini", work);
    CHECK(open_kiosk(&app, config, k.db, ini) == 0);
    int rc = run(&app, "br1.script", "expect welcome\nwait 11000\nexpect welcome\n");
    if (rc == 0)
        rc = run(&app, "br2.script", "tap start\ntap yes\nexpect question:mood\nkey Escape\n"
                                     "key Escape\nkey Escape\nexpect welcome\n");
    if (rc == 0)
        rc = run(&app, "br3.script", open_menu);
    bool says = rc == 0 && shows(&app, "Published survey 1 (venue_survey version 2) was not used") &&
                shows(&app, "office_only.svg") && app.staff.message_is_problem;
    app_close(&app);
    CHECK_INT(rc, 0);
    CHECK(says);
    char path[256];
    snprintf(path, sizeof path, "%s.published/1.rejected", k.db);
    char *why = support_slurp(path, NULL);
    CHECK(why && strstr(why, "survey.csv:2: image \"office_only.svg\" not found in the survey's folder, assets/symbols"));
    free(why);
    snprintf(path, sizeof path, "%s.published/1", k.db);
    struct stat st;
    CHECK(stat(path, &st) != 0); /* never kept */
    CHECK_INT(support_query_int(work, "Broken kiosk.db", "SELECT count(*) FROM session WHERE survey_version = '2'"), 0);
}

/* "Sync now" from the staff menu: sent, counted, said. */
static void test_sync_now_sends_and_says_so(void)
{
    App app;
    char admin[256], args[900], config[128], ini[128];
    TestKiosk k;
    CHECK(pg_new_database(&server, "now") == 0);
    pg_url(&server, "sayso_admin", "now", admin, sizeof admin);
    snprintf(args, sizeof args, "central init --to '%s'", admin);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(sync_make_kiosk(work, admin, "Now kiosk", NULL, &k) == 0);
    write_kiosk_ini(&k, k.url, "now.ini");
    write_survey("now_v1", "1", "mood", NULL);
    CHECK(sync_add_sessions(k.db, 3, 0, 0) == 0);
    snprintf(config, sizeof config, "%s/now_v1", work);
    snprintf(ini, sizeof ini, "%s/now.ini", work);
    CHECK(open_kiosk(&app, config, k.db, ini) == 0);
    int rc = run(&app, "now1.script", open_menu);
    bool before = rc == 0 && shows(&app, "Not yet synced: 3 people") && shows(&app, "Not synced yet");
    if (rc == 0)
        rc = run(&app, "now2.script", "tap staff:sync\nexpect staff-menu\nshot sync-menu.png\n");
    bool after = rc == 0 && shows(&app, "Not yet synced: 0 people") && shows(&app, "Last synced: today at") &&
                 strstr(app.staff.message, "Synced: 3 sessions sent to the central store.");
    app_close(&app);
    CHECK_INT(rc, 0);
    CHECK(before);
    CHECK(after);
    CHECK_INT(pg_int(&server, "now", "SELECT count(*) FROM sayso.session"), 3);
}

int main(void)
{
    char err[256];
    if (support_temp_dir(work, sizeof work, "synck") != 0 || pin_hash("2468", pin, err, sizeof err) != 0 ||
        pg_start(&server, false, false) != 0) {
        printf("FAIL the test server did not start\n");
        return 1;
    }
    RUN(test_unreachable_server_kiosk_keeps_working);
    RUN(test_sync_now_sends_and_says_so);
    RUN_PLAIN_PASS_ONLY(test_published_survey_switches_at_the_welcome_screen_only);
    RUN_PLAIN_PASS_ONLY(test_broken_publish_is_never_shown);
    RUN_PLAIN_PASS_ONLY(test_workbook_published_with_its_pictures);
    pg_stop(&server);
    return support_finish(work);
}
