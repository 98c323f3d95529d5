/* elements.c: the flat element list of a screen; see elements.h. */
#include "ui/elements.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

UiElement *ui_elements_add(UiElements *els, UiKind kind, const char *id, UiRect rect)
{
    if (els->n == els->cap) {
        int cap = els->cap ? els->cap * 2 : 64;
        UiElement *items = realloc(els->items, sizeof *items * (size_t)cap);
        if (!items)
            return NULL;
        els->items = items;
        els->cap = cap;
    }
    UiElement *el = &els->items[els->n++];
    memset(el, 0, sizeof *el);
    snprintf(el->id, sizeof el->id, "%s", id ? id : "");
    el->kind = kind;
    el->rect = rect;
    el->tint = -1;
    return el;
}

void ui_elements_clear(UiElements *els)
{
    els->n = 0;
}

void ui_elements_free(UiElements *els)
{
    free(els->items);
    els->items = NULL;
    els->n = els->cap = 0;
}

const UiElement *ui_elements_find(const UiElements *els, const char *id)
{
    for (int i = 0; i < els->n; i++)
        if (els->items[i].id[0] && strcmp(els->items[i].id, id) == 0)
            return &els->items[i];
    return NULL;
}

const UiElement *ui_elements_hit(const UiElements *els, int x, int y, unsigned flags)
{
    for (int i = els->n - 1; i >= 0; i--) {
        const UiElement *el = &els->items[i];
        if (el->id[0] && (el->flags & flags) == flags && layout_contains(el->rect, x, y))
            return el;
    }
    return NULL;
}

void ui_element_set_text(UiElement *el, const char *text)
{
    snprintf(el->text, sizeof el->text, "%s", text ? text : "");
}

void ui_element_set_speak(UiElement *el, const char *speak)
{
    snprintf(el->speak, sizeof el->speak, "%s", speak ? speak : "");
}

const char *ui_element_spoken(const UiElement *el)
{
    return el->speak[0] ? el->speak : el->text;
}

bool ui_element_is_target(const UiElement *el)
{
    return el->id[0] != '\0';
}
