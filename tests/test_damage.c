/* test_damage.c: redrawing only what changed (ui/damage.c): which region
 * a frame redraws, and that the pixels it leaves are the pixels a whole
 * redraw draws: the real kiosk, headless, as the card changes, the focus
 * moves, a topic is dragged over the mat frame by frame, the still-there
 * countdown ticks and words are typed key by key. */
#include "testing.h"
#include "test_support.h"

#include "app/app.h"
#include "headless/script.h"
#include "ui/damage.h"
#include "ui/input.h"
#include "ui/ui.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Three elements side by side. */
static void three(UiElements *els)
{
    ui_elements_clear(els);
    for (int i = 0; i < 3; i++) {
        char id[16];
        snprintf(id, sizeof id, "e%d", i);
        UiElement *el = ui_elements_add(els, UI_BUTTON, id, layout_rect(100 * i, 0, 100, 50));
        ui_element_set_text(el, "words");
    }
}

static void test_region_is_what_changed(void)
{
    UiDamage d = {0};
    UiElements els = {0};
    UiRect none[UI_DAMAGE_MOVING] = {{0}};
    UiRect drag_a[UI_DAMAGE_MOVING] = {layout_rect(10, 10, 20, 20)};
    UiRect drag_b[UI_DAMAGE_MOVING] = {layout_rect(50, 10, 20, 20)};
    UiRect ring_a[UI_DAMAGE_MOVING] = {{0}, layout_rect(300, 300, 40, 40)};
    UiRect ring_b[UI_DAMAGE_MOVING] = {{0}, layout_rect(400, 300, 40, 40)};
    SDL_Rect r;
    three(&els);
    CHECK(!ui_damage_next(&d, &els, 1, none, 5, 1000, 1000, &r)); /* the first frame: whole */
    CHECK(ui_damage_next(&d, &els, 1, none, 5, 1000, 1000, &r));
    CHECK_INT(r.w, 0); /* nothing changed */
    ui_element_set_text(&els.items[1], "other words");
    CHECK(ui_damage_next(&d, &els, 1, none, 5, 1000, 1000, &r));
    CHECK(r.x == 95 && r.y == 0 && r.w == 110 && r.h == 55); /* grown by 5, cut at the top */
    els.items[2].rect.y = 100; /* moved: where it was and where it is */
    CHECK(ui_damage_next(&d, &els, 1, none, 0, 1000, 1000, &r));
    CHECK(r.x == 200 && r.y == 0 && r.w == 100 && r.h == 150);
    CHECK(ui_damage_next(&d, &els, 1, ring_a, 0, 1000, 1000, &r)); /* the ring appears */
    CHECK(r.x == 300 && r.y == 300 && r.w == 40 && r.h == 40);
    CHECK(ui_damage_next(&d, &els, 1, ring_b, 0, 1000, 1000, &r)); /* and steps on */
    CHECK(r.x == 300 && r.w == 140 && r.h == 40);
    CHECK(ui_damage_next(&d, &els, 1, drag_a, 0, 1000, 1000, &r) == false); /* a drag begins */
    CHECK(ui_damage_next(&d, &els, 1, drag_b, 0, 1000, 1000, &r)); /* dragged on */
    CHECK(r.x == 10 && r.w == 60 && r.h == 20);
    CHECK(!ui_damage_next(&d, &els, 2, drag_b, 0, 1000, 1000, &r)); /* scene */
    els.items[0].rect = layout_rect(0, 0, 1000, 900); /* most of the screen: whole */
    CHECK(!ui_damage_next(&d, &els, 2, drag_b, 0, 1000, 1000, &r));
    ui_elements_free(&els);
    ui_damage_free(&d);
}

/* The kiosk running headless in this process, walked through screens:
 * after each change its frame (redrawn only where something changed) is
 * compared with the same frame drawn whole. Both are saved as LABEL-part.png
 * and LABEL-whole.png in `dir` (SAYSO_KEEP_TMP keeps them to look at). */
typedef struct {
    App app;
    const char *dir;
    int frames, partial, different; /* compared, drawn in part, unlike a whole redraw */
} Walk;

static bool walk_open(Walk *w, const char *config, const char *dir)
{
    char db[128];
    snprintf(db, sizeof db, "%s/%s.db", dir, strrchr(config, '/') + 1);
    AppConfig c = {.config_dir = config, .db_path = db, .kiosk_ini = "config/kiosk.ini",
                   .assets_dir = "assets", .width = 1280, .height = 800, .headless = true};
    *w = (Walk){.dir = dir};
    if (app_open(&w->app, &c) == 0)
        return true;
    app_close(&w->app);
    return false;
}

/* Runs script lines `steps` (a failed `expect` fails the case). */
static void walk_steps(Walk *w, const char *steps)
{
    char path[128];
    support_write_file(w->dir, "steps.script", steps);
    snprintf(path, sizeof path, "%s/steps.script", w->dir);
    CHECK_INT(script_run(&w->app, path, w->dir), 0);
}

/* The screen's PNG bytes (malloc'd), saved as dir/LABEL-KIND.png; NULL on failure. */
static char *walk_shot(Walk *w, const char *label, const char *kind, size_t *size)
{
    char path[160], err[256];
    snprintf(path, sizeof path, "%s/%s-%s.png", w->dir, label, kind);
    return ui_save_png(w->app.ui, path, err, sizeof err) == 0 ? support_slurp(path, size) : NULL;
}

/* The frame the kiosk drew last against the same frame drawn whole. */
static void walk_check(Walk *w, const char *label)
{
    size_t na = 0, nb = 0;
    int percent = ui_redrawn_percent(w->app.ui);
    w->partial += percent < 100;
    printf("    %-18s %3d%% of the screen redrawn\n", label, percent);
    char *partial = walk_shot(w, label, "part", &na);
    ui_draw_blank(w->app.ui); /* forgets what was shown: the next frame is whole */
    ui_draw(w->app.ui);
    char *whole = walk_shot(w, label, "whole", &nb);
    w->frames++;
    if (!partial || !whole || na != nb || memcmp(partial, whole, na) != 0) {
        printf("    %s: the frame differs from a whole redraw (%s/%s-*.png)\n", label, w->dir, label);
        w->different++;
    }
    free(partial);
    free(whole);
}

/* The centre of element `id` on screen. */
static void walk_center(Walk *w, const char *id, int *x, int *y)
{
    const UiElement *el = ui_elements_find(ui_elements(w->app.ui), id);
    *x = el ? layout_center_x(el->rect) : 0;
    *y = el ? layout_center_y(el->rect) : 0;
    CHECK(el != NULL);
}

/* A topic held and moved over the mat one frame at a time, then dropped. */
static void walk_drag(Walk *w, const char *topic, const char *column)
{
    int x0, y0, x1, y1;
    char label[32];
    walk_center(w, topic, &x0, &y0);
    walk_center(w, column, &x1, &y1);
    ui_input_push_press(w->app.ui, x0, y0, true);
    app_pump(&w->app);
    walk_check(w, "drag-0");
    for (int i = 1; i <= 3; i++) {
        ui_input_push_move(w->app.ui, x0 + (x1 - x0) * i / 3, y0 + (y1 - y0) * i / 3 + 40 * (i % 2));
        app_pump(&w->app);
        snprintf(label, sizeof label, "drag-%d", i);
        walk_check(w, label);
    }
    ui_input_push_press(w->app.ui, x1, y1, false);
    app_pump(&w->app);
    walk_check(w, "dropped");
}

/* The forum survey: the welcome card changing, focus moving, the mat
 * (a drag frame by frame, a tap-and-place), the still-there countdown. */
static void walk_forum(const char *dir, int *counts)
{
    Walk w;
    if (!walk_open(&w, "config/forum", dir)) {
        CHECK(!"the kiosk opened on config/forum");
        return;
    }
    app_pump(&w.app);
    walk_steps(&w, "wait 12000\n"); /* the next "You said, we did" card */
    walk_check(&w, "card");
    walk_steps(&w, "key Tab\n");
    walk_check(&w, "focus-1");
    walk_steps(&w, "key Tab\n");
    walk_check(&w, "focus-2");
    walk_steps(&w, "tap start\ntap lang:en\ntap yes\nexpect question:positive\n");
    walk_check(&w, "mat");
    walk_drag(&w, "gp", "good");
    walk_steps(&w, "tap hospital\n");
    walk_check(&w, "held");
    walk_steps(&w, "tap not_sure\n");
    walk_check(&w, "placed");
    walk_steps(&w, "wait 90000\nexpect still-there\n");
    walk_check(&w, "still-there");
    for (int i = 1; i <= 2; i++) {
        char label[32];
        walk_steps(&w, "wait 1000\n"); /* the countdown's next second */
        snprintf(label, sizeof label, "countdown-%d", i);
        walk_check(&w, label);
    }
    walk_steps(&w, "tap yes\nexpect question:positive\n");
    walk_check(&w, "back");
    counts[0] += w.frames;
    counts[1] += w.partial;
    counts[2] += w.different;
    app_close(&w.app);
}

/* Words typed on the on-screen keyboard, one key a frame. */
static void walk_typing(const char *dir, int *counts)
{
    static const char *const keys[] = {"shift", "h", "i", "space", "backspace", "numbers", "exclamation"};
    Walk w;
    if (!walk_open(&w, "tests/surveys/typed", dir)) {
        CHECK(!"the kiosk opened on tests/surveys/typed");
        return;
    }
    walk_steps(&w, "tap start\ntap yes\nexpect question:anything_else\n");
    walk_check(&w, "keyboard");
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        char step[64], label[32];
        snprintf(step, sizeof step, "tap key:%s\n", keys[i]);
        snprintf(label, sizeof label, "typed-%s", keys[i]);
        walk_steps(&w, step);
        walk_check(&w, label);
    }
    CHECK_STR(flow_text(w.app.flow, 0), "Hi!");
    counts[0] += w.frames;
    counts[1] += w.partial;
    counts[2] += w.different;
    app_close(&w.app);
}

static void test_partial_frames_match_whole_ones(void)
{
    char dir[64];
    int counts[3] = {0}; /* frames compared, drawn in part, different */
    if (support_temp_dir(dir, sizeof dir, "damage") != 0) {
        CHECK(!"a temporary folder");
        return;
    }
    walk_forum(dir, counts);
    walk_typing(dir, counts);
    printf("    %d frames compared with whole redraws (%d drawn in part): %d different\n", counts[0],
           counts[1], counts[2]);
    CHECK_INT(counts[0], 23); /* every step ran */
    CHECK(counts[1] >= 14);   /* most drew only what changed */
    CHECK_INT(counts[2], 0);
    if (getenv("SAYSO_KEEP_TMP"))
        printf("    kept %s (SAYSO_KEEP_TMP)\n", dir);
    else
        support_remove_tree(dir);
}

int main(void)
{
    RUN(test_region_is_what_changed);
    RUN(test_partial_frames_match_whole_ones);
    return TEST_SUMMARY();
}
