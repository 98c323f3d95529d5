/* keyboard.c: the on-screen keyboard's keys and what a touch on one does.
 *
 * A page (letters, or numbers and marks) is first a list of caps in logical
 * rows, each cap a width in half letters (a letter 2, shift 3, space 10):
 * built-in QWERTY with a language's own Latin letters, or the rows of a
 * language's data file (keyboard_file.c). Laying out is then a search for
 * the widest letter: rows kept whole if that leaves keys at least `unit`
 * square (Latin extras first as a row of their own, then, for a short area,
 * on the space row); else rows wrap onto the fewest lines that keep keys
 * unit square, at the widest letter that does, each wrapped row evened out
 * over its lines; else (a short area: Urdu at the largest writing size on
 * 1280x800) the page shows in parts, whole rows of letters to each, all
 * the controls and key:more on a row under them. A right-to-left script's
 * letters are mirrored line by line.
 * A page has at most 48 keys, so the search (a few hundred packings of
 * them, each part's too) costs nothing next to drawing. */
#include "ui/keyboard.h"

#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#define KEYBOARD_MAX_CAPS 48
#define KEYBOARD_MAX_ROWS 16 /* logical rows of a page */
#define KEYBOARD_MAX_WIDE 3 /* a letter is at most this many units wide */
#define KEYBOARD_LETTER 2   /* a letter's width, in half letters */
#define KEYBOARD_CONTROL 3  /* shift, delete, numbers */
#define KEYBOARD_SPACE 10
#define KEYBOARD_SPACE_NARROW 4 /* beside a language's own letters */
#define KEYBOARD_MAX_PARTS 4    /* a page too tall for its area shows in at most this many parts */
#define KEYBOARD_PARTS_CYCLE 12 /* a multiple of 2, 3 and 4: KeyboardState.part wraps here, no part skipped */

typedef enum {
    KEYBOARD_TYPE, /* appends its character */
    KEYBOARD_BACKSPACE,
    KEYBOARD_SHIFT,
    KEYBOARD_NUMBERS,
    KEYBOARD_PART, /* shows the next part of a page shown in parts */
} KeyboardAction;

/* A key that is not a letter: its id after "key:", what it types (NULL for
 * the controls), its label (NULL: its word) and its word, said. */
typedef struct {
    const char *name;
    KeyboardAction action;
    const char *typed;
    const char *label;
    UiString word;
} KeyboardKey;

enum { KEYBOARD_KEY_SPACE, KEYBOARD_KEY_BACKSPACE, KEYBOARD_KEY_SHIFT, KEYBOARD_KEY_NUMBERS, KEYBOARD_KEY_MORE };

static const KeyboardKey keyboard_controls[] = {
    {"space", KEYBOARD_TYPE, " ", NULL, STR_KEY_SPACE},
    {"backspace", KEYBOARD_BACKSPACE, NULL, NULL, STR_DELETE},
    {"shift", KEYBOARD_SHIFT, NULL, "ABC", STR_KEY_CAPITALS},
    {"numbers", KEYBOARD_NUMBERS, NULL, "123", STR_KEY_NUMBERS},
    {"more", KEYBOARD_PART, NULL, NULL, STR_KEY_NEXT_LETTERS}, /* labelled with the next part's letters */
};

static const KeyboardKey keyboard_marks[] = {
    {"period", KEYBOARD_TYPE, ".", ".", STR_KEY_FULL_STOP},
    {"comma", KEYBOARD_TYPE, ",", ",", STR_KEY_COMMA},
    {"question", KEYBOARD_TYPE, "?", "?", STR_KEY_QUESTION},
    {"exclamation", KEYBOARD_TYPE, "!", "!", STR_KEY_EXCLAMATION},
    {"apostrophe", KEYBOARD_TYPE, "'", "'", STR_KEY_APOSTROPHE},
    {"hyphen", KEYBOARD_TYPE, "-", "-", STR_KEY_DASH},
};

static const char *const keyboard_qwerty[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

/* Letters a language adds to a-z, each as lower and upper case UTF-8. */
typedef struct {
    const char *language;
    const char *lower[10];
    const char *upper[10];
} KeyboardExtra;

static const KeyboardExtra keyboard_extras[] = {
    {"pl", {"ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż"},
     {"Ą", "Ć", "Ę", "Ł", "Ń", "Ó", "Ś", "Ź", "Ż"}},
    {"ro", {"ă", "â", "î", "ș", "ț"}, {"Ă", "Â", "Î", "Ș", "Ț"}},
};

#define KEYBOARD_COUNT(a) ((int)(sizeof(a) / sizeof(a)[0]))

/* One key of a page, and where keyboard_pack put it. */
typedef struct {
    char id[UI_ID_SIZE];
    char label[48];
    char speak[96];
    int weight; /* in half letters */
    int row;    /* logical row: a new row starts a new line */
    bool chosen;
    int line, x, w;
} KeyboardCap;

typedef struct {
    KeyboardCap caps[KEYBOARD_MAX_CAPS];
    int n;
    const UiWords *words; /* the controls' words, in `language` */
    const char *language;
} KeyboardPage;

static const char *keyboard_word(const KeyboardPage *page, UiString id)
{
    return ui_word(page->words, page->language, id);
}

static KeyboardCap *keyboard_add(KeyboardPage *page, int row, int weight, const char *name,
                                 const char *label, const char *speak)
{
    assert(page->n < KEYBOARD_MAX_CAPS && row >= 0 && row < KEYBOARD_MAX_ROWS);
    KeyboardCap *cap = &page->caps[page->n++];
    memset(cap, 0, sizeof *cap);
    snprintf(cap->id, sizeof cap->id, "key:%s", name);
    snprintf(cap->label, sizeof cap->label, "%s", label);
    snprintf(cap->speak, sizeof cap->speak, "%s", speak);
    cap->weight = weight;
    cap->row = row;
    return cap;
}

/* A control or mark, labelled and said in the person's language. */
static KeyboardCap *keyboard_add_key(KeyboardPage *page, int row, int weight, const KeyboardKey *key)
{
    const char *word = keyboard_word(page, key->word);
    return keyboard_add(page, row, weight, key->name, key->label ? key->label : word, word);
}

/* A letter: id its lower case, label as typed, spoken "h" or "capital h". */
static void keyboard_add_letter(KeyboardPage *page, int row, const char *lower, const char *upper,
                                bool shift)
{
    char speak[96];
    if (shift)
        snprintf(speak, sizeof speak, keyboard_word(page, STR_KEY_CAPITAL), lower);
    keyboard_add(page, row, KEYBOARD_LETTER, lower, shift ? upper : lower, shift ? speak : lower);
}

static const KeyboardExtra *keyboard_extra_for(const char *language)
{
    for (int i = 0; language && i < KEYBOARD_COUNT(keyboard_extras); i++)
        if (strcmp(keyboard_extras[i].language, language) == 0)
            return &keyboard_extras[i];
    return NULL;
}

/* Letters: QWERTY, shift and delete beside z-m, the numbers key beside
 * space. A language's own letters make a row above QWERTY, or with
 * `below`, share the bottom row with a narrower space (for short areas). */
static void keyboard_letters(KeyboardPage *page, const KeyboardExtra *extra, bool below,
                             bool shift)
{
    int row = 0;
    for (int i = 0; extra && !below && i < 10 && extra->lower[i]; i++)
        keyboard_add_letter(page, row, extra->lower[i], extra->upper[i], shift);
    row += extra && !below;
    for (int r = 0; r < KEYBOARD_COUNT(keyboard_qwerty); r++, row++) {
        if (r == 2)
            keyboard_add_key(page, row, KEYBOARD_CONTROL, &keyboard_controls[KEYBOARD_KEY_SHIFT])->chosen = shift;
        for (const char *c = keyboard_qwerty[r]; *c; c++) {
            char lower[2] = {*c, '\0'}, upper[2] = {(char)(*c - 'a' + 'A'), '\0'};
            keyboard_add_letter(page, row, lower, upper, shift);
        }
    }
    keyboard_add_key(page, row - 1, KEYBOARD_CONTROL, &keyboard_controls[KEYBOARD_KEY_BACKSPACE]);
    keyboard_add_key(page, row, KEYBOARD_CONTROL, &keyboard_controls[KEYBOARD_KEY_NUMBERS]);
    for (int i = 0; extra && below && i < 10 && extra->lower[i]; i++)
        keyboard_add_letter(page, row, extra->lower[i], extra->upper[i], shift);
    keyboard_add_key(page, row, extra && below ? KEYBOARD_SPACE_NARROW : KEYBOARD_SPACE,
                     &keyboard_controls[KEYBOARD_KEY_SPACE]);
}

/* A data file's letters: its rows of the page showing, the shift key (when
 * the layout has a second page; labelled with the page it gives) at the
 * start of the last row and delete at its end, then numbers and space. */
static void keyboard_own(KeyboardPage *page, const KeyboardLayout *layout, bool shift)
{
    int p = shift && layout->n[1] > 0;
    int last = layout->keys[p][layout->n[p] - 1].row;
    for (int i = 0; i < layout->n[p]; i++) {
        const KeyboardFileKey *k = &layout->keys[p][i];
        if (layout->n[1] > 0 && k->row == last && (i == 0 || layout->keys[p][i - 1].row != last))
            keyboard_add(page, last, KEYBOARD_CONTROL, "shift", layout->page_label[!p],
                         keyboard_word(page, p ? STR_KEY_LETTERS : STR_KEY_MORE_LETTERS))->chosen = p;
        keyboard_add(page, k->row, KEYBOARD_LETTER, k->key, k->label, k->speak);
    }
    keyboard_add_key(page, last, KEYBOARD_CONTROL, &keyboard_controls[KEYBOARD_KEY_BACKSPACE]);
    keyboard_add_key(page, last + 1, KEYBOARD_CONTROL, &keyboard_controls[KEYBOARD_KEY_NUMBERS]);
    keyboard_add_key(page, last + 1, KEYBOARD_SPACE, &keyboard_controls[KEYBOARD_KEY_SPACE]);
}

/* Numbers: digits 1-0, the marks and delete, then the letters key
 * (labelled "abc", or with the first letters of a data file's keyboard)
 * beside space. */
static void keyboard_numbers(KeyboardPage *page, const KeyboardLayout *layout)
{
    for (int i = 0; i < 10; i++) {
        char digit[2] = {(char)('0' + (i + 1) % 10), '\0'};
        keyboard_add(page, 0, KEYBOARD_LETTER, digit, digit, digit);
    }
    for (int i = 0; i < KEYBOARD_COUNT(keyboard_marks); i++)
        keyboard_add_key(page, 1, KEYBOARD_LETTER, &keyboard_marks[i]);
    keyboard_add_key(page, 1, KEYBOARD_CONTROL, &keyboard_controls[KEYBOARD_KEY_BACKSPACE]);
    keyboard_add(page, 2, KEYBOARD_CONTROL, "numbers", layout ? layout->page_label[0] : "abc",
                 keyboard_word(page, STR_KEY_LETTERS));
    keyboard_add_key(page, 2, KEYBOARD_SPACE, &keyboard_controls[KEYBOARD_KEY_SPACE]);
}

/* Puts the caps on lines at most `width` px wide, letters `w` px wide: a
 * new logical row starts a new line; a line wider than its row's `limit`
 * (NULL: `width`) wraps when `wrap`, else fails. Writes each line's width
 * into line_w. Returns lines, or -1. */
static int keyboard_pack(KeyboardPage *page, int width, int w, int gap, bool wrap, int *line_w,
                         const int *limit)
{
    int line = -1, x = 0, row = -1;
    for (int i = 0; i < page->n; i++) {
        KeyboardCap *cap = &page->caps[i];
        int cw = cap->weight * (w + gap) / 2 - gap;
        cw = cw < width ? cw : width; /* a wide key (space) narrows first */
        bool fresh = cap->row != row;
        if (!fresh && x + gap + cw > (limit ? limit[cap->row] : width)) {
            if (!wrap)
                return -1;
            fresh = true;
        }
        if (fresh) {
            line++;
            x = 0;
            row = cap->row;
        } else {
            x += gap;
        }
        cap->line = line;
        cap->x = x;
        cap->w = cw;
        x += cw;
        line_w[line] = x;
    }
    return line + 1;
}

/* Evens out each row that wrapped onto `lines` lines: as many lines, as
 * near one width as the keys allow, so that no key is left alone on a line
 * under a full one. Costs a packing per pixel tried, once per layout. */
static void keyboard_balance(KeyboardPage *page, int width, int w, int gap, int lines, int *line_w)
{
    int limit[KEYBOARD_MAX_ROWS], first_line[KEYBOARD_MAX_ROWS], last_line[KEYBOARD_MAX_ROWS], used[KEYBOARD_MAX_ROWS];
    for (int r = 0; r < KEYBOARD_MAX_ROWS; r++) {
        limit[r] = width;
        first_line[r] = last_line[r] = -1;
        used[r] = -gap;
    }
    for (int i = 0; i < page->n; i++) {
        const KeyboardCap *cap = &page->caps[i];
        first_line[cap->row] = first_line[cap->row] < 0 ? cap->line : first_line[cap->row];
        last_line[cap->row] = cap->line;
        used[cap->row] += cap->w + gap;
    }
    for (int r = 0; r < KEYBOARD_MAX_ROWS; r++) {
        int k = last_line[r] - first_line[r] + 1;
        if (k < 2)
            continue;
        for (limit[r] = (used[r] + k - 1) / k; limit[r] < width; limit[r]++)
            if (keyboard_pack(page, width, w, gap, true, line_w, limit) == lines)
                break;
    }
    keyboard_pack(page, width, w, gap, true, line_w, limit);
}

/* The height of a key when `lines` lines share `height` px, letters `w`
 * wide: up to a third taller than wide where there is room (a tall
 * script's letter, a word, more to touch), less when the lines need it. */
static int keyboard_key_height(int height, int lines, int w, int gap)
{
    int h = (height - (lines - 1) * gap) / lines;
    return h < w * 4 / 3 ? h : w * 4 / 3;
}

/* Packs the page's rows whole with the widest letter that fits `area`
 * and returns the key height; 0 when the keys would be under `unit`. */
static int keyboard_fit_rows(KeyboardPage *page, UiRect area, int unit, int gap, int *line_w,
                             int *lines)
{
    for (int w = KEYBOARD_MAX_WIDE * unit; w >= unit; w--) {
        *lines = keyboard_pack(page, area.w, w, gap, false, line_w, NULL);
        if (*lines > 0) {
            int h = keyboard_key_height(area.h, *lines, w, gap);
            return h >= unit ? h : 0; /* narrower keys would not take fewer lines */
        }
    }
    return 0;
}

/* Packs the page with rows wrapped onto the fewest lines, at the widest
 * letter that keeps them, each wrapped row evened out; returns the key
 * height, or 0 when the area is too small for any packing at unit x unit. */
static int keyboard_fit_wrapped(KeyboardPage *page, UiRect area, int unit, int gap, int *line_w,
                                int *lines)
{
    int best_w = 0, best_lines = 0;
    for (int w = KEYBOARD_MAX_WIDE * unit; w >= unit; w--) {
        int n = keyboard_pack(page, area.w, w, gap, true, line_w, NULL);
        if (keyboard_key_height(area.h, n, w, gap) >= unit && (!best_w || n < best_lines)) {
            best_w = w;
            best_lines = n;
        }
    }
    if (best_w) {
        *lines = best_lines;
        keyboard_balance(page, area.w, best_w, gap, best_lines, line_w);
        return keyboard_key_height(area.h, best_lines, best_w, gap);
    }
    return 0;
}

/* The last resort, for an area too small even for a page in parts: the
 * whole page wrapped, with keys under `unit`. Returns the key height. */
static int keyboard_fit_small(KeyboardPage *page, UiRect area, int unit, int gap, int *line_w, int *lines)
{
    for (int w = unit - 1; w >= 1; w--) {
        *lines = keyboard_pack(page, area.w, w, gap, true, line_w, NULL);
        int h = keyboard_key_height(area.h, *lines, w, gap);
        if (h >= w || w == 1)
            return h > 0 ? h : 1;
    }
    return 1;
}

/* Builds page `st` of the keyboard (Latin extras on a row of their own or,
 * with `below`, on the space row). */
static void keyboard_build(KeyboardPage *page, const KeyboardLayout *layout, const char *language,
                           const KeyboardState *st, bool below)
{
    page->n = 0;
    if (st->numbers)
        keyboard_numbers(page, layout);
    else if (layout)
        keyboard_own(page, layout, st->shift);
    else
        keyboard_letters(page, keyboard_extra_for(language), below, st->shift);
}

/* Keeps part `part` of `parts` of the page: its letters' rows shared out
 * in order, whole rows to a part, and under them one row of every control
 * (shift, numbers, space, delete) with the key to the next part, labelled
 * with that part's first letters. False when the page has fewer rows of
 * letters than `parts`. */
static bool keyboard_part(KeyboardPage *page, int part, int parts)
{
    int rows[KEYBOARD_MAX_ROWS], n_rows = 0, last_row = 0;
    for (int i = 0; i < page->n; i++) {
        const KeyboardCap *cap = &page->caps[i];
        last_row = cap->row > last_row ? cap->row : last_row;
        if (cap->weight == KEYBOARD_LETTER && (n_rows == 0 || rows[n_rows - 1] != cap->row))
            rows[n_rows++] = cap->row;
    }
    if (n_rows < parts)
        return false;
    KeyboardPage whole = *page;
    char next[48] = "";
    int shown = 0;
    page->n = 0;
    for (int i = 0, r = 0; i < whole.n; i++) {
        const KeyboardCap *cap = &whole.caps[i];
        if (cap->weight != KEYBOARD_LETTER)
            continue;
        while (rows[r] != cap->row)
            r++;
        int of = r * parts / n_rows;
        if (of == part)
            page->caps[page->n++] = *cap;
        bool itself = strcmp(cap->label, cap->id + 4) == 0;  /* not a sign shown on a circle */
        if (of == (part + 1) % parts && itself && shown++ < 2)  /* the next part's first letters, apart */
            snprintf(next + strlen(next), sizeof next - strlen(next), "%s%s", shown > 1 ? " " : "", cap->label);
    }
    static const char *const controls[] = {"key:shift", "key:numbers", "key:space", "key:more", "key:backspace"};
    for (int c = 0; c < KEYBOARD_COUNT(controls); c++) {
        const KeyboardCap *cap = NULL;
        for (int i = 0; i < whole.n && !cap; i++)
            cap = strcmp(whole.caps[i].id, controls[c]) == 0 ? &whole.caps[i] : NULL;
        if (cap) {
            page->caps[page->n] = *cap;
            page->caps[page->n++].row = last_row + 1;
        } else if (strcmp(controls[c], "key:more") == 0) {
            keyboard_add(page, last_row + 1, KEYBOARD_CONTROL, "more", next,
                         keyboard_word(page, keyboard_controls[KEYBOARD_KEY_MORE].word));
        }
    }
    return true;
}

/* Builds part `part` of `parts` of page `st` and packs it into `area`.
 * Returns the key height, 0 when its keys would be under `unit`. */
static int keyboard_fit_part(KeyboardPage *page, const KeyboardLayout *layout, const char *language,
                             const KeyboardState *st, int part, int parts, UiRect area, int unit, int gap,
                             int *line_w, int *lines)
{
    keyboard_build(page, layout, language, st, false);
    if (!keyboard_part(page, part, parts))
        return 0;
    int h = keyboard_fit_rows(page, area, unit, gap, line_w, lines);
    return h ? h : keyboard_fit_wrapped(page, area, unit, gap, line_w, lines);
}

/* Builds the page `st` shows and packs it into `area`: Latin extras on a
 * row of their own if the keys stay large, else on the space row, else
 * wrapped; and where even that leaves keys under `unit`, the page in parts
 * (as few as keep them whole), every part's keys one height. Returns the
 * key height and the lines, and whether the page is in parts. */
static int keyboard_fit(KeyboardPage *page, const KeyboardLayout *layout, const char *language,
                        const KeyboardState *st, UiRect area, int unit, int gap, int *line_w, int *lines,
                        bool *parted)
{
    const KeyboardExtra *extra = layout ? NULL : keyboard_extra_for(language);
    KeyboardState showing = st ? *st : (KeyboardState){0};
    int h = 0;
    for (int below = 0; below <= (extra && !showing.numbers) && !h; below++) {
        keyboard_build(page, layout, language, &showing, below);
        h = keyboard_fit_rows(page, area, unit, gap, line_w, lines);
    }
    h = h ? h : keyboard_fit_wrapped(page, area, unit, gap, line_w, lines);
    *parted = false;
    for (int parts = 2; !h && parts <= KEYBOARD_MAX_PARTS; parts++) {
        int least = INT_MAX;
        for (int p = 1; p <= parts && least > 0; p++) {  /* the part showing last: its packing stays */
            int part_h = keyboard_fit_part(page, layout, language, &showing, (showing.part + p) % parts, parts,
                                           area, unit, gap, line_w, lines);
            least = part_h < least ? part_h : least;
        }
        h = least == INT_MAX ? 0 : least;
        *parted = h > 0;
    }
    if (!h) {
        keyboard_build(page, layout, language, &showing, extra != NULL);
        h = keyboard_fit_small(page, area, unit, gap, line_w, lines);
    }
    return h;
}

bool keyboard_letter_key(const UiElement *el)
{
    if (strncmp(el->id, "key:", 4) != 0)
        return false;
    for (int i = 0; i < KEYBOARD_COUNT(keyboard_controls); i++)
        if (strcmp(el->id + 4, keyboard_controls[i].name) == 0)
            return false;
    return true;
}

int keyboard_least_height(int width, int unit, int gap, const KeyboardLanguage *lang)
{
    assert(width > 0 && unit > 0 && gap >= 0);
    const char *language = lang && lang->language ? lang->language : "en";
    const KeyboardLayout *layout = keyboard_set_find(lang ? lang->set : NULL, language);
    KeyboardPage page = {.words = lang ? lang->words : NULL, .language = language};
    const KeyboardState pages[] = {{.shift = false}, {.shift = true}, {.numbers = true}};
    int line_w[KEYBOARD_MAX_CAPS], most = 1;
    for (int p = 0; p < KEYBOARD_COUNT(pages); p++) {
        int least = KEYBOARD_MAX_CAPS;
        for (int below = 0; below <= 1; below++) {
            keyboard_build(&page, layout, language, &pages[p], below);
            int lines = keyboard_pack(&page, width, unit, gap, true, line_w, NULL);
            least = lines < least ? lines : least;
        }
        most = least > most ? least : most;
    }
    return most * unit + (most - 1) * gap;
}

void keyboard_layout(UiElements *els, UiRect area, int unit, int gap, const KeyboardLanguage *lang,
                     const KeyboardState *st)
{
    assert(els && unit > 0 && gap >= 0 && area.w > 0 && area.h > 0);
    const char *language = lang && lang->language ? lang->language : "en";
    const KeyboardLayout *layout = keyboard_set_find(lang ? lang->set : NULL, language);
    KeyboardPage page = {.words = lang ? lang->words : NULL, .language = language};
    int line_w[KEYBOARD_MAX_CAPS], lines = 0;
    bool parted;
    int h = keyboard_fit(&page, layout, language, st, area, unit, gap, line_w, &lines, &parted);
    /* placed as they read: right to left for a script that does (not its
     * digits), and mirrored ahead of a mirrored screen */
    bool rtl = layout && layout->rtl && !(st && st->numbers);
    bool mirror = rtl != (lang && lang->mirrored);
    int block = lines * h + (lines - 1) * gap;  /* in parts: the controls' row stays put at the bottom */
    int top = parted ? area.y + area.h - block : area.y + (area.h - block) / 2;
    for (int i = 0; i < page.n; i++) {
        const KeyboardCap *cap = &page.caps[i];
        int left = area.x + (area.w - line_w[cap->line]) / 2;
        int x = mirror ? line_w[cap->line] - cap->x - cap->w : cap->x;
        UiRect r = layout_rect(left + x, top + cap->line * (h + gap), cap->w, h);
        UiElement *el = ui_elements_add(els, UI_BUTTON, cap->id, r);
        if (!el)
            return;
        el->flags = (layout ? UI_KEYCAP : 0u) | (cap->chosen ? UI_CHOSEN : 0u);  /* a tall script's letters fit by their ink */
        ui_element_set_text(el, cap->label);
        ui_element_set_speak(el, cap->speak);
    }
}

/* ---- typing --------------------------------------------------------------- */

/* Appends `s` when it fits whole. */
static void keyboard_append(char *text, size_t size, const char *s)
{
    size_t used = strlen(text), n = strlen(s);
    if (used + n < size)
        memcpy(text + used, s, n + 1);
}

/* Removes the last UTF-8 character: its continuation bytes and its lead. */
static void keyboard_delete_last(char *text)
{
    size_t n = strlen(text);
    while (n > 0 && ((unsigned char)text[n - 1] & 0xc0) == 0x80)
        n--;
    if (n > 0)
        n--;
    text[n] = '\0';
}

/* What a letter key types: `name` its id after "key:". Writes the lower
 * and upper case forms; false when `name` is no letter. */
static bool keyboard_letter(const char *name, const char **lower, const char **upper,
                            char ascii[2][2])
{
    if (name[0] >= 'a' && name[0] <= 'z' && name[1] == '\0') {
        ascii[0][0] = name[0];
        ascii[1][0] = (char)(name[0] - 'a' + 'A');
        ascii[0][1] = ascii[1][1] = '\0';
        *lower = ascii[0];
        *upper = ascii[1];
        return true;
    }
    for (int i = 0; i < KEYBOARD_COUNT(keyboard_extras); i++)
        for (int j = 0; j < 10 && keyboard_extras[i].lower[j]; j++)
            if (strcmp(name, keyboard_extras[i].lower[j]) == 0) {
                *lower = keyboard_extras[i].lower[j];
                *upper = keyboard_extras[i].upper[j];
                return true;
            }
    return false;
}

/* The non-letter key called `name` (digits are made in `digit`), or NULL. */
static const KeyboardKey *keyboard_key(const char *name, KeyboardKey *digit)
{
    for (int i = 0; i < KEYBOARD_COUNT(keyboard_controls); i++)
        if (strcmp(name, keyboard_controls[i].name) == 0)
            return &keyboard_controls[i];
    for (int i = 0; i < KEYBOARD_COUNT(keyboard_marks); i++)
        if (strcmp(name, keyboard_marks[i].name) == 0)
            return &keyboard_marks[i];
    if (name[0] >= '0' && name[0] <= '9' && name[1] == '\0') {
        *digit = (KeyboardKey){name, KEYBOARD_TYPE, name, name, STR_COUNT};
        return digit;
    }
    return NULL;
}

/* A key of a data file's keyboard called `name` (on either page), or NULL. */
static const KeyboardFileKey *keyboard_own_key(const KeyboardLanguage *lang, const char *name)
{
    const KeyboardLayout *layout = lang ? keyboard_set_find(lang->set, lang->language) : NULL;
    for (int p = 0; layout && p < 2; p++)
        for (int i = 0; i < layout->n[p]; i++)
            if (strcmp(layout->keys[p][i].key, name) == 0)
                return &layout->keys[p][i];
    return NULL;
}

bool keyboard_press(KeyboardState *st, const KeyboardLanguage *lang, const char *id, char *text,
                    size_t size)
{
    assert(st && id && text && size > 0);
    if (strncmp(id, "key:", 4) != 0)
        return false;
    const char *name = id + 4, *lower, *upper;
    char ascii[2][2];
    const KeyboardFileKey *own = keyboard_own_key(lang, name);
    if (own || keyboard_letter(name, &lower, &upper, ascii)) {
        keyboard_append(text, size, own ? own->key : st->shift ? upper : lower);
        st->shift = false;
        return true;
    }
    KeyboardKey digit;
    const KeyboardKey *key = keyboard_key(name, &digit);
    if (!key)
        return false;
    switch (key->action) {
    case KEYBOARD_TYPE:
        keyboard_append(text, size, key->typed);
        break;
    case KEYBOARD_BACKSPACE:
        keyboard_delete_last(text);
        break;
    case KEYBOARD_SHIFT:
        st->shift = !st->shift;
        break;
    case KEYBOARD_NUMBERS:
        st->numbers = !st->numbers;
        st->shift = false;
        break;
    case KEYBOARD_PART:
        st->part = (st->part + 1) % KEYBOARD_PARTS_CYCLE;
        break;
    }
    return true;
}
