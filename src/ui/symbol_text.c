/* symbol_text.c: symbol-supported text; see symbol_text.h.
 *
 * Layout is greedy: groups are placed left to right, a group that would
 * cross the right edge starts a new line. Every line is as tall as a symbol
 * plus a line of words, so words line up across lines whether or not each
 * group has a symbol. Sizes are tried from the largest down in steps of
 * 2 px: a text of n groups costs about n measurements per size tried. */
#include "ui/symbol_text.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "survey/survey.h"

enum { MAX_GROUPS = 96 };

typedef struct {
    LexiconGroup g[MAX_GROUPS];
    int n;
    int width[MAX_GROUPS];  /* of the group: its words or its symbol, the wider */
    int line[MAX_GROUPS];   /* the line it lands on */
    int x[MAX_GROUPS];      /* left edge within its line */
    int line_width[MAX_GROUPS];
    int lines;
    int px, symbol_px, gap, line_h;
} SymbolLayout;

static int symbol_px_for(int px)
{
    return px * 2;
}

/* Places the groups at `px`; false when a group is wider than w or the
 * lines are taller than h. */
static bool layout_at(const SymbolText *st, const char *s, SymbolLayout *l, int px, int w, int h, bool bold)
{
    l->px = px;
    l->symbol_px = symbol_px_for(px);
    l->gap = px / 3;
    l->lines = 0;
    int x = 0, line_skip = 0;
    for (int i = 0; i < l->n; i++) {
        TextSpan span = text_measure_span(st->text, s + l->g[i].start, l->g[i].length, px, bold);
        line_skip = span.line_height;
        int gw = span.width;
        if (l->g[i].symbol && gw < l->symbol_px)
            gw = l->symbol_px;
        if (gw > w)
            return false;
        if (i == 0 || x + l->gap + gw > w) {
            l->line_width[l->lines++] = 0;
            x = 0;
        } else {
            x += l->gap;
        }
        l->width[i] = gw;
        l->line[i] = l->lines - 1;
        l->x[i] = x;
        x += gw;
        l->line_width[l->lines - 1] = x;
    }
    l->line_h = l->symbol_px + px / 8 + line_skip;
    return l->lines * l->line_h + (l->lines - 1) * (px / 3) <= h;
}

static bool fit_layout(const SymbolText *st, const char *s, SymbolLayout *l, int w, int h, const TextStyle *style)
{
    l->n = st->lexicon ? lexicon_groups(st->lexicon, st->language, s, l->g, MAX_GROUPS) : 0;
    if (l->n == 0)
        return false;
    for (int px = style->max_px; px >= style->min_px; px -= 2)
        if (layout_at(st, s, l, px, w, h, style->bold))
            return true;
    return false;
}

static SymbolTextFit fit_of(const SymbolLayout *l, bool fits)
{
    SymbolTextFit f = {l->px, l->lines, l->n, 0, fits};
    for (int i = 0; i < l->n; i++)
        f.symbols += l->g[i].symbol != NULL;
    return f;
}

SymbolTextFit symbol_text_fit(const SymbolText *st, const char *utf8, int w, int h, const TextStyle *style)
{
    SymbolLayout l;
    bool fits = fit_layout(st, utf8, &l, w, h, style);
    return fit_of(&l, fits);
}

static void draw_group(const SymbolText *st, const char *s, const SymbolLayout *l, int i, int left, int top,
                       const TextStyle *style)
{
    int x = left + l->x[i];
    TextSpan span = text_measure_span(st->text, s + l->g[i].start, l->g[i].length, l->px, style->bold);
    if (l->g[i].symbol) {
        char file[128], path[1024];
        snprintf(file, sizeof file, "%.120s.svg", l->g[i].symbol);
        bool found = survey_find_image(NULL, st->symbol_dirs, file, path, sizeof path);
        SDL_Texture *t = found ? symbol_cache_get(st->symbols, path, l->symbol_px) : NULL;
        if (t) {
            int tw, th;
            SDL_QueryTexture(t, NULL, NULL, &tw, &th);
            SDL_Rect dst = {x + (l->width[i] - tw) / 2, top + (l->symbol_px - th) / 2, tw, th};
            SDL_RenderCopy(text_renderer_of(st->text), t, NULL, &dst);
        }
    }
    text_draw_span(st->text, s + l->g[i].start, l->g[i].length, l->px, x + (l->width[i] - span.width) / 2,
                   top + l->symbol_px + l->px / 8, style);
}

SymbolTextFit symbol_text_draw(const SymbolText *st, const char *utf8, SDL_Rect box, const TextStyle *style)
{
    SymbolLayout l;
    if (!fit_layout(st, utf8, &l, box.w, box.h, style)) {
        text_draw(st->text, utf8, box, style);
        return fit_of(&l, false);
    }
    int height = l.lines * l.line_h + (l.lines - 1) * (l.px / 3);
    int top = box.y + (box.h - height) / 2;
    for (int i = 0; i < l.n; i++) {
        int line = l.line[i];
        int left = style->align == TEXT_ALIGN_LEFT ? box.x : box.x + (box.w - l.line_width[line]) / 2;
        draw_group(st, utf8, &l, i, left, top + line * (l.line_h + l.px / 3), style);
    }
    return fit_of(&l, true);
}
