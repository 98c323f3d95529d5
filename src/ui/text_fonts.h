/* text_fonts.h: the fonts each run of text is drawn with (fontconfig,
 * SDL_ttf). For the text module (text.c, text_render.c), and in src/ui
 * only: ui.c and coverage.c ask it about fonts too. */
#ifndef SAYSO_UI_TEXT_FONTS_H
#define SAYSO_UI_TEXT_FONTS_H

#include <SDL_ttf.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui/font_find.h"
#include "ui/text_runs.h"

/* The ISO 15924 tag HarfBuzz is given for `script` ("Latn", "Arab", ...). */
const char *text_script_tag(TextScript script);

/* The fonts of every script, opened as needed. */
typedef struct TextFonts TextFonts;

/* Starts fontconfig's search for every script's fonts on a thread of its
 * own (font_find.h), for text_fonts_open, or reads its answers from
 * `cache_dir` (may be NULL); NULL when no thread can start. */
FontSearch *text_fonts_search(const char *cache_dir);

/* Takes `search` (text_fonts_search's; NULL: every script is searched for
 * here, now) and reads Andika, waiting only for its answer; the other
 * scripts' answers are waited for on their first use. Returns NULL with a
 * message a person can act on in `err` when Andika is missing. */
TextFonts *text_fonts_open(FontSearch *search, char *err, size_t err_size);

/* Lets the search go on to the other scripts' fonts (call once the first
 * frame is up); does not wait. */
void text_fonts_search_on(TextFonts *fonts);

/* Closes every font and frees the files; NULL is ignored. Call before
 * TTF_Quit. */
void text_fonts_close(TextFonts *fonts);

/* The file of the regular face that draws `script` (Andika's when the
 * script's own font is missing). */
const char *text_fonts_path(TextFonts *fonts, TextScript script);

/* Sets the kiosk's language (ISO 639, e.g. "ur", "ar", "pa", "bn"). Returns
 * true when that changes a font, so everything measured before is stale. */
bool text_fonts_set_language(TextFonts *fonts, const char *code);

/* The font of `script` at `px`, told the script and direction to shape
 * with; NULL when it cannot be opened. Valid until the next call. */
TTF_Font *text_fonts_get(TextFonts *fonts, TextScript script, bool rtl, int px, bool bold);

/* The line skip of the tallest font s[0..len) needs; 0 when none opens. */
int text_fonts_line_skip(TextFonts *fonts, const char *s, int len, int px, bool bold);

/* The runs of s[0..len) in visual order, left to right, in a paragraph of
 * direction `base`; a Latin line in a left-to-right paragraph is the single
 * run `*one`, without FriBidi. Returns the count and points `*runs` at them
 * (valid until the next call), or -1 when out of memory. */
int text_fonts_runs(TextFonts *fonts, const char *s, int len, int px, bool bold, TextBase base,
                    TextRun *one, const TextRun **runs);

/* What text_debug_runs (text.h) writes: the runs of the line `utf8`. */
int text_fonts_describe(TextFonts *fonts, const char *utf8, int px, char *out, size_t size);

#endif
