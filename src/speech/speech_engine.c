/* speech_engine.c: espeak-ng in the process, text in, 16-bit mono clip out.
 *
 * espeak-ng runs in AUDIO_OUTPUT_SYNCHRONOUS mode: espeak_Synth() returns
 * once the whole utterance has passed through the synth callback, which
 * appends the samples to the ClipBuilder passed as the event user_data
 * (a few ms per sentence).
 *
 * Quirk: espeak-ng is one engine per process, and 1.51 cannot be restarted:
 * a second espeak_Initialize() leaks a thread and forgets the voice, and
 * espeak_Terminate() after it deadlocks. So the engine is started once, on
 * first use, and left to the end of the process; the one piece of static
 * state below mirrors that process-wide engine and serialises its use when
 * several Speech instances exist (tests open and close many). */
#include "speech/speech_internal.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENGINE_SILENCE 8 /* |sample| at or under this counts as silence */

typedef struct {
    pthread_once_t once;
    pthread_mutex_t lock;       /* held around every espeak call after start */
    int sample_rate;            /* -1 when espeak-ng failed to start */
    char voice[32];             /* voice and rate espeak-ng is set to */
    int rate;
    char failure[320];          /* why espeak-ng did not start ("" when it did) */
} EngineProcess;

static EngineProcess engine = {PTHREAD_ONCE_INIT, PTHREAD_MUTEX_INITIALIZER, -1, "", 0, ""};

typedef struct {
    int16_t *samples;
    size_t count, capacity;
    bool out_of_memory;
} ClipBuilder;

static ClipBuilder *builder_of(const espeak_EVENT *events)
{
    for (const espeak_EVENT *e = events; e; e++) {
        if (e->user_data)
            return e->user_data;
        if (e->type == espeakEVENT_LIST_TERMINATED)
            break;
    }
    return NULL;
}

/* Returns 0 to go on, 1 to abort the synthesis. */
static int engine_callback(short *wav, int count, espeak_EVENT *events)
{
    ClipBuilder *b = builder_of(events);
    if (!b || !wav || count <= 0)
        return 0;
    if (b->count + (size_t)count > b->capacity) {
        size_t capacity = b->capacity ? b->capacity * 2 : 16384;
        while (capacity < b->count + (size_t)count)
            capacity *= 2;
        int16_t *grown = realloc(b->samples, capacity * sizeof *grown);
        if (!grown) {
            b->out_of_memory = true;
            return 1;
        }
        b->samples = grown;
        b->capacity = capacity;
    }
    memcpy(b->samples + b->count, wav, (size_t)count * sizeof *wav);
    b->count += (size_t)count;
    return 0;
}

/* espeak_Initialize would call exit(1) itself when its data is missing;
 * the espeak_ng_ calls it is made of return a status instead, so the
 * kiosk goes on silently and says why. The data folder is espeak-ng's
 * own choice (ESPEAK_DATA_PATH, else where the package put it). */
static void engine_init_once(void)
{
    espeak_ng_ERROR_CONTEXT context = NULL;
    espeak_ng_InitializePath(NULL);
    espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    if (status == ENS_OK)
        status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
    if (status != ENS_OK) {
        char why[200];
        espeak_ng_GetStatusCodeMessage(status, why, sizeof why);
        snprintf(engine.failure, sizeof engine.failure,
                 "espeak-ng could not start: %s (is espeak-ng-data installed?)", why);
        espeak_ng_ClearErrorContext(&context);
        return;
    }
    espeak_SetSynthCallback(engine_callback);
    engine.sample_rate = espeak_ng_GetSampleRate();
}

int speech_engine_start(char *err, size_t err_size)
{
    pthread_once(&engine.once, engine_init_once);
    if (engine.sample_rate <= 0 && err && err_size)
        snprintf(err, err_size, "%s", engine.failure[0] ? engine.failure : "espeak-ng could not start");
    return engine.sample_rate;
}

/* With engine.lock held. SetVoiceByName("en-gb") fails, so the voice is
 * chosen by language. */
static bool engine_select(const char *voice, int rate)
{
    if (strcmp(engine.voice, voice) != 0) {
        espeak_VOICE spec;
        memset(&spec, 0, sizeof spec);
        spec.languages = voice;
        engine.voice[0] = '\0';
        if (espeak_SetVoiceByProperties(&spec) != EE_OK)
            return false;
        snprintf(engine.voice, sizeof engine.voice, "%s", voice);
        engine.rate = 0; /* a new voice resets its parameters */
    }
    if (engine.rate != rate) {
        espeak_SetParameter(espeakRATE, rate, 0);
        engine.rate = rate;
    }
    return true;
}

/* Drops near-silence at both ends so a clip sounds on its first callback. */
static void builder_trim(ClipBuilder *b)
{
    size_t start = 0, end = b->count;
    while (start < end && abs(b->samples[start]) <= ENGINE_SILENCE)
        start++;
    while (end > start && abs(b->samples[end - 1]) <= ENGINE_SILENCE)
        end--;
    if (start > 0)
        memmove(b->samples, b->samples + start, (end - start) * sizeof *b->samples);
    b->count = end - start;
}

SpeechClip *speech_engine_synth(const char *voice, int rate, const char *text,
                                bool *no_voice)
{
    ClipBuilder b = {0};
    *no_voice = false;
    if (engine.sample_rate <= 0)
        return NULL;
    pthread_mutex_lock(&engine.lock);
    if (engine_select(voice, rate))
        espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, &b);
    else
        *no_voice = true;
    pthread_mutex_unlock(&engine.lock);
    if (*no_voice || b.out_of_memory) {
        free(b.samples);
        return NULL;
    }
    builder_trim(&b);
    return speech_clip_new(voice, rate, text, b.samples, b.count);
}
