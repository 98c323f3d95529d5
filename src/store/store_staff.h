/* store_staff.h: what the staff side asks of a kiosk's database.
 *
 * Counts for the staff menu, marking sessions exported, the group view's
 * aggregates (never one person's answers), the staff log (PIN attempts,
 * exports, group sessions) and purging old sessions. Works on the kiosk's
 * own Store connection; each write is one transaction. */
#ifndef SAYSO_STORE_STAFF_H
#define SAYSO_STORE_STAFF_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

typedef struct {
    int sessions_today;  /* sessions started at or after `since` */
    int answers_today;   /* answer rows (not skips) of those sessions */
    int sessions_total;
    int answers_total;
    int not_exported;    /* sessions with exported_at NULL */
    int not_synced;      /* sessions with synced_at NULL */
} StoreCounts;

/* Fills `out`; `today_since` is an ISO 8601 UTC time (local midnight in
 * UTC: "2026-11-22T00:00:00.000Z"). 0 or -1 (see store_error). */
int store_counts(Store *store, const char *today_since, StoreCounts *out);

/* Marks sessions exported now (exported_at = now where it was NULL), in one
 * transaction. Unknown ids are ignored. 0 or -1. */
int store_mark_exported(Store *store, const char *const *session_ids, int n);

/* The group view: calls `fn` once per (question, topic, choice) with how
 * many answer rows of the group's sessions chose it (skips and answers
 * without a choice are not counted; topic NULL outside a mat), ordered by
 * question, topic, choice. *sessions is the number of sessions in the
 * group. Returns the number of calls or -1. */
typedef void (*StoreCountFn)(void *ctx, const char *question, const char *topic,
                             const char *choice, int count);
int store_group_counts(Store *store, const char *group_label, int *sessions, StoreCountFn fn,
                       void *ctx);

/* Appends to the staff log: `event` is a short word ("pin_wrong",
 * "pin_ok", "pin_locked", "export", "group_start", "group_end", "exit"),
 * `detail` free text or NULL. 0 or -1. */
int store_staff_log(Store *store, const char *event, const char *detail);

/* The group session still running, from the staff log: the label of the
 * last group_start when no group_end came after it. A group session so
 * outlives a restart of the kiosk. Returns 1 with the label in `label`, 0
 * when none runs (label ""), -1 on error. */
int store_group_running(Store *store, char *label, size_t label_size);

/* How many `event` rows the staff log has at or after `since` (ISO UTC). */
int store_staff_log_count(Store *store, const char *event, const char *since);

/* What the staff log says of the PIN pad, so a lock-out outlasts a
 * restart or a power cut: `failures` is the count of pin_wrong rows since
 * the last pin_ok or pin_locked; `lock_age_ms` how long ago (wall clock)
 * the last pin_locked was written, -1 when never (a clock set back since
 * counts as 0). 0 or -1. */
int store_pin_history(Store *store, int *failures, long long *lock_age_ms);

typedef struct {
    int sessions;
    int answers;
    int recordings;
} StorePurged;

/* Deletes every session started before `date` ("YYYY-MM-DD", UTC day
 * start) with its answers and recordings, in one transaction, with
 * secure_delete on (the freed pages are overwritten), then checkpoints the
 * WAL so no copy stays behind, then VACUUMs so the file shrinks by what was
 * freed. Fills `out` with what was deleted (also when only the shrinking
 * failed: the rows are gone, the error says the file kept its size). 0 or
 * -1. */
int store_purge_before(Store *store, const char *date, StorePurged *out);

#endif
