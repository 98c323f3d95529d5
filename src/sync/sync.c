/* sync.c: one sync (sync_run) and kiosk.ini's [sync] target (sync.h).
 *
 * A sync opens the kiosk's database through src/store and one connection
 * to the central store, then:
 *   1. finds out whose login it is: an admin's (one that may read answers:
 *      it sends every kiosk's sessions, as a laptop syncing merged USB
 *      sticks does) or a kiosk's;
 *   2. a kiosk's login is bound to the database's kiosk UUID (at the first
 *      sync; later syncs check it is still the same kiosk), but never for
 *      a file holding other kiosks' sessions, which a kiosk login could
 *      not send;
 *   3. sends what is ended and not synced (push.c);
 *   4. with a kiosk's login, fetches a newer published survey (pull.c).
 *
 * Passwords: kiosk.ini may hold one only when nobody but its owner can
 * read the file (mode 0600), and the same goes for a password_file;
 * otherwise the sync refuses and says which file to chmod. */
#include "sync/sync_push.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store/store_sync.h"

#define SYNC_STALE_SECONDS (24 * 60 * 60)

/* 0 when nobody but the owner may read `path`; else -1 with what to do. */
static int sync_check_private(const char *path, const char *what, SyncError *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return central_fail_with(err, "The sync password file is missing.",
                                 "cannot read %s (%s): it is not there", path, what);
    if ((st.st_mode & 077) == 0)
        return 0;
    return central_fail_with(err, "The sync password is in a file others can read: sync is off.",
                             "%s holds %s but other users can read it: run chmod 600 %s "
                             "(sync stays off until then)",
                             path, what, path);
}

/* Reads the first line of `path` (a password_file) into `out`. */
static int sync_read_password(const char *path, char *out, size_t size, SyncError *err)
{
    if (sync_check_private(path, "the sync password", err) != 0)
        return -1;
    FILE *f = fopen(path, "r");
    if (!f || !fgets(out, (int)size, f)) {
        if (f)
            fclose(f);
        return central_fail_with(err, "The sync password file cannot be read.",
                                 "cannot read the sync password from %s", path);
    }
    fclose(f);
    out[strcspn(out, "\r\n")] = '\0';
    return 0;
}

int sync_target_from_settings(const KioskSettings *s, const char *ini_path, SyncTarget *target,
                              char *password, size_t size, SyncError *err)
{
    memset(target, 0, sizeof *target);
    password[0] = '\0';
    if (!s->sync_url[0])
        return central_fail_with(err, "Sync is not set up on this kiosk.",
                                 "%s has no [sync] url: no central store to sync with", ini_path);
    target->url = s->sync_url;
    target->ca_file = s->sync_ca_file[0] ? s->sync_ca_file : NULL;
    if (s->sync_password[0]) {
        if (sync_check_private(ini_path, "the sync password", err) != 0)
            return -1;
        snprintf(password, size, "%s", s->sync_password);
    } else if (s->sync_password_file[0] &&
               sync_read_password(s->sync_password_file, password, size, err) != 0) {
        return -1;
    }
    target->password = password[0] ? password : NULL;
    return 0;
}

/* "2026-11-21T10:04:05.000Z": a day before now. */
static void sync_stale_before(char out[32])
{
    time_t t = time(NULL) - SYNC_STALE_SECONDS;
    struct tm utc;
    gmtime_r(&t, &utc);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%S.000Z", &utc);
}

/* Whose login this is: an admin (may read answers) or a kiosk. 0 or -1. */
static int sync_whoami(Central *c, SyncReport *report, SyncError *err)
{
    PGresult *res = central_query(c, "SELECT has_table_privilege('sayso.answer', 'SELECT'), current_user",
                                  0, NULL, "checking the login", err);
    if (!res)
        return -1;
    report->admin = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
    snprintf(report->login, sizeof report->login, "%s", PQgetvalue(res, 0, 1));
    PQclear(res);
    return 0;
}

/* Binds a kiosk login to this database's kiosk. 0 or -1. */
static int sync_bind(Central *c, const char *kiosk_id, SyncReport *report, SyncError *err)
{
    PGresult *res = PQexecParams(c->pg, "SELECT kiosk_name FROM sayso.bind_kiosk($1)", 1, NULL,
                                 &kiosk_id, NULL, NULL, 0);
    if (res && PQresultStatus(res) == PGRES_TUPLES_OK) {
        snprintf(report->kiosk_name, sizeof report->kiosk_name, "%s", PQgetvalue(res, 0, 0));
        PQclear(res);
        return 0;
    }
    const char *hint = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL;
    central_fail(c, res, "binding the login to this kiosk", err);
    if (hint && strcmp(hint, "sayso-login-taken") == 0)
        snprintf(err->plain, sizeof err->plain, "This login belongs to another kiosk: make one for "
                                                "this kiosk with sayso central kiosk.");
    else if (hint && strcmp(hint, "sayso-kiosk-taken") == 0)
        snprintf(err->plain, sizeof err->plain, "This kiosk already has another login: use that one.");
    PQclear(res);
    return -1;
}

/* Checks the central schema and the login; binds a kiosk login. 0 or -1. */
static int sync_prepare(Central *c, Store *store, const char *db_path, const StoreSyncCounts *counts,
                        SyncReport *report, SyncError *err)
{
    int version = central_schema_version(c, err);
    if (version < 0)
        return -1;
    if (version == 0)
        return central_fail_with(err, "The central store is not set up: run sayso central init.",
                                 "the central store at %s has no sayso tables: run sayso central "
                                 "init --to URL (as the forum's admin) first", c->where);
    if (version < CENTRAL_SCHEMA_VERSION)  /* its answer table lacks a column this kiosk sends */
        return central_fail_with(err, "The central store needs updating: ask the forum's admin to run sayso central init.",
                                 "the central store at %s has schema version %d, older than this sayso "
                                 "sends (%d): run sayso central init --to URL (as the forum's admin) to "
                                 "bring it up to date; nothing was sent",
                                 c->where, version, CENTRAL_SCHEMA_VERSION);
    if (sync_whoami(c, report, err) != 0)
        return -1;
    if (report->admin)
        return 0;
    if (counts->other_kiosks > 0) {
        report->other_kiosks = counts->other_kiosks;
        return central_fail_with(err, "This database holds other kiosks' answers: sync it as the admin.",
                                 "%s holds %d sessions of other kiosks (a merged file?), which the "
                                 "kiosk login %s may not send: sync it with the central admin's "
                                 "login; nothing was sent",
                                 db_path, counts->other_kiosks, report->login);
    }
    return sync_bind(c, store_kiosk_id(store), report, err);
}

/* What is left after the push: sessions not sent, sessions still open. */
static void sync_count_left(Store *store, const char *kiosk_id, SyncReport *report)
{
    StoreSyncCounts after;
    if (store_sync_counts(store, kiosk_id, &after) != 0)
        return;
    report->sessions_left = after.to_send;
    report->sessions_open = after.open;
}

/* The push and the pull over an open store and connection. 0 or -1. */
static int sync_with(Central *c, Store *store, const SyncRequest *req, SyncReport *report,
                     SyncError *err)
{
    StoreSyncCounts counts;
    if (store_sync_counts(store, store_kiosk_id(store), &counts) != 0)
        return central_fail_with(err, "The kiosk's database could not be read.", "%s",
                                 store_error(store));
    if (sync_prepare(c, store, req->db_path, &counts, report, err) != 0)
        return -1;
    const char *kiosk = report->admin ? NULL : store_kiosk_id(store);
    PushRequest push = {.kiosk_id = kiosk,
                        .venue = req->venue,
                        .batch_sessions = req->batch_sessions,
                        .total = report->admin ? counts.to_send + counts.other_kiosks : counts.to_send,
                        .progress = req->progress,
                        .ctx = req->ctx,
                        .cancel = req->cancel};
    int status = sync_push(c, store, &push, report, err);
    sync_count_left(store, kiosk, report);
    if (status == 0 && req->pull && !report->admin) {
        if (req->progress)
            req->progress(req->ctx, &(SyncProgress){report->sessions_marked, push.total, true});
        status = sync_pull(c, req->db_path, req->symbol_dirs, report, err);
    }
    return status;
}

int sync_run(const SyncRequest *req, SyncReport *report, SyncError *err)
{
    char store_err[512];
    memset(report, 0, sizeof *report);
    memset(err, 0, sizeof *err);
    Store *store = store_open(req->db_path, store_err, sizeof store_err);
    if (!store)
        return central_fail_with(err, "The kiosk's database could not be opened.", "%s", store_err);
    if (req->close_stale) {
        char before[32];
        sync_stale_before(before);
        if (store_sync_close_abandoned(store, before, &report->sessions_closed) != 0)
            fprintf(stderr, "sayso: %s\n", store_error(store));
    }
    Central c;
    int status = central_connect(&c, &req->target, err);
    if (status == 0) {
        status = sync_with(&c, store, req, report, err);
        central_close(&c);
    } else {
        sync_count_left(store, store_kiosk_id(store), report);
    }
    store_close(store);
    return status;
}
