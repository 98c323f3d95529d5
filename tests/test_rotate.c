/* test_rotate.c: a screen mounted turned (ui/rotate.c, kiosk.ini [kiosk]
 * rotation): the picture reaches the window turned, and a touch where a
 * button shows on the turned screen lands on that button.
 *
 * The window's pixels are read from SDL's dummy driver (the software
 * renderer draws into the window's surface); the upright picture is what
 * `shot` saves. Where a point of the upright screen lands in the window is
 * worked out here from the geometry, not asked of the module. */
#include "test_support.h"
#include "ui/input.h"
#include "ui/rotate.h"

static char dir[64];

/* Where turning a w x h picture clockwise by `degrees` puts its (x, y). */
static void turned(int degrees, int w, int h, int x, int y, int *wx, int *wy)
{
    switch (degrees) {
    case 90: *wx = h - 1 - y, *wy = x; break;
    case 180: *wx = w - 1 - x, *wy = h - 1 - y; break;
    case 270: *wx = y, *wy = w - 1 - x; break;
    default: *wx = x, *wy = y; break;
    }
}

static Uint32 pixel_at(const SDL_Surface *s, int x, int y)
{
    const Uint8 *row = (const Uint8 *)s->pixels + y * s->pitch;
    Uint32 p;
    memcpy(&p, row + x * s->format->BytesPerPixel, sizeof p);
    Uint8 r, g, b;
    SDL_GetRGB(p, s->format, &r, &g, &b);
    return (Uint32)r << 16 | (Uint32)g << 8 | b;
}

typedef struct {
    Survey *survey;
    Ui *ui;
    Flow *flow;
} Kiosk;

/* The welcome screen of config/forum on a 640x400 window turned `degrees`. */
static int kiosk_open(Kiosk *k, int degrees)
{
    static const char *dirs[] = {"assets/symbols", NULL};
    KioskSettings settings;
    char err[256];
    kiosk_settings_defaults(&settings);
    k->survey = support_load_survey("config/forum", dirs);
    UiOptions o = {.width = 640, .height = 400, .headless = true, .windowed = true, .symbol_dirs = dirs,
                   .rotation = degrees};
    k->ui = k->survey ? ui_open(&o, err, sizeof err) : NULL;
    k->flow = k->ui ? flow_new(k->survey, &settings, NULL, 0) : NULL;
    if (!k->flow)
        return -1;
    ui_build(k->ui, k->flow);
    ui_draw(k->ui);
    return 0;
}

static void kiosk_close(Kiosk *k)
{
    flow_free(k->flow);
    ui_close(k->ui);
    survey_free(k->survey);
}

/* Every pixel of the upright picture is in the window where turning puts it. */
static int mismatches(Kiosk *k, int degrees)
{
    char name[32];
    snprintf(name, sizeof name, "upright-%d.png", degrees);
    char path[128], err[256];
    support_path_in(dir, name, path, sizeof path);
    if (ui_save_png(k->ui, path, err, sizeof err) != 0)
        return -1;
    SDL_Surface *upright = support_load_png(dir, name);
    SDL_Surface *window = SDL_GetWindowSurface(SDL_GetWindowFromID(ui_window_id(k->ui)));
    if (!upright || !window)
        return -1;
    int bad = 0, wx, wy;
    for (int y = 0; y < upright->h; y++)
        for (int x = 0; x < upright->w; x++) {
            turned(degrees, upright->w, upright->h, x, y, &wx, &wy);
            bad += pixel_at(upright, x, y) != pixel_at(window, wx, wy);
        }
    SDL_FreeSurface(upright);
    return bad;
}

/* A finger down and up where the turned screen shows `id`'s centre, as the
 * touchscreen reports it (normalised window coordinates); the action of
 * the finger going up. */
static UiAction touch_element(Kiosk *k, int degrees, const char *id)
{
    const UiElement *el = ui_elements_find(ui_elements(k->ui), id);
    int w, h, wx, wy;
    ui_size(k->ui, &w, &h);
    turned(degrees, w, h, el->rect.x + el->rect.w / 2, el->rect.y + el->rect.h / 2, &wx, &wy);
    bool sideways = degrees == 90 || degrees == 270;
    SDL_Event e = {.type = SDL_FINGERDOWN};
    e.tfinger.x = (wx + 0.5f) / (float)(sideways ? h : w);
    e.tfinger.y = (wy + 0.5f) / (float)(sideways ? w : h);
    SDL_PushEvent(&e);
    e.type = SDL_FINGERUP;
    SDL_PushEvent(&e);
    UiPointer pointer = {0};
    UiAction a = {UI_ACTION_NONE};
    while (SDL_PollEvent(&e))  /* through SDL's queue, as a real touch comes */
        if (e.type == SDL_FINGERDOWN || e.type == SDL_FINGERUP)
            a = ui_input_event(k->ui, &pointer, &e);
    return a;
}

static void test_turned_screens(void)
{
    static const int rotations[] = {0, 90, 180, 270};
    for (size_t i = 0; i < sizeof rotations / sizeof rotations[0]; i++) {
        int degrees = rotations[i], w, h;
        Kiosk k = {0};
        CHECK(kiosk_open(&k, degrees) == 0);
        ui_size(k.ui, &w, &h);
        bool sideways = degrees == 90 || degrees == 270;
        CHECK_INT(w, sideways ? 400 : 640);
        CHECK_INT(h, sideways ? 640 : 400);
        UiAction a = touch_element(&k, degrees, "start");  /* between frames, as touches come */
        int bad = mismatches(&k, degrees);
        kiosk_close(&k);
        printf("    %d degrees: upright %dx%d, %d pixels out of place\n", degrees, w, h, bad);
        CHECK_INT(bad, 0);
        CHECK_INT(a.kind, UI_ACTION_TAP);
        CHECK_STR(a.id, "start");
    }
}

/* kiosk.ini's rotation reaches the kiosk: a 1920x1080 screen turned 90
 * degrees is laid out as portrait, scripts tap it, shots are upright. */
static void test_kiosk_ini_rotation(void)
{
    CHECK(support_write_file(dir, "turned.ini", "[kiosk]\nrotation = 90\n") == 0);
    CHECK(support_write_file(dir, "turned.script",
                             "expect welcome\nshot welcome.png\ntap start\nexpect language\n") == 0);
    char args[512];
    snprintf(args, sizeof args,
             "--headless --size 1920x1080 --kiosk %s/turned.ini --db %s/turned.db --script %s/turned.script "
             "--shots %s",
             dir, dir, dir, dir);
    CHECK_INT(support_run(dir, NULL, args), 0);
    SDL_Surface *shot = support_load_png(dir, "welcome.png");
    CHECK(shot);
    int w = shot->w, h = shot->h;
    SDL_FreeSurface(shot);
    CHECK_INT(w, 1080);
    CHECK_INT(h, 1920);
    CHECK(support_write_file(dir, "bad.ini", "[kiosk]\nrotation = 45\n") == 0);
    snprintf(args, sizeof args, "check --kiosk %s/bad.ini", dir);
    CHECK(support_run(dir, NULL, args) != 0);
    CHECK(support_output_has(dir, "bad.ini:2: rotation must be one of 0|90|180|270, not \"45\""));
}

int main(void)
{
    if (support_temp_dir(dir, sizeof dir, "rotate") != 0)
        return 1;
    RUN(test_turned_screens);
    RUN(test_kiosk_ini_rotation);
    return support_finish(dir);
}
