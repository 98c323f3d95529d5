/* question_text.c: a typed answer: what has been typed so far, in a large
 * box, over an on-screen keyboard of big keys that speak their letters. */
#include "ui/screens/screen.h"

#include "ui/keyboard.h"

void screen_typed_box(UiBuild *b, UiRect box, const char *typed)
{
    ui_elements_add(b->els, UI_PANEL, NULL, box);
    UiElement *text = screen_body(b, layout_inset(box, b->gap), typed[0] ? typed : "_");
    if (text) {
        text->flags |= UI_ALIGN_LEFT | UI_COMPACT;
        text->text_max_px = b->unit * 3 / 5;
    }
}

void screen_keyboard(UiBuild *b, UiRect area)
{
    KeyboardLanguage lang = {b->keyboards, b->language_code, b->words, b->metrics.rtl};
    keyboard_layout(b->els, area, b->unit, b->gap, &lang, b->keyboard);
}

void screen_question_text(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int qi = flow_question(b->flow);
    screen_typed_box(b, layout_take_top(&area, b->unit + b->gap, b->gap * 2), flow_text(b->flow, qi));
    screen_keyboard(b, area);
}
