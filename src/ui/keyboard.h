/* keyboard.h: an on-screen keyboard with large keys, for typed answers
 * (XLSForm type text).
 *
 * keyboard_layout appends one UI_BUTTON per key to a screen's element list;
 * keyboard_press applies a touched key's id to the answer being typed. The
 * caller owns the KeyboardState (capitals for the next letter, the numbers
 * page) and passes it to both, so the keys show what they would type.
 *
 * Key ids: "key:a" ... "key:z" (lower case, also when capitals are on),
 * "key:space", "key:backspace", "key:shift", "key:numbers"; on the numbers
 * page "key:0" ... "key:9", "key:period", "key:comma", "key:question",
 * "key:exclamation", "key:apostrophe", "key:hyphen". Polish ("pl") and
 * Romanian ("ro") add a row of their letters, ids being the letter itself
 * in lower case ("key:ł", "key:ș").
 *
 * Latin letters only for now: other scripts (Urdu, Arabic, Punjabi,
 * Bengali) need their own key tables and right-to-left placement later.
 * Control keys are labelled and spoken in English for now. */
#ifndef SAYSO_UI_KEYBOARD_H
#define SAYSO_UI_KEYBOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/elements.h"
#include "ui/layout.h"

typedef struct KeyboardState {
    bool shift;   /* the next letter is a capital (then this clears) */
    bool numbers; /* the numbers and punctuation page shows */
    bool other;   /* it shows for or_other's "Other", in place of the choices */
} KeyboardState;

/* Appends the keys of the page `st` shows (NULL: letters, lower case) to
 * `els`, laid out in `area`, `gap` apart. Keys are QWERTY rows as wide as
 * the area allows (at most 3 `unit`s a letter); when a row of 10 letters
 * would make keys narrower than `unit`, rows wrap so that every key stays
 * at least unit x unit. Only an area too small for that gets smaller keys.
 * Each key's text is its label ("H" when capitals are on), its speak the
 * key as a word ("h", "space", "delete", "capitals", "numbers").
 * `language` is a code such as "en" (NULL: "en"). */
void keyboard_layout(UiElements *els, UiRect area, int unit, int gap, const char *language,
                     const KeyboardState *st);

/* Applies the key `id` to `text` (UTF-8, NUL-terminated, `size` bytes):
 * a letter, digit, mark or space is appended (a letter as a capital when
 * st->shift, which then clears) unless it would not fit; backspace removes
 * the last whole UTF-8 character; shift and numbers toggle `st`. Returns
 * true when `id` is a keyboard key (text and st untouched otherwise). */
bool keyboard_press(KeyboardState *st, const char *id, char *text, size_t size);

#endif
