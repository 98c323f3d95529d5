/* ui.c: the window, the renderer and the screen's elements; see ui.h.
 *
 * The software renderer is the default (SDL_FRAMEBUFFER_ACCELERATION=0):
 * it starts in tens of milliseconds and uses little memory, and the kiosk
 * draws only when something changed. The window is a borderless one of the
 * display's size (faster to open than a full-screen mode under a bare X
 * server), or a plain window with --windowed. */
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/damage.h"
#include "ui/draw.h"
#include "ui/image_lib.h"
#include "ui/rotate.h"
#include "ui/text_fonts.h"
#include "ui/screens/screen.h"
#include "ui/screens/yousaid_card.h"
#include "staff/staff.h"

struct Ui {
    SDL_Window *window;
    SDL_Renderer *renderer;
    UiRotation rotation;     /* a screen mounted turned: drawn upright, shown turned */
    TextRenderer *text;
    SymbolCache *symbols;
    RasterCache *disk;       /* rasterised pictures between runs; NULL: none */
    ImageLib images;         /* SDL_image, opened for the first screenshot */
    int width, height, unit;
    UiElements els;
    char prompt[1024];
    char prompt_audio[UI_PATH_SIZE];
    char notice[UI_TEXT_SIZE];
    char value_spoken[UI_TEXT_SIZE];
    const char *const *symbol_dirs;
    char tick_symbol[UI_PATH_SIZE];
    const Lexicon *lexicon;  /* borrowed; NULL: no symbol-supported text */
    const UiWords *words;    /* borrowed; NULL: English only */
    const struct KeyboardSet *keyboards; /* borrowed; NULL: Latin only */
    bool high_contrast;      /* the theme drawn with */
    int text_step;           /* 1 to 3: the size of the writing */
    int volume_step;         /* 1 to 3: the sound (quiet, normal, loud), shown on the volume button */
    char language[16];       /* of the screen laid out last */
    char text_language[16];  /* the fonts are chosen for */
    const UiRecording *recording;
    const struct KeyboardState *keyboard;
    const struct Staff *staff;
    char focus_id[UI_ID_SIZE];
    UiRect focus_ring;       /* w == 0: around focus_id's element */
    bool rtl;
    char drag_id[UI_ID_SIZE];
    int drag_x, drag_y;
    int page, pages;         /* the part of a full screen showing, and how many it has */
    int notice_page;         /* the part showing the notice's question; -1: none */
    bool video_started;
    bool shown;              /* the first frame is up */
    UiDamage damage;         /* what the last frame showed, to redraw only what changed */
    YouSaidCache *yousaid;   /* the "You said, we did" card's sizes, found once */
    int redrawn_percent;     /* the share of the screen the last frame drew again */
};

/* Each step of the writing size is a quarter larger than the one before. */
static UiMetrics metrics_of(const Ui *ui)
{
    UiMetrics m = {ui->unit, 100 + (ui->text_step - 1) * 25, ui->rtl};
    return m;
}

static float display_dpi(void)
{
    float ddpi = 0.0f;
    if (SDL_GetDisplayDPI(0, &ddpi, NULL, NULL) != 0 || ddpi < 50.0f || ddpi > 600.0f)
        return 96.0f;
    return ddpi;
}

static int open_window(Ui *ui, const UiOptions *o, char *err, size_t err_size)
{
    SDL_DisplayMode mode = {0};
    int w = o->width, h = o->height;
    if ((w <= 0 || h <= 0) && SDL_GetDesktopDisplayMode(0, &mode) == 0) {
        w = mode.w;
        h = mode.h;
    }
    if (w <= 0 || h <= 0) {
        w = 1280;
        h = 800;
    }
    Uint32 flags = o->windowed || o->headless ? 0 : SDL_WINDOW_BORDERLESS;
    if (o->headless)
        flags |= SDL_WINDOW_HIDDEN;
    ui->window = SDL_CreateWindow("sayso", o->windowed ? SDL_WINDOWPOS_CENTERED : 0,
                                  o->windowed ? SDL_WINDOWPOS_CENTERED : 0, w, h, flags);
    if (!ui->window) {
        snprintf(err, err_size, "cannot open a window: %s", SDL_GetError());
        return -1;
    }
    ui->renderer = SDL_CreateRenderer(ui->window, -1, SDL_RENDERER_SOFTWARE);
    if (!ui->renderer) {
        snprintf(err, err_size, "cannot draw on the window: %s", SDL_GetError());
        return -1;
    }
    ui->rotation.degrees = o->rotation;
    if (ui_rotation_fit(&ui->rotation, ui->renderer, &ui->width, &ui->height, err, err_size) != 0)
        return -1;
    ui->unit = layout_min_target(display_dpi());
    if (!o->windowed && !o->headless) {  /* a kiosk: no pointer, and the screen never blanks */
        SDL_ShowCursor(SDL_DISABLE);
        SDL_DisableScreenSaver();
        SDL_SetWindowKeyboardGrab(ui->window, SDL_TRUE);
    }
    return 0;
}

Ui *ui_open(const UiOptions *o, char *err, size_t err_size)
{
    Ui *ui = calloc(1, sizeof *ui);
    if (!ui) {
        font_search_finish(o->font_search);
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    /* A locked kiosk: closing the window (Alt+F4, a window manager's close
     * button) is only an event the app may ignore, never a quit; SDL_QUIT
     * then comes only from SIGINT/SIGTERM, the system's own way to stop. */
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (!o->windowed && !o->headless)
        SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");  /* Alt+Tab and the like reach the kiosk, not the desktop */
    FontSearch *fonts = o->font_search; /* fontconfig works while the display opens */
    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        font_search_finish(fonts);
        snprintf(err, err_size, "cannot open the display: %s", SDL_GetError());
        goto fail;
    }
    ui->video_started = true;
    if (open_window(ui, o, err, err_size) != 0) {
        font_search_finish(fonts);
        goto fail;
    }
    ui->text = text_open(ui->renderer, fonts, err, err_size);
    ui->disk = raster_cache_open(o->cache_dir);
    ui->symbols = symbol_cache_new(ui->renderer, ui->disk);
    ui->yousaid = yousaid_cache_new();
    if (!ui->text || !ui->symbols || !ui->yousaid)
        goto fail;
    ui->lexicon = o->lexicon;
    ui->words = o->words;
    ui->keyboards = o->keyboards;
    ui->text_step = 1;
    ui->volume_step = 2;
    ui->symbol_dirs = o->symbol_dirs;
    if (!survey_find_image(NULL, ui->symbol_dirs, "tick.svg", ui->tick_symbol, sizeof ui->tick_symbol))
        fprintf(stderr, "sayso: the symbol tick.svg is missing; chosen answers show only their frame\n");
    return ui;
fail:
    ui_close(ui);
    return NULL;
}

void ui_close(Ui *ui)
{
    if (!ui)
        return;
    ui_elements_free(&ui->els);
    ui_damage_free(&ui->damage);
    yousaid_cache_free(ui->yousaid);
    if (ui->text)
        text_close(ui->text);
    if (ui->symbols)
        symbol_cache_free(ui->symbols);
    raster_cache_close(ui->disk);
    image_lib_close(&ui->images);
    ui_rotation_close(&ui->rotation);
    if (ui->renderer)
        SDL_DestroyRenderer(ui->renderer);
    if (ui->window)
        SDL_DestroyWindow(ui->window);
    if (ui->video_started)
        SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
    free(ui);
}

/* Right-to-left languages read the whole screen from the right: next on
 * the left, the question's symbol on the right. */
static void mirror(UiElements *els, int width)
{
    for (int i = 0; i < els->n; i++)
        els->items[i].rect.x = width - els->items[i].rect.x - els->items[i].rect.w;
}

static bool language_is_rtl(const char *code)
{
    static const char *const rtl[] = {"ar", "ur", "fa", "he", "ps", "sd", "ug", "yi", "ckb"};
    for (size_t i = 0; i < sizeof rtl / sizeof rtl[0]; i++)
        if (strcmp(code, rtl[i]) == 0)
            return true;
    return false;
}

static void set_language(Ui *ui, const char *code)
{
    bool rtl = language_is_rtl(code);
    if (strcmp(ui->text_language, code) != 0) {
        text_set_language(ui->text, code);
        snprintf(ui->text_language, sizeof ui->text_language, "%s", code);
    }
    ui->rtl = rtl;
}

unsigned ui_window_id(const Ui *ui)
{
    return SDL_GetWindowID(ui->window);
}

void ui_set_staff(Ui *ui, const struct Staff *staff)
{
    ui->staff = staff;
}

static void build_staff(const Ui *ui, UiBuild *b)
{
    static void (*const screens[])(UiBuild *) = {
        [STAFF_PIN] = screen_staff_pin, [STAFF_MENU] = screen_staff_menu,
        [STAFF_GROUP_LABEL] = screen_staff_group_label, [STAFF_GROUP_VIEW] = screen_group_view,
        [STAFF_EXIT_CONFIRM] = screen_staff_exit_confirm,
    };
    screens[ui->staff->screen](b);
}

/* While the staff side is open its screens show instead of the flow's, in
 * the survey's default language; only they get b.staff. */
void ui_build(Ui *ui, const Flow *flow)
{
    static void (*const screens[])(UiBuild *) = {
        [FLOW_WELCOME] = screen_welcome, [FLOW_LANGUAGE] = screen_language,
        [FLOW_CONSENT] = screen_consent, [FLOW_QUESTION] = screen_question,
        [FLOW_REVIEW] = screen_review, [FLOW_THANKS] = screen_thanks,
        [FLOW_STILL_THERE] = screen_still_there, [FLOW_STOP_CONFIRM] = screen_stop_confirm,
        [FLOW_MAT_LEFT] = screen_mat_left,
    };
    bool staff = ui->staff && staff_is_open(ui->staff);
    const Survey *survey = flow_survey(flow);
    int language = staff ? survey->default_language : flow_language(flow);
    ui_elements_clear(&ui->els);
    ui->prompt[0] = '\0';
    ui->prompt_audio[0] = '\0';
    ui->notice[0] = '\0';
    ui->value_spoken[0] = '\0';
    snprintf(ui->language, sizeof ui->language, "%s", survey->languages[language].code);
    set_language(ui, ui->language);
    UiBuild b = {
        .flow = flow,
        .survey = survey,
        .language = language,
        .language_code = ui->language,
        .words = ui->words,
        .recording = ui->recording,
        .keyboard = ui->keyboard,
        .keyboards = ui->keyboards,
        .els = &ui->els,
        .text = ui->text,
        .screen = layout_rect(0, 0, ui->width, ui->height),
        .unit = ui->unit,
        .metrics = metrics_of(ui),
        .volume_step = ui->volume_step,
        .gap = ui->unit / 8 > 6 ? ui->unit / 8 : 6,
        .portrait = ui->height > ui->width,
        .symbol_dirs = ui->symbol_dirs,
        .prompt = ui->prompt,
        .prompt_size = sizeof ui->prompt,
        .prompt_audio = ui->prompt_audio,
        .notice = ui->notice,
        .value_spoken = ui->value_spoken,
        .staff = staff ? ui->staff : NULL,
        .page = ui->page,
        .pages = 1,
        .notice_page = -1,
        .yousaid_cache = ui->yousaid,
    };
    if (staff)
        build_staff(ui, &b);
    else
        screens[flow_screen(flow)](&b);
    ui->page = b.page;  /* clamped by the screen to the parts it has */
    ui->pages = b.pages;
    ui->notice_page = b.notice_page;
    if (ui->rtl)
        mirror(&ui->els, ui->width);
}

bool ui_turn_page(Ui *ui, const char *id)
{
    if (strcmp(id, "page_next") == 0 && ui->page + 1 < ui->pages)
        ui->page++;
    else if (strcmp(id, "page_back") == 0 && ui->page > 0)
        ui->page--;
    else
        return false;
    return true;
}

void ui_set_page(Ui *ui, int page) { ui->page = page < 0 ? 0 : page; }
int ui_page(const Ui *ui) { return ui->page; }
int ui_pages(const Ui *ui) { return ui->pages; }
int ui_notice_page(const Ui *ui) { return ui->notice_page; }

static UiPainter painter(Ui *ui)
{
    UiPainter p = {ui->renderer, ui->text, ui->symbols, ui_theme(ui->high_contrast), ui->unit, metrics_of(ui),
                   ui->tick_symbol,
                   {ui->text, ui->symbols, ui->lexicon, ui->language, ui->symbol_dirs}};
    return p;
}

/* The box the focus ring fills: a few pixels outside the focused element
 * (or the ring set by ui_set_focus); where it meets the screen's edge it
 * moves inside it (over the element's border), so it is never cut off.
 * w == 0: no ring. */
static UiRect focus_box(const Ui *ui)
{
    const UiElement *el = ui->focus_id[0] ? ui_elements_find(&ui->els, ui->focus_id) : NULL;
    UiRect r = el ? el->rect : ui->focus_ring;
    if (r.w <= 0)
        return layout_rect(0, 0, 0, 0);
    int out = SDL_max(ui->unit / 12, 4) + 4;
    int x0 = SDL_max(r.x - out, 0), y0 = SDL_max(r.y - out, 0);
    int x1 = SDL_min(r.x + r.w + out, ui->width), y1 = SDL_min(r.y + r.h + out, ui->height);
    return layout_rect(x0, y0, x1 - x0, y1 - y0);
}

/* The focus ring in its box: black, then the focus colour, then black
 * again, so it shows on every background. */
static void draw_focus(Ui *ui, const UiTheme *t)
{
    UiRect box = focus_box(ui);
    const SDL_Color colours[3] = {t->focus_edge, t->focus, t->focus_edge};
    const int widths[3] = {2, SDL_max(ui->unit / 12, 4), 2};
    for (int band = 0, step = 0; box.w > 0 && band < 3; band++) {
        SDL_Color c = colours[band];
        SDL_SetRenderDrawColor(ui->renderer, c.r, c.g, c.b, 255);
        for (int i = 0; i < widths[band]; i++, step++) {
            SDL_Rect ring = {box.x + step, box.y + step, box.w - 2 * step, box.h - 2 * step};
            SDL_RenderDrawRect(ui->renderer, &ring);
        }
    }
}

/* CRC-32 of what a frame shows besides its elements, the focus ring and
 * the dragged element: when it changes, the whole screen is drawn again. */
static Uint32 scene_of(const Ui *ui)
{
    const int numbers[] = {ui->high_contrast, ui->text_step, ui->unit, ui->width, ui->height, ui->rtl};
    Uint32 crc = SDL_crc32(0, numbers, sizeof numbers);
    crc = SDL_crc32(crc, ui->language, strlen(ui->language) + 1);
    return SDL_crc32(crc, ui->drag_id, strlen(ui->drag_id) + 1);
}

/* Draws every element, the focus ring and the dragged element on top,
 * within `clip` (NULL: the whole screen) after filling it with the page. */
static void draw_all(Ui *ui, const UiPainter *p, const UiElement *dragged, UiRect at,
                     const SDL_Rect *clip)
{
    SDL_Color page = p->theme->page;
    SDL_SetRenderDrawColor(ui->renderer, page.r, page.g, page.b, 255);
    SDL_RenderSetClipRect(ui->renderer, clip);
    if (clip)
        SDL_RenderFillRect(ui->renderer, clip);
    else
        SDL_RenderClear(ui->renderer);
    for (int i = 0; i < ui->els.n; i++)
        if (!dragged || strcmp(ui->els.items[i].id, dragged->id) != 0)
            draw_element(p, &ui->els.items[i], ui->els.items[i].rect);
    draw_focus(ui, p->theme);
    if (dragged) /* on top of everything, centred under the finger */
        draw_element(p, dragged, at);
    SDL_RenderSetClipRect(ui->renderer, NULL);
}

void ui_draw(Ui *ui)
{
    UiPainter p = painter(ui);
    const UiElement *dragged = NULL; /* the last element of that id */
    for (int i = 0; ui->drag_id[0] && i < ui->els.n; i++)
        if (strcmp(ui->els.items[i].id, ui->drag_id) == 0)
            dragged = &ui->els.items[i];
    UiRect at = layout_rect(0, 0, 0, 0);
    if (dragged)
        at = layout_rect(ui->drag_x - dragged->rect.w / 2, ui->drag_y - dragged->rect.h / 2,
                         dragged->rect.w, dragged->rect.h);
    SDL_Rect region;
    ui_rotation_begin(&ui->rotation, ui->renderer);
    /* a chosen tile's tick reaches a quarter of its size beyond the tile */
    UiRect moving[UI_DAMAGE_MOVING] = {at, focus_box(ui)};
    bool partial = ui_damage_next(&ui->damage, &ui->els, scene_of(ui), moving, ui->unit / 4,
                                  ui->width, ui->height, &region);
    if (!partial)
        draw_all(ui, &p, dragged, at, NULL);
    else if (region.w > 0)
        draw_all(ui, &p, dragged, at, &region);
    ui->redrawn_percent = !partial ? 100 : (int)((long long)region.w * region.h * 100 /
                                                 ((long long)ui->width * ui->height));
    ui_rotation_present(&ui->rotation, ui->renderer);
    if (!ui->shown) {
        ui->shown = true;
        text_search_other_scripts(ui->text); /* the first frame needed only Andika */
    }
}

FontSearch *ui_font_search_start(const char *cache_dir)
{
    return text_fonts_search(cache_dir);
}

void ui_font_search_finish(FontSearch *search)
{
    font_search_finish(search);
}

void ui_draw_blank(Ui *ui)
{
    ui_damage_forget(&ui->damage);
    SDL_Color page = ui_theme(ui->high_contrast)->page;
    SDL_SetRenderDrawColor(ui->renderer, page.r, page.g, page.b, 255);
    SDL_RenderClear(ui->renderer);
    SDL_RenderPresent(ui->renderer);
}

const UiElements *ui_elements(const Ui *ui) { return &ui->els; }
int ui_redrawn_percent(const Ui *ui) { return ui->redrawn_percent; }
const char *ui_prompt(const Ui *ui) { return ui->prompt; }
const char *ui_prompt_audio(const Ui *ui) { return ui->prompt_audio; }
const char *ui_notice(const Ui *ui) { return ui->notice; }
const char *ui_value_spoken(const Ui *ui) { return ui->value_spoken; }
int ui_min_target(const Ui *ui) { return ui->unit; }

void ui_size(const Ui *ui, int *width, int *height)
{
    *width = ui->width;
    *height = ui->height;
}

void ui_window_size(const Ui *ui, int *width, int *height)
{
    *width = ui->rotation.window_w;
    *height = ui->rotation.window_h;
}

void ui_from_window(const Ui *ui, int wx, int wy, int *x, int *y)
{
    ui_rotation_from_window(&ui->rotation, wx, wy, x, y);
}

void ui_to_window(const Ui *ui, int x, int y, int *wx, int *wy)
{
    ui_rotation_to_window(&ui->rotation, x, y, wx, wy);
}

void ui_resized(Ui *ui)
{
    char err[256];
    if (ui_rotation_fit(&ui->rotation, ui->renderer, &ui->width, &ui->height, err, sizeof err) != 0)
        fprintf(stderr, "sayso: %s\n", err);
    ui_damage_forget(&ui->damage);
    text_cache_clear(ui->text);
    symbol_cache_clear(ui->symbols);
}

void ui_set_seeing(Ui *ui, bool high_contrast, int text_step)
{
    ui->high_contrast = high_contrast;
    ui->text_step = text_step < 1 ? 1 : text_step > 3 ? 3 : text_step;
}

bool ui_high_contrast(const Ui *ui) { return ui->high_contrast; }
int ui_text_step(const Ui *ui) { return ui->text_step; }

void ui_set_volume_step(Ui *ui, int step)
{
    ui->volume_step = step < 1 ? 1 : step > 3 ? 3 : step;
}

int ui_volume_step(const Ui *ui) { return ui->volume_step; }

void ui_set_recording(Ui *ui, const UiRecording *recording)
{
    ui->recording = recording;
}

void ui_set_keyboard(Ui *ui, const struct KeyboardState *keyboard)
{
    ui->keyboard = keyboard;
}

void ui_set_focus(Ui *ui, const char *id, UiRect ring)
{
    snprintf(ui->focus_id, sizeof ui->focus_id, "%s", id ? id : "");
    ui->focus_ring = ring;
}

const char *ui_focus(const Ui *ui) { return ui->focus_id; }
bool ui_has_focus(const Ui *ui) { return ui->focus_id[0] || ui->focus_ring.w > 0; }
bool ui_is_rtl(const Ui *ui) { return ui->rtl; }

void ui_set_drag(Ui *ui, const char *id, int x, int y)
{
    snprintf(ui->drag_id, sizeof ui->drag_id, "%s", id ? id : "");
    ui->drag_x = x;
    ui->drag_y = y;
}

int ui_save_png(Ui *ui, const char *path, char *err, size_t err_size)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, ui->width, ui->height, 32, SDL_PIXELFORMAT_RGBA32);
    int rc = -1;
    if (!s) {
        snprintf(err, err_size, "out of memory for a screenshot");
        return -1;
    }
    ui_rotation_begin(&ui->rotation, ui->renderer);  /* the screen as people see it, upright */
    int read = SDL_RenderReadPixels(ui->renderer, NULL, SDL_PIXELFORMAT_RGBA32, s->pixels, s->pitch);
    ui_rotation_end(&ui->rotation, ui->renderer);
    if (read != 0)
        snprintf(err, err_size, "cannot read the screen: %s", SDL_GetError());
    else if (!image_lib_ready(&ui->images) || ui->images.save_png(s, path) != 0)
        snprintf(err, err_size, "cannot write %s: %s", path, SDL_GetError());
    else
        rc = 0;
    SDL_FreeSurface(s);
    return rc;
}

int ui_check_text(Ui *ui, char *first, size_t first_size)
{
    int bad = 0;
    for (int i = 0; i < ui->els.n; i++) {
        const UiElement *el = &ui->els.items[i];
        if (!el->text[0] || el->kind == UI_ROW || el->kind == UI_COLUMN)
            continue;  /* rows and columns speak their text; others write it */
        UiMetrics m = metrics_of(ui);
        TextStyle style = draw_text_style(el, &m, ui_theme(false)->text);
        UiRect box = draw_parts(el, el->rect, &m).text;
        if (box.w <= 0 || text_fit(ui->text, el->text, box.w, box.h, &style).fits)
            continue;  /* plain text fits; symbol-supported text falls back to it */
        if (bad++ == 0)
            snprintf(first, first_size, "\"%s\" in %dx%d", el->text, box.w, box.h);
    }
    return bad;
}

int ui_check_symbol_text(Ui *ui, int *symbols)
{
    UiPainter p = painter(ui);
    int fallbacks = 0;
    for (int i = 0; i < ui->els.n; i++) {
        const UiElement *el = &ui->els.items[i];
        if (!(el->flags & UI_SYMBOLS) || !p.symbol_text.lexicon)
            continue;
        UiMetrics m = metrics_of(ui);
        TextStyle style = draw_text_style(el, &m, ui_theme(false)->text);
        UiRect box = draw_parts(el, el->rect, &m).text;
        SymbolTextFit fit = symbol_text_fit(&p.symbol_text, el->text, box.w, box.h, &style);
        fallbacks += !fit.fits;
        *symbols += fit.fits ? fit.symbols : 0;
    }
    return fallbacks;
}

/* How large the element's symbol is drawn: a chip's symbol sits inside
 * its white card (draw_chip), the others fill their part. */
static int measured_symbol(const UiElement *el, const UiMetrics *m)
{
    if (!el->symbol[0])
        return 0;
    UiRect r = el->kind == UI_MINI ? el->rect : draw_parts(el, el->rect, m).symbol;
    int side = r.w < r.h ? r.w : r.h;
    bool chip = el->kind == UI_MINI || (el->kind == UI_BUTTON && side > 0);
    return chip ? side - 2 * (side / 12) : side;
}

int ui_reading_px(const Ui *ui)
{
    UiMetrics m = metrics_of(ui);
    return draw_reading_px(&m);
}

int ui_measure(Ui *ui, UiMeasure *out, int max)
{
    UiMetrics m = metrics_of(ui);
    for (int i = 0; i < ui->els.n && i < max; i++) {
        const UiElement *el = &ui->els.items[i];
        UiMeasure *o = &out[i];
        snprintf(o->key, sizeof o->key, "%s", el->id[0] ? el->id : el->text[0] ? el->text : el->symbol);
        o->kind = el->kind;
        o->pager = (el->flags & UI_PAGER) || strncmp(el->id, "page_", 5) == 0;
        o->has_text = el->text[0] && el->kind != UI_ROW && el->kind != UI_COLUMN && !(el->flags & UI_ICON_ONLY);
        o->symbol_px = measured_symbol(el, &m);
        o->text_px = 0;
        o->text_fits = true;
        UiRect box = draw_parts(el, el->rect, &m).text;
        if (o->has_text && box.w > 0 && box.h > 0) {
            TextStyle style = draw_text_style(el, &m, ui_theme(false)->text);
            TextFit fit = text_fit(ui->text, el->text, box.w, box.h, &style);
            o->text_px = fit.px;
            o->text_fits = fit.fits;
        }
    }
    return ui->els.n;
}
