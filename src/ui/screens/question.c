/* question.c: a question screen: the common frame, the question's heading,
 * and its answers laid out by kind (grid, ladder, scale or mat). */
#include "ui/screens/screen.h"

static unsigned question_controls(const UiBuild *b, const SurveyQuestion *q, int qi)
{
    unsigned controls = FRAME_LISTEN | FRAME_STOP | FRAME_BACK | FRAME_NEXT | FRAME_PROGRESS;
    if (q->type == QUESTION_NOTE)
        return controls;
    if (q->appearance == APPEARANCE_MAT && flow_current_topic(b->flow, qi) >= 0)
        return controls | FRAME_SKIP_TOPIC;
    if (q->spoken_answer && b->recording && b->recording->panel_open)
        return controls;  /* "I don't want to answer" would throw the chosen pictures away */
    return controls | FRAME_SKIP;
}

void screen_question(UiBuild *b)
{
    int qi = flow_question(b->flow);
    const SurveyQuestion *q = &b->survey->questions[qi];
    UiRect area = screen_frame(b, question_controls(b, q, qi));
    screen_question_heading(b, q, &area);
    const char *hint = screen_text(b, &q->hint);
    screen_set_prompt(b, "%s%s%s", screen_text(b, &q->label), hint[0] ? " " : "", hint);
    screen_recorded_prompt(b, &q->audio, b->prompt_audio);
    if (q->type == QUESTION_AUDIO) {
        screen_question_audio(b, q, area);
        return;
    }
    if (q->type == QUESTION_TEXT) {
        screen_question_text(b, q, area);
        return;
    }
    if (q->spoken_answer && b->recording && b->recording->panel_open) {
        screen_question_audio(b, q, area);  /* own words, instead of the pictures */
        return;
    }
    if (q->type == QUESTION_NOTE || !q->list)
        return;
    switch (q->appearance) {
    case APPEARANCE_LADDER: screen_question_ladder(b, q, area); break;
    case APPEARANCE_SCALE: screen_question_scale(b, q, area); break;
    case APPEARANCE_MAT: screen_question_mat(b, q, area); break;
    case APPEARANCE_GRID: screen_choice_tiles(b, q, area); break;
    }
}
