/* consent.c: consent in pictures: answers are anonymous, you can stop at any
 * time, and "Do you want to start?" with a big Yes and No.
 *
 * Every text keeps the size it has at the normal writing size, grown by
 * the person's, and takes the height its words need; the symbols keep
 * their size; Yes and No get what is left, never under a button's
 * height. */
#include "ui/screens/screen.h"

/* A point: its symbol (the row's height at the normal writing size) and
 * its words beside it. */
typedef struct {
    const char *symbol;
    UiString text;
    int side;  /* the symbol's side */
    int px;    /* the words' size at the normal writing size */
    int h;     /* the row's height at the person's */
} ConsentPoint;

/* The point's symbol fills the row at the normal writing size; its words
 * take the size they fit at beside it (at most `max_px`). */
static void measure_point(const UiBuild *b, ConsentPoint *p, int w, int normal_h, int max_px)
{
    p->side = normal_h - 2 * b->gap < b->unit * 3 / 2 ? normal_h - 2 * b->gap : b->unit * 3 / 2;
    p->side = p->side > b->unit ? p->side : b->unit;
    int words_w = w - 2 * b->gap - p->side - b->gap * 2;
    p->h = screen_grown_text(b, screen_word(b, p->text), words_w, p->side, max_px, false, &p->px) + 2 * b->gap;
}

static void consent_point(UiBuild *b, UiRect r, const ConsentPoint *p)
{
    ui_elements_add(b->els, UI_PANEL, NULL, r);
    UiRect inner = layout_inset(r, b->gap);
    UiElement *sym = ui_elements_add(b->els, UI_MINI, NULL,
                                     layout_square_in(layout_take_left(&inner, p->side, b->gap * 2), p->side));
    if (sym)
        screen_builtin_symbol(b, p->symbol, sym->symbol);
    UiElement *t = screen_body(b, inner, screen_word(b, p->text));
    if (t) {
        t->flags |= UI_ALIGN_LEFT;
        t->text_min_px = t->text_max_px = p->px;
    }
}

static void heading(UiBuild *b, UiRect r, const char *text, int px)
{
    UiElement *h = screen_heading(b, r, text);
    if (h)
        h->text_min_px = h->text_max_px = px;
}

/* The words of the screen at one writing size: their sizes (at the
 * normal writing size) and the height they take with their gaps. */
typedef struct {
    int title_px, title_h, question_px, question_h;
    ConsentPoint points[2];
    int across; /* the points side by side (landscape: its height is short) */
    bool beside; /* the question beside Yes and No (a short screen, large writing) */
    int rest;   /* the question's and the answers' share */
    int height;
} ConsentWords;

/* The words at `b`'s writing size in parts `pct` per cent of their
 * normal heights (smaller when at the largest writing size they would not
 * fit the screen). */
static ConsentWords consent_words(const UiBuild *b, UiRect area, int pct, bool beside)
{
    ConsentWords w = {.points = {{"anonymous", STR_CONSENT_ANONYMOUS, 0, 0, 0}, {"stop_any_time", STR_CONSENT_STOP, 0, 0, 0}},
                      .beside = beside};
    int normal = (area.h - 2 * b->gap * 4) * pct / 100;  /* the parts' heights at the normal writing size */
    w.title_h = screen_grown_text(b, screen_word(b, STR_CONSENT_TITLE), area.w, b->unit * pct / 100, b->unit * 3 / 4, true,
                                  &w.title_px);
    w.across = b->portrait ? 1 : 2;
    int point_w = (area.w - b->gap * 2 * (w.across - 1)) / w.across;
    int point_h = b->portrait ? ((normal - b->unit) * 55 / 100 - b->gap * 2) / 2 : (normal - b->unit) * 40 / 100;
    measure_point(b, &w.points[0], point_w, point_h, b->unit * 2 / 3);
    measure_point(b, &w.points[1], point_w, point_h, w.points[0].px);  /* the second as large as the first */
    if (w.points[1].px < w.points[0].px)
        measure_point(b, &w.points[0], point_w, point_h, w.points[1].px);
    if (w.across == 2)  /* side by side: one height for both */
        w.points[0].h = w.points[1].h = w.points[0].h > w.points[1].h ? w.points[0].h : w.points[1].h;
    w.rest = b->portrait ? (normal - b->unit) * 45 / 100 : (normal - b->unit) * 60 / 100;
    w.question_h = screen_grown_text(b, screen_word(b, STR_CONSENT_QUESTION), beside ? area.w * 2 / 5 : area.w,
                                     w.rest * 25 / 100, b->unit * 3 / 4, true, &w.question_px);
    w.height = w.title_h + w.points[0].h + (w.across == 1 ? w.points[1].h : 0) + (beside ? 0 : w.question_h) + b->gap * 8;
    return w;
}

/* The parts' share (per cent of their normal heights), where the question
 * goes, and the height of Yes and No, the same at every writing size: what
 * the words leave at the largest (up to half the question's share), never
 * under a button's (nor the question's, beside them). */
static int consent_fit(const UiBuild *b, UiRect area, bool *beside, int *answers_h)
{
    UiBuild largest = *b;
    largest.metrics.text_pct = 150;
    int button = screen_button_h(&largest), pct = 100;
    ConsentWords big = consent_words(&largest, area, pct, *beside = false);
    while (pct > 60 && big.height + button > area.h)
        big = consent_words(&largest, area, pct -= 10, false);
    if (big.height + button > area.h && !b->portrait)
        for (big = consent_words(&largest, area, pct = 100, *beside = true);
             pct > 40 && big.height + SDL_max(button, big.question_h) > area.h;)
            big = consent_words(&largest, area, pct -= 10, true);
    int h = big.rest * 50 / 100 < area.h - big.height ? big.rest * 50 / 100 : area.h - big.height;
    h = h > button ? h : button;
    *answers_h = *beside && big.question_h > h ? big.question_h : h;
    return pct;
}

void screen_consent(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN | FRAME_BACK);
    bool beside;
    int answers_h, pct = consent_fit(b, area, &beside, &answers_h);
    ConsentWords w = consent_words(b, area, pct, beside);
    int used = w.height + answers_h;
    if (used < area.h)  /* what is left over goes above and below: the whole in the middle */
        layout_take_top(&area, (area.h - used) / 2, 0);
    heading(b, layout_take_top(&area, w.title_h, b->gap * 2), screen_word(b, STR_CONSENT_TITLE), w.title_px);
    if (w.across == 2) {
        UiRect row = layout_take_top(&area, w.points[0].h, b->gap * 2), cells[2];
        layout_row(row, 2, b->gap * 2, cells);
        for (int i = 0; i < 2; i++)
            consent_point(b, cells[i], &w.points[i]);
    } else {
        for (int i = 0; i < 2; i++)
            consent_point(b, layout_take_top(&area, w.points[i].h, b->gap * 2), &w.points[i]);
    }
    UiRect answers[2], row;
    if (beside) {
        row = layout_take_top(&area, answers_h, 0);
        UiRect question = layout_take_left(&row, row.w * 2 / 5, b->gap * 2);  /* the start side, once mirrored */
        heading(b, question, screen_word(b, STR_CONSENT_QUESTION), w.question_px);
    } else {
        heading(b, layout_take_top(&area, w.question_h, b->gap), screen_word(b, STR_CONSENT_QUESTION), w.question_px);
        row = layout_take_top(&area, answers_h, 0);
        row = layout_center_box(row, row.w * 4 / 5, answers_h);
    }
    layout_row(row, 2, b->gap * 4, answers);
    static const struct { const char *id; UiString label; unsigned flags; } buttons[2] = {
        {"yes", STR_YES_START, UI_PRIMARY}, {"no", STR_NO_START, 0}};
    int first = b->els->n;
    for (int i = 0; i < 2; i++) {
        UiElement *el = screen_button(b, buttons[i].id, answers[i], buttons[i].id, screen_word(b, buttons[i].label),
                                      buttons[i].flags);
        if (el)
            el->text_min_px = el->text_max_px =
                screen_lasting_px(b, el->text, draw_parts(el, el->rect, &b->metrics).text, b->unit * 2 / 5, true);
    }
    screen_even_text(b, first, UI_BUTTON);
    screen_set_prompt(b, "%s %s %s", screen_word(b, STR_CONSENT_ANONYMOUS), screen_word(b, STR_CONSENT_STOP),
                      screen_word(b, STR_CONSENT_QUESTION));
}
