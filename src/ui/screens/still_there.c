/* still_there.c: "Are you still there?" with a large Yes, shown after the
 * idle time; covers the screen so nothing of the answers shows behind it.
 * A countdown says how long before the kiosk starts again (the flow moves
 * it each second; the app says it again at ten seconds). */
#include "ui/screens/screen.h"

#include <stdio.h>

void screen_still_there(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN);
    UiRect picture = layout_take_top(&area, area.h * 24 / 100, b->gap * 2);
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL, layout_square_in(picture, picture.h));
    if (sym)
        screen_builtin_symbol(b, "still_there", sym->symbol);
    screen_heading(b, layout_take_top(&area, area.h * 20 / 100, b->gap * 2),
                   screen_word(b, STR_STILL_THERE_TITLE));
    char countdown[UI_TEXT_SIZE];
    snprintf(countdown, sizeof countdown, screen_word(b, STR_STILL_THERE_COUNTDOWN), flow_seconds_left(b->flow));
    screen_body(b, layout_take_top(&area, area.h * 16 / 100, b->gap * 2), countdown);
    UiRect no = layout_take_bottom(&area, b->unit + b->gap, b->gap * 2);
    UiElement *yes = screen_button(b, "yes", layout_center_box(area, area.w * 3 / 4, area.h), "yes",
                                   screen_word(b, STR_STILL_THERE_YES), UI_PRIMARY);
    if (yes)
        yes->text_max_px = b->unit;
    screen_button(b, "no", layout_center_box(no, no.w / 2 > b->unit * 4 ? no.w / 2 : no.w, no.h), "no",
                  screen_word(b, STR_STILL_THERE_NO), 0);
    screen_set_prompt(b, "%s %s", screen_word(b, STR_STILL_THERE_PROMPT), countdown);
}
