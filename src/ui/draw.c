/* draw.c: draws elements by kind, in the theme's colours.
 *
 * Rounded cards are drawn in nine pieces from a small rounded tile that the
 * symbol cache rasterises once per radius and colour (anti-aliased corners,
 * and nothing large to rasterise when a card changes size); symbols
 * are rasterised at the size shown; text is fitted to its box. So drawing
 * an unchanged screen again costs only texture copies. */
#include "ui/draw.h"

#include <stdio.h>

static void hex(char out[8], SDL_Color c)
{
    snprintf(out, 8, "#%02X%02X%02X", c.r, c.g, c.b);
}

/* The nine pieces of a card: corners copied, edges and middle stretched
 * from one-pixel slices of a small (2r+1)-square rounded tile. */
static void draw_nine_slice(SDL_Renderer *renderer, SDL_Texture *tile, int r, UiRect d)
{
    const int cols[3][2] = {{0, r}, {r, 1}, {r + 1, r}};  /* source x and width */
    const int dx[3] = {d.x, d.x + r, d.x + d.w - r};
    const int dw[3] = {r, d.w - 2 * r, r};
    const int dy[3] = {d.y, d.y + r, d.y + d.h - r};
    const int dh[3] = {r, d.h - 2 * r, r};
    for (int row = 0; row < 3; row++) {
        for (int col = 0; col < 3; col++) {
            if (dw[col] <= 0 || dh[row] <= 0)
                continue;
            SDL_Rect src = {cols[col][0], cols[row][0], cols[col][1], cols[row][1]};
            SDL_Rect dst = {dx[col], dy[row], dw[col], dh[row]};
            SDL_RenderCopy(renderer, tile, &src, &dst);
        }
    }
}

void draw_card(const UiPainter *p, UiRect r, SDL_Color fill, SDL_Color border, int border_w)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    int radius = (r.w < r.h ? r.w : r.h) / 8;
    if (radius > p->unit / 3)
        radius = p->unit / 3;
    int corner = radius > border_w ? radius : border_w;  /* the corner piece holds the border */
    int shortest = r.w < r.h ? r.w : r.h;
    if (corner * 2 + 1 > shortest)
        corner = (shortest - 1) / 2;
    int side = corner * 2 + 1;
    char f[8], b[8], key[96], svg[512];
    hex(f, fill);
    hex(b, border);
    snprintf(key, sizeof key, "card:%s:%s:%d:%d", f, b, border_w, radius);
    snprintf(svg, sizeof svg,
             "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">"
             "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" rx=\"%d\" ry=\"%d\" fill=\"%s\" "
             "stroke=\"%s\" stroke-width=\"%d\"/></svg>",
             side, side, side, side, border_w / 2.0, border_w / 2.0, side - (double)border_w,
             side - (double)border_w, radius, radius, f, b, border_w);
    SDL_Texture *t = corner > 0 ? symbol_cache_get_svg(p->symbols, key, svg, side, side) : NULL;
    if (t) {
        draw_nine_slice(p->renderer, t, corner, r);
        return;
    }
    SDL_Rect dst = {r.x, r.y, r.w, r.h};
    SDL_SetRenderDrawColor(p->renderer, fill.r, fill.g, fill.b, fill.a);
    SDL_RenderFillRect(p->renderer, &dst);
}

void draw_symbol(const UiPainter *p, const char *path, UiRect r)
{
    int side = r.w < r.h ? r.w : r.h;
    if (!path || !path[0] || side <= 0)
        return;
    SDL_Texture *t = symbol_cache_get(p->symbols, path, side);
    if (!t)
        return;
    int w, h;
    SDL_QueryTexture(t, NULL, NULL, &w, &h);
    SDL_Rect dst = {r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h};
    SDL_RenderCopy(p->renderer, t, NULL, &dst);
}

static int element_border(const UiElement *el, int unit)
{
    bool thick = (el->flags & (UI_CHOSEN | UI_DANGER | UI_HELD)) != 0;
    int w = thick ? unit / 10 : unit / 28;
    return w < 2 ? 2 : w;
}

static bool text_is_bold(const UiElement *el)
{
    if (el->kind == UI_TEXT)
        return (el->flags & UI_HEADING) != 0;
    if (el->kind == UI_BUTTON || !el->symbol[0])
        return true;
    return (el->flags & UI_CHOSEN) != 0;
}

TextStyle draw_text_style(const UiElement *el, int unit, SDL_Color color)
{
    TextStyle style = {
        .max_px = el->text_max_px > 0 ? el->text_max_px : unit / 2,
        .min_px = el->text_min_px > 0 ? el->text_min_px : unit / 4,
        .bold = text_is_bold(el),
        .align = (el->flags & UI_ALIGN_LEFT) || el->kind == UI_RUNG ? TEXT_ALIGN_LEFT : TEXT_ALIGN_CENTER,
        .color = color,
    };
    return style;
}

/* Where an element's symbol and words go inside `r`. */
DrawParts draw_parts(const UiElement *el, UiRect r, int unit)
{
    DrawParts d = {{0, 0, 0, 0}, {0, 0, 0, 0}};
    if (el->kind == UI_TEXT) {
        d.text = r;
        return d;
    }
    if (el->kind != UI_BUTTON && el->kind != UI_TILE && el->kind != UI_TOPIC && el->kind != UI_RUNG)
        return d;
    int pad = el->kind == UI_BUTTON ? unit / 8 : unit / 10;
    UiRect inner = layout_inset(r, element_border(el, unit) + pad);
    bool small = el->kind == UI_TOPIC && (r.w < unit * 17 / 10 || r.h < unit * 17 / 10);
    if (!el->symbol[0]) {
        d.text = inner;
    } else if (el->kind == UI_BUTTON) {
        bool alone = (el->flags & UI_ICON_ONLY) || !el->text[0];
        if (alone) {
            d.symbol = layout_square_in(inner, inner.w < inner.h ? inner.w : inner.h);
        } else if (inner.w < inner.h * 2) {  /* a tall button: symbol over words */
            UiRect top = layout_take_top(&inner, inner.h * 62 / 100, unit / 12);
            d.symbol = layout_square_in(top, top.w < top.h ? top.w : top.h);
            d.text = inner;
        } else {
            int side = inner.h < inner.w / 3 ? inner.h : inner.w / 3;
            d.symbol = layout_square_in(layout_take_left(&inner, side, unit / 6), side);
            d.text = inner;
        }
    } else if (small) {
        d.symbol = inner;  /* too small for words: the symbol says it, touch speaks it */
    } else if (el->kind == UI_RUNG) {
        d.symbol = layout_take_left(&inner, inner.h, unit / 5);
        d.text = inner;
    } else {
        d.symbol = layout_take_top(&inner, inner.h * 63 / 100, unit / 16);
        d.text = inner;
    }
    return d;
}

static void draw_text(const UiPainter *p, const UiElement *el, UiRect box, SDL_Color color)
{
    if (!el->text[0] || box.w <= 0 || box.h <= 0)
        return;
    TextStyle style = draw_text_style(el, p->unit, color);
    SDL_Rect dst = {box.x, box.y, box.w, box.h};
    text_draw(p->text, el->text, dst, &style);
}

/* A symbol on a white rounded chip, for symbols on coloured buttons. */
static void draw_chip(const UiPainter *p, const char *path, UiRect r)
{
    draw_card(p, r, p->theme->card, p->theme->card, 2);
    draw_symbol(p, path, layout_inset(r, r.w / 12));
}

static void draw_button(const UiPainter *p, const UiElement *el, UiRect r)
{
    const UiTheme *t = p->theme;
    SDL_Color fill = t->card, border = t->card_border, ink = t->text;
    if (el->flags & UI_PRIMARY) {
        fill = border = t->primary;
        ink = t->text_on_dark;
    } else if (el->flags & UI_DANGER) {
        border = ink = t->danger;
    } else if (el->flags & UI_CHOSEN) {
        fill = t->chosen_fill;
        border = t->chosen;
    }
    draw_card(p, r, fill, border, element_border(el, p->unit));
    DrawParts d = draw_parts(el, r, p->unit);
    if (d.symbol.w > 0)
        draw_chip(p, el->symbol, d.symbol);
    draw_text(p, el, d.text, ink);
}

/* Tiles, topics and rungs: a card with a symbol and its label. */
static void draw_choice(const UiPainter *p, const UiElement *el, UiRect r)
{
    const UiTheme *t = p->theme;
    bool chosen = el->flags & UI_CHOSEN, held = el->flags & UI_HELD;
    SDL_Color fill = chosen ? t->chosen_fill : t->card;
    SDL_Color border = held ? t->held : chosen ? t->chosen : t->card_border;
    draw_card(p, r, fill, border, element_border(el, p->unit));
    DrawParts d = draw_parts(el, r, p->unit);
    draw_symbol(p, el->symbol, d.symbol);
    draw_text(p, el, d.text, t->text);
    if (chosen) {
        int side = p->unit * 2 / 3;
        UiRect badge = layout_rect(r.x + r.w - side * 3 / 4, r.y - side / 4, side, side);
        draw_symbol(p, p->tick_symbol, badge);
    }
}

static void draw_column(const UiPainter *p, const UiElement *el, UiRect r)
{
    const UiTheme *t = p->theme;
    SDL_Color fill = el->tint >= 0 ? t->column_tint[el->tint] : t->card;
    SDL_Color border = el->tint >= 0 ? t->column_border[el->tint] : t->card_border;
    draw_card(p, r, fill, border, p->unit / 20 + 1);
}

static void draw_plain_text(const UiPainter *p, const UiElement *el, UiRect r)
{
    const UiTheme *t = p->theme;
    SDL_Color ink = (el->flags & UI_ON_DARK) ? t->text_on_dark : (el->flags & UI_MUTED) ? t->muted_text : t->text;
    if (el->flags & UI_WARNING) {
        draw_card(p, r, t->warning, t->warning, 2);
        ink = t->text_on_dark;
    }
    draw_text(p, el, r, ink);
}

void draw_element(const UiPainter *p, const UiElement *el, UiRect r)
{
    const UiTheme *t = p->theme;
    SDL_Rect dst = {r.x, r.y, r.w, r.h};
    switch (el->kind) {
    case UI_BAR:
        SDL_SetRenderDrawColor(p->renderer, t->bar.r, t->bar.g, t->bar.b, 255);
        SDL_RenderFillRect(p->renderer, &dst);
        break;
    case UI_PANEL:
    case UI_ROW: draw_card(p, r, t->card, t->card_border, p->unit / 28 > 2 ? p->unit / 28 : 2); break;
    case UI_RAIL: draw_card(p, r, t->rail, t->rail, 2); break;
    case UI_TEXT: draw_plain_text(p, el, r); break;
    case UI_BUTTON: draw_button(p, el, r); break;
    case UI_TILE:
    case UI_TOPIC:
    case UI_RUNG: draw_choice(p, el, r); break;
    case UI_COLUMN: draw_column(p, el, r); break;
    case UI_MINI:
        if (el->symbol[0])
            draw_chip(p, el->symbol, r);
        break;
    }
}
