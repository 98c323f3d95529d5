/* bench.c: `make bench`: how fast and light the kiosk is, each figure
 * beside an anchor measured in the same run, as a ratio.
 *
 *   bench ./sayso [quick]      (BENCH_CHROMIUM=1: also a Chromium kiosk)
 *
 * The machines this runs on are shared and noisy, so an absolute time
 * means little and a ratio within one run means a lot: each figure is
 * taken several times, alternating with its anchor, and a line gives
 * min / median / max of both and the ratio of the medians:
 *   start-up           a bare SDL2 window (tools/bare_window.c) that only
 *                      clears and presents, same size, same X server
 *   frame              clearing and presenting the same window
 *   answer commit      plain SQLite, same table and settings (tools/commit_anchor.c)
 *   exports at 1M      the sqlite3 shell dumping the same joined rows as CSV
 *   purge of half      the sqlite3 shell: the same deletes and VACUUM
 *   memory             the bare SDL window's PSS
 *   (BENCH_CHROMIUM=1) Chromium showing an equivalent page: first paint,
 *                      PSS, idle CPU
 * and, where nothing compares, against the absolute targets.
 * It starts its own Xvfb, so the kiosk opens a real window; SDL's disk
 * audio driver stands in for a sound card. Never fails on a timing. */
#include "bench.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DISPLAY_NUMBER "97"

double bench_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

double bench_thread_cpu_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

void bench_add(BenchSeries *s, double value)
{
    if (s->n < BENCH_MAX_RUNS && value >= 0)
        s->v[s->n++] = value;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* min, median, max of `s` (-1 each when empty). */
static void bench_spread(const BenchSeries *s, double out[3])
{
    double v[BENCH_MAX_RUNS];
    out[0] = out[1] = out[2] = -1;
    if (s->n == 0)
        return;
    memcpy(v, s->v, (size_t)s->n * sizeof *v);
    qsort(v, (size_t)s->n, sizeof *v, compare_doubles);
    out[0] = v[0];
    out[1] = s->n % 2 ? v[s->n / 2] : (v[s->n / 2 - 1] + v[s->n / 2]) / 2;
    out[2] = v[s->n - 1];
}

double bench_median(const BenchSeries *s)
{
    double spread[3];
    bench_spread(s, spread);
    return spread[1];
}

/* One figure, its digits to suit its size: 8401, 4.97, 0.007. */
static void bench_format_one(double v, char *out, size_t size)
{
    snprintf(out, size, v >= 100 ? "%.0f" : v >= 1 ? "%.2f" : "%.3f", v);
}

/* "12.3 / 13.1 / 20.4": min / median / max of `s`. */
static void bench_format(const BenchSeries *s, char *out, size_t size)
{
    double v[3];
    char each[3][20];
    bench_spread(s, v);
    if (v[1] < 0) {
        snprintf(out, size, "(not measured)");
        return;
    }
    for (int i = 0; i < 3; i++)
        bench_format_one(v[i], each[i], sizeof each[i]);
    snprintf(out, size, "%s / %s / %s", each[0], each[1], each[2]);
}

void bench_ratio_row(Bench *b, const char *name, const char *unit, const BenchSeries *sayso,
                     const char *anchor, const BenchSeries *base, double max_ratio)
{
    char mine[96], theirs[96], target[48] = "";
    double a = bench_median(sayso), c = bench_median(base);
    double ratio = a >= 0 && c > 0 ? a / c : -1;
    bench_format(sayso, mine, sizeof mine);
    bench_format(base, theirs, sizeof theirs);
    bool ok = ratio >= 0 && (max_ratio <= 0 || ratio <= max_ratio);
    if (max_ratio > 0)
        snprintf(target, sizeof target, "  (target <= %.2f) %s", max_ratio, ok ? "ok" : "OVER");
    if (max_ratio > 0 && !ok)
        b->failures++;
    if (ratio < 0 && a >= 0 && c == 0) /* the anchor used none at all (a bare window's idle CPU) */
        printf("%-30s sayso %s %s | %s %s %s | ratio - (the anchor's is 0)\n", name, mine, unit,
               anchor, theirs, unit);
    else
        printf("%-30s sayso %s %s | %s %s %s | ratio %.2f%s\n", name, mine, unit, anchor, theirs,
               unit, ratio, target);
    fflush(stdout);
}

void bench_value_row(Bench *b, const char *name, const char *unit, const BenchSeries *sayso,
                     const char *op, double target)
{
    char mine[96];
    double a = bench_median(sayso);
    bench_format(sayso, mine, sizeof mine);
    bool at_most = strcmp(op, "<=") == 0;
    bool ok = a >= 0 && (target <= 0 || (at_most ? a <= target : a < target));
    if (target > 0 && !ok)
        b->failures++;
    if (target > 0)
        printf("%-30s sayso %s %s | no anchor | (target %s %g %s) %s\n", name, mine, unit, op,
               target, unit, ok ? "ok" : "OVER");
    else
        printf("%-30s sayso %s %s\n", name, mine, unit);
    fflush(stdout);
}

void bench_note(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("    ", stdout);
    vprintf(format, args);
    fputc('\n', stdout);
    va_end(args);
    fflush(stdout);
}

pid_t bench_spawn(char *const argv[], int *err_fd)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    char t0[64];
    snprintf(t0, sizeof t0, "%.0f", bench_now_ms() * 1e6);
    pid_t pid = fork();
    if (pid == 0) {
        setenv("SAYSO_BENCH_T0", t0, 1);
        dup2(fds[1], 2);
        close(fds[0]);
        if (!freopen("/dev/null", "w", stdout))
            _exit(127);
        execvp(argv[0], argv);
        _exit(127);
    }
    close(fds[1]);
    *err_fd = fds[0];
    return pid;
}

double bench_first_frame(int fd)
{
    char buf[8192];
    size_t used = 0;
    for (;;) {
        ssize_t n = read(fd, buf + used, sizeof buf - 1 - used);
        if (n <= 0)
            return -1;
        used += (size_t)n;
        buf[used] = '\0';
        const char *at = strstr(buf, "first frame after ");
        if (at && strchr(at, '\n'))
            return strtod(at + strlen("first frame after "), NULL);
        if (used == sizeof buf - 1) { /* keep the last line's start */
            char *last = strrchr(buf, '\n');
            size_t keep = last ? used - (size_t)(last + 1 - buf) : 0;
            memmove(buf, buf + used - keep, keep);
            used = keep;
        }
    }
}

void bench_stop(pid_t pid, int err_fd)
{
    if (pid > 0) {
        kill(pid, SIGTERM);
        waitpid(pid, NULL, 0);
    }
    if (err_fd >= 0)
        close(err_fd);
}

double bench_cpu_seconds(pid_t pid)
{
    char path[320];
    snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
    DIR *tasks = opendir(path);
    double ns = 0;
    bool any = false;
    for (struct dirent *t; tasks && (t = readdir(tasks)) != NULL;) {
        if (t->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "/proc/%d/task/%s/schedstat", (int)pid, t->d_name);
        FILE *f = fopen(path, "r");
        unsigned long long run = 0;
        if (f && fscanf(f, "%llu", &run) == 1) {
            ns += (double)run;
            any = true;
        }
        if (f)
            fclose(f);
    }
    if (tasks)
        closedir(tasks);
    return any ? ns / 1e9 : -1;
}

double bench_pss_mb(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
    FILE *f = fopen(path, "r");
    double kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "Pss:", 4) == 0)
            kb = strtod(line + 4, NULL);
    if (f)
        fclose(f);
    return kb < 0 ? -1 : kb / 1024.0;
}

int bench_run(char *const argv[], double *wall_ms, double *max_rss_mb)
{
    double start = bench_now_ms();
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr))
            _exit(127);
        execvp(argv[0], argv);
        _exit(127);
    }
    int status = 0;
    struct rusage use;
    if (pid < 0 || wait4(pid, &status, 0, &use) < 0)
        return -1;
    if (wall_ms)
        *wall_ms = bench_now_ms() - start;
    if (max_rss_mb)
        *max_rss_mb = (double)use.ru_maxrss / 1024.0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static pid_t start_xvfb(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stderr))
            _exit(127);
        execlp("Xvfb", "Xvfb", ":" DISPLAY_NUMBER, "-screen", "0", "1920x1080x24", "-nolisten",
               "tcp", (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 100; i++) { /* up to 5 s for its socket */
        struct stat st;
        if (stat("/tmp/.X11-unix/X" DISPLAY_NUMBER, &st) == 0)
            return pid;
        usleep(50000);
    }
    fprintf(stderr, "bench: Xvfb did not start (is the xvfb package installed?)\n");
    kill(pid, SIGTERM);
    return -1;
}

/* The folder of this program: bare_window and commit_anchor are beside it. */
static const char *tools_dir(const char *argv0)
{
    static char dir[4096];
    char *copy = strdup(argv0);
    snprintf(dir, sizeof dir, "%s", copy ? dirname(copy) : ".");
    free(copy);
    return dir;
}

static void remove_tree(const char *dir)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "bench: could not remove %s\n", dir);
}

int main(int argc, char **argv)
{
    Bench b = {.sayso = argc > 1 ? argv[1] : "./sayso",
               .tools = tools_dir(argv[0]),
               .quick = argc > 2 && strcmp(argv[2], "quick") == 0};
    const char *chromium = getenv("BENCH_CHROMIUM");
    b.chromium = chromium && strcmp(chromium, "1") == 0;
    snprintf(b.tmp, sizeof b.tmp, "/tmp/sayso-bench-%d", (int)getpid());
    snprintf(b.cache_dir, sizeof b.cache_dir, "%s/cache", b.tmp);
    if (mkdir(b.tmp, 0700) != 0) {
        fprintf(stderr, "bench: cannot make %s: %s\n", b.tmp, strerror(errno));
        return 1;
    }
    pid_t xvfb = start_xvfb();
    if (xvfb < 0)
        return 1;
    setenv("DISPLAY", ":" DISPLAY_NUMBER, 1);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", "/dev/null", 1);
    setenv("SAYSO_CACHE_DIR", b.cache_dir, 1);
    printf("sayso bench: Xvfb 1920x1080, software renderer, SDL disk audio;\n"
           "each line: min / median / max over runs alternating with the anchor, ratio of medians\n\n");
    fflush(stdout);
    bench_start_up(&b);
    bench_frames_and_speech(&b);
    bench_commits(&b);
    if (!b.quick) {
        bench_idle_and_memory(&b);
        bench_million(&b);
    }
    if (b.chromium)
        bench_chromium(&b);
    kill(xvfb, SIGTERM);
    waitpid(xvfb, NULL, 0);
    remove_tree(b.tmp);
    printf("\n%d figure%s over target\n", b.failures, b.failures == 1 ? "" : "s");
    return 0;
}
