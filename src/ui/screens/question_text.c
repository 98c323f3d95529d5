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
    /* A line at the person's reading size: the keyboard under it keeps what
     * room there is (a tall script's line at a larger size would take its keys') */
    int line = screen_line_h(b, draw_reading_px(&b->metrics), false) + b->gap * 2;
    return line > b->unit + b->gap ? line : b->unit + b->gap;
}

void screen_typed_box(UiBuild *b, UiRect box, const char *typed)
{
    ui_elements_add(b->els, UI_PANEL, NULL, box);
    UiElement *text = screen_body(b, layout_inset(box, b->gap), typed[0] ? typed : "_");
    if (text) {
        text->flags |= UI_ALIGN_LEFT;
        text->text_max_px = typed_px(b);  /* as large as fits the line */
    }
}

/* The person's keyboard: their language's letters and words. */
static KeyboardLanguage typing_language(const UiBuild *b)
{
    return (KeyboardLanguage){b->keyboards, b->language_code, b->words, b->metrics.rtl};
}

int screen_typing_least_h(const UiBuild *b, int width)
{
    UiBuild largest = *b;  /* one height at every writing size: the question's words keep one size */
    largest.metrics.text_pct = 150;
    KeyboardLanguage lang = typing_language(b);
    return screen_typed_box_h(&largest) + b->gap * 2 + keyboard_least_height(width, b->unit, b->gap, &lang);
}

void screen_keyboard(UiBuild *b, UiRect area)
{
    int first = b->els->n;
    KeyboardLanguage lang = typing_language(b);
    keyboard_layout(b->els, area, b->unit, b->gap, &lang, b->keyboard);
    for (int i = first; i < b->els->n; i++)  /* as large as they fit, grown with the writing: */
        b->els->items[i].text_max_px = keyboard_letter_key(&b->els->items[i]) ? b->unit * 2 / 5 : b->unit * 3 / 10;
    screen_even_text_of(b, first, UI_BUTTON, keyboard_letter_key);  /* the letters at one size */
}

void screen_question_text(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int qi = flow_question(b->flow);
    screen_typed_box(b, layout_take_top(&area, screen_typed_box_h(b), b->gap * 2), flow_text(b->flow, qi));
    screen_keyboard(b, area);
    (void)q;
}
