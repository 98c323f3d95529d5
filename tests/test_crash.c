/* test_crash.c: nothing committed is ever lost, whatever moment the
 * process dies (SIGKILL: no handler, no cleanup, as a power cut looks to
 * the file).
 *
 *   - The kiosk: scripted sessions on one database, killed at a random
 *     moment, again and again (CRASH_KILLS times). After each kill the
 *     file passes PRAGMA integrity_check, every row that was in it before
 *     that run is still there byte for byte, and the kiosk starts again
 *     (the next run); at the end a whole run completes.
 *   - An export killed at random moments: the file is whole or absent,
 *     and the next export leaves no temporary file behind.
 *   - A purge killed at random moments: all the old sessions go, or none;
 *     never an answer without its session.
 * Heavy, so it runs in the plain pass only. The seed is printed, so a
 * failure can be repeated (SAYSO_CRASH_SEED). */
#include "test_support.h"

#include <dirent.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#define CRASH_KILLS 100
#define CRASH_SESSIONS 10

static char dir[64];
static unsigned seed;

static const char *const tables[] = {"kiosk", "session", "answer", "recording", "staff_event"};

/* ---- every row of the database, as text ---------------------------------- */

typedef struct {
    char **rows;
    int n, cap;
} Rows;

static void rows_add(Rows *r, char *row)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 1024;
        r->rows = realloc(r->rows, (size_t)r->cap * sizeof *r->rows);
    }
    r->rows[r->n++] = row;
}

static void rows_free(Rows *r)
{
    for (int i = 0; i < r->n; i++)
        free(r->rows[i]);
    free(r->rows);
    memset(r, 0, sizeof *r);
}

static int rows_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void put_value(FILE *f, sqlite3_stmt *st, int c)
{
    const unsigned char *bytes = sqlite3_column_blob(st, c);
    int n = sqlite3_column_bytes(st, c);
    fprintf(f, "|%d:", sqlite3_column_type(st, c));
    for (int i = 0; i < n; i++)
        fprintf(f, "%02x", bytes[i]);
}

/* The row `st` is on, as "table|type:bytes-in-hex|...". A session's ending
 * (ended_at, ended_how) is a row of its own, "session_end|id|...", made
 * once it has ended: a session a kill left open is ended at the next start
 * (as timed out), which adds that row and changes nothing written before. */
static void row_add(Rows *out, const char *table, sqlite3_stmt *st)
{
    bool session = strcmp(table, "session") == 0;
    char *row = NULL, *end = NULL;
    size_t size = 0, end_size = 0;
    FILE *f = open_memstream(&row, &size), *e = open_memstream(&end, &end_size);
    fprintf(f, "%s", table);
    fprintf(e, "session_end");
    bool ended = false;
    for (int c = 0; c < sqlite3_column_count(st); c++) {
        const char *name = sqlite3_column_name(st, c);
        bool ending = session && (strcmp(name, "ended_at") == 0 || strcmp(name, "ended_how") == 0);
        if (session && (ending || strcmp(name, "id") == 0))
            put_value(e, st, c);
        ended |= ending && sqlite3_column_type(st, c) != SQLITE_NULL;
        if (!ending)
            put_value(f, st, c);
    }
    fclose(f);
    fclose(e);
    rows_add(out, row);
    if (ended)
        rows_add(out, end);
    else
        free(end);
}

/* Every row of every table, each as "table|type:bytes-in-hex|...", sorted.
 * -1 when the file cannot be read. */
static int rows_read(const char *path, Rows *out)
{
    sqlite3 *db = NULL;
    memset(out, 0, sizeof *out);
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    int rc = SQLITE_OK;
    for (size_t t = 0; t < sizeof tables / sizeof tables[0] && rc == SQLITE_OK; t++) {
        char sql[64];
        sqlite3_stmt *st = NULL;
        snprintf(sql, sizeof sql, "SELECT * FROM %s", tables[t]);
        rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
        while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            row_add(out, tables[t], st);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    qsort(out->rows, (size_t)out->n, sizeof *out->rows, rows_cmp);
    return rc == SQLITE_OK ? 0 : -1;
}

/* How many rows of `before` are not in `after` (both sorted). */
static int rows_missing(const Rows *before, const Rows *after)
{
    int missing = 0, j = 0;
    for (int i = 0; i < before->n; i++) {
        while (j < after->n && strcmp(after->rows[j], before->rows[i]) < 0)
            j++;
        if (j < after->n && strcmp(after->rows[j], before->rows[i]) == 0)
            j++;
        else
            missing++;
    }
    return missing;
}

static bool integrity_ok(const char *path)
{
    char out[64];
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    out[0] = '\0';
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    if (strcmp(out, "ok") != 0)
        printf("    integrity_check: %s\n", out);
    return strcmp(out, "ok") == 0;
}

/* ---- processes ------------------------------------------------------------ */

static void sleep_ms(int ms)
{
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* Starts `command` (sh -c), output into `dir`/crash-out.txt. */
static pid_t start(const char *command)
{
    pid_t pid = fork();
    if (pid == 0) {
        char full[2048];
        snprintf(full, sizeof full, "exec %s >>%s/crash-out.txt 2>&1", command, dir);
        execl("/bin/sh", "sh", "-c", full, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* Kills `pid` after `ms` unless it ended first. True when it was killed. */
static bool kill_after(pid_t pid, int ms)
{
    int status;
    for (int waited = 0; waited < ms; waited += 5) {
        if (waitpid(pid, &status, WNOHANG) == pid)
            return false;
        sleep_ms(5);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status);
}

/* Runs `command` to its end; how many milliseconds it took. */
static int timed_run(const char *command)
{
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    int status;
    waitpid(start(command), &status, 0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    return (int)((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000);
}

static int random_ms(int max)
{
    return (int)(rand_r(&seed) % (unsigned)max);
}

/* ---- the kiosk ------------------------------------------------------------ */

/* CRASH_SESSIONS people through the forum survey (every other one stops
 * half-way), one after another, each answer committed as it is given.
 * Kills fall within the first two, so a run never ends by itself first,
 * however fast or loaded the machine is. */
static void write_sessions_script(void)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    for (int i = 0; i < CRASH_SESSIONS; i++) {
        fputs("expect welcome\ntap start\ntap lang:en\ntap yes\ndrag gp good\ntap hospital\ntap not_sure\n"
              "drag mental_health bad\ntap next\nexpect mat-left\ntap next\ntap listened\ntap trusted_person\ntap listened\ntap next\n",
              f);
        fputs(i % 2 ? "tap stop\ntap yes\n" : "tap money\ntap skip\ntap co_design\ntap next\ntap next\n", f);
        fputs("expect thanks\ntap next\n", f);
    }
    fclose(f);
    support_write_file(dir, "sessions.script", text);
    support_write_file(dir, "start.script", "expect welcome\n");
    free(text);
}

static void kiosk_command(char *out, size_t size, const char *script)
{
    /* 1280x800, the smallest screen the layout is tested at: less drawing per tap */
    snprintf(out, size, "%s --headless --size 1280x800 --script %s/%s --db %s/kiosk.db", support_bin(), dir, script,
             dir);
}

static void test_kiosk_killed_at_random_keeps_every_committed_row(void)
{
    char db[128], command[1024], starting[1024];
    support_path_in(dir, "kiosk.db", db, sizeof db);
    write_sessions_script();
    kiosk_command(command, sizeof command, "sessions.script");
    kiosk_command(starting, sizeof starting, "start.script");
    /* How long the kiosk takes to start (writing nothing) and a whole run
     * take: kills fall after the start, within the time of two sessions,
     * while answers are being written. */
    int ready = timed_run(starting), takes = timed_run(command);
    int window = 2 * (takes - ready) / CRASH_SESSIONS;
    int kills = 0, lost = 0, broken = 0, tries = 0;
    Rows before = {0}, after = {0};
    CHECK_INT(rows_read(db, &before), 0);
    while (kills < CRASH_KILLS && tries++ < CRASH_KILLS * 3) {
        int at = ready + random_ms(window > 0 ? window : 1);
        if (kill_after(start(command), at))
            kills++;
        broken += !integrity_ok(db);
        if (rows_read(db, &after) != 0)
            broken++;
        lost += rows_missing(&before, &after);
        rows_free(&before);
        before = after; /* what this run left is what the next must keep */
        memset(&after, 0, sizeof after);
        if (broken || lost)
            break;
    }
    rows_free(&before);
    printf("    %d kills in %d runs (%d ms each, %d to start), %d rows lost, %d integrity failures, %d sessions"
           " in the file\n", kills, tries, takes, ready, lost, broken, support_query_int(dir, "kiosk.db", "SELECT count(*) FROM session"));
    CHECK_INT(broken, 0);
    CHECK_INT(lost, 0);
    CHECK_INT(kills, CRASH_KILLS);
    CHECK_INT(support_shell(command), 0); /* it starts again and runs to the end */
    CHECK(integrity_ok(db));
}

/* ---- exports and purges ---------------------------------------------------- */

/* A database of `n` sessions with a dozen answers each, every other one
 * started in 2020 (for the purge), made with plain SQL so it is quick. */
static int make_big_database(const char *path, int n)
{
    char err[256], sql[2048];
    Store *store = store_open(path, err, sizeof err); /* the real schema */
    store_close(store);
    sqlite3 *db = NULL;
    snprintf(sql, sizeof sql,
             "BEGIN;"
             "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < %d)"
             " INSERT INTO session (id, kiosk_id, survey_id, survey_version, language, touch_style, mode,"
             " started_at, ended_at, ended_how)"
             " SELECT printf('s%%07d', i), (SELECT id FROM kiosk), 'forum', '1', 'en', 'touch', 'self',"
             " CASE WHEN i %% 2 THEN '2020-03-01T10:00:00.000Z' ELSE strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now') END,"
             " strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), 'finished' FROM k;"
             "WITH RECURSIVE a(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM a WHERE j < 12)"
             " INSERT INTO answer (id, session_id, question, topic, choice, skipped, text, answered_at)"
             " SELECT s.id || '-' || j, s.id, 'change', NULL, 'c' || j, 0,"
             " CASE WHEN j = 12 THEN 'Buses, \"mostly\" late; ' || s.id ELSE NULL END, s.started_at"
             " FROM session s, a;"
             "COMMIT;",
             n);
    int rc = sqlite3_open(path, &db) == SQLITE_OK ? sqlite3_exec(db, sql, NULL, NULL, NULL) : -1;
    sqlite3_close(db);
    return rc;
}

/* Whether `dir` has a file whose name holds `part`. */
static bool has_file(const char *folder, const char *part)
{
    DIR *d = opendir(folder);
    struct dirent *e;
    bool found = false;
    while (d && (e = readdir(d)))
        found |= strstr(e->d_name, part) != NULL;
    if (d)
        closedir(d);
    return found;
}

static void test_killed_export_is_whole_or_absent(void)
{
    char db[128], whole[128], out[128], command[1024];
    support_path_in(dir, "big.db", db, sizeof db);
    support_path_in(dir, "whole.csv", whole, sizeof whole);
    support_path_in(dir, "answers.csv", out, sizeof out);
    CHECK_INT(make_big_database(db, 4000), 0);
    snprintf(command, sizeof command, "%s export --db %s --format csv --out %s --config config/forum >/dev/null 2>&1",
             support_bin(), db, whole);
    CHECK_INT(support_shell(command), 0);
    size_t want_size = 0;
    char *want = support_slurp(whole, &want_size);
    CHECK(want && want_size > 1000000);
    snprintf(command, sizeof command, "%s export --db %s --format csv --out %s --config config/forum", support_bin(),
             db, out);
    int takes = timed_run(command), kills = 0, partial = 0;
    for (int i = 0; i < 30; i++) {
        unlink(out);
        kills += kill_after(start(command), random_ms(takes + 1));
        size_t size = 0;
        char *got = support_slurp(out, &size);
        partial += got && (size != want_size || memcmp(got, want, size) != 0);
        free(got);
    }
    printf("    exports (%d ms each): %d killed, %d partial files\n", takes, kills, partial);
    CHECK(kills >= 10);
    CHECK_INT(partial, 0);
    CHECK_INT(timed_run(command) >= 0, 1); /* the next export: whole, and nothing left beside it */
    CHECK(!has_file(dir, ".tmp-"));
    free(want);
}

static void test_killed_purge_is_all_or_nothing(void)
{
    char db[128], command[1024];
    support_path_in(dir, "purge.db", db, sizeof db);
    snprintf(command, sizeof command, "%s purge --db %s --before 2021-01-01", support_bin(), db);
    int kills = 0, halves = 0, orphans = 0, broken = 0, takes = 0;
    for (int i = 0; i < 13; i++) {
        char wal[160];
        unlink(db);
        snprintf(wal, sizeof wal, "%s-wal", db);
        unlink(wal);
        CHECK_INT(make_big_database(db, 3000), 0);
        if (i == 0) { /* once to the end, to know how long a purge takes */
            takes = timed_run(command);
            continue;
        }
        kills += kill_after(start(command), random_ms(takes + 1));
        int old = support_query_int(dir, "purge.db", "SELECT count(*) FROM session WHERE started_at < '2021'");
        halves += old != 0 && old != 1500;
        orphans += support_query_int(dir, "purge.db",
                                     "SELECT count(*) FROM answer WHERE session_id NOT IN (SELECT id FROM session)");
        broken += !integrity_ok(db);
    }
    printf("    purges (%d ms each): %d killed, %d half done, %d orphan answers\n", takes, kills, halves, orphans);
    CHECK(kills >= 6);
    CHECK_INT(halves, 0);
    CHECK_INT(orphans, 0);
    CHECK_INT(broken, 0);
}

int main(void)
{
    const char *s = getenv("SAYSO_CRASH_SEED");
    seed = s ? (unsigned)strtoul(s, NULL, 10) : (unsigned)time(NULL);
    printf("    seed %u (SAYSO_CRASH_SEED repeats it)\n", seed);
    if (support_temp_dir(dir, sizeof dir, "crash") != 0)
        return 1;
    if (!getenv("SAYSO_CRASH_SKIP_KIOSK"))
        RUN_PLAIN_PASS_ONLY(test_kiosk_killed_at_random_keeps_every_committed_row);
    RUN_PLAIN_PASS_ONLY(test_killed_export_is_whole_or_absent);
    RUN_PLAIN_PASS_ONLY(test_killed_purge_is_all_or_nothing);
    return support_finish(dir);
}
