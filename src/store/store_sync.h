/* store_sync.h: what syncing and merging ask of a kiosk's database.
 *
 * Sync (src/sync) reads ended sessions that are not yet synced in batches,
 * each batch in one read transaction (one snapshot: a session, its answers
 * and its recordings together), hands the rows to a sink that sends them,
 * and marks the batch's sessions synced only once the central store has
 * committed them. Sessions never ended (a kiosk killed mid-session) are
 * closed by store_sync_close_abandoned so they are not left unsent for
 * ever. Merging USB-stick databases (store_merge) and loading rows from
 * the central store into a file the exporter reads (StoreImport) are here
 * too: every row keeps its UUID, so each is idempotent.
 *
 * Rows are handed out through StoreSessionRow and StoreAnswerRow
 * (store_read.h); their strings last only during the call. */
#ifndef SAYSO_STORE_SYNC_H
#define SAYSO_STORE_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"
#include "store/store_read.h"

/* A kept spoken answer as sync and import see it. */
typedef struct {
    const char *id;
    const char *session_id;
    const char *question;
    const unsigned char *wav; /* `size` bytes of WAV */
    size_t size;
    int duration_ms;
    int sample_rate;
    const char *recorded_at;
} StoreRecordingRow;

/* Which sessions the next batch takes, and how many. */
typedef struct {
    long long after;      /* in: the batch starts after this session (0: from the first);
                           * out: the last session read, for the next batch */
    const char *kiosk_id; /* only this kiosk's sessions; NULL: every kiosk's (a merged file) */
    int max_sessions;     /* at least one session is taken, however large */
    int max_answers;
    long long max_bytes;  /* of recordings */
} StoreSyncBatch;

typedef enum { STORE_SYNC_SESSIONS, STORE_SYNC_ANSWERS, STORE_SYNC_RECORDINGS } StoreSyncPart;

/* Where a batch's rows go, part by part: `part` is called before the
 * sessions, before the answers and before the recordings of the batch;
 * each row then goes to its own member. Every member returns 0, or -1 to
 * stop (the sink keeps why). */
typedef struct {
    int (*part)(void *ctx, StoreSyncPart part);
    int (*session)(void *ctx, const StoreSessionRow *row);
    int (*answer)(void *ctx, const char *kiosk_id, const StoreAnswerRow *row);
    int (*recording)(void *ctx, const char *kiosk_id, const StoreRecordingRow *row);
} StoreSyncSink;

/* Reads the next batch of ended sessions with synced_at NULL (in the
 * order they were made) with their answers and recordings, in one read
 * transaction, into `sink`. Returns the number of sessions (0: nothing
 * left after batch->after), -1 when the store failed (store_error) and -2
 * when the sink stopped. O(batch) reads; the kiosk may write meanwhile. */
int store_sync_read(Store *store, StoreSyncBatch *batch, const StoreSyncSink *sink, void *ctx);

/* Marks the sessions synced now (synced_at where it was NULL), in one
 * transaction. Unknown ids are ignored. 0 or -1. */
int store_sync_mark(Store *store, const char *const *session_ids, int n);

typedef struct {
    int to_send;        /* ended sessions of `kiosk_id` (or any) not yet synced */
    int open;           /* sessions not ended yet: still being answered */
    int other_kiosks;   /* ended, unsynced sessions of other kiosks than `kiosk_id` */
    int kiosks;         /* kiosks with ended, unsynced sessions */
    char last_synced[32]; /* when a session was last marked synced; "" never */
} StoreSyncCounts;

/* Fills `out`; `kiosk_id` NULL counts every kiosk's as its own. 0 or -1. */
int store_sync_counts(Store *store, const char *kiosk_id, StoreSyncCounts *out);

/* Ends, as 'timeout', every open session whose last answer, recording or
 * start is before `idle_before` (an ISO UTC time; NULL: every open
 * session): a kiosk killed mid-session never ends it, and an open
 * session is never sent. Its ended_at is the last thing recorded in it.
 * *closed gets how many. 0 or -1. */
int store_sync_close_abandoned(Store *store, const char *idle_before, int *closed);

/* What store_merge added (rows that were not there yet). */
typedef struct {
    int kiosks, sessions, answers, recordings;
} StoreMerged;

/* Copies every kiosk, session, answer and recording of the sayso database
 * at `source_path` that `store` does not hold yet (by UUID), in one
 * transaction: merging the same file twice adds nothing. The source is
 * only read. Refuses the store's own file, a file that is not a sayso
 * database and one newer than this program. 0, or -1 (store_error). */
int store_merge(Store *store, const char *source_path, StoreMerged *added);

/* A new database file filled with rows from elsewhere (the central
 * store), for the exporter to read as any kiosk's. */
typedef struct StoreImport StoreImport;

/* Makes the database `path` (which must not exist) and begins one
 * transaction. NULL with `err` on failure. */
StoreImport *store_import_open(const char *path, char *err, size_t err_size);

/* Adds one row; 0 or -1 (store_import_error). Strings may be NULL where
 * the schema allows. */
int store_import_kiosk(StoreImport *im, const char *id, const char *name, const char *venue);
int store_import_session(StoreImport *im, const StoreSessionRow *row);
int store_import_answer(StoreImport *im, const StoreAnswerRow *row);
int store_import_recording(StoreImport *im, const StoreRecordingRow *row);
const char *store_import_error(const StoreImport *im);

/* Commits (when `commit`) and closes. 0 or -1 (with `err`). */
int store_import_close(StoreImport *im, bool commit, char *err, size_t err_size);

#endif
