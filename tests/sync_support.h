/* sync_support.h: kiosks for the sync tests: a database filled with
 * sessions through the store (as a kiosk fills it), a kiosk login made
 * with `sayso central kiosk` and its kiosk.ini, and comparisons of what a
 * kiosk holds with what the central store holds. Include after
 * pg_support.h. */
#ifndef SAYSO_SYNC_SUPPORT_H
#define SAYSO_SYNC_SUPPORT_H

#include "pg_support.h"
#include "store/store_sync.h"

/* One kiosk: its folder's files and its login. */
typedef struct {
    char db[160];       /* DIR/NAME.db */
    char ini[160];      /* DIR/NAME.ini: [sync] with the login's url and password */
    char login[64];
    char password[64];
    char url[512];
} TestKiosk;

/* Adds `n` ended sessions to `db` (made when missing), each with a mat
 * topic, two choices, a skip and typed words, and a recording in every
 * `recording_every`-th (0: none); `open` more are begun and never ended.
 * 0 or -1. */
static inline int sync_add_sessions(const char *db, int n, int recording_every, int open)
{
    char err[512], id[STORE_UUID_SIZE], rec[STORE_UUID_SIZE];
    Store *s = store_open(db, err, sizeof err);
    if (!s) {
        printf("    %s\n", err);
        return -1;
    }
    static const unsigned char wav[64] = "RIFF....WAVEfmt a pretend recording, bytes \\ \" , \n all";
    const char *two[] = {"listened", "trusted_person"}, *gp[] = {"good"};
    int rc = 0;
    for (int i = 0; i < n + open && rc == 0; i++) {
        rc |= store_session_begin(s, &support_forum_session, id);
        rc |= store_answer_put(s, id, "positive", "gp", gp, 1, false);
        rc |= store_answer_put(s, id, "change", NULL, two, 2, false);
        rc |= store_answer_put(s, id, "barriers", NULL, NULL, 0, true);
        rc |= store_text_put(s, id, "words", i % 2 ? "kinder, \"staff\"\nplease" : "\\N tab\there");
        if (recording_every > 0 && i % recording_every == 0)
            rc |= store_recording_put(s, id, "spoken", wav, sizeof wav, 1200, 16000, rec);
        if (i < n)
            rc |= store_session_end(s, id, i % 3 ? "finished" : "stopped");
    }
    if (rc != 0)
        printf("    store: %s\n", store_error(s));
    store_close(s);
    return rc == 0 ? 0 : -1;
}

/* Adds `n` ended sessions of 5 answers each (with `recordings`, a
 * recording in every tenth) to `db` (made when missing) in one
 * transaction, for tests that need many: the store would commit each
 * answer on its own. 0 or -1. */
static inline int sync_add_many(const char *db, int n, bool recordings)
{
    char err[512], sql[2048];
    Store *s = store_open(db, err, sizeof err);
    if (!s)
        return -1;
    store_close(s);
    sqlite3 *raw = NULL;
#define UUID_SQL "lower(printf('%%s-%%s-4%%s-a%%s-%%s', hex(randomblob(4)), hex(randomblob(2))," \
                 " substr(hex(randomblob(2)), 2), substr(hex(randomblob(2)), 2), hex(randomblob(6))))"
    snprintf(sql, sizeof sql,
             "BEGIN;"
             "CREATE TEMP TABLE fresh AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
             " WHERE i < %d) SELECT i, " UUID_SQL " AS id FROM n;"
             "INSERT INTO session (id, kiosk_id, survey_id, survey_version, language, touch_style, mode,"
             " started_at, ended_at, ended_how) SELECT id, (SELECT id FROM kiosk ORDER BY rowid LIMIT 1),"
             " 'forum', '2026-01', 'en', 'touch', 'self', '2026-11-22T10:00:00.000Z',"
             " '2026-11-22T10:02:00.000Z', 'finished' FROM fresh ORDER BY i;"
             "INSERT INTO answer (id, session_id, question, topic, choice, skipped, text, answered_at)"
             " SELECT " UUID_SQL ", f.id, q.question, q.topic, q.choice, q.skipped, q.text,"
             " '2026-11-22T10:01:00.000Z' FROM fresh f, (SELECT 'positive' AS question, 'gp' AS topic,"
             " 'good' AS choice, 0 AS skipped, NULL AS text UNION ALL SELECT 'change', NULL, 'listened',"
             " 0, NULL UNION ALL SELECT 'change', NULL, 'trusted_person', 0, NULL UNION ALL SELECT"
             " 'barriers', NULL, NULL, 1, NULL UNION ALL SELECT 'words', NULL, NULL, 0, 'a, \"b\"') q;"
             "INSERT INTO recording (id, session_id, question, wav, duration_ms, sample_rate, recorded_at)"
             " SELECT " UUID_SQL ", id, 'spoken', randomblob(2000), 1000, 16000, '2026-11-22T10:01:30.000Z'"
             " FROM fresh WHERE i %% 10 = 0 AND %d;"
             "DROP TABLE fresh; COMMIT;",
             n, recordings);
#undef UUID_SQL
    int rc = sqlite3_open(db, &raw) == SQLITE_OK ? sqlite3_exec(raw, sql, NULL, NULL, NULL) : SQLITE_CANTOPEN;
    if (rc != SQLITE_OK)
        printf("    sync_add_many: %s\n", sqlite3_errmsg(raw));
    sqlite3_close(raw);
    return rc == SQLITE_OK ? 0 : -1;
}

/* The value after "KEY = " on a line of `text`, into `out`. */
static inline void sync_line_value(const char *text, const char *key, char *out, size_t size)
{
    char want[64];
    snprintf(want, sizeof want, "\n%s = ", key);
    const char *at = text ? strstr(text, want) : NULL;
    out[0] = '\0';
    if (at)
        snprintf(out, size, "%.*s", (int)strcspn(at + strlen(want), "\n"), at + strlen(want));
}

/* Makes a login with `sayso central kiosk` on `admin_url` and writes
 * DIR/NAME.ini with its [sync] lines (mode 0600). 0 or -1. */
static inline int sync_make_kiosk(const char *dir, const char *admin_url, const char *name,
                                  const char *venue, TestKiosk *k)
{
    char args[1024], path[256];
    memset(k, 0, sizeof *k);
    snprintf(k->db, sizeof k->db, "%s/%s.db", dir, name);
    snprintf(k->ini, sizeof k->ini, "%s/%s.ini", dir, name);
    snprintf(args, sizeof args, "central kiosk --to '%s' --name '%s'%s%s%s", admin_url, name,
             venue ? " --venue '" : "", venue ? venue : "", venue ? "'" : "");
    if (support_run(dir, NULL, args) != 0)
        return -1;
    support_path_in(dir, "out.txt", path, sizeof path);
    char *out = support_slurp(path, NULL);
    sync_line_value(out, "url", k->url, sizeof k->url);
    sync_line_value(out, "password", k->password, sizeof k->password);
    const char *login = out ? strstr(out, "made the login ") : NULL;
    if (login)
        snprintf(k->login, sizeof k->login, "%.*s", (int)strcspn(login + 15, " "), login + 15);
    const char *sync = out ? strstr(out, "[sync]") : NULL;
    FILE *f = sync ? fopen(k->ini, "w") : NULL;
    if (f) {
        fputs(sync, f);
        fclose(f);
        chmod(k->ini, 0600);
    }
    free(out);
    return f && k->password[0] && k->url[0] ? 0 : -1;
}

/* Runs `sayso sync --db DB --kiosk INI` (output in DIR/out.txt). */
static inline int sync_kiosk_run(const char *dir, const TestKiosk *k, const char *env)
{
    char args[512];
    snprintf(args, sizeof args, "sync --db '%s' --kiosk '%s'", k->db, k->ini);
    return support_run(dir, env, args);
}

/* The ids of `db`'s sessions matching `where`, sorted, comma-joined. */
static inline char *sync_kiosk_ids(const char *db, const char *table, const char *where)
{
    char sql[512];
    sqlite3 *conn = NULL;
    sqlite3_stmt *st = NULL;
    char *out = NULL;
    snprintf(sql, sizeof sql, "SELECT coalesce(group_concat(id, ','), '') FROM (SELECT id FROM %s WHERE %s ORDER BY id)",
             table, where);
    if (sqlite3_open_v2(db, &conn, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(conn, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        out = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(conn);
    return out;
}

/* The same from the central store's `table` (every row). */
static inline char *sync_central_ids(const PgServer *pg, const char *db, const char *table)
{
    char sql[256];
    char *out = malloc(1 << 20);
    snprintf(sql, sizeof sql, "SELECT coalesce(string_agg(id::text, ',' ORDER BY id::text), '') FROM sayso.%s",
             table);
    if (out && pg_sql(pg, db, sql, out, 1 << 20) != 0)
        out[0] = '\0';
    return out;
}

/* Whether the central store holds exactly the rows of the kiosk databases
 * `dbs` (ended sessions, with their answers and recordings), no more, no
 * fewer, each once (ids are primary keys there). */
static inline bool sync_central_matches(const PgServer *pg, const char *pgdb, const char *const *dbs, int n)
{
    static const char *const tables[][2] = {
        {"session", "ended_at IS NOT NULL"},
        {"answer", "session_id IN (SELECT id FROM session WHERE ended_at IS NOT NULL)"},
        {"recording", "session_id IN (SELECT id FROM session WHERE ended_at IS NOT NULL)"},
    };
    bool same = true;
    for (int t = 0; t < 3 && same; t++) {
        char *central = sync_central_ids(pg, pgdb, tables[t][0]);
        size_t want = 0, got = central ? strlen(central) : 0;
        for (int i = 0; i < n && same; i++) {
            char *ids = sync_kiosk_ids(dbs[i], tables[t][0], tables[t][1]);
            for (char *id = ids ? strtok(ids, ",") : NULL; id && same; id = strtok(NULL, ","), want += 37)
                same = central && strstr(central, id) != NULL;
            free(ids);
        }
        if (same && want != got + (got ? 1 : 0))
            same = false;
        if (!same)
            printf("    %s: the central store differs from the kiosks\n", tables[t][0]);
        free(central);
    }
    return same;
}

#endif
