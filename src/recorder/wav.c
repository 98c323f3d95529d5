/* wav.c: WAV in memory through libsndfile's virtual I/O (wav.h).
 *
 * libsndfile reads and writes through five callbacks (length, seek, read,
 * write, tell) instead of a file; WavMemory serves them from a byte buffer.
 * Writing grows the buffer as needed (libsndfile writes the header, the
 * samples, then seeks back to fill in the chunk sizes at sf_close), so a
 * recording never touches the disk before the store commits it. */
#include "recorder/wav.h"

#include <assert.h>
#include <limits.h>
#include "lazy/lazy_sndfile.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(short) == sizeof(int16_t), "libsndfile's short is our int16_t");

typedef struct {
    const unsigned char *rdata; /* what is read: the caller's bytes, or wdata */
    unsigned char *wdata;       /* NULL when decoding; owned while encoding */
    sf_count_t size, capacity, pos;
} WavMemory;

static sf_count_t wav_mem_length(void *user)
{
    return ((WavMemory *)user)->size;
}

static sf_count_t wav_mem_seek(sf_count_t offset, int whence, void *user)
{
    WavMemory *m = user;
    sf_count_t base = whence == SEEK_CUR ? m->pos : whence == SEEK_END ? m->size : 0;
    if (base + offset < 0)
        return -1;
    m->pos = base + offset;
    return m->pos;
}

static sf_count_t wav_mem_read(void *ptr, sf_count_t count, void *user)
{
    WavMemory *m = user;
    sf_count_t n = m->pos < m->size ? m->size - m->pos : 0;
    if (n > count)
        n = count;
    if (n > 0)
        memcpy(ptr, m->rdata + m->pos, (size_t)n);
    m->pos += n;
    return n;
}

/* Makes room for `end` bytes, doubling; false when out of memory. */
static bool wav_mem_reserve(WavMemory *m, sf_count_t end)
{
    if (end <= m->capacity)
        return true;
    sf_count_t capacity = m->capacity ? m->capacity : 4096;
    while (capacity < end)
        capacity *= 2;
    unsigned char *grown = realloc(m->wdata, (size_t)capacity);
    if (!grown)
        return false;
    m->wdata = grown;
    m->rdata = grown;
    m->capacity = capacity;
    return true;
}

/* Writes at pos; a gap left by a seek past the end reads as zeros. Returns
 * the bytes written (0 when out of memory, which libsndfile reports). */
static sf_count_t wav_mem_write(const void *ptr, sf_count_t count, void *user)
{
    WavMemory *m = user;
    if (!m->wdata && m->rdata)
        return 0; /* decoding: read-only */
    if (!wav_mem_reserve(m, m->pos + count))
        return 0;
    if (m->pos > m->size)
        memset(m->wdata + m->size, 0, (size_t)(m->pos - m->size));
    memcpy(m->wdata + m->pos, ptr, (size_t)count);
    m->pos += count;
    if (m->pos > m->size)
        m->size = m->pos;
    return count;
}

static sf_count_t wav_mem_tell(void *user)
{
    return ((WavMemory *)user)->pos;
}

static SF_VIRTUAL_IO wav_mem_io = {
    .get_filelen = wav_mem_length,
    .seek = wav_mem_seek,
    .read = wav_mem_read,
    .write = wav_mem_write,
    .tell = wav_mem_tell,
};

int wav_encode(const int16_t *samples, size_t count, int rate, unsigned char **out,
               size_t *out_size, char *err, size_t err_size)
{
    assert(out && out_size && err && (samples || count == 0) && rate > 0);
    WavMemory mem = {0};
    SF_INFO info = {.samplerate = rate, .channels = 1, .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16};
    int status = -1;
    *out = NULL;
    *out_size = 0;
    if (!lazy_sndfile_ready(err, err_size))
        return -1;
    SNDFILE *sf = sf_open_virtual(&wav_mem_io, SFM_WRITE, &info, &mem);
    if (!sf) {
        snprintf(err, err_size, "could not make a WAV: %s", sf_strerror(NULL));
        goto done;
    }
    sf_count_t written = count ? sf_writef_short(sf, samples, (sf_count_t)count) : 0;
    if (written != (sf_count_t)count) {
        snprintf(err, err_size, "could not make a WAV: %s", sf_strerror(sf));
        goto done;
    }
    int closed = sf_close(sf); /* writes the chunk sizes into the header */
    sf = NULL;
    if (closed != 0) {
        snprintf(err, err_size, "could not make a WAV: %s", sf_error_number(closed));
        goto done;
    }
    *out = mem.wdata;
    *out_size = (size_t)mem.size;
    mem.wdata = NULL;
    status = 0;
done:
    if (sf)
        sf_close(sf);
    free(mem.wdata);
    return status;
}

/* Reads all frames of the open, mono `sf`. 0, or -1 with `err`. */
static int wav_read_all(SNDFILE *sf, const SF_INFO *info, int16_t **samples, size_t *count,
                        char *err, size_t err_size)
{
    if (info->frames < 0 || (unsigned long long)info->frames > SIZE_MAX / sizeof **samples) {
        snprintf(err, err_size, "the WAV is damaged (its length makes no sense)");
        return -1;
    }
    if (info->frames == 0)
        return 0;
    *samples = malloc((size_t)info->frames * sizeof **samples);
    if (!*samples) {
        snprintf(err, err_size, "out of memory while reading a WAV");
        return -1;
    }
    sf_count_t got = sf_readf_short(sf, *samples, info->frames);
    if (got != info->frames) {
        snprintf(err, err_size, "the WAV is damaged (cut short)");
        free(*samples);
        *samples = NULL;
        return -1;
    }
    *count = (size_t)got;
    return 0;
}

int wav_decode(const unsigned char *wav, size_t size, int16_t **samples, size_t *count,
               int *rate, char *err, size_t err_size)
{
    assert(wav && samples && count && rate && err);
    WavMemory mem = {.rdata = wav, .size = (sf_count_t)size};
    SF_INFO info = {0};
    int status = -1;
    *samples = NULL;
    *count = 0;
    if (!lazy_sndfile_ready(err, err_size))
        return -1;
    SNDFILE *sf = sf_open_virtual(&wav_mem_io, SFM_READ, &info, &mem);
    if (!sf) {
        snprintf(err, err_size, "not a WAV this kiosk can read: %s", sf_strerror(NULL));
        goto done;
    }
    if (info.channels != 1) {
        snprintf(err, err_size, "the WAV has %d channels; a recording has one", info.channels);
        goto done;
    }
    if (wav_read_all(sf, &info, samples, count, err, err_size) != 0)
        goto done;
    *rate = info.samplerate;
    status = 0;
done:
    if (sf)
        sf_close(sf);
    return status;
}
