/* numpad.c: the number pad's keys and what a touch on one does; see
 * numpad.h.
 *
 * The digits in order (1 2 3 on top) with the sign, the point and delete
 * beside or under them, in whichever shape the area leaves most room for.
 * The keys are square, as large as the area allows up to two touch
 * targets, so the pad reads as one block on any screen. */
#include "ui/numpad.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define NUMPAD_MAX_DIGITS 15 /* a double holds 15 digits exactly */

static UiElement *numpad_key(UiElements *els, UiRect r, int px, const char *name, const char *label, const char *speak)
{
    char id[UI_ID_SIZE];
    snprintf(id, sizeof id, "key:%s", name);
    UiElement *el = ui_elements_add(els, UI_BUTTON, id, r);
    if (!el)
        return NULL;
    el->text_max_px = px;
    ui_element_set_text(el, label);
    ui_element_set_speak(el, speak);
    return el;
}

/* The key left of 0 (the sign) and right of it (the point), or NULL. */
static void numpad_corners(NumpadKind kind, const NumpadWords *w, const char *corner[2][3])
{
    static const char *const none[3] = {NULL, NULL, NULL};
    memcpy(corner[0], none, sizeof none);
    memcpy(corner[1], none, sizeof none);
    if (kind == NUMPAD_PHONE) {
        corner[0][0] = "plus", corner[0][1] = "+", corner[0][2] = "+";
        return;
    }
    corner[0][0] = "minus", corner[0][1] = "\xE2\x88\x92", corner[0][2] = w->minus; /* U+2212 */
    if (kind == NUMPAD_DECIMAL)
        corner[1][0] = "point", corner[1][1] = ".", corner[1][2] = w->point;
}

/* The pad's shapes, as rows of cells naming the key there; a key over
 * several cells is one wide (or tall) key, "" is a gap. A keypad (tall,
 * or square beside the number) while its keys are roomy; else the shape
 * that gives the largest keys, flat where height is short (the largest
 * writing leaves less of it). */
#define NUMPAD_MAX_ROWS 5
#define NUMPAD_MAX_COLS 8

typedef struct {
    int rows, cols;
    const char *cells[NUMPAD_MAX_ROWS][NUMPAD_MAX_COLS];
} NumpadShape;

static const NumpadShape numpad_shapes[] = {
    {5, 3, {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"sign", "0", "point"}, {"del", "del", "del"}}},
    {4, 4, {{"1", "2", "3", "sign"}, {"4", "5", "6", "point"}, {"7", "8", "9", ""}, {"0", "0", "del", "del"}}},
    {2, 8, {{"1", "2", "3", "4", "5", "sign", "del", "del"}, {"6", "7", "8", "9", "0", "point", "del", "del"}}},
};

/* The side of a square key when `sh` fills `area`, at most two units. */
static int numpad_side(const NumpadShape *sh, UiRect area, int unit, int gap)
{
    int by_w = (area.w - gap * (sh->cols - 1)) / sh->cols, by_h = (area.h - gap * (sh->rows - 1)) / sh->rows;
    int side = by_w < by_h ? by_w : by_h;
    return side < unit * 2 ? side : unit * 2;
}

/* The cells `key` covers in `sh`, as a rectangle on the pad; w 0 when none. */
static UiRect numpad_place(const NumpadShape *sh, const char *key, UiRect pad, int side, int gap)
{
    int c0 = NUMPAD_MAX_COLS, r0 = NUMPAD_MAX_ROWS, c1 = -1, r1 = -1;
    for (int r = 0; r < sh->rows; r++)
        for (int c = 0; c < sh->cols; c++)
            if (sh->cells[r][c] && strcmp(sh->cells[r][c], key) == 0) {
                c0 = c < c0 ? c : c0, r0 = r < r0 ? r : r0;
                c1 = c > c1 ? c : c1, r1 = r > r1 ? r : r1;
            }
    if (c1 < 0)
        return layout_rect(0, 0, 0, 0);
    return layout_rect(pad.x + c0 * (side + gap), pad.y + r0 * (side + gap), (c1 - c0 + 1) * (side + gap) - gap,
                       (r1 - r0 + 1) * (side + gap) - gap);
}

void numpad_layout(UiElements *els, UiRect area, int unit, int gap, NumpadKind kind, const NumpadWords *words)
{
    const NumpadShape *sh = NULL;
    for (size_t i = 0; i < 2 && !sh; i++)  /* a keypad, as phones have, while its keys are roomy */
        if (numpad_side(&numpad_shapes[i], area, unit, gap) >= unit * 5 / 4)
            sh = &numpad_shapes[i];
    if (!sh) {
        sh = &numpad_shapes[0];
        for (size_t i = 1; i < sizeof numpad_shapes / sizeof numpad_shapes[0]; i++)
            if (numpad_side(&numpad_shapes[i], area, unit, gap) > numpad_side(sh, area, unit, gap))
                sh = &numpad_shapes[i];
    }
    int side = numpad_side(sh, area, unit, gap);
    /* The keys' words: at most half a target, before the writing size grows
     * them; so keys a little smaller at a larger writing size still hold them. */
    int px = side * 3 / 5 < unit / 2 ? side * 3 / 5 : unit / 2;
    UiRect pad = layout_center_box(area, side * sh->cols + gap * (sh->cols - 1), side * sh->rows + gap * (sh->rows - 1));
    for (int d = 0; d <= 9; d++) {
        char digit[2] = {(char)('0' + d), '\0'};
        numpad_key(els, numpad_place(sh, digit, pad, side, gap), px, digit, digit, digit);
    }
    const char *corner[2][3];
    numpad_corners(kind, words, corner);
    static const char *const places[2] = {"sign", "point"};
    for (int i = 0; i < 2; i++)
        if (corner[i][0])
            numpad_key(els, numpad_place(sh, places[i], pad, side, gap), px, corner[i][0], corner[i][1], corner[i][2]);
    char label[64];  /* written with a capital, said as it is */
    snprintf(label, sizeof label, "%s", words->delete_key);
    label[0] = (char)toupper((unsigned char)label[0]);
    UiElement *del = numpad_key(els, numpad_place(sh, "del", pad, side, gap), px, "backspace", label, words->delete_key);
    if (del)  /* a word: a little smaller than the digits */
        del->text_max_px = px * 5 / 6;
}

static size_t numpad_digits(const char *text)
{
    size_t n = 0;
    for (; *text; text++)
        n += isdigit((unsigned char)*text) != 0;
    return n;
}

static void numpad_append(char *text, size_t size, char c)
{
    size_t n = strlen(text);
    if (n + 1 < size) {
        text[n] = c;
        text[n + 1] = '\0';
    }
}

/* A sign goes in front: minus toggles; plus (a phone's) only starts a number. */
static void numpad_sign(const char *name, char *text, size_t size)
{
    if (strcmp(name, "plus") == 0) {
        if (!text[0])
            numpad_append(text, size, '+');
    } else if (text[0] == '-') {
        memmove(text, text + 1, strlen(text));
    } else if (strlen(text) + 1 < size) {
        memmove(text + 1, text, strlen(text) + 1);
        text[0] = '-';
    }
}

bool numpad_press(const char *id, NumpadKind kind, char *text, size_t size)
{
    if (strncmp(id, "key:", 4) != 0)
        return false;
    const char *name = id + 4;
    bool signs = kind == NUMPAD_PHONE ? strcmp(name, "plus") == 0 : strcmp(name, "minus") == 0;
    if (isdigit((unsigned char)name[0]) && !name[1]) {
        if (numpad_digits(text) < (kind == NUMPAD_PHONE ? 20 : NUMPAD_MAX_DIGITS))
            numpad_append(text, size, name[0]);
    } else if (signs) {
        numpad_sign(name, text, size);
    } else if (strcmp(name, "point") == 0 && kind == NUMPAD_DECIMAL) {
        if (!strchr(text, '.')) {
            if (!numpad_digits(text))
                numpad_append(text, size, '0');  /* ".5" is written "0.5" */
            numpad_append(text, size, '.');
        }
    } else if (strcmp(name, "backspace") == 0) {
        if (text[0])
            text[strlen(text) - 1] = '\0';
    } else {
        return false;
    }
    return true;
}
