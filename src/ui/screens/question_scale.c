/* question_scale.c: choose one of 3 or 5 faces, in a row from the
 * happiest to the saddest as the list gives them. */
#include "ui/screens/screen.h"

void screen_question_scale(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    int n = q->list->n_choices;
    int side = (area.w - b->gap * 2 * (n - 1)) / (n > 0 ? n : 1);
    if (side > area.h)
        side = area.h;
    UiRect row = layout_center_box(area, side * n + b->gap * 2 * (n - 1), side);
    UiRect cells[n > 0 ? n : 1];
    layout_row(row, n, b->gap * 2, cells);
    int qi = flow_question(b->flow), first = b->els->n;
    for (int c = 0; c < n; c++)
        screen_choice(b, &q->list->choices[c], cells[c], UI_TILE, flow_is_chosen(b->flow, qi, c));
    screen_even_text(b, first, UI_TILE);
}
