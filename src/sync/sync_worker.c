/* sync_worker.c: the kiosk's background sync thread (sync_worker.h).
 *
 * One mutex guards the status and the two flags (kicked, quit); a
 * condition variable wakes the thread. The sync itself (sync_run) runs
 * without the lock held, reporting progress through a callback that
 * takes the lock only to copy numbers in. */
#include "sync/sync_worker.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store/store_sync.h"

#define WORKER_STOP_WAIT_MS 3000

struct SyncWorker {
    SyncWorkerConfig config;
    char url[1024], password[256], ca_file[4096];
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    bool kicked, quit, done;
    volatile int cancel;
    SyncStatus status;
};

/* Tells the kiosk; called without the lock. */
static void worker_wake(SyncWorker *w)
{
    if (w->config.wake)
        w->config.wake(w->config.wake_ctx);
}

static void worker_progress(void *ctx, const SyncProgress *p)
{
    SyncWorker *w = ctx;
    pthread_mutex_lock(&w->lock);
    w->status.progress = *p;
    pthread_mutex_unlock(&w->lock);
    worker_wake(w);
}

/* Files the outcome of one run into the status. Under the lock. */
static void worker_record(SyncWorker *w, int rc, const SyncReport *r, const SyncError *err)
{
    SyncStatus *s = &w->status;
    s->running = false;
    s->runs++;
    s->last_failed = rc != 0;
    s->failures = rc != 0 ? s->failures + 1 : 0;
    snprintf(s->problem, sizeof s->problem, "%s", rc != 0 ? err->plain : "");
    snprintf(s->detail, sizeof s->detail, "%s", rc != 0 ? err->detail : "");
    s->sent = r->sessions_sent;
    if (rc == 0 || r->sessions_marked > 0)
        s->last_synced = time(NULL);
    s->survey_number = sync_published_current(w->config.db_path, s->survey_dir, sizeof s->survey_dir);
    sync_published_rejected(w->config.db_path, s->survey_rejected, sizeof s->survey_rejected);
}

static void worker_run_once(SyncWorker *w)
{
    SyncRequest req = {.db_path = w->config.db_path,
                       .target = w->config.target,
                       .venue = w->config.venue[0] ? w->config.venue : NULL,
                       .symbol_dirs = w->config.symbol_dirs,
                       .pull = true,
                       .progress = worker_progress,
                       .ctx = w,
                       .cancel = &w->cancel};
    SyncReport report;
    SyncError err;
    int rc = sync_run(&req, &report, &err);
    if (rc != 0)
        fprintf(stderr, "sayso: sync: %s\n", err.detail);
    else if (report.sessions_sent > 0 || report.survey_new)
        fprintf(stderr, "sayso: sync: sent %d sessions%s\n", report.sessions_sent,
                report.survey_new ? "; a newly published survey arrived" : "");
    if (report.survey_refused)
        fprintf(stderr, "sayso: sync: %s\n", report.survey_rejected);
    pthread_mutex_lock(&w->lock);
    worker_record(w, rc, &report, &err);
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    worker_wake(w);
}

static void *worker_main(void *arg)
{
    SyncWorker *w = arg;
    pthread_mutex_lock(&w->lock);
    while (!w->quit) {
        if (!w->kicked) {
            pthread_cond_wait(&w->changed, &w->lock);
            continue;
        }
        w->kicked = false;
        w->status.running = true;
        w->status.progress = (SyncProgress){0};
        pthread_mutex_unlock(&w->lock);
        worker_wake(w);
        worker_run_once(w);
        pthread_mutex_lock(&w->lock);
    }
    w->done = true;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

/* The status before the first sync: what the database and the folder of
 * published surveys already say. */
static void worker_initial(SyncWorker *w)
{
    char err[512];
    StoreSyncCounts counts;
    Store *store = store_open(w->config.db_path, err, sizeof err);
    if (store && store_sync_counts(store, NULL, &counts) == 0 && counts.last_synced[0]) {
        struct tm tm = {0};
        if (strptime(counts.last_synced, "%Y-%m-%dT%H:%M:%S", &tm))
            w->status.last_synced = timegm(&tm);
    }
    store_close(store);
    w->status.survey_number = sync_published_current(w->config.db_path, w->status.survey_dir,
                                                     sizeof w->status.survey_dir);
    sync_published_rejected(w->config.db_path, w->status.survey_rejected, sizeof w->status.survey_rejected);
}

SyncWorker *sync_worker_start(const SyncWorkerConfig *config)
{
    SyncWorker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->config = *config;
    snprintf(w->url, sizeof w->url, "%s", config->target.url ? config->target.url : "");
    snprintf(w->password, sizeof w->password, "%s", config->target.password ? config->target.password : "");
    snprintf(w->ca_file, sizeof w->ca_file, "%s", config->target.ca_file ? config->target.ca_file : "");
    w->config.target = (SyncTarget){w->url, w->password[0] ? w->password : NULL,
                                    w->ca_file[0] ? w->ca_file : NULL};
    worker_initial(w);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->changed, NULL);
    if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
        pthread_mutex_destroy(&w->lock);
        pthread_cond_destroy(&w->changed);
        free(w);
        return NULL;
    }
    return w;
}

void sync_worker_kick(SyncWorker *w)
{
    pthread_mutex_lock(&w->lock);
    if (!w->status.running) {
        w->kicked = true;
        w->status.running = true; /* from now: a second kick waits for this one */
        pthread_cond_broadcast(&w->changed);
    }
    pthread_mutex_unlock(&w->lock);
}

void sync_worker_status(SyncWorker *w, SyncStatus *out)
{
    pthread_mutex_lock(&w->lock);
    *out = w->status;
    pthread_mutex_unlock(&w->lock);
}

/* An absolute time `ms` from now, for timed waits. */
static struct timespec worker_deadline(int ms)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    t.tv_sec += ms / 1000;
    t.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

bool sync_worker_wait_idle(SyncWorker *w, int ms)
{
    struct timespec until = worker_deadline(ms);
    pthread_mutex_lock(&w->lock);
    int rc = 0;
    while (w->status.running && rc == 0)
        rc = pthread_cond_timedwait(&w->changed, &w->lock, &until);
    bool idle = !w->status.running;
    pthread_mutex_unlock(&w->lock);
    return idle;
}

void sync_worker_stop(SyncWorker *w)
{
    if (!w)
        return;
    struct timespec until = worker_deadline(WORKER_STOP_WAIT_MS);
    pthread_mutex_lock(&w->lock);
    w->quit = true;
    w->cancel = 1;
    pthread_cond_broadcast(&w->changed);
    int rc = 0;
    while (!w->done && rc == 0)
        rc = pthread_cond_timedwait(&w->changed, &w->lock, &until);
    bool done = w->done;
    pthread_mutex_unlock(&w->lock);
    if (!done) { /* still on the network: it ends with the process */
        pthread_detach(w->thread);
        return;
    }
    pthread_join(w->thread, NULL);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->changed);
    memset(w->password, 0, sizeof w->password);
    free(w);
}
