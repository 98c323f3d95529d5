/* app_private.h: what the running kiosk's own files share, and nobody
 * outside src/app: app.c's loop lays screens out and decides when to
 * speak; app_speech.c says it (which voice, which words or recording,
 * what is synthesised ahead). Everything here works on the one App. */
#ifndef SAYSO_APP_PRIVATE_H
#define SAYSO_APP_PRIVATE_H

#include "app/app.h"

/* app.c */

/* Lays the screen out again when the flow or the staff side moved since
 * it was last laid out (or app->built is false); a new screen is spoken
 * and its speech prepared, and what changed on the same screen (the
 * attract loop's item, the mat's topic, the last ten seconds) is said. */
void app_refresh(App *app);

/* app_speech.c */

/* Opens espeak-ng and the sound device with kiosk.ini's voice and rate.
 * When speech cannot start, app->speech stays NULL, app->speech_problem
 * says why (also on stderr) and the kiosk goes on silently. Returns 0. */
int app_speech_open(App *app);

/* Sets the voice to the language the person answers in, when it changed
 * since app->spoken_language (set that to -1 to set it again). */
void app_speech_set_voice(App *app);

/* Sets volume step `step` (1 quiet, 2 normal, 3 loud; others clamp) on the
 * screen's volume button and the speech. */
void app_speech_set_volume(App *app, int step);

/* Says the screen's prompt: its recording when the survey has one. */
void app_speech_say_prompt(App *app);

/* Says what a touched element says: its recording, or its words in its own
 * voice; keeps the words in app->said to say again with what follows. */
void app_speech_say_element(App *app, const UiElement *el);

/* The mat moved on to another topic: says app->said and the "pile"
 * element (where the next topic goes, "3 of 12") in one utterance. */
void app_speech_say_next_topic(App *app);

/* Says the attract loop's "You said, we did" item showing, both halves in
 * one utterance; only the first round of items after the welcome screen
 * appeared is said (app->attract_said counts them), then it is silent. */
void app_speech_say_attract_item(App *app);

/* After a tap: when the flow holds a notice (a required answer, a
 * constraint) and the screen is still `screen_before`, shows the part
 * holding the question wanting and says the notice. */
void app_speech_say_notice(App *app, const char *screen_before);

/* Synthesises ahead the screen's prompt recording and what each target
 * says, so a touch speaks at once. */
void app_speech_prepare(App *app);

#endif
