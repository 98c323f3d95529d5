/* script.h: headless scripts that drive the real kiosk with no display.
 *
 * One step a line; `#` starts a comment:
 *   expect SCREEN     fail unless SCREEN shows (names the screen found)
 *   tap ID            touch down and up at the element's centre
 *   drag ID TARGET    touch down on ID, move, release on TARGET
 *   key NAME          an SDL key name (Space, Return, Tab, Escape, ...)
 *   wait MS           advance the kiosk's own clock
 *   shot FILE.png     save the screen into the --shots folder
 *   hold ID MS        touch down on ID (or "corner": the top-left corner, the
 *                     staff gesture), hold for MS of the kiosk's clock, lift
 *   close             what a window manager sends to close the window
 * `key` also takes chords: "Ctrl+Alt+S", "Alt+F4". Once the kiosk has
 * closed (Exit in the staff menu) the screen is "closed".
 * Taps and drags become SDL touch events at the element's place on screen,
 * so a script exercises hit-testing too. */
#ifndef SAYSO_HEADLESS_SCRIPT_H
#define SAYSO_HEADLESS_SCRIPT_H

#include "app/app.h"

/* Runs the script at `path` against `app`. Returns 0 when every step passed;
 * otherwise prints "SCRIPT:LINE: what went wrong" on stderr and returns 1. */
int script_run(App *app, const char *path, const char *shots_dir);

#endif
