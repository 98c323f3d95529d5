/* cli_sync.c: `sayso sync [--db FILE] [--to URL] [--kiosk FILE]`
 * (commands.h): the kiosk's sync from the command line, or a laptop's
 * with kiosk databases from USB sticks.
 *
 * The central store is --to URL (the password then comes the way libpq
 * finds one: PGPASSWORD or ~/.pgpass), else kiosk.ini's [sync] url with
 * its password or password_file. Sessions left open for over a day (a
 * kiosk stopped mid-session) are ended first, so they are not left unsent.
 * Prints what went up and what came down; exits 0 only when everything
 * went up. */
#include "cli/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sync/sync.h"

static const char *sync_plural(int n)
{
    return n == 1 ? "" : "s";
}

/* The target: --to, else kiosk.ini's [sync]. 0, or -1 after saying why. */
static int sync_target(const CliOptions *o, const KioskSettings *settings, SyncTarget *target,
                       char *password, size_t size)
{
    SyncError err;
    if (o->to) {
        *target = (SyncTarget){.url = o->to,
                               .ca_file = settings->sync_ca_file[0] ? settings->sync_ca_file : NULL};
        password[0] = '\0';
        return 0;
    }
    if (sync_target_from_settings(settings, o->kiosk_ini, target, password, size, &err) == 0)
        return 0;
    fprintf(stderr, "sayso: %s\n", err.detail);
    if (!settings->sync_url[0])
        fprintf(stderr, "sayso: give the central store with --to postgresql://LOGIN@HOST/DB\n");
    return -1;
}

static void sync_say(const CliOptions *o, const SyncReport *r)
{
    printf("sayso: sent %d session%s (%d answer%s, %d recording%s) from %s as %s%s%s%s\n",
           r->sessions_sent, sync_plural(r->sessions_sent), r->answers_sent,
           sync_plural(r->answers_sent), r->recordings_sent, sync_plural(r->recordings_sent),
           o->db_path, r->login, r->kiosk_name[0] ? " (kiosk \"" : "", r->kiosk_name,
           r->kiosk_name[0] ? "\")" : r->admin ? " (the admin: every kiosk's sessions)" : "");
    if (r->sessions_marked > r->sessions_sent)
        printf("sayso: %d session%s already on the server, now marked synced here\n",
               r->sessions_marked - r->sessions_sent, sync_plural(r->sessions_marked - r->sessions_sent));
    if (r->sessions_closed > 0)
        printf("sayso: ended %d session%s left open for over a day (a kiosk stopped mid-session) as"
               " timed out\n", r->sessions_closed, sync_plural(r->sessions_closed));
    if (r->sessions_open > 0)
        printf("sayso: %d session%s still being answered, sent once ended\n", r->sessions_open,
               sync_plural(r->sessions_open));
    if (r->sessions_left > 0)
        printf("sayso: %d session%s not sent yet\n", r->sessions_left, sync_plural(r->sessions_left));
    if (r->survey_new)
        printf("sayso: received published survey %d into %s\n", r->survey_number, r->survey_dir);
    if (r->survey_rejected[0])
        fprintf(stderr, "sayso: %s\n", r->survey_rejected);
}

int cli_sync(const CliOptions *o)
{
    KioskSettings settings;
    const char *dirs[KIOSK_MAX_PACKS + 2];
    char symbols[sizeof o->assets_dir + 16], err[512], password[256];
    struct stat st;
    if (stat(o->db_path, &st) != 0 || !S_ISREG(st.st_mode)) {
        fprintf(stderr, "sayso: there is no database %s (check --db): nothing was sent\n", o->db_path);
        return 1;
    }
    if (cli_symbol_dirs(o, &settings, dirs, symbols, sizeof symbols, err, sizeof err) != 0) {
        fprintf(stderr, "sayso: %s\n", err);
        return 1;
    }
    SyncRequest request = {.db_path = o->db_path,
                           .venue = settings.sync_venue,
                           .symbol_dirs = dirs,
                           .close_stale = true,
                           .pull = true};
    if (sync_target(o, &settings, &request.target, password, sizeof password) != 0)
        return 1;
    const char *batch = getenv("SAYSO_SYNC_BATCH_SESSIONS"); /* tests make batches small */
    request.batch_sessions = batch ? atoi(batch) : 0;
    SyncReport report;
    SyncError failure;
    int status = sync_run(&request, &report, &failure);
    if (report.login[0])
        sync_say(o, &report);
    if (status != 0)
        fprintf(stderr, "sayso: %s\n", failure.detail);
    memset(password, 0, sizeof password);
    return status == 0 && report.sessions_left == 0 ? 0 : 1;
}
