/* test_store_staff.c: what the staff side asks of the database
 * (src/store/store_staff.h) and `sayso purge`, against real files.
 *
 * As in test_store.c, each case gets a fresh folder under /tmp (a
 * SupportStore, from tests/test_support.h) and a second, plain SQLite
 * connection (SupportStore.raw) that checks what is on the disk. Sessions
 * are made through the store and then moved in time with the second
 * connection, so counts "today" and purges "before a date" are tested on
 * known days. The purge cases count and dump rows before and
 * after, look for an answer's words in the bytes of the database file and
 * its -wal file, fail the disk on purpose, and run the real binary
 * (SAYSO_BIN, else ./sayso). */
#include "store/store.h"
#include "store/store_staff.h"
#include "test_support.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Defines a case `name` whose body gets a set-up SupportStore `f`
 * (tests/test_support.h). */
#define STAFF_CASE(name) SUPPORT_FIXTURE_CASE(name, SupportStore, support_store_setup, support_store_teardown)

/* ---- making sessions ---------------------------------------------------- */

/* Begins a session in `group` (NULL: none) and moves its start to
 * `started_at`. 0 or -1. */
static int session_at(SupportStore *f, const char *started_at, const char *group,
                      char id[STORE_UUID_SIZE])
{
    StoreSessionInfo info = support_forum_session;
    info.group_label = group;
    if (store_session_begin(f->store, &info, id) != 0) {
        printf("    store_session_begin: %s\n", store_error(f->store));
        return -1;
    }
    return support_raw_exec(f, "UPDATE session SET started_at = %Q WHERE id = %Q", started_at, id) ==
                   SQLITE_OK
               ? 0
               : -1;
}

/* Puts `choices` (a NULL-terminated list; none: a skip) for (question, topic). */
static int put(SupportStore *f, const char *session, const char *question, const char *topic, ...)
{
    const char *choices[16];
    int n = 0;
    va_list args;
    va_start(args, topic);
    for (const char *c; n < 16 && (c = va_arg(args, const char *)) != NULL;)
        choices[n++] = c;
    va_end(args);
    int status = store_answer_put(f->store, session, question, topic, choices, n, n == 0);
    if (status != 0)
        printf("    store_answer_put: %s\n", store_error(f->store));
    return status;
}

static int put_recording(SupportStore *f, const char *session, const char *question,
                         const char *bytes)
{
    char id[STORE_UUID_SIZE];
    int status = store_recording_put(f->store, session, question, (const unsigned char *)bytes,
                                     strlen(bytes), 1000, 16000, id);
    if (status != 0)
        printf("    store_recording_put: %s\n", store_error(f->store));
    return status;
}

/* ---- counts ------------------------------------------------------------- */

#define TODAY "2026-11-22T00:00:00.000Z"

static bool counts_are(const StoreCounts *c, int s_today, int a_today, int s_total,
                       int a_total, int not_exported, int not_synced)
{
    bool same = c->sessions_today == s_today && c->answers_today == a_today &&
                c->sessions_total == s_total && c->answers_total == a_total &&
                c->not_exported == not_exported && c->not_synced == not_synced;
    if (!same)
        printf("    counts: today %d/%d total %d/%d not exported %d not synced %d\n",
               c->sessions_today, c->answers_today, c->sessions_total, c->answers_total,
               c->not_exported, c->not_synced);
    return same;
}

STAFF_CASE(test_counts_today_and_total_without_skips)
{
    CHECK(support_store_open(f));
    char old[STORE_UUID_SIZE], late[STORE_UUID_SIZE], now[STORE_UUID_SIZE];
    StoreCounts c;
    CHECK_INT(store_counts(f->store, TODAY, &c), 0);
    CHECK(counts_are(&c, 0, 0, 0, 0, 0, 0));
    CHECK_INT(session_at(f, "2026-11-20T10:00:00.000Z", NULL, old), 0);
    CHECK_INT(session_at(f, "2026-11-21T23:59:59.999Z", NULL, late), 0);
    CHECK_INT(session_at(f, TODAY, NULL, now), 0); /* midnight itself is today */
    CHECK_INT(put(f, old, "change", NULL, "listened", "kinder_staff", NULL), 0);
    CHECK_INT(put(f, old, "barriers", NULL, NULL), 0);        /* a skip: not counted */
    CHECK_INT(put(f, late, "positive", "gp", "good", NULL), 0);
    CHECK_INT(put(f, late, "positive", "police", NULL), 0);   /* a skipped topic */
    CHECK_INT(put(f, now, "positive", "gp", "bad", NULL), 0);
    CHECK_INT(put(f, now, "involve", NULL, "co_design", NULL), 0);
    CHECK_INT(put(f, now, "change", NULL, NULL), 0);
    CHECK_INT(support_store_put_text(f, now, "words", "kind words"), 0);    /* typed: an answer */
    CHECK_INT(put_recording(f, now, "speak", "RIFF-spoken"), 0); /* spoken: an answer */
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 10);
    CHECK_INT(store_counts(f->store, TODAY, &c), 0);
    CHECK(counts_are(&c, 1, 4, 3, 7, 3, 3));
    CHECK_INT(support_raw_exec(f, "UPDATE session SET exported_at = '2026-11-22T09:00:00.000Z'"
                                  " WHERE id IN (%Q, %Q)", old, late), SQLITE_OK);
    CHECK_INT(support_raw_exec(f, "UPDATE session SET synced_at = '2026-11-22T09:00:00.000Z'"
                                  " WHERE id = %Q", now), SQLITE_OK);
    CHECK_INT(store_counts(f->store, TODAY, &c), 0);
    CHECK(counts_are(&c, 1, 4, 3, 7, 1, 2));
    CHECK_INT(store_counts(f->store, "2026-11-21T00:00:00.000Z", &c), 0); /* since yesterday */
    CHECK(counts_are(&c, 2, 5, 3, 7, 1, 2));
}

STAFF_CASE(test_mark_exported_changes_only_sessions_not_yet_exported)
{
    CHECK(support_store_open(f));
    char a[STORE_UUID_SIZE], b[STORE_UUID_SIZE], c[STORE_UUID_SIZE];
    CHECK_INT(session_at(f, "2026-11-20T10:00:00.000Z", NULL, a), 0);
    CHECK_INT(session_at(f, "2026-11-21T10:00:00.000Z", NULL, b), 0);
    CHECK_INT(session_at(f, "2026-11-22T10:00:00.000Z", NULL, c), 0);
    CHECK_INT(support_raw_exec(f, "UPDATE session SET exported_at = '2026-01-01T00:00:00.000Z'"
                                  " WHERE id = %Q", b), SQLITE_OK);
    StoreCounts counts;
    CHECK_INT(store_counts(f->store, TODAY, &counts), 0);
    CHECK_INT(counts.not_exported, 2);
    const char *ids[] = {a, b, "no-such-session"};
    CHECK_INT(store_mark_exported(f->store, ids, 3), 0);
    CHECK(support_is_utc_ms(support_raw_text(f, "SELECT exported_at FROM session WHERE id = %Q", a)));
    CHECK_INT(support_raw_int(f, "SELECT exported_at > '2026-11' FROM session WHERE id = %Q", a), 1);
    CHECK_STR(support_raw_text(f, "SELECT exported_at FROM session WHERE id = %Q", b),
              "2026-01-01T00:00:00.000Z");
    CHECK(support_raw_text(f, "SELECT exported_at FROM session WHERE id = %Q", c) == NULL);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session WHERE synced_at IS NOT NULL"), 0);
    CHECK_INT(store_counts(f->store, TODAY, &counts), 0);
    CHECK_INT(counts.not_exported, 1);
    char first[32];
    snprintf(first, sizeof first, "%s", support_raw_text(f, "SELECT exported_at FROM session"
                                                            " WHERE id = %Q", a));
    usleep(5000);
    const char *all[] = {a, b, c};
    CHECK_INT(store_mark_exported(f->store, all, 3), 0);
    CHECK_STR(support_raw_text(f, "SELECT exported_at FROM session WHERE id = %Q", a), first);
    CHECK_INT(store_counts(f->store, TODAY, &counts), 0);
    CHECK_INT(counts.not_exported, 0);
    CHECK_INT(store_mark_exported(f->store, NULL, 0), 0);
}

/* The totals kept by the tally row (schema 6) are the ones a full count
 * gives, after choices are changed and taken back, recordings and typed
 * words replaced, sessions marked and purged. */
STAFF_CASE(test_counts_kept_by_the_tally_match_a_recount)
{
    CHECK(support_store_open(f));
    char old[STORE_UUID_SIZE], kept[STORE_UUID_SIZE];
    CHECK_INT(session_at(f, "2025-06-01T10:00:00.000Z", NULL, old), 0);
    CHECK_INT(session_at(f, "2026-06-01T10:00:00.000Z", "Group", kept), 0);
    CHECK_INT(put(f, old, "change", NULL, "listened", "kinder_staff", "form_help", NULL), 0);
    CHECK_INT(put(f, old, "change", NULL, "kinder_staff", NULL), 0); /* two taken back */
    CHECK_INT(put(f, old, "barriers", NULL, "money", NULL), 0);
    CHECK_INT(put(f, old, "barriers", NULL, NULL), 0);               /* a choice, then a skip */
    CHECK_INT(put(f, kept, "positive", "gp", NULL), 0);              /* a skip, then a choice */
    CHECK_INT(put(f, kept, "positive", "gp", "good", NULL), 0);
    CHECK_INT(put_recording(f, kept, "speak", "RIFF-one"), 0);
    CHECK_INT(put_recording(f, kept, "speak", "RIFF-two"), 0);       /* recorded again */
    CHECK_INT(support_store_put_text(f, kept, "words", "first"), 0);
    CHECK_INT(put(f, kept, "words", NULL, NULL), 0);                 /* typed, then skipped */
    const char *ids[] = {old};
    CHECK_INT(store_mark_exported(f->store, ids, 1), 0);
    CHECK_INT(support_raw_exec(f, "UPDATE session SET synced_at = 'x' WHERE id = %Q", kept), SQLITE_OK);
    static const char recount[] =
        "SELECT (SELECT count(*) FROM session) || '/' ||"
        " (SELECT count(*) FROM answer WHERE skipped = 0) || '/' ||"
        " (SELECT count(*) FROM session WHERE exported_at IS NULL) || '/' ||"
        " (SELECT count(*) FROM session WHERE synced_at IS NULL)";
    static const char tally[] =
        "SELECT sessions || '/' || answers || '/' || not_exported || '/' || not_synced FROM tally";
    CHECK_STR(support_raw_text(f, "%s", recount), "2/3/1/1");
    CHECK_STR(support_raw_text(f, "%s", tally), "2/3/1/1");
    StoreCounts c;
    StorePurged gone;
    CHECK_INT(store_purge_before(f->store, "2026-01-01", &gone), 0);
    CHECK_STR(support_raw_text(f, "%s", recount), "1/2/1/0");
    CHECK_STR(support_raw_text(f, "%s", tally), "1/2/1/0");
    CHECK_INT(store_counts(f->store, "2026-06-01T00:00:00.000Z", &c), 0);
    CHECK(counts_are(&c, 1, 2, 1, 2, 1, 0));
}

/* ---- the group view ----------------------------------------------------- */

static void listing_add(void *ctx, const char *question, const char *topic, const char *choice,
                        int count)
{
    char *text = ctx;
    size_t used = strlen(text);
    snprintf(text + used, SUPPORT_TEXT_SIZE - used, "%s/%s/%s=%d;", question, topic ? topic : "-",
             choice ? choice : "(null)", count);
}

/* The group's counts as "question/topic/choice=N;..." and its session
 * count, or "(error)". */
static const char *group_listing(SupportStore *f, const char *group, int *sessions, int *calls)
{
    f->text[0] = '\0';
    *calls = store_group_counts(f->store, group, sessions, listing_add, f->text);
    return *calls < 0 ? "(error)" : f->text;
}

STAFF_CASE(test_group_counts_only_the_groups_choices)
{
    CHECK(support_store_open(f));
    char t1[STORE_UUID_SIZE], t2[STORE_UUID_SIZE], fri[STORE_UUID_SIZE], alone[STORE_UUID_SIZE];
    CHECK_INT(session_at(f, "2026-11-22T10:00:00.000Z", "Tuesday group", t1), 0);
    CHECK_INT(session_at(f, "2026-11-22T10:10:00.000Z", "Tuesday group", t2), 0);
    CHECK_INT(session_at(f, "2026-11-22T11:00:00.000Z", "Friday group", fri), 0);
    CHECK_INT(session_at(f, "2026-11-22T12:00:00.000Z", NULL, alone), 0);
    /* The second person answers first: the view must not follow who or when. */
    CHECK_INT(put(f, t2, "involve", NULL, "informed", NULL), 0);
    CHECK_INT(put(f, t2, "positive", "gp", "good", NULL), 0);
    CHECK_INT(put(f, t2, "change", NULL, "listened", NULL), 0);
    CHECK_INT(put(f, t2, "barriers", NULL, NULL), 0);
    CHECK_INT(put(f, t1, "positive", "gp", "good", NULL), 0);
    CHECK_INT(put(f, t1, "positive", "hospital", "bad", NULL), 0);
    CHECK_INT(put(f, t1, "positive", "mental_health", NULL), 0);
    CHECK_INT(put(f, t1, "change", NULL, "trusted_person", "listened", NULL), 0);
    CHECK_INT(put(f, t1, "involve", NULL, "co_design", NULL), 0);
    CHECK_INT(support_store_put_text(f, t1, "words", "my own words"), 0);
    CHECK_INT(put_recording(f, t1, "speak", "RIFF-spoken"), 0);
    CHECK_INT(put(f, fri, "positive", "gp", "bad", NULL), 0);
    CHECK_INT(put(f, fri, "change", NULL, "listened", NULL), 0);
    CHECK_INT(put(f, alone, "change", NULL, "listened", NULL), 0);
    CHECK_INT(put(f, alone, "involve", NULL, "co_design", NULL), 0);
    int sessions = -1, calls = -1;
    CHECK_STR(group_listing(f, "Tuesday group", &sessions, &calls),
              "change/-/listened=2;change/-/trusted_person=1;involve/-/co_design=1;"
              "involve/-/informed=1;positive/gp/good=2;positive/hospital/bad=1;");
    CHECK_INT(sessions, 2);
    CHECK_INT(calls, 6);
    CHECK_STR(group_listing(f, "Friday group", &sessions, &calls),
              "change/-/listened=1;positive/gp/bad=1;");
    CHECK_INT(sessions, 1);
    CHECK_STR(group_listing(f, "No such group", &sessions, &calls), "");
    CHECK_INT(sessions, 0);
    CHECK_INT(calls, 0);
    CHECK_INT(store_group_counts(f->store, "Tuesday group", &sessions, NULL, NULL), 6);
}

STAFF_CASE(test_group_counts_give_no_one_persons_answers)
{
    CHECK(support_store_open(f));
    char a[STORE_UUID_SIZE], b[STORE_UUID_SIZE];
    CHECK_INT(session_at(f, "2026-11-22T10:00:00.000Z", "Group", a), 0);
    CHECK_INT(session_at(f, "2026-11-22T10:05:00.000Z", "Group", b), 0);
    CHECK_INT(put(f, a, "change", NULL, "listened", "form_help", NULL), 0);
    CHECK_INT(put(f, b, "change", NULL, "listened", "opening_times", NULL), 0);
    int sessions = 0, calls = 0;
    const char *listing = group_listing(f, "Group", &sessions, &calls);
    /* One line per option, whoever chose it; no id, no time, no typed words. */
    CHECK_STR(listing, "change/-/form_help=1;change/-/listened=2;change/-/opening_times=1;");
    CHECK(!strstr(listing, a) && !strstr(listing, b));
    /* The same answers given by two people in the other order read the same. */
    CHECK_INT(put(f, a, "change", NULL, "listened", "opening_times", NULL), 0);
    CHECK_INT(put(f, b, "change", NULL, "listened", "form_help", NULL), 0);
    CHECK_STR(group_listing(f, "Group", &sessions, &calls),
              "change/-/form_help=1;change/-/listened=2;change/-/opening_times=1;");
}

/* ---- the staff log ------------------------------------------------------ */

STAFF_CASE(test_staff_log_and_count)
{
    CHECK(support_store_open(f));
    CHECK_INT(store_staff_log_count(f->store, "pin_wrong", NULL), 0);
    for (int i = 0; i < 3; i++)
        CHECK_INT(store_staff_log(f->store, "pin_wrong", NULL), 0);
    CHECK_INT(store_staff_log(f->store, "pin_ok", NULL), 0);
    CHECK_INT(store_staff_log(f->store, "export", "/media/usb/sayso 'quoted'"), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM staff_event"), 5);
    CHECK_STR(support_raw_text(f, "SELECT detail FROM staff_event WHERE event = 'export'"),
              "/media/usb/sayso 'quoted'");
    CHECK(support_raw_text(f, "SELECT detail FROM staff_event WHERE event = 'pin_ok'") == NULL);
    CHECK(support_is_utc_ms(support_raw_text(f, "SELECT at FROM staff_event ORDER BY id DESC")));
    CHECK_INT(store_staff_log_count(f->store, "pin_wrong", NULL), 3);
    CHECK_INT(store_staff_log_count(f->store, "pin_wrong", "2000-01-01T00:00:00.000Z"), 3);
    CHECK_INT(store_staff_log_count(f->store, "pin_wrong", "2999-01-01T00:00:00.000Z"), 0);
    CHECK_INT(store_staff_log_count(f->store, "pin_ok", NULL), 1);
    CHECK_INT(store_staff_log_count(f->store, "exit", NULL), 0);
    /* "since" is a moment: an attempt before it does not count. */
    CHECK_INT(support_raw_exec(f, "UPDATE staff_event SET at = '2026-11-22T10:00:05.000Z'"), SQLITE_OK);
    CHECK_INT(support_raw_exec(f, "UPDATE staff_event SET at = '2026-11-22T10:00:00.000Z'"
                                  " WHERE id = (SELECT min(id) FROM staff_event)"), SQLITE_OK);
    CHECK_INT(store_staff_log_count(f->store, "pin_wrong", "2026-11-22T10:00:00.001Z"), 2);
    CHECK_INT(store_staff_log_count(f->store, "pin_wrong", "2026-11-22T10:00:00.000Z"), 3);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM pragma_index_list('staff_event')"), 1);
}

/* ---- purge -------------------------------------------------------------- */

/* Every row of the kiosk and of the sessions started on or after `date`
 * (each column quoted, blobs as hex, rowids included), as one string. */
static const char *dump_from(SupportStore *f, const char *date)
{
    return support_raw_text(
        f,
        "SELECT (SELECT group_concat(quote(id) || quote(created_at), '|') FROM kiosk) || '#' ||"
        " coalesce((SELECT group_concat(rowid || quote(id) || quote(kiosk_id) ||"
        "  quote(survey_id) || quote(survey_version) || quote(language) || quote(touch_style) ||"
        "  quote(input_used) || quote(mode) || quote(group_label) || quote(started_at) ||"
        "  quote(ended_at) || quote(ended_how) || quote(exported_at) || quote(synced_at), '|')"
        "  FROM (SELECT rowid, * FROM session WHERE started_at >= %Q ORDER BY rowid)), '') ||"
        " '#' || coalesce((SELECT group_concat(rowid || quote(id) || quote(session_id) ||"
        "  quote(question) || quote(choice) || quote(topic) || quote(skipped) ||"
        "  quote(answered_at) || quote(text), '|') FROM (SELECT rowid, * FROM answer"
        "  WHERE session_id IN (SELECT id FROM session WHERE started_at >= %Q)"
        "  ORDER BY rowid)), '') ||"
        " '#' || coalesce((SELECT group_concat(rowid || quote(id) || quote(session_id) ||"
        "  quote(question) || quote(wav) || quote(duration_ms) || quote(sample_rate) ||"
        "  quote(recorded_at), '|') FROM (SELECT rowid, * FROM recording"
        "  WHERE session_id IN (SELECT id FROM session WHERE started_at >= %Q)"
        "  ORDER BY rowid)), '')",
        date, date, date);
}

/* Three old sessions (one the very last moment before 2026-01-01) and
 * three kept ones (one at its first moment), each with choices, a skip, a
 * typed answer and some with a recording: 6 answer rows each. Old: 3
 * sessions, 18 answer rows, 2 recordings. Kept: the same. */
static int fill_for_purge(SupportStore *f, char ids[6][STORE_UUID_SIZE])
{
    static const char *const starts[6] = {
        "2025-06-01T09:00:00.000Z", "2025-12-31T12:00:00.000Z", "2025-12-31T23:59:59.999Z",
        "2026-01-01T00:00:00.000Z", "2026-01-01T10:00:00.000Z", "2026-03-01T10:00:00.000Z"};
    int status = 0;
    for (int i = 0; i < 6 && status == 0; i++) {
        char words[64], wav[64];
        snprintf(words, sizeof words, "words of session %d", i);
        snprintf(wav, sizeof wav, "RIFF%c%c-recording of session %d", 0x01, 0x7f, i);
        status |= session_at(f, starts[i], i % 2 ? "Group" : NULL, ids[i]);
        status |= put(f, ids[i], "positive", "gp", "good", NULL);
        status |= put(f, ids[i], "positive", "police", NULL);
        status |= put(f, ids[i], "change", NULL, "listened", "form_help", NULL);
        status |= support_store_put_text(f, ids[i], "words", words);
        if (i != 1 && i != 4)
            status |= put_recording(f, ids[i], "speak", wav);
        else
            status |= put(f, ids[i], "speak", NULL, NULL);
        status |= store_session_end(f->store, ids[i], "finished");
    }
    return status;
}

STAFF_CASE(test_purge_removes_exactly_what_it_says)
{
    CHECK(support_store_open(f));
    char ids[6][STORE_UUID_SIZE];
    CHECK_INT(fill_for_purge(f, ids), 0);
    CHECK_INT(store_staff_log(f->store, "export", "/media/usb"), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session"), 6);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 36);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM recording"), 4);
    char before[SUPPORT_TEXT_SIZE];
    CHECK(dump_from(f, "2026-01-01"));
    snprintf(before, sizeof before, "%s", f->text);
    CHECK(strstr(before, ids[3]) && strstr(before, ids[5]) && !strstr(before, ids[2]));
    StorePurged gone = {-1, -1, -1};
    CHECK_INT(store_purge_before(f->store, "2026-01-01", &gone), 0);
    CHECK_INT(gone.sessions, 3);
    CHECK_INT(gone.answers, 18);
    CHECK_INT(gone.recordings, 2);
    for (int i = 0; i < 3; i++) {
        CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session WHERE id = %Q", ids[i]), 0);
        CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer WHERE session_id = %Q", ids[i]), 0);
        CHECK_INT(support_raw_int(f, "SELECT count(*) FROM recording WHERE session_id = %Q", ids[i]), 0);
    }
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session"), 3);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 18);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM recording"), 2);
    CHECK_STR(dump_from(f, "2026-01-01"), before); /* the rest, byte for byte */
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    CHECK_STR(support_raw_text(f, "PRAGMA integrity_check"), "ok");
    /* The log keeps that it happened and how much, and the earlier events. */
    CHECK_STR(support_raw_text(f, "SELECT group_concat(event || ':' || coalesce(detail, ''), '|')"
                                  " FROM (SELECT * FROM staff_event ORDER BY id)"),
              "export:/media/usb|purge:before 2026-01-01: 3 sessions, 18 answers, 2 recordings");
    /* Again: nothing more to delete. */
    CHECK_INT(store_purge_before(f->store, "2026-01-01", &gone), 0);
    CHECK_INT(gone.sessions + gone.answers + gone.recordings, 0);
    CHECK_STR(dump_from(f, "2026-01-01"), before);
    StoreCounts counts;
    CHECK_INT(store_counts(f->store, "2026-01-01", &counts), 0);
    CHECK_INT(counts.sessions_total, 3);
}

STAFF_CASE(test_purge_keeps_the_sessions_of_the_day_itself)
{
    CHECK(support_store_open(f));
    char last[STORE_UUID_SIZE], first[STORE_UUID_SIZE];
    CHECK_INT(session_at(f, "2026-10-31T23:59:59.999Z", NULL, last), 0);
    CHECK_INT(session_at(f, "2026-11-01T00:00:00.000Z", NULL, first), 0);
    CHECK_INT(put(f, last, "involve", NULL, "informed", NULL), 0);
    CHECK_INT(put(f, first, "involve", NULL, "co_design", NULL), 0);
    StorePurged gone;
    CHECK_INT(store_purge_before(f->store, "2026-10-31", &gone), 0);
    CHECK_INT(gone.sessions, 0);
    CHECK_INT(store_purge_before(f->store, "2026-11-01", &gone), 0);
    CHECK_INT(gone.sessions, 1);
    CHECK_INT(gone.answers, 1);
    CHECK_STR(support_raw_text(f, "SELECT group_concat(id) FROM session"), first);
    CHECK_STR(support_raw_text(f, "SELECT choice FROM answer"), "co_design");
    CHECK_INT(store_purge_before(f->store, "2026-11-02", &gone), 0);
    CHECK_INT(gone.sessions, 1);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session"), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 0);
}

STAFF_CASE(test_purge_refuses_a_date_that_is_no_day)
{
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE];
    CHECK_INT(session_at(f, "2020-01-01T10:00:00.000Z", NULL, s), 0);
    CHECK_INT(put(f, s, "involve", NULL, "informed", NULL), 0);
    static const char *const bad[] = {"2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29",
                                      "2026-1-01",  "2026-01-1",  "26-01-01",   "2026/01/01",
                                      "2026-01- 1", "yesterday",  "",           "2026-01-01T00",
                                      "2026-04-31", "2100-02-29"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        StorePurged gone = {-1, -1, -1};
        if (store_purge_before(f->store, bad[i], &gone) != -1)
            printf("    accepted \"%s\"\n", bad[i]);
        CHECK_INT(store_purge_before(f->store, bad[i], &gone), -1);
        CHECK(strstr(store_error(f->store), "YYYY-MM-DD"));
        CHECK(strstr(store_error(f->store), bad[i]));
        CHECK_INT(gone.sessions + gone.answers + gone.recordings, 0);
    }
    StorePurged gone;
    CHECK_INT(store_purge_before(f->store, NULL, &gone), -1);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session"), 1);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer"), 1);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM staff_event"), 0);
    CHECK_INT(store_purge_before(f->store, "2000-02-29", &gone), 0); /* a leap day */
    CHECK_INT(store_purge_before(f->store, "2024-02-29", &gone), 0);
    CHECK_INT(gone.sessions, 1);
}

STAFF_CASE(test_purge_on_a_full_disk_deletes_nothing)
{
    CHECK(support_store_open(f));
    char old[STORE_UUID_SIZE], kept[STORE_UUID_SIZE];
    CHECK_INT(session_at(f, "2025-06-01T10:00:00.000Z", NULL, old), 0);
    CHECK_INT(session_at(f, "2026-06-01T10:00:00.000Z", NULL, kept), 0);
    CHECK_INT(put(f, old, "change", NULL, "listened", "form_help", NULL), 0);
    CHECK_INT(put(f, kept, "change", NULL, "listened", NULL), 0);
    /* Fill the staff log's page, so the purge's own log line needs a new
     * page that the full disk cannot give (and no page is freed for it). */
    char filler[3990];
    memset(filler, 'x', sizeof filler - 1);
    filler[sizeof filler - 1] = '\0';
    CHECK_INT(store_staff_log(f->store, "export", filler), 0);
    CHECK_INT(support_raw_int(f, "PRAGMA page_size"), 4096);
    CHECK_INT(support_raw_int(f, "PRAGMA freelist_count"), 0);
    char before[SUPPORT_TEXT_SIZE];
    CHECK(dump_from(f, "2000-01-01"));
    snprintf(before, sizeof before, "%s", f->text);
    CHECK_INT(store_debug_limit_pages(f->store, 1), 0);
    StorePurged gone = {-1, -1, -1};
    CHECK_INT(store_purge_before(f->store, "2026-01-01", &gone), -1);
    CHECK(strstr(store_error(f->store), "sayso.db: the disk is full"));
    CHECK_INT(gone.sessions + gone.answers + gone.recordings, 0);
    CHECK_STR(dump_from(f, "2000-01-01"), before); /* every row still there */
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM staff_event"), 1);
    /* With room again, the same purge goes through. */
    CHECK(support_store_open(f));
    CHECK_INT(store_purge_before(f->store, "2026-01-01", &gone), 0);
    CHECK_INT(gone.sessions, 1);
    CHECK_INT(gone.answers, 2);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session"), 1);
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* Purging half of the answers gives their pages back: the file shrinks
 * (VACUUM), and what is kept reads as before. */
STAFF_CASE(test_purge_makes_the_file_smaller)
{
    CHECK(support_store_open(f));
    char old[STORE_UUID_SIZE], kept[STORE_UUID_SIZE];
    CHECK_INT(session_at(f, "2025-06-01T10:00:00.000Z", NULL, old), 0);
    CHECK_INT(session_at(f, "2026-06-01T10:00:00.000Z", NULL, kept), 0);
    /* 2000 answer rows a session, written at once through the second connection. */
    for (int i = 0; i < 2; i++)
        CHECK_INT(support_raw_exec(f, "WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1"
                                      " FROM n WHERE k < 1999) INSERT INTO answer (id, session_id,"
                                      " question, choice, skipped, answered_at) SELECT %Q || k, %Q,"
                                      " 'q' || k, 'c', 0, '2026-06-01' FROM n",
                                      i ? "kept-" : "old-", i ? kept : old), SQLITE_OK);
    CHECK_INT(support_raw_exec(f, "PRAGMA wal_checkpoint(TRUNCATE)"), SQLITE_OK);
    long before = file_size(f->path);
    StorePurged gone;
    CHECK_INT(store_purge_before(f->store, "2026-01-01", &gone), 0);
    CHECK_INT(gone.answers, 2000);
    long after = file_size(f->path);
    CHECK(before > 0 && after > 0 && after < before * 3 / 4);
    CHECK_INT(support_raw_int(f, "PRAGMA freelist_count"), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM answer WHERE session_id = %Q", kept), 2000);
    CHECK_STR(support_raw_text(f, "PRAGMA integrity_check"), "ok");
    CHECK_STR(support_raw_text(f, "PRAGMA journal_mode"), "wal");
    CHECK_INT(put(f, kept, "involve", NULL, "informed", NULL), 0); /* and the kiosk goes on */
}

/* Whether `needle` occurs in the bytes of the file at `path` (a missing
 * file holds nothing). -1 when it cannot be read. */
static int file_has(const char *path, const char *needle)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return 0;
    size_t cap = 1 << 16, len = 0, n;
    char *data = malloc(cap);
    while (data && (n = fread(data + len, 1, cap - len, file)) > 0) {
        len += n;
        char *bigger = len == cap ? realloc(data, cap *= 2) : data;
        if (!bigger)
            free(data);
        data = bigger;
    }
    fclose(file);
    int found = data ? memmem(data, len, needle, strlen(needle)) != NULL : -1;
    free(data);
    return found;
}

/* Whether `needle` is in the database file or its -wal file. */
static int db_files_have(SupportStore *f, const char *needle)
{
    char wal[160];
    snprintf(wal, sizeof wal, "%s-wal", f->path);
    int in_db = file_has(f->path, needle), in_wal = file_has(wal, needle);
    return in_db < 0 || in_wal < 0 ? -1 : in_db || in_wal;
}

STAFF_CASE(test_purged_words_leave_no_copy_in_the_files)
{
    CHECK(support_store_open(f));
    char old[STORE_UUID_SIZE], kept[STORE_UUID_SIZE];
    CHECK_INT(session_at(f, "2025-06-01T10:00:00.000Z", NULL, old), 0);
    CHECK_INT(session_at(f, "2026-06-01T10:00:00.000Z", NULL, kept), 0);
    CHECK_INT(support_store_put_text(f, old, "words", "first draft zebra-purge-draft"), 0);
    CHECK_INT(support_store_put_text(f, old, "words", "I want zebra-purge-marker kinder staff"), 0);
    CHECK_INT(put_recording(f, old, "speak", "RIFF zebra-purge-recording WAVE"), 0);
    CHECK_INT(put(f, old, "change", NULL, "listened", NULL), 0);
    CHECK_INT(support_store_put_text(f, kept, "words", "kept words"), 0);
    /* Move some of it into the database file proper, as time would. */
    CHECK_INT(support_raw_exec(f, "PRAGMA wal_checkpoint(TRUNCATE)"), SQLITE_OK);
    CHECK_INT(put(f, old, "involve", NULL, "informed", NULL), 0);
    CHECK_INT(db_files_have(f, "zebra-purge-marker"), 1); /* the test can see it */
    CHECK_INT(db_files_have(f, "zebra-purge-recording"), 1);
    StorePurged gone;
    CHECK_INT(store_purge_before(f->store, "2026-01-01", &gone), 0);
    CHECK_INT(gone.sessions, 1);
    CHECK_INT(db_files_have(f, "zebra-purge-marker"), 0);
    CHECK_INT(db_files_have(f, "zebra-purge-recording"), 0);
    CHECK_INT(db_files_have(f, "zebra-purge-draft"), 0);
    CHECK_INT(db_files_have(f, old), 0);
    CHECK_INT(db_files_have(f, "kept words"), 1);
    char wal[160];
    struct stat st;
    snprintf(wal, sizeof wal, "%s-wal", f->path);
    CHECK(stat(wal, &st) != 0 || st.st_size == 0);
    /* The connection goes on as before, WAL and all. */
    CHECK_INT(put(f, kept, "involve", NULL, "informed", NULL), 0);
    CHECK_STR(support_raw_text(f, "PRAGMA journal_mode"), "wal");
}

STAFF_CASE(test_purge_while_a_reader_holds_the_wal_says_so)
{
    CHECK(support_store_open(f));
    char old[STORE_UUID_SIZE], kept[STORE_UUID_SIZE];
    CHECK_INT(session_at(f, "2025-06-01T10:00:00.000Z", NULL, old), 0);
    CHECK_INT(session_at(f, "2026-06-01T10:00:00.000Z", NULL, kept), 0);
    CHECK_INT(support_store_put_text(f, old, "words", "zebra-purge-marker"), 0);
    /* An exporter in the middle of reading: its snapshot needs the WAL. */
    CHECK_INT(support_raw_exec(f, "BEGIN"), SQLITE_OK);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session"), 2);
    StorePurged gone;
    CHECK_INT(store_purge_before(f->store, "2026-01-01", &gone), -1); /* after the busy wait */
    CHECK(strstr(store_error(f->store), "sayso.db-wal"));
    CHECK(strstr(store_error(f->store), "purge again"));
    CHECK_INT(gone.sessions, 1); /* deleted all the same */
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session"), 2); /* the reader's snapshot */
    CHECK_INT(support_raw_exec(f, "COMMIT"), SQLITE_OK);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session"), 1);
    CHECK_INT(store_purge_before(f->store, "2026-01-01", &gone), 0);
    CHECK_INT(gone.sessions, 0);
    CHECK_INT(db_files_have(f, "zebra-purge-marker"), 0);
}

/* ---- the real binary ---------------------------------------------------- */

/* Runs `sayso ARGS`, stdout into out.txt and stderr into err.txt of the
 * fixture's folder. Returns the exit code. */
static int run(SupportStore *f, const char *args)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s %s > %s/out.txt 2> %s/err.txt", support_bin(), args, f->dir, f->dir);
    return support_shell(cmd);
}

/* The text of out.txt or err.txt, in f->text. */
static const char *output(SupportStore *f, const char *name)
{
    return support_read_text(f->dir, name, f->text, sizeof f->text);
}

STAFF_CASE(test_sayso_purge_says_what_it_deleted_and_kept)
{
    CHECK(support_store_open(f));
    char ids[6][STORE_UUID_SIZE];
    CHECK_INT(fill_for_purge(f, ids), 0);
    store_close(f->store);
    f->store = NULL;
    char args[512];
    snprintf(args, sizeof args, "purge --db %s --before 2026-01-01", f->path);
    CHECK_INT(run(f, args), 0);
    CHECK_STR(output(f, "out.txt"), "sayso: deleted 3 sessions started before 2026-01-01"
                                    " (18 answers, 2 recordings); 3 sessions kept\n");
    CHECK_STR(output(f, "err.txt"), "");
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session WHERE started_at < '2026-01-01'"), 0);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session"), 3);
    snprintf(args, sizeof args, "purge --db %s --before 2026-01-02", f->path);
    CHECK_INT(run(f, args), 0);
    CHECK_STR(output(f, "out.txt"), "sayso: deleted 2 sessions started before 2026-01-02"
                                    " (12 answers, 1 recording); 1 session kept\n");
}

STAFF_CASE(test_sayso_purge_refuses_a_missing_database_and_a_bad_date)
{
    char args[512], missing[160];
    snprintf(missing, sizeof missing, "%s/nothing-here.db", f->dir);
    snprintf(args, sizeof args, "purge --db %s --before 2026-01-01", missing);
    CHECK_INT(run(f, args), 1);
    CHECK(strstr(output(f, "err.txt"), "no database"));
    CHECK(strstr(f->text, "nothing-here.db"));
    CHECK_STR(output(f, "out.txt"), "");
    CHECK(access(missing, F_OK) != 0); /* not created */
    CHECK(support_store_open(f));
    char s[STORE_UUID_SIZE];
    CHECK_INT(session_at(f, "2020-01-01T10:00:00.000Z", NULL, s), 0);
    store_close(f->store);
    f->store = NULL;
    snprintf(args, sizeof args, "purge --db %s --before 2026-02-30", f->path);
    CHECK_INT(run(f, args), 1);
    CHECK(strstr(output(f, "err.txt"), "2026-02-30"));
    CHECK_STR(output(f, "out.txt"), "");
    snprintf(args, sizeof args, "purge --db %s --before yesterday", f->path);
    CHECK(run(f, args) != 0);
    CHECK(strstr(output(f, "err.txt"), "yesterday"));
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session"), 1);
}

STAFF_CASE(test_sayso_purge_refuses_a_day_that_is_not_over)
{
    CHECK(support_store_open(f));
    char old[STORE_UUID_SIZE], now[STORE_UUID_SIZE];
    CHECK_INT(session_at(f, "2020-01-01T10:00:00.000Z", NULL, old), 0);
    CHECK_INT(store_session_begin(f->store, &support_forum_session, now), 0); /* still going */
    store_close(f->store);
    f->store = NULL;
    char today[16], tomorrow[16], args[512];
    time_t t = time(NULL);
    strftime(today, sizeof today, "%Y-%m-%d", gmtime(&t));
    t += 24 * 60 * 60;
    strftime(tomorrow, sizeof tomorrow, "%Y-%m-%d", gmtime(&t));
    snprintf(args, sizeof args, "purge --db %s --before %s", f->path, tomorrow);
    CHECK_INT(run(f, args), 1);
    CHECK(strstr(output(f, "err.txt"), "is after today"));
    CHECK(strstr(f->text, "nothing was deleted"));
    CHECK_STR(output(f, "out.txt"), "");
    snprintf(args, sizeof args, "purge --db %s --before 2999-01-01", f->path);
    CHECK_INT(run(f, args), 1);
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session"), 2);
    /* Today itself is allowed: it deletes the days before, not today's session. */
    snprintf(args, sizeof args, "purge --db %s --before %s", f->path, today);
    CHECK_INT(run(f, args), 0);
    CHECK(strstr(output(f, "out.txt"), "deleted 1 session started before"));
    CHECK_INT(support_raw_int(f, "SELECT count(*) FROM session WHERE id='%s'", now), 1);
}

int main(void)
{
    RUN(test_counts_today_and_total_without_skips);
    RUN(test_mark_exported_changes_only_sessions_not_yet_exported);
    RUN(test_counts_kept_by_the_tally_match_a_recount);
    RUN(test_group_counts_only_the_groups_choices);
    RUN(test_group_counts_give_no_one_persons_answers);
    RUN(test_staff_log_and_count);
    RUN(test_purge_removes_exactly_what_it_says);
    RUN(test_purge_keeps_the_sessions_of_the_day_itself);
    RUN(test_purge_refuses_a_date_that_is_no_day);
    RUN(test_purge_on_a_full_disk_deletes_nothing);
    RUN(test_purge_makes_the_file_smaller);
    RUN(test_purged_words_leave_no_copy_in_the_files);
    RUN(test_purge_while_a_reader_holds_the_wal_says_so);
    RUN(test_sayso_purge_says_what_it_deleted_and_kept);
    RUN(test_sayso_purge_refuses_a_missing_database_and_a_bad_date);
    RUN(test_sayso_purge_refuses_a_day_that_is_not_over);
    return TEST_SUMMARY();
}
