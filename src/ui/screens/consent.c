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

static void measure_point(const UiBuild *b, ConsentPoint *p, int w, int normal_h)
{
    p->side = normal_h - 2 * b->gap < b->unit * 3 / 2 ? normal_h - 2 * b->gap : b->unit * 3 / 2;
    int words_w = w - 2 * b->gap - p->side - b->gap * 2;
    p->h = screen_grown_text(b, screen_word(b, p->text), words_w, p->side, b->unit * 2 / 3, false, &p->px) + 2 * b->gap;
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

void screen_consent(UiBuild *b)
{
    UiRect area = screen_frame(b, FRAME_LISTEN | FRAME_BACK);
    int normal = area.h - 2 * b->gap * 4;  /* the parts' heights at the normal writing size */
    int title_px, question_px;
    int title_h = screen_grown_text(b, screen_word(b, STR_CONSENT_TITLE), area.w, b->unit, b->unit * 3 / 4, true, &title_px);
    ConsentPoint points[2] = {{"anonymous", STR_CONSENT_ANONYMOUS, 0, 0, 0}, {"stop_any_time", STR_CONSENT_STOP, 0, 0, 0}};
    /* The two points one above the other; side by side on a landscape screen, whose height is short. */
    int across = b->portrait ? 1 : 2, point_w = (area.w - b->gap * 2 * (across - 1)) / across;
    int point_h = b->portrait ? ((normal - b->unit) * 55 / 100 - b->gap * 2) / 2 : (normal - b->unit) * 40 / 100;
    for (int i = 0; i < 2; i++)
        measure_point(b, &points[i], point_w, point_h);
    if (across == 2)  /* side by side: one height for both */
        points[0].h = points[1].h = points[0].h > points[1].h ? points[0].h : points[1].h;
    int rest = b->portrait ? (normal - b->unit) * 45 / 100 : (normal - b->unit) * 60 / 100;
    int question_h = screen_grown_text(b, screen_word(b, STR_CONSENT_QUESTION), area.w, rest * 25 / 100, b->unit * 3 / 4, true,
                                       &question_px);
    /* Yes and No as tall as at the normal writing size, their symbols as large. */
    int answers_h = rest * 50 / 100;  /* room left over for larger writing */
    answers_h = answers_h > screen_button_h(b) ? answers_h : screen_button_h(b);
    UiRect answers[2], normal_answers[2];
    layout_row(layout_center_box(area, area.w * 4 / 5, answers_h), 2, b->gap * 4, normal_answers);
    int symbol = draw_parts(&(UiElement){.kind = UI_BUTTON, .symbol = "-", .text = "-"}, normal_answers[0], &b->metrics).symbol.h;
    int used = title_h + points[0].h + (across == 1 ? points[1].h : 0) + question_h + answers_h + b->gap * 8;
    if (used < area.h)  /* what is left over goes above and below: the whole in the middle */
        layout_take_top(&area, (area.h - used) / 2, 0);
    heading(b, layout_take_top(&area, title_h, b->gap * 2), screen_word(b, STR_CONSENT_TITLE), title_px);
    if (across == 2) {
        UiRect row = layout_take_top(&area, points[0].h, b->gap * 2), cells[2];
        layout_row(row, 2, b->gap * 2, cells);
        for (int i = 0; i < 2; i++)
            consent_point(b, cells[i], &points[i]);
    } else {
        for (int i = 0; i < 2; i++)
            consent_point(b, layout_take_top(&area, points[i].h, b->gap * 2), &points[i]);
    }
    heading(b, layout_take_top(&area, question_h, b->gap), screen_word(b, STR_CONSENT_QUESTION), question_px);
    layout_row(layout_center_box(area, area.w * 4 / 5, answers_h), 2, b->gap * 4, answers);
    static const struct { const char *id; UiString label; unsigned flags; } buttons[2] = {
        {"yes", STR_YES_START, UI_PRIMARY}, {"no", STR_NO_START, 0}};
    for (int i = 0; i < 2; i++) {
        UiElement *el = screen_button(b, buttons[i].id, answers[i], buttons[i].id, screen_word(b, buttons[i].label),
                                      buttons[i].flags);
        if (el) {
            el->text_min_px = el->text_max_px = b->unit * 3 / 10;
            el->symbol_px = symbol;
        }
    }
    screen_set_prompt(b, "%s %s %s", screen_word(b, STR_CONSENT_ANONYMOUS), screen_word(b, STR_CONSENT_STOP),
                      screen_word(b, STR_CONSENT_QUESTION));
}
