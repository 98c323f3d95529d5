/* speech_cache.c: reference-counted clips and the bounded LRU clip cache.
 *
 * A clip is shared by the cache, the player and the worker, each holding a
 * reference, so the cache may evict a clip while the device still plays it:
 * the player's reference keeps the samples alive until it lets go. The
 * audio callback never releases a reference, so it never frees memory. */
#include "speech/speech_internal.h"

#include <stdlib.h>
#include <string.h>

SpeechClip *speech_clip_new(const char *voice, int rate, const char *text,
                            int16_t *samples, size_t count)
{
    SpeechClip *clip = calloc(1, sizeof *clip);
    if (!clip)
        goto fail;
    atomic_init(&clip->refs, 1);
    clip->rate = rate;
    clip->samples = samples;
    clip->count = count;
    clip->voice = strdup(voice);
    clip->text = strdup(text);
    if (!clip->voice || !clip->text)
        goto fail;
    return clip;
fail:
    if (clip) {
        clip->samples = NULL;
        speech_clip_release(clip);
    }
    free(samples);
    return NULL;
}

void speech_clip_retain(SpeechClip *clip)
{
    atomic_fetch_add_explicit(&clip->refs, 1, memory_order_relaxed);
}

void speech_clip_release(SpeechClip *clip)
{
    if (!clip || atomic_fetch_sub_explicit(&clip->refs, 1, memory_order_acq_rel) != 1)
        return;
    free(clip->samples);
    free(clip->voice);
    free(clip->text);
    free(clip);
}

static size_t clip_bytes(const SpeechClip *clip)
{
    return clip->count * sizeof clip->samples[0];
}

static void cache_unlink(SpeechCache *cache, SpeechClip *clip)
{
    if (clip->newer)
        clip->newer->older = clip->older;
    else
        cache->newest = clip->older;
    if (clip->older)
        clip->older->newer = clip->newer;
    else
        cache->oldest = clip->newer;
    clip->newer = clip->older = NULL;
    cache->clips--;
    cache->bytes -= clip_bytes(clip);
}

static void cache_link_newest(SpeechCache *cache, SpeechClip *clip)
{
    clip->newer = NULL;
    clip->older = cache->newest;
    if (cache->newest)
        cache->newest->newer = clip;
    else
        cache->oldest = clip;
    cache->newest = clip;
    cache->clips++;
    cache->bytes += clip_bytes(clip);
}

SpeechClip *speech_cache_find(SpeechCache *cache, const char *voice, int rate,
                              const char *text)
{
    for (SpeechClip *clip = cache->newest; clip; clip = clip->older) {
        if (clip->rate != rate || strcmp(clip->text, text) != 0 ||
            strcmp(clip->voice, voice) != 0)
            continue;
        cache_unlink(cache, clip);
        cache_link_newest(cache, clip);
        return clip;
    }
    return NULL;
}

void speech_cache_insert(SpeechCache *cache, SpeechClip *clip)
{
    speech_clip_retain(clip);
    cache_link_newest(cache, clip);
    while (cache->oldest != clip && (cache->clips > SPEECH_CACHE_MAX_CLIPS ||
                                     cache->bytes > SPEECH_CACHE_MAX_BYTES)) {
        SpeechClip *old = cache->oldest;
        cache_unlink(cache, old);
        speech_clip_release(old);
    }
}

void speech_cache_clear(SpeechCache *cache)
{
    while (cache->oldest) {
        SpeechClip *old = cache->oldest;
        cache_unlink(cache, old);
        speech_clip_release(old);
    }
}
