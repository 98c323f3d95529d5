/* draw.h: drawing elements by kind (private to ui/). */
#ifndef SAYSO_UI_DRAW_H
#define SAYSO_UI_DRAW_H

#include <SDL.h>

#include "ui/elements.h"
#include "ui/symbol_cache.h"
#include "ui/symbol_text.h"
#include "ui/text.h"
#include "ui/theme.h"

/* What sizes depend on: the smallest touch target and the writing size. */
typedef struct {
    int unit;     /* smallest touch target, px */
    int text_pct; /* 100, 125 or 150: the person's choice of writing size */
    bool rtl;     /* right to left: symbols go on the right of their words */
} UiMetrics;

typedef struct {
    SDL_Renderer *renderer;
    TextRenderer *text;
    SymbolCache *symbols;
    const UiTheme *theme;
    int unit;                /* smallest touch target, px */
    UiMetrics metrics;
    const char *tick_symbol; /* the "chosen" badge */
    SymbolText symbol_text;  /* for elements with UI_SYMBOLS */
} UiPainter;

typedef struct {
    UiRect symbol; /* w == 0: no symbol */
    UiRect text;   /* w == 0: no words */
} DrawParts;

/* Where an element's symbol and words go when it is drawn into `r`. */
DrawParts draw_parts(const UiElement *el, UiRect r, const UiMetrics *m);

/* A text size `px` of the normal writing size at the person's: every text
 * grows by the same pixels, a quarter of a target at each step (so the
 * smallest writing grows half as large again at the largest size, and
 * large headings grow less in proportion, keeping their room). */
int draw_grown_px(const UiMetrics *m, int px);

/* The kiosk's smallest reading size, px, at the person's writing size: no
 * text is drawn smaller. */
int draw_reading_px(const UiMetrics *m);

/* The text style an element is drawn with. */
TextStyle draw_text_style(const UiElement *el, const UiMetrics *m, SDL_Color color);

/* Draws `el` into `r` (its own rectangle, or where a drag has taken it). */
void draw_element(const UiPainter *p, const UiElement *el, UiRect r);

/* A rounded card, anti-aliased, cached per size and colour. */
void draw_card(const UiPainter *p, UiRect r, SDL_Color fill, SDL_Color border, int border_w);

/* A symbol fitted (aspect kept) and centred in `r`; nothing when missing. */
void draw_symbol(const UiPainter *p, const char *path, UiRect r);

#endif
