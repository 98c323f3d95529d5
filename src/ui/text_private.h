/* text_private.h: what ui/text.c (wrapping, fitting, drawing) and
 * ui/text_render.c (a line rendered into a cached texture, and its ink)
 * share: the TextRenderer itself with its caches, and the few functions
 * one file calls in the other. Internal to those two files; everyone else
 * uses ui/text.h. */
#ifndef SAYSO_UI_TEXT_PRIVATE_H
#define SAYSO_UI_TEXT_PRIVATE_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui/text.h"
#include "ui/text_fonts.h"
#include "ui/text_runs.h"

enum {
    TEXT_FIT_SLOTS = 128, /* a keyboard's 48 keys and the rest of its screen */
    TEXT_TEXTURE_SLOTS = 512,
    TEXT_INK_SLOTS = 128,
};

typedef struct {
    char *text; /* NULL: slot free */
    Uint32 hash;
    int w, h, max_px, min_px;
    bool bold;
    TextMeasure measure;
    TextFit fit;
    int skip;        /* line height at fit.px */
    int *ink;        /* NULL, or laid out by ink: each line's first row of ink and its height, in pairs */
    TextLine *lines; /* fit.lines of them, offsets into `text` */
    bool *rtl;       /* per line: its paragraph runs right to left */
    Uint64 used;
} TextFitEntry;

typedef struct {
    char *line; /* NULL: slot free */
    Uint32 hash;
    int px;
    bool bold;
    bool rtl; /* laid out in a right-to-left paragraph */
    Uint32 rgba;
    SDL_Texture *texture;
    int w, h;
    Uint64 used;
} TextLineEntry;

/* The rows of a rendered line that hold ink. */
typedef struct {
    char *line; /* NULL: slot free */
    Uint32 hash;
    int px;
    bool bold, rtl;
    int top, height; /* from the line's top */
    Uint64 used;
} TextInkEntry;

struct TextRenderer {
    SDL_Renderer *renderer; /* may be NULL when only measuring */
    TextFonts *fonts; /* the fonts of every script, and run splitting */
    bool ttf_started;
    Uint64 clock; /* ticks at every cache use, for least-recently-used */
    TextFitEntry fits[TEXT_FIT_SLOTS];
    TextLineEntry textures[TEXT_TEXTURE_SLOTS];
    TextInkEntry inks[TEXT_INK_SLOTS];
    TextLine *wrap; /* the lines of the wrap in progress */
    bool *wrap_rtl; /* and whether each is in a right-to-left paragraph */
    int wrap_count, wrap_cap;
    bool wrap_broke_word; /* a word had to be broken to fit */
    char *scratch; /* a NUL-terminated copy of the piece being measured */
    size_t scratch_cap;
};

/* How a piece of text is measured and drawn. */
typedef struct {
    int px;
    bool bold;
    TextBase base; /* the paragraph's direction */
} TextPen;

/* A NUL-terminated copy of s[0..len) in text's scratch buffer, or NULL when
 * out of memory. Valid until the next call; text owns it. (text.c) */
const char *text_piece(TextRenderer *text, const char *s, int len);

/* The rows of s[0..len) at `px`, as text_draw_line renders it, that hold
 * ink: its letters' own top and height from the line's top (height 0 when
 * it has none), measured once and kept. Returns false when the line cannot
 * be rendered (a font fails, out of memory). (text_render.c) */
bool text_ink(TextRenderer *text, const char *s, int len, int px, bool bold, bool rtl, int *top,
              int *height);

/* Forgets every ink text_ink kept (when a font changes). (text_render.c) */
void text_forget_inks(TextRenderer *text);

/* The texture of s[0..len) at `px` in a paragraph of direction `rtl`, in
 * `color`, rendered on a miss; NULL on failure. The entry belongs to text's
 * cache: valid until the next text_line_texture or text_cache_clear.
 * (text_render.c) */
const TextLineEntry *text_line_texture(TextRenderer *text, const char *s, int len, int px,
                                       bool bold, bool rtl, SDL_Color color);

#endif
