/* pg_support.h: a real PostgreSQL server for the sync tests.
 *
 * pg_start makes a cluster in a new /tmp/sayso-pg-XXXXXX folder (initdb as
 * the postgres user: it refuses root), starts it on a Unix socket in that
 * folder (and, for TLS, on 127.0.0.1 at a free port with a throwaway CA and
 * server certificate made by openssl: at start, or later for one test with
 * pg_set_tls), and makes the forum's admin role
 * sayso_admin (LOGIN CREATEROLE), as the README's set-up does. A watcher
 * process holds the read end of a pipe whose write end only the test
 * holds: when the test ends in any way (a failed CHECK, a crash, a
 * sanitizer abort), the pipe closes and the watcher stops the server and
 * removes the folder. pg_stop does the same at once.
 *
 * Authentication: the superuser postgres and sayso_admin are trusted on
 * the socket (the tests are their "~/.pgpass"); every other login (the
 * kiosks) needs its password, on the socket and over TLS; plain TCP is
 * refused, so a sync that works over TCP proves TLS was used.
 *
 * fsync is off: an immediate stop (pg_ctl stop -m immediate) kills the
 * server's processes, not the machine, so what was committed is still in
 * the page cache and WAL recovery finds it. Include after test_support.h. */
#ifndef SAYSO_PG_SUPPORT_H
#define SAYSO_PG_SUPPORT_H

#include <arpa/inet.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_support.h"

#define PG_BIN "/usr/lib/postgresql/15/bin"

typedef struct {
    char dir[64];   /* the cluster's folder: data/, the socket, log, certificates */
    int port;
    bool tls;       /* also listening on 127.0.0.1:port with TLS */
    bool durable;   /* fsync on, as a real server (the bench); tests turn it off */
    int watch_fd;   /* write end of the watcher's pipe; -1 when stopped */
    pid_t watcher;
} PgServer;

/* Runs `cmd` as the postgres user (runuser), its output into DIR/cmd.log. */
static inline int pg_as_postgres(const PgServer *pg, const char *cmd)
{
    char line[4096];
    snprintf(line, sizeof line, "runuser -u postgres -- sh -c '%s' >> %s/cmd.log 2>&1", cmd, pg->dir);
    return support_shell(line);
}

/* The server's options for pg_ctl -o. */
static inline void pg_options(const PgServer *pg, char *out, size_t size)
{
    const char *fsync = pg->durable ? "" : " -c fsync=off";
    if (pg->tls)
        snprintf(out, size,
                 "-p %d -k %s -c listen_addresses=127.0.0.1 -c ssl=on -c ssl_cert_file=%s/server.crt"
                 " -c ssl_key_file=%s/server.key%s",
                 pg->port, pg->dir, pg->dir, pg->dir, fsync);
    else
        snprintf(out, size, "-p %d -k %s -c listen_addresses=%s", pg->port, pg->dir, fsync);
}

/* Starts (or restarts) the server and waits until it takes connections. */
static inline int pg_ctl_start(const PgServer *pg)
{
    char options[1024], cmd[2048];
    pg_options(pg, options, sizeof options);
    snprintf(cmd, sizeof cmd, PG_BIN "/pg_ctl -D %s/data -o \"%s\" -l %s/log -w -t 30 start", pg->dir,
             options, pg->dir);
    return pg_as_postgres(pg, cmd);
}

/* `mode` is smart, fast or immediate. */
static inline int pg_ctl_stop(const PgServer *pg, const char *mode)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, PG_BIN "/pg_ctl -D %s/data -m %s -w stop", pg->dir, mode);
    return pg_as_postgres(pg, cmd);
}

/* A TCP port nobody listens on now. */
static inline int pg_free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    int port = 0;
    if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0 &&
        getsockname(fd, (struct sockaddr *)&a, &len) == 0)
        port = ntohs(a.sin_port);
    if (fd >= 0)
        close(fd);
    return port > 0 ? port : 54329;
}

/* A throwaway CA (ca.crt), and a certificate for 127.0.0.1 and localhost
 * signed by it (server.crt, server.key), in the cluster's folder. */
static inline int pg_make_certificates(const PgServer *pg)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "cd %s && printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > san.ext"
             " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2"
             " -subj '/CN=sayso test CA' -keyout ca.key -out ca.crt"
             " && openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
             " -subj /CN=localhost -keyout server.key -out server.csr"
             " && openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2"
             " -extfile san.ext -out server.crt"
             " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2"
             " -subj '/CN=another CA' -keyout other.key -out other.crt"
             " && chown postgres server.key && chmod 600 server.key",
             pg->dir);
    char line[2300];
    snprintf(line, sizeof line, "(%s) >> %s/cmd.log 2>&1", cmd, pg->dir);
    return support_shell(line);
}

static inline int pg_write_hba(const PgServer *pg)
{
    char path[128];
    snprintf(path, sizeof path, "%s/data/pg_hba.conf", pg->dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs("local all postgres trust\n"
          "local all sayso_admin trust\n"
          "local all all scram-sha-256\n"
          "hostssl all sayso_admin 127.0.0.1/32 trust\n"
          "hostssl all all 127.0.0.1/32 scram-sha-256\n",
          f);
    return fclose(f);
}

/* The watcher: waits for the pipe to close, then stops the server
 * (immediately) and removes the folder. Never returns. */
static inline void pg_watch(const PgServer *pg, int read_fd)
{
    char byte;
    while (read(read_fd, &byte, 1) != 0)
        ;
    pg_ctl_stop(pg, "immediate");
    support_remove_tree(pg->dir);
    _exit(0);
}

static inline int pg_start_watcher(PgServer *pg)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return -1;
    pg->watcher = fork();
    if (pg->watcher == 0) {
        close(fds[1]);
        setsid(); /* a kill of the test's process group leaves it */
        pg_watch(pg, fds[0]);
    }
    close(fds[0]);
    pg->watch_fd = fds[1];
    return pg->watcher > 0 ? 0 : -1;
}

/* Makes the cluster and starts it (`durable`: with fsync). 0, or -1 (the
 * log is in DIR). */
static inline int pg_start(PgServer *pg, bool tls, bool durable)
{
    memset(pg, 0, sizeof *pg);
    pg->watch_fd = -1;
    pg->tls = tls;
    pg->durable = durable;
    pg->port = pg_free_port();
    struct passwd *pw = getpwnam("postgres");
    if (!pw || support_temp_dir(pg->dir, sizeof pg->dir, "pg") != 0 ||
        chown(pg->dir, pw->pw_uid, pw->pw_gid) != 0 || pg_start_watcher(pg) != 0)
        return -1;
    char cmd[512];
    snprintf(cmd, sizeof cmd, PG_BIN "/initdb -D %s/data -U postgres -A trust -E UTF8 --no-sync",
             pg->dir);
    if (pg_as_postgres(pg, cmd) != 0 || pg_write_hba(pg) != 0 ||
        (tls && pg_make_certificates(pg) != 0) || pg_ctl_start(pg) != 0) {
        printf("    PostgreSQL did not start; see %s/cmd.log and %s/log\n", pg->dir, pg->dir);
        return -1;
    }
    return 0;
}

/* Restarts the server listening on 127.0.0.1 with TLS too (`tls`: at a
 * port free now, for the socket too), making the certificates the first
 * time, or on its socket alone. 0 or -1. */
static inline int pg_set_tls(PgServer *pg, bool tls)
{
    char crt[128];
    snprintf(crt, sizeof crt, "%s/server.crt", pg->dir);
    if ((tls && access(crt, R_OK) != 0 && pg_make_certificates(pg) != 0) || pg_ctl_stop(pg, "fast") != 0)
        return -1;
    pg->tls = tls;
    if (tls)
        pg->port = pg_free_port(); /* free now, not only when the test began */
    return pg_ctl_start(pg);
}

/* Stops the server and removes its folder (the watcher does it). */
static inline void pg_stop(PgServer *pg)
{
    if (pg->watch_fd < 0)
        return;
    close(pg->watch_fd);
    pg->watch_fd = -1;
    waitpid(pg->watcher, NULL, 0);
}

/* The URL of database `db` on the socket for `user` ("" for none). */
static inline void pg_url(const PgServer *pg, const char *user, const char *db, char *out, size_t size)
{
    snprintf(out, size, "postgresql://%s@/%s?host=%s&port=%d", user, db, pg->dir, pg->port);
}

/* Runs `sql` as the superuser on database `db` ("postgres" for the
 * cluster); the first column of the first row into `out` ("" for none),
 * or the error. 0, or -1 on an error. */
static inline int pg_sql(const PgServer *pg, const char *db, const char *sql, char *out, size_t size)
{
    char url[256];
    pg_url(pg, "postgres", db, url, sizeof url);
    PGconn *c = PQconnectdb(url);
    PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, sql) : NULL;
    ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    int ok = st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK;
    if (out)
        snprintf(out, size, "%s", !ok ? (r ? PQresultErrorMessage(r) : PQerrorMessage(c))
                                  : PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "");
    PQclear(r);
    PQfinish(c);
    return ok ? 0 : -1;
}

/* As pg_sql, for a number (-1 on an error). */
static inline long long pg_int(const PgServer *pg, const char *db, const char *sql)
{
    char out[512];
    return pg_sql(pg, db, sql, out, sizeof out) == 0 ? atoll(out) : -1;
}

/* The admin role of the README (once per cluster) and a new database
 * `db` it owns. 0 or -1. */
static inline int pg_new_database(const PgServer *pg, const char *db)
{
    char sql[256], out[512];
    if (pg_int(pg, "postgres", "SELECT count(*) FROM pg_roles WHERE rolname = 'sayso_admin'") == 0 &&
        pg_sql(pg, "postgres", "CREATE ROLE sayso_admin LOGIN CREATEROLE", out, sizeof out) != 0)
        return -1;
    snprintf(sql, sizeof sql, "CREATE DATABASE %s OWNER sayso_admin", db);
    if (pg_sql(pg, "postgres", sql, out, sizeof out) != 0) {
        printf("    %s\n", out);
        return -1;
    }
    return 0;
}

#endif
