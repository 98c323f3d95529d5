/* test_symbols.c: the project's own pictogram set in assets/symbols.
 *
 * Checks that index.csv and the SVG files agree, that every image the
 * default survey (config/forum) names exists, that the kiosk's own controls
 * have a symbol, and that every symbol parses with SDL_image's SVG loader
 * (nanosvg, which the kiosk uses) and draws something at the smallest and a
 * large size. Runs from the repository root. */
#include <csv.h>
#include <dirent.h>
#include <SDL.h>
#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>

#include "testing.h"

#define SYM_TEST_DIR "assets/symbols"
#define SYM_TEST_MAX 256

/* One column of a CSV file, as read by libcsv. */
typedef struct {
    const char *column;  /* header name to collect */
    int col;             /* its position, -1 until the header is read */
    int field_no;
    long row_no;
    char *values[SYM_TEST_MAX];
    int count;
} SymTestColumn;

static void sym_test_on_field(void *data, size_t len, void *ctx)
{
    SymTestColumn *c = ctx;
    const char *text = data ? data : "";
    int col = c->field_no++;
    (void)len;
    if (c->row_no == 0 && strcmp(text, c->column) == 0) c->col = col;
    if (c->row_no > 0 && col == c->col && text[0] && c->count < SYM_TEST_MAX)
        c->values[c->count++] = strdup(text);
}

static void sym_test_on_row(int term, void *ctx)
{
    SymTestColumn *c = ctx;
    (void)term;
    c->row_no++;
    c->field_no = 0;
}

static void sym_test_column_free(SymTestColumn *c)
{
    for (int i = 0; i < c->count; i++) free(c->values[i]);
    c->count = 0;
}

/* Reads the non-empty values of `column` from the CSV at `path`.
 * Returns 0, or -1 when the file cannot be read or parsed or has no such
 * column. The caller frees with sym_test_column_free. */
static int sym_test_read_column(const char *path, const char *column, SymTestColumn *out)
{
    *out = (SymTestColumn){.column = column, .col = -1};
    FILE *fp = fopen(path, "rb");
    if (!fp) return -1;
    struct csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    char buf[4096];
    size_t n;
    int status = 0;
    while (status == 0 && (n = fread(buf, 1, sizeof buf, fp)) > 0)
        if (csv_parse(&parser, buf, n, sym_test_on_field, sym_test_on_row, out) != n) status = -1;
    if (status == 0 && csv_fini(&parser, sym_test_on_field, sym_test_on_row, out) != 0) status = -1;
    csv_free(&parser);
    fclose(fp);
    if (status == 0 && out->col >= 0) return 0;
    sym_test_column_free(out);
    return -1;
}

static int sym_test_file_exists(const char *file)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", SYM_TEST_DIR, file);
    FILE *fp = fopen(path, "rb");
    if (fp) fclose(fp);
    else printf("    missing: %s\n", path);
    return fp != NULL;
}

static int sym_test_in_list(const SymTestColumn *c, const char *value)
{
    for (int i = 0; i < c->count; i++)
        if (strcmp(c->values[i], value) == 0) return 1;
    return 0;
}

/* Rasterises `file` at px x px; true when it has opaque non-white pixels and
 * more than one colour (a blank or flat square means nanosvg drew nothing). */
static int sym_test_renders(const char *file, int px)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", SYM_TEST_DIR, file);
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    SDL_Surface *raw = rw ? IMG_LoadSizedSVG_RW(rw, px, px) : NULL;
    if (rw) SDL_RWclose(rw);
    SDL_Surface *s = raw ? SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    SDL_FreeSurface(raw);
    if (!s || s->w != px || s->h != px) {
        printf("    %s does not load at %d px: %s\n", path, px, IMG_GetError());
        SDL_FreeSurface(s);
        return 0;
    }
    int ink = 0, colours = 0;
    Uint32 first = 0;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < s->w; x++) {
            Uint8 r, g, b, a;
            SDL_GetRGBA(row[x], s->format, &r, &g, &b, &a);
            if (a > 200 && (r < 224 || g < 224 || b < 224)) ink = 1;
            if (x == 0 && y == 0) first = row[x], colours = 1;
            else if (row[x] != first) colours = 2;
        }
    }
    SDL_FreeSurface(s);
    if (!ink || colours < 2) printf("    %s renders blank at %d px\n", path, px);
    return ink && colours >= 2;
}

static void index_rows_name_existing_files(void)
{
    SymTestColumn files;
    CHECK(sym_test_read_column(SYM_TEST_DIR "/index.csv", "file", &files) == 0);
    int all = files.count > 0;
    for (int i = 0; i < files.count; i++) all &= sym_test_file_exists(files.values[i]);
    sym_test_column_free(&files);
    CHECK(all);
}

static void index_rows_have_name_and_alt(void)
{
    SymTestColumn names, files, alts;
    CHECK(sym_test_read_column(SYM_TEST_DIR "/index.csv", "name", &names) == 0);
    int ok = sym_test_read_column(SYM_TEST_DIR "/index.csv", "file", &files) == 0;
    ok = sym_test_read_column(SYM_TEST_DIR "/index.csv", "alt", &alts) == 0 && ok;
    /* empty fields are not collected, so unequal counts mean an empty one */
    int complete = ok && names.count > 0 && names.count == files.count && names.count == alts.count;
    sym_test_column_free(&names);
    sym_test_column_free(&files);
    sym_test_column_free(&alts);
    CHECK(ok);
    CHECK(complete);
}

static void every_svg_file_is_in_index(void)
{
    SymTestColumn files;
    CHECK(sym_test_read_column(SYM_TEST_DIR "/index.csv", "file", &files) == 0);
    DIR *dir = opendir(SYM_TEST_DIR);
    int all = dir != NULL;
    for (struct dirent *e; dir && (e = readdir(dir));) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".svg") == 0 && !sym_test_in_list(&files, e->d_name)) {
            printf("    %s/%s is not listed in index.csv\n", SYM_TEST_DIR, e->d_name);
            all = 0;
        }
    }
    if (dir) closedir(dir);
    sym_test_column_free(&files);
    CHECK(all);
}

static void forum_survey_images_exist(void)
{
    static const char *const sources[] = {"config/forum/survey.csv", "config/forum/choices.csv"};
    int all = 1;
    for (size_t s = 0; s < sizeof sources / sizeof sources[0]; s++) {
        SymTestColumn images;
        CHECK(sym_test_read_column(sources[s], "image", &images) == 0);
        CHECK(images.count > 0);
        for (int i = 0; i < images.count; i++) all &= sym_test_file_exists(images.values[i]);
        sym_test_column_free(&images);
    }
    CHECK(all);
}

static void kiosk_controls_have_symbols(void)
{
    static const char *const controls[] = {
        "start", "next", "back", "skip", "stop", "speak", "yes", "no", "tick", "language", "welcome",
        "anonymous", "stop_any_time", "review", "thanks", "still_there", "face_very_happy", "face_happy",
        "face_neutral", "face_sad", "face_very_sad",
    };
    SymTestColumn names;
    CHECK(sym_test_read_column(SYM_TEST_DIR "/index.csv", "name", &names) == 0);
    int all = 1;
    for (size_t i = 0; i < sizeof controls / sizeof controls[0]; i++) {
        char file[128];
        snprintf(file, sizeof file, "%s.svg", controls[i]);
        if (!sym_test_in_list(&names, controls[i])) {
            printf("    %s is not named in index.csv\n", controls[i]);
            all = 0;
        }
        all &= sym_test_file_exists(file);
    }
    sym_test_column_free(&names);
    CHECK(all);
}

/* nanosvg silently drops text, <use>, gradients and CSS classes, so a symbol
 * relying on them would lose its meaning on the kiosk. */
static void symbols_use_only_plain_shapes(void)
{
    static const char *const banned[] = {"<text", "<use", "<style", "<image", "Gradient", "class=", "<defs"};
    SymTestColumn files;
    CHECK(sym_test_read_column(SYM_TEST_DIR "/index.csv", "file", &files) == 0);
    int clean = 1;
    for (int i = 0; i < files.count; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", SYM_TEST_DIR, files.values[i]);
        char *svg = SDL_LoadFile(path, NULL);
        if (!svg) continue; /* reported by index_rows_name_existing_files */
        for (size_t b = 0; b < sizeof banned / sizeof banned[0]; b++)
            if (strstr(svg, banned[b])) {
                printf("    %s uses %s\n", path, banned[b]);
                clean = 0;
            }
        if (!strstr(svg, "viewBox=\"0 0 100 100\"")) {
            printf("    %s lacks viewBox=\"0 0 100 100\"\n", path);
            clean = 0;
        }
        SDL_free(svg);
    }
    sym_test_column_free(&files);
    CHECK(clean);
}

static void sym_test_render_all(int px)
{
    SymTestColumn files;
    CHECK(sym_test_read_column(SYM_TEST_DIR "/index.csv", "file", &files) == 0);
    int all = files.count > 0;
    for (int i = 0; i < files.count; i++) all &= sym_test_renders(files.values[i], px);
    sym_test_column_free(&files);
    CHECK(all);
}

static void every_symbol_renders_at_48px(void) { sym_test_render_all(48); }
static void every_symbol_renders_at_512px(void) { sym_test_render_all(512); }

int main(void)
{
    RUN(index_rows_name_existing_files);
    RUN(index_rows_have_name_and_alt);
    RUN(every_svg_file_is_in_index);
    RUN(forum_survey_images_exist);
    RUN(kiosk_controls_have_symbols);
    RUN(symbols_use_only_plain_shapes);
    RUN(every_symbol_renders_at_48px);
    RUN(every_symbol_renders_at_512px);
    return TEST_SUMMARY();
}
