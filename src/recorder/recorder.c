/* recorder.c: microphone capture through SDL's audio API (recorder.h).
 *
 * SDL's audio thread calls recorder_callback with each buffer of captured
 * samples, converted by SDL to 16 kHz mono S16 whatever the hardware gives
 * (the device is opened with allowed_changes 0). The callback runs under
 * the SDL device lock and only copies into the buffer taken at
 * recorder_start for the whole limit: it never allocates, frees or waits.
 * The UI thread reads the count, the level and the `full` flag under the
 * same lock, for a few microseconds a frame. The device exists only between
 * recorder_start and the stop (a tap, or the limit seen by
 * recorder_is_recording), so an idle kiosk runs no audio thread. */
#include "recorder/recorder.h"

#include <SDL.h>
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RECORDER_DEVICE_SAMPLES 512             /* a callback every 32 ms */
#define RECORDER_LEVEL_SAMPLES (RECORDER_RATE / 20) /* the level meter's 50 ms */

struct Recorder {
    bool subsystem;             /* we hold SDL_INIT_AUDIO */
    SDL_AudioDeviceID device;   /* 0: not recording */
    /* Guarded by the device lock while `device` is open. */
    int16_t *samples;           /* room for `limit` samples */
    size_t count, limit;
    bool full;                  /* the limit was reached: the callback adds nothing */
    char error[256];
};

/* Runs on SDL's audio thread, under the device lock. */
static void recorder_callback(void *userdata, Uint8 *stream, int len)
{
    Recorder *r = userdata;
    if (r->full)
        return; /* so the UI may read count without the lock once full */
    size_t n = (size_t)len / sizeof *r->samples;
    size_t room = r->limit - r->count;
    if (n >= room) {
        n = room;
        r->full = true;
    }
    memcpy(r->samples + r->count, stream, n * sizeof *r->samples);
    r->count += n;
}

/* Opens the default capture device, paused. 0 when there is none (see
 * SDL_GetError). */
static SDL_AudioDeviceID recorder_device_open(Recorder *r)
{
    SDL_AudioSpec want = {
        .freq = RECORDER_RATE,
        .format = AUDIO_S16SYS,
        .channels = 1,
        .samples = RECORDER_DEVICE_SAMPLES,
        .callback = recorder_callback,
        .userdata = r,
    };
    SDL_AudioSpec have;
    return SDL_OpenAudioDevice(NULL, 1, &want, &have, 0);
}

Recorder *recorder_open(char *err, size_t err_size)
{
    assert(err);
    Recorder *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, err_size, "out of memory while opening the microphone");
        return NULL;
    }
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        goto fail;
    r->subsystem = true;
    /* The probe: a missing or busy microphone is found here, when the
     * kiosk starts, not when somebody taps "record". */
    SDL_AudioDeviceID probe = recorder_device_open(r);
    if (probe == 0)
        goto fail;
    SDL_CloseAudioDevice(probe);
    return r;
fail:
    snprintf(err, err_size, "no microphone (%s)", SDL_GetError());
    recorder_close(r);
    return NULL;
}

void recorder_close(Recorder *recorder)
{
    if (!recorder)
        return;
    recorder_stop(recorder);
    if (recorder->subsystem)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    free(recorder->samples);
    free(recorder);
}

int recorder_start(Recorder *recorder, int max_seconds)
{
    assert(recorder);
    recorder_stop(recorder);
    size_t limit = (size_t)(max_seconds > 0 ? max_seconds : RECORDER_DEFAULT_SECONDS) *
                   RECORDER_RATE;
    int16_t *room = realloc(recorder->samples, limit * sizeof *room);
    if (!room) {
        snprintf(recorder->error, sizeof recorder->error,
                 "out of memory for a recording of %d seconds", max_seconds);
        return -1;
    }
    recorder->samples = room;
    recorder->limit = limit;
    recorder->count = 0;
    recorder->full = false;
    recorder->device = recorder_device_open(recorder);
    if (recorder->device == 0) {
        snprintf(recorder->error, sizeof recorder->error, "no microphone (%s)", SDL_GetError());
        return -1;
    }
    SDL_PauseAudioDevice(recorder->device, 0);
    return 0;
}

void recorder_stop(Recorder *recorder)
{
    assert(recorder);
    if (recorder->device == 0)
        return;
    SDL_CloseAudioDevice(recorder->device); /* joins the audio thread */
    recorder->device = 0;
}

/* True while the device is open and the limit not reached. */
static bool recorder_capturing(const Recorder *r)
{
    if (r->device == 0)
        return false;
    SDL_LockAudioDevice(r->device);
    bool capturing = !r->full;
    SDL_UnlockAudioDevice(r->device);
    return capturing;
}

bool recorder_is_recording(Recorder *recorder)
{
    assert(recorder);
    if (recorder_capturing(recorder))
        return true;
    recorder_stop(recorder);
    return false;
}

float recorder_level(const Recorder *recorder)
{
    assert(recorder);
    if (recorder->device == 0)
        return 0.0f;
    double sum = 0.0;
    size_t n = 0;
    SDL_LockAudioDevice(recorder->device);
    if (!recorder->full) {
        n = recorder->count < RECORDER_LEVEL_SAMPLES ? recorder->count : RECORDER_LEVEL_SAMPLES;
        for (const int16_t *s = recorder->samples + recorder->count - n;
             s < recorder->samples + recorder->count; s++)
            sum += (double)*s * *s;
    }
    SDL_UnlockAudioDevice(recorder->device);
    return n ? (float)(sqrt(sum / (double)n) / 32768.0) : 0.0f;
}

int recorder_elapsed_ms(const Recorder *recorder)
{
    assert(recorder);
    if (recorder->device)
        SDL_LockAudioDevice(recorder->device);
    size_t count = recorder->count;
    if (recorder->device)
        SDL_UnlockAudioDevice(recorder->device);
    return (int)(count * 1000 / RECORDER_RATE);
}

const int16_t *recorder_samples(const Recorder *recorder, size_t *count)
{
    assert(recorder && count);
    *count = 0;
    if (recorder_capturing(recorder) || !recorder->samples)
        return NULL;
    *count = recorder->count; /* the callback adds nothing once full */
    return recorder->count ? recorder->samples : NULL;
}

const char *recorder_error(const Recorder *recorder)
{
    assert(recorder);
    return recorder->error;
}
