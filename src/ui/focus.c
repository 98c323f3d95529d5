/* focus.c: reading order and directions over a screen's targets; see focus.h. */
#include "ui/focus.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static bool same_row(const UiElement *a, const UiElement *b)
{
    int am = layout_center_y(a->rect), bm = layout_center_y(b->rect);
    return (am >= b->rect.y && am < b->rect.y + b->rect.h) || (bm >= a->rect.y && bm < a->rect.y + a->rect.h);
}

static int by_top(const void *pa, const void *pb)
{
    const UiElement *a = *(const UiElement *const *)pa, *b = *(const UiElement *const *)pb;
    if (layout_center_y(a->rect) != layout_center_y(b->rect))
        return layout_center_y(a->rect) - layout_center_y(b->rect);
    return a->rect.x - b->rect.x;
}

static int by_left(const void *pa, const void *pb)
{
    const UiElement *a = *(const UiElement *const *)pa, *b = *(const UiElement *const *)pb;
    return a->rect.x - b->rect.x;
}

static int by_right(const void *pa, const void *pb)
{
    return -by_left(pa, pb);
}

void focus_order(const UiElements *els, bool rtl, FocusOrder *o)
{
    o->n = o->n_rows = 0;
    for (int i = 0; i < els->n && o->n < FOCUS_MAX; i++)
        if (ui_element_is_target(&els->items[i]))
            o->items[o->n++] = &els->items[i];
    qsort(o->items, (size_t)o->n, sizeof o->items[0], by_top);
    for (int i = 0; i < o->n;) {
        int end = i + 1;
        while (end < o->n && same_row(o->items[i], o->items[end]))
            end++;
        qsort(o->items + i, (size_t)(end - i), sizeof o->items[0], rtl ? by_right : by_left);
        o->row_start[o->n_rows++] = i;
        i = end;
    }
}

int focus_index(const FocusOrder *o, const char *id)
{
    for (int i = 0; id && id[0] && i < o->n; i++)
        if (strcmp(o->items[i]->id, id) == 0)
            return i;
    return -1;
}

int focus_row_of(const FocusOrder *o, int index)
{
    int row = 0;
    while (row + 1 < o->n_rows && o->row_start[row + 1] <= index)
        row++;
    return row;
}

int focus_row_size(const FocusOrder *o, int row)
{
    int end = row + 1 < o->n_rows ? o->row_start[row + 1] : o->n;
    return end - o->row_start[row];
}

UiRect focus_row_rect(const FocusOrder *o, int row)
{
    int first = o->row_start[row], n = focus_row_size(o, row);
    int x0 = INT_MAX, y0 = INT_MAX, x1 = INT_MIN, y1 = INT_MIN;
    for (int i = first; i < first + n; i++) {
        UiRect r = o->items[i]->rect;
        x0 = r.x < x0 ? r.x : x0;
        y0 = r.y < y0 ? r.y : y0;
        x1 = r.x + r.w > x1 ? r.x + r.w : x1;
        y1 = r.y + r.h > y1 ? r.y + r.h : y1;
    }
    return layout_rect(x0, y0, x1 - x0, y1 - y0);
}

int focus_toward(const FocusOrder *o, int index, int dx, int dy)
{
    if (index < 0 || index >= o->n)
        return o->n > 0 ? 0 : -1;
    int cx = layout_center_x(o->items[index]->rect), cy = layout_center_y(o->items[index]->rect);
    int best = -1;
    long best_cost = LONG_MAX;
    for (int i = 0; i < o->n; i++) {
        long ex = layout_center_x(o->items[i]->rect) - cx, ey = layout_center_y(o->items[i]->rect) - cy;
        long along = ex * dx + ey * dy, across = dx ? labs(ey) : labs(ex);
        if (i == index || along <= 0)
            continue;
        long cost = along + 2 * across;  /* straight ahead beats a diagonal */
        if (cost < best_cost) {
            best_cost = cost;
            best = i;
        }
    }
    return best;
}
