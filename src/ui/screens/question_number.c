/* question_number.c: a number (integer, decimal) or a phone number: what
 * has been typed, in a large box, beside a big number pad whose keys say
 * themselves. */
#include "ui/screens/screen.h"

#include "ui/numpad.h"

static NumpadKind numpad_kind(const SurveyQuestion *q)
{
    return q->type == QUESTION_DECIMAL ? NUMPAD_DECIMAL : q->type == QUESTION_PHONE ? NUMPAD_PHONE : NUMPAD_INTEGER;
}

void screen_question_number(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    const char *typed = flow_text(b->flow, flow_question(b->flow));
    UiBuild largest = *b;  /* the box keeps one height: a line of the largest writing */
    largest.metrics.text_pct = 150;
    int box_h = screen_line_h(&largest, draw_grown_px(&largest.metrics, b->unit * 3 / 4), true) + b->gap * 2;
    box_h = box_h > b->unit * 3 / 2 ? box_h : b->unit * 3 / 2;
    UiRect side = b->portrait ? layout_take_top(&area, box_h, b->gap * 2)
                              : layout_take_left(&area, area.w * 2 / 5, b->gap * 4);
    UiRect box = layout_center_box(side, side.w, box_h < side.h ? box_h : side.h);
    ui_elements_add(b->els, UI_PANEL, NULL, box);
    screen_heading(b, layout_inset(box, b->gap), typed[0] ? typed : "_");
    NumpadWords words = {screen_word(b, STR_MINUS), screen_word(b, STR_POINT), screen_word(b, STR_DELETE)};
    numpad_layout(b->els, area, b->unit, b->gap, numpad_kind(q), &words);
}
