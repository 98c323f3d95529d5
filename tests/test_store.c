/* test_store.c: the store_ module (src/store) against real database files.
 *
 * Each case gets a fresh folder under /tmp (a Fixture) that is removed
 * afterwards, whether the case passed or not. A second, plain SQLite
 * connection (Fixture.raw) looks at the file the way an exporter or a person
 * with the sqlite3 tool would, so the cases check what is on the disk, not
 * only what the store says. Faults (a full disk, a newer schema, a file that
 * is not a database, a process killed mid-session) are cases too. */
#include "store/store.h"
#include "testing.h"

#include <ctype.h>
#include <ftw.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    char dir[64];
    char path[128];
    Store *store;
    sqlite3 *raw;       /* a second connection, opened on first use */
    char text[4096];    /* the last raw_text answer or answer listing */
} Fixture;

static const StoreSessionInfo forum_session = {
    .survey_id = "forum",
    .survey_version = "2026-01",
    .language = "en",
    .touch_style = "touch",
    .mode = "self",
    .group_label = NULL,
};

/* ---- fixture ---------------------------------------------------------- */

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static int fixture_setup(Fixture *f)
{
    memset(f, 0, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/test_store.XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->path, sizeof f->path, "%s/sayso.db", f->dir);
    return 0;
}

static void fixture_teardown(Fixture *f)
{
    store_close(f->store);
    sqlite3_close(f->raw);
    if (f->dir[0] && strchr(f->dir, '.'))
        nftw(f->dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* Defines a case `name` whose body gets a set-up Fixture `f`. */
#define STORE_CASE(name)                                                                      \
    static void name##_body(Fixture *f);                                                      \
    static void name(void)                                                                    \
    {                                                                                         \
        Fixture fixture;                                                                      \
        if (fixture_setup(&fixture) == 0)                                                     \
            name##_body(&fixture);                                                            \
        else                                                                                  \
            test_run.current_failed = 1;                                                      \
        fixture_teardown(&fixture);                                                           \
    }                                                                                         \
    static void name##_body(Fixture *f)

/* (Re)opens the store on the fixture's file; prints why when it fails. */
static Store *fixture_open(Fixture *f)
{
    char err[512];
    store_close(f->store);
    f->store = store_open(f->path, err, sizeof err);
    if (!f->store)
        printf("    store_open: %s\n", err);
    return f->store;
}

/* ---- the second connection -------------------------------------------- */

static sqlite3 *raw_db(Fixture *f)
{
    if (f->raw)
        return f->raw;
    if (sqlite3_open_v2(f->path, &f->raw, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        sqlite3_close(f->raw);
        f->raw = NULL;
        return NULL;
    }
    sqlite3_busy_timeout(f->raw, 5000);
    return f->raw;
}

/* Runs printf-style SQL (sqlite3_mprintf: %q quotes) on the second
 * connection; returns the first column of the first row as text, NULL for
 * NULL, no row or an error. */
static const char *raw_text(Fixture *f, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *sql = sqlite3_vmprintf(format, args);
    va_end(args);
    sqlite3_stmt *stmt = NULL;
    const char *result = NULL;
    if (sql && raw_db(f) && sqlite3_prepare_v2(f->raw, sql, -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
        snprintf(f->text, sizeof f->text, "%s", (const char *)sqlite3_column_text(stmt, 0));
        result = f->text;
    }
    sqlite3_finalize(stmt);
    sqlite3_free(sql);
    return result;
}

/* As raw_text, for a number; LLONG_MIN when there is none. */
static long long raw_int(Fixture *f, const char *sql)
{
    const char *text = raw_text(f, "%s", sql);
    return text ? atoll(text) : LLONG_MIN;
}

static int raw_exec(Fixture *f, const char *sql)
{
    return raw_db(f) ? sqlite3_exec(f->raw, sql, NULL, NULL, NULL) : SQLITE_CANTOPEN;
}

/* ---- helpers ------------------------------------------------------------ */

static bool is_uuid_v4(const char *s)
{
    if (!s || strlen(s) != 36 || s[14] != '4' || !strchr("89ab", s[19]))
        return false;
    for (int i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !(isdigit((unsigned char)s[i]) || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    }
    return true;
}

/* "2026-11-22T10:04:05.123Z" */
static bool is_utc_ms(const char *s)
{
    const char *shape = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (!s || strlen(s) != strlen(shape))
        return false;
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i])
            return false;
    return true;
}

static void listing_add(void *ctx, const char *question, const char *topic, const char *choice,
                        bool skipped)
{
    char *text = ctx;
    size_t used = strlen(text);
    snprintf(text + used, 4096 - used, "%s/%s/%s%s;", question, topic ? topic : "-",
             choice ? choice : "-", skipped ? "/skipped" : "");
}

/* The session's answers as "question/topic/choice[/skipped];..." in order. */
static const char *answers_of(Fixture *f, const char *session_id)
{
    f->text[0] = '\0';
    if (store_session_answers(f->store, session_id, listing_add, f->text) < 0)
        return "(error)";
    return f->text;
}

/* The id of the answer row for a choice (NULL: the skipped row) or "". */
static void answer_id(Fixture *f, const char *question, const char *choice,
                      char out[STORE_UUID_SIZE])
{
    const char *id = raw_text(f, "SELECT id FROM answer WHERE question = %Q AND choice IS %Q",
                              question, choice);
    snprintf(out, STORE_UUID_SIZE, "%s", id ? id : "");
}

static int put(Fixture *f, const char *session, const char *question, const char *topic,
               const char *const *choices, int n, bool skipped)
{
    int status = store_answer_put(f->store, session, question, topic, choices, n, skipped);
    if (status != 0)
        printf("    store_answer_put: %s\n", store_error(f->store));
    return status;
}

static int write_file(const char *path, const char *text)
{
    FILE *file = fopen(path, "w");
    if (!file)
        return -1;
    for (int i = 0; i < 64; i++)
        fputs(text, file);
    return fclose(file);
}

/* ---- cases -------------------------------------------------------------- */

STORE_CASE(test_open_creates_schema_version_1_in_wal_mode)
{
    CHECK(fixture_open(f));
    CHECK_INT(raw_int(f, "PRAGMA user_version"), 1);
    CHECK_INT(STORE_SCHEMA_VERSION, 1);
    CHECK_STR(raw_text(f, "PRAGMA journal_mode"), "wal");
    CHECK_INT(raw_int(f, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                         " AND name IN ('kiosk', 'session', 'answer')"), 3);
    CHECK_INT(raw_int(f, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                         " AND name IN ('answer_question', 'session_started_at')"), 2);
    CHECK_INT(raw_int(f, "SELECT count(*) FROM pragma_index_info('answer_question')"), 3);
}

STORE_CASE(test_kiosk_id_is_a_uuid_v4_kept_across_opens)
{
    CHECK(fixture_open(f));
    char first[STORE_UUID_SIZE];
    snprintf(first, sizeof first, "%s", store_kiosk_id(f->store));
    CHECK(is_uuid_v4(first));
    CHECK(fixture_open(f));
    CHECK_STR(store_kiosk_id(f->store), first);
    CHECK_INT(raw_int(f, "SELECT count(*) FROM kiosk"), 1);
    CHECK_STR(raw_text(f, "SELECT id FROM kiosk"), first);
    CHECK(is_utc_ms(raw_text(f, "SELECT created_at FROM kiosk")));
}

STORE_CASE(test_session_begin_and_end_set_every_field)
{
    CHECK(fixture_open(f));
    StoreSessionInfo info = forum_session;
    info.mode = "supported";
    info.group_label = "Tuesday group";
    char id[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &info, id), 0);
    CHECK(is_uuid_v4(id));
    CHECK_STR(raw_text(f, "SELECT kiosk_id FROM session WHERE id = %Q", id),
              store_kiosk_id(f->store));
    CHECK_STR(raw_text(f, "SELECT survey_id || '|' || survey_version || '|' || language || '|'"
                          " || touch_style || '|' || mode || '|' || group_label FROM session"),
              "forum|2026-01|en|touch|supported|Tuesday group");
    CHECK(is_utc_ms(raw_text(f, "SELECT started_at FROM session")));
    CHECK(raw_text(f, "SELECT ended_at FROM session") == NULL);
    CHECK_INT(store_session_end(f->store, id, "finished"), 0);
    CHECK_STR(raw_text(f, "SELECT ended_how FROM session"), "finished");
    CHECK(is_utc_ms(raw_text(f, "SELECT ended_at FROM session")));
    CHECK_INT(raw_int(f, "SELECT ended_at >= started_at FROM session"), 1);
    CHECK_INT(store_session_end(f->store, id, "timeout"), 0); /* the first ending stays */
    CHECK_STR(raw_text(f, "SELECT ended_how FROM session"), "finished");
}

STORE_CASE(test_session_mode_defaults_to_self_and_inputs_are_listed_once)
{
    CHECK(fixture_open(f));
    StoreSessionInfo info = forum_session;
    info.mode = NULL;
    char id[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &info, id), 0);
    CHECK_STR(raw_text(f, "SELECT mode FROM session"), "self");
    CHECK(raw_text(f, "SELECT input_used FROM session") == NULL);
    CHECK_INT(store_session_input_used(f->store, id, "touch"), 0);
    CHECK_INT(store_session_input_used(f->store, id, "keyboard"), 0);
    CHECK_INT(store_session_input_used(f->store, id, "touch"), 0);
    CHECK_STR(raw_text(f, "SELECT input_used FROM session"), "touch,keyboard");
    CHECK_INT(store_session_input_used(f->store, "no-such-session", "touch"), -1);
}

STORE_CASE(test_session_end_rejects_other_ways_of_ending)
{
    CHECK(fixture_open(f));
    char id[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &forum_session, id), 0);
    CHECK_INT(store_session_end(f->store, id, "abandoned"), -1);
    CHECK(strstr(store_error(f->store), "abandoned"));
    CHECK_INT(store_session_end(f->store, id, NULL), -1);
    CHECK(raw_text(f, "SELECT ended_how FROM session") == NULL);
    CHECK_INT(store_session_end(f->store, "no-such-session", "finished"), -1);
    CHECK(strstr(store_error(f->store), "no session"));
    /* The schema itself refuses them too, whoever writes. */
    CHECK_INT(raw_exec(f, "UPDATE session SET ended_at = 'x', ended_how = 'crashed'"),
              SQLITE_CONSTRAINT);
    CHECK_INT(raw_exec(f, "UPDATE session SET ended_at = 'x'"), SQLITE_CONSTRAINT);
}

STORE_CASE(test_answer_select_one_keeps_one_row)
{
    CHECK(fixture_open(f));
    char s[STORE_UUID_SIZE], first[STORE_UUID_SIZE], again[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &forum_session, s), 0);
    const char *co_design[] = {"co_design"}, *informed[] = {"informed"};
    CHECK_INT(put(f, s, "involve", NULL, co_design, 1, false), 0);
    CHECK_STR(answers_of(f, s), "involve/-/co_design;");
    answer_id(f, "involve", "co_design", first);
    CHECK(is_uuid_v4(first));
    CHECK_INT(put(f, s, "involve", NULL, co_design, 1, false), 0);
    answer_id(f, "involve", "co_design", again);
    CHECK_STR(again, first);
    CHECK_INT(put(f, s, "involve", NULL, informed, 1, false), 0);
    CHECK_STR(answers_of(f, s), "involve/-/informed;");
    CHECK_STR(raw_text(f, "SELECT session_id FROM answer"), s);
    CHECK(is_utc_ms(raw_text(f, "SELECT answered_at FROM answer")));
}

STORE_CASE(test_answer_select_multiple_is_one_row_per_choice)
{
    CHECK(fixture_open(f));
    char s[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &forum_session, s), 0);
    const char *picked[] = {"listened", "trusted_person", "shorter_waits"};
    CHECK_INT(put(f, s, "change", NULL, picked, 3, false), 0);
    CHECK_STR(answers_of(f, s),
              "change/-/listened;change/-/trusted_person;change/-/shorter_waits;");
    CHECK_INT(raw_int(f, "SELECT count(DISTINCT id) FROM answer WHERE skipped = 0"), 3);
}

STORE_CASE(test_answer_mat_is_one_row_per_topic)
{
    CHECK(fixture_open(f));
    char s[STORE_UUID_SIZE], hospital[STORE_UUID_SIZE], later[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &forum_session, s), 0);
    const char *good[] = {"good"}, *not_sure[] = {"not_sure"}, *bad[] = {"bad"};
    CHECK_INT(put(f, s, "positive", "gp", good, 1, false), 0);
    CHECK_INT(put(f, s, "positive", "hospital", not_sure, 1, false), 0);
    CHECK_INT(put(f, s, "positive", "mental_health", NULL, 0, true), 0);
    CHECK_INT(put(f, s, "involve", NULL, good, 1, false), 0); /* topic NULL apart */
    answer_id(f, "positive", "not_sure", hospital);
    CHECK_INT(put(f, s, "positive", "gp", bad, 1, false), 0); /* moved to another column */
    answer_id(f, "positive", "not_sure", later);
    CHECK_STR(later, hospital);
    CHECK_STR(answers_of(f, s), "positive/hospital/not_sure;positive/mental_health/-/skipped;"
                                "involve/-/good;positive/gp/bad;");
}

STORE_CASE(test_answer_change_keeps_rows_of_choices_still_chosen)
{
    CHECK(fixture_open(f));
    char s[STORE_UUID_SIZE], id_before[STORE_UUID_SIZE], id_after[STORE_UUID_SIZE];
    char at_before[32];
    CHECK_INT(store_session_begin(f->store, &forum_session, s), 0);
    const char *first[] = {"money", "reading"}, *second[] = {"reading", "health"};
    CHECK_INT(put(f, s, "barriers", NULL, first, 2, false), 0);
    answer_id(f, "barriers", "reading", id_before);
    snprintf(at_before, sizeof at_before, "%s",
             raw_text(f, "SELECT answered_at FROM answer WHERE choice = 'reading'"));
    usleep(5000); /* a new row would get a later answered_at */
    CHECK_INT(put(f, s, "barriers", NULL, second, 2, false), 0);
    answer_id(f, "barriers", "reading", id_after);
    CHECK_STR(id_after, id_before);
    CHECK_STR(raw_text(f, "SELECT answered_at FROM answer WHERE choice = 'reading'"), at_before);
    CHECK_STR(answers_of(f, s), "barriers/-/reading;barriers/-/health;");
}

STORE_CASE(test_answer_unchoosing_everything_deletes_the_rows)
{
    CHECK(fixture_open(f));
    char s[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &forum_session, s), 0);
    const char *picked[] = {"transport", "childcare"};
    CHECK_INT(put(f, s, "barriers", NULL, picked, 2, false), 0);
    CHECK_INT(put(f, s, "barriers", NULL, picked + 1, 1, false), 0);
    CHECK_STR(answers_of(f, s), "barriers/-/childcare;");
    CHECK_INT(put(f, s, "barriers", NULL, NULL, 0, false), 0);
    CHECK_STR(answers_of(f, s), "");
    CHECK_INT(raw_int(f, "SELECT count(*) FROM answer"), 0);
}

STORE_CASE(test_answer_skip_is_one_row_and_choosing_replaces_it)
{
    CHECK(fixture_open(f));
    char s[STORE_UUID_SIZE], skip_id[STORE_UUID_SIZE], again[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &forum_session, s), 0);
    CHECK_INT(put(f, s, "barriers", NULL, NULL, 0, true), 0);
    CHECK_STR(answers_of(f, s), "barriers/-/-/skipped;");
    CHECK_INT(raw_int(f, "SELECT count(*) FROM answer WHERE skipped = 1 AND choice IS NULL"), 1);
    answer_id(f, "barriers", NULL, skip_id);
    CHECK_INT(put(f, s, "barriers", NULL, NULL, 0, true), 0); /* skipping twice: one row */
    answer_id(f, "barriers", NULL, again);
    CHECK_STR(again, skip_id);
    const char *money[] = {"money"};
    CHECK_INT(put(f, s, "barriers", NULL, money, 1, false), 0);
    CHECK_STR(answers_of(f, s), "barriers/-/money;");
    CHECK_INT(put(f, s, "barriers", NULL, NULL, 0, true), 0); /* skipped after all */
    CHECK_STR(answers_of(f, s), "barriers/-/-/skipped;");
}

STORE_CASE(test_answer_for_an_unknown_session_is_refused)
{
    CHECK(fixture_open(f));
    const char *money[] = {"money"};
    CHECK_INT(store_answer_put(f->store, "no-such-session", "barriers", NULL, money, 1, false), -1);
    CHECK(strstr(store_error(f->store), "session"));
    CHECK_INT(raw_int(f, "SELECT count(*) FROM answer"), 0);
}

STORE_CASE(test_answers_are_durable_without_close)
{
    /* A child process answers and dies without closing anything, as a kiosk
     * whose power is cut would (short of the disk itself losing power). */
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        char err[512], s[STORE_UUID_SIZE];
        Store *store = store_open(f->path, err, sizeof err);
        const char *picked[] = {"listened", "kinder_staff"};
        if (!store || store_session_begin(store, &forum_session, s) != 0 ||
            store_answer_put(store, s, "change", NULL, picked, 2, false) != 0)
            _exit(1);
        _exit(0);
    }
    int status = 0;
    CHECK(waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(fixture_open(f));
    char s[STORE_UUID_SIZE];
    snprintf(s, sizeof s, "%s", raw_text(f, "SELECT id FROM session"));
    CHECK_STR(answers_of(f, s), "change/-/listened;change/-/kinder_staff;");
    CHECK(fixture_open(f)); /* and again after a clean close */
    CHECK_STR(answers_of(f, s), "change/-/listened;change/-/kinder_staff;");
}

/* Reads the answer count over and over on its own connection while the
 * parent writes, until it sees `target` answers (10 s at most); exits 0 when
 * every read worked and the count never fell. */
static void reader_process(const char *path, long long target)
{
    const char *sql = "SELECT count(*) FROM answer";
    sqlite3 *db = NULL;
    long long last = 0;
    time_t give_up = time(NULL) + 10;
    int failures = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK;
    sqlite3_busy_timeout(db, 5000);
    while (!failures && last < target && time(NULL) < give_up) {
        sqlite3_stmt *stmt = NULL;
        failures += sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK ||
                    sqlite3_step(stmt) != SQLITE_ROW || sqlite3_column_int64(stmt, 0) < last;
        if (!failures)
            last = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    _exit(failures || last < target ? 1 : 0);
}

STORE_CASE(test_reading_while_the_store_writes_breaks_neither)
{
    CHECK(fixture_open(f));
    char s[STORE_UUID_SIZE], question[32];
    CHECK_INT(store_session_begin(f->store, &forum_session, s), 0);
    const char *yes[] = {"yes"};
    /* An exporter in the middle of a long read transaction. */
    CHECK_INT(raw_exec(f, "BEGIN"), SQLITE_OK);
    CHECK_INT(raw_int(f, "SELECT count(*) FROM answer"), 0);
    for (int i = 0; i < 20; i++) {
        snprintf(question, sizeof question, "q%d", i);
        CHECK_INT(put(f, s, question, NULL, yes, 1, false), 0);
    }
    CHECK_INT(raw_int(f, "SELECT count(*) FROM answer"), 0); /* its snapshot */
    CHECK_INT(raw_exec(f, "COMMIT"), SQLITE_OK);
    CHECK_INT(raw_int(f, "SELECT count(*) FROM answer"), 20);
    /* An exporter in another process, reading all the time. */
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0)
        reader_process(f->path, 220);
    for (int i = 20; i < 220; i++) {
        snprintf(question, sizeof question, "q%d", i);
        CHECK_INT(put(f, s, question, NULL, yes, 1, false), 0);
    }
    int status = 0;
    CHECK(waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_INT(raw_int(f, "SELECT count(*) FROM answer"), 220);
}

STORE_CASE(test_a_newer_schema_is_refused_with_a_plain_message)
{
    CHECK(fixture_open(f));
    store_close(f->store);
    f->store = NULL;
    CHECK_INT(raw_exec(f, "PRAGMA user_version = 2"), SQLITE_OK);
    char err[512] = "";
    f->store = store_open(f->path, err, sizeof err);
    CHECK(f->store == NULL);
    CHECK(strstr(err, "sayso.db"));
    CHECK(strstr(err, "newer sayso"));
    CHECK_INT(raw_int(f, "PRAGMA user_version"), 2);
}

STORE_CASE(test_a_file_that_is_not_a_database_is_refused)
{
    CHECK_INT(write_file(f->path, "These are not the answers you are looking for.\n"), 0);
    char err[512] = "";
    f->store = store_open(f->path, err, sizeof err);
    CHECK(f->store == NULL);
    CHECK(strstr(err, "sayso.db is not a sayso database"));
    FILE *file = fopen(f->path, "r");
    CHECK(file);
    char head[15] = ""; /* "These are not " and the NUL */
    CHECK(fgets(head, sizeof head, file) != NULL);
    fclose(file);
    CHECK_STR(head, "These are not ");
}

STORE_CASE(test_another_programs_database_is_refused_untouched)
{
    sqlite3 *other = NULL;
    CHECK_INT(sqlite3_open(f->path, &other), SQLITE_OK);
    int rc = sqlite3_exec(other, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL);
    sqlite3_close(other);
    CHECK_INT(rc, SQLITE_OK);
    char err[512] = "";
    f->store = store_open(f->path, err, sizeof err);
    CHECK(f->store == NULL);
    CHECK(strstr(err, "sayso.db is not a sayso database"));
    CHECK_INT(raw_int(f, "SELECT count(*) FROM sqlite_master"), 1);
    CHECK_INT(raw_int(f, "PRAGMA user_version"), 0);
}

STORE_CASE(test_a_full_disk_fails_the_put_and_keeps_what_was_saved)
{
    CHECK(fixture_open(f));
    char s[STORE_UUID_SIZE], kept[STORE_UUID_SIZE], after[STORE_UUID_SIZE], question[32];
    CHECK_INT(store_session_begin(f->store, &forum_session, s), 0);
    const char *picked[] = {"listened", "trusted_person"};
    CHECK_INT(put(f, s, "change", NULL, picked, 2, false), 0);
    answer_id(f, "change", "listened", kept);
    CHECK_INT(store_debug_limit_pages(f->store, 1), 0);
    const char *many[] = {"a-long-choice-name-to-fill-pages-quickly-1",
                          "a-long-choice-name-to-fill-pages-quickly-2",
                          "a-long-choice-name-to-fill-pages-quickly-3",
                          "a-long-choice-name-to-fill-pages-quickly-4"};
    int status = 0;
    for (int i = 0; i < 10000 && status == 0; i++) {
        snprintf(question, sizeof question, "q%d", i);
        status = store_answer_put(f->store, s, question, NULL, many, 4, false);
    }
    CHECK_INT(status, -1);
    CHECK(strstr(store_error(f->store), "could not save to"));
    CHECK(strstr(store_error(f->store), "sayso.db: the disk is full"));
    /* Nothing of the failed put is there, nor is anything lost by it. */
    CHECK_STR(raw_text(f, "SELECT count(*) FROM answer WHERE question = %Q", question), "0");
    CHECK_INT(store_answer_put(f->store, s, "change", NULL, many, 4, false), -1);
    answer_id(f, "change", "listened", after);
    CHECK_STR(after, kept);
    CHECK(strncmp(answers_of(f, s), "change/-/listened;change/-/trusted_person;q0/", 45) == 0);
    /* The failed transactions are closed: a change needing no room commits. */
    CHECK_INT(put(f, s, "change", NULL, NULL, 0, false), 0);
    CHECK_INT(raw_int(f, "SELECT count(*) FROM answer WHERE question = 'change'"), 0);
    CHECK(fixture_open(f)); /* room again: the limit was this connection's */
    CHECK_INT(put(f, s, "involve", NULL, picked, 1, false), 0);
    CHECK_INT(raw_int(f, "SELECT count(*) FROM answer WHERE question = 'involve'"), 1);
}

STORE_CASE(test_each_commit_is_timed)
{
    CHECK(fixture_open(f));
    char s[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &forum_session, s), 0);
    const char *money[] = {"money"};
    CHECK_INT(put(f, s, "barriers", NULL, money, 1, false), 0);
    CHECK(store_last_commit_ms(f->store) > 0.0);
    CHECK(store_last_commit_ms(f->store) < 5000.0);
}

int main(void)
{
    RUN(test_open_creates_schema_version_1_in_wal_mode);
    RUN(test_kiosk_id_is_a_uuid_v4_kept_across_opens);
    RUN(test_session_begin_and_end_set_every_field);
    RUN(test_session_mode_defaults_to_self_and_inputs_are_listed_once);
    RUN(test_session_end_rejects_other_ways_of_ending);
    RUN(test_answer_select_one_keeps_one_row);
    RUN(test_answer_select_multiple_is_one_row_per_choice);
    RUN(test_answer_mat_is_one_row_per_topic);
    RUN(test_answer_change_keeps_rows_of_choices_still_chosen);
    RUN(test_answer_unchoosing_everything_deletes_the_rows);
    RUN(test_answer_skip_is_one_row_and_choosing_replaces_it);
    RUN(test_answer_for_an_unknown_session_is_refused);
    RUN(test_answers_are_durable_without_close);
    RUN(test_reading_while_the_store_writes_breaks_neither);
    RUN(test_a_newer_schema_is_refused_with_a_plain_message);
    RUN(test_a_file_that_is_not_a_database_is_refused);
    RUN(test_another_programs_database_is_refused_untouched);
    RUN(test_a_full_disk_fails_the_put_and_keeps_what_was_saved);
    RUN(test_each_commit_is_timed);
    return TEST_SUMMARY();
}
