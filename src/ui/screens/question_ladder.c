/* question_ladder.c: choose one rung of a vertical ladder, lowest rung
 * first in the list; a choice named by off_ladder (such as "not right now")
 * stands beside the ladder rather than on it. */
#include "ui/screens/screen.h"

#include <string.h>

static void ladder_choice(UiBuild *b, const SurveyQuestion *q, int c, UiRect r, UiKind kind)
{
    screen_choice(b, &q->list->choices[c], r, kind, flow_is_chosen(b->flow, flow_question(b->flow), c));
}

static bool is_off_ladder(const SurveyQuestion *q, int c)
{
    return q->off_ladder && strcmp(q->list->choices[c].name, q->off_ladder) == 0;
}

static void ladder_place(UiBuild *b, const SurveyQuestion *q, int c, UiRect r, UiKind kind)
{
    if (c == q->list->n_choices)
        screen_other_choice(b, q, r, kind);
    else
        ladder_choice(b, q, c, r, kind);
}

void screen_question_ladder(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int shown[q->list->n_choices + 1], n_shown = screen_shown_choices(b, q, shown);
    int off = -1, n_rungs = 0;
    for (int i = 0; i < n_shown; i++) {
        if (shown[i] < q->list->n_choices && is_off_ladder(q, shown[i]))
            off = shown[i];
        else
            n_rungs++;
    }
    UiRect beside = {0, 0, 0, 0};
    if (off >= 0)
        beside = b->portrait ? layout_take_bottom(&area, area.h / 6, b->gap * 2)
                             : layout_take_right(&area, area.w / 4, b->gap * 4);
    int rung_w = area.w < b->unit * 12 ? area.w : b->unit * 12;
    UiRect ladder = layout_center_box(area, rung_w, area.h);
    int rail_w = b->gap * 2;
    ui_elements_add(b->els, UI_RAIL, NULL, layout_take_left(&ladder, rail_w, b->gap));
    ui_elements_add(b->els, UI_RAIL, NULL, layout_take_right(&ladder, rail_w, b->gap));
    UiRect rungs[n_rungs > 0 ? n_rungs : 1];
    layout_column(ladder, n_rungs, b->gap / 2, rungs);
    int slot = n_rungs - 1, first = b->els->n;  /* the first choice is the lowest rung */
    for (int i = 0; i < n_shown; i++)
        if (shown[i] != off)
            ladder_place(b, q, shown[i], rungs[slot--], UI_RUNG);
    screen_even_text(b, first, UI_RUNG);
    if (off >= 0) {
        int side = beside.w < beside.h ? beside.w : beside.h;
        UiRect tile = b->portrait ? layout_center_box(beside, rung_w, beside.h)
                                  : layout_center_box(beside, beside.w, side + side / 3);
        ladder_choice(b, q, off, tile, b->portrait ? UI_RUNG : UI_TILE);
    }
}
