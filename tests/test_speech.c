/* test_speech.c: the speech module (src/speech/) against speech.h.
 *
 * Each case sets SDL_AUDIODRIVER (and SDL_DISKAUDIOFILE) before speech_open
 * and closes its Speech before the next. The disk driver writes what the
 * device plays to a raw file at real-time pace, so cases that listen to the
 * output read that file back. No case needs a sound card. */
#include "speech/speech.h"
#include "testing.h"

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define RATE 22050
#define FIVE_WORDS "Do you want to start?"
#define LONG_TEXT "What have been your positive experiences of services, " \
                  "like the doctor, the hospital, or the job centre?"

static Speech *open_speech(const char *driver, bool enabled, bool audio)
{
    char err[256] = "";
    SpeechOptions options = {enabled, "en-gb", 175, audio};
    setenv("SDL_AUDIODRIVER", driver, 1);
    Speech *speech = speech_open(&options, err, sizeof err);
    if (!speech)
        printf("    speech_open failed: %s\n", err);
    return speech;
}

static void raw_file_name(char *path, size_t size, const char *name)
{
    snprintf(path, size, "/tmp/sayso_test_speech_%ld_%s.raw", (long)getpid(), name);
    setenv("SDL_DISKAUDIOFILE", path, 1);
}

/* Reads a raw 16-bit file: how many samples are non-zero, and the loudest. */
static bool raw_file_scan(const char *path, size_t *nonzero, int *loudest)
{
    FILE *f = fopen(path, "rb");
    int16_t buffer[4096];
    size_t n;
    *nonzero = 0;
    *loudest = 0;
    if (!f)
        return false;
    while ((n = fread(buffer, sizeof buffer[0], 4096, f)) > 0) {
        for (size_t i = 0; i < n; i++) {
            int level = abs(buffer[i]);
            *nonzero += level != 0;
            *loudest = level > *loudest ? level : *loudest;
        }
    }
    fclose(f);
    return true;
}

/* Waits until the device is on `text` and has taken at least `samples`. */
static bool wait_playing(Speech *speech, const char *text, size_t samples, int timeout_ms)
{
    char playing[256];
    for (int waited = 0; waited < timeout_ms; waited += 2) {
        size_t position = speech_debug_playing(speech, playing, sizeof playing);
        if (strcmp(playing, text) == 0 && position >= samples)
            return true;
        SDL_Delay(2);
    }
    return false;
}

static void test_prepare_puts_a_clip_in_the_cache(void)
{
    size_t samples = 0;
    Speech *speech = open_speech("dummy", true, false);
    CHECK(speech);
    CHECK(!speech_has_audio(speech));
    speech_prepare(speech, "  \t" FIVE_WORDS "\n ");
    speech_prepare(speech, "   ");
    CHECK(speech_wait_idle(speech, 5000));
    bool cached = speech_is_cached(speech, FIVE_WORDS, &samples);
    speech_close(speech);
    CHECK(cached);
    CHECK(samples >= RATE / 2 && samples <= 4 * RATE);
}

static void test_say_of_a_cached_text_starts_playing(void)
{
    char playing[256];
    Speech *speech = open_speech("dummy", true, true);
    CHECK(speech);
    bool audio = speech_has_audio(speech);
    speech_prepare(speech, FIVE_WORDS);
    bool idle = speech_wait_idle(speech, 5000);
    speech_say(speech, FIVE_WORDS);
    speech_debug_playing(speech, playing, sizeof playing);
    bool started = speech_wait_idle(speech, 2000) && wait_playing(speech, FIVE_WORDS, 1, 2000);
    double latency = speech_last_latency_ms(speech);
    speech_close(speech);
    CHECK(audio && idle);
    CHECK_STR(playing, FIVE_WORDS);
    CHECK(started);
    CHECK(latency >= 0 && latency < 1000);
}

static void test_second_say_cuts_off_the_first(void)
{
    char path[128], playing[256];
    size_t long_samples = 0, short_samples = 0, nonzero;
    int loudest;
    raw_file_name(path, sizeof path, "cut");
    Speech *speech = open_speech("disk", true, true);
    CHECK(speech);
    speech_prepare(speech, LONG_TEXT);
    speech_prepare(speech, "Yes.");
    speech_wait_idle(speech, 5000);
    speech_is_cached(speech, LONG_TEXT, &long_samples);
    speech_is_cached(speech, "Yes.", &short_samples);
    speech_say(speech, LONG_TEXT);
    bool long_started = wait_playing(speech, LONG_TEXT, 1, 2000);
    speech_say(speech, "Yes.");
    size_t position = speech_debug_playing(speech, playing, sizeof playing);
    bool short_done = wait_playing(speech, "Yes.", short_samples, 5000);
    speech_close(speech);
    bool scanned = raw_file_scan(path, &nonzero, &loudest);
    unlink(path);
    CHECK(long_started && long_samples > 4 * short_samples);
    CHECK_STR(playing, "Yes.");
    CHECK(position < 4096);
    CHECK(short_done);
    CHECK(scanned);
    /* All of "Yes." and at most a sliver of the long clip reached the file. */
    CHECK(nonzero > short_samples / 2);
    CHECK(nonzero < short_samples + long_samples / 4);
}

static void test_say_jumps_ahead_of_queued_prepares(void)
{
    enum { PREPARES = 30 };
    char text[PREPARES][80];
    Speech *speech = open_speech("dummy", true, true);
    CHECK(speech);
    for (int i = 0; i < PREPARES; i++) {
        snprintf(text[i], sizeof text[i], "Option number %d is about housing and money.", i);
        speech_prepare(speech, text[i]);
    }
    speech_say(speech, "Are you still there?");
    bool idle = speech_wait_idle(speech, 20000);
    long say_serial = speech_debug_serial(speech, "Are you still there?");
    long last_serial = speech_debug_serial(speech, text[PREPARES - 1]);
    speech_close(speech);
    CHECK(idle);
    CHECK(say_serial >= 0 && say_serial < 5);
    CHECK_INT(last_serial, PREPARES);
}

/* The overtaken says are long and given 2 ms to be mid-synthesis, so the
 * worker finishes them after the later say or stop: they must stay unheard. */
static void test_only_the_last_say_wins(void)
{
    char after_say[256], after_stop[256];
    Speech *speech = open_speech("dummy", true, true);
    CHECK(speech);
    speech_prepare(speech, "Thank you.");
    bool idle = speech_wait_idle(speech, 5000);
    speech_say(speech, LONG_TEXT);
    SDL_Delay(2);
    speech_say(speech, "Thank you.");
    idle = speech_wait_idle(speech, 5000) && idle;
    speech_debug_playing(speech, after_say, sizeof after_say);
    speech_say(speech, "This one is stopped before it is heard, however long it is.");
    SDL_Delay(2);
    speech_stop(speech);
    idle = speech_wait_idle(speech, 5000) && idle;
    speech_debug_playing(speech, after_stop, sizeof after_stop);
    double latency = speech_last_latency_ms(speech);
    speech_close(speech);
    CHECK(idle);
    CHECK_STR(after_say, "Thank you.");
    CHECK_STR(after_stop, "");
    CHECK(latency < 0);
}

static void test_disabled_speech_is_a_safe_no_op(void)
{
    char playing[16] = "x";
    size_t samples = 1;
    Speech *speech = open_speech("dummy", false, true);
    CHECK(speech);
    speech_prepare(speech, FIVE_WORDS);
    speech_say(speech, FIVE_WORDS);
    speech_set_voice(speech, "pl");
    speech_stop(speech);
    CHECK(speech_wait_idle(speech, 10));
    CHECK(!speech_has_audio(speech));
    CHECK(!speech_is_cached(speech, FIVE_WORDS, &samples));
    CHECK_INT(samples, 0);
    CHECK(speech_last_latency_ms(speech) < 0);
    CHECK_INT(speech_debug_playing(speech, playing, sizeof playing), 0);
    CHECK_STR(playing, "");
    speech_close(speech);
    speech_say(NULL, FIVE_WORDS);
    speech_close(NULL);
}

static void test_set_voice_makes_a_different_clip(void)
{
    size_t english = 0, polish = 0, again = 0;
    Speech *speech = open_speech("dummy", true, false);
    CHECK(speech);
    speech_prepare(speech, FIVE_WORDS);
    speech_wait_idle(speech, 5000);
    bool cached_english = speech_is_cached(speech, FIVE_WORDS, &english);
    speech_set_voice(speech, "pl");
    bool cached_before = speech_is_cached(speech, FIVE_WORDS, NULL);
    speech_prepare(speech, FIVE_WORDS);
    speech_wait_idle(speech, 5000);
    bool cached_polish = speech_is_cached(speech, FIVE_WORDS, &polish);
    speech_set_voice(speech, "en-gb");
    bool cached_again = speech_is_cached(speech, FIVE_WORDS, &again);
    speech_close(speech);
    CHECK(cached_english && !cached_before && cached_polish && cached_again);
    CHECK(polish > 0 && polish != english);
    CHECK_INT(again, english);
}

static void test_disk_driver_hears_the_clip(void)
{
    char path[128];
    size_t nonzero;
    int loudest;
    raw_file_name(path, sizeof path, "disk");
    Speech *speech = open_speech("disk", true, true);
    CHECK(speech);
    bool audio = speech_has_audio(speech);
    speech_say(speech, "Hello, this is a test.");
    bool idle = speech_wait_idle(speech, 5000);
    bool heard = wait_playing(speech, "Hello, this is a test.", RATE / 10, 3000);
    speech_close(speech);
    bool scanned = raw_file_scan(path, &nonzero, &loudest);
    unlink(path);
    CHECK(audio && idle && heard && scanned);
    CHECK(loudest > 1000);
}

static void test_failed_driver_leaves_speech_silent(void)
{
    Speech *speech = open_speech("nonexistent_driver", true, true);
    CHECK(speech);
    bool audio = speech_has_audio(speech);
    speech_say(speech, FIVE_WORDS);
    bool idle = speech_wait_idle(speech, 2000);
    double latency = speech_last_latency_ms(speech);
    speech_close(speech);
    CHECK(!audio && idle);
    CHECK(latency < 0);
}

int main(void)
{
    RUN(test_prepare_puts_a_clip_in_the_cache);
    RUN(test_say_of_a_cached_text_starts_playing);
    RUN(test_second_say_cuts_off_the_first);
    RUN(test_say_jumps_ahead_of_queued_prepares);
    RUN(test_only_the_last_say_wins);
    RUN(test_disabled_speech_is_a_safe_no_op);
    RUN(test_set_voice_makes_a_different_clip);
    RUN(test_disk_driver_hears_the_clip);
    RUN(test_failed_driver_leaves_speech_silent);
    SDL_Quit();
    return TEST_SUMMARY();
}
