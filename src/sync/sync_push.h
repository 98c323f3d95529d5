/* sync_push.h: the steps of a sync, shared by sync.c: sending (push.c)
 * and fetching a published survey (pull.c). Internal to src/sync. */
#ifndef SAYSO_SYNC_PUSH_H
#define SAYSO_SYNC_PUSH_H

#include "store/store.h"
#include "sync/sync_internal.h"

typedef struct {
    const char *kiosk_id;     /* send only this kiosk's sessions; NULL: all (an admin's sync) */
    const char *venue;        /* for kiosks an admin's sync meets first; may be NULL */
    int batch_sessions;       /* 0: the default */
    int total;                /* sessions there are to send, for progress */
    SyncProgressFn progress;  /* may be NULL */
    void *ctx;
    const volatile int *cancel; /* may be NULL */
} PushRequest;

/* Sends every ended, unsynced session (of req->kiosk_id) in batches of one
 * transaction each, marking each batch synced after its COMMIT; adds to
 * `report`. 0 when all went, -1 with `err` at the first failure (batches
 * before it stay sent and marked). */
int sync_push(Central *c, Store *store, const PushRequest *req, SyncReport *report,
              SyncError *err);

/* Fetches the newest survey published for this kiosk's venue when it is
 * newer than what `db_path` keeps, checks it with survey_load against
 * `symbol_dirs` and keeps it (DB.published/N) or records why not
 * (DB.published/N.rejected). Fills the report's survey fields. 0, or -1
 * with `err` when it could not be fetched (a refused survey is 0). */
int sync_pull(Central *c, const char *db_path, const char *const *symbol_dirs, SyncReport *report,
              SyncError *err);

#endif
