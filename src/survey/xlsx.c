/* xlsx.c: opening an .xlsx workbook: its container, its list of sheets,
 * its shared strings and its date styles; see xlsx.h.
 *
 * The parts are found the way Office Open XML says: _rels/.rels names the
 * workbook part, the workbook's own relationships name its sheets, shared
 * strings and styles, so files written by Excel, LibreOffice, Google
 * Sheets and libraries (which name their parts differently) all open.
 * Every part is read whole (at most XLSX_MAX_PART_BYTES) and parsed with
 * libxml2's streaming reader, which keeps memory to the part's size. */
#include "survey/xlsx_internal.h"
#include "survey/survey_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define XLSX_OLE_MAGIC "\xD0\xCF\x11\xE0"

/* ---- XML --------------------------------------------------------------- */

static void xlsx_xml_error(void *arg, const char *msg, xmlParserSeverities severity,
                           xmlTextReaderLocatorPtr locator)
{
    XlsxXml *x = arg;
    if (x->error[0] || (severity != XML_PARSER_SEVERITY_ERROR && severity != XML_PARSER_SEVERITY_VALIDITY_ERROR))
        return;
    snprintf(x->error, sizeof x->error, "%s", msg ? msg : "broken XML");
    size_t n = strlen(x->error);
    while (n > 0 && (x->error[n - 1] == '\n' || x->error[n - 1] == ' '))
        x->error[--n] = '\0';
    x->error_line = locator ? xmlTextReaderLocatorLineNumber(locator) : 0;
}

int xlsx_xml_open(XlsxXml *x, const char *data, size_t size)
{
    memset(x, 0, sizeof *x);
    if (size > XLSX_MAX_PART_BYTES)
        return -1;
    x->reader = xmlReaderForMemory(data, (int)size, NULL, NULL,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!x->reader)
        return -1;
    xmlTextReaderSetErrorHandler(x->reader, xlsx_xml_error, x);
    return 0;
}

void xlsx_xml_close(XlsxXml *x)
{
    if (x->reader)
        xmlFreeTextReader(x->reader);
    x->reader = NULL;
}

int xlsx_xml_next(XlsxXml *x)
{
    int rc = xmlTextReaderRead(x->reader);
    if (rc < 0 && !x->error[0])
        snprintf(x->error, sizeof x->error, "broken XML");
    return rc < 0 ? -1 : rc;
}

static bool xlsx_xml_named(XlsxXml *x, const char *local)
{
    const xmlChar *name = xmlTextReaderConstLocalName(x->reader);
    return name && strcmp((const char *)name, local) == 0;
}

bool xlsx_xml_is_start(XlsxXml *x, const char *local)
{
    return xmlTextReaderNodeType(x->reader) == XML_READER_TYPE_ELEMENT && xlsx_xml_named(x, local);
}

bool xlsx_xml_is_end(XlsxXml *x, const char *local)
{
    int type = xmlTextReaderNodeType(x->reader);
    bool ends = type == XML_READER_TYPE_END_ELEMENT ||
                (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(x->reader));
    return ends && xlsx_xml_named(x, local);
}

/* Attributes are matched by local name, so r:id is found whatever prefix
 * (or strict-OOXML namespace) the writer used. */
char *xlsx_xml_attr(XlsxXml *x, const char *local)
{
    char *value = NULL;
    if (xmlTextReaderMoveToFirstAttribute(x->reader) != 1)
        return NULL;
    do {
        if (xlsx_xml_named(x, local)) {
            value = survey_xstrdup((const char *)xmlTextReaderConstValue(x->reader));
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(x->reader) == 1);
    xmlTextReaderMoveToElement(x->reader);
    return value;
}

const char *xlsx_xml_text(XlsxXml *x)
{
    int type = xmlTextReaderNodeType(x->reader);
    bool text = type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
    const xmlChar *value = text ? xmlTextReaderConstValue(x->reader) : NULL;
    return value ? (const char *)value : "";
}

/* ---- text -------------------------------------------------------------- */

static int xlsx_hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Excel writes characters XML cannot hold as _xHHHH_ (_x000D_ for a
 * carriage return). Returns the code point at `s`, or -1 when `s` is not
 * such an escape. */
static long xlsx_escape_at(const char *s)
{
    long cp = 0;
    if (s[0] != '_' || s[1] != 'x')
        return -1;
    for (int i = 2; i < 6; i++) {
        int h = xlsx_hex(s[i]);
        if (h < 0)
            return -1;
        cp = cp * 16 + h;
    }
    return s[6] == '_' ? cp : -1;
}

static size_t xlsx_utf8(long cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = 0xFFFD;
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

void xlsx_text_append(char **buf, size_t *len, const char *s)
{
    size_t n = strlen(s);
    *buf = survey_xrealloc(*buf, *len + n + 1, 1);
    char *out = *buf + *len;
    for (const char *p = s; *p;) {
        long cp = xlsx_escape_at(p);
        if (cp > 0) {  /* _x0000_ would end the string early: kept as written */
            out += xlsx_utf8(cp, out);
            p += 7;
        } else {
            *out++ = *p++;
        }
    }
    *out = '\0';
    *len = (size_t)(out - *buf);
}

/* ---- parts ------------------------------------------------------------- */

char *xlsx_part_read(Xlsx *book, const char *name, bool missing_ok, size_t *size, char *err,
                     size_t err_size)
{
    err[0] = '\0';
    zip_int64_t index = zip_name_locate(book->zip, name, ZIP_FL_NOCASE);
    if (index < 0) {
        if (!missing_ok)
            snprintf(err, err_size, "the workbook has no part %s", name);
        return NULL;
    }
    zip_file_t *file = zip_fopen_index(book->zip, (zip_uint64_t)index, 0);
    if (!file) {
        snprintf(err, err_size, "cannot read %s inside the workbook: %s", name, zip_strerror(book->zip));
        return NULL;
    }
    size_t cap = 65536, used = 0;
    char *buf = survey_xcalloc(cap + 1, 1);
    for (;;) {
        if (used == cap) {
            if (cap >= XLSX_MAX_PART_BYTES)
                break;
            cap *= 2;
            buf = survey_xrealloc(buf, cap + 1, 1);
        }
        zip_int64_t got = zip_fread(file, buf + used, cap - used);
        if (got <= 0) {
            if (got < 0)
                snprintf(err, err_size, "cannot read %s inside the workbook: %s", name,
                         zip_file_strerror(file));
            break;
        }
        used += (size_t)got;
    }
    zip_fclose(file);
    if (!err[0] && used >= XLSX_MAX_PART_BYTES)
        snprintf(err, err_size, "%s inside the workbook is larger than %u MB", name,
                 XLSX_MAX_PART_BYTES / (1024 * 1024));
    if (err[0]) {
        free(buf);
        return NULL;
    }
    buf[used] = '\0';
    *size = used;
    return buf;
}

/* ---- relationships ----------------------------------------------------- */

typedef struct {
    char *id, *type, *target;
} XlsxRel;

typedef struct {
    XlsxRel *items;
    int n;
} XlsxRels;

static void xlsx_rels_free(XlsxRels *rels)
{
    for (int i = 0; i < rels->n; i++) {
        free(rels->items[i].id);
        free(rels->items[i].type);
        free(rels->items[i].target);
    }
    free(rels->items);
    rels->items = NULL;
    rels->n = 0;
}

/* Resolves a relationship's target against the folder of the part that
 * owns it ("xl/"), as zip entry names have no leading "/"; "../" steps up. */
static char *xlsx_resolve(const char *base_dir, const char *target)
{
    if (target[0] == '/')
        return survey_xstrdup(target + 1);
    char *path = survey_xcalloc(strlen(base_dir) + strlen(target) + 1, 1);
    strcpy(path, base_dir);
    while (strncmp(target, "../", 3) == 0) {
        target += 3;
        size_t n = strlen(path);
        if (n > 0)
            path[--n] = '\0';  /* the folder's own "/" */
        char *slash = strrchr(path, '/');
        *(slash ? slash + 1 : path) = '\0';
    }
    strcat(path, target);
    return path;
}

/* Reads the relationships part `name` (a missing one is empty). 0 or -1. */
static int xlsx_rels_read(Xlsx *book, const char *name, const char *base_dir, XlsxRels *rels,
                          char *err, size_t err_size)
{
    size_t size;
    XlsxXml x;
    char *data = xlsx_part_read(book, name, true, &size, err, err_size);
    int rc = 0;
    if (!data)
        return err[0] ? -1 : 0;
    if (xlsx_xml_open(&x, data, size) != 0) {
        free(data);
        snprintf(err, err_size, "cannot read %s inside the workbook", name);
        return -1;
    }
    while ((rc = xlsx_xml_next(&x)) == 1) {
        if (!xlsx_xml_is_start(&x, "Relationship"))
            continue;
        char *target = xlsx_xml_attr(&x, "Target");
        XlsxRel rel = {xlsx_xml_attr(&x, "Id"), xlsx_xml_attr(&x, "Type"),
                       target ? xlsx_resolve(base_dir, target) : NULL};
        free(target);
        rels->items = survey_xrealloc(rels->items, (size_t)rels->n + 1, sizeof *rels->items);
        rels->items[rels->n++] = rel;
    }
    if (rc < 0)
        snprintf(err, err_size, "%s inside the workbook is broken XML (line %d: %s)", name, x.error_line,
                 x.error);
    xlsx_xml_close(&x);
    free(data);
    return rc < 0 ? -1 : 0;
}

/* The target of the first relationship whose type ends in `/kind` (or has
 * the id `id`); NULL when there is none. */
static const char *xlsx_rel_find(const XlsxRels *rels, const char *kind, const char *id)
{
    for (int i = 0; i < rels->n; i++) {
        const XlsxRel *r = &rels->items[i];
        const char *slash = r->type ? strrchr(r->type, '/') : NULL;
        if (!r->target)
            continue;
        if (id ? r->id && strcmp(r->id, id) == 0 : slash && strcmp(slash + 1, kind) == 0)
            return r->target;
    }
    return NULL;
}

/* ---- the workbook ------------------------------------------------------ */

static void xlsx_add_sheet(Xlsx *book, XlsxXml *x, const XlsxRels *rels)
{
    char *name = xlsx_xml_attr(x, "name"), *id = xlsx_xml_attr(x, "id");
    const char *part = id ? xlsx_rel_find(rels, NULL, id) : NULL;
    if (name && part) {
        book->sheet_names = survey_xrealloc(book->sheet_names, (size_t)book->n_sheets + 1, sizeof(char *));
        book->sheet_parts = survey_xrealloc(book->sheet_parts, (size_t)book->n_sheets + 1, sizeof(char *));
        book->sheet_names[book->n_sheets] = survey_xstrdup(name);
        book->sheet_parts[book->n_sheets++] = survey_xstrdup(part);
    }
    free(name);
    free(id);
}

static bool xlsx_true(const char *value)
{
    return value && (strcmp(value, "1") == 0 || strcasecmp(value, "true") == 0);
}

/* The sheets named in the workbook part, and its date system. */
static int xlsx_workbook_read(Xlsx *book, const char *part, const XlsxRels *rels, char *err,
                              size_t err_size)
{
    size_t size;
    XlsxXml x;
    int rc;
    char *data = xlsx_part_read(book, part, false, &size, err, err_size);
    if (!data || xlsx_xml_open(&x, data, size) != 0) {
        free(data);
        if (!err[0])
            snprintf(err, err_size, "cannot read the workbook part %s", part);
        return -1;
    }
    while ((rc = xlsx_xml_next(&x)) == 1) {
        if (xlsx_xml_is_start(&x, "sheet")) {
            xlsx_add_sheet(book, &x, rels);
        } else if (xlsx_xml_is_start(&x, "workbookPr")) {
            char *v = xlsx_xml_attr(&x, "date1904");
            book->date1904 = xlsx_true(v);
            free(v);
        }
    }
    if (rc < 0)
        snprintf(err, err_size, "the workbook part %s is broken XML (line %d: %s)", part, x.error_line, x.error);
    xlsx_xml_close(&x);
    free(data);
    return rc < 0 ? -1 : 0;
}

/* ---- shared strings ---------------------------------------------------- */

typedef struct {
    char *text;
    size_t len;
    int depth_t;   /* inside a <t> */
    int depth_rph; /* inside phonetic guide text, which is not the cell's */
} XlsxStringBuilder;

static void xlsx_add_string(Xlsx *book, XlsxStringBuilder *sb)
{
    if (book->n_strings % 256 == 0)
        book->strings = survey_xrealloc(book->strings, (size_t)book->n_strings + 256, sizeof(char *));
    book->strings[book->n_strings++] = sb->text ? sb->text : survey_xstrdup("");
    sb->text = NULL;
    sb->len = 0;
}

/* One node of the shared strings part. */
static void xlsx_string_node(Xlsx *book, XlsxXml *x, XlsxStringBuilder *sb)
{
    if (xlsx_xml_is_start(x, "rPh") && !xmlTextReaderIsEmptyElement(x->reader))
        sb->depth_rph++;
    else if (xlsx_xml_is_end(x, "rPh") && !xlsx_xml_is_start(x, "rPh"))
        sb->depth_rph--;
    else if (xlsx_xml_is_start(x, "t") && !xmlTextReaderIsEmptyElement(x->reader))
        sb->depth_t++;
    else if (xlsx_xml_is_end(x, "t") && !xlsx_xml_is_start(x, "t"))
        sb->depth_t--;
    else if (xlsx_xml_is_end(x, "si"))
        xlsx_add_string(book, sb);
    else if (sb->depth_t > 0 && sb->depth_rph == 0)
        xlsx_text_append(&sb->text, &sb->len, xlsx_xml_text(x));
}

static int xlsx_strings_read(Xlsx *book, const char *part, char *err, size_t err_size)
{
    size_t size;
    XlsxXml x;
    XlsxStringBuilder sb = {0};
    int rc;
    char *data = part ? xlsx_part_read(book, part, true, &size, err, err_size) : NULL;
    if (!data)
        return err[0] ? -1 : 0;  /* a workbook with no text has no shared strings */
    if (xlsx_xml_open(&x, data, size) != 0) {
        free(data);
        snprintf(err, err_size, "cannot read the shared strings %s", part);
        return -1;
    }
    while ((rc = xlsx_xml_next(&x)) == 1)
        xlsx_string_node(book, &x, &sb);
    if (rc < 0)
        snprintf(err, err_size, "the shared strings %s are broken XML (line %d: %s)", part, x.error_line, x.error);
    free(sb.text);
    xlsx_xml_close(&x);
    free(data);
    return rc < 0 ? -1 : 0;
}

/* ---- styles: which cell formats are dates ------------------------------- */

/* Built-in number formats that show dates or times (ECMA-376, 18.8.30). */
static bool xlsx_builtin_date(int id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

/* A custom format shows a date when, outside quoted text, escapes and
 * [colour] or [$-locale] brackets, it uses d, y, or h with m or s. */
static bool xlsx_code_is_date(const char *code)
{
    bool d = false, h = false, ms = false;
    for (const char *p = code; *p; p++) {
        if (*p == '"') {
            while (p[1] && p[1] != '"')
                p++;
            p += p[1] ? 1 : 0;
        } else if (*p == '\\' && p[1]) {
            p++;
        } else if (*p == '[') {
            while (p[1] && p[1] != ']')
                p++;
        } else {
            char c = (char)(*p | 0x20);
            d = d || c == 'd' || c == 'y';
            h = h || c == 'h';
            ms = ms || c == 'm' || c == 's';
        }
    }
    return d || (h && ms);
}

typedef struct {
    int ids[512]; /* custom formats that are dates */
    int n;
    bool in_cell_xfs;
} XlsxStyleReader;

static void xlsx_style_node(Xlsx *book, XlsxXml *x, XlsxStyleReader *sr)
{
    if (xlsx_xml_is_start(x, "numFmt")) {
        char *id = xlsx_xml_attr(x, "numFmtId"), *code = xlsx_xml_attr(x, "formatCode");
        if (id && code && xlsx_code_is_date(code) && sr->n < 512)
            sr->ids[sr->n++] = atoi(id);
        free(id);
        free(code);
    } else if (xlsx_xml_is_start(x, "cellXfs") && !xmlTextReaderIsEmptyElement(x->reader)) {
        sr->in_cell_xfs = true;
    } else if (xlsx_xml_is_end(x, "cellXfs")) {
        sr->in_cell_xfs = false;
    } else if (sr->in_cell_xfs && xlsx_xml_is_start(x, "xf") && book->n_styles < 65536) {
        char *v = xlsx_xml_attr(x, "numFmtId");
        int id = v ? atoi(v) : 0;
        bool date = xlsx_builtin_date(id);
        for (int i = 0; i < sr->n && !date; i++)
            date = sr->ids[i] == id;
        free(v);
        book->is_date_style = survey_xrealloc(book->is_date_style, (size_t)book->n_styles + 1, 1);
        book->is_date_style[book->n_styles++] = date;
    }
}

/* Styles only tell dates from numbers: a workbook without them, or with
 * broken ones, still reads (its dates then show as numbers). */
static void xlsx_styles_read(Xlsx *book, const char *part)
{
    size_t size;
    XlsxXml x;
    XlsxStyleReader sr = {.n = 0};
    char err[256];
    char *data = part ? xlsx_part_read(book, part, true, &size, err, sizeof err) : NULL;
    if (!data)
        return;
    if (xlsx_xml_open(&x, data, size) == 0) {
        while (xlsx_xml_next(&x) == 1)
            xlsx_style_node(book, &x, &sr);
        xlsx_xml_close(&x);
    }
    free(data);
}

/* ---- opening ----------------------------------------------------------- */

static const char *xlsx_folder_of(const char *part, char *out, size_t size)
{
    const char *slash = strrchr(part, '/');
    snprintf(out, size, "%.*s", slash ? (int)(slash - part + 1) : 0, part);
    return out;
}

/* Finds and reads the workbook part, its sheets, strings and styles. */
static int xlsx_load(Xlsx *book, char *err, size_t err_size)
{
    XlsxRels root = {0}, rels = {0};
    char dir[256], rels_name[512];
    int rc = xlsx_rels_read(book, "_rels/.rels", "", &root, err, err_size);
    const char *part = rc == 0 ? xlsx_rel_find(&root, "officeDocument", NULL) : NULL;
    if (rc == 0 && !part)
        part = "xl/workbook.xml";
    if (rc == 0) {
        xlsx_folder_of(part, dir, sizeof dir);
        snprintf(rels_name, sizeof rels_name, "%s_rels/%s.rels", dir, part + strlen(dir));
        rc = xlsx_rels_read(book, rels_name, dir, &rels, err, err_size);
    }
    if (rc == 0)
        rc = xlsx_workbook_read(book, part, &rels, err, err_size);
    if (rc == 0)
        rc = xlsx_strings_read(book, xlsx_rel_find(&rels, "sharedStrings", NULL), err, err_size);
    if (rc == 0)
        xlsx_styles_read(book, xlsx_rel_find(&rels, "styles", NULL));
    if (rc == 0 && book->n_sheets == 0) {
        snprintf(err, err_size, "the workbook has no sheets");
        rc = -1;
    }
    xlsx_rels_free(&root);
    xlsx_rels_free(&rels);
    return rc;
}

static Xlsx *xlsx_finish_open(zip_t *zip, char *err, size_t err_size)
{
    Xlsx *book = survey_xcalloc(1, sizeof *book);
    book->zip = zip;
    if (xlsx_load(book, err, err_size) == 0)
        return book;
    xlsx_close(book);
    return NULL;
}

/* Why a file that is no zip is no workbook: an old .xls and a workbook
 * with a password are both OLE compound files. */
static void xlsx_not_zip(const unsigned char *head, size_t n, const char *why, char *err, size_t err_size)
{
    if (n >= 4 && memcmp(head, XLSX_OLE_MAGIC, 4) == 0)
        snprintf(err, err_size, "this is an old Excel file (.xls) or a workbook with a password; "
                                "open it and save it as an Excel Workbook (.xlsx) without a password");
    else
        snprintf(err, err_size, "not an .xlsx workbook (%s)", why);
}

/* libzip and libxml2, opened the first time a workbook is read. */
static bool xlsx_libraries_ready(char *err, size_t err_size)
{
    return lazy_zip_ready(err, err_size) && lazy_xml_ready(err, err_size);
}

Xlsx *xlsx_open(const char *path, char *err, size_t err_size)
{
    int code = 0;
    unsigned char head[4] = {0};
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, err_size, "cannot open the file: %s", strerror(errno));
        return NULL;
    }
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    if (!xlsx_libraries_ready(err, err_size))
        return NULL;
    zip_t *zip = zip_open(path, ZIP_RDONLY, &code);
    if (!zip) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        xlsx_not_zip(head, n, zip_error_strerror(&ze), err, err_size);
        zip_error_fini(&ze);
        return NULL;
    }
    return xlsx_finish_open(zip, err, err_size);
}

Xlsx *xlsx_open_memory(const void *data, size_t size, char *err, size_t err_size)
{
    zip_error_t ze;
    if (!xlsx_libraries_ready(err, err_size))
        return NULL;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, size, 0, &ze);
    zip_t *zip = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!zip) {
        xlsx_not_zip(data, size, zip_error_strerror(&ze), err, err_size);
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    return xlsx_finish_open(zip, err, err_size);
}

void xlsx_close(Xlsx *book)
{
    if (!book)
        return;
    for (int i = 0; i < book->n_sheets; i++) {
        free(book->sheet_names[i]);
        free(book->sheet_parts[i]);
    }
    for (int i = 0; i < book->n_strings; i++)
        free(book->strings[i]);
    free(book->sheet_names);
    free(book->sheet_parts);
    free(book->strings);
    free(book->is_date_style);
    if (book->zip)
        zip_discard(book->zip);
    free(book);
}

int xlsx_sheet_count(const Xlsx *book)
{
    return book->n_sheets;
}

const char *xlsx_sheet_name(const Xlsx *book, int index)
{
    return index >= 0 && index < book->n_sheets ? book->sheet_names[index] : NULL;
}

void xlsx_column_name(int col, char out[8])
{
    char tmp[8];
    int n = 0;
    for (int j = col + 1; j > 0 && n < 7; j = (j - 1) / 26)
        tmp[n++] = (char)('A' + (j - 1) % 26);
    for (int k = 0; k < n; k++)
        out[k] = tmp[n - 1 - k];
    out[n] = '\0';
}
