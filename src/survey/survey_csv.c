/* survey_csv.c: reads one CSV file into rows that know their line numbers.
 *
 * libcsv does the parsing (RFC 4180, strict about quotes) but does not count
 * lines, so the file is fed to it one byte at a time: the reader notes the
 * line of the first byte of each record, which is the line a person sees in
 * a text editor even when a quoted field runs over several lines. Files are
 * a few kilobytes, so the per-byte call costs nothing that matters.
 *
 * Spreadsheets add their own habits, handled here: Excel's "CSV UTF-8"
 * starts with a byte order mark (skipped); a file saved as plain "CSV" is in
 * the Windows code page (reported as invalid UTF-8, with what to do). After
 * a quoting error the parser restarts on the next line, so one stray quote
 * does not hide the rest of the file. */
#include "survey/survey_internal.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CSV_MAX_FILE_BYTES (16 * 1024 * 1024)
#define CSV_MAX_UTF8_REPORTS 5

typedef struct {
    SurveyCsvTable *table;
    SurveyProblems *problems;
    SurveyCsvRow row;  /* the record being read */
    int line;          /* line of the byte being fed */
    int row_line;      /* line where the current record started */
    bool awaiting_row; /* no byte of the next record seen yet */
} CsvReader;

static bool is_blank_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void on_field(void *s, size_t len, void *data)
{
    CsvReader *r = data;
    r->row.fields = survey_xrealloc(r->row.fields, (size_t)r->row.n_fields + 1, sizeof(char *));
    r->row.fields[r->row.n_fields++] = survey_xstrndup(s ? s : "", s ? len : 0);
}

static void free_row(SurveyCsvRow *row)
{
    for (int i = 0; i < row->n_fields; i++)
        free(row->fields[i]);
    free(row->fields);
    row->fields = NULL;
    row->n_fields = 0;
}

static bool row_is_empty(const SurveyCsvRow *row)
{
    for (int i = 0; i < row->n_fields; i++)
        if (row->fields[i][0] != '\0')
            return false;
    return true;
}

/* End of a record: keep it unless every field is empty. */
static void on_row(int terminator, void *data)
{
    CsvReader *r = data;
    SurveyCsvTable *t = r->table;
    (void)terminator;
    if (row_is_empty(&r->row)) {
        free_row(&r->row);
    } else {
        t->rows = survey_xrealloc(t->rows, (size_t)t->n_rows + 1, sizeof(SurveyCsvRow));
        r->row.line = r->row_line;
        t->rows[t->n_rows++] = r->row;
        memset(&r->row, 0, sizeof r->row);
    }
    r->awaiting_row = true;
}

/* Length of the valid UTF-8 sequence at s (at most `left` bytes), 0 if invalid.
 * Rejects overlong forms, surrogates and code points above U+10FFFF. */
static int utf8_sequence_length(const unsigned char *s, size_t left)
{
    int n;
    unsigned min;
    unsigned cp;
    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xE0) == 0xC0) { n = 2; min = 0x80; cp = s[0] & 0x1F; }
    else if ((s[0] & 0xF0) == 0xE0) { n = 3; min = 0x800; cp = s[0] & 0x0F; }
    else if ((s[0] & 0xF8) == 0xF0) { n = 4; min = 0x10000; cp = s[0] & 0x07; }
    else return 0;
    if ((size_t)n > left)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* One problem per line with invalid UTF-8, up to CSV_MAX_UTF8_REPORTS. */
static void check_utf8(const char *path, const unsigned char *buf, size_t len,
                       SurveyProblems *problems)
{
    int line = 1, reported = 0, bad_lines = 0, last_bad_line = 0;
    size_t i = 0;
    while (i < len) {
        int n = utf8_sequence_length(buf + i, len - i);
        if (n == 0 && line != last_bad_line) {
            last_bad_line = line;
            bad_lines++;
            if (reported++ < CSV_MAX_UTF8_REPORTS)
                survey_problem_add(problems, path, line,
                                   "invalid UTF-8 text (byte 0x%02X); save the file as \"CSV UTF-8\"",
                                   buf[i]);
        }
        if (buf[i] == '\n')
            line++;
        i += n ? (size_t)n : 1;
    }
    if (bad_lines > CSV_MAX_UTF8_REPORTS)
        survey_problem_add(problems, path, 0, "%d more lines with invalid UTF-8 text",
                           bad_lines - CSV_MAX_UTF8_REPORTS);
}

/* Reads the whole file; NULL with errno set when it cannot. */
static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t cap = 0;
    *len = 0;
    if (!f)
        return NULL;
    for (;;) {
        if (*len == cap) {
            if (cap >= CSV_MAX_FILE_BYTES) {
                errno = EFBIG;
                goto fail;
            }
            cap = cap ? cap * 2 : 4096;
            buf = survey_xrealloc(buf, cap + 1, 1);
        }
        size_t got = fread(buf + *len, 1, cap - *len, f);
        *len += got;
        if (got == 0)
            break;
    }
    if (ferror(f))
        goto fail;
    fclose(f);
    return buf;
fail:;
    int saved = errno;
    free(buf);
    fclose(f);
    errno = saved;
    return NULL;
}

/* Feeds buf[*i] to the parser, counting lines; false on a quoting error. */
static bool feed_byte(struct csv_parser *p, CsvReader *r, const unsigned char *buf, size_t len,
                      size_t *i)
{
    unsigned char c = buf[*i];
    if (r->awaiting_row && !is_blank_byte(c)) {
        r->row_line = r->line;
        r->awaiting_row = false;
    }
    if (csv_parse(p, &c, 1, on_field, on_row, r) != 1) {
        if (csv_error(p) != CSV_EPARSE)
            survey_out_of_memory();
        return false;
    }
    if (c == '\n' || (c == '\r' && (*i + 1 >= len || buf[*i + 1] != '\n')))
        r->line++;
    (*i)++;
    return true;
}

/* After a quoting error: drop the broken record, skip to the next line and
 * start a fresh parser there. */
static void recover(struct csv_parser *p, CsvReader *r, const unsigned char *buf, size_t len,
                    size_t *i)
{
    survey_problem_add(r->problems, r->table->path, r->row_line,
                       "misplaced quote (\"): put quotes only around a whole field, "
                       "and write \"\" for a quote inside one");
    free_row(&r->row);
    csv_free(p);
    csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    while (*i < len && buf[*i] != '\n' && buf[*i] != '\r')
        (*i)++;
    r->awaiting_row = true;
}

static void parse_buffer(CsvReader *r, const unsigned char *buf, size_t len)
{
    struct csv_parser p;
    size_t i = 0;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len)
        if (!feed_byte(&p, r, buf, len, &i))
            recover(&p, r, buf, len, &i);
    if (csv_fini(&p, on_field, on_row, r) != 0) {
        survey_problem_add(r->problems, r->table->path, r->row_line,
                           "a quoted field that starts here is never closed (a \" is missing)");
        free_row(&r->row);
    }
    csv_free(&p);
}

/* Excel saves "CSV" with semicolons between fields where the comma is the
 * decimal mark (much of Europe): the header is then one field full of
 * semicolons. Says so, and how to save the file with commas. */
static void hint_semicolons(const SurveyCsvTable *table, SurveyProblems *problems)
{
    if (table->n_rows < 1 || table->rows[0].n_fields != 1 || !table->rows[0].fields[0] ||
        !strchr(table->rows[0].fields[0], ';'))
        return;
    survey_problem_add(problems, table->path, table->rows[0].line,
                       "the fields are separated by semicolons (;), as Excel saves CSV in some "
                       "countries; sayso reads commas: in Excel choose Save As, \"CSV UTF-8 (Comma "
                       "delimited)\", or in LibreOffice set the field delimiter to a comma");
}

void survey_csv_read(const char *path, SurveyCsvTable *table, SurveyProblems *problems)
{
    size_t len;
    unsigned char *buf;
    memset(table, 0, sizeof *table);
    table->path = survey_xstrdup(path);
    buf = read_file(path, &len);
    if (!buf) {
        if (errno != ENOENT)
            survey_problem_add(problems, path, 0, "cannot read the file: %s", strerror(errno));
        return;
    }
    table->found = true;
    check_utf8(path, buf, len, problems);
    CsvReader r = {.table = table, .problems = problems, .line = 1, .awaiting_row = true};
    parse_buffer(&r, buf, len);
    free(buf);
    hint_semicolons(table, problems);
}

void survey_csv_free(SurveyCsvTable *table)
{
    for (int i = 0; i < table->n_rows; i++)
        free_row(&table->rows[i]);
    free(table->rows);
    free(table->path);
    memset(table, 0, sizeof *table);
}
