/* wav.h: spoken answers as WAV files in memory (16-bit PCM, mono).
 *
 * The store keeps each kept recording as a WAV blob, and exports write the
 * same bytes out as .wav files, so what staff open in any audio player is
 * exactly what the kiosk saved. libsndfile writes and reads the RIFF headers
 * (through its virtual I/O, over a memory buffer); nothing here parses them
 * by hand. */
#ifndef SAYSO_WAV_H
#define SAYSO_WAV_H

#include <stddef.h>
#include <stdint.h>

/* Encodes `count` mono samples at `rate` Hz as a 16-bit PCM WAV. On success
 * returns 0 with a malloc'd buffer in *out (the caller frees it) and its
 * length in *out_size. On failure returns -1, *out NULL, and a plain message
 * in `err`. `samples` may be NULL when `count` is 0 (an empty WAV). */
int wav_encode(const int16_t *samples, size_t count, int rate, unsigned char **out,
               size_t *out_size, char *err, size_t err_size);

/* Decodes a mono WAV (any PCM or float sample format libsndfile reads,
 * converted to 16-bit) from `size` bytes at `wav`. On success returns 0 with
 * a malloc'd array in *samples (the caller frees it; NULL when *count is 0),
 * the sample count in *count and the rate in *rate. On failure (not a WAV,
 * damaged, more than one channel, out of memory) returns -1 with *samples
 * NULL and a plain message in `err`. */
int wav_decode(const unsigned char *wav, size_t size, int16_t **samples, size_t *count,
               int *rate, char *err, size_t err_size);

#endif
