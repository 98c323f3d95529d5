/* damage.h: what changed on screen since the last frame.
 *
 * The kiosk is mostly still: a "You said, we did" card changes every 12 s,
 * a dragged topic moves over the mat, the focus ring steps from one
 * control to the next. Redrawing the whole 1920x1080 screen in software
 * for that was most of the kiosk's idle CPU and most of a drag frame. So
 * each frame remembers every element (where it is, and a CRC-32 of what
 * it shows), where the dragged element and the focus ring were, and the
 * rest of the scene (theme, sizes, language, what is being dragged), and
 * the next frame redraws only the union
 * of what differs (as rxi/lite's rencache does), or the whole screen when
 * the scene changed or most of it differs. Pixels outside the region are
 * left as they are, which is what a whole redraw would draw there. */
#ifndef SAYSO_UI_DAMAGE_H
#define SAYSO_UI_DAMAGE_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/elements.h"

typedef struct {
    UiRect rect;
    Uint32 look; /* CRC-32 of what the element shows */
} UiMark;

/* What moves over the elements: the dragged element, the focus ring. */
enum { UI_DAMAGE_MOVING = 2 };

typedef struct {
    UiMark *marks; /* the last frame's elements */
    int n, cap;
    Uint32 scene;  /* CRC-32 of the rest of the last frame */
    UiRect moving[UI_DAMAGE_MOVING]; /* where the dragged element and the ring were; w == 0: none */
    bool valid;    /* false: the next frame is drawn whole */
} UiDamage;

/* Compares the frame about to be drawn (`els`, `scene`, the dragged
 * element and the focus ring at `moving`) with the last one and remembers
 * it. True with the region to redraw in *region (empty when nothing
 * changed); false when the whole screen (w x h) must be redrawn: the
 * scene changed, a drag began or ended, or most of the screen differs.
 * Every element's region grows by `margin` (what is drawn beyond its
 * rect: a chosen tile's tick). */
bool ui_damage_next(UiDamage *d, const UiElements *els, Uint32 scene,
                    const UiRect moving[UI_DAMAGE_MOVING], int margin, int w, int h,
                    SDL_Rect *region);

/* The next frame is drawn whole (after a resize, or when the window's
 * pixels may be lost). */
void ui_damage_forget(UiDamage *d);

void ui_damage_free(UiDamage *d);

#endif
