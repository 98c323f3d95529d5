/* test_store.c: the store_ module (src/store) against real database files.
 *
 * Each case gets a fresh folder under /tmp (a SupportStore, from
 * tests/test_support.h) that is removed afterwards, whether the case passed
 * or not. A second, plain SQLite connection (SupportStore.raw) looks at the
 * file the way an exporter or a person with the sqlite3 tool would, so the
 * cases check what is on the disk, not only what the store says. Faults (a
 * full disk, a newer schema, a file that is not a database, a process
 * killed mid-session) are cases too. */
#include "store/store.h"
#include "test_support.h"

#include <ctype.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Defines a case `name` whose body gets a set-up SupportStore `f`
 * (tests/test_support.h). */
#define STORE_CASE(name) SUPPORT_FIXTURE_CASE(name, SupportStore, support_store_setup, support_store_teardown)

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

static void listing_add(void *ctx, const char *question, const char *topic, const char *choice,
                        bool skipped)
{
    char *text = ctx;
    size_t used = strlen(text);
    snprintf(text + used, SUPPORT_TEXT_SIZE - used, "%s/%s/%s%s;", question, topic ? topic : "-",
             choice ? choice : "-", skipped ? "/skipped" : "");
}

/* The session's answers as "question/topic/choice[/skipped];..." in order. */
static const char *answers_of(SupportStore *f, const char *session_id)
{
    f->text[0] = '\0';
    if (store_session_answers(f->store, session_id, listing_add, f->text) < 0)
        return "(error)";
    return f->text;
}

/* The id of the answer row for a choice (NULL: the skipped row) or "". */
static void answer_id(SupportStore *f, const char *question, const char *choice,
                      char out[STORE_UUID_SIZE])
{
    const char *id = support_raw_text(f, "SELECT id FROM answer WHERE question = %Q AND choice IS %Q",
                                      question, choice);
    snprintf(out, STORE_UUID_SIZE, "%s", id ? id : "");
}

static int put(SupportStore *f, const char *session, const char *question, const char *topic,
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

STORE_CASE(test_open_creates_schema_version_9_in_wal_mode)
{
    CHECK(support_store_open(f));
    CHECK_INT(support_raw_int(f, "PRAGMA user_version"), 9);
    CHECK_INT(STORE_SCHEMA_VERSION, 9);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM pragma_table_info('kiosk')"
                                 " WHERE name IN ('name', 'venue')"), 2);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM pragma_table_info('answer') WHERE name = 'value'"), 1);
    CHECK_STR(support_raw_text(f, "PRAGMA journal_mode"), "wal");
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
                                 " ('kiosk', 'session', 'answer', 'recording', 'staff_event', 'tally')"), 6);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"), 6);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN"
                                 " ('answer_session', 'session_started_at', 'staff_event_at')"), 3);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM sqlite_master WHERE name = 'answer_question'"), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM pragma_index_info('answer_session')"), 2);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), 6);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM pragma_index_info('staff_event_at')"), 2);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM pragma_table_info('session')"
                                 " WHERE name IN ('exported_at', 'synced_at')"), 2);
}

STORE_CASE(test_kiosk_id_is_a_uuid_v4_kept_across_opens)
{
    CHECK(support_store_open(f));
    char first[STORE_UUID_SIZE];
    snprintf(first, sizeof first, "%s", store_kiosk_id(f->store));
    CHECK(is_uuid_v4(first));
    CHECK(support_store_open(f));
    CHECK_STR(store_kiosk_id(f->store), first);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM kiosk"), 1);
    CHECK_STR(support_raw_text(f, "SELECT id FROM kiosk"), first);
    CHECK(support_is_utc_ms(support_raw_text(f, "SELECT created_at FROM kiosk")));
}

STORE_CASE(test_session_begin_and_end_set_every_field)
{
    CHECK(support_store_open(f));
    StoreSessionInfo info = support_forum_session;
    info.mode = "supported";
    info.group_label = "Tuesday group";
    char id[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &info, id), 0);
    CHECK(is_uuid_v4(id));
    CHECK_STR(support_raw_text(f, "SELECT kiosk_id FROM session WHERE id = %Q", id),
              store_kiosk_id(f->store));
    CHECK_STR(support_raw_text(f, "SELECT survey_id || '|' || survey_version || '|' || language || '|'"
                                  " || touch_style || '|' || mode || '|' || group_label FROM session"),
              "forum|2026-01|en|touch|supported|Tuesday group");
    CHECK(support_is_utc_ms(support_raw_text(f, "SELECT started_at FROM session")));
    CHECK(support_raw_text(f, "SELECT ended_at FROM session") == NULL);
    CHECK_INT(store_session_end(f->store, id, "finished"), 0);
    CHECK_STR(support_raw_text(f, "SELECT ended_how FROM session"), "finished");
    CHECK(support_is_utc_ms(support_raw_text(f, "SELECT ended_at FROM session")));
    CHECK_INT(support_raw_int(f, "SELECT ended_at >= started_at FROM session"), 1);
    CHECK_INT(store_session_end(f->store, id, "timeout"), 0); /* the first ending stays */
    CHECK_STR(support_raw_text(f, "SELECT ended_how FROM session"), "finished");
}

STORE_CASE(test_session_mode_defaults_to_self_and_inputs_are_listed_once)
{
    CHECK(support_store_open(f));
    StoreSessionInfo info = support_forum_session;
    info.mode = NULL;
    char id[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &info, id), 0);
    CHECK_STR(support_raw_text(f, "SELECT mode FROM session"), "self");
    CHECK(support_raw_text(f, "SELECT input_used FROM session") == NULL);
    CHECK_INT(store_session_input_used(f->store, id, "touch"), 0);
    CHECK_INT(store_session_input_used(f->store, id, "keyboard"), 0);
    CHECK_INT(store_session_input_used(f->store, id, "touch"), 0);
    CHECK_STR(support_raw_text(f, "SELECT input_used FROM session"), "touch,keyboard");
    CHECK_INT(store_session_input_used(f->store, "no-such-session", "touch"), -1);
}

STORE_CASE(test_session_end_rejects_other_ways_of_ending)
{
    CHECK(support_store_open(f));
    char id[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, id), 0);
    CHECK_INT(store_session_end(f->store, id, "abandoned"), -1);
    CHECK(strstr(store_error(f->store), "abandoned"));
    CHECK_INT(store_session_end(f->store, id, NULL), -1);
    CHECK(support_raw_text(f, "SELECT ended_how FROM session") == NULL);
    CHECK_INT(store_session_end(f->store, "no-such-session", "finished"), -1);
    CHECK(strstr(store_error(f->store), "no session"));
    /* The schema itself refuses them too, whoever writes. */
    CHECK_INT(support_raw_exec(f, "UPDATE session SET ended_at = 'x', ended_how = 'crashed'"),
              SQLITE_CONSTRAINT);
    CHECK_INT(support_raw_exec(f, "UPDATE session SET ended_at = 'x'"), SQLITE_CONSTRAINT);
}

STORE_CASE(test_answer_select_one_keeps_one_row)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE], first[STORE_UUID_SIZE], again[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
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
    CHECK_STR(support_raw_text(f, "SELECT session_id FROM answer"), s);
    CHECK(support_is_utc_ms(support_raw_text(f, "SELECT answered_at FROM answer")));
}

STORE_CASE(test_answer_select_multiple_is_one_row_per_choice)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    const char *picked[] = {"listened", "trusted_person", "shorter_waits"};
    CHECK_INT(put(f, s, "change", NULL, picked, 3, false), 0);
    CHECK_STR(answers_of(f, s),
              "change/-/listened;change/-/trusted_person;change/-/shorter_waits;");
    CHECK_INT(support_raw_int(f, "SELECT count(DISTINCT id) FROM answer WHERE skipped = 0"), 3);
}

STORE_CASE(test_answer_mat_is_one_row_per_topic)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE], hospital[STORE_UUID_SIZE], later[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
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
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE], id_before[STORE_UUID_SIZE], id_after[STORE_UUID_SIZE];
    char at_before[32];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    const char *first[] = {"money", "reading"}, *second[] = {"reading", "health"};
    CHECK_INT(put(f, s, "barriers", NULL, first, 2, false), 0);
    answer_id(f, "barriers", "reading", id_before);
    snprintf(at_before, sizeof at_before, "%s",
             support_raw_text(f, "SELECT answered_at FROM answer WHERE choice = 'reading'"));
    usleep(5000); /* a new row would get a later answered_at */
    CHECK_INT(put(f, s, "barriers", NULL, second, 2, false), 0);
    answer_id(f, "barriers", "reading", id_after);
    CHECK_STR(id_after, id_before);
    CHECK_STR(support_raw_text(f, "SELECT answered_at FROM answer WHERE choice = 'reading'"), at_before);
    CHECK_STR(answers_of(f, s), "barriers/-/reading;barriers/-/health;");
}

STORE_CASE(test_answer_unchoosing_everything_deletes_the_rows)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    const char *picked[] = {"transport", "childcare"};
    CHECK_INT(put(f, s, "barriers", NULL, picked, 2, false), 0);
    CHECK_INT(put(f, s, "barriers", NULL, picked + 1, 1, false), 0);
    CHECK_STR(answers_of(f, s), "barriers/-/childcare;");
    CHECK_INT(put(f, s, "barriers", NULL, NULL, 0, false), 0);
    CHECK_STR(answers_of(f, s), "");
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 0);
}

STORE_CASE(test_answer_skip_is_one_row_and_choosing_replaces_it)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE], skip_id[STORE_UUID_SIZE], again[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    CHECK_INT(put(f, s, "barriers", NULL, NULL, 0, true), 0);
    CHECK_STR(answers_of(f, s), "barriers/-/-/skipped;");
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer WHERE skipped = 1 AND choice IS NULL"), 1);
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
    CHECK(support_store_open(f));
    const char *money[] = {"money"};
    CHECK_INT(store_answer_put(f->store, "no-such-session", "barriers", NULL, money, 1, false), -1);
    CHECK(strstr(store_error(f->store), "session"));
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 0);
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
        if (!store || store_session_begin(store, &support_forum_session, s) != 0 ||
            store_answer_put(store, s, "change", NULL, picked, 2, false) != 0)
            _exit(1);
        _exit(0);
    }
    int status = 0;
    CHECK(waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE];
    snprintf(s, sizeof s, "%s", support_raw_text(f, "SELECT id FROM session"));
    CHECK_STR(answers_of(f, s), "change/-/listened;change/-/kinder_staff;");
    CHECK(support_store_open(f)); /* and again after a clean close */
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
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE], question[32];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    const char *yes[] = {"yes"};
    /* An exporter in the middle of a long read transaction. */
    CHECK_INT(support_raw_exec(f, "BEGIN"), SQLITE_OK);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 0);
    for (int i = 0; i < 20; i++) {
        snprintf(question, sizeof question, "q%d", i);
        CHECK_INT(put(f, s, question, NULL, yes, 1, false), 0);
    }
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 0); /* its snapshot */
    CHECK_INT(support_raw_exec(f, "COMMIT"), SQLITE_OK);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 20);
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
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 220);
}

STORE_CASE(test_a_newer_schema_is_refused_with_a_plain_message)
{
    CHECK(support_store_open(f));
    store_close(f->store);
    f->store = NULL;
    char newer[64];
    snprintf(newer, sizeof newer, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION + 1);
    CHECK_INT(support_raw_exec(f, "%s", newer), SQLITE_OK);
    char err[512] = "";
    f->store = store_open(f->path, err, sizeof err);
    CHECK(f->store == NULL);
    CHECK(strstr(err, "sayso.db"));
    CHECK(strstr(err, "newer sayso"));
    CHECK_INT(support_raw_int(f, "PRAGMA user_version"), STORE_SCHEMA_VERSION + 1);
}

STORE_CASE(test_a_negative_schema_version_is_called_damaged)
{
    CHECK(support_store_open(f));
    store_close(f->store);
    f->store = NULL;
    CHECK_INT(support_raw_exec(f, "PRAGMA user_version = -249"), SQLITE_OK);
    char err[512] = "";
    f->store = store_open(f->path, err, sizeof err);
    CHECK(f->store == NULL);
    CHECK(strstr(err, "sayso.db is damaged"));
    CHECK_INT(support_raw_int(f, "PRAGMA user_version"), -249);
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
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM sqlite_master"), 1);
    CHECK_INT(support_raw_int(f, "PRAGMA user_version"), 0);
}

STORE_CASE(test_a_full_disk_fails_the_put_and_keeps_what_was_saved)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE], kept[STORE_UUID_SIZE], after[STORE_UUID_SIZE], question[32];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
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
    CHECK_STR(support_raw_text(f, "SELECT count(*) FROM answer WHERE question = %Q", question), "0");
    CHECK_INT(store_answer_put(f->store, s, "change", NULL, many, 4, false), -1);
    answer_id(f, "change", "listened", after);
    CHECK_STR(after, kept);
    CHECK(strncmp(answers_of(f, s), "change/-/listened;change/-/trusted_person;q0/", 45) == 0);
    /* The failed transactions are closed: a change needing no room commits. */
    CHECK_INT(put(f, s, "change", NULL, NULL, 0, false), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer WHERE question = 'change'"), 0);
    CHECK(support_store_open(f)); /* room again: the limit was this connection's */
    CHECK_INT(put(f, s, "involve", NULL, picked, 1, false), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer WHERE question = 'involve'"), 1);
}

STORE_CASE(test_each_commit_is_timed)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    const char *money[] = {"money"};
    CHECK_INT(put(f, s, "barriers", NULL, money, 1, false), 0);
    CHECK(store_last_commit_ms(f->store) > 0.0);
    CHECK(store_last_commit_ms(f->store) < 5000.0);
}


/* ---- schema 2: spoken answers -------------------------------------------- */

/* A sayso database as version 1 made it, word for word (migration 1 of
 * store_schema.c when version 2 was written), with a kiosk, two sessions and
 * answers of every kind, inserted out of answered order on purpose. */
static const char *const v1_database =
    "PRAGMA application_id = 1935767923;\n"
    "CREATE TABLE kiosk (\n"
    "    id          TEXT NOT NULL PRIMARY KEY,\n"
    "    created_at  TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE session (\n"
    "    id             TEXT NOT NULL PRIMARY KEY,\n"
    "    kiosk_id       TEXT NOT NULL,\n"
    "    survey_id      TEXT NOT NULL,\n"
    "    survey_version TEXT NOT NULL,\n"
    "    language       TEXT NOT NULL,\n"
    "    touch_style    TEXT,\n"
    "    input_used     TEXT,\n"
    "    mode           TEXT NOT NULL DEFAULT 'self'\n"
    "                   CHECK (mode IN ('self', 'supported')),\n"
    "    group_label    TEXT,\n"
    "    started_at     TEXT NOT NULL,\n"
    "    ended_at       TEXT,\n"
    "    ended_how      TEXT\n"
    "                   CHECK (ended_how IN ('finished', 'stopped', 'timeout')),\n"
    "    CHECK ((ended_at IS NULL) = (ended_how IS NULL))\n"
    ");\n"
    "CREATE INDEX session_started_at ON session(started_at);\n"
    "CREATE TABLE answer (\n"
    "    id          TEXT NOT NULL PRIMARY KEY,\n"
    "    session_id  TEXT NOT NULL REFERENCES session(id),\n"
    "    question    TEXT NOT NULL,\n"
    "    choice      TEXT,\n"
    "    topic       TEXT,\n"
    "    skipped     INTEGER NOT NULL DEFAULT 0\n"
    "                CHECK (skipped IN (0, 1)),\n"
    "    answered_at TEXT NOT NULL,\n"
    "    CHECK ((skipped = 1) = (choice IS NULL))\n"
    ");\n"
    "CREATE INDEX answer_question ON answer(session_id, question, topic);\n"
    "INSERT INTO kiosk VALUES ('11111111-1111-4111-8111-111111111111',"
    " '2026-01-05T09:00:00.000Z');\n"
    "INSERT INTO session VALUES ('22222222-2222-4222-8222-222222222222',"
    " '11111111-1111-4111-8111-111111111111', 'forum', '2026-01', 'en', 'touch', 'touch',"
    " 'supported', 'Tuesday group', '2026-01-05T10:00:00.000Z', '2026-01-05T10:05:00.000Z',"
    " 'finished');\n"
    "INSERT INTO session VALUES ('33333333-3333-4333-8333-333333333333',"
    " '11111111-1111-4111-8111-111111111111', 'forum', '2026-01', 'ur', 'touch', NULL,"
    " 'self', NULL, '2026-01-05T11:00:00.000Z', NULL, NULL);\n"
    "INSERT INTO answer VALUES ('a0000000-0000-4000-8000-000000000003',"
    " '22222222-2222-4222-8222-222222222222', 'involve', 'co_design', NULL, 0,"
    " '2026-01-05T10:03:00.000Z');\n"
    "INSERT INTO answer VALUES ('a0000000-0000-4000-8000-000000000001',"
    " '22222222-2222-4222-8222-222222222222', 'positive', 'good', 'gp', 0,"
    " '2026-01-05T10:01:00.000Z');\n"
    "INSERT INTO answer VALUES ('a0000000-0000-4000-8000-000000000002',"
    " '22222222-2222-4222-8222-222222222222', 'barriers', NULL, NULL, 1,"
    " '2026-01-05T10:02:00.000Z');\n"
    "INSERT INTO answer VALUES ('a0000000-0000-4000-8000-000000000004',"
    " '22222222-2222-4222-8222-222222222222', 'change', 'listened', NULL, 0,"
    " '2026-01-05T10:03:00.000Z');\n"
    "INSERT INTO answer VALUES ('a0000000-0000-4000-8000-000000000005',"
    " '33333333-3333-4333-8333-333333333333', 'positive', NULL, 'police', 1,"
    " '2026-01-05T11:01:00.000Z');\n"
    "PRAGMA user_version = 1;\n";

/* `size` bytes of every value, NULs included, varied by `seed`. The caller
 * frees it. */
static unsigned char *blob_make(size_t size, unsigned seed)
{
    unsigned char *blob = malloc(size);
    for (size_t i = 0; blob && i < size; i++)
        blob[i] = (unsigned char)(i * 31u + seed + (i >> 8));
    return blob;
}

static int put_recording(SupportStore *f, const char *session, const char *question,
                         const unsigned char *wav, size_t size, int duration_ms,
                         char id[STORE_UUID_SIZE])
{
    int status = store_recording_put(f->store, session, question, wav, size, duration_ms, 16000,
                                     id);
    if (status != 0)
        printf("    store_recording_put: %s\n", store_error(f->store));
    return status;
}

/* 0 when the kept recording of (session, question) is exactly `want`. */
static int recording_is(SupportStore *f, const char *session, const char *question,
                        const unsigned char *want, size_t want_size, int want_ms)
{
    unsigned char *wav = NULL;
    size_t size = 0;
    int duration_ms = -1;
    int found = store_recording_get(f->store, session, question, &wav, &size, &duration_ms);
    int same = found == 1 && size == want_size && duration_ms == want_ms &&
               memcmp(wav, want, size) == 0;
    free(wav);
    return same ? 0 : -1;
}

STORE_CASE(test_migration_from_version_1_keeps_every_row)
{
    const char *s1 = "22222222-2222-4222-8222-222222222222";
    const char *s2 = "33333333-3333-4333-8333-333333333333";
    sqlite3 *old = NULL;
    CHECK_INT(sqlite3_open(f->path, &old), SQLITE_OK);
    int rc = sqlite3_exec(old, v1_database, NULL, NULL, NULL);
    sqlite3_close(old);
    CHECK_INT(rc, SQLITE_OK);
    CHECK(support_store_open(f));
    CHECK_INT(support_raw_int(f, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    CHECK_STR(store_kiosk_id(f->store), "11111111-1111-4111-8111-111111111111");
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM kiosk"), 1);
    CHECK_STR(support_raw_text(f, "SELECT group_concat(id || '|' || language || '|' || mode || '|' ||"
                                  " coalesce(group_label, '-') || '|' || coalesce(ended_how, '-'), ';')"
                                  " FROM session ORDER BY id"),
              "22222222-2222-4222-8222-222222222222|en|supported|Tuesday group|finished;"
              "33333333-3333-4333-8333-333333333333|ur|self|-|-");
    /* Same rows, same ids and times, same answered order (ties by insertion). */
    CHECK_STR(answers_of(f, s1), "positive/gp/good;barriers/-/-/skipped;involve/-/co_design;"
                                 "change/-/listened;");
    CHECK_STR(answers_of(f, s2), "positive/police/-/skipped;");
    CHECK_STR(support_raw_text(f, "SELECT group_concat(id || '@' || answered_at, ' ') FROM"
                                  " (SELECT * FROM answer ORDER BY rowid)"),
              "a0000000-0000-4000-8000-000000000003@2026-01-05T10:03:00.000Z "
              "a0000000-0000-4000-8000-000000000001@2026-01-05T10:01:00.000Z "
              "a0000000-0000-4000-8000-000000000002@2026-01-05T10:02:00.000Z "
              "a0000000-0000-4000-8000-000000000004@2026-01-05T10:03:00.000Z "
              "a0000000-0000-4000-8000-000000000005@2026-01-05T11:01:00.000Z");
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM pragma_index_info('answer_session')"), 2);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM recording"), 0);
    /* The migrated file takes spoken answers, and the old rules still hold. */
    unsigned char wav[] = "RIFF\0\0\0\0WAVE";
    char id[STORE_UUID_SIZE];
    CHECK_INT(put_recording(f, s2, "speak", wav, sizeof wav, 1500, id), 0);
    CHECK_INT(recording_is(f, s2, "speak", wav, sizeof wav, 1500), 0);
    CHECK_INT(support_raw_exec(f, "INSERT INTO answer (id, session_id, question, choice, topic, skipped,"
                                  " answered_at) VALUES ('x', '33333333-3333-4333-8333-333333333333',"
                                  " 'q', 'a-choice', NULL, 1, 'now')"),
              SQLITE_CONSTRAINT);
    /* ... and typed answers, every old row's text being NULL. */
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer WHERE text IS NOT NULL"), 0);
    CHECK_INT(store_text_put(f->store, s2, "words", "Zażółć gęślą jaźń"), 0);
    CHECK(support_store_open(f)); /* and opening it again changes nothing */
    CHECK_INT(support_raw_int(f, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 7);
}

STORE_CASE(test_recording_put_and_get_round_trip_byte_for_byte)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE], id[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    enum { SIZE = 200000 }; /* about 6 s at 16 kHz */
    unsigned char *wav = blob_make(SIZE, 7);
    CHECK(wav);
    int status = put_recording(f, s, "speak", wav, SIZE, 6234, id);
    int same = status == 0 ? recording_is(f, s, "speak", wav, SIZE, 6234) : -1;
    free(wav);
    CHECK_INT(status, 0);
    CHECK_INT(same, 0);
    CHECK(is_uuid_v4(id));
    CHECK_STR(support_raw_text(f, "SELECT id FROM recording"), id);
    char row[128];
    snprintf(row, sizeof row, "%s|speak|6234|16000|%d", s, SIZE);
    CHECK_STR(support_raw_text(f, "SELECT session_id || '|' || question || '|' || duration_ms || '|' ||"
                                  " sample_rate || '|' || length(wav) FROM recording"),
              row);
    CHECK(support_is_utc_ms(support_raw_text(f, "SELECT recorded_at FROM recording")));
    CHECK_STR(answers_of(f, s), "speak/-/-;"); /* choice NULL, not skipped */
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer WHERE choice IS NULL AND skipped = 0"), 1);
}

STORE_CASE(test_recording_get_finds_none_where_none_was_kept)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    unsigned char *wav = (unsigned char *)s;
    size_t size = 99;
    int duration_ms = -1;
    CHECK_INT(store_recording_get(f->store, s, "speak", &wav, &size, &duration_ms), 0);
    CHECK(wav == NULL);
    CHECK_INT(size, 0);
    CHECK_INT(store_recording_get(f->store, "no-such-session", "speak", &wav, &size, NULL), 0);
}

STORE_CASE(test_recording_again_keeps_only_the_last)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE], other[STORE_UUID_SIZE], first[STORE_UUID_SIZE];
    char second[STORE_UUID_SIZE], kept[STORE_UUID_SIZE], answer_before[STORE_UUID_SIZE];
    char at_before[32];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    CHECK_INT(store_session_begin(f->store, &support_forum_session, other), 0);
    unsigned char *a = blob_make(5000, 1), *b = blob_make(3000, 2);
    CHECK(a && b);
    int status = put_recording(f, s, "speak", a, 5000, 2000, first);
    status |= put_recording(f, other, "speak", a, 5000, 2000, kept);   /* another session */
    status |= put_recording(f, s, "speak_more", a, 5000, 2000, kept);  /* another question */
    snprintf(answer_before, sizeof answer_before, "%s",
             support_raw_text(f, "SELECT id FROM answer WHERE session_id = %Q AND question = 'speak'",
                              s));
    snprintf(at_before, sizeof at_before, "%s",
             support_raw_text(f, "SELECT answered_at FROM answer WHERE session_id = %Q AND"
                                 " question = 'speak'", s));
    usleep(5000);
    status |= put_recording(f, s, "speak", b, 3000, 1200, second);
    int got_b = recording_is(f, s, "speak", b, 3000, 1200);
    int other_a = recording_is(f, other, "speak", a, 5000, 2000);
    int more_a = recording_is(f, s, "speak_more", a, 5000, 2000);
    free(a);
    free(b);
    CHECK_INT(status, 0);
    CHECK_INT(got_b, 0);
    CHECK_INT(other_a, 0);
    CHECK_INT(more_a, 0);
    CHECK(strcmp(first, second) != 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM recording"), 3);
    CHECK_STR(support_raw_text(f, "SELECT count(*) FROM recording WHERE id = %Q", first), "0");
    /* The answer row stays: same id, same answered_at, one row. */
    CHECK_STR(answers_of(f, s), "speak/-/-;speak_more/-/-;");
    CHECK_STR(support_raw_text(f, "SELECT id FROM answer WHERE session_id = %Q AND question = 'speak'",
                               s), answer_before);
    CHECK_STR(support_raw_text(f, "SELECT answered_at FROM answer WHERE session_id = %Q AND"
                                  " question = 'speak'", s), at_before);
}

STORE_CASE(test_skipping_a_spoken_answer_removes_its_recording)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE], id[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    unsigned char wav[64] = "RIFF";
    CHECK_INT(put_recording(f, s, "speak", wav, sizeof wav, 900, id), 0);
    CHECK_INT(put_recording(f, s, "speak_more", wav, sizeof wav, 900, id), 0);
    CHECK_INT(put(f, s, "speak", NULL, NULL, 0, true), 0); /* "I don't want to answer" */
    CHECK_STR(answers_of(f, s), "speak_more/-/-;speak/-/-/skipped;");
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM recording WHERE question = 'speak'"), 0);
    CHECK_INT(recording_is(f, s, "speak_more", wav, sizeof wav, 900), 0);
    /* Recording after all replaces the skip ... */
    CHECK_INT(put_recording(f, s, "speak", wav, sizeof wav, 800, id), 0);
    CHECK_STR(answers_of(f, s), "speak_more/-/-;speak/-/-;");
    CHECK_INT(recording_is(f, s, "speak", wav, sizeof wav, 800), 0);
    /* ... and no answer at all (nothing chosen, not skipped) removes it too. */
    CHECK_INT(put(f, s, "speak", NULL, NULL, 0, false), 0);
    CHECK_STR(answers_of(f, s), "speak_more/-/-;");
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM recording"), 1);
    /* A topic of a mat never touches a recording of its question. */
    const char *good[] = {"good"};
    CHECK_INT(put(f, s, "speak_more", "gp", good, 1, false), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM recording"), 1);
}

STORE_CASE(test_recording_for_an_unknown_session_is_refused)
{
    CHECK(support_store_open(f));
    unsigned char wav[16] = "RIFF";
    char id[STORE_UUID_SIZE];
    CHECK_INT(store_recording_put(f->store, "no-such-session", "speak", wav, sizeof wav, 10,
                                  16000, id),
              -1);
    CHECK(strstr(store_error(f->store), "session"));
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM recording"), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 0);
}

STORE_CASE(test_a_full_disk_fails_the_recording_and_keeps_the_last)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE], id[STORE_UUID_SIZE], failed_id[STORE_UUID_SIZE] = "";
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    unsigned char small[1000];
    memset(small, 0x5a, sizeof small);
    CHECK_INT(put_recording(f, s, "speak", small, sizeof small, 30, id), 0);
    CHECK_INT(store_debug_limit_pages(f->store, 1), 0);
    enum { BIG = 2000000 }; /* a minute at 16 kHz */
    unsigned char *big = blob_make(BIG, 3);
    CHECK(big);
    int status = store_recording_put(f->store, s, "speak", big, BIG, 60000, 16000, failed_id);
    free(big);
    CHECK_INT(status, -1);
    CHECK(strstr(store_error(f->store), "sayso.db: the disk is full"));
    CHECK_STR(failed_id, "");
    CHECK_INT(recording_is(f, s, "speak", small, sizeof small, 30), 0);
    CHECK_STR(support_raw_text(f, "SELECT id FROM recording"), id);
    CHECK_STR(answers_of(f, s), "speak/-/-;");
}

/* ---- schema 3: typed answers ------------------------------------------------ */

/* Version 2 as it was made: the version 1 file above, then migration 2 of
 * store_schema.c word for word (when version 3 was written), then a kept
 * spoken answer in the second session, its answer row last in answered order. */
static const char *const v2_upgrade =
    "CREATE TABLE answer_v2 (\n"
    "    id          TEXT NOT NULL PRIMARY KEY,\n"
    "    session_id  TEXT NOT NULL REFERENCES session(id),\n"
    "    question    TEXT NOT NULL,\n"
    "    choice      TEXT,\n"
    "    topic       TEXT,\n"
    "    skipped     INTEGER NOT NULL DEFAULT 0\n"
    "                CHECK (skipped IN (0, 1)),\n"
    "    answered_at TEXT NOT NULL,\n"
    "    CHECK (skipped = 0 OR choice IS NULL)\n"
    ");\n"
    "INSERT INTO answer_v2 (rowid, id, session_id, question, choice, topic, skipped, answered_at)\n"
    "    SELECT rowid, id, session_id, question, choice, topic, skipped, answered_at\n"
    "    FROM answer ORDER BY rowid;\n"
    "DROP TABLE answer;\n"
    "ALTER TABLE answer_v2 RENAME TO answer;\n"
    "CREATE INDEX answer_question ON answer(session_id, question, topic);\n"
    "CREATE TABLE recording (\n"
    "    id          TEXT NOT NULL PRIMARY KEY,\n"
    "    session_id  TEXT NOT NULL REFERENCES session(id),\n"
    "    question    TEXT NOT NULL,\n"
    "    wav         BLOB NOT NULL,\n"
    "    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),\n"
    "    sample_rate INTEGER NOT NULL CHECK (sample_rate > 0),\n"
    "    recorded_at TEXT NOT NULL,\n"
    "    UNIQUE (session_id, question)\n"
    ");\n"
    "INSERT INTO answer VALUES ('a0000000-0000-4000-8000-000000000006',"
    " '33333333-3333-4333-8333-333333333333', 'speak', NULL, NULL, 0,"
    " '2026-01-05T11:02:00.000Z');\n"
    "INSERT INTO recording VALUES ('b0000000-0000-4000-8000-000000000001',"
    " '33333333-3333-4333-8333-333333333333', 'speak', x'52494646000000005741564500',"
    " 1500, 16000, '2026-01-05T11:02:00.000Z');\n"
    "PRAGMA user_version = 2;\n";

/* The typed answer of (session, question) as store_text_get gives it, or
 * "(none)" or "(error)". */
static const char *text_of(SupportStore *f, const char *session, const char *question)
{
    int found = store_text_get(f->store, session, question, f->text, sizeof f->text);
    return found == 1 ? f->text : found == 0 ? "(none)" : "(error)";
}

static void listing_text_add(void *ctx, const char *question, const char *topic,
                             const char *choice, bool skipped, const char *text)
{
    listing_add(ctx, question, topic, choice, skipped);
    char *listing = ctx;
    size_t used = strlen(listing);
    if (text)
        snprintf(listing + used - 1, SUPPORT_TEXT_SIZE - (used - 1), "=%s;", text);
}

/* As answers_of, through store_session_answers_ex: "question/-/-=text;". */
static const char *answers_with_text(SupportStore *f, const char *session_id)
{
    f->text[0] = '\0';
    if (store_session_answers_ex(f->store, session_id, listing_text_add, f->text) < 0)
        return "(error)";
    return f->text;
}

static const char *const polish = "Zażółć gęślą jaźń: chcę krótszych kolejek.";
static const char *const urdu = "میں چاہتا ہوں کہ عملہ مہربان ہو۔";

STORE_CASE(test_migration_from_version_2_keeps_every_row)
{
    const char *s1 = "22222222-2222-4222-8222-222222222222";
    const char *s2 = "33333333-3333-4333-8333-333333333333";
    sqlite3 *old = NULL;
    CHECK_INT(sqlite3_open(f->path, &old), SQLITE_OK);
    int rc = sqlite3_exec(old, v1_database, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(old, v2_upgrade, NULL, NULL, NULL);
    sqlite3_close(old);
    CHECK_INT(rc, SQLITE_OK);
    CHECK(support_store_open(f));
    CHECK_INT(support_raw_int(f, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    CHECK_STR(store_kiosk_id(f->store), "11111111-1111-4111-8111-111111111111");
    CHECK_STR(answers_of(f, s1), "positive/gp/good;barriers/-/-/skipped;involve/-/co_design;"
                                 "change/-/listened;");
    CHECK_STR(answers_with_text(f, s2), "positive/police/-/skipped;speak/-/-;");
    CHECK_STR(support_raw_text(f, "SELECT group_concat(id || '@' || answered_at, ' ') FROM"
                                  " (SELECT * FROM answer ORDER BY rowid)"),
              "a0000000-0000-4000-8000-000000000003@2026-01-05T10:03:00.000Z "
              "a0000000-0000-4000-8000-000000000001@2026-01-05T10:01:00.000Z "
              "a0000000-0000-4000-8000-000000000002@2026-01-05T10:02:00.000Z "
              "a0000000-0000-4000-8000-000000000004@2026-01-05T10:03:00.000Z "
              "a0000000-0000-4000-8000-000000000005@2026-01-05T11:01:00.000Z "
              "a0000000-0000-4000-8000-000000000006@2026-01-05T11:02:00.000Z");
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer WHERE text IS NOT NULL"), 0);
    unsigned char wav[] = "RIFF\0\0\0\0WAVE";
    CHECK_INT(recording_is(f, s2, "speak", wav, sizeof wav, 1500), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM pragma_index_info('answer_session')"), 2);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    /* The column is documented in the schema, as the others are. */
    CHECK(strstr(support_raw_text(f, "SELECT sql FROM sqlite_master WHERE name = 'answer'"),
                 "text TEXT\n    /* the words a person typed"));
    CHECK_INT(support_raw_exec(f, "PRAGMA integrity_check"), SQLITE_OK);
    CHECK_STR(support_raw_text(f, "PRAGMA integrity_check"), "ok");
    /* The migrated file takes typed answers next to the old ones. */
    CHECK_INT(support_store_put_text(f, s2, "words", urdu), 0);
    char want[256];
    snprintf(want, sizeof want, "positive/police/-/skipped;speak/-/-;words/-/-=%s;", urdu);
    CHECK_STR(answers_with_text(f, s2), want);
    CHECK(support_store_open(f)); /* and opening it again changes nothing */
    CHECK_INT(support_raw_int(f, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    CHECK_STR(text_of(f, s2, "words"), urdu);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 7);
}

STORE_CASE(test_text_put_and_get_round_trip_utf8)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE], other[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    CHECK_INT(store_session_begin(f->store, &support_forum_session, other), 0);
    CHECK_INT(support_store_put_text(f, s, "words", polish), 0);
    CHECK_INT(support_store_put_text(f, s, "more_words", urdu), 0);
    CHECK_STR(text_of(f, s, "words"), polish);
    CHECK_STR(text_of(f, s, "more_words"), urdu);
    CHECK_STR(text_of(f, other, "words"), "(none)");
    CHECK_STR(text_of(f, s, "change"), "(none)");
    CHECK_STR(text_of(f, "no-such-session", "words"), "(none)");
    /* On the disk: byte for byte, on a row with choice NULL, not skipped. */
    CHECK_STR(support_raw_text(f, "SELECT text FROM answer WHERE question = 'more_words'"), urdu);
    CHECK_STR(support_raw_text(f, "SELECT count(*) FROM answer WHERE question = 'words' AND"
                                  " session_id = %Q AND choice IS NULL AND skipped = 0 AND"
                                  " topic IS NULL AND length(CAST(text AS BLOB)) = %d",
                               s, (int)strlen(polish)),
              "1");
    CHECK(is_uuid_v4(support_raw_text(f, "SELECT id FROM answer WHERE question = 'words'")));
    CHECK(support_is_utc_ms(support_raw_text(f, "SELECT answered_at FROM answer WHERE question = 'words'")));
    CHECK(store_last_commit_ms(f->store) > 0.0);
    /* Listings: the old one shows the row as answered, the new one its words. */
    CHECK_STR(answers_of(f, s), "words/-/-;more_words/-/-;");
    char want[512];
    snprintf(want, sizeof want, "words/-/-=%s;more_words/-/-=%s;", polish, urdu);
    CHECK_STR(answers_with_text(f, s), want);
    CHECK_INT(store_session_answers_ex(f->store, s, NULL, NULL), 2);
    /* A buffer too small cuts before a character that does not fit whole:
     * "Zażółć" is Z, a, then two bytes each. With the NUL, 4 bytes hold
     * "Za" and half a "ż" (cut), 5 hold "Zaż", 6 "Zaż" and half an "ó". */
    char four[4], five[5], six[6];
    CHECK_INT(store_text_get(f->store, s, "words", four, sizeof four), 1);
    CHECK_STR(four, "Za");
    CHECK_INT(store_text_get(f->store, s, "words", five, sizeof five), 1);
    CHECK_STR(five, "Zaż");
    CHECK_INT(store_text_get(f->store, s, "words", six, sizeof six), 1);
    CHECK_STR(six, "Zaż");
}

STORE_CASE(test_text_change_keeps_the_rows_id_and_time)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE], id_before[STORE_UUID_SIZE], at_before[32];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    CHECK_INT(support_store_put_text(f, s, "words", "Hi"), 0);
    snprintf(id_before, sizeof id_before, "%s",
             support_raw_text(f, "SELECT id FROM answer WHERE question = 'words'"));
    snprintf(at_before, sizeof at_before, "%s",
             support_raw_text(f, "SELECT answered_at FROM answer WHERE question = 'words'"));
    usleep(5000);
    CHECK_INT(support_store_put_text(f, s, "words", urdu), 0);
    CHECK_INT(support_store_put_text(f, s, "words", polish), 0);
    CHECK_STR(text_of(f, s, "words"), polish);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 1);
    CHECK_STR(support_raw_text(f, "SELECT id FROM answer WHERE question = 'words'"), id_before);
    CHECK_STR(support_raw_text(f, "SELECT answered_at FROM answer WHERE question = 'words'"), at_before);
}

STORE_CASE(test_text_empty_removes_the_row)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    CHECK_INT(support_store_put_text(f, s, "words", polish), 0);
    CHECK_INT(support_store_put_text(f, s, "more_words", urdu), 0);
    CHECK_INT(support_store_put_text(f, s, "words", ""), 0);
    CHECK_STR(text_of(f, s, "words"), "(none)");
    CHECK_STR(answers_of(f, s), "more_words/-/-;");
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer WHERE question = 'words'"), 0);
    CHECK_INT(support_store_put_text(f, s, "words", ""), 0); /* nothing to remove: still fine */
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 1);
    /* Typing again after deleting everything is a new row. */
    CHECK_INT(support_store_put_text(f, s, "words", "again"), 0);
    CHECK_STR(answers_of(f, s), "more_words/-/-;words/-/-;");
}

STORE_CASE(test_skipping_a_text_question_removes_its_words)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    CHECK_INT(support_store_put_text(f, s, "words", polish), 0);
    CHECK_INT(put(f, s, "words", NULL, NULL, 0, true), 0); /* "I don't want to answer" */
    CHECK_STR(text_of(f, s, "words"), "(none)");
    CHECK_STR(answers_with_text(f, s), "words/-/-/skipped;");
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer WHERE text IS NOT NULL"), 0);
    /* Typing after all replaces the skip ... */
    CHECK_INT(support_store_put_text(f, s, "words", urdu), 0);
    CHECK_STR(answers_of(f, s), "words/-/-;");
    CHECK_STR(text_of(f, s, "words"), urdu);
    /* ... and no answer at all (nothing chosen, not skipped) removes it too. */
    CHECK_INT(put(f, s, "words", NULL, NULL, 0, false), 0);
    CHECK_STR(answers_of(f, s), "");
    CHECK_STR(text_of(f, s, "words"), "(none)");
}

STORE_CASE(test_text_and_recording_replace_each_other)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE], id[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    unsigned char wav[64] = "RIFF";
    CHECK_INT(support_store_put_text(f, s, "words", polish), 0);
    CHECK_INT(put_recording(f, s, "words", wav, sizeof wav, 900, id), 0);
    CHECK_STR(text_of(f, s, "words"), "(none)");
    CHECK_STR(answers_with_text(f, s), "words/-/-;");
    CHECK_INT(support_store_put_text(f, s, "words", urdu), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM recording"), 0);
    char want[256];
    snprintf(want, sizeof want, "words/-/-=%s;", urdu);
    CHECK_STR(answers_with_text(f, s), want);
    CHECK_STR(text_of(f, s, "words"), urdu);
    /* Choosing replaces the words as well, and typing the choices. */
    const char *money[] = {"money"};
    CHECK_INT(put(f, s, "words", NULL, money, 1, false), 0);
    CHECK_STR(answers_with_text(f, s), "words/-/money;");
    CHECK_INT(support_store_put_text(f, s, "words", "x"), 0);
    CHECK_STR(answers_with_text(f, s), "words/-/-=x;");
}

STORE_CASE(test_text_for_an_unknown_session_is_refused)
{
    CHECK(support_store_open(f));
    CHECK_INT(store_text_put(f->store, "no-such-session", "words", "hello"), -1);
    CHECK(strstr(store_error(f->store), "session"));
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 0);
}

STORE_CASE(test_a_full_disk_fails_the_text_and_keeps_the_last)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    CHECK_INT(support_store_put_text(f, s, "words", polish), 0);
    CHECK_INT(store_debug_limit_pages(f->store, 1), 0);
    enum { BIG = 200000 };
    char *big = malloc(BIG + 1);
    CHECK(big);
    memset(big, 'a', BIG);
    big[BIG] = '\0';
    int status = store_text_put(f->store, s, "words", big);
    free(big);
    CHECK_INT(status, -1);
    CHECK(strstr(store_error(f->store), "sayso.db: the disk is full"));
    CHECK_STR(text_of(f, s, "words"), polish);
}

/* ---- schema 4: the staff side ---------------------------------------------- */

/* Version 3 as it was made: version 2 above, then migration 3 of
 * store_schema.c word for word (when version 4 was written), then a typed
 * answer in the second session. */
static const char *const v3_upgrade =
    "ALTER TABLE answer ADD COLUMN text TEXT\n"
    "    /* the words a person typed, for text questions; NULL otherwise */;\n"
    "INSERT INTO answer VALUES ('a0000000-0000-4000-8000-000000000007',"
    " '33333333-3333-4333-8333-333333333333', 'words', NULL, NULL, 0,"
    " '2026-01-05T11:03:00.000Z', 'Zażółć gęślą jaźń');\n"
    "PRAGMA user_version = 3;\n";

/* Every row of every version-3 table, in rowid order, each value quoted
 * (blobs as hex), as one string in f->text. */
static const char *v3_dump(SupportStore *f)
{
    return support_raw_text(
        f, "%s",
        "SELECT (SELECT group_concat(quote(id) || quote(created_at), '|') FROM kiosk) || '#' ||"
        " (SELECT group_concat(quote(id) || quote(kiosk_id) || quote(survey_id) ||"
        "  quote(survey_version) || quote(language) || quote(touch_style) || quote(input_used)"
        "  || quote(mode) || quote(group_label) || quote(started_at) || quote(ended_at) ||"
        "  quote(ended_how), '|') FROM (SELECT * FROM session ORDER BY rowid)) || '#' ||"
        " (SELECT group_concat(rowid || quote(id) || quote(session_id) || quote(question) ||"
        "  quote(choice) || quote(topic) || quote(skipped) || quote(answered_at) || quote(text),"
        "  '|') FROM (SELECT rowid, * FROM answer ORDER BY rowid)) || '#' ||"
        " (SELECT group_concat(quote(id) || quote(session_id) || quote(question) || quote(wav)"
        "  || quote(duration_ms) || quote(sample_rate) || quote(recorded_at), '|')"
        "  FROM recording)");
}

STORE_CASE(test_migration_from_version_3_keeps_every_row)
{
    sqlite3 *old = NULL;
    CHECK_INT(sqlite3_open(f->path, &old), SQLITE_OK);
    int rc = sqlite3_exec(old, v1_database, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(old, v2_upgrade, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(old, v3_upgrade, NULL, NULL, NULL);
    sqlite3_close(old);
    CHECK_INT(rc, SQLITE_OK);
    char before[SUPPORT_TEXT_SIZE];
    CHECK(v3_dump(f));
    snprintf(before, sizeof before, "%s", f->text);
    CHECK(strstr(before, "Zażółć gęślą jaźń"));
    CHECK(strstr(before, "X'52494646000000005741564500'"));
    sqlite3_close(f->raw); /* the raw connection must see the new schema */
    f->raw = NULL;
    CHECK(support_store_open(f));
    CHECK_INT(support_raw_int(f, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    CHECK_STR(v3_dump(f), before);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session"
                                 " WHERE exported_at IS NULL AND synced_at IS NULL"), 2);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM staff_event"), 0);
    /* Schema 6 counted what was there into its tally. */
    CHECK_STR(support_raw_text(f, "SELECT sessions || '/' || answers || '/' || not_exported ||"
                                  " '/' || not_synced FROM tally"), "2/5/2/2");
    CHECK_INT(support_raw_int(f, "SELECT answers = (SELECT count(*) FROM answer WHERE skipped = 0)"
                                 " FROM tally"), 1);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    CHECK_STR(support_raw_text(f, "PRAGMA integrity_check"), "ok");
    /* The new columns are documented in the schema, as the others are. */
    const char *sql = support_raw_text(f, "SELECT sql FROM sqlite_master WHERE name = 'session'");
    CHECK(sql && strstr(sql, "exported_at TEXT\n    /* when the session was first exported"));
    CHECK(sql && strstr(sql, "synced_at TEXT\n    /* when the session reached"));
    CHECK(strstr(support_raw_text(f, "SELECT sql FROM sqlite_master WHERE name = 'staff_event'"),
                 "event  TEXT NOT NULL, -- a short word"));
    /* The migrated file takes new sessions and answers beside the old ones. */
    char s[STORE_UUID_SIZE];
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    CHECK_INT(support_store_put_text(f, s, "words", "new words"), 0);
    CHECK(support_store_open(f)); /* and opening it again changes nothing */
    CHECK_INT(support_raw_int(f, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session"), 3);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 8);
    CHECK_STR(text_of(f, "33333333-3333-4333-8333-333333333333", "words"), "Zażółć gęślą jaźń");
}

/* Typed values (schema 9) are kept as what they are, replace a skip, and
 * an empty one removes the row. */
STORE_CASE(test_value_put_keeps_numbers_and_dates)
{
    char s[STORE_UUID_SIZE];
    CHECK(support_store_open(f));
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    CHECK_INT(put(f, s, "age", NULL, NULL, 0, true), 0);  /* skipped first */
    StoreValue age = {STORE_VALUE_INTEGER, 42, 0, NULL}, weight = {STORE_VALUE_REAL, 0, 6.5, NULL};
    StoreValue day = {STORE_VALUE_TEXT, 0, 0, "2026-03-01"}, none = {STORE_VALUE_NONE, 0, 0, NULL};
    CHECK_INT(store_value_put(f->store, s, "age", &age), 0);
    CHECK_INT(store_value_put(f->store, s, "weight", &weight), 0);
    CHECK_INT(store_value_put(f->store, s, "visit", &day), 0);
    CHECK_STR(support_raw_text(f, "SELECT group_concat(question || ':' || typeof(value) || ':' || value ||"
                                  " ':' || skipped, ' ') FROM (SELECT * FROM answer ORDER BY rowid)"),
              "age:integer:42:0 weight:real:6.5:0 visit:text:2026-03-01:0");
    char id[STORE_UUID_SIZE];
    snprintf(id, sizeof id, "%s", support_raw_text(f, "SELECT id FROM answer WHERE question = 'age'"));
    age.integer = 43;
    CHECK_INT(store_value_put(f->store, s, "age", &age), 0);  /* the row is kept, the value changes */
    CHECK_STR(support_raw_text(f, "SELECT id FROM answer WHERE question = 'age'"), id);
    CHECK_STR(support_raw_text(f, "SELECT value FROM answer WHERE question = 'age'"), "43");
    CHECK_INT(store_value_put(f->store, s, "weight", &none), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer WHERE question = 'weight'"), 0);
}

/* A question no longer asked leaves nothing: its rows, its own words
 * (spoken or typed) and their recordings. */
STORE_CASE(test_answer_clear_removes_everything_of_a_question)
{
    char s[STORE_UUID_SIZE];
    CHECK(support_store_open(f));
    CHECK_INT(store_session_begin(f->store, &support_forum_session, s), 0);
    const char *const needs[] = {"food", "other"}, *const kept[] = {"yes"};
    CHECK_INT(put(f, s, "needs", NULL, needs, 2, false), 0);
    CHECK_INT(support_store_put_text(f, s, "needs:other", "a bike"), 0);
    static const unsigned char wav[] = "RIFF\0\0\0\0WAVE";
    char rid[STORE_UUID_SIZE];
    CHECK_INT(put_recording(f, s, "needs:spoken", wav, sizeof wav, 300, rid), 0);
    CHECK_INT(put(f, s, "kept", NULL, kept, 1, false), 0);
    CHECK_INT(store_answer_clear(f->store, s, "needs"), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer WHERE question LIKE 'needs%%'"), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM recording"), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer WHERE question = 'kept'"), 1);
}

int main(void)
{
    RUN(test_open_creates_schema_version_9_in_wal_mode);
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
    RUN(test_a_negative_schema_version_is_called_damaged);
    RUN(test_a_file_that_is_not_a_database_is_refused);
    RUN(test_another_programs_database_is_refused_untouched);
    RUN(test_a_full_disk_fails_the_put_and_keeps_what_was_saved);
    RUN(test_each_commit_is_timed);
    RUN(test_migration_from_version_1_keeps_every_row);
    RUN(test_recording_put_and_get_round_trip_byte_for_byte);
    RUN(test_recording_get_finds_none_where_none_was_kept);
    RUN(test_recording_again_keeps_only_the_last);
    RUN(test_skipping_a_spoken_answer_removes_its_recording);
    RUN(test_recording_for_an_unknown_session_is_refused);
    RUN(test_a_full_disk_fails_the_recording_and_keeps_the_last);
    RUN(test_migration_from_version_2_keeps_every_row);
    RUN(test_text_put_and_get_round_trip_utf8);
    RUN(test_text_change_keeps_the_rows_id_and_time);
    RUN(test_text_empty_removes_the_row);
    RUN(test_skipping_a_text_question_removes_its_words);
    RUN(test_text_and_recording_replace_each_other);
    RUN(test_text_for_an_unknown_session_is_refused);
    RUN(test_a_full_disk_fails_the_text_and_keeps_the_last);
    RUN(test_migration_from_version_3_keeps_every_row);
    RUN(test_value_put_keeps_numbers_and_dates);
    RUN(test_answer_clear_removes_everything_of_a_question);
    return TEST_SUMMARY();
}
