/* symbols_sheet.c: renders sayso's pictogram set to one reviewable PNG.
 *
 *   symbols_sheet SYMBOL_DIR OUT.png
 *
 * Reads SYMBOL_DIR/index.csv (name,file,alt), rasterises every symbol with
 * SDL_image's SVG loader (the same nanosvg path the kiosk uses) at 128 px,
 * and lays them out in a grid with the name in bold and the alt text wrapped
 * under each. A strip of every symbol at 48 px (the smallest size the kiosk
 * shows) closes the sheet, so detail that is lost when small is seen at once.
 * Everything is drawn on a software surface: no window or display is needed.
 *
 * A symbol that is missing, cannot be parsed or renders blank is reported by
 * name and file, and the program exits 1 without writing the sheet. */
#include <csv.h>
#include <fontconfig/fontconfig.h>
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    SHEET_COLS = 10,
    SHEET_BIG = 128,       /* symbol size in the grid */
    SHEET_SMALL = 48,      /* symbol size in the closing strip */
    SHEET_CELL_W = 200,
    SHEET_CELL_H = 272,
    SHEET_MARGIN = 24,
    SHEET_GAP = 10,
    SHEET_TITLE_H = 64,
    SHEET_NAME_PT = 20,
    SHEET_ALT_PT = 15,
    SHEET_TITLE_PT = 30,
};

typedef struct {
    char *name, *file, *alt;
    SDL_Surface *big, *small;
} SheetSymbol;

/* The parsed index plus the CSV reader's working state. */
typedef struct {
    SheetSymbol *items;
    size_t count, cap;
    int col_name, col_file, col_alt; /* column positions from the header */
    char *fields[3];                 /* name, file, alt of the row being read */
    int field_no;
    long row_no;
    int failed;
} SheetIndex;

typedef struct {
    TTF_Font *name_font, *alt_font, *title_font;
    SDL_Surface *canvas;
} Sheet;

static const SDL_Color sheet_ink = {0x1A, 0x1A, 0x1A, 0xFF};
static const SDL_Color sheet_muted = {0x4A, 0x4A, 0x4A, 0xFF};

static char *sheet_strdup(const char *s)
{
    char *copy = strdup(s ? s : "");
    if (!copy) {
        fprintf(stderr, "symbols_sheet: out of memory\n");
        exit(1);
    }
    return copy;
}

/* libcsv field callback: remembers the name, file and alt fields. */
static void sheet_on_field(void *data, size_t len, void *ctx)
{
    SheetIndex *ix = ctx;
    const char *text = data ? data : "";
    int col = ix->field_no++;
    (void)len;
    if (ix->row_no == 0) {
        if (strcmp(text, "name") == 0) ix->col_name = col;
        if (strcmp(text, "file") == 0) ix->col_file = col;
        if (strcmp(text, "alt") == 0) ix->col_alt = col;
        return;
    }
    int slot = col == ix->col_name ? 0 : col == ix->col_file ? 1 : col == ix->col_alt ? 2 : -1;
    if (slot >= 0) {
        free(ix->fields[slot]);
        ix->fields[slot] = sheet_strdup(text);
    }
}

/* libcsv row callback: turns the remembered fields into one symbol. */
static void sheet_on_row(int term, void *ctx)
{
    SheetIndex *ix = ctx;
    (void)term;
    long row = ix->row_no++;
    ix->field_no = 0;
    if (row == 0) {
        if (ix->col_name < 0 || ix->col_file < 0 || ix->col_alt < 0) {
            fprintf(stderr, "symbols_sheet: index.csv:1: header must have name, file and alt\n");
            ix->failed = 1;
        }
        return;
    }
    if (!ix->fields[0] || !ix->fields[1] || !ix->fields[0][0] || !ix->fields[1][0]) {
        fprintf(stderr, "symbols_sheet: index.csv:%ld: row needs a name and a file\n", row + 1);
        ix->failed = 1;
    } else {
        if (ix->count == ix->cap) {
            ix->cap = ix->cap ? ix->cap * 2 : 64;
            ix->items = realloc(ix->items, ix->cap * sizeof *ix->items);
            if (!ix->items) exit(1);
        }
        SheetSymbol *s = &ix->items[ix->count++];
        *s = (SheetSymbol){ix->fields[0], ix->fields[1], ix->fields[2], NULL, NULL};
        if (!s->alt) s->alt = sheet_strdup("");
        ix->fields[0] = ix->fields[1] = ix->fields[2] = NULL;
    }
    for (int i = 0; i < 3; i++) {
        free(ix->fields[i]);
        ix->fields[i] = NULL;
    }
}

/* Reads DIR/index.csv into `ix`. Returns 0, or -1 after reporting why. */
static int sheet_read_index(const char *dir, SheetIndex *ix)
{
    char path[4096], buf[4096];
    snprintf(path, sizeof path, "%s/index.csv", dir);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "symbols_sheet: cannot open %s\n", path);
        return -1;
    }
    struct csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    *ix = (SheetIndex){.col_name = -1, .col_file = -1, .col_alt = -1};
    int status = 0;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        if (csv_parse(&parser, buf, n, sheet_on_field, sheet_on_row, ix) != n) {
            status = -1;
            break;
        }
    }
    if (status == 0 && csv_fini(&parser, sheet_on_field, sheet_on_row, ix) != 0) status = -1;
    if (status != 0)
        fprintf(stderr, "symbols_sheet: %s: %s\n", path, csv_strerror(csv_error(&parser)));
    csv_free(&parser);
    fclose(fp);
    if (ix->failed) status = -1;
    if (status == 0 && ix->count == 0) {
        fprintf(stderr, "symbols_sheet: %s lists no symbols\n", path);
        status = -1;
    }
    return status;
}

/* True when the surface holds at least one opaque pixel that is not white. */
static int sheet_has_ink(SDL_Surface *s)
{
    int ink = 0;
    SDL_LockSurface(s);
    for (int y = 0; y < s->h && !ink; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < s->w && !ink; x++) {
            Uint8 r, g, b, a;
            SDL_GetRGBA(row[x], s->format, &r, &g, &b, &a);
            ink = a > 128 && (r < 224 || g < 224 || b < 224);
        }
    }
    SDL_UnlockSurface(s);
    return ink;
}

/* Rasterises one SVG at px x px, as ARGB8888. Returns NULL after reporting. */
static SDL_Surface *sheet_rasterise(const char *dir, const SheetSymbol *sym, int px)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, sym->file);
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (!rw) {
        fprintf(stderr, "symbols_sheet: symbol %s: file %s is missing\n", sym->name, path);
        return NULL;
    }
    SDL_Surface *raw = IMG_LoadSizedSVG_RW(rw, px, px);
    SDL_RWclose(rw);
    if (!raw) {
        fprintf(stderr, "symbols_sheet: symbol %s: cannot parse %s (%s)\n", sym->name, path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    if (s && !sheet_has_ink(s)) {
        fprintf(stderr, "symbols_sheet: symbol %s: %s draws nothing (not a valid SVG?)\n", sym->name, path);
        SDL_FreeSurface(s);
        return NULL;
    }
    if (s) SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_BLEND);
    return s;
}

/* Finds a font file for `family` at `weight` through fontconfig.
 * Returns a malloc'd path, or NULL when fontconfig finds nothing. */
static char *sheet_find_font(const char *family, int weight)
{
    FcPattern *pat = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, (const FcChar8 *)family,
                                    FC_WEIGHT, FcTypeInteger, weight, (char *)NULL);
    if (!pat) return NULL;
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    FcPattern *match = FcFontMatch(NULL, pat, &result);
    char *path = NULL;
    FcChar8 *file = NULL;
    if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch)
        path = sheet_strdup((const char *)file);
    if (match) FcPatternDestroy(match);
    FcPatternDestroy(pat);
    return path;
}

static TTF_Font *sheet_open_font(int weight, int pt)
{
    char *path = sheet_find_font("Andika", weight);
    if (!path) {
        fprintf(stderr, "symbols_sheet: fontconfig found no font for Andika\n");
        return NULL;
    }
    TTF_Font *font = TTF_OpenFont(path, pt);
    if (!font) fprintf(stderr, "symbols_sheet: cannot open font %s: %s\n", path, TTF_GetError());
    free(path);
    return font;
}

/* Draws `text` centred on x at y, wrapped to `width` when width > 0.
 * Returns the height drawn. */
static int sheet_text(Sheet *sh, TTF_Font *font, const char *text, SDL_Color colour, int x, int y, int width)
{
    if (!text[0]) return 0;
    SDL_Surface *t = width > 0 ? TTF_RenderUTF8_Blended_Wrapped(font, text, colour, (Uint32)width)
                               : TTF_RenderUTF8_Blended(font, text, colour);
    if (!t) return 0;
    SDL_Rect at = {x - t->w / 2, y, t->w, t->h};
    SDL_BlitSurface(t, NULL, sh->canvas, &at);
    int h = t->h;
    SDL_FreeSurface(t);
    return h;
}

static void sheet_frame(Sheet *sh, int x, int y, int size)
{
    Uint32 grey = SDL_MapRGB(sh->canvas->format, 0xE4, 0xE4, 0xE4);
    SDL_Rect edges[4] = {{x - 1, y - 1, size + 2, 1}, {x - 1, y + size, size + 2, 1},
                         {x - 1, y, 1, size}, {x + size, y, 1, size}};
    SDL_FillRects(sh->canvas, edges, 4, grey);
}

/* One grid cell: the framed 128 px symbol, its name, its wrapped alt text. */
static void sheet_draw_cell(Sheet *sh, const SheetSymbol *sym, int x, int y)
{
    int cx = x + SHEET_CELL_W / 2;
    SDL_Rect at = {cx - SHEET_BIG / 2, y, SHEET_BIG, SHEET_BIG};
    sheet_frame(sh, at.x, at.y, SHEET_BIG);
    SDL_BlitSurface(sym->big, NULL, sh->canvas, &at);
    y += SHEET_BIG + 6;
    y += sheet_text(sh, sh->name_font, sym->name, sheet_ink, cx, y, 0);
    sheet_text(sh, sh->alt_font, sym->alt, sheet_muted, cx, y, SHEET_CELL_W - 16);
}

/* The closing strip: every symbol at 48 px, wrapped to the sheet's width.
 * Returns the height it needs; draws only when `draw` is set. */
static int sheet_strip(Sheet *sh, const SheetIndex *ix, int y, int width, int draw)
{
    int step = SHEET_SMALL + SHEET_GAP;
    int per_row = (width - 2 * SHEET_MARGIN + SHEET_GAP) / step;
    int rows = (int)((ix->count + (size_t)per_row - 1) / (size_t)per_row);
    for (size_t i = 0; draw && i < ix->count; i++) {
        SDL_Rect at = {SHEET_MARGIN + (int)(i % (size_t)per_row) * step,
                       y + (int)(i / (size_t)per_row) * step, SHEET_SMALL, SHEET_SMALL};
        SDL_BlitSurface(ix->items[i].small, NULL, sh->canvas, &at);
    }
    return rows * step;
}

static int sheet_render(Sheet *sh, const SheetIndex *ix, const char *out)
{
    int rows = (int)((ix->count + SHEET_COLS - 1) / SHEET_COLS);
    int width = 2 * SHEET_MARGIN + SHEET_COLS * SHEET_CELL_W;
    int grid_y = SHEET_MARGIN + SHEET_TITLE_H;
    int strip_y = grid_y + rows * SHEET_CELL_H + SHEET_TITLE_H;
    int height = strip_y + sheet_strip(sh, ix, 0, width, 0) + SHEET_MARGIN;
    sh->canvas = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!sh->canvas) {
        fprintf(stderr, "symbols_sheet: cannot make a %dx%d surface: %s\n", width, height, SDL_GetError());
        return -1;
    }
    SDL_FillRect(sh->canvas, NULL, SDL_MapRGB(sh->canvas->format, 0xFF, 0xFF, 0xFF));
    char title[128];
    snprintf(title, sizeof title, "sayso symbols (%zu)", ix->count);
    sheet_text(sh, sh->title_font, title, sheet_ink, width / 2, SHEET_MARGIN, 0);
    for (size_t i = 0; i < ix->count; i++)
        sheet_draw_cell(sh, &ix->items[i], SHEET_MARGIN + (int)(i % SHEET_COLS) * SHEET_CELL_W,
                        grid_y + (int)(i / SHEET_COLS) * SHEET_CELL_H);
    sheet_text(sh, sh->name_font, "At 48 px, the smallest size the kiosk shows", sheet_ink, width / 2,
               strip_y - SHEET_TITLE_H / 2 - 8, 0);
    sheet_strip(sh, ix, strip_y, width, 1);
    if (IMG_SavePNG(sh->canvas, out) != 0) {
        fprintf(stderr, "symbols_sheet: cannot write %s: %s\n", out, IMG_GetError());
        return -1;
    }
    printf("symbols_sheet: wrote %s (%zu symbols, %dx%d)\n", out, ix->count, width, height);
    return 0;
}

/* Rasterises every symbol at both sizes; reports every failure, not just
 * the first. Returns 0 when all loaded. */
static int sheet_load_symbols(const char *dir, SheetIndex *ix)
{
    int status = 0;
    for (size_t i = 0; i < ix->count; i++) {
        SheetSymbol *s = &ix->items[i];
        s->big = sheet_rasterise(dir, s, SHEET_BIG);
        s->small = s->big ? sheet_rasterise(dir, s, SHEET_SMALL) : NULL;
        if (!s->big || !s->small) status = -1;
    }
    return status;
}

static void sheet_free_index(SheetIndex *ix)
{
    for (size_t i = 0; i < ix->count; i++) {
        SheetSymbol *s = &ix->items[i];
        free(s->name);
        free(s->file);
        free(s->alt);
        SDL_FreeSurface(s->big);
        SDL_FreeSurface(s->small);
    }
    for (int i = 0; i < 3; i++) free(ix->fields[i]);
    free(ix->items);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: symbols_sheet SYMBOL_DIR OUT.png\n");
        return 2;
    }
    SheetIndex ix = {0};
    Sheet sh = {0};
    int status = 1;
    if (SDL_Init(0) != 0 || TTF_Init() != 0 || !FcInit()) {
        fprintf(stderr, "symbols_sheet: cannot start SDL, SDL_ttf or fontconfig: %s\n", SDL_GetError());
        goto done;
    }
    if (sheet_read_index(argv[1], &ix) != 0 || sheet_load_symbols(argv[1], &ix) != 0) goto done;
    sh.name_font = sheet_open_font(FC_WEIGHT_BOLD, SHEET_NAME_PT);
    sh.alt_font = sheet_open_font(FC_WEIGHT_REGULAR, SHEET_ALT_PT);
    sh.title_font = sheet_open_font(FC_WEIGHT_BOLD, SHEET_TITLE_PT);
    if (!sh.name_font || !sh.alt_font || !sh.title_font) goto done;
    TTF_SetFontWrappedAlign(sh.alt_font, TTF_WRAPPED_ALIGN_CENTER);
    if (sheet_render(&sh, &ix, argv[2]) == 0) status = 0;
done:
    SDL_FreeSurface(sh.canvas);
    if (sh.name_font) TTF_CloseFont(sh.name_font);
    if (sh.alt_font) TTF_CloseFont(sh.alt_font);
    if (sh.title_font) TTF_CloseFont(sh.title_font);
    sheet_free_index(&ix);
    FcFini();
    TTF_Quit();
    SDL_Quit();
    return status;
}
