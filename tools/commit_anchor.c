/* commit_anchor.c: the answer-commit anchor of `make bench`: plain SQLite
 * with the kiosk's settings, committing one answer row at a time.
 *
 *   commit_anchor NEW.db SAYSO.db N
 *
 * Makes NEW.db with the session and answer tables (and their indexes)
 * exactly as SAYSO.db (a kiosk's database) defines them, nothing else (no
 * triggers: those are sayso's own work), in WAL mode with synchronous=FULL
 * and foreign keys on, as the kiosk runs. Then commits N answer rows, each
 * in its own transaction (BEGIN IMMEDIATE, one prepared INSERT, COMMIT),
 * and prints the median time of a commit in ms. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Copies the definitions of session and answer, then one session row. */
static int make_tables(sqlite3 *db, const char *from)
{
    char *sql = sqlite3_mprintf(
        "ATTACH %Q AS kiosk;"
        "CREATE TEMP TABLE ddl AS SELECT sql FROM kiosk.sqlite_master"
        " WHERE tbl_name IN ('session', 'answer') AND type IN ('table', 'index') AND sql NOT NULL"
        " ORDER BY type = 'index';",
        from);
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_free(sql);
    sqlite3_stmt *stmt = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "SELECT sql FROM temp.ddl", -1, &stmt, NULL);
    while (rc == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        rc = sqlite3_exec(db, (const char *)sqlite3_column_text(stmt, 0), NULL, NULL, NULL);
    sqlite3_finalize(stmt);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db,
                          "DETACH kiosk;"
                          "INSERT INTO session (id, kiosk_id, survey_id, survey_version, language,"
                          " started_at) VALUES ('s', 'k', 'forum', '1', 'en', '2026-01-01');",
                          NULL, NULL, NULL);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: commit_anchor NEW.db SAYSO.db N\n");
        return 2;
    }
    int n = atoi(argv[3]);
    double *ms = calloc(n > 0 ? (size_t)n : 1, sizeof *ms);
    sqlite3 *db = NULL;
    sqlite3_stmt *insert = NULL;
    int rc = sqlite3_open(argv[1], &db);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                              " PRAGMA foreign_keys = ON;", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = make_tables(db, argv[2]);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db,
                                "INSERT INTO answer (id, session_id, question, choice, skipped,"
                                " answered_at) VALUES (lower(hex(randomblob(16))), 's', 'q' || ?1,"
                                " 'listened', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                                -1, &insert, NULL);
    for (int i = 0; i < n && rc == SQLITE_OK && ms; i++) {
        double start = now_ms();
        rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        sqlite3_bind_int(insert, 1, i);
        if (rc == SQLITE_OK && sqlite3_step(insert) != SQLITE_DONE)
            rc = SQLITE_ERROR;
        sqlite3_reset(insert);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
        ms[i] = now_ms() - start;
    }
    if (rc != SQLITE_OK || !ms) {
        fprintf(stderr, "commit_anchor: %s\n", db ? sqlite3_errmsg(db) : "out of memory");
        return 1;
    }
    qsort(ms, (size_t)n, sizeof *ms, compare_doubles);
    printf("%.4f\n", ms[n / 2]);
    sqlite3_finalize(insert);
    sqlite3_close(db);
    free(ms);
    return 0;
}
