/* gesture.h: the hidden staff gesture: a finger held still in the
 * top-left corner of the screen for STAFF_HOLD_MS opens the PIN pad.
 *
 * Logic only: the app passes touches in screen pixels and its clock, and
 * asks when the hold is due, so the event loop can sleep until exactly
 * then (no polling). A finger that lifts or leaves the corner first is no
 * gesture, and nothing else of the touch changes. */
#ifndef SAYSO_STAFF_GESTURE_H
#define SAYSO_STAFF_GESTURE_H

#include <stdbool.h>
#include <stdint.h>

#define STAFF_HOLD_MS 3000

typedef struct {
    bool holding;       /* a finger is down in the corner */
    uint64_t since_ms;  /* when it went down */
    int corner;         /* the corner's side in pixels */
} StaffGesture;

/* `corner` is the side of the square, at the top-left, that counts. */
void staff_gesture_init(StaffGesture *g, int corner);
void staff_gesture_down(StaffGesture *g, int x, int y, uint64_t now_ms);
void staff_gesture_move(StaffGesture *g, int x, int y);
void staff_gesture_up(StaffGesture *g);

/* Milliseconds until the hold is due; -1 when no finger is holding. */
int64_t staff_gesture_ms_until(const StaffGesture *g, uint64_t now_ms);

/* True once when the finger has been held long enough (the hold then ends:
 * the same touch never opens the pad twice). */
bool staff_gesture_due(StaffGesture *g, uint64_t now_ms);

#endif
