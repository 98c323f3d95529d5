/* test_sync_report.c: reports across kiosks and offline venues: `sayso
 * merge` of USB-stick databases (twice: nothing more), the merged file
 * exported and synced like any kiosk's, and `sayso export --from` over the
 * central store with two kiosks' scripted sessions: every row names its
 * kiosk and venue, the report has a section per venue and opens in
 * headless Chromium without a console message. */
#include "sync_support.h"

static PgServer server;
static char work[64];

static int count(const char *db, const char *sql)
{
    return support_query_int(work, db, sql);
}

/* ---- merging ---- */

static void test_merge_twice_adds_nothing(void)
{
    char args[1024], a[128], b[128], merged[128];
    snprintf(a, sizeof a, "%s/stick_a.db", work);
    snprintf(b, sizeof b, "%s/stick_b.db", work);
    snprintf(merged, sizeof merged, "%s/merged.db", work);
    CHECK(sync_add_sessions(a, 4, 2, 1) == 0 && sync_add_sessions(b, 3, 1, 0) == 0);
    snprintf(args, sizeof args, "merge --into %s %s %s", merged, a, b);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(support_output_has(work, "merged ") && support_output_has(work, "5 new sessions"));
    CHECK_INT(count("merged.db", "SELECT count(*) FROM session"), 8);
    CHECK_INT(count("merged.db", "SELECT count(*) FROM answer"), 8 * 5 + 3 + 3);
    CHECK_INT(count("merged.db", "SELECT count(*) FROM recording"), 6);
    CHECK_INT(count("merged.db", "SELECT count(*) FROM kiosk"), 3); /* its own, and the two sticks' */
    /* again: nothing new, and the recordings are the sticks' bytes */
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(support_output_has(work, "0 new sessions (0 answers, 0 recordings) (nothing new in it)"));
    CHECK_INT(count("merged.db", "SELECT count(*) FROM session"), 8);
    CHECK_INT(count("merged.db", "SELECT count(*) FROM answer"), 46);
    snprintf(args, sizeof args, "SELECT count(*) FROM recording r JOIN s.recording o ON o.id = r.id AND o.wav = r.wav");
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    char attach[256];
    snprintf(attach, sizeof attach, "ATTACH '%s' AS s", a);
    CHECK(sqlite3_open(merged, &db) == SQLITE_OK && sqlite3_exec(db, attach, NULL, NULL, NULL) == SQLITE_OK);
    CHECK(sqlite3_prepare_v2(db, args, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW);
    int same = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    CHECK_INT(same, 3);
    /* it exports like a kiosk's */
    snprintf(args, sizeof args, "export --db %s --format csv --out %s/merged.csv", merged, work);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(support_output_has(work, "of 8 sessions"));
    /* what cannot be merged is said */
    snprintf(args, sizeof args, "merge --into %s %s", merged, merged);
    CHECK_INT(support_run(work, NULL, args), 1);
    CHECK(support_output_has(work, "into itself"));
    support_write_file(work, "not.db", "hello");
    snprintf(args, sizeof args, "merge --into %s %s/not.db", merged, work);
    CHECK_INT(support_run(work, NULL, args), 1);
    CHECK(support_output_has(work, "not.db"));
    CHECK_INT(count("merged.db", "SELECT count(*) FROM session"), 8);
}

/* The merged file synced with the admin's login (a kiosk's may only send
 * its own sessions), kiosks it meets first named by kiosk.ini's venue. */
static void test_merged_file_syncs_with_the_admin(void)
{
    char admin[256], args[1024];
    CHECK(pg_new_database(&server, "sticks") == 0);
    pg_url(&server, "sayso_admin", "sticks", admin, sizeof admin);
    snprintf(args, sizeof args, "central init --to '%s'", admin);
    CHECK_INT(support_run(work, NULL, args), 0);
    support_write_file(work, "laptop.ini", "[sync]\nvenue = Village hall\n");
    snprintf(args, sizeof args, "sync --db %s/merged.db --to '%s' --kiosk %s/laptop.ini", work, admin, work);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(support_output_has(work, "sent 7 sessions"));
    CHECK(support_output_has(work, "1 session still being answered")); /* the stick's open one, an hour old */
    CHECK_INT(pg_int(&server, "sticks", "SELECT count(*) FROM sayso.kiosk WHERE venue = 'Village hall'"), 2);
    CHECK_INT(pg_int(&server, "sticks", "SELECT count(*) FROM sayso.recording"), 5);
    const char *dbs[1];
    char merged[128];
    snprintf(merged, sizeof merged, "%s/merged.db", work);
    dbs[0] = merged;
    CHECK(sync_central_matches(&server, "sticks", dbs, 1));
}

/* ---- the central report ---- */

/* Runs the forum's design example on a kiosk's database (a new UUID). */
static int scripted_sessions(const char *db, int runs)
{
    char args[512];
    for (int i = 0; i < runs; i++) {
        snprintf(args, sizeof args, "--headless --script tests/e2e/design_example.script --db '%s'", db);
        if (support_run(work, NULL, args) != 0)
            return -1;
    }
    return 0;
}

static int chromium(const char *page, const char *png, const char *log)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "HOME=%s/home timeout 120 chromium --headless=new --no-sandbox --disable-gpu --no-first-run"
             " --hide-scrollbars --enable-logging=stderr --v=0 --screenshot=%s --window-size=1280,6000"
             " file://%s > %s 2>&1",
             work, png, page, log);
    return support_shell(cmd);
}

static void test_central_report_across_two_kiosks(void)
{
    char admin[256], args[1024], path[256];
    TestKiosk a, b;
    CHECK(pg_new_database(&server, "county") == 0);
    pg_url(&server, "sayso_admin", "county", admin, sizeof admin);
    snprintf(args, sizeof args, "central init --to '%s'", admin);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(sync_make_kiosk(work, admin, "Library kiosk", "Central Library", &a) == 0);
    CHECK(sync_make_kiosk(work, admin, "Hub kiosk", "Community Hub", &b) == 0);
    CHECK(scripted_sessions(a.db, 2) == 0 && scripted_sessions(b.db, 1) == 0);
    sqlite3 *raw = NULL; /* typed values (XLSForm's numbers and dates) come back as they went */
    CHECK(sqlite3_open(b.db, &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, "UPDATE answer SET value = 6.5 WHERE rowid = (SELECT min(rowid) FROM answer WHERE skipped = 0);"
                            "UPDATE answer SET value = '2026-03-01' WHERE rowid = (SELECT max(rowid) FROM answer"
                            " WHERE skipped = 0)", NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(raw);
    CHECK_INT(sync_kiosk_run(work, &a, NULL), 0);
    CHECK_INT(sync_kiosk_run(work, &b, NULL), 0);
    snprintf(args, sizeof args, "export --from '%s' --format csv --out %s/county.csv", admin, work);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(support_output_has(work, "of 3 sessions"));
    support_path_in(work, "county.csv", path, sizeof path);
    char *csv = support_slurp(path, NULL);
    CHECK(csv);
    bool columns = strstr(csv, ",answer_id,answered_at,value,kiosk_name,venue\r\n") &&
                   strstr(csv, ",Library kiosk,Central Library\r\n") && strstr(csv, ",Hub kiosk,Community Hub\r\n") &&
                   strstr(csv, ",6.5,Hub kiosk,Community Hub\r\n") && strstr(csv, ",2026-03-01,Hub kiosk,Community Hub\r\n");
    free(csv);
    CHECK(columns);
    snprintf(args, sizeof args, "export --from '%s' --format jsonl --out %s/hub.jsonl --venue 'Community Hub'",
             admin, work);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(support_output_has(work, "of 1 session "));
    char text[4096];
    support_read_text(work, "hub.jsonl", text, sizeof text);
    CHECK(strstr(text, "\"kiosk_name\":\"Hub kiosk\",\"venue\":\"Community Hub\"") && !strstr(text, "Library"));
    support_path_in(work, "hub.jsonl", path, sizeof path);
    char *jsonl = support_slurp(path, NULL);  /* all of it: the date is on the last answer */
    CHECK(jsonl && strstr(jsonl, "\"value\":6.5}") && strstr(jsonl, "\"value\":\"2026-03-01\"}"));
    free(jsonl);
    snprintf(args, sizeof args, "export --from '%s' --format html --out %s/county.html", admin, work);
    CHECK_INT(support_run(work, NULL, args), 0);
    support_path_in(work, "county.html", path, sizeof path);
    char *html = support_slurp(path, NULL);
    CHECK(html);
    bool venues = strstr(html, "<h2 id=\"venues-h\">By venue</h2>") && strstr(html, ">Central Library</th>") &&
                  strstr(html, ">Community Hub</th>") && strstr(html, "<dd>Library kiosk at Central Library (2 sessions)<br>Hub kiosk at Community Hub (1 session)") &&
                  strstr(html, "<table class=\"byvenue\">") && strstr(html, "Made by sayso from the central store");
    free(html);
    CHECK(venues);
    char png[256], log[256];
    support_path_in(work, "county.png", png, sizeof png);
    support_path_in(work, "county.log", log, sizeof log);
    CHECK_INT(chromium(path, png, log), 0);
    char *messages = support_slurp(log, NULL);
    bool quiet = messages && !strstr(messages, ":CONSOLE");
    free(messages);
    CHECK(quiet);
    SDL_Surface *shot = support_load_png(work, "county.png");
    CHECK(shot && support_colours(shot, 3, 200) >= 40);
    SDL_FreeSurface(shot);
    const char *keep = getenv("SAYSO_CENTRAL_REPORT_DIR"); /* for a person to look at */
    if (keep && keep[0]) {
        snprintf(args, sizeof args, "mkdir -p '%s' && cp %s %s '%s/'", keep, path, png, keep);
        CHECK_INT(support_shell(args), 0);
    }
}

int main(void)
{
    char home[128];
    const char *pass = getenv("SAYSO_TEST_PASS");
    bool plain = !pass || strcmp(pass, "asan") != 0; /* the sanitizer pass merges only: no server */
    if (support_temp_dir(work, sizeof work, "syncr") != 0 || (plain && pg_start(&server, false, false) != 0)) {
        printf("FAIL the test server did not start\n");
        return 1;
    }
    support_path_in(work, "home", home, sizeof home); /* Chromium's HOME */
    mkdir(home, 0700);
    RUN(test_merge_twice_adds_nothing);
    RUN_PLAIN_PASS_ONLY(test_merged_file_syncs_with_the_admin);
    RUN_PLAIN_PASS_ONLY(test_central_report_across_two_kiosks);
    if (plain)
        pg_stop(&server);
    return support_finish(work);
}
