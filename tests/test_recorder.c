/* test_recorder.c: the recorder (src/recorder): WAV in memory and capture.
 *
 * Capture runs against SDL's "disk" audio driver, which reads the
 * microphone's samples from the raw file named by SDL_DISKAUDIOFILEIN (in the
 * device's format, 16 kHz mono S16 here) in real time, and writes output to
 * SDL_DISKAUDIOFILE. So a known tone goes in and the test checks that
 * exactly those samples come out, that the level meter moves, that the limit
 * stops a recording by itself, and that a kiosk with no microphone gets a
 * plain message. Each case sets the environment it needs: SDL reads
 * SDL_AUDIODRIVER when the audio subsystem starts (recorder_open) and the
 * file when the device opens (recorder_start). */
#include "recorder/recorder.h"
#include "recorder/wav.h"
#include "testing.h"

#include <SDL.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#define TONE_HZ 440.0
#define TONE_AMPLITUDE 12000.0
#define MATCH_RUN 256       /* samples that must match exactly to fix the offset */
#define MAX_OFFSET 16000    /* how far into the recording the tone may start */

/* A 440 Hz tone of `count` samples at RECORDER_RATE. The caller frees it. */
static int16_t *tone_make(size_t count)
{
    int16_t *tone = malloc(count * sizeof *tone);
    for (size_t i = 0; tone && i < count; i++)
        tone[i] = (int16_t)lrint(TONE_AMPLITUDE * sin(2.0 * M_PI * TONE_HZ * (double)i /
                                                     RECORDER_RATE));
    return tone;
}

/* Writes `count` samples raw (native-endian S16, as AUDIO_S16SYS) to `path`. */
static int raw_write(const char *path, const int16_t *samples, size_t count)
{
    FILE *file = fopen(path, "wb");
    if (!file)
        return -1;
    size_t written = fwrite(samples, sizeof *samples, count, file);
    return fclose(file) == 0 && written == count ? 0 : -1;
}

/* Points SDL's disk driver at `input` for capture (and at /dev/null for
 * output); NULL `driver` keeps the driver as it is. */
static void use_disk_audio(const char *driver, const char *input)
{
    setenv("SDL_AUDIODRIVER", driver, 1);
    setenv("SDL_DISKAUDIOFILEIN", input, 1);
    setenv("SDL_DISKAUDIOFILE", "/dev/null", 1);
}

/* The first offset at which `run` samples of `want` appear exactly in
 * `got`, or -1. O(MAX_OFFSET * run) at worst. */
static long offset_of(const int16_t *got, size_t got_count, const int16_t *want, size_t run)
{
    for (size_t k = 0; k <= MAX_OFFSET && k + run <= got_count; k++)
        if (memcmp(got + k, want, run * sizeof *want) == 0)
            return (long)k;
    return -1;
}

/* Number of leading zero samples. */
static size_t leading_zeros(const int16_t *samples, size_t count)
{
    size_t n = 0;
    while (n < count && samples[n] == 0)
        n++;
    return n;
}

/* ---- WAV ------------------------------------------------------------------ */

static void test_wav_round_trip_is_sample_exact(void)
{
    enum { N = 48000 };
    int16_t *samples = malloc(N * sizeof *samples);
    CHECK(samples);
    for (size_t i = 0; i < N; i++) /* every value, extremes included */
        samples[i] = (int16_t)(i * 7919u);
    samples[0] = INT16_MIN;
    samples[1] = INT16_MAX;
    unsigned char *wav = NULL;
    size_t size = 0;
    char err[256] = "";
    int encoded = wav_encode(samples, N, RECORDER_RATE, &wav, &size, err, sizeof err);
    int16_t *back = NULL;
    size_t count = 0;
    int rate = 0;
    int decoded = encoded == 0 ? wav_decode(wav, size, &back, &count, &rate, err, sizeof err) : -1;
    bool same = back && count == N && memcmp(back, samples, N * sizeof *back) == 0;
    bool riff = wav && size >= 44 && memcmp(wav, "RIFF", 4) == 0 && memcmp(wav + 8, "WAVE", 4) == 0;
    free(samples);
    free(back);
    free(wav);
    if (encoded || decoded)
        printf("    %s\n", err);
    CHECK_INT(encoded, 0);
    CHECK_INT(decoded, 0);
    CHECK(riff);
    CHECK_INT(size, 44 + 2 * N); /* the canonical header, then the samples */
    CHECK_INT(rate, RECORDER_RATE);
    CHECK_INT(count, N);
    CHECK(same);
}

static void test_wav_empty_recording_round_trips(void)
{
    unsigned char *wav = NULL;
    size_t size = 0, count = 99;
    int16_t *back = NULL;
    int rate = 0;
    char err[256] = "";
    CHECK_INT(wav_encode(NULL, 0, RECORDER_RATE, &wav, &size, err, sizeof err), 0);
    int decoded = wav_decode(wav, size, &back, &count, &rate, err, sizeof err);
    free(wav);
    CHECK_INT(decoded, 0);
    CHECK_INT(count, 0);
    CHECK(back == NULL);
    CHECK_INT(rate, RECORDER_RATE);
}

static void test_wav_decode_refuses_what_is_not_a_wav(void)
{
    const unsigned char junk[] = "These are not the samples you are looking for.";
    int16_t *back = (int16_t *)junk;
    size_t count = 99;
    int rate = 0;
    char err[256] = "";
    CHECK_INT(wav_decode(junk, sizeof junk, &back, &count, &rate, err, sizeof err), -1);
    CHECK(back == NULL);
    CHECK_INT(count, 0);
    CHECK(strstr(err, "not a WAV"));
}

static void test_wav_decode_refuses_a_cut_header(void)
{
    int16_t samples[100] = {1, 2, 3};
    unsigned char *wav = NULL;
    size_t size = 0, count = 0;
    int16_t *back = NULL;
    int rate = 0;
    char err[256] = "";
    CHECK_INT(wav_encode(samples, 100, RECORDER_RATE, &wav, &size, err, sizeof err), 0);
    int decoded = wav_decode(wav, 20, &back, &count, &rate, err, sizeof err);
    free(wav);
    CHECK_INT(decoded, -1);
    CHECK(back == NULL);
}

/* ---- capture ---------------------------------------------------------------- */

/* Records from `path` until `until_ms` of sound or `timeout_ms` of real
 * time; notes the highest level seen. Returns the recorder (stopped), or
 * NULL after printing why. */
static Recorder *record_file(const char *path, int max_seconds, int until_ms, int timeout_ms,
                             float *peak_level)
{
    char err[256] = "";
    use_disk_audio("disk", path);
    Recorder *r = recorder_open(err, sizeof err);
    if (!r || recorder_start(r, max_seconds) != 0) {
        printf("    %s\n", r ? recorder_error(r) : err);
        recorder_close(r);
        return NULL;
    }
    *peak_level = 0.0f;
    Uint64 give_up = SDL_GetTicks64() + (Uint64)timeout_ms;
    while (recorder_is_recording(r) && recorder_elapsed_ms(r) < until_ms &&
           SDL_GetTicks64() < give_up) {
        float level = recorder_level(r);
        *peak_level = level > *peak_level ? level : *peak_level;
        SDL_Delay(10);
    }
    recorder_stop(r);
    return r;
}

static void test_capture_records_exactly_the_samples_of_the_file(void)
{
    enum { N = RECORDER_RATE * 3 / 2 }; /* 1.5 s */
    const char *path = "/tmp/sayso_test_tone_1500ms.raw";
    int16_t *tone = tone_make(N);
    CHECK(tone && raw_write(path, tone, N) == 0);
    float peak = 0.0f;
    Uint64 began = SDL_GetTicks64();
    Recorder *r = record_file(path, 60, 1700, 5000, &peak);
    Uint64 took = SDL_GetTicks64() - began;
    size_t count = 0;
    const int16_t *got = r ? recorder_samples(r, &count) : NULL;
    long offset = got ? offset_of(got, count, tone, MATCH_RUN) : -1;
    bool exact = offset >= 0 && (size_t)offset + N <= count &&
                 memcmp(got + offset, tone, N * sizeof *tone) == 0;
    bool silent_after = exact && leading_zeros(got + offset + N, count - (size_t)offset - N) ==
                                     count - (size_t)offset - N;
    printf("    note: %zu samples (%d ms) in %llu ms of real time; the file's first sample"
           " is sample %ld of the recording; peak level %.3f; all zeros after the file: %s\n",
           count, r ? recorder_elapsed_ms(r) : -1, (unsigned long long)took, offset,
           (double)peak, silent_after ? "yes" : "no");
    recorder_close(r);
    free(tone);
    unlink(path);
    CHECK(r);
    CHECK(offset >= 0);
    CHECK(exact);
    CHECK(silent_after);
    CHECK(peak > 0.2f); /* the RMS of the tone is 12000 / sqrt(2) / 32768, about 0.26 */
    CHECK(peak < 0.3f);
}

static void test_capture_stops_by_itself_at_the_limit(void)
{
    enum { N = RECORDER_RATE * 3 }; /* 3 s of tone, a 1 s limit */
    const char *path = "/tmp/sayso_test_tone_3s.raw";
    int16_t *tone = tone_make(N);
    CHECK(tone && raw_write(path, tone, N) == 0);
    float peak = 0.0f;
    Uint64 began = SDL_GetTicks64();
    Recorder *r = record_file(path, 1, 60000, 4000, &peak);
    Uint64 took = SDL_GetTicks64() - began;
    size_t count = 0;
    const int16_t *got = r ? recorder_samples(r, &count) : NULL;
    int elapsed = r ? recorder_elapsed_ms(r) : -1;
    bool recording = r ? recorder_is_recording(r) : true;
    float level = r ? recorder_level(r) : 1.0f;
    long offset = got ? offset_of(got, count, tone, MATCH_RUN) : -1;
    bool exact = offset >= 0 && memcmp(got + offset, tone, (count - (size_t)offset) * 2) == 0;
    recorder_close(r);
    free(tone);
    unlink(path);
    CHECK(r);
    CHECK(!recording);
    CHECK_INT(count, RECORDER_RATE);
    CHECK_INT(elapsed, 1000);
    CHECK(took < 2500); /* it stopped at the limit, not at the timeout */
    CHECK(level == 0.0f);
    CHECK(exact);
}

static void test_start_again_drops_the_last_recording(void)
{
    enum { N = RECORDER_RATE / 2 };
    const char *path = "/tmp/sayso_test_tone_500ms.raw";
    int16_t *tone = tone_make(N);
    CHECK(tone && raw_write(path, tone, N) == 0);
    float peak = 0.0f;
    Recorder *r = record_file(path, 60, 300, 3000, &peak);
    size_t first = 0, second = 0;
    if (r)
        recorder_samples(r, &first);
    int started = r ? recorder_start(r, 60) : -1;
    const int16_t *during = r ? recorder_samples(r, &second) : NULL;
    bool recording = r ? recorder_is_recording(r) : false;
    int elapsed = r ? recorder_elapsed_ms(r) : -1;
    recorder_close(r);
    free(tone);
    unlink(path);
    CHECK(r);
    CHECK(first >= RECORDER_RATE * 3 / 10);
    CHECK_INT(started, 0);
    CHECK(recording);
    CHECK(during == NULL); /* not while recording */
    CHECK_INT(second, 0);
    CHECK(elapsed < 300);
}

static void test_no_microphone_is_a_plain_message(void)
{
    char err[256] = "";
    setenv("SDL_AUDIODRIVER", "nonexistent", 1);
    Recorder *r = recorder_open(err, sizeof err);
    printf("    note: %s\n", err);
    recorder_close(r);
    CHECK(r == NULL);
    CHECK(strncmp(err, "no microphone (", 15) == 0);
    CHECK(strlen(err) > 16);
}

static void test_a_microphone_that_cannot_open_is_a_plain_message(void)
{
    char err[256] = "";
    use_disk_audio("disk", "/tmp/sayso-no-such-dir/no-such-file.raw");
    Recorder *r = recorder_open(err, sizeof err);
    printf("    note: %s\n", err);
    recorder_close(r);
    CHECK(r == NULL);
    CHECK(strncmp(err, "no microphone (", 15) == 0);
}

static void test_idle_recorder_holds_no_device(void)
{
    enum { N = RECORDER_RATE / 4 };
    const char *path = "/tmp/sayso_test_tone_250ms.raw";
    int16_t *tone = tone_make(N);
    CHECK(tone && raw_write(path, tone, N) == 0);
    char err[256] = "";
    use_disk_audio("disk", path);
    Recorder *r = recorder_open(err, sizeof err);
    /* The probe in recorder_open is closed again; SDL numbers devices from 2
     * (1 is the legacy SDL_OpenAudio device), so a device still open would
     * show as a status other than stopped. */
    SDL_AudioStatus idle = SDL_GetAudioDeviceStatus(2);
    float level = r ? recorder_level(r) : 1.0f;
    int elapsed = r ? recorder_elapsed_ms(r) : -1;
    size_t count = 99;
    const int16_t *none = r ? recorder_samples(r, &count) : tone;
    int started = r ? recorder_start(r, 60) : -1;
    SDL_AudioStatus recording = SDL_GetAudioDeviceStatus(2);
    if (r)
        recorder_stop(r);
    SDL_AudioStatus stopped = SDL_GetAudioDeviceStatus(2);
    recorder_close(r);
    free(tone);
    unlink(path);
    CHECK(r);
    CHECK_INT(idle, SDL_AUDIO_STOPPED);
    CHECK(level == 0.0f);
    CHECK_INT(elapsed, 0);
    CHECK(none == NULL);
    CHECK_INT(count, 0);
    CHECK_INT(started, 0);
    CHECK_INT(recording, SDL_AUDIO_PLAYING); /* device 2 is the one recording */
    CHECK_INT(stopped, SDL_AUDIO_STOPPED);
}

static void test_recorded_samples_survive_a_wav_round_trip(void)
{
    enum { N = RECORDER_RATE / 2 };
    const char *path = "/tmp/sayso_test_tone_wav.raw";
    int16_t *tone = tone_make(N);
    CHECK(tone && raw_write(path, tone, N) == 0);
    float peak = 0.0f;
    Recorder *r = record_file(path, 60, 400, 3000, &peak);
    size_t count = 0, back_count = 0;
    const int16_t *got = r ? recorder_samples(r, &count) : NULL;
    unsigned char *wav = NULL;
    size_t size = 0;
    int16_t *back = NULL;
    int rate = 0;
    char err[256] = "";
    int status = got ? wav_encode(got, count, RECORDER_RATE, &wav, &size, err, sizeof err) : -1;
    if (status == 0)
        status = wav_decode(wav, size, &back, &back_count, &rate, err, sizeof err);
    bool same = status == 0 && back_count == count && memcmp(back, got, count * 2) == 0;
    recorder_close(r);
    free(tone);
    free(wav);
    free(back);
    unlink(path);
    CHECK(got);
    CHECK_INT(status, 0);
    CHECK_INT(rate, RECORDER_RATE);
    CHECK(same);
}

int main(void)
{
    RUN(test_wav_round_trip_is_sample_exact);
    RUN(test_wav_empty_recording_round_trips);
    RUN(test_wav_decode_refuses_what_is_not_a_wav);
    RUN(test_wav_decode_refuses_a_cut_header);
    RUN(test_capture_records_exactly_the_samples_of_the_file);
    RUN(test_capture_stops_by_itself_at_the_limit);
    RUN(test_start_again_drops_the_last_recording);
    RUN(test_idle_recorder_holds_no_device);
    RUN(test_recorded_samples_survive_a_wav_round_trip);
    RUN(test_no_microphone_is_a_plain_message);
    RUN(test_a_microphone_that_cannot_open_is_a_plain_message);
    SDL_Quit();
    return TEST_SUMMARY();
}
