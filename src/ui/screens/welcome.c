/* welcome.c: the first screen: a picture, a short invitation and one big
 * Start button, and below them the attract loop's "You said, we did" card
 * (yousaid_card.c), whose item the flow changes while nobody touches the
 * screen. The prompt says the invitation, then the item.
 *
 * The words keep the sizes they fit at in the normal writing size, grown
 * by the person's; the picture and Start keep one size at every writing
 * size: the one that leaves the words room at the largest. */
#include "ui/screens/screen.h"
#include "ui/screens/yousaid_card.h"

/* The invitation's words: their sizes at the normal writing size, and
 * what they need at `b`'s. */
typedef struct {
    int title_px, place_px, body_px;
    int title_h, place_h, body_h;
} WelcomeWords;

static WelcomeWords welcome_words(const UiBuild *b, int w, int normal_h)
{
    WelcomeWords ww;
    ww.title_h = screen_grown_text(b, screen_word(b, STR_WELCOME_TITLE), w, normal_h * 22 / 100, b->unit * 5 / 4,
                                   true, &ww.title_px);
    ww.place_h = screen_grown_text(b, flow_settings(b->flow)->name, w, normal_h * 14 / 100, b->unit / 2, false,
                                   &ww.place_px);
    ww.body_h = screen_grown_text(b, screen_word(b, STR_WELCOME_BODY), w, normal_h * 24 / 100, b->unit / 2, false,
                                  &ww.body_px);
    return ww;
}

static int words_need(const UiBuild *b, const WelcomeWords *ww)
{
    return ww->title_h + ww->place_h + ww->body_h + 3 * b->gap;
}

/* The picture's height (portrait) or width (landscape), the same at every
 * writing size: as large as leaves the words room at the largest, where
 * the invitation has `fixed_h` of height. */
static int picture_size(const UiBuild *b, UiRect area, int fixed_h, int start_h)
{
    if (!b->portrait)
        return area.w * 45 / 100;
    UiBuild largest = *b;
    largest.metrics.text_pct = 150;
    WelcomeWords ww = welcome_words(&largest, area.w, fixed_h * 55 / 100 - start_h);
    int h = fixed_h - words_need(&largest, &ww) - start_h - b->gap * 4;
    return h < fixed_h * 45 / 100 ? h : fixed_h * 45 / 100;
}

/* The picture, the invitation and Start, in `area`; `fixed_h` is its
 * height at the largest writing size (the card then takes the most). */
static void invitation(UiBuild *b, UiRect area, int fixed_h)
{
    int start_h = screen_button_h(b) * 2 > b->unit * 2 ? screen_button_h(b) * 2 : b->unit * 2;
    int size = picture_size(b, area, fixed_h, start_h);
    UiRect picture = b->portrait ? layout_take_top(&area, size, b->gap * 2) : layout_take_left(&area, size, b->gap * 4);
    int side = picture.w < picture.h ? picture.w : picture.h;
    side = side < fixed_h ? side : fixed_h;
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL, layout_square_in(picture, side));
    if (sym)
        screen_builtin_symbol(b, "welcome", sym->symbol);
    UiRect words = area;  /* the words' sizes from their column at the largest writing size */
    WelcomeWords ww = welcome_words(b, words.w, (b->portrait ? fixed_h - size - b->gap * 2 : fixed_h) - start_h);
    UiElement *t = screen_heading(b, layout_take_top(&words, ww.title_h, b->gap), screen_word(b, STR_WELCOME_TITLE));
    if (t)
        t->text_min_px = t->text_max_px = ww.title_px;
    UiElement *p = screen_body(b, layout_take_top(&words, ww.place_h, b->gap), flow_settings(b->flow)->name);
    if (p) {
        p->flags |= UI_MUTED;
        p->text_min_px = p->text_max_px = ww.place_px;
    }
    UiRect start = layout_take_bottom(&words, start_h, b->gap * 2);
    UiElement *body = screen_body(b, words, screen_word(b, STR_WELCOME_BODY));
    if (body)
        body->text_min_px = body->text_max_px = ww.body_px;
    int start_w = start.w * 3 / 4 > b->unit * 4 ? start.w * 3 / 4 : start.w;
    UiElement *go = screen_button(b, "start", layout_center_box(start, start_w, start.h), "start",
                                  screen_word(b, STR_START), UI_PRIMARY);
    if (go)
        go->text_min_px = go->text_max_px = b->unit * 2 / 3;
}

void screen_welcome(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN);
    char item_words[1024];
    UiBuild largest = *b;
    largest.metrics.text_pct = 150;
    int fixed_h = area.h - screen_yousaid_card_height(&largest, area, 28, 30);
    screen_yousaid_card(b, &area, 28, 30, item_words, sizeof item_words);
    invitation(b, area, fixed_h);
    screen_set_prompt(b, "%s%s", screen_word(b, STR_WELCOME_PROMPT), item_words);
}
