/* export.h: getting the answers out of a kiosk's database.
 *
 * Every export reads through a StoreReader (store/store_read.h): read-only,
 * one snapshot, safe while the kiosk runs. Formats:
 *   csv    RFC 4180, UTF-8, a header row, one row per answer (long format)
 *   jsonl  one session per line, its answers nested (written with jansson)
 *   html   one self-contained report: charts as inline SVG, symbols inlined
 * With csv and jsonl, recordings (spoken answers) are written as WAV files
 * named by answer id, in a "recordings" folder beside the output file.
 *
 * The survey gives question and choice labels (its default language),
 * symbols and kinds; sessions of another survey (another form_id) keep
 * their names and get empty labels. */
#ifndef SAYSO_EXPORT_H
#define SAYSO_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "store/store_read.h"
#include "survey/survey.h"

typedef enum { EXPORT_CSV, EXPORT_JSONL, EXPORT_HTML } ExportFormat;

typedef struct {
    const char *db_path;
    const Survey *survey;             /* labels, symbols, kinds; may be NULL (names only) */
    const char *const *symbol_dirs;   /* packs, then assets/symbols; NULL-ended; may be NULL */
    ExportFormat format;
    const char *out_path;             /* the file to write ("-" is not allowed) */
    StoreFilter filter;               /* --since, --group, --venue; stated at the top of the report */
    bool by_venue;                    /* from the central store: every row names its kiosk and venue,
                                       * and the report has a section per venue */
    /* Called once for each session exported (may be NULL), after every
     * file is in place: the staff menu marks those sessions exported. */
    void (*on_session)(void *ctx, const char *session_id);
    void *ctx;
} ExportRequest;

typedef struct {
    int sessions;
    int answers;
    int recordings;   /* WAV files written */
} ExportCounts;

/* Writes one export. The file appears whole or not at all: it is written
 * to a temporary name beside it, flushed (fsync) and renamed. Returns 0, or
 * -1 with a plain message in `err` naming the file or the database and what
 * went wrong ("cannot write /media/usb/answers.csv: no space left on
 * device"). `counts` may be NULL. */
int export_run(const ExportRequest *request, ExportCounts *counts, char *err, size_t err_size);

/* Writes answers.csv, answers.jsonl (with recordings/) and report.html into
 * the folder `request->out_path` (made when missing), all from one
 * snapshot; `format` is ignored. `on_session` is called once per session.
 * `counts` are the csv's. 0 or -1 with `err`. */
int export_folder(const ExportRequest *request, ExportCounts *counts, char *err, size_t err_size);

/* The HTML report (export_html.c), written to `out` from `reader`'s
 * snapshot. 0 or -1 with `err`. */
int export_html_write(StoreReader *reader, const ExportRequest *request, FILE *out,
                      ExportCounts *counts, char *err, size_t err_size);

#endif
