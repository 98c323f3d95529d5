/* spoken.c: spoken answers; see spoken.h. */
#include "app/spoken.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recorder/wav.h"

void spoken_init(Spoken *s)
{
    memset(s, 0, sizeof *s);
    s->question = -1;
}

void spoken_close(Spoken *s)
{
    recorder_close(s->recorder);
    s->recorder = NULL;
}

/* The question showing that takes a spoken answer, or NULL. */
static const SurveyQuestion *spoken_question(const Flow *flow)
{
    if (flow_screen(flow) != FLOW_QUESTION)
        return NULL;
    const SurveyQuestion *q = &flow_survey(flow)->questions[flow_question(flow)];
    return q->type == QUESTION_AUDIO || q->spoken_answer || q->or_other ? q : NULL;
}

/* The recorder is showing: an audio question, or an own-words panel open. */
static const SurveyQuestion *audio_question(const Spoken *s, const Flow *flow)
{
    const SurveyQuestion *q = spoken_question(flow);
    return q && (q->type == QUESTION_AUDIO || s->panel_open) ? q : NULL;
}

/* Opens the microphone the first time it is needed; says once if there is none. */
static bool microphone(Spoken *s)
{
    if (!s->tried) {
        char err[256];
        s->tried = true;
        s->recorder = recorder_open(err, sizeof err);
        if (!s->recorder)
            fprintf(stderr, "sayso: spoken answers cannot be recorded: %s\n", err);
    }
    return s->recorder != NULL;
}

static void record(Spoken *s, Flow *flow, Speech *speech, const SurveyQuestion *q)
{
    if (recorder_is_recording(s->recorder)) {
        recorder_stop(s->recorder);
        return;  /* spoken_update sees it stop and keeps the take */
    }
    speech_stop(speech);  /* the kiosk's own voice must not be recorded */
    if (recorder_start(s->recorder, q->max_seconds) == 0) {
        s->question = flow_question(flow);
        s->has_take = false;
    } else {
        fprintf(stderr, "sayso: cannot record: %s\n", recorder_error(s->recorder));
    }
}

/* Plays the take, or the kept recording; a second touch stops it. */
static void play(Spoken *s, Flow *flow, Speech *speech)
{
    if (s->view.playing) {
        speech_stop(speech);
        s->playing_back = false;
        return;
    }
    s->playing_back = true;
    size_t count = 0;
    const int16_t *take = s->has_take ? recorder_samples(s->recorder, &count) : NULL;
    if (take) {
        speech_play_samples(speech, take, count, RECORDER_RATE);
        return;
    }
    size_t size;
    const unsigned char *wav = flow_recording(flow, flow_question(flow), &size, NULL);
    int16_t *samples = NULL;
    int rate = 0;
    char err[128];
    if (wav && wav_decode(wav, size, &samples, &count, &rate, err, sizeof err) == 0)
        speech_play_samples(speech, samples, count, rate);
    free(samples);
}

static void keep(Spoken *s, Flow *flow)
{
    size_t count = 0, size = 0;
    const int16_t *take = s->has_take ? recorder_samples(s->recorder, &count) : NULL;
    unsigned char *wav = NULL;
    char err[128];
    if (!take || wav_encode(take, count, RECORDER_RATE, &wav, &size, err, sizeof err) != 0)
        return;
    if (flow_keep_recording(flow, wav, size, recorder_elapsed_ms(s->recorder), RECORDER_RATE))
        s->has_take = false;
    free(wav);
}

/* "Tell us in your own words" opens the recorder on a select question;
 * "Back to the pictures" closes it. Returns true when `id` was one. */
static bool panel(Spoken *s, Flow *flow, Speech *speech, const char *id)
{
    bool open = strcmp(id, "own_words") == 0 || strcmp(id, "say_it") == 0, close = strcmp(id, "pictures") == 0;
    if ((!open && !close) || !spoken_question(flow))
        return false;
    if (close && s->recorder && recorder_is_recording(s->recorder))
        recorder_stop(s->recorder);
    s->panel_open = open;
    s->panel_question = flow_question(flow);
    spoken_update(s, flow, speech);
    return true;
}

bool spoken_handle(Spoken *s, Flow *flow, Speech *speech, const char *id)
{
    if (panel(s, flow, speech, id))
        return true;
    const SurveyQuestion *q = audio_question(s, flow);
    bool ours = strcmp(id, "record") == 0 || strcmp(id, "play") == 0 || strcmp(id, "keep") == 0;
    if (!q || !ours || !microphone(s))
        return false;
    if (strcmp(id, "record") == 0)
        record(s, flow, speech, q);
    else if (strcmp(id, "play") == 0)
        play(s, flow, speech);
    else
        keep(s, flow);
    spoken_update(s, flow, speech);
    return true;
}

void spoken_update(Spoken *s, Flow *flow, Speech *speech)
{
    if (flow_is_paused(flow)) {  /* a question over this one: the panel and any take wait */
        if (s->recorder && recorder_is_recording(s->recorder))
            recorder_stop(s->recorder);
        return;
    }
    if (s->panel_open && (!spoken_question(flow) || flow_question(flow) != s->panel_question))
        s->panel_open = false;  /* the panel belongs to the question it was opened on */
    const SurveyQuestion *q = audio_question(s, flow);
    int qi = q ? flow_question(flow) : -1;
    bool recording = s->recorder && recorder_is_recording(s->recorder);
    if (qi != s->question && s->question >= 0) {  /* the person moved on: the take is dropped */
        if (recording)
            recorder_stop(s->recorder);
        s->has_take = recording = false;
        s->question = -1;
    }
    if (s->view.recording && !recording && s->question >= 0)
        s->has_take = true;  /* stopped by its limit (or just now by the person) */
    size_t size = 0;
    int kept_ms = 0;
    bool kept = q && flow_recording(flow, qi, &size, &kept_ms) != NULL;
    s->playing_back = s->playing_back && speech_is_playing(speech) && q;
    s->view = (UiRecording){
        .microphone = spoken_question(flow) ? microphone(s) : true,  /* own words are offered only with one */
        .recording = recording,
        .has_take = s->has_take,
        .kept = kept,
        .playing = s->playing_back && speech_is_playing(speech),
        .level = recording ? recorder_level(s->recorder) : 0.0f,
        .elapsed_ms = s->recorder && (recording || s->has_take) ? recorder_elapsed_ms(s->recorder) : kept_ms,
        .max_ms = (q ? q->max_seconds : RECORDER_DEFAULT_SECONDS) * 1000,
        .panel_open = s->panel_open,
    };
    if (!q && spoken_question(flow))  /* the pictures show: say whether own words are kept */
        s->view.kept = flow_recording(flow, flow_question(flow), &size, NULL) != NULL;
}

int64_t spoken_ms_until(const Spoken *s, Speech *speech)
{
    bool recording = s->recorder && s->view.recording;
    return recording || s->view.playing ? 100 : -1;
}
