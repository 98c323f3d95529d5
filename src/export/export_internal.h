/* export_internal.h: what the files of src/export share with each other.
 *
 * An export is a walk over one reader's snapshot (export_walk) feeding a
 * sink, one per format: the walk finds each answer's labels in the survey
 * and writes its recording, the sink only formats. Files are written whole
 * or not at all through ExportFile (a temporary name, fsync, rename). */
#ifndef SAYSO_EXPORT_INTERNAL_H
#define SAYSO_EXPORT_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>

#include "export/export.h"

#define EXPORT_ERR_SIZE 512

/* A file being written: `f` writes to `tmp` beside `path` until commit. */
typedef struct {
    FILE *f;
    char *path; /* the final name, as given */
    char *tmp;  /* the temporary name, in the same folder */
} ExportFile;

/* Creates a temporary file beside `path` and opens it for writing. 0, or -1
 * with "cannot write PATH: REASON" in `err` (nothing is left behind). */
int export_file_open(ExportFile *file, const char *path, char *err, size_t err_size);

/* Flushes, fsyncs and closes the file, then renames it to its final name
 * (replacing a file there) and fsyncs the folder. 0, or -1 with `err`; on
 * failure the temporary file is removed and `path` is left as it was. */
int export_file_commit(ExportFile *file, char *err, size_t err_size);

/* Closes and removes the temporary file; safe on a file never opened. */
void export_file_abort(ExportFile *file);

/* Writes `size` bytes as the file `path`, whole or not at all. 0 or -1. */
int export_file_write_all(const char *path, const void *data, size_t size, char *err,
                          size_t err_size);

/* One answer as the sinks see it. Labels are the survey's (its default
 * language), NULL when the survey does not apply or has no such name. */
typedef struct {
    const StoreAnswerRow *row;
    const char *question_label;
    const char *choice_label;
    const char *topic_label;
    const char *recording; /* "recordings/ANSWER_ID.wav", or NULL */
} ExportAnswer;

/* A format. Each member returns 0, or -1 after writing the reason into
 * the sink's own error (read back through `error`). */
typedef struct {
    int (*session_begin)(void *ctx, const StoreSessionRow *session);
    int (*answer)(void *ctx, const StoreSessionRow *session, const ExportAnswer *answer);
    /* `n_answers` is how many answers `answer` was given for the session. */
    int (*session_end)(void *ctx, const StoreSessionRow *session, int n_answers);
    const char *(*error)(void *ctx);
} ExportSink;

/* Walks the sessions of `request->filter` in `reader`'s snapshot and their
 * answers, feeding `sink`. With `recordings_dir` (NULL: none written, the
 * names still given), each kept recording is written there as
 * ANSWER_ID.wav. Adds to `counts`. 0, or -1 with `err`. */
int export_walk(StoreReader *reader, const ExportRequest *request, const char *recordings_dir,
                const ExportSink *sink, void *sink_ctx, ExportCounts *counts, char *err,
                size_t err_size);

/* The formats: write the snapshot to `out` (a file being written at
 * `out_name`, named in messages). 0, or -1 with `err`. */
int export_csv_write(StoreReader *reader, const ExportRequest *request, FILE *out,
                     const char *out_name, const char *recordings_dir, ExportCounts *counts,
                     char *err, size_t err_size);
int export_jsonl_write(StoreReader *reader, const ExportRequest *request, FILE *out,
                       const char *out_name, const char *recordings_dir, ExportCounts *counts,
                       char *err, size_t err_size);

#endif
