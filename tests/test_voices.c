/* test_voices.c: every language of config/forum speaks with its own
 * espeak-ng voice: its questions and its own name are synthesised into
 * plausible speech, different from the English voice. */
#include <stdlib.h>
#include <string.h>

#include "speech/speech.h"
#include "survey/survey.h"
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

int main(void)
{
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    RUN(test_every_forum_language_speaks);
    return TEST_SUMMARY();
}
