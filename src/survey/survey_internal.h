/* survey_internal.h: what the files of src/survey share and nobody else uses.
 *
 * Loading runs in steps, one file each: survey_source.c finds the survey
 * (a folder of CSV files or an .xlsx workbook) and reads its tables into
 * rows that know their line (survey_csv.c for CSV, xlsx.c for workbooks);
 * survey_columns.c maps each table's header; survey_load.c turns the rows
 * into the model (languages, questions, lists) with survey_types.c for
 * the type column and survey_logic.c for the expressions; survey_check.c
 * checks what can only be checked once everything is read (lists that
 * questions name, scales, mats, files on disk). Every step adds to one
 * SurveyProblems and carries on, so the author sees every problem at once.
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

/* A whole CSV file, or a sheet of a workbook. Records whose fields are
 * all empty are left out, so rows[0], when there is one, is the header.
 * A sheet's rows are as wide as its header. */
typedef struct {
    char *path;  /* "DIR/survey.csv", or "DIR/form.xlsx:survey" for a sheet */
    bool found;  /* false when the file (or sheet) does not exist */
    bool sheet;  /* a sheet of a workbook: "sheet", not "file", in messages */
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

/* Appends "file:line: message" to `problems`: a problem, or a warning
 * (which does not stop the survey from loading). */
void survey_problem_add(SurveyProblems *problems, const char *file, int line,
                        const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void survey_warning_add(SurveyProblems *problems, const char *file, int line,
                        const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* "file" or "sheet", as a table is called in messages. */
const char *survey_table_kind(const SurveyCsvTable *table);


/* The columns this loader knows, in any of the tables. */
typedef enum {
    SURVEY_COL_TYPE,
    SURVEY_COL_NAME,
    SURVEY_COL_LABEL,
    SURVEY_COL_HINT,
    SURVEY_COL_AUDIO,
    SURVEY_COL_SAID, /* yousaid.csv */
    SURVEY_COL_DID,  /* yousaid.csv */
    SURVEY_COL_IMAGE,
    SURVEY_COL_REQUIRED_MESSAGE,
    SURVEY_COL_CONSTRAINT_MESSAGE,
    SURVEY_COL_APPEARANCE,
    SURVEY_COL_PARAMETERS,
    SURVEY_COL_RELEVANT,
    SURVEY_COL_REQUIRED,
    SURVEY_COL_CONSTRAINT,
    SURVEY_COL_CALCULATION,
    SURVEY_COL_DEFAULT,
    SURVEY_COL_CHOICE_FILTER,
    SURVEY_COL_LIST_NAME,
    SURVEY_COL_FORM_TITLE,
    SURVEY_COL_FORM_ID,
    SURVEY_COL_VERSION,
    SURVEY_COL_DEFAULT_LANGUAGE,
    SURVEY_COL_SYMBOL_TEXT,
    SURVEY_COL_ALLOW_CHOICE_DUPLICATES,
    SURVEY_COL_TRANSLATIONS_TO_CHECK,
    SURVEY_N_COLS
} SurveyColumn;

/* The translatable columns: label, hint, audio, said, did, image and the
 * two messages, which follow each other in SurveyColumn; a text kind is
 * its column minus SURVEY_COL_LABEL. */
#define SURVEY_TEXT_KINDS (SURVEY_COL_CONSTRAINT_MESSAGE - SURVEY_COL_LABEL + 1)
enum {
    SURVEY_TEXT_LABEL, SURVEY_TEXT_HINT, SURVEY_TEXT_AUDIO, SURVEY_TEXT_SAID, SURVEY_TEXT_DID,
    SURVEY_TEXT_IMAGE, SURVEY_TEXT_REQUIRED_MESSAGE, SURVEY_TEXT_CONSTRAINT_MESSAGE
};

/* Which table a header belongs to: each has its own columns. */
typedef enum { SURVEY_SHEET_SURVEY, SURVEY_SHEET_CHOICES, SURVEY_SHEET_SETTINGS, SURVEY_SHEET_YOUSAID } SurveySheet;

#define SURVEY_MAX_UNUSED 128

/* Where each column is in one file's header; -1 when absent. `text` maps the
 * translatable columns per text kind and language, the plain column already
 * folded into the default language (or, when that has a column of its own,
 * kept as `fallback` for the cells it leaves empty). `unused` lists the header's columns
 * this table does not use (the caller warns, or reads them: choice_filter
 * reads the choices' own columns). */
typedef struct {
    int col[SURVEY_N_COLS];
    int text[SURVEY_TEXT_KINDS][SURVEY_MAX_LANGUAGES];
    int fallback[SURVEY_TEXT_KINDS]; /* the plain column, where the default language has its own: read where that is empty */
    int fallback_language;           /* the default language */
    int n_header;
    int header_line;
    int unused[SURVEY_MAX_UNUSED];
    int n_unused;
} SurveyColumns;

/* Everything a load in progress needs; lives on survey_load's stack. */
typedef struct {
    Survey *survey;
    SurveyProblems *problems;
    const char *const *symbol_dirs; /* NULL: image files are not looked for */
    SurveyCsvTable survey_csv, choices_csv, settings_csv;
    SurveyCsvTable yousaid_csv; /* optional: found = false when there is none */
    bool choices_loaded; /* choices.csv was read with its required columns */
    bool choices_label_missing; /* it has no label column in the default language */
    bool allow_choice_duplicates; /* settings: a list may repeat a name (cascading selects) */
    char **list_names;  /* per question: the LIST of "select_one LIST", or NULL */
    char **topic_names; /* per question: parameters topics=LIST, or NULL */
    int *rows;          /* per question: its row in survey_csv.rows */
    SurveyColumns survey_cols; /* the survey table's header, for naming logic cells */
    int group_depth;    /* begin group rows not yet ended */
    int group_stack[32];
    char **refused;     /* names of rows whose type cannot be asked, for clearer messages */
    int *refused_lines;
    int n_refused;
} SurveyLoader;

/* survey_columns.c: the survey's languages come from the label::NAME (code)
 * headers of survey.csv and choices.csv, the default one from settings.csv
 * (`default_language`, NULL when not given). Problems go to `problems`. */
void survey_languages_load(SurveyLoader *loader, const char *default_language,
                           int settings_line);

/* Reads settings.csv's form_title::Language (code) cells of `row` into
 * the survey's titles, once its languages are known (a language no label
 * column names is a problem at the header). */
void survey_titles_load(SurveyLoader *loader, const SurveyCsvRow *row);

/* The header that names `column`, e.g. "list_name". */
const char *survey_column_name(SurveyColumn column);

/* Maps `table`'s header row into `cols` (all -1 when the table is empty),
 * knowing the columns of `sheet`. */
void survey_columns_map(SurveyLoader *loader, const SurveyCsvTable *table, SurveySheet sheet,
                        SurveyColumns *cols);

/* Warns, at the table, of each of `cols`'s unused columns ("column \"x\"
 * is not used by sayso"), or of each setting for the settings. */
void survey_columns_warn_unused(SurveyLoader *loader, const SurveyCsvTable *table,
                                const SurveyColumns *cols, bool settings);

/* survey_language_names.c: the code and own name of a language written
 * without a code ("english", "Français", "EN"); false when unknown. */
bool survey_language_lookup(const char *word, const char **code, const char **own_name);

/* survey_source.c: finds the survey at `path` (sets survey->dir, and
 * survey->workbook for a workbook) and reads its tables into the loader,
 * adding a problem when there is none to read. False when nothing could
 * be read. */
bool survey_source_read(SurveyLoader *loader, const char *path);

/* survey_types.c: reads a row's type into `q` (the list's name, for a
 * select, into loader->list_names[i]); begin group and end group rows
 * open and close groups (the group begun is the last of survey->groups).
 * SURVEY_ROW_NONE is a type refused or not understood, with a problem. */
typedef enum { SURVEY_ROW_NONE, SURVEY_ROW_QUESTION, SURVEY_ROW_GROUP_BEGIN, SURVEY_ROW_GROUP_END } SurveyRowKind;
SurveyRowKind survey_type_read(SurveyLoader *loader, const SurveyCsvRow *row, const char *type,
                               SurveyQuestion *q, int i);
/* Closes groups left open at the end, with a problem each. */
void survey_groups_finish(SurveyLoader *loader);

/* survey_appearance.c: a question's appearance words and parameters, and
 * a group's appearance. */
void survey_appearance_read(SurveyLoader *loader, int line, const char *appearance, bool type_known,
                            SurveyQuestion *q);
void survey_group_appearance_read(SurveyLoader *loader, int line, const char *appearance, SurveyGroup *g);
void survey_parameters_read(SurveyLoader *loader, int line, const char *parameters, SurveyQuestion *q, int i);

/* survey_logic.c: reads a question's relevant, required, constraint,
 * calculation, default and choice_filter (parsed, not yet bound). */
void survey_logic_read(SurveyLoader *loader, const SurveyCsvRow *row, const SurveyColumns *cols,
                       SurveyQuestion *q);
/* Binds every expression's ${name}s to questions and choice_filter's
 * names to choice columns, once every row is read; checks what they
 * refer to, and the ${name}s in labels and hints. */
void survey_logic_link(SurveyLoader *loader);
/* Reads a group's relevant (and warns of logic a group does not have). */
void survey_logic_read_group(SurveyLoader *loader, const SurveyCsvRow *row, const SurveyColumns *cols,
                             SurveyGroup *g);

/* survey_load.c: a problem at the header of `t`: it has no label column
 * in the default language. */
void survey_label_column_missing(SurveyLoader *loader, const SurveyCsvTable *t, int header_line);

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

/* yousaid.c: reads the yousaid table, when there is one, into
 * survey->yousaid, checking every row (and its image and recordings). */
void survey_yousaid_load(SurveyLoader *loader);

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
