/* test_flow.c: the kiosk's logic without a screen: screens in order,
 * answers committed as they are given, skips, back, stop, review edits and
 * the idle time-outs, against config/forum and a real store. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "flow/flow.h"
#include "store/store_read.h"
#include "testing.h"

typedef struct {
    Survey *survey;
    KioskSettings settings;
    Store *store;
    Flow *flow;
    char db[64];
    uint64_t now;
} FlowFixture;

static FlowFixture fx;

static void fixture_open(void)
{
    const char *dirs[] = {"assets/symbols", NULL};
    SurveyProblems problems = {0};
    char err[256];
    memset(&fx, 0, sizeof fx);
    fx.survey = survey_load("config/forum", dirs, &problems);
    survey_problems_free(&problems);
    kiosk_settings_defaults(&fx.settings);
    snprintf(fx.db, sizeof fx.db, "/tmp/sayso-flow-%d.db", (int)getpid());
    unlink(fx.db);
    fx.store = store_open(fx.db, err, sizeof err);
    fx.now = 1000;
    fx.flow = fx.survey && fx.store ? flow_new(fx.survey, &fx.settings, fx.store, fx.now) : NULL;
}

static void fixture_close(void)
{
    char path[80];
    flow_free(fx.flow);
    store_close(fx.store);
    survey_free(fx.survey);
    unlink(fx.db);
    snprintf(path, sizeof path, "%s-wal", fx.db);
    unlink(path);
    snprintf(path, sizeof path, "%s-shm", fx.db);
    unlink(path);
}

static bool tap(const char *id)
{
    fx.now += 500;
    return flow_tap(fx.flow, id, fx.now);
}

static const char *screen(void)
{
    static char name[128];
    flow_screen_name(fx.flow, name, sizeof name);
    return name;
}

typedef struct {
    char rows[64][96];
    int n;
} Rows;

static void collect(void *ctx, const char *question, const char *topic, const char *choice, bool skipped)
{
    Rows *r = ctx;
    if (r->n < 64)
        snprintf(r->rows[r->n++], sizeof r->rows[0], "%s/%s/%s/%d", question, topic ? topic : "-",
                 choice ? choice : "-", skipped);
}

static void count_one(void *ctx, const StoreAnswerRow *row)
{
    *(int *)ctx += row->not_reached;
}

/* How many answer rows of the session are topics never reached. */
static int count_not_reached(const char *session_id)
{
    char err[256];
    int n = 0;
    StoreReader *reader = store_reader_open(fx.db, err, sizeof err);
    if (reader)
        store_reader_answers(reader, session_id, count_one, &n);
    store_reader_close(reader);
    return reader ? n : -1;
}

static bool has_row(const Rows *r, const char *row)
{
    for (int i = 0; i < r->n; i++)
        if (strcmp(r->rows[i], row) == 0)
            return true;
    return false;
}

static void start_session(void)
{
    tap("start");
    tap("lang:en");
    tap("yes");
}

/* Next on the forum's mat with services left: mat-left asks, and next
 * goes on without them. */
static void leave_mat(void)
{
    tap("next");
    tap("next");
}

static void test_screens_in_order(void)
{
    fixture_open();
    CHECK(fx.flow);
    CHECK_STR(screen(), "welcome");
    CHECK(tap("start"));
    CHECK_STR(screen(), "language");
    CHECK(tap("lang:en"));
    CHECK_STR(screen(), "consent");
    CHECK_STR(flow_session_id(fx.flow), "");
    CHECK(tap("yes"));
    CHECK_STR(screen(), "question:positive");
    CHECK(strlen(flow_session_id(fx.flow)) == 36);
    tap("next");
    CHECK_STR(screen(), "mat-left");
    tap("next");
    CHECK_STR(screen(), "question:change");
    tap("next");
    tap("next");
    CHECK_STR(screen(), "question:involve");
    tap("next");
    CHECK_STR(screen(), "review");
    tap("next");
    CHECK_STR(screen(), "thanks");
    fixture_close();
}

static void test_choosing_never_moves_on(void)
{
    fixture_open();
    start_session();
    leave_mat();
    CHECK(tap("listened"));
    CHECK_STR(screen(), "question:change");
    CHECK(flow_is_chosen(fx.flow, 1, 0));
    CHECK(tap("listened"));  /* choose any: a second tap un-chooses */
    CHECK(!flow_is_chosen(fx.flow, 1, 0));
    CHECK_STR(screen(), "question:change");
    fixture_close();
}

static void test_design_example_rows(void)
{
    fixture_open();
    start_session();
    CHECK(flow_drop(fx.flow, "gp", "good", fx.now));
    CHECK(tap("hospital"));
    CHECK_INT(flow_held_topic(fx.flow, 0), 1);
    CHECK(tap("not_sure"));
    CHECK_INT(flow_topic_place(fx.flow, 0, 1), 1);
    CHECK(tap("skip"));  /* mental_health */
    CHECK_INT(flow_topic_place(fx.flow, 0, 2), FLOW_SKIPPED);
    CHECK_STR(screen(), "question:positive");
    leave_mat();
    tap("listened");
    tap("trusted_person");
    tap("next");
    tap("skip");
    CHECK_STR(screen(), "question:involve");
    tap("co_design");
    tap("next");
    CHECK_STR(screen(), "review");
    tap("next");
    Rows r = {.n = 0};
    CHECK(store_session_answers(fx.store, flow_session_id(fx.flow), collect, &r) > 0);
    CHECK(has_row(&r, "positive/gp/good/0"));
    CHECK(has_row(&r, "positive/hospital/not_sure/0"));
    CHECK(has_row(&r, "positive/mental_health/-/1"));
    CHECK(has_row(&r, "positive/probation/-/1"));  /* not placed: not reached, a skipped row */
    CHECK_INT(count_not_reached(flow_session_id(fx.flow)), 9);
    CHECK(has_row(&r, "change/-/listened/0"));
    CHECK(has_row(&r, "change/-/trusted_person/0"));
    CHECK(has_row(&r, "barriers/-/-/1"));
    CHECK(has_row(&r, "involve/-/co_design/0"));
    CHECK_INT(r.n, 12 + 2 + 1 + 1);
    fixture_close();
}

static void test_answers_committed_at_once(void)
{
    fixture_open();
    start_session();
    leave_mat();
    tap("shorter_waits");
    Rows r = {.n = 0};
    store_session_answers(fx.store, flow_session_id(fx.flow), collect, &r);
    CHECK_INT(r.n, 12 + 1);  /* the mat's topics, not reached, and the choice */
    CHECK(has_row(&r, "change/-/shorter_waits/0"));
    tap("shorter_waits");  /* un-chosen: the row goes */
    r.n = 0;
    store_session_answers(fx.store, flow_session_id(fx.flow), collect, &r);
    CHECK_INT(r.n, 12);
    CHECK(!has_row(&r, "change/-/shorter_waits/0"));
    fixture_close();
}

static void test_back_and_review_edit(void)
{
    fixture_open();
    start_session();
    tap("back");
    CHECK_STR(screen(), "consent");
    tap("yes");
    CHECK_STR(screen(), "question:positive");
    leave_mat();
    tap("next");
    tap("next");
    tap("informed");
    tap("next");
    CHECK_STR(screen(), "review");
    CHECK(tap("involve"));
    CHECK_STR(screen(), "question:involve");
    tap("meetings");
    CHECK(flow_is_chosen(fx.flow, 3, 2));
    CHECK(!flow_is_chosen(fx.flow, 3, 0));
    tap("next");
    CHECK_STR(screen(), "review");  /* an edit from the review returns to it */
    fixture_close();
}

static void test_stop_keeps_answers(void)
{
    fixture_open();
    start_session();
    leave_mat();
    tap("kinder_staff");
    char id[STORE_UUID_SIZE];
    snprintf(id, sizeof id, "%s", flow_session_id(fx.flow));
    CHECK(tap("stop"));
    CHECK_STR(screen(), "stop-confirm");  /* Stop asks first ... */
    CHECK(tap("no"));
    CHECK_STR(screen(), "question:change");  /* ... and "no" returns with nothing lost */
    CHECK(flow_is_chosen(fx.flow, 1, 5));
    CHECK_STR(flow_session_id(fx.flow), id);
    CHECK(tap("stop"));
    CHECK(tap("back"));  /* Escape is "no" too */
    CHECK_STR(screen(), "question:change");
    tap("stop");
    CHECK(tap("yes"));
    CHECK_STR(screen(), "thanks");
    Rows r = {.n = 0};
    store_session_answers(fx.store, id, collect, &r);
    CHECK(has_row(&r, "change/-/kinder_staff/0"));
    fixture_close();
}

static void test_idle_timeout(void)
{
    fixture_open();
    start_session();
    leave_mat();
    tap("listened");
    CHECK(!flow_tick(fx.flow, fx.now + 89000));
    CHECK_INT(flow_ms_until_deadline(fx.flow, fx.now + 89000), 1000);
    CHECK(flow_tick(fx.flow, fx.now + 90000));
    CHECK_STR(screen(), "still-there");
    /* A countdown, moving each second. */
    CHECK_INT(flow_seconds_left(fx.flow), 30);
    CHECK_INT(flow_ms_until_deadline(fx.flow, fx.now + 90000), 1000);
    unsigned before = flow_generation(fx.flow);
    CHECK(!flow_tick(fx.flow, fx.now + 90400));
    CHECK(flow_tick(fx.flow, fx.now + 91000));
    CHECK_INT(flow_seconds_left(fx.flow), 29);
    CHECK(flow_generation(fx.flow) != before);
    CHECK_INT(flow_ms_until_deadline(fx.flow, fx.now + 91300), 700);
    fx.now += 91000;
    CHECK(tap("yes"));
    CHECK_STR(screen(), "question:change");
    CHECK(flow_is_chosen(fx.flow, 1, 0));
    CHECK(flow_tick(fx.flow, fx.now + 90000));
    CHECK(flow_tick(fx.flow, fx.now + 120000));
    CHECK_STR(screen(), "welcome");
    CHECK_INT(flow_seconds_left(fx.flow), 0);
    /* Nothing of the last person is left. */
    CHECK(!flow_is_chosen(fx.flow, 1, 0));
    CHECK_STR(flow_session_id(fx.flow), "");
    /* No idle time-out: only the attract loop's next "You said, we did" item. */
    CHECK_INT(flow_ms_until_deadline(fx.flow, fx.now + 120000), fx.settings.attract_seconds * 1000);
    fixture_close();
}

static void test_thanks_returns_to_welcome(void)
{
    fixture_open();
    start_session();
    tap("stop");
    tap("yes");
    CHECK_STR(screen(), "thanks");
    CHECK(flow_tick(fx.flow, fx.now + 20000));
    CHECK_STR(screen(), "welcome");
    fixture_close();
}

static void test_consent_no_makes_no_session(void)
{
    fixture_open();
    tap("start");
    tap("lang:en");
    CHECK(tap("no"));
    CHECK_STR(screen(), "welcome");
    CHECK_STR(flow_session_id(fx.flow), "");
    fixture_close();
}

static void test_mat_move_and_tray(void)
{
    fixture_open();
    start_session();
    tap("skip");  /* gp skipped */
    CHECK_INT(flow_current_topic(fx.flow, 0), 1);
    CHECK(flow_drop(fx.flow, "gp", "bad", fx.now));  /* placed from the tray */
    CHECK_INT(flow_topic_place(fx.flow, 0, 0), 2);
    CHECK_INT(flow_current_topic(fx.flow, 0), 1);
    CHECK(flow_drop(fx.flow, "gp", "good", fx.now));  /* moved */
    CHECK_INT(flow_topic_place(fx.flow, 0, 0), 0);
    CHECK(!tap("nonsense"));
    fixture_close();
}

/* A placed topic taken back to the pile is offered again; "3 of 12"
 * counts what is dealt with; mat-left asks before going on. */
static void test_mat_pile_count_and_mat_left(void)
{
    fixture_open();
    start_session();
    int n;
    CHECK_INT(flow_topic_number(fx.flow, 0, &n), 1);
    CHECK_INT(n, 12);
    CHECK(flow_drop(fx.flow, "gp", "good", fx.now));
    tap("skip");  /* hospital */
    CHECK_INT(flow_topic_number(fx.flow, 0, &n), 3);
    CHECK(flow_drop(fx.flow, "gp", "pile", fx.now));  /* taken back ... */
    CHECK_INT(flow_topic_place(fx.flow, 0, 0), FLOW_UNPLACED);
    CHECK_INT(flow_current_topic(fx.flow, 0), 0);  /* ... and offered again */
    CHECK_INT(flow_topic_number(fx.flow, 0, &n), 2);
    tap("hospital");  /* from the tray: touched, then the pile */
    CHECK(tap("pile"));
    CHECK_INT(flow_topic_place(fx.flow, 0, 1), FLOW_UNPLACED);
    CHECK_INT(flow_current_topic(fx.flow, 0), 1);
    CHECK(!tap("pile"));  /* nothing held: nothing to take back */
    tap("bad");  /* hospital, offered now */
    CHECK_INT(flow_mat_left(fx.flow, 0), 11);
    tap("next");
    CHECK_STR(screen(), "mat-left");
    CHECK(tap("place"));
    CHECK_STR(screen(), "question:positive");
    CHECK_INT(flow_current_topic(fx.flow, 0), 0);  /* nothing lost */
    tap("next");
    CHECK(tap("back"));  /* Escape is "place" too */
    CHECK_STR(screen(), "question:positive");
    tap("next");
    tap("next");
    CHECK_STR(screen(), "question:change");
    CHECK_INT(flow_topic_place(fx.flow, 0, 0), FLOW_NOT_REACHED);
    CHECK_INT(count_not_reached(flow_session_id(fx.flow)), 11);
    tap("back");  /* back on the mat, the rest are offered again */
    CHECK_INT(flow_topic_place(fx.flow, 0, 0), FLOW_UNPLACED);
    CHECK_INT(flow_current_topic(fx.flow, 0), 0);
    CHECK(flow_drop(fx.flow, "gp", "good", fx.now));
    char id[STORE_UUID_SIZE];
    snprintf(id, sizeof id, "%s", flow_session_id(fx.flow));
    tap("stop");  /* stopping: what is left was never reached */
    tap("yes");
    CHECK_INT(count_not_reached(id), 10);
    Rows r = {.n = 0};
    store_session_answers(fx.store, id, collect, &r);
    CHECK(has_row(&r, "positive/gp/good/0"));
    CHECK(has_row(&r, "positive/hospital/bad/0"));
    fixture_close();
}

/* A survey in one language has nothing to choose: Start goes straight to
 * consent, and Back from consent to the welcome screen. */
static void test_one_language_skips_the_language_screen(void)
{
    SurveyProblems problems = {0};
    KioskSettings settings;
    kiosk_settings_defaults(&settings);
    Survey *survey = survey_load("tests/surveys/spoken", NULL, &problems);
    survey_problems_free(&problems);
    CHECK(survey && survey->n_languages == 1);
    Flow *flow = flow_new(survey, &settings, NULL, 0);
    char name[64];
    flow_tap(flow, "start", 1);
    flow_screen_name(flow, name, sizeof name);
    bool consent = strcmp(name, "consent") == 0;
    flow_tap(flow, "back", 2);
    flow_screen_name(flow, name, sizeof name);
    bool welcome = strcmp(name, "welcome") == 0;
    flow_free(flow);
    survey_free(survey);
    CHECK(consent);
    CHECK(welcome);
}

/* A full disk: the answer stays on screen and in memory, the problem is
 * shown, and it is written as soon as there is room again. */
static void test_full_disk_keeps_answers(void)
{
    fixture_open();
    CHECK_INT(store_debug_limit_pages(fx.store, 1), 0);  /* no room to grow */
    /* Sessions until the database runs out of room. */
    for (int k = 0; k < 500 && !flow_save_problem(fx.flow)[0]; k++) {
        start_session();
        leave_mat();
        tap("listened");
        if (!flow_save_problem(fx.flow)[0]) {
            tap("stop");
            tap("yes");
            tap("next");
        }
    }
    CHECK(strstr(flow_save_problem(fx.flow), "full") != NULL);
    CHECK_STR(screen(), "question:change");
    CHECK(flow_is_chosen(fx.flow, 1, 0));  /* still chosen on screen */
    CHECK_INT(store_debug_limit_pages(fx.store, 1000000), 0);
    tap("trusted_person");  /* any action retries what was held back */
    CHECK_STR(flow_save_problem(fx.flow), "");
    Rows r = {.n = 0};
    store_session_answers(fx.store, flow_session_id(fx.flow), collect, &r);
    CHECK(has_row(&r, "change/-/listened/0"));
    CHECK(has_row(&r, "change/-/trusted_person/0"));
    fixture_close();
}

int main(void)
{
    RUN(test_screens_in_order);
    RUN(test_choosing_never_moves_on);
    RUN(test_design_example_rows);
    RUN(test_answers_committed_at_once);
    RUN(test_back_and_review_edit);
    RUN(test_stop_keeps_answers);
    RUN(test_idle_timeout);
    RUN(test_thanks_returns_to_welcome);
    RUN(test_consent_no_makes_no_session);
    RUN(test_mat_move_and_tray);
    RUN(test_mat_pile_count_and_mat_left);
    RUN(test_one_language_skips_the_language_screen);
    RUN(test_full_disk_keeps_answers);
    return TEST_SUMMARY();
}
