/* rotate.c: drawing upright onto a screen mounted turned; see rotate.h.
 *
 * Turning a picture w x h by 90 degrees clockwise puts its point (x, y) at
 * (W-1-y, x) of the W x H window (W = h, H = w); 180 puts it at
 * (W-1-x, H-1-y); 270 at (y, H-1-x). SDL_RenderCopyEx turns the canvas
 * about the centre of a w x h rectangle centred on the window, which lands
 * it exactly on the window for all four.
 *
 * The canvas is the render target only while a frame is drawn or read:
 * between frames the target is the window, because SDL normalises each
 * touch it delivers by the current target's size, and touches must arrive
 * in the window's terms. */
#include "ui/rotate.h"

#include <stdio.h>

bool ui_rotation_valid(int degrees)
{
    return degrees == 0 || degrees == 90 || degrees == 180 || degrees == 270;
}

static bool turned_sideways(const UiRotation *r)
{
    return r->degrees == 90 || r->degrees == 270;
}

int ui_rotation_fit(UiRotation *r, SDL_Renderer *renderer, int *w, int *h, char *err, size_t err_size)
{
    SDL_SetRenderTarget(renderer, NULL);
    SDL_GetRendererOutputSize(renderer, &r->window_w, &r->window_h);
    *w = turned_sideways(r) ? r->window_h : r->window_w;
    *h = turned_sideways(r) ? r->window_w : r->window_h;
    ui_rotation_close(r);
    if (r->degrees == 0)
        return 0;
    r->canvas = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, *w, *h);
    if (!r->canvas || SDL_SetRenderTarget(renderer, r->canvas) != 0) {
        snprintf(err, err_size, "cannot turn the screen by %d degrees: %s", r->degrees, SDL_GetError());
        return -1;
    }
    SDL_SetRenderTarget(renderer, NULL);
    return 0;
}

void ui_rotation_begin(UiRotation *r, SDL_Renderer *renderer)
{
    if (r->canvas)
        SDL_SetRenderTarget(renderer, r->canvas);
}

void ui_rotation_end(UiRotation *r, SDL_Renderer *renderer)
{
    if (r->canvas)
        SDL_SetRenderTarget(renderer, NULL);
}

void ui_rotation_close(UiRotation *r)
{
    if (r->canvas)
        SDL_DestroyTexture(r->canvas);
    r->canvas = NULL;
}

void ui_rotation_present(UiRotation *r, SDL_Renderer *renderer)
{
    if (!r->canvas) {
        SDL_RenderPresent(renderer);
        return;
    }
    int w, h;
    SDL_QueryTexture(r->canvas, NULL, NULL, &w, &h);
    SDL_Rect at = {(r->window_w - w) / 2, (r->window_h - h) / 2, w, h};
    SDL_SetRenderTarget(renderer, NULL);
    SDL_RenderCopyEx(renderer, r->canvas, NULL, &at, r->degrees, NULL, SDL_FLIP_NONE);
    SDL_RenderPresent(renderer);
}

void ui_rotation_from_window(const UiRotation *r, int wx, int wy, int *x, int *y)
{
    int W = r->window_w, H = r->window_h;
    switch (r->degrees) {
    case 90: *x = wy, *y = W - 1 - wx; break;
    case 180: *x = W - 1 - wx, *y = H - 1 - wy; break;
    case 270: *x = H - 1 - wy, *y = wx; break;
    default: *x = wx, *y = wy; break;
    }
}

void ui_rotation_to_window(const UiRotation *r, int x, int y, int *wx, int *wy)
{
    int W = r->window_w, H = r->window_h;
    switch (r->degrees) {
    case 90: *wx = W - 1 - y, *wy = x; break;
    case 180: *wx = W - 1 - x, *wy = H - 1 - y; break;
    case 270: *wx = y, *wy = H - 1 - x; break;
    default: *wx = x, *wy = y; break;
    }
}
