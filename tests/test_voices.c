/* test_voices.c: every language of config/forum speaks with its own
 * espeak-ng voice: its questions and its own name are synthesised into
 * plausible speech, different from the English voice; so does every key of
 * the on-screen keyboards of assets/keyboards, in its language's voice. */
#include <stdlib.h>
#include <string.h>

#include "speech/speech.h"
#include "survey/survey.h"
#include "ui/keyboard.h"
#include "testing.h"

/* Samples of `text` spoken in `voice`, or 0. */
static size_t spoken(Speech *speech, const char *voice, const char *text)
{
    size_t samples = 0;
    speech_set_voice(speech, voice);
    speech_prepare(speech, text);
    speech_wait_idle(speech, 5000);
    speech_is_cached(speech, text, &samples);
    return samples;
}

static void test_every_forum_language_speaks(void)
{
    const char *dirs[] = {"assets/symbols", NULL};
    SurveyProblems problems = {0};
    Survey *s = survey_load("config/forum", dirs, &problems);
    survey_problems_free(&problems);
    CHECK(s && s->n_languages == 7);
    char err[256];
    SpeechOptions o = {true, "en-gb", 150, false};
    Speech *speech = speech_open(&o, err, sizeof err);
    CHECK(speech);
    bool ok = true;
    for (int l = 0; l < s->n_languages && ok; l++) {
        const char *code = s->languages[l].code;
        const char *voice = l == s->default_language ? "en-gb" : code;
        const char *question = survey_text(s, &s->questions[0].label, l);
        size_t q = spoken(speech, voice, question), name = spoken(speech, voice, s->languages[l].name);
        /* a question is seconds of speech at 22050 Hz; a language's name at least a syllable */
        if (q < 22050 || name < 22050 / 10) {
            printf("    %s (%s): %zu samples for the question, %zu for its name\n", code, voice, q, name);
            ok = false;
        }
        if (l != s->default_language && spoken(speech, "en-gb", question) == q) {
            printf("    %s sounds the same as English\n", code);
            ok = false;
        }
    }
    speech_close(speech);
    survey_free(s);
    CHECK(ok);
}

static void test_every_key_speaks_in_its_language_s_voice(void)
{
    static const char *const languages[] = {"ur", "ar", "bn", "pa"};
    static const KeyboardState pages[] = {{.shift = false}, {.shift = true}, {.numbers = true}};
    char err[256];
    SpeechOptions o = {true, "en-gb", 150, false};
    Speech *speech = speech_open(&o, err, sizeof err);
    KeyboardSet *set = keyboard_set_load("assets/keyboards", stdout, NULL);
    UiWords *words = ui_words_load("assets/words.csv", err, sizeof err);
    CHECK(speech && set && words);
    UiElements els = {0};
    int silent = 0, keys = 0;
    for (int l = 0; l < 4; l++)
        for (int p = 0; p < 3; p++) {
            ui_elements_clear(&els);
            keyboard_layout(&els, layout_rect(0, 0, 1920, 600), 76, 9,
                            &(KeyboardLanguage){.set = set, .language = languages[l], .words = words}, &pages[p]);
            for (int i = 0; i < els.n; i++, keys++)
                if (spoken(speech, languages[l], els.items[i].speak) < 22050 / 10) { /* a syllable */
                    printf("    %s %s: \"%s\" is not heard\n", languages[l], els.items[i].id, els.items[i].speak);
                    silent++;
                }
        }
    ui_elements_free(&els);
    ui_words_free(words);
    keyboard_set_free(set);
    speech_close(speech);
    printf("    %d keys heard\n", keys - silent);
    CHECK_INT(silent, 0);
}

int main(void)
{
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    RUN(test_every_forum_language_speaks);
    RUN_PLAIN_PASS_ONLY(test_every_key_speaks_in_its_language_s_voice);
    return TEST_SUMMARY();
}
