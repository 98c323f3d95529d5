/* recorder.h: spoken answers recorded from the microphone.
 *
 * A Recorder captures 16 kHz mono 16-bit samples (RECORDER_RATE) through
 * SDL's audio capture into memory, up to a limit in seconds, and stops by
 * itself at the limit. Nothing here blocks the UI thread: SDL's audio thread
 * appends to the buffer, and the UI polls the level, the time recorded and
 * whether it is still recording once a frame. The capture device is open
 * only while recording, so an idle kiosk has no audio thread and no open
 * microphone. Turning the samples into a WAV is wav.h's job; keeping it is
 * store_recording_put's. */
#ifndef SAYSO_RECORDER_H
#define SAYSO_RECORDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RECORDER_RATE 16000        /* samples a second, one channel */
#define RECORDER_DEFAULT_SECONDS 60 /* the limit when a question gives none */

typedef struct Recorder Recorder;

/* Starts SDL's audio subsystem and checks that a microphone can be opened
 * (it is opened once and closed again at once). Returns NULL with a plain
 * message in `err` when there is none: "no microphone (...SDL's words...)".
 * Cheap to keep open: holds no device until recorder_start. */
Recorder *recorder_open(char *err, size_t err_size);

/* Releases the device (if recording), the samples and the subsystem.
 * NULL is a no-op. */
void recorder_close(Recorder *recorder);

/* Drops what was recorded and starts recording afresh, for at most
 * `max_seconds` (<= 0: RECORDER_DEFAULT_SECONDS). Memory for the whole limit
 * is taken here (1.9 MB for 60 s), so the audio thread never allocates.
 * Returns 0, or -1 when the microphone cannot be opened or memory is short
 * (recorder_error says which). */
int recorder_start(Recorder *recorder, int max_seconds);

/* Stops recording and closes the device; the samples stay. A no-op when not
 * recording. Returns within one audio buffer (about 32 ms). */
void recorder_stop(Recorder *recorder);

/* True while samples are being captured. Turns false by itself when the
 * limit is reached; the call that first sees that also closes the device,
 * so polling this once a frame is all the screen has to do. */
bool recorder_is_recording(Recorder *recorder);

/* Loudness of the last 50 ms captured, 0 (silence) to 1 (full scale): the
 * RMS of the samples over 32768. 0 when not recording. For a level meter:
 * speech at a normal distance is usually 0.02 to 0.2, so a meter may want
 * to scale it (sqrt, or a decibel scale). O(800). */
float recorder_level(const Recorder *recorder);

/* Milliseconds of sound recorded so far (while recording) or in the last
 * recording: counted from samples captured, not from the wall clock. */
int recorder_elapsed_ms(const Recorder *recorder);

/* The samples of the last recording (RECORDER_RATE Hz, mono) and their
 * count in *count; owned by the recorder, valid until the next
 * recorder_start or recorder_close. NULL with *count 0 while recording or
 * before anything was recorded. */
const int16_t *recorder_samples(const Recorder *recorder, size_t *count);

/* Why the last recorder_start failed, in plain words. */
const char *recorder_error(const Recorder *recorder);

#endif
