/* xlsx.h: the cells of an .xlsx workbook, as a spreadsheet shows them.
 *
 * An .xlsx file is a zip container (read with libzip) of XML parts (read
 * with libxml2's streaming reader): the workbook names its sheets, each
 * sheet holds rows of cells, the shared strings hold most texts and the
 * styles say which numbers are dates. There is no packaged C reader of
 * .xlsx files, so this is the small part of Office Open XML that forms use:
 * shared, inline and rich-text strings, numbers, booleans, formula results,
 * errors, dates (both the 1900 and the 1904 date systems) and empty cells.
 *
 * Safety: a workbook is a file someone sent, so no external entity or DTD
 * is ever loaded, every part is read with a size limit (a zip's own sizes
 * can lie), and rows and columns beyond Excel's own limits are refused. */
#ifndef SAYSO_SURVEY_XLSX_H
#define SAYSO_SURVEY_XLSX_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    XLSX_TEXT,
    XLSX_NUMBER, /* text: the shortest form that reads back the same, "12", "0.5" */
    XLSX_BOOL,   /* text: "TRUE" or "FALSE" */
    XLSX_DATE,   /* a number styled as a date: "2026-03-01", or "2026-03-01T09:30:00" */
    XLSX_ERROR,  /* a formula error: text "#N/A", "#DIV/0!", ... */
} XlsxKind;

typedef struct {
    int row;          /* 1-based, as the spreadsheet numbers rows */
    int col;          /* 0-based: column A is 0 */
    XlsxKind kind;
    const char *text; /* UTF-8, valid only during the call */
} XlsxCell;

/* Called for each cell with a value, row by row, left to right. */
typedef void (*XlsxCellFn)(void *ctx, const XlsxCell *cell);

typedef struct Xlsx Xlsx;

/* Opens the workbook at `path` (or the `size` bytes at `data`, which must
 * outlive it) and reads its list of sheets, shared strings and styles.
 * NULL with a plain reason in `err` ("not an .xlsx workbook: ...") when it
 * cannot. */
Xlsx *xlsx_open(const char *path, char *err, size_t err_size);
Xlsx *xlsx_open_memory(const void *data, size_t size, char *err, size_t err_size);
void xlsx_close(Xlsx *book);

/* The sheets, in the workbook's order. */
int xlsx_sheet_count(const Xlsx *book);
const char *xlsx_sheet_name(const Xlsx *book, int index);

/* Calls `fn` for every cell with a value of sheet `index`. 0, or -1 with
 * the reason in `err` ("the sheet's XML is broken at line 3: ..."); cells
 * before the fault have been given. */
int xlsx_sheet_cells(Xlsx *book, int index, XlsxCellFn fn, void *ctx, char *err, size_t err_size);

/* "A", "B", ... "Z", "AA": a 0-based column as a spreadsheet names it. */
void xlsx_column_name(int col, char out[8]);

#endif
