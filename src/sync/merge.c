/* merge.c: kiosk databases from USB sticks merged into one file
 * (`sayso merge`; sync.h).
 *
 * The file --into is opened as a kiosk's database (made when missing) and
 * each source is merged into it by the store (store_merge: its kiosks,
 * sessions, answers and recordings that are not there yet, by UUID, in one
 * transaction per source). Merging the same stick twice adds nothing; the
 * result exports, and syncs with the admin's login, like any kiosk's. */
#include "sync/sync.h"

#include <stdio.h>
#include <string.h>

#include "store/store_sync.h"

int sync_merge(const MergeRequest *req, MergeFn fn, void *ctx, char *err, size_t err_size)
{
    Store *store = store_open(req->into, err, err_size);
    if (!store)
        return -1;
    int status = 0;
    for (int i = 0; i < req->n_sources && status == 0; i++) {
        StoreMerged added;
        status = store_merge(store, req->sources[i], &added);
        if (status != 0)
            snprintf(err, err_size, "%s; %s keeps what was merged before it", store_error(store),
                     req->into);
        else if (fn)
            fn(ctx, req->sources[i], &(MergeCounts){added.kiosks, added.sessions, added.answers,
                                                     added.recordings});
    }
    store_close(store);
    return status;
}
