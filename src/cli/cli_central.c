/* cli_central.c: `sayso central init --to URL` and `sayso central kiosk
 * --to URL --name NAME [--venue TEXT]` (commands.h): the forum's admin
 * sets up the central store and gives each kiosk its own login.
 *
 * The URL's user is the admin: it owns the central tables and may make
 * logins (PostgreSQL's CREATEROLE). Its password comes the way libpq finds
 * one (PGPASSWORD, ~/.pgpass). */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

#include "sync/sync.h"

int cli_central_init(const CliOptions *o)
{
    SyncTarget target = {.url = o->to};
    CentralInitReport report;
    SyncError err;
    if (central_init(&target, &report, &err) != 0) {
        fprintf(stderr, "sayso: %s\n", err.detail);
        return 1;
    }
    if (report.version_before == report.version)
        printf("sayso: the central store is up to date (schema version %d); nothing changed\n",
               report.version);
    else if (report.version_before == 0)
        printf("sayso: made the central store (schema version %d)\n", report.version);
    else
        printf("sayso: upgraded the central store from schema version %d to %d\n",
               report.version_before, report.version);
    return 0;
}

int cli_central_kiosk(const CliOptions *o)
{
    SyncTarget target = {.url = o->to};
    CentralKioskLogin login;
    SyncError err;
    if (central_kiosk_add(&target, o->name, o->venue, &login, &err) != 0) {
        fprintf(stderr, "sayso: %s\n", err.detail);
        return 1;
    }
    printf("sayso: made the login %s for the kiosk \"%s\"%s%s%s\n", login.login, o->name,
           o->venue ? " at " : "", o->venue ? o->venue : "", o->venue ? "" : " (no venue)");
    printf("Put these lines in that kiosk's kiosk.ini, then make the file readable by the kiosk's\n"
           "user alone (chmod 600 kiosk.ini): it holds the login's password.\n\n"
           "[sync]\nurl = %s\npassword = %s\n", login.url, login.password);
    if (o->venue)
        printf("venue = %s\n", o->venue);
    printf("interval_minutes = 15\n");
    if (strstr(login.url, "sslmode=verify"))
        printf("; ca_file = the CA certificate that signed the server's certificate\n");
    memset(&login, 0, sizeof login);
    return 0;
}
