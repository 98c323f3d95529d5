/* app_staff.h: the staff side inside the running kiosk: the hidden gesture
 * and key chord, taps on staff screens, the speech and microphone tests,
 * and exit. The logic is staff/staff.c's; this is the part that needs SDL
 * events, the sound card and the App. */
#ifndef SAYSO_APP_STAFF_H
#define SAYSO_APP_STAFF_H

#include <SDL.h>
#include <stdbool.h>

#include "app/app.h"

/* Sets up the staff side once the flow and screen are open. */
void app_staff_init(App *app);
void app_staff_close(App *app);

/* Sees every event first: a finger held in the top-left corner, or the
 * kiosk.ini key chord, opens the PIN pad. Returns true when the event was
 * the chord (nobody else should see it). */
bool app_staff_event(App *app, const SDL_Event *event);

/* A tap on a staff screen: says the element and acts on it. */
void app_staff_tap(App *app, const char *id);

/* Runs the gesture's and the staff screens' time-outs and the microphone
 * test; milliseconds until the next of them (-1 for none). */
void app_staff_tick(App *app);
int64_t app_staff_ms_until(const App *app);

/* True while the microphone test records (it runs on the sound card's clock). */
bool app_staff_recording(const App *app);

#endif
