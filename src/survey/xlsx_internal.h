/* xlsx_internal.h: what xlsx.c (the container, workbook, shared strings
 * and styles) and xlsx_sheet.c (a sheet's cells) share. */
#ifndef SAYSO_SURVEY_XLSX_INTERNAL_H
#define SAYSO_SURVEY_XLSX_INTERNAL_H

#include "lazy/lazy_xml.h"
#include "lazy/lazy_zip.h"

#include "survey/xlsx.h"

#define XLSX_MAX_PART_BYTES (64u * 1024 * 1024) /* far above any form; a zip bomb stops here */
#define XLSX_MAX_ROW 1048576                    /* Excel's own limits */
#define XLSX_MAX_COL 16384

struct Xlsx {
    zip_t *zip;
    char **sheet_names;
    char **sheet_parts;   /* zip entry of each sheet */
    int n_sheets;
    char **strings;       /* the shared strings */
    int n_strings;
    unsigned char *is_date_style; /* per cell format (cellXfs), 1 for a date */
    int n_styles;
    bool date1904;        /* the workbook counts days from 1904 (old Mac Excel) */
};

/* A streaming XML reader over one part, keeping the first error. */
typedef struct {
    xmlTextReaderPtr reader;
    char error[256];
    int error_line;
} XlsxXml;

/* Opens a reader over `size` bytes (never loading DTDs or entities). 0 or -1. */
int xlsx_xml_open(XlsxXml *x, const char *data, size_t size);
void xlsx_xml_close(XlsxXml *x);
/* The next node: 1, 0 at the end, -1 on broken XML (x->error says why). */
int xlsx_xml_next(XlsxXml *x);
/* Whether the node is the start (or end) of element `local` (any namespace). */
bool xlsx_xml_is_start(XlsxXml *x, const char *local);
bool xlsx_xml_is_end(XlsxXml *x, const char *local);
/* The attribute `local` of the element (any namespace), malloc'd; NULL when absent. */
char *xlsx_xml_attr(XlsxXml *x, const char *local);
/* Text of a text node (or "" for other nodes); valid until the next call. */
const char *xlsx_xml_text(XlsxXml *x);

/* The whole zip entry `name` (case-insensitive, as OPC part names are),
 * NUL-terminated, at most XLSX_MAX_PART_BYTES. NULL with `err` when it is
 * missing (`missing_ok`: NULL and err "") or cannot be read. */
char *xlsx_part_read(Xlsx *book, const char *name, bool missing_ok, size_t *size, char *err,
                     size_t err_size);

/* Appends the text `s` to a growing string (*buf of *len, NUL-terminated),
 * turning Excel's _xHHHH_ escapes into the characters they stand for. */
void xlsx_text_append(char **buf, size_t *len, const char *s);

/* Formats a number cell: its value as a date when `date`, else the
 * shortest decimal that reads back the same. */
void xlsx_format_number(const Xlsx *book, const char *value, bool date, char *out, size_t size);

#endif
