/* thanks.c: thank you, the answers are saved, and a "You said, we did"
 * item (the next one for each person; yousaid_card.c) so people see that
 * feedback changes things. Returns to the welcome screen by itself (the
 * flow's thanks_seconds) or with Done. The prompt says the thanks, then
 * the item. */
#include "ui/screens/screen.h"
#include "ui/screens/yousaid_card.h"

void screen_thanks(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN);
    char item_words[1024];
    UiRect done = layout_take_bottom(&area, b->unit * 3 / 2, b->gap * 2);
    bool card = screen_yousaid_card(b, &area, 34, 36, item_words, sizeof item_words);
    UiRect picture = b->portrait ? layout_take_top(&area, area.h / 2, b->gap * 2)
                                 : layout_take_left(&area, area.w * 2 / 5, b->gap * 4);
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL,
                                     layout_square_in(picture, picture.w < picture.h ? picture.w : picture.h));
    if (sym)
        screen_builtin_symbol(b, "thanks", sym->symbol);
    UiRect words = layout_center_box(area, area.w, card ? area.h : area.h * 7 / 10);  /* the card left less */
    UiElement *t = screen_heading(b, layout_take_top(&words, words.h / 2, b->gap), screen_word(b, STR_THANKS_TITLE));
    if (t)
        t->text_max_px = b->unit * 5 / 4;
    screen_body(b, words, screen_word(b, STR_THANKS_BODY));
    screen_button(b, "next", layout_center_box(done, done.w / 2 > b->unit * 3 ? done.w / 2 : done.w, done.h),
                  "yes", screen_word(b, STR_THANKS_DONE), UI_PRIMARY);
    screen_set_prompt(b, "%s. %s%s", screen_word(b, STR_THANKS_TITLE), screen_word(b, STR_THANKS_BODY),
                      item_words);
}
