/* survey_source.c: where a survey's tables come from.
 *
 * --config names a folder of CSV files (survey.csv, choices.csv,
 * settings.csv, optionally yousaid.csv), a folder holding one .xlsx
 * workbook (dropped in as it came from ODK or KoboToolbox tools), or the
 * workbook itself. A workbook's sheets survey, choices, settings and
 * yousaid are found in any letter case and read into the same tables the
 * CSV files give, their row numbers as lines, so everything after this
 * works on either and every problem names "form.xlsx:survey:12". A folder
 * with both kinds, or with two workbooks, is refused rather than guessed
 * at. Pictures and recordings are looked for beside the workbook. */
#include "survey/survey_internal.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "survey/xlsx.h"

static const char *const table_names[] = {"survey", "choices", "settings", "yousaid"};
#define N_TABLES 4

static SurveyCsvTable *loader_table(SurveyLoader *L, int i)
{
    SurveyCsvTable *tables[N_TABLES] = {&L->survey_csv, &L->choices_csv, &L->settings_csv, &L->yousaid_csv};
    return tables[i];
}

static bool has_extension(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

static bool is_workbook_name(const char *name)
{
    return has_extension(name, ".xlsx") || has_extension(name, ".xlsm");
}

/* Office's lock files ("~$form.xlsx") and hidden files are not forms. */
static bool is_hidden(const char *name)
{
    return name[0] == '.' || strncmp(name, "~$", 2) == 0;
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* ---- CSV files ---- */

static void read_csv_tables(SurveyLoader *L, const char *dir)
{
    char path[4096];
    for (int i = 0; i < N_TABLES; i++) {
        SurveyCsvTable *t = loader_table(L, i);
        char file[32];
        snprintf(file, sizeof file, "%s.csv", table_names[i]);
        if (!survey_join_path(path, sizeof path, dir, file)) {
            if (i == 0)
                survey_problem_add(L->problems, dir, 0, "the folder's path is too long");
            memset(t, 0, sizeof *t);
            t->path = survey_xstrdup(file);
            continue;
        }
        survey_csv_read(path, t, L->problems);
    }
}

/* ---- a workbook ---- */

typedef struct {
    SurveyCsvTable *table;
    SurveyCsvRow *row; /* the row being filled */
} SheetReader;

static void add_cell(void *ctx, const XlsxCell *cell)
{
    SheetReader *r = ctx;
    SurveyCsvTable *t = r->table;
    if (!r->row || r->row->line != cell->row) {
        t->rows = survey_xrealloc(t->rows, (size_t)t->n_rows + 1, sizeof(SurveyCsvRow));
        r->row = &t->rows[t->n_rows++];
        *r->row = (SurveyCsvRow){.line = cell->row};
    }
    SurveyCsvRow *row = r->row;
    if (cell->col >= row->n_fields) {
        row->fields = survey_xrealloc(row->fields, (size_t)cell->col + 1, sizeof(char *));
        for (int j = row->n_fields; j <= cell->col; j++)
            row->fields[j] = survey_xstrdup("");
        row->n_fields = cell->col + 1;
    }
    free(row->fields[cell->col]);
    row->fields[cell->col] = survey_xstrdup(cell->text);
}

/* A sheet's rows are made as wide as its header: missing cells are empty,
 * and a value to the right of the last header is warned about (no column
 * can hold it). Rows of only spaces are left out, as in CSV files. */
static void square_rows(SurveyLoader *L, SurveyCsvTable *t)
{
    if (t->n_rows == 0)
        return;
    int width = t->rows[0].n_fields, kept = 1;
    for (int i = 1; i < t->n_rows; i++) {
        SurveyCsvRow *row = &t->rows[i];
        bool empty = true;
        for (int j = 0; j < row->n_fields; j++) {
            char *v = survey_xtrimdup(row->fields[j]);
            if (v[0] && j >= width) {
                char col[8];
                xlsx_column_name(j, col);
                survey_warning_add(L->problems, t->path, row->line,
                                   "cell %s%d has a value but no column name in row %d; it is not used",
                                   col, row->line, t->rows[0].line);
            }
            empty = empty && (!v[0] || j >= width);
            free(v);
        }
        for (int j = width; j < row->n_fields; j++)
            free(row->fields[j]);
        row->fields = survey_xrealloc(row->fields, (size_t)(width > 0 ? width : 1), sizeof(char *));
        for (int j = row->n_fields; j < width; j++)
            row->fields[j] = survey_xstrdup("");
        row->n_fields = width;
        if (empty) {
            for (int j = 0; j < width; j++)
                free(row->fields[j]);
            free(row->fields);
        } else {
            t->rows[kept++] = *row;
        }
    }
    t->n_rows = kept;
}

static void read_sheet(SurveyLoader *L, Xlsx *book, int index, SurveyCsvTable *t)
{
    char err[512];
    SheetReader r = {t, NULL};
    t->found = true;
    if (xlsx_sheet_cells(book, index, add_cell, &r, err, sizeof err) != 0)
        survey_problem_add(L->problems, t->path, 0, "%s", err);
    square_rows(L, t);
}

/* Which of the tables a sheet is, by name in any letter case; -1 for none. */
static int table_of_sheet(const char *name)
{
    for (int i = 0; i < N_TABLES; i++)
        if (strcasecmp(name, table_names[i]) == 0)
            return i;
    return -1;
}

static void read_workbook_tables(SurveyLoader *L, const char *path)
{
    char err[512];
    for (int i = 0; i < N_TABLES; i++) {
        SurveyCsvTable *t = loader_table(L, i);
        memset(t, 0, sizeof *t);
        t->sheet = true;
        if (asprintf(&t->path, "%s:%s", path, table_names[i]) < 0)
            survey_out_of_memory();
    }
    Xlsx *book = xlsx_open(path, err, sizeof err);
    if (!book) {
        survey_problem_add(L->problems, path, 0, "%s", err);
        return;
    }
    for (int s = 0; s < xlsx_sheet_count(book); s++) {
        const char *name = xlsx_sheet_name(book, s);
        int i = table_of_sheet(name);
        SurveyCsvTable *t = i >= 0 ? loader_table(L, i) : NULL;
        if (!t) {
            survey_warning_add(L->problems, path, 0, "sheet \"%s\" is not used by sayso", name);
        } else if (t->found) {
            survey_problem_add(L->problems, path, 0, "two sheets are called \"%s\"; keep one", table_names[i]);
        } else {
            free(t->path);
            if (asprintf(&t->path, "%s:%s", path, name) < 0)
                survey_out_of_memory();
            read_sheet(L, book, s, t);
        }
    }
    xlsx_close(book);
}

/* ---- finding it ---- */

typedef struct {
    char *workbooks[8];
    int n_workbooks;
    char *old_excel; /* an .xls, which cannot be read */
} FolderScan;

static void scan_folder(const char *dir, FolderScan *scan)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    memset(scan, 0, sizeof *scan);
    while (d && (e = readdir(d)) != NULL) {
        if (is_hidden(e->d_name))
            continue;
        if (is_workbook_name(e->d_name) && scan->n_workbooks < 8)
            scan->workbooks[scan->n_workbooks++] = survey_xstrdup(e->d_name);
        else if (has_extension(e->d_name, ".xls") && !scan->old_excel)
            scan->old_excel = survey_xstrdup(e->d_name);
    }
    if (d)
        closedir(d);
    /* readdir's order is the disk's: sort, so messages read the same everywhere */
    for (int i = 1; i < scan->n_workbooks; i++)
        for (int j = i; j > 0 && strcmp(scan->workbooks[j - 1], scan->workbooks[j]) > 0; j--) {
            char *tmp = scan->workbooks[j];
            scan->workbooks[j] = scan->workbooks[j - 1];
            scan->workbooks[j - 1] = tmp;
        }
}

static void scan_free(FolderScan *scan)
{
    for (int i = 0; i < scan->n_workbooks; i++)
        free(scan->workbooks[i]);
    free(scan->old_excel);
}

/* The workbook a folder holds, or NULL for CSV files (or a problem). */
static char *folder_workbook(SurveyLoader *L, const char *dir)
{
    char path[4096];
    FolderScan scan;
    char *workbook = NULL;
    bool has_csv = survey_join_path(path, sizeof path, dir, "survey.csv") && file_exists(path);
    scan_folder(dir, &scan);
    if (scan.n_workbooks > 0 && has_csv) {
        survey_problem_add(L->problems, dir, 0,
                           "the folder holds both survey.csv and %s; keep one of them (the CSV files or the workbook)",
                           scan.workbooks[0]);
    } else if (scan.n_workbooks > 1) {
        survey_problem_add(L->problems, dir, 0, "the folder holds %d workbooks (%s, %s%s); keep one",
                           scan.n_workbooks, scan.workbooks[0], scan.workbooks[1],
                           scan.n_workbooks > 2 ? ", ..." : "");
    } else if (scan.n_workbooks == 1 && survey_join_path(path, sizeof path, dir, scan.workbooks[0])) {
        workbook = survey_xstrdup(path);
    } else if (!has_csv && scan.old_excel) {
        survey_problem_add(L->problems, dir, 0,
                           "%s is an old Excel file (.xls), which sayso cannot read; open it and save it as an "
                           "Excel Workbook (.xlsx)", scan.old_excel);
    }
    scan_free(&scan);
    return workbook;
}

static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return survey_xstrdup(".");
    return slash == path ? survey_xstrdup("/") : survey_xstrndup(path, (size_t)(slash - path));
}

/* A file named by --config: a workbook, or a problem saying what to name. */
static bool read_named_file(SurveyLoader *L, const char *path)
{
    Survey *s = L->survey;
    if (!is_workbook_name(path)) {
        survey_problem_add(L->problems, path, 0, "%s", has_extension(path, ".xls")
            ? "an old Excel file (.xls), which sayso cannot read; open it and save it as an Excel Workbook (.xlsx)"
            : "not a survey: name a survey folder (CSV files or one .xlsx workbook) or an .xlsx workbook");
        return false;
    }
    s->workbook = survey_xstrdup(path);
    free(s->dir);
    s->dir = folder_of(path);
    read_workbook_tables(L, path);
    return true;
}

bool survey_source_read(SurveyLoader *L, const char *path)
{
    struct stat st;
    Survey *s = L->survey;
    s->dir = survey_xstrdup(path ? path : "");
    if (!path || stat(path, &st) != 0) {
        survey_problem_add(L->problems, path ? path : "(no folder)", 0, "survey folder not found");
        return false;
    }
    if (!S_ISDIR(st.st_mode))
        return read_named_file(L, path);
    int before = L->problems->n - L->problems->n_warnings;
    s->workbook = folder_workbook(L, path);
    if (s->workbook)
        read_workbook_tables(L, s->workbook);
    else if (L->problems->n - L->problems->n_warnings == before)
        read_csv_tables(L, path);
    else
        return false;
    return true;
}
