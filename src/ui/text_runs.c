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
 * of this (text_runs_is_simple): they are one run in Andika.
 *
 * It also keeps the fonts each run is drawn with: the files of each script
 * (Andika; Noto Naskh or Nastaliq, Gurmukhi, Bengali), found through
 * fontconfig on the script's first use and read into memory, and the open
 * TTF_Fonts per (face, size), least recently used of 48 closed. */
#include "ui/text_runs.h"

#include "ui/font_find.h"

#include <SDL_ttf.h>
#include <fribidi.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { TEXT_SCRIPT_COMMON = TEXT_SCRIPT_COUNT }; /* not yet resolved */

/* Whether the font of `script` has a glyph for `ch`. */
typedef bool (*TextCovers)(void *ctx, TextScript script, uint32_t ch);

/* Scratch space for splitting one line, grown as needed. */
typedef struct {
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
} TextRuns;

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

static void text_runs_scripts(TextRuns *r, int n, TextCovers covers, void *ctx)
{
    memcpy(r->script, r->raw, (size_t)n);
    text_runs_inherit(r, n, 1, true);
    text_runs_inherit(r, n, -1, true);
    text_runs_inherit(r, n, 1, false);
    text_runs_inherit(r, n, -1, false);
    for (int i = 0; i < n; i++) {
        bool joined = r->raw[i] == TEXT_SCRIPT_COMMON;
        if (r->script[i] == TEXT_SCRIPT_COMMON ||
            (joined && r->script[i] != TEXT_SCRIPT_LATIN && !covers(ctx, r->script[i], r->chars[i])))
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

/* UAX #9 rule L2 on whole runs: from the highest level down to the lowest
 * odd one, reverses every stretch of runs at that level or above. */
static void text_runs_reorder(TextRuns *r)
{
    FriBidiLevel high = 0, low_odd = 255;
    for (int i = 0; i < r->count; i++) {
        high = r->run_levels[i] > high ? r->run_levels[i] : high;
        if ((r->run_levels[i] & 1) && r->run_levels[i] < low_odd)
            low_odd = r->run_levels[i];
    }
    for (int level = high; level >= low_odd && level > 0; level--) {
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

/* Splits s[0..len) into runs in visual order, left to right, with `base` as
 * the paragraph direction. Returns the number of runs and points `*out` at
 * them (valid until the next call), or -1 when out of memory. */
static int text_runs_split(TextRuns *runs, const char *s, int len, TextBase base, TextCovers covers,
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

/* ---- fonts per script ----------------------------------------------------- */

const char *text_script_tag(TextScript script)
{
    static const char *const tags[TEXT_SCRIPT_COUNT] = {"Latn", "Arab", "Guru", "Beng"};
    return tags[script];
}

/* Urdu (and Punjabi or Saraiki written in Arabic script) is read in
 * Nastaliq; `language` is a BCP 47 or POSIX code ("ur", "pa-Arab", "pa_PK"). */
static bool text_language_wants_nastaliq(const char *language)
{
    static const char *const nastaliq[] = {"ur", "pnb", "skr", "pa-Arab", "pa-PK", NULL};
    char code[16];
    size_t n = 0;
    for (; language[n] && n < sizeof code - 1; n++)
        code[n] = language[n] == '_' ? '-' : language[n];
    code[n] = '\0';
    for (int i = 0; nastaliq[i]; i++) {
        size_t k = strlen(nastaliq[i]);
        if (strncasecmp(code, nastaliq[i], k) == 0 && (code[k] == '\0' || code[k] == '-'))
            return true;
    }
    return false;
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

/* The font families wanted for `script` when the kiosk speaks `language`
 * (an ISO 639 code such as "ur"), most preferred first, NULL-terminated;
 * the language fontconfig falls back on, and the Debian package to name. */
typedef struct {
    const char *const *families;
    const char *lang;
    const char *package;
} TextScriptFonts;

static TextScriptFonts text_script_fonts(TextScript script, const char *language)
{
    static const char *const latin[] = {"Andika", NULL};
    static const char *const naskh[] = {"Noto Naskh Arabic", "Noto Sans Arabic", NULL};
    static const char *const nastaliq[] = {"Noto Nastaliq Urdu", "Noto Naskh Arabic",
                                           "Noto Sans Arabic", NULL};
    static const char *const gurmukhi[] = {"Noto Sans Gurmukhi", NULL};
    static const char *const bengali[] = {"Noto Sans Bengali", NULL};
    switch (script) {
    case TEXT_SCRIPT_ARABIC:
        if (text_language_wants_nastaliq(language))
            return (TextScriptFonts){nastaliq, "ur", "fonts-noto-core"};
        return (TextScriptFonts){naskh, "ar", "fonts-noto-core"};
    case TEXT_SCRIPT_GURMUKHI:
        return (TextScriptFonts){gurmukhi, "pa", "fonts-noto-core"};
    case TEXT_SCRIPT_BENGALI:
        return (TextScriptFonts){bengali, "bn", "fonts-noto-core"};
    default:
        return (TextScriptFonts){latin, "en", "fonts-sil-andika"};
    }
}

/* ---- fonts: files per script, open fonts per (face, size) ----------------- */

enum { TEXT_FONT_SLOTS = 48, TEXT_PATH_MAX = 4096 };

typedef enum { TEXT_FACE_UNKNOWN, TEXT_FACE_READY, TEXT_FACE_MISSING } TextFaceState;

typedef struct {
    char path[TEXT_PATH_MAX];
    void *data; /* the whole font file, SDL_LoadFile'd */
    size_t size;
} TextFace;

typedef struct {
    TTF_Font *font; /* NULL: slot free */
    TextScript script;
    int px;
    bool bold;
    Uint64 used;
} TextFont;

struct TextFonts {
    TextFace faces[TEXT_SCRIPT_COUNT][2]; /* [script][bold]; Latin always loaded */
    bool synthetic_bold[TEXT_SCRIPT_COUNT]; /* no bold face: SDL_ttf emboldens */
    TextFaceState state[TEXT_SCRIPT_COUNT];
    char language[16]; /* picks the Arabic-script font: Nastaliq for Urdu */
    TextFont fonts[TEXT_FONT_SLOTS];
    Uint64 clock; /* ticks at every use, for least-recently-used */
    TextRuns runs;
};

static bool text_load_face(TextFace *face, char *err, size_t err_size)
{
    face->data = SDL_LoadFile(face->path, &face->size);
    if (!face->data || face->size > INT_MAX) {
        snprintf(err, err_size, "cannot read the font file %s: %s", face->path, SDL_GetError());
        return false;
    }
    return true;
}

/* Reads the faces of `script` from `files` into memory. */
static bool text_load_faces(TextFonts *f, TextScript script, const FontFiles *files, char *err,
                            size_t err_size)
{
    TextFace *faces = f->faces[script];
    snprintf(faces[0].path, sizeof faces[0].path, "%s", files->regular);
    snprintf(faces[1].path, sizeof faces[1].path, "%s", files->bold);
    f->synthetic_bold[script] = files->synthetic_bold;
    if (!text_load_face(&faces[0], err, err_size))
        return false;
    return files->synthetic_bold || text_load_face(&faces[1], err, err_size);
}

/* Finds the fonts of a script other than Latin on its first use. A missing
 * font is said once on stderr; the script then uses what fontconfig has for
 * it, or else Andika (which shows boxes). */
static void text_resolve_script(TextFonts *f, TextScript script)
{
    FontFiles files;
    char err[600] = "";
    TextScriptFonts want = text_script_fonts(script, f->language);
    int found = font_find_families(want.families, want.lang, want.package, &files, err, sizeof err);
    if (found != 0)
        fprintf(stderr, "sayso: %s%s%s\n", err, found > 0 ? "; using " : "",
                found > 0 ? files.regular : "");
    bool ready = found >= 0 && text_load_faces(f, script, &files, err, sizeof err);
    if (found >= 0 && !ready)
        fprintf(stderr, "sayso: %s\n", err);
    f->state[script] = ready ? TEXT_FACE_READY : TEXT_FACE_MISSING;
}

/* The script whose faces draw `script`: itself, or Latin when it has none. */
static TextScript text_face_script(TextFonts *f, TextScript script)
{
    if (f->state[script] == TEXT_FACE_UNKNOWN)
        text_resolve_script(f, script);
    return f->state[script] == TEXT_FACE_READY ? script : TEXT_SCRIPT_LATIN;
}

static TTF_Font *text_open_font(const TextFonts *f, TextScript script, int px, bool bold)
{
    bool synthetic = bold && f->synthetic_bold[script];
    const TextFace *face = &f->faces[script][bold && !synthetic];
    SDL_RWops *rw = SDL_RWFromConstMem(face->data, (int)face->size);
    TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (font && synthetic)
        TTF_SetFontStyle(font, TTF_STYLE_BOLD);
    return font;
}

/* The font of `script` at `px`, opened on first use; NULL when it cannot be. */
static TTF_Font *text_font(TextFonts *f, TextScript script, int px, bool bold)
{
    script = text_face_script(f, script);
    TextFont *slot = &f->fonts[0];
    for (int i = 0; i < TEXT_FONT_SLOTS; i++) {
        TextFont *font = &f->fonts[i];
        if (font->font && font->script == script && font->px == px && font->bold == bold) {
            font->used = ++f->clock;
            return font->font;
        }
        if (font->used < slot->used)
            slot = font;
    }
    TTF_Font *font = text_open_font(f, script, px, bold);
    if (!font)
        return NULL;
    if (slot->font)
        TTF_CloseFont(slot->font);
    *slot = (TextFont){font, script, px, bold, ++f->clock};
    return font;
}

TextFonts *text_fonts_open(char *err, size_t err_size)
{
    FontFiles files;
    TextFonts *f = calloc(1, sizeof *f);
    if (!f) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    snprintf(f->language, sizeof f->language, "en");
    if (font_find_andika(&files, err, err_size) != 0 ||
        !text_load_faces(f, TEXT_SCRIPT_LATIN, &files, err, err_size)) {
        text_fonts_close(f);
        return NULL;
    }
    f->state[TEXT_SCRIPT_LATIN] = TEXT_FACE_READY;
    return f;
}

static void text_close_fonts(TextFonts *f)
{
    for (int i = 0; i < TEXT_FONT_SLOTS; i++) {
        if (f->fonts[i].font)
            TTF_CloseFont(f->fonts[i].font);
        f->fonts[i] = (TextFont){0};
    }
}

static void text_forget_faces(TextFonts *f, TextScript script)
{
    for (int b = 0; b < 2; b++) {
        SDL_free(f->faces[script][b].data);
        f->faces[script][b] = (TextFace){0};
    }
    f->state[script] = TEXT_FACE_UNKNOWN;
}

void text_fonts_close(TextFonts *f)
{
    if (!f)
        return;
    text_close_fonts(f);
    for (int script = 0; script < TEXT_SCRIPT_COUNT; script++)
        text_forget_faces(f, (TextScript)script);
    text_runs_release(&f->runs);
    free(f);
}

const char *text_fonts_path(TextFonts *f, TextScript script)
{
    return f->faces[text_face_script(f, script)][0].path;
}

bool text_fonts_set_language(TextFonts *f, const char *code)
{
    const char *language = code && *code ? code : "en";
    TextScriptFonts before = text_script_fonts(TEXT_SCRIPT_ARABIC, f->language);
    snprintf(f->language, sizeof f->language, "%s", language);
    if (text_script_fonts(TEXT_SCRIPT_ARABIC, language).families == before.families)
        return false;
    text_close_fonts(f);
    text_forget_faces(f, TEXT_SCRIPT_ARABIC);
    return true;
}

TTF_Font *text_fonts_get(TextFonts *f, TextScript script, bool rtl, int px, bool bold)
{
    TTF_Font *font = text_font(f, script, px, bold);
    if (!font)
        return NULL;
    TTF_SetFontScriptName(font, script == TEXT_SCRIPT_LATIN ? "Zzzz" : text_script_tag(script));
    TTF_SetFontDirection(font, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    return font;
}

int text_fonts_line_skip(TextFonts *f, const char *s, int len, int px, bool bold)
{
    unsigned scripts = text_runs_scripts_in(s, len);
    int skip = 0;
    for (int script = 0; script < TEXT_SCRIPT_COUNT; script++) {
        TTF_Font *font = scripts & 1u << script ? text_font(f, (TextScript)script, px, bold) : NULL;
        skip = font ? SDL_max(skip, TTF_FontLineSkip(font)) : skip;
    }
    return skip;
}

/* ---- runs with their fonts ------------------------------------------------ */

typedef struct {
    TextFonts *fonts;
    int px;
    bool bold;
} TextCoverage;

static bool text_covers(void *ctx, TextScript script, uint32_t ch)
{
    const TextCoverage *c = ctx;
    if (text_face_script(c->fonts, script) != script)
        return false;
    TTF_Font *font = text_font(c->fonts, script, c->px, c->bold);
    return font && TTF_GlyphIsProvided32(font, ch);
}

int text_fonts_runs(TextFonts *f, const char *s, int len, int px, bool bold, TextBase base,
                    TextRun *one, const TextRun **runs)
{
    if (base != TEXT_BASE_RTL && text_runs_is_simple(s, len)) {
        *one = (TextRun){0, len, TEXT_SCRIPT_LATIN, false};
        *runs = one;
        return 1;
    }
    TextCoverage coverage = {f, px, bold};
    return text_runs_split(&f->runs, s, len, base, text_covers, &coverage, runs);
}

int text_fonts_describe(TextFonts *f, const char *utf8, int px, char *out, size_t size)
{
    TextRun one;
    const TextRun *runs;
    int len = (int)strlen(utf8);
    TextBase base = text_runs_is_rtl(utf8, len) ? TEXT_BASE_RTL : TEXT_BASE_LTR;
    int n = text_fonts_runs(f, utf8, len, px, false, base, &one, &runs);
    size_t used = 0;
    if (size > 0)
        out[0] = '\0';
    for (int i = 0; i < n && used < size; i++) {
        const char *path = text_fonts_path(f, runs[i].script);
        const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        int wrote = snprintf(out + used, size - used, "%s %s %s \"%.*s\"\n",
                             text_script_tag(runs[i].script), runs[i].rtl ? "RTL" : "LTR", name,
                             runs[i].length, utf8 + runs[i].start);
        used += wrote > 0 ? (size_t)wrote : size;
    }
    return n;
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
