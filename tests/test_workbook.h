/* test_workbook.h: .xlsx workbooks written by the tests themselves, with
 * libxlsxwriter (Debian's libxlsxwriter-dev), the way a spreadsheet
 * program writes them: no binary fixture is kept. A sheet is given as
 * text (see SheetText). Included by the tests that need workbooks. */
#ifndef SAYSO_TEST_WORKBOOK_H
#define SAYSO_TEST_WORKBOOK_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* A sheet as text: rows split by "\n", cells by "|"; a cell "#n12" is a
 * number, "#btrue" a boolean, "#d2026-03-01" a date, "#f=A1^yes" a
 * formula and its result; "~" is a line break in a cell; "@7" moves to
 * row 7 (1-based). */
typedef struct {
    const char *name;
    const char *text;
} SheetText;

static inline void workbook_write_cell(lxw_worksheet *ws, int row, int col, const char *cell, lxw_format *date)
{
    if (strncmp(cell, "#n", 2) == 0) {
        worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, atof(cell + 2), NULL);
    } else if (strncmp(cell, "#b", 2) == 0) {
        worksheet_write_boolean(ws, (lxw_row_t)row, (lxw_col_t)col, strcmp(cell + 2, "true") == 0, NULL);
    } else if (strncmp(cell, "#d", 2) == 0) {
        lxw_datetime dt = {0};
        sscanf(cell + 2, "%d-%d-%d", &dt.year, &dt.month, &dt.day);
        worksheet_write_datetime(ws, (lxw_row_t)row, (lxw_col_t)col, &dt, date);
    } else if (strncmp(cell, "#f", 2) == 0) {
        char formula[128];
        const char *bar = strchr(cell, '^');
        snprintf(formula, sizeof formula, "%.*s", (int)(bar - cell - 2), cell + 2);
        worksheet_write_formula_str(ws, (lxw_row_t)row, (lxw_col_t)col, formula, NULL, bar + 1);
    } else if (cell[0]) {
        char text[256], *o = text;  /* "~" is a line break inside the cell, as Excel's Alt+Enter */
        for (const char *p = cell; *p && o < text + sizeof text - 3; p++)
            o += *p == '~' ? sprintf(o, "\r\n") : sprintf(o, "%c", *p);
        worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, text, NULL);
    }
}

static inline void workbook_write_sheet(lxw_workbook *wb, const SheetText *sheet, lxw_format *date)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, sheet->name);
    char *text = strdup(sheet->text), *save_row = NULL;
    int row = 0;
    for (char *line = strtok_r(text, "\n", &save_row); line; line = strtok_r(NULL, "\n", &save_row), row++) {
        if (line[0] == '@') {
            row = atoi(line + 1) - 2;
            continue;
        }
        int col = 0;
        for (char *p = line;; col++) {
            char *bar = strchr(p, '|');
            if (bar)
                *bar = '\0';
            workbook_write_cell(ws, row, col, p, date);
            if (!bar)
                break;
            p = bar + 1;
        }
    }
    free(text);
}

/* Writes `sheets` as the workbook `name` in the folder `dir` (inline
 * strings when `inline_strings`); its path into `path`. */
static inline bool write_book(const char *dir, const char *name, const SheetText *sheets, int n,
                              bool inline_strings, char *path, size_t size)
{
    snprintf(path, size, "%s/%s", dir, name);
    lxw_workbook_options options = {.constant_memory = inline_strings, .tmpdir = (char *)dir};
    lxw_workbook *wb = workbook_new_opt(path, &options);
    if (!wb)
        return false;
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "d mmm yyyy");
    for (int i = 0; i < n; i++)
        workbook_write_sheet(wb, &sheets[i], date);
    return workbook_close(wb) == LXW_NO_ERROR;
}

#endif
