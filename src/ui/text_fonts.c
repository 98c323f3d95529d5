/* text_fonts.c: the fonts each run of text is drawn with.
 *
 * The files of each script (Andika; Noto Naskh or Nastaliq, Gurmukhi,
 * Bengali), found through fontconfig and read into memory on the script's
 * first use, and the open TTF_Fonts per (face, size), least recently used
 * of 48 closed. */
#include "ui/text_fonts.h"

#include "ui/font_find.h"

#include <SDL_ttf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
    TextRuns *runs; /* scratch space for splitting lines */
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
    /* Unhinted: at the kiosk's sizes (20 px and up) the outlines look the
     * same, and FreeType's TrueType hinting bytecode was two thirds of the
     * cost of measuring and drawing the first screen's text. */
    if (font)
        TTF_SetFontHinting(font, TTF_HINTING_NONE);
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
    if (f && !(f->runs = text_runs_new())) {
        free(f);
        f = NULL;
    }
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
    text_runs_free(f->runs);
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
    return text_runs_split(f->runs, s, len, base, text_covers, &coverage, runs);
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

