/* bench_ui.c: the kiosk on screen: start-up, frame time, touch to speech,
 * idle CPU and memory (tools/bench.h).
 *
 * Start-up is a new process each run, alternating with the bare SDL
 * window, both reporting on stderr when their first frame is presented
 * (measured from the moment before the fork). Frames and speech run in
 * this process on the same Xvfb. Idle runs the kiosk and the bare window
 * side by side for the same 90 s, after the kiosk has settled. */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "cli/cli.h"

#define START_RUNS 11

/* One start of `argv` to its first frame, in ms (-1: it never came). */
static double start_once(char *const argv[])
{
    int fd;
    pid_t pid = bench_spawn(argv, &fd);
    double ms = pid > 0 ? bench_first_frame(fd) : -1;
    bench_stop(pid, pid > 0 ? fd : -1);
    return ms;
}

void bench_start_up(Bench *b)
{
    char db[128], bare[4200], cold_dir[160];
    snprintf(db, sizeof db, "%s/start.db", b->tmp);
    snprintf(bare, sizeof bare, "%s/bare_window", b->tools);
    char *const kiosk[] = {(char *)b->sayso, "--db", db, NULL};
    char *const window[] = {bare, NULL};
    BenchSeries warm = {0}, cold = {0}, base = {0};
    start_once(kiosk); /* makes the database and fills the symbol cache */
    start_once(window);
    for (int i = 0; i < START_RUNS; i++) {
        bench_add(&warm, start_once(kiosk));
        bench_add(&base, start_once(window));
        if (i % 3 == 1) { /* now and then a first boot: nothing cached yet */
            snprintf(cold_dir, sizeof cold_dir, "%s/cold-%d", b->tmp, i);
            setenv("SAYSO_CACHE_DIR", cold_dir, 1);
            bench_add(&cold, start_once(kiosk));
            setenv("SAYSO_CACHE_DIR", b->cache_dir, 1);
        }
    }
    bench_ratio_row(b, "start to first frame", "ms", &warm, "bare SDL window", &base, 1.25);
    bench_ratio_row(b, "start, symbols not cached yet", "ms", &cold, "bare SDL window", &base, 0);
}

/* Opens the kiosk in this process on the Xvfb display, at "What would you
 * change?"'s mat before it: question positive. */
static int open_app(App *app, const char *db)
{
    char err[256];
    CliOptions o;
    if (cli_parse(1, (char *[]){"sayso", NULL}, &o, err, sizeof err) != 0)
        return -1;
    AppConfig config = {.config_dir = o.config_dir, .db_path = db, .kiosk_ini = o.kiosk_ini,
                        .assets_dir = o.assets_dir, .cache_dir = getenv("SAYSO_CACHE_DIR")};
    if (app_open(app, &config) != 0)
        return -1;
    static const char *const to_mat[] = {"start", "lang:en", "yes"};
    for (size_t i = 0; i < 3; i++)
        flow_tap(app->flow, to_mat[i], app_now(app));
    app_pump(app);
    return 0;
}

/* A topic dragged to and fro over the mat (each frame redraws what the
 * drag changed), then whole frames (the screen drawn again from nothing,
 * after the anchor: the same window only cleared and presented), in eight
 * alternating blocks of 25; each block's median is one sample. */
static void bench_frames(Bench *b, App *app)
{
    enum { BLOCKS = 8, FRAMES = 25 };
    BenchSeries drag = {0}, whole = {0}, clear = {0}, whole_cpu = {0};
    int w, h;
    ui_size(app->ui, &w, &h);
    for (int k = 0, i = 0; k < BLOCKS; k++) {
        BenchSeries d = {0}, c = {0}, f = {0}, fc = {0};
        for (int n = 0; n <= FRAMES; n++, i++) { /* the first redraws whole: not counted */
            ui_set_drag(app->ui, "gp", w / 4 + (i % 100) * w / 200, h / 2 + (i % 37) * 5);
            double t = bench_now_ms();
            ui_draw(app->ui);
            if (n > 0)
                bench_add(&d, bench_now_ms() - t);
        }
        for (int n = 0; n < FRAMES; n++) {
            double t = bench_now_ms();
            ui_draw_blank(app->ui);
            bench_add(&c, bench_now_ms() - t);
            t = bench_now_ms();
            double cpu = bench_thread_cpu_ms();
            ui_draw(app->ui); /* after the blank: the whole screen */
            bench_add(&f, bench_now_ms() - t);
            bench_add(&fc, bench_thread_cpu_ms() - cpu);
        }
        bench_add(&drag, bench_median(&d));
        bench_add(&clear, bench_median(&c));
        bench_add(&whole, bench_median(&f));
        bench_add(&whole_cpu, bench_median(&fc));
    }
    ui_set_drag(app->ui, NULL, 0, 0);
    bench_ratio_row(b, "frame 1920x1080, dragging", "ms", &drag, "clear+present", &clear, 0);
    bench_ratio_row(b, "frame 1920x1080, whole screen", "ms", &whole, "clear+present", &clear, 0);
    bench_value_row(b, "whole frame 1920x1080 (median)", "ms", &whole, "<", 4);
    bench_value_row(b, "  its CPU time (this thread)", "ms", &whole_cpu, "<", 0);
}

/* Touches a tile of "What would you change?" and waits for its first
 * sample to reach the audio device. */
static void bench_speech(Bench *b, App *app)
{
    BenchSeries latency = {0};
    flow_tap(app->flow, "next", app_now(app)); /* the mat: "not placed" asks first */
    flow_tap(app->flow, "next", app_now(app)); /* go on: "What would you change?" */
    app_pump(app);
    speech_wait_idle(app->speech, 3000);
    static const char *const tiles[] = {"listened", "trusted_person", "kinder_staff"};
    for (int i = 0; i < 21; i++) {
        const UiElement *el = ui_elements_find(ui_elements(app->ui), tiles[i % 3]);
        if (!el)
            break;
        ui_input_push_tap(app->ui, layout_center_x(el->rect), layout_center_y(el->rect));
        app_pump(app);
        double t = bench_now_ms();
        while (speech_last_latency_ms(app->speech) < 0 && bench_now_ms() - t < 1000)
            usleep(200);
        bench_add(&latency, speech_last_latency_ms(app->speech));
        usleep(300000);
    }
    bench_value_row(b, "touch to first speech sample", "ms", &latency, "<", 5);
}

void bench_frames_and_speech(Bench *b)
{
    char db[128];
    App app;
    snprintf(db, sizeof db, "%s/frames.db", b->tmp);
    if (open_app(&app, db) != 0) {
        printf("frames and speech: the kiosk did not open\n");
        return;
    }
    bench_frames(b, &app);
    bench_speech(b, &app);
    app_close(&app);
}

/* Idle is the kiosk nobody is using, in its steady state: after the
 * welcome prompt and one round of "You said, we did" items have been said
 * (config/forum: 5 items, 12 s apart) and the quiet audio device has
 * closed; the attract loop still changes the card every 12 s (that is part
 * of idle). The bare window (and with BENCH_CHROMIUM=1 the Chromium kiosk)
 * runs beside it in the same three 30 s windows. */
void bench_idle_and_memory(Bench *b)
{
    char db[128], bare[4200];
    snprintf(db, sizeof db, "%s/idle.db", b->tmp);
    snprintf(bare, sizeof bare, "%s/bare_window", b->tools);
    char *const kiosk[] = {(char *)b->sayso, "--db", db, NULL};
    char *const window[] = {bare, NULL};
    int fd, bare_fd, web_fd = -1;
    BenchSeries cpu = {0}, bare_cpu = {0}, web_cpu = {0}, pss = {0}, bare_pss = {0}, web_pss = {0};
    printf("(idle: 80 s to settle, then three windows of 30 s)\n");
    fflush(stdout);
    pid_t pid = bench_spawn(kiosk, &fd), bare_pid = bench_spawn(window, &bare_fd);
    pid_t web = b->chromium ? bench_chromium_spawn(b, 100, &web_fd) : -1;
    bench_first_frame(fd);
    bench_first_frame(bare_fd);
    if (web > 0)
        bench_chromium_first_paint(web_fd);
    sleep(80);
    for (int i = 0; i < 3; i++) {
        double before = bench_cpu_seconds(pid), bare_before = bench_cpu_seconds(bare_pid);
        double web_before = web > 0 ? bench_tree_cpu_seconds(web) : 0;
        sleep(30);
        bench_add(&cpu, bench_cpu_seconds(pid) - before);
        bench_add(&bare_cpu, bench_cpu_seconds(bare_pid) - bare_before);
        bench_add(&pss, bench_pss_mb(pid));
        bench_add(&bare_pss, bench_pss_mb(bare_pid));
        if (web > 0) {
            bench_add(&web_cpu, bench_tree_cpu_seconds(web) - web_before);
            bench_add(&web_pss, bench_tree_pss_mb(web));
        }
    }
    bench_stop(pid, fd);
    bench_stop(bare_pid, bare_fd);
    if (web > 0)
        bench_chromium_stop(web, web_fd);
    bench_ratio_row(b, "CPU in 30 s idle", "s", &cpu, "bare SDL window", &bare_cpu, 0);
    bench_value_row(b, "CPU in 30 s idle (target)", "s", &cpu, "<=", 0.01);
    bench_ratio_row(b, "memory (PSS) idle", "MB", &pss, "bare SDL window", &bare_pss, 0);
    if (web > 0) {
        bench_ratio_row(b, "CPU in 30 s idle", "s", &cpu, "Chromium kiosk", &web_cpu, 0);
        bench_ratio_row(b, "memory (PSS) idle", "MB", &pss, "Chromium kiosk", &web_pss, 0);
    }
}
