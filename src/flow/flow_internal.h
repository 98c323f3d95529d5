/* flow_internal.h: what flow.c and flow_save.c share, and nobody else. */
#ifndef SAYSO_FLOW_INTERNAL_H
#define SAYSO_FLOW_INTERNAL_H

#include <assert.h>
#include <stdbool.h>

#include "flow/flow.h"

typedef struct {
    bool shown;
    bool skipped;       /* the whole question skipped */
    bool *chosen;       /* per choice */
    int *topic_place;   /* mat: per topic, a column or FLOW_UNPLACED / _SKIPPED / _NOT_REACHED */
    int *topic_moved;   /* mat: per topic, when it was last placed or skipped (a count) */
    int current_topic;  /* mat: the topic offered now, -1 when none is left */
    int held_topic;     /* mat: tapped and waiting for a column, -1 */
    bool unsaved;
    unsigned char *wav; /* audio: the kept recording (WAV bytes), NULL if none */
    size_t wav_size;
    int wav_ms, wav_rate;
    bool wav_changed;   /* the recording (or its removal) is still to be written */
    char text[FLOW_TEXT_SIZE]; /* text, phone, integer, decimal: what was typed; a date
                                  (YYYY-MM-DD); a calculate's or metadata's value */
    char other[FLOW_TEXT_SIZE]; /* or_other: "Other" in the person's own words, typed */
    bool other_changed;        /* those words (or their removal) are still to be written */
    bool relevant;             /* asked: its relevant (and its groups') is true; else hidden and not kept */
} FlowAnswer;

struct Flow {
    const Survey *survey;
    const KioskSettings *settings;
    Store *store;
    FlowScreen screen;
    FlowScreen paused_screen;  /* what "Are you still there?" covers */
    FlowScreen confirm_from;   /* what stop-confirm covers */
    int question;
    int language;
    bool editing_from_review;  /* next goes back to the review */
    bool consented;
    char session_id[STORE_UUID_SIZE];
    bool session_unsaved;      /* consented, but the session row is not written yet */
    char group_label[64];      /* the group session running (staff menu); "" for none */
    bool supported_next;       /* the next session is answered with support (staff menu) */
    const char *end_unsaved;   /* an ended_how still to write, or NULL */
    FlowAnswer *answers;
    uint64_t last_input_ms;
    uint64_t screen_since_ms;
    uint64_t now_ms;           /* the latest time the caller gave */
    int countdown;             /* still-there: the seconds left last shown */
    int yousaid;               /* the "You said, we did" item showing, -1 when the survey has none */
    uint64_t yousaid_since_ms; /* when it began to show */
    unsigned generation;
    int moves;                 /* mat: topics placed or skipped so far, for topic_moved */
    char problem[512];
    FlowNotice notice;         /* why Next (or skip) did not move on, on the question showing */
    int notice_question;       /* the question of the page it is about */
    bool taking;               /* the store was taking answers when last looked at */
    uint64_t space_checked_ms; /* when the welcome screen last looked at the disk */
};

/* How often the welcome screen, not taking answers, looks for space. */
#define FLOW_SPACE_CHECK_MS 10000

static inline const SurveyQuestion *flow_question_at(const Flow *flow, int q)
{
    assert(q >= 0 && q < flow->survey->n_questions);
    return &flow->survey->questions[q];
}

static inline bool flow_is_mat(const SurveyQuestion *q)
{
    return q->appearance == APPEARANCE_MAT && q->topics;
}

static inline int flow_n_choices(const SurveyQuestion *q) { return q->list ? q->list->n_choices : 0; }
static inline int flow_n_topics(const SurveyQuestion *q) { return q->topics ? q->topics->n_choices : 0; }

/* flow.c: an answer changed: the form is worked out again and what
 * changed is saved at once. */
void flow_mark_changed(Flow *flow, int q);
/* On from the question showing to the next one asked, or the review. */
void flow_advance(Flow *flow, uint64_t now_ms);
/* Shows `screen` from now on. */
void flow_go(Flow *flow, FlowScreen screen, uint64_t now_ms);

/* flow_page.c: the page (questions shown together) that holds `q`:
 * survey->questions[first .. end - 1], of which those asked show. */
void flow_page_bounds(const Flow *flow, int q, int *first, int *end);

/* flow_answer.c: a tap on the question screen; true when anything changed. */
bool flow_tap_question(Flow *flow, const char *id, uint64_t now_ms);
/* Next on the page showing: a notice when an answer is not one the form
 * takes; mat-left first when a mat's topics are left, unless that was
 * asked already (its `next`); else on. */
void flow_next_question(Flow *flow, uint64_t now_ms, bool mat_left_asked);

/* flow_mat.c: a mat's topics. The topic after the one just dealt with
 * becomes the one offered; skipping it puts it in the tray; a tap on a
 * topic, a column or the pile; and Next's end: topics still unplaced are
 * kept as not reached. */
void flow_mat_skip_topic(Flow *flow, int q);
bool flow_mat_tap(Flow *flow, int q, const char *id);
void flow_mat_finish(Flow *flow, int q);
/* Shown again (Back, or Change on the review): the topics not reached are
 * offered again, one at a time, as at first. */
void flow_mat_reopen(Flow *flow, int q);

/* flow_logic.c: works the form out again after a change (relevance,
 * calculates, choice filters), marking what changed to be saved. */
void flow_logic_update(Flow *flow);
/* At consent: defaults into the answers, start metadata recorded; at the
 * session's end: the end metadata. */
void flow_logic_start(Flow *flow);
void flow_logic_end(Flow *flow);
/* What is wrong with question `q`'s answer for moving on, or NONE. */
FlowNotice flow_logic_check(const Flow *flow, int q);
/* Whether `q` has an answer (a choice, words, a number, a recording, ...). */
bool flow_has_answer(const Flow *flow, int q);
/* The choice of `q`'s list called `name` that is showing (names repeat
 * across a choice_filter's groups), n_choices for or_other's "other", or -1. */
int flow_choice_by_name(const Flow *flow, int q, const char *name);

/* flow_save.c: writes the session, every unsaved answer and the session's
 * end, in that order; what fails is kept for the next try, with the store's
 * words in flow->problem. */
void flow_save(Flow *flow);

/* Notes a change in whether the store takes answers: says it in the log
 * and moves the generation, so the welcome screen shows it. */
void flow_watch_space(Flow *flow);

/* Writes to the log the answers the store still refuses (a full disk), the
 * one place left, before they leave the screen. */
void flow_log_unsaved(const Flow *flow);

#endif
