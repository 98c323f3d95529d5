/* text_runs.h: splitting a line of text into runs of one script and one
 * direction, in visual order (FriBidi). For the text module (text.c,
 * text_render.c, text_fonts.c), and in src/ui only: coverage.c and
 * keyboard_file.c use its script detection too. */
#ifndef SAYSO_UI_TEXT_RUNS_H
#define SAYSO_UI_TEXT_RUNS_H

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

/* Whether the font of `script` has a glyph for `ch`. */
typedef bool (*TextCovers)(void *ctx, TextScript script, uint32_t ch);

/* Scratch space for splitting lines, grown as needed. */
typedef struct TextRuns TextRuns;
TextRuns *text_runs_new(void);
void text_runs_free(TextRuns *runs);

/* Splits s[0..len) into runs in visual order, left to right, with `base` as
 * the paragraph direction; `covers` says which characters common to scripts
 * (digits, punctuation) a script's font can draw. Returns the number of
 * runs and points `*out` at them (valid until the next call), or -1 when
 * out of memory. */
int text_runs_split(TextRuns *runs, const char *s, int len, TextBase base, TextCovers covers,
                    void *ctx, const TextRun **out);

/* Words and characters of a line, for wrapping (byte offsets into s). */
bool text_is_space(char c);
int text_skip_spaces(const char *s, int pos, int end);
int text_word_end(const char *s, int pos, int end);
/* The byte offset `n` characters after `pos` (never past `end`), a
 * character taking its combining marks along. */
int text_advance_chars(const char *s, int pos, int end, int n);
int text_count_chars(const char *s, int pos, int end);

#endif
