/* question.c: a question screen: the common frame, the question's heading,
 * and its answers laid out by kind (grid, ladder, scale or mat). */
#include "ui/screens/screen.h"

#include "ui/keyboard.h"

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

/* Why Next (or skip) did not move on, in the form's words when it has
 * them (required_message, constraint_message), else the kiosk's. */
void screen_notice_text(UiBuild *b, const SurveyQuestion *q, FlowNotice notice)
{
    const SurveyText *own = notice == FLOW_NOTICE_REQUIRED     ? &q->required_message
                            : notice == FLOW_NOTICE_CONSTRAINT ? &q->constraint_message
                                                               : NULL;
    UiString word = notice == FLOW_NOTICE_REQUIRED     ? STR_NOTICE_REQUIRED
                    : notice == FLOW_NOTICE_CONSTRAINT ? STR_NOTICE_CONSTRAINT
                                                       : STR_NOTICE_NOT_NUMBER;
    b->notice[0] = '\0';
    if (own && screen_text(b, own)[0])
        screen_fill(b, own, b->notice, UI_TEXT_SIZE);
    if (!b->notice[0])
        snprintf(b->notice, UI_TEXT_SIZE, "%s", screen_word(b, word));
}

/* The notice's words' size at the normal writing size: what fits a line
 * two thirds of a target high across `w`. */
static int notice_px(const UiBuild *b, int w)
{
    int inset = b->unit / 10;  /* draw_parts: the words off the band's edge */
    return screen_normal_px(b, b->notice, layout_rect(0, 0, w - 2 * inset, b->unit * 2 / 3 - 2 * inset), b->unit / 2,
                            b->unit / 4, false);
}

int screen_notice_h(const UiBuild *b, int w)
{
    int inset = b->unit / 10, px = draw_grown_px(&b->metrics, notice_px(b, w));
    int h = screen_words_height(b, b->notice, w - 2 * inset, px, false) + 2 * inset;
    return h > b->unit * 2 / 3 ? h : b->unit * 2 / 3;
}

void screen_notice_line(UiBuild *b, UiRect r)
{
    UiElement *el = screen_body(b, r, b->notice);
    if (el) {
        el->flags |= UI_ALIGN_LEFT | UI_WARNING;
        el->text_min_px = el->text_max_px = notice_px(b, r.w);
    }
}

/* The notice under the heading, in the warning colour. */
static void question_notice(UiBuild *b, const SurveyQuestion *q, UiRect *area)
{
    FlowNotice notice = flow_notice(b->flow);
    if (notice == FLOW_NOTICE_NONE)
        return;
    screen_notice_text(b, q, notice);
    screen_notice_line(b, layout_take_top(area, screen_notice_h(b, area->w), b->gap * 2));
}

/* What Listen says: the notice first, then the question and its hint. */
static void question_prompt(UiBuild *b, const SurveyQuestion *q)
{
    char label[UI_TEXT_SIZE], hint[UI_TEXT_SIZE];
    screen_fill(b, &q->label, label, sizeof label);
    screen_fill(b, &q->hint, hint, sizeof hint);
    screen_set_prompt(b, "%s%s%s%s%s", b->notice, b->notice[0] ? " " : "", label, hint[0] ? " " : "", hint);
}

/* acknowledge: one big "OK" to touch (again to take it back). */
static void question_acknowledge(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int side = area.w < area.h ? area.w : area.h;
    side = side < b->unit * 4 ? side : b->unit * 4;
    UiElement *el = ui_elements_add(b->els, UI_TILE, q->name, layout_center_box(area, side, side));
    if (!el)
        return;
    el->text_max_px = b->unit / 2;
    el->text_min_px = b->unit / 4;
    if (flow_is_chosen(b->flow, flow_question(b->flow), 0))
        el->flags |= UI_CHOSEN;
    screen_builtin_symbol(b, "yes", el->symbol);
    ui_element_set_text(el, screen_word(b, STR_OK));
}

void screen_question(UiBuild *b)
{
    if (flow_page_count(b->flow) > 1) {
        screen_question_page(b);
        return;
    }
    int qi = flow_question(b->flow);
    const SurveyQuestion *q = &b->survey->questions[qi];
    UiRect area = screen_frame(b, question_controls(b, q, qi));
    bool other = q->or_other && b->keyboard && b->keyboard->other;
    if (q->type == QUESTION_TEXT || other)  /* the keys keep their size: the question's words make room */
        b->answers_least_h = screen_typing_least_h(b, area.w) + (other && b->portrait ? b->unit + b->gap * 2 : 0);
    screen_question_heading(b, q, &area);
    question_notice(b, q, &area);
    question_prompt(b, q);
    screen_recorded_prompt(b, &q->audio, b->prompt_audio);
    switch (q->type) {
    case QUESTION_AUDIO: screen_question_audio(b, q, area); return;
    case QUESTION_TEXT: screen_question_text(b, q, area); return;
    case QUESTION_INTEGER:
    case QUESTION_DECIMAL:
    case QUESTION_PHONE: screen_question_number(b, q, area); return;
    case QUESTION_DATE: screen_question_date(b, q, area); return;
    case QUESTION_ACKNOWLEDGE: question_acknowledge(b, q, area); return;
    default: break;
    }
    if ((q->spoken_answer || q->or_other) && b->recording && b->recording->panel_open) {
        screen_question_audio(b, q, area);  /* own words, instead of the pictures */
        return;
    }
    if (q->or_other && b->keyboard && b->keyboard->other) {
        screen_question_other(b, q, area);  /* "Other", typed */
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
