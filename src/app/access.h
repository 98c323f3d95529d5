/* access.h: keyboards and switches reach everything a touch can.
 *
 * Keys: Tab and Shift+Tab move through the targets in reading order, the
 * arrows move to the nearest target that way, Return and Space choose the
 * focused one, Escape goes back. Switches (USB switch boxes send keys; which
 * keys is set in kiosk.ini): with two, one steps and one chooses; with one,
 * the kiosk steps by itself every scan_ms and the switch chooses. Grids
 * scan by row, then by item in the chosen row; after a full pass of a row
 * without a choice, scanning goes back to the rows. Every step is spoken.
 * With one switch, scanning rests after ACCESS_IDLE_PASSES passes over the
 * rows with no press (nobody is there: the kiosk then sleeps instead of
 * stepping and speaking all day); the next press starts it again. */
#ifndef SAYSO_APP_ACCESS_H
#define SAYSO_APP_ACCESS_H

#include <stdbool.h>
#include <stdint.h>

#include "survey/kiosk_settings.h"
#include "ui/focus.h"
#include "ui/ui.h"

typedef enum {
    ACCESS_NONE,
    ACCESS_MOVED,  /* the focus moved: say `say` */
    ACCESS_CHOOSE, /* choose `id` */
    ACCESS_RESTED, /* one switch: scanning rested, the highlight gone */
} AccessOutcome;

typedef struct {
    AccessOutcome outcome;
    char id[UI_ID_SIZE];  /* ACCESS_CHOOSE: the target chosen */
    char say[256];        /* ACCESS_MOVED: what to speak */
} AccessResult;

typedef struct {
    int switches;               /* 0, 1 or 2 */
    char step_key[32], choose_key[32];
    int scan_ms;
    bool in_row;                /* scanning the items of a row (else the rows) */
    int row, item;              /* where scanning is */
    int item_steps;             /* steps taken inside the row */
    uint64_t next_step_ms;      /* one switch: when it steps by itself; 0 = not scanning */
    int idle_passes;            /* one switch: passes over the rows since the last press */
} Access;

#define ACCESS_IDLE_PASSES 3

void access_init(Access *access, const KioskSettings *settings);

/* A new screen: focus and scanning start again from the top. */
void access_screen_changed(Access *access, Ui *ui, uint64_t now_ms);

/* Handles a key press (an SDL key name, and whether Shift was held). */
AccessResult access_key(Access *access, Ui *ui, const char *key, bool shift, uint64_t now_ms);

/* One switch: steps the scan when its time has come; rests it (the
 * highlight gone, nothing more to do until a press) after
 * ACCESS_IDLE_PASSES passes over the rows without one. */
AccessResult access_tick(Access *access, Ui *ui, uint64_t now_ms);

/* Milliseconds until access_tick has something to do, or -1. */
int64_t access_ms_until(const Access *access, uint64_t now_ms);

/* True when `key` is one of the switch keys (so it counts as a switch). */
bool access_is_switch(const Access *access, const char *key);

#endif
