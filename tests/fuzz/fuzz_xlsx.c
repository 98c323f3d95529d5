/* fuzz_xlsx.c: the .xlsx reader (src/survey/xlsx.c) on fuzzed workbook
 * bytes: the zip container, the workbook, its relationships, shared
 * strings, styles and every sheet's cells. Whatever the bytes, it must
 * return a reason or cells, never crash, leak or read out of bounds.
 * sources: src/survey/xlsx.c src/survey/xlsx_sheet.c src/expr/ src/survey/survey_util.c src/lazy/
 * Seeds: tests/fuzz/corpus/xlsx/ (workbooks written by libxlsxwriter and
 * by hand). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "survey/xlsx.h"

static void cell(void *ctx, const XlsxCell *c)
{
    size_t *total = ctx;
    *total += strlen(c->text) + (size_t)c->row + (size_t)c->col;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512];
    size_t total = 0;
    Xlsx *book = xlsx_open_memory(data, size, err, sizeof err);
    if (!book)
        return 0;
    for (int i = 0; i < xlsx_sheet_count(book); i++) {
        (void)xlsx_sheet_name(book, i);
        (void)xlsx_sheet_cells(book, i, cell, &total, err, sizeof err);
    }
    xlsx_close(book);
    return 0;
}
