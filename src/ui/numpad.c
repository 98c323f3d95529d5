/* numpad.c: the number pad's keys and what a touch on one does; see
 * numpad.h.
 *
 * Five rows of three: 1 2 3, 4 5 6, 7 8 9, then sign, 0 and point, then
 * delete across the whole width. The keys are square, as large as the
 * area allows up to two touch targets, so the pad reads as one block on
 * any screen. */
#include "ui/numpad.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define NUMPAD_COLS 3
#define NUMPAD_ROWS 5
#define NUMPAD_MAX_DIGITS 15 /* a double holds 15 digits exactly */

static UiElement *numpad_key(UiElements *els, UiRect r, const char *name, const char *label, const char *speak)
{
    char id[UI_ID_SIZE];
    snprintf(id, sizeof id, "key:%s", name);
    UiElement *el = ui_elements_add(els, UI_BUTTON, id, r);
    if (!el)
        return NULL;
    el->flags = UI_COMPACT;
    el->text_max_px = r.h * 3 / 5;
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

void numpad_layout(UiElements *els, UiRect area, int unit, int gap, NumpadKind kind, const NumpadWords *words)
{
    int side = (area.w - gap * (NUMPAD_COLS - 1)) / NUMPAD_COLS;
    int by_h = (area.h - gap * (NUMPAD_ROWS - 1)) / NUMPAD_ROWS;
    side = side < by_h ? side : by_h;
    side = side < unit * 2 ? side : unit * 2;
    UiRect pad = layout_center_box(area, side * NUMPAD_COLS + gap * (NUMPAD_COLS - 1),
                                   side * NUMPAD_ROWS + gap * (NUMPAD_ROWS - 1));
    for (int d = 1; d <= 9; d++) {
        char digit[2] = {(char)('0' + d), '\0'};
        UiRect r = layout_rect(pad.x + (d - 1) % 3 * (side + gap), pad.y + (d - 1) / 3 * (side + gap), side, side);
        numpad_key(els, r, digit, digit, digit);
    }
    int y = pad.y + 3 * (side + gap);
    numpad_key(els, layout_rect(pad.x + side + gap, y, side, side), "0", "0", "0");
    const char *corner[2][3];
    numpad_corners(kind, words, corner);
    for (int i = 0; i < 2; i++)
        if (corner[i][0])
            numpad_key(els, layout_rect(pad.x + i * 2 * (side + gap), y, side, side), corner[i][0], corner[i][1],
                       corner[i][2]);
    UiElement *del = numpad_key(els, layout_rect(pad.x, y + side + gap, pad.w, side), "backspace",
                                words->delete_key, words->delete_key);
    if (del)
        del->text_max_px = side / 2;
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
