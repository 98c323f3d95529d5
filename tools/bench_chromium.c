/* bench_chromium.c: with BENCH_CHROMIUM=1, a Chromium kiosk showing the
 * welcome screen as a web page (tools/bench_page.html), for the README's
 * "Why not a web page in a kiosk browser?" (tools/bench.h).
 *
 * Chromium runs on the bench's Xvfb as a kiosk would (--kiosk, no GPU, no
 * background networking, updates or sync, a fresh profile each start; no
 * sandbox, as the bench runs as root). Its first frame is the page's first
 * contentful paint, which the page logs to the console (read on stderr);
 * it is timed from the moment before the fork, as sayso's is. A browser is
 * many processes: memory and CPU are summed over the whole tree. */
#include "bench.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHROMIUM_MAX_PROCS 256

/* The page's address: file:// and its absolute path. */
static void page_url(char *out, size_t size)
{
    char *path = realpath("tools/bench_page.html", NULL);
    snprintf(out, size, "file://%s", path ? path : "/nonexistent/tools/bench_page.html");
    free(path);
}

pid_t bench_chromium_spawn(Bench *b, int run, int *err_fd)
{
    char profile[160], url[4200], user_data[200];
    snprintf(profile, sizeof profile, "%s/chromium-%d", b->tmp, run);
    snprintf(user_data, sizeof user_data, "--user-data-dir=%s", profile);
    page_url(url, sizeof url);
    char *const argv[] = {"chromium", "--kiosk", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update",
                          "--disable-sync", "--disable-quic", "--enable-logging=stderr", "--v=0",
                          user_data, url, NULL};
    return bench_spawn(argv, err_fd);
}

/* Reads `fd` until a line holding `marker`. True when it came. */
static bool wait_for_line(int fd, const char *marker)
{
    char buf[16384];
    size_t used = 0;
    for (;;) {
        ssize_t n = read(fd, buf + used, sizeof buf - 1 - used);
        if (n <= 0)
            return false;
        used += (size_t)n;
        buf[used] = '\0';
        if (strstr(buf, marker))
            return true;
        char *last = strrchr(buf, '\n'); /* keep only the line still coming */
        size_t keep = last ? used - (size_t)(last + 1 - buf) : used;
        if (keep > sizeof buf / 2)
            keep = 0;
        memmove(buf, buf + used - keep, keep);
        used = keep;
    }
}

/* The ids of `root` and every process below it (by parent id). */
static int process_tree(pid_t root, pid_t *out, int max)
{
    int n = 0, grew = 1;
    out[n++] = root;
    while (grew && n < max) { /* rescans until no new child is found */
        grew = 0;
        DIR *proc = opendir("/proc");
        for (struct dirent *e; proc && (e = readdir(proc)) != NULL && n < max;) {
            char path[300], line[512];
            pid_t pid = (pid_t)atoi(e->d_name), parent = 0;
            if (pid <= 0)
                continue;
            snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
            FILE *f = fopen(path, "r");
            const char *close = f && fgets(line, sizeof line, f) ? strrchr(line, ')') : NULL;
            if (f)
                fclose(f);
            if (!close || sscanf(close + 2, "%*c %d", &parent) != 1)
                continue;
            bool in = false, known = false;
            for (int i = 0; i < n; i++) {
                in |= out[i] == parent;
                known |= out[i] == pid;
            }
            if (in && !known) {
                out[n++] = pid;
                grew = 1;
            }
        }
        if (proc)
            closedir(proc);
    }
    return n;
}

/* The sum of `measure` over `root` and every process below it (a process
 * gone meanwhile counts 0). */
static double tree_sum(pid_t root, double (*measure)(pid_t))
{
    pid_t pids[CHROMIUM_MAX_PROCS];
    int n = process_tree(root, pids, CHROMIUM_MAX_PROCS);
    double sum = 0;
    for (int i = 0; i < n; i++) {
        double value = measure(pids[i]);
        sum += value > 0 ? value : 0;
    }
    return sum;
}

double bench_tree_cpu_seconds(pid_t root)
{
    return tree_sum(root, bench_cpu_seconds);
}

double bench_tree_pss_mb(pid_t root)
{
    return tree_sum(root, bench_pss_mb);
}

void bench_chromium_stop(pid_t pid, int err_fd)
{
    pid_t pids[CHROMIUM_MAX_PROCS];
    int n = pid > 0 ? process_tree(pid, pids, CHROMIUM_MAX_PROCS) : 0;
    bench_stop(pid, err_fd); /* the browser closes its own children */
    for (int i = 1; i < n; i++) /* any that did not: by their ids */
        kill(pids[i], SIGKILL);
}

bool bench_chromium_first_paint(int fd)
{
    return wait_for_line(fd, "sayso-bench first-contentful-paint");
}

/* First paint of Chromium's page against sayso's first frame, alternating. */
void bench_chromium(Bench *b)
{
    char db[128];
    snprintf(db, sizeof db, "%s/start.db", b->tmp);
    char *const kiosk[] = {(char *)b->sayso, "--db", db, NULL};
    BenchSeries mine = {0}, theirs = {0};
    for (int i = 0; i < 5; i++) {
        int fd;
        pid_t pid = bench_spawn(kiosk, &fd);
        bench_add(&mine, pid > 0 ? bench_first_frame(fd) : -1);
        bench_stop(pid, pid > 0 ? fd : -1);
        double start = bench_now_ms();
        pid = bench_chromium_spawn(b, i, &fd);
        if (pid > 0 && bench_chromium_first_paint(fd))
            bench_add(&theirs, bench_now_ms() - start);
        bench_chromium_stop(pid, pid > 0 ? fd : -1);
    }
    bench_ratio_row(b, "start to first paint", "ms", &mine, "Chromium kiosk", &theirs, 0);
}
