/* export_internal.h: what the files of src/export share with each other.
 *
 * An export is a walk over one reader's snapshot (export_walk) feeding a
 * sink, one per format: the walk finds each answer's labels in the survey
 * and writes its recording, the sink only formats. Files are written whole
 * or not at all through an AtomicFile (a temporary name, fsync, rename). */
#ifndef SAYSO_EXPORT_INTERNAL_H
#define SAYSO_EXPORT_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>

#include "export/export.h"
#include "fileio/atomic_file.h"

#define EXPORT_ERR_SIZE 512

/* Opens an AtomicFile for `path` (mode 0644). 0, or -1 with "cannot
 * write PATH: REASON" in `err` (nothing is left behind). */
int export_file_open(AtomicFile *file, const char *path, char *err, size_t err_size);

/* Syncs and commits the file (atomic_file.h). 0, or -1 with "cannot write
 * PATH: REASON" in `err`; on failure the temporary file is removed and
 * `path` is left as it was. */
int export_file_commit(AtomicFile *file, char *err, size_t err_size);

/* Writes `size` bytes as the file `path`, whole or not at all. 0 or -1. */
int export_file_write_all(const char *path, const void *data, size_t size, char *err,
                          size_t err_size);

/* Makes the folder `path` when it is missing (export.c). 0, or -1 with
 * "cannot make the folder PATH: REASON" in `err`. */
int export_make_folder(const char *path, char *err, size_t err_size);

/* Copies `question`, an answer row's question, into `out` as the survey's
 * name: without the ":spoken" of an own-words answer ("NAME:spoken") or
 * the ":other" of or_other's own words ("NAME:other"), the only colons a
 * question row holds. Cut short when too long. True for own words (spoken
 * or typed) (export_walk.c). */
bool export_question_name(const char *question, char *out, size_t size);

/* A typed value (a number, a date's text) as the csv writes it: an
 * integer as is, a real number as its shortest decimal that reads back
 * the same, text as it is; "" for none (export_walk.c). */
void export_value_text(const StoreValue *value, char *out, size_t size);

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
