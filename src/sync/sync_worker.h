/* sync_worker.h: the kiosk's background sync, on a thread of its own.
 *
 * The kiosk never waits for the network: syncs run on the worker's
 * thread, with the worker's own connection to the kiosk's database (WAL
 * lets it read while the kiosk writes; busy timeouts cover the moments
 * both write), and the kiosk only reads a copy of the status, taken under
 * a mutex. When to sync (every interval_minutes, sooner after "Sync now",
 * later after failures) is the kiosk's to decide on its own clock: it
 * kicks the worker, and the worker calls `wake` (from its thread) each
 * time the status changes, so the kiosk's loop wakes to show it. */
#ifndef SAYSO_SYNC_WORKER_H
#define SAYSO_SYNC_WORKER_H

#include <stdbool.h>
#include <time.h>

#include "sync/sync.h"

typedef struct SyncWorker SyncWorker;

/* What the staff menu shows, copied out whole. */
typedef struct {
    bool running;             /* a sync is under way */
    SyncProgress progress;    /* of the one under way */
    unsigned runs;            /* syncs finished since the start */
    bool last_failed;         /* the last one failed: `problem` says why */
    char problem[192];        /* in plain words ("The server could not be reached.") */
    char detail[768];         /* for the log (no password) */
    int failures;             /* failures in a row (0 after a success) */
    time_t last_synced;       /* when a sync last went through (or sessions were last marked); 0 never */
    int sent;                 /* sessions the last sync sent */
    int survey_number;        /* the newest published survey kept (0 none) */
    char survey_dir[4200];
    char survey_rejected[512]; /* why a newer one was refused ("" none) */
} SyncStatus;

typedef struct {
    char db_path[4096];
    SyncTarget target;        /* copied, with its strings */
    char venue[128];
    const char *const *symbol_dirs; /* borrowed: must outlive the worker */
    void (*wake)(void *ctx);  /* called on the worker's thread; may be NULL */
    void *wake_ctx;
} SyncWorkerConfig;

/* Starts the thread (idle until kicked). NULL when it cannot start. */
SyncWorker *sync_worker_start(const SyncWorkerConfig *config);

/* Starts a sync now unless one is under way. */
void sync_worker_kick(SyncWorker *worker);

/* A copy of the status. */
void sync_worker_status(SyncWorker *worker, SyncStatus *out);

/* Waits (real time) until no sync is under way, at most `ms`. True when
 * idle. For headless runs, whose clock only moves when a script says. */
bool sync_worker_wait_idle(SyncWorker *worker, int ms);

/* Asks a sync under way to stop after its batch, waits a little for the
 * thread and frees the worker (a thread still blocked on the network is
 * left to end with the process: whatever it did not mark goes next time). */
void sync_worker_stop(SyncWorker *worker);

#endif
