/* strings.h: the kiosk's own words (buttons, consent, review, thanks).
 *
 * Kept in one table so that each can be translated; a survey's own words
 * come from its CSV files instead. */
#ifndef SAYSO_UI_STRINGS_H
#define SAYSO_UI_STRINGS_H

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
    STR_SAVE_PROBLEM,   /* "Not saved yet: %s" */
    STR_CONTRAST,       /* the colours button, spoken */
    STR_TEXT_SIZE,      /* the writing-size button, spoken */
    STR_COUNT
} UiString;

/* The kiosk's words for `id` (English for now). */
const char *ui_string(UiString id);

#endif
