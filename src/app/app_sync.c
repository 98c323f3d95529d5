/* app_sync.c: the central store inside the running kiosk; see
 * app_sync.h. */
#include "app/app_sync.h"
#include "app/app.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store/store_sync.h"
#include "sync/sync.h"
#include "sync/sync_worker.h"

#define SYNC_FIRST_DELAY_MS 10000                     /* after start: the screen first */
#define SYNC_BACKOFF_MAX_MS (2ull * 60 * 60 * 1000)   /* the longest wait after failures */
#define SYNC_HEADLESS_WAIT_MS 120000

const char *app_sync_survey_dir(App *app, char *buf, size_t size)
{
    int closed = 0;
    if (store_sync_close_abandoned(app->store, NULL, &closed) != 0)
        fprintf(stderr, "sayso: %s\n", store_error(app->store));
    else if (closed > 0)
        fprintf(stderr, "sayso: ended %d session%s left open when the kiosk last stopped (recorded as"
                        " timed out), so they are synced and exported like the others\n",
                closed, closed == 1 ? "" : "s");
    app->sync.configured = app->settings.sync_url[0] != '\0';
    int number = app->sync.configured ? sync_published_current(app->config.db_path, buf, size) : 0;
    app->sync.survey_number = number;
    return number > 0 ? buf : app->config.config_dir;
}

/* The worker's thread: wakes the kiosk's loop (SDL_PushEvent is safe from
 * any thread). */
static void app_sync_wake(void *ctx)
{
    SDL_Event e = {.type = *(const Uint32 *)ctx};
    SDL_PushEvent(&e);
}

/* "Last synced: today at 14:05", "... 3 December at 14:05". */
static void app_sync_when(time_t when, char *out, size_t size)
{
    struct tm then, today;
    time_t now = time(NULL);
    char stamp[64];
    if (!when) {
        snprintf(out, size, "Not synced yet");
        return;
    }
    localtime_r(&when, &then);
    localtime_r(&now, &today);
    bool same_day = then.tm_year == today.tm_year && then.tm_yday == today.tm_yday;
    strftime(stamp, sizeof stamp, same_day ? "today at %H:%M" : "%-d %B at %H:%M", &then);
    snprintf(out, size, "Last synced: %s", stamp);
}

/* The first line of `text`, cut to fit one line of the staff menu
 * (UI_TEXT_SIZE) at a whole UTF-8 character. */
static void app_sync_line(char *out, size_t size, const char *text)
{
    size_t n = strcspn(text, "\n"), most = UI_TEXT_SIZE - 24 < size ? UI_TEXT_SIZE - 24 : size - 1;
    if (n > most) {
        n = most;
        while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
            n--;
    }
    snprintf(out, size, "%.*s", (int)n, text);
}

/* Shows the worker's status on the staff menu. */
static void app_sync_show(App *app, const SyncStatus *st)
{
    StaffSync view = {.configured = app->sync.configured};
    if (st) {
        view.running = st->running;
        view.done = st->progress.sessions_done;
        view.total = st->progress.sessions_total;
        app_sync_when(st->last_synced, view.last, sizeof view.last);
        if (st->last_failed)
            snprintf(view.problem, sizeof view.problem, "%s", st->problem);
        app_sync_line(view.survey, sizeof view.survey, st->survey_rejected);
    } else {
        snprintf(view.last, sizeof view.last, "Sync is off");
        snprintf(view.problem, sizeof view.problem, "%s", app->sync.refused);
    }
    staff_set_sync(&app->staff, &view);
}

void app_sync_start(App *app)
{
    AppSync *s = &app->sync;
    SyncTarget target;
    SyncError err;
    char password[256];
    if (!s->configured)
        return;
    if (sync_target_from_settings(&app->settings, app->config.kiosk_ini, &target, password,
                                  sizeof password, &err) != 0) {
        snprintf(s->refused, sizeof s->refused, "%s", err.plain);
        fprintf(stderr, "sayso: sync is off: %s\n", err.detail);
        app_sync_show(app, NULL);
        return;
    }
    s->event = SDL_RegisterEvents(1);
    SyncWorkerConfig config = {.target = target, .symbol_dirs = app->symbol_dirs,
                               .wake = s->event != (Uint32)-1 ? app_sync_wake : NULL, .wake_ctx = &s->event};
    snprintf(config.db_path, sizeof config.db_path, "%s", app->config.db_path);
    snprintf(config.venue, sizeof config.venue, "%s", app->settings.sync_venue);
    s->worker = sync_worker_start(&config);
    memset(password, 0, sizeof password);
    if (!s->worker) {
        snprintf(s->refused, sizeof s->refused, "The sync could not start.");
        app_sync_show(app, NULL);
        return;
    }
    s->due_ms = app_now(app) + SYNC_FIRST_DELAY_MS;
    SyncStatus st;
    sync_worker_status(s->worker, &st);
    app_sync_show(app, &st);
}

void app_sync_close(App *app)
{
    sync_worker_stop(app->sync.worker);
    app->sync.worker = NULL;
}

bool app_sync_event(App *app, const SDL_Event *event)
{
    return app->sync.event && app->sync.event != (Uint32)-1 && event->type == app->sync.event;
}

/* How long to wait after `failures` failures in a row: the interval,
 * doubled after each further failure, up to two hours (or the interval,
 * if that is longer). */
static uint64_t app_sync_wait_ms(const App *app, int failures)
{
    uint64_t interval = (uint64_t)app->settings.sync_interval_minutes * 60000u, wait = interval;
    uint64_t most = interval > SYNC_BACKOFF_MAX_MS ? interval : SYNC_BACKOFF_MAX_MS;
    for (int i = 1; i < failures && wait < most; i++)
        wait *= 2;
    return wait < most ? wait : most;
}

/* A sync finished: schedule the next; say the outcome of "Sync now". */
static void app_sync_finished(App *app, const SyncStatus *st)
{
    AppSync *s = &app->sync;
    s->runs_seen = st->runs;
    s->waiting = false;
    s->due_ms = app_now(app) + app_sync_wait_ms(app, st->last_failed ? st->failures : 0);
    if (!s->say_outcome)
        return;
    s->say_outcome = false;
    if (st->last_failed)
        staff_say(&app->staff, true, "Sync failed: %s", st->problem);
    else if (st->sent > 0)
        staff_say(&app->staff, false, "Synced: %d session%s sent to the central store.", st->sent,
                  st->sent == 1 ? "" : "s");
    else
        staff_say(&app->staff, false, "Synced: there was nothing new to send.");
    speech_say(app->speech, app->staff.message);
}

/* Switches to the published survey in `dir` (checked when it arrived,
 * loaded again here with the same symbol folders). */
static void app_sync_switch(App *app, int number, const char *dir)
{
    SurveyProblems problems = {0};
    Survey *next = survey_load(dir, app->symbol_dirs, &problems);
    app->sync.survey_number = number; /* once: a survey that fails now is not tried again */
    if (!next) {
        fprintf(stderr, "sayso: published survey %d in %s no longer loads; keeping the one in use:\n",
                number, dir);
        survey_problems_print(&problems, stderr);
        survey_problems_free(&problems);
        return;
    }
    Flow *flow = flow_new(next, &app->settings, app->store, app_now(app));
    if (!flow) {
        survey_free(next);
        return;
    }
    const char *group = flow_group(app->flow);
    flow_set_group(flow, group[0] ? group : NULL);
    flow_set_supported_next(flow, flow_supported_next(app->flow));
    flow_free(app->flow);
    survey_free(app->survey);
    app->flow = flow;
    app->survey = next;
    app->staff.ctx.flow = flow;
    app->staff.ctx.survey = next;
    app->spoken_language = -1;
    app->built = false;
    app->built_screen[0] = '\0'; /* a new welcome screen: said again */
    fprintf(stderr, "sayso: switched to published survey %d (%s version %s)\n", number, next->form_id,
            next->version);
}

void app_sync_tick(App *app)
{
    AppSync *s = &app->sync;
    SyncStatus st;
    if (!s->worker)
        return;
    sync_worker_status(s->worker, &st);
    if (!st.running && !s->waiting && app_now(app) >= s->due_ms) {
        sync_worker_kick(s->worker);
        s->waiting = true;
        if (app->virtual_clock)
            sync_worker_wait_idle(s->worker, SYNC_HEADLESS_WAIT_MS);
        sync_worker_status(s->worker, &st);
    }
    if (st.runs != s->runs_seen && !st.running)
        app_sync_finished(app, &st);
    app_sync_show(app, &st);
    bool at_welcome = flow_screen(app->flow) == FLOW_WELCOME && !flow_session_id(app->flow)[0] &&
                      !staff_is_open(&app->staff);
    if (st.survey_number > s->survey_number && at_welcome)
        app_sync_switch(app, st.survey_number, st.survey_dir);
}

int64_t app_sync_ms_until(const App *app)
{
    const AppSync *s = &app->sync;
    if (!s->worker || s->waiting)
        return -1; /* the worker's wake-up event comes when it is done */
    uint64_t now = app_now(app);
    return s->due_ms > now ? (int64_t)(s->due_ms - now) : 0;
}

void app_sync_now(App *app)
{
    AppSync *s = &app->sync;
    if (!s->worker) {
        staff_say(&app->staff, true, "Sync is off: %s", s->refused[0] ? s->refused : "it is not set up.");
        speech_say(app->speech, app->staff.message);
        return;
    }
    s->say_outcome = true;
    staff_say(&app->staff, false, "Syncing now. You can go on using the kiosk.");
    speech_say(app->speech, app->staff.message);
    s->due_ms = app_now(app); /* the next tick kicks it */
}
