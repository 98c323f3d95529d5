/* input.c: touches, mouse and keys into taps and drops; see input.h. */
#include "ui/input.h"

#include "staff/pin_keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static UiAction action(UiActionKind kind, const char *id, const char *target)
{
    UiAction a = {kind, "", "", false};
    snprintf(a.id, sizeof a.id, "%s", id ? id : "");
    snprintf(a.target, sizeof a.target, "%s", target ? target : "");
    return a;
}

static UiAction pointer_down(Ui *ui, UiPointer *p, int x, int y)
{
    const UiElement *el = ui_elements_hit(ui_elements(ui), x, y, 0);
    p->down = true;
    p->dragging = false;
    p->down_x = x;
    p->down_y = y;
    snprintf(p->pressed, sizeof p->pressed, "%s", el ? el->id : "");
    return action(UI_ACTION_TOUCH, NULL, NULL);
}

static UiAction pointer_move(Ui *ui, UiPointer *p, int x, int y)
{
    if (!p->down || !p->pressed[0])
        return action(UI_ACTION_NONE, NULL, NULL);
    const UiElement *el = ui_elements_find(ui_elements(ui), p->pressed);
    if (!el || !(el->flags & UI_DRAGGABLE))
        return action(UI_ACTION_NONE, NULL, NULL);
    int slop = ui_min_target(ui) / 4;
    if (!p->dragging && abs(x - p->down_x) < slop && abs(y - p->down_y) < slop)
        return action(UI_ACTION_NONE, NULL, NULL);
    p->dragging = true;
    ui_set_drag(ui, p->pressed, x, y);
    return action(UI_ACTION_REDRAW, NULL, NULL);
}

static UiAction pointer_up(Ui *ui, UiPointer *p, int x, int y)
{
    if (!p->down)
        return action(UI_ACTION_NONE, NULL, NULL);
    p->down = false;
    if (p->dragging) {
        p->dragging = false;
        ui_set_drag(ui, NULL, 0, 0);
        const UiElement *target = ui_elements_hit(ui_elements(ui), x, y, UI_DROP);
        if (target)
            return action(UI_ACTION_DROP, p->pressed, target->id);
        return action(UI_ACTION_REDRAW, NULL, NULL);
    }
    const UiElement *el = ui_elements_hit(ui_elements(ui), x, y, 0);
    if (el && strcmp(el->id, p->pressed) == 0)
        return action(UI_ACTION_TAP, el->id, NULL);
    return action(UI_ACTION_NONE, NULL, NULL);
}

static UiAction window_event(const SDL_WindowEvent *w)
{
    switch (w->event) {
    case SDL_WINDOWEVENT_SIZE_CHANGED: return action(UI_ACTION_RESIZE, NULL, NULL);
    case SDL_WINDOWEVENT_EXPOSED:
    case SDL_WINDOWEVENT_SHOWN:
    case SDL_WINDOWEVENT_RESTORED: return action(UI_ACTION_REDRAW, NULL, NULL);
    case SDL_WINDOWEVENT_CLOSE: return action(UI_ACTION_CLOSE, NULL, NULL);
    default: return action(UI_ACTION_NONE, NULL, NULL);
    }
}

UiPointerPhase ui_input_pointer(const Ui *ui, const SDL_Event *e, int *x, int *y)
{
    int w, h;
    switch (e->type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        ui_window_size(ui, &w, &h);
        ui_from_window(ui, (int)(e->tfinger.x * w), (int)(e->tfinger.y * h), x, y);
        return e->type == SDL_FINGERDOWN ? UI_POINTER_DOWN : e->type == SDL_FINGERUP ? UI_POINTER_UP : UI_POINTER_MOVE;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            return UI_POINTER_NONE;
        ui_from_window(ui, e->button.x, e->button.y, x, y);
        return e->type == SDL_MOUSEBUTTONDOWN ? UI_POINTER_DOWN : UI_POINTER_UP;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID)
            return UI_POINTER_NONE;
        ui_from_window(ui, e->motion.x, e->motion.y, x, y);
        return UI_POINTER_MOVE;
    default: return UI_POINTER_NONE;
    }
}

UiAction ui_input_event(Ui *ui, UiPointer *p, const SDL_Event *e)
{
    int x, y;
    switch (ui_input_pointer(ui, e, &x, &y)) {
    case UI_POINTER_DOWN: return pointer_down(ui, p, x, y);
    case UI_POINTER_MOVE: return pointer_move(ui, p, x, y);
    case UI_POINTER_UP: return pointer_up(ui, p, x, y);
    case UI_POINTER_NONE: break;
    }
    switch (e->type) {
    case SDL_KEYDOWN: {
        UiAction a = action(UI_ACTION_KEY, SDL_GetKeyName(e->key.keysym.sym), NULL);
        a.shift = (e->key.keysym.mod & KMOD_SHIFT) != 0;
        return a;
    }
    case SDL_WINDOWEVENT: return window_event(&e->window);
    case SDL_QUIT: return action(UI_ACTION_QUIT, NULL, NULL);
    default: break;
    }
    return action(UI_ACTION_NONE, NULL, NULL);
}

/* A touch at (x, y) of the upright screen, arriving as the touchscreen
 * sends it: in the window's pixels, turned on a screen mounted turned. */
static void push_finger(Ui *ui, Uint32 type, int x, int y)
{
    int w, h, wx, wy;
    ui_window_size(ui, &w, &h);
    ui_to_window(ui, x, y, &wx, &wy);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.timestamp = SDL_GetTicks();
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = 1;
    e.tfinger.x = (wx + 0.5f) / (float)w;
    e.tfinger.y = (wy + 0.5f) / (float)h;
    e.tfinger.pressure = 1.0f;
    SDL_PushEvent(&e);
}

void ui_input_push_tap(Ui *ui, int x, int y)
{
    push_finger(ui, SDL_FINGERDOWN, x, y);
    push_finger(ui, SDL_FINGERUP, x, y);
}

void ui_input_push_press(Ui *ui, int x, int y, bool down)
{
    push_finger(ui, down ? SDL_FINGERDOWN : SDL_FINGERUP, x, y);
}

void ui_input_push_move(Ui *ui, int x, int y)
{
    push_finger(ui, SDL_FINGERMOTION, x, y);
}

void ui_input_push_drag(Ui *ui, int from_x, int from_y, int to_x, int to_y)
{
    enum { STEPS = 8 };
    push_finger(ui, SDL_FINGERDOWN, from_x, from_y);
    for (int i = 1; i <= STEPS; i++)
        push_finger(ui, SDL_FINGERMOTION, from_x + (to_x - from_x) * i / STEPS,
                    from_y + (to_y - from_y) * i / STEPS);
    push_finger(ui, SDL_FINGERUP, to_x, to_y);
}

int ui_input_push_key(const char *name)
{
    PinKeys chord;
    if (pin_keys_parse(name, &chord) != 0)
        return -1;
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = chord.key;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(chord.key);
    e.key.keysym.mod = pin_keys_sdl_mod(&chord);
    e.key.state = SDL_PRESSED;
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    return 0;
}

void ui_input_push_close(Ui *ui)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_WINDOWEVENT;
    e.window.event = SDL_WINDOWEVENT_CLOSE;
    e.window.windowID = ui_window_id(ui);
    SDL_PushEvent(&e);
}
