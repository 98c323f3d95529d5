/* focus.h: moving through a screen's targets without touching it.
 *
 * Keyboards and switches reach every target in reading order: rows from
 * top to bottom, each row from its start edge (left, or right for a
 * right-to-left language). A "row" is a run of targets whose vertical
 * middles lie within each other, so a grid scans by rows, then by item.
 * Pure geometry over the element list; O(n log n) per call, n < 100. */
#ifndef SAYSO_UI_FOCUS_H
#define SAYSO_UI_FOCUS_H

#include <stdbool.h>

#include "ui/elements.h"

#define FOCUS_MAX 128

typedef struct {
    const UiElement *items[FOCUS_MAX]; /* targets in reading order */
    int n;
    int row_start[FOCUS_MAX];          /* index of the first item of each row */
    int n_rows;
} FocusOrder;

/* Orders the targets of `els`; `rtl` reads rows right to left. */
void focus_order(const UiElements *els, bool rtl, FocusOrder *order);

/* The index of `id` in the order, or -1. */
int focus_index(const FocusOrder *order, const char *id);

/* The row holding item `index`. */
int focus_row_of(const FocusOrder *order, int index);

/* The number of items in row `row`. */
int focus_row_size(const FocusOrder *order, int row);

/* The rectangle around every item of row `row`. */
UiRect focus_row_rect(const FocusOrder *order, int row);

/* The nearest target from `index` in direction (dx, dy) (arrow keys), or
 * -1 when there is none that way. */
int focus_toward(const FocusOrder *order, int index, int dx, int dy);

#endif
