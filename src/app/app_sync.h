/* app_sync.h: the central store inside the running kiosk.
 *
 * When kiosk.ini has a [sync] url, a worker thread (sync/sync_worker.h)
 * syncs every interval_minutes, sooner when staff press "Sync now", and
 * backs off after failures (twice the wait after each, up to two hours).
 * The kiosk's loop never waits for it: the worker wakes the loop with an
 * SDL event when something changed, and the staff menu shows the state in
 * plain words; the outcome of "Sync now" is said aloud.
 *
 * A newer published survey that arrived and passed the check is switched
 * to at the next welcome screen, never in the middle of someone's
 * answers; at start the kiosk takes the newest one kept beside its
 * database instead of --config. The kiosk also ends, at start, sessions
 * a crash left open, so they are sent like any other.
 *
 * Headless (a virtual clock), a sync that starts is waited for in real
 * time before the script goes on, so scripts see its outcome at once. */
#ifndef SAYSO_APP_SYNC_H
#define SAYSO_APP_SYNC_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

struct App;

typedef struct {
    struct SyncWorker *worker;  /* NULL: no sync (not set up, or refused) */
    bool configured;            /* kiosk.ini has a [sync] url */
    char refused[200];          /* why sync is off though set up ("" none) */
    uint64_t due_ms;            /* the next sync, on the kiosk's clock */
    bool waiting;               /* kicked, and not yet seen finished */
    unsigned runs_seen;         /* finished syncs acted on */
    bool say_outcome;           /* "Sync now" was pressed: say how it went */
    int survey_number;          /* the published survey in use; 0: --config's */
    Uint32 event;               /* the worker's wake-up event; 0 when none */
} AppSync;

/* The survey folder to start with: the newest published survey kept
 * beside the database when kiosk.ini has [sync], else --config. Ends
 * sessions left open by a crash. Call once the store is open. */
const char *app_sync_survey_dir(struct App *app, char *buf, size_t size);

/* Starts the worker (after the screen is up). */
void app_sync_start(struct App *app);
void app_sync_close(struct App *app);

/* Sees each event first; true for the worker's wake-up. */
bool app_sync_event(struct App *app, const SDL_Event *event);

/* Runs the schedule, takes in what a finished sync did, switches to a
 * newer survey at the welcome screen. Every pump. */
void app_sync_tick(struct App *app);

/* Milliseconds until the next scheduled sync; -1 while one runs or none. */
int64_t app_sync_ms_until(const struct App *app);

/* "Sync now" on the staff menu. */
void app_sync_now(struct App *app);

#endif
