/* text.h: text in every script the kiosk speaks (Andika for Latin, Noto for
 * Arabic script, Gurmukhi and Bengali, found through fontconfig), shaped,
 * laid out right to left where the script asks, wrapped and fitted.
 *
 * Layout never fixes a font size: a text is given a box and a range of sizes,
 * and is drawn at the largest size at which it fits, wrapped on words (a word
 * wider than the box is broken between characters only as a last resort).
 * Rendered lines are kept as textures, so drawing an unchanged screen again
 * costs only copies. */
#ifndef SAYSO_UI_TEXT_H
#define SAYSO_UI_TEXT_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/font_find.h"

typedef struct TextRenderer TextRenderer;

/* TEXT_ALIGN_LEFT means "start": left in a left-to-right paragraph, right
 * in a right-to-left one (whose first strong letter is Arabic script). */
typedef enum { TEXT_ALIGN_CENTER, TEXT_ALIGN_LEFT } TextAlign;

/* How a text's height is measured. A tall script's line (Nastaliq's is
 * some three times as tall as its letters) can leave its letters room to
 * spare where the line does not fit. */
typedef enum {
    TEXT_BY_LINES,      /* lines the font's line height apart */
    TEXT_BY_INK,        /* one line, fitted and centred by its letters' own height (a key) */
    TEXT_INK_IF_NEEDED, /* by lines; where they do not fit, the lines' letters stacked a fifth of
                         * the size apart, each line placed by its own ink */
} TextMeasure;

typedef struct {
    int max_px;      /* largest font size tried, in pixels */
    int min_px;      /* smallest font size allowed, in pixels */
    bool bold;
    TextAlign align; /* horizontal; vertically the block is always centred */
    SDL_Color color;
    TextMeasure measure;
} TextStyle;

typedef struct {
    int px;     /* the size chosen */
    int lines;  /* number of lines after wrapping */
    int width;  /* widest line, pixels */
    int height; /* whole block, pixels */
    bool fits;  /* false when even min_px does not fit the box */
} TextFit;

/* One line of a fitted text: a byte range of the caller's string (always
 * whole UTF-8 characters, spaces at the break left out) and its width. */
typedef struct {
    int start;  /* byte offset into the text */
    int length; /* bytes */
    int width;  /* pixels at the fitted size */
} TextLine;

/* Opens Andika (regular and bold), with the fonts of the other scripts as
 * `search` finds them (text_fonts_search, started early so fontconfig
 * works while the display opens; taken and freed here; NULL: searched now).
 * Returns NULL with a plain message in `err` (naming the font that is
 * missing and the Debian package fonts-sil-andika) when no usable font is
 * found. */
TextRenderer *text_open(SDL_Renderer *renderer, FontSearch *search, char *err, size_t err_size);

/* Lets fontconfig go on to the fonts of the scripts other than Latin, in
 * the background (call once the first frame is up). */
void text_search_other_scripts(TextRenderer *text);

/* Frees every font, texture and cached fit; NULL is ignored. */
void text_close(TextRenderer *text);

/* The file of the regular face in use. */
const char *text_font_path(const TextRenderer *text);

/* Fits `utf8` into a box of w x h without drawing (pure measurement). */
TextFit text_fit(TextRenderer *text, const char *utf8, int w, int h, const TextStyle *style);

/* The lines of the same fit as text_fit: copies up to `max_lines` of them
 * into `lines` and returns how many there are (which may be more). */
int text_fit_lines(TextRenderer *text, const char *utf8, int w, int h, const TextStyle *style,
                   TextLine *lines, int max_lines);

/* Draws `utf8` fitted into `box`, centred vertically. Returns the fit used. */
TextFit text_draw(TextRenderer *text, const char *utf8, SDL_Rect box, const TextStyle *style);

typedef struct {
    int width;       /* pixels; INT_MAX when it cannot be measured */
    int line_height; /* the font's line skip at that size */
} TextSpan;

/* Measures utf8[0..len) on one line at `px` (no wrapping). */
TextSpan text_measure_span(TextRenderer *text, const char *utf8, int len, int px, bool bold);

/* Draws utf8[0..len) on one line at `px` with its top-left at (x, y), in the
 * style's colour and weight (cached like every line). */
void text_draw_span(TextRenderer *text, const char *utf8, int len, int px, int x, int y,
                    const TextStyle *style);

/* The renderer the text draws on (NULL when only measuring). */
SDL_Renderer *text_renderer_of(const TextRenderer *text);

/* Drops every cached texture (call when the screen size changes). */
void text_cache_clear(TextRenderer *text);

/* Sets the language the kiosk speaks (ISO 639: "en", "pl", "ro", "ur",
 * "ar", "pa", "bn"; default "en"), which picks font preferences: Urdu is
 * shown in Noto Nastaliq Urdu, Arabic in Noto Naskh Arabic. Drops cached
 * fits and textures when that changes a font. */
void text_set_language(TextRenderer *text, const char *code);

/* True when the first strong character of `utf8` is right to left (Arabic
 * script): such a paragraph is laid out and aligned right to left. */
bool text_is_rtl(const char *utf8);

/* For tests and debugging: writes the runs of the one line `utf8` at `px`,
 * in visual order left to right, one per line as
 *     SCRIPT DIRECTION FONTFILE "text"\n     e.g.  Arab RTL NotoNaskhArabic-Regular.ttf "..."
 * into `out` (truncated to `size`). Returns the number of runs, -1 on error. */
int text_debug_runs(TextRenderer *text, const char *utf8, int px, char *out, size_t size);

#endif
