/* staff.c: the PIN pad, the staff menu, naming a group and the group view,
 * as state; see staff.h. Drawing is ui/screens/staff_*.c's job. */
#include "staff/staff.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "export/export.h"

void staff_init(Staff *staff, const StaffContext *ctx)
{
    memset(staff, 0, sizeof *staff);
    staff->ctx = *ctx;
    pin_guard_init(&staff->guard);
    snprintf(staff->pin_hash, sizeof staff->pin_hash, "%s", ctx->settings->pin_hash);
    char label[STAFF_LABEL_SIZE];
    if (ctx->store && store_group_running(ctx->store, label, sizeof label) == 1) {
        flow_set_group(ctx->flow, label);
        fprintf(stderr, "sayso: staff: group session \"%s\" goes on (started before the kiosk restarted)\n",
                label);
    }
}

static void clear_group_counts(Staff *staff)
{
    free(staff->group);
    staff->group = NULL;
    staff->n_group = 0;
    staff->group_sessions = 0;
}

void staff_free(Staff *staff)
{
    clear_group_counts(staff);
    memset(staff->entered, 0, sizeof staff->entered);
}

static void show(Staff *staff, StaffScreen screen)
{
    staff->screen = screen;
    staff->generation++;
}

void staff_say(Staff *staff, bool problem, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(staff->message, sizeof staff->message, fmt, ap);
    va_end(ap);
    staff->message_is_problem = problem;
    staff->message_is_sync = false;
    staff->generation++;
}

/* On the menu, what went wrong with the sync (or why a published survey
 * was not used) is the message while no other outcome is showing, and
 * goes when it is mended. */
static void sync_notice(Staff *staff)
{
    const StaffSync *sync = &staff->sync;
    const char *text = sync->problem[0] ? sync->problem : sync->survey;
    if (staff->message[0] && !staff->message_is_sync)
        return;
    if (!text[0]) {
        if (staff->message_is_sync)
            staff->message[0] = '\0';
        staff->message_is_sync = false;
        return;
    }
    staff_say(staff, true, "%s%s", sync->problem[0] ? "Sync problem: " : "", text);
    staff->message_is_sync = true;
}

/* Local midnight, in the store's UTC form: "today" as a person means it. */
static void today_since(char out[32])
{
    time_t now = time(NULL);
    struct tm local;
    localtime_r(&now, &local);
    local.tm_hour = local.tm_min = local.tm_sec = 0;
    local.tm_isdst = -1;
    time_t midnight = mktime(&local);
    struct tm utc;
    gmtime_r(&midnight, &utc);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%S.000Z", &utc);
}

static void read_counts(Staff *staff)
{
    char since[32];
    today_since(since);
    staff->counts_ok = store_counts(staff->ctx.store, since, &staff->counts) == 0;
    if (!staff->counts_ok)
        staff_say(staff, true, "Cannot read the counts: %s", store_error(staff->ctx.store));
}

static void show_menu(Staff *staff)
{
    read_counts(staff);
    sync_notice(staff);
    memset(staff->entered, 0, sizeof staff->entered);
    show(staff, STAFF_MENU);
}

/* Writes a line to the staff log (and the kiosk's log on stderr). */
static void log_event(Staff *staff, const char *event, const char *detail)
{
    fprintf(stderr, "sayso: staff: %s%s%s\n", event, detail ? ": " : "", detail ? detail : "");
    if (store_staff_log(staff->ctx.store, event, detail) != 0)
        fprintf(stderr, "sayso: the staff log could not be written: %s\n", store_error(staff->ctx.store));
}

/* Minutes left of a lock of `ms`, rounded up, so a lock never reads as over. */
static int lock_minutes(uint64_t ms)
{
    return (int)((ms + 59999) / 60000);
}

/* At the pad's first opening in this process, the lock-out as the staff
 * log has it, so a restart or a power cut gives no fresh tries: wrong PINs
 * since the last right one, and what is left of a lock (by the wall
 * clock). From then on the guard counts on the kiosk's own clock, and each
 * try is logged as before. */
static void restore_guard(Staff *staff, uint64_t now_ms)
{
    int failures = 0;
    long long age = -1;
    if (staff->guard_restored || !staff->ctx.store)
        return;
    staff->guard_restored = true;
    if (store_pin_history(staff->ctx.store, &failures, &age) != 0)
        return;
    if (failures > staff->guard.failures)
        staff->guard.failures = failures;
    if (age >= 0 && age < PIN_LOCK_MS) {
        uint64_t until = now_ms + (uint64_t)(PIN_LOCK_MS - age);
        if (until > staff->guard.locked_until_ms)
            staff->guard.locked_until_ms = until;
    }
}


/* The PIN as kiosk.ini has it now: `sayso pin` may have set it since the
 * kiosk started. A file that cannot be read keeps the PIN known before. */
static void reread_pin(Staff *staff)
{
    const char *path = staff->ctx.kiosk_ini;
    KioskSettings now;
    char err[512];
    if (!path)
        return;
    kiosk_settings_defaults(&now);
    if (kiosk_settings_load(&now, path, false, err, sizeof err) != 0) {
        fprintf(stderr, "sayso: staff: cannot read the PIN again, the one read before stays: %s\n", err);
        return;
    }
    snprintf(staff->pin_hash, sizeof staff->pin_hash, "%s", now.pin_hash);
}

bool staff_open(Staff *staff, uint64_t now_ms)
{
    restore_guard(staff, now_ms);
    reread_pin(staff);
    if (!staff->pin_hash[0]) {
        fprintf(stderr, "sayso: staff: the PIN pad stays closed: no staff PIN is set in %s "
                        "(set one with: sayso pin --kiosk %s)\n",
                staff->ctx.kiosk_ini ? staff->ctx.kiosk_ini : "kiosk.ini",
                staff->ctx.kiosk_ini ? staff->ctx.kiosk_ini : "FILE");
        return false;
    }
    memset(staff->entered, 0, sizeof staff->entered);
    staff->last_touch_ms = now_ms;
    staff->message[0] = '\0';
    uint64_t locked = pin_guard_locked_for(&staff->guard, now_ms);
    if (locked)
        staff_say(staff, true, "Too many wrong PINs: the PIN pad is locked for %d more minute%s.",
                  lock_minutes(locked), lock_minutes(locked) == 1 ? "" : "s");
    show(staff, STAFF_PIN);
    return true;
}

void staff_close(Staff *staff)
{
    memset(staff->entered, 0, sizeof staff->entered);
    staff->message[0] = '\0';
    clear_group_counts(staff);
    show(staff, STAFF_CLOSED);
}

bool staff_is_open(const Staff *staff)
{
    return staff->screen != STAFF_CLOSED;
}

/* Every attempt goes to the staff log: right, wrong, the wrong one that
 * locks the pad, and tries while it is locked (never the digits). */
static void try_pin(Staff *staff, uint64_t now_ms)
{
    bool was_locked = pin_guard_locked_for(&staff->guard, now_ms) > 0;
    PinResult r = pin_guard_try(&staff->guard, staff->pin_hash, staff->entered, now_ms);
    memset(staff->entered, 0, sizeof staff->entered);
    switch (r) {  /* each case redraws (show_menu or staff_say) */
    case PIN_OK:
        log_event(staff, "pin_ok", NULL);
        staff->message[0] = '\0';
        show_menu(staff);
        break;
    case PIN_WRONG:
        log_event(staff, "pin_wrong", NULL);
        staff_say(staff, true, "That PIN is not right. %d more tries before the pad locks for 5 minutes.",
                  pin_guard_attempts_left(&staff->guard));
        break;
    case PIN_LOCKED:
        if (was_locked) {
            log_event(staff, "pin_while_locked", NULL);
        } else {
            log_event(staff, "pin_wrong", NULL);
            log_event(staff, "pin_locked", "5 wrong PINs in a row");
        }
        staff_say(staff, true, "Too many wrong PINs: the PIN pad is locked for %d minutes.",
                  lock_minutes(pin_guard_locked_for(&staff->guard, now_ms)));
        break;
    case PIN_NOT_SET:  /* the pad opens only with a PIN set: never here */
        staff_close(staff);
        break;
    }
}

static void tap_pin(Staff *staff, const char *id, uint64_t now_ms)
{
    size_t n = strlen(staff->entered);
    if (strncmp(id, "pin:", 4) == 0 && id[4] >= '0' && id[4] <= '9' && !id[5]) {
        if (n < PIN_MAX_DIGITS)
            staff->entered[n] = id[4];
        staff->generation++;
    } else if (strcmp(id, "pin:delete") == 0 && n > 0) {
        staff->entered[n - 1] = '\0';
        staff->generation++;
    } else if (strcmp(id, "pin:ok") == 0) {
        try_pin(staff, now_ms);
    } else if (strcmp(id, "pin:cancel") == 0) {
        staff_close(staff);
    }
}

/* "Group 22 Nov 14:05": a label that is ready to use as it is. */
static void default_label(char out[STAFF_LABEL_SIZE])
{
    time_t now = time(NULL);
    struct tm local;
    localtime_r(&now, &local);
    strftime(out, STAFF_LABEL_SIZE, "Group %d %b %H:%M", &local);
}

static void start_group(Staff *staff)
{
    if (!staff->label[0]) {
        staff_say(staff, true, "Type a name for the group first.");
        return;
    }
    flow_set_group(staff->ctx.flow, staff->label);
    log_event(staff, "group_start", staff->label);
    staff_say(staff, false, "Group session \"%s\" started: every session is tagged with it until you end it.",
              staff->label);
    show_menu(staff);
}

static void end_group(Staff *staff)
{
    char label[STAFF_LABEL_SIZE];
    snprintf(label, sizeof label, "%s", flow_group(staff->ctx.flow));
    int sessions = 0;
    store_group_counts(staff->ctx.store, label, &sessions, NULL, NULL);
    flow_set_group(staff->ctx.flow, NULL);
    log_event(staff, "group_end", label);
    staff_say(staff, false, "Group session \"%s\" ended: %d %s answered in it.", label, sessions,
              sessions == 1 ? "person" : "people");
    read_counts(staff);
}

/* The sessions an export reported (export.h: only those whose files
 * landed), marked exported together in one transaction afterwards. */
typedef struct {
    Store *store;
    char **ids;
    int n;
} Exported;

static void on_exported(void *ctx, const char *session_id)
{
    Exported *e = ctx;
    char **grown = realloc(e->ids, sizeof *grown * (size_t)(e->n + 1));
    if (grown)
        e->ids = grown;
    char *id = grown ? strdup(session_id) : NULL;
    if (!id) {  /* out of memory: this one is marked alone, at once */
        const char *one[1] = {session_id};
        store_mark_exported(e->store, one, 1);
        return;
    }
    e->ids[e->n++] = id;
}

static void mark_exported(Exported *e)
{
    if (e->n > 0)
        store_mark_exported(e->store, (const char *const *)e->ids, e->n);
    for (int i = 0; i < e->n; i++)
        free(e->ids[i]);
    free(e->ids);
}

/* Exports into a new folder under export_dir, named by the time, so a
 * second export never overwrites the first: the sessions new since the
 * last export, or with `everything` all of them. */
static void export_now(Staff *staff, bool everything)
{
    if (!everything && staff->counts_ok && staff->counts.not_exported == 0) {
        staff_say(staff, false, "Nothing new to export: every person's answers were exported before.");
        return;
    }
    const char *base = staff->ctx.settings->export_dir;
    struct stat st;
    if (stat(base, &st) != 0 || !S_ISDIR(st.st_mode)) {
        staff_say(staff, true, "Cannot export: the folder %s is not there. Is the USB stick plugged in?", base);
        return;
    }
    char folder[1024], stamp[32], err[512];
    time_t now = time(NULL);
    struct tm local;
    localtime_r(&now, &local);
    strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M%S", &local);
    snprintf(folder, sizeof folder, "%s/sayso-%s", base, stamp);
    for (int n = 2; stat(folder, &st) == 0 && n < 100; n++)  /* two exports in one second */
        snprintf(folder, sizeof folder, "%s/sayso-%s-%d", base, stamp, n);
    Exported exported = {staff->ctx.store, NULL, 0};
    ExportRequest req = {.db_path = staff->ctx.db_path, .survey = staff->ctx.survey,
                         .symbol_dirs = staff->ctx.symbol_dirs, .format = EXPORT_CSV,
                         .out_path = folder, .on_session = on_exported, .ctx = &exported,
                         .filter = {.not_exported = !everything}};
    ExportCounts counts = {0};
    int rc = export_folder(&req, &counts, err, sizeof err);
    mark_exported(&exported);  /* even on a failure: what was reported landed */
    if (rc != 0) {
        log_event(staff, "export_failed", err);
        staff_say(staff, true, "Export failed: %s", err);
        return;
    }
    char detail[1200];
    snprintf(detail, sizeof detail, "%d sessions (%s) to %s", counts.sessions,
             everything ? "everything" : "new since the last export", folder);
    log_event(staff, "export", detail);
    staff_say(staff, false, "Exported %d %s (%d answers, %d recordings) to %s", counts.sessions,
              counts.sessions == 1 ? "person" : "people", counts.answers, counts.recordings, folder);
    read_counts(staff);
}

static void take_count(void *ctx, const char *question, const char *topic, const char *choice, int count)
{
    Staff *staff = ctx;
    StaffCount *grown = realloc(staff->group, sizeof *grown * (size_t)(staff->n_group + 1));
    if (!grown)
        return;
    staff->group = grown;
    StaffCount *c = &grown[staff->n_group++];
    snprintf(c->question, sizeof c->question, "%s", question);
    snprintf(c->topic, sizeof c->topic, "%s", topic ? topic : "");
    snprintf(c->choice, sizeof c->choice, "%s", choice);
    c->count = count;
}

/* The first question (from `from`, stepping by `step`) the view can show:
 * one with choices. -1 when none. */
static int viewable_question(const Staff *staff, int from, int step)
{
    const Survey *s = staff->ctx.survey;
    for (int q = from; q >= 0 && q < s->n_questions; q += step)
        if (s->questions[q].list)
            return q;
    return -1;
}

static void open_group_view(Staff *staff)
{
    const char *label = flow_group(staff->ctx.flow);
    clear_group_counts(staff);
    if (store_group_counts(staff->ctx.store, label, &staff->group_sessions, take_count, staff) < 0) {
        staff_say(staff, true, "Cannot read the group's answers: %s", store_error(staff->ctx.store));
        return;
    }
    staff->view_question = viewable_question(staff, 0, 1);
    staff->message[0] = '\0';
    log_event(staff, "group_view", label);
    show(staff, STAFF_GROUP_VIEW);
}

static StaffDo tap_menu(Staff *staff, const char *id)
{
    bool in_group = flow_group(staff->ctx.flow)[0] != '\0';
    if (strcmp(id, "staff:group") == 0 && in_group) {
        end_group(staff);
    } else if (strcmp(id, "staff:group") == 0) {
        default_label(staff->label);
        staff->keyboard = (KeyboardState){0};
        staff->message[0] = '\0';
        show(staff, STAFF_GROUP_LABEL);
    } else if (strcmp(id, "staff:group_view") == 0 && in_group) {
        open_group_view(staff);
    } else if (strcmp(id, "staff:supported") == 0) {
        bool on = !flow_supported_next(staff->ctx.flow);
        flow_set_supported_next(staff->ctx.flow, on);
        staff_say(staff, false, on ? "The next person's answers will be marked \"answered with support\"."
                                   : "The next person's answers will be marked as answered alone.");
    } else if (strcmp(id, "staff:export") == 0 || strcmp(id, "staff:export_all") == 0) {
        export_now(staff, strcmp(id, "staff:export_all") == 0);
    } else if (strcmp(id, "staff:sync") == 0 && staff->sync.configured) {
        return STAFF_DO_SYNC;
    } else if (strcmp(id, "staff:test_speech") == 0) {
        return STAFF_DO_TEST_SPEECH;
    } else if (strcmp(id, "staff:test_mic") == 0) {
        return STAFF_DO_TEST_MIC;
    } else if (strcmp(id, "staff:kiosk") == 0) {
        staff_close(staff);
    } else if (strcmp(id, "staff:exit") == 0) {
        staff->message[0] = '\0';
        show(staff, STAFF_EXIT_CONFIRM);
    }
    return STAFF_DO_NONE;
}

/* Exit sayso asks first: the kiosk stays closed until someone starts it. */
static StaffDo tap_exit_confirm(Staff *staff, const char *id)
{
    if (strcmp(id, "yes") == 0) {
        log_event(staff, "exit", NULL);
        return STAFF_DO_EXIT;
    }
    if (strcmp(id, "no") == 0)
        show_menu(staff);
    return STAFF_DO_NONE;
}

static void tap_label(Staff *staff, const char *id)
{
    if (keyboard_press(&staff->keyboard, NULL, id, staff->label, sizeof staff->label))
        staff->generation++;
    else if (strcmp(id, "staff:group_start") == 0)
        start_group(staff);
    else if (strcmp(id, "staff:menu") == 0)
        show_menu(staff);
}

static void tap_group_view(Staff *staff, const char *id)
{
    int q = staff->view_question;
    if (strcmp(id, "group:next") == 0 && q >= 0) {
        int next = viewable_question(staff, q + 1, 1);
        staff->view_question = next >= 0 ? next : viewable_question(staff, 0, 1);
        staff->generation++;
    } else if (strcmp(id, "group:back") == 0 && q >= 0) {
        int prev = viewable_question(staff, q - 1, -1);
        staff->view_question = prev >= 0 ? prev : viewable_question(staff, staff->ctx.survey->n_questions - 1, -1);
        staff->generation++;
    } else if (strcmp(id, "staff:kiosk") == 0) {
        staff_close(staff);
    }
}

StaffDo staff_tap(Staff *staff, const char *id, uint64_t now_ms)
{
    staff->last_touch_ms = now_ms;
    switch (staff->screen) {
    case STAFF_PIN: tap_pin(staff, id, now_ms); break;
    case STAFF_MENU: return tap_menu(staff, id);
    case STAFF_GROUP_LABEL: tap_label(staff, id); break;
    case STAFF_GROUP_VIEW: tap_group_view(staff, id); break;
    case STAFF_EXIT_CONFIRM: return tap_exit_confirm(staff, id);
    case STAFF_CLOSED: break;
    }
    return STAFF_DO_NONE;
}

void staff_set_sync(Staff *staff, const StaffSync *sync)
{
    if (memcmp(&staff->sync, sync, sizeof *sync) == 0)
        return;
    staff->sync = *sync;
    if (staff->screen != STAFF_MENU)
        return; /* nothing on screen changed: no redraw */
    read_counts(staff); /* "Not yet synced" moves with it */
    sync_notice(staff);
    staff->generation++;
}

void staff_touch(Staff *staff, uint64_t now_ms)
{
    staff->last_touch_ms = now_ms;
}

int64_t staff_ms_until(const Staff *staff, uint64_t now_ms)
{
    if (staff->screen == STAFF_CLOSED || staff->screen == STAFF_GROUP_VIEW)
        return -1;
    uint64_t due = staff->last_touch_ms + STAFF_IDLE_MS;
    return due > now_ms ? (int64_t)(due - now_ms) : 0;
}

bool staff_tick(Staff *staff, uint64_t now_ms)
{
    if (staff_ms_until(staff, now_ms) != 0)
        return false;
    staff_close(staff);
    return true;
}

void staff_screen_name(const Staff *staff, char *out, size_t out_size)
{
    static const char *const names[] = {
        [STAFF_CLOSED] = "", [STAFF_PIN] = "staff-pin", [STAFF_MENU] = "staff-menu",
        [STAFF_GROUP_LABEL] = "staff-group-label", [STAFF_GROUP_VIEW] = "group-view",
        [STAFF_EXIT_CONFIRM] = "exit-confirm",
    };
    snprintf(out, out_size, "%s", names[staff->screen]);
}

int staff_group_count(const Staff *staff, const char *question, const char *topic, const char *choice)
{
    for (int i = 0; i < staff->n_group; i++) {
        const StaffCount *c = &staff->group[i];
        if (strcmp(c->question, question) == 0 && strcmp(c->topic, topic ? topic : "") == 0 &&
            strcmp(c->choice, choice) == 0)
            return c->count;
    }
    return 0;
}

bool staff_group_view_open(const Staff *staff)
{
    return staff->group_sessions >= STAFF_GROUP_MIN_SESSIONS;
}
