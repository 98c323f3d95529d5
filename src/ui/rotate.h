/* rotate.h: a screen mounted turned, such as a landscape touchscreen stood
 * on its side for portrait (kiosk.ini [kiosk] rotation).
 *
 * The kiosk lays out and draws upright, at the screen's upright size, into
 * a canvas texture; showing a frame copies the canvas onto the window
 * turned by the rotation, and touches arriving in the window's pixels are
 * turned back. This is done here rather than in the compositor: cage 0.1.4
 * can turn its output (-r) but not the touchscreen's input (cage issue
 * 243), and later cage versions dropped -r. With no rotation there is no
 * canvas and drawing goes straight to the window. */
#ifndef SAYSO_UI_ROTATE_H
#define SAYSO_UI_ROTATE_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int degrees;            /* clockwise: 0, 90, 180 or 270 */
    int window_w, window_h; /* the window, in its own pixels */
    SDL_Texture *canvas;    /* upright; NULL when degrees is 0 */
} UiRotation;

/* True for the rotations a screen can have: 0, 90, 180 and 270. */
bool ui_rotation_valid(int degrees);

/* Sizes the rotation for the renderer's window as it is now (at the start
 * and after the window changed size): (re)makes the canvas. Gives the
 * upright size in *w, *h. 0, or -1 with SDL's reason in `err`. */
int ui_rotation_fit(UiRotation *rotation, SDL_Renderer *renderer, int *w, int *h, char *err,
                    size_t err_size);
void ui_rotation_close(UiRotation *rotation);

/* Drawing (or reading pixels) goes to the upright canvas from _begin to
 * _end; between frames the window is the target. No-ops without rotation. */
void ui_rotation_begin(UiRotation *rotation, SDL_Renderer *renderer);
void ui_rotation_end(UiRotation *rotation, SDL_Renderer *renderer);

/* Ends a frame begun with ui_rotation_begin: the canvas turned onto the
 * window, then present. */
void ui_rotation_present(UiRotation *rotation, SDL_Renderer *renderer);

/* A point in the window's pixels turned into upright pixels, and back. */
void ui_rotation_from_window(const UiRotation *rotation, int wx, int wy, int *x, int *y);
void ui_rotation_to_window(const UiRotation *rotation, int x, int y, int *wx, int *wy);

#endif
