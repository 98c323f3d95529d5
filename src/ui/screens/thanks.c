/* thanks.c: thank you, the answers are saved, and a "You said, we did"
 * item (the next one for each person; yousaid_card.c) so people see that
 * feedback changes things. Returns to the welcome screen by itself (the
 * flow's thanks_seconds) or with Done. The prompt says the thanks, then
 * the item.
 *
 * The words keep the sizes they fit at in the normal writing size, grown
 * by the person's; the picture keeps one size at every writing size: the
 * one that leaves the words room at the largest (screen_parts). */
#include "ui/screens/screen.h"
#include "ui/screens/yousaid_card.h"

/* The picture beside the words (landscape): its side, the same at every
 * writing size. */
static UiRect picture_beside(UiBuild *b, UiRect *area, int fixed_h)
{
    int side = area->w * 2 / 5 < fixed_h * 2 / 3 ? area->w * 2 / 5 : fixed_h * 2 / 3;  /* the words keep most of the width */
    UiRect picture = layout_take_left(area, side, b->gap * 4);
    return layout_square_in(picture, side);
}

/* The picture, the title and the body in `area`, whose words' column is
 * `fixed_h` high at the largest writing size; with `add` false only
 * whether they fit it. */
static bool thanks_words(UiBuild *b, UiRect area, int fixed_h, bool add)
{
    UiRect picture = b->portrait ? area : picture_beside(b, &area, fixed_h);
    UiRect column = layout_rect(area.x, area.y + area.h - fixed_h, area.w, fixed_h);
    ScreenPart parts[] = {
        {NULL, 40, 0, false, b->unit, 0, 0}, /* the picture, portrait */
        {screen_word(b, STR_THANKS_TITLE), 25, b->unit * 5 / 4, true, 0, 0, 0},
        {screen_word(b, STR_THANKS_BODY), 25, b->unit / 2, false, 0, 0, 0},
    };
    int first = b->portrait ? 0 : 1, n = 3 - first;
    if (!add)
        return screen_parts_fit(b, column, parts + first, n);
    screen_parts(b, column, parts + first, n);
    if (b->portrait)
        picture = screen_part_rect(b, &area, parts, n, 0);
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL,
                                     layout_square_in(picture, picture.w < picture.h ? picture.w : picture.h));
    if (sym)
        screen_builtin_symbol(b, "thanks", sym->symbol);
    UiElement *t = screen_heading(b, screen_part_rect(b, &area, parts + first, n, 1 - first), parts[1].text);
    if (t)
        t->text_min_px = t->text_max_px = parts[1].px;
    UiElement *body = screen_body(b, screen_part_rect(b, &area, parts + first, n, 2 - first), parts[2].text);
    if (body)
        body->text_min_px = body->text_max_px = parts[2].px;
    return true;
}

void screen_thanks(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN);
    char item_words[1024];
    UiBuild largest = *b;  /* Done keeps one height: the card and the picture keep theirs */
    largest.metrics.text_pct = 150;
    int done_h = b->unit * 3 / 2 > screen_button_h(&largest) ? b->unit * 3 / 2 : screen_button_h(&largest);
    UiRect done = layout_take_bottom(&area, done_h, b->gap * 2);
    int card_h = screen_yousaid_card_height(&largest, area, 34, 36);
    /* A short screen at a large writing size: the card on a part of its own. */
    bool apart = card_h > 0 && !thanks_words(b, area, area.h - card_h, false);
    if (apart) {
        screen_paging(b, 2, 1);
        screen_pager(b, layout_take_bottom(&area, screen_pager_height(b), b->gap * 2));
    }
    int fixed_h = apart ? area.h : area.h - card_h;
    if (!apart || b->page == 1)
        screen_yousaid_card(b, &area, 34, 36, item_words, sizeof item_words);
    else
        screen_yousaid_words(b, item_words, sizeof item_words);
    if (!apart || b->page == 0)
        thanks_words(b, area, fixed_h, true);
    screen_button(b, "next", layout_center_box(done, done.w / 2 > b->unit * 3 ? done.w / 2 : done.w, done.h),
                  "yes", screen_word(b, STR_THANKS_DONE), UI_PRIMARY);
    screen_set_prompt(b, "%s. %s%s", screen_word(b, STR_THANKS_TITLE), screen_word(b, STR_THANKS_BODY), item_words);
}
