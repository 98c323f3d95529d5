/* csv_file.c: a small CSV file row by row; see csv_file.h. */
#include "csvfile/csv_file.h"

#include <csv.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    CsvRowFn fn;
    void *ctx;
    char *fields[CSV_FILE_MAX_FIELDS];
    int n_fields, line, row_line;
    bool stopped;
} CsvReader;

static void on_field(void *data, size_t len, void *ctx)
{
    CsvReader *r = ctx;
    if (r->n_fields < CSV_FILE_MAX_FIELDS)
        r->fields[r->n_fields] = strndup(data ? data : "", len);
    r->n_fields++;
}

static void drop_fields(CsvReader *r)
{
    for (int i = 0; i < CSV_FILE_MAX_FIELDS; i++) {
        free(r->fields[i]);
        r->fields[i] = NULL;
    }
    r->n_fields = 0;
}

static void on_row(int c, void *ctx)
{
    CsvReader *r = ctx;
    (void)c;
    if (!r->stopped && r->fn(r->ctx, r->fields, r->n_fields, r->row_line) != 0)
        r->stopped = true;
    drop_fields(r);
}

int csv_file_read(const char *path, CsvRowFn fn, void *ctx, char *err, size_t err_size)
{
    struct csv_parser parser;
    CsvReader r = {.fn = fn, .ctx = ctx};
    char line[4096];
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, err_size, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    if (csv_init(&parser, CSV_APPEND_NULL) != 0) {
        fclose(f);
        snprintf(err, err_size, "out of memory reading %s", path);
        return -1;
    }
    while (!r.stopped && fgets(line, sizeof line, f)) {
        r.line++;
        if (r.n_fields == 0)
            r.row_line = r.line;
        if (csv_parse(&parser, line, strlen(line), on_field, on_row, &r) != strlen(line)) {
            snprintf(err, err_size, "%s:%d: %s", path, r.line, csv_strerror(csv_error(&parser)));
            r.stopped = true;
        }
    }
    if (!r.stopped)
        csv_fini(&parser, on_field, on_row, &r);
    csv_free(&parser);
    drop_fields(&r);
    fclose(f);
    return r.stopped ? -1 : 0;
}
