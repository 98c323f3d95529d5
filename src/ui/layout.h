/* layout.h: pure geometry for computed layouts (no SDL, no drawing).
 *
 * Every screen is laid out from the window's size and the smallest touch
 * target (2 cm at the display's DPI): areas are split by fractions, grids
 * choose the number of columns that gives the largest cells. Nothing here
 * knows a pixel position in advance. */
#ifndef SAYSO_UI_LAYOUT_H
#define SAYSO_UI_LAYOUT_H

#include <stdbool.h>

typedef struct {
    int x, y, w, h;
} UiRect;

/* The smallest touch target in pixels: 2 cm at `dpi` (96 when unknown). */
int layout_min_target(float dpi);

/* The hidden staff gesture's square: the screen's top-left corner, half a
 * target (1 cm) across, for a smallest target of `unit` px. Every screen
 * keeps it free of controls, in every language, so holding it never holds
 * a control too. */
UiRect layout_staff_corner(int unit);

UiRect layout_rect(int x, int y, int w, int h);
UiRect layout_inset(UiRect r, int by);
bool layout_contains(UiRect r, int x, int y);
bool layout_overlaps(UiRect a, UiRect b);
bool layout_inside(UiRect inner, UiRect outer);
int layout_center_x(UiRect r);
int layout_center_y(UiRect r);

/* Cuts a strip of `size` pixels off one side of `*r` (shrinking it, and
 * leaving `gap` between) and returns the strip. */
UiRect layout_take_top(UiRect *r, int size, int gap);
UiRect layout_take_bottom(UiRect *r, int size, int gap);
UiRect layout_take_left(UiRect *r, int size, int gap);
UiRect layout_take_right(UiRect *r, int size, int gap);

/* A square of side `side` centred in `r` (side is clipped to fit). */
UiRect layout_square_in(UiRect r, int side);
/* A w x h box centred in `r`. */
UiRect layout_center_box(UiRect r, int w, int h);

/* Splits `r` into n equal cells along x (horizontal) or y, `gap` apart. */
void layout_row(UiRect r, int n, int gap, UiRect *cells);
void layout_column(UiRect r, int n, int gap, UiRect *cells);

typedef struct {
    int cols, rows;
    int cell_w, cell_h;
} UiGrid;

/* Chooses columns and rows for n cells in `area` so that cells are as large
 * as possible while keeping their width:height near `aspect` (1.0 = square;
 * cells are never taller than aspect allows, and never narrower than
 * half of it). Fills cells[0..n-1] row by row, centring the last row and the
 * whole grid. Returns the grid chosen; cell_w or cell_h below `min_cell`
 * means the area is too small for n targets (the caller decides). */
UiGrid layout_grid(UiRect area, int n, int gap, float aspect, UiRect *cells);

#endif
