/* strings.c: the kiosk's own words in every language; see strings.h.
 *
 * The English table is built in, so the kiosk works without words.csv.
 * The file is read (csv_file.c, libcsv) into one array of strings per
 * language column; rows are matched to the enum by name. */
#include "ui/strings.h"

#include "csvfile/csv_file.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORDS_MAX_LANGUAGES 16

static const char *const names[STR_COUNT] = {
    [STR_WELCOME_TITLE] = "welcome_title", [STR_WELCOME_BODY] = "welcome_body", [STR_START] = "start",
    [STR_WELCOME_PROMPT] = "welcome_prompt", [STR_LANGUAGE_TITLE] = "language_title",
    [STR_CONSENT_TITLE] = "consent_title", [STR_CONSENT_ANONYMOUS] = "consent_anonymous",
    [STR_CONSENT_STOP] = "consent_stop", [STR_CONSENT_QUESTION] = "consent_question",
    [STR_YES_START] = "yes_start", [STR_NO_START] = "no_start", [STR_LISTEN] = "listen",
    [STR_LISTEN_SPOKEN] = "listen_spoken", [STR_STOP] = "stop", [STR_STOP_SPOKEN] = "stop_spoken",
    [STR_BACK] = "back", [STR_NEXT] = "next", [STR_SKIP] = "skip", [STR_SKIP_TOPIC] = "skip_topic",
    [STR_FINISH] = "finish", [STR_PROGRESS] = "progress", [STR_MAT_ALL_DONE] = "mat_all_done",
    [STR_MAT_SKIPPED] = "mat_skipped", [STR_MAT_PLACE_HINT] = "mat_place_hint",
    [STR_REVIEW_TITLE] = "review_title", [STR_REVIEW_PROMPT] = "review_prompt",
    [STR_REVIEW_SKIPPED] = "review_skipped", [STR_REVIEW_CHANGE] = "review_change",
    [STR_THANKS_TITLE] = "thanks_title", [STR_THANKS_BODY] = "thanks_body", [STR_THANKS_DONE] = "thanks_done",
    [STR_STILL_THERE_TITLE] = "still_there_title", [STR_STILL_THERE_YES] = "still_there_yes",
    [STR_STILL_THERE_NO] = "still_there_no", [STR_STILL_THERE_PROMPT] = "still_there_prompt",
    [STR_SAVE_PROBLEM] = "save_problem", [STR_CONTRAST] = "contrast", [STR_TEXT_SIZE] = "text_size",
    [STR_VOLUME_QUIET] = "volume_quiet", [STR_VOLUME_NORMAL] = "volume_normal", [STR_VOLUME_LOUD] = "volume_loud",
    [STR_RECORD] = "record", [STR_RECORD_AGAIN] = "record_again", [STR_STOP_RECORDING] = "stop_recording",
    [STR_PLAY] = "play", [STR_STOP_PLAYING] = "stop_playing", [STR_KEEP] = "keep", [STR_KEPT] = "kept",
    [STR_NO_MICROPHONE] = "no_microphone", [STR_RECORD_TIME] = "record_time",
    [STR_OWN_WORDS] = "own_words", [STR_BACK_TO_PICTURES] = "back_to_pictures",
    [STR_YOU_SAID] = "you_said", [STR_WE_DID] = "we_did",
    [STR_MAT_LEFT] = "mat_left",
    [STR_MAT_LEFT_ONE] = "mat_left_one",
    [STR_MAT_LEFT_PLACE] = "mat_left_place",
    [STR_MAT_LEFT_NEXT] = "mat_left_next",
    [STR_COUNT_OF] = "count_of",
    [STR_REVIEW_NOT_PLACED] = "review_not_placed",
    [STR_PAGE_NEXT] = "page_next",
    [STR_PAGE_BACK] = "page_back",
    [STR_STILL_THERE_COUNTDOWN] = "still_there_countdown",
    [STR_STOP_CONFIRM] = "stop_confirm",
    [STR_STOP_CONFIRM_YES] = "stop_confirm_yes",
    [STR_STOP_CONFIRM_NO] = "stop_confirm_no",
    [STR_PAUSED_TITLE] = "paused_title", [STR_PAUSED_BODY] = "paused_body",
    [STR_KEY_SPACE] = "key_space",
    [STR_KEY_CAPITALS] = "key_capitals",
    [STR_KEY_CAPITAL] = "key_capital",
    [STR_KEY_NUMBERS] = "key_numbers",
    [STR_KEY_LETTERS] = "key_letters",
    [STR_KEY_MORE_LETTERS] = "key_more_letters",
    [STR_KEY_NEXT_LETTERS] = "key_next_letters",
    [STR_KEY_FULL_STOP] = "key_full_stop",
    [STR_KEY_COMMA] = "key_comma",
    [STR_KEY_QUESTION] = "key_question",
    [STR_KEY_EXCLAMATION] = "key_exclamation",
    [STR_KEY_APOSTROPHE] = "key_apostrophe",
    [STR_KEY_DASH] = "key_dash",
    [STR_NOTICE_REQUIRED] = "notice_required",
    [STR_NOTICE_CONSTRAINT] = "notice_constraint",
    [STR_NOTICE_NOT_NUMBER] = "notice_not_number",
    [STR_OTHER] = "other",
    [STR_SAY_IT] = "say_it",
    [STR_OK] = "ok",
    [STR_DAY] = "day",
    [STR_MONTH] = "month",
    [STR_YEAR] = "year",
    [STR_DAY_UP] = "day_up",
    [STR_DAY_DOWN] = "day_down",
    [STR_MONTH_UP] = "month_up",
    [STR_MONTH_DOWN] = "month_down",
    [STR_YEAR_UP] = "year_up",
    [STR_YEAR_DOWN] = "year_down",
    [STR_TODAY] = "today",
    [STR_MINUS] = "minus",
    [STR_POINT] = "point",
    [STR_DELETE] = "delete",
    [STR_MONTH_1] = "month_1",
    [STR_MONTH_2] = "month_2",
    [STR_MONTH_3] = "month_3",
    [STR_MONTH_4] = "month_4",
    [STR_MONTH_5] = "month_5",
    [STR_MONTH_6] = "month_6",
    [STR_MONTH_7] = "month_7",
    [STR_MONTH_8] = "month_8",
    [STR_MONTH_9] = "month_9",
    [STR_MONTH_10] = "month_10",
    [STR_MONTH_11] = "month_11",
    [STR_MONTH_12] = "month_12",
};

static const char *const english[STR_COUNT] = {
    [STR_WELCOME_TITLE] = "Have your say",
    [STR_WELCOME_BODY] = "Tell us what you think about services. It takes a few minutes. You can use pictures.",
    [STR_START] = "Start",
    [STR_WELCOME_PROMPT] = "Welcome. Have your say about services. Touch Start to begin.",
    [STR_LANGUAGE_TITLE] = "Choose your language",
    [STR_CONSENT_TITLE] = "Before you start",
    [STR_CONSENT_ANONYMOUS] = "Your answers are anonymous. We do not ask your name.",
    [STR_CONSENT_STOP] = "You can stop at any time.",
    [STR_CONSENT_QUESTION] = "Do you want to start?",
    [STR_YES_START] = "Yes",
    [STR_NO_START] = "No",
    [STR_LISTEN] = "Listen",
    [STR_LISTEN_SPOKEN] = "Listen again",
    [STR_STOP] = "Stop",
    [STR_STOP_SPOKEN] = "Stop. Your answers so far are kept.",
    [STR_BACK] = "Back",
    [STR_NEXT] = "Next",
    [STR_SKIP] = "I don't want to answer",
    [STR_SKIP_TOPIC] = "Skip this one",
    [STR_FINISH] = "Finish",
    [STR_PROGRESS] = "Question %d of %d",
    [STR_MAT_ALL_DONE] = "All done. Touch Next.",
    [STR_MAT_SKIPPED] = "Skipped",
    [STR_MAT_PLACE_HINT] = "Where does %s go?",
    [STR_REVIEW_TITLE] = "Here is what you said",
    [STR_REVIEW_PROMPT] = "Here is what you said. Touch an answer to change it. Touch Finish when you are done.",
    [STR_REVIEW_SKIPPED] = "Skipped",
    [STR_REVIEW_CHANGE] = "Change",
    [STR_THANKS_TITLE] = "Thank you",
    [STR_THANKS_BODY] = "Your answers are saved. The forum will use them to change services.",
    [STR_THANKS_DONE] = "Done",
    [STR_STILL_THERE_TITLE] = "Are you still there?",
    [STR_STILL_THERE_YES] = "Yes, I am here",
    [STR_STILL_THERE_NO] = "No, I have finished",
    [STR_STILL_THERE_PROMPT] = "Are you still there? Touch yes to carry on.",
    [STR_SAVE_PROBLEM] = "Some answers are not saved yet. We keep trying.",
    [STR_CONTRAST] = "Change the colours",
    [STR_TEXT_SIZE] = "Change the size of the writing",
    [STR_VOLUME_QUIET] = "The sound is quiet",
    [STR_VOLUME_NORMAL] = "The sound is normal",
    [STR_VOLUME_LOUD] = "The sound is loud",
    [STR_RECORD] = "Record",
    [STR_RECORD_AGAIN] = "Record again",
    [STR_STOP_RECORDING] = "Stop recording",
    [STR_PLAY] = "Play it back",
    [STR_STOP_PLAYING] = "Stop playing",
    [STR_KEEP] = "Keep it",
    [STR_KEPT] = "Your answer is kept. Touch Next.",
    [STR_NO_MICROPHONE] = "There is no microphone on this kiosk. Touch Next or I don't want to answer.",
    [STR_RECORD_TIME] = "%d:%02d of %d:%02d",
    [STR_OWN_WORDS] = "Tell us in your own words",
    [STR_BACK_TO_PICTURES] = "Back to the pictures",
    [STR_YOU_SAID] = "You said",
    [STR_WE_DID] = "We did",
    [STR_MAT_LEFT] = "You have not placed %d services.",
    [STR_MAT_LEFT_ONE] = "You have not placed 1 service.",
    [STR_MAT_LEFT_PLACE] = "Place them",
    [STR_MAT_LEFT_NEXT] = "Go on without them",
    [STR_COUNT_OF] = "%d of %d",
    [STR_REVIEW_NOT_PLACED] = "Not placed",
    [STR_PAGE_NEXT] = "More",
    [STR_PAGE_BACK] = "The ones before",
    [STR_STILL_THERE_COUNTDOWN] = "Starting again in %d seconds.",
    [STR_STOP_CONFIRM] = "Do you want to stop? Your answers so far are kept.",
    [STR_STOP_CONFIRM_YES] = "Yes, stop",
    [STR_STOP_CONFIRM_NO] = "No, carry on",
    [STR_PAUSED_TITLE] = "Sorry, this kiosk is not taking answers right now.",
    [STR_PAUSED_BODY] = "Please come back later, or ask a member of staff.",
    [STR_KEY_SPACE] = "space",
    [STR_KEY_CAPITALS] = "capitals",
    [STR_KEY_CAPITAL] = "capital %s",
    [STR_KEY_NUMBERS] = "numbers",
    [STR_KEY_LETTERS] = "letters",
    [STR_KEY_MORE_LETTERS] = "more letters",
    [STR_KEY_NEXT_LETTERS] = "the next letters",
    [STR_KEY_FULL_STOP] = "full stop",
    [STR_KEY_COMMA] = "comma",
    [STR_KEY_QUESTION] = "question mark",
    [STR_KEY_EXCLAMATION] = "exclamation mark",
    [STR_KEY_APOSTROPHE] = "apostrophe",
    [STR_KEY_DASH] = "dash",
    [STR_NOTICE_REQUIRED] = "This question needs an answer.",
    [STR_NOTICE_CONSTRAINT] = "Please check this answer.",
    [STR_NOTICE_NOT_NUMBER] = "Please type a number.",
    [STR_OTHER] = "Other",
    [STR_SAY_IT] = "Say it",
    [STR_OK] = "OK",
    [STR_DAY] = "Day",
    [STR_MONTH] = "Month",
    [STR_YEAR] = "Year",
    [STR_DAY_UP] = "Next day",
    [STR_DAY_DOWN] = "Day before",
    [STR_MONTH_UP] = "Next month",
    [STR_MONTH_DOWN] = "Month before",
    [STR_YEAR_UP] = "Next year",
    [STR_YEAR_DOWN] = "Year before",
    [STR_TODAY] = "Today",
    [STR_MINUS] = "minus",
    [STR_POINT] = "point",
    [STR_DELETE] = "delete",
    [STR_MONTH_1] = "January",
    [STR_MONTH_2] = "February",
    [STR_MONTH_3] = "March",
    [STR_MONTH_4] = "April",
    [STR_MONTH_5] = "May",
    [STR_MONTH_6] = "June",
    [STR_MONTH_7] = "July",
    [STR_MONTH_8] = "August",
    [STR_MONTH_9] = "September",
    [STR_MONTH_10] = "October",
    [STR_MONTH_11] = "November",
    [STR_MONTH_12] = "December",
};

struct UiWords {
    char codes[WORDS_MAX_LANGUAGES][16];    /* per column after "name" */
    char *text[WORDS_MAX_LANGUAGES][STR_COUNT];
    int lines[STR_COUNT]; /* each word's line in the file (0: not there) */
    int n_languages;
};

const char *ui_string(UiString id)
{
    return id >= 0 && id < STR_COUNT && english[id] ? english[id] : "";
}

const char *ui_word(const UiWords *w, const char *language, UiString id)
{
    for (int l = 0; w && language && l < w->n_languages; l++)
        if (strcmp(w->codes[l], language) == 0 && w->text[l][id] && w->text[l][id][0])
            return w->text[l][id];
    return ui_string(id);
}

/* ---- reading words.csv ---- */

typedef struct {
    UiWords *words;
    bool header_done;
    const char *path;
    char *err;
    size_t err_size;
} WordsReader;

/* "label::Polski (pl)" -> "pl"; false when the header has no code. */
static bool header_code(const char *header, char code[16])
{
    const char *open = strrchr(header, '('), *close = strrchr(header, ')');
    if (strncmp(header, "label::", 7) != 0 || !open || !close || close <= open + 1 || close - open > 15)
        return false;
    snprintf(code, 16, "%.*s", (int)(close - open - 1), open + 1);
    return true;
}

static int read_header(WordsReader *r, char **fields, int n)
{
    r->header_done = true;
    if (n < 2 || strcmp(fields[0], "name") != 0) {
        snprintf(r->err, r->err_size, "%s:1: the first column must be \"name\"", r->path);
        return -1;
    }
    for (int i = 1; i < n && i <= WORDS_MAX_LANGUAGES && i < CSV_FILE_MAX_FIELDS; i++) {
        if (!header_code(fields[i], r->words->codes[i - 1])) {
            snprintf(r->err, r->err_size, "%s:1: column %d must be label::Language (code)", r->path, i + 1);
            return -1;
        }
        r->words->n_languages = i;
    }
    return 0;
}

/* The printf conversions of `s` in order, each whole ("%d%02d%s"), "%%"
 * left out; cut short (and so unequal to any real format's) when too many. */
static void placeholders(const char *s, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (; *s && n + 1 < size; s++) {
        if (*s != '%')
            continue;
        if (s[1] == '%') {
            s++;
            continue;
        }
        size_t spec = 1 + strspn(s + 1, "0123456789.-+ #'hlLqjzt*$");
        spec += s[spec] != '\0';
        if (n + spec + 1 >= size)
            break;
        memcpy(out + n, s, spec);
        n += spec;
        out[n] = '\0';
        s += spec - 1;
    }
}

/* The kiosk prints its own words with printf, so a translation must have
 * exactly the English word's placeholders, in order: anything else ("%s"
 * where a number goes, a "%n") would read or write memory it must not.
 * 0, or -1 naming the file, line, word and language. */
static int check_placeholders(WordsReader *r, int id, int language, const char *text, int line)
{
    char want[64], got[64];
    placeholders(english[id] ? english[id] : "", want, sizeof want);
    placeholders(text, got, sizeof got);
    if (strcmp(want, got) == 0)
        return 0;
    snprintf(r->err, r->err_size, "%s:%d: \"%s\" in (%s) must have the placeholders of the English, "
             "in the same order (%s), not %s", r->path, line, names[id], r->words->codes[language],
             want[0] ? want : "none", got[0] ? got : "none");
    return -1;
}

static int read_word(WordsReader *r, char **fields, int n, int line)
{
    int id = -1;
    for (int i = 0; i < STR_COUNT; i++)
        if (strcmp(names[i], fields[0]) == 0)
            id = i;
    if (id < 0) {
        snprintf(r->err, r->err_size, "%s:%d: unknown word \"%s\"", r->path, line, fields[0]);
        return -1;
    }
    r->words->lines[id] = line;
    for (int l = 0; l < r->words->n_languages && l + 1 < n; l++) {
        if (fields[l + 1][0] && check_placeholders(r, id, l, fields[l + 1], line) != 0)
            return -1;
        free(r->words->text[l][id]);
        r->words->text[l][id] = strdup(fields[l + 1]);
    }
    return 0;
}

static int on_row(void *ctx, char **fields, int n, int line)
{
    WordsReader *r = ctx;
    if (n == 0 || !fields[0])
        return 0;
    return r->header_done ? read_word(r, fields, n, line) : read_header(r, fields, n);
}

UiWords *ui_words_load(const char *path, char *err, size_t err_size)
{
    UiWords *words = calloc(1, sizeof *words);
    WordsReader r = {.words = words, .path = path, .err = err, .err_size = err_size};
    if (!words || csv_file_read(path, on_row, &r, err, err_size) != 0) {
        ui_words_free(words);
        return NULL;
    }
    return words;
}

int ui_words_report_missing(const UiWords *w, const char *path, const char *language, const char *name, FILE *out)
{
    int column = -1, missing = 0;
    if (strcmp(language, "en") == 0)
        return 0;  /* the kiosk's own */
    for (int l = 0; l < w->n_languages; l++)
        column = strcmp(w->codes[l], language) == 0 ? l : column;
    if (column < 0) {
        fprintf(out, "%s:1: warning: no column for %s (%s): the kiosk's own words (Next, Stop, ...) are said and shown in "
                "English\n", path, name, language);
        return STR_COUNT;
    }
    for (int i = 0; i < STR_COUNT; i++) {
        if (w->text[column][i] && w->text[column][i][0])
            continue;
        fprintf(out, "%s:%d: warning: \"%s\" has no %s (%s) words: the kiosk says \"%s\" in English\n", path,
                w->lines[i] ? w->lines[i] : 1, names[i], name, language, english[i] ? english[i] : "");
        missing++;
    }
    return missing;
}

void ui_words_free(UiWords *words)
{
    if (!words)
        return;
    for (int l = 0; l < WORDS_MAX_LANGUAGES; l++)
        for (int i = 0; i < STR_COUNT; i++)
            free(words->text[l][i]);
    free(words);
}
