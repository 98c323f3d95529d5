/* flow_mat.c: a Talking Mats question's topics; see flow.h.
 *
 * Topics come one at a time: the first still unplaced is offered, and it is
 * placed under a column (tapped, then the column tapped, or dragged), or
 * skipped into the tray. Any topic can be moved to another column or taken
 * back to the pile (`pile`), where it is offered again. Next with topics
 * still unplaced goes through mat-left first (flow.c); going on keeps them
 * as not reached, apart from the ones the person chose to skip. */
#include "flow/flow_internal.h"

#include <string.h>

/* The first topic still unplaced becomes the one offered; -1 when none. */
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
    a->topic_moved[topic] = ++flow->moves;
    a->held_topic = -1;
    a->skipped = false;
    if (topic == a->current_topic || a->current_topic < 0)
        next_topic(flow, q);
    flow_mark_changed(flow, q);
    return true;
}

/* Takes a placed (or skipped) topic back to the pile: it is offered again,
 * in place of the one offered until now (which waits its turn). */
static bool take_back(Flow *flow, int q, int topic)
{
    FlowAnswer *a = &flow->answers[q];
    if (topic < 0 || a->topic_place[topic] == FLOW_UNPLACED)
        return false;
    a->topic_place[topic] = FLOW_UNPLACED;
    a->current_topic = topic;
    a->held_topic = -1;
    flow_mark_changed(flow, q);
    return true;
}

void flow_mat_skip_topic(Flow *flow, int q)
{
    FlowAnswer *a = &flow->answers[q];
    a->topic_place[a->current_topic] = FLOW_SKIPPED;
    a->topic_moved[a->current_topic] = ++flow->moves;
    a->held_topic = -1;
    next_topic(flow, q);
    flow_mark_changed(flow, q);
    flow->generation++;
}

bool flow_mat_tap(Flow *flow, int q, const char *id)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    FlowAnswer *a = &flow->answers[q];
    int topic = survey_choice_index(sq->topics, id);
    if (topic >= 0) {
        a->held_topic = (a->held_topic == topic) ? -1 : topic;
        return true;
    }
    if (strcmp(id, "pile") == 0)
        return take_back(flow, q, a->held_topic);
    int column = survey_choice_index(sq->list, id);
    if (column < 0)
        return false;
    int which = a->held_topic >= 0 ? a->held_topic : a->current_topic;
    return place_topic(flow, q, which, column);
}

void flow_mat_finish(Flow *flow, int q)
{
    FlowAnswer *a = &flow->answers[q];
    const SurveyQuestion *sq = flow_question_at(flow, q);
    for (int t = 0; t < flow_n_topics(sq); t++)
        if (a->topic_place[t] == FLOW_UNPLACED)
            a->topic_place[t] = FLOW_NOT_REACHED;
    a->current_topic = -1;
    a->held_topic = -1;
}

void flow_mat_reopen(Flow *flow, int q)
{
    FlowAnswer *a = &flow->answers[q];
    const SurveyQuestion *sq = flow_question_at(flow, q);
    for (int t = 0; t < flow_n_topics(sq); t++)
        if (a->topic_place[t] == FLOW_NOT_REACHED)
            a->topic_place[t] = FLOW_UNPLACED;
    if (a->current_topic < 0)
        next_topic(flow, q);
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
    if (topic < 0 || (column < 0 && strcmp(target, "pile") != 0))
        return false;
    bool changed = column >= 0 ? place_topic(flow, q, topic, column) : take_back(flow, q, topic);
    flow->answers[q].held_topic = -1;
    flow->generation++;
    return changed;
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

int flow_topic_moved(const Flow *flow, int question, int topic)
{
    return flow->answers[question].topic_moved[topic];
}

int flow_held_topic(const Flow *flow, int question)
{
    return flow->answers[question].held_topic;
}

int flow_mat_left(const Flow *flow, int question)
{
    const SurveyQuestion *sq = flow_question_at(flow, question);
    int left = 0;
    for (int t = 0; t < flow_n_topics(sq); t++)
        left += flow->answers[question].topic_place[t] == FLOW_UNPLACED;
    return left;
}

int flow_topic_number(const Flow *flow, int question, int *count)
{
    const SurveyQuestion *sq = flow_question_at(flow, question);
    *count = flow_n_topics(sq);
    int left = flow_mat_left(flow, question);
    return *count - left + (flow->answers[question].current_topic >= 0 ? 1 : 0);
}
