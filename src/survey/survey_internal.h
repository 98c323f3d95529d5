/* survey_internal.h: what the files of src/survey share and nobody else uses.
 *
 * Loading runs in three steps, one file each: survey_csv.c reads a CSV file
 * into rows that know their line numbers; survey_load.c turns the rows into
 * the model (languages, questions, lists); survey_check.c checks what can
 * only be checked once everything is read (lists that questions name,
 * scales, mats, files on disk). Every step adds to one SurveyProblems and
 * carries on, so the author sees every problem at once.
 *
 * Allocation failure aborts with a message (survey_xmalloc and friends), as
 * redis's zmalloc does: surveys are a few kilobytes, a device that cannot
 * find those cannot run a kiosk, and every caller stays short. */
#ifndef SAYSO_SURVEY_INTERNAL_H
#define SAYSO_SURVEY_INTERNAL_H

#include "survey/survey.h"

/* One CSV record. `line` is where the record starts (a quoted field may run
 * over several lines). Fields are NUL-terminated; the row owns them. */
typedef struct {
    char **fields;
    int n_fields;
    int line;
} SurveyCsvRow;

/* A whole CSV file. Records whose fields are all empty are left out, so
 * rows[0], when there is one, is the header. */
typedef struct {
    char *path;
    bool found; /* false when the file does not exist */
    SurveyCsvRow *rows;
    int n_rows;
} SurveyCsvTable;

/* Reads `path` into `table` (always fully initialised, free with
 * survey_csv_free). A missing file sets found = false and adds no problem:
 * whether that is a problem is the caller's call. Unreadable files, invalid
 * UTF-8 and broken quoting are added to `problems`; reading carries on past
 * them where it can. */
void survey_csv_read(const char *path, SurveyCsvTable *table, SurveyProblems *problems);
void survey_csv_free(SurveyCsvTable *table);

/* Appends "file:line: message" to `problems`. */
void survey_problem_add(SurveyProblems *problems, const char *file, int line,
                        const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Everything a load in progress needs; lives on survey_load's stack. */
typedef struct {
    Survey *survey;
    SurveyProblems *problems;
    const char *const *symbol_dirs; /* NULL: image files are not looked for */
    SurveyCsvTable survey_csv, choices_csv, settings_csv;
    SurveyCsvTable yousaid_csv; /* optional: found = false when there is none */
    bool choices_loaded; /* choices.csv was read with its required columns */
    char **list_names;  /* per question: the LIST of "select_one LIST", or NULL */
    char **topic_names; /* per question: parameters topics=LIST, or NULL */
} SurveyLoader;

/* The columns this loader knows, in any of the three files. */
typedef enum {
    SURVEY_COL_TYPE,
    SURVEY_COL_NAME,
    SURVEY_COL_LABEL,
    SURVEY_COL_HINT,
    SURVEY_COL_AUDIO,
    SURVEY_COL_SAID, /* yousaid.csv */
    SURVEY_COL_DID,  /* yousaid.csv */
    SURVEY_COL_IMAGE,
    SURVEY_COL_APPEARANCE,
    SURVEY_COL_PARAMETERS,
    SURVEY_COL_LIST_NAME,
    SURVEY_COL_FORM_TITLE,
    SURVEY_COL_FORM_ID,
    SURVEY_COL_VERSION,
    SURVEY_COL_DEFAULT_LANGUAGE,
    SURVEY_COL_SYMBOL_TEXT,
    SURVEY_N_COLS
} SurveyColumn;

/* The translatable columns: label, hint, audio, said, did, which follow
 * each other in SurveyColumn; a text kind is its column minus
 * SURVEY_COL_LABEL. */
#define SURVEY_TEXT_KINDS (SURVEY_COL_DID - SURVEY_COL_LABEL + 1)
enum { SURVEY_TEXT_LABEL, SURVEY_TEXT_HINT, SURVEY_TEXT_AUDIO, SURVEY_TEXT_SAID, SURVEY_TEXT_DID };

/* Where each column is in one file's header; -1 when absent. `text` maps the
 * translatable columns per text kind and language, the plain column already
 * folded into the default language. */
typedef struct {
    int col[SURVEY_N_COLS];
    int text[SURVEY_TEXT_KINDS][SURVEY_MAX_LANGUAGES];
    int n_header;
    int header_line;
} SurveyColumns;

/* survey_columns.c: the survey's languages come from the label::NAME (code)
 * headers of survey.csv and choices.csv, the default one from settings.csv
 * (`default_language`, NULL when not given). Problems go to `problems`. */
void survey_languages_load(SurveyLoader *loader, const char *default_language,
                           int settings_line);

/* The header that names `column`, e.g. "list_name". */
const char *survey_column_name(SurveyColumn column);

/* Maps `table`'s header row into `cols` (all -1 when the table is empty). */
void survey_columns_map(SurveyLoader *loader, const SurveyCsvTable *table, SurveyColumns *cols);

/* survey_load.c -> survey_check.c: links questions to their lists and checks
 * everything that spans both files, then the files on disk. */
void survey_check_links(SurveyLoader *loader);
void survey_check_files(SurveyLoader *loader);

/* survey_lengths.c: a problem for each text longer than the screen shows
 * whole (SURVEY_MAX_*_CHARS), in any language. */
void survey_check_lengths(SurveyLoader *loader);

/* survey_check.c: a problem at path:line when `image` (may be NULL) is
 * found in none of the places images are looked for (naming them), or a
 * recording of `audio` is not in the survey's folder. Images are checked
 * only when loader->symbol_dirs is set. */
void survey_check_image(SurveyLoader *loader, const char *path, int line, const char *image);
void survey_check_audio(SurveyLoader *loader, const char *path, int line, const SurveyText *audio);

/* survey_load.c, for every file's rows: the trimmed cell (line breaks as
 * "\n"), NULL when empty; every language's text of one text kind; and
 * whether the row has one field per column (a problem when not). */
char *survey_cell_dup(const SurveyCsvRow *row, int col);
void survey_read_text(const SurveyCsvRow *row, const SurveyColumns *cols, int kind, SurveyText *text);
bool survey_row_fits(SurveyLoader *loader, const SurveyCsvTable *table, const SurveyCsvRow *row,
                     const SurveyColumns *cols);

/* yousaid.c: reads the folder's yousaid.csv, when there is one, into
 * survey->yousaid, checking every row (and its image and recordings). */
void survey_yousaid_load(SurveyLoader *loader, const char *dir);

/* "a" + "/" + "b" into `out`; false when it does not fit. */
bool survey_join_path(char *out, size_t out_size, const char *a, const char *b);

/* Allocation that never returns NULL (see the top of this file). */
void *survey_xcalloc(size_t n, size_t size);
void *survey_xrealloc(void *p, size_t n, size_t size);
char *survey_xstrdup(const char *s); /* NULL stays NULL */
char *survey_xstrndup(const char *s, size_t n);
char *survey_xtrimdup(const char *s); /* copy without leading and trailing white space */
_Noreturn void survey_out_of_memory(void);

#endif
