/* test_flow_logic.c: a form's logic as a person answers, against
 * tests/surveys/logic and a real store: skip logic (and Back over what it
 * skips), required with its message, constraints, calculate, defaults,
 * a cascade whose towns repeat a name across regions, a group asked only
 * for adults, or_other in the person's own words, ${name} in a note, and
 * metadata recorded without a screen; each checked in the rows stored. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "flow/flow.h"
#include "test_support.h"

typedef struct {
    Survey *survey;
    KioskSettings settings;
    Store *store;
    Flow *flow;
    char dir[64];
    uint64_t now;
} Fixture;

static Fixture fx;

static bool open_fixture(void)
{
    char err[256], db[128];
    memset(&fx, 0, sizeof fx);
    if (support_temp_dir(fx.dir, sizeof fx.dir, "logic") != 0)
        return false;
    fx.survey = support_load_survey("tests/surveys/logic", NULL);
    kiosk_settings_defaults(&fx.settings);
    snprintf(db, sizeof db, "%s/sayso.db", fx.dir);
    fx.store = store_open(db, err, sizeof err);
    fx.now = 1000;
    fx.flow = fx.survey && fx.store ? flow_new(fx.survey, &fx.settings, fx.store, fx.now) : NULL;
    return fx.flow != NULL;
}

static void close_fixture(void)
{
    flow_free(fx.flow);
    store_close(fx.store);
    survey_free(fx.survey);
    support_remove_tree(fx.dir);
}

static void tap(const char *id)
{
    fx.now += 500;
    flow_tap(fx.flow, id, fx.now);
}

static const char *screen(void)
{
    static char name[128];
    flow_screen_name(fx.flow, name, sizeof name);
    return name;
}

/* One value from the database, as text ("" for none). */
static const char *query(const char *sql)
{
    static char out[512];
    support_query(fx.dir, "sayso.db", sql, out, sizeof out);
    return out;
}

static int count(const char *sql)
{
    return support_query_int(fx.dir, "sayso.db", sql);
}

static void start(void)
{
    tap("start");
    if (strcmp(screen(), "language") == 0)  /* a one-language survey may leave it out */
        tap("lang:en");
    tap("yes");
}

static void type(const char *text)
{
    fx.now += 500;
    flow_type_text(fx.flow, text);
}

/* Answers up to the question "needs" for a child with no pet (the group
 * of adults' questions is not asked). */
static void answer_child_to_needs(void)
{
    start();
    tap("no");
    tap("next");
    type("12");
    tap("next");
    tap("next");
}

/* Answers up to the question "town" for an adult with a cat. */
static void answer_to_town(void)
{
    start();
    tap("yes");
    tap("next");
    tap("cat");
    tap("next");
    type("40");
    tap("next");
    tap("next");  /* the note */
    tap("south");
    tap("next");
}

static void test_skip_logic_and_back(void)
{
    CHECK(open_fixture());
    start();
    CHECK_STR(screen(), "question:has_pet");
    tap("no");
    tap("next");
    CHECK_STR(screen(), "question:age");
    tap("back");
    CHECK_STR(screen(), "question:has_pet");
    tap("yes");
    tap("next");
    CHECK_STR(screen(), "question:pet");
    tap("dog");
    tap("next");
    CHECK_INT(count("SELECT count(*) FROM answer WHERE question = 'pet' AND choice = 'dog'"), 1);
    tap("back");
    tap("back");
    tap("no");  /* pet is no longer asked: its answer goes */
    CHECK_INT(count("SELECT count(*) FROM answer WHERE question = 'pet'"), 0);
    CHECK(!flow_is_relevant(fx.flow, survey_question_index(fx.survey, "pet")));
    tap("next");
    CHECK_STR(screen(), "question:age");
    tap("back");  /* Back skips what is not asked */
    CHECK_STR(screen(), "question:has_pet");
    tap("yes");  /* asked again: the answer in memory comes back */
    CHECK_INT(count("SELECT count(*) FROM answer WHERE question = 'pet' AND choice = 'dog'"), 1);
    close_fixture();
}

static void test_required_with_message(void)
{
    CHECK(open_fixture());
    start();
    tap("yes");
    tap("next");
    CHECK_STR(screen(), "question:pet");
    tap("next");
    CHECK_STR(screen(), "question:pet");
    CHECK_INT(flow_notice(fx.flow), FLOW_NOTICE_REQUIRED);
    tap("skip");  /* skip says it needs an answer too */
    CHECK_STR(screen(), "question:pet");
    CHECK_INT(flow_notice(fx.flow), FLOW_NOTICE_REQUIRED);
    CHECK_INT(count("SELECT count(*) FROM answer WHERE question = 'pet'"), 0);
    tap("cat");
    CHECK_INT(flow_notice(fx.flow), FLOW_NOTICE_NONE);
    tap("next");
    CHECK_STR(screen(), "question:age");
    close_fixture();
}

static void test_constraint_and_calculate(void)
{
    char note[256];
    CHECK(open_fixture());
    start();
    tap("yes");
    tap("next");
    tap("cat");
    tap("next");
    type("130");
    tap("next");
    CHECK_STR(screen(), "question:age");
    CHECK_INT(flow_notice(fx.flow), FLOW_NOTICE_CONSTRAINT);
    type("-");
    tap("next");
    CHECK_INT(flow_notice(fx.flow), FLOW_NOTICE_NOT_NUMBER);
    type("40");
    tap("next");
    CHECK_STR(screen(), "question:age_note");
    CHECK_STR(query("SELECT typeof(value) || ':' || value FROM answer WHERE question = 'age'"), "integer:40");
    CHECK_STR(query("SELECT typeof(value) || ':' || value FROM answer WHERE question = 'age_next'"), "integer:41");
    flow_fill_text(fx.flow, fx.survey->questions[flow_question(fx.flow)].label.by_language[0], NULL, note,
                   sizeof note);
    CHECK_STR(note, "Next year you will be 41. Your pet: Cat.");
    tap("back");
    type("41");
    CHECK_STR(query("SELECT value FROM answer WHERE question = 'age_next'"), "42");
    close_fixture();
}

/* Towns are filtered by region, and "newtown" is in both regions: the
 * one showing is the one chosen; a town the new region hides is dropped. */
static void test_cascade(void)
{
    CHECK(open_fixture());
    answer_to_town();
    CHECK_STR(screen(), "question:town");
    int q = flow_question(fx.flow);
    CHECK(!flow_choice_shown(fx.flow, q, 0));  /* hill: north */
    CHECK(flow_choice_shown(fx.flow, q, 2));   /* coast: south */
    CHECK(flow_choice_shown(fx.flow, q, 3));   /* the south newtown */
    tap("hill");                               /* hidden: nothing happens */
    CHECK_INT(count("SELECT count(*) FROM answer WHERE question = 'town'"), 0);
    tap("coast");
    CHECK_STR(query("SELECT choice FROM answer WHERE question = 'town'"), "coast");
    tap("back");
    tap("north");  /* coast is not in the north: un-chosen and removed */
    CHECK_INT(count("SELECT count(*) FROM answer WHERE question = 'town'"), 0);
    tap("next");
    tap("newtown");
    CHECK(flow_is_chosen(fx.flow, q, 1));
    CHECK_STR(query("SELECT choice FROM answer WHERE question = 'town'"), "newtown");
    close_fixture();
}

/* The group is asked from 18: a child goes from the note to needs. */
static void test_group_relevance(void)
{
    CHECK(open_fixture());
    answer_child_to_needs();
    CHECK_STR(screen(), "question:needs");
    int position, total;
    flow_progress(fx.flow, &position, &total);
    CHECK_INT(total, 6);  /* has_pet, age, age_note, needs, visit, comment */
    CHECK_INT(position, 4);
    close_fixture();
}

static void test_or_other_and_constraint_on_select(void)
{
    CHECK(open_fixture());
    answer_to_town();
    tap("coast");
    tap("next");
    CHECK_STR(screen(), "question:needs");
    tap("none");
    tap("food");
    tap("next");
    CHECK_INT(flow_notice(fx.flow), FLOW_NOTICE_CONSTRAINT);
    tap("none");
    tap("other");
    CHECK(flow_type_other(fx.flow, "a bike"));
    tap("next");
    CHECK_STR(screen(), "question:visit");
    CHECK_INT(count("SELECT count(*) FROM answer WHERE question = 'needs' AND choice IN ('food', 'other')"), 2);
    CHECK_STR(query("SELECT text FROM answer WHERE question = 'needs:other'"), "a bike");
    close_fixture();
}

/* Defaults show before they are given; metadata is kept without a screen. */
static void test_defaults_and_metadata(void)
{
    char today[16];
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(today, sizeof today, "%Y-%m-%d", &tm);
    CHECK(open_fixture());
    answer_to_town();
    tap("coast");
    tap("next");
    tap("food");
    tap("next");
    CHECK_STR(screen(), "question:visit");
    CHECK_STR(flow_text(fx.flow, flow_question(fx.flow)), today);
    CHECK_INT(count("SELECT count(*) FROM answer WHERE question = 'visit'"), 0);
    tap("next");
    char want[32];
    snprintf(want, sizeof want, "text:%s", today);
    CHECK_STR(query("SELECT typeof(value) || ':' || value FROM answer WHERE question = 'visit'"), want);
    CHECK_STR(flow_text(fx.flow, flow_question(fx.flow)), "nothing");
    tap("next");
    CHECK_STR(screen(), "review");
    tap("next");
    CHECK_STR(screen(), "thanks");
    CHECK_STR(query("SELECT value FROM answer WHERE question = 'day'"), today);
    CHECK_STR(query("SELECT value FROM answer WHERE question = 'device'"), store_kiosk_id(fx.store));
    CHECK(support_is_utc_ms(query("SELECT value FROM answer WHERE question = 'started'")));
    CHECK(support_is_utc_ms(query("SELECT value FROM answer WHERE question = 'ended'")));
    CHECK_STR(query("SELECT text FROM answer WHERE question = 'comment'"), "nothing");
    close_fixture();
}

/* A required answer left empty by a change made from the review: Finish
 * goes to it and says why. */
static void test_finish_goes_to_what_is_missing(void)
{
    CHECK(open_fixture());
    answer_child_to_needs();
    tap("food");
    tap("next");
    tap("next");
    tap("next");
    CHECK_STR(screen(), "review");
    tap("has_pet");
    tap("yes");
    tap("next");  /* from the review, back to it */
    CHECK_STR(screen(), "review");
    tap("next");
    CHECK_STR(screen(), "question:pet");
    CHECK_INT(flow_notice(fx.flow), FLOW_NOTICE_REQUIRED);
    tap("cat");
    tap("next");
    CHECK_STR(screen(), "review");
    tap("next");
    CHECK_STR(screen(), "thanks");
    close_fixture();
}

int main(void)
{
    RUN(test_skip_logic_and_back);
    RUN(test_required_with_message);
    RUN(test_constraint_and_calculate);
    RUN(test_cascade);
    RUN(test_group_relevance);
    RUN(test_or_other_and_constraint_on_select);
    RUN(test_defaults_and_metadata);
    RUN(test_finish_goes_to_what_is_missing);
    return TEST_SUMMARY();
}
