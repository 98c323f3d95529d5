/* soak.c: `make soak`: 10,000 people, one after another, on one kiosk.
 *
 *   soak ./sayso [SESSIONS]
 *
 * Runs the real kiosk headless (one process) on a script of SESSIONS
 * scripted sessions (10,000 unless told) against one new database, and
 * every second samples its resident memory (VmRSS), its open file
 * descriptors (/proc/PID/fd) and how many sessions the database holds.
 * Reports memory and descriptors after the first tenth and at the end,
 * and for each tenth of the run the seconds per session, on the wall
 * clock and in CPU time (user + system, /proc/PID/stat: what the kiosk
 * itself spent, so other work on a shared machine does not blur it). Says
 * PASS when memory grew less than SOAK_RSS_SLACK_KB after the first tenth,
 * descriptors stayed flat and the last tenth took no more CPU per session
 * than SOAK_SLOWER times the second (the first warms caches); FAIL
 * otherwise. */
#include <dirent.h>
#include <signal.h>
#include <stdbool.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SOAK_MAX_SAMPLES 100000
#define SOAK_RSS_SLACK_KB 4096
#define SOAK_SLOWER 1.5

typedef struct {
    double t;  /* seconds since the start */
    int sessions;
    long rss_kb;
    int fds;
    double cpu; /* seconds of CPU the kiosk has used */
} Sample;

static const char soak_session[] =
    "expect welcome\ntap start\ntap lang:en\ntap yes\ndrag gp good\ntap hospital\ntap not_sure\n"
    "tap skip\ntap next\nexpect mat-left\ntap next\ntap listened\ntap trusted_person\ntap next\ntap money\ntap next\n"
    "tap co_design\ntap next\nexpect review\ntap next\nexpect thanks\ntap next\n";

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long rss_kb(pid_t pid)
{
    char path[64], line[256];
    long kb = -1;
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0)
            kb = strtol(line + 6, NULL, 10);
    if (f)
        fclose(f);
    return kb;
}

/* User + system CPU seconds of `pid` (fields 14 and 15 of /proc/PID/stat,
 * after the command name in brackets); -1 when it cannot be read. */
static double cpu_s(pid_t pid)
{
    char path[64], line[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    char *got = f ? fgets(line, sizeof line, f) : NULL;
    if (f)
        fclose(f);
    char *end = got ? strrchr(line, ')') : NULL;
    unsigned long utime = 0, stime = 0;
    if (!end || sscanf(end + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
        return -1;
    return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}

static int open_fds(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/fd", (int)pid);
    DIR *d = opendir(path);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return d ? n : -1;
}

static int sessions_in(const char *db_path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int n = -1;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT count(*) FROM session WHERE ended_at IS NOT NULL", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

/* The wall time (or with `cpu`, the CPU time) at which the database first
 * held `count` sessions, from the samples (linear between the two around). */
static double time_at(const Sample *s, int n, int count, bool cpu)
{
    for (int i = 1; i < n; i++)
        if (s[i].sessions >= count) {
            int a = s[i - 1].sessions, b = s[i].sessions;
            double f = b > a ? (double)(count - a) / (b - a) : 1.0;
            double t0 = cpu ? s[i - 1].cpu : s[i - 1].t, t1 = cpu ? s[i].cpu : s[i].t;
            return t0 + f * (t1 - t0);
        }
    return cpu ? s[n - 1].cpu : s[n - 1].t;
}

/* Seconds per session in each tenth of the run, printed after `label`. */
static void per_tenth(const Sample *s, int n, int sessions, bool cpu, const char *label, double per[10])
{
    int tenth = sessions / 10;
    printf("%s", label);
    for (int k = 0; k < 10; k++) {
        per[k] = (time_at(s, n, (k + 1) * tenth, cpu) - time_at(s, n, k * tenth, cpu)) / tenth;
        printf(" %.4f", per[k]);
    }
    printf("\n");
}

/* The sample nearest after `count` sessions. */
static const Sample *sample_at(const Sample *s, int n, int count)
{
    for (int i = 0; i < n; i++)
        if (s[i].sessions >= count)
            return &s[i];
    return &s[n - 1];
}

static int write_script(const char *path, int sessions)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    for (int i = 0; i < sessions; i++)
        fputs(soak_session, f);
    return fclose(f);
}

static pid_t start_kiosk(const char *bin, const char *script, const char *db)
{
    pid_t pid = fork();
    if (pid == 0) {
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        setenv("SDL_AUDIODRIVER", "dummy", 1);
        setenv("SDL_FRAMEBUFFER_ACCELERATION", "0", 1);
        execl(bin, bin, "--headless", "--script", script, "--db", db, "--config", "config/forum", (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* Prints the figures and the verdict; 0 for PASS. */
static int report(const Sample *s, int n, int sessions, int status)
{
    const Sample *early = sample_at(s, n, sessions / 10), *end = &s[n - 1];
    double wall[10], per[10];
    printf("sessions: %d in %.0f s, %.0f s of CPU (exit status %d)\n", end->sessions, end->t, end->cpu, status);
    per_tenth(s, n, sessions, false, "wall seconds per session, each tenth:", wall);
    per_tenth(s, n, sessions, true, "CPU seconds per session, each tenth: ", per);
    printf("RSS: %ld KB after %d sessions, %ld KB at the end\n", early->rss_kb, early->sessions, end->rss_kb);
    int fd_min = 1 << 30, fd_max = 0;
    for (int i = 1; i < n; i++) {
        if (s[i].fds < 0)
            continue;
        fd_min = s[i].fds < fd_min ? s[i].fds : fd_min;
        fd_max = s[i].fds > fd_max ? s[i].fds : fd_max;
    }
    printf("open file descriptors: %d to %d\n", fd_min, fd_max);
    int fail = status != 0 || end->sessions != sessions;
    fail |= end->rss_kb - early->rss_kb > SOAK_RSS_SLACK_KB;
    fail |= fd_max - fd_min > 1;
    fail |= per[9] > SOAK_SLOWER * per[1];
    printf("%s soak\n", fail ? "FAIL" : "PASS");
    return fail;
}

int main(int argc, char **argv)
{
    const char *bin = argc > 1 ? argv[1] : "./sayso";
    int sessions = argc > 2 ? atoi(argv[2]) : 10000;
    char dir[] = "/tmp/sayso-soak-XXXXXX", script[64], db[64];
    if (sessions < 10 || !mkdtemp(dir))
        return 2;
    snprintf(script, sizeof script, "%s/soak.script", dir);
    snprintf(db, sizeof db, "%s/soak.db", dir);
    if (write_script(script, sessions) != 0)
        return 2;
    static Sample samples[SOAK_MAX_SAMPLES];
    int n = 0, status = 0;
    double t0 = now_s();
    pid_t pid = start_kiosk(bin, script, db);
    samples[n++] = (Sample){0, 0, rss_kb(pid), open_fds(pid), 0};
    for (;;) {
        sleep(1);
        Sample s = {now_s() - t0, sessions_in(db), rss_kb(pid), open_fds(pid), cpu_s(pid)};
        if (waitpid(pid, &status, WNOHANG) == pid) {
            s.sessions = sessions_in(db);
            s.rss_kb = samples[n - 1].rss_kb;
            s.fds = samples[n - 1].fds;
            s.cpu = samples[n - 1].cpu;
            samples[n++] = s;
            break;
        }
        if (n < SOAK_MAX_SAMPLES)
            samples[n++] = s;
        if (n % 60 == 0)
            fprintf(stderr, "soak: %d sessions after %.0f s, RSS %ld KB, %d descriptors\n", s.sessions, s.t,
                    s.rss_kb, s.fds);
    }
    int rc = report(samples, n, sessions, WIFEXITED(status) ? WEXITSTATUS(status) : 128);
    char rm[128];
    snprintf(rm, sizeof rm, "rm -rf %s", dir);
    if (system(rm) != 0)
        fprintf(stderr, "soak: could not remove %s\n", dir);
    return rc;
}
