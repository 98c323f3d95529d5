/* spoken.h: spoken answers: the recorder behind an audio question.
 *
 * The microphone is opened only while recording. A take is played back
 * through the speech device, recorded again or kept: keeping encodes it as
 * 16 kHz mono WAV and hands it to the flow, which commits it at once. While
 * recording, the screen is redrawn ten times a second for the level meter;
 * otherwise nothing runs. */
#ifndef SAYSO_APP_SPOKEN_H
#define SAYSO_APP_SPOKEN_H

#include <stdbool.h>
#include <stdint.h>

#include "flow/flow.h"
#include "recorder/recorder.h"
#include "speech/speech.h"
#include "ui/ui.h"

typedef struct {
    Recorder *recorder;  /* NULL: no microphone (or not tried yet) */
    bool tried;
    int question;        /* the question the take belongs to, -1 for none */
    bool has_take;
    bool playing_back;   /* we started a playback (speech may be saying other things) */
    bool panel_open;     /* own words: the recorder shows instead of the pictures */
    int panel_question;
    UiRecording view;    /* what the screen shows */
} Spoken;

void spoken_init(Spoken *spoken);
void spoken_close(Spoken *spoken);

/* Handles record, play and keep on an audio question. Returns true when
 * `id` was one of them (then the screen needs drawing again). */
bool spoken_handle(Spoken *spoken, Flow *flow, Speech *speech, const char *id);

/* Brings the view up to date: the level, the time, a recording stopped by
 * its limit, a playback that ended; drops a take when the question changed. */
void spoken_update(Spoken *spoken, Flow *flow, Speech *speech);

/* Milliseconds until the view needs updating, or -1 (nothing is running). */
int64_t spoken_ms_until(const Spoken *spoken, Speech *speech);

#endif
