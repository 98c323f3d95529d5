/* audio_out.c: the SDL audio device and its callback.
 *
 * The device runs while there is speech and for a while after, and the
 * callback copies from the current clip, then silence. A device left quiet
 * for SPEECH_CLOSE_AFTER_MS is closed (even paused, SDL's audio thread
 * would wake every buffer), and opened again by the next clip: small
 * buffers for a quick start, no cost while nobody is at the kiosk. Starting or cutting off a clip swaps the
 * player's clip under the device lock, so the very next callback plays the
 * new one and not one more sample of the old. The callback only reads and
 * copies: it never allocates, frees or waits on anything but the SDL device
 * lock it is called under. */
#include "speech/speech_internal.h"

#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Records the say-to-sound latency at the first non-silent sample. */
static void player_note_sound(SpeechPlayer *p, const int16_t *samples, size_t count)
{
    if (p->latency_ms >= 0 || p->said_at == 0)
        return;
    for (size_t i = 0; i < count; i++) {
        if (samples[i] != 0) {
            Uint64 ticks = SDL_GetPerformanceCounter() - p->said_at;
            p->latency_ms = (double)ticks * 1000.0 / (double)SDL_GetPerformanceFrequency();
            return;
        }
    }
}

/* The samples at `pct` per cent, saturating at the 16-bit limits. */
static void player_scale(int16_t *samples, size_t count, int pct)
{
    for (size_t i = 0; i < count; i++) {
        int v = samples[i] * pct / 100;
        samples[i] = (int16_t)(v > INT16_MAX ? INT16_MAX : v < INT16_MIN ? INT16_MIN : v);
    }
}

static void player_callback(void *userdata, Uint8 *stream, int len)
{
    SpeechPlayer *p = userdata;
    int16_t *out = (int16_t *)stream;
    size_t want = (size_t)len / sizeof *out, n = 0;
    const SpeechClip *clip = p->clip;
    if (clip && p->position < clip->count) {
        n = clip->count - p->position;
        if (n > want)
            n = want;
        memcpy(out, clip->samples + p->position, n * sizeof *out);
        if (p->volume_pct > 0 && p->volume_pct != 100)
            player_scale(out, n, p->volume_pct);
        p->position += n;
        player_note_sound(p, out, n);
    }
    memset(out + n, 0, (want - n) * sizeof *out);
}

static void alsa_quiet(const char *file, int line, const char *function, int err,
                       const char *format, ...)
{
    (void)file, (void)line, (void)function, (void)err, (void)format;
}

/* Quirk: with no sound card, alsa-lib prints eight lines of its own on
 * stderr when SDL opens the device, where the kiosk should log one. SDL has
 * loaded libasound by now when it picked ALSA, so its error handler is
 * silenced through dlsym, without linking libasound; SDL_GetError() still
 * tells what went wrong. */
static void alsa_silence(void)
{
    typedef void (*AlsaHandler)(const char *, int, const char *, int, const char *, ...);
    typedef int (*AlsaSetHandler)(AlsaHandler);
    const char *driver = SDL_GetCurrentAudioDriver();
    void *alsa = driver && strcmp(driver, "alsa") == 0
                     ? dlopen("libasound.so.2", RTLD_LAZY | RTLD_NOLOAD) : NULL;
    if (!alsa)
        return;
    AlsaSetHandler set_handler;
    *(void **)&set_handler = dlsym(alsa, "snd_lib_error_set_handler"); /* POSIX idiom */
    if (set_handler)
        set_handler(alsa_quiet);
    dlclose(alsa);
}

/* Opens the device with the spec kept from the first open; unpaused. */
static bool player_device_open(SpeechPlayer *player)
{
    SDL_AudioSpec have;
    player->device = SDL_OpenAudioDevice(NULL, 0, &player->spec, &have, 0);
    if (player->device == 0)
        return false;
    player->quiet_since = 0;
    SDL_PauseAudioDevice(player->device, 0);
    return true;
}

bool speech_player_open(SpeechPlayer *player, int freq)
{
    memset(player, 0, sizeof *player);
    player->latency_ms = -1;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        goto fail;
    player->subsystem = true;
    alsa_silence();
    player->spec.freq = freq;
    player->spec.format = AUDIO_S16SYS;
    player->spec.channels = 1;
    player->spec.samples = SPEECH_DEVICE_SAMPLES;
    player->spec.callback = player_callback;
    player->spec.userdata = player;
    if (!player_device_open(player))
        goto fail;
    player->available = true;
    return true;
fail:
    fprintf(stderr, "sayso: no audio device (%s); speech is off\n", SDL_GetError());
    if (player->subsystem)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    player->subsystem = false;
    return false;
}

static void player_device_close(SpeechPlayer *player)
{
    if (player->device)
        SDL_CloseAudioDevice(player->device);
    player->device = 0;
    speech_clip_release(player->clip);
    player->clip = NULL;
}

void speech_player_close(SpeechPlayer *player)
{
    player_device_close(player);
    player->available = false;
    if (player->subsystem)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    player->subsystem = false;
}

int speech_player_close_when_quiet(SpeechPlayer *player)
{
    if (!player->device)
        return -1;
    Uint64 now = SDL_GetTicks64();
    if (!speech_player_finished(player)) {
        player->quiet_since = 0;
        return SPEECH_QUIET_POLL_MS;
    }
    if (player->quiet_since == 0)
        player->quiet_since = now;
    if (now - player->quiet_since < SPEECH_CLOSE_AFTER_MS)
        return SPEECH_QUIET_POLL_MS;
    player_device_close(player);
    return -1;
}

/* Swaps in `clip` (whose reference the player takes over); returns the old
 * clip for the caller to release outside the device lock. */
static SpeechClip *player_swap(SpeechPlayer *p, SpeechClip *clip, Uint64 said_at)
{
    SDL_LockAudioDevice(p->device);
    SpeechClip *old = p->clip;
    p->clip = clip;
    p->position = 0;
    p->said_at = said_at;
    p->latency_ms = -1;
    SDL_UnlockAudioDevice(p->device);
    return old;
}

void speech_player_start(SpeechPlayer *player, SpeechClip *clip, Uint64 said_at)
{
    if (!player->available || (!player->device && !player_device_open(player)))
        return;
    speech_clip_retain(clip);
    speech_clip_release(player_swap(player, clip, said_at));
}

void speech_player_cut(SpeechPlayer *player, Uint64 said_at)
{
    if (!player->device)
        return;
    speech_clip_release(player_swap(player, NULL, said_at));
}

bool speech_player_started(SpeechPlayer *player)
{
    if (!player->device)
        return true;
    SDL_LockAudioDevice(player->device);
    bool started = !player->clip || player->position > 0 || player->clip->count == 0;
    SDL_UnlockAudioDevice(player->device);
    return started;
}

bool speech_player_finished(SpeechPlayer *player)
{
    if (!player->device)
        return true;
    SDL_LockAudioDevice(player->device);
    bool finished = !player->clip || player->position >= player->clip->count;
    SDL_UnlockAudioDevice(player->device);
    return finished;
}

double speech_player_latency(SpeechPlayer *player)
{
    if (!player->device)
        return -1;
    SDL_LockAudioDevice(player->device);
    double latency = player->latency_ms;
    SDL_UnlockAudioDevice(player->device);
    return latency;
}

size_t speech_player_current(SpeechPlayer *player, char *text, size_t text_size)
{
    size_t position = 0;
    if (text_size)
        text[0] = '\0';
    if (!player->device)
        return 0;
    SDL_LockAudioDevice(player->device);
    if (player->clip) {
        if (text_size)
            snprintf(text, text_size, "%s", player->clip->text);
        position = player->position;
    }
    SDL_UnlockAudioDevice(player->device);
    return position;
}

void speech_player_set_volume(SpeechPlayer *player, int pct)
{
    if (player->device)
        SDL_LockAudioDevice(player->device);
    player->volume_pct = pct;
    if (player->device)
        SDL_UnlockAudioDevice(player->device);
}
