/* speech_worker.c: the request queue and the thread that owns synthesis.
 *
 * Requests wait in a small array under Speech.lock: says at the front (there
 * is at most one, the last say wins), prepares behind them in the order
 * asked. The worker takes the front request, synthesises it with the lock
 * dropped (so speech_say never waits on espeak-ng), caches the clip and, if
 * it was a say that no later say or stop has overtaken, starts it playing
 * before it lets go of the lock. A request for a prompt file (rate
 * SPEECH_FILE_RATE) is decoded instead of synthesised; a say of a file that
 * cannot be played becomes a say of its fallback text, if it has one. A say
 * of recorded samples is converted here too, and played but not cached. */
#include "speech/speech_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void speech_request_free(SpeechRequest *request)
{
    free(request->text);
    free(request->voice);
    free(request->fallback);
    free(request->samples);
    request->text = request->voice = request->fallback = NULL;
    request->samples = NULL;
}

static bool request_same(const SpeechRequest *a, const SpeechRequest *b)
{
    return a->rate == b->rate && strcmp(a->text, b->text) == 0 &&
           strcmp(a->voice, b->voice) == 0;
}

static void queue_remove(Speech *speech, int index)
{
    speech_request_free(&speech->queue[index]);
    memmove(&speech->queue[index], &speech->queue[index + 1],
            (size_t)(speech->queued - index - 1) * sizeof speech->queue[0]);
    speech->queued--;
}

static bool queue_holds(const Speech *speech, const SpeechRequest *request)
{
    for (int i = 0; i < speech->queued; i++)
        if (request_same(&speech->queue[i], request))
            return true;
    return false;
}

static void queue_insert(Speech *speech, int index, SpeechRequest *request)
{
    memmove(&speech->queue[index + 1], &speech->queue[index],
            (size_t)(speech->queued - index) * sizeof speech->queue[0]);
    speech->queue[index] = *request;
    speech->queued++;
}

void speech_worker_drop_says(Speech *speech)
{
    for (int i = speech->queued - 1; i >= 0; i--)
        if (speech->queue[i].kind == SPEECH_SAY)
            queue_remove(speech, i);
}

void speech_worker_enqueue(Speech *speech, SpeechRequest *request)
{
    bool say = request->kind == SPEECH_SAY;
    if (say)
        speech_worker_drop_says(speech);
    else if (speech->queued == SPEECH_QUEUE_MAX || queue_holds(speech, request) ||
             speech_cache_find(&speech->cache, request->voice, request->rate, request->text))
        goto drop;
    if (speech->queued == SPEECH_QUEUE_MAX)
        queue_remove(speech, speech->queued - 1); /* a prepare: says were dropped */
    queue_insert(speech, say ? 0 : speech->queued, request);
    SDL_CondSignal(speech->wake);
    return;
drop:
    speech_request_free(request);
}

bool speech_worker_idle(const Speech *speech)
{
    return speech->queued == 0 && !speech->busy;
}

/* With Speech.lock held: waits for a request and takes the front one. */
static bool worker_take(Speech *speech, SpeechRequest *request)
{
    while (!speech->quit && speech->queued == 0) {
        int quiet_check = speech_player_close_when_quiet(&speech->player);
        if (quiet_check < 0)
            SDL_CondWait(speech->wake, speech->lock);
        else
            SDL_CondWaitTimeout(speech->wake, speech->lock, (Uint32)quiet_check);
    }
    if (speech->quit)
        return false;
    *request = speech->queue[0];
    memmove(&speech->queue[0], &speech->queue[1],
            (size_t)(speech->queued - 1) * sizeof speech->queue[0]);
    speech->queued--;
    speech->busy = true;
    speech->busy_saying = request->kind == SPEECH_SAY;
    speech->busy_generation = request->generation;
    return true;
}

static void worker_log_voice(Speech *speech, const char *voice)
{
    if (strcmp(speech->failed_voice, voice) == 0)
        return;
    fprintf(stderr, "sayso: espeak-ng has no voice for \"%s\"; it is not spoken\n", voice);
    snprintf(speech->failed_voice, sizeof speech->failed_voice, "%s", voice);
}

/* With Speech.lock held, dropped while synthesising: the clip for `request`
 * with a reference for the caller, or NULL. */
static SpeechClip *worker_clip(Speech *speech, const SpeechRequest *request)
{
    int device_rate = speech->sample_rate;
    if (request->samples) {
        SDL_UnlockMutex(speech->lock);
        SpeechClip *converted = speech_sound_convert(request->samples, request->count,
                                                     request->sample_rate, device_rate);
        SDL_LockMutex(speech->lock);
        return converted;
    }
    SpeechClip *clip = speech_cache_find(&speech->cache, request->voice, request->rate,
                                         request->text);
    if (clip) {
        speech_clip_retain(clip);
        return clip;
    }
    bool file = request->rate == SPEECH_FILE_RATE, no_voice = false;
    char reason[256] = "";
    SDL_UnlockMutex(speech->lock);
    if (file)
        clip = speech_sound_decode(request->text, device_rate, reason, sizeof reason);
    else
        clip = speech_engine_synth(request->voice, request->rate, request->text, &no_voice);
    SDL_LockMutex(speech->lock);
    if (no_voice)
        worker_log_voice(speech, request->voice);
    if (clip && file && clip->count == 0)
        fprintf(stderr, "sayso: cannot play recorded prompt %s: %s\n", request->text, reason);
    if (clip) {
        clip->serial = speech->synth_count++;
        speech_cache_insert(&speech->cache, clip);
    }
    return clip;
}

/* With Speech.lock held: plays `clip` for a say nothing has overtaken, or
 * queues the say's fallback text when the clip is an unplayable file. */
static void worker_play(Speech *speech, SpeechRequest *request, SpeechClip *clip)
{
    if (!clip || request->kind != SPEECH_SAY || request->generation != speech->say_generation)
        return;
    if (clip->count > 0) {
        speech_player_start(&speech->player, clip, request->said_at);
        return;
    }
    char *voice = request->fallback ? strdup(speech->voice) : NULL;
    if (!voice)
        return;
    SpeechRequest fallback = {.kind = SPEECH_SAY, .text = request->fallback, .voice = voice,
                              .rate = speech->rate, .generation = request->generation,
                              .said_at = request->said_at};
    request->fallback = NULL;
    speech_worker_enqueue(speech, &fallback);
}

static int worker_main(void *data)
{
    Speech *speech = data;
    SpeechRequest request;
    SDL_LockMutex(speech->lock);
    while (worker_take(speech, &request)) {
        SpeechClip *clip = worker_clip(speech, &request);
        worker_play(speech, &request, clip);
        speech_clip_release(clip);
        speech_request_free(&request);
        speech->busy = speech->busy_saying = false;
        SDL_CondBroadcast(speech->idle);
    }
    SDL_UnlockMutex(speech->lock);
    return 0;
}

bool speech_worker_start(Speech *speech, char *err, size_t err_size)
{
    speech->worker = SDL_CreateThread(worker_main, "sayso-speech", speech);
    if (!speech->worker && err && err_size)
        snprintf(err, err_size, "cannot start the speech thread: %s", SDL_GetError());
    return speech->worker != NULL;
}

void speech_worker_stop(Speech *speech)
{
    if (speech->worker) {
        SDL_LockMutex(speech->lock);
        speech->quit = true;
        SDL_CondSignal(speech->wake);
        SDL_UnlockMutex(speech->lock);
        SDL_WaitThread(speech->worker, NULL);
        speech->worker = NULL;
    }
    while (speech->queued > 0)
        queue_remove(speech, speech->queued - 1);
}
