/* central.c: one connection to the central store, and its errors in
 * words (sync_internal.h).
 *
 * The URL is handed to libpq whole (expand_dbname), then the password and
 * the CA file from kiosk.ini are added after it, so they win over anything
 * the URL says and never have to be written into the URL. TCP keepalives
 * and a user timeout make a dropped network an error within a minute
 * rather than a sync that hangs for ever; connect_timeout bounds the wait
 * for an unreachable server.
 *
 * Every message libpq gives is scrubbed before it is kept: the password
 * (should libpq ever repeat a conninfo) and the "user:password@" part of a
 * URL become ********. What a person at the kiosk is told is worded from
 * what failed, never libpq's text. */
#include "sync/sync_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CENTRAL_HIDDEN "********"

/* Replaces text[from, to) with ******** (cut at `size`). */
static void central_hide(char *text, size_t size, size_t from, size_t to)
{
    char *rest = strdup(text + to);
    if (!rest)
        return;
    snprintf(text + from, size - from, "%s%s", CENTRAL_HIDDEN, rest);
    free(rest);
}

void central_scrub(char *text, size_t size, const char *secret)
{
    size_t hidden = strlen(CENTRAL_HIDDEN);
    for (char *at = secret && *secret ? strstr(text, secret) : NULL; at;) {
        size_t from = (size_t)(at - text);
        central_hide(text, size, from, from + strlen(secret));
        at = from + hidden < strlen(text) ? strstr(text + from + hidden, secret) : NULL;
    }
    /* postgresql://user:password@host: the part between ':' and '@' */
    for (char *scheme = strstr(text, "://"); scheme; scheme = strstr(scheme + 3, "://")) {
        char *end = strpbrk(scheme + 3, "@/ ?");
        char *colon = end && *end == '@' ? memchr(scheme + 3, ':', (size_t)(end - scheme - 3)) : NULL;
        if (colon && strncmp(colon + 1, CENTRAL_HIDDEN, hidden) != 0)
            central_hide(text, size, (size_t)(colon + 1 - text), (size_t)(end - text));
    }
}

int central_fail_with(SyncError *err, const char *plain, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(err->detail, sizeof err->detail, format, args);
    va_end(args);
    snprintf(err->plain, sizeof err->plain, "%s", plain);
    return -1;
}

/* Plain words for a connection that failed with libpq's `message`. */
static const char *central_plain_connect(const char *message)
{
    if (strstr(message, "password") || strstr(message, "authentication"))
        return "The server refused this kiosk's login: check the password in kiosk.ini.";
    if (strstr(message, "certificate"))
        return "The server's certificate could not be checked: check ca_file in kiosk.ini.";
    if (strstr(message, "SSL"))
        return "A secure connection to the server could not be made.";
    if (strstr(message, "does not exist"))
        return "The central store or this kiosk's login does not exist: check the url in kiosk.ini.";
    return "The server could not be reached.";
}

/* Plain words for a command that failed with SQLSTATE `state`. */
static const char *central_plain_command(const Central *c, const char *state)
{
    if (!c->pg || PQstatus(c->pg) != CONNECTION_OK)
        return "The connection to the server was lost.";
    if (state && strcmp(state, "42501") == 0)
        return "The server refused: this login may not do that.";
    if (state && strcmp(state, "42710") == 0)
        return "A login of that name exists already: choose another name.";
    if (state && strcmp(state, "42P01") == 0)
        return "The central store is not set up: run sayso central init.";
    return "The server could not store the answers.";
}

int central_fail(Central *c, PGresult *res, const char *doing, SyncError *err)
{
    const char *message = res ? PQresultErrorMessage(res) : "";
    if (!*message && c->pg)
        message = PQerrorMessage(c->pg);
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    bool connected = c->pg && PQstatus(c->pg) == CONNECTION_OK;
    snprintf(err->plain, sizeof err->plain, "%s",
             !connected && !res ? central_plain_connect(message) : central_plain_command(c, state));
    snprintf(err->detail, sizeof err->detail, "%s%s%s: %s", doing, c->where[0] ? " at " : "",
             c->where, *message ? message : "no reply");
    size_t n = strlen(err->detail);
    while (n > 0 && (err->detail[n - 1] == '\n' || err->detail[n - 1] == ' '))
        err->detail[--n] = '\0';
    central_scrub(err->detail, sizeof err->detail, c->password);
    return -1;
}

/* libpq prints a server's notices on stderr unless told otherwise; the
 * few a sync meets ("relation already exists, skipping") say nothing a
 * person needs. */
static void central_quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

/* "HOST:PORT/DB" of the connection, for messages. */
static void central_where(Central *c)
{
    const char *host = PQhost(c->pg), *port = PQport(c->pg), *db = PQdb(c->pg);
    snprintf(c->where, sizeof c->where, "%s:%s/%s", host && *host ? host : "localhost",
             port && *port ? port : "5432", db ? db : "");
}

int central_connect(Central *c, const SyncTarget *target, SyncError *err)
{
    const char *keys[16], *values[16];
    int n = 0;
#define CENTRAL_PARAM(k, v) (keys[n] = (k), values[n++] = (v))
    CENTRAL_PARAM("dbname", target->url);
    if (target->password && *target->password)
        CENTRAL_PARAM("password", target->password);
    if (target->ca_file && *target->ca_file)
        CENTRAL_PARAM("sslrootcert", target->ca_file);
    CENTRAL_PARAM("connect_timeout", "10");
    CENTRAL_PARAM("keepalives_idle", "20");
    CENTRAL_PARAM("keepalives_interval", "5");
    CENTRAL_PARAM("keepalives_count", "4");
    CENTRAL_PARAM("tcp_user_timeout", "60000");
    CENTRAL_PARAM("application_name", "sayso");
    CENTRAL_PARAM("client_encoding", "UTF8");
#undef CENTRAL_PARAM
    keys[n] = values[n] = NULL;
    memset(c, 0, sizeof *c);
    c->password = target->password;
    char why[320];
    if (!lazy_pq_ready(why, sizeof why))
        return central_fail_with(err, "PostgreSQL's client library (Debian package libpq5) is missing here.",
                                 "%s", why);
    c->pg = PQconnectdbParams(keys, values, 1);
    if (!c->pg)
        return central_fail_with(err, "The server could not be reached.", "out of memory");
    central_where(c);
    if (PQstatus(c->pg) == CONNECTION_OK) {
        PQsetNoticeProcessor(c->pg, central_quiet, NULL);
        return 0;
    }
    central_fail(c, NULL, "cannot connect to the central store", err);
    central_close(c);
    return -1;
}

void central_close(Central *c)
{
    if (c->pg)
        PQfinish(c->pg);
    c->pg = NULL;
}

int central_exec(Central *c, const char *sql, ExecStatusType want, const char *doing,
                 SyncError *err)
{
    PGresult *res = PQexec(c->pg, sql);
    int status = res && PQresultStatus(res) == want ? 0 : central_fail(c, res, doing, err);
    PQclear(res);
    return status;
}

PGresult *central_query(Central *c, const char *sql, int n, const char *const *values,
                        const char *doing, SyncError *err)
{
    PGresult *res = PQexecParams(c->pg, sql, n, NULL, values, NULL, NULL, 0);
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
        return res;
    central_fail(c, res, doing, err);
    PQclear(res);
    return NULL;
}

int central_schema_version(Central *c, SyncError *err)
{
    PGresult *res = central_query(c, "SELECT to_regclass('sayso.schema_version') IS NOT NULL", 0,
                                  NULL, "reading the central schema", err);
    if (!res)
        return -1;
    bool exists = PQntuples(res) == 1 && strcmp(PQgetvalue(res, 0, 0), "t") == 0;
    PQclear(res);
    if (!exists)
        return 0;
    res = central_query(c, "SELECT max(version) FROM sayso.schema_version", 0, NULL,
                        "reading the central schema", err);
    if (!res)
        return -1;
    int version = PQntuples(res) == 1 ? atoi(PQgetvalue(res, 0, 0)) : 0;
    PQclear(res);
    return version;
}
