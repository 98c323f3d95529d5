/* test_symbols.c: the project's own pictogram set in assets/symbols.
 *
 * Checks that index.csv and the SVG files agree, that every image the
 * default survey (config/forum) names exists, that the kiosk's own controls
 * have a symbol, and that every symbol parses with SDL_image's SVG loader
 * (nanosvg, which the kiosk uses) and draws something at the smallest and a
 * large size. Also: the set has at least 150 symbols covering the core
 * vocabulary, "don't" symbols follow the one negation rule of STYLE.md, and
 * lexicon.csv names only symbols that exist. Runs from the repository root. */
#include <csv.h>
#include <dirent.h>
#include <SDL.h>
#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>

#include "testing.h"

#define SYM_TEST_DIR "assets/symbols"
#define SYM_TEST_MAX 1024
#define SYM_TEST_MIN_SYMBOLS 150

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
        "face_neutral", "face_sad", "face_very_sad", "help", "dont_want_to_answer", "record", "play", "staff",
        "choose_language", "thank_you", "volume_1", "volume_2", "volume_3",
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
    static const char *const banned[] = {"<text", "<use", "<style", "<image", "Gradient", "class=", "<defs", "<symbol", "<pattern", "<filter", "<mask", "<clipPath", "url("};
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

static void index_has_enough_symbols(void)
{
    SymTestColumn names;
    CHECK(sym_test_read_column(SYM_TEST_DIR "/index.csv", "name", &names) == 0);
    int count = names.count, unique = 1;
    for (int i = 0; i < names.count; i++)
        for (int j = i + 1; j < names.count; j++)
            if (strcmp(names.values[i], names.values[j]) == 0) {
                printf("    %s is listed twice in index.csv\n", names.values[i]);
                unique = 0;
            }
    sym_test_column_free(&names);
    if (count < SYM_TEST_MIN_SYMBOLS) printf("    only %d symbols, want %d\n", count, SYM_TEST_MIN_SYMBOLS);
    CHECK(unique);
    CHECK(count >= SYM_TEST_MIN_SYMBOLS);
}

/* Words a survey author needs, across the core vocabulary's groups. */
static void core_vocabulary_has_symbols(void)
{
    static const char *const words[] = {
        "dentist", "pharmacy", "council", "library", "school", "social_worker", "benefits_office",
        "advice_centre", "helpline", "post_office", "day_centre", "youth_club", "person", "man", "woman",
        "child", "baby", "family", "friend", "carer", "volunteer", "doctor", "nurse", "support_worker", "group",
        "me", "you", "happy", "sad", "angry", "worried", "scared", "calm", "tired", "confused", "lonely", "proud",
        "home", "shop", "park", "street", "bus_stop", "toilet", "cafe", "place_of_worship", "office",
        "waiting_room", "door", "today", "tomorrow", "yesterday", "morning", "night", "week", "clock",
        "calendar", "wait", "cash", "card", "bill", "debt", "wage", "bank", "car", "train", "walk", "bike",
        "wheelchair", "medicine", "pain", "sleep", "exercise", "flat", "homeless", "rent", "repair", "heating",
        "key", "food", "drink", "meal", "cook", "shopping_bag", "phone_call", "text_message", "letter", "email",
        "interpreter", "sign_language", "easy_read", "talk", "listen", "ask", "question", "answer", "want",
        "dont_want", "like", "dont_like", "more", "less", "go", "give", "get", "find", "choose",
    };
    SymTestColumn names;
    CHECK(sym_test_read_column(SYM_TEST_DIR "/index.csv", "name", &names) == 0);
    int all = 1;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!sym_test_in_list(&names, words[i])) {
            printf("    %s is not named in index.csv\n", words[i]);
            all = 0;
        }
    sym_test_column_free(&names);
    CHECK(all);
}

/* Negation is the positive symbol plus the red cross badge (STYLE.md): the
 * "don't" symbol must contain every element of the positive one. */
static void negations_extend_their_positive(void)
{
    static const char *const pairs[][2] = {{"want", "dont_want"}, {"like", "dont_like"}};
    int all = 1;
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char a[256], b[256];
        snprintf(a, sizeof a, "%s/%s.svg", SYM_TEST_DIR, pairs[i][0]);
        snprintf(b, sizeof b, "%s/%s.svg", SYM_TEST_DIR, pairs[i][1]);
        char *pos = SDL_LoadFile(a, NULL), *neg = SDL_LoadFile(b, NULL);
        int ok = pos && neg;
        /* every shape line of the positive (those starting with "  <" after
         * the background rect) appears in the negative, which adds a red badge */
        for (char *line = pos ? strstr(pos, "\n  <") : NULL; ok && line; line = strstr(line + 1, "\n  <")) {
            char *end = strchr(line + 1, '\n');
            if (!end) break;
            size_t len = (size_t)(end - line);
            char *needle = strndup(line, len);
            if (needle && strncmp(needle, "\n  <!--", 7) != 0 && !strstr(neg, needle)) ok = 0;
            free(needle);
        }
        if (ok && !strstr(neg, "fill=\"#D64541\"")) ok = 0;
        if (!ok) printf("    %s is not %s plus the red badge\n", pairs[i][1], pairs[i][0]);
        all &= ok;
        SDL_free(pos);
        SDL_free(neg);
    }
    CHECK(all);
}

/* lexicon.csv: RFC 4180 with header language,phrase,symbol; phrases lower
 * case without punctuation; every symbol it names is in index.csv. */
static void lexicon_names_existing_symbols(void)
{
    SymTestColumn names, symbols, phrases, languages;
    CHECK(sym_test_read_column(SYM_TEST_DIR "/index.csv", "name", &names) == 0);
    int ok = sym_test_read_column(SYM_TEST_DIR "/lexicon.csv", "symbol", &symbols) == 0;
    ok = sym_test_read_column(SYM_TEST_DIR "/lexicon.csv", "phrase", &phrases) == 0 && ok;
    ok = sym_test_read_column(SYM_TEST_DIR "/lexicon.csv", "language", &languages) == 0 && ok;
    int all = ok && symbols.count > 0 && symbols.count == phrases.count && symbols.count == languages.count;
    int en = 0, pl = 0;
    for (int i = 0; ok && i < symbols.count; i++)
        if (!sym_test_in_list(&names, symbols.values[i])) {
            printf("    lexicon.csv names %s, which is not in index.csv\n", symbols.values[i]);
            all = 0;
        }
    for (int i = 0; ok && i < phrases.count; i++)
        for (const char *p = phrases.values[i]; *p; p++)
            if ((*p >= 'A' && *p <= 'Z') || strchr(".,;:!?'\"()", *p)) {
                printf("    lexicon.csv phrase \"%s\" has capitals or punctuation\n", phrases.values[i]);
                all = 0;
                break;
            }
    for (int i = 0; ok && i < languages.count; i++) {
        en += strcmp(languages.values[i], "en") == 0;
        pl += strcmp(languages.values[i], "pl") == 0;
    }
    if (ok && (en < 120 || pl < 30)) printf("    lexicon.csv has %d en and %d pl rows, want 120 and 30\n", en, pl);
    sym_test_column_free(&names);
    sym_test_column_free(&symbols);
    sym_test_column_free(&phrases);
    sym_test_column_free(&languages);
    CHECK(ok);
    CHECK(all);
    CHECK(en >= 120 && pl >= 30);
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
    RUN(index_has_enough_symbols);
    RUN(core_vocabulary_has_symbols);
    RUN(negations_extend_their_positive);
    RUN(lexicon_names_existing_symbols);
    RUN(every_symbol_renders_at_48px);
    RUN(every_symbol_renders_at_512px);
    return TEST_SUMMARY();
}
