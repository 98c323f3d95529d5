/* flow.c: one person's way through the kiosk; see flow.h.
 *
 * Screens go welcome -> language -> consent -> each question -> review ->
 * thanks -> welcome. The session row is made when the person says yes on
 * the consent screen; every change of an answer is committed at once
 * (flow_save); the screen never moves on because of a choice, only because
 * of next, skip, back, stop or a time-out. When a save fails the answer is
 * kept in memory, marked unsaved and retried on every later action.
 *
 * While nobody touches the welcome screen its "You said, we did" item
 * changes every attract_seconds: a deadline like the idle time-out, so the
 * kiosk's loop sleeps until then and nothing polls. */
#include "flow/flow.h"
#include "flow/flow_internal.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- answers in memory ---- */

static void answers_clear(Flow *flow)
{
    for (int q = 0; q < flow->survey->n_questions; q++) {
        FlowAnswer *a = &flow->answers[q];
        const SurveyQuestion *sq = flow_question_at(flow, q);
        a->shown = a->skipped = a->unsaved = false;
        memset(a->chosen, 0, sizeof(bool) * (size_t)(flow_n_choices(sq) + 1));
        for (int t = 0; t < flow_n_topics(sq); t++) {
            a->topic_place[t] = FLOW_UNPLACED;
            a->topic_moved[t] = 0;
        }
        a->current_topic = flow_n_topics(sq) > 0 ? 0 : -1;
        a->held_topic = -1;
        free(a->wav);
        a->wav = NULL;
        a->wav_changed = false;
        a->other_changed = false;
        a->wav_size = 0;
        a->text[0] = '\0';
        a->other[0] = '\0';
        a->relevant = true;
    }
}

Flow *flow_new(const Survey *survey, const KioskSettings *settings, Store *store, uint64_t now_ms)
{
    Flow *flow = calloc(1, sizeof *flow);
    if (!flow)
        return NULL;
    flow->survey = survey;
    flow->settings = settings;
    flow->store = store;
    flow->language = survey->default_language;
    flow->answers = calloc((size_t)survey->n_questions + 1, sizeof *flow->answers);
    if (!flow->answers)
        goto fail;
    for (int q = 0; q < survey->n_questions; q++) {
        const SurveyQuestion *sq = &survey->questions[q];
        flow->answers[q].chosen = calloc((size_t)flow_n_choices(sq) + 1, sizeof(bool));
        flow->answers[q].topic_place = calloc((size_t)flow_n_topics(sq) + 1, sizeof(int));
        flow->answers[q].topic_moved = calloc((size_t)flow_n_topics(sq) + 1, sizeof(int));
        if (!flow->answers[q].chosen || !flow->answers[q].topic_place || !flow->answers[q].topic_moved)
            goto fail;
    }
    answers_clear(flow);
    flow->screen = FLOW_WELCOME;
    flow->last_input_ms = flow->screen_since_ms = flow->yousaid_since_ms = flow->now_ms = now_ms;
    flow->yousaid = survey->n_yousaid > 0 ? 0 : -1;
    flow->taking = flow_taking_answers(flow);
    flow->space_checked_ms = now_ms;
    if (!flow->taking)
        fprintf(stderr, "sayso: not taking answers: %s\n", store_space_problem(store));
    return flow;
fail:
    flow_free(flow);
    return NULL;
}

void flow_free(Flow *flow)
{
    if (!flow)
        return;
    if (flow->answers) {
        for (int q = 0; q < flow->survey->n_questions; q++) {
            free(flow->answers[q].chosen);
            free(flow->answers[q].topic_place);
            free(flow->answers[q].topic_moved);
            free(flow->answers[q].wav);
        }
    }
    free(flow->answers);
    free(flow);
}

/* An answer changed: the form is worked out again (other questions may
 * become relevant or not) and everything changed is saved at once. */
void flow_mark_changed(Flow *flow, int q)
{
    flow->answers[q].unsaved = true;
    flow->notice = FLOW_NOTICE_NONE;
    flow_logic_update(flow);
    flow_save(flow);
}

/* ---- moving between screens ---- */

static void go(Flow *flow, FlowScreen screen, uint64_t now_ms)
{
    flow->screen = screen;
    flow->screen_since_ms = now_ms;
    if (now_ms > flow->now_ms)
        flow->now_ms = now_ms;
    flow->generation++;
}

/* The next "You said, we did" item, round and round. */
static void next_yousaid(Flow *flow, uint64_t now_ms)
{
    if (flow->yousaid < 0)
        return;
    flow->yousaid = (flow->yousaid + 1) % flow->survey->n_yousaid;
    flow->yousaid_since_ms = now_ms;
    flow->generation++;
}

/* The thank-you screen, with the next "You said, we did" item. */
static void show_thanks(Flow *flow, uint64_t now_ms)
{
    next_yousaid(flow, now_ms);
    go(flow, FLOW_THANKS, now_ms);
}

/* Shows the page that holds question `q` (a field-list group's questions
 * show together). */
static void show_question(Flow *flow, int q, uint64_t now_ms)
{
    int first, end;
    flow_page_bounds(flow, q, &first, &end);
    flow->question = first;
    for (int p = first; p < end; p++) {
        flow->answers[p].shown = flow->answers[p].shown || flow->answers[p].relevant;
        if (flow->answers[p].relevant && flow_is_mat(flow_question_at(flow, p)))
            flow_mat_reopen(flow, p);
    }
    flow->notice = FLOW_NOTICE_NONE;
    go(flow, FLOW_QUESTION, now_ms);
}

/* Whether question `q` gets a screen now: it has one (calculate and
 * metadata have none) and it is relevant. */
static bool asked(const Flow *flow, int q)
{
    return survey_question_is_shown(flow_question_at(flow, q)) && flow->answers[q].relevant;
}

/* The next (step 1) or previous (step -1) question asked after `from`, or -1. */
static int next_asked(const Flow *flow, int from, int step)
{
    for (int q = from + step; q >= 0 && q < flow->survey->n_questions; q += step)
        if (asked(flow, q))
            return q;
    return -1;
}

/* Back to the welcome screen with nothing of the last person left. */
static void reset(Flow *flow, uint64_t now_ms)
{
    if (flow->problem[0])
        flow_log_unsaved(flow);
    answers_clear(flow);
    flow->consented = false;
    flow->session_unsaved = false;
    flow->end_unsaved = NULL;
    flow->session_id[0] = '\0';
    flow->editing_from_review = false;
    flow->question = 0;
    flow->language = flow->survey->default_language;
    go(flow, FLOW_WELCOME, now_ms);
}

/* The session ends: on every mat shown, the topics still unplaced were
 * never reached (the person stopped, or walked away, before them). */
static void end_session(Flow *flow, const char *how)
{
    if (!flow->consented)
        return;
    for (int q = 0; q < flow->survey->n_questions; q++) {
        if (flow->answers[q].shown && flow_is_mat(flow_question_at(flow, q)) && flow_mat_left(flow, q) > 0) {
            flow_mat_finish(flow, q);
            flow->answers[q].unsaved = true;
        }
    }
    flow_logic_end(flow);
    flow->end_unsaved = how;
    flow_save(flow);
}

void flow_go(Flow *flow, FlowScreen screen, uint64_t now_ms)
{
    go(flow, screen, now_ms);
}

void flow_advance(Flow *flow, uint64_t now_ms)
{
    int first, end;
    flow_page(flow, &first, &end);
    int next = next_asked(flow, end - 1, 1);
    if (flow->editing_from_review || next < 0) {
        flow->editing_from_review = false;
        go(flow, FLOW_REVIEW, now_ms);
        return;
    }
    show_question(flow, next, now_ms);
}

static void go_back(Flow *flow, uint64_t now_ms)
{
    switch (flow->screen) {
    case FLOW_LANGUAGE: go(flow, FLOW_WELCOME, now_ms); break;
    case FLOW_CONSENT: go(flow, flow->survey->n_languages > 1 ? FLOW_LANGUAGE : FLOW_WELCOME, now_ms); break;
    case FLOW_STOP_CONFIRM: go(flow, flow->confirm_from, now_ms); break;
    case FLOW_MAT_LEFT: go(flow, FLOW_QUESTION, now_ms); break;
    case FLOW_QUESTION:
        flow->editing_from_review = false;
        if (next_asked(flow, flow->question, -1) < 0)
            go(flow, FLOW_CONSENT, now_ms);
        else
            show_question(flow, next_asked(flow, flow->question, -1), now_ms);
        break;
    case FLOW_REVIEW:
        if (next_asked(flow, flow->survey->n_questions, -1) >= 0)
            show_question(flow, next_asked(flow, flow->survey->n_questions, -1), now_ms);
        break;
    default: break;
    }
}

/* ---- the other screens ---- */

static bool tap_language(Flow *flow, const char *id, uint64_t now_ms)
{
    if (strncmp(id, "lang:", 5) != 0)
        return false;
    int lang = survey_language_index(flow->survey, id + 5);
    if (lang < 0)
        return false;
    flow->language = lang;
    go(flow, FLOW_CONSENT, now_ms);
    return true;
}

static bool tap_consent(Flow *flow, const char *id, uint64_t now_ms)
{
    if (strcmp(id, "no") == 0) {
        reset(flow, now_ms);
        return true;
    }
    if (strcmp(id, "yes") != 0)
        return false;
    if (!flow->consented) {
        flow->consented = true;
        flow->session_unsaved = true;
        flow_save(flow);  /* the session's id first: instanceID is made of it */
        flow_logic_start(flow);
        flow_save(flow);
    }
    if (next_asked(flow, -1, 1) < 0)
        go(flow, FLOW_REVIEW, now_ms);
    else
        show_question(flow, next_asked(flow, -1, 1), now_ms);
    return true;
}

/* The first question asked whose answer the form does not take (a
 * relevance changed since it was answered), or -1. */
static int first_unfinished(Flow *flow)
{
    for (int q = next_asked(flow, -1, 1); q >= 0; q = next_asked(flow, q, 1)) {
        FlowNotice notice = flow_logic_check(flow, q);
        if (notice != FLOW_NOTICE_NONE) {
            flow->notice = notice;
            return q;
        }
    }
    return -1;
}

static bool tap_review(Flow *flow, const char *id, uint64_t now_ms)
{
    if (strcmp(id, "next") == 0) {
        int q = first_unfinished(flow);
        if (q >= 0) {  /* Finish goes to it, saying why */
            FlowNotice notice = flow->notice;
            flow->editing_from_review = true;
            show_question(flow, q, now_ms);
            flow->notice = notice;
            flow->notice_question = q;
            return true;
        }
        end_session(flow, "finished");
        show_thanks(flow, now_ms);
        return true;
    }
    int q = survey_question_index(flow->survey, id);
    if (q < 0 || !asked(flow, q))
        return false;
    flow->editing_from_review = true;
    show_question(flow, q, now_ms);
    return true;
}

static bool tap_still_there(Flow *flow, const char *id, uint64_t now_ms)
{
    if (strcmp(id, "yes") == 0) {
        go(flow, flow->paused_screen, now_ms);
        return true;
    }
    if (strcmp(id, "no") == 0) {
        end_session(flow, "stopped");
        reset(flow, now_ms);
        return true;
    }
    return false;
}

/* "You have not placed 9 services": place goes back to the mat as it was;
 * next goes on, and those services are kept as never reached. */
static bool tap_mat_left(Flow *flow, const char *id, uint64_t now_ms)
{
    if (strcmp(id, "place") == 0) {
        go(flow, FLOW_QUESTION, now_ms);
        return true;
    }
    if (strcmp(id, "next") != 0)
        return false;
    flow_next_question(flow, now_ms, true);
    return true;
}

/* "Do you want to stop?": yes ends the session as stopped; no goes back to
 * the screen it covers, where everything is as it was. */
static bool tap_stop_confirm(Flow *flow, const char *id, uint64_t now_ms)
{
    if (strcmp(id, "yes") == 0) {
        end_session(flow, "stopped");
        show_thanks(flow, now_ms);
        return true;
    }
    if (strcmp(id, "no") == 0) {
        go(flow, flow->confirm_from, now_ms);
        return true;
    }
    return false;
}

static bool in_session_screen(FlowScreen s)
{
    return s == FLOW_QUESTION || s == FLOW_REVIEW || s == FLOW_MAT_LEFT;
}

bool flow_tap(Flow *flow, const char *id, uint64_t now_ms)
{
    unsigned before = flow->generation;
    flow_touch(flow, now_ms);
    flow_save(flow);  /* retry anything a full disk held back */
    if (strcmp(id, "back") == 0) {
        go_back(flow, now_ms);
        return flow->generation != before;
    }
    if (strcmp(id, "stop") == 0 && in_session_screen(flow->screen)) {
        flow->confirm_from = flow->screen;
        go(flow, FLOW_STOP_CONFIRM, now_ms);
        return true;
    }
    bool changed = false;
    switch (flow->screen) {
    case FLOW_WELCOME:
        if (strcmp(id, "start") == 0 && flow_taking_answers(flow)) {  /* one language: nothing to choose */
            go(flow, flow->survey->n_languages > 1 ? FLOW_LANGUAGE : FLOW_CONSENT, now_ms);
            changed = true;
        }
        break;
    case FLOW_LANGUAGE: changed = tap_language(flow, id, now_ms); break;
    case FLOW_CONSENT: changed = tap_consent(flow, id, now_ms); break;
    case FLOW_QUESTION: changed = flow_tap_question(flow, id, now_ms); break;
    case FLOW_REVIEW: changed = tap_review(flow, id, now_ms); break;
    case FLOW_THANKS:
        if (strcmp(id, "next") == 0) {
            reset(flow, now_ms);
            changed = true;
        }
        break;
    case FLOW_STILL_THERE: changed = tap_still_there(flow, id, now_ms); break;
    case FLOW_STOP_CONFIRM: changed = tap_stop_confirm(flow, id, now_ms); break;
    case FLOW_MAT_LEFT: changed = tap_mat_left(flow, id, now_ms); break;
    }
    if (changed)
        flow->generation++;
    return changed;
}

void flow_touch(Flow *flow, uint64_t now_ms)
{
    flow->last_input_ms = now_ms;
    if (now_ms > flow->now_ms)
        flow->now_ms = now_ms;
}

/* ---- time ---- */

static uint64_t seconds_ms(int seconds) { return (uint64_t)seconds * 1000u; }

/* When the welcome screen's attract loop shows the next item: attract_seconds
 * after the item, the screen or the last touch, whichever came last; 0 when
 * it never does (the loop is off, or there is nothing to go round). */
static uint64_t attract_deadline(const Flow *flow)
{
    int seconds = flow->settings->attract_seconds;
    uint64_t since = flow->yousaid_since_ms;
    if (seconds <= 0 || flow->survey->n_yousaid < 2)
        return 0;
    if (flow->screen_since_ms > since)
        since = flow->screen_since_ms;
    if (flow->last_input_ms > since)
        since = flow->last_input_ms;
    return since + seconds_ms(seconds);
}

/* When the screen showing now times out, or 0 when it never does. */
static uint64_t deadline(const Flow *flow)
{
    const KioskSettings *k = flow->settings;
    switch (flow->screen) {
    case FLOW_WELCOME: return attract_deadline(flow);
    case FLOW_THANKS: return flow->screen_since_ms + seconds_ms(k->thanks_seconds);
    case FLOW_STILL_THERE: return flow->screen_since_ms + seconds_ms(k->still_there_seconds);
    default: return flow->last_input_ms + seconds_ms(k->idle_seconds);
    }
}

/* When the welcome screen, not taking answers, looks at the disk again; 0
 * while answers are taken (or elsewhere: a session goes on regardless). */
static uint64_t space_deadline(const Flow *flow)
{
    if (flow->screen != FLOW_WELCOME || flow_taking_answers(flow))
        return 0;
    return flow->space_checked_ms + FLOW_SPACE_CHECK_MS;
}

static uint64_t soonest(uint64_t a, uint64_t b)
{
    return a == 0 ? b : b == 0 || a < b ? a : b;
}

/* The attract loop's item after every attract_seconds since `due` up to
 * `now_ms`, at once: a long wait is one step, not one per item. */
static void attract_catch_up(Flow *flow, uint64_t due, uint64_t now_ms)
{
    uint64_t period = seconds_ms(flow->settings->attract_seconds);
    uint64_t skipped = (now_ms - due) / period;
    flow->yousaid = (int)(((uint64_t)flow->yousaid + skipped) % (uint64_t)flow->survey->n_yousaid);
    next_yousaid(flow, due + skipped * period);
}

static int seconds_left_at(const Flow *flow, uint64_t now_ms)
{
    uint64_t due = flow->screen == FLOW_STILL_THERE ? deadline(flow) : 0;
    return due > now_ms ? (int)((due - now_ms + 999) / 1000) : 0;
}

int flow_seconds_left(const Flow *flow)
{
    return seconds_left_at(flow, flow->now_ms);
}

/* Still-there: the countdown shown moves on each second. */
static bool tick_countdown(Flow *flow, uint64_t now_ms)
{
    int left = seconds_left_at(flow, now_ms);
    if (flow->screen != FLOW_STILL_THERE || left == flow->countdown)
        return false;
    flow->countdown = left;
    flow->generation++;
    return true;
}

bool flow_tick(Flow *flow, uint64_t now_ms)
{
    unsigned before = flow->generation;
    flow_watch_space(flow); /* a staff write may have met the full disk */
    uint64_t space_due = space_deadline(flow);
    if (space_due && now_ms >= space_due) {
        flow->space_checked_ms = now_ms;
        store_space_check(flow->store);
        flow_watch_space(flow);
    }
    uint64_t due = deadline(flow);
    if (now_ms > flow->now_ms)
        flow->now_ms = now_ms;
    if (due == 0 || now_ms < due)
        return tick_countdown(flow, now_ms) || flow->generation != before;
    switch (flow->screen) {
    case FLOW_WELCOME: attract_catch_up(flow, due, now_ms); break;
    case FLOW_THANKS: reset(flow, now_ms); break;
    case FLOW_STILL_THERE:
        end_session(flow, "timeout");
        reset(flow, now_ms);
        break;
    default:
        flow->paused_screen = flow->screen;
        go(flow, FLOW_STILL_THERE, now_ms);
        flow->countdown = seconds_left_at(flow, now_ms);
        break;
    }
    return true;
}

bool flow_deadline_catches_up(const Flow *flow)
{
    return flow->screen == FLOW_WELCOME; /* attract_catch_up; the disk looked at when due */
}

int64_t flow_ms_until_deadline(const Flow *flow, uint64_t now_ms)
{
    uint64_t due = soonest(deadline(flow), space_deadline(flow));
    if (due == 0)
        return -1;
    int64_t left = due > now_ms ? (int64_t)(due - now_ms) : 0;
    if (flow->screen == FLOW_STILL_THERE && left > 0)  /* the countdown's next second */
        return left % 1000 ? left % 1000 : (left > 1000 ? 1000 : left);
    return left;
}

/* ---- what shows (the rest is flow_view.c's) ---- */

FlowNotice flow_notice(const Flow *flow) { return flow->screen == FLOW_QUESTION ? flow->notice : FLOW_NOTICE_NONE; }
int flow_notice_question(const Flow *flow) { return flow->notice_question; }

void flow_progress(const Flow *flow, int *position, int *total)
{
    *position = *total = 0;
    for (int q = 0; q < flow->survey->n_questions; q++) {
        if (!asked(flow, q))
            continue;
        (*total)++;
        if (q <= flow->question)
            *position = *total;
    }
}
