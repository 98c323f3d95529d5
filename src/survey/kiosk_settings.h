/* kiosk_settings.h: settings of the device, read from kiosk.ini with inih.
 *
 * The survey says what to ask; kiosk.ini says how this device behaves (its
 * name, idle time-outs, speech, the symbol packs it holds a licence for). A
 * missing file means built-in defaults; a present file with a bad line is an
 * error naming the file and line. */
#ifndef SAYSO_KIOSK_SETTINGS_H
#define SAYSO_KIOSK_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "staff/pin_keys.h"

#define KIOSK_MAX_PACKS 8       /* [symbols] pack lines a kiosk.ini may hold */
#define KIOSK_PACK_PATH_SIZE 512 /* a pack folder's path, with its NUL */

typedef struct {
    char name[128];          /* [kiosk] name: shown on the welcome screen, e.g. "Library drop-in" */
    int idle_seconds;        /* [kiosk] idle_seconds: no touch for this long shows "Are you still there?" (90) */
    int still_there_seconds; /* [kiosk] still_there_seconds: then this long ends the session as timeout (30) */
    int thanks_seconds;      /* [kiosk] thanks_seconds: the thank-you screen returns to welcome (20) */
    int attract_seconds;     /* [kiosk] attract_seconds: the welcome screen shows the next "You said, we did" item after this long untouched (12); 0: never */
    char rotation[4];        /* [kiosk] rotation: how far the screen is mounted turned clockwise: "0", "90", "180" or "270" ("0") */
    bool speech;             /* [speech] enabled: on/off (on) */
    char voice[64];          /* [speech] voice: espeak-ng language of the voice ("en-gb") */
    int speech_rate;         /* [speech] rate: words per minute (150) */
    /* [symbols] pack = DIR, one line per folder, in the file's order (none):
     * folders of SVG, PNG or JPEG symbols searched by name before the
     * project's assets/symbols. Relative paths are relative to the current
     * directory; each folder must exist when the file is read. */
    char packs[KIOSK_MAX_PACKS][KIOSK_PACK_PATH_SIZE];
    int n_packs;
    /* [access]: how people answer on this kiosk */
    char touch_style[16];   /* touch_style: "touch" (touch to choose) or "hear_first" (touch to hear, again to choose) */
    char theme[16];         /* theme: "standard" or "high_contrast" (people can switch on screen) */
    int text_size;          /* text_size: 1, 2 or 3, the step the screen starts at (1) */
    int volume;             /* volume: 1 (quiet), 2 (normal, as spoken) or 3 (loud), where each person starts (2) */
    char switches[8];       /* switches: "off", "one" (automatic scanning) or "two" (step and choose) */
    int scan_ms;            /* scan_ms: one switch: how long each scan step stays (1500) */
    char switch_step[32];   /* switch_step: SDL key name the stepping switch sends ("Space") */
    char switch_choose[32]; /* switch_choose: SDL key name the choosing switch sends ("Return") */
    /* [staff]: the staff menu */
    char pin_hash[128];     /* pin_hash: the PIN's Argon2id hash, set by `sayso pin`; "" when none (no staff menu) */
    char staff_keys[64];    /* keys: the chord that opens the PIN pad on keyboard kiosks ("Ctrl+Alt+S") */
    PinKeys staff_chord;    /* staff_keys parsed, once, when the file is read */
    char export_dir[KIOSK_PACK_PATH_SIZE]; /* export_dir: where the staff menu exports ("exports", beside where sayso starts) */
    /* [sync]: the central PostgreSQL store (src/sync); no url, no sync */
    char sync_url[1024];        /* url: postgresql://LOGIN@HOST:PORT/DB?sslmode=verify-full ("") */
    char sync_password[256];    /* password: the login's, kept here only in a file its owner alone reads ("") */
    char sync_password_file[KIOSK_PACK_PATH_SIZE]; /* password_file: a file (mode 0600) holding it instead ("") */
    char sync_ca_file[KIOSK_PACK_PATH_SIZE]; /* ca_file: the CA certificate for sslmode=verify-full ("") */
    char sync_venue[128];       /* venue: where this kiosk stands; names kiosks an admin's sync meets first ("") */
    int sync_interval_minutes;  /* interval_minutes: how often the kiosk syncs by itself (15) */
} KioskSettings;

/* Fills `settings` with the built-in defaults. */
void kiosk_settings_defaults(KioskSettings *settings);

/* Reads `path` over the defaults. A missing file is not an error when
 * `must_exist` is false. On error returns -1 and writes "FILE:LINE: message"
 * into `err`. */
int kiosk_settings_load(KioskSettings *settings, const char *path, bool must_exist,
                        char *err, size_t err_size);

#endif
