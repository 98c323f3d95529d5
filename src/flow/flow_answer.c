/* flow_answer.c: the answer to the question showing: choosing, typed
 * words, numbers and dates, recordings, Next and "I don't want to answer"
 * (a mat's topics are flow_mat.c's); see flow.h. Moving between screens is
 * flow.c's. */
#include "flow/flow_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- questions ---- */

/* Next on a question: what was not answered is recorded as skipped (on a
 * mat, the topics never placed nor skipped as not reached). */
static void finish_question(Flow *flow, int q)
{
    FlowAnswer *a = &flow->answers[q];
    const SurveyQuestion *sq = flow_question_at(flow, q);
    if (flow_is_mat(sq)) {
        flow_mat_finish(flow, q);
    } else if (sq->type != QUESTION_NOTE) {
        a->skipped = !flow_has_answer(flow, q);
    }
    flow_mark_changed(flow, q);
}

/* Next: moves on unless the answer is one the form does not take (a
 * required question left empty, a constraint refusing it, a number that
 * is not one); then the notice says why and the question stays. A mat
 * with topics left asks first (mat-left). */
void flow_next_question(Flow *flow, uint64_t now_ms, bool mat_left_asked)
{
    int first, end;
    flow_page(flow, &first, &end);
    for (int q = first; q < end; q++) {  /* every question of the page, in order */
        FlowNotice notice = flow->answers[q].relevant ? flow_logic_check(flow, q) : FLOW_NOTICE_NONE;
        if (notice != FLOW_NOTICE_NONE) {
            flow->notice = notice;
            flow->notice_question = q;
            if (flow->screen != FLOW_QUESTION)
                flow_go(flow, FLOW_QUESTION, now_ms);
            return;
        }
    }
    for (int q = first; q < end && !mat_left_asked; q++) {
        if (flow->answers[q].relevant && flow_is_mat(flow_question_at(flow, q)) && flow_mat_left(flow, q) > 0) {
            flow_go(flow, FLOW_MAT_LEFT, now_ms);  /* "You have not placed 9 services" */
            return;
        }
    }
    for (int q = first; q < end; q++)
        if (flow->answers[q].relevant)
            finish_question(flow, q);
    flow_advance(flow, now_ms);
}

/* "I don't want to answer" on a question that is not a mat: what was
 * chosen, typed or said is cleared and it is skipped. */
static void clear_answer(Flow *flow, int q)
{
    FlowAnswer *a = &flow->answers[q];
    const SurveyQuestion *sq = flow_question_at(flow, q);
    memset(a->chosen, 0, sizeof(bool) * (size_t)(flow_n_choices(sq) + 1));
    a->text[0] = '\0';
    a->other_changed = a->other[0] != '\0';
    a->other[0] = '\0';
    a->wav_changed = a->wav != NULL;
    free(a->wav);
    a->wav = NULL;
    a->skipped = true;
    finish_question(flow, q);
}

/* A required question of the page showing, or -1. */
static int required_on_page(Flow *flow)
{
    int first, end;
    flow_page(flow, &first, &end);
    for (int q = first; q < end; q++)
        if (flow->answers[q].relevant && !flow_is_mat(flow_question_at(flow, q)) && flow_is_required(flow, q))
            return q;
    return -1;
}

/* "I don't want to answer": on a mat, the topic offered now; elsewhere the
 * whole question (every question of a page), clearing what was chosen;
 * but a question the form requires says so and stays (Stop is the way out). */
static void skip(Flow *flow, uint64_t now_ms)
{
    int q = flow->question, first, end;
    FlowAnswer *a = &flow->answers[q];
    const SurveyQuestion *sq = flow_question_at(flow, q);
    if (required_on_page(flow) >= 0) {
        flow->notice = FLOW_NOTICE_REQUIRED;
        flow->notice_question = required_on_page(flow);
        return;
    }
    if (flow_is_mat(sq) && a->current_topic >= 0) {
        flow_mat_skip_topic(flow, q);
        return;
    }
    flow_page(flow, &first, &end);
    for (int p = first; p < end; p++) {
        if (!flow->answers[p].relevant)
            continue;
        if (flow_is_mat(flow_question_at(flow, p)))
            finish_question(flow, p);
        else
            clear_answer(flow, p);
    }
    flow_advance(flow, now_ms);
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
    flow_mark_changed(flow, q);
    return true;
}

/* On a page of several questions a choice is "QUESTION:CHOICE" (choice
 * names repeat from one question to the next); an "OK" is its question's
 * name. Finds the question `id` is about and the id within it. */
static int page_target(const Flow *flow, const char *id, const char **inner)
{
    int first, end;
    flow_page(flow, &first, &end);
    *inner = id;
    if (flow_page_count(flow) < 2)
        return flow->question;
    for (int q = first; q < end; q++) {
        const char *name = flow_question_at(flow, q)->name;
        size_t n = strlen(name);
        if (!flow->answers[q].relevant || strncmp(id, name, n) != 0 || (id[n] != ':' && id[n] != '\0'))
            continue;
        *inner = id[n] == ':' ? id + n + 1 : id;
        return q;
    }
    return -1;
}

bool flow_tap_question(Flow *flow, const char *id, uint64_t now_ms)
{
    if (strcmp(id, "next") == 0) {
        flow_next_question(flow, now_ms, false);
        return true;
    }
    if (strcmp(id, "skip") == 0) {
        skip(flow, now_ms);
        return true;
    }
    int q = page_target(flow, id, &id);
    if (q < 0)
        return false;
    const SurveyQuestion *sq = flow_question_at(flow, q);
    if (flow_is_mat(sq))
        return flow_mat_tap(flow, q, id);
    if (sq->type == QUESTION_ACKNOWLEDGE)
        return strcmp(id, sq->name) == 0 && choose(flow, q, 0);
    int c = sq->list ? flow_choice_by_name(flow, q, id) : -1;
    return c >= 0 && (c == flow_n_choices(sq) || flow_choice_shown(flow, q, c)) && choose(flow, q, c);
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
    flow_mark_changed(flow, flow->question);
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
    flow_mark_changed(flow, flow->question);
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
    flow_mark_changed(flow, flow->question);
    flow->generation++;
    return true;
}

