/* flow_view.c: what the screens read of the flow (flow.h): the screen
 * showing and its name, and the answers of the person at the kiosk as
 * they are in memory. Reading only: every change goes through flow.c. */
#include "flow/flow.h"
#include "flow/flow_internal.h"

#include <stdio.h>

FlowScreen flow_screen(const Flow *flow) { return flow->screen; }

bool flow_is_paused(const Flow *flow)
{
    return flow->screen == FLOW_STILL_THERE || flow->screen == FLOW_STOP_CONFIRM ||
           flow->screen == FLOW_MAT_LEFT;
}

int flow_question(const Flow *flow) { return flow->question; }
int flow_language(const Flow *flow) { return flow->language; }
const Survey *flow_survey(const Flow *flow) { return flow->survey; }
const KioskSettings *flow_settings(const Flow *flow) { return flow->settings; }
unsigned flow_generation(const Flow *flow) { return flow->generation; }
const char *flow_save_problem(const Flow *flow) { return flow->problem; }
bool flow_taking_answers(const Flow *flow) { return !flow->store || store_taking_answers(flow->store); }
const char *flow_session_id(const Flow *flow) { return flow->session_id; }
int flow_yousaid(const Flow *flow) { return flow->yousaid; }

void flow_screen_name(const Flow *flow, char *out, size_t out_size)
{
    static const char *const names[] = {
        [FLOW_WELCOME] = "welcome", [FLOW_LANGUAGE] = "language", [FLOW_CONSENT] = "consent",
        [FLOW_QUESTION] = "question", [FLOW_REVIEW] = "review", [FLOW_THANKS] = "thanks",
        [FLOW_STILL_THERE] = "still-there", [FLOW_STOP_CONFIRM] = "stop-confirm",
        [FLOW_MAT_LEFT] = "mat-left",
    };
    if (flow->screen == FLOW_QUESTION)
        snprintf(out, out_size, "question:%s", flow_question_at(flow, flow->question)->name);
    else
        snprintf(out, out_size, "%s", names[flow->screen]);
}

bool flow_is_chosen(const Flow *flow, int question, int choice)
{
    const SurveyQuestion *sq = flow_question_at(flow, question);
    return choice >= 0 && choice <= flow_n_choices(sq) && flow->answers[question].chosen[choice];
}

bool flow_is_skipped(const Flow *flow, int question)
{
    return flow->answers[question].skipped;
}

bool flow_was_shown(const Flow *flow, int question)
{
    return flow->answers[question].shown;
}

const char *flow_other_text(const Flow *flow, int question)
{
    return flow->answers[question].other;
}

const char *flow_text(const Flow *flow, int question)
{
    return flow->answers[question].text;
}

const unsigned char *flow_recording(const Flow *flow, int question, size_t *size, int *duration_ms)
{
    const FlowAnswer *a = &flow->answers[question];
    *size = a->wav_size;
    if (duration_ms)
        *duration_ms = a->wav_ms;
    return a->wav;
}
