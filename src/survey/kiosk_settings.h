/* kiosk_settings.h: settings of the device, read from kiosk.ini with inih.
 *
 * The survey says what to ask; kiosk.ini says how this device behaves (its
 * name, idle time-outs, speech). A missing file means built-in defaults; a
 * present file with a bad line is an error naming the file and line. */
#ifndef SAYSO_KIOSK_SETTINGS_H
#define SAYSO_KIOSK_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char name[128];          /* [kiosk] name: shown on the welcome screen, e.g. "Library drop-in" */
    int idle_seconds;        /* [kiosk] idle_seconds: no touch for this long shows "Are you still there?" (90) */
    int still_there_seconds; /* [kiosk] still_there_seconds: then this long ends the session as timeout (30) */
    int thanks_seconds;      /* [kiosk] thanks_seconds: the thank-you screen returns to welcome (20) */
    bool speech;             /* [speech] enabled: on/off (on) */
    char voice[64];          /* [speech] voice: espeak-ng language of the voice ("en-gb") */
    int speech_rate;         /* [speech] rate: words per minute (150) */
} KioskSettings;

/* Fills `settings` with the built-in defaults. */
void kiosk_settings_defaults(KioskSettings *settings);

/* Reads `path` over the defaults. A missing file is not an error when
 * `must_exist` is false. On error returns -1 and writes "FILE:LINE: message"
 * into `err`. */
int kiosk_settings_load(KioskSettings *settings, const char *path, bool must_exist,
                        char *err, size_t err_size);

#endif
