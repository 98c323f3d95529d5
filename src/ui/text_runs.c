/* text_runs.c: one line of text into runs of one script and one direction.
 *
 * SDL_ttf shapes a string with one font, one script and one direction and
 * does no BiDi, so a line such as an Arabic sentence holding "GP" and 2026
 * is cut here into runs:
 *   1. FriBidi resolves an embedding level per character (UAX #9 with
 *      bracket pairs), from the paragraph's base direction;
 *   2. each character gets a script from its Unicode block; digits, spaces
 *      and punctuation ("common") take the script of the letters beside them
 *      at the same level, unless that script's font lacks them (then Latin);
 *   3. runs are the longest stretches of one level and one script, put in
 *      visual order by reversing stretches at each level (UAX #9 rule L2).
 * Costs O(n) per line plus FriBidi's own O(n). Lines of Latin text skip all
 * of this (text_runs_is_simple): they are one run in Andika. The fonts the
 * runs are drawn with are text_fonts.c's. */
#include "ui/text_runs.h"

#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

enum { TEXT_SCRIPT_COMMON = TEXT_SCRIPT_COUNT }; /* not yet resolved */

/* Scratch space for splitting one line, grown as needed. */
struct TextRuns {
    int cap; /* characters the arrays below hold */
    FriBidiChar *chars;
    int *offsets; /* byte offset of each character, plus one past the end */
    FriBidiCharType *types;
    FriBidiBracketType *brackets;
    FriBidiLevel *levels;
    unsigned char *raw;    /* script from the Unicode block, or COMMON */
    unsigned char *script; /* resolved script */
    TextRun *runs;
    FriBidiLevel *run_levels;
    int count;
};

/* ---- characters ---------------------------------------------------------- */

/* Decodes one UTF-8 character at s[*pos] (an invalid byte is U+FFFD). */
static uint32_t text_runs_decode(const char *s, int len, int *pos)
{
    const unsigned char *u = (const unsigned char *)s + *pos;
    int left = len - *pos;
    int n = u[0] < 0x80 ? 1 : u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC2 ? 2 : 0;
    if (n == 0 || n > left) {
        *pos += 1;
        return 0xFFFD;
    }
    uint32_t ch = n == 1 ? u[0] : u[0] & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *pos += 1;
            return 0xFFFD;
        }
        ch = ch << 6 | (u[i] & 0x3F);
    }
    *pos += n;
    return ch;
}

static bool text_runs_in(uint32_t ch, uint32_t lo, uint32_t hi)
{
    return ch >= lo && ch <= hi;
}

static bool text_runs_is_bidi_control(uint32_t ch)
{
    return text_runs_in(ch, 0x200E, 0x200F) || text_runs_in(ch, 0x202A, 0x202E) ||
           text_runs_in(ch, 0x2066, 0x2069);
}

/* Digits, spaces, punctuation, symbols, joiners and combining marks. */
static bool text_runs_is_common(uint32_t ch)
{
    if (ch < 0x80)
        return !((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
    return (text_runs_in(ch, 0xA0, 0xBF) && ch != 0xAA && ch != 0xB5 && ch != 0xBA) ||
           ch == 0xD7 || ch == 0xF7 || text_runs_in(ch, 0x300, 0x36F) ||
           text_runs_in(ch, 0x964, 0x965) || text_runs_in(ch, 0x2000, 0x2BFF) ||
           text_runs_in(ch, 0x3000, 0x303F) || text_runs_in(ch, 0xFE00, 0xFE0F) ||
           ch == 0xFEFF || ch == 0xFFFD;
}

static unsigned char text_runs_script_of(uint32_t ch)
{
    if (text_runs_is_common(ch))
        return TEXT_SCRIPT_COMMON;
    if (text_runs_in(ch, 0x600, 0x6FF) || text_runs_in(ch, 0x750, 0x77F) ||
        text_runs_in(ch, 0x8A0, 0x8FF) || text_runs_in(ch, 0xFB50, 0xFDFF) ||
        text_runs_in(ch, 0xFE70, 0xFEFE))
        return TEXT_SCRIPT_ARABIC;
    if (text_runs_in(ch, 0xA00, 0xA7F))
        return TEXT_SCRIPT_GURMUKHI;
    if (text_runs_in(ch, 0x980, 0x9FF))
        return TEXT_SCRIPT_BENGALI;
    return TEXT_SCRIPT_LATIN;
}

/* Characters Andika draws with no BiDi: Latin, Greek, Cyrillic, common
 * punctuation and symbols (but not the BiDi controls). */
static bool text_runs_is_simple_char(uint32_t ch)
{
    return ch < 0x590 || text_runs_in(ch, 0x1D00, 0x1FFF) ||
           (text_runs_in(ch, 0x2000, 0x20CF) && !text_runs_is_bidi_control(ch)) ||
           text_runs_in(ch, 0x2100, 0x214F) || text_runs_in(ch, 0x2C60, 0x2C7F) ||
           text_runs_in(ch, 0xA720, 0xA7FF);
}

bool text_runs_is_simple(const char *s, int len)
{
    int pos = 0;
    while (pos < len) {
        if ((unsigned char)s[pos] < 0x80) {
            pos++;
            continue;
        }
        if (!text_runs_is_simple_char(text_runs_decode(s, len, &pos)))
            return false;
    }
    return true;
}

bool text_runs_is_rtl(const char *s, int len)
{
    int pos = 0;
    while (pos < len) {
        FriBidiCharType type = fribidi_get_bidi_type(text_runs_decode(s, len, &pos));
        if (FRIBIDI_IS_LETTER(type))
            return FRIBIDI_IS_RTL(type);
    }
    return false;
}

/* Combining marks and joiners, which never start a piece of a broken word. */
static bool text_runs_is_mark(uint32_t ch)
{
    return text_runs_in(ch, 0x300, 0x36F) || text_runs_in(ch, 0x64B, 0x65F) || ch == 0x670 ||
           text_runs_in(ch, 0x6D6, 0x6ED) || text_runs_in(ch, 0x981, 0x983) ||
           text_runs_in(ch, 0x9BC, 0x9D7) || text_runs_in(ch, 0x9E2, 0x9E3) ||
           text_runs_in(ch, 0xA01, 0xA03) || text_runs_in(ch, 0xA3C, 0xA51) ||
           text_runs_in(ch, 0xA70, 0xA71) || ch == 0xA75 || text_runs_in(ch, 0x200C, 0x200D) ||
           text_runs_in(ch, 0xFE00, 0xFE0F);
}

unsigned text_runs_scripts_in(const char *s, int len)
{
    unsigned mask = 1u << TEXT_SCRIPT_LATIN;
    int pos = 0;
    while (pos < len) {
        if ((unsigned char)s[pos] < 0x80) {
            pos++;
            continue;
        }
        unsigned char script = text_runs_script_of(text_runs_decode(s, len, &pos));
        mask |= script == TEXT_SCRIPT_COMMON ? 0 : 1u << script;
    }
    return mask;
}

/* ---- scratch space -------------------------------------------------------- */

TextRuns *text_runs_new(void)
{
    return calloc(1, sizeof(TextRuns));
}

static void text_runs_release(TextRuns *r)
{
    free(r->chars);
    free(r->offsets);
    free(r->types);
    free(r->brackets);
    free(r->levels);
    free(r->raw);
    free(r->script);
    free(r->runs);
    free(r->run_levels);
}

/* Makes room for `n` characters (and as many runs); false when out of memory. */
static bool text_runs_reserve(TextRuns *r, int n)
{
    if (n <= r->cap)
        return true;
    int cap = r->cap ? r->cap : 64;
    while (cap < n)
        cap *= 2;
    text_runs_release(r);
    size_t c = (size_t)cap;
    *r = (TextRuns){cap, malloc(c * sizeof(FriBidiChar)), malloc((c + 1) * sizeof(int)),
                    malloc(c * sizeof(FriBidiCharType)), malloc(c * sizeof(FriBidiBracketType)),
                    malloc(c * sizeof(FriBidiLevel)), malloc(c), malloc(c),
                    malloc(c * sizeof(TextRun)), malloc(c * sizeof(FriBidiLevel)), 0};
    if (r->chars && r->offsets && r->types && r->brackets && r->levels && r->raw && r->script &&
        r->runs && r->run_levels)
        return true;
    text_runs_release(r);
    *r = (TextRuns){0};
    return false;
}

void text_runs_free(TextRuns *r)
{
    if (!r)
        return;
    text_runs_release(r);
    free(r);
}

/* ---- levels and scripts --------------------------------------------------- */

/* Decodes s[0..len) and resolves its levels. Returns the character count. */
static int text_runs_levels(TextRuns *r, const char *s, int len, TextBase base)
{
    int n = 0, pos = 0;
    while (pos < len) {
        r->offsets[n] = pos;
        r->chars[n] = text_runs_decode(s, len, &pos);
        r->raw[n] = text_runs_script_of(r->chars[n]);
        n++;
    }
    r->offsets[n] = len;
    FriBidiParType dir = base == TEXT_BASE_RTL   ? FRIBIDI_PAR_RTL
                         : base == TEXT_BASE_LTR ? FRIBIDI_PAR_LTR
                                                 : FRIBIDI_PAR_ON;
    fribidi_get_bidi_types(r->chars, n, r->types);
    fribidi_get_bracket_types(r->chars, n, r->types, r->brackets);
    if (fribidi_get_par_embedding_levels_ex(r->types, r->brackets, n, &dir, r->levels) == 0)
        memset(r->levels, dir == FRIBIDI_PAR_RTL ? 1 : 0, (size_t)n * sizeof(FriBidiLevel));
    return n;
}

/* Gives each common character the script of the nearest letter before it
 * (when `same_level`, only one at the same level), walking in `step`. */
static void text_runs_inherit(TextRuns *r, int n, int step, bool same_level)
{
    int first = step > 0 ? 0 : n - 1;
    unsigned char last = TEXT_SCRIPT_COMMON;
    for (int i = first; i >= 0 && i < n; i += step) {
        if (same_level && i != first && r->levels[i] != r->levels[i - step])
            last = TEXT_SCRIPT_COMMON;
        if (r->script[i] == TEXT_SCRIPT_COMMON)
            r->script[i] = last;
        else
            last = r->script[i];
    }
}

/* A character of text with no script of its own (a Bengali danda alone on
 * a key): the first font that draws it, Latin's when it does. */
static unsigned char text_runs_common_script(TextCovers covers, void *ctx, uint32_t ch)
{
    for (int script = 0; script < TEXT_SCRIPT_COUNT; script++)
        if (covers(ctx, (TextScript)script, ch))
            return (unsigned char)script;
    return TEXT_SCRIPT_LATIN;
}

static void text_runs_scripts(TextRuns *r, int n, TextCovers covers, void *ctx)
{
    memcpy(r->script, r->raw, (size_t)n);
    text_runs_inherit(r, n, 1, true);
    text_runs_inherit(r, n, -1, true);
    text_runs_inherit(r, n, 1, false);
    text_runs_inherit(r, n, -1, false);
    for (int i = 0; i < n; i++) {
        bool joined = r->raw[i] == TEXT_SCRIPT_COMMON;
        if (r->script[i] == TEXT_SCRIPT_COMMON)
            r->script[i] = text_runs_common_script(covers, ctx, r->chars[i]);
        else if (joined && r->script[i] != TEXT_SCRIPT_LATIN && !covers(ctx, r->script[i], r->chars[i]))
            r->script[i] = TEXT_SCRIPT_LATIN;
    }
}

/* ---- runs ----------------------------------------------------------------- */

static void text_runs_collect(TextRuns *r, int n)
{
    r->count = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && r->levels[i] == r->levels[i - 1] && r->script[i] == r->script[i - 1]) {
            r->runs[r->count - 1].length = r->offsets[i + 1] - r->runs[r->count - 1].start;
            continue;
        }
        r->runs[r->count] = (TextRun){r->offsets[i], r->offsets[i + 1] - r->offsets[i],
                                      (TextScript)r->script[i], (r->levels[i] & 1) != 0};
        r->run_levels[r->count++] = r->levels[i];
    }
}

static void text_runs_reverse(TextRuns *r, int from, int to)
{
    for (to--; from < to; from++, to--) {
        TextRun run = r->runs[from];
        FriBidiLevel level = r->run_levels[from];
        r->runs[from] = r->runs[to];
        r->run_levels[from] = r->run_levels[to];
        r->runs[to] = run;
        r->run_levels[to] = level;
    }
}

/* UAX #9 rule L2 on whole runs: from the highest level down to 1,
 * reverses every stretch of runs at that level or above. (Below the lowest
 * odd level present only even levels are, so the passes there pair up, 2k
 * with 2k - 1, over the same stretches, and cancel: this is L2's "down to
 * the lowest odd level".) */
static void text_runs_reorder(TextRuns *r)
{
    int high = 0;
    for (int i = 0; i < r->count; i++)
        high = r->run_levels[i] > high ? r->run_levels[i] : high;
    for (int level = high; level > 0; level--) {
        for (int i = 0; i < r->count;) {
            if (r->run_levels[i] < level) {
                i++;
                continue;
            }
            int end = i;
            while (end < r->count && r->run_levels[end] >= level)
                end++;
            text_runs_reverse(r, i, end);
            i = end;
        }
    }
}

int text_runs_split(TextRuns *runs, const char *s, int len, TextBase base, TextCovers covers,
                    void *ctx, const TextRun **out)
{
    if (!text_runs_reserve(runs, len + 1))
        return -1;
    int n = text_runs_levels(runs, s, len, base);
    text_runs_scripts(runs, n, covers, ctx);
    text_runs_collect(runs, n);
    text_runs_reorder(runs);
    *out = runs->runs;
    return runs->count;
}

/* The position after the character at `pos` and the marks that belong with
 * it (combining marks, joiners, and the consonant after a virama). */
int text_runs_next_cluster(const char *s, int pos, int end)
{
    uint32_t ch = text_runs_decode(s, end, &pos);
    while (pos < end) {
        int next = pos;
        bool virama = ch == 0x9CD || ch == 0xA4D;
        ch = text_runs_decode(s, end, &next);
        if (!virama && !text_runs_is_mark(ch))
            break;
        pos = next;
    }
    return pos;
}

/* ---- words and characters, for wrapping ---- */

bool text_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

int text_skip_spaces(const char *s, int pos, int end)
{
    while (pos < end && text_is_space(s[pos]))
        pos++;
    return pos;
}

int text_word_end(const char *s, int pos, int end)
{
    while (pos < end && !text_is_space(s[pos]))
        pos++;
    return pos;
}

/* The byte offset `n` characters after `pos` (never past `end`), a
 * character taking its combining marks along. */
int text_advance_chars(const char *s, int pos, int end, int n)
{
    while (pos < end && n-- > 0)
        pos = text_runs_next_cluster(s, pos, end);
    return pos;
}

int text_count_chars(const char *s, int pos, int end)
{
    int n = 0;
    while (pos < end) {
        pos = text_advance_chars(s, pos, end, 1);
        n++;
    }
    return n;
}
