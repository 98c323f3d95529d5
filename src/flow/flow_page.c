/* flow_page.c: which questions show together.
 *
 * A group with appearance field-list asks its questions on one screen. A
 * kiosk's screen holds a few questions of big pictures, not a phone's
 * scrolling list, so a field-list group is cut into pages: questions of
 * pictures (choose one or any, a scale), "OK"s and notes share a page,
 * up to FLOW_PAGE_MAX of them with FLOW_PAGE_MAX_TILES pictures between
 * them; a question that needs the whole screen (a keyboard, a number pad,
 * a date, a recording, a mat, a ladder, "Other" in one's own words) gets a
 * page of its own. Pages are cut again from the group's first question
 * every time, over the questions asked now, so skip logic inside a group
 * moves them and Back lands on the page before. Questions outside a
 * field-list group are pages of one. */
#include "flow/flow_internal.h"

#define FLOW_PAGE_MAX 3
#define FLOW_PAGE_MAX_TILES 8

/* The outermost field-list group holding `q`, or -1. */
static int field_list_group(const Flow *flow, int q)
{
    int found = -1;
    for (int g = flow_question_at(flow, q)->group; g >= 0; g = flow->survey->groups[g].parent)
        if (flow->survey->groups[g].field_list)
            found = g;
    return found;
}

/* Pictures it shows on a shared page; -1 when it needs a page of its own. */
static int shared_tiles(const Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    int tiles = 0;
    if (sq->type == QUESTION_NOTE || sq->type == QUESTION_ACKNOWLEDGE)
        return sq->type == QUESTION_ACKNOWLEDGE;
    bool pictures = sq->type == QUESTION_SELECT_ONE || sq->type == QUESTION_SELECT_MULTIPLE;
    if (!pictures || sq->or_other || sq->spoken_answer || sq->appearance == APPEARANCE_MAT ||
        sq->appearance == APPEARANCE_LADDER)
        return -1;
    for (int c = 0; c < flow_n_choices(sq); c++)
        tiles += flow_choice_shown(flow, q, c);
    return tiles;
}

static bool asked_now(const Flow *flow, int q)
{
    return survey_question_is_shown(flow_question_at(flow, q)) && flow->answers[q].relevant;
}

/* The end (one past the last) of the page that begins at `first`. */
static int page_end(const Flow *flow, int first, int group_end)
{
    int tiles = shared_tiles(flow, first), n = 1, q = first + 1;
    if (tiles < 0)
        return first + 1;
    for (; q < group_end && n < FLOW_PAGE_MAX; q++) {
        if (!asked_now(flow, q))
            continue;
        int more = shared_tiles(flow, q);
        if (more < 0 || tiles + more > FLOW_PAGE_MAX_TILES)
            break;
        tiles += more;
        n++;
    }
    return q;
}

void flow_page_bounds(const Flow *flow, int q, int *first, int *end)
{
    int g = field_list_group(flow, q);
    *first = q;
    *end = q + 1;
    if (g < 0)
        return;
    const SurveyGroup *group = &flow->survey->groups[g];
    for (int start = group->first; start < group->end;) {
        if (!asked_now(flow, start)) {
            start++;
            continue;
        }
        int stop = page_end(flow, start, group->end);
        if (q >= start && q < stop) {
            *first = start;
            *end = stop;
            return;
        }
        start = stop;
    }
}

void flow_page(const Flow *flow, int *first, int *end)
{
    flow_page_bounds(flow, flow->question, first, end);
}

int flow_page_count(const Flow *flow)
{
    int first, end, n = 0;
    flow_page(flow, &first, &end);
    for (int q = first; q < end; q++)
        n += asked_now(flow, q);
    return n;
}
