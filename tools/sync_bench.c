/* sync_bench.c: `make bench`'s sync measurement: a kiosk's 1,000,000
 * answers synced to a central PostgreSQL over its Unix socket, against
 * the same rows loaded by plain `psql \copy` into the same tables, in the
 * same run, on the same server.
 *
 *   sync_bench ./sayso
 *
 * Starts its own PostgreSQL (tests/pg_support.h: initdb as postgres, a
 * socket in a temporary folder; fsync on, as a real server), makes a
 * kiosk database of 200,000 ended sessions of 5 answers each, and then,
 * RUNS times in turn: `sayso sync` with a kiosk login into a fresh central
 * database (every session unsynced again), and `psql \copy` of the same
 * sessions and answers (as CSV files written once) into another fresh one.
 * Prints one line in make bench's shape:
 *
 *   sync 1M answers   sayso MIN / MEDIAN / MAX s | psql \copy MIN / MEDIAN / MAX s
 *   | ratio R (pairs MIN/MEDIAN/MAX; N answers/s, peak RSS M MB)
 *
 * R being the ratio of the medians, "pairs" the spread of each run's own
 * ratio; then the peak RSS of a sync of a tenth as many answers, to show
 * memory stays flat. Target: within 1.5x of \copy. Never fails on
 * timings. */
#include <csv.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

#include "../tests/sync_support.h"

#define RUNS 3
#define SESSIONS 200000 /* 5 answers each */

static PgServer server;
static char work[64];

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, by_value);
    return v[n / 2];
}

/* Runs argv, its output to /dev/null; its wall time, and its peak RSS in
 * MB in *rss_mb (when not NULL). -1 when it failed. */
static double timed(char *const argv[], double *rss_mb)
{
    double t0 = now_s();
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stdout);
        execvp(argv[0], argv);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    wait4(pid, &status, 0, &ru);
    double t = now_s() - t0;
    if (rss_mb)
        *rss_mb = (double)ru.ru_maxrss / 1024.0;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? t : -1;
}

/* Writes `sql`'s rows of `db` as CSV into `path` (libcsv quotes). */
static int write_csv(const char *db, const char *sql, const char *path)
{
    sqlite3 *conn = NULL;
    sqlite3_stmt *st = NULL;
    FILE *out = fopen(path, "w");
    int rc = out && sqlite3_open_v2(db, &conn, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
                     sqlite3_prepare_v2(conn, sql, -1, &st, NULL) == SQLITE_OK
                 ? 0 : -1;
    while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(st); i++) {
            const char *v = (const char *)sqlite3_column_text(st, i);
            if (i)
                fputc(',', out);
            if (v)
                csv_fwrite(out, v, strlen(v));
        }
        fputc('\n', out);
    }
    sqlite3_finalize(st);
    sqlite3_close(conn);
    if (out)
        fclose(out);
    return rc;
}

/* A fresh central database `name` with the schema; its admin URL. */
static int fresh_central(const char *bin, const char *name, char *admin, size_t size)
{
    char args[512];
    if (pg_new_database(&server, name) != 0)
        return -1;
    pg_url(&server, "sayso_admin", name, admin, size);
    snprintf(args, sizeof args, "%s central init --to '%s' > /dev/null", bin, admin);
    return support_shell(args) == 0 ? 0 : -1;
}

/* One `sayso sync` of every session of `k` into a fresh database. */
static double run_sayso(const char *bin, TestKiosk *k, int run, double *rss)
{
    char admin[256], name[32], sql[128];
    snprintf(name, sizeof name, "bench_sayso_%d", run);
    if (fresh_central(bin, name, admin, sizeof admin) != 0)
        return -1;
    TestKiosk login;
    char kiosk_name[32];
    snprintf(kiosk_name, sizeof kiosk_name, "bench kiosk %d", run);
    if (sync_make_kiosk(work, admin, kiosk_name, "Bench", &login) != 0)
        return -1;
    snprintf(k->ini, sizeof k->ini, "%s", login.ini);
    sqlite3 *conn = NULL;
    snprintf(sql, sizeof sql, "UPDATE session SET synced_at = NULL");
    if (sqlite3_open(k->db, &conn) != SQLITE_OK || sqlite3_exec(conn, sql, NULL, NULL, NULL) != SQLITE_OK)
        return -1;
    sqlite3_close(conn);
    char *argv[] = {(char *)bin, "sync", "--db", k->db, "--kiosk", k->ini, NULL};
    return timed(argv, rss);
}

/* The anchor: `psql \copy` of the same sessions and answers. */
static double run_copy(const char *bin, const char *kiosk_id, int run)
{
    char admin[256], name[32], sql[256], cmd[1024];
    snprintf(name, sizeof name, "bench_copy_%d", run);
    if (fresh_central(bin, name, admin, sizeof admin) != 0)
        return -1;
    snprintf(sql, sizeof sql, "INSERT INTO sayso.kiosk (id, name) VALUES ('%s', 'anchor')", kiosk_id);
    if (pg_sql(&server, name, sql, cmd, sizeof cmd) != 0)
        return -1;
    snprintf(cmd, sizeof cmd,
             "\\copy sayso.session (id, kiosk_id, survey_id, survey_version, language, touch_style,"
             " input_used, mode, group_label, started_at, ended_at, ended_how) FROM '%s/sessions.csv' CSV\n"
             "\\copy sayso.answer (id, session_id, kiosk_id, question, topic, choice, skipped,"
             " not_reached, text, answered_at) FROM '%s/answers.csv' CSV\n", work, work);
    support_write_file(work, "copy.sql", cmd);
    char file[128];
    snprintf(file, sizeof file, "%s/copy.sql", work);
    char *argv[] = {"psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", admin, "-f", file, NULL};
    return timed(argv, NULL);
}

/* The kiosk database and the anchor's CSV files of the same rows. */
static int prepare(TestKiosk *k, int sessions, char *kiosk_id)
{
    snprintf(k->db, sizeof k->db, "%s/kiosk-%d.db", work, sessions);
    if (sync_add_many(k->db, sessions, false) != 0)
        return -1;
    char sql[512], path[256];
    support_query(work, strrchr(k->db, '/') + 1, "SELECT id FROM kiosk ORDER BY rowid LIMIT 1", kiosk_id, 64);
    snprintf(path, sizeof path, "%s/sessions.csv", work);
    if (write_csv(k->db, "SELECT id, kiosk_id, survey_id, survey_version, language, touch_style, input_used,"
                         " mode, group_label, started_at, ended_at, ended_how FROM session", path) != 0)
        return -1;
    snprintf(path, sizeof path, "%s/answers.csv", work);
    snprintf(sql, sizeof sql, "SELECT a.id, a.session_id, s.kiosk_id, a.question, a.topic, a.choice,"
                              " CASE a.skipped WHEN 1 THEN 't' ELSE 'f' END, CASE a.not_reached WHEN 1 THEN 't' ELSE 'f' END,"
                              " a.text, a.answered_at"
                              " FROM answer a JOIN session s ON s.id = a.session_id");
    return write_csv(k->db, sql, path);
}

int main(int argc, char **argv)
{
    const char *bin = argc > 1 ? argv[1] : "./sayso";
    double sayso[RUNS], copy[RUNS], ratio[RUNS], rss[RUNS], small_rss = 0;
    char kiosk_id[64];
    TestKiosk k = {0}, small = {0};
    (void)test_run;
    if (support_temp_dir(work, sizeof work, "syncbench") != 0 || pg_start(&server, false, true) != 0) {
        printf("sync 1M answers: skipped (PostgreSQL did not start)\n");
        return 0;
    }
    if (prepare(&small, SESSIONS / 10, kiosk_id) != 0 || run_sayso(bin, &small, 99, &small_rss) < 0 ||
        prepare(&k, SESSIONS, kiosk_id) != 0) {
        printf("sync 1M answers: could not prepare the data\n");
        pg_stop(&server);
        return 0;
    }
    int ok = 0;
    for (int i = 0; i < RUNS; i++) {
        sayso[ok] = run_sayso(bin, &k, i, &rss[ok]);
        copy[ok] = run_copy(bin, kiosk_id, i);
        if (sayso[ok] > 0 && copy[ok] > 0) {
            ratio[ok] = sayso[ok] / copy[ok];
            ok++;
        }
    }
    pg_stop(&server);
    support_remove_tree(work);
    if (ok == 0) {
        printf("sync 1M answers: every run failed\n");
        return 0;
    }
    double answers = SESSIONS * 5.0, s = median(sayso, ok), c = median(copy, ok), m = median(rss, ok);
    qsort(ratio, (size_t)ok, sizeof ratio[0], by_value);
    /* make bench's shape: min / median / max of each, the ratio of the medians */
    printf("%-30s sayso %.1f / %.1f / %.1f s | psql \\copy %.1f / %.1f / %.1f s | ratio %.2f"
           " (pairs %.2f/%.2f/%.2f; %.0f answers/s, peak RSS %.1f MB)\n",
           "sync 1M answers", sayso[0], s, sayso[ok - 1], copy[0], c, copy[ok - 1], s / c, ratio[0],
           ratio[ok / 2], ratio[ok - 1], answers / s, m);
    printf("sync 100k answers: peak RSS %.1f MB (flat: the same batches whatever the total)\n", small_rss);
    return 0;
}
