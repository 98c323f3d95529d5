/* store.h: every answer kept in SQLite on the device.
 *
 * One database per kiosk, WAL mode with synchronous=FULL: each change is its
 * own transaction, committed before the call returns, so a power cut loses at
 * most the answer being given. The schema has a version (PRAGMA user_version)
 * and migrations. The kiosk's UUID is made on first open; sessions, answers
 * and recordings carry UUIDs so exports and syncs are idempotent. Times are
 * UTC ISO 8601 with milliseconds ("2026-11-22T10:04:05.123Z").
 *
 * Nothing outside src/store includes sqlite3.h. */
#ifndef SAYSO_STORE_H
#define SAYSO_STORE_H

#include <stdbool.h>
#include <stddef.h>

#define STORE_UUID_SIZE 37 /* 36 characters and the NUL */
#define STORE_SCHEMA_VERSION 9

typedef struct Store Store;

typedef struct {
    const char *survey_id;
    const char *survey_version;
    const char *language;    /* language code, "en" */
    const char *touch_style; /* "touch" for now */
    const char *mode;        /* "self" or "supported" */
    const char *group_label; /* NULL outside a group session */
} StoreSessionInfo;

/* Opens (creating and migrating when needed) the database at `path`.
 * Returns NULL and a plain message in `err` ("cannot open sayso.db: disk full")
 * on failure. */
Store *store_open(const char *path, char *err, size_t err_size);
void store_close(Store *store);

/* The kiosk's UUID, made on first open and kept in the database. */
const char *store_kiosk_id(const Store *store);

/* Starts a session row; writes its new UUID into `session_id`. 0 or -1. */
int store_session_begin(Store *store, const StoreSessionInfo *info, char session_id[STORE_UUID_SIZE]);

/* Ends a session: `how` is "finished", "stopped" or "timeout". 0 or -1.
 * Any other `how`, or an unknown session, is -1. Ending a session that has
 * already ended is 0 and keeps the first ending. */
int store_session_end(Store *store, const char *session_id, const char *how);

/* Notes that the session used `input` ("touch", "switch" or "keyboard"; no
 * commas): session.input_used lists each input once, in first-used order,
 * comma-separated. Repeating an input changes nothing. 0 or -1. */
int store_session_input_used(Store *store, const char *session_id, const char *input);

/* Records the answer to one question (or, for a mat, to one topic of it) in
 * a single transaction, replacing what was there for (session, question,
 * topic): rows for choices still chosen are kept (same id), rows for choices
 * no longer chosen are deleted, new choices get new rows. `topic` is NULL
 * outside a mat. With n_choices == 0: `skipped` true leaves one row with
 * skipped=1; false leaves no row (everything un-chosen). A spoken answer
 * (store_recording_put) is replaced like any other: with `topic` NULL, the
 * question's kept recording is deleted in the same transaction, so skipping
 * an audio question, or putting no answer to it, removes its recording.
 * A typed answer (store_text_put) goes the same way: with `topic` NULL its
 * row is replaced, so skipping a text question removes its words.
 * 0 or -1. */
int store_answer_put(Store *store, const char *session_id, const char *question, const char *topic,
                     const char *const *choices, int n_choices, bool skipped);

/* Records that the person never reached `topic` of the mat `question`
 * (they went on, or stopped, before placing or skipping it), in one
 * transaction, replacing what was there for (session, question, topic):
 * one row with choice NULL, skipped 1 and not_reached 1. A later
 * store_answer_put of the topic (placed, or skipped) replaces that row in
 * turn. 0 or -1. */
int store_answer_not_reached(Store *store, const char *session_id, const char *question,
                             const char *topic);

/* Keeps a spoken answer (XLSForm type audio) to `question`: `size` bytes
 * of WAV (wav_encode's, 16-bit mono), `duration_ms` long, at `sample_rate`
 * Hz. In one transaction, it replaces what was there for (session,
 * question): the session's earlier recording of the question is deleted
 * ("record again, keep": only the last kept one stays), as are a skip or
 * choice rows of the question, and the question gets its answer row with
 * choice NULL and skipped false (kept, with its id and answered_at, when
 * the question already had a spoken answer; typed words on it are
 * cleared). Writes the new recording's
 * UUID into `id_out`. 0 or -1 (an unknown session, a full disk: see
 * store_error). */
int store_recording_put(Store *store, const char *session_id, const char *question,
                        const unsigned char *wav, size_t size, int duration_ms, int sample_rate,
                        char id_out[STORE_UUID_SIZE]);

/* Reads the recording kept for (session, question). Returns 1 with a
 * malloc'd copy of the WAV in *wav (the caller frees it), its length in
 * *size and its duration in *duration_ms; 0 when there is none (*wav NULL,
 * *size 0); -1 on error (see store_error). `duration_ms` may be NULL. */
int store_recording_get(Store *store, const char *session_id, const char *question,
                        unsigned char **wav, size_t *size, int *duration_ms);

/* Keeps a typed answer (XLSForm type text) to `question`: `text` is UTF-8,
 * as typed. In one transaction, it replaces what was there for (session,
 * question) with topic NULL: a skip, choice rows and a recording are
 * deleted, and the question gets its answer row with choice NULL, skipped
 * false and the text (kept, with its id and answered_at, when only the
 * words change). An empty `text` removes the answer row (and anything else
 * of the question): nothing typed is no answer, not a skip. 0 or -1 (an
 * unknown session with a non-empty text, a full disk: see store_error). */
int store_text_put(Store *store, const char *session_id, const char *question, const char *text);

/* Copies the typed answer kept for (session, question) into `out` (`size`
 * bytes, NUL-terminated; cut at a whole UTF-8 character when it does not
 * fit). Returns 1 when there is one, 0 when there is none (out ""), -1 on
 * error (see store_error). */
int store_text_get(Store *store, const char *session_id, const char *question, char *out,
                   size_t size);

/* A typed value (schema 9): the answer to an integer, decimal, date or
 * acknowledge question, or what a form works out (calculate) or records
 * without a screen (metadata). */
typedef enum { STORE_VALUE_NONE, STORE_VALUE_INTEGER, STORE_VALUE_REAL, STORE_VALUE_TEXT } StoreValueType;
typedef struct {
    StoreValueType type;
    long long integer;
    double real;
    const char *text; /* "2026-03-01", "OK", a calculate's text */
} StoreValue;

/* Keeps `value` as the answer to `question`: in one transaction, a skip
 * and choice rows of the question (topic NULL) are deleted, and the
 * question gets its answer row with choice NULL, skipped false and the
 * value (kept, with its id and answered_at, when only the value changes).
 * STORE_VALUE_NONE (or empty text) removes the answer row: nothing given
 * is no answer. 0 or -1 (see store_error). */
int store_value_put(Store *store, const char *session_id, const char *question, const StoreValue *value);

/* `value` as text: an integer as is, a real number as its shortest decimal
 * that reads back the same (6.5, not 6.5000000000000000), text as it is;
 * "" for none. */
void store_value_text(const StoreValue *value, char *out, size_t size);

/* Removes everything kept for `question` in the session: its rows (every
 * topic), the rows of its own words ("NAME:spoken", "NAME:other") and
 * their recordings; for an answer that no longer applies (its question
 * became not relevant). 0 or -1. */
int store_answer_clear(Store *store, const char *session_id, const char *question);

/* A full disk. The store keeps a reserve of space beside the database
 * (PATH-reserve). The first write that fails for want of space frees it
 * and the store stops taking answers: store_space_freed is then true once,
 * so the caller tries that write again at once and the person answering
 * can finish; the kiosk invites nobody new while store_taking_answers is
 * false. store_space_problem says why, naming the folder and the space
 * left ("" while taking answers). store_space_check makes the reserve
 * again when the disk has room for it and as much again, and then answers
 * are taken again; it costs a statvfs and an fallocate, so call it every
 * few seconds at most. It returns store_taking_answers. A store opened
 * with its reserve whole takes answers; one opened without it (the first
 * time, or after a full disk) needs that same room first. */
bool store_taking_answers(const Store *store);
const char *store_space_problem(const Store *store);
bool store_space_freed(Store *store);
bool store_space_check(Store *store);

/* The last error, in words a person can act on. */
const char *store_error(const Store *store);

/* Runs `fn` on every answer row of a session in answered order (for tests,
 * the review screen and exports): by answered_at, then by insertion. A
 * spoken answer is a row with choice NULL and skipped false (its WAV:
 * store_recording_get), and so is a typed answer (its words:
 * store_session_answers_ex or store_text_get). Values may be NULL and last only during the call;
 * `fn` may be NULL (just count) and must not call store_session_answers
 * itself. Returns the row count or -1. */
typedef void (*StoreAnswerFn)(void *ctx, const char *question, const char *topic,
                              const char *choice, bool skipped);
int store_session_answers(Store *store, const char *session_id, StoreAnswerFn fn, void *ctx);

/* As store_session_answers, with the typed words of each row: `text` is
 * the typed answer on a text question's row (choice NULL, skipped false),
 * NULL on every other row. */
typedef void (*StoreAnswerTextFn)(void *ctx, const char *question, const char *topic,
                                  const char *choice, bool skipped, const char *text);
int store_session_answers_ex(Store *store, const char *session_id, StoreAnswerTextFn fn,
                             void *ctx);

/* Milliseconds of the last commit, for `make bench`: the whole write
 * transaction, from BEGIN to the end of COMMIT (its fsync included). */
double store_last_commit_ms(const Store *store);

/* For tests only: caps the database at `pages` pages (or at its present
 * size, if larger) for this connection, so the next writes fail as on a
 * full disk (PRAGMA max_page_count). 0 or -1. */
int store_debug_limit_pages(Store *store, int pages);

#endif
