/* question_other.c: or_other's "Other" in the person's own words: what
 * has been typed over the on-screen keyboard, with "Say it" (recorded
 * instead, when there is a microphone) and "Back to the pictures". */
#include "ui/screens/screen.h"

void screen_question_other(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    const char *typed = flow_other_text(b->flow, flow_question(b->flow));
    bool microphone = !b->recording || b->recording->microphone;
    UiRect top = layout_take_top(&area, screen_typed_box_h(b), b->gap * 2);
    UiRect buttons = b->portrait ? layout_take_top(&area, b->unit, b->gap * 2)
                                 : layout_take_right(&top, top.w * 2 / 5, b->gap * 2);
    UiRect cells[2];
    layout_row(buttons, microphone ? 2 : 1, b->gap * 2, cells);
    int first = b->els->n;
    screen_button(b, "pictures", cells[0], "back", screen_word(b, STR_BACK_TO_PICTURES), 0);
    if (microphone)
        screen_button(b, "say_it", cells[1], "record", screen_word(b, STR_SAY_IT), 0);
    screen_even_text(b, first, UI_BUTTON);
    screen_typed_box(b, top, typed);
    screen_keyboard(b, area);
    (void)q;
}
