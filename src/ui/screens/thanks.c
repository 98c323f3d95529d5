/* thanks.c: thank you, the answers are saved, and a "You said, we did"
 * item (the next one for each person; yousaid_card.c) so people see that
 * feedback changes things. Returns to the welcome screen by itself (the
 * flow's thanks_seconds) or with Done. The prompt says the thanks, then
 * the item.
 *
 * The words keep the sizes they fit at in the normal writing size, grown
 * by the person's; the picture keeps one size at every writing size: the
 * one that leaves the words room at the largest. */
#include "ui/screens/screen.h"
#include "ui/screens/yousaid_card.h"

/* The title's and the body's sizes (in a words column `w` wide that is
 * `h` high at the largest writing size), and their heights at `b`'s. */
typedef struct {
    int title_px, body_px, title_h, body_h;
} ThanksWords;

static ThanksWords thanks_words(const UiBuild *b, int w, int h)
{
    ThanksWords tw;
    const char *title = screen_word(b, STR_THANKS_TITLE), *body = screen_word(b, STR_THANKS_BODY);
    tw.title_px = screen_normal_px(b, title, layout_rect(0, 0, w, h / 2), b->unit * 5 / 4, b->unit / 4, true);
    tw.body_px = screen_normal_px(b, body, layout_rect(0, 0, w, h / 2), b->unit / 2, b->unit / 4, false);
    tw.title_h = screen_words_height(b, title, w, draw_grown_px(&b->metrics, tw.title_px), true);
    tw.body_h = screen_words_height(b, body, w, draw_grown_px(&b->metrics, tw.body_px), false);
    return tw;
}

/* The picture's height (portrait) or width (landscape), the same at every
 * writing size, in the area `fixed_h` high at the largest. */
static int picture_size(const UiBuild *b, UiRect area, int fixed_h)
{
    if (!b->portrait)
        return area.w * 2 / 5;
    UiBuild largest = *b;
    largest.metrics.text_pct = 150;
    ThanksWords tw = thanks_words(&largest, area.w, fixed_h / 2);
    int h = fixed_h - tw.title_h - tw.body_h - b->gap * 4;
    return h < fixed_h / 2 ? h : fixed_h / 2;
}

void screen_thanks(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN);
    char item_words[1024];
    UiRect done = layout_take_bottom(&area, b->unit * 3 / 2 > screen_button_h(b) ? b->unit * 3 / 2 : screen_button_h(b),
                                     b->gap * 2);
    UiBuild largest = *b;
    largest.metrics.text_pct = 150;
    int fixed_h = area.h - screen_yousaid_card_height(&largest, area, 34, 36);
    screen_yousaid_card(b, &area, 34, 36, item_words, sizeof item_words);
    int size = picture_size(b, area, fixed_h);
    UiRect picture = b->portrait ? layout_take_top(&area, size, b->gap * 2) : layout_take_left(&area, size, b->gap * 4);
    int side = picture.w < picture.h ? picture.w : picture.h;
    side = side < fixed_h ? side : fixed_h;
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL, layout_square_in(picture, side));
    if (sym)
        screen_builtin_symbol(b, "thanks", sym->symbol);
    ThanksWords tw = thanks_words(b, area.w, b->portrait ? fixed_h - size - b->gap * 2 : fixed_h);
    UiRect words = layout_center_box(area, area.w, tw.title_h + tw.body_h + b->gap);
    UiElement *t = screen_heading(b, layout_take_top(&words, tw.title_h, b->gap), screen_word(b, STR_THANKS_TITLE));
    if (t)
        t->text_min_px = t->text_max_px = tw.title_px;
    UiElement *body = screen_body(b, words, screen_word(b, STR_THANKS_BODY));
    if (body)
        body->text_min_px = body->text_max_px = tw.body_px;
    screen_button(b, "next", layout_center_box(done, done.w / 2 > b->unit * 3 ? done.w / 2 : done.w, done.h),
                  "yes", screen_word(b, STR_THANKS_DONE), UI_PRIMARY);
    screen_set_prompt(b, "%s. %s%s", screen_word(b, STR_THANKS_TITLE), screen_word(b, STR_THANKS_BODY),
                      item_words);
}
