/* test_service.c: the kiosk under systemd's eyes (src/service), proved
 * without systemd: the test plays the service manager.
 *
 * It binds a Unix datagram socket, starts the real kiosk (not a headless
 * script: the real event loop) with $NOTIFY_SOCKET naming it and a 500 ms
 * $WATCHDOG_USEC, as systemd does for a Type=notify unit with WatchdogSec=,
 * and reads what the kiosk sends: READY=1 once its first frame is up,
 * WATCHDOG=1 again and again while the loop runs, STOPPING=1 on SIGTERM.
 * With $SAYSO_TEST_HANG_AFTER_MS the loop hangs as a stuck kiosk would;
 * the pings must stop, which is what makes systemd kill and restart it. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "test_support.h"

#define WATCHDOG_USEC 500000 /* the kiosk pings every 250 ms */
#define WATCHDOG_S (WATCHDOG_USEC / 1e6)
#define MAX_MESSAGES 512

static char dir[64];

typedef struct {
    int fd;                        /* our end: the "service manager" */
    pid_t pid;                     /* the kiosk */
    int n;
    char text[MAX_MESSAGES][64];   /* what each datagram said */
    double at[MAX_MESSAGES];       /* seconds after the start */
    double start;
} Manager;

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Binds `dir`/notify and starts the kiosk with the environment systemd
 * would give it (and `hang_ms` > 0: the test's hang). 0, or -1. */
static int manager_start(Manager *m, int hang_ms)
{
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    memset(m, 0, sizeof *m);
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s/notify", dir);
    unlink(addr.sun_path);
    m->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (m->fd < 0 || bind(m->fd, (struct sockaddr *)&addr, sizeof addr) != 0)
        return -1;
    m->start = now_s();
    m->pid = fork();
    if (m->pid == 0) {
        char usec[32], hang[32], db[300], out[300];
        snprintf(usec, sizeof usec, "%d", WATCHDOG_USEC);
        snprintf(hang, sizeof hang, "%d", hang_ms);
        snprintf(db, sizeof db, "%s/kiosk.db", dir);
        snprintf(out, sizeof out, "%s/kiosk.log", dir);
        setenv("NOTIFY_SOCKET", addr.sun_path, 1);
        setenv("WATCHDOG_USEC", usec, 1);
        if (hang_ms > 0)
            setenv("SAYSO_TEST_HANG_AFTER_MS", hang, 1);
        int log = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(log, 1), dup2(log, 2);
        execl(support_bin(), support_bin(), "--size", "800x600", "--db", db, (char *)NULL);
        _exit(127);
    }
    return m->pid > 0 ? 0 : -1;
}

/* Reads datagrams until `until_s` seconds after the start, and those
 * already waiting when that time has passed. */
static void manager_listen(Manager *m, double until_s)
{
    for (;;) {
        double left = m->start + until_s - now_s();
        struct pollfd p = {m->fd, POLLIN, 0};
        if (poll(&p, 1, left > 0 ? (int)(left * 1000) + 1 : 0) <= 0)
            return;
        char buf[sizeof m->text[0]];
        ssize_t got = recv(m->fd, buf, sizeof buf - 1, 0);
        if (got <= 0 || m->n == MAX_MESSAGES)
            continue;
        buf[got] = '\0';
        snprintf(m->text[m->n], sizeof m->text[0], "%s", buf);
        m->at[m->n++] = now_s() - m->start;
    }
}

/* When the first message starting `what` came (seconds), or -1. */
static double first(const Manager *m, const char *what)
{
    for (int i = 0; i < m->n; i++)
        if (strncmp(m->text[i], what, strlen(what)) == 0)
            return m->at[i];
    return -1;
}

/* How many WATCHDOG=1 came between `from` and `to` seconds, and in
 * `longest` the longest time without one there (from `from`). */
static int pings_between(const Manager *m, double from, double to, double *longest)
{
    int n = 0;
    double last = from;
    *longest = 0;
    for (int i = 0; i < m->n; i++) {
        if (strcmp(m->text[i], "WATCHDOG=1") != 0 || m->at[i] < from || m->at[i] >= to)
            continue;
        n++;
        *longest = m->at[i] - last > *longest ? m->at[i] - last : *longest;
        last = m->at[i];
    }
    return n;
}

static void manager_stop(Manager *m)
{
    if (m->pid > 0) {
        kill(m->pid, SIGKILL);
        waitpid(m->pid, NULL, 0);
    }
    close(m->fd);
}

/* READY=1 after the first frame, pings at about half the interval, and
 * STOPPING=1 with a clean exit when systemd stops the service. */
static void test_ready_pings_stopping(void)
{
    Manager m;
    CHECK(manager_start(&m, 0) == 0);
    double ready = -1;
    for (double t = 0.5; t <= 30 && ready < 0; t += 0.5) {  /* ASan starts slowly */
        manager_listen(&m, t);
        ready = first(&m, "READY=1");
    }
    manager_listen(&m, ready + 2.0);
    kill(m.pid, SIGTERM);
    int status = -1;
    waitpid(m.pid, &status, 0);
    m.pid = 0;
    manager_listen(&m, ready + 2.0);  /* and what came while it stopped */
    manager_stop(&m);
    CHECK(ready >= 0);
    double longest;
    int pings = pings_between(&m, ready, ready + 2.0, &longest);
    printf("    %d pings in 2 s after READY=1 (one due every %.2f s), at most %.2f s apart\n", pings,
           WATCHDOG_S / 2, longest);
    CHECK(pings >= 4 && pings <= 10);
    CHECK(longest < WATCHDOG_S);  /* systemd would have given up on it */
    CHECK(first(&m, "STOPPING=1") > ready);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* A loop that hangs stops pinging: systemd, waiting WATCHDOG_USEC for the
 * next one, would kill the kiosk and start it again. */
static void test_hang_stops_pings(void)
{
    Manager m;
    CHECK(manager_start(&m, 1000) == 0);
    double ready = -1;
    for (double t = 0.5; t <= 30 && ready < 0; t += 0.5) {
        manager_listen(&m, t);
        ready = first(&m, "READY=1");
    }
    manager_listen(&m, ready + 2.5);
    int running = kill(m.pid, 0) == 0 && waitpid(m.pid, NULL, WNOHANG) == 0;
    manager_stop(&m);
    CHECK(ready >= 0);
    double longest;
    int before = pings_between(&m, ready, ready + 1.0, &longest);
    int after = pings_between(&m, ready + 1.3, ready + 2.5, &longest);
    printf("    %d pings before the hang, %d in the 1.2 s after it\n", before, after);
    CHECK(before >= 3);
    CHECK(after == 0);
    CHECK(running);  /* hung, not dead: only the watchdog can tell */
}

int main(void)
{
    if (support_temp_dir(dir, sizeof dir, "service") != 0)
        return 1;
    RUN(test_ready_pings_stopping);
    RUN(test_hang_stops_pings);
    return support_finish(dir);
}
