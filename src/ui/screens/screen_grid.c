/* screen_grid.c: symbol tiles in a grid whose words grow with the writing
 * size and whose symbols never shrink.
 *
 * The grid is first laid out as at the normal writing size, all tiles in
 * the area: that fixes each tile's symbol (its side) and the words' size
 * (the largest at which every label fits, so the grid reads evenly). At a
 * larger writing size the words are that size times the writing size, the
 * symbols the same; when the tiles can no longer all hold both, fewer go
 * on each part of the screen ("More"), never smaller. A few dozen text
 * fits per layout, each cached by text.c. */
#include "ui/screens/screen.h"

#include <limits.h>

/* The part of a tile's cell its symbol and words share: inside the border
 * (as thick as a chosen tile's) and the padding (draw.c's draw_parts). */
static UiRect tile_inner(const UiBuild *b, UiRect cell)
{
    int border = b->unit / 10 > 2 ? b->unit / 10 : 2;
    return layout_inset(cell, border + b->unit / 10);
}

/* The words' box below a symbol of side `symbol` in `inner`. */
static UiRect words_box(const UiBuild *b, UiRect inner, int symbol)
{
    layout_take_top(&inner, symbol, b->unit / 16);
    return inner;
}

/* The largest size (at the normal writing size) at which every label fits
 * its box below a symbol of side `symbol` in `inner`. */
static int even_px(const UiBuild *b, const char *const *labels, int n, UiRect inner, int symbol)
{
    UiRect box = words_box(b, inner, symbol);
    TextStyle style = {b->unit / 2, b->unit / 4, true, TEXT_ALIGN_CENTER, {0, 0, 0, 255}, TEXT_BY_LINES};  /* bold: when chosen */
    int px = INT_MAX;
    for (int i = 0; i < n; i++) {
        TextFit fit = box.w > 0 && box.h > 0 ? text_fit(b->text, labels[i], box.w, box.h, &style)
                                             : (TextFit){style.min_px, 0, 0, 0, false};
        px = fit.px < px ? fit.px : px;
    }
    return px == INT_MAX ? b->unit / 4 : px;
}

/* Whether every label fits a tile of `cell` at `px` under its symbol. */
static bool all_fit(const UiBuild *b, const char *const *labels, int n, UiRect cell, int symbol, int px)
{
    UiRect box = words_box(b, tile_inner(b, cell), symbol);
    TextStyle style = {px, px, true, TEXT_ALIGN_CENTER, {0, 0, 0, 255}, TEXT_BY_LINES};  /* bold: when chosen */
    if (box.w < symbol || box.h <= 0)
        return false;
    for (int i = 0; i < n; i++)
        if (!text_fit(b->text, labels[i], box.w, box.h, &style).fits)
            return false;
    return true;
}

/* The largest symbol above labels at `px` in a tile of `cell`: what the
 * tallest label leaves, at least `symbol` (the normal size's). */
static int grown_symbol(const UiBuild *b, const char *const *labels, int n, UiRect cell, int symbol, int px)
{
    UiRect inner = tile_inner(b, cell);
    int words = 0;
    for (int i = 0; i < n; i++) {
        int h = screen_words_height(b, labels[i], inner.w, px, true);
        words = h > words ? h : words;
    }
    int side = inner.h - words - b->unit / 16;
    side = side < inner.w ? side : inner.w;
    return side > symbol ? side : symbol;
}

/* Whether every label fits a tile of `cell` at `px` beside its symbol
 * (draw.c: a symbol of side `symbol` at the start, the words after it). */
static bool all_fit_beside(const UiBuild *b, const char *const *labels, int n, UiRect cell, int symbol, int px)
{
    UiRect box = tile_inner(b, cell);
    layout_take_left(&box, symbol, b->unit / 6);
    TextStyle style = {px, px, true, TEXT_ALIGN_CENTER, {0, 0, 0, 255}, TEXT_BY_LINES};
    if (box.w < symbol || box.h < symbol)
        return false;
    for (int i = 0; i < n; i++)
        if (!text_fit(b->text, labels[i], box.w, box.h, &style).fits)
            return false;
    return true;
}

ScreenGrid screen_tile_sizes(const UiBuild *b, UiRect cell, const char *const *labels, int n)
{
    UiRect inner = tile_inner(b, cell);
    ScreenGrid g = {0, n, inner.h * 60 / 100 < inner.w ? inner.h * 60 / 100 : inner.w, 0, false};
    g.text_px = even_px(b, labels, n, inner, g.symbol_px);
    return g;
}

/* The grid at the normal writing size in `normal`: as many tiles a part
 * as can each show their words whole (all n when they can), and the sizes
 * that fixes; *per gets how many a part. */
static ScreenGrid normal_grid(UiBuild *b, UiRect normal, const char *const *labels, int n, UiRect *cells, int *per)
{
    ScreenGrid g = {0, n, 0, 0, false};
    int gap = b->gap * 2;
    for (*per = n; *per >= 1; (*per)--) {
        UiRect room = normal;
        if (*per < n)
            layout_take_bottom(&room, screen_pager_height(b), b->gap * 2);
        layout_grid(room, *per, gap, 1.0f, cells);
        g = screen_tile_sizes(b, cells[0], labels, n);
        if (all_fit(b, labels, n, cells[0], g.symbol_px, g.text_px))
            return g;
    }
    *per = 1;
    return g;
}

ScreenGrid screen_grid(UiBuild *b, UiRect area, const char *const *labels, int n, UiRect *cells)
{
    ScreenGrid g = {0, n, 0, 0, false};
    if (n <= 0)
        return g;
    int gap = b->gap * 2, most;
    UiRect normal = area;  /* the area as at the normal writing size */
    normal.h += b->grown;
    g = normal_grid(b, normal, labels, n, cells, &most);
    int px = draw_grown_px(&b->metrics, g.text_px);
    /* Larger writing: taller tiles; on a short area wider ones, rather than fewer. */
    const float aspects[3] = {100.0f / (float)b->metrics.text_pct, 1.0f, 2.0f};
    for (int per = most; per >= 1; per--) {
        UiRect room = area;
        if (per < n)
            layout_take_bottom(&room, screen_pager_height(b), b->gap * 2);
        for (int a = 0; a < 3; a++) {
            layout_grid(room, per, gap, aspects[a], cells);
            if ((per > 1 || a < 2) && !all_fit(b, labels, n, cells[0], g.symbol_px, px))
                continue;
            g.first = screen_paging(b, n, per);
            g.count = n - g.first < per ? n - g.first : per;
            if (per < n)
                screen_pager(b, layout_take_bottom(&area, screen_pager_height(b), b->gap * 2));
            layout_grid(area, g.count < per ? per : g.count, gap, aspects[a], cells);
            g.beside = per == 1 && !all_fit(b, labels, n, cells[0], g.symbol_px, px) &&
                       all_fit_beside(b, labels, n, cells[0], g.symbol_px, px);
            if (per < n && !g.beside) {  /* fewer tiles, larger: their symbols take what the words leave at the largest size */
                UiMetrics largest = b->metrics;
                largest.text_pct = 150;
                g.symbol_px = grown_symbol(b, labels, n, cells[0], g.symbol_px, draw_grown_px(&largest, g.text_px));
            }
            return g;
        }
    }
    return g;
}
