/* text_runs.h: splitting a line of text into runs of one script and one
 * direction, in visual order (FriBidi), and the fonts each run is drawn
 * with (fontconfig, SDL_ttf). Internal to ui/text.c. */
#ifndef SAYSO_UI_TEXT_RUNS_H
#define SAYSO_UI_TEXT_RUNS_H

#include <SDL_ttf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The scripts the kiosk has a font for. Latin stands for every script that
 * Andika covers (Latin, Cyrillic, Greek) and for anything unknown. */
typedef enum {
    TEXT_SCRIPT_LATIN,
    TEXT_SCRIPT_ARABIC, /* Arabic and Urdu (Arabic script) */
    TEXT_SCRIPT_GURMUKHI,
    TEXT_SCRIPT_BENGALI,
    TEXT_SCRIPT_COUNT
} TextScript;

typedef enum { TEXT_BASE_AUTO, TEXT_BASE_LTR, TEXT_BASE_RTL } TextBase;

/* One run: bytes [start, start + length) of the line, in logical order
 * inside the run (HarfBuzz reverses an RTL run itself). */
typedef struct {
    int start;
    int length;
    TextScript script;
    bool rtl;
} TextRun;

/* True when s[0..len) needs no BiDi and no font but Andika: every character
 * is Latin, Greek, Cyrillic or common punctuation. O(len), no allocation. */
bool text_runs_is_simple(const char *s, int len);

/* True when the first strong character of s[0..len) is right to left. */
bool text_runs_is_rtl(const char *s, int len);

/* The scripts s[0..len) uses, as bits 1 << TextScript (Latin always set). */
unsigned text_runs_scripts_in(const char *s, int len);

/* The byte after the character at s[pos] and the marks that belong with it
 * (combining marks, joiners, a virama's consonant): where a word too long
 * for its line may be broken. */
int text_runs_next_cluster(const char *s, int pos, int end);

/* The ISO 15924 tag HarfBuzz is given for `script` ("Latn", "Arab", ...). */
const char *text_script_tag(TextScript script);

/* The fonts of every script, opened as needed. */
typedef struct TextFonts TextFonts;

/* Finds Andika (the other scripts are found on first use). Returns NULL
 * with a message a person can act on in `err` when it is missing. */
TextFonts *text_fonts_open(char *err, size_t err_size);

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

/* Words and characters of a line, for wrapping (byte offsets into s). */
bool text_is_space(char c);
int text_skip_spaces(const char *s, int pos, int end);
int text_word_end(const char *s, int pos, int end);
/* The byte offset `n` characters after `pos` (never past `end`), a
 * character taking its combining marks along. */
int text_advance_chars(const char *s, int pos, int end, int n);
int text_count_chars(const char *s, int pos, int end);

#endif
