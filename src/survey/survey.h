/* survey.h: the survey model, loaded from an XLSForm: a folder of CSV
 * files or an .xlsx workbook.
 *
 * A survey is a folder with survey.csv, choices.csv and settings.csv (RFC
 * 4180, UTF-8, read with libcsv), or one .xlsx workbook with the sheets
 * survey, choices and settings (xlsx.c: libzip and libxml2), in the
 * folder or named itself. Columns use XLSForm's names and the variants
 * XLSForm tools write: type, name, label, label::Language (code) (also
 * label::language and label:Language), hint, image, audio (also
 * media::image), appearance, parameters, relevant, required,
 * required_message, constraint, constraint_message, calculation, default,
 * choice_filter; list_name (or "list name") and the columns choice_filter
 * reads in choices; form_title, form_id, version, default_language,
 * allow_choice_duplicates, symbol_text in settings. Every text can have
 * one value per language; a missing translation falls back to the
 * default language. An optional yousaid.csv (or yousaid sheet: said, did,
 * image, audio, said::Language (code), ...) holds the "You said, we did"
 * items.
 *
 * Expressions (relevant, required, constraint, calculation, default,
 * choice_filter) are parsed when the survey loads (src/expr) with their
 * ${name}s bound to question indices, so a mistake is found by `sayso
 * check`, not by a person at the kiosk.
 *
 * The model is immutable once loaded and owns all its strings. */
#ifndef SAYSO_SURVEY_H
#define SAYSO_SURVEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define SURVEY_MAX_LANGUAGES 16

/* The longest texts `sayso check` lets through, in characters: what the
 * layout shows whole on a full HD screen either way up (test_layout lays
 * out tests/surveys/longest_text, every text at its limit). */
#define SURVEY_MAX_QUESTION_CHARS 100
#define SURVEY_MAX_HINT_CHARS 100
#define SURVEY_MAX_CHOICE_CHARS 48
#define SURVEY_MAX_COLUMN_CHARS 24  /* a mat's columns: headings over narrow columns */
#define SURVEY_MAX_YOUSAID_CHARS 160
#define SURVEY_MAX_TITLE_CHARS 60

typedef enum {
    QUESTION_NOTE,
    QUESTION_SELECT_ONE,
    QUESTION_SELECT_MULTIPLE,
    QUESTION_AUDIO,       /* a spoken answer, recorded (XLSForm "audio") */
    QUESTION_TEXT,        /* a typed answer, on an on-screen keyboard (XLSForm "text") */
    QUESTION_INTEGER,     /* a whole number, on a number pad */
    QUESTION_DECIMAL,     /* a number, on a number pad */
    QUESTION_PHONE,       /* a phone number: digits (and +), on a number pad, kept as text */
    QUESTION_DATE,        /* a day, month and year, on a date picker */
    QUESTION_ACKNOWLEDGE, /* one "OK" to touch */
    QUESTION_CALCULATE,   /* a value worked out from other answers (calculate, hidden): no screen */
    QUESTION_META,        /* start, end, today, deviceid, instanceID: recorded, no screen */
} QuestionType;

/* What a QUESTION_META records. */
typedef enum {
    SURVEY_META_NONE,
    SURVEY_META_START,       /* when the session began (ISO 8601, UTC) */
    SURVEY_META_END,         /* when it ended */
    SURVEY_META_TODAY,       /* the day it began (YYYY-MM-DD) */
    SURVEY_META_DEVICEID,    /* the kiosk's id */
    SURVEY_META_INSTANCE_ID, /* "uuid:" and the session's id */
    SURVEY_META_EMPTY,       /* metadata a kiosk has none of (username, phonenumber, ...): recorded empty */
} SurveyMeta;

struct Expr; /* expr/expr.h */

typedef enum {
    APPEARANCE_GRID,   /* no appearance: a grid of symbol tiles */
    APPEARANCE_LADDER, /* select_one: rungs of a vertical ladder */
    APPEARANCE_SCALE,  /* select_one: 3 or 5 faces in a row */
    APPEARANCE_MAT,    /* select_one: topics placed under the choices (columns) */
} Appearance;

/* One text in every language of the survey; index with the language index.
 * A NULL entry means "not translated". */
typedef struct {
    char *by_language[SURVEY_MAX_LANGUAGES];
} SurveyText;

typedef struct {
    char *name;
    char *code; /* "en", "ur"; the part in brackets of "label::English (en)" */
} SurveyLanguage;

typedef struct {
    char *name;
    SurveyText label;
    SurveyText audio; /* recorded prompt file, per language; may be all NULL */
    char *image;      /* file name of the symbol or photo (default language), or NULL */
    SurveyText images; /* image::Language (code): the picture per language */
    char **columns;   /* its values of survey->choice_columns (choice_filter reads them) */
    int line;         /* line in choices.csv (row of the choices sheet) */
} SurveyChoice;

typedef struct {
    char *name;
    SurveyChoice *choices;
    int n_choices;
} SurveyList;

typedef struct {
    QuestionType type;
    Appearance appearance;
    char *name;
    SurveyText label;
    SurveyText hint;
    SurveyText audio;
    char *image;
    const SurveyList *list;   /* choices (the columns for a mat), NULL for a note */
    const SurveyList *topics; /* mat only: the things placed under the columns */
    char *off_ladder;         /* ladder only: a choice drawn beside the ladder (parameters off_ladder=NAME) */
    int max_seconds;          /* audio, or a spoken answer: the longest recording (parameters max_seconds=N, 60) */
    bool spoken_answer;       /* select: may also be answered in the person's own words (parameters spoken_answer=yes) */
    int symbol_text;          /* -1 inherit the survey's, 0 off, 1 on (appearance symbols / no-symbols) */
    SurveyText images;        /* image::Language (code): the question's picture per language */
    struct Expr *relevant;    /* asked only when true; NULL: always */
    bool required;            /* required = yes */
    struct Expr *required_if; /* required = an expression; NULL when it is yes or no */
    SurveyText required_message;
    struct Expr *constraint;  /* an answer must make it true; "." is the answer */
    SurveyText constraint_message;
    struct Expr *calculation; /* calculate: its value */
    struct Expr *default_expr; /* default, when it is an expression (dynamic default) */
    char *default_value;      /* default, when it is a value */
    struct Expr *choice_filter; /* which choices show; bare names are choice columns */
    bool or_other;            /* select ... or_other: an "Other" choice asks in the person's own words */
    bool date_month_year;     /* date, appearance month-year (the day is the 1st) or year (1 January) */
    bool date_year;
    int group;                /* the innermost group it is in, index into survey->groups, or -1 */
    SurveyMeta meta;
    int line;                 /* line in survey.csv (row of the survey sheet) */
} SurveyQuestion;

/* A group (begin group ... end group): a section whose label shows as the
 * title of its questions; with appearance field-list its questions show
 * together, on one screen when they fit (pages otherwise). */
typedef struct {
    char *name;
    SurveyText label;
    struct Expr *relevant; /* its questions are asked only when true (and their own is) */
    bool field_list;
    int parent;            /* the group it is in, or -1 */
    int first, end;        /* its questions: survey->questions[first .. end - 1] */
    int line;
} SurveyGroup;

/* One "You said, we did" item (yousaid.csv): what people said and what was
 * done about it, shown by the welcome screen's attract loop and on the
 * thank-you screen, so people see that feedback changes something. */
typedef struct {
    SurveyText said;  /* "Letters are hard to read." */
    SurveyText did;   /* "Housing letters now use plain words and pictures." */
    SurveyText audio; /* the item recorded, per language; may be all NULL */
    char *image;      /* file name of its symbol or photo, or NULL */
    int line;         /* line in yousaid.csv */
} SurveyYouSaid;

typedef struct Survey {
    char *dir;            /* the folder it was loaded from */
    char *title;          /* form_title: the default language's */
    SurveyText titles;    /* form_title::Language (code), per language; NULL: `title` */
    char *form_id;
    char *version;
    SurveyLanguage languages[SURVEY_MAX_LANGUAGES];
    int n_languages;
    int default_language; /* index into languages */
    SurveyQuestion *questions;
    int n_questions;
    SurveyList *lists;
    int n_lists;
    bool symbol_text;     /* settings.csv symbol_text: symbol-supported text for every question (no) */
    SurveyYouSaid *yousaid; /* yousaid.csv, in the file's order; none when there is no such file */
    int n_yousaid;
    SurveyGroup *groups;  /* in the order they begin */
    int n_groups;
    char **choice_columns; /* the choices' own columns that choice_filter expressions read */
    int n_choice_columns;
    char *workbook;       /* the .xlsx it was loaded from, or NULL for CSV files */
} Survey;

/* One problem found in a survey: "FILE:LINE: message". A warning (a
 * column or setting sayso does not use) is shown but does not stop the
 * survey from loading. */
typedef struct {
    char *file;   /* path as given, "config/forum/survey.csv", or "form.xlsx:survey" for a sheet */
    int line;     /* 1-based; 0 when the problem is about the whole file */
    char *message;
    bool warning;
} SurveyProblem;

typedef struct {
    SurveyProblem *items;
    int n;
    int n_warnings; /* of the n */
} SurveyProblems;

/* Loads and checks the survey at `dir`: a folder of CSV files, a folder
 * holding one .xlsx (or .xlsm) workbook, or the path of a workbook.
 * `symbol_dirs` is a NULL-terminated list of folders in which image files
 * are looked for after the survey's folder itself; NULL (not an empty
 * list) skips looking for images, for callers that only need the
 * questions. `problems` need not be initialised. A survey without
 * settings gets defaults: form_id and title the folder's (or workbook's)
 * name, version "1", default language English (en) unless the label
 * columns name others. On success returns a new Survey (free with
 * survey_free); `problems` then holds only warnings (often none). On any
 * problem that is not a warning returns NULL, with every problem found in
 * `problems` (free with survey_problems_free); loading never stops at the
 * first one. */
Survey *survey_load(const char *dir, const char *const *symbol_dirs, SurveyProblems *problems);
void survey_free(Survey *survey);
void survey_problems_free(SurveyProblems *problems);

/* Prints every problem as "FILE:LINE: message" (or "FILE: message"), one a line. */
void survey_problems_print(const SurveyProblems *problems, FILE *out);

/* `sayso check`: loads `dir` and prints every problem and warning to
 * `out`, then a closing "DIR: N problems"; or "DIR: ok, N questions"
 * (and ", N warnings") when nothing stops it. Returns 0 for a good
 * survey, 1 otherwise (the exit status). */
int survey_check_main(const char *dir, const char *const *symbol_dirs, FILE *out);

/* Whether the question has a screen of its own (calculate and metadata
 * have none). */
bool survey_question_is_shown(const SurveyQuestion *question);

/* The picture of a question or choice in `language`: its image::LANG,
 * else its image; NULL when it has none. */
const char *survey_image(const Survey *survey, const char *image, const SurveyText *images, int language);

/* The text in `language`, falling back to the default language, then to "". */
const char *survey_text(const Survey *survey, const SurveyText *text, int language);

/* The survey's title in `language` (form_title::Language (code)), else
 * its form_title. */
const char *survey_title(const Survey *survey, int language);

/* Lookups; NULL / -1 when absent. */
const SurveyQuestion *survey_question(const Survey *survey, const char *name);
int survey_question_index(const Survey *survey, const char *name);
int survey_choice_index(const SurveyList *list, const char *name);
int survey_language_index(const Survey *survey, const char *code);

/* Finds an image file: `dir`/NAME first (a survey's own photo, exact name
 * only), then each of `symbol_dirs` in order (packs first, then the
 * project's assets/symbols), where NAME's stem also matches any kind of
 * picture: for "gp.svg" a folder is tried for gp.svg, then gp.svg, gp.png,
 * gp.jpg, gp.jpeg, before the next folder. An absolute NAME is used as it
 * is. `symbol_dirs` is NULL-terminated and may be NULL. Writes the path into
 * `out` and returns true when found; false (and "" in `out`) when it is not
 * found or the path does not fit in `out_size`. Costs a stat per try. */
bool survey_find_image(const char *dir, const char *const *symbol_dirs, const char *name,
                       char *out, size_t out_size);

/* Every file of the survey loaded from `config` (a folder, or the path of
 * a workbook): the folder's .csv and .xlsx files and the pictures and
 * recordings the survey names that are in that folder (not those found
 * only in symbol packs or assets/symbols). Calls `fn` once per file with
 * its name in the folder and its path; `fn` returns 0, or -1 to stop.
 * 0, or -1 with `err` (a named file in a sub-folder, which cannot travel
 * as part of one folder, is an error too). */
typedef int (*SurveyFileFn)(void *ctx, const char *name, const char *path);
int survey_files(const char *config, const Survey *survey, SurveyFileFn fn, void *ctx, char *err,
                 size_t err_size);

/* Whether `question` shows symbol-supported text (a symbol over each word
 * of its texts): its appearance's symbols / no-symbols when it has one,
 * otherwise the survey's symbol_text. A NULL `question` gives the survey's. */
bool survey_symbol_text(const Survey *survey, const SurveyQuestion *question);

#endif
