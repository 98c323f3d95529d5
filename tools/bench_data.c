/* bench_data.c: the answers' side of `make bench` (tools/bench.h):
 * committing an answer, and a database of a million answers: exports,
 * the staff menu's counts, purging half of it.
 *
 * The million-answer database is made here, not committed: sayso makes an
 * empty one, tools/bench_db.sql fills it through the sqlite3 shell (about
 * 10 s). Anchors are plain SQLite: a C program committing the same rows
 * with the same settings (tools/commit_anchor.c), and the sqlite3 shell
 * dumping the same joined rows as CSV, or deleting the same rows; for the
 * sync, tools/sync_bench's own line (psql \copy of the same rows). */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store.h"
#include "store/store_staff.h"

#define COMMIT_ROUNDS 11    /* short rounds, alternating: the load of a shared */
#define COMMITS_PER_ROUND 60 /* machine's other disks falls on both sides */
#define EXPORT_ROUNDS 3
#define MILLION_SESSIONS 62500 /* 16 answer rows each */
#define PURGE_BEFORE "2025-07-02" /* the database spans 2025: half of it */

/* Runs `command` with sh; its first line of output as a number, or -1. */
static double shell_number(const char *command)
{
    FILE *p = popen(command, "r");
    double value = -1;
    if (p && fscanf(p, "%lf", &value) != 1)
        value = -1;
    if (p && pclose(p) != 0)
        value = -1;
    return value;
}

/* `n` answers committed by the store, one new row each, as the kiosk
 * commits a choice: the median commit in ms. */
static double store_commits(Store *store, const char *session, int round, int n)
{
    BenchSeries ms = {0};
    const char *choice[] = {"listened"};
    for (int i = 0; i < n && i < BENCH_MAX_RUNS; i++) {
        char question[32];
        snprintf(question, sizeof question, "q%d_%d", round, i);
        if (store_answer_put(store, session, question, NULL, choice, 1, false) != 0)
            return -1;
        bench_add(&ms, store_last_commit_ms(store));
    }
    return bench_median(&ms);
}

void bench_commits(Bench *b)
{
    char db[128], plain[128], command[1024], err[256], session[STORE_UUID_SIZE];
    snprintf(db, sizeof db, "%s/commits.db", b->tmp);
    Store *store = store_open(db, err, sizeof err);
    StoreSessionInfo info = {"forum", "1", "en", "touch", "self", NULL};
    if (!store || store_session_begin(store, &info, session) != 0) {
        printf("answer commit: %s\n", store ? store_error(store) : err);
        store_close(store);
        return;
    }
    BenchSeries mine = {0}, base = {0};
    for (int round = 0; round < COMMIT_ROUNDS; round++) {
        bench_add(&mine, store_commits(store, session, round, COMMITS_PER_ROUND));
        snprintf(plain, sizeof plain, "%s/plain-%d.db", b->tmp, round);
        snprintf(command, sizeof command, "%s/commit_anchor %s %s %d", b->tools, plain, db,
                 COMMITS_PER_ROUND);
        bench_add(&base, shell_number(command));
    }
    store_close(store);
    bench_ratio_row(b, "answer commit (fsync'd)", "ms", &mine, "plain SQLite", &base, 1.2);
}

/* ---- a million answers ------------------------------------------------- */

/* The rows sayso's exports walk (store_read.c: each session in started
 * order, its answers in answered order, a spoken answer's recording), as
 * one join: the best plan the sqlite3 shell has for the same rows. */
static const char joined_rows_sql[] =
    "SELECT s.id, s.kiosk_id, s.survey_id, s.survey_version, s.language, s.touch_style,"
    " s.input_used, s.mode, s.group_label, s.started_at, s.ended_at, s.ended_how, a.id,"
    " a.question, a.topic, a.choice, a.skipped, a.not_reached, a.text, a.answered_at, r.duration_ms"
    " FROM session s LEFT JOIN answer a ON a.session_id = s.id"
    " LEFT JOIN recording r ON r.session_id = a.session_id AND r.question = a.question"
    " AND a.topic IS NULL AND a.choice IS NULL AND a.skipped = 0"
    " ORDER BY s.started_at, s.rowid, a.answered_at";

/* sayso makes the file (its schema), tools/bench_db.sql fills it. */
static int make_million(const Bench *b, const char *db)
{
    char err[256], command[1024];
    Store *store = store_open(db, err, sizeof err);
    if (!store) {
        printf("a million answers: %s\n", err);
        return -1;
    }
    store_close(store);
    if (access("tools/bench_db.sql", R_OK) != 0) {
        printf("a million answers: run make bench from the repository (tools/bench_db.sql)\n");
        return -1;
    }
    snprintf(command, sizeof command,
             "sqlite3 -cmd '.parameter set @sessions %d' %s < tools/bench_db.sql > /dev/null",
             MILLION_SESSIONS, db);
    double start = bench_now_ms();
    if (system(command) != 0) {
        printf("a million answers: tools/bench_db.sql failed (is the sqlite3 package installed?)\n");
        return -1;
    }
    bench_note("(a million answers: generated in %.1f s)", (bench_now_ms() - start) / 1000);
    (void)b;
    return 0;
}

/* One export by sayso (`format`) into `out`: time and peak memory. */
static void export_once(const Bench *b, const char *db, const char *format, const char *out,
                        BenchSeries *ms, BenchSeries *rss)
{
    double wall, peak;
    char *const argv[] = {(char *)b->sayso, "export", "--db", (char *)db, "--format",
                          (char *)format, "--out", (char *)out, NULL};
    if (bench_run(argv, &wall, &peak) == 0) {
        bench_add(ms, wall);
        bench_add(rss, peak);
    }
    unlink(out);
}

/* The anchor: the shell dumps the joined rows as CSV and the file is
 * synced, as sayso's export syncs its file before it renames it. */
static void shell_export_once(const char *db, const char *out, BenchSeries *ms, BenchSeries *rss)
{
    double wall, peak;
    char script[2048];
    snprintf(script, sizeof script, "sqlite3 -readonly -csv -header %s \"%s\" > %s && sync %s", db,
             joined_rows_sql, out, out);
    char *const argv[] = {"sh", "-c", script, NULL};
    if (bench_run(argv, &wall, &peak) == 0) {
        bench_add(ms, wall);
        bench_add(rss, peak);
    }
    unlink(out);
}

/* Exports of the million against the shell's dump; their peak memory
 * against sayso exporting the start-up bench's empty database (the same
 * binary, its libraries and buffers, no answers): flat means alike. */
static void bench_exports(Bench *b, const char *db)
{
    char out[160], empty[160];
    BenchSeries csv = {0}, jsonl = {0}, shell = {0}, csv_rss = {0}, jsonl_rss = {0},
                shell_rss = {0}, empty_ms = {0}, empty_rss = {0};
    snprintf(out, sizeof out, "%s/export.out", b->tmp);
    snprintf(empty, sizeof empty, "%s/start.db", b->tmp);
    for (int i = 0; i < EXPORT_ROUNDS; i++) {
        shell_export_once(db, out, &shell, &shell_rss);
        export_once(b, db, "csv", out, &csv, &csv_rss);
        export_once(b, db, "jsonl", out, &jsonl, &jsonl_rss);
        export_once(b, empty, "jsonl", out, &empty_ms, &empty_rss);
    }
    bench_ratio_row(b, "export csv, 1M answers", "ms", &csv, "sqlite3 shell csv", &shell, 0.8);
    bench_ratio_row(b, "export jsonl, 1M answers", "ms", &jsonl, "sqlite3 shell csv", &shell, 1.2);
    bench_ratio_row(b, "export csv peak memory", "MB", &csv_rss, "sqlite3 shell", &shell_rss, 0);
    bench_ratio_row(b, "export jsonl peak memory", "MB", &jsonl_rss, "no answers", &empty_rss, 1.25);
}

/* The staff menu's counts on the kiosk's own connection: the first on a
 * connection just opened (SQLite's page cache empty; its wall time and
 * its CPU time, as a loaded machine's waits for a core are not its
 * cost), then again. */
static void bench_counts(Bench *b, const char *db)
{
    char err[256];
    BenchSeries first = {0}, first_cpu = {0}, again = {0};
    StoreCounts counts;
    for (int k = 0; k < 7; k++) {
        Store *store = store_open(db, err, sizeof err);
        for (int i = 0; store && i < 5; i++) {
            double start = bench_now_ms(), cpu = bench_thread_cpu_ms();
            if (store_counts(store, "2025-12-31T00:00:00.000Z", &counts) != 0)
                continue;
            bench_add(i == 0 ? &first : &again, bench_now_ms() - start);
            if (i == 0)
                bench_add(&first_cpu, bench_thread_cpu_ms() - cpu);
        }
        store_close(store);
    }
    bench_value_row(b, "staff menu counts, 1M answers", "ms", &again, "<", 10);
    bench_value_row(b, "  first on a new connection", "ms", &first, "<", 0);
    bench_value_row(b, "  first, its CPU time", "ms", &first_cpu, "<", 0);
}

static double file_mb(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (double)st.st_size / (1024.0 * 1024.0) : -1;
}

/* Copies `db` to `copy` (the copy's -wal and -shm gone). 0 or -1. */
static int copy_db(const char *db, const char *copy)
{
    char command[512];
    snprintf(command, sizeof command, "rm -f %s-wal %s-shm && cp %s %s", copy, copy, db, copy);
    return system(command) == 0 ? 0 : -1;
}

/* Purging half: sayso purge (deletes, secure_delete, checkpoint, VACUUM)
 * against the shell doing the same deletes and VACUUM on a copy each. */
static void bench_purge(Bench *b, const char *db)
{
    char copy[160], script[1024];
    BenchSeries mine = {0}, base = {0}, size = {0};
    snprintf(copy, sizeof copy, "%s/purge.db", b->tmp);
    snprintf(script, sizeof script,
             "sqlite3 %s \"PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; BEGIN;"
             " DELETE FROM recording WHERE session_id IN (SELECT id FROM session WHERE started_at < '%s');"
             " DELETE FROM answer WHERE session_id IN (SELECT id FROM session WHERE started_at < '%s');"
             " DELETE FROM session WHERE started_at < '%s'; COMMIT;"
             " PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);\"",
             copy, PURGE_BEFORE, PURGE_BEFORE, PURGE_BEFORE);
    double before = file_mb(db), wall;
    for (int i = 0; i < 2; i++) {
        char *const purge[] = {(char *)b->sayso, "purge", "--db", copy, "--before", PURGE_BEFORE, NULL};
        char *const shell[] = {"sh", "-c", script, NULL};
        int status = copy_db(db, copy) == 0 ? bench_run(purge, &wall, NULL) : -1;
        if (status == 0) {
            bench_add(&mine, wall);
            bench_add(&size, file_mb(copy));
        } else {
            bench_note("(sayso purge, run %d: exit status %d)", i + 1, status);
        }
        if (copy_db(db, copy) == 0 && bench_run(shell, &wall, NULL) == 0)
            bench_add(&base, wall);
    }
    unlink(copy);
    bench_ratio_row(b, "purge half of 1M answers", "ms", &mine, "sqlite3 shell", &base, 0);
    bench_value_row(b, "file after purging half", "MB", &size, "<", before);
}

/* The sync: tools/sync_bench (its own PostgreSQL, `sayso sync` of a
 * million answers against psql \copy of the same rows) prints its lines;
 * they are passed on, the 1M line with the target (within 1.5x). */
static void bench_sync(Bench *b)
{
    char command[4400], line[1024];
    snprintf(command, sizeof command, "%s/sync_bench %s 2>/dev/null", b->tools, b->sayso);
    FILE *p = popen(command, "r");
    while (p && fgets(line, sizeof line, p)) {
        const char *at = strstr(line, "ratio ");
        double ratio = at ? strtod(at + 6, NULL) : -1;
        line[strcspn(line, "\n")] = '\0';
        bool million = strncmp(line, "sync 1M", 7) == 0 && ratio > 0;
        if (million && ratio > 1.5)
            b->failures++;
        printf("%s%s\n", line, !million ? "" : ratio <= 1.5 ? "  (target <= 1.50) ok" : "  (target <= 1.50) OVER");
        fflush(stdout);
    }
    if (!p || pclose(p) != 0)
        printf("sync 1M answers: %s/sync_bench did not run to its end\n", b->tools);
}

void bench_million(Bench *b)
{
    char db[128];
    snprintf(db, sizeof db, "%s/million.db", b->tmp);
    if (make_million(b, db) == 0) {
        bench_exports(b, db);
        bench_counts(b, db);
        bench_purge(b, db);
    }
    unlink(db);
    bench_sync(b);
}
