/* xlsx_sheet.c: the cells of one sheet of an .xlsx workbook; see xlsx.h.
 *
 * A sheet is <row r="12"> elements of <c r="D12" t="s" s="3"><v>0</v></c>
 * cells: t says how to read <v> (an index into the shared strings, a
 * number, a boolean, a formula's text or error) or that the text is inline
 * (<is><t>..</t></is>); s is the cell's format, which says whether a
 * number is a date. Writers may leave out r (the next row or column is
 * meant) and empty cells; both are handled. */
#include "survey/xlsx_internal.h"
#include "expr/expr.h"
#include "survey/survey_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    Xlsx *book;
    XlsxCellFn fn;
    void *ctx;
    int row, col;       /* of the cell being read */
    char type[16];      /* its t attribute */
    int style;          /* its s attribute */
    char *value;        /* text of its <v> */
    size_t value_len;
    char *inline_text;  /* text of its <is> */
    size_t inline_len;
    int depth_v, depth_is, depth_t, depth_rph;
    char err[256];
} XlsxSheetReader;

/* "D12" -> column 3, row 12; a missing part keeps what is in *col / *row.
 * False when the reference is past Excel's limits or not a reference. */
static bool xlsx_parse_ref(const char *ref, int *col, int *row)
{
    long c = 0, r = 0;
    const char *p = ref;
    for (; *p >= 'A' && *p <= 'Z'; p++)
        if ((c = c * 26 + (*p - 'A' + 1)) > XLSX_MAX_COL)
            return false;
    for (; *p >= '0' && *p <= '9'; p++)
        if ((r = r * 10 + (*p - '0')) > XLSX_MAX_ROW)
            return false;
    if (*p)
        return false;
    if (c > 0)
        *col = (int)c - 1;
    if (r > 0)
        *row = (int)r;
    return true;
}

/* A date cell: Excel counts days from 1899-12-31 (keeping Lotus 1-2-3's
 * 29 February 1900, day 60, which never was), or from 1904-01-01. */
static bool xlsx_format_date(const Xlsx *book, double serial, char *out, size_t size)
{
    if (!(serial >= 0 && serial < 2958466))  /* up to 9999-12-31 */
        return false;
    long days = (long)floor(serial);
    long seconds = lround((serial - (double)days) * 86400.0);
    if (seconds >= 86400) {
        days++;
        seconds -= 86400;
    }
    long base = book->date1904 ? expr_days_from_civil(1904, 1, 1)
                               : expr_days_from_civil(1899, 12, days >= 61 ? 30 : 31);
    long y;
    int m, d;
    expr_civil_from_days(base + days, &y, &m, &d);
    if (seconds == 0)
        snprintf(out, size, "%04ld-%02d-%02d", y, m, d);
    else
        snprintf(out, size, "%04ld-%02d-%02dT%02ld:%02ld:%02ld", y, m, d, seconds / 3600,
                 seconds / 60 % 60, seconds % 60);
    return true;
}

void xlsx_format_number(const Xlsx *book, const char *value, bool date, char *out, size_t size)
{
    char *end;
    double v = strtod(value, &end);
    if (end == value || *end || !isfinite(v)) {
        snprintf(out, size, "%s", value);  /* not a number after all: as written */
        return;
    }
    if (date && xlsx_format_date(book, v, out, size))
        return;
    for (int digits = 1; digits <= 17; digits++) {  /* the shortest that reads back the same */
        snprintf(out, size, "%.*g", digits, v);
        if (strtod(out, NULL) == v)
            return;
    }
}

static void xlsx_cell_begin(XlsxSheetReader *s, XlsxXml *x)
{
    char *ref = xlsx_xml_attr(x, "r"), *t = xlsx_xml_attr(x, "t"), *style = xlsx_xml_attr(x, "s");
    s->col++;
    if (ref && !xlsx_parse_ref(ref, &s->col, &s->row) && !s->err[0])
        snprintf(s->err, sizeof s->err, "cell reference \"%.20s\" is beyond row %d or column XFD", ref,
                 XLSX_MAX_ROW);
    snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
    s->style = style ? atoi(style) : 0;
    s->value_len = s->inline_len = 0;
    if (s->value)
        s->value[0] = '\0';
    if (s->inline_text)
        s->inline_text[0] = '\0';
    free(ref);
    free(t);
    free(style);
}

static bool xlsx_is_date_style(const Xlsx *book, int style)
{
    return style >= 0 && style < book->n_styles && book->is_date_style[style];
}

/* The cell is complete: hand it over when it has a value. */
static void xlsx_cell_end(XlsxSheetReader *s)
{
    const char *v = s->value ? s->value : "";
    char number[64];
    XlsxCell cell = {s->row, s->col, XLSX_TEXT, v};
    if (strcmp(s->type, "s") == 0) {
        long i = v[0] ? strtol(v, NULL, 10) : -1;
        cell.text = i >= 0 && i < s->book->n_strings ? s->book->strings[i] : "";
    } else if (strcmp(s->type, "inlineStr") == 0) {
        cell.text = s->inline_text ? s->inline_text : "";
    } else if (strcmp(s->type, "b") == 0) {
        cell.kind = XLSX_BOOL;
        cell.text = strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
    } else if (strcmp(s->type, "e") == 0) {
        cell.kind = XLSX_ERROR;
    } else if (strcmp(s->type, "n") == 0 && v[0]) {
        bool date = xlsx_is_date_style(s->book, s->style);
        cell.kind = date ? XLSX_DATE : XLSX_NUMBER;
        xlsx_format_number(s->book, v, date, number, sizeof number);
        cell.text = number;
    }  /* "str" (a formula's text) and "d" (an ISO date) are as written */
    if (cell.text[0] && !s->err[0])
        s->fn(s->ctx, &cell);
}

static void xlsx_row_begin(XlsxSheetReader *s, XlsxXml *x)
{
    char *r = xlsx_xml_attr(x, "r");
    long n = r ? strtol(r, NULL, 10) : s->row + 1;
    if ((n < 1 || n > XLSX_MAX_ROW) && !s->err[0])
        snprintf(s->err, sizeof s->err, "row number \"%.20s\" is beyond row %d", r ? r : "?", XLSX_MAX_ROW);
    s->row = n < 1 || n > XLSX_MAX_ROW ? s->row + 1 : (int)n;
    s->col = -1;
    free(r);
}

/* Tracks one nesting depth: +1 at a non-empty start, -1 at its end. */
static bool xlsx_track(XlsxXml *x, const char *local, int *depth)
{
    if (xlsx_xml_is_start(x, local)) {
        *depth += !xmlTextReaderIsEmptyElement(x->reader);
        return true;
    }
    if (xlsx_xml_is_end(x, local)) {
        *depth -= *depth > 0;
        return true;
    }
    return false;
}

static void xlsx_sheet_node(XlsxSheetReader *s, XlsxXml *x)
{
    if (xlsx_xml_is_start(x, "row")) {
        xlsx_row_begin(s, x);
    } else if (xlsx_xml_is_start(x, "c")) {
        xlsx_cell_begin(s, x);
        if (xmlTextReaderIsEmptyElement(x->reader))
            xlsx_cell_end(s);
    } else if (xlsx_xml_is_end(x, "c")) {
        xlsx_cell_end(s);
    } else if (xlsx_track(x, "v", &s->depth_v) || xlsx_track(x, "is", &s->depth_is) ||
               xlsx_track(x, "t", &s->depth_t) || xlsx_track(x, "rPh", &s->depth_rph)) {
        return;
    } else if (s->depth_v > 0) {
        xlsx_text_append(&s->value, &s->value_len, xlsx_xml_text(x));
    } else if (s->depth_is > 0 && s->depth_t > 0 && s->depth_rph == 0) {
        xlsx_text_append(&s->inline_text, &s->inline_len, xlsx_xml_text(x));
    }
}

int xlsx_sheet_cells(Xlsx *book, int index, XlsxCellFn fn, void *ctx, char *err, size_t err_size)
{
    size_t size;
    XlsxXml x;
    int rc;
    if (index < 0 || index >= book->n_sheets) {
        snprintf(err, err_size, "no sheet %d", index);
        return -1;
    }
    char *data = xlsx_part_read(book, book->sheet_parts[index], false, &size, err, err_size);
    if (!data || xlsx_xml_open(&x, data, size) != 0) {
        if (data)
            snprintf(err, err_size, "cannot read the sheet");
        free(data);
        return -1;
    }
    XlsxSheetReader s = {.book = book, .fn = fn, .ctx = ctx, .row = 0, .col = -1};
    while ((rc = xlsx_xml_next(&x)) == 1 && !s.err[0])
        xlsx_sheet_node(&s, &x);
    if (rc < 0)
        snprintf(err, err_size, "the sheet's XML is broken at line %d: %s", x.error_line, x.error);
    else if (s.err[0])
        snprintf(err, err_size, "%s", s.err);
    free(s.value);
    free(s.inline_text);
    xlsx_xml_close(&x);
    free(data);
    return rc < 0 || s.err[0] ? -1 : 0;
}
