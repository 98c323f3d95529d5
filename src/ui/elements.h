/* elements.h: what a screen shows, as a flat list of elements.
 *
 * Each screen's build function turns the flow's state into elements with a
 * kind, an id (the survey's names or a built-in id, "" for decoration), a
 * rectangle, a text and a symbol. The same list is drawn, hit-tested and
 * used by headless scripts to find where to touch, so a script exercises the
 * real hit-testing. */
#ifndef SAYSO_UI_ELEMENTS_H
#define SAYSO_UI_ELEMENTS_H

#include <stdbool.h>

#include "ui/layout.h"

typedef enum {
    UI_BAR,     /* the top bar's background */
    UI_PANEL,   /* a card behind other elements */
    UI_TEXT,    /* text alone */
    UI_BUTTON,  /* a control: symbol and label */
    UI_TILE,    /* a choice: big symbol over its label */
    UI_COLUMN,  /* a mat column: header and a place to drop topics */
    UI_TOPIC,   /* a mat topic: picked up and placed */
    UI_RUNG,    /* a ladder rung */
    UI_RAIL,    /* a ladder's side rail (decoration) */
    UI_MINI,    /* a small symbol (review) */
    UI_ROW,     /* a review row: tap to change that answer */
    UI_METER,   /* a level meter: tint holds the level, 0 to 100 */
} UiKind;

enum {
    UI_CHOSEN = 1 << 0,
    UI_PRIMARY = 1 << 1,
    UI_DANGER = 1 << 2,
    UI_HELD = 1 << 3,
    UI_DRAGGABLE = 1 << 4,
    UI_DROP = 1 << 5,
    UI_HEADING = 1 << 6,
    UI_ICON_ONLY = 1 << 7,
    UI_MUTED = 1 << 8,
    UI_ALIGN_LEFT = 1 << 9,
    UI_ON_DARK = 1 << 10,
    UI_WARNING = 1 << 11,
    UI_SYMBOLS = 1 << 12, /* symbol-supported text: a symbol above each key word */
    UI_PHOTO = 1 << 13,   /* the picture is a photo: cropped to fill, never letterboxed */
    UI_PAGER = 1 << 14,   /* between the parts of a full screen: comes and goes with the writing size */
    UI_BESIDE = 1 << 15,  /* a topic in a row: its symbol beside its words, not above them */
    UI_KEYCAP = 1 << 16,  /* a keyboard's key: one line, fitted and centred by its letters' own height */
    UI_TIGHT = 1 << 17,   /* words that do not fit by their lines may by their letters (TEXT_INK_IF_NEEDED) */
};

#define UI_ID_SIZE 64
#define UI_TEXT_SIZE 192
#define UI_PATH_SIZE 512

typedef struct {
    char id[UI_ID_SIZE];
    UiKind kind;
    unsigned flags;
    UiRect rect;
    char text[UI_TEXT_SIZE];   /* what is written */
    char speak[UI_TEXT_SIZE];  /* what is said when touched ("" = text) */
    char symbol[UI_PATH_SIZE]; /* image file, "" for none */
    int tint;                  /* mat columns: 0 good, 1 not sure, 2 bad; -1 none */
    int text_max_px, text_min_px;
    int symbol_px;             /* tiles and topics: the symbol's side, the words below it; 0: the kind's own split */
    char voice[16];            /* speak in this voice, not the screen's ("" = the screen's) */
    char audio[UI_PATH_SIZE];  /* a recorded prompt to play instead of speech ("" = none) */
} UiElement;

typedef struct {
    UiElement *items;
    int n, cap;
} UiElements;

/* Appends an element (zeroed but for what is given); NULL when out of memory. */
UiElement *ui_elements_add(UiElements *els, UiKind kind, const char *id, UiRect rect);
void ui_elements_clear(UiElements *els);
void ui_elements_free(UiElements *els);

/* The element with this id, or NULL. */
const UiElement *ui_elements_find(const UiElements *els, const char *id);

/* The topmost element with an id under (x, y) that has all of `flags`; NULL
 * when none. */
const UiElement *ui_elements_hit(const UiElements *els, int x, int y, unsigned flags);

/* Sets the element's written and spoken text (copied, cut at the size). */
void ui_element_set_text(UiElement *el, const char *text);
void ui_element_set_speak(UiElement *el, const char *speak);

/* What is said when the element is touched. */
const char *ui_element_spoken(const UiElement *el);

/* True for elements a person can touch. */
bool ui_element_is_target(const UiElement *el);

#endif
