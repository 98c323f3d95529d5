/* speech_internal.h: what the files of src/speech/ share, and nobody else.
 *
 *   speech.c        the public API (speech.h): open, close, say, stop, ...
 *   speech_worker.c the request queue and the worker thread
 *   speech_engine.c espeak-ng, turning text into a clip
 *   speech_cache.c  reference-counted clips and the LRU cache
 *   speech_sound.c  recorded sound: prompt files and answers played back
 *   audio_out.c     the SDL audio device and its callback
 *
 * Locking: Speech.lock guards the queue, the cache, the voice and the say
 * generation. The player's fields are guarded by the SDL audio device lock,
 * which the audio callback holds while it runs. Whoever needs both takes
 * Speech.lock first; the callback takes neither itself, so it never waits on
 * the worker or on the UI thread. */
#ifndef SAYSO_SPEECH_INTERNAL_H
#define SAYSO_SPEECH_INTERNAL_H

#include "speech/speech.h"

#include <SDL.h>
#include <stdatomic.h>
#include <stdint.h>

#define SPEECH_QUEUE_MAX 128              /* pending prepare/say requests */
#define SPEECH_CACHE_MAX_CLIPS 256
#define SPEECH_CACHE_MAX_BYTES (16u << 20) /* about 6 minutes at 22050 Hz */
#define SPEECH_DEFAULT_VOICE "en-gb"
#define SPEECH_DEFAULT_RATE 175            /* words a minute, espeak-ng's own */
#define SPEECH_MIN_RATE 80
#define SPEECH_MAX_RATE 450
#define SPEECH_DEVICE_SAMPLES 128         /* about 6 ms per callback */
#define SPEECH_CLOSE_AFTER_MS 20000       /* a quiet device is closed after this */
#define SPEECH_QUIET_POLL_MS 1000         /* how often the worker looks for quiet */
#define SPEECH_FILE_MAX_SECONDS 300       /* a longer prompt file is refused (13 MB decoded) */

/* A decoded prompt file is cached as a clip keyed (SPEECH_FILE_VOICE,
 * SPEECH_FILE_RATE, path): no espeak-ng voice is empty and no speech rate is
 * 0, so it never meets a synthesised clip. A file that could not be decoded
 * is cached as a clip of no samples, so it is tried and logged once while it
 * stays in the cache. */
#define SPEECH_FILE_VOICE ""
#define SPEECH_FILE_RATE 0
#define SPEECH_ANSWER_TEXT "(recorded answer)" /* the text of a played-back answer */

/* One synthesised utterance. Immutable once built, except for refs and the
 * cache links. Each holder (the cache, the player, a worker in flight) owns
 * one reference; the last release frees it. */
typedef struct SpeechClip {
    atomic_int refs;
    char *voice;
    int rate;
    char *text;
    int16_t *samples;
    size_t count;
    long serial;                          /* synthesis order, for tests */
    struct SpeechClip *newer, *older;     /* LRU links, owned by the cache */
} SpeechClip;

/* Most recently used first. Guarded by Speech.lock. */
typedef struct {
    SpeechClip *newest, *oldest;
    size_t clips, bytes;
} SpeechCache;

/* The device and the clip it is on. Every field after `subsystem` is guarded
 * by the SDL audio device lock. */
typedef struct {
    SDL_AudioDeviceID device;             /* 0: closed (or none at all) */
    bool available;                       /* a device opened at start: false makes every call a no-op */
    bool subsystem;                       /* we hold SDL_INIT_AUDIO */
    SDL_AudioSpec spec;                   /* what to open it with again */
    Uint64 quiet_since;                   /* ms when it was first seen quiet; 0 while playing */
    SpeechClip *clip;                     /* one reference, or NULL */
    size_t position;                      /* samples of clip handed over */
    Uint64 said_at;                       /* performance counter at say */
    double latency_ms;                    /* -1 until the first sound */
    int volume_pct;                       /* the samples times this per cent (100: as made; 0 before open: 100) */
} SpeechPlayer;

typedef enum { SPEECH_PREPARE, SPEECH_SAY } SpeechRequestKind;

/* A request for a file carries its path as `text`, SPEECH_FILE_VOICE and
 * SPEECH_FILE_RATE, and maybe the text to say if the file cannot be played.
 * A say of recorded samples carries them, to be converted and not cached. */
typedef struct {
    SpeechRequestKind kind;
    char *text, *voice;                   /* owned */
    int rate;
    unsigned generation;                  /* say_generation when asked */
    Uint64 said_at;
    char *fallback;                       /* owned, or NULL */
    int16_t *samples;                     /* owned, or NULL */
    size_t count;
    int sample_rate;                      /* of `samples` */
} SpeechRequest;

struct Speech {
    bool enabled;
    SDL_mutex *lock;
    SDL_cond *wake;                       /* worker: a request or quit */
    SDL_cond *idle;                       /* waiters: the worker finished one */
    SDL_Thread *worker;
    bool quit, busy;
    bool busy_saying;                     /* busy with a say ... */
    unsigned busy_generation;             /* ... asked at this say_generation */
    SpeechRequest queue[SPEECH_QUEUE_MAX];
    int queued;
    unsigned say_generation;              /* bumped by every say and stop */
    char *voice;
    int rate;
    int sample_rate;                      /* espeak-ng's, and so the device's */
    long synth_count;                     /* worker only */
    char failed_voice[32];                /* worker only: logged once */
    SpeechCache cache;
    SpeechPlayer player;
};

/* speech.c */

bool speech_active(const Speech *speech);
/* A copy of `text` without leading and trailing white space; NULL when that
 * leaves nothing (or memory runs out). */
char *speech_trimmed_copy(const char *text);
/* With Speech.lock held: the say part of speech_say_in, after the caller has
 * bumped say_generation. Takes `text` (trimmed, owned). */
void speech_say_locked(Speech *speech, const char *voice, char *text, Uint64 said_at);

/* speech_cache.c */

/* Builds a clip holding one reference; takes ownership of `samples`.
 * Returns NULL when memory runs out (and then frees `samples`). */
SpeechClip *speech_clip_new(const char *voice, int rate, const char *text,
                            int16_t *samples, size_t count);
void speech_clip_retain(SpeechClip *clip);
/* Drops one reference, freeing the clip with the last one. NULL is fine. */
void speech_clip_release(SpeechClip *clip);

/* The cached clip for (voice, rate, text), marked most recently used, or
 * NULL. No reference is added: retain it before dropping Speech.lock.
 * O(N) in the clips cached, at most SPEECH_CACHE_MAX_CLIPS string compares. */
SpeechClip *speech_cache_find(SpeechCache *cache, const char *voice, int rate,
                              const char *text);
/* Adds `clip` (the cache takes its own reference) and evicts the least
 * recently used clips over the bounds; a playing clip survives eviction
 * through the player's reference. */
void speech_cache_insert(SpeechCache *cache, SpeechClip *clip);
void speech_cache_clear(SpeechCache *cache);

/* speech_engine.c */

/* Starts espeak-ng once per process and returns its sample rate, or -1 with
 * a message in `err`. Safe to call again; later calls only return the rate. */
int speech_engine_start(char *err, size_t err_size);
/* Synthesises `text` whole, leading and trailing silence trimmed. Returns a
 * clip with one reference, or NULL when memory runs out or espeak-ng has no
 * voice for `voice` (then *no_voice is set). Blocking (a few ms a sentence):
 * call it from the worker, never with Speech.lock held. Serialised across
 * Speech instances, since espeak-ng is one per process. */
SpeechClip *speech_engine_synth(const char *voice, int rate, const char *text,
                                bool *no_voice);

/* speech_sound.c */

/* Decodes the sound file at `path` with libsndfile and converts it to
 * `device_rate` Hz mono 16 bit. Returns a clip keyed as a file (see
 * SPEECH_FILE_VOICE) with one reference; when the file cannot be played the
 * clip holds no samples and `reason` says why. NULL only when memory runs
 * out. Blocking (a few ms a second of sound): the worker calls it without
 * Speech.lock. */
SpeechClip *speech_sound_decode(const char *path, int device_rate, char *reason,
                                size_t reason_size);
/* Converts `count` mono samples at `rate` Hz to `device_rate` Hz into a new
 * clip (one reference, text SPEECH_ANSWER_TEXT); NULL when there is nothing
 * to play or memory runs out. About 50 ms for a minute at 16 kHz (SDL's
 * resampler): the worker calls it without Speech.lock. */
SpeechClip *speech_sound_convert(const int16_t *samples, size_t count, int rate,
                                 int device_rate);

/* audio_out.c */

/* Initialises SDL audio and opens the device at `freq` Hz, mono, 16 bit.
 * On failure logs one line on stderr and returns false; the player is then
 * a silent no-op. */
bool speech_player_open(SpeechPlayer *player, int freq);
/* With Speech.lock held: closes the device once it has been quiet for
 * SPEECH_CLOSE_AFTER_MS, so an idle kiosk's audio thread does not wake every
 * few milliseconds; the next clip opens it again. Returns the ms until it
 * should be asked again, or -1 when the device is closed. */
int speech_player_close_when_quiet(SpeechPlayer *player);
void speech_player_close(SpeechPlayer *player);
/* Cuts off what plays and starts `clip` (adding a reference) at once. */
void speech_player_start(SpeechPlayer *player, SpeechClip *clip, Uint64 said_at);
/* Cuts off what plays; `said_at` starts timing the say that comes next. */
void speech_player_cut(SpeechPlayer *player, Uint64 said_at);
/* True unless a clip is waiting for its first callback. */
bool speech_player_started(SpeechPlayer *player);
/* True when the clip has been handed to the device to its last sample. */
bool speech_player_finished(SpeechPlayer *player);
double speech_player_latency(SpeechPlayer *player);
/* Copies the current clip's text into `text`; returns its position. */
size_t speech_player_current(SpeechPlayer *player, char *text, size_t text_size);
/* Plays every sample from now on at `pct` per cent of its level (louder
 * than 100 saturates rather than wrapping). */
void speech_player_set_volume(SpeechPlayer *player, int pct);

/* speech_worker.c */

/* Starts the worker thread; false with a message in `err` on failure. */
bool speech_worker_start(Speech *speech, char *err, size_t err_size);
/* Asks the worker to finish and waits for it. Safe if it never started. */
void speech_worker_stop(Speech *speech);
/* With Speech.lock held: queues `request` (taking its strings), says before
 * prepares, and wakes the worker. A prepare already queued or cached is
 * dropped. */
void speech_worker_enqueue(Speech *speech, SpeechRequest *request);
/* With Speech.lock held: forgets every say still waiting for synthesis. */
void speech_worker_drop_says(Speech *speech);
/* With Speech.lock held: nothing queued and nothing being synthesised. */
bool speech_worker_idle(const Speech *speech);
void speech_request_free(SpeechRequest *request);

#endif
