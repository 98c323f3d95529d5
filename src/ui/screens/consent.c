/* consent.c: consent in pictures: answers are anonymous, you can stop at any
 * time, and "Do you want to start?" with a big Yes and No. */
#include "ui/screens/screen.h"

static void consent_point(UiBuild *b, UiRect r, const char *symbol, UiString text)
{
    ui_elements_add(b->els, UI_PANEL, NULL, r);
    UiRect inner = layout_inset(r, b->gap);
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL, layout_take_left(&inner, inner.h, b->gap * 2));
    if (sym)
        screen_builtin_symbol(b, symbol, sym->symbol);
    UiElement *t = screen_body(b, inner, screen_word(b, text));
    if (t) {
        t->flags |= UI_ALIGN_LEFT;
        t->text_max_px = b->unit * 2 / 3;
    }
}

void screen_consent(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN | FRAME_BACK);
    screen_heading(b, layout_take_top(&area, b->unit, b->gap * 2), screen_word(b, STR_CONSENT_TITLE));
    UiRect points = layout_take_top(&area, area.h * 55 / 100, b->gap * 2);
    UiRect rows[2];
    layout_column(points, 2, b->gap * 2, rows);
    consent_point(b, rows[0], "anonymous", STR_CONSENT_ANONYMOUS);
    consent_point(b, rows[1], "stop_any_time", STR_CONSENT_STOP);

    UiRect question = layout_take_top(&area, area.h * 30 / 100, b->gap);
    screen_heading(b, question, screen_word(b, STR_CONSENT_QUESTION));
    UiRect answers[2];
    layout_row(layout_center_box(area, area.w * 4 / 5, area.h), 2, b->gap * 4, answers);
    UiElement *yes = screen_button(b, "yes", answers[0], "yes", screen_word(b, STR_YES_START), UI_PRIMARY);
    if (yes)
        yes->text_max_px = b->unit * 3 / 4;
    UiElement *no = screen_button(b, "no", answers[1], "no", screen_word(b, STR_NO_START), 0);
    if (no)
        no->text_max_px = b->unit * 3 / 4;
    screen_set_prompt(b, "%s %s %s", screen_word(b, STR_CONSENT_ANONYMOUS), screen_word(b, STR_CONSENT_STOP),
                      screen_word(b, STR_CONSENT_QUESTION));
}
