/* welcome.c: the first screen: a picture, a short invitation and one big
 * Start button, and below them the attract loop's "You said, we did" card
 * (yousaid_card.c), whose item the flow changes while nobody touches the
 * screen. The prompt says the invitation, then the item. While the kiosk
 * is not taking answers (a full disk) it says so in plain words, in the
 * kiosk's language, with no Start and nothing about files or disks: that
 * is for staff (the staff menu and the log).
 *
 * The words keep the sizes they fit at in the normal writing size, grown
 * by the person's; the picture and Start keep one size at every writing
 * size: the one that leaves the words room at the largest (screen_parts). */
#include "ui/screens/screen.h"
#include "ui/screens/yousaid_card.h"

/* The picture beside the words (landscape): its side, the same at every
 * writing size, leaving the words most of the width. */
static UiRect picture_beside(UiBuild *b, UiRect *area, int fixed_h)
{
    int side = area->w * 45 / 100 < fixed_h * 3 / 4 ? area->w * 45 / 100 : fixed_h * 3 / 4;
    UiRect picture = layout_take_left(area, side, b->gap * 4);
    return layout_square_in(picture, side);
}

/* The picture, the invitation and Start, in `area`; `fixed_h` is its
 * height at the largest writing size (the card then takes the most). The
 * words keep the sizes they fit at in the normal writing size, grown; the
 * picture and Start one size (screen_parts). While the kiosk is not
 * taking answers (a full disk), plain words saying so instead, and no Start. */
/* Start's height: one at every writing size, the largest's. */
static int start_height(const UiBuild *b)
{
    UiBuild largest = *b;
    largest.metrics.text_pct = 150;
    return screen_button_h(&largest) > b->unit * 3 / 2 ? screen_button_h(&largest) : b->unit * 3 / 2;
}

static void invitation(UiBuild *b, UiRect area, int fixed_h, bool taking)
{
    int start_h = start_height(b);
    UiRect picture = b->portrait ? area : picture_beside(b, &area, fixed_h);
    UiRect column = layout_rect(area.x, area.y + area.h - fixed_h, area.w, fixed_h);
    ScreenPart parts[] = {
        {NULL, 40, 0, false, b->unit, 0, 0}, /* the picture, portrait */
        {screen_word(b, taking ? STR_WELCOME_TITLE : STR_PAUSED_TITLE), 22, b->unit * 5 / 4, true, 0, 0, 0},
        {flow_settings(b->flow)->name, 12, b->unit / 2, false, 0, 0, 0},
        {screen_word(b, taking ? STR_WELCOME_BODY : STR_PAUSED_BODY), 22, b->unit / 2, false, 0, 0, 0},
        {NULL, 30, 0, false, start_h, 0, 0}, /* Start */
    };
    int first = b->portrait ? 0 : 1, n = 5 - first;
    ScreenPart *ps = parts + first;
    screen_parts(b, column, ps, n);
    if (b->portrait)
        picture = screen_part_rect(b, &area, ps, n, 0);
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL,
                                     layout_square_in(picture, picture.w < picture.h ? picture.w : picture.h));
    if (sym)
        screen_builtin_symbol(b, "welcome", sym->symbol);
    UiElement *t = screen_heading(b, screen_part_rect(b, &area, ps, n, 1 - first), parts[1].text);
    if (t)
        t->text_min_px = t->text_max_px = parts[1].px;
    UiElement *p = screen_body(b, screen_part_rect(b, &area, ps, n, 2 - first), parts[2].text);
    if (p) {
        p->flags |= UI_MUTED;
        p->text_min_px = p->text_max_px = parts[2].px;
    }
    UiElement *body = screen_body(b, screen_part_rect(b, &area, ps, n, 3 - first), parts[3].text);
    if (body)
        body->text_min_px = body->text_max_px = parts[3].px;
    UiRect start = screen_part_rect(b, &area, ps, n, 4 - first);
    if (!taking)
        return;
    int start_w = start.w * 3 / 4 > b->unit * 4 ? start.w * 3 / 4 : start.w;
    UiElement *go = screen_button(b, "start", layout_center_box(start, start_w, start.h), "start",
                                  screen_word(b, STR_START), UI_PRIMARY);
    if (go)
        go->text_min_px = go->text_max_px =
            screen_lasting_px(b, go->text, draw_parts(go, go->rect, &b->metrics).text, b->unit * 2 / 3, true);
}

void screen_welcome(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN);
    char item_words[1024];
    UiBuild largest = *b;
    largest.metrics.text_pct = 150;
    int fixed_h = area.h - screen_yousaid_card_height(&largest, area, 28, 30);
    if (fixed_h >= start_height(b) + b->unit * 3)
        screen_yousaid_card(b, &area, 28, 30, item_words, sizeof item_words);
    else  /* a screen too short for the card keeps Start and its words; Listen still says the item */
        screen_yousaid_words(b, item_words, sizeof item_words), fixed_h = area.h;
    bool taking = flow_taking_answers(b->flow);
    invitation(b, area, fixed_h, taking);
    if (taking)
        screen_set_prompt(b, "%s%s", screen_word(b, STR_WELCOME_PROMPT), item_words);
    else
        screen_set_prompt(b, "%s %s", screen_word(b, STR_PAUSED_TITLE), screen_word(b, STR_PAUSED_BODY));
}
