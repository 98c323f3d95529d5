/* input.h: touches, mouse and keys turned into taps and drops on elements.
 *
 * A touch that goes down and up on the same element is a tap; a touch on a
 * draggable element that moves more than a quarter of a target is a drag,
 * and its release over a drop target is a drop. Touch and mouse behave the
 * same (mouse events that SDL makes up from touches are ignored, so nothing
 * counts twice). Headless scripts inject the same SDL events, so they
 * exercise this code too. */
#ifndef SAYSO_UI_INPUT_H
#define SAYSO_UI_INPUT_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/ui.h"

typedef enum {
    UI_ACTION_NONE,
    UI_ACTION_TOUCH,  /* a touch that hit nothing (still counts as someone there) */
    UI_ACTION_TAP,    /* id */
    UI_ACTION_DROP,   /* id dropped on target */
    UI_ACTION_REDRAW, /* a drag moved, or the window needs drawing again */
    UI_ACTION_RESIZE, /* the window changed size: lay out again */
    UI_ACTION_KEY,    /* a key nobody handles yet (still counts as someone there) */
    UI_ACTION_CLOSE,  /* the window manager asks to close the window (Alt+F4, the close button) */
    UI_ACTION_QUIT,   /* the system asks the program to end (SIGINT, SIGTERM) */
} UiActionKind;

typedef struct {
    UiActionKind kind;
    char id[UI_ID_SIZE];
    char target[UI_ID_SIZE];
    bool shift;  /* UI_ACTION_KEY: Shift was held */
} UiAction;

typedef struct {
    bool down;
    bool dragging;
    char pressed[UI_ID_SIZE];
    int down_x, down_y;
} UiPointer;

typedef enum { UI_POINTER_NONE, UI_POINTER_DOWN, UI_POINTER_MOVE, UI_POINTER_UP } UiPointerPhase;

/* Reads a touch, or a left-button mouse event, as a pointer going down,
 * moving or going up at (*x, *y) in the screen's upright pixels. Other events, and mouse
 * events SDL made up from touches, are UI_POINTER_NONE (x, y untouched). */
UiPointerPhase ui_input_pointer(const Ui *ui, const SDL_Event *event, int *x, int *y);

/* Turns one SDL event into an action, using the elements laid out last. */
UiAction ui_input_event(Ui *ui, UiPointer *pointer, const SDL_Event *event);

/* Pushes the touch events of a tap at (x, y), or a drag from one point to
 * another, onto SDL's event queue (for headless scripts). */
void ui_input_push_tap(Ui *ui, int x, int y);
void ui_input_push_drag(Ui *ui, int from_x, int from_y, int to_x, int to_y);
/* Pushes a key press by SDL key name, with modifiers as kiosk.ini writes a
 * chord (staff/pin_keys.h): "Return", "Tab", "Shift+Tab", "Ctrl+Alt+S",
 * "Alt+F4"; -1 for an unknown name. */
int ui_input_push_key(const char *name);
/* Pushes one finger going down (or up) at (x, y). */
void ui_input_push_press(Ui *ui, int x, int y, bool down);
/* Pushes the finger that is down moving to (x, y). */
void ui_input_push_move(Ui *ui, int x, int y);
/* Pushes what a window manager sends when someone closes the window. */
void ui_input_push_close(Ui *ui);

#endif
