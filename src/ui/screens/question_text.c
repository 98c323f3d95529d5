/* question_text.c: a typed answer: what has been typed so far, in a large
 * box, over an on-screen keyboard of big keys that speak their letters. */
#include "ui/screens/screen.h"

#include "ui/keyboard.h"

void screen_question_text(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int qi = flow_question(b->flow);
    const char *typed = flow_text(b->flow, qi);
    UiBuild largest = *b;  /* the box keeps one height: a line of the largest writing */
    largest.metrics.text_pct = 150;
    int px = b->unit * 2 / 5, line = screen_line_h(&largest, draw_grown_px(&largest.metrics, px), false);
    UiRect box = layout_take_top(&area, (line > b->unit ? line : b->unit) + b->gap * 3, b->gap * 2);
    ui_elements_add(b->els, UI_PANEL, NULL, box);
    UiElement *text = screen_body(b, layout_inset(box, b->gap), typed[0] ? typed : "_");
    if (text) {
        text->flags |= UI_ALIGN_LEFT;
        text->text_min_px = text->text_max_px = px;
    }
    int first = b->els->n;
    keyboard_layout(b->els, area, b->unit, b->gap, b->language_code, b->keyboard);
    for (int i = first; i < b->els->n; i++)  /* the keys' words: one size, grown with the writing */
        b->els->items[i].text_min_px = b->els->items[i].text_max_px = b->unit * 3 / 10;
    screen_set_prompt(b, "%s", screen_text(b, &q->label));
}
