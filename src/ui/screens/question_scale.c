/* question_scale.c: choose one of 3 or 5 faces, in a row from the
 * happiest to the saddest as the list gives them. The faces keep the size
 * they have at the normal writing size; larger writing makes the tiles
 * taller, under the faces. */
#include "ui/screens/screen.h"

/* The side of a face's tile in `area`: n in a row, none taller than wide. */
static int scale_side(const UiBuild *b, UiRect area, int n)
{
    int side = (area.w - b->gap * 2 * (n - 1)) / (n > 0 ? n : 1);
    return side > area.h ? area.h : side;
}

void screen_question_scale(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int n = q->list->n_choices, qi = flow_question(b->flow);
    UiRect normal = area;  /* as at the normal writing size */
    normal.h += b->grown;
    int side = scale_side(b, normal, n), border = b->unit / 10 > 2 ? b->unit / 10 : 2;
    int pad = border + b->unit / 10;
    const char *labels[n > 0 ? n : 1];
    for (int c = 0; c < n; c++)
        labels[c] = screen_text(b, &q->list->choices[c].label);
    ScreenGrid g = screen_tile_sizes(b, layout_rect(0, 0, side, side), labels, n);
    int words = 0;  /* the tallest label under its face, at the person's size (bold: when chosen) */
    for (int c = 0; c < n; c++) {
        int h = screen_words_height(b, labels[c], side - 2 * pad, draw_grown_px(&b->metrics, g.text_px), true);
        words = h > words ? h : words;
    }
    int h = 2 * pad + g.symbol_px + b->unit / 16 + words;
    UiRect row = layout_center_box(area, side * n + b->gap * 2 * (n - 1), h > side ? h : side);
    UiRect cells[n > 0 ? n : 1];
    layout_row(row, n, b->gap * 2, cells);
    for (int c = 0; c < n; c++) {
        UiElement *el = screen_choice(b, &q->list->choices[c], cells[c], UI_TILE, flow_is_chosen(b->flow, qi, c));
        if (el) {
            el->symbol_px = g.symbol_px;
            el->text_min_px = el->text_max_px = g.text_px;
        }
    }
}
