/* script.c: runs headless scripts; see script.h.
 *
 * A script is read a line at a time (line_reader.c, so a line of any
 * length is seen whole and named by its own number, and a wait for the
 * next line from a pipe still ends on SIGTERM) and each line is read into a
 * step by script_parse.c, which refuses a line longer than SCRIPT_MAX_LINE
 * (no step needs one) and a wait past SCRIPT_MAX_WAIT_MS. `wait` moves the
 * kiosk's clock from one time-out to the next (app_advance). SIGTERM or SIGINT ends a run at once, even in
 * the middle of a wait, with exit status 1. */
#include "headless/script.h"
#include "headless/line_reader.h"
#include "headless/script_parse.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    App *app;
    const char *path;
    const char *shots_dir;
    int line;
} Script;

static int fail(const Script *s, const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "%s:%d: ", s->path, s->line);
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
    return 1;
}

/* Where a touch reaches `el`: its centre, or when another target lies on
 * top of that (the topic offered on the mat's pile), the first point of a
 * grid over it that reaches it. */
static void reachable_point(const UiElements *els, const UiElement *el, int *x, int *y)
{
    enum { STEPS = 8 };
    *x = layout_center_x(el->rect);
    *y = layout_center_y(el->rect);
    for (int i = 0; i <= STEPS * STEPS; i++) {
        const UiElement *top = ui_elements_hit(els, *x, *y, 0);
        if (!top || strcmp(top->id, el->id) == 0)
            return;
        *x = el->rect.x + el->rect.w * (i % STEPS * 2 + 1) / (STEPS * 2);
        *y = el->rect.y + el->rect.h * (i / STEPS * 2 + 1) / (STEPS * 2);
    }
    *x = layout_center_x(el->rect);
    *y = layout_center_y(el->rect);
}

/* Where to touch element `id`, or a failure naming what is on screen. */
static int element_center(const Script *s, const char *id, int *x, int *y)
{
    const UiElement *el = ui_elements_find(ui_elements(s->app->ui), id);
    if (el) {
        reachable_point(ui_elements(s->app->ui), el, x, y);
        return 0;
    }
    char screen[128], ids[1024] = "";
    app_screen_name(s->app, screen, sizeof screen);
    const UiElements *els = ui_elements(s->app->ui);
    for (int i = 0; i < els->n; i++) {
        if (!els->items[i].id[0] || strlen(ids) + strlen(els->items[i].id) + 2 >= sizeof ids)
            continue;
        strcat(ids, " ");
        strcat(ids, els->items[i].id);
    }
    fprintf(stderr, "%s:%d: no element \"%s\" on screen %s; there are:%s\n", s->path, s->line, id,
            screen, ids);
    return 1;
}

static int step_expect(Script *s, const char *want)
{
    char screen[128];
    app_screen_name(s->app, screen, sizeof screen);
    if (strcmp(screen, want) == 0)
        return 0;
    return fail(s, "expected screen %s but found %s", want, screen);
}

static int step_tap(Script *s, const char *id)
{
    int x, y;
    if (element_center(s, id, &x, &y) != 0)
        return 1;
    ui_input_push_tap(s->app->ui, x, y);
    app_pump(s->app);
    return 0;
}

static int step_drag(Script *s, const char *id, const char *target)
{
    int x0, y0, x1, y1;
    if (element_center(s, id, &x0, &y0) != 0 || element_center(s, target, &x1, &y1) != 0)
        return 1;
    ui_input_push_drag(s->app->ui, x0, y0, x1, y1);
    app_pump(s->app);
    return 0;
}

static int step_key(Script *s, const char *name)
{
    if (ui_input_push_key(name) != 0)
        return fail(s, "unknown key name \"%s\"%s", name, " (use an SDL key name such as Return)");
    app_pump(s->app);
    return 0;
}

static int step_wait(Script *s, uint64_t ms)
{
    app_advance(s->app, ms);
    return 0;
}

/* A finger held still for MS milliseconds of the kiosk's clock: on an
 * element, or on "corner" (the top-left corner, the staff gesture). */
static int step_hold(Script *s, const char *target, uint64_t v)
{
    int x = 2, y = 2;
    if (strcmp(target, "corner") != 0 && element_center(s, target, &x, &y) != 0)
        return 1;
    ui_input_push_press(s->app->ui, x, y, true);
    app_pump(s->app);
    app_advance(s->app, v);
    ui_input_push_press(s->app->ui, x, y, false);
    app_pump(s->app);
    return 0;
}

/* What a window manager sends for Alt+F4 or the window's close button. */
static int step_close(Script *s)
{
    ui_input_push_close(s->app->ui);
    app_pump(s->app);
    return 0;
}

static int step_shot(Script *s, const char *file)
{
    char path[4096], err[512];
    mkdir(s->shots_dir, 0777);
    snprintf(path, sizeof path, "%s/%s", s->shots_dir, file);
    app_pump(s->app);
    if (ui_save_png(s->app->ui, path, err, sizeof err) != 0)
        return fail(s, "%s%s", err, "");
    return 0;
}

static int run_step(Script *s, const ScriptStep *step)
{
    if (step->kind == SCRIPT_NONE)
        return 0;
    if (s->app->quit && step->kind != SCRIPT_EXPECT)
        return fail(s, "the kiosk has closed; only \"expect closed\" can follow%s%s", "", "");
    switch (step->kind) {
    case SCRIPT_EXPECT: return step_expect(s, step->arg[0]);
    case SCRIPT_TAP: return step_tap(s, step->arg[0]);
    case SCRIPT_DRAG: return step_drag(s, step->arg[0], step->arg[1]);
    case SCRIPT_KEY: return step_key(s, step->arg[0]);
    case SCRIPT_WAIT: return step_wait(s, step->ms);
    case SCRIPT_SHOT: return step_shot(s, step->arg[0]);
    case SCRIPT_HOLD: return step_hold(s, step->arg[0], step->ms);
    default: return step_close(s);
    }
}

/* One line of the script: read (script_parse.c), then run. */
static int run_line(Script *s, char *line, size_t length)
{
    ScriptStep step;
    char err[512];
    if (script_parse_line(line, length, &step, err, sizeof err) != 0)
        return fail(s, "%s%s", err, "");
    return run_step(s, &step);
}

/* Asked while the runner waits for the next line: has the program been
 * asked to end? */
static bool asked_to_end(void *ctx)
{
    App *app = ctx;
    app_pump(app);
    return app->signalled;
}

int script_run(App *app, const char *path, const char *shots_dir)
{
    Script s = {app, path, shots_dir, 0};
    LineReader lines;
    if (line_reader_open(&lines, path) != 0) {
        fprintf(stderr, "sayso: cannot read script %s: %s\n", path, strerror(errno));
        return 1;
    }
    app_pump(app);
    char *line;
    size_t length;
    int rc = 0, got = 0;
    while (rc == 0 && !app->signalled && (got = line_reader_next(&lines, asked_to_end, app, &line, &length)) > 0) {
        s.line++;
        rc = run_line(&s, line, length);
    }
    if (rc == 0 && got == -1) {
        fprintf(stderr, "%s:%d: cannot read the script: %s\n", path, s.line, strerror(errno));
        rc = 1;
    }
    line_reader_close(&lines);
    if (app->signalled) {
        fprintf(stderr, "%s:%d: stopped: the program was asked to end (SIGTERM or SIGINT)\n", path,
                s.line);
        return 1;
    }
    /* Where the sound goes to a file (SDL's disk driver), let the last words
     * play to the end so the file holds them; elsewhere nobody listens. */
    if (speech_audio_is_file(app->speech))
        speech_wait_done(app->speech, 10000);
    return rc;
}
