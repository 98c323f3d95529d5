/* speech_sound.c: recorded sound, from prompt files and from the recorder.
 *
 * The audio device plays one format only: espeak-ng's rate, mono, 16 bit.
 * Everything recorded is converted to it before it becomes a clip, by an
 * SDL_AudioStream, which resamples and mixes the channels down to mono, so
 * the audio callback copies every clip the same way.
 *
 * A prompt file (any format libsndfile reads: WAV, OGG, FLAC, ...) is
 * decoded on the worker thread, read in chunks straight into the stream, and
 * cached like a synthesised clip, keyed by its path (see SPEECH_FILE_VOICE).
 * A spoken answer just recorded is already in memory: the caller's thread
 * only copies it, the worker converts it (SDL's resampler takes about 50 ms
 * for a minute at 16 kHz, too long for the UI thread), and it is not cached,
 * since it is played once or twice and then kept or thrown away. */
#include "speech/speech_internal.h"

#include "lazy/lazy_sndfile.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SOUND_CHUNK_FRAMES 4096
#define SOUND_MAX_CHANNELS 8 /* SDL 2 converts up to 7.1 */

static void set_reason(char *reason, size_t reason_size, const char *message)
{
    if (reason && reason_size)
        snprintf(reason, reason_size, "%s", message);
}

/* Feeds `count` interleaved 16-bit samples to `stream` in pieces small
 * enough for SDL's int lengths. SDL refuses a piece that splits a frame, so
 * only mono input may exceed one piece (file reads come in 4096 frames). */
static bool sound_put(SDL_AudioStream *stream, const int16_t *samples, size_t count)
{
    while (count > 0) {
        size_t n = count < (1u << 20) ? count : (1u << 20);
        if (SDL_AudioStreamPut(stream, samples, (int)(n * sizeof *samples)) != 0)
            return false;
        samples += n;
        count -= n;
    }
    return true;
}

/* Feeds `frames` frames of silence to `stream`. */
static bool sound_put_silence(SDL_AudioStream *stream, size_t frames, int channels)
{
    int16_t *silence = calloc(frames * (size_t)channels, sizeof *silence);
    bool ok = silence && sound_put(stream, silence, frames * (size_t)channels);
    free(silence);
    return ok;
}

/* Ends a conversion of `frames` frames at `rate` Hz to `device_rate` Hz and
 * takes its output. Returns a malloc'd array (the caller frees it) and its
 * length in *count, or NULL with *count 0 when there is nothing or memory
 * runs out.
 *
 * Quirk: SDL 2.26's resampler keeps back the last ~512 samples even through
 * SDL_AudioStreamFlush, cutting 23 to 64 ms off the end of every clip whose
 * rate differs from the device's. So silence goes in after the sound, and
 * the output is trimmed to the length the sound itself converts to. */
static int16_t *sound_drain(SDL_AudioStream *stream, size_t frames, int channels, int rate,
                            int device_rate, size_t *count)
{
    size_t want = (size_t)(((unsigned long long)frames * (unsigned)device_rate +
                            (unsigned)rate / 2) / (unsigned)rate);
    *count = 0;
    if (!sound_put_silence(stream, (size_t)rate / 10 + 1024, channels) ||
        SDL_AudioStreamFlush(stream) != 0)
        return NULL;
    int bytes = SDL_AudioStreamAvailable(stream);
    if ((size_t)bytes > want * sizeof(int16_t))
        bytes = (int)(want * sizeof(int16_t));
    int16_t *samples = bytes > 0 ? malloc((size_t)bytes) : NULL;
    if (!samples)
        return NULL;
    int got = SDL_AudioStreamGet(stream, samples, bytes);
    if (got <= 0) {
        free(samples);
        return NULL;
    }
    *count = (size_t)got / sizeof *samples;
    return samples;
}

/* Reads every frame of `file` into `stream`, counting them in *read; false
 * with `reason` on a read or conversion error. */
static bool sound_read(SNDFILE *file, int channels, SDL_AudioStream *stream, size_t *read,
                       char *reason, size_t reason_size)
{
    int16_t *buffer = malloc(SOUND_CHUNK_FRAMES * (size_t)channels * sizeof *buffer);
    sf_count_t frames;
    bool ok = buffer != NULL;
    *read = 0;
    if (!ok)
        set_reason(reason, reason_size, "out of memory");
    while (ok && (frames = sf_readf_short(file, buffer, SOUND_CHUNK_FRAMES)) > 0) {
        ok = sound_put(stream, buffer, (size_t)frames * (size_t)channels);
        *read += (size_t)frames;
        if (!ok)
            set_reason(reason, reason_size, SDL_GetError());
    }
    if (ok && sf_error(file) != SF_ERR_NO_ERROR) {
        set_reason(reason, reason_size, sf_strerror(file));
        ok = false;
    }
    free(buffer);
    return ok;
}

/* Checks what the file's header promises; false with `reason` if it cannot
 * be played. */
static bool sound_acceptable(const SF_INFO *info, char *reason, size_t reason_size)
{
    char message[96];
    if (info->channels < 1 || info->channels > SOUND_MAX_CHANNELS)
        snprintf(message, sizeof message, "%d channels (at most %d can be played)",
                 info->channels, SOUND_MAX_CHANNELS);
    else if (info->samplerate <= 0)
        snprintf(message, sizeof message, "no sample rate");
    else if (info->frames > (sf_count_t)SPEECH_FILE_MAX_SECONDS * info->samplerate)
        snprintf(message, sizeof message, "longer than %d seconds", SPEECH_FILE_MAX_SECONDS);
    else
        return true;
    set_reason(reason, reason_size, message);
    return false;
}

/* Decodes and converts the file at `path`; NULL with `reason` on failure. */
static int16_t *sound_decode_samples(const char *path, int device_rate, size_t *count,
                                     char *reason, size_t reason_size)
{
    SF_INFO info = {0};
    SDL_AudioStream *stream = NULL;
    int16_t *samples = NULL;
    size_t frames;
    *count = 0;
    if (!lazy_sndfile_ready(reason, reason_size))
        return NULL;
    SNDFILE *file = sf_open(path, SFM_READ, &info);
    if (!file) {
        set_reason(reason, reason_size, sf_strerror(NULL));
        return NULL;
    }
    if (!sound_acceptable(&info, reason, reason_size))
        goto done;
    stream = SDL_NewAudioStream(AUDIO_S16SYS, (Uint8)info.channels, info.samplerate,
                                AUDIO_S16SYS, 1, device_rate);
    if (!stream) {
        set_reason(reason, reason_size, SDL_GetError());
        goto done;
    }
    if (!sound_read(file, info.channels, stream, &frames, reason, reason_size))
        goto done;
    samples = sound_drain(stream, frames, info.channels, info.samplerate, device_rate, count);
    if (!samples)
        set_reason(reason, reason_size, frames > 0 ? "out of memory" : "no sound in it");
done:
    if (stream)
        SDL_FreeAudioStream(stream);
    sf_close(file);
    return samples;
}

SpeechClip *speech_sound_decode(const char *path, int device_rate, char *reason,
                                size_t reason_size)
{
    size_t count;
    set_reason(reason, reason_size, "");
    int16_t *samples = sound_decode_samples(path, device_rate, &count, reason, reason_size);
    return speech_clip_new(SPEECH_FILE_VOICE, SPEECH_FILE_RATE, path, samples, count);
}

/* With Speech.lock held: queues a prepare or a say of the file `path`
 * (owned), with `fallback` (owned, or NULL) to say if it cannot be played. */
static void sound_request(Speech *speech, SpeechRequestKind kind, char *path, char *fallback,
                          Uint64 said_at)
{
    SpeechRequest request = {.kind = kind, .text = path, .voice = strdup(SPEECH_FILE_VOICE),
                             .rate = SPEECH_FILE_RATE, .generation = speech->say_generation,
                             .said_at = said_at, .fallback = fallback};
    if (request.voice)
        speech_worker_enqueue(speech, &request);
    else
        speech_request_free(&request);
}

void speech_prepare_file(Speech *speech, const char *path)
{
    char *copy = speech_active(speech) && path && *path ? strdup(path) : NULL;
    if (!copy)
        return;
    SDL_LockMutex(speech->lock);
    sound_request(speech, SPEECH_PREPARE, copy, NULL, 0);
    SDL_UnlockMutex(speech->lock);
}

/* With Speech.lock held: a say of `path`, after say_generation is bumped.
 * Takes `path` and `fallback` (owned, or NULL). */
static void sound_say_locked(Speech *speech, char *path, char *fallback, Uint64 said_at)
{
    speech_worker_drop_says(speech);
    SpeechClip *clip = speech_cache_find(&speech->cache, SPEECH_FILE_VOICE, SPEECH_FILE_RATE,
                                         path);
    if (!clip) {
        speech_player_cut(&speech->player, said_at);
        sound_request(speech, SPEECH_SAY, path, fallback, said_at);
        return;
    }
    free(path);
    if (clip->count > 0) {
        speech_player_start(&speech->player, clip, said_at);
        free(fallback);
    } else if (fallback) {
        speech_say_locked(speech, speech->voice, fallback, said_at);
    } else {
        speech_player_cut(&speech->player, said_at);
    }
}

void speech_say_file_or(Speech *speech, const char *path, const char *fallback)
{
    Uint64 said_at = SDL_GetPerformanceCounter();
    char *copy = speech_has_audio(speech) && path && *path ? strdup(path) : NULL;
    if (!copy)
        return;
    char *spoken = speech_trimmed_copy(fallback);
    SDL_LockMutex(speech->lock);
    speech->say_generation++;
    sound_say_locked(speech, copy, spoken, said_at);
    SDL_UnlockMutex(speech->lock);
}

void speech_say_file(Speech *speech, const char *path)
{
    speech_say_file_or(speech, path, NULL);
}

bool speech_file_playable(Speech *speech, const char *path)
{
    if (!speech_active(speech) || !path)
        return false;
    SDL_LockMutex(speech->lock);
    SpeechClip *clip = speech_cache_find(&speech->cache, SPEECH_FILE_VOICE, SPEECH_FILE_RATE,
                                         path);
    bool playable = clip && clip->count > 0;
    SDL_UnlockMutex(speech->lock);
    return playable;
}

SpeechClip *speech_sound_convert(const int16_t *samples, size_t count, int rate,
                                 int device_rate)
{
    size_t converted_count = 0;
    int16_t *converted = NULL;
    SDL_AudioStream *stream = SDL_NewAudioStream(AUDIO_S16SYS, 1, rate, AUDIO_S16SYS, 1,
                                                 device_rate);
    if (!stream)
        return NULL;
    if (sound_put(stream, samples, count))
        converted = sound_drain(stream, count, 1, rate, device_rate, &converted_count);
    SDL_FreeAudioStream(stream);
    return converted ? speech_clip_new("", 0, SPEECH_ANSWER_TEXT, converted, converted_count)
                     : NULL;
}

/* A copy of the samples on the caller's thread (under a millisecond for a
 * minute); the worker converts them, since SDL's resampler takes about
 * 50 ms a minute, long enough to drop frames on the UI thread. */
void speech_play_samples(Speech *speech, const int16_t *samples, size_t count, int rate)
{
    Uint64 said_at = SDL_GetPerformanceCounter();
    if (!speech_has_audio(speech))
        return;
    bool some = samples && count > 0 && rate > 0;
    SpeechRequest request = {.kind = SPEECH_SAY, .text = strdup(SPEECH_ANSWER_TEXT),
                             .voice = strdup(""), .said_at = said_at,
                             .samples = some ? malloc(count * sizeof *samples) : NULL,
                             .count = count, .sample_rate = rate};
    if (request.samples)
        memcpy(request.samples, samples, count * sizeof *samples);
    SDL_LockMutex(speech->lock);
    request.generation = ++speech->say_generation;
    speech_worker_drop_says(speech);
    speech_player_cut(&speech->player, said_at);
    if (request.samples && request.text && request.voice)
        speech_worker_enqueue(speech, &request);
    else
        speech_request_free(&request);
    SDL_UnlockMutex(speech->lock);
}

bool speech_is_playing(Speech *speech)
{
    if (!speech_has_audio(speech))
        return false;
    SDL_LockMutex(speech->lock);
    bool waiting = (speech->queued > 0 && speech->queue[0].kind == SPEECH_SAY) ||
                   (speech->busy_saying && speech->busy_generation == speech->say_generation);
    bool playing = waiting || !speech_player_finished(&speech->player);
    SDL_UnlockMutex(speech->lock);
    return playing;
}
