/* script.c: runs headless scripts; see script.h. */
#include "headless/script.h"

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

/* Reads `ms`, a step's count of milliseconds, into *out; a failure naming
 * the step otherwise. */
static int parse_ms(const Script *s, const char *step, const char *ms, uint64_t *out)
{
    char *end;
    long long v = strtoll(ms, &end, 10);
    if (*end || v < 0)
        return fail(s, "%s wants milliseconds, not \"%s\"", step, ms);
    *out = (uint64_t)v;
    return 0;
}

static int step_wait(Script *s, const char *ms)
{
    uint64_t v;
    if (parse_ms(s, "wait", ms, &v) != 0)
        return 1;
    app_advance(s->app, v);
    return 0;
}

/* A finger held still for MS milliseconds of the kiosk's clock: on an
 * element, or on "corner" (the top-left corner, the staff gesture). */
static int step_hold(Script *s, const char *target, const char *ms)
{
    int x = 2, y = 2;
    uint64_t v;
    if (parse_ms(s, "hold", ms, &v) != 0)
        return 1;
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

static int run_step(Script *s, char *words[], int n)
{
    static const struct {
        const char *name;
        int args;
    } steps[] = {{"expect", 1}, {"tap", 1}, {"drag", 2}, {"key", 1}, {"wait", 1}, {"shot", 1},
                 {"hold", 2}, {"close", 0}};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        if (strcmp(words[0], steps[i].name) != 0)
            continue;
        if (n - 1 != steps[i].args)
            return fail(s, "\"%s\" takes %s", words[0],
                        steps[i].args == 0 ? "no argument" : steps[i].args == 1 ? "one argument" : "two arguments");
        if (s->app->quit && i != 0)
            return fail(s, "the kiosk has closed; only \"expect closed\" can follow%s%s", "", "");
        switch (i) {
        case 0: return step_expect(s, words[1]);
        case 1: return step_tap(s, words[1]);
        case 2: return step_drag(s, words[1], words[2]);
        case 3: return step_key(s, words[1]);
        case 4: return step_wait(s, words[1]);
        case 5: return step_shot(s, words[1]);
        case 6: return step_hold(s, words[1], words[2]);
        default: return step_close(s);
        }
    }
    return fail(s, "unknown step \"%s\"%s", words[0], " (use expect, tap, drag, key, wait, shot, hold or close)");
}

/* Splits a line into words, dropping a `#` comment. Returns the count. */
static int split(char *line, char *words[], int max)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    int n = 0;
    for (char *w = strtok(line, " \t\r\n"); w && n < max; w = strtok(NULL, " \t\r\n"))
        words[n++] = w;
    return n;
}

int script_run(App *app, const char *path, const char *shots_dir)
{
    Script s = {app, path, shots_dir, 0};
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "sayso: cannot read script %s: %s\n", path, strerror(errno));
        return 1;
    }
    app_pump(app);
    char line[1024];
    int rc = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        s.line++;
        char *words[4];
        int n = split(line, words, 4);
        if (n > 0)
            rc = run_step(&s, words, n);
    }
    fclose(f);
    /* Where the sound goes to a file (SDL's disk driver), let the last words
     * play to the end so the file holds them; elsewhere nobody listens. */
    if (speech_audio_is_file(app->speech))
        speech_wait_done(app->speech, 10000);
    return rc;
}
