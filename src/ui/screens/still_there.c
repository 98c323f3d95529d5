/* still_there.c: "Are you still there?" with a large Yes, shown after the
 * idle time; covers the screen so nothing of the answers shows behind it.
 * A countdown says how long before the kiosk starts again (the flow moves
 * it each second; the app says it again at ten seconds). */
#include "ui/screens/screen.h"

#include <stdio.h>

void screen_still_there(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN);
    char countdown[UI_TEXT_SIZE];
    snprintf(countdown, sizeof countdown, screen_word(b, STR_STILL_THERE_COUNTDOWN), flow_seconds_left(b->flow));
    ScreenPart parts[] = {
        {NULL, 24, 0, false, b->unit, 0, 0},                                   /* the picture */
        {screen_word(b, STR_STILL_THERE_TITLE), 20, b->unit, true, 0, 0, 0},
        {countdown, 12, b->unit / 2, false, 0, 0, 0},
        {NULL, 34, 0, false, SCREEN_PART_BUTTON, 0, 0},                         /* yes */
        {NULL, 10, 0, false, SCREEN_PART_BUTTON, 0, 0},                         /* no */
    };
    enum { N = sizeof parts / sizeof parts[0] };
    screen_parts(b, area, parts, N);
    UiRect picture = screen_part_rect(b, &area, parts, N, 0);
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL, layout_square_in(picture, picture.h));
    if (sym)
        screen_builtin_symbol(b, "still_there", sym->symbol);
    UiElement *title = screen_heading(b, screen_part_rect(b, &area, parts, N, 1), parts[1].text);
    if (title)
        title->text_min_px = title->text_max_px = parts[1].px;
    UiElement *count = screen_body(b, screen_part_rect(b, &area, parts, N, 2), countdown);
    if (count)
        count->text_min_px = count->text_max_px = parts[2].px;
    UiRect yes = screen_part_rect(b, &area, parts, N, 3), no = screen_part_rect(b, &area, parts, N, 4);
    UiElement *y = screen_button(b, "yes", layout_center_box(yes, yes.w * 3 / 4, yes.h), "yes",
                                 screen_word(b, STR_STILL_THERE_YES), UI_PRIMARY);
    if (y)  /* the size its words keep at every writing size */
        y->text_min_px = y->text_max_px = screen_lasting_px(b, y->text, draw_parts(y, y->rect, &b->metrics).text,
                                                            b->unit / 2, true);
    UiElement *n = screen_button(b, "no", layout_center_box(no, no.w / 2 > b->unit * 4 ? no.w / 2 : no.w, no.h), "no",
                                 screen_word(b, STR_STILL_THERE_NO), 0);
    if (n)
        n->text_min_px = n->text_max_px = screen_lasting_px(b, n->text, draw_parts(n, n->rect, &b->metrics).text,
                                                            b->unit * 3 / 10, true);
    screen_set_prompt(b, "%s %s", screen_word(b, STR_STILL_THERE_PROMPT), countdown);
}
