/* text_render.c: a line of text turned into pixels. Each run (text_runs.c)
 * is shaped in its own font (text_fonts.c) by SDL_ttf, and the runs are
 * composed left to right on one baseline into one surface.
 *
 * text.c decides where lines break and at what size; it comes here only for
 * pixels: a line's texture to draw, or the rows of a rendered line that hold
 * ink, to fit a text by its letters' own height. Two bounded caches keep
 * that cheap:
 *   - line textures, keyed by (line, size, face, colour, direction), LRU of
 *     512; a texture holds the whole line, all its runs composed;
 *   - inks, keyed by (line, size, face, direction), LRU of 128, so a line is
 *     rendered to measure its ink once.
 * Each is a plain array scanned linearly, comparing a CRC-32 first: O(N)
 * with N <= 512, far below the cost of one rasterised line on a miss. */
#include "ui/text_private.h"

#include "ui/text_fonts.h"

#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

static Uint32 text_rgba(SDL_Color c)
{
    return (Uint32)c.r << 24 | (Uint32)c.g << 16 | (Uint32)c.b << 8 | c.a;
}

static void text_free_texture(TextLineEntry *e)
{
    if (e->texture)
        SDL_DestroyTexture(e->texture);
    free(e->line);
    *e = (TextLineEntry){0};
}

void text_cache_clear(TextRenderer *text)
{
    for (int i = 0; i < TEXT_TEXTURE_SLOTS; i++)
        text_free_texture(&text->textures[i]);
}

/* One run rendered, with its font's ascent to put it on the baseline. */
typedef struct {
    SDL_Surface *surface;
    int ascent;
} TextPart;

static TextPart text_render_run(TextRenderer *text, const TextPen *pen, const char *s, TextRun run,
                                SDL_Color color)
{
    TextPart part = {NULL, 0};
    TTF_Font *font = text_fonts_get(text->fonts, run.script, run.rtl, pen->px, pen->bold);
    const char *piece = font ? text_piece(text, s + run.start, run.length) : NULL;
    if (piece) {
        part.surface = TTF_RenderUTF8_Blended(font, piece, color);
        part.ascent = TTF_FontAscent(font);
    }
    return part;
}

/* The parts side by side, left to right, on one baseline; NULL on failure.
 * Parts are copied, not blended: they never overlap, and blending onto a
 * transparent surface would darken their edges. */
static SDL_Surface *text_compose(TextPart *parts, int n)
{
    int w = 0, top = 0, h = 0;
    for (int i = 0; i < n; i++) {
        w += parts[i].surface->w;
        top = SDL_max(top, parts[i].ascent);
    }
    for (int i = 0; i < n; i++)
        h = SDL_max(h, top - parts[i].ascent + parts[i].surface->h);
    SDL_Surface *line = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    for (int i = 0, x = 0; line && i < n; x += parts[i++].surface->w) {
        SDL_SetSurfaceBlendMode(parts[i].surface, SDL_BLENDMODE_NONE);
        SDL_BlitSurface(parts[i].surface, NULL, line, &(SDL_Rect){x, top - parts[i].ascent, 0, 0});
    }
    return line;
}

/* Renders s[0..len) as one surface, each run shaped in its own font. */
static SDL_Surface *text_render_runs(TextRenderer *text, const TextPen *pen, const char *s, int len,
                                     SDL_Color color)
{
    TextRun one;
    const TextRun *runs;
    SDL_Surface *line = NULL;
    int n = text_fonts_runs(text->fonts, s, len, pen->px, pen->bold, pen->base, &one, &runs);
    if (n == 1)
        return text_render_run(text, pen, s, runs[0], color).surface;
    TextPart *parts = n > 1 ? calloc((size_t)n, sizeof *parts) : NULL;
    if (!parts)
        return NULL;
    int done = 0;
    while (done < n && (parts[done] = text_render_run(text, pen, s, runs[done], color)).surface)
        done++;
    if (done == n)
        line = text_compose(parts, n);
    for (int i = 0; i < done; i++)
        SDL_FreeSurface(parts[i].surface);
    free(parts);
    return line;
}

/* The first and last rows of `surface` (32 bits a pixel, alpha on top)
 * with any ink; *height 0 when it has none. */
static void text_ink_rows(SDL_Surface *surface, int *top, int *height)
{
    int first = -1, last = -1;
    for (int y = 0; y < surface->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)surface->pixels + (size_t)y * (size_t)surface->pitch);
        for (int x = 0; x < surface->w; x++)
            if (row[x] & surface->format->Amask) {
                first = first < 0 ? y : first;
                last = y;
                break;
            }
    }
    *top = first < 0 ? 0 : first;
    *height = first < 0 ? 0 : last - first + 1;
}

bool text_ink(TextRenderer *text, const char *s, int len, int px, bool bold, bool rtl, int *top,
              int *height)
{
    Uint32 hash = SDL_crc32(0, s, (size_t)len);
    TextInkEntry *slot = &text->inks[0];
    for (int i = 0; i < TEXT_INK_SLOTS; i++) {
        TextInkEntry *e = &text->inks[i];
        if (e->line && e->hash == hash && e->px == px && e->bold == bold && e->rtl == rtl &&
            strncmp(e->line, s, (size_t)len) == 0 && !e->line[len]) {
            e->used = ++text->clock;
            *top = e->top;
            *height = e->height;
            return true;
        }
        if (e->used < slot->used)
            slot = e;
    }
    TextPen pen = {px, bold, rtl ? TEXT_BASE_RTL : TEXT_BASE_LTR};
    SDL_Surface *surface = text_render_runs(text, &pen, s, len, (SDL_Color){0, 0, 0, 255});
    char *copy = surface ? strndup(s, (size_t)len) : NULL;
    if (!copy || SDL_LockSurface(surface) != 0) {
        free(copy);
        SDL_FreeSurface(surface);
        return false;
    }
    text_ink_rows(surface, top, height);
    SDL_UnlockSurface(surface);
    SDL_FreeSurface(surface);
    free(slot->line);
    *slot = (TextInkEntry){copy, hash, px, bold, rtl, *top, *height, ++text->clock};
    return true;
}

void text_forget_inks(TextRenderer *text)
{
    for (int i = 0; i < TEXT_INK_SLOTS; i++) {
        free(text->inks[i].line);
        text->inks[i] = (TextInkEntry){0};
    }
}

/* Renders s[0..len) into the least recently used texture slot. */
static TextLineEntry *text_render_line(TextRenderer *text, const char *s, int len,
                                       TextLineEntry key, SDL_Color color)
{
    TextLineEntry *result = NULL;
    TextLineEntry *slot = &text->textures[0];
    for (int i = 1; i < TEXT_TEXTURE_SLOTS; i++) {
        if (text->textures[i].used < slot->used)
            slot = &text->textures[i];
    }
    TextPen pen = {key.px, key.bold, key.rtl ? TEXT_BASE_RTL : TEXT_BASE_LTR};
    char *copy = strndup(s, (size_t)len);
    SDL_Surface *surface = copy ? text_render_runs(text, &pen, s, len, color) : NULL;
    SDL_Texture *texture = surface ? SDL_CreateTextureFromSurface(text->renderer, surface) : NULL;
    if (!texture)
        goto done;
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    text_free_texture(slot);
    key.line = copy;
    key.texture = texture;
    key.w = surface->w;
    key.h = surface->h;
    key.used = ++text->clock;
    *slot = key;
    copy = NULL;
    result = slot;
done:
    free(copy);
    SDL_FreeSurface(surface);
    return result;
}

const TextLineEntry *text_line_texture(TextRenderer *text, const char *s, int len, int px,
                                       bool bold, bool rtl, SDL_Color color)
{
    TextLineEntry key = {.hash = SDL_crc32(0, s, (size_t)len), .px = px, .bold = bold,
                         .rtl = rtl, .rgba = text_rgba(color)};
    for (int i = 0; i < TEXT_TEXTURE_SLOTS; i++) {
        TextLineEntry *e = &text->textures[i];
        if (e->line && e->hash == key.hash && e->px == px && e->bold == bold && e->rtl == rtl &&
            e->rgba == key.rgba && strncmp(e->line, s, (size_t)len) == 0 && !e->line[len]) {
            e->used = ++text->clock;
            return e;
        }
    }
    return text_render_line(text, s, len, key, color);
}
