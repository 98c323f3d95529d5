/* csv_file.h: reading a small CSV file row by row, with libcsv.
 *
 * For the kiosk's own data files (assets/words.csv, the symbols' lexicon);
 * survey files have their own reader in src/survey, which also collects
 * every problem. Each row comes with the line it starts on, so a caller can
 * name FILE:LINE in its messages. */
#ifndef SAYSO_CSV_FILE_H
#define SAYSO_CSV_FILE_H

#include <stddef.h>

#define CSV_FILE_MAX_FIELDS 32

/* Called for every row: `fields` are NUL-terminated (at most
 * CSV_FILE_MAX_FIELDS; `n_fields` may be larger when a row has more) and
 * belong to the reader. Return 0 to go on, or -1 to stop (having written the
 * reason into the reader's err). */
typedef int (*CsvRowFn)(void *ctx, char **fields, int n_fields, int line);

/* Reads `path`; returns 0, or -1 with a message in `err` ("cannot read
 * FILE: ...", "FILE:LINE: <libcsv's reason>", or the callback's). */
int csv_file_read(const char *path, CsvRowFn fn, void *ctx, char *err, size_t err_size);

#endif
