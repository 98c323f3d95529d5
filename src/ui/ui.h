/* ui.h: the kiosk's screen: a window, its layout and its drawing.
 *
 * The UI owns the SDL window and renderer, the text and symbol caches, and
 * the element list of the screen showing. ui_build lays the flow's current
 * screen out into elements (only when something changed); ui_draw draws
 * them. Input is turned into element ids by ui/input.c; the flow decides
 * what they mean. */
#ifndef SAYSO_UI_H
#define SAYSO_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "flow/flow.h"
#include "symbols/lexicon.h"
#include "ui/elements.h"
#include "ui/strings.h"

typedef struct Ui Ui;

/* What a spoken-answer question shows, from the recorder (app/spoken.c). */
typedef struct {
    bool microphone;   /* false: there is none; the question says so */
    bool recording;
    bool has_take;     /* a recording waiting to be kept or recorded again */
    bool kept;         /* a recording is the answer */
    bool playing;
    float level;       /* 0..1, while recording */
    int elapsed_ms;    /* of the take, or of the kept recording */
    int max_ms;
    bool panel_open;   /* a question with spoken_answer shows the recorder, not its pictures */
} UiRecording;

typedef struct {
    int width, height;      /* 0, 0: the display's size */
    bool headless;          /* drawn off screen (SDL's dummy video driver) */
    bool windowed;          /* a window of width x height instead of full screen */
    const char *const *symbol_dirs; /* symbol folders, packs first, NULL-ended (borrowed) */
    const Lexicon *lexicon; /* symbol-supported text; NULL: none (borrowed) */
    const UiWords *words;   /* the kiosk's own words translated; NULL: English (borrowed) */
    const char *cache_dir;  /* rasterised pictures kept between runs; NULL: none */
    struct FontSearch *font_search; /* ui_font_search_start's (taken); NULL: search in ui_open */
    int rotation;           /* the screen is mounted turned this far clockwise: 0, 90, 180 or 270 */
    const struct KeyboardSet *keyboards; /* the languages' keyboards; NULL: Latin only (borrowed) */
} UiOptions;

/* Starts looking for the fonts (fontconfig, some 10 ms) on a thread of its
 * own, for UiOptions.font_search: started first thing, it runs while the
 * survey loads and the display opens. With `cache_dir` (may be NULL) the
 * last run's answers are used when fonts and fontconfig have not changed
 * since. NULL when no thread can start. */
struct FontSearch *ui_font_search_start(const char *cache_dir);

/* Waits for a search not given to ui_open and frees it; NULL is ignored. */
void ui_font_search_finish(struct FontSearch *search);

/* Opens the window and renderer (software, no vsync), and the font. Returns
 * NULL with a plain message in `err` when there is no display or no font;
 * the font search is always taken (and finished on failure). */
Ui *ui_open(const UiOptions *options, char *err, size_t err_size);
void ui_close(Ui *ui);

/* Lays out the flow's current screen into elements, and the prompt. */
void ui_build(Ui *ui, const Flow *flow);

/* Draws the elements laid out last, and shows them. */
void ui_draw(Ui *ui);

/* Shows the page colour alone: the least any frame costs on this window
 * (make bench's anchor for a frame). The next ui_draw draws it all again. */
void ui_draw_blank(Ui *ui);

const UiElements *ui_elements(const Ui *ui);
/* How much of the screen the last ui_draw drew again, in percent: 100 for
 * a whole frame, less where only what changed was drawn (ui/damage.h). */
int ui_redrawn_percent(const Ui *ui);
/* What the speaker button says on this screen, and the recording it plays
 * instead when the survey has one ("" when not). */
const char *ui_prompt(const Ui *ui);
const char *ui_prompt_audio(const Ui *ui);
/* Why the question showing did not move on (a required answer, a
 * constraint), as shown and said; "" when there is nothing to say. */
const char *ui_notice(const Ui *ui);
/* The answer showing as it is said after a change (a date picked: "3
 * March 2026"); "" when there is nothing to say. */
const char *ui_value_spoken(const Ui *ui);
void ui_size(const Ui *ui, int *width, int *height);
/* The window's own size, and a point in its pixels turned into the
 * screen's upright pixels (those of ui_size and the elements) and back:
 * they differ on a screen mounted turned (UiOptions.rotation). */
void ui_window_size(const Ui *ui, int *width, int *height);
void ui_from_window(const Ui *ui, int wx, int wy, int *x, int *y);
void ui_to_window(const Ui *ui, int x, int y, int *wx, int *wy);
/* SDL's id of the kiosk's window. */
unsigned ui_window_id(const Ui *ui);
int ui_min_target(const Ui *ui);

/* Seeing: the high-contrast theme on or off, and the size of the writing
 * in three steps (1 to 3): each step makes every text larger and the
 * layout makes room for it. Both change what ui_build lays out next. */
void ui_set_seeing(Ui *ui, bool high_contrast, int text_step);
bool ui_high_contrast(const Ui *ui);
int ui_text_step(const Ui *ui);

/* Hearing: the sound in three steps (1 quiet, 2 normal, 3 loud) as the
 * volume button (id "volume") shows and says it; the app sets the speech's
 * level to match. Changes what ui_build lays out next. */
void ui_set_volume_step(Ui *ui, int step);
int ui_volume_step(const Ui *ui);

/* A screen whose content does not fit at the person's writing size shows
 * in parts ("2 of 3"), never smaller. ui_turn_page turns to the next or
 * the part before for the ids page_next and page_back (true when `id` was
 * one of them and the part changed); the next ui_build lays that part out.
 * A new screen starts at its first part (ui_set_page 0). */
bool ui_turn_page(Ui *ui, const char *id);
void ui_set_page(Ui *ui, int page);
int ui_page(const Ui *ui);
int ui_pages(const Ui *ui);
/* The part of the screen laid out last that shows its notice's question
 * (a field-list page in parts); -1 when there is no notice or no parts. */
int ui_notice_page(const Ui *ui);

/* The recorder's state, for spoken-answer questions (borrowed). */
void ui_set_recording(Ui *ui, const UiRecording *recording);

/* The on-screen keyboard's page (capitals, numbers), for typed answers (borrowed). */
struct KeyboardState;
void ui_set_keyboard(Ui *ui, const struct KeyboardState *keyboard);

/* The staff side (borrowed): while it is open, ui_build lays out its
 * screen (PIN pad, menu, group name, group view) instead of the flow's. */
struct Staff;
void ui_set_staff(Ui *ui, const struct Staff *staff);

/* Keyboard and switch focus: the target `id`, or (id NULL) a rectangle such
 * as a whole row being scanned; both empty: no focus. Drawn as a thick
 * ring in the theme's focus colour. */
void ui_set_focus(Ui *ui, const char *id, UiRect ring);
const char *ui_focus(const Ui *ui);
bool ui_has_focus(const Ui *ui);

/* True when the screen reads right to left (Urdu, Arabic). */
bool ui_is_rtl(const Ui *ui);

/* The window changed size: take the new size and drop cached textures. */
void ui_resized(Ui *ui);

/* A topic being dragged: drawn under the finger at (x, y); id NULL ends it. */
void ui_set_drag(Ui *ui, const char *id, int x, int y);

/* Saves what is on screen as a PNG. 0, or -1 with a message in `err`. */
int ui_save_png(Ui *ui, const char *path, char *err, size_t err_size);

/* Fits every element's text into its box at the sizes the screen would use;
 * returns how many do not fit (for layout tests), naming the first in `first`. */
int ui_check_text(Ui *ui, char *first, size_t first_size);

/* For layout tests: each element as drawn now. `key` names it across
 * writing sizes: its id, else its words, else its symbol's file. */
typedef struct {
    char key[UI_PATH_SIZE];
    UiKind kind;
    bool has_text;   /* it has words to show */
    int text_px;     /* the size its words are drawn at; 0: not drawn (no room) */
    bool text_fits;  /* the words fit their box at text_px */
    int symbol_px;   /* its symbol's side as drawn; 0: none */
    bool pager;      /* between parts: there only when the writing needs parts */
} UiMeasure;
/* Fills `out` with up to `max` elements; returns how many there are. */
int ui_measure(Ui *ui, UiMeasure *out, int max);
/* The smallest size any text is drawn at, at the writing size set now. */
int ui_reading_px(const Ui *ui);

/* For tests: fits the symbol-supported texts on screen as they would be
 * drawn; returns how many fall back to plain text for want of room, and
 * adds to *symbols the symbols shown above words. */
int ui_check_symbol_text(Ui *ui, int *symbols);

#endif
