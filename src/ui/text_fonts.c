/* text_fonts.c: the fonts each run of text is drawn with.
 *
 * The files of each script (Andika; Noto Naskh or Nastaliq, Gurmukhi,
 * Bengali), all found through fontconfig at once when the kiosk starts
 * (font_find.h: one configuration load, on its own thread, or the last
 * run's answers) and read into memory on the script's first use, and one
 * open TTF_Font per (script, bold), resized to each size asked for.
 *
 * Every script is drawn at one visual size. A size in px means Latin's
 * size; another script is drawn larger or smaller by its measured letter
 * heights: the headline every Bengali and Gurmukhi letter hangs from rises
 * as high as a Latin capital, and the body of an Arabic-script letter (beh,
 * a tooth on the baseline) as high as a Latin lower-case x. At the same px
 * Noto Bengali would otherwise read smaller than Andika, and Arabic
 * smaller still. */
#include "ui/text_fonts.h"

#include "ui/font_find.h"

#include <SDL_ttf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- fonts per script ----------------------------------------------------- */

const char *text_script_tag(TextScript script)
{
    static const char *const tags[TEXT_SCRIPT_COUNT] = {"Latn", "Arab", "Guru", "Beng"};
    return tags[script];
}

/* The request (font_find.h) that finds `script`'s fonts when the kiosk
 * speaks `language` (an ISO 639 code such as "ur"). */
static int text_request_of(TextScript script, const char *language)
{
    return font_kiosk_request(text_script_tag(script), language);
}

FontSearch *text_fonts_search(const char *cache_dir)
{
    return font_search_start(font_kiosk_requests, FONT_KIOSK_REQUESTS, cache_dir);
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
    float scale[TEXT_SCRIPT_COUNT]; /* a script's size per px of Latin: every script reads as large */
    char language[16]; /* picks the Arabic-script font: Nastaliq for Urdu */
    FontSearch *search;  /* fontconfig's answers to font_kiosk_requests, coming in */
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

/* fontconfig's answer to font_kiosk_requests[request] (waiting for it). */
static const FontAnswer *text_answer(TextFonts *f, int request)
{
    if (f->own)
        return &f->own[request];
    return request == 0 ? font_search_first(f->search) : &font_search_all(f->search)[request];
}

/* How high `ch` rises above the baseline in the regular face of `script`,
 * in 1/1000 of the em; 0 when it cannot be measured. */
static int text_glyph_top(const TextFonts *f, TextScript script, uint32_t ch)
{
    const TextFace *face = &f->faces[script][0];
    SDL_RWops *rw = SDL_RWFromConstMem(face->data, (int)face->size);
    TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, 1000) : NULL;
    int minx, maxx, miny, maxy = 0, advance;
    if (!font || !TTF_GlyphIsProvided32(font, ch) ||
        TTF_GlyphMetrics32(font, ch, &minx, &maxx, &miny, &maxy, &advance) != 0)
        maxy = 0;
    if (font)
        TTF_CloseFont(font);
    return maxy;
}

/* What sizes each script, and the Latin letter it is matched to: the
 * headline of Bengali (ক) and Gurmukhi (ਕ) to a capital H; the body of
 * Arabic script (beh, ب: its dot is below) to a lower-case x. */
static const struct {
    uint32_t letter, latin;
} text_script_measures[TEXT_SCRIPT_COUNT] = {
    [TEXT_SCRIPT_LATIN] = {'x', 'x'},
    [TEXT_SCRIPT_ARABIC] = {0x0628, 'x'},
    [TEXT_SCRIPT_GURMUKHI] = {0x0A15, 'H'},
    [TEXT_SCRIPT_BENGALI] = {0x0995, 'H'},
};

/* The size `script` is drawn at per px of Latin, from the letters'
 * heights, kept within 0.75 to 1.5 (a font without those letters: 1). */
static float text_measure_scale(const TextFonts *f, TextScript script)
{
    int latin = text_glyph_top(f, TEXT_SCRIPT_LATIN, text_script_measures[script].latin);
    int own = text_glyph_top(f, script, text_script_measures[script].letter);
    if (script == TEXT_SCRIPT_LATIN || latin <= 0 || own <= 0)
        return 1.0f;
    float scale = (float)latin / (float)own;
    return scale < 0.75f ? 0.75f : scale > 1.5f ? 1.5f : scale;
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
    f->scale[script] = ready ? text_measure_scale(f, script) : 1.0f;
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

/* The font of `script` set to `px` (Latin's size: the script's own scale
 * applies): one per (script, bold), opened on first use and resized as
 * needed (TTF_SetFontSize), so the sizes tried
 * while fitting a text, and those drawn, each cost no new FreeType face
 * and no new HarfBuzz shaping plan (HarfBuzz keeps those per face): a
 * third of the first frame's text work went there when each size had a
 * font of its own. NULL when it cannot be opened. */
static TTF_Font *text_font(TextFonts *f, TextScript script, int px, bool bold)
{
    script = text_face_script(f, script);
    px = (int)((float)px * f->scale[script] + 0.5f);
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
        f->own = f->search ? NULL : calloc(FONT_KIOSK_REQUESTS, sizeof *f->own);
    }
    if (!f || !f->runs || (!f->search && !f->own)) {
        font_search_finish(search);
        text_fonts_close(f);
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    if (f->own)
        font_find_all(font_kiosk_requests, FONT_KIOSK_REQUESTS, f->own);
    snprintf(f->language, sizeof f->language, "en");
    const FontAnswer *andika = text_answer(f, FONT_KIOSK_LATIN);
    if (andika->found != 0)
        snprintf(err, err_size, "%s", andika->err);
    if (andika->found != 0 || !text_load_faces(f, TEXT_SCRIPT_LATIN, &andika->files, err, err_size)) {
        text_fonts_close(f);
        return NULL;
    }
    f->state[TEXT_SCRIPT_LATIN] = TEXT_FACE_READY;
    for (int script = 0; script < TEXT_SCRIPT_COUNT; script++)
        f->scale[script] = 1.0f;
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

