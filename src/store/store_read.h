/* store_read.h: reading a kiosk's database for exports and reports.
 *
 * A reader opens the database read-only (SQLITE_OPEN_READONLY, PRAGMA
 * query_only) and reads everything inside one read transaction, so an
 * export sees one consistent snapshot and is safe while the kiosk runs and
 * writes (WAL: readers never block the writer, nor it them). It never
 * changes the file. Nothing outside src/store includes sqlite3.h.
 *
 * Rows are handed to callbacks; the strings in them last only during the
 * call. A callback may call the reader again (store_reader_answers from a
 * session's callback). Times are UTC ISO 8601 with milliseconds, as the
 * store writes them. Opening a WAL file read-only may leave its -wal and
 * -shm files beside it (SQLite needs them to read); the file itself stays
 * byte for byte as it was. */
#ifndef SAYSO_STORE_READ_H
#define SAYSO_STORE_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

typedef struct StoreReader StoreReader;

/* Which sessions to read: NULL members are "any". */
typedef struct {
    const char *since;       /* "YYYY-MM-DD": sessions started on or after that day (UTC) */
    const char *group_label; /* only the sessions of this group session */
    bool not_exported;       /* only sessions never exported (the staff menu's "new since the last export") */
    const char *venue;       /* only the sessions of kiosks at this venue (kiosk.venue) */
} StoreFilter;

typedef struct {
    const char *id;             /* session UUID */
    const char *kiosk_id;
    const char *survey_id;
    const char *survey_version;
    const char *language;
    const char *touch_style;    /* may be NULL */
    const char *input_used;     /* "touch,keyboard"; NULL before any input */
    const char *mode;           /* "self" or "supported" */
    const char *group_label;    /* NULL outside a group session */
    const char *started_at;
    const char *ended_at;       /* NULL while open or if cut off */
    const char *ended_how;      /* "finished", "stopped", "timeout" or NULL */
    const char *kiosk_name;     /* the kiosk's name at the central store; NULL when not known */
    const char *venue;          /* the kiosk's venue at the central store; NULL when not known */
} StoreSessionRow;

typedef struct {
    const char *id;           /* answer UUID */
    const char *session_id;
    const char *question;     /* survey.csv name; "NAME:spoken" for own words */
    const char *topic;        /* mat topic, else NULL */
    const char *choice;       /* choice (mat column), else NULL */
    bool skipped;
    bool not_reached;         /* a mat topic never reached (always skipped too) */
    const char *text;         /* typed words, else NULL */
    const char *answered_at;
    bool has_recording;       /* a WAV is kept for (session_id, question) */
    int recording_ms;         /* its duration, 0 when none */
    StoreValue value;         /* a typed value (number, date, ...); type NONE when there is none */
} StoreAnswerRow;

/* Opens `path` read-only and begins the snapshot. NULL with a plain message
 * in `err` ("cannot open x.db: No such file or directory") when it cannot;
 * a missing file is never created. A file that is not a sayso database,
 * is newer than this program or older than schema 3 (answer.text), is
 * refused. */
StoreReader *store_reader_open(const char *path, char *err, size_t err_size);
void store_reader_close(StoreReader *reader);

/* The last error, in words a person can act on. */
const char *store_reader_error(const StoreReader *reader);

/* Calls `fn` for each session matching `filter` (NULL: all), by started_at
 * then id. Returns the number of sessions or -1. */
typedef void (*StoreSessionFn)(void *ctx, const StoreSessionRow *row);
int store_reader_sessions(StoreReader *reader, const StoreFilter *filter, StoreSessionFn fn,
                          void *ctx);

/* Calls `fn` for each answer of `session_id` in answered order (answered_at,
 * then insertion). Returns the number of rows or -1. */
typedef void (*StoreAnswerRowFn)(void *ctx, const StoreAnswerRow *row);
int store_reader_answers(StoreReader *reader, const char *session_id, StoreAnswerRowFn fn,
                         void *ctx);

/* The WAV kept for (session_id, question): 1 with a malloc'd copy in *wav
 * (caller frees) and its size; 0 when there is none; -1 on error. */
int store_reader_recording(StoreReader *reader, const char *session_id, const char *question,
                           unsigned char **wav, size_t *size);

#endif
