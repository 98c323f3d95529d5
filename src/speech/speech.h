/* speech.h: speaking every prompt with espeak-ng inside the process.
 *
 * A worker thread owns espeak-ng and synthesises text into PCM clips kept in
 * a cache, so prompts that were prepared ahead start playing within a few
 * milliseconds of a touch, and synthesis never blocks input or drawing. The
 * audio device is opened through SDL's audio subsystem; a new utterance cuts
 * off the one playing. With no audio device the kiosk stays silent and says
 * so once in the log.
 *
 * The same device plays recorded sound: prompt files recorded by members of
 * the forum, and spoken answers played back. Everything is converted to the
 * device's format (espeak-ng's rate, mono, 16 bit) before it plays. */
#ifndef SAYSO_SPEECH_H
#define SAYSO_SPEECH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Speech Speech;

typedef struct {
    bool enabled;       /* false: everything below is a no-op */
    const char *voice;  /* espeak-ng language, "en-gb" */
    int rate;           /* words per minute */
    bool open_audio;    /* false: synthesise only (tests) */
} SpeechOptions;

/* Starts espeak-ng and the worker, and opens the audio device. Returns NULL
 * with a message in `err` only when espeak-ng itself cannot start; a missing
 * audio device is not an error (see speech_has_audio). */
Speech *speech_open(const SpeechOptions *options, char *err, size_t err_size);
void speech_close(Speech *speech);

/* True when an audio device is open. */
bool speech_has_audio(const Speech *speech);

/* True when the sound goes to a file (SDL's "disk" driver), not a speaker. */
bool speech_audio_is_file(const Speech *speech);

/* Asks the worker to synthesise `text` into the cache; returns at once. */
void speech_prepare(Speech *speech, const char *text);

/* Stops what is playing and speaks `text`: at once if it is cached,
 * otherwise as soon as the worker has synthesised it. Returns at once. */
void speech_say(Speech *speech, const char *text);

/* The same in a given voice (espeak-ng language), such as a language's own
 * name on the language screen in that language's voice; NULL: the voice set. */
void speech_prepare_in(Speech *speech, const char *voice, const char *text);
void speech_say_in(Speech *speech, const char *voice, const char *text);

/* Recorded prompts: a file libsndfile reads (WAV, OGG, FLAC, ...), decoded
 * on the worker and cached like a synthesised clip, keyed by `path` as
 * given; a file changed on disk is heard as first decoded while it stays
 * cached. A file that cannot be played is logged once ("sayso: cannot play
 * recorded prompt PATH: reason") and remembered as unplayable. */

/* Asks the worker to decode the file at `path` into the cache; returns at
 * once. Works without an audio device, so speech_file_playable can tell. */
void speech_prepare_file(Speech *speech, const char *path);

/* Stops what is playing and plays the file at `path`: at once if it is
 * cached, otherwise as soon as the worker has decoded it. Returns at once.
 * Nothing is heard when it cannot be played. */
void speech_say_file(Speech *speech, const char *path);

/* The same, but when the file cannot be played `fallback` (the words the
 * recording says; NULL for none) is spoken instead in the current voice.
 * The worker decides once it has tried the file, so unlike checking
 * speech_file_playable first this also falls back on the first touch. */
void speech_say_file_or(Speech *speech, const char *path, const char *fallback);

/* True when the file at `path` has been decoded and can be played; false
 * when it could not be, and also while it has not been tried yet. */
bool speech_file_playable(Speech *speech, const char *path);

/* Stops what is playing and plays `count` mono 16-bit samples at `rate` Hz,
 * such as a spoken answer just recorded. Returns at once: the samples are
 * copied (the caller keeps its array) and converted on the worker, then
 * played; they are not cached. A minute at 16 kHz starts about 50 ms later. */
void speech_play_samples(Speech *speech, const int16_t *samples, size_t count, int rate);

/* True from a say (of text, a file or samples) until its last sample has
 * been handed to the device, unless it was stopped or cut off, or there was
 * nothing to play: for a play/stop button. False with no audio device. */
bool speech_is_playing(Speech *speech);

/* Stops what is playing and drops what was waiting to be said. */
void speech_stop(Speech *speech);

/* Speech, recordings and tones from now on at `pct` per cent of their
 * level (100: as made; 10 to SPEECH_VOLUME_MAX, saturating). For the
 * person's volume control. */
enum { SPEECH_VOLUME_MAX = 200 };
void speech_set_volume(Speech *speech, int pct);

/* Switches the voice (espeak-ng language such as "en-gb", "pl"). */
void speech_set_voice(Speech *speech, const char *voice);

/* For tests and bench: waits until the worker has nothing left to do and the
 * clip being played has been handed to the device (or timeout_ms passes).
 * Returns true when idle. */
bool speech_wait_idle(Speech *speech, int timeout_ms);

/* Waits until everything said so far has been played to its end (or
 * timeout_ms passes). Returns true when it has. */
bool speech_wait_done(Speech *speech, int timeout_ms);

/* For tests: true when `text` is in the cache; its sample count in `samples`. */
bool speech_is_cached(Speech *speech, const char *text, size_t *samples);

/* For bench: milliseconds from the last speech_say() call to the moment its
 * first non-silent sample was handed to the audio device; -1 if not yet. */
double speech_last_latency_ms(Speech *speech);

/* For tests: copies into `text` the text of the clip the audio device is on
 * ("" when none or when there is no device) and returns how many of its
 * samples have been handed to the device so far. */
size_t speech_debug_playing(Speech *speech, char *text, size_t text_size);

/* For tests: the order in which the worker synthesised the cached clip of
 * `text` in the current voice (0 for the first clip since speech_open), or
 * -1 when it is not cached. */
long speech_debug_serial(Speech *speech, const char *text);

#endif
