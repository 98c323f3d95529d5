/* layout.c: pure geometry for computed layouts; see layout.h. */
#include "ui/layout.h"

int layout_min_target(float dpi)
{
    if (dpi <= 0.0f)
        dpi = 96.0f;
    return (int)(2.0f / 2.54f * dpi + 0.999f);
}

UiRect layout_staff_corner(int unit)
{
    return layout_rect(0, 0, unit / 2, unit / 2);
}

UiRect layout_rect(int x, int y, int w, int h)
{
    UiRect r = {x, y, w < 0 ? 0 : w, h < 0 ? 0 : h};
    return r;
}

UiRect layout_inset(UiRect r, int by)
{
    return layout_rect(r.x + by, r.y + by, r.w - 2 * by, r.h - 2 * by);
}

bool layout_contains(UiRect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

bool layout_overlaps(UiRect a, UiRect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

bool layout_inside(UiRect inner, UiRect outer)
{
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w &&
           inner.y + inner.h <= outer.y + outer.h;
}

int layout_center_x(UiRect r) { return r.x + r.w / 2; }
int layout_center_y(UiRect r) { return r.y + r.h / 2; }

static int clamp_size(int size, int available)
{
    if (size > available)
        return available;
    return size < 0 ? 0 : size;
}

UiRect layout_take_top(UiRect *r, int size, int gap)
{
    size = clamp_size(size, r->h);
    UiRect strip = layout_rect(r->x, r->y, r->w, size);
    int used = clamp_size(size + gap, r->h);
    r->y += used;
    r->h -= used;
    return strip;
}

UiRect layout_take_bottom(UiRect *r, int size, int gap)
{
    size = clamp_size(size, r->h);
    UiRect strip = layout_rect(r->x, r->y + r->h - size, r->w, size);
    r->h -= clamp_size(size + gap, r->h);
    return strip;
}

UiRect layout_take_left(UiRect *r, int size, int gap)
{
    size = clamp_size(size, r->w);
    UiRect strip = layout_rect(r->x, r->y, size, r->h);
    int used = clamp_size(size + gap, r->w);
    r->x += used;
    r->w -= used;
    return strip;
}

UiRect layout_take_right(UiRect *r, int size, int gap)
{
    size = clamp_size(size, r->w);
    UiRect strip = layout_rect(r->x + r->w - size, r->y, size, r->h);
    r->w -= clamp_size(size + gap, r->w);
    return strip;
}

UiRect layout_center_box(UiRect r, int w, int h)
{
    w = clamp_size(w, r.w);
    h = clamp_size(h, r.h);
    return layout_rect(r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h);
}

UiRect layout_square_in(UiRect r, int side)
{
    return layout_center_box(r, side, side);
}

void layout_row(UiRect r, int n, int gap, UiRect *cells)
{
    if (n <= 0)
        return;
    int w = (r.w - gap * (n - 1)) / n;
    for (int i = 0; i < n; i++)
        cells[i] = layout_rect(r.x + i * (w + gap), r.y, w, r.h);
}

void layout_column(UiRect r, int n, int gap, UiRect *cells)
{
    if (n <= 0)
        return;
    int h = (r.h - gap * (n - 1)) / n;
    for (int i = 0; i < n; i++)
        cells[i] = layout_rect(r.x, r.y + i * (h + gap), r.w, h);
}

/* The cell size for `cols` columns of n cells, limited to the aspect range. */
static UiGrid grid_for_columns(UiRect area, int n, int gap, float aspect, int cols)
{
    UiGrid g = {cols, (n + cols - 1) / cols, 0, 0};
    int w = (area.w - gap * (g.cols - 1)) / g.cols;
    int h = (area.h - gap * (g.rows - 1)) / g.rows;
    if (w <= 0 || h <= 0)
        return g;
    if (h > (int)(w / aspect))
        h = (int)(w / aspect);         /* not taller than the aspect allows */
    if (w > (int)(h * aspect * 2.0f))
        w = (int)(h * aspect * 2.0f);  /* not wider than twice the aspect */
    g.cell_w = w;
    g.cell_h = h;
    return g;
}

UiGrid layout_grid(UiRect area, int n, int gap, float aspect, UiRect *cells)
{
    UiGrid best = {1, n, 0, 0};
    if (n <= 0)
        return best;
    long best_area = -1;
    for (int cols = 1; cols <= n; cols++) {
        UiGrid g = grid_for_columns(area, n, gap, aspect, cols);
        long a = (long)g.cell_w * g.cell_h;
        if (a > best_area) {
            best = g;
            best_area = a;
        }
    }
    int grid_h = best.rows * best.cell_h + (best.rows - 1) * gap;
    int top = area.y + (area.h - grid_h) / 2;
    for (int i = 0; i < n; i++) {
        int row = i / best.cols, col = i % best.cols;
        int in_row = (row == best.rows - 1) ? n - row * best.cols : best.cols;
        int row_w = in_row * best.cell_w + (in_row - 1) * gap;
        int left = area.x + (area.w - row_w) / 2;
        cells[i] = layout_rect(left + col * (best.cell_w + gap), top + row * (best.cell_h + gap),
                               best.cell_w, best.cell_h);
    }
    return best;
}
