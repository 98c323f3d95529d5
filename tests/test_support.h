/* test_support.h: the plumbing that several test programs share.
 *
 * Each tests/test_*.c is built alone (with -Itests), so what more than one
 * of them needs lives here once instead of in a copy per file:
 *   - a test folder under /tmp: made, named into, removed at the end;
 *   - small files in it: written, read back whole;
 *   - the real binary (SAYSO_BIN, else ./sayso) run through the shell, its
 *     output kept in the folder's out.txt;
 *   - one value read from a database file with a plain SQLite connection;
 *   - a store fixture: a fresh folder with sayso.db, the Store, and a second
 *     connection that checks what is on the disk (SupportStore), with a
 *     typed answer put and a stored time's shape checked, and a macro that
 *     gives each case a fresh fixture (SUPPORT_FIXTURE_CASE);
 *   - screenshots loaded and their colours counted, and the marker samples
 *     of the recorded fixtures found in what the disk audio driver played;
 *   - a survey loaded with its problems printed.
 * Every function is static inline, so a program that uses some of them is
 * not warned about the rest. Functions that work in a test folder take its
 * path `dir` first. It includes testing.h itself. */
#ifndef SAYSO_TEST_SUPPORT_H
#define SAYSO_TEST_SUPPORT_H

#include <SDL.h>
#include <SDL_image.h>
#include <ctype.h>
#include <ftw.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "store/store.h"
#include "survey/survey.h"
#include "testing.h"

/* ---- the test folder ---------------------------------------------------- */

/* Makes a new, empty folder /tmp/sayso-NAME-XXXXXX (mkdtemp) and puts its
 * path in `dir`. Returns 0, or -1 when it cannot be made. */
static inline int support_temp_dir(char *dir, size_t size, const char *name)
{
    if (snprintf(dir, size, "/tmp/sayso-%s-XXXXXX", name) >= (int)size)
        return -1;
    return mkdtemp(dir) ? 0 : -1;
}

/* `dir`/`name` into `out` (truncated to `size`). */
static inline void support_path_in(const char *dir, const char *name, char *out, size_t size)
{
    snprintf(out, size, "%s/%s", dir, name);
}

/* The callback of nftw in support_remove_tree: removes one file or folder. */
static inline int support_remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* Removes the folder `dir` and all in it. Only a folder that
 * support_temp_dir made (/tmp/sayso-...) is touched. 0, or -1. */
static inline int support_remove_tree(const char *dir)
{
    if (strncmp(dir, "/tmp/sayso-", 11) != 0 || strstr(dir, ".."))
        return -1;
    return nftw(dir, support_remove_entry, 8, FTW_DEPTH | FTW_PHYS) == 0 ? 0 : -1;
}

/* The end of a main() that made `dir`: removes it (kept, and said so, when
 * SAYSO_KEEP_TMP is set), then prints the closing "N passed, N failed"
 * line last, as tests/run.sh wants. Returns main's exit code: 1 when a
 * case failed or the folder could not be removed. */
static inline int support_finish(const char *dir)
{
    int left = 0;
    if (getenv("SAYSO_KEEP_TMP")) {
        printf("    kept %s (SAYSO_KEEP_TMP)\n", dir);
    } else if (support_remove_tree(dir) != 0) {
        printf("    could not remove %s\n", dir);
        left = 1;
    }
    int failed = TEST_SUMMARY();
    return failed || left;
}

/* ---- files -------------------------------------------------------------- */

/* Writes `text` as the whole of `dir`/`name`. 0, or -1 when it cannot. */
static inline int support_write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    support_path_in(dir, name, path, sizeof path);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int rc = fputs(text, f) < 0 ? -1 : 0;
    return fclose(f) == 0 ? rc : -1;
}

/* The whole file at `path`, NUL-terminated, its length in `*size` (when
 * `size` is not NULL). NULL when it is missing or cannot be read. The
 * caller frees. */
static inline char *support_slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = NULL;
    long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (n >= 0 && fseek(f, 0, SEEK_SET) == 0)
        data = malloc((size_t)n + 1);
    if (data && fread(data, 1, (size_t)n, f) == (size_t)n) {
        data[n] = '\0';
        if (size)
            *size = (size_t)n;
    } else {
        free(data);
        data = NULL;
    }
    fclose(f);
    return data;
}

/* The start of `dir`/`name` (up to `size` - 1 bytes) into `out`; "" when
 * it is missing. Returns `out`. */
static inline char *support_read_text(const char *dir, const char *name, char *out, size_t size)
{
    char path[512];
    support_path_in(dir, name, path, sizeof path);
    out[0] = '\0';
    FILE *f = fopen(path, "rb");
    if (!f)
        return out;
    size_t n = fread(out, 1, size - 1, f);
    out[n] = '\0';
    fclose(f);
    return out;
}

/* ---- the real binary ---------------------------------------------------- */

/* The sayso binary under test: SAYSO_BIN, else ./sayso. */
static inline const char *support_bin(void)
{
    const char *b = getenv("SAYSO_BIN");
    return b && b[0] ? b : "./sayso";
}

/* Runs `cmd` with /bin/sh. Returns its exit code, 128 when it did not
 * exit (a signal ended it). */
static inline int support_shell(const char *cmd)
{
    int status = system(cmd);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* Runs `ENV BIN ARGS` (`env` may be NULL), stdout and stderr into
 * `dir`/out.txt. `args` may hold redirections of its own (< file).
 * Returns the exit code, as support_shell. */
static inline int support_run(const char *dir, const char *env, const char *args)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "%s %s %s > %s/out.txt 2>&1", env ? env : "", support_bin(), args, dir);
    return support_shell(cmd);
}

/* Whether the last run's `dir`/out.txt (all of it) holds `needle`. */
static inline bool support_output_has(const char *dir, const char *needle)
{
    char path[512];
    support_path_in(dir, "out.txt", path, sizeof path);
    char *text = support_slurp(path, NULL);
    bool found = text && strstr(text, needle);
    free(text);
    return found;
}

/* ---- one value from a database file ------------------------------------- */

/* The first column of the first row of `sql` on `dir`/`db_name`, opened
 * read-only, as text into `out`; "" for NULL, no row or an error. */
static inline void support_query(const char *dir, const char *db_name, const char *sql, char *out, size_t size)
{
    char path[512];
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    out[0] = '\0';
    support_path_in(dir, db_name, path, sizeof path);
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* As support_query, as a number (NULL is 0); -1 for no row or an error. */
static inline int support_query_int(const char *dir, const char *db_name, const char *sql)
{
    char path[512];
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int v = -1;
    support_path_in(dir, db_name, path, sizeof path);
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* ---- cases with a fixture ----------------------------------------------- */

/* Defines a case `name` whose body gets a fixture `Type *f`, made with
 * `setup` (0 when it worked) and undone with `teardown`, which runs
 * whether the case passed or not (and after a failed setup, so setup
 * zeroes the fixture first). The fixture is on the heap: some are large.
 * Use: SUPPORT_FIXTURE_CASE(test_x, T, t_setup, t_teardown) { ...f... } */
#define SUPPORT_FIXTURE_CASE(name, Type, setup, teardown)                                     \
    static void name##_body(Type *f);                                                         \
    static void name(void)                                                                    \
    {                                                                                         \
        Type *fixture = calloc(1, sizeof *fixture);                                           \
        if (fixture && setup(fixture) == 0)                                                   \
            name##_body(fixture);                                                             \
        else                                                                                  \
            test_run.current_failed = 1;                                                      \
        if (fixture)                                                                          \
            teardown(fixture);                                                                \
        free(fixture);                                                                        \
    }                                                                                         \
    static void name##_body(Type *f)

/* ---- the store fixture -------------------------------------------------- */

#define SUPPORT_TEXT_SIZE 65536

/* A fresh folder with a database file, the Store on it, and a second,
 * plain SQLite connection that looks at the file as an exporter or a
 * person with the sqlite3 tool would. */
typedef struct {
    char dir[64];
    char path[128];               /* DIR/sayso.db */
    Store *store;                 /* NULL until support_store_open */
    sqlite3 *raw;                 /* the second connection, opened on first use */
    char text[SUPPORT_TEXT_SIZE]; /* the last support_raw_text answer, or a test's listing */
} SupportStore;

/* The session every store test begins unless it needs another: the forum
 * survey, English, touch, answered alone, in no group. */
static const StoreSessionInfo support_forum_session = {
    .survey_id = "forum",
    .survey_version = "2026-01",
    .language = "en",
    .touch_style = "touch",
    .mode = "self",
    .group_label = NULL,
};

/* Zeroes `f` and makes its folder; the database is not made yet. 0 or -1. */
static inline int support_store_setup(SupportStore *f)
{
    memset(f, 0, sizeof *f);
    if (support_temp_dir(f->dir, sizeof f->dir, "store") != 0)
        return -1;
    snprintf(f->path, sizeof f->path, "%s/sayso.db", f->dir);
    return 0;
}

/* Closes both connections and removes the folder. */
static inline void support_store_teardown(SupportStore *f)
{
    store_close(f->store);
    sqlite3_close(f->raw);
    if (f->dir[0])
        support_remove_tree(f->dir);
}

/* (Re)opens the store on the fixture's file; prints why when it fails. */
static inline Store *support_store_open(SupportStore *f)
{
    char err[512];
    store_close(f->store);
    f->store = store_open(f->path, err, sizeof err);
    if (!f->store)
        printf("    store_open: %s\n", err);
    return f->store;
}

/* The second connection (read-write, a 5 s busy wait), opened on first
 * use; NULL when it cannot be opened. */
static inline sqlite3 *support_raw_db(SupportStore *f)
{
    if (f->raw)
        return f->raw;
    if (sqlite3_open_v2(f->path, &f->raw, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        sqlite3_close(f->raw);
        f->raw = NULL;
        return NULL;
    }
    sqlite3_busy_timeout(f->raw, 5000);
    return f->raw;
}

/* Runs SQL made from `format` as sqlite3_mprintf does (%q, %Q quote) on
 * the second connection; returns the first column of the first row as
 * text (in f->text, until the next call), NULL for NULL, no row or an
 * error. */
static inline const char *support_raw_text(SupportStore *f, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *sql = sqlite3_vmprintf(format, args);
    va_end(args);
    sqlite3_stmt *stmt = NULL;
    const char *result = NULL;
    if (sql && support_raw_db(f) && sqlite3_prepare_v2(f->raw, sql, -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
        snprintf(f->text, sizeof f->text, "%s", (const char *)sqlite3_column_text(stmt, 0));
        result = f->text;
    }
    sqlite3_finalize(stmt);
    sqlite3_free(sql);
    return result;
}

/* As support_raw_text, for a number; LLONG_MIN when there is none. */
static inline long long support_raw_int(SupportStore *f, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *sql = sqlite3_vmprintf(format, args);
    va_end(args);
    const char *text = sql ? support_raw_text(f, "%s", sql) : NULL;
    sqlite3_free(sql);
    return text ? atoll(text) : LLONG_MIN;
}

/* Runs SQL made from `format` (as support_raw_text) on the second
 * connection; returns sqlite3_exec's code, SQLITE_CANTOPEN when there is
 * no connection. */
static inline int support_raw_exec(SupportStore *f, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *sql = sqlite3_vmprintf(format, args);
    va_end(args);
    int rc = !sql ? SQLITE_NOMEM : support_raw_db(f) ? sqlite3_exec(f->raw, sql, NULL, NULL, NULL) : SQLITE_CANTOPEN;
    sqlite3_free(sql);
    return rc;
}

/* Puts the typed answer `text` through the store; prints the store's
 * error when it fails. store_text_put's status. */
static inline int support_store_put_text(SupportStore *f, const char *session, const char *question, const char *text)
{
    int status = store_text_put(f->store, session, question, text);
    if (status != 0)
        printf("    store_text_put: %s\n", store_error(f->store));
    return status;
}

/* Whether `s` is a time as the store writes it: "2026-11-22T10:04:05.123Z". */
static inline bool support_is_utc_ms(const char *s)
{
    const char *shape = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (!s || strlen(s) != strlen(shape))
        return false;
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i])
            return false;
    return true;
}

/* ---- pictures and sound ------------------------------------------------- */

/* The picture `dir`/`name` (PNG, or anything SDL_image reads) as
 * SDL_PIXELFORMAT_RGBA32 (bytes R, G, B, A in memory); NULL when it
 * cannot be read. The caller frees it with SDL_FreeSurface. */
static inline SDL_Surface *support_load_png(const char *dir, const char *name)
{
    char path[512];
    support_path_in(dir, name, path, sizeof path);
    SDL_Surface *raw = IMG_Load(path);
    SDL_Surface *s = raw ? SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGBA32, 0) : NULL;
    SDL_FreeSurface(raw);
    return s;
}

/* Distinct colours of the 32-bit surface `s`, looking at every `step`-th
 * pixel of every `step`-th row and counting up to `most` (at most 256).
 * O(pixels * most). */
static inline int support_colours(const SDL_Surface *s, int step, int most)
{
    Uint32 seen[256];
    int n = 0;
    most = most < 256 ? most : 256;
    for (int y = 0; y < s->h; y += step) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < s->w && n < most; x += step) {
            bool known = false;
            for (int i = 0; i < n && !known; i++)
                known = seen[i] == row[x];
            if (!known)
                seen[n++] = row[x];
        }
    }
    return n;
}

/* Samples of exactly +-12345 in the raw signed 16-bit file at `path` (what
 * SDL's disk audio driver played): the square wave of the recorded test
 * fixtures, which no synthesised voice makes. -1 when it cannot be read. */
static inline long support_marker_samples(const char *path)
{
    FILE *f = fopen(path, "rb");
    short s[4096];
    size_t n;
    long exact = 0;
    if (!f)
        return -1;
    while ((n = fread(s, sizeof s[0], 4096, f)) > 0)
        for (size_t i = 0; i < n; i++)
            exact += s[i] == 12345 || s[i] == -12345;
    fclose(f);
    return exact;
}

/* ---- surveys ------------------------------------------------------------ */

/* Loads the survey folder `dir` with `symbol_dirs`; prints its problems to
 * stdout when it does not load. The caller frees with survey_free. */
static inline Survey *support_load_survey(const char *dir, const char *const *symbol_dirs)
{
    SurveyProblems problems;
    Survey *s = survey_load(dir, symbol_dirs, &problems);
    if (!s)
        survey_problems_print(&problems, stdout);
    survey_problems_free(&problems);
    return s;
}

#endif
