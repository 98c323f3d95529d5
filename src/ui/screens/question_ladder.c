/* question_ladder.c: choose one rung of a vertical ladder, lowest rung
 * first in the list; a choice named by off_ladder (such as "not right now")
 * stands beside the ladder rather than on it.
 *
 * Rungs keep the height, symbol and words' size they have at the normal
 * writing size, the words times the writing size; a rung grows as its
 * words need, and when the ladder no longer holds every rung it shows in
 * parts from the top ("More"), never smaller. */
#include "ui/screens/screen.h"

#include <limits.h>
#include <string.h>

typedef struct {
    int symbol, text_px; /* a rung's symbol side and words' size, at the normal writing size */
    int rung_h;          /* a rung's height at the person's writing size */
} LadderSizes;

static UiElement *ladder_choice(UiBuild *b, const SurveyQuestion *q, int c, UiRect r, UiKind kind)
{
    return screen_choice(b, &q->list->choices[c], r, kind, flow_is_chosen(b->flow, flow_question(b->flow), c));
}

/* Choice `c`'s words; or_other's "Other" is choice n_choices. */
static const char *ladder_label(const UiBuild *b, const SurveyQuestion *q, int c)
{
    return c == q->list->n_choices ? screen_word(b, STR_OTHER) : screen_text(b, &q->list->choices[c].label);
}

/* A rung as the ladder's sizes say. */
static void rung(UiBuild *b, const SurveyQuestion *q, int c, UiRect r, const LadderSizes *s)
{
    UiElement *el = c == q->list->n_choices ? screen_other_choice(b, q, r, UI_RUNG) : ladder_choice(b, q, c, r, UI_RUNG);
    if (el) {
        el->symbol_px = s->symbol;
        el->text_min_px = el->text_max_px = s->text_px;
    }
}

static bool is_off_ladder(const SurveyQuestion *q, int c)
{
    return q->off_ladder && strcmp(q->list->choices[c].name, q->off_ladder) == 0;
}

/* Where the off-ladder choice goes, taken from `area`. */
static UiRect beside_area(const UiBuild *b, UiRect *area)
{
    return b->portrait ? layout_take_bottom(area, area->h / 6, b->gap * 2)
                       : layout_take_right(area, area->w / 4, b->gap * 4);
}

/* The rails and the rungs' column, taken from the ladder's area. */
static UiRect rungs_area(UiBuild *b, UiRect area, bool draw)
{
    int rung_w = area.w < b->unit * 12 ? area.w : b->unit * 12;
    UiRect ladder = layout_center_box(area, rung_w, area.h);
    int rail_w = b->gap * 2;
    UiRect left = layout_take_left(&ladder, rail_w, b->gap), right = layout_take_right(&ladder, rail_w, b->gap);
    if (draw) {
        ui_elements_add(b->els, UI_RAIL, NULL, left);
        ui_elements_add(b->els, UI_RAIL, NULL, right);
    }
    return ladder;
}

/* Rungs `order` (`n` of them) as in a ladder of the normal writing size
 * `normal` high, made as tall as the longest label needs at the person's. */
static LadderSizes ladder_sizes(const UiBuild *b, const SurveyQuestion *q, UiRect ladder, int normal, const int *order,
                                int n)
{
    int border = b->unit / 10 > 2 ? b->unit / 10 : 2, pad = border + b->unit / 10;
    int rung_h = (normal - (n - 1) * (b->gap / 2)) / (n > 0 ? n : 1);
    rung_h = rung_h > b->unit ? rung_h : b->unit;
    LadderSizes s = {rung_h - 2 * pad, INT_MAX, rung_h};
    int words_w = ladder.w - 2 * pad - s.symbol - b->unit / 6;
    for (int i = 0; i < n; i++) {
        int px = screen_normal_px(b, ladder_label(b, q, order[i]), layout_rect(0, 0, words_w, s.symbol), b->unit / 2,
                                  b->unit / 4, true);
        s.text_px = px < s.text_px ? px : s.text_px;
    }
    for (int i = 0; i < n; i++) {
        int h = screen_words_height(b, ladder_label(b, q, order[i]), words_w, draw_grown_px(&b->metrics, s.text_px),
                                    true) + 2 * pad;  /* bold: chosen */
        s.rung_h = h > s.rung_h ? h : s.rung_h;
    }
    return s;
}

static void off_ladder(UiBuild *b, const SurveyQuestion *q, int off, UiRect beside, UiRect normal, int rung_w,
                       const LadderSizes *s)
{
    const char *label = screen_text(b, &q->list->choices[off].label);
    if (b->portrait) {
        rung(b, q, off, layout_center_box(beside, rung_w, s->rung_h), s);
        return;
    }
    int side = normal.w < normal.h ? normal.w : normal.h, border = b->unit / 10 > 2 ? b->unit / 10 : 2;
    int pad = border + b->unit / 10;
    ScreenGrid g = screen_tile_sizes(b, layout_rect(0, 0, normal.w, side + side / 3), &label, 1);
    if (g.text_px > b->unit * 3 / 10)  /* as a rung's words, nearly: room for them to grow */
        g.text_px = b->unit * 3 / 10;
    if (g.symbol_px > normal.h * 2 / 5)  /* the words keep room to grow under it */
        g.symbol_px = normal.h * 2 / 5;
    int h = 2 * pad + g.symbol_px + b->unit / 16 +
            screen_words_height(b, label, beside.w - 2 * pad, draw_grown_px(&b->metrics, g.text_px), true);
    h = h > side + side / 3 ? h : side + side / 3;
    UiElement *el = screen_choice(b, &q->list->choices[off], layout_center_box(beside, beside.w, h),
                                  UI_TILE, flow_is_chosen(b->flow, flow_question(b->flow), off));
    if (el) {
        el->symbol_px = g.symbol_px;
        el->text_min_px = el->text_max_px = g.text_px;
    }
}

void screen_question_ladder(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int shown[q->list->n_choices + 1], n_shown = screen_shown_choices(b, q, shown);
    int off = -1, n = 0, order[q->list->n_choices + 1];
    for (int i = n_shown - 1; i >= 0; i--) {  /* the top rung first */
        if (shown[i] < q->list->n_choices && is_off_ladder(q, shown[i]))
            off = shown[i];
        else
            order[n++] = shown[i];
    }
    UiRect normal = area, beside = {0, 0, 0, 0}, beside1 = {0, 0, 0, 0};
    normal.h += b->grown;  /* as at the normal writing size */
    if (off >= 0)
        beside1 = beside_area(b, &normal);
    LadderSizes s = ladder_sizes(b, q, rungs_area(b, area, false), rungs_area(b, normal, false).h, order, n);
    if (off >= 0 && b->portrait)  /* beside: a rung of its own, under the ladder */
        beside = layout_take_bottom(&area, area.h / 6 > s.rung_h ? area.h / 6 : s.rung_h, b->gap * 2);
    else if (off >= 0)
        beside = beside_area(b, &area);
    int per = (area.h + b->gap / 2) / (s.rung_h + b->gap / 2);
    UiRect strip = {0, 0, 0, 0};
    if (per < n) {  /* too many rungs for the writing size: the ladder in parts */
        strip = layout_take_bottom(&area, screen_pager_height(b), b->gap * 2);
        per = (area.h + b->gap / 2) / (s.rung_h + b->gap / 2);
    }
    UiRect ladder = rungs_area(b, area, true);
    per = per > 0 ? per : 1;
    int first = screen_paging(b, n, per);
    screen_pager(b, strip);
    UiRect rungs = layout_take_bottom(&ladder, per < n ? ladder.h : n * s.rung_h + (n - 1) * (b->gap / 2), 0);
    for (int i = first; i < n && i < first + per; i++)
        rung(b, q, order[i], layout_take_top(&rungs, s.rung_h, b->gap / 2), &s);
    if (off >= 0)
        off_ladder(b, q, off, beside, beside1, ladder.w, &s);
}
