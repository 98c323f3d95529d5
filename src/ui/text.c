/* text.c: Andika found through fontconfig, wrapped and fitted with SDL_ttf.
 *
 * Fitting tries sizes between min_px and max_px on a grid (every pixel up to
 * 24, then every 2, 4 and 8 px, plus min_px and max_px themselves), by binary
 * search, wrapping greedily on spaces at each size tried. Three bounded
 * caches keep a redrawn screen cheap:
 *   - open fonts, one per (size, face), least recently used of 32 closed;
 *   - fits, keyed by (text, box, sizes, face): the size chosen and where the
 *     lines break, so drawing an unchanged text measures nothing;
 *   - line textures, keyed by (line, size, face, colour), LRU of 512.
 * Each cache is a plain array scanned linearly, comparing a CRC-32 first:
 * O(N) with N <= 512, far below the cost of one rasterised line on a miss.
 *
 * The font files are found by font_find.c (fontconfig), read into memory
 * once, and every size is opened from there, so no file stays open. */
#include "ui/text.h"

#include "ui/font_find.h"

#include <SDL_ttf.h>
#include <assert.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum {
    TEXT_FONT_SLOTS = 32,
    TEXT_FIT_SLOTS = 64,
    TEXT_TEXTURE_SLOTS = 512,
    TEXT_MAX_SIZES = 160, /* sizes tried per fit, at most */
    TEXT_PATH_MAX = 4096,
};

typedef struct {
    char path[TEXT_PATH_MAX];
    void *data; /* the whole font file, SDL_LoadFile'd */
    size_t size;
} TextFace;

typedef struct {
    TTF_Font *font; /* NULL: slot free */
    int px;
    bool bold;
    Uint64 used;
} TextFont;

typedef struct {
    char *text; /* NULL: slot free */
    Uint32 hash;
    int w, h, max_px, min_px;
    bool bold;
    TextFit fit;
    int skip;        /* line height at fit.px */
    TextLine *lines; /* fit.lines of them, offsets into `text` */
    Uint64 used;
} TextFitEntry;

typedef struct {
    char *line; /* NULL: slot free */
    Uint32 hash;
    int px;
    bool bold;
    Uint32 rgba;
    SDL_Texture *texture;
    int w, h;
    Uint64 used;
} TextLineEntry;

struct TextRenderer {
    SDL_Renderer *renderer; /* may be NULL when only measuring */
    TextFace regular, bold;
    bool synthetic_bold; /* no bold face installed: SDL_ttf emboldens regular */
    bool ttf_started;
    Uint64 clock; /* ticks at every cache use, for least-recently-used */
    TextFont fonts[TEXT_FONT_SLOTS];
    TextFitEntry fits[TEXT_FIT_SLOTS];
    TextLineEntry textures[TEXT_TEXTURE_SLOTS];
    TextLine *wrap; /* the lines of the wrap in progress */
    int wrap_count, wrap_cap;
    bool wrap_broke_word; /* a word had to be broken to fit */
    char *scratch; /* a NUL-terminated copy of the piece being measured */
    size_t scratch_cap;
};

/* ---- errors and small helpers ------------------------------------------ */

static void text_error(char *err, size_t err_size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void text_error(char *err, size_t err_size, const char *fmt, ...)
{
    va_list ap;
    if (!err || err_size == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(err, err_size, fmt, ap);
    va_end(ap);
}

static bool text_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static int text_skip_spaces(const char *s, int pos, int end)
{
    while (pos < end && text_is_space(s[pos]))
        pos++;
    return pos;
}

static int text_word_end(const char *s, int pos, int end)
{
    while (pos < end && !text_is_space(s[pos]))
        pos++;
    return pos;
}

static bool text_is_continuation(const char *s, int pos)
{
    return ((unsigned char)s[pos] & 0xC0) == 0x80;
}

/* U+0300..U+036F (combining diacritics) stay with the letter before them. */
static bool text_is_combining(const char *s, int pos, int end)
{
    unsigned char a = (unsigned char)s[pos];
    unsigned char b = pos + 1 < end ? (unsigned char)s[pos + 1] : 0;
    return (a == 0xCC && b >= 0x80) || (a == 0xCD && b >= 0x80 && b <= 0xAF);
}

/* The byte offset `n` characters after `pos` (never past `end`). */
static int text_advance_chars(const char *s, int pos, int end, int n)
{
    while (pos < end && n-- > 0) {
        pos++;
        while (pos < end && (text_is_continuation(s, pos) || text_is_combining(s, pos, end)))
            pos++;
    }
    return pos;
}

static int text_count_chars(const char *s, int pos, int end)
{
    int n = 0;
    while (pos < end) {
        pos = text_advance_chars(s, pos, end, 1);
        n++;
    }
    return n;
}

static Uint32 text_rgba(SDL_Color c)
{
    return (Uint32)c.r << 24 | (Uint32)c.g << 16 | (Uint32)c.b << 8 | c.a;
}

/* A NUL-terminated copy of s[0..len) in the scratch buffer, or NULL when out
 * of memory. Valid until the next call. */
static const char *text_piece(TextRenderer *text, const char *s, int len)
{
    if ((size_t)len + 1 > text->scratch_cap) {
        size_t cap = text->scratch_cap ? text->scratch_cap : 256;
        while (cap < (size_t)len + 1)
            cap *= 2;
        char *grown = realloc(text->scratch, cap);
        if (!grown)
            return NULL;
        text->scratch = grown;
        text->scratch_cap = cap;
    }
    memcpy(text->scratch, s, (size_t)len);
    text->scratch[len] = '\0';
    return text->scratch;
}

/* ---- finding and opening the fonts ------------------------------------- */

/* Fills in the regular and bold font paths; with no bold face, bold is
 * synthesised from the regular one. */
static bool text_find_faces(TextRenderer *text, char *err, size_t err_size)
{
    FontFiles files;
    if (font_find_andika(&files, err, err_size) != 0)
        return false;
    snprintf(text->regular.path, sizeof text->regular.path, "%s", files.regular);
    snprintf(text->bold.path, sizeof text->bold.path, "%s", files.bold);
    text->synthetic_bold = files.synthetic_bold;
    return true;
}

static bool text_load_face(TextFace *face, char *err, size_t err_size)
{
    face->data = SDL_LoadFile(face->path, &face->size);
    if (!face->data || face->size > INT_MAX) {
        text_error(err, err_size, "cannot read the font file %s: %s", face->path, SDL_GetError());
        return false;
    }
    return true;
}

static TTF_Font *text_open_font(const TextRenderer *text, int px, bool bold)
{
    const TextFace *face = bold && !text->synthetic_bold ? &text->bold : &text->regular;
    SDL_RWops *rw = SDL_RWFromConstMem(face->data, (int)face->size);
    TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (font && bold && text->synthetic_bold)
        TTF_SetFontStyle(font, TTF_STYLE_BOLD);
    return font;
}

/* The font at `px`, opened on first use; NULL when it cannot be opened. */
static TTF_Font *text_font(TextRenderer *text, int px, bool bold)
{
    TextFont *slot = &text->fonts[0];
    for (int i = 0; i < TEXT_FONT_SLOTS; i++) {
        TextFont *f = &text->fonts[i];
        if (f->font && f->px == px && f->bold == bold) {
            f->used = ++text->clock;
            return f->font;
        }
        if (f->used < slot->used)
            slot = f;
    }
    TTF_Font *font = text_open_font(text, px, bold);
    if (!font)
        return NULL;
    if (slot->font)
        TTF_CloseFont(slot->font);
    *slot = (TextFont){font, px, bold, ++text->clock};
    return font;
}

TextRenderer *text_open(SDL_Renderer *renderer, char *err, size_t err_size)
{
    TextRenderer *text = calloc(1, sizeof *text);
    if (!text) {
        text_error(err, err_size, "out of memory");
        return NULL;
    }
    text->renderer = renderer;
    if (!text_find_faces(text, err, err_size) || !text_load_face(&text->regular, err, err_size))
        goto fail;
    if (!text->synthetic_bold && !text_load_face(&text->bold, err, err_size))
        goto fail;
    /* SDL_ttf counts TTF_Init calls, so each TextRenderer pairs its own init
     * with a TTF_Quit and never shuts down fonts that someone else opened. */
    if (TTF_Init() < 0) {
        text_error(err, err_size, "cannot start SDL_ttf: %s", TTF_GetError());
        goto fail;
    }
    text->ttf_started = true;
    return text;
fail:
    text_close(text);
    return NULL;
}

static void text_forget_fits(TextRenderer *text)
{
    for (int i = 0; i < TEXT_FIT_SLOTS; i++) {
        free(text->fits[i].text);
        free(text->fits[i].lines);
        text->fits[i] = (TextFitEntry){0};
    }
}

void text_close(TextRenderer *text)
{
    if (!text)
        return;
    text_cache_clear(text);
    text_forget_fits(text);
    for (int i = 0; i < TEXT_FONT_SLOTS; i++) {
        if (text->fonts[i].font)
            TTF_CloseFont(text->fonts[i].font);
    }
    if (text->ttf_started)
        TTF_Quit();
    SDL_free(text->regular.data);
    SDL_free(text->bold.data);
    free(text->wrap);
    free(text->scratch);
    free(text);
}

const char *text_font_path(const TextRenderer *text)
{
    return text->regular.path;
}

/* ---- wrapping ----------------------------------------------------------- */

/* Width of s[0..len) in pixels; INT_MAX (never fits) when it can't be measured. */
static int text_width(TextRenderer *text, TTF_Font *font, const char *s, int len)
{
    int w = 0, h = 0;
    const char *piece = text_piece(text, s, len);
    if (!piece || (len > 0 && TTF_SizeUTF8(font, piece, &w, &h) < 0))
        return INT_MAX;
    return w;
}

static bool text_push_line(TextRenderer *text, TextLine line)
{
    if (text->wrap_count == text->wrap_cap) {
        int cap = text->wrap_cap ? text->wrap_cap * 2 : 16;
        TextLine *grown = realloc(text->wrap, (size_t)cap * sizeof *grown);
        if (!grown)
            return false;
        text->wrap = grown;
        text->wrap_cap = cap;
    }
    text->wrap[text->wrap_count++] = line;
    return true;
}

/* The longest run of whole characters from `start` (at least one, even if
 * that is too wide) that fits in w: the last resort for a long word. */
static TextLine text_break_word(TextRenderer *text, TTF_Font *font, const char *s, int start,
                                int word_end, int w)
{
    int best_end = text_advance_chars(s, start, word_end, 1);
    int best_width = text_width(text, font, s + start, best_end - start);
    int lo = 2, hi = text_count_chars(s, start, word_end);
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int end = text_advance_chars(s, start, word_end, mid);
        int width = text_width(text, font, s + start, end - start);
        if (width <= w) {
            best_end = end;
            best_width = width;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return (TextLine){start, best_end - start, best_width};
}

/* The longest run of whole words from `start` (a non-space) that fits in w. */
static TextLine text_next_line(TextRenderer *text, TTF_Font *font, const char *s, int start,
                               int end, int w)
{
    TextLine line = {start, 0, 0};
    int word_end = text_word_end(s, start, end);
    for (;;) {
        int width = text_width(text, font, s + start, word_end - start);
        if (width > w)
            break;
        line.length = word_end - start;
        line.width = width;
        int next = text_skip_spaces(s, word_end, end);
        if (next == end)
            break;
        word_end = text_word_end(s, next, end);
    }
    if (line.length == 0) {
        text->wrap_broke_word = true;
        return text_break_word(text, font, s, start, text_word_end(s, start, end), w);
    }
    return line;
}

static bool text_wrap_paragraph(TextRenderer *text, TTF_Font *font, const char *s, int start,
                                int end, int w, int max_lines)
{
    int pos = text_skip_spaces(s, start, end);
    if (pos == end)
        return text_push_line(text, (TextLine){pos, 0, 0});
    while (pos < end && text->wrap_count <= max_lines) {
        TextLine line = text_next_line(text, font, s, pos, end, w);
        if (!text_push_line(text, line))
            return false;
        pos = text_skip_spaces(s, line.start + line.length, end);
    }
    return true;
}

/* Wraps `s` into text->wrap, a paragraph per '\n', stopping once it has more
 * than `max_lines` lines. Returns false when out of memory. */
static bool text_wrap(TextRenderer *text, TTF_Font *font, const char *s, int w, int max_lines)
{
    int start = 0;
    text->wrap_count = 0;
    text->wrap_broke_word = false;
    if (!*s)
        return true;
    for (;;) {
        const char *newline = strchr(s + start, '\n');
        int end = newline ? (int)(newline - s) : start + (int)strlen(s + start);
        if (!text_wrap_paragraph(text, font, s, start, end, w, max_lines))
            return false;
        if (!newline || text->wrap_count > max_lines)
            return true;
        start = end + 1;
    }
}

/* ---- fitting ------------------------------------------------------------ */

static int text_grid_next(int px)
{
    int step = px < 24 ? 1 : px < 48 ? 2 : px < 96 ? 4 : 8;
    return (px / step + 1) * step;
}

/* The sizes tried, ascending: min_px, the grid between, max_px. */
static int text_sizes(int min_px, int max_px, int *sizes)
{
    int n = 0;
    sizes[n++] = min_px;
    for (int px = text_grid_next(min_px); px < max_px && n < TEXT_MAX_SIZES - 1;
         px = text_grid_next(px))
        sizes[n++] = px;
    if (max_px > min_px)
        sizes[n++] = max_px;
    return n;
}

/* Wraps at `px` into text->wrap and fills `fit`. Unless `all_lines`, stops
 * wrapping once the lines overflow h. Returns false when the font fails. */
static bool text_try_size(TextRenderer *text, const char *s, int px, bool bold, int w, int h,
                          bool all_lines, bool allow_break, TextFit *fit, int *skip)
{
    TTF_Font *font = text_font(text, px, bold);
    if (!font)
        return false;
    *skip = TTF_FontLineSkip(font);
    int room = *skip > 0 ? h / *skip : 0;
    if (!text_wrap(text, font, s, w, all_lines ? INT_MAX - 1 : room))
        return false;
    int widest = 0;
    for (int i = 0; i < text->wrap_count; i++)
        widest = SDL_max(widest, text->wrap[i].width);
    *fit = (TextFit){px, text->wrap_count, widest, text->wrap_count * *skip, false};
    /* Breaking a word is the last resort: only at the smallest size. */
    fit->fits = text->wrap_count <= room && widest <= w && (allow_break || !text->wrap_broke_word);
    return true;
}

/* Finds the largest size that fits, leaving its lines in text->wrap. */
static bool text_search(TextRenderer *text, const char *s, int w, int h, int min_px, int max_px,
                        bool bold, TextFit *fit, int *skip)
{
    int sizes[TEXT_MAX_SIZES];
    int n = text_sizes(min_px, max_px, sizes);
    int lo = 0, hi = n - 2, best = -1, last = n - 1;
    if (!text_try_size(text, s, sizes[n - 1], bold, w, h, false, n == 1, fit, skip))
        return false;
    if (fit->fits)
        return true; /* the common case: short texts fit at max_px */
    while (lo <= hi) {
        last = lo + (hi - lo) / 2;
        if (!text_try_size(text, s, sizes[last], bold, w, h, false, last == 0, fit, skip))
            return false;
        if (fit->fits) {
            best = last;
            lo = last + 1;
        } else {
            hi = last - 1;
        }
    }
    if (best >= 0 && best == last)
        return true; /* text->wrap already holds the lines at that size */
    return text_try_size(text, s, sizes[best < 0 ? 0 : best], bold, w, h, best < 0, best <= 0, fit, skip);
}

static bool text_entry_matches(const TextFitEntry *e, Uint32 hash, const char *s, int w, int h,
                               int min_px, int max_px, bool bold)
{
    return e->text && e->hash == hash && e->w == w && e->h == h && e->min_px == min_px &&
           e->max_px == max_px && e->bold == bold && strcmp(e->text, s) == 0;
}

/* Stores the fit just searched (lines in text->wrap) in the least recently
 * used slot. Returns NULL when out of memory. */
static TextFitEntry *text_keep_fit(TextRenderer *text, TextFitEntry key, TextFit fit, int skip)
{
    TextFitEntry *slot = &text->fits[0];
    for (int i = 1; i < TEXT_FIT_SLOTS; i++) {
        if (text->fits[i].used < slot->used)
            slot = &text->fits[i];
    }
    char *copy = strdup(key.text);
    TextLine *lines = malloc(((size_t)fit.lines + 1) * sizeof *lines);
    if (!copy || !lines) {
        free(copy);
        free(lines);
        return NULL;
    }
    if (fit.lines > 0)
        memcpy(lines, text->wrap, (size_t)fit.lines * sizeof *lines);
    free(slot->text);
    free(slot->lines);
    key.text = copy;
    key.fit = fit;
    key.skip = skip;
    key.lines = lines;
    key.used = ++text->clock;
    *slot = key;
    return slot;
}

/* The cached fit of `s` in w x h, computed on a miss; NULL on failure. */
static const TextFitEntry *text_fit_entry(TextRenderer *text, const char *s, int w, int h,
                                          const TextStyle *style)
{
    int min_px = SDL_max(1, style->min_px);
    int max_px = SDL_max(min_px, style->max_px);
    Uint32 hash = SDL_crc32(0, s, strlen(s));
    for (int i = 0; i < TEXT_FIT_SLOTS; i++) {
        TextFitEntry *e = &text->fits[i];
        if (text_entry_matches(e, hash, s, w, h, min_px, max_px, style->bold)) {
            e->used = ++text->clock;
            return e;
        }
    }
    TextFit fit;
    int skip = 0;
    if (!text_search(text, s, w, h, min_px, max_px, style->bold, &fit, &skip))
        return NULL;
    TextFitEntry key = {.text = (char *)s, .hash = hash, .w = w, .h = h,
                        .max_px = max_px, .min_px = min_px, .bold = style->bold};
    return text_keep_fit(text, key, fit, skip);
}

TextFit text_fit(TextRenderer *text, const char *utf8, int w, int h, const TextStyle *style)
{
    const TextFitEntry *entry = text_fit_entry(text, utf8 ? utf8 : "", w, h, style);
    return entry ? entry->fit : (TextFit){0};
}

int text_fit_lines(TextRenderer *text, const char *utf8, int w, int h, const TextStyle *style,
                   TextLine *lines, int max_lines)
{
    const TextFitEntry *entry = text_fit_entry(text, utf8 ? utf8 : "", w, h, style);
    if (!entry)
        return 0;
    int n = SDL_min(entry->fit.lines, max_lines);
    if (n > 0)
        memcpy(lines, entry->lines, (size_t)n * sizeof *lines);
    return entry->fit.lines;
}

/* ---- drawing ------------------------------------------------------------ */

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

/* Renders `line` into the least recently used texture slot. */
static TextLineEntry *text_render_line(TextRenderer *text, const char *line, TextLineEntry key,
                                       SDL_Color color)
{
    TextLineEntry *result = NULL;
    TextLineEntry *slot = &text->textures[0];
    for (int i = 1; i < TEXT_TEXTURE_SLOTS; i++) {
        if (text->textures[i].used < slot->used)
            slot = &text->textures[i];
    }
    TTF_Font *font = text_font(text, key.px, key.bold);
    SDL_Surface *surface = font ? TTF_RenderUTF8_Blended(font, line, color) : NULL;
    SDL_Texture *texture = surface ? SDL_CreateTextureFromSurface(text->renderer, surface) : NULL;
    char *copy = texture ? strdup(line) : NULL;
    if (!copy)
        goto done;
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    text_free_texture(slot);
    key.line = copy;
    key.texture = texture;
    key.w = surface->w;
    key.h = surface->h;
    key.used = ++text->clock;
    *slot = key;
    texture = NULL;
    result = slot;
done:
    if (texture)
        SDL_DestroyTexture(texture);
    SDL_FreeSurface(surface);
    return result;
}

/* The texture of s[0..len) at `px`, rendered on a miss; NULL on failure. */
static const TextLineEntry *text_line_texture(TextRenderer *text, const char *s, int len, int px,
                                              bool bold, SDL_Color color)
{
    const char *line = text_piece(text, s, len);
    if (!line)
        return NULL;
    TextLineEntry key = {.hash = SDL_crc32(0, s, (size_t)len), .px = px, .bold = bold,
                         .rgba = text_rgba(color)};
    for (int i = 0; i < TEXT_TEXTURE_SLOTS; i++) {
        TextLineEntry *e = &text->textures[i];
        if (e->line && e->hash == key.hash && e->px == px && e->bold == bold &&
            e->rgba == key.rgba && strcmp(e->line, line) == 0) {
            e->used = ++text->clock;
            return e;
        }
    }
    return text_render_line(text, line, key, color);
}

/* Copies the part of `dst` that lies inside `box`, so nothing ever spills. */
static void text_copy_clipped(SDL_Renderer *renderer, SDL_Texture *texture, SDL_Rect dst,
                              SDL_Rect box)
{
    SDL_Rect visible;
    if (!SDL_IntersectRect(&dst, &box, &visible))
        return;
    SDL_Rect src = {visible.x - dst.x, visible.y - dst.y, visible.w, visible.h};
    SDL_RenderCopy(renderer, texture, &src, &visible);
}

static void text_draw_line(TextRenderer *text, const TextFitEntry *entry, int index, int y,
                           SDL_Rect box, const TextStyle *style)
{
    const TextLine *line = &entry->lines[index];
    if (line->length == 0)
        return;
    const TextLineEntry *t = text_line_texture(text, entry->text + line->start, line->length,
                                               entry->fit.px, entry->bold, style->color);
    if (!t)
        return;
    int x = style->align == TEXT_ALIGN_LEFT ? box.x : box.x + (box.w - t->w) / 2;
    text_copy_clipped(text->renderer, t->texture, (SDL_Rect){x, y, t->w, t->h}, box);
}

TextFit text_draw(TextRenderer *text, const char *utf8, SDL_Rect box, const TextStyle *style)
{
    assert(text->renderer && "text_open was given no renderer");
    const TextFitEntry *entry = text_fit_entry(text, utf8 ? utf8 : "", box.w, box.h, style);
    if (!entry)
        return (TextFit){0};
    /* A block taller than the box (fits == false) starts at the top and is cut. */
    int top = box.y + SDL_max(0, (box.h - entry->fit.height) / 2);
    for (int i = 0; i < entry->fit.lines; i++) {
        int y = top + i * entry->skip;
        if (y >= box.y + box.h)
            break;
        text_draw_line(text, entry, i, y, box, style);
    }
    return entry->fit;
}

TextSpan text_measure_span(TextRenderer *text, const char *utf8, int len, int px, bool bold)
{
    TextSpan span = {INT_MAX, 0};
    TTF_Font *font = text_font(text, px, bold);
    if (!font)
        return span;
    span.width = text_width(text, font, utf8, len);
    span.line_height = TTF_FontLineSkip(font);
    return span;
}

void text_draw_span(TextRenderer *text, const char *utf8, int len, int px, int x, int y,
                    const TextStyle *style)
{
    assert(text->renderer && "text_open was given no renderer");
    const TextLineEntry *t = len > 0 ? text_line_texture(text, utf8, len, px, style->bold, style->color)
                                     : NULL;
    if (t)
        SDL_RenderCopy(text->renderer, t->texture, NULL, &(SDL_Rect){x, y, t->w, t->h});
}

SDL_Renderer *text_renderer_of(const TextRenderer *text)
{
    return text->renderer;
}
