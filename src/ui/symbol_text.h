/* symbol_text.h: symbol-supported text, as symbolised Easy Read shows it.
 *
 * The lexicon cuts a text into word groups; each group with a symbol is
 * drawn as the symbol above its words, and lines wrap between groups, never
 * inside one, so a symbol is never split from its word. The size is fitted
 * to the box like plain text: the largest that fits. */
#ifndef SAYSO_UI_SYMBOL_TEXT_H
#define SAYSO_UI_SYMBOL_TEXT_H

#include <SDL.h>
#include <stdbool.h>

#include "symbols/lexicon.h"
#include "ui/symbol_cache.h"
#include "ui/text.h"

typedef struct {
    TextRenderer *text;
    SymbolCache *symbols;
    const Lexicon *lexicon;
    const char *language;    /* lexicon language code, "en" */
    const char *const *symbol_dirs; /* where NAME.svg is found: packs first, NULL-ended */
} SymbolText;

typedef struct {
    int px;      /* text size chosen; the symbols are twice it */
    int lines;
    int groups;  /* word groups */
    int symbols; /* groups with a symbol */
    bool fits;   /* false: even the smallest size does not fit */
} SymbolTextFit;

/* Fits `utf8` as symbol-supported text into w x h, sizes from the style. */
SymbolTextFit symbol_text_fit(const SymbolText *st, const char *utf8, int w, int h, const TextStyle *style);

/* Draws it into `box`, centred vertically (horizontally as the style says).
 * When it does not fit at all it falls back to plain text, which always
 * shrinks further. Returns the fit. */
SymbolTextFit symbol_text_draw(const SymbolText *st, const char *utf8, SDL_Rect box, const TextStyle *style);

#endif
