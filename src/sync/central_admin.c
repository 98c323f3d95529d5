/* central_admin.c: setting the central store up, as the forum's admin
 * (`sayso central init`, `sayso central kiosk`; sync.h).
 *
 * A kiosk's password is made here from 24 random bytes (libsodium) and
 * sent to the server only as a SCRAM verifier made on this side
 * (PQencryptPasswordConn), so the password itself never reaches the
 * server's logs; it is shown once, to be put in that kiosk's kiosk.ini. */
#include "sync/sync_internal.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Begins a transaction holding the schema lock and reads the version
 * under it. The version, or -1 with `err` (rolled back). */
static int central_lock_schema(Central *c, SyncError *err)
{
    if (central_exec(c, "BEGIN", PGRES_COMMAND_OK, "beginning", err) != 0)
        return -1;
    int version = -1;
    if (central_exec(c, "SELECT pg_advisory_xact_lock(hashtext('sayso central schema'))",
                     PGRES_TUPLES_OK, "locking the central schema", err) == 0)
        version = central_schema_version(c, err);
    if (version < 0)
        PQclear(PQexec(c->pg, "ROLLBACK"));
    return version;
}

/* Applies migrations after `version` and commits. 0 or -1 (rolled back). */
static int central_migrate(Central *c, int version, SyncError *err)
{
    char record[96], doing[64];
    for (int v = version + 1; v <= CENTRAL_SCHEMA_VERSION; v++) {
        snprintf(doing, sizeof doing, "applying central migration %d", v);
        snprintf(record, sizeof record, "INSERT INTO sayso.schema_version (version) VALUES (%d)", v);
        if (central_exec(c, central_migration(v), PGRES_COMMAND_OK, doing, err) != 0 ||
            central_exec(c, record, PGRES_COMMAND_OK, doing, err) != 0) {
            PQclear(PQexec(c->pg, "ROLLBACK"));
            return -1;
        }
    }
    return central_exec(c, "COMMIT", PGRES_COMMAND_OK, "committing the central schema", err);
}

int central_init(const SyncTarget *target, CentralInitReport *report, SyncError *err)
{
    Central c;
    memset(report, 0, sizeof *report);
    if (central_connect(&c, target, err) != 0)
        return -1;
    int version = central_lock_schema(&c, err), status = -1;
    report->version_before = version;
    if (version > CENTRAL_SCHEMA_VERSION) {
        PQclear(PQexec(c.pg, "ROLLBACK"));
        central_fail_with(err, "The central store is newer than this sayso: update sayso.",
                          "the central store at %s has schema version %d, newer than this sayso "
                          "knows (%d): update sayso, then run it again; nothing was changed",
                          c.where, version, CENTRAL_SCHEMA_VERSION);
    } else if (version >= 0) {
        status = central_migrate(&c, version, err);
        report->version = status == 0 ? CENTRAL_SCHEMA_VERSION : version;
    }
    central_close(&c);
    return status;
}

/* "sayso_kiosk_library_1" for "Library 1": letters and digits of `name`,
 * lower case, other runs as one "_". 0, or -1 when nothing is left. */
static int central_login_name(const char *name, char *out, size_t size)
{
    size_t n = (size_t)snprintf(out, size, CENTRAL_KIOSK_ROLE "_");
    size_t prefix = n;
    for (const char *p = name; *p && n + 1 < size && n < 48; p++) {
        unsigned char ch = (unsigned char)*p;
        if (isalnum(ch) && ch < 128)
            out[n++] = (char)tolower(ch);
        else if (n > prefix && out[n - 1] != '_')
            out[n++] = '_';
    }
    while (n > prefix && out[n - 1] == '_')
        n--;
    out[n] = '\0';
    return n > prefix ? 0 : -1;
}

/* Appends `text` to `out` percent-encoded for a URL (RFC 3986). */
static void central_url_put(char *out, size_t size, const char *text)
{
    size_t n = strlen(out);
    for (const unsigned char *p = (const unsigned char *)text; *p && n + 4 < size; p++) {
        if (isalnum(*p) || strchr("-._~", *p))
            out[n++] = (char)*p;
        else
            n += (size_t)snprintf(out + n, size - n, "%%%02X", *p);
    }
    out[n] = '\0';
}

/* The value of `keyword` in the connection's options, or "". */
static const char *central_option(PQconninfoOption *options, const char *keyword)
{
    for (PQconninfoOption *o = options; o && o->keyword; o++)
        if (strcmp(o->keyword, keyword) == 0 && o->val)
            return o->val;
    return "";
}

/* The admin's connection as a URL for `login`, without a password:
 * postgresql://LOGIN@HOST:PORT/DB?sslmode=MODE (a socket folder goes in
 * host=). */
static void central_kiosk_url(Central *c, const char *login, char *out, size_t size)
{
    PQconninfoOption *options = PQconninfo(c->pg);
    const char *host = central_option(options, "host"), *port = central_option(options, "port");
    const char *sslmode = central_option(options, "sslmode");
    bool socket = host[0] == '/' || !host[0];
    snprintf(out, size, "postgresql://");
    central_url_put(out, size, login);
    snprintf(out + strlen(out), size - strlen(out), "@%s", socket ? "" : host);
    if (!socket && port[0])
        snprintf(out + strlen(out), size - strlen(out), ":%s", port);
    snprintf(out + strlen(out), size - strlen(out), "/");
    central_url_put(out, size, central_option(options, "dbname"));
    if (socket && host[0]) {
        snprintf(out + strlen(out), size - strlen(out), "?host=");
        central_url_put(out, size, host);
        snprintf(out + strlen(out), size - strlen(out), "&port=%s", port);
    }
    if (sslmode[0] && strcmp(sslmode, "prefer") != 0 && strcmp(sslmode, "disable") != 0)
        snprintf(out + strlen(out), size - strlen(out), "%ssslmode=%s", strchr(out, '?') ? "&" : "?",
                 sslmode);
    PQconninfoFree(options);
}

/* CREATE ROLE with a SCRAM verifier of `password`, in the kiosk group,
 * and its kiosk_login row, in one transaction. 0 or -1. */
static int central_create_login(Central *c, const CentralKioskLogin *k, const char *name,
                                const char *venue, SyncError *err)
{
    char *verifier = PQencryptPasswordConn(c->pg, k->password, k->login, "scram-sha-256");
    char *ident = PQescapeIdentifier(c->pg, k->login, strlen(k->login));
    char *literal = verifier ? PQescapeLiteral(c->pg, verifier, strlen(verifier)) : NULL;
    size_t size = (ident ? strlen(ident) : 0) + (literal ? strlen(literal) : 0) + 128;
    char *sql = malloc(size);
    int status = -1;
    if (!ident || !literal || !sql) {
        central_fail(c, NULL, "making the kiosk's password", err);
        goto done;
    }
    snprintf(sql, size, "CREATE ROLE %s LOGIN PASSWORD %s IN ROLE " CENTRAL_KIOSK_ROLE, ident, literal);
    const char *values[] = {k->login, name, venue};
    PGresult *res = NULL;
    if (central_exec(c, "BEGIN", PGRES_COMMAND_OK, "beginning", err) == 0 &&
        central_exec(c, sql, PGRES_COMMAND_OK, "making the kiosk's login", err) == 0 &&
        (res = central_query(c, "INSERT INTO sayso.kiosk_login (role, name, venue) VALUES ($1, $2, $3)",
                             3, values, "recording the kiosk's login", err)) != NULL)
        status = central_exec(c, "COMMIT", PGRES_COMMAND_OK, "committing the kiosk's login", err);
    PQclear(res);
    if (status != 0)
        PQclear(PQexec(c->pg, "ROLLBACK"));
done:
    PQfreemem(verifier);
    PQfreemem(ident);
    PQfreemem(literal);
    free(sql);
    return status;
}

int central_kiosk_add(const SyncTarget *target, const char *name, const char *venue,
                      CentralKioskLogin *out, SyncError *err)
{
    unsigned char random[24];
    Central c;
    memset(out, 0, sizeof *out);
    if (central_login_name(name, out->login, sizeof out->login) != 0)
        return central_fail_with(err, "The kiosk needs a name with letters or digits.",
                                 "--name \"%s\" has no letters or digits to name a login by", name);
    if (sodium_init() < 0)
        return central_fail_with(err, "No random numbers for a password.",
                                 "libsodium could not start, so no password can be made");
    randombytes_buf(random, sizeof random);
    sodium_bin2base64(out->password, sizeof out->password, random, sizeof random,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    if (central_connect(&c, target, err) != 0)
        return -1;
    int version = central_schema_version(&c, err), status = -1;
    if (version >= 0 && version < CENTRAL_SCHEMA_VERSION)
        central_fail_with(err, "The central store is not set up: run sayso central init.",
                          "the central store at %s is not set up (schema version %d of %d): run "
                          "sayso central init --to URL first",
                          c.where, version, CENTRAL_SCHEMA_VERSION);
    else if (version >= 0)
        status = central_create_login(&c, out, name, venue, err);
    if (status == 0)
        central_kiosk_url(&c, out->login, out->url, sizeof out->url);
    central_close(&c);
    sodium_memzero(random, sizeof random);
    return status;
}
