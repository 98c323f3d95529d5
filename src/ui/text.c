/* text.c: text in every script the kiosk speaks, wrapped and fitted with
 * SDL_ttf (HarfBuzz shaping).
 *
 * text_runs.c cuts a line into runs of one script and one direction in
 * visual order (FriBidi) and keeps each script's fonts (Andika, Noto); here
 * each run is measured in its font, and text_render.c shapes the runs and
 * places them left to right on one baseline. A Latin line is one run in
 * Andika and costs what it always did. A paragraph whose first strong letter
 * is right to left is laid out right to left, and TEXT_ALIGN_LEFT puts it at
 * the right ("start").
 *
 * Fitting tries sizes between min_px and max_px on a grid (every pixel up to
 * 24, then every 2, 4 and 8 px, plus min_px and max_px themselves), by binary
 * search, wrapping greedily on spaces (in logical order) at each size tried.
 * Fits are kept, keyed by (text, box, sizes, face): the size chosen and where
 * the lines break, so drawing an unchanged text measures nothing. They are a
 * plain array of 128 scanned linearly, comparing a CRC-32 first: O(N), far
 * below the cost of one fit on a miss. text_render.c turns a line into
 * pixels (a cached texture to draw, or the rows that hold its ink, to fit
 * by ink); text_fonts.c keeps the open fonts. */
#include "ui/text.h"

#include "ui/text_fonts.h"
#include "ui/text_private.h"
#include "ui/text_runs.h"

#include <SDL_ttf.h>
#include <assert.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TEXT_MAX_SIZES = 160 }; /* sizes tried per fit, at most */

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

const char *text_piece(TextRenderer *text, const char *s, int len)
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

TextRenderer *text_open(SDL_Renderer *renderer, FontSearch *search, char *err, size_t err_size)
{
    TextRenderer *text = calloc(1, sizeof *text);
    if (!text) {
        font_search_finish(search);
        text_error(err, err_size, "out of memory");
        return NULL;
    }
    text->renderer = renderer;
    text->fonts = text_fonts_open(search, err, err_size);
    if (!text->fonts)
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

/* Forgets every measurement: fits and inks. */
static void text_forget_fits(TextRenderer *text)
{
    for (int i = 0; i < TEXT_FIT_SLOTS; i++) {
        free(text->fits[i].text);
        free(text->fits[i].lines);
        free(text->fits[i].rtl);
        free(text->fits[i].ink);
        text->fits[i] = (TextFitEntry){0};
    }
    text_forget_inks(text);
}

void text_search_other_scripts(TextRenderer *text)
{
    text_fonts_search_on(text->fonts);
}

void text_close(TextRenderer *text)
{
    if (!text)
        return;
    text_cache_clear(text);
    text_forget_fits(text);
    text_fonts_close(text->fonts);
    if (text->ttf_started)
        TTF_Quit();
    free(text->wrap);
    free(text->wrap_rtl);
    free(text->scratch);
    free(text);
}

const char *text_font_path(const TextRenderer *text)
{
    return text_fonts_path(text->fonts, TEXT_SCRIPT_LATIN);
}

void text_set_language(TextRenderer *text, const char *code)
{
    if (!text_fonts_set_language(text->fonts, code))
        return;
    /* A font changed: everything measured with it goes. */
    text_cache_clear(text);
    text_forget_fits(text);
}

bool text_is_rtl(const char *utf8)
{
    return utf8 && text_runs_is_rtl(utf8, (int)strlen(utf8));
}

/* ---- a line as runs ---------------------------------------------------- */

static int text_run_width(TextRenderer *text, const TextPen *pen, const char *s, TextRun run)
{
    int w = 0, h = 0;
    TTF_Font *font = text_fonts_get(text->fonts, run.script, run.rtl, pen->px, pen->bold);
    const char *piece = font ? text_piece(text, s + run.start, run.length) : NULL;
    if (!piece || (run.length > 0 && TTF_SizeUTF8(font, piece, &w, &h) < 0))
        return INT_MAX;
    return w;
}

/* Width of s[0..len) in pixels; INT_MAX (never fits) when it can't be measured. */
static int text_width(TextRenderer *text, const TextPen *pen, const char *s, int len)
{
    TextRun one;
    const TextRun *runs;
    int n = text_fonts_runs(text->fonts, s, len, pen->px, pen->bold, pen->base, &one, &runs);
    long long total = n < 0 ? INT_MAX : 0;
    for (int i = 0; i < n && total < INT_MAX; i++)
        total += text_run_width(text, pen, s, runs[i]);
    return (int)SDL_min(total, (long long)INT_MAX);
}

static TextBase text_base_of(const char *s, int len)
{
    return text_runs_is_rtl(s, len) ? TEXT_BASE_RTL : TEXT_BASE_LTR;
}

int text_debug_runs(TextRenderer *text, const char *utf8, int px, char *out, size_t size)
{
    return text_fonts_describe(text->fonts, utf8, px, out, size);
}

/* ---- wrapping ----------------------------------------------------------- */

static bool text_push_line(TextRenderer *text, TextLine line, bool rtl)
{
    if (text->wrap_count == text->wrap_cap) {
        int cap = text->wrap_cap ? text->wrap_cap * 2 : 16;
        TextLine *grown = realloc(text->wrap, (size_t)cap * sizeof *grown);
        if (grown)
            text->wrap = grown;
        bool *grown_rtl = grown ? realloc(text->wrap_rtl, (size_t)cap * sizeof *grown_rtl) : NULL;
        if (!grown_rtl)
            return false;
        text->wrap_rtl = grown_rtl;
        text->wrap_cap = cap;
    }
    text->wrap_rtl[text->wrap_count] = rtl;
    text->wrap[text->wrap_count++] = line;
    return true;
}

/* The longest run of whole characters from `start` (at least one, even if
 * that is too wide) that fits in w: the last resort for a long word. */
static TextLine text_break_word(TextRenderer *text, const TextPen *pen, const char *s, int start,
                                int word_end, int w)
{
    int best_end = text_advance_chars(s, start, word_end, 1);
    int best_width = text_width(text, pen, s + start, best_end - start);
    int lo = 2, hi = text_count_chars(s, start, word_end);
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int end = text_advance_chars(s, start, word_end, mid);
        int width = text_width(text, pen, s + start, end - start);
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
static TextLine text_next_line(TextRenderer *text, const TextPen *pen, const char *s, int start,
                               int end, int w)
{
    TextLine line = {start, 0, 0};
    int word_end = text_word_end(s, start, end);
    for (;;) {
        int width = text_width(text, pen, s + start, word_end - start);
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
        return text_break_word(text, pen, s, start, text_word_end(s, start, end), w);
    }
    return line;
}

/* Wraps one paragraph, laid out in the direction of its first strong letter. */
static bool text_wrap_paragraph(TextRenderer *text, TextPen pen, const char *s, int start,
                                int end, int w, int max_lines)
{
    int pos = text_skip_spaces(s, start, end);
    if (pos == end)
        return text_push_line(text, (TextLine){pos, 0, 0}, false);
    pen.base = text_base_of(s + start, end - start);
    while (pos < end && text->wrap_count <= max_lines) {
        TextLine line = text_next_line(text, &pen, s, pos, end, w);
        if (!text_push_line(text, line, pen.base == TEXT_BASE_RTL))
            return false;
        pos = text_skip_spaces(s, line.start + line.length, end);
    }
    return true;
}

/* Wraps `s` into text->wrap, a paragraph per '\n', stopping once it has more
 * than `max_lines` lines. Returns false when out of memory. */
static bool text_wrap(TextRenderer *text, TextPen pen, const char *s, int w, int max_lines)
{
    int start = 0;
    text->wrap_count = 0;
    text->wrap_broke_word = false;
    if (!*s)
        return true;
    for (;;) {
        const char *newline = strchr(s + start, '\n');
        int end = newline ? (int)(newline - s) : start + (int)strlen(s + start);
        if (!text_wrap_paragraph(text, pen, s, start, end, w, max_lines))
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

/* The space between two lines laid out by their ink. */
static int text_ink_lead(int px)
{
    return px / 5 > 1 ? px / 5 : 1;
}

/* The text wrapped at `px` and measured by its ink: its lines' letters
 * stacked, text_ink_lead apart. It fits when no line is wider than w, the
 * stack no taller than h, and (with `one_line`) it takes one line. */
static bool text_try_ink(TextRenderer *text, const char *s, int px, bool bold, int w, int h, bool one_line,
                         bool allow_break, TextFit *fit)
{
    if (!text_wrap(text, (TextPen){px, bold, TEXT_BASE_AUTO}, s, w, one_line ? 1 : INT_MAX - 1))
        return false;
    int total = 0, widest = 0;
    for (int i = 0; i < text->wrap_count; i++) {
        const TextLine *line = &text->wrap[i];
        int top = 0, height = 0;
        if (!text_ink(text, s + line->start, line->length, px, bold, text->wrap_rtl[i], &top, &height))
            return false;
        total += height + (i ? text_ink_lead(px) : 0);
        widest = SDL_max(widest, line->width);
    }
    *fit = (TextFit){px, text->wrap_count, widest, total, false};
    fit->fits = (!one_line || text->wrap_count <= 1) && widest <= w && total <= h &&
                (allow_break || !text->wrap_broke_word);
    return true;
}

/* How one search measures: by the font's lines, or by ink (on one line). */
typedef struct {
    bool ink, one_line;
} TextBy;

/* Wraps at `px` into text->wrap and fills `fit`. Unless `all_lines`, stops
 * wrapping once the lines overflow h. Returns false when the font fails. */
static bool text_try_size(TextRenderer *text, const char *s, int px, bool bold, TextBy by, int w, int h,
                          bool all_lines, bool allow_break, TextFit *fit, int *skip)
{
    if (by.ink)
        return text_try_ink(text, s, px, bold, w, h, by.one_line, allow_break, fit);
    *skip = text_fonts_line_skip(text->fonts, s, (int)strlen(s), px, bold);
    if (*skip <= 0)
        return false;
    int room = h / *skip;
    if (!text_wrap(text, (TextPen){px, bold, TEXT_BASE_AUTO}, s, w, all_lines ? INT_MAX - 1 : room))
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
                        bool bold, TextBy by, TextFit *fit, int *skip)
{
    int sizes[TEXT_MAX_SIZES];
    int n = text_sizes(min_px, max_px, sizes);
    int lo = 0, hi = n - 2, best = -1, last = n - 1;
    if (!text_try_size(text, s, sizes[n - 1], bold, by, w, h, false, n == 1, fit, skip))
        return false;
    if (fit->fits)
        return true; /* the common case: short texts fit at max_px */
    while (lo <= hi) {
        last = lo + (hi - lo) / 2;
        if (!text_try_size(text, s, sizes[last], bold, by, w, h, false, last == 0, fit, skip))
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
    return text_try_size(text, s, sizes[best < 0 ? 0 : best], bold, by, w, h, best < 0, best <= 0, fit, skip);
}

static bool text_entry_matches(const TextFitEntry *e, Uint32 hash, const char *s, int w, int h,
                               int min_px, int max_px, const TextStyle *style)
{
    return e->text && e->hash == hash && e->w == w && e->h == h && e->min_px == min_px &&
           e->max_px == max_px && e->bold == style->bold && e->measure == style->measure && strcmp(e->text, s) == 0;
}

/* Stores the fit just searched (lines in text->wrap; with key.ink, their
 * ink, taken) in the least recently used slot. Returns NULL when out of
 * memory. */
static TextFitEntry *text_keep_fit(TextRenderer *text, TextFitEntry key, TextFit fit, int skip)
{
    TextFitEntry *slot = &text->fits[0];
    for (int i = 1; i < TEXT_FIT_SLOTS; i++) {
        if (text->fits[i].used < slot->used)
            slot = &text->fits[i];
    }
    char *copy = strdup(key.text);
    TextLine *lines = malloc(((size_t)fit.lines + 1) * sizeof *lines);
    bool *rtl = malloc((size_t)fit.lines + 1);
    if (!copy || !lines || !rtl) {
        free(copy);
        free(lines);
        free(rtl);
        free(key.ink);
        return NULL;
    }
    if (fit.lines > 0) {
        memcpy(lines, text->wrap, (size_t)fit.lines * sizeof *lines);
        memcpy(rtl, text->wrap_rtl, (size_t)fit.lines * sizeof *rtl);
    }
    free(slot->text);
    free(slot->lines);
    free(slot->rtl);
    free(slot->ink);
    key.text = copy;
    key.fit = fit;
    key.skip = skip;
    key.lines = lines;
    key.rtl = rtl;
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
        if (text_entry_matches(e, hash, s, w, h, min_px, max_px, style)) {
            e->used = ++text->clock;
            return e;
        }
    }
    TextFit fit;
    int skip = 0;
    TextBy by = {style->measure == TEXT_BY_INK, true};
    if (!text_search(text, s, w, h, min_px, max_px, style->bold, by, &fit, &skip))
        return NULL;
    if (style->measure == TEXT_INK_IF_NEEDED && !fit.fits) {  /* the lines do not fit: their letters may */
        by = (TextBy){true, false};
        if (!text_search(text, s, w, h, min_px, max_px, style->bold, by, &fit, &skip))
            return NULL;
    }
    TextFitEntry key = {.text = (char *)s, .hash = hash, .w = w, .h = h, .max_px = max_px,
                        .min_px = min_px, .bold = style->bold, .measure = style->measure};
    key.ink = by.ink ? malloc(((size_t)fit.lines + 1) * 2 * sizeof *key.ink) : NULL;
    if (by.ink && !key.ink)
        return NULL;
    for (int i = 0; by.ink && i < fit.lines; i++) {
        const TextLine *line = &text->wrap[i];
        if (!text_ink(text, s + line->start, line->length, fit.px, style->bold, text->wrap_rtl[i], &key.ink[2 * i],
                      &key.ink[2 * i + 1])) {
            free(key.ink);
            return NULL;
        }
    }
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
    bool rtl = entry->rtl[index];
    const TextLineEntry *t = text_line_texture(text, entry->text + line->start, line->length,
                                               entry->fit.px, entry->bold, rtl, style->color);
    if (!t)
        return;
    /* TEXT_ALIGN_LEFT means "start": the right edge in a right-to-left paragraph. */
    int start = rtl ? box.x + box.w - t->w : box.x;
    int x = style->align == TEXT_ALIGN_LEFT ? start : box.x + (box.w - t->w) / 2;
    text_copy_clipped(text->renderer, t->texture, (SDL_Rect){x, y, t->w, t->h}, box);
}

TextFit text_draw(TextRenderer *text, const char *utf8, SDL_Rect box, const TextStyle *style)
{
    assert(text->renderer && "text_open was given no renderer");
    const TextFitEntry *entry = text_fit_entry(text, utf8 ? utf8 : "", box.w, box.h, style);
    if (!entry)
        return (TextFit){0};
    if (entry->ink) {  /* laid out by ink: the letters' stack centred, each line placed by its own ink */
        int y = box.y + (box.h - entry->fit.height) / 2;
        for (int i = 0; i < entry->fit.lines; i++) {
            text_draw_line(text, entry, i, y - entry->ink[2 * i], box, style);
            y += entry->ink[2 * i + 1] + text_ink_lead(entry->fit.px);
        }
        return entry->fit;
    }
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
    TextSpan span = {INT_MAX, text_fonts_line_skip(text->fonts, utf8, len, px, bold)};
    TextPen pen = {px, bold, text_base_of(utf8, len)};
    if (span.line_height > 0)
        span.width = text_width(text, &pen, utf8, len);
    return span;
}

void text_draw_span(TextRenderer *text, const char *utf8, int len, int px, int x, int y,
                    const TextStyle *style)
{
    assert(text->renderer && "text_open was given no renderer");
    bool rtl = text_base_of(utf8, len) == TEXT_BASE_RTL;
    const TextLineEntry *t =
        len > 0 ? text_line_texture(text, utf8, len, px, style->bold, rtl, style->color) : NULL;
    if (t)
        SDL_RenderCopy(text->renderer, t->texture, NULL, &(SDL_Rect){x, y, t->w, t->h});
}

SDL_Renderer *text_renderer_of(const TextRenderer *text)
{
    return text->renderer;
}
