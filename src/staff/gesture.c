/* gesture.c: the hidden staff gesture; see gesture.h. */
#include "staff/gesture.h"

static bool in_corner(const StaffGesture *g, int x, int y)
{
    return x >= 0 && y >= 0 && x < g->corner && y < g->corner;
}

void staff_gesture_init(StaffGesture *g, int corner)
{
    g->holding = false;
    g->since_ms = 0;
    g->corner = corner;
}

void staff_gesture_down(StaffGesture *g, int x, int y, uint64_t now_ms)
{
    g->holding = in_corner(g, x, y);
    g->since_ms = now_ms;
}

void staff_gesture_move(StaffGesture *g, int x, int y)
{
    if (g->holding && !in_corner(g, x, y))
        g->holding = false;
}

void staff_gesture_up(StaffGesture *g)
{
    g->holding = false;
}

int64_t staff_gesture_ms_until(const StaffGesture *g, uint64_t now_ms)
{
    if (!g->holding)
        return -1;
    uint64_t due = g->since_ms + STAFF_HOLD_MS;
    return due > now_ms ? (int64_t)(due - now_ms) : 0;
}

bool staff_gesture_due(StaffGesture *g, uint64_t now_ms)
{
    if (staff_gesture_ms_until(g, now_ms) != 0)
        return false;
    g->holding = false;
    return true;
}
