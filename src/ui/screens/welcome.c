/* welcome.c: the first screen: a picture, a short invitation and one big
 * Start button, and below them the attract loop's "You said, we did" card
 * (yousaid_card.c), whose item the flow changes while nobody touches the
 * screen. The prompt says the invitation, then the item. While the kiosk
 * is not taking answers (a full disk) it says so in plain words, in the
 * kiosk's language, with no Start and nothing about files or disks: that
 * is for staff (the staff menu and the log). */
#include "ui/screens/screen.h"
#include "ui/screens/yousaid_card.h"

/* The picture, the invitation and Start, in `area`; while the kiosk is
 * not taking answers (a full disk), plain words saying so instead, and no
 * Start. */
static void invitation(UiBuild *b, UiRect area, bool taking)
{
    UiRect picture, words;
    if (b->portrait) {
        picture = layout_take_top(&area, area.h * 45 / 100, b->gap * 2);
        words = area;
    } else {
        picture = layout_take_left(&area, area.w * 45 / 100, b->gap * 4);
        words = area;
    }
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL,
                                     layout_square_in(picture, picture.w < picture.h ? picture.w : picture.h));
    if (sym)
        screen_builtin_symbol(b, "welcome", sym->symbol);

    UiRect title = layout_take_top(&words, words.h * 22 / 100, b->gap);
    UiElement *t = screen_heading(b, title, screen_word(b, taking ? STR_WELCOME_TITLE : STR_PAUSED_TITLE));
    if (t)
        t->text_max_px = b->unit * 5 / 4;
    UiRect place = layout_take_top(&words, words.h * 14 / 100, b->gap);
    UiElement *p = screen_body(b, place, flow_settings(b->flow)->name);
    if (p)
        p->flags |= UI_MUTED;
    if (!taking) {
        screen_body(b, words, screen_word(b, STR_PAUSED_BODY));
        return;
    }
    UiRect start = layout_take_bottom(&words, words.h * 40 / 100, b->gap * 2);
    screen_body(b, words, screen_word(b, STR_WELCOME_BODY));
    int start_w = start.w * 3 / 4 > b->unit * 4 ? start.w * 3 / 4 : start.w;
    UiElement *go = screen_button(b, "start", layout_center_box(start, start_w, start.h), "start",
                                  screen_word(b, STR_START), UI_PRIMARY);
    if (go)
        go->text_max_px = b->unit;
}

void screen_welcome(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN);
    char item_words[1024];
    screen_yousaid_card(b, &area, 28, 30, item_words, sizeof item_words);
    bool taking = flow_taking_answers(b->flow);
    invitation(b, area, taking);
    if (taking)
        screen_set_prompt(b, "%s%s", screen_word(b, STR_WELCOME_PROMPT), item_words);
    else
        screen_set_prompt(b, "%s %s", screen_word(b, STR_PAUSED_TITLE), screen_word(b, STR_PAUSED_BODY));
}
