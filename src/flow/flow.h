/* flow.h: one person's way through the kiosk, without any drawing.
 *
 * The flow is the kiosk's logic: which screen shows, what has been chosen,
 * when each answer is committed to the store, and the idle time-outs. It
 * never touches SDL (as BrogueCE keeps game logic off its platform), so it
 * can be tested on its own and driven by touch, keys or scripts alike.
 *
 * Input arrives as element ids (the survey's own question and choice names,
 * and the built-in ids start, next, back, skip, speak, yes, no, stop and
 * lang:CODE). Stop asks first (screen stop-confirm: yes stops, no returns
 * to exactly where the person was, nothing lost). On a mat, `pile` is the
 * place of the topics not yet placed: a placed or skipped topic dropped on
 * it (or tapped, then the pile tapped) goes back there, offered again;
 * Next with topics neither placed nor skipped asks first (screen mat-left:
 * `place` goes back, `next` goes on and keeps them as not reached). Time is passed in by the caller in milliseconds, so headless
 * scripts can advance it at will. */
#ifndef SAYSO_FLOW_H
#define SAYSO_FLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "survey/kiosk_settings.h"
#include "survey/survey.h"

typedef enum {
    FLOW_WELCOME,
    FLOW_LANGUAGE,
    FLOW_CONSENT,
    FLOW_QUESTION,
    FLOW_REVIEW,
    FLOW_THANKS,
    FLOW_STILL_THERE,
    FLOW_STOP_CONFIRM, /* "Do you want to stop?": yes ends the session, no returns */
    FLOW_MAT_LEFT,     /* "You have not placed 9 services": place returns, next goes on */
} FlowScreen;

/* Where a mat topic is: a column index (>= 0) or one of these. A topic
 * neither placed nor skipped when the person goes on from the mat was
 * never reached: it is kept apart from the ones they chose to skip. */
#define FLOW_UNPLACED (-1)
#define FLOW_SKIPPED (-2)
#define FLOW_NOT_REACHED (-3)

typedef struct Flow Flow;

/* A new flow on the welcome screen. The flow borrows all three (they must
 * outlive it); `store` may be NULL (nothing is saved: used by layout tests). */
Flow *flow_new(const Survey *survey, const KioskSettings *settings, Store *store, uint64_t now_ms);
void flow_free(Flow *flow);

/* Handles a tap on element `id`. Returns true when anything changed. */
bool flow_tap(Flow *flow, const char *id, uint64_t now_ms);

/* Handles a drag of element `id` dropped on element `target` (a mat topic
 * onto a column, or back onto the pile). Returns true when anything changed. */
bool flow_drop(Flow *flow, const char *id, const char *target, uint64_t now_ms);

/* Any touch or key, even one that hits nothing, keeps the person "there". */
void flow_touch(Flow *flow, uint64_t now_ms);

/* Runs the time-outs and the attract loop. Returns true when what shows changed. */
bool flow_tick(Flow *flow, uint64_t now_ms);

/* Milliseconds until the next time-out, or -1 when none is pending. On the
 * still-there screen, until its countdown next changes (each second). */
/* True when the next deadline is one flow_tick catches up on by itself
 * whenever it is called after it (the welcome screen's attract loop and
 * its look at the disk): a long jump of the clock need not stop at each. */
bool flow_deadline_catches_up(const Flow *flow);

int64_t flow_ms_until_deadline(const Flow *flow, uint64_t now_ms);

/* Still-there: the whole seconds left before the session ends (rounded
 * up), as of the latest time the flow was given; 0 on other screens. The
 * flow's generation moves each time it changes. */
int flow_seconds_left(const Flow *flow);

/* What shows. */
FlowScreen flow_screen(const Flow *flow);
/* "welcome", "question:positive", ...: the names scripts expect. */
void flow_screen_name(const Flow *flow, char *out, size_t out_size);
/* True while a screen asks something over the person's place without
 * leaving it (still-there, stop-confirm): whatever they were doing waits
 * as it was, and "no" or "yes, I am here" returns to it. */
bool flow_is_paused(const Flow *flow);
/* The question showing (or last shown), an index into survey->questions. */
int flow_question(const Flow *flow);
int flow_language(const Flow *flow);
const Survey *flow_survey(const Flow *flow);
const KioskSettings *flow_settings(const Flow *flow);
/* Counts every change, so the caller redraws only when it moves. */
unsigned flow_generation(const Flow *flow);

/* Why the question showing did not move on: Next (or skip) found an
 * answer missing that the form requires, one its constraint refuses, or
 * a number that is not one. Cleared by the next change of the answer or
 * of the screen. */
typedef enum {
    FLOW_NOTICE_NONE,
    FLOW_NOTICE_REQUIRED,
    FLOW_NOTICE_CONSTRAINT,
    FLOW_NOTICE_NOT_NUMBER,
} FlowNotice;
FlowNotice flow_notice(const Flow *flow);
/* The question the notice is about (on a page of several). */
int flow_notice_question(const Flow *flow);

/* A field-list group's questions show together, a few to a page
 * (flow_page.c): the page showing is survey->questions[first .. end - 1]
 * (flow_question is its first), of which flow_is_relevant ones show;
 * flow_page_count says how many show. On a page of two or more, a
 * choice's element id is "QUESTION:CHOICE". */
void flow_page(const Flow *flow, int *first, int *end);
int flow_page_count(const Flow *flow);

/* The form's logic (flow_logic.c): whether question `q` is asked now (its
 * relevant and its groups' are true), whether its answer is required now,
 * and whether choice `c` of it shows (its choice_filter). */
bool flow_is_relevant(const Flow *flow, int question);
bool flow_is_required(const Flow *flow, int question);
bool flow_choice_shown(const Flow *flow, int question, int choice);

/* `text` with each ${name} replaced by that answer as a person reads it
 * (a choice's label in the person's language, several joined by ", ", a
 * date as "1 March 2026" with `months` (January first; NULL: as
 * 2026-03-01), a number as typed); "" for an answer not given or not
 * relevant. Into `out` (cut to `size`). */
void flow_fill_text(const Flow *flow, const char *text, const char *const *months, char *out,
                    size_t size);

/* Where the question showing is among the questions asked now (1-based),
 * and how many there are: questions with no screen or not relevant are
 * not counted. */
void flow_progress(const Flow *flow, int *position, int *total);

/* Answers of the person now at the kiosk. */
bool flow_is_chosen(const Flow *flow, int question, int choice);
bool flow_is_skipped(const Flow *flow, int question);
bool flow_was_shown(const Flow *flow, int question);
int flow_topic_place(const Flow *flow, int question, int topic);   /* column, FLOW_UNPLACED, _SKIPPED or _NOT_REACHED */
int flow_current_topic(const Flow *flow, int question);            /* -1 when every topic is dealt with */
int flow_held_topic(const Flow *flow, int question);               /* tapped, waiting for a column; -1 */
/* "3 of 12": the topics dealt with so far (placed, skipped, not reached)
 * plus the one offered, and how many there are. */
int flow_topic_number(const Flow *flow, int question, int *count);
/* When `topic` was last placed or skipped: larger is more recent (0: never). */
int flow_topic_moved(const Flow *flow, int question, int topic);
/* How many topics of a mat are neither placed nor skipped yet. */
int flow_mat_left(const Flow *flow, int question);

/* Spoken answers: keeps `wav` (copied) as the answer to the audio question
 * showing, or as the own-words part of a question with spoken_answer,
 * committing it at once (or as soon as the disk allows). Returns false when
 * the question showing takes no spoken answer. */
bool flow_keep_recording(Flow *flow, const unsigned char *wav, size_t size, int duration_ms, int rate);
/* The kept recording of `question` (WAV bytes, NULL when none). */
const unsigned char *flow_recording(const Flow *flow, int question, size_t *size, int *duration_ms);

/* Typed answers: sets what has been typed so far for the question
 * showing, committing it at once: words (text), digits (integer,
 * decimal, phone) or a date ("2026-03-01", from the date picker). False
 * when the question takes none. */
#define FLOW_TEXT_SIZE 1024
bool flow_type_text(Flow *flow, const char *text);
/* What was typed for `question` ("" for nothing); a date as YYYY-MM-DD. */
const char *flow_text(const Flow *flow, int question);

/* or_other: "Other" in the person's own words, typed, for the select
 * showing (choosing "other" is a tap on the id "other"). Committed at
 * once as the answer "NAME:other". False when the question has no "Other". */
bool flow_type_other(Flow *flow, const char *text);
const char *flow_other_text(const Flow *flow, int question);

/* The last problem saving, in words for the screen ("" when all is saved).
 * Answers that could not be saved are kept and retried on every action. */
const char *flow_save_problem(const Flow *flow);

/* False while the store cannot take answers (a full disk: see
 * store_taking_answers): the welcome screen then says so and Start does
 * nothing; a session already begun goes on, on the store's reserve. The
 * welcome screen looks at the disk again every FLOW_SPACE_CHECK_MS (a
 * deadline like the time-outs) and invites people again by itself. */
bool flow_taking_answers(const Flow *flow);

/* The current session's id ("" outside a session). */
const char *flow_session_id(const Flow *flow);

/* "You said, we did": the item of survey->yousaid that the welcome and
 * thank-you screens show, or -1 when the survey has none. The welcome
 * screen's attract loop moves on to the next item once nobody has touched
 * the kiosk for settings->attract_seconds (a deadline, as the time-outs
 * are: flow_tick moves it, flow_ms_until_deadline counts down to it); each
 * thank-you screen shows the item after the one shown before it. */
int flow_yousaid(const Flow *flow);

/* Staff: a group session tags every session begun while it runs with
 * `label` ("" or NULL ends it); "answered with support" marks the next
 * session begun (mode "supported"), then clears itself. Sessions already
 * begun keep what they had. */
void flow_set_group(Flow *flow, const char *label);
const char *flow_group(const Flow *flow);
void flow_set_supported_next(Flow *flow, bool supported);
bool flow_supported_next(const Flow *flow);

#endif
