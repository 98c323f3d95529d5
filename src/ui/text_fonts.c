/* text_fonts.c: the fonts each run of text is drawn with.
 *
 * The files of each script (Andika; Noto Naskh or Nastaliq, Gurmukhi,
 * Bengali), all found through fontconfig at once when the kiosk starts
 * (font_find.h: one configuration load, on its own thread, or the last
 * run's answers) and read into memory on the script's first use, and one
 * open TTF_Font per (script, bold), resized to each size asked for. */
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

/* What each script's fonts are looked for as: the families wanted, most
 * preferred first, the language fontconfig falls back on, and the Debian
 * package to name. Arabic script has two: Naskh, and Nastaliq for Urdu
 * (TEXT_REQUEST_NASTALIQ). */
enum { TEXT_REQUEST_NASTALIQ = TEXT_SCRIPT_COUNT, TEXT_REQUESTS };

static const char *const text_latin[] = {"Andika", NULL};
static const char *const text_naskh[] = {"Noto Naskh Arabic", "Noto Sans Arabic", NULL};
static const char *const text_nastaliq[] = {"Noto Nastaliq Urdu", "Noto Naskh Arabic",
                                            "Noto Sans Arabic", NULL};
static const char *const text_gurmukhi[] = {"Noto Sans Gurmukhi", NULL};
static const char *const text_bengali[] = {"Noto Sans Bengali", NULL};

/* Andika is required ("Andika" or "Andika New Basic": its first 6 bytes),
 * with no stand-in: every screen is written in it. */
static const FontRequest text_requests[TEXT_REQUESTS] = {
    [TEXT_SCRIPT_LATIN] = {text_latin, 6, NULL, "fonts-sil-andika"},
    [TEXT_SCRIPT_ARABIC] = {text_naskh, 0, "ar", "fonts-noto-core"},
    [TEXT_SCRIPT_GURMUKHI] = {text_gurmukhi, 0, "pa", "fonts-noto-core"},
    [TEXT_SCRIPT_BENGALI] = {text_bengali, 0, "bn", "fonts-noto-core"},
    [TEXT_REQUEST_NASTALIQ] = {text_nastaliq, 0, "ur", "fonts-noto-core"},
};

/* The request that finds `script`'s fonts when the kiosk speaks `language`
 * (an ISO 639 code such as "ur"). */
static int text_request_of(TextScript script, const char *language)
{
    if (script == TEXT_SCRIPT_ARABIC && text_language_wants_nastaliq(language))
        return TEXT_REQUEST_NASTALIQ;
    return script;
}

FontSearch *text_fonts_search(const char *cache_dir)
{
    return font_search_start(text_requests, TEXT_REQUESTS, cache_dir);
}

/* ---- fonts: files per script, open fonts per (face, size) ----------------- */

enum { TEXT_PATH_MAX = 4096 };

typedef enum { TEXT_FACE_UNKNOWN, TEXT_FACE_READY, TEXT_FACE_MISSING } TextFaceState;

typedef struct {
    char path[TEXT_PATH_MAX];
    void *data; /* the whole font file, SDL_LoadFile'd */
    size_t size;
} TextFace;

/* An open font and the size it is set to. */
typedef struct {
    TTF_Font *font; /* NULL: not opened yet */
    int px;
} TextFont;

struct TextFonts {
    TextFace faces[TEXT_SCRIPT_COUNT][2]; /* [script][bold]; Latin always loaded */
    bool synthetic_bold[TEXT_SCRIPT_COUNT]; /* no bold face: SDL_ttf emboldens */
    TextFaceState state[TEXT_SCRIPT_COUNT];
    char language[16]; /* picks the Arabic-script font: Nastaliq for Urdu */
    FontSearch *search;  /* fontconfig's answers to text_requests, coming in */
    FontAnswer *own;     /* or, with no search thread, found here */
    TextFont fonts[TEXT_SCRIPT_COUNT][2]; /* [script][bold], resized as needed */
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

/* fontconfig's answer to text_requests[request] (waiting for it). */
static const FontAnswer *text_answer(TextFonts *f, int request)
{
    if (f->own)
        return &f->own[request];
    return request == 0 ? font_search_first(f->search) : &font_search_all(f->search)[request];
}

/* Reads the fonts of a script other than Latin on its first use. A missing
 * font is said once on stderr; the script then uses what fontconfig has for
 * it, or else Andika (which shows boxes). */
static void text_resolve_script(TextFonts *f, TextScript script)
{
    char err[600] = "";
    const FontAnswer *answer = text_answer(f, text_request_of(script, f->language));
    if (answer->found != 0)
        fprintf(stderr, "sayso: %s%s%s\n", answer->err, answer->found > 0 ? "; using " : "",
                answer->found > 0 ? answer->files.regular : "");
    bool ready = answer->found >= 0 && text_load_faces(f, script, &answer->files, err, sizeof err);
    if (answer->found >= 0 && !ready)
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

/* The font of `script` set to `px`: one per (script, bold), opened on
 * first use and resized as needed (TTF_SetFontSize), so the sizes tried
 * while fitting a text, and those drawn, each cost no new FreeType face
 * and no new HarfBuzz shaping plan (HarfBuzz keeps those per face): a
 * third of the first frame's text work went there when each size had a
 * font of its own. NULL when it cannot be opened. */
static TTF_Font *text_font(TextFonts *f, TextScript script, int px, bool bold)
{
    script = text_face_script(f, script);
    TextFont *slot = &f->fonts[script][bold];
    if (!slot->font) {
        *slot = (TextFont){text_open_font(f, script, px, bold), px};
        return slot->font;
    }
    if (slot->px != px && TTF_SetFontSize(slot->font, px) != 0) {
        TTF_CloseFont(slot->font);
        *slot = (TextFont){NULL, 0};
        return NULL;
    }
    slot->px = px;
    return slot->font;
}

TextFonts *text_fonts_open(FontSearch *search, char *err, size_t err_size)
{
    TextFonts *f = calloc(1, sizeof *f);
    if (f) {
        f->search = search;
        search = NULL; /* the fonts own it now */
        f->runs = text_runs_new();
        f->own = f->search ? NULL : calloc(TEXT_REQUESTS, sizeof *f->own);
    }
    if (!f || !f->runs || (!f->search && !f->own)) {
        font_search_finish(search);
        text_fonts_close(f);
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    if (f->own)
        font_find_all(text_requests, TEXT_REQUESTS, f->own);
    snprintf(f->language, sizeof f->language, "en");
    const FontAnswer *andika = text_answer(f, TEXT_SCRIPT_LATIN);
    if (andika->found != 0)
        snprintf(err, err_size, "%s", andika->err);
    if (andika->found != 0 || !text_load_faces(f, TEXT_SCRIPT_LATIN, &andika->files, err, err_size)) {
        text_fonts_close(f);
        return NULL;
    }
    f->state[TEXT_SCRIPT_LATIN] = TEXT_FACE_READY;
    return f;
}

static void text_close_fonts(TextFonts *f)
{
    for (int script = 0; script < TEXT_SCRIPT_COUNT; script++)
        for (int bold = 0; bold < 2; bold++) {
            if (f->fonts[script][bold].font)
                TTF_CloseFont(f->fonts[script][bold].font);
            f->fonts[script][bold] = (TextFont){NULL, 0};
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

void text_fonts_search_on(TextFonts *f)
{
    font_search_go_on(f->search);
}

void text_fonts_close(TextFonts *f)
{
    if (!f)
        return;
    text_close_fonts(f);
    for (int script = 0; script < TEXT_SCRIPT_COUNT; script++)
        text_forget_faces(f, (TextScript)script);
    text_runs_free(f->runs);
    font_search_finish(f->search);
    free(f->own);
    free(f);
}

const char *text_fonts_path(TextFonts *f, TextScript script)
{
    return f->faces[text_face_script(f, script)][0].path;
}

bool text_fonts_set_language(TextFonts *f, const char *code)
{
    const char *language = code && *code ? code : "en";
    int before = text_request_of(TEXT_SCRIPT_ARABIC, f->language);
    snprintf(f->language, sizeof f->language, "%s", language);
    if (text_request_of(TEXT_SCRIPT_ARABIC, language) == before)
        return false;
    text_close_fonts(f);
    text_forget_faces(f, TEXT_SCRIPT_ARABIC);
    return true;
}

/* `font` told the script and direction to shape with. */
static TTF_Font *text_shaping(TTF_Font *font, TextScript script, bool rtl)
{
    if (!font)
        return NULL;
    TTF_SetFontScriptName(font, script == TEXT_SCRIPT_LATIN ? "Zzzz" : text_script_tag(script));
    TTF_SetFontDirection(font, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    return font;
}

TTF_Font *text_fonts_get(TextFonts *f, TextScript script, bool rtl, int px, bool bold)
{
    return text_shaping(text_font(f, script, px, bold), script, rtl);
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

