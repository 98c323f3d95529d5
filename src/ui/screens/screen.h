/* screen.h: what every screen's build function gets, and the parts they share.
 *
 * A screen is one small file: a build function that reads the flow and
 * appends elements for the area it is given. Sizes come from the screen's
 * size and the smallest touch target (`unit`), never from fixed pixels. */
#ifndef SAYSO_UI_SCREEN_H
#define SAYSO_UI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "flow/flow.h"
#include "ui/elements.h"
#include "ui/layout.h"
#include "ui/strings.h"
#include "ui/draw.h"
#include "ui/text.h"
#include "ui/ui.h"

typedef struct YouSaidCache YouSaidCache; /* the "You said, we did" card's sizes (yousaid_card.h) */

typedef struct {
    const Flow *flow;
    const Survey *survey;
    int language;
    const char *language_code; /* "en", "ur" */
    const UiWords *words;      /* the kiosk's own words; NULL: English */
    const UiRecording *recording; /* spoken answers: the recorder's state; may be NULL */
    const struct KeyboardState *keyboard; /* typed answers: capitals and numbers; may be NULL */
    const struct KeyboardSet *keyboards;  /* the languages' keyboards from data files; may be NULL */
    UiElements *els;
    TextRenderer *text; /* to measure words (never to draw) */
    UiRect screen;     /* the whole window */
    int unit;          /* smallest touch target, px (2 cm) */
    UiMetrics metrics; /* unit and the writing size, for measuring text */
    int volume_step;   /* 1 to 3: the sound as the person set it (the volume button shows it) */
    int gap;           /* space between things */
    bool portrait;
    const char *const *symbol_dirs; /* packs first, then ours; NULL-ended */
    char *prompt;      /* what the speaker button says */
    size_t prompt_size;
    char *prompt_audio; /* or the recording it plays instead ("" = none), UI_PATH_SIZE */
    char *notice;      /* why the question did not move on ("" = nothing), UI_TEXT_SIZE */
    char *value_spoken; /* the answer as said after a change (a date picked), UI_TEXT_SIZE */
    const struct Staff *staff; /* the staff side: set only for the staff screens, else NULL */
    UiRect bar_end;    /* screen_frame: the top bar's end slot when Stop is not in it */
    int page;          /* the part of a screen too full for one that shows (0 first) */
    int pages;         /* set by a screen that splits its content into parts (1: it did not) */
    int notice_page;   /* set by such a screen: the part showing the notice's question (-1: none) */
    YouSaidCache *yousaid_cache; /* the card's sizes kept between builds; may be NULL */
    int answers_least_h; /* set before the heading: the least the answers need under it (a keyboard); */
                         /* the heading's words are made smaller, never under their floor, to leave it */
    int grown;         /* how much taller the writing size made what sits above the answers: */
                       /* their area at the normal size is this much taller (symbols keep that size) */
} UiBuild;

/* The common frame: a top bar (listen, progress, stop) and a bottom bar
 * (back, skip, next), each only where `controls` asks for it. Returns the
 * area left for the screen's own content. */
enum {
    FRAME_LISTEN = 1 << 0,
    FRAME_STOP = 1 << 1,
    FRAME_BACK = 1 << 2,
    FRAME_SKIP = 1 << 3,
    FRAME_NEXT = 1 << 4,
    FRAME_PROGRESS = 1 << 5,
    FRAME_FINISH = 1 << 6, /* next reads "Finish" */
    FRAME_SKIP_TOPIC = 1 << 7, /* skip reads "Skip this one" */
};
UiRect screen_frame(UiBuild *b, unsigned controls);

/* One of the kiosk's own words in the person's language. */
const char *screen_word(const UiBuild *b, UiString id);

/* A survey text in the person's language. */
const char *screen_text(const UiBuild *b, const SurveyText *text);

/* The same with each ${name} in it replaced by that answer as the person
 * reads it (flow_fill_text, months in the person's language). */
void screen_fill(const UiBuild *b, const SurveyText *text, char *out, size_t size);

/* Resolves a survey image (file name) or a built-in symbol (name without
 * .svg) into a path; "" when there is none. */
void screen_survey_symbol(const UiBuild *b, const char *image, char out[UI_PATH_SIZE]);
void screen_builtin_symbol(const UiBuild *b, const char *name, char out[UI_PATH_SIZE]);

/* True for a photo (PNG or JPEG) of the survey's own folder: it is cropped
 * to fill its place. Symbols, also from packs, are never cropped. */
bool screen_is_survey_photo(const UiBuild *b, const char *path);

/* The recorded prompt of a survey row (its audio column) in the person's
 * language, as a path in the survey's folder; "" when there is none. */
void screen_recorded_prompt(const UiBuild *b, const SurveyText *audio, char out[UI_PATH_SIZE]);

/* Sets the prompt (printf-style). */
void screen_set_prompt(UiBuild *b, const char *fmt, ...);

/* Adds a heading (bold) or body text. */
UiElement *screen_heading(UiBuild *b, UiRect r, const char *text);
UiElement *screen_body(UiBuild *b, UiRect r, const char *text);

/* Takes a title line off the top of `area`: a built-in symbol and a heading. */
void screen_title(UiBuild *b, UiRect *area, const char *symbol, const char *text);

/* Adds a button with a built-in symbol (may be NULL) and a label. */
UiElement *screen_button(UiBuild *b, const char *id, UiRect r, const char *symbol, const char *label,
                         unsigned flags);

/* A question in a group: the group's label as a section title, off the
 * top of `area` (nothing when no group of it has a label). Returns how much
 * taller the writing size made it than at the normal size. */
int screen_section_title(UiBuild *b, const SurveyQuestion *q, UiRect *area);

/* Several questions of a field-list group on one screen. */
void screen_question_page(UiBuild *b);

/* Why the question did not move on, as the form or the kiosk says it,
 * into b->notice. */
void screen_notice_text(UiBuild *b, const SurveyQuestion *q, FlowNotice notice);
/* The notice's line (b->notice, in the warning colour) `w` wide: its
 * height (its words grown with the writing, at least two thirds of a
 * target), and the line itself in `r`. */
int screen_notice_h(const UiBuild *b, int w);
void screen_notice_line(UiBuild *b, UiRect r);

/* Adds the question's heading block: its symbol, its text and its hint.
 * Returns nothing; `area` shrinks by what it used. */
void screen_question_heading(UiBuild *b, const SurveyQuestion *q, UiRect *area);

/* The height of one line of the screen's language at `px`: taller for
 * scripts such as Nastaliq. */
int screen_line_h(const UiBuild *b, int px, bool bold);

/* The smallest height of a button whose words, at the writing size, are
 * on one line: a target, or more for tall scripts and large writing. */
int screen_button_h(const UiBuild *b);

/* The height `text` needs wrapped in `w` at `px` (px as drawn). */
int screen_words_height(const UiBuild *b, const char *text, int w, int px, bool bold);
/* The same for words shown UI_TIGHT: on one line, its letters' height. */
int screen_letters_height(const UiBuild *b, const char *text, int w, int px, bool bold);

/* The size `text` fits `box` at, between `max_px` and `min_px`, at the
 * normal writing size: a size to keep, times the writing size. */
int screen_normal_px(const UiBuild *b, const char *text, UiRect box, int max_px, int min_px, bool bold);

/* The size `text` keeps in `box` (a box that keeps its size at every
 * writing size, such as a button's): the one it fits at, at the normal
 * writing size, or smaller, so that grown to the largest it still fits. */
int screen_lasting_px(const UiBuild *b, const char *text, UiRect box, int max_px, bool bold);

/* A text `w` wide that fits a box `normal_h` high at the normal writing
 * size (between `max_px` and a quarter target): that size in *px (for the
 * element's text_min_px and text_max_px: it then grows with the writing
 * size), and the height it needs at the person's, never under normal_h. */
int screen_grown_text(const UiBuild *b, const char *text, int w, int normal_h, int max_px, bool bold, int *px);

/* A column of a screen, top to bottom: texts and fixed parts (a picture,
 * a button). screen_parts gives each its height: a text what its words
 * need at the writing size, at the size they fit in their share of the
 * area at the normal writing size (smaller if at the largest they would
 * not leave the fixed parts room), grown (px: for the element's
 * text_min_px and text_max_px); a fixed part its share of what the texts
 * leave at the largest writing size (never under min_h), the same at every
 * writing size, so pictures and buttons never shrink. screen_part_rect
 * takes part i's place off `area` in turn, the whole centred. */
typedef struct {
    const char *text;  /* NULL: a fixed part */
    int share;         /* per cent of the area's height */
    int max_px;        /* a text's largest size */
    bool bold;
    int min_h;         /* a fixed part's smallest height; SCREEN_PART_BUTTON: a button's */
    int px, h;         /* out */
} ScreenPart;
enum { SCREEN_PART_BUTTON = -1 }; /* screen_button_h at the largest writing size */
void screen_parts(const UiBuild *b, UiRect area, ScreenPart *parts, int n);
UiRect screen_part_rect(const UiBuild *b, UiRect *area, const ScreenPart *parts, int n, int i);
/* Whether the parts fit `area` at the largest writing size, the texts at
 * their smallest (else the screen needs parts of its own). */
bool screen_parts_fit(const UiBuild *b, UiRect area, const ScreenPart *parts, int n);

/* Gives the elements of `kind` added since index `from` one text size: the
 * largest at which every one of them fits, so a grid reads evenly. */
void screen_even_text(UiBuild *b, int from, UiKind kind);
/* The same for those of them `which` picks. */
void screen_even_text_of(UiBuild *b, int from, UiKind kind, bool (*which)(const UiElement *el));

/* Adds one choice of a list as an element of `kind` (id = its name). */
UiElement *screen_choice(UiBuild *b, const SurveyChoice *choice, UiRect r, UiKind kind, bool chosen);

/* Lays choices of a list out as tiles in `area` (a grid). */
void screen_choice_tiles(UiBuild *b, const SurveyQuestion *q, UiRect area);

/* The choices of `q` a person sees now (choice_filter; or_other's
 * "Other" last, as index n_choices) into `shown` (n_choices + 1 long);
 * returns how many. */
int screen_shown_choices(const UiBuild *b, const SurveyQuestion *q, int *shown);

/* or_other's "Other" as an element of `kind` (id "other"). */
UiElement *screen_other_choice(UiBuild *b, const SurveyQuestion *q, UiRect r, UiKind kind);

/* When what a screen holds does not fit at the person's writing size, it
 * shows in parts, never smaller: `per_page` items of `n` a part. Sets
 * b->pages and returns the first item of the part showing (b->page,
 * clamped). */
int screen_paging(UiBuild *b, int n, int per_page);

/* The height of the strip screen_pager needs. */
int screen_pager_height(const UiBuild *b);

/* The controls between parts, in `strip` (when b->pages > 1): "The ones
 * before" (id page_back), "2 of 3" and "More" (id page_next). */
void screen_pager(UiBuild *b, UiRect strip);

/* A grid of `n` symbol tiles labelled `labels` in `area` (screen_grid.c):
 * its symbols keep the size the grid of all n has at the normal writing
 * size, its words that grid's even size times the writing size; as many
 * tiles a part as then fit, with the pager below when there is more than
 * one part. Fills cells[0 .. count) with the cells of tiles first ..
 * first + count. symbol_px and text_px are for each tile's symbol_px and
 * text_min_px / text_max_px; beside: one wide tile a part whose words only
 * fit beside its symbol (UI_BESIDE), never under a smaller one. */
typedef struct {
    int first, count;
    int symbol_px, text_px;
    bool beside;
} ScreenGrid;
ScreenGrid screen_grid(UiBuild *b, UiRect area, const char *const *labels, int n, UiRect *cells);
/* The symbol and words' sizes a tile of `cell` has at the normal writing
 * size, for whichever of the `n` labels it shows. */
ScreenGrid screen_tile_sizes(const UiBuild *b, UiRect cell, const char *const *labels, int n);

/* A confirmation: a symbol, a question (written large and said) and two
 * buttons, the first on the start side. */
typedef struct {
    const char *symbol;
    const char *question;
    struct {
        const char *id, *symbol, *label;
        unsigned flags;
    } buttons[2];
} ScreenConfirm;
void screen_confirm(UiBuild *b, const ScreenConfirm *confirm);

/* One build function per screen. */
void screen_welcome(UiBuild *b);
void screen_language(UiBuild *b);
void screen_consent(UiBuild *b);
void screen_question(UiBuild *b);
void screen_question_ladder(UiBuild *b, const SurveyQuestion *q, UiRect area);
void screen_question_scale(UiBuild *b, const SurveyQuestion *q, UiRect area);
void screen_question_mat(UiBuild *b, const SurveyQuestion *q, UiRect area);
void screen_question_audio(UiBuild *b, const SurveyQuestion *q, UiRect area);
void screen_question_text(UiBuild *b, const SurveyQuestion *q, UiRect area);
/* What has been typed ("_" before anything), in a box over the keyboard,
 * screen_typed_box_h high (a line of the person's writing); the keyboard's
 * keys with words grown with the writing. */
int screen_typed_box_h(const UiBuild *b);
void screen_typed_box(UiBuild *b, UiRect box, const char *typed);
void screen_keyboard(UiBuild *b, UiRect area);
/* The least height a typed answer needs `width` px wide: its line and the
 * keyboard's keys whole at 2 cm, at every writing size. */
int screen_typing_least_h(const UiBuild *b, int width);
void screen_question_number(UiBuild *b, const SurveyQuestion *q, UiRect area);
void screen_question_date(UiBuild *b, const SurveyQuestion *q, UiRect area);
void screen_question_other(UiBuild *b, const SurveyQuestion *q, UiRect area);
void screen_review(UiBuild *b);
void screen_thanks(UiBuild *b);
void screen_still_there(UiBuild *b);
void screen_stop_confirm(UiBuild *b);
void screen_mat_left(UiBuild *b);

/* The staff screens (English: staff-facing), drawn while b->staff is open. */
void screen_staff_pin(UiBuild *b);
void screen_staff_menu(UiBuild *b);
void screen_staff_group_label(UiBuild *b);
void screen_group_view(UiBuild *b);
void screen_staff_exit_confirm(UiBuild *b);
/* The staff side's last outcome, in `r` (a problem in the warning colour). */
void screen_staff_message(UiBuild *b, UiRect r);

#endif
