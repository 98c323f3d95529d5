/* strings.h: the kiosk's own words (buttons, consent, review, thanks), in
 * every language of the kiosk.
 *
 * English is built in; assets/words.csv (columns name, label::English (en),
 * label::Polski (pl), ...) brings the translations, one row per word, named
 * as the enum below in lower case without STR_. A word missing in a language
 * falls back to English. A survey's own words come from its CSV files. */
#ifndef SAYSO_UI_STRINGS_H
#define SAYSO_UI_STRINGS_H

#include <stddef.h>
#include <stdio.h>

typedef enum {
    STR_WELCOME_TITLE,
    STR_WELCOME_BODY,
    STR_START,
    STR_WELCOME_PROMPT,
    STR_LANGUAGE_TITLE,
    STR_CONSENT_TITLE,
    STR_CONSENT_ANONYMOUS,
    STR_CONSENT_STOP,
    STR_CONSENT_QUESTION,
    STR_YES_START,
    STR_NO_START,
    STR_LISTEN,
    STR_LISTEN_SPOKEN,
    STR_STOP,
    STR_STOP_SPOKEN,
    STR_BACK,
    STR_NEXT,
    STR_SKIP,
    STR_SKIP_TOPIC,
    STR_FINISH,
    STR_PROGRESS,       /* "Question %d of %d" */
    STR_MAT_ALL_DONE,
    STR_MAT_SKIPPED,
    STR_MAT_PLACE_HINT, /* "Where does %s go?" */
    STR_REVIEW_TITLE,
    STR_REVIEW_PROMPT,
    STR_REVIEW_SKIPPED,
    STR_REVIEW_CHANGE,
    STR_THANKS_TITLE,
    STR_THANKS_BODY,
    STR_THANKS_DONE,
    STR_STILL_THERE_TITLE,
    STR_STILL_THERE_YES,
    STR_STILL_THERE_NO,
    STR_STILL_THERE_PROMPT,
    STR_SAVE_PROBLEM,   /* plain words: the store's own (with paths) are for staff */
    STR_CONTRAST,       /* the colours button, spoken */
    STR_TEXT_SIZE,      /* the writing-size button, spoken */
    STR_VOLUME_QUIET,   /* the volume button, spoken: the sound as it is now, 1 of 3 */
    STR_VOLUME_NORMAL,
    STR_VOLUME_LOUD,
    STR_RECORD,
    STR_RECORD_AGAIN,
    STR_STOP_RECORDING,
    STR_PLAY,
    STR_STOP_PLAYING,
    STR_KEEP,
    STR_KEPT,
    STR_NO_MICROPHONE,
    STR_RECORD_TIME,    /* "%d:%02d of %d:%02d" */
    STR_OWN_WORDS,
    STR_BACK_TO_PICTURES,
    STR_YOU_SAID,       /* "You said, we did": what people said ... */
    STR_WE_DID,         /* ... and what was done about it */
    STR_STOP_CONFIRM,  /* "Do you want to stop?" */
    STR_STOP_CONFIRM_YES,
    STR_STOP_CONFIRM_NO,
    STR_STILL_THERE_COUNTDOWN, /* "Starting again in %d seconds" */
    STR_NOTICE_REQUIRED,   /* Next or skip on a required question left empty */
    STR_NOTICE_CONSTRAINT,
    STR_NOTICE_NOT_NUMBER,
    STR_OTHER,             /* or_other's choice */
    STR_SAY_IT,
    STR_OK,                /* an acknowledge question's one answer */
    STR_DAY,               /* the date picker */
    STR_MONTH,
    STR_YEAR,
    STR_DAY_UP,
    STR_DAY_DOWN,
    STR_MONTH_UP,
    STR_MONTH_DOWN,
    STR_YEAR_UP,
    STR_YEAR_DOWN,
    STR_TODAY,
    STR_MINUS,             /* the number pad's keys, spoken */
    STR_POINT,
    STR_DELETE,
    STR_MONTH_1,           /* January ... December, in dates */
    STR_MONTH_2,
    STR_MONTH_3,
    STR_MONTH_4,
    STR_MONTH_5,
    STR_MONTH_6,
    STR_MONTH_7,
    STR_MONTH_8,
    STR_MONTH_9,
    STR_MONTH_10,
    STR_MONTH_11,
    STR_MONTH_12,
    STR_MAT_LEFT,      /* "You have not placed %d services." */
    STR_MAT_LEFT_ONE,  /* the same for one */
    STR_MAT_LEFT_PLACE,
    STR_MAT_LEFT_NEXT,
    STR_COUNT_OF,      /* "3 of 12" */
    STR_REVIEW_NOT_PLACED,
    STR_PAGE_NEXT,     /* more of a screen that did not fit */
    STR_PAGE_BACK,     /* the part before */
    STR_PAUSED_TITLE,   /* the welcome screen while not taking answers (a full disk) */
    STR_PAUSED_BODY,
    STR_KEY_SPACE,          /* the on-screen keyboard's controls and marks, said and shown */
    STR_KEY_CAPITALS,
    STR_KEY_CAPITAL,
    STR_KEY_NUMBERS,
    STR_KEY_LETTERS,
    STR_KEY_MORE_LETTERS,
    STR_KEY_NEXT_LETTERS,
    STR_KEY_FULL_STOP,
    STR_KEY_COMMA,
    STR_KEY_QUESTION,
    STR_KEY_EXCLAMATION,
    STR_KEY_APOSTROPHE,
    STR_KEY_DASH,
    STR_COUNT
} UiString;

typedef struct UiWords UiWords;

/* Loads the translations. Returns NULL with "FILE:LINE: message" in `err`
 * when the file is broken (a missing file is a plain message too: the
 * kiosk then speaks English only). */
UiWords *ui_words_load(const char *path, char *err, size_t err_size);
void ui_words_free(UiWords *words);

/* Writes to `out` a "PATH:LINE: warning: ..." line for every kiosk word
 * `words` (read from `path`) has no words for in `language` (a code such
 * as "bn"; `name` its name, "বাংলা"): the kiosk would say it in English.
 * Returns how many ("en" has them all). */
int ui_words_report_missing(const UiWords *words, const char *path, const char *language, const char *name,
                            FILE *out);

/* The word `id` in `language` (a code such as "ur"); English when there is
 * no translation. `words` may be NULL. */
const char *ui_word(const UiWords *words, const char *language, UiString id);

/* The built-in English word. */
const char *ui_string(UiString id);

#endif
