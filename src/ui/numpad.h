/* numpad.h: a big number pad, for XLSForm integer, decimal and phone
 * questions.
 *
 * numpad_layout appends one UI_BUTTON per key to a screen's element list:
 * the digits in order (1 2 3 on top), a key for the sign (minus; plus on
 * a phone number), a point for decimals, and delete. Every
 * key says what it is when touched (digits as numbers, the others in the
 * words given). numpad_press applies a key to the number being typed,
 * keeping it a number: one sign, in front; one point; no more digits than
 * a number can hold exactly.
 *
 * Key ids: "key:0" ... "key:9", "key:minus", "key:plus", "key:point",
 * "key:backspace". */
#ifndef SAYSO_UI_NUMPAD_H
#define SAYSO_UI_NUMPAD_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/elements.h"
#include "ui/layout.h"

typedef enum { NUMPAD_INTEGER, NUMPAD_DECIMAL, NUMPAD_PHONE } NumpadKind;

/* The spoken (and, for delete, written) words of the keys that are not
 * digits, in the person's language. */
typedef struct {
    const char *minus, *point, *delete_key;
} NumpadWords;

/* Lays the keys of `kind` out in `area` in the shape that gives the
 * largest keys (at most two `unit`s a key), centred. */
void numpad_layout(UiElements *els, UiRect area, int unit, int gap, NumpadKind kind, const NumpadWords *words);

/* Applies the key `id` to `text` (`size` bytes). Returns true when `id`
 * is a key of the pad (`text` may be unchanged: a second point is not
 * typed). */
bool numpad_press(const char *id, NumpadKind kind, char *text, size_t size);

#endif
