/* test_text.c: text fitting and drawing (ui/text.c) and the symbol cache
 * (ui/symbol_cache.c), on a software renderer drawing into a plain RGBA
 * surface, so no display is needed and every pixel can be read back.
 * Pictures are written to /tmp by the tests themselves (names carry the pid)
 * and removed again. */
#include "testing.h"

#include "ui/symbol_cache.h"
#include "ui/text.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { SCREEN_W = 800, SCREEN_H = 600 };

typedef struct {
    SDL_Surface *screen;
    SDL_Renderer *renderer;
    TextRenderer *text;
    SymbolCache *symbols;
    char err[256];
} Fixture;

static const SDL_Color black = {0, 0, 0, 255};

static bool fixture_open(Fixture *f)
{
    f->screen = SDL_CreateRGBSurfaceWithFormat(0, SCREEN_W, SCREEN_H, 32, SDL_PIXELFORMAT_RGBA32);
    f->renderer = f->screen ? SDL_CreateSoftwareRenderer(f->screen) : NULL;
    f->text = f->renderer ? text_open(f->renderer, NULL, f->err, sizeof f->err) : NULL;
    f->symbols = f->text ? symbol_cache_new(f->renderer, NULL) : NULL;
    if (!f->symbols)
        printf("    fixture: %s %s\n", f->err, SDL_GetError());
    return f->symbols != NULL;
}

static void fixture_close(Fixture *f)
{
    symbol_cache_free(f->symbols);
    text_close(f->text);
    if (f->renderer)
        SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->screen);
}

/* Defines test `name` running `body` on a fresh fixture, torn down even when
 * a CHECK in `body` fails. */
#define FIXTURE_TEST(name, body)                                                     \
    static void name(void)                                                           \
    {                                                                                \
        Fixture f = {0};                                                             \
        if (fixture_open(&f))                                                        \
            body(&f);                                                                \
        else                                                                         \
            test_run.current_failed = 1;                                             \
        fixture_close(&f);                                                           \
    }

static TextStyle style_of(int max_px, int min_px, TextAlign align)
{
    return (TextStyle){max_px, min_px, false, align, black, TEXT_BY_LINES};
}

static void temp_path(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "/tmp/sayso_test_text_%ld_%s", (long)getpid(), name);
}

static bool write_file(const char *path, const char *content)
{
    FILE *out = fopen(path, "w");
    if (!out)
        return false;
    bool ok = fputs(content, out) >= 0;
    return fclose(out) == 0 && ok;
}

static SDL_Color pixel_at(SDL_Surface *s, int x, int y)
{
    SDL_Color c;
    Uint32 p = ((const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch))[x];
    SDL_GetRGBA(p, s->format, &c.r, &c.g, &c.b, &c.a);
    return c;
}

static void clear_screen(Fixture *f, SDL_Color c)
{
    SDL_SetRenderDrawColor(f->renderer, c.r, c.g, c.b, c.a);
    SDL_RenderClear(f->renderer);
}

/* Counts dark pixels inside `box` (inside == true) or outside it. */
static int count_dark(SDL_Surface *s, SDL_Rect box, bool inside)
{
    int n = 0;
    for (int y = 0; y < s->h; y++) {
        for (int x = 0; x < s->w; x++) {
            SDL_Point p = {x, y};
            if (SDL_PointInRect(&p, &box) == inside && pixel_at(s, x, y).r < 128)
                n++;
        }
    }
    return n;
}

/* The leftmost column holding a dark pixel, or -1. */
static int leftmost_dark(SDL_Surface *s)
{
    for (int x = 0; x < s->w; x++) {
        for (int y = 0; y < s->h; y++) {
            if (pixel_at(s, x, y).r < 128)
                return x;
        }
    }
    return -1;
}

/* Copies `texture` unblended at (0,0) onto a transparent screen, so its own
 * RGBA values can be read back from f->screen. */
static void show_raw(Fixture *f, SDL_Texture *texture)
{
    int w, h;
    SDL_QueryTexture(texture, NULL, NULL, &w, &h);
    clear_screen(f, (SDL_Color){0, 0, 0, 0});
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_NONE);
    SDL_RenderCopy(f->renderer, texture, NULL, &(SDL_Rect){0, 0, w, h});
    SDL_RenderFlush(f->renderer);
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
}

static bool texture_size_is(SDL_Texture *texture, int w, int h)
{
    int tw = -1, th = -1;
    if (!texture || SDL_QueryTexture(texture, NULL, NULL, &tw, &th) < 0)
        return false;
    if (tw != w || th != h)
        printf("    texture is %dx%d, expected %dx%d\n", tw, th, w, h);
    return tw == w && th == h;
}

/* Runs `call` with stderr going to a file and returns how many lines it wrote. */
static int stderr_lines_of(void (*call)(Fixture *), Fixture *f)
{
    char path[128];
    temp_path(path, sizeof path, "stderr.txt");
    fflush(stderr);
    int saved = dup(2);
    FILE *capture = fopen(path, "w+");
    if (saved < 0 || !capture)
        return -1;
    dup2(fileno(capture), 2);
    call(f);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    int lines = 0, c;
    rewind(capture);
    while ((c = fgetc(capture)) != EOF)
        lines += c == '\n';
    fclose(capture);
    remove(path);
    return lines;
}

/* ---- text --------------------------------------------------------------- */

static void open_finds_andika(Fixture *f)
{
    const char *path = text_font_path(f->text);
    CHECK(path != NULL);
    CHECK(strstr(path, "Andika") != NULL);
    CHECK(access(path, R_OK) == 0);
}
FIXTURE_TEST(test_open_finds_andika, open_finds_andika)

static void test_missing_font_is_named(void)
{
    char conf[128], err[256] = "";
    temp_path(conf, sizeof conf, "fonts.conf");
    CHECK(write_file(conf, "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n"));
    const char *old = getenv("FONTCONFIG_FILE");
    char *saved = old ? strdup(old) : NULL;
    setenv("FONTCONFIG_FILE", conf, 1);
    TextRenderer *text = text_open(NULL, NULL, err, sizeof err);
    if (saved)
        setenv("FONTCONFIG_FILE", saved, 1);
    else
        unsetenv("FONTCONFIG_FILE");
    free(saved);
    remove(conf);
    text_close(text);
    CHECK(text == NULL);
    CHECK_STR(err, "the Andika font is not installed (Debian package fonts-sil-andika)");
}

static void short_word_fits_at_max(Fixture *f)
{
    TextStyle style = style_of(64, 16, TEXT_ALIGN_CENTER);
    TextFit fit = text_fit(f->text, "Yes", 400, 200, &style);
    CHECK(fit.fits);
    CHECK_INT(fit.px, 64);
    CHECK_INT(fit.lines, 1);
    CHECK(fit.width > 0 && fit.width <= 400);
    CHECK(fit.height > 0 && fit.height <= 200);
}
FIXTURE_TEST(test_short_word_fits_at_max, short_word_fits_at_max)

static const char sentence[] = "What have been your positive experiences of services?";

static void sentence_wraps_and_shrinks(Fixture *f)
{
    TextStyle style = style_of(64, 16, TEXT_ALIGN_CENTER);
    TextLine lines[32];
    TextFit fit = text_fit(f->text, sentence, 300, 260, &style);
    CHECK(fit.fits);
    CHECK(fit.lines >= 3);
    CHECK(fit.px < 64 && fit.px >= 16);
    CHECK(fit.width <= 300 && fit.height <= 260);
    int n = text_fit_lines(f->text, sentence, 300, 260, &style, lines, 32);
    CHECK_INT(n, fit.lines);
    for (int i = 0; i < n; i++) {
        CHECK(lines[i].width > 0 && lines[i].width <= 300);
        CHECK(sentence[lines[i].start] != ' ');
        CHECK(i == 0 || lines[i].start > lines[i - 1].start + lines[i - 1].length);
    }
    /* Sizes are tried at most 4 px apart below 96 px, so 4 px more must not fit. */
    TextStyle larger = style_of(fit.px + 4, fit.px + 4, TEXT_ALIGN_CENTER);
    CHECK(!text_fit(f->text, sentence, 300, 260, &larger).fits);
}
FIXTURE_TEST(test_sentence_wraps_and_shrinks, sentence_wraps_and_shrinks)

static void too_long_does_not_fit(Fixture *f)
{
    TextStyle style = style_of(48, 16, TEXT_ALIGN_CENTER);
    TextFit fit = text_fit(f->text, sentence, 60, 30, &style);
    CHECK(!fit.fits);
    CHECK_INT(fit.px, 16);
    CHECK(fit.lines > 1);
}
FIXTURE_TEST(test_too_long_does_not_fit, too_long_does_not_fit)

static void newline_gives_two_lines(Fixture *f)
{
    TextStyle style = style_of(40, 16, TEXT_ALIGN_LEFT);
    TextLine lines[4];
    TextFit fit = text_fit(f->text, "Hello\nWorld", 700, 500, &style);
    CHECK(fit.fits);
    CHECK_INT(fit.lines, 2);
    CHECK_INT(fit.px, 40);
    CHECK_INT(text_fit_lines(f->text, "Hello\nWorld", 700, 500, &style, lines, 4), 2);
    CHECK_INT(lines[0].start, 0);
    CHECK_INT(lines[0].length, 5);
    CHECK_INT(lines[1].start, 6);
    CHECK_INT(lines[1].length, 5);
}
FIXTURE_TEST(test_newline_gives_two_lines, newline_gives_two_lines)

static void empty_text_fits(Fixture *f)
{
    TextStyle style = style_of(40, 16, TEXT_ALIGN_CENTER);
    TextFit fit = text_fit(f->text, "", 100, 100, &style);
    CHECK(fit.fits);
    CHECK_INT(fit.lines, 0);
    CHECK_INT(fit.height, 0);
}
FIXTURE_TEST(test_empty_text_fits, empty_text_fits)

static bool is_continuation(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

static void long_word_breaks_between_characters(Fixture *f)
{
    const char word[] = "Zażółćgęśląjaźńłéłéłéłéłéłéłéłéłéłéłéłé";
    TextStyle style = style_of(24, 24, TEXT_ALIGN_LEFT);
    TextLine lines[64];
    char joined[sizeof word] = "";
    TextFit fit = text_fit(f->text, word, 120, 500, &style);
    CHECK(fit.fits);
    CHECK(fit.lines >= 3);
    int n = text_fit_lines(f->text, word, 120, 500, &style, lines, 64);
    CHECK_INT(n, fit.lines);
    for (int i = 0; i < n; i++) {
        int end = lines[i].start + lines[i].length;
        CHECK(lines[i].length > 0 && lines[i].width <= 120);
        CHECK(!is_continuation(word[lines[i].start]));
        CHECK(!is_continuation(word[end]));
        strncat(joined, word + lines[i].start, (size_t)lines[i].length);
    }
    CHECK_STR(joined, word);
}
FIXTURE_TEST(test_long_word_breaks_between_characters, long_word_breaks_between_characters)

static void draw_stays_inside_box(Fixture *f)
{
    SDL_Rect box = {100, 150, 300, 200};
    TextStyle style = style_of(64, 16, TEXT_ALIGN_CENTER);
    clear_screen(f, (SDL_Color){255, 255, 255, 255});
    TextFit fit = text_draw(f->text, sentence, box, &style);
    SDL_RenderFlush(f->renderer);
    CHECK(fit.fits);
    CHECK(count_dark(f->screen, box, true) > 500);
    CHECK_INT(count_dark(f->screen, box, false), 0);
}
FIXTURE_TEST(test_draw_stays_inside_box, draw_stays_inside_box)

static void overflowing_draw_is_cut_at_box(Fixture *f)
{
    SDL_Rect box = {300, 300, 70, 40};
    TextStyle style = style_of(48, 20, TEXT_ALIGN_CENTER);
    clear_screen(f, (SDL_Color){255, 255, 255, 255});
    TextFit fit = text_draw(f->text, sentence, box, &style);
    SDL_RenderFlush(f->renderer);
    CHECK(!fit.fits);
    CHECK(count_dark(f->screen, box, true) > 0);
    CHECK_INT(count_dark(f->screen, box, false), 0);
}
FIXTURE_TEST(test_overflowing_draw_is_cut_at_box, overflowing_draw_is_cut_at_box)

static void draw_aligns_left_and_centre(Fixture *f)
{
    SDL_Rect box = {50, 50, 700, 100};
    TextStyle left = style_of(40, 16, TEXT_ALIGN_LEFT);
    TextStyle centre = style_of(40, 16, TEXT_ALIGN_CENTER);
    clear_screen(f, (SDL_Color){255, 255, 255, 255});
    text_draw(f->text, "Hi", box, &left);
    SDL_RenderFlush(f->renderer);
    int x = leftmost_dark(f->screen);
    CHECK(x >= box.x && x < box.x + 20);
    clear_screen(f, (SDL_Color){255, 255, 255, 255});
    TextFit fit = text_draw(f->text, "Hi", box, &centre);
    SDL_RenderFlush(f->renderer);
    x = leftmost_dark(f->screen);
    CHECK(x >= box.x + (box.w - fit.width) / 2 - 2 && x > box.x + box.w / 4);
}
FIXTURE_TEST(test_draw_aligns_left_and_centre, draw_aligns_left_and_centre)

static void draw_again_after_cache_clear(Fixture *f)
{
    SDL_Rect box = {0, 0, 400, 100};
    TextStyle style = style_of(40, 16, TEXT_ALIGN_CENTER);
    text_draw(f->text, "Thank you", box, &style);
    text_cache_clear(f->text);
    clear_screen(f, (SDL_Color){255, 255, 255, 255});
    CHECK(text_draw(f->text, "Thank you", box, &style).fits);
    SDL_RenderFlush(f->renderer);
    CHECK(count_dark(f->screen, box, true) > 100);
}
FIXTURE_TEST(test_draw_again_after_cache_clear, draw_again_after_cache_clear)

/* ---- scripts and directions ---------------------------------------------- */

/* Counts 8-connected groups of dark pixels in `box` (iterative flood fill). */
static int dark_components(SDL_Surface *s, SDL_Rect box)
{
    int n = 0, count = 0, *stack = malloc(sizeof(int) * (size_t)(box.w * box.h));
    unsigned char *seen = calloc((size_t)(box.w * box.h), 1);
    for (int start = 0; stack && seen && start < box.w * box.h; start++) {
        if (seen[start] || pixel_at(s, box.x + start % box.w, box.y + start / box.w).r >= 128)
            continue;
        count++;
        seen[start] = 1;
        stack[n++] = start;
        while (n > 0) {
            int p = stack[--n], px = p % box.w, py = p / box.w;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int x = px + dx, y = py + dy, q = y * box.w + x;
                    if (x < 0 || y < 0 || x >= box.w || y >= box.h || seen[q] ||
                        pixel_at(s, box.x + x, box.y + y).r >= 128)
                        continue;
                    seen[q] = 1;
                    stack[n++] = q;
                }
            }
        }
    }
    free(stack);
    free(seen);
    return count;
}

static int draw_and_count(Fixture *f, const char *utf8)
{
    SDL_Rect box = {0, 0, SCREEN_W, 200};
    TextStyle style = style_of(48, 48, TEXT_ALIGN_CENTER);
    clear_screen(f, (SDL_Color){255, 255, 255, 255});
    text_draw(f->text, utf8, box, &style);
    SDL_RenderFlush(f->renderer);
    return dark_components(f->screen, box);
}

/* Shaped Arabic joins its letters: the word falls into far fewer pieces of
 * ink than the same letters kept apart by zero-width non-joiners. */
static void arabic_letters_join(Fixture *f)
{
    char runs[1024];
    const char joined[] = "مرحبا بالعالم";
    const char apart[] = "م\u200Cر\u200Cح\u200Cب\u200Cا ب\u200Cا\u200Cل\u200Cع\u200Cا\u200Cل\u200Cم";
    CHECK(text_debug_runs(f->text, joined, 48, runs, sizeof runs) == 1);
    CHECK(strstr(runs, "Arab RTL NotoNaskhArabic") != NULL);
    int shaped = draw_and_count(f, joined);
    int isolated = draw_and_count(f, apart);
    CHECK(shaped >= 4);
    CHECK(isolated >= 12);
    CHECK(shaped + 4 <= isolated);
}
FIXTURE_TEST(test_arabic_letters_join, arabic_letters_join)

static void urdu_uses_nastaliq(Fixture *f)
{
    char runs[1024];
    const char urdu[] = "آپ کی رائے اہم ہے";
    SDL_Rect box = {0, 0, SCREEN_W, 300};
    TextStyle style = style_of(48, 16, TEXT_ALIGN_CENTER);
    text_set_language(f->text, "ur");
    CHECK(text_debug_runs(f->text, urdu, 48, runs, sizeof runs) == 1);
    CHECK(strstr(runs, "Arab RTL NotoNastaliqUrdu-Regular") != NULL);
    clear_screen(f, (SDL_Color){255, 255, 255, 255});
    CHECK(text_draw(f->text, urdu, box, &style).fits);
    SDL_RenderFlush(f->renderer);
    CHECK(count_dark(f->screen, box, true) > 500);
    text_set_language(f->text, "ar");
    CHECK(text_debug_runs(f->text, urdu, 48, runs, sizeof runs) == 1);
    CHECK(strstr(runs, "NotoNaskhArabic") != NULL);
}
FIXTURE_TEST(test_urdu_uses_nastaliq, urdu_uses_nastaliq)

/* The first and last rows of `box` holding a dark pixel (-1: none). */
static void dark_rows(SDL_Surface *s, SDL_Rect box, int *first, int *last)
{
    *first = *last = -1;
    for (int y = box.y; y < box.y + box.h; y++)
        for (int x = box.x; x < box.x + box.w; x++)
            if (pixel_at(s, x, y).r < 128) {
                *first = *first < 0 ? y : *first;
                *last = y;
                break;
            }
}

/* A key's letter in Nastaliq, whose line is some three times as tall as
 * the letter: by its line it does not fit a box half the line high, by
 * its ink it does, and it is drawn whole with its ink in the box's middle. */
static void ink_fits_a_tall_script_letter(Fixture *f)
{
    text_set_language(f->text, "ur");
    const char letter[] = "ق";
    int line = text_measure_span(f->text, letter, (int)strlen(letter), 40, false).line_height;
    SDL_Rect box = {100, 100, 200, line / 2};
    TextStyle by_line = style_of(40, 40, TEXT_ALIGN_CENTER), by_ink = by_line;
    by_ink.measure = TEXT_BY_INK;
    CHECK(!text_fit(f->text, letter, box.w, box.h, &by_line).fits);
    TextFit fit = text_fit(f->text, letter, box.w, box.h, &by_ink);
    CHECK(fit.fits && fit.px == 40 && fit.lines == 1);
    CHECK(fit.height > 10 && fit.height <= box.h);
    clear_screen(f, (SDL_Color){255, 255, 255, 255});
    text_draw(f->text, letter, box, &by_ink);
    SDL_RenderFlush(f->renderer);
    int first, last;
    SDL_Rect around = {box.x, 0, box.w, SCREEN_H};
    dark_rows(f->screen, around, &first, &last);
    CHECK(first >= box.y && last < box.y + box.h);           /* whole, in the box */
    CHECK(abs((first + last) / 2 - (box.y + box.h / 2)) <= 2);  /* its ink centred */
    CHECK(!text_fit(f->text, "قو ع", box.w / 8, box.h, &by_ink).fits);  /* one line, or it does not fit */
}
FIXTURE_TEST(test_ink_fits_a_tall_script_letter, ink_fits_a_tall_script_letter)

/* Two lines of Nastaliq in a box lower than two of its lines: by lines
 * they do not fit, with TEXT_INK_IF_NEEDED their letters do, stacked
 * without touching, all in the box. A text that fits by its lines is
 * measured by them as before. */
static void ink_stacks_lines_that_do_not_fit(Fixture *f)
{
    text_set_language(f->text, "ur");
    const char words[] = "منشیات اور شراب کے لیے مدد";
    int line = text_measure_span(f->text, words, (int)strlen(words), 28, false).line_height;
    int width = text_measure_span(f->text, words, (int)strlen(words), 28, false).width * 2 / 3;
    SDL_Rect box = {100, 100, width, line * 3 / 2};
    TextStyle by_lines = style_of(28, 28, TEXT_ALIGN_CENTER), if_needed = by_lines;
    if_needed.measure = TEXT_INK_IF_NEEDED;
    CHECK(!text_fit(f->text, words, box.w, box.h, &by_lines).fits);
    TextFit fit = text_fit(f->text, words, box.w, box.h, &if_needed);
    CHECK(fit.fits && fit.lines == 2 && fit.height <= box.h);
    clear_screen(f, (SDL_Color){255, 255, 255, 255});
    text_draw(f->text, words, box, &if_needed);
    SDL_RenderFlush(f->renderer);
    SDL_Rect around = {box.x, 0, box.w, SCREEN_H};
    int first, last, gaps = 0;
    dark_rows(f->screen, around, &first, &last);
    CHECK(first >= box.y && last < box.y + box.h);
    for (int y = first; y <= last; y++) {  /* a row of no ink between the two lines */
        int a, b;
        dark_rows(f->screen, (SDL_Rect){box.x, y, box.w, 1}, &a, &b);
        gaps += a < 0;
    }
    CHECK(gaps >= 28 / 5);
    TextStyle latin = style_of(28, 28, TEXT_ALIGN_CENTER), latin_if = latin;
    latin_if.measure = TEXT_INK_IF_NEEDED;
    text_set_language(f->text, "en");
    CHECK_INT(text_fit(f->text, "Drugs and alcohol", 150, 200, &latin_if).height,
              text_fit(f->text, "Drugs and alcohol", 150, 200, &latin).height);
}
FIXTURE_TEST(test_ink_stacks_lines_that_do_not_fit, ink_stacks_lines_that_do_not_fit)

/* The n-th line of `runs` (text_debug_runs output) into `line`. */
static const char *run_line(const char *runs, int n, char *line, size_t size)
{
    for (; n > 0 && runs; n--)
        runs = strchr(runs, '\n') ? strchr(runs, '\n') + 1 : NULL;
    size_t len = runs ? strcspn(runs, "\n") : 0;
    snprintf(line, size, "%.*s", (int)len, runs ? runs : "");
    return line;
}

/* "I went to the GP in 2026": read right to left, so from the left the runs
 * are 2026 (digits left to right), " في ", GP, "ذهبت إلى ". */
static void bidi_runs_in_visual_order(Fixture *f)
{
    char runs[2048], line[256];
    const char sentence_ar[] = "ذهبت إلى GP في 2026";
    int n = text_debug_runs(f->text, sentence_ar, 40, runs, sizeof runs);
    CHECK_INT(n, 4);
    CHECK(strstr(run_line(runs, 0, line, sizeof line), " LTR ") != NULL);
    CHECK(strstr(line, "\"2026\"") != NULL);
    CHECK(strstr(runs, "6202") == NULL);
    CHECK(strstr(run_line(runs, 1, line, sizeof line), "Arab RTL") == line);
    CHECK(strstr(line, "\" في \"") != NULL);
    CHECK_STR(run_line(runs, 2, line, sizeof line), "Latn LTR Andika-Regular.ttf \"GP\"");
    CHECK(strstr(run_line(runs, 3, line, sizeof line), "Arab RTL") == line);
    CHECK(strstr(line, "\"ذهبت إلى \"") != NULL);
}
FIXTURE_TEST(test_bidi_runs_in_visual_order, bidi_runs_in_visual_order)

/* Draws `utf8` and checks its only run uses a font whose file names `font`. */
static void draws_in_font(Fixture *f, const char *utf8, const char *script, const char *font)
{
    char runs[1024];
    SDL_Rect box = {0, 0, 400, 120};
    TextStyle style = style_of(48, 16, TEXT_ALIGN_CENTER);
    CHECK_INT(text_debug_runs(f->text, utf8, 48, runs, sizeof runs), 1);
    CHECK(strncmp(runs, script, 4) == 0);
    CHECK(strstr(runs, font) != NULL);
    clear_screen(f, (SDL_Color){255, 255, 255, 255});
    CHECK(text_draw(f->text, utf8, box, &style).fits);
    SDL_RenderFlush(f->renderer);
    CHECK(count_dark(f->screen, box, true) > 300);
}

static void gurmukhi_draws(Fixture *f)
{
    draws_in_font(f, "ਪੰਜਾਬੀ", "Guru", "Gurmukhi");
}
FIXTURE_TEST(test_gurmukhi_draws, gurmukhi_draws)

static void bengali_draws(Fixture *f)
{
    draws_in_font(f, "বাংলা", "Beng", "Bengali");
}
FIXTURE_TEST(test_bengali_draws, bengali_draws)

/* The top of the ink in columns [x0, x1) of the screen, and its lowest
 * dark row there; -1 when none. */
static int ink_top(SDL_Surface *s, int x0, int x1, int *bottom)
{
    int top = -1;
    *bottom = -1;
    for (int y = 0; y < s->h; y++)
        for (int x = x0; x < x1; x++)
            if (pixel_at(s, x, y).r < 128) {
                top = top < 0 ? y : top;
                *bottom = y;
            }
    return top;
}

/* Every script reads at Latin's size (point 10 of issue 11): in one line,
 * Latin then another script on one baseline, the other script's letter
 * (Bengali's and Gurmukhi's headline; the body of dotless beh in Arabic
 * and in Urdu's Nastaliq) rises as high as Latin's capital H or x, within
 * a tenth, where unscaled the fonts differ by a fifth or more. */
static void scripts_read_at_one_size(Fixture *f)
{
    static const struct {
        const char *language, *line;
    } cases[] = {
        {"bn", "H \u0995"}, {"pa", "H \u0A15"}, {"ar", "x \u066E"}, {"ur", "x \u066E"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        text_set_language(f->text, cases[i].language);
        clear_screen(f, (SDL_Color){255, 255, 255, 255});
        TextStyle style = style_of(120, 120, TEXT_ALIGN_LEFT);
        int latin_w = text_measure_span(f->text, cases[i].line, 1, 120, false).width;
        text_draw_span(f->text, cases[i].line, (int)strlen(cases[i].line), 120, 40, 40, &style);
        SDL_RenderFlush(f->renderer);
        int base, other_bottom;
        int latin_top = ink_top(f->screen, 40, 40 + latin_w, &base);
        int other_top = ink_top(f->screen, 40 + latin_w + 10, SCREEN_W, &other_bottom);
        int latin_h = base - latin_top, other_h = base - other_top;
        printf("    %s: Latin %d px high, its own script %d px\n", cases[i].language, latin_h, other_h);
        CHECK(latin_top >= 0 && other_top >= 0 && latin_h > 40);
        CHECK(other_h * 10 >= latin_h * 9 && other_h * 10 <= latin_h * 11);
    }
}
FIXTURE_TEST(test_scripts_read_at_one_size, scripts_read_at_one_size)

static const char arabic_paragraph[] =
    "ما هي تجاربك الإيجابية مع الخدمات التي تستخدمها في منطقتك هذا العام؟";

/* Wrapping keeps words whole; "start" alignment puts RTL lines at the right. */
static void rtl_paragraph_wraps_on_words(Fixture *f)
{
    SDL_Rect box = {100, 100, 300, 400};
    TextStyle style = style_of(32, 32, TEXT_ALIGN_LEFT);
    TextLine lines[32];
    char joined[sizeof arabic_paragraph] = "";
    int n = text_fit_lines(f->text, arabic_paragraph, box.w, box.h, &style, lines, 32);
    CHECK(n >= 3 && n <= 32);
    for (int i = 0; i < n; i++) {
        int end = lines[i].start + lines[i].length;
        CHECK(lines[i].width > 0 && lines[i].width <= box.w);
        CHECK(lines[i].start == 0 || arabic_paragraph[lines[i].start - 1] == ' ');
        CHECK(arabic_paragraph[end] == '\0' || arabic_paragraph[end] == ' ');
        if (i > 0)
            strcat(joined, " ");
        strncat(joined, arabic_paragraph + lines[i].start, (size_t)lines[i].length);
    }
    CHECK_STR(joined, arabic_paragraph);
    clear_screen(f, (SDL_Color){255, 255, 255, 255});
    text_draw(f->text, arabic_paragraph, box, &style);
    SDL_RenderFlush(f->renderer);
    int right = -1;
    for (int x = box.x + box.w - 1; x >= box.x && right < 0; x--) {
        for (int y = box.y; y < box.y + box.h && right < 0; y++)
            right = pixel_at(f->screen, x, y).r < 128 ? x : -1;
    }
    CHECK(right > box.x + box.w - 12);
    CHECK(leftmost_dark(f->screen) > box.x);
}
FIXTURE_TEST(test_rtl_paragraph_wraps_on_words, rtl_paragraph_wraps_on_words)

static void test_is_rtl(void)
{
    CHECK(text_is_rtl("مرحبا"));
    CHECK(text_is_rtl("2026 مرحبا GP"));
    CHECK(text_is_rtl("آپ کی رائے"));
    CHECK(!text_is_rtl("Hello مرحبا"));
    CHECK(!text_is_rtl("ਪੰਜਾਬੀ"));
    CHECK(!text_is_rtl("2026"));
    CHECK(!text_is_rtl(""));
    CHECK(!text_is_rtl(NULL));
}

/* A Latin line is one run in Andika, drawn as before. */
static void latin_is_one_run(Fixture *f)
{
    char runs[512];
    CHECK_INT(text_debug_runs(f->text, "Zażółć gęślą jaźń — ą ę ł", 40, runs, sizeof runs), 1);
    CHECK(strncmp(runs, "Latn LTR Andika-Regular.ttf", 27) == 0);
}
FIXTURE_TEST(test_latin_is_one_run, latin_is_one_run)

/* ---- symbols ------------------------------------------------------------ */

static const char circle_svg[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">"
    "<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"#000000\"/></svg>\n";

static void svg_symbol_at_exact_sizes(Fixture *f)
{
    char path[128];
    temp_path(path, sizeof path, "circle.svg");
    CHECK(write_file(path, circle_svg));
    SDL_Texture *small = symbol_cache_get(f->symbols, path, 48);
    SDL_Texture *big = symbol_cache_get(f->symbols, path, 256);
    bool odd_sizes_exact = true;
    for (int px = 1; px <= 300; px += 7)
        odd_sizes_exact = odd_sizes_exact && texture_size_is(symbol_cache_get(f->symbols, path, px), px, px);
    remove(path);
    CHECK(texture_size_is(small, 48, 48));
    CHECK(texture_size_is(big, 256, 256));
    CHECK(odd_sizes_exact);
    CHECK(symbol_cache_get(f->symbols, path, 48) == small); /* cached: file gone */
    show_raw(f, big);
    CHECK(pixel_at(f->screen, 128, 128).a == 255 && pixel_at(f->screen, 128, 128).r == 0);
    CHECK_INT(pixel_at(f->screen, 2, 2).a, 0);
}
FIXTURE_TEST(test_svg_symbol_at_exact_sizes, svg_symbol_at_exact_sizes)

static void get_missing_twice(Fixture *f)
{
    SDL_Texture *first = symbol_cache_get(f->symbols, "assets/symbols/no_such_symbol.svg", 64);
    SDL_Texture *second = symbol_cache_get(f->symbols, "assets/symbols/no_such_symbol.svg", 96);
    if (first || second)
        printf("    a missing file gave a texture\n");
}

static void missing_symbol_reported_once(Fixture *f)
{
    CHECK_INT(stderr_lines_of(get_missing_twice, f), 1);
    CHECK(symbol_cache_get(f->symbols, "assets/symbols/no_such_symbol.svg", 64) == NULL);
}
FIXTURE_TEST(test_missing_symbol_reported_once, missing_symbol_reported_once)

static void get_unreadable(Fixture *f)
{
    char path[128];
    temp_path(path, sizeof path, "broken.png");
    if (write_file(path, "this is not a PNG"))
        (void)symbol_cache_get(f->symbols, path, 64);
    (void)symbol_cache_get(f->symbols, path, 64);
    remove(path);
}

static void unreadable_symbol_reported_once(Fixture *f)
{
    CHECK_INT(stderr_lines_of(get_unreadable, f), 1);
}
FIXTURE_TEST(test_unreadable_symbol_reported_once, unreadable_symbol_reported_once)

static bool write_png(const char *path, int w, int h)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
    bool ok = s && SDL_FillRect(s, NULL, SDL_MapRGBA(s->format, 200, 30, 30, 255)) == 0 &&
              IMG_SavePNG(s, path) == 0;
    SDL_FreeSurface(s);
    return ok;
}

static void png_fitted_keeping_aspect(Fixture *f)
{
    char wide[128], tall[128];
    temp_path(wide, sizeof wide, "wide.png");
    temp_path(tall, sizeof tall, "tall.PNG");
    CHECK(write_png(wide, 200, 100) && write_png(tall, 100, 200));
    SDL_Texture *w = symbol_cache_get(f->symbols, wide, 64);
    SDL_Texture *t = symbol_cache_get(f->symbols, tall, 64);
    SDL_Texture *up = symbol_cache_get(f->symbols, wide, 400);
    remove(wide);
    remove(tall);
    CHECK(texture_size_is(w, 64, 32));
    CHECK(texture_size_is(t, 32, 64));
    CHECK(texture_size_is(up, 400, 200));
    show_raw(f, w);
    SDL_Color c = pixel_at(f->screen, 32, 16);
    CHECK(c.r == 200 && c.g == 30 && c.a == 255);
}
FIXTURE_TEST(test_png_fitted_keeping_aspect, png_fitted_keeping_aspect)

/* ---- photos filling a tile ---------------------------------------------- */

/* Writes a w x h PNG of bands: `across` splits it into three columns (left
 * band, middle, right band), otherwise into three rows. The outer bands are
 * `outer` pixels wide; the middle is split in two halves, `half_a` then
 * `half_b`, the other way (top/bottom for columns, left/right for rows). */
typedef struct {
    int w, h, outer;
    bool across;
    SDL_Color band_1, band_2, half_a, half_b;
} BandPhoto;

static Uint32 band_colour(SDL_Surface *s, const BandPhoto *p, int x, int y)
{
    int along = p->across ? x : y, length = p->across ? p->w : p->h;
    int other = p->across ? y : x, width = p->across ? p->h : p->w;
    SDL_Color c = along < p->outer            ? p->band_1
                  : along >= length - p->outer ? p->band_2
                  : other < width / 2          ? p->half_a
                                               : p->half_b;
    return SDL_MapRGBA(s->format, c.r, c.g, c.b, 255);
}

static bool write_band_photo(const char *path, const BandPhoto *p)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, p->w, p->h, 32, SDL_PIXELFORMAT_RGBA32);
    if (!s)
        return false;
    for (int y = 0; y < p->h; y++)
        for (int x = 0; x < p->w; x++)
            ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x] = band_colour(s, p, x, y);
    bool ok = IMG_SavePNG(s, path) == 0;
    SDL_FreeSurface(s);
    return ok;
}

static const SDL_Color red = {255, 0, 0, 255}, green = {0, 255, 0, 255}, blue = {0, 0, 255, 255},
                       yellow = {255, 255, 0, 255};

/* Every pixel of the shown w x h texture mixes only green and yellow: no
 * red or blue from the cut-off bands, and opaque. */
static bool only_green_and_yellow(SDL_Surface *s, int w, int h)
{
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            SDL_Color c = pixel_at(s, x, y);
            if (c.g != 255 || c.b != 0 || c.a != 255) {
                printf("    pixel (%d,%d) is %d,%d,%d,%d\n", x, y, c.r, c.g, c.b, c.a);
                return false;
            }
        }
    }
    return true;
}

/* A 200x100 photo into 64x64: the middle 100x100 (x 50..149) fills it; the
 * red and blue 50-pixel bands at the sides are cut off. Green above yellow
 * shows the whole height is kept, unsquashed. A 1000x500 one goes through
 * the halving steps to the same result. */
static void wide_photo_fills_by_centre_crop(Fixture *f)
{
    char path[128], big[128];
    temp_path(path, sizeof path, "wide_photo.png");
    temp_path(big, sizeof big, "wide_photo_big.PNG");
    BandPhoto photo = {200, 100, 50, true, red, blue, green, yellow};
    BandPhoto large = {1000, 500, 250, true, red, blue, green, yellow};
    CHECK(write_band_photo(path, &photo) && write_band_photo(big, &large));
    SDL_Texture *fill = symbol_cache_get_fill(f->symbols, path, 64, 64);
    SDL_Texture *fill_big = symbol_cache_get_fill(f->symbols, big, 64, 64);
    remove(path);
    remove(big);
    CHECK(texture_size_is(fill, 64, 64));
    CHECK(symbol_cache_get_fill(f->symbols, path, 64, 64) == fill); /* cached: file gone */
    SDL_Texture *textures[] = {fill, fill_big};
    for (int i = 0; i < 2; i++) {
        CHECK(texture_size_is(textures[i], 64, 64));
        show_raw(f, textures[i]);
        CHECK(only_green_and_yellow(f->screen, 64, 64));
        for (int x = 0; x < 64; x++) {
            CHECK_INT(pixel_at(f->screen, x, 0).r, 0);   /* top row: green */
            CHECK_INT(pixel_at(f->screen, x, 63).r, 255); /* bottom row: yellow */
        }
        CHECK_INT(pixel_at(f->screen, 32, 20).r, 0); /* centre column */
        CHECK_INT(pixel_at(f->screen, 32, 44).r, 255);
    }
}
FIXTURE_TEST(test_wide_photo_fills_by_centre_crop, wide_photo_fills_by_centre_crop)

/* A 100x300 photo into 90x60: the middle 100x67 (y 116..182) fills it; the
 * red and blue 100-pixel bands at top and bottom are cut off, and the green
 * left half, yellow right half are kept whole across the width. */
static void tall_photo_fills_by_centre_crop(Fixture *f)
{
    char path[128];
    temp_path(path, sizeof path, "tall_photo.png");
    BandPhoto photo = {100, 300, 100, false, red, blue, green, yellow};
    CHECK(write_band_photo(path, &photo));
    SDL_Texture *fill = symbol_cache_get_fill(f->symbols, path, 90, 60);
    remove(path);
    CHECK(texture_size_is(fill, 90, 60));
    show_raw(f, fill);
    CHECK(only_green_and_yellow(f->screen, 90, 60));
    for (int y = 0; y < 60; y++) {
        CHECK_INT(pixel_at(f->screen, 0, y).r, 0);    /* left column: green */
        CHECK_INT(pixel_at(f->screen, 89, y).r, 255); /* right column: yellow */
    }
}
FIXTURE_TEST(test_tall_photo_fills_by_centre_crop, tall_photo_fills_by_centre_crop)

/* The fixture survey's own JPEG photo fills a landscape and a portrait area,
 * each kept apart from the other and from a fitted one. */
static void jpeg_photo_fills_any_shape(Fixture *f)
{
    const char *door = "tests/surveys/photo_survey/our_door.jpg";
    SDL_Texture *wide = symbol_cache_get_fill(f->symbols, door, 120, 80);
    SDL_Texture *tall = symbol_cache_get_fill(f->symbols, door, 80, 120);
    SDL_Texture *fitted = symbol_cache_get(f->symbols, door, 120);
    CHECK(texture_size_is(wide, 120, 80));
    CHECK(texture_size_is(tall, 80, 120));
    CHECK(texture_size_is(fitted, 120, 80));
    CHECK(wide != fitted && wide != tall);
    show_raw(f, tall);
    SDL_Color sky = pixel_at(f->screen, 40, 2), grass = pixel_at(f->screen, 40, 117);
    CHECK(sky.b > 200 && sky.r < 200);     /* the sky above */
    CHECK(grass.g > 150 && grass.r < 150); /* the grass below: the height is whole */
}
FIXTURE_TEST(test_jpeg_photo_fills_any_shape, jpeg_photo_fills_any_shape)

/* An SVG symbol is never cropped: get_fill gives get's square at min(w, h). */
static void svg_through_fill_is_not_cropped(Fixture *f)
{
    char path[128];
    temp_path(path, sizeof path, "fill_circle.svg");
    CHECK(write_file(path, circle_svg));
    SDL_Texture *fill = symbol_cache_get_fill(f->symbols, path, 100, 60);
    SDL_Texture *tall = symbol_cache_get_fill(f->symbols, path, 50, 90);
    SDL_Texture *same = symbol_cache_get(f->symbols, path, 60);
    remove(path);
    CHECK(texture_size_is(fill, 60, 60));
    CHECK(texture_size_is(tall, 50, 50));
    CHECK(fill == same);
    show_raw(f, fill);
    CHECK_INT(pixel_at(f->screen, 1, 30).a, 0); /* the circle's margin is still there */
    CHECK(pixel_at(f->screen, 30, 30).a == 255);
}
FIXTURE_TEST(test_svg_through_fill_is_not_cropped, svg_through_fill_is_not_cropped)

static void get_fill_missing_twice(Fixture *f)
{
    (void)symbol_cache_get_fill(f->symbols, "tests/surveys/photo_survey/no_such.jpg", 64, 48);
    (void)symbol_cache_get_fill(f->symbols, "tests/surveys/photo_survey/no_such.jpg", 32, 48);
    (void)symbol_cache_get(f->symbols, "tests/surveys/photo_survey/no_such.jpg", 32);
}

static void missing_photo_reported_once(Fixture *f)
{
    CHECK_INT(stderr_lines_of(get_fill_missing_twice, f), 1);
    CHECK(symbol_cache_get_fill(f->symbols, "tests/surveys/photo_survey/no_such.jpg", 64, 48) == NULL);
    CHECK(symbol_cache_get_fill(f->symbols, NULL, 64, 48) == NULL);
    CHECK(symbol_cache_get_fill(f->symbols, "tests/surveys/photo_survey/our_door.jpg", 0, 48) == NULL);
}
FIXTURE_TEST(test_missing_photo_reported_once, missing_photo_reported_once)

static void test_is_photo(void)
{
    static const char *const photos[] = {"door.jpg", "a/b/door.JPG", "x.jpeg", "x.JpEg", "gp.png",
                                         "/srv/widgit/GP.PNG", "with.dots.png"};
    static const char *const others[] = {"gp.svg", "gp.SVG", "png", "jpg", "x.gif", "x.png.svg",
                                         "dir.png/file", "", "x.pngx", "x."};
    for (size_t i = 0; i < sizeof photos / sizeof photos[0]; i++)
        CHECK(symbol_cache_is_photo(photos[i]));
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        CHECK(!symbol_cache_is_photo(others[i]));
    CHECK(!symbol_cache_is_photo(NULL));
}

static const char tile_svg[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\" "
    "viewBox=\"0 0 400 300\"><rect x=\"4\" y=\"4\" width=\"392\" height=\"292\" rx=\"40\" "
    "ry=\"40\" fill=\"#ffcc00\" stroke=\"#000000\" stroke-width=\"8\"/></svg>";

/* An edge pixel somewhere on the diagonal into the top-left corner that is
 * neither transparent nor opaque: the arc is anti-aliased. */
static bool corner_is_antialiased(SDL_Surface *s)
{
    for (int d = 0; d < 40; d++) {
        Uint8 a = pixel_at(s, d, d).a;
        if (a > 0 && a < 255)
            return true;
    }
    return false;
}

static void rounded_tile_svg(Fixture *f)
{
    SDL_Texture *tile = symbol_cache_get_svg(f->symbols, "tile:ffcc00", tile_svg, 400, 300);
    CHECK(texture_size_is(tile, 400, 300));
    CHECK(symbol_cache_get_svg(f->symbols, "tile:ffcc00", tile_svg, 400, 300) == tile);
    show_raw(f, tile);
    SDL_Color centre = pixel_at(f->screen, 200, 150);
    SDL_Color top_edge = pixel_at(f->screen, 200, 4);
    CHECK(centre.a == 255 && centre.r == 255 && centre.g == 0xcc && centre.b == 0);
    CHECK(top_edge.a == 255 && top_edge.r < 40 && top_edge.g < 40);
    CHECK_INT(pixel_at(f->screen, 0, 0).a, 0);
    CHECK_INT(pixel_at(f->screen, 399, 0).a, 0);
    CHECK_INT(pixel_at(f->screen, 0, 299).a, 0);
    CHECK_INT(pixel_at(f->screen, 399, 299).a, 0);
    CHECK(pixel_at(f->screen, 200, 12).g == 0xcc); /* inside the stroke: fill again */
    CHECK(corner_is_antialiased(f->screen));
}
FIXTURE_TEST(test_rounded_tile_svg, rounded_tile_svg)

static void get_bad_shape_twice(Fixture *f)
{
    (void)symbol_cache_get_svg(f->symbols, "bad", "this is not svg", 50, 50);
    (void)symbol_cache_get_svg(f->symbols, "bad", "this is not svg", 60, 60);
}

static void bad_shape_is_null_and_reported_once(Fixture *f)
{
    CHECK_INT(stderr_lines_of(get_bad_shape_twice, f), 1);
    CHECK(symbol_cache_get_svg(f->symbols, "bad", "this is not svg", 50, 50) == NULL);
}
FIXTURE_TEST(test_bad_shape_is_null_and_reported_once, bad_shape_is_null_and_reported_once)

static void symbol_cache_clear_then_get(Fixture *f)
{
    SDL_Texture *tile = symbol_cache_get_svg(f->symbols, "tile:ffcc00", tile_svg, 200, 150);
    CHECK(texture_size_is(tile, 200, 150));
    symbol_cache_clear(f->symbols);
    CHECK(texture_size_is(symbol_cache_get_svg(f->symbols, "tile:ffcc00", tile_svg, 200, 150),
                          200, 150));
}
FIXTURE_TEST(test_symbol_cache_clear_then_get, symbol_cache_clear_then_get)

static void symbol_cache_evicts_beyond_its_slots(Fixture *f)
{
    for (int i = 0; i < SYMBOL_CACHE_SLOTS + 20; i++)
        CHECK(symbol_cache_get_svg(f->symbols, "tile", tile_svg, 8 + i, 6 + i) != NULL);
    CHECK(texture_size_is(symbol_cache_get_svg(f->symbols, "tile", tile_svg, 8, 6), 8, 6));
}
FIXTURE_TEST(test_symbol_cache_evicts_beyond_its_slots, symbol_cache_evicts_beyond_its_slots)

int main(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    RUN(test_open_finds_andika);
    RUN(test_missing_font_is_named);
    RUN(test_short_word_fits_at_max);
    RUN(test_sentence_wraps_and_shrinks);
    RUN(test_too_long_does_not_fit);
    RUN(test_newline_gives_two_lines);
    RUN(test_empty_text_fits);
    RUN(test_long_word_breaks_between_characters);
    RUN(test_draw_stays_inside_box);
    RUN(test_overflowing_draw_is_cut_at_box);
    RUN(test_draw_aligns_left_and_centre);
    RUN(test_draw_again_after_cache_clear);
    RUN(test_arabic_letters_join);
    RUN(test_urdu_uses_nastaliq);
    RUN(test_ink_fits_a_tall_script_letter);
    RUN(test_ink_stacks_lines_that_do_not_fit);
    RUN(test_bidi_runs_in_visual_order);
    RUN(test_gurmukhi_draws);
    RUN(test_bengali_draws);
    RUN(test_scripts_read_at_one_size);
    RUN(test_rtl_paragraph_wraps_on_words);
    RUN(test_is_rtl);
    RUN(test_latin_is_one_run);
    RUN(test_svg_symbol_at_exact_sizes);
    RUN(test_missing_symbol_reported_once);
    RUN(test_unreadable_symbol_reported_once);
    RUN(test_png_fitted_keeping_aspect);
    RUN(test_wide_photo_fills_by_centre_crop);
    RUN(test_tall_photo_fills_by_centre_crop);
    RUN(test_jpeg_photo_fills_any_shape);
    RUN(test_svg_through_fill_is_not_cropped);
    RUN(test_missing_photo_reported_once);
    RUN(test_is_photo);
    RUN(test_rounded_tile_svg);
    RUN(test_bad_shape_is_null_and_reported_once);
    RUN(test_symbol_cache_clear_then_get);
    RUN(test_symbol_cache_evicts_beyond_its_slots);
    IMG_Quit();
    SDL_Quit();
    return TEST_SUMMARY();
}
