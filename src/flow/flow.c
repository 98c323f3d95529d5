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
        for (int t = 0; t < flow_n_topics(sq); t++)
            a->topic_place[t] = FLOW_UNPLACED;
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
        if (!flow->answers[q].chosen || !flow->answers[q].topic_place)
            goto fail;
    }
    answers_clear(flow);
    flow->screen = FLOW_WELCOME;
    flow->last_input_ms = flow->screen_since_ms = flow->yousaid_since_ms = now_ms;
    flow->yousaid = survey->n_yousaid > 0 ? 0 : -1;
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
            free(flow->answers[q].wav);
        }
    }
    free(flow->answers);
    free(flow);
}

/* An answer changed: the form is worked out again (other questions may
 * become relevant or not) and everything changed is saved at once. */
static void mark_changed(Flow *flow, int q)
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

static void show_question(Flow *flow, int q, uint64_t now_ms)
{
    flow->question = q;
    flow->answers[q].shown = true;
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

static void end_session(Flow *flow, const char *how)
{
    if (!flow->consented)
        return;
    flow_logic_end(flow);
    flow->end_unsaved = how;
    flow_save(flow);
}

static void advance(Flow *flow, uint64_t now_ms)
{
    int next = next_asked(flow, flow->question, 1);
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
    case FLOW_CONSENT: go(flow, FLOW_LANGUAGE, now_ms); break;
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

/* ---- questions ---- */

static void next_topic(Flow *flow, int q)
{
    FlowAnswer *a = &flow->answers[q];
    const SurveyQuestion *sq = flow_question_at(flow, q);
    a->current_topic = -1;
    for (int t = 0; t < flow_n_topics(sq); t++) {
        if (a->topic_place[t] == FLOW_UNPLACED) {
            a->current_topic = t;
            return;
        }
    }
}

static bool place_topic(Flow *flow, int q, int topic, int column)
{
    FlowAnswer *a = &flow->answers[q];
    if (topic < 0 || a->topic_place[topic] == column)
        return false;
    a->topic_place[topic] = column;
    a->held_topic = -1;
    a->skipped = false;
    if (topic == a->current_topic || a->current_topic < 0)
        next_topic(flow, q);
    mark_changed(flow, q);
    return true;
}

/* Next on a question: what was not answered is recorded as skipped. */
static void finish_question(Flow *flow, int q)
{
    FlowAnswer *a = &flow->answers[q];
    const SurveyQuestion *sq = flow_question_at(flow, q);
    if (flow_is_mat(sq)) {
        for (int t = 0; t < flow_n_topics(sq); t++)
            if (a->topic_place[t] == FLOW_UNPLACED)
                a->topic_place[t] = FLOW_SKIPPED;
        a->current_topic = -1;
        a->held_topic = -1;
    } else if (sq->type != QUESTION_NOTE) {
        a->skipped = !flow_has_answer(flow, q);
    }
    mark_changed(flow, q);
}

/* Next: moves on unless the answer is one the form does not take (a
 * required question left empty, a constraint refusing it, a number that
 * is not one); then the notice says why and the question stays. */
static void next_question(Flow *flow, uint64_t now_ms)
{
    int q = flow->question;
    FlowNotice notice = flow_logic_check(flow, q);
    if (notice != FLOW_NOTICE_NONE) {
        flow->notice = notice;
        return;
    }
    finish_question(flow, q);
    advance(flow, now_ms);
}

/* "I don't want to answer": on a mat, the topic offered now; elsewhere the
 * whole question, clearing what was chosen. */
static void skip(Flow *flow, uint64_t now_ms)
{
    int q = flow->question;
    FlowAnswer *a = &flow->answers[q];
    const SurveyQuestion *sq = flow_question_at(flow, q);
    if (!flow_is_mat(sq) && flow_is_required(flow, q)) {
        flow->notice = FLOW_NOTICE_REQUIRED;  /* the form needs an answer here: Stop is the way out */
        return;
    }
    if (flow_is_mat(sq) && a->current_topic >= 0) {
        a->topic_place[a->current_topic] = FLOW_SKIPPED;
        a->held_topic = -1;
        next_topic(flow, q);
        mark_changed(flow, q);
        flow->generation++;
        return;
    }
    if (!flow_is_mat(sq)) {
        memset(a->chosen, 0, sizeof(bool) * (size_t)(flow_n_choices(sq) + 1));
        a->text[0] = '\0';
        a->other_changed = a->other[0] != '\0';
        a->other[0] = '\0';
        a->wav_changed = a->wav != NULL;
        free(a->wav);
        a->wav = NULL;
        a->skipped = true;
    }
    finish_question(flow, q);
    advance(flow, now_ms);
}

/* Chooses choice `c` (n_choices: or_other's "other"); an acknowledge's
 * one "OK" is choice 0 and toggles. */
static bool choose(Flow *flow, int q, int c)
{
    FlowAnswer *a = &flow->answers[q];
    const SurveyQuestion *sq = flow_question_at(flow, q);
    if (sq->type == QUESTION_SELECT_MULTIPLE || sq->type == QUESTION_ACKNOWLEDGE) {
        a->chosen[c] = !a->chosen[c];
    } else {
        if (a->chosen[c])
            return false;  /* choosing the chosen one again changes nothing */
        memset(a->chosen, 0, sizeof(bool) * (size_t)(flow_n_choices(sq) + 1));
        a->chosen[c] = true;
    }
    a->skipped = false;
    mark_changed(flow, q);
    return true;
}

static bool tap_mat(Flow *flow, int q, const char *id)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    FlowAnswer *a = &flow->answers[q];
    int topic = survey_choice_index(sq->topics, id);
    if (topic >= 0) {
        a->held_topic = (a->held_topic == topic) ? -1 : topic;
        return true;
    }
    int column = survey_choice_index(sq->list, id);
    if (column < 0)
        return false;
    int which = a->held_topic >= 0 ? a->held_topic : a->current_topic;
    return place_topic(flow, q, which, column);
}

static bool tap_question(Flow *flow, const char *id, uint64_t now_ms)
{
    int q = flow->question;
    const SurveyQuestion *sq = flow_question_at(flow, q);
    if (strcmp(id, "next") == 0) {
        next_question(flow, now_ms);
        return true;
    }
    if (strcmp(id, "skip") == 0) {
        skip(flow, now_ms);
        return true;
    }
    if (flow_is_mat(sq))
        return tap_mat(flow, q, id);
    if (sq->type == QUESTION_ACKNOWLEDGE)
        return strcmp(id, sq->name) == 0 && choose(flow, q, 0);
    int c = sq->list ? flow_choice_by_name(flow, q, id) : -1;
    return c >= 0 && (c == flow_n_choices(sq) || flow_choice_shown(flow, q, c)) && choose(flow, q, c);
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

static bool in_session_screen(FlowScreen s)
{
    return s == FLOW_QUESTION || s == FLOW_REVIEW;
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
        end_session(flow, "stopped");
        show_thanks(flow, now_ms);
        return true;
    }
    bool changed = false;
    switch (flow->screen) {
    case FLOW_WELCOME:
        if (strcmp(id, "start") == 0) {
            go(flow, FLOW_LANGUAGE, now_ms);
            changed = true;
        }
        break;
    case FLOW_LANGUAGE: changed = tap_language(flow, id, now_ms); break;
    case FLOW_CONSENT: changed = tap_consent(flow, id, now_ms); break;
    case FLOW_QUESTION: changed = tap_question(flow, id, now_ms); break;
    case FLOW_REVIEW: changed = tap_review(flow, id, now_ms); break;
    case FLOW_THANKS:
        if (strcmp(id, "next") == 0) {
            reset(flow, now_ms);
            changed = true;
        }
        break;
    case FLOW_STILL_THERE: changed = tap_still_there(flow, id, now_ms); break;
    }
    if (changed)
        flow->generation++;
    return changed;
}

bool flow_drop(Flow *flow, const char *id, const char *target, uint64_t now_ms)
{
    flow_touch(flow, now_ms);
    if (flow->screen != FLOW_QUESTION)
        return false;
    int q = flow->question;
    const SurveyQuestion *sq = flow_question_at(flow, q);
    if (!flow_is_mat(sq))
        return false;
    int topic = survey_choice_index(sq->topics, id);
    int column = survey_choice_index(sq->list, target);
    if (topic < 0 || column < 0)
        return false;
    bool changed = place_topic(flow, q, topic, column);
    flow->answers[q].held_topic = -1;
    flow->generation++;
    return changed;
}

void flow_touch(Flow *flow, uint64_t now_ms)
{
    flow->last_input_ms = now_ms;
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

bool flow_tick(Flow *flow, uint64_t now_ms)
{
    uint64_t due = deadline(flow);
    if (due == 0 || now_ms < due)
        return false;
    switch (flow->screen) {
    case FLOW_WELCOME: next_yousaid(flow, now_ms); break;
    case FLOW_THANKS: reset(flow, now_ms); break;
    case FLOW_STILL_THERE:
        end_session(flow, "timeout");
        reset(flow, now_ms);
        break;
    default:
        flow->paused_screen = flow->screen;
        go(flow, FLOW_STILL_THERE, now_ms);
        break;
    }
    return true;
}

int64_t flow_ms_until_deadline(const Flow *flow, uint64_t now_ms)
{
    uint64_t due = deadline(flow);
    if (due == 0)
        return -1;
    return due > now_ms ? (int64_t)(due - now_ms) : 0;
}

/* ---- what shows ---- */

FlowScreen flow_screen(const Flow *flow) { return flow->screen; }
FlowNotice flow_notice(const Flow *flow) { return flow->screen == FLOW_QUESTION ? flow->notice : FLOW_NOTICE_NONE; }

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
int flow_question(const Flow *flow) { return flow->question; }
int flow_language(const Flow *flow) { return flow->language; }
const Survey *flow_survey(const Flow *flow) { return flow->survey; }
const KioskSettings *flow_settings(const Flow *flow) { return flow->settings; }
unsigned flow_generation(const Flow *flow) { return flow->generation; }
const char *flow_save_problem(const Flow *flow) { return flow->problem; }
const char *flow_session_id(const Flow *flow) { return flow->session_id; }
int flow_yousaid(const Flow *flow) { return flow->yousaid; }

void flow_screen_name(const Flow *flow, char *out, size_t out_size)
{
    static const char *const names[] = {
        [FLOW_WELCOME] = "welcome", [FLOW_LANGUAGE] = "language", [FLOW_CONSENT] = "consent",
        [FLOW_QUESTION] = "question", [FLOW_REVIEW] = "review", [FLOW_THANKS] = "thanks",
        [FLOW_STILL_THERE] = "still-there",
    };
    if (flow->screen == FLOW_QUESTION)
        snprintf(out, out_size, "question:%s", flow_question_at(flow, flow->question)->name);
    else
        snprintf(out, out_size, "%s", names[flow->screen]);
}

bool flow_is_chosen(const Flow *flow, int question, int choice)
{
    const SurveyQuestion *sq = flow_question_at(flow, question);
    return choice >= 0 && choice <= flow_n_choices(sq) && flow->answers[question].chosen[choice];
}

bool flow_is_skipped(const Flow *flow, int question)
{
    return flow->answers[question].skipped;
}

bool flow_was_shown(const Flow *flow, int question)
{
    return flow->answers[question].shown;
}

int flow_topic_place(const Flow *flow, int question, int topic)
{
    const SurveyQuestion *sq = flow_question_at(flow, question);
    if (topic < 0 || topic >= flow_n_topics(sq))
        return FLOW_UNPLACED;
    return flow->answers[question].topic_place[topic];
}

int flow_current_topic(const Flow *flow, int question)
{
    return flow->answers[question].current_topic;
}

bool flow_keep_recording(Flow *flow, const unsigned char *wav, size_t size, int duration_ms, int rate)
{
    const SurveyQuestion *sq = flow->screen == FLOW_QUESTION ? flow_question_at(flow, flow->question) : NULL;
    if (!sq || (sq->type != QUESTION_AUDIO && !sq->spoken_answer && !sq->or_other))
        return false;
    FlowAnswer *a = &flow->answers[flow->question];
    unsigned char *copy = malloc(size ? size : 1);
    if (!copy)
        return false;
    memcpy(copy, wav, size);
    free(a->wav);
    a->wav = copy;
    a->wav_size = size;
    a->wav_ms = duration_ms;
    a->wav_rate = rate;
    a->wav_changed = true;
    if (sq->type == QUESTION_AUDIO)
        a->skipped = false;
    mark_changed(flow, flow->question);
    flow->generation++;
    return true;
}

static bool takes_text(QuestionType type)
{
    return type == QUESTION_TEXT || type == QUESTION_PHONE || type == QUESTION_INTEGER ||
           type == QUESTION_DECIMAL || type == QUESTION_DATE;
}

bool flow_type_text(Flow *flow, const char *text)
{
    if (flow->screen != FLOW_QUESTION || !takes_text(flow_question_at(flow, flow->question)->type))
        return false;
    FlowAnswer *a = &flow->answers[flow->question];
    snprintf(a->text, sizeof a->text, "%s", text);
    a->skipped = false;
    mark_changed(flow, flow->question);
    flow->generation++;
    return true;
}

bool flow_type_other(Flow *flow, const char *text)
{
    if (flow->screen != FLOW_QUESTION || !flow_question_at(flow, flow->question)->or_other)
        return false;
    FlowAnswer *a = &flow->answers[flow->question];
    snprintf(a->other, sizeof a->other, "%s", text);
    a->other_changed = true;
    mark_changed(flow, flow->question);
    flow->generation++;
    return true;
}

const char *flow_other_text(const Flow *flow, int question)
{
    return flow->answers[question].other;
}

const char *flow_text(const Flow *flow, int question)
{
    return flow->answers[question].text;
}

const unsigned char *flow_recording(const Flow *flow, int question, size_t *size, int *duration_ms)
{
    const FlowAnswer *a = &flow->answers[question];
    *size = a->wav_size;
    if (duration_ms)
        *duration_ms = a->wav_ms;
    return a->wav;
}

int flow_held_topic(const Flow *flow, int question)
{
    return flow->answers[question].held_topic;
}
