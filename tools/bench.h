/* bench.h: what the parts of `make bench` share (tools/bench*.c).
 *
 * Every figure is measured several times with its anchor, the two
 * alternating, so the noise of a shared machine falls on both; a line
 * gives min / median / max of each and the ratio of the medians. */
#ifndef SAYSO_TOOLS_BENCH_H
#define SAYSO_TOOLS_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define BENCH_MAX_RUNS 64

typedef struct {
    double v[BENCH_MAX_RUNS];
    int n;
} BenchSeries;

/* What the whole bench works with. */
typedef struct {
    const char *sayso;       /* the binary measured */
    const char *tools;       /* the folder of bare_window and commit_anchor */
    char tmp[64];            /* a folder of its own under /tmp */
    char cache_dir[128];     /* the kiosk's raster cache during the bench */
    bool chromium;           /* BENCH_CHROMIUM=1 */
    bool quick;              /* `bench SAYSO quick`: no idle, no million */
    int failures;            /* lines over their target */
} Bench;

void bench_add(BenchSeries *s, double value);
double bench_median(const BenchSeries *s);

/* One line against an anchor: min/median/max of each, the ratio of the
 * medians, and whether it is at most `max_ratio` (0: no target). */
void bench_ratio_row(Bench *b, const char *name, const char *unit, const BenchSeries *sayso,
                     const char *anchor, const BenchSeries *base, double max_ratio);

/* One line with no anchor: min/median/max against an absolute target:
 * the median `op` ("<" or "<=") `target` (0: no target). */
void bench_value_row(Bench *b, const char *name, const char *unit, const BenchSeries *sayso,
                     const char *op, double target);

/* A note under the figures (how a figure was made). */
void bench_note(const char *format, ...) __attribute__((format(printf, 1, 2)));

double bench_now_ms(void);
/* CPU time of the calling thread in ms: what a piece of work costs,
 * whatever else the machine runs (wall time also counts waits for a core). */
double bench_thread_cpu_ms(void);

/* Starts `argv` with its stderr into a pipe (*err_fd) and SAYSO_BENCH_T0
 * set to the moment before the fork; stdout goes to /dev/null. */
pid_t bench_spawn(char *const argv[], int *err_fd);

/* Reads `fd` until a line holding "first frame after N" (sayso's and
 * bare_window's report) and returns N in ms; -1 when the process ended. */
double bench_first_frame(int fd);

/* SIGTERM, wait, close the pipe. */
void bench_stop(pid_t pid, int err_fd);

/* CPU seconds of `pid` so far, every thread (schedstat: nanoseconds,
 * where /proc/PID/stat counts 10 ms ticks); -1 when it is gone. */
double bench_cpu_seconds(pid_t pid);

/* Proportional set size of `pid` in MB (smaps_rollup); -1 when unknown. */
double bench_pss_mb(pid_t pid);

/* Runs `argv` to its end; *wall_ms and *max_rss_mb (may be NULL) are its
 * time and peak memory. The exit status, or -1. */
int bench_run(char *const argv[], double *wall_ms, double *max_rss_mb);

/* Chromium showing tools/bench_page.html as a kiosk (bench_chromium.c):
 * started like bench_spawn (run: a fresh profile folder each), its first
 * contentful paint awaited on `fd`, stopped with its whole tree. */
pid_t bench_chromium_spawn(Bench *b, int run, int *err_fd);
bool bench_chromium_first_paint(int fd);
void bench_chromium_stop(pid_t pid, int err_fd);

/* CPU seconds and PSS (MB) of `root` and every process below it. */
double bench_tree_cpu_seconds(pid_t root);
double bench_tree_pss_mb(pid_t root);

/* The parts. */
void bench_start_up(Bench *b);
void bench_frames_and_speech(Bench *b);
void bench_idle_and_memory(Bench *b);
void bench_chromium(Bench *b);
void bench_commits(Bench *b);
void bench_million(Bench *b);

#endif
