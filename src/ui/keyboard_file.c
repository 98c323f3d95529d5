/* keyboard_file.c: keyboards read from data files (assets/keyboards/CODE.csv,
 * with libcsv through csv_file.c); the format is in keyboard.h.
 *
 * Each file is checked as it is read, so that a mistake is named with its
 * line and never reaches the screen: a page of the wrong name, a row out of
 * range, a key that is empty, too long or not UTF-8, the same key twice, a
 * page with too many keys. A file with a mistake is left out whole: half a
 * keyboard would leave letters a person cannot type. */
#include "ui/keyboard.h"

#include <dirent.h>
#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

#include "csvfile/csv_file.h"
#include "ui/text_runs.h"

#define KEYBOARD_FILE_ROWS 8
#define KEYBOARD_SET_MAX 32

struct KeyboardSet {
    KeyboardLayout layouts[KEYBOARD_SET_MAX];
    int n;
};

typedef struct {
    KeyboardLayout *layout;
    const char *path;
    int lines[2][KEYBOARD_PAGE_KEYS]; /* where each key is, for "already on line N" */
    bool header_done;
    char *err;
    size_t err_size;
} KeyboardReader;

/* Code points in `s`, or -1 when it is not UTF-8 or holds a control
 * character. The first is written to *first. */
static int keyboard_code_points(const char *s, uint32_t *first)
{
    int n = 0;
    for (const unsigned char *u = (const unsigned char *)s; *u; n++) {
        int len = *u < 0x80 ? 1 : *u >= 0xF5 ? 0 : *u >= 0xF0 ? 4 : *u >= 0xE0 ? 3 : *u >= 0xC2 ? 2 : 0;
        if (len == 0 || *u < 0x20 || *u == 0x7F)
            return -1;
        uint32_t ch = len == 1 ? *u : *u & (0x7F >> len);
        for (int i = 1; i < len; i++) {
            if ((u[i] & 0xC0) != 0x80)
                return -1;
            ch = ch << 6 | (u[i] & 0x3F);
        }
        if (n == 0)
            *first = ch;
        u += len;
    }
    return n;
}

static int keyboard_file_fail(KeyboardReader *r, int line, const char *why, const char *what)
{
    snprintf(r->err, r->err_size, "%s:%d: %s%s", r->path, line, why, what ? what : "");
    return -1;
}

static int keyboard_read_header(KeyboardReader *r, char **fields, int n)
{
    static const char *const columns[] = {"page", "row", "key", "label", "speak"};
    r->header_done = true;
    for (int i = 0; i < 5; i++)
        if (n != 5 || strcmp(fields[i], columns[i]) != 0)
            return keyboard_file_fail(r, 1, "the columns must be page,row,key,label,speak", NULL);
    return 0;
}

/* A key's text: one to four code points (a letter, a letter and its sign,
 * "لا"), and never a control's name (an ASCII key is one character). */
static int keyboard_check_key(KeyboardReader *r, const char *key, int line)
{
    uint32_t first = 0;
    int n = keyboard_code_points(key, &first);
    if (n < 1 || n > 4 || strlen(key) >= sizeof r->layout->keys[0][0].key)
        return keyboard_file_fail(r, line, "a key types one to four characters of UTF-8, not ", key[0] ? key : "nothing");
    if (first < 0x80 && n > 1)
        return keyboard_file_fail(r, line, "a key of ASCII is one character: ", key);
    for (int p = 0; p < 2; p++)
        for (int i = 0; i < r->layout->n[p]; i++)
            if (strcmp(r->layout->keys[p][i].key, key) == 0) {
                char where[48];
                snprintf(where, sizeof where, " is already on line %d", r->lines[p][i]);
                snprintf(r->err, r->err_size, "%s:%d: the key %s%s", r->path, line, key, where);
                return -1;
            }
    return 0;
}

static int keyboard_read_key(void *ctx, char **fields, int n, int line)
{
    KeyboardReader *r = ctx;
    if (!r->header_done)
        return keyboard_read_header(r, fields, n);
    if (n != 5)
        return keyboard_file_fail(r, line, "a line has five fields: page,row,key,label,speak", NULL);
    int page = strcmp(fields[0], "letters") == 0 ? 0 : strcmp(fields[0], "shift") == 0 ? 1 : -1;
    if (page < 0)
        return keyboard_file_fail(r, line, "the page is letters or shift, not ", fields[0]);
    char *end;
    long row = strtol(fields[1], &end, 10);
    if (end == fields[1] || *end || row < 1 || row > KEYBOARD_FILE_ROWS)
        return keyboard_file_fail(r, line, "the row is a number from 1 to 8, not ", fields[1]);
    int last = r->layout->n[page];
    if (last > 0 && row < r->layout->keys[page][last - 1].row)
        return keyboard_file_fail(r, line, "rows go in order: this row is before the one above, ", fields[1]);
    if (keyboard_check_key(r, fields[2], line) != 0)
        return -1;
    if (r->layout->n[page] == KEYBOARD_PAGE_KEYS)
        return keyboard_file_fail(r, line, "too many keys on the page ", fields[0]);
    KeyboardFileKey *k = &r->layout->keys[page][r->layout->n[page]];
    if (strlen(fields[3]) >= sizeof k->label || strlen(fields[4]) >= sizeof k->speak)
        return keyboard_file_fail(r, line, "the label or the speak is too long", NULL);
    snprintf(k->key, sizeof k->key, "%s", fields[2]);
    snprintf(k->label, sizeof k->label, "%s", fields[3][0] ? fields[3] : fields[2]);
    snprintf(k->speak, sizeof k->speak, "%s", fields[4][0] ? fields[4] : fields[2]);
    k->row = (int)row;
    r->lines[page][r->layout->n[page]++] = line;
    return 0;
}

/* The label of the key that shows `page`: its first two letters shown as
 * themselves (no sign on a circle, no punctuation), a space apart so they
 * read as letters, not a word (and Arabic letters show unjoined). */
static void keyboard_page_label(KeyboardLayout *layout, int page)
{
    const char *letters[2] = {"", ""};
    int taken = 0;
    for (int i = 0; i < layout->n[page] && taken < 2; i++) {
        const KeyboardFileKey *k = &layout->keys[page][i];
        uint32_t first = 0;
        keyboard_code_points(k->key, &first);
        if (strcmp(k->label, k->key) == 0 && FRIBIDI_IS_LETTER(fribidi_get_bidi_type(first)))
            letters[taken++] = k->key;
    }
    snprintf(layout->page_label[page], sizeof layout->page_label[page], "%s%s%s", letters[0], taken > 1 ? " " : "",
             letters[1]);
}

/* Reads one file into `layout`: 0, or -1 with "FILE:LINE: reason" in err. */
static int keyboard_file_load(const char *path, KeyboardLayout *layout, char *err, size_t err_size)
{
    KeyboardReader r = {layout, path, {{0}}, false, err, err_size};
    if (csv_file_read(path, keyboard_read_key, &r, err, err_size) != 0)
        return -1;
    if (layout->n[0] == 0)
        return keyboard_file_fail(&r, 1, "there are no keys on the page letters", NULL);
    layout->rtl = text_runs_is_rtl(layout->keys[0][0].key, (int)strlen(layout->keys[0][0].key));
    keyboard_page_label(layout, 0);
    keyboard_page_label(layout, 1);
    return 0;
}

/* "ur.csv" -> "ur"; false for any other name. */
static bool keyboard_file_language(const char *name, char *code, size_t size)
{
    size_t n = strlen(name);
    if (n < 5 || n - 4 >= size || strcmp(name + n - 4, ".csv") != 0 || name[0] == '.')
        return false;
    snprintf(code, size, "%.*s", (int)(n - 4), name);
    return true;
}

static void keyboard_set_add(KeyboardSet *set, const char *dir, const char *name, FILE *log, int *problems)
{
    KeyboardLayout *layout = &set->layouts[set->n];
    char path[4200], err[4400];
    memset(layout, 0, sizeof *layout);
    if (!keyboard_file_language(name, layout->language, sizeof layout->language))
        return;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (set->n == KEYBOARD_SET_MAX)
        snprintf(err, sizeof err, "%s:1: more than %d keyboards: this one is left out", path, KEYBOARD_SET_MAX);
    else if (keyboard_file_load(path, layout, err, sizeof err) == 0) {
        set->n++;
        return;
    }
    (*problems)++;
    if (log)
        fprintf(log, "%s (%s types Latin letters)\n", err, layout->language);
}

KeyboardSet *keyboard_set_load(const char *dir, FILE *log, int *problems)
{
    int none = 0;
    problems = problems ? problems : &none;
    *problems = 0;
    KeyboardSet *set = calloc(1, sizeof *set);
    DIR *d = set ? opendir(dir) : NULL;
    if (set && !d) {
        (*problems)++;
        if (log)
            fprintf(log, "cannot read the keyboards in %s: every language types Latin letters\n", dir);
        return set;
    }
    for (struct dirent *e; d && (e = readdir(d));)
        keyboard_set_add(set, dir, e->d_name, log, problems);
    if (d)
        closedir(d);
    return set;
}

void keyboard_set_free(KeyboardSet *set)
{
    free(set);
}

const KeyboardLayout *keyboard_set_find(const KeyboardSet *set, const char *language)
{
    for (int i = 0; set && language && i < set->n; i++)
        if (strcmp(set->layouts[i].language, language) == 0)
            return &set->layouts[i];
    return NULL;
}
