/* keyboard.h: an on-screen keyboard with large keys, for typed answers
 * (XLSForm type text).
 *
 * keyboard_layout appends one UI_BUTTON per key to a screen's element list;
 * keyboard_press applies a touched key's id to the answer being typed. The
 * caller owns the KeyboardState (capitals or the second page of letters for
 * the next key, the numbers page) and passes it to both, so the keys show
 * what they would type.
 *
 * Latin letters are built in: QWERTY, with a row of Polish ("pl") or
 * Romanian ("ro") letters for those languages. Other scripts come from data
 * files, assets/keyboards/CODE.csv (CODE the language's, "ur", "ar", "bn",
 * "pa"), one key a line under the header page,row,key,label,speak:
 *     page   "letters", or "shift" for a second page of letters (only where
 *            the layout has one: the shift key then shows it)
 *     row    1, 2, ...: the key's row on its page, in reading order
 *     key    what the key types (UTF-8: a letter, a vowel sign, "لا")
 *     label  what it shows, when not the key itself ("◌ি" for a sign)
 *     speak  what it says, when not the key itself (a sign's name)
 * A right-to-left script (Arabic, Urdu) has its rows mirrored: the first
 * key of a row at the right, delete at the left end of the last row;
 * digits and Latin letters read left to right also on a mirrored screen.
 * A broken file is named with its line; that language types Latin letters.
 *
 * Key ids: a Latin letter's is "key:a" ... "key:z" (lower case, also when
 * capitals are on), a Polish or Romanian letter's the letter in lower case
 * ("key:ł", "key:ș"), a data file's key its own text ("key:ب", "key:ি",
 * also on the shift page). Controls: "key:space", "key:backspace",
 * "key:shift", "key:numbers"; on the numbers page "key:0" ... "key:9",
 * "key:period", "key:comma", "key:question", "key:exclamation",
 * "key:apostrophe", "key:hyphen". Controls and marks are labelled and
 * spoken in the person's language (words.csv), letters in the language's
 * own voice by whoever speaks the key's text. */
#ifndef SAYSO_UI_KEYBOARD_H
#define SAYSO_UI_KEYBOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ui/elements.h"
#include "ui/layout.h"
#include "ui/strings.h"

#define KEYBOARD_PAGE_KEYS 40 /* keys on one page of a data file */

typedef struct KeyboardState {
    bool shift;   /* capitals, or the shift page, for the next letter (then this clears) */
    bool numbers; /* the numbers and punctuation page shows */
    bool other;   /* it shows for or_other's "Other", in place of the choices */
    int part;     /* a page shown in parts (its area too small for its keys at 2 cm): */
                  /* this modulo the parts is the part showing; key:more adds one */
} KeyboardState;

/* One key of a data file. */
typedef struct {
    char key[16];    /* typed, and the id after "key:" */
    char label[32];
    char speak[64];
    int row;         /* 1 ... */
} KeyboardFileKey;

/* A language's keyboard from its data file: page 0 the letters, page 1
 * the shift page (n[1] == 0: none). */
typedef struct {
    char language[16];
    bool rtl;
    KeyboardFileKey keys[2][KEYBOARD_PAGE_KEYS];
    int n[2];
    char page_label[2][48]; /* the key that shows a page: its first letters */
} KeyboardLayout;

/* The keyboards of every data file in a folder. */
typedef struct KeyboardSet KeyboardSet;

/* Reads every DIR/CODE.csv. Writes a line to `log` (may be NULL) for each
 * file it cannot use, "FILE:LINE: reason (CODE types Latin letters)", and
 * counts them in *problems (may be NULL); a missing folder is one problem.
 * Returns the set of the good ones (NULL only when out of memory). */
KeyboardSet *keyboard_set_load(const char *dir, FILE *log, int *problems);
void keyboard_set_free(KeyboardSet *set);

/* The keyboard of `language` ("ur"), or NULL (Latin letters). `set` may
 * be NULL. */
const KeyboardLayout *keyboard_set_find(const KeyboardSet *set, const char *language);

/* What a keyboard is for: the letters of `language` and the words of its
 * controls. */
typedef struct {
    const KeyboardSet *set;  /* keyboards from data files; NULL: Latin only */
    const char *language;    /* "en", "pl", "ur"; NULL: "en" */
    const UiWords *words;    /* the controls' words; NULL: English */
    bool mirrored;           /* the screen is mirrored after (a right-to-left language's) */
} KeyboardLanguage;

/* Appends the keys of the page `st` shows (NULL: letters, lower case) to
 * `els`, laid out in `area`, `gap` apart. Rows are kept whole when their
 * keys can still be at least `unit` square (at most 3 `unit`s a letter);
 * otherwise rows wrap so that every key stays at least unit x unit;
 * otherwise the page shows in parts (st->part picks which; key:more, at
 * the controls' row, goes to the next). Only an area too small even for
 * that gets smaller keys. Each key's text is its
 * label ("H" when capitals are on), its speak the key as a word ("h",
 * "space", "delete", a sign's name). `lang` may be NULL (Latin, English). */
void keyboard_layout(UiElements *els, UiRect area, int unit, int gap, const KeyboardLanguage *lang,
                     const KeyboardState *st);

/* True for a key that types a letter, digit or mark (not shift, numbers,
 * space, delete or the next part: the keys with words). */
bool keyboard_letter_key(const UiElement *el);

/* The height the keyboard needs `width` px wide for keys `unit` square,
 * on its tallest page (letters, shift or numbers; rows wrapped where they
 * must): a screen that leaves it this much keeps every page's keys whole
 * and the screen still when the page changes. */
int keyboard_least_height(int width, int unit, int gap, const KeyboardLanguage *lang);

/* Applies the key `id` to `text` (UTF-8, NUL-terminated, `size` bytes):
 * a letter, digit, mark or space is appended (a Latin letter as a capital
 * when st->shift; shift then clears) unless it would not fit; backspace
 * removes the last UTF-8 character (a code point: a vowel sign on its
 * own); shift and numbers toggle `st`. Returns true when `id` is a key of
 * `lang`'s keyboard (text and st untouched otherwise). */
bool keyboard_press(KeyboardState *st, const KeyboardLanguage *lang, const char *id, char *text,
                    size_t size);

#endif
