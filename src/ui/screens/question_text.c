/* question_text.c: a typed answer: what has been typed so far, in a large
 * box, over an on-screen keyboard of big keys that speak their letters. */
#include "ui/screens/screen.h"

#include "ui/keyboard.h"

/* The typed words' size before the writing size grows them. */
static int typed_px(const UiBuild *b)
{
    return b->unit * 2 / 5;
}

int screen_typed_box_h(const UiBuild *b)
{
    UiBuild largest = *b;  /* the box keeps one height: a line of the largest writing */
    largest.metrics.text_pct = 150;
    int line = screen_line_h(&largest, draw_grown_px(&largest.metrics, typed_px(b)), false);
    return (line > b->unit ? line : b->unit) + b->gap * 3;
}

void screen_typed_box(UiBuild *b, UiRect box, const char *typed)
{
    ui_elements_add(b->els, UI_PANEL, NULL, box);
    UiElement *text = screen_body(b, layout_inset(box, b->gap), typed[0] ? typed : "_");
    if (text) {
        text->flags |= UI_ALIGN_LEFT;
        text->text_min_px = text->text_max_px = typed_px(b);
    }
}

void screen_keyboard(UiBuild *b, UiRect area)
{
    int first = b->els->n;
    KeyboardLanguage lang = {b->keyboards, b->language_code, b->words, b->metrics.rtl};
    keyboard_layout(b->els, area, b->unit, b->gap, &lang, b->keyboard);
    for (int i = first; i < b->els->n; i++)  /* the keys' words: one size, grown with the writing */
        b->els->items[i].text_min_px = b->els->items[i].text_max_px = b->unit * 3 / 10;
}

void screen_question_text(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int qi = flow_question(b->flow);
    screen_typed_box(b, layout_take_top(&area, screen_typed_box_h(b), b->gap * 2), flow_text(b->flow, qi));
    screen_keyboard(b, area);
    (void)q;
}
