/* test_sync.c: the central store on a real PostgreSQL, and answers going
 * up to it exactly once.
 *
 * One server for the whole program (pg_support.h: initdb as postgres, a
 * Unix socket, TLS on 127.0.0.1 for the TLS test alone, stopped at the end
 * whatever happens);
 * each case gets its own database. Kiosk databases are filled through the
 * store, as a kiosk fills them, and synced by the real binary. The heavy
 * cases (a hundred kill -9s, the server stopped mid-batch, two kiosks at
 * once) run in the plain pass only; the sanitizer pass still sets up a
 * central store and a kiosk login, pushes and replays, and is refused. */
#include "sync_support.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>

static PgServer server;
static char work[64]; /* this program's folder */

/* A fresh central database `name`, set up with `sayso central init`; its
 * admin URL into `admin`. 0 or -1. */
static int fresh_central(const char *name, char *admin, size_t size)
{
    char args[600];
    if (pg_new_database(&server, name) != 0)
        return -1;
    pg_url(&server, "sayso_admin", name, admin, size);
    snprintf(args, sizeof args, "central init --to '%s'", admin);
    int rc = support_run(work, NULL, args);
    if (rc != 0)
        printf("    central init failed:\n%s\n", support_read_text(work, "out.txt", (char[2048]){0}, 2048));
    return rc == 0 ? 0 : -1;
}

static long long central_count(const char *db, const char *table)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM sayso.%s", table);
    return pg_int(&server, db, sql);
}

/* ---- the central store's set-up ---- */

static void test_central_init_is_idempotent_and_refuses_newer(void)
{
    char admin[256], args[400], out[2048];
    CHECK(fresh_central("init_twice", admin, sizeof admin) == 0);
    CHECK(support_output_has(work, "made the central store (schema version 2)"));
    snprintf(args, sizeof args, "central init --to '%s'", admin);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(support_output_has(work, "up to date (schema version 2); nothing changed"));
    CHECK_INT(pg_int(&server, "init_twice", "SELECT count(*) FROM sayso.schema_version"), 2);
    CHECK_INT(pg_int(&server, "init_twice", "SELECT count(*) FROM pg_tables WHERE schemaname = 'sayso'"), 9);
    CHECK(pg_sql(&server, "init_twice", "INSERT INTO sayso.schema_version VALUES (7)", out, sizeof out) == 0);
    CHECK_INT(support_run(work, NULL, args), 1);
    CHECK(support_output_has(work, "has schema version 7, newer than this sayso knows (2): update sayso"));
    CHECK_INT(pg_int(&server, "init_twice", "SELECT count(*) FROM sayso.schema_version"), 3);
}

static void test_kiosk_login_and_its_lines(void)
{
    char admin[256];
    TestKiosk k;
    CHECK(fresh_central("logins", admin, sizeof admin) == 0);
    CHECK(sync_make_kiosk(work, admin, "Library kiosk 1", "Central Library", &k) == 0);
    CHECK_STR(k.login, "sayso_kiosk_library_kiosk_1");
    CHECK(strstr(k.url, "postgresql://sayso_kiosk_library_kiosk_1@/logins?host="));
    CHECK(strlen(k.password) >= 32);
    CHECK(support_output_has(work, "venue = Central Library\n"));
    CHECK(support_output_has(work, "chmod 600"));
    /* the server holds a SCRAM verifier, never the password */
    CHECK_INT(pg_int(&server, "postgres", "SELECT count(*) FROM pg_authid WHERE rolname ="
                                          " 'sayso_kiosk_library_kiosk_1' AND rolpassword LIKE 'SCRAM-SHA-256$%'"), 1);
    char args[600];
    snprintf(args, sizeof args, "central kiosk --to '%s' --name 'Library kiosk 1'", admin);
    CHECK_INT(support_run(work, NULL, args), 1);
    CHECK(support_output_has(work, "already exists"));
    snprintf(args, sizeof args, "central kiosk --to '%s' --name '!!!'", admin);
    CHECK_INT(support_run(work, NULL, args), 1);
    CHECK(support_output_has(work, "has no letters or digits"));
}

/* ---- pushing ---- */

static void test_push_then_replay_adds_no_duplicate(void)
{
    char admin[256];
    TestKiosk k;
    CHECK(fresh_central("replay", admin, sizeof admin) == 0);
    CHECK(sync_make_kiosk(work, admin, "Replay kiosk", "Hub", &k) == 0);
    CHECK(sync_add_sessions(k.db, 12, 4, 1) == 0);
    sqlite3 *raw = NULL; /* one topic never reached: it goes up as such */
    CHECK(sqlite3_open(k.db, &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, "UPDATE answer SET not_reached = 1 WHERE rowid = (SELECT min(rowid) FROM answer"
                            " WHERE skipped = 1)", NULL, NULL, NULL) == SQLITE_OK);
    /* XLSForm's typed values go up as what they are (numbers as numbers) */
    CHECK(sqlite3_exec(raw, "UPDATE answer SET value = CASE rowid % 3 WHEN 0 THEN 42 WHEN 1 THEN 6.5"
                            " ELSE '2026-03-01' END WHERE skipped = 0 AND rowid <= 9", NULL, NULL, NULL) == SQLITE_OK);
    CHECK_INT(sync_kiosk_run(work, &k, "SAYSO_SYNC_BATCH_SESSIONS=5"), 0);
    CHECK(support_output_has(work, "sent 12 sessions (63 answers, 3 recordings)"));
    CHECK_INT(pg_int(&server, "replay", "SELECT count(*) FROM sayso.answer WHERE not_reached"), 1);
    CHECK_INT(pg_int(&server, "replay", "SELECT count(*) FROM sayso.answer WHERE value IS NOT NULL"),
              support_query_int(work, "Replay kiosk.db", "SELECT count(*) FROM answer a JOIN session s ON"
                                " s.id = a.session_id WHERE a.value IS NOT NULL AND s.ended_at IS NOT NULL"));
    CHECK_INT(pg_int(&server, "replay", "SELECT count(*) FROM sayso.answer WHERE value IS NOT NULL AND"
                                        " value NOT IN ('42'::jsonb, '6.5'::jsonb, '\"2026-03-01\"'::jsonb)"), 0);
    CHECK(pg_int(&server, "replay", "SELECT count(*) FROM sayso.answer WHERE jsonb_typeof(value) = 'number'") > 0);
    CHECK(support_output_has(work, "1 session still being answered"));
    CHECK_INT(central_count("replay", "session"), 12);
    CHECK_INT(central_count("replay", "answer"), 63);
    CHECK_INT(central_count("replay", "recording"), 3);
    const char *dbs[] = {k.db};
    CHECK(sync_central_matches(&server, "replay", dbs, 1));
    CHECK_INT(support_query_int(work, "Replay kiosk.db", "SELECT count(*) FROM session WHERE synced_at IS NOT NULL"), 12);
    /* the kiosk forgets it synced (a replay): nothing new arrives there */
    CHECK(sqlite3_exec(raw, "UPDATE session SET synced_at = NULL", NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(raw);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 0);
    CHECK(support_output_has(work, "sent 0 sessions"));
    CHECK(support_output_has(work, "12 sessions already on the server"));
    CHECK_INT(central_count("replay", "session"), 12);
    CHECK_INT(central_count("replay", "answer"), 63);
    CHECK(sync_central_matches(&server, "replay", dbs, 1));
    /* what was typed arrives as typed: quotes, commas, line breaks, \N */
    CHECK_INT(pg_int(&server, "replay", "SELECT count(*) FROM sayso.answer WHERE text = E'kinder, \"staff\"\\nplease'"), 6);
    CHECK_INT(pg_int(&server, "replay", "SELECT count(*) FROM sayso.answer WHERE text = E'\\\\N tab\\there'"), 6);
    CHECK_INT(pg_int(&server, "replay", "SELECT count(*) FROM sayso.recording WHERE length(wav) = 64"), 3);
    CHECK_INT(pg_int(&server, "replay", "SELECT count(*) FROM sayso.kiosk WHERE name = 'Replay kiosk' AND venue = 'Hub'"), 1);
}

static void test_kiosk_login_cannot_read_or_change_answers(void)
{
    char admin[256], url[600], out[1024];
    TestKiosk k;
    CHECK(fresh_central("blind", admin, sizeof admin) == 0);
    CHECK(sync_make_kiosk(work, admin, "Blind kiosk", NULL, &k) == 0);
    CHECK(sync_add_sessions(k.db, 3, 0, 0) == 0);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 0);
    snprintf(url, sizeof url, "%s&password=%s", k.url, k.password);
    PGconn *c = PQconnectdb(url);
    CHECK(PQstatus(c) == CONNECTION_OK);
    static const char *const refused[] = {
        "SELECT * FROM sayso.answer", "SELECT id FROM sayso.answer", "SELECT count(*) FROM sayso.session",
        "SELECT wav FROM sayso.recording", "DELETE FROM sayso.answer", "UPDATE sayso.answer SET text = 'x'",
        "SELECT * FROM sayso.kiosk_login", "TRUNCATE sayso.answer",
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        PGresult *r = PQexec(c, refused[i]);
        snprintf(out, sizeof out, "%s", PQresultErrorMessage(r));
        PQclear(r);
        if (!strstr(out, "permission denied"))
            printf("    %s: %s\n", refused[i], out);
        CHECK(strstr(out, "permission denied"));
    }
    /* its own rows only: another kiosk's id is refused by row-level security */
    PGresult *r = PQexec(c, "INSERT INTO sayso.session (id, kiosk_id, survey_id, survey_version, language,"
                            " mode, started_at, ended_at, ended_how) SELECT gen_random_uuid(), id, 'f', '1', 'en',"
                            " 'self', now(), now(), 'finished' FROM (SELECT gen_random_uuid() AS id) x");
    snprintf(out, sizeof out, "%s", PQresultErrorMessage(r));
    PQclear(r);
    CHECK(strstr(out, "row-level security"));
    PQfinish(c);
    CHECK_INT(central_count("blind", "answer"), 15);
}

static void test_merged_file_needs_the_admin(void)
{
    char admin[256], args[700];
    TestKiosk a, b;
    CHECK(fresh_central("merged", admin, sizeof admin) == 0);
    CHECK(sync_make_kiosk(work, admin, "Merge A", "North", &a) == 0);
    CHECK(sync_make_kiosk(work, admin, "Merge B", "North", &b) == 0);
    CHECK(sync_add_sessions(a.db, 2, 0, 0) == 0 && sync_add_sessions(b.db, 3, 0, 0) == 0);
    /* b's database with a's sessions in it, synced with b's login: refused, nothing sent */
    sqlite3 *raw = NULL;
    char sql[400];
    snprintf(sql, sizeof sql, "ATTACH '%s' AS a; INSERT INTO session SELECT * FROM a.session;"
                              " INSERT INTO answer SELECT * FROM a.answer", a.db);
    CHECK(sqlite3_open(b.db, &raw) == SQLITE_OK && sqlite3_exec(raw, sql, NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(raw);
    CHECK_INT(sync_kiosk_run(work, &b, NULL), 1);
    CHECK(support_output_has(work, "holds 2 sessions of other kiosks"));
    CHECK_INT(central_count("merged", "session"), 0);
    CHECK_INT(pg_int(&server, "merged", "SELECT count(*) FROM sayso.kiosk_login WHERE kiosk_id IS NOT NULL"), 0);
    /* the admin sends every kiosk's sessions */
    snprintf(args, sizeof args, "sync --db '%s' --to '%s' --kiosk '%s'", b.db, admin, b.ini);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(support_output_has(work, "sent 5 sessions"));
    CHECK(support_output_has(work, "(the admin: every kiosk's sessions)"));
    CHECK_INT(central_count("merged", "kiosk"), 2);
    CHECK_INT(pg_int(&server, "merged", "SELECT count(*) FROM sayso.kiosk WHERE venue = 'North' AND name IS NULL"), 2);
    const char *dbs[] = {b.db};
    CHECK(sync_central_matches(&server, "merged", dbs, 1));
}

/* A new session whose answer is somehow there already (the plain insert
 * of a batch of new sessions meets it): the batch goes the careful way and
 * everything else arrives. */
static void test_answer_already_there_falls_back(void)
{
    char admin[256], args[900], sql[600];
    CHECK(fresh_central("fallback", admin, sizeof admin) == 0);
    char first[128], second[128];
    snprintf(first, sizeof first, "%s/fallback1.db", work);
    snprintf(second, sizeof second, "%s/fallback2.db", work);
    CHECK(sync_add_sessions(first, 2, 0, 0) == 0 && sync_add_sessions(second, 3, 0, 0) == 0);
    snprintf(args, sizeof args, "sync --db %s --to '%s'", first, admin);
    CHECK_INT(support_run(work, NULL, args), 0);
    sqlite3 *raw = NULL;
    snprintf(sql, sizeof sql, "ATTACH '%s' AS f; UPDATE answer SET id = (SELECT id FROM f.answer LIMIT 1)"
                              " WHERE rowid = (SELECT min(rowid) FROM answer)", first);
    CHECK(sqlite3_open(second, &raw) == SQLITE_OK && sqlite3_exec(raw, sql, NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(raw);
    snprintf(args, sizeof args, "sync --db %s --to '%s'", second, admin);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK(support_output_has(work, "sent 3 sessions (14 answers, 0 recordings)"));
    CHECK_INT(central_count("fallback", "session"), 5);
    CHECK_INT(central_count("fallback", "answer"), 24);
}

/* ---- passwords and TLS ---- */

static void test_password_only_in_a_private_file_and_never_shown(void)
{
    char admin[256], ini[2048], path[256];
    TestKiosk k;
    CHECK(fresh_central("secrets", admin, sizeof admin) == 0);
    CHECK(sync_make_kiosk(work, admin, "Secret kiosk", NULL, &k) == 0);
    CHECK(sync_add_sessions(k.db, 1, 0, 0) == 0);
    chmod(k.ini, 0644);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 1);
    CHECK(support_output_has(work, "other users can read it: run chmod 600"));
    CHECK(!support_output_has(work, k.password));
    chmod(k.ini, 0600);
    /* a password_file instead, which must be private too */
    snprintf(path, sizeof path, "%s/secret.pw", work);
    support_write_file(work, "secret.pw", k.password);
    chmod(path, 0640);
    snprintf(ini, sizeof ini, "[sync]\nurl = %s\npassword_file = %s\n", k.url, path);
    support_write_file(work, "Secret kiosk.ini", ini);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 1);
    CHECK(support_output_has(work, "secret.pw holds the sync password but other users can read it"));
    chmod(path, 0600);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 0);
    CHECK(support_output_has(work, "sent 1 session "));
    /* a wrong password: refused, and neither password is repeated */
    support_write_file(work, "secret.pw", "not-the-password-at-all");
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 1);
    CHECK(support_output_has(work, "password authentication failed"));
    CHECK(!support_output_has(work, "not-the-password-at-all") && !support_output_has(work, k.password));
    /* nor one written into the URL */
    char args[800], bad[700];
    snprintf(bad, sizeof bad, "%s", k.url);
    char *at = strchr(bad + 13, '@');
    CHECK(at);
    snprintf(args, sizeof args, "sync --db '%s' --to 'postgresql://%.*s:UrlSecret99%s'", k.db,
             (int)(at - bad - 13), bad + 13, at);
    CHECK_INT(support_run(work, NULL, args), 1);
    CHECK(!support_output_has(work, "UrlSecret99"));
}

/* TLS with sslmode=verify-full and a CA file, over 127.0.0.1 (for this
 * test only): plain TCP is refused by the server, so a sync that works
 * went over TLS. */
static void test_tls_verify_full_with_a_ca_file(void)
{
    char admin[256], ini[2048], path[256];
    TestKiosk k;
    CHECK_INT(pg_set_tls(&server, true), 0);
    CHECK(fresh_central("tls", admin, sizeof admin) == 0);
    CHECK(sync_make_kiosk(work, admin, "Tls kiosk", NULL, &k) == 0);
    CHECK(sync_add_sessions(k.db, 2, 1, 0) == 0);
    snprintf(ini, sizeof ini, "[sync]\nurl = postgresql://%s@127.0.0.1:%d/tls?sslmode=verify-full\npassword = %s\n"
                              "ca_file = %s/other.crt\n", k.login, server.port, k.password, server.dir);
    support_write_file(work, "Tls kiosk.ini", ini);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 1);
    CHECK(support_output_has(work, "certificate"));
    CHECK_INT(central_count("tls", "session"), 0);
    snprintf(ini, sizeof ini, "[sync]\nurl = postgresql://%s@127.0.0.1:%d/tls?sslmode=verify-full\npassword = %s\n"
                              "ca_file = %s/ca.crt\n", k.login, server.port, k.password, server.dir);
    support_write_file(work, "Tls kiosk.ini", ini);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 0);
    CHECK(support_output_has(work, "sent 2 sessions (12 answers, 2 recordings)"));
    snprintf(path, sizeof path, "%s/log", server.dir);
    char *log = support_slurp(path, NULL);
    CHECK(log && !strstr(log, k.password));
    free(log);
    CHECK_INT(pg_set_tls(&server, false), 0);
}

/* ---- what fails ---- */

/* Starts `sayso sync` for kiosk `k` in batches of `batch` sessions, its
 * output thrown away. Its pid. */
static pid_t start_sync(const TestKiosk *k, const char *batch)
{
    fflush(stdout); /* or the child's freopen writes it again */
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        setenv("SAYSO_SYNC_BATCH_SESSIONS", batch, 1);
        execl(support_bin(), support_bin(), "sync", "--db", k->db, "--kiosk", k->ini, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* Every session the kiosk marked synced is on the server. */
static bool marked_are_on_server(const char *pgdb, const char *db)
{
    char *ids = sync_kiosk_ids(db, "session", "synced_at IS NOT NULL");
    char *central = sync_central_ids(&server, pgdb, "session");
    bool ok = ids && central;
    for (char *id = ok ? strtok(ids, ",") : NULL; id && ok; id = strtok(NULL, ","))
        ok = strstr(central, id) != NULL;
    free(ids);
    free(central);
    return ok;
}

static double wall_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

/* Each round adds 2 sessions and un-marks 3 sent ones (as after a kill
 * between the server's COMMIT and the marking), then kills a sync at a
 * random moment of the time one run takes (three batches of two), until
 * 100 kills have landed before the sync ended. */
static void test_kill_9_at_random_moments_then_sync(void)
{
    char admin[256];
    TestKiosk k;
    CHECK(fresh_central("kills", admin, sizeof admin) == 0);
    CHECK(sync_make_kiosk(work, admin, "Killed kiosk", NULL, &k) == 0);
    CHECK(sync_add_sessions(k.db, 6, 3, 0) == 0);
    double t0 = wall_us();
    CHECK_INT(sync_kiosk_run(work, &k, "SAYSO_SYNC_BATCH_SESSIONS=2"), 0);
    double run_us = wall_us() - t0;
    srand(10);
    sqlite3 *raw = NULL;
    CHECK(sqlite3_open(k.db, &raw) == SQLITE_OK);
    sqlite3_busy_timeout(raw, 5000);
    int rounds = 0, kills = 0; /* kills: those that landed before the sync ended */
    for (; kills < 100 && rounds < 250; rounds++) {
        CHECK(sync_add_many(k.db, 2, kills % 5 == 0) == 0); /* one commit: the loop stays quick */
        sqlite3_exec(raw, "UPDATE session SET synced_at = NULL WHERE rowid IN"
                          " (SELECT rowid FROM session ORDER BY random() LIMIT 3)", NULL, NULL, NULL);
        pid_t pid = start_sync(&k, "2");
        usleep((useconds_t)((double)rand() / RAND_MAX * run_us));
        int status = 0;
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        kills += WIFSIGNALED(status);
        CHECK(marked_are_on_server("kills", k.db));
    }
    sqlite3_close(raw);
    printf("    %d kill -9s of sayso sync in %d rounds (one run takes %.0f ms)\n", kills, rounds, run_us / 1000);
    CHECK(kills >= 100);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 0);
    const char *dbs[] = {k.db};
    CHECK(sync_central_matches(&server, "kills", dbs, 1));
    CHECK_INT(central_count("kills", "session"), 6 + 2 * rounds);
    CHECK_INT(support_query_int(work, "Killed kiosk.db", "SELECT count(*) FROM session WHERE synced_at IS NULL"), 0);
}

/* The server stopped (pg_ctl stop -m immediate) as soon as a round's
 * first batch has committed, while the next is on its way: the sync says
 * so and stops, and nothing is marked synced that the server lacks. */
static void test_server_stopped_mid_batch(void)
{
    char admin[256];
    TestKiosk k;
    CHECK(fresh_central("stopped", admin, sizeof admin) == 0);
    CHECK(sync_make_kiosk(work, admin, "Stopped kiosk", NULL, &k) == 0);
    CHECK(sync_add_many(k.db, 1000, true) == 0);
    for (int round = 0; round < 3; round++) {
        long long before = central_count("stopped", "session"), now = before;
        pid_t pid = start_sync(&k, "20");
        int status = 0;
        for (int waited = 0; now == before && waited < 3000 && waitpid(pid, &status, WNOHANG) == 0; waited++) {
            usleep(2000);
            now = central_count("stopped", "session");
        }
        CHECK(now > before);
        CHECK_INT(pg_ctl_stop(&server, "immediate"), 0);
        waitpid(pid, &status, 0);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1); /* it said so, and stopped */
        CHECK_INT(pg_ctl_start(&server), 0);
        CHECK(marked_are_on_server("stopped", k.db));
        int marked = support_query_int(work, "Stopped kiosk.db", "SELECT count(*) FROM session WHERE synced_at IS NOT NULL");
        printf("    round %d: %d of 1000 sessions marked synced, %lld on the server\n", round, marked,
               central_count("stopped", "session"));
        CHECK(marked < 1000);
    }
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 0);
    const char *dbs[] = {k.db};
    CHECK(sync_central_matches(&server, "stopped", dbs, 1));
    CHECK_INT(central_count("stopped", "answer"), 5000);
    CHECK_INT(central_count("stopped", "recording"), 100);
}

static void test_two_kiosks_at_once(void)
{
    char admin[256];
    TestKiosk a, b;
    CHECK(fresh_central("pair", admin, sizeof admin) == 0);
    CHECK(sync_make_kiosk(work, admin, "Pair A", "East", &a) == 0);
    CHECK(sync_make_kiosk(work, admin, "Pair B", "West", &b) == 0);
    CHECK(sync_add_many(a.db, 400, true) == 0 && sync_add_many(b.db, 400, true) == 0);
    pid_t pids[2];
    const TestKiosk *ks[2] = {&a, &b};
    for (int i = 0; i < 2; i++)
        pids[i] = start_sync(ks[i], "20");
    for (int i = 0; i < 2; i++) {
        int status = 0;
        waitpid(pids[i], &status, 0);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    const char *dbs[] = {a.db, b.db};
    CHECK(sync_central_matches(&server, "pair", dbs, 2));
    CHECK_INT(pg_int(&server, "pair", "SELECT count(DISTINCT kiosk_id) FROM sayso.session"), 2);
    CHECK_INT(pg_int(&server, "pair", "SELECT count(*) FROM sayso.session s JOIN sayso.kiosk k ON k.id = s.kiosk_id"
                                      " WHERE k.venue = 'East'"), 400);
}

/* A kiosk's database copied to another machine (a new UUID there) is
 * refused by a login already bound to the first. */
static void test_login_is_bound_to_one_kiosk(void)
{
    char admin[256];
    TestKiosk k;
    CHECK(fresh_central("bound", admin, sizeof admin) == 0);
    CHECK(sync_make_kiosk(work, admin, "Bound kiosk", NULL, &k) == 0);
    CHECK(sync_add_sessions(k.db, 1, 0, 0) == 0);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 0);
    remove(k.db);
    CHECK(sync_add_sessions(k.db, 1, 0, 0) == 0);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 1);
    CHECK(support_output_has(work, "already belongs to kiosk"));
    CHECK_INT(central_count("bound", "session"), 1);
}

/* A central store made by an older sayso (before typed values) refuses
 * nothing silently: the kiosk says to update it and sends nothing; once
 * `central init` brings it up to date, everything goes. */
static void test_older_central_store_is_brought_up_to_date(void)
{
    char admin[256], args[400], out[2048];
    TestKiosk k;
    CHECK(fresh_central("older", admin, sizeof admin) == 0);
    CHECK(sync_make_kiosk(work, admin, "Older kiosk", NULL, &k) == 0);
    CHECK(pg_sql(&server, "older", "ALTER TABLE sayso.answer DROP COLUMN value;"
                                   " DELETE FROM sayso.schema_version WHERE version = 2", out, sizeof out) == 0);
    CHECK(sync_add_sessions(k.db, 2, 0, 0) == 0);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 1);
    CHECK(support_output_has(work, "has schema version 1, older than this sayso sends (2)"));
    CHECK_INT(central_count("older", "session"), 0);
    snprintf(args, sizeof args, "central init --to '%s'", admin);
    CHECK_INT(support_run(work, NULL, args), 0);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 0);
    CHECK_INT(central_count("older", "session"), 2);
}

static void test_unreachable_server_says_so(void)
{
    TestKiosk k = {0};
    char ini[512];
    snprintf(k.db, sizeof k.db, "%s/lonely.db", work);
    snprintf(k.ini, sizeof k.ini, "%s/lonely.ini", work);
    CHECK(sync_add_sessions(k.db, 2, 0, 0) == 0);
    snprintf(ini, sizeof ini, "[sync]\nurl = postgresql://nobody@/x?host=%s/nothing-here&port=1\n", work);
    support_write_file(work, "lonely.ini", ini);
    CHECK_INT(sync_kiosk_run(work, &k, NULL), 1);
    CHECK(support_output_has(work, "cannot connect to the central store"));
    CHECK_INT(support_query_int(work, "lonely.db", "SELECT count(*) FROM session WHERE synced_at IS NULL"), 2);
}

int main(void)
{
    if (support_temp_dir(work, sizeof work, "sync") != 0 || pg_start(&server, false, false) != 0) {
        printf("FAIL the test server did not start\n");
        return 1;
    }
    RUN_PLAIN_PASS_ONLY(test_central_init_is_idempotent_and_refuses_newer);
    RUN_PLAIN_PASS_ONLY(test_kiosk_login_and_its_lines);
    RUN(test_push_then_replay_adds_no_duplicate);
    RUN(test_kiosk_login_cannot_read_or_change_answers);
    RUN_PLAIN_PASS_ONLY(test_merged_file_needs_the_admin);
    RUN_PLAIN_PASS_ONLY(test_answer_already_there_falls_back);
    RUN_PLAIN_PASS_ONLY(test_password_only_in_a_private_file_and_never_shown);
    RUN_PLAIN_PASS_ONLY(test_tls_verify_full_with_a_ca_file);
    RUN_PLAIN_PASS_ONLY(test_kill_9_at_random_moments_then_sync);
    RUN_PLAIN_PASS_ONLY(test_server_stopped_mid_batch);
    RUN_PLAIN_PASS_ONLY(test_two_kiosks_at_once);
    RUN_PLAIN_PASS_ONLY(test_login_is_bound_to_one_kiosk);
    RUN_PLAIN_PASS_ONLY(test_older_central_store_is_brought_up_to_date);
    RUN(test_unreachable_server_says_so);
    pg_stop(&server);
    return support_finish(work);
}
