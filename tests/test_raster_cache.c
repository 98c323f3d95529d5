/* test_raster_cache.c: rasterised pictures kept on disk between runs
 * (ui/raster_cache.c), alone and behind the symbol cache, on a software
 * renderer drawing into a plain surface (no display needed). Each case
 * works in a folder of its own under /tmp, removed afterwards. */
#include "testing.h"
#include "test_support.h"

#include "ui/raster_cache.h"
#include "ui/symbol_cache.h"

#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SYMBOL "assets/symbols/gp.svg"

/* A 3 x 2 surface of `format` with a known pattern. */
static SDL_Surface *pattern(Uint32 format)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 3, 2, 32, format);
    for (int i = 0; s && i < 6; i++)
        ((Uint32 *)s->pixels)[(i / 3) * (s->pitch / 4) + i % 3] = 0x01020304u * (Uint32)(i + 1);
    return s;
}

/* A software renderer drawing into a small ARGB8888 surface, for loads. */
typedef struct {
    SDL_Surface *screen;
    SDL_Renderer *renderer;
} Canvas;

static bool canvas_open(Canvas *c)
{
    c->screen = SDL_CreateRGBSurfaceWithFormat(0, 8, 8, 32, SDL_PIXELFORMAT_ARGB8888);
    c->renderer = c->screen ? SDL_CreateSoftwareRenderer(c->screen) : NULL;
    return c->renderer != NULL;
}

static void canvas_close(Canvas *c)
{
    if (c->renderer)
        SDL_DestroyRenderer(c->renderer);
    SDL_FreeSurface(c->screen);
}

/* Whether `texture` (NULL: no) of the canvas's renderer holds exactly the
 * pixels of `want` (ARGB8888): it is copied, unblended, onto the canvas. */
static bool texture_holds(Canvas *c, SDL_Texture *texture, const SDL_Surface *want)
{
    int w = 0, h = 0;
    SDL_BlendMode blend;
    bool copied = texture && SDL_QueryTexture(texture, NULL, NULL, &w, &h) == 0 &&
                  w == want->w && h == want->h && SDL_GetTextureBlendMode(texture, &blend) == 0 &&
                  SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_NONE) == 0 &&
                  SDL_RenderCopy(c->renderer, texture, NULL, &(SDL_Rect){0, 0, w, h}) == 0;
    SDL_RenderPresent(c->renderer);
    for (int y = 0; copied && y < h; y++)
        copied = memcmp((char *)c->screen->pixels + y * c->screen->pitch,
                        (char *)want->pixels + y * want->pitch, (size_t)w * 4) == 0;
    if (texture)
        SDL_SetTextureBlendMode(texture, blend);
    return copied;
}

/* The one file in `dir` (there must be exactly one), into `out`. */
static bool only_file(const char *dir, char *out, size_t size)
{
    char command[256];
    snprintf(command, sizeof command, "ls %s", dir);
    FILE *p = popen(command, "r");
    char name[128] = "", extra[128];
    bool one = p && fscanf(p, "%127s", name) == 1 && fscanf(p, "%127s", extra) != 1;
    if (p)
        pclose(p);
    snprintf(out, size, "%s/%s", dir, name);
    return one;
}

/* Kept pixels come back as they went in, under their key only, as a
 * texture unblended when they were opaque; a file cut short, or written
 * for another key, is a miss. */
static void test_pixels_come_back_under_their_key_only(void)
{
    char dir[64], path[256];
    Canvas c;
    CHECK(support_temp_dir(dir, sizeof dir, "raster") == 0);
    CHECK(canvas_open(&c));
    RasterCache *cache = raster_cache_open(dir);
    SDL_Surface *kept = pattern(SDL_PIXELFORMAT_ARGB8888);
    raster_cache_store(cache, "key one", kept, false);
    SDL_Texture *back = raster_cache_load(cache, "key one", c.renderer);
    SDL_BlendMode blend = SDL_BLENDMODE_NONE;
    bool blended =
        back && SDL_GetTextureBlendMode(back, &blend) == 0 && blend == SDL_BLENDMODE_BLEND;
    bool same = texture_holds(&c, back, kept);
    SDL_Texture *other = raster_cache_load(cache, "key two", c.renderer);
    bool one = only_file(dir, path, sizeof path);
    struct stat st;
    bool cut = one && stat(path, &st) == 0 && truncate(path, st.st_size - 1) == 0;
    SDL_Texture *after_cut = raster_cache_load(cache, "key one", c.renderer);
    raster_cache_store(cache, "opaque", kept, true);
    SDL_Texture *opaque = raster_cache_load(cache, "opaque", c.renderer);
    bool unblended =
        opaque && SDL_GetTextureBlendMode(opaque, &blend) == 0 && blend == SDL_BLENDMODE_NONE;
    SDL_FreeSurface(kept);
    raster_cache_close(cache);
    canvas_close(&c); /* destroys the textures too */
    support_remove_tree(dir);
    CHECK(cache);
    CHECK(same && blended);
    CHECK(!other);
    CHECK(one && cut);
    CHECK(!after_cut);
    CHECK(unblended);
    CHECK(!raster_cache_load(NULL, "key one", NULL));
}

/* Pixels kept in another format come back in the renderer's own
 * (ARGB8888: read straight into the texture), the same colours. */
static void test_other_formats_come_back_as_the_renderers(void)
{
    char dir[64];
    Canvas c;
    CHECK(support_temp_dir(dir, sizeof dir, "raster") == 0);
    CHECK(canvas_open(&c));
    RasterCache *cache = raster_cache_open(dir);
    SDL_Surface *kept = pattern(SDL_PIXELFORMAT_RGBA32);
    raster_cache_store(cache, "rgba", kept, false);
    SDL_Texture *back = raster_cache_load(cache, "rgba", c.renderer);
    SDL_Surface *converted =
        kept ? SDL_ConvertSurfaceFormat(kept, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    bool same = converted && texture_holds(&c, back, converted);
    SDL_FreeSurface(kept);
    SDL_FreeSurface(converted);
    raster_cache_close(cache);
    canvas_close(&c);
    support_remove_tree(dir);
    CHECK(same);
}

/* A file's key names its size and time: changed, the old pixels are not
 * used. A folder that cannot be made is no cache at all. */
static void test_a_changed_file_has_a_new_key(void)
{
    char dir[64], file[128], before[4400], after[4400], third[4400];
    CHECK(support_temp_dir(dir, sizeof dir, "raster") == 0);
    snprintf(file, sizeof file, "%s/pic.svg", dir);
    FILE *f = fopen(file, "w");
    CHECK(f && fputs("<svg/>", f) >= 0 && fclose(f) == 0);
    bool keyed = raster_cache_file_key("fit", file, 48, 48, before, sizeof before);
    f = fopen(file, "a");
    bool grew = f && fputs(" ", f) >= 0 && fclose(f) == 0;
    bool rekeyed = raster_cache_file_key("fit", file, 48, 48, after, sizeof after) &&
                   raster_cache_file_key("fit", file, 64, 48, third, sizeof third);
    support_remove_tree(dir);
    CHECK(keyed && grew && rekeyed);
    CHECK(strcmp(before, after) != 0);
    CHECK(strcmp(after, third) != 0);
    CHECK(!raster_cache_file_key("fit", file, 48, 48, before, sizeof before)); /* gone */
    CHECK(!raster_cache_open("/proc/no-such-folder/cache"));
    CHECK(!raster_cache_open(NULL));
}


/* Paints the last `rows` rows of the pixels in `file` (a cache file whose
 * pictures are `w` wide) opaque red, so pixels read back from it show
 * (ARGB8888 in memory: the bytes blue, green, red, alpha). */
static bool paint_last_rows(const char *file, int w, int rows)
{
    FILE *f = fopen(file, "r+b");
    bool ok = f && fseek(f, -(long)w * 4 * rows, SEEK_END) == 0;
    for (int i = 0; ok && i < w * rows; i++)
        ok = fwrite("\x00\x00\xff\xff", 4, 1, f) == 1;
    return f && fclose(f) == 0 && ok;
}

/* Draws SYMBOL at 96 px with a new symbol cache over `disk`; the pixel at
 * (x, y) of the screen. */
static Uint32 draw_symbol(SDL_Surface *screen, SDL_Renderer *renderer, RasterCache *disk, int x,
                          int y)
{
    SymbolCache *symbols = symbol_cache_new(renderer, disk);
    SDL_Texture *t = symbol_cache_get(symbols, SYMBOL, 96);
    SDL_SetRenderDrawColor(renderer, 255, 255, 255, 255);
    SDL_RenderClear(renderer);
    if (t)
        SDL_RenderCopy(renderer, t, NULL, &(SDL_Rect){0, 0, 96, 96});
    SDL_RenderPresent(renderer);
    symbol_cache_free(symbols);
    return ((Uint32 *)screen->pixels)[y * (screen->pitch / 4) + x];
}

/* Through the symbol cache: the first run rasterises the symbol and keeps
 * it; a second run (a new symbol cache, as after a restart) takes the
 * pixels from disk, as the red painted into the file shows. */
static void test_a_second_run_draws_the_symbol_from_disk(void)
{
    char dir[64], file[256];
    CHECK(support_temp_dir(dir, sizeof dir, "raster") == 0);
    SDL_Surface *screen = SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_Renderer *renderer = screen ? SDL_CreateSoftwareRenderer(screen) : NULL;
    RasterCache *disk = raster_cache_open(dir);
    Uint32 red = screen ? SDL_MapRGBA(screen->format, 255, 0, 0, 255) : 0;
    Uint32 first = renderer ? draw_symbol(screen, renderer, disk, 48, 94) : 0;
    bool kept = only_file(dir, file, sizeof file) && paint_last_rows(file, 96, 4);
    Uint32 second = renderer ? draw_symbol(screen, renderer, disk, 48, 94) : 0;
    raster_cache_close(disk);
    if (renderer)
        SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(screen);
    support_remove_tree(dir);
    CHECK(disk && renderer);
    CHECK(kept);
    CHECK(first != red);
    CHECK(second == red);
}

/* A shape with soft (half transparent) edges drawn over a colour, once
 * rasterised afresh and once read back from disk: the same pixels, every
 * one (the cache must never change what a screen looks like). */
static void test_a_picture_read_back_blends_as_a_fresh_one(void)
{
    static const char svg[] = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'>"
                              "<circle cx='5' cy='5' r='4.3' fill='#1a5f9e'/></svg>";
    char dir[64];
    CHECK(support_temp_dir(dir, sizeof dir, "raster") == 0);
    SDL_Surface *screens[2] = {NULL, NULL};
    RasterCache *disk = raster_cache_open(dir);
    for (int run = 0; run < 2; run++) { /* run 0 rasterises and keeps; run 1 reads back */
        screens[run] = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
        SDL_Renderer *renderer = screens[run] ? SDL_CreateSoftwareRenderer(screens[run]) : NULL;
        SymbolCache *symbols = renderer ? symbol_cache_new(renderer, disk) : NULL;
        SDL_Texture *t = symbols ? symbol_cache_get_svg(symbols, "dot", svg, 64, 64) : NULL;
        SDL_SetRenderDrawColor(renderer, 0xf4, 0xf2, 0xec, 255);
        SDL_RenderClear(renderer);
        if (t)
            SDL_RenderCopy(renderer, t, NULL, NULL);
        SDL_RenderPresent(renderer);
        symbol_cache_free(symbols);
        if (renderer)
            SDL_DestroyRenderer(renderer);
    }
    raster_cache_close(disk);
    bool kept = only_file(dir, (char[256]){0}, 256);
    bool same = screens[0] && screens[1] && memcmp(screens[0]->pixels, screens[1]->pixels,
                                                   (size_t)screens[0]->pitch * 64) == 0;
    int colours = screens[0] ? support_colours(screens[0], 1, 256) : 0;
    SDL_FreeSurface(screens[0]);
    SDL_FreeSurface(screens[1]);
    support_remove_tree(dir);
    CHECK(kept);
    CHECK(colours > 8); /* soft edges: many shades between the dot and the ground */
    CHECK(same);
}

int main(void)
{
    RUN(test_pixels_come_back_under_their_key_only);
    RUN(test_other_formats_come_back_as_the_renderers);
    RUN(test_a_changed_file_has_a_new_key);
    RUN(test_a_second_run_draws_the_symbol_from_disk);
    RUN(test_a_picture_read_back_blends_as_a_fresh_one);
    return TEST_SUMMARY();
}
