/* draw.c: draws elements by kind, in the theme's colours.
 *
 * Rounded cards are solid fills with four corners from a small rounded tile
 * that the symbol cache rasterises once per radius and colour (anti-aliased
 * corners, nothing large to rasterise or blend); symbols
 * are rasterised at the size shown; text is fitted to its box. So drawing
 * an unchanged screen again costs only texture copies. */
#include "ui/draw.h"

#include <stdio.h>

static void hex(char out[8], SDL_Color c)
{
    snprintf(out, 8, "#%02X%02X%02X", c.r, c.g, c.b);
}

static void fill_rect(SDL_Renderer *renderer, SDL_Color c, int x, int y, int w, int h)
{
    if (w <= 0 || h <= 0)
        return;
    SDL_SetRenderDrawColor(renderer, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(renderer, &(SDL_Rect){x, y, w, h});
}

/* A card from its pieces: the four corners copied from a small rounded
 * (2r+1)-square tile, the straight border and the inside as solid fills
 * (the stroke's outer edge sits on a pixel edge, so straight edges need no
 * anti-aliasing). Solid fills are the software renderer's fastest path. */
static void draw_card_pieces(SDL_Renderer *renderer, SDL_Texture *tile, int r, UiRect d, SDL_Color inside,
                             SDL_Color border, int bw)
{
    fill_rect(renderer, inside, d.x + r, d.y + bw, d.w - 2 * r, d.h - 2 * bw);
    fill_rect(renderer, inside, d.x + bw, d.y + r, r - bw, d.h - 2 * r);
    fill_rect(renderer, inside, d.x + d.w - r, d.y + r, r - bw, d.h - 2 * r);
    fill_rect(renderer, border, d.x + r, d.y, d.w - 2 * r, bw);
    fill_rect(renderer, border, d.x + r, d.y + d.h - bw, d.w - 2 * r, bw);
    fill_rect(renderer, border, d.x, d.y + r, bw, d.h - 2 * r);
    fill_rect(renderer, border, d.x + d.w - bw, d.y + r, bw, d.h - 2 * r);
    const int sx[2] = {0, r + 1}, dx[2] = {d.x, d.x + d.w - r}, dy[2] = {d.y, d.y + d.h - r};
    for (int row = 0; row < 2; row++)
        for (int col = 0; col < 2; col++)
            SDL_RenderCopy(renderer, tile, &(SDL_Rect){sx[col], sx[row], r, r},
                           &(SDL_Rect){dx[col], dy[row], r, r});
}

void draw_card(const UiPainter *p, UiRect r, SDL_Color fill_colour, SDL_Color border, int border_w)
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
    hex(f, fill_colour);
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
        draw_card_pieces(p->renderer, t, corner, r, fill_colour, border, border_w);
        return;
    }
    fill_rect(p->renderer, fill_colour, r.x, r.y, r.w, r.h);
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

int draw_grown_px(const UiMetrics *m, int px)
{
    return px + m->unit / 4 * (m->text_pct - 100) / 100;
}

int draw_reading_px(const UiMetrics *m)
{
    return draw_grown_px(m, m->unit / 4);
}

/* A text is fitted between its own smallest and largest sizes (a quarter
 * and a half of a target unless it says otherwise), both grown by the
 * person's writing size, and never under the kiosk's reading size at that
 * writing size: writing grows with the setting everywhere, and a screen
 * that cannot hold it lays out more room (more lines, rows or parts)
 * rather than writing smaller. */
TextStyle draw_text_style(const UiElement *el, const UiMetrics *m, SDL_Color color)
{
    int max = el->text_max_px > 0 ? el->text_max_px : m->unit / 2;
    int min = el->text_min_px > 0 ? el->text_min_px : m->unit / 4;
    int floor = draw_reading_px(m);
    min = draw_grown_px(m, min) > floor ? draw_grown_px(m, min) : floor;
    max = draw_grown_px(m, max) > min ? draw_grown_px(m, max) : min;
    TextStyle style = {
        .max_px = max,
        .min_px = min,
        .bold = text_is_bold(el),
        .align = (el->flags & UI_ALIGN_LEFT) || el->kind == UI_RUNG ? TEXT_ALIGN_LEFT : TEXT_ALIGN_CENTER,
        .color = color,
        .measure = (el->flags & UI_KEYCAP) ? TEXT_BY_INK : (el->flags & UI_TIGHT) ? TEXT_INK_IF_NEEDED : TEXT_BY_LINES,
    };
    return style;
}

/* Where an element's symbol and words go inside `r`. */
DrawParts draw_parts(const UiElement *el, UiRect r, const UiMetrics *m)
{
    int unit = m->unit;
    DrawParts d = {{0, 0, 0, 0}, {0, 0, 0, 0}};
    if (el->kind == UI_TEXT) {
        d.text = (el->flags & UI_WARNING) ? layout_inset(r, unit / 10) : r;  /* words off the band's edge */
        return d;
    }
    if (el->kind != UI_BUTTON && el->kind != UI_TILE && el->kind != UI_TOPIC && el->kind != UI_RUNG)
        return d;
    int pad = el->kind == UI_BUTTON ? unit / 8 : (el->flags & UI_BESIDE) ? unit / 16 : unit / 10;
    UiRect inner = layout_inset(r, element_border(el, unit) + pad);
    bool small = el->kind == UI_TOPIC && !el->symbol_px && (r.w < unit * 17 / 10 || r.h < unit * 17 / 10);
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
            if (el->symbol_px > 0 && el->symbol_px < side)  /* the size it had at the normal writing size */
                side = el->symbol_px;
            UiRect strip = m->rtl ? layout_take_right(&inner, side, unit / 6) : layout_take_left(&inner, side, unit / 6);
            d.symbol = layout_square_in(strip, side);
            d.text = inner;
        }
    } else if (small) {
        d.symbol = inner;  /* too small for words: the symbol says it, touch speaks it */
    } else if (el->kind == UI_RUNG || (el->flags & UI_BESIDE)) {  /* a rung, a topic in a row */
        int side = el->symbol_px > 0 && el->symbol_px < inner.h ? el->symbol_px : inner.h;
        UiRect strip = m->rtl ? layout_take_right(&inner, side, unit / 6) : layout_take_left(&inner, side, unit / 6);
        d.symbol = layout_square_in(strip, side);
        d.text = inner;
    } else if (el->symbol_px > 0) {  /* the symbol keeps its size; the words take the rest */
        d.symbol = layout_take_top(&inner, el->symbol_px, unit / 16);
        d.text = inner;
    } else {
        d.symbol = layout_take_top(&inner, inner.h * (100 - m->text_pct * 2 / 5) / 100, unit / 16);
        d.text = inner;
    }
    if (!(el->flags & UI_PHOTO) && d.symbol.w > 0 && el->kind != UI_BUTTON)
        d.symbol = layout_square_in(d.symbol, d.symbol.w < d.symbol.h ? d.symbol.w : d.symbol.h);
    return d;
}

/* A photo cropped to fill `r` exactly (aspect kept, centre kept). */
static void draw_photo(const UiPainter *p, const char *path, UiRect r)
{
    SDL_Texture *t = r.w > 0 && r.h > 0 ? symbol_cache_get_fill(p->symbols, path, r.w, r.h) : NULL;
    if (t)
        SDL_RenderCopy(p->renderer, t, NULL, &(SDL_Rect){r.x, r.y, r.w, r.h});
}

static void draw_text(const UiPainter *p, const UiElement *el, UiRect box, SDL_Color color)
{
    if (!el->text[0] || box.w <= 0 || box.h <= 0)
        return;
    TextStyle style = draw_text_style(el, &p->metrics, color);
    SDL_Rect dst = {box.x, box.y, box.w, box.h};
    if ((el->flags & UI_SYMBOLS) && p->symbol_text.lexicon)
        symbol_text_draw(&p->symbol_text, el->text, dst, &style);
    else
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
    DrawParts d = draw_parts(el, r, &p->metrics);
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
    DrawParts d = draw_parts(el, r, &p->metrics);
    if (el->flags & UI_PHOTO)
        draw_photo(p, el->symbol, d.symbol);
    else
        draw_symbol(p, el->symbol, d.symbol);
    draw_text(p, el, d.text, t->text);
    if (chosen) {
        int side = p->unit * 2 / 3;
        int x = p->metrics.rtl ? r.x - side / 4 : r.x + r.w - side * 3 / 4;  /* the end corner */
        UiRect badge = layout_rect(x, r.y - side / 4, side, side);
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
    draw_text(p, el, draw_parts(el, r, &p->metrics).text, ink);
}

/* A level meter: a card filled from the start edge as far as the level. */
static void draw_meter(const UiPainter *p, const UiElement *el, UiRect r)
{
    const UiTheme *t = p->theme;
    draw_card(p, r, t->card, t->card_border, 2);
    int level = el->tint < 0 ? 0 : el->tint > 100 ? 100 : el->tint;
    UiRect inner = layout_inset(r, p->unit / 10);
    int w = inner.w * level / 100;
    if (w > 0)
        draw_card(p, layout_rect(p->metrics.rtl ? inner.x + inner.w - w : inner.x, inner.y, w, inner.h),
                  t->column_border[0], t->column_border[0], 2);
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
    case UI_METER: draw_meter(p, el, r); break;
    case UI_MINI:
        if (el->symbol[0])
            draw_chip(p, el->symbol, r);
        break;
    }
}
