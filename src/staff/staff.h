/* staff.h: the staff side of the kiosk, without any drawing.
 *
 * The public can never leave the kiosk or see anyone's answers: staff open
 * the PIN pad with a hidden gesture (app/staff_gesture.c), and only the
 * right PIN opens the staff menu. From there staff start and end group
 * sessions, mark the next session "answered with support", export to a
 * folder (a USB stick), test speech and the microphone, show a group what
 * it said (aggregates only), return to the kiosk or exit.
 *
 * Like the flow, this is logic only: element ids in, state out, time passed
 * in by the caller. What needs the sound card (the speech and microphone
 * tests) or ends the program is handed back to the app as a StaffDo.
 *
 * Element ids: pin:0 ... pin:9, pin:delete, pin:ok, pin:cancel (PIN pad);
 * staff:group, staff:supported, staff:export, staff:group_view,
 * staff:sync (when kiosk.ini has [sync]), staff:test_speech,
 * staff:test_mic, staff:kiosk, staff:exit (menu);
 * key:... (the on-screen keyboard), staff:group_start, staff:menu (naming a
 * group); group:back, group:next, staff:kiosk (group view); yes, no
 * (exit-confirm: Exit sayso asks first).
 * Screen names for scripts: staff-pin, staff-menu, staff-group-label,
 * group-view, exit-confirm. */
#ifndef SAYSO_STAFF_H
#define SAYSO_STAFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "flow/flow.h"
#include "staff/pin.h"
#include "store/store.h"
#include "store/store_staff.h"
#include "survey/kiosk_settings.h"
#include "survey/survey.h"
#include "ui/keyboard.h"

/* The staff screens close by themselves after this long untouched, so a
 * menu left open never stays open for the public. The group view is made
 * for the public to see (aggregates only) and stays until closed. */
#define STAFF_IDLE_MS (2 * 60 * 1000)
/* The group view shows counts once this many people of the group have
 * answered, so nobody's answers can be picked out. */
#define STAFF_GROUP_MIN_SESSIONS 3
#define STAFF_LABEL_SIZE 64

typedef enum {
    STAFF_CLOSED,
    STAFF_PIN,
    STAFF_MENU,
    STAFF_GROUP_LABEL,
    STAFF_GROUP_VIEW,
    STAFF_EXIT_CONFIRM, /* "Close sayso?": yes exits, no returns to the menu */
} StaffScreen;

/* What the app must do after a tap. */
typedef enum { STAFF_DO_NONE, STAFF_DO_TEST_SPEECH, STAFF_DO_TEST_MIC, STAFF_DO_SYNC, STAFF_DO_EXIT } StaffDo;

/* The central store's sync as the staff menu shows it; the app fills it
 * from the sync worker (src/sync), in plain words. */
typedef struct {
    bool configured;     /* kiosk.ini has a [sync] url: the menu shows this and "Sync now" */
    bool running;        /* a sync is under way */
    int done, total;     /* its progress, in sessions */
    char last[96];       /* "Last synced: today at 14:05", "Not synced yet" */
    char problem[200];   /* why the last sync failed, or why sync is off; "" when it worked */
    char survey[560];    /* why a newly published survey was not used; "" when none was refused */
} StaffSync;

/* How many of the group chose one choice (of one topic, on a mat). */
typedef struct {
    char question[64];
    char topic[64]; /* "" outside a mat */
    char choice[64];
    int count;
} StaffCount;

/* What the staff side works with; all borrowed, all outliving the Staff. */
typedef struct {
    const KioskSettings *settings; /* pin_hash, export_dir */
    const Survey *survey;
    const char *const *symbol_dirs;
    Store *store;                  /* counts, marks, the staff log */
    const char *db_path;           /* exports read it through their own snapshot */
    Flow *flow;                    /* group label and "with support" go on its sessions */
    const char *kiosk_ini;         /* read again for the PIN each time the pad opens; may be NULL */
    const char *speech_problem;    /* why speech is off ("" or NULL: it is on); the menu says it */
} StaffContext;

typedef struct Staff {
    StaffContext ctx;
    StaffScreen screen;
    PinGuard guard;
    char pin_hash[PIN_HASH_SIZE];      /* kiosk.ini's, as read when the pad last opened */
    bool guard_restored;               /* the guard was read back from the staff log */
    char entered[PIN_MAX_DIGITS + 1];  /* digits typed on the pad (never shown or said) */
    char message[320];                 /* the last outcome, shown and spoken ("" none) */
    bool message_is_problem;
    bool message_is_sync;              /* the message is the sync's problem, shown until it is gone */
    StoreCounts counts;                /* for the menu, read when it opens */
    bool counts_ok;
    char label[STAFF_LABEL_SIZE];      /* the group label being typed */
    KeyboardState keyboard;
    StaffCount *group;                 /* the group view's counts */
    int n_group;
    int group_sessions;                /* sessions in the group */
    int view_question;                 /* the group view's question, index into survey */
    uint64_t last_touch_ms;
    StaffSync sync;                    /* the sync's state, for the menu */
    unsigned generation;               /* counts every change, so the app redraws */
} Staff;

/* Sets the staff side up; a group session the staff log says is still
 * running (the kiosk was restarted during it) goes on. */
void staff_init(Staff *staff, const StaffContext *ctx);
void staff_free(Staff *staff);

/* The hidden gesture or the key chord: reads kiosk.ini's PIN again (a PIN
 * set with `sayso pin` while the kiosk runs counts at once) and shows the
 * PIN pad. With no PIN set nothing shows (the public must see nothing of
 * the staff side) and the log says why; returns false then. */
bool staff_open(Staff *staff, uint64_t now_ms);
void staff_close(Staff *staff);
bool staff_is_open(const Staff *staff);

/* A tap on element `id` while a staff screen shows. Returns what the app
 * must do besides (most taps: nothing). */
StaffDo staff_tap(Staff *staff, const char *id, uint64_t now_ms);

/* Any touch or key keeps the staff screens open. */
void staff_touch(Staff *staff, uint64_t now_ms);

/* Closes idle staff screens. True when the screen changed. */
bool staff_tick(Staff *staff, uint64_t now_ms);
/* Milliseconds until staff_tick has something to do; -1 for nothing. */
int64_t staff_ms_until(const Staff *staff, uint64_t now_ms);

/* The sync's state changed: shown at once (with the counts read again)
 * when the menu is open. */
void staff_set_sync(Staff *staff, const StaffSync *sync);

/* Sets the message shown (and spoken) on the staff screen. */
void staff_say(Staff *staff, bool problem, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* "staff-pin", "staff-menu", "staff-group-label", "group-view", "exit-confirm". */
void staff_screen_name(const Staff *staff, char *out, size_t out_size);

/* The group view: how many of the group chose `choice` (of `topic`, NULL
 * outside a mat) of `question`. */
int staff_group_count(const Staff *staff, const char *question, const char *topic,
                      const char *choice);

/* True when the group view may show counts (enough people answered). */
bool staff_group_view_open(const Staff *staff);

#endif
