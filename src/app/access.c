/* access.c: keyboard and switch access; see access.h.
 *
 * Focus lives in the Ui (as the id of the focused target, or a rectangle
 * around a whole row while rows are scanned); this file decides where it
 * goes. Keys are looked up in a small table, not an if-chain. */
#include "app/access.h"

#include <stdio.h>
#include <string.h>

typedef enum { KEY_NEXT, KEY_PREVIOUS, KEY_LEFT, KEY_RIGHT, KEY_UP, KEY_DOWN, KEY_CHOOSE, KEY_BACK } KeyMeaning;

static const struct {
    const char *name;
    KeyMeaning meaning;
} key_map[] = {
    {"Tab", KEY_NEXT},   {"Left", KEY_LEFT},     {"Right", KEY_RIGHT},  {"Up", KEY_UP},
    {"Down", KEY_DOWN},  {"Return", KEY_CHOOSE}, {"Space", KEY_CHOOSE}, {"Keypad Enter", KEY_CHOOSE},
    {"Escape", KEY_BACK},
};

void access_init(Access *a, const KioskSettings *k)
{
    memset(a, 0, sizeof *a);
    a->switches = strcmp(k->switches, "one") == 0 ? 1 : strcmp(k->switches, "two") == 0 ? 2 : 0;
    snprintf(a->step_key, sizeof a->step_key, "%s", k->switch_step);
    snprintf(a->choose_key, sizeof a->choose_key, "%s", k->switch_choose);
    a->scan_ms = k->scan_ms;
}

static void order_of(Ui *ui, FocusOrder *order)
{
    focus_order(ui_elements(ui), ui_is_rtl(ui), order);
}

static AccessResult moved_to(Ui *ui, const FocusOrder *o, int index)
{
    AccessResult r = {ACCESS_NONE, "", ""};
    if (index < 0 || index >= o->n)
        return r;
    ui_set_focus(ui, o->items[index]->id, layout_rect(0, 0, 0, 0));
    r.outcome = ACCESS_MOVED;
    snprintf(r.say, sizeof r.say, "%s", ui_element_spoken(o->items[index]));
    return r;
}

/* Highlights a whole row, and says its first few items. */
static AccessResult row_highlighted(Ui *ui, const FocusOrder *o, int row)
{
    AccessResult r = {ACCESS_MOVED, "", ""};
    ui_set_focus(ui, NULL, focus_row_rect(o, row));
    int first = o->row_start[row], n = focus_row_size(o, row);
    for (int i = first; i < first + n && i < first + 3; i++) {
        size_t len = strlen(r.say);
        snprintf(r.say + len, sizeof r.say - len, "%s%s", i > first ? ", " : "", ui_element_spoken(o->items[i]));
    }
    return r;
}

static AccessResult chosen(const char *id)
{
    AccessResult r = {ACCESS_CHOOSE, "", ""};
    snprintf(r.id, sizeof r.id, "%s", id);
    return r;
}

void access_screen_changed(Access *a, Ui *ui, uint64_t now_ms)
{
    a->in_row = false;
    a->row = a->item = a->item_steps = a->idle_passes = 0;
    ui_set_focus(ui, NULL, layout_rect(0, 0, 0, 0));
    a->next_step_ms = a->switches == 1 ? now_ms + (uint64_t)a->scan_ms : 0;
}

/* ---- switches ---- */

static AccessResult scan_step(Access *a, Ui *ui)
{
    FocusOrder o;
    order_of(ui, &o);
    if (o.n == 0)
        return (AccessResult){ACCESS_NONE, "", ""};
    if (!a->in_row) {
        a->row = ui_has_focus(ui) ? (a->row + 1) % o.n_rows : 0;
        if (a->row == 0 && ui_has_focus(ui))
            a->idle_passes++;
        return row_highlighted(ui, &o, a->row);
    }
    int size = focus_row_size(&o, a->row);
    if (++a->item_steps > size) {  /* a full pass without a choice: back to the rows */
        a->in_row = false;
        return row_highlighted(ui, &o, a->row);
    }
    a->item = (a->item + 1) % size;
    return moved_to(ui, &o, o.row_start[a->row] + a->item);
}

static AccessResult scan_choose(Access *a, Ui *ui)
{
    FocusOrder o;
    order_of(ui, &o);
    if (o.n == 0)
        return (AccessResult){ACCESS_NONE, "", ""};
    if (!ui_has_focus(ui)) {  /* nothing highlighted yet: start at the first row */
        a->row = 0;
        return row_highlighted(ui, &o, 0);
    }
    if (a->row >= o.n_rows)
        a->row = 0;
    if (!a->in_row && focus_row_size(&o, a->row) > 1) {
        a->in_row = true;
        a->item = 0;
        a->item_steps = 1;
        return moved_to(ui, &o, o.row_start[a->row]);
    }
    int index = o.row_start[a->row] + (a->in_row ? a->item : 0);
    a->in_row = false;
    return chosen(o.items[index]->id);
}

bool access_is_switch(const Access *a, const char *key)
{
    return a->switches > 0 && (strcmp(key, a->choose_key) == 0 || (a->switches == 2 && strcmp(key, a->step_key) == 0));
}

static AccessResult switch_key(Access *a, Ui *ui, const char *key, uint64_t now_ms)
{
    a->idle_passes = 0;
    if (a->switches == 1)
        a->next_step_ms = now_ms + (uint64_t)a->scan_ms;  /* a fresh look after each press */
    if (strcmp(key, a->choose_key) == 0)
        return scan_choose(a, ui);
    return scan_step(a, ui);
}

/* ---- keyboard ---- */

static AccessResult keyboard(Ui *ui, KeyMeaning meaning, bool shift)
{
    FocusOrder o;
    order_of(ui, &o);
    int at = focus_index(&o, ui_focus(ui));
    static const int dirs[][2] = {[KEY_LEFT] = {-1, 0}, [KEY_RIGHT] = {1, 0}, [KEY_UP] = {0, -1}, [KEY_DOWN] = {0, 1}};
    switch (meaning) {
    case KEY_NEXT:
    case KEY_PREVIOUS:
        if (o.n == 0)
            break;
        if (shift || meaning == KEY_PREVIOUS)
            return moved_to(ui, &o, at < 0 ? o.n - 1 : (at + o.n - 1) % o.n);
        return moved_to(ui, &o, at < 0 ? 0 : (at + 1) % o.n);
    case KEY_LEFT:
    case KEY_RIGHT:
    case KEY_UP:
    case KEY_DOWN: {
        int dx = dirs[meaning][0] * (ui_is_rtl(ui) && dirs[meaning][0] ? -1 : 1);
        return moved_to(ui, &o, at < 0 ? 0 : focus_toward(&o, at, dx, dirs[meaning][1]));
    }
    case KEY_CHOOSE:
        if (at >= 0)
            return chosen(o.items[at]->id);
        return moved_to(ui, &o, 0);
    case KEY_BACK:
        if (ui_elements_find(ui_elements(ui), "back"))
            return chosen("back");
        break;
    }
    return (AccessResult){ACCESS_NONE, "", ""};
}

AccessResult access_key(Access *a, Ui *ui, const char *key, bool shift, uint64_t now_ms)
{
    if (access_is_switch(a, key))
        return switch_key(a, ui, key, now_ms);
    for (size_t i = 0; i < sizeof key_map / sizeof key_map[0]; i++)
        if (strcmp(key_map[i].name, key) == 0)
            return keyboard(ui, key_map[i].meaning, shift);
    return (AccessResult){ACCESS_NONE, "", ""};
}

AccessResult access_tick(Access *a, Ui *ui, uint64_t now_ms)
{
    if (a->switches != 1 || a->next_step_ms == 0 || now_ms < a->next_step_ms)
        return (AccessResult){ACCESS_NONE, "", ""};
    a->next_step_ms = now_ms + (uint64_t)a->scan_ms;
    AccessResult r = scan_step(a, ui);
    if (a->idle_passes >= ACCESS_IDLE_PASSES) { /* nobody is there: rest until a press */
        a->next_step_ms = 0;
        a->in_row = false;
        ui_set_focus(ui, NULL, layout_rect(0, 0, 0, 0));
        return (AccessResult){ACCESS_RESTED, "", ""};
    }
    return r;
}

int64_t access_ms_until(const Access *a, uint64_t now_ms)
{
    if (a->switches != 1 || a->next_step_ms == 0)
        return -1;
    return a->next_step_ms > now_ms ? (int64_t)(a->next_step_ms - now_ms) : 0;
}
