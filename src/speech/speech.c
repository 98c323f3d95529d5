/* speech.c: the public speech API (speech.h).
 *
 * Every call returns at once: a say of a cached clip swaps it into the audio
 * device under Speech.lock and the device lock; anything else becomes a
 * request for the worker (speech_worker.c). Each say or stop bumps
 * say_generation, so a clip that finishes synthesis after a later say or
 * stop is cached but never played: the last say wins. Disabled speech (and
 * a NULL Speech) makes every call a harmless no-op. */
#include "speech/speech_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool speech_active(const Speech *speech)
{
    return speech && speech->enabled;
}

char *speech_trimmed_copy(const char *text)
{
    if (!text)
        return NULL;
    while (isspace((unsigned char)*text))
        text++;
    size_t length = strlen(text);
    while (length > 0 && isspace((unsigned char)text[length - 1]))
        length--;
    return length ? strndup(text, length) : NULL;
}

static void set_error(char *err, size_t err_size, const char *message)
{
    if (err && err_size)
        snprintf(err, err_size, "%s", message);
}

static int clamped_rate(int rate)
{
    if (rate <= 0)
        return SPEECH_DEFAULT_RATE;
    return rate < SPEECH_MIN_RATE ? SPEECH_MIN_RATE
         : rate > SPEECH_MAX_RATE ? SPEECH_MAX_RATE : rate;
}

Speech *speech_open(const SpeechOptions *options, char *err, size_t err_size)
{
    Speech *speech = calloc(1, sizeof *speech);
    if (!speech) {
        set_error(err, err_size, "out of memory");
        return NULL;
    }
    speech->player.latency_ms = -1;
    if (!options || !options->enabled)
        return speech;
    speech->enabled = true;
    int sample_rate = speech_engine_start(err, err_size);
    if (sample_rate <= 0)
        goto fail;
    speech->sample_rate = sample_rate;
    const char *voice = options->voice && *options->voice ? options->voice : SPEECH_DEFAULT_VOICE;
    speech->voice = strdup(voice);
    speech->rate = clamped_rate(options->rate);
    speech->lock = SDL_CreateMutex();
    speech->wake = SDL_CreateCond();
    speech->idle = SDL_CreateCond();
    if (!speech->voice || !speech->lock || !speech->wake || !speech->idle) {
        set_error(err, err_size, "cannot set up speech: out of memory");
        goto fail;
    }
    if (options->open_audio)
        speech_player_open(&speech->player, sample_rate);
    if (!speech_worker_start(speech, err, err_size))
        goto fail;
    return speech;
fail:
    speech_close(speech);
    return NULL;
}

void speech_close(Speech *speech)
{
    if (!speech)
        return;
    speech_worker_stop(speech);
    speech_player_close(&speech->player);
    speech_cache_clear(&speech->cache);
    free(speech->voice);
    if (speech->idle)
        SDL_DestroyCond(speech->idle);
    if (speech->wake)
        SDL_DestroyCond(speech->wake);
    if (speech->lock)
        SDL_DestroyMutex(speech->lock);
    free(speech);
}

bool speech_has_audio(const Speech *speech)
{
    return speech_active(speech) && speech->player.available;
}

bool speech_audio_is_file(const Speech *speech)
{
    const char *driver = speech_has_audio(speech) ? SDL_GetCurrentAudioDriver() : NULL;
    return driver && strcmp(driver, "disk") == 0;
}

/* With Speech.lock held: queues `text` (owned) in the current voice. */
static void speech_request(Speech *speech, SpeechRequestKind kind, const char *voice, char *text,
                           Uint64 said_at)
{
    SpeechRequest request = {.kind = kind, .text = text, .voice = strdup(voice),
                             .rate = speech->rate, .generation = speech->say_generation,
                             .said_at = said_at};
    if (request.voice)
        speech_worker_enqueue(speech, &request);
    else
        speech_request_free(&request);
}

void speech_prepare_in(Speech *speech, const char *voice, const char *text)
{
    char *trimmed = speech_active(speech) ? speech_trimmed_copy(text) : NULL;
    if (!trimmed)
        return;
    SDL_LockMutex(speech->lock);
    speech_request(speech, SPEECH_PREPARE, voice ? voice : speech->voice, trimmed, 0);
    SDL_UnlockMutex(speech->lock);
}

void speech_prepare(Speech *speech, const char *text)
{
    speech_prepare_in(speech, NULL, text);
}

void speech_say(Speech *speech, const char *text)
{
    speech_say_in(speech, NULL, text);
}

void speech_say_in(Speech *speech, const char *voice_or_null, const char *text)
{
    Uint64 said_at = SDL_GetPerformanceCounter();
    char *trimmed = speech_has_audio(speech) ? speech_trimmed_copy(text) : NULL;
    if (!trimmed)
        return;
    SDL_LockMutex(speech->lock);
    speech->say_generation++;
    speech_say_locked(speech, voice_or_null ? voice_or_null : speech->voice, trimmed, said_at);
    SDL_UnlockMutex(speech->lock);
}

void speech_say_locked(Speech *speech, const char *voice, char *text, Uint64 said_at)
{
    speech_worker_drop_says(speech);
    SpeechClip *clip = speech_cache_find(&speech->cache, voice, speech->rate, text);
    if (clip) {
        speech_player_start(&speech->player, clip, said_at);
        free(text);
    } else {
        speech_player_cut(&speech->player, said_at);
        speech_request(speech, SPEECH_SAY, voice, text, said_at);
    }
}

void speech_stop(Speech *speech)
{
    if (!speech_active(speech))
        return;
    SDL_LockMutex(speech->lock);
    speech->say_generation++;
    speech_worker_drop_says(speech);
    speech_player_cut(&speech->player, 0);
    SDL_UnlockMutex(speech->lock);
}

void speech_set_volume(Speech *speech, int pct)
{
    if (!speech)
        return;
    pct = pct < 10 ? 10 : pct > SPEECH_VOLUME_MAX ? SPEECH_VOLUME_MAX : pct;  /* never silent by mistake */
    speech_player_set_volume(&speech->player, pct);
}

void speech_set_voice(Speech *speech, const char *voice)
{
    char *copy = speech_active(speech) && voice && *voice ? strdup(voice) : NULL;
    if (!copy)
        return;
    SDL_LockMutex(speech->lock);
    char *old = speech->voice;
    speech->voice = copy;
    SDL_UnlockMutex(speech->lock);
    free(old);
}

/* With Speech.lock held. */
static bool speech_idle_now(Speech *speech, bool to_the_end)
{
    return speech_worker_idle(speech) && (to_the_end ? speech_player_finished(&speech->player)
                                                     : speech_player_started(&speech->player));
}

static bool speech_wait(Speech *speech, int timeout_ms, bool to_the_end)
{
    if (!speech_active(speech))
        return true;
    Uint64 deadline = SDL_GetTicks64() + (Uint64)(timeout_ms > 0 ? timeout_ms : 0);
    bool idle;
    SDL_LockMutex(speech->lock);
    /* The worker signals `idle`; the device's callbacks are polled. */
    while (!(idle = speech_idle_now(speech, to_the_end)) && SDL_GetTicks64() < deadline)
        SDL_CondWaitTimeout(speech->idle, speech->lock, 2);
    SDL_UnlockMutex(speech->lock);
    return idle;
}

bool speech_wait_idle(Speech *speech, int timeout_ms)
{
    return speech_wait(speech, timeout_ms, false);
}

bool speech_wait_done(Speech *speech, int timeout_ms)
{
    return speech_wait(speech, timeout_ms, true);
}

/* With Speech.lock held: the cached clip of `text` in the current voice. */
static SpeechClip *speech_lookup(Speech *speech, const char *text, char **trimmed)
{
    *trimmed = speech_trimmed_copy(text);
    return *trimmed ? speech_cache_find(&speech->cache, speech->voice, speech->rate, *trimmed)
                    : NULL;
}

bool speech_is_cached(Speech *speech, const char *text, size_t *samples)
{
    char *trimmed = NULL;
    if (samples)
        *samples = 0;
    if (!speech_active(speech))
        return false;
    SDL_LockMutex(speech->lock);
    SpeechClip *clip = speech_lookup(speech, text, &trimmed);
    if (clip && samples)
        *samples = clip->count;
    SDL_UnlockMutex(speech->lock);
    free(trimmed);
    return clip != NULL;
}

long speech_debug_serial(Speech *speech, const char *text)
{
    char *trimmed = NULL;
    if (!speech_active(speech))
        return -1;
    SDL_LockMutex(speech->lock);
    SpeechClip *clip = speech_lookup(speech, text, &trimmed);
    long serial = clip ? clip->serial : -1;
    SDL_UnlockMutex(speech->lock);
    free(trimmed);
    return serial;
}

double speech_last_latency_ms(Speech *speech)
{
    return speech_active(speech) ? speech_player_latency(&speech->player) : -1;
}

size_t speech_debug_playing(Speech *speech, char *text, size_t text_size)
{
    if (text && text_size)
        text[0] = '\0';
    if (!speech_active(speech) || !text)
        return 0;
    return speech_player_current(&speech->player, text, text_size);
}
