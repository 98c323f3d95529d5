/* damage.c: what changed on screen since the last frame; see damage.h.
 *
 * O(n) in the elements per frame: one CRC-32 of each element's drawn
 * fields, compared with the last frame's at the same index. */
#include "ui/damage.h"

#include <stdlib.h>
#include <string.h>

/* Above this share of the screen a whole redraw costs no more. */
#define DAMAGE_WHOLE_PERCENT 60

/* CRC-32 of what draw_element reads of `el` (not what is only said). */
static Uint32 damage_look(const UiElement *el)
{
    const int numbers[] = {el->kind, (int)el->flags, el->tint, el->text_max_px, el->text_min_px};
    Uint32 crc = SDL_crc32(0, numbers, sizeof numbers);
    crc = SDL_crc32(crc, el->text, strlen(el->text) + 1);
    return SDL_crc32(crc, el->symbol, strlen(el->symbol) + 1);
}

static bool damage_rect_equal(UiRect a, UiRect b)
{
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

/* Adds `r` grown by `margin` to *region (w == 0: empty). */
static void damage_add(SDL_Rect *region, UiRect r, int margin)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    SDL_Rect grown = {r.x - margin, r.y - margin, r.w + 2 * margin, r.h + 2 * margin};
    if (region->w == 0)
        *region = grown;
    else
        SDL_UnionRect(region, &grown, region);
}

/* Remembers the frame's elements; false when out of memory. */
static bool damage_keep(UiDamage *d, const UiElements *els)
{
    if (els->n > d->cap) {
        UiMark *grown = realloc(d->marks, (size_t)els->n * sizeof *grown);
        if (!grown)
            return false;
        d->marks = grown;
        d->cap = els->n;
    }
    for (int i = 0; i < els->n; i++)
        d->marks[i] = (UiMark){els->items[i].rect, damage_look(&els->items[i])};
    d->n = els->n;
    return true;
}

bool ui_damage_next(UiDamage *d, const UiElements *els, Uint32 scene,
                    const UiRect moving[UI_DAMAGE_MOVING], int margin, int w, int h,
                    SDL_Rect *region)
{
    bool partial = d->valid && d->scene == scene && d->n == els->n &&
                   (moving[0].w > 0) == (d->moving[0].w > 0); /* a drag began or ended */
    *region = (SDL_Rect){0, 0, 0, 0};
    for (int i = 0; partial && i < els->n; i++) {
        const UiElement *el = &els->items[i];
        if (damage_rect_equal(d->marks[i].rect, el->rect) && d->marks[i].look == damage_look(el))
            continue;
        damage_add(region, d->marks[i].rect, margin);
        damage_add(region, el->rect, margin);
    }
    for (int i = 0; partial && i < UI_DAMAGE_MOVING; i++)
        if (!damage_rect_equal(moving[i], d->moving[i])) {
            damage_add(region, d->moving[i], margin);
            damage_add(region, moving[i], margin);
        }
    SDL_Rect screen = {0, 0, w, h};
    if (partial && region->w > 0 && !SDL_IntersectRect(region, &screen, region))
        *region = (SDL_Rect){0, 0, 0, 0};
    if ((long long)region->w * region->h * 100 > (long long)w * h * DAMAGE_WHOLE_PERCENT)
        partial = false;
    d->scene = scene;
    memcpy(d->moving, moving, sizeof d->moving);
    d->valid = damage_keep(d, els);
    return partial;
}

void ui_damage_forget(UiDamage *d)
{
    d->valid = false;
}

void ui_damage_free(UiDamage *d)
{
    free(d->marks);
    *d = (UiDamage){0};
}
