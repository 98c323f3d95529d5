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
#include <string.h>

#include "export/export.h"
#include "fileio/atomic_file.h"

#define EXPORT_ERR_SIZE 512
/* Exports hold people's answers: only the kiosk's own user may read them
 * (a stricter umask takes away more). Staff copy them on deliberately. */
#define EXPORT_FILE_MODE 0600
#define EXPORT_FOLDER_MODE 0700

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

/* A large buffer in front of a file (export_buffer.c): the csv and jsonl
 * formats append their pieces here and the file gets them a megabyte at a
 * time. With `out` NULL it is a growing piece of memory instead. `error`
 * keeps the errno of the first failure; after it, writes do nothing. */
typedef struct {
    FILE *out;
    char *data;
    size_t used, size;
    int error;
} ExportBuffer;

/* Sets up `b` in front of `out` (NULL: in memory). 0, or -1 (out of
 * memory: b->error). */
int export_buffer_open(ExportBuffer *b, FILE *out);

/* Room for `n` more bytes at the end (what is buffered goes to the file
 * first when needed): write up to `n` bytes there, then add how many to
 * b->used. NULL after a failure. */
char *export_buffer_room(ExportBuffer *b, size_t n);

/* Appends `n` bytes; export_buffer_put is the inline way in. */
void export_buffer_put_slow(ExportBuffer *b, const void *bytes, size_t n);

static inline void export_buffer_put(ExportBuffer *b, const void *bytes, size_t n)
{
    if (b->size - b->used >= n) {
        memcpy(b->data + b->used, bytes, n);
        b->used += n;
    } else {
        export_buffer_put_slow(b, bytes, n);
    }
}

/* Writes out what is left and frees the buffer (the FILE stays open).
 * 0, or the errno of the first failure. */
int export_buffer_close(ExportBuffer *b);

/* Makes the folder `path` when it is missing (export.c). 0, or -1 with
 * "cannot make the folder PATH: REASON" in `err`. */
int export_make_folder(const char *path, char *err, size_t err_size);

/* Copies `question`, an answer row's question, into `out` as the survey's
 * name: without the ":spoken" of an own-words answer ("NAME:spoken") or
 * the ":other" of or_other's own words ("NAME:other"), the only colons a
 * question row holds. Cut short when too long. True for own words (spoken
 * or typed) (export_walk.c). */
bool export_question_name(const char *question, char *out, size_t size);

/* An answer row's status, as exports write it: "answered", "skipped" (the
 * person chose to skip) or "not_reached" (a mat topic they never reached). */
static inline const char *export_status(const StoreAnswerRow *row)
{
    return row->not_reached ? "not_reached" : row->skipped ? "skipped" : "answered";
}

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
