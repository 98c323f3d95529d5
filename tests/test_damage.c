/* test_damage.c: redrawing only what changed (ui/damage.c): which region
 * a frame redraws, and that the pixels it leaves are the pixels a whole
 * redraw draws (the real screens, headless, through ui_draw). */
#include "testing.h"
#include "test_support.h"

#include "flow/flow.h"
#include "survey/kiosk_settings.h"
#include "ui/damage.h"
#include "ui/ui.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *const symbol_dirs[] = {"assets/symbols", NULL};

/* Three elements side by side. */
static void three(UiElements *els)
{
    ui_elements_clear(els);
    for (int i = 0; i < 3; i++) {
        char id[8];
        snprintf(id, sizeof id, "e%d", i);
        UiElement *el = ui_elements_add(els, UI_BUTTON, id, layout_rect(100 * i, 0, 100, 50));
        ui_element_set_text(el, "words");
    }
}

static void test_region_is_what_changed(void)
{
    UiDamage d = {0};
    UiElements els = {0};
    UiRect none = layout_rect(0, 0, 0, 0);
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
    CHECK(ui_damage_next(&d, &els, 1, layout_rect(10, 10, 20, 20), 0, 1000, 1000, &r) == false);
    CHECK(ui_damage_next(&d, &els, 1, layout_rect(50, 10, 20, 20), 0, 1000, 1000, &r)); /* dragged on */
    CHECK(r.x == 10 && r.w == 60 && r.h == 20);
    CHECK(!ui_damage_next(&d, &els, 2, layout_rect(50, 10, 20, 20), 0, 1000, 1000, &r)); /* scene */
    els.items[0].rect = layout_rect(0, 0, 1000, 900); /* most of the screen: whole */
    CHECK(!ui_damage_next(&d, &els, 2, layout_rect(50, 10, 20, 20), 0, 1000, 1000, &r));
    ui_elements_free(&els);
    ui_damage_free(&d);
}

/* Saves the screen; the file's bytes into `out` (malloc'd), or NULL. */
static char *screen_bytes(Ui *ui, const char *path, size_t *size)
{
    char err[256];
    return ui_save_png(ui, path, err, sizeof err) == 0 ? support_slurp(path, size) : NULL;
}

/* The frame drawn now, against the same frame drawn whole. */
static bool same_as_whole(Ui *ui, const char *dir)
{
    char a[128], b[128];
    size_t na = 0, nb = 0;
    snprintf(a, sizeof a, "%s/partial.png", dir);
    snprintf(b, sizeof b, "%s/whole.png", dir);
    char *partial = screen_bytes(ui, a, &na);
    ui_draw_blank(ui); /* forgets what was shown: the next frame is whole */
    ui_draw(ui);
    char *whole = screen_bytes(ui, b, &nb);
    bool same = partial && whole && na == nb && memcmp(partial, whole, na) == 0;
    free(partial);
    free(whole);
    return same;
}

/* The welcome card changing, then a topic dragged over the mat: each frame
 * redraws only what changed and leaves the screen a whole redraw leaves. */
static void test_partial_frames_match_whole_ones(void)
{
    char err[256], dir[64];
    KioskSettings k;
    kiosk_settings_defaults(&k);
    Survey *s = support_load_survey("config/forum", symbol_dirs);
    UiOptions o = {1920, 1080, true, true, symbol_dirs, NULL, NULL, NULL, NULL};
    Ui *ui = s ? ui_open(&o, err, sizeof err) : NULL;
    Flow *flow = ui ? flow_new(s, &k, NULL, 0) : NULL;
    bool card = false, drag = false;
    if (flow && support_temp_dir(dir, sizeof dir, "damage") == 0) {
        ui_build(ui, flow);
        ui_draw(ui);
        flow_tick(flow, 12000); /* the next "You said, we did" item */
        ui_build(ui, flow);
        ui_draw(ui);
        card = same_as_whole(ui, dir);
        static const char *const to_mat[] = {"start", "lang:en", "yes"};
        for (int i = 0; i < 3; i++)
            flow_tap(flow, to_mat[i], 13000 + (uint64_t)i);
        ui_build(ui, flow);
        for (int i = 0; i < 5; i++) {
            ui_set_drag(ui, "gp", 500 + 60 * i, 500 + 10 * i);
            ui_draw(ui);
        }
        drag = same_as_whole(ui, dir);
        support_remove_tree(dir);
    }
    flow_free(flow);
    ui_close(ui);
    survey_free(s);
    CHECK(flow);
    CHECK(card);
    CHECK(drag);
}

int main(void)
{
    RUN(test_region_is_what_changed);
    RUN(test_partial_frames_match_whole_ones);
    return TEST_SUMMARY();
}
