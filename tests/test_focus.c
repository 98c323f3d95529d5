/* test_focus.c: the focus ring (keyboard and switch users' only way to see
 * where they are, ui.c) is whole around a control at every edge of the
 * screen: the top bar's Listen and Stop sit a few pixels from the top,
 * Back and Next from the bottom and the sides. The ring is found in the
 * saved screenshot by its colour; each of its four sides must be drawn
 * along its length and as thick as the others (a ring cut off at the edge
 * would lose a side or show it thinner). Forum in English and Arabic
 * (mirrored: Listen on the right), landscape and portrait. */
#include "test_support.h"

#include "flow/flow.h"
#include "survey/kiosk_settings.h"
#include "ui/theme.h"
#include "ui/ui.h"

#include <string.h>

static char dir[64];

static bool is_focus(const SDL_Surface *s, int x, int y)
{
    const Uint8 *row = (const Uint8 *)s->pixels + y * s->pitch;
    Uint32 p;
    memcpy(&p, row + x * s->format->BytesPerPixel, sizeof p);
    Uint8 r, g, b;
    SDL_GetRGB(p, s->format, &r, &g, &b);
    SDL_Color f = ui_theme(false)->focus;
    return r == f.r && g == f.g && b == f.b;
}

/* Of the focus-coloured pixels near `r`: how many in the run along one of
 * the bounding box's sides, in per cent of that side. */
static int side_pct(const SDL_Surface *s, UiRect box, int side)
{
    bool across = side < 2;  /* 0 top, 1 bottom: a row; 2 left, 3 right: a column */
    int fixed = side == 0 ? box.y : side == 1 ? box.y + box.h - 1 : side == 2 ? box.x : box.x + box.w - 1;
    int len = across ? box.w : box.h, hit = 0;
    for (int i = 0; i < len; i++)
        hit += across ? is_focus(s, box.x + i, fixed) : is_focus(s, fixed, box.y + i);
    return len > 0 ? hit * 100 / len : 0;
}

/* How thick the ring's colour is on one side of `box`, counted inwards
 * from the box's edge at the side's middle. */
static int side_thickness(const SDL_Surface *s, UiRect box, int side)
{
    int n = 0;
    for (int i = 0; i < (side < 2 ? box.h : box.w) / 2; i++, n++) {
        int x = side == 2 ? box.x + i : side == 3 ? box.x + box.w - 1 - i : box.x + box.w / 2;
        int y = side == 0 ? box.y + i : side == 1 ? box.y + box.h - 1 - i : box.y + box.h / 2;
        if (!is_focus(s, x, y))
            break;
    }
    return n;
}

/* Whether the ring around `id` on the screen now shows all four sides,
 * and encloses the element. */
static bool ring_whole(Ui *ui, const char *id, const char *shot)
{
    const UiElement *el = ui_elements_find(ui_elements(ui), id);
    if (!el)
        return false;
    UiRect r = el->rect;
    ui_set_focus(ui, id, layout_rect(0, 0, 0, 0));
    ui_draw(ui);
    char path[128], err[256];
    support_path_in(dir, shot, path, sizeof path);
    SDL_Surface *s = ui_save_png(ui, path, err, sizeof err) == 0 ? support_load_png(dir, shot) : NULL;
    if (!s)
        return false;
    int reach = ui_min_target(ui) / 3, x0 = s->w, y0 = s->h, x1 = -1, y1 = -1;
    for (int y = r.y - reach; y < r.y + r.h + reach; y++)
        for (int x = r.x - reach; x < r.x + r.w + reach; x++)
            if (x >= 0 && y >= 0 && x < s->w && y < s->h && is_focus(s, x, y)) {
                x0 = x < x0 ? x : x0, y0 = y < y0 ? y : y0;
                x1 = x > x1 ? x : x1, y1 = y > y1 ? y : y1;
            }
    UiRect box = layout_rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    int band = ui_min_target(ui) / 12 + 8;
    bool encloses = x1 >= 0 && x0 <= r.x + band && y0 <= r.y + band && x1 >= r.x + r.w - band && y1 >= r.y + r.h - band;
    bool ok = encloses;
    int thick = ui_min_target(ui) / 12 > 4 ? ui_min_target(ui) / 12 : 4;  /* ui.c's band */
    for (int side = 0; ok && side < 4; side++)
        ok = side_pct(s, box, side) >= 90 && side_thickness(s, box, side) == thick;
    if (!ok)
        printf("    %s: the ring around %s (%d,%d %dx%d) is cut or missing: found %d,%d %dx%d\n", shot, id, r.x,
               r.y, r.w, r.h, box.x, box.y, box.w, box.h);
    SDL_FreeSurface(s);
    return ok;
}

static bool edges_whole(int w, int h, const char *language)
{
    static const char *dirs[] = {"assets/symbols", NULL};
    KioskSettings settings;
    kiosk_settings_defaults(&settings);
    Survey *survey = support_load_survey("config/forum", dirs);
    UiOptions o = {.width = w, .height = h, .headless = true, .windowed = true, .symbol_dirs = dirs};
    char err[256], lang[32], shot[64];
    Ui *ui = survey ? ui_open(&o, err, sizeof err) : NULL;
    Flow *flow = ui ? flow_new(survey, &settings, NULL, 0) : NULL;
    bool ok = flow != NULL;
    snprintf(lang, sizeof lang, "lang:%s", language);
    const char *taps[] = {"start", lang, "yes"};
    for (size_t i = 0; ok && i < sizeof taps / sizeof taps[0]; i++)
        flow_tap(flow, taps[i], i + 1);
    static const char *const ids[] = {"speak", "stop", "back", "next"};
    for (size_t i = 0; ok && i < sizeof ids / sizeof ids[0]; i++) {
        ui_build(ui, flow);
        snprintf(shot, sizeof shot, "%s-%dx%d-%s.png", language, w, h, ids[i]);
        ok = ring_whole(ui, ids[i], shot);
    }
    flow_free(flow);
    ui_close(ui);
    survey_free(survey);
    return ok;
}

static void test_ring_whole_at_every_edge(void)
{
    CHECK(edges_whole(1280, 800, "en"));
    CHECK(edges_whole(1280, 800, "ar"));
    CHECK(edges_whole(1080, 1920, "en"));
}

int main(void)
{
    if (support_temp_dir(dir, sizeof dir, "focus") != 0)
        return 1;
    RUN(test_ring_whole_at_every_edge);
    return support_finish(dir);
}
