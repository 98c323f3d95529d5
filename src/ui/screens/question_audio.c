/* question_audio.c: a spoken answer: a big record button, a level meter
 * and the time while recording, then play it back, record again or keep
 * it. Without a microphone the question says so and can be skipped. */
#include "ui/screens/screen.h"

#include <stdio.h>

static void audio_time(UiBuild *b, const UiRecording *r, UiRect area)
{
    char text[UI_TEXT_SIZE];
    int s = r->elapsed_ms / 1000, max = r->max_ms / 1000;
    snprintf(text, sizeof text, screen_word(b, STR_RECORD_TIME), s / 60, s % 60, max / 60, max % 60);
    screen_body(b, area, text);
}

static void audio_meter(UiBuild *b, const UiRecording *r, UiRect area)
{
    UiElement *m = ui_elements_add(b->els, UI_METER, NULL, area);
    if (m)
        m->tint = (int)(r->level * 100.0f + 0.5f);
}

/* Play back and keep: shown once there is something to hear. */
static void audio_take_buttons(UiBuild *b, const UiRecording *r, UiRect area)
{
    UiRect cells[2];
    if (b->portrait)
        layout_row(area, 2, b->gap * 2, cells);
    else
        layout_column(area, 2, b->gap * 2, cells);
    screen_button(b, "play", cells[0], "play", screen_word(b, r->playing ? STR_STOP_PLAYING : STR_PLAY), 0);
    if (r->has_take)
        screen_button(b, "keep", cells[1], "yes", screen_word(b, STR_KEEP), UI_PRIMARY);
    else
        screen_body(b, cells[1], screen_word(b, STR_KEPT));
}

void screen_question_audio(UiBuild *b, const SurveyQuestion *q, UiRect area)
{
    static const UiRecording none = {.microphone = false};
    const UiRecording *r = b->recording ? b->recording : &none;
    if (!r->microphone) {
        screen_heading(b, area, screen_word(b, STR_NO_MICROPHONE));
        char question[1024];
        snprintf(question, sizeof question, "%s", b->prompt);
        screen_set_prompt(b, "%s %s", question, screen_word(b, STR_NO_MICROPHONE));
        return;
    }
    UiRect side = b->portrait ? layout_take_bottom(&area, area.h * 45 / 100, b->gap * 3)
                              : layout_take_right(&area, area.w * 45 / 100, b->gap * 4);
    UiString record = r->recording ? STR_STOP_RECORDING : (r->has_take || r->kept) ? STR_RECORD_AGAIN : STR_RECORD;
    int side_len = area.w < area.h ? area.w : area.h;
    UiElement *big = screen_button(b, "record", layout_square_in(area, side_len), r->recording ? "stop" : "record",
                                   screen_word(b, record), r->recording ? UI_DANGER : 0);
    if (big)
        big->text_max_px = b->unit * 2 / 3;
    UiRect status = layout_take_top(&side, side.h * 30 / 100, b->gap * 2);
    audio_time(b, r, layout_take_bottom(&status, status.h / 2, b->gap));
    audio_meter(b, r, status);
    if (!r->recording && (r->has_take || r->kept))
        audio_take_buttons(b, r, side);
}
