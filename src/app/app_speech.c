/* app_speech.c: what the kiosk says; see app_private.h.
 *
 * Every screen is heard as well as seen: its prompt (or the survey's
 * recording of it), each target touched, the mat's next topic, the attract
 * loop's items, a notice that holds the person back, each in the voice of
 * its language, at the volume chosen. app.c's loop decides when to speak;
 * this file decides what is said and how, so the loop reads as a loop.
 * What a screen may say is synthesised ahead, so a touch speaks at once. */
#include "app/app_private.h"

#include <stdio.h>
#include <string.h>

/* Each language speaks with its own espeak-ng voice: the kiosk's voice for
 * the survey's default language, the language's code for the others. */
void app_speech_set_voice(App *app)
{
    int language = flow_language(app->flow);
    if (language == app->spoken_language)
        return;
    const Survey *s = app->survey;
    speech_set_voice(app->speech, language == s->default_language ? app->settings.voice
                                                                   : s->languages[language].code);
    app->spoken_language = language;
}

int app_speech_open(App *app)
{
    SpeechOptions so = {app->settings.speech, app->settings.voice, app->settings.speech_rate, true};
    app->speech = speech_open(&so, app->speech_problem, sizeof app->speech_problem);
    if (app->speech) {
        app->speech_problem[0] = '\0';
        return 0;
    }
    fprintf(stderr, "sayso: speech is off: %s\n", app->speech_problem);
    return 0;  /* the kiosk works silently: text and pictures still carry it */
}

/* The espeak-ng voice an element asks for (a language's name in its own
 * voice), or NULL for the screen's. */
static const char *element_voice(const App *app, const UiElement *el)
{
    const Survey *s = app->survey;
    if (!el->voice[0])
        return NULL;
    return strcmp(el->voice, s->languages[s->default_language].code) == 0 ? app->settings.voice : el->voice;
}

/* Plays the recording `audio` when there is one ("" for none), else says
 * `words` in `voice` (NULL: the screen's); a recording that cannot play
 * falls back to the words. */
static void say_recording_or(App *app, const char *audio, const char *voice, const char *words)
{
    if (audio[0])
        speech_say_file_or(app->speech, audio, words);
    else
        speech_say_in(app->speech, voice, words);
}

/* Says the screen's prompt: its recording when the survey has one. */
void app_speech_say_prompt(App *app)
{
    say_recording_or(app, ui_prompt_audio(app->ui), NULL, ui_prompt(app->ui));
}

/* Says what a touched element says: its recording, or its words. */
void app_speech_say_element(App *app, const UiElement *el)
{
    say_recording_or(app, el->audio, element_voice(app, el), ui_element_spoken(el));
    snprintf(app->said, sizeof app->said, "%s", el->audio[0] ? "" : ui_element_spoken(el));
}

/* The mat moved on to another topic: what the touch said, then where the
 * next topic goes and how far along it is ("3 of 12"), in one utterance
 * (a new one would cut the touch's words off). */
void app_speech_say_next_topic(App *app)
{
    const UiElement *pile = ui_elements_find(ui_elements(app->ui), "pile");
    if (!pile)
        return;
    char both[sizeof app->said + UI_TEXT_SIZE];
    snprintf(both, sizeof both, "%s%s%s", app->said, app->said[0] ? ". " : "", ui_element_spoken(pile));
    speech_say(app->speech, both);
}

static void prepare_element(App *app, const UiElement *el)
{
    if (el->audio[0])
        speech_prepare_file(app->speech, el->audio);
    speech_prepare_in(app->speech, element_voice(app, el), ui_element_spoken(el));
}

/* Synthesises ahead what this screen may say, so a touch speaks at once. */
void app_speech_prepare(App *app)
{
    if (ui_prompt_audio(app->ui)[0])
        speech_prepare_file(app->speech, ui_prompt_audio(app->ui));
    const UiElements *els = ui_elements(app->ui);
    for (int i = 0; i < els->n; i++)
        if (ui_element_is_target(&els->items[i]))
            prepare_element(app, &els->items[i]);
}

/* The speech's level for volume step `step` (1 quiet, 2 normal, 3 loud). */
static int volume_pct(int step)
{
    static const int pct[3] = {45, 100, 170};
    return pct[(step < 1 ? 1 : step > 3 ? 3 : step) - 1];
}

void app_speech_set_volume(App *app, int step)
{
    ui_set_volume_step(app->ui, step);
    speech_set_volume(app->speech, volume_pct(ui_volume_step(app->ui)));
}

/* The attract loop showed its next "You said, we did" item: say it, both
 * halves of the card in one utterance. Each item is said once after the
 * welcome screen appears; after that the loop goes on in silence, so an
 * empty venue is not talked at all day. */
void app_speech_say_attract_item(App *app)
{
    const UiElement *said = ui_elements_find(ui_elements(app->ui), "yousaid");
    const UiElement *did = ui_elements_find(ui_elements(app->ui), "wedid");
    if (!said || ++app->attract_said >= app->survey->n_yousaid)
        return;
    char both[2 * UI_TEXT_SIZE + 2];
    snprintf(both, sizeof both, "%s %s", ui_element_spoken(said), did ? ui_element_spoken(did) : "");
    say_recording_or(app, said->audio, NULL, both);
}

/* Next or skip did not move on (a required answer, a constraint): the
 * screen shows why, and it is said. (A new screen says it in its prompt.) */
void app_speech_say_notice(App *app, const char *screen_before)
{
    char screen[sizeof app->built_screen];
    if (flow_notice(app->flow) == FLOW_NOTICE_NONE)
        return;
    app_screen_name(app, screen, sizeof screen);
    if (strcmp(screen, screen_before) != 0)
        return;
    app_refresh(app);
    int part = ui_notice_page(app->ui);
    if (part >= 0 && part != ui_page(app->ui)) {  /* the question wanting is on another part: show that part */
        ui_set_page(app->ui, part);
        app->built = false;
        app_refresh(app);
    }
    speech_say(app->speech, ui_notice(app->ui));
}
