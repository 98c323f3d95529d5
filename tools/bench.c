/* bench.c: `make bench`: how fast and light the kiosk is, as medians.
 *
 *   bench ./sayso
 *
 * Starts its own Xvfb so the kiosk opens a real window, and an SDL disk
 * audio device stands in for a sound card. Measures: start to first frame
 * (a new process each run), frame time at 1920x1080 while a topic is
 * dragged, touch to first speech sample, CPU used in 30 s of idle, peak
 * RSS, and the latency of one committed answer. Prints each against its
 * target; never fails on timings (the machines are shared and noisy). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "cli/cli.h"

#define DISPLAY_NUMBER "97"
#define RUNS 7

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The p-th percentile (0..100) of n values; sorts them. */
static double percentile(double *v, int n, double p)
{
    qsort(v, (size_t)n, sizeof *v, compare_doubles);
    int i = (int)(p / 100.0 * (n - 1) + 0.5);
    return v[i < 0 ? 0 : i >= n ? n - 1 : i];
}

static pid_t start_xvfb(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stderr);
        execlp("Xvfb", "Xvfb", ":" DISPLAY_NUMBER, "-screen", "0", "1920x1080x24", "-nolisten", "tcp", (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 100; i++) {  /* up to 5 s for its socket */
        struct stat st;
        if (stat("/tmp/.X11-unix/X" DISPLAY_NUMBER, &st) == 0)
            return pid;
        usleep(50000);
    }
    fprintf(stderr, "bench: Xvfb did not start (is the xvfb package installed?)\n");
    kill(pid, SIGTERM);
    return -1;
}

/* Starts the kiosk full screen on the Xvfb display; its stderr into a pipe. */
static pid_t start_kiosk(const char *bin, const char *db, int *err_fd)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    char t0[64];
    snprintf(t0, sizeof t0, "%.0f", (double)t.tv_sec * 1e9 + (double)t.tv_nsec);
    pid_t pid = fork();
    if (pid == 0) {
        setenv("SAYSO_BENCH_T0", t0, 1);
        dup2(fds[1], 2);
        close(fds[0]);
        execl(bin, bin, "--db", db, (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    *err_fd = fds[0];
    return pid;
}

static void stop_kiosk(pid_t pid, int err_fd)
{
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    close(err_fd);
}

/* Reads the kiosk's stderr until it reports its first frame. */
static double read_first_frame(int fd)
{
    char buf[4096];
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
        if (used == sizeof buf - 1)
            used = 0;
    }
}

static double cpu_seconds(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f || !fgets(buf, sizeof buf, f)) {
        if (f)
            fclose(f);
        return -1;
    }
    fclose(f);
    const char *p = strrchr(buf, ')');
    unsigned long utime = 0, stime = 0;
    /* fields after the command: state, then 10 more before utime and stime */
    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime);
    return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}

static double peak_rss_mb(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    double kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0)
            kb = strtod(line + 6, NULL);
    if (f)
        fclose(f);
    return kb / 1024.0;
}

static void bench_start(const char *bin, const char *db, double *first_frame)
{
    double v[RUNS];
    for (int i = 0; i < RUNS; i++) {
        int fd;
        pid_t pid = start_kiosk(bin, db, &fd);
        v[i] = read_first_frame(fd);
        stop_kiosk(pid, fd);
    }
    *first_frame = percentile(v, RUNS, 50);
}

/* Idle is the kiosk nobody is using, in its steady state: after the
 * welcome prompt and one round of "You said, we did" items have been said
 * (config/forum: 5 items, 12 s apart) and the quiet audio device has
 * closed. The attract loop still changes the card every 12 s while it is
 * measured: that is part of idle. Three 30 s windows of one kiosk. */
static void bench_idle(const char *bin, const char *db, double *cpu, double *rss)
{
    double c[3], r[3];
    int fd;
    pid_t pid = start_kiosk(bin, db, &fd);
    read_first_frame(fd);
    sleep(80);
    for (int i = 0; i < 3; i++) {
        double before = cpu_seconds(pid);
        sleep(30);
        c[i] = cpu_seconds(pid) - before;
        r[i] = peak_rss_mb(pid);
    }
    stop_kiosk(pid, fd);
    *cpu = percentile(c, 3, 50);
    *rss = percentile(r, 3, 50);
}

/* Opens the kiosk in this process on the Xvfb display, on question `name`. */
static int open_app(App *app, CliOptions *o, const char *db)
{
    char err[256];
    if (cli_parse(1, (char *[]){"sayso", NULL}, o, err, sizeof err) != 0)
        return -1;
    AppConfig config = {.config_dir = o->config_dir, .db_path = db, .kiosk_ini = o->kiosk_ini,
                        .assets_dir = o->assets_dir};
    if (app_open(app, &config) != 0)
        return -1;
    static const char *const to_change[] = {"start", "lang:en", "yes"};
    for (size_t i = 0; i < 3; i++)
        flow_tap(app->flow, to_change[i], app_now(app));
    app_pump(app);
    return 0;
}

static void bench_frames(App *app, double *median, double *p99)
{
    enum { FRAMES = 400 };
    static double v[FRAMES];
    int w, h;
    ui_size(app->ui, &w, &h);
    ui_draw(app->ui);
    for (int i = 0; i < FRAMES; i++) {  /* a topic dragged to and fro over the mat */
        ui_set_drag(app->ui, "gp", w / 4 + (i % 100) * w / 200, h / 2 + (i % 37) * 5);
        double t = now_ms();
        ui_draw(app->ui);
        v[i] = now_ms() - t;
    }
    ui_set_drag(app->ui, NULL, 0, 0);
    *median = percentile(v, FRAMES, 50);
    *p99 = percentile(v, FRAMES, 99);
}

static void bench_speech(App *app, double *latency)
{
    double v[RUNS * 3];
    int n = 0;
    flow_tap(app->flow, "next", app_now(app));  /* to the choose-any tiles */
    app_pump(app);
    speech_wait_idle(app->speech, 3000);
    static const char *const tiles[] = {"listened", "trusted_person", "kinder_staff"};
    for (int i = 0; i < RUNS * 3; i++) {
        const UiElement *el = ui_elements_find(ui_elements(app->ui), tiles[i % 3]);
        if (!el)
            break;
        ui_input_push_tap(app->ui, layout_center_x(el->rect), layout_center_y(el->rect));
        app_pump(app);
        double t = now_ms();
        while (speech_last_latency_ms(app->speech) < 0 && now_ms() - t < 1000)
            usleep(200);
        v[n++] = speech_last_latency_ms(app->speech);
        usleep(300000);
    }
    *latency = n ? percentile(v, n, 50) : -1;
}

static void bench_commits(const char *db, double *median)
{
    enum { PUTS = 1000 };
    static double v[PUTS];
    char err[256], session[STORE_UUID_SIZE];
    Store *store = store_open(db, err, sizeof err);
    StoreSessionInfo info = {"forum", "1", "en", "touch", "self", NULL};
    if (!store || store_session_begin(store, &info, session) != 0) {
        *median = -1;
        store_close(store);
        return;
    }
    static const char *const choices[] = {"listened", "trusted_person", "shorter_waits"};
    for (int i = 0; i < PUTS; i++) {
        store_answer_put(store, session, "change", NULL, choices, 1 + i % 3, false);
        v[i] = store_last_commit_ms(store);
    }
    store_close(store);
    *median = percentile(v, PUTS, 50);
}

static void remove_db(const char *path)
{
    char side[128];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

static void row(const char *what, double value, const char *unit, double target)
{
    printf("%-34s %9.3f %-3s   target < %g %s   %s\n", what, value, unit, target, unit,
           value >= 0 && value < target ? "ok" : "OVER");
}

int main(int argc, char **argv)
{
    const char *bin = argc > 1 ? argv[1] : "./sayso";
    bool quick = argc > 2 && strcmp(argv[2], "quick") == 0;  /* no idle runs */
    char db[64], commits_db[64];
    snprintf(db, sizeof db, "/tmp/sayso-bench-%d.db", (int)getpid());
    snprintf(commits_db, sizeof commits_db, "/tmp/sayso-bench-commits-%d.db", (int)getpid());
    pid_t xvfb = start_xvfb();
    if (xvfb < 0)
        return 1;
    setenv("DISPLAY", ":" DISPLAY_NUMBER, 1);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", "/dev/null", 1);
    printf("sayso bench: Xvfb 1920x1080, software renderer, SDL disk audio; medians\n");
    fflush(stdout);

    double first_frame, frame, frame99, speech, cpu, rss, commit;
    bench_start(bin, db, &first_frame);
    App app;
    CliOptions o;
    if (open_app(&app, &o, db) != 0)
        return 1;
    bench_frames(&app, &frame, &frame99);
    bench_speech(&app, &speech);
    app_close(&app);
    bench_commits(commits_db, &commit);
    cpu = rss = -1;
    if (!quick) {
        printf("(idle: 80 s to settle, then three windows of 30 s, about 3 minutes)\n");
        fflush(stdout);
        bench_idle(bin, db, &cpu, &rss);
    }

    row("start to first frame", first_frame, "ms", 150);
    row("frame time 1920x1080 (median)", frame, "ms", 8);
    row("frame time 1920x1080 (99th pct)", frame99, "ms", 8);
    row("touch to first speech sample", speech, "ms", 10);
    row("CPU in 30 s idle", cpu, "s", 0.05);
    row("peak RSS", rss, "MB", 60);
    row("answer commit", commit, "ms", 1);
    kill(xvfb, SIGTERM);
    waitpid(xvfb, NULL, 0);
    remove_db(db);
    remove_db(commits_db);
    return 0;
}
