/* flow_save.c: committing one person's answers to the store.
 *
 * Each change of an answer is written at once in its own transaction (the
 * store's); a question on a mat is one row per topic, a choice question one
 * row per choice, a spoken or typed answer one row with its recording or
 * words. When the store refuses (a full disk), the answer stays in memory,
 * marked unsaved, and every later action tries again. */
#include "flow/flow_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool save_mat(Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    const FlowAnswer *a = &flow->answers[q];
    for (int t = 0; t < flow_n_topics(sq); t++) {
        int place = a->topic_place[t];
        if (place == FLOW_NOT_REACHED) {
            if (store_answer_not_reached(flow->store, flow->session_id, sq->name, sq->topics->choices[t].name) != 0)
                return false;
            continue;
        }
        const char *choice = place >= 0 ? sq->list->choices[place].name : NULL;
        bool skipped = place == FLOW_SKIPPED || (a->skipped && place < 0);
        if (store_answer_put(flow->store, flow->session_id, sq->name, sq->topics->choices[t].name,
                             choice ? &choice : NULL, choice ? 1 : 0, skipped) != 0)
            return false;
    }
    return true;
}

static bool save_choices(Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    const FlowAnswer *a = &flow->answers[q];
    const char *names[flow_n_choices(sq) + 1];
    int n = 0;
    for (int c = 0; c < flow_n_choices(sq); c++)
        if (a->chosen[c])
            names[n++] = sq->list->choices[c].name;
    if (sq->or_other && a->chosen[flow_n_choices(sq)])
        names[n++] = "other";
    return store_answer_put(flow->store, flow->session_id, sq->name, NULL, names, n,
                            a->skipped && n == 0) == 0;
}

static bool save_session_row(Flow *flow)
{
    const Survey *s = flow->survey;
    StoreSessionInfo info = {s->form_id, s->version, s->languages[flow->language].code,
                             flow->settings->touch_style, flow->supported_next ? "supported" : "self",
                             flow->group_label[0] ? flow->group_label : NULL};
    if (store_session_begin(flow->store, &info, flow->session_id) != 0)
        return false;
    flow->session_unsaved = false;
    flow->supported_next = false;  /* "the next session" only */
    return true;
}

void flow_set_group(Flow *flow, const char *label)
{
    snprintf(flow->group_label, sizeof flow->group_label, "%s", label ? label : "");
}

const char *flow_group(const Flow *flow)
{
    return flow->group_label;
}

void flow_set_supported_next(Flow *flow, bool supported)
{
    flow->supported_next = supported;
}

bool flow_supported_next(const Flow *flow)
{
    return flow->supported_next;
}

/* A spoken answer: the kept recording, or (none kept) skipped or nothing.
 * The own-words answer of a select question is kept as a question of its
 * own, "NAME:spoken", and or_other's "Other" said aloud as "NAME:other"
 * (a colon never appears in a survey's names). */
static bool save_recording(Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    const FlowAnswer *a = &flow->answers[q];
    char id[STORE_UUID_SIZE], key[256];
    snprintf(key, sizeof key, sq->type == QUESTION_AUDIO ? "%s" : sq->or_other ? "%s:other" : "%s:spoken",
             sq->name);
    if (a->wav)
        return store_recording_put(flow->store, flow->session_id, key, a->wav, a->wav_size, a->wav_ms,
                                   a->wav_rate, id) == 0;
    bool skipped = sq->type == QUESTION_AUDIO && a->skipped;
    return store_answer_put(flow->store, flow->session_id, key, NULL, NULL, 0, skipped) == 0;
}

static bool save_text(Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    const FlowAnswer *a = &flow->answers[q];
    if (a->text[0])
        return store_text_put(flow->store, flow->session_id, sq->name, a->text) == 0;
    return store_answer_put(flow->store, flow->session_id, sq->name, NULL, NULL, 0, a->skipped) == 0;
}

/* A value kept as what it is: a whole number, a number, a date's or
 * another value's text. */
static StoreValue typed_value(const SurveyQuestion *sq, const FlowAnswer *a)
{
    StoreValue v = {STORE_VALUE_TEXT, 0, 0, a->text};
    char *end;
    if (sq->type == QUESTION_ACKNOWLEDGE) {
        v.text = a->chosen[0] ? "OK" : "";
    } else if (sq->type == QUESTION_INTEGER && (v.integer = strtoll(a->text, &end, 10), a->text[0] && !*end)) {
        v.type = STORE_VALUE_INTEGER;
    } else if (sq->type == QUESTION_DECIMAL && (v.real = strtod(a->text, &end), a->text[0] && !*end)) {
        v.type = STORE_VALUE_REAL;
    } else if (sq->type == QUESTION_CALCULATE && (v.real = strtod(a->text, &end), a->text[0] && !*end) &&
               !strpbrk(a->text, "eEnNxX")) {
        bool whole = v.real == (double)(long long)v.real && !strchr(a->text, '.');
        v.type = whole ? STORE_VALUE_INTEGER : STORE_VALUE_REAL;  /* a number worked out: a number */
        v.integer = (long long)v.real;
    }
    return v;
}

static bool save_value(Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    const FlowAnswer *a = &flow->answers[q];
    StoreValue v = typed_value(sq, a);
    if (v.type != STORE_VALUE_TEXT || v.text[0])
        return store_value_put(flow->store, flow->session_id, sq->name, &v) == 0;
    return store_answer_put(flow->store, flow->session_id, sq->name, NULL, NULL, 0, a->skipped) == 0;
}

/* or_other's own words: typed ("NAME:other" with its text) or spoken
 * (its recording), written when they changed. */
static bool save_other(Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    FlowAnswer *a = &flow->answers[q];
    char key[256];
    snprintf(key, sizeof key, "%s:other", sq->name);
    if (a->other_changed && !a->wav && store_text_put(flow->store, flow->session_id, key, a->other) != 0)
        return false;
    a->other_changed = false;
    return true;
}

/* The question's own words or recording beside its choices, when they changed. */
static bool save_own_words(Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    if ((sq->spoken_answer || sq->or_other) && flow->answers[q].wav_changed) {
        if (!save_recording(flow, q))
            return false;
        flow->answers[q].wav_changed = false;
    }
    return !sq->or_other || save_other(flow, q);
}

static bool save_answer(Flow *flow, int q)
{
    const SurveyQuestion *sq = flow_question_at(flow, q);
    if (sq->type == QUESTION_NOTE || (sq->type == QUESTION_META && sq->meta == SURVEY_META_EMPTY))
        return true;
    if (!flow->answers[q].relevant)  /* no longer asked: nothing of it is kept */
        return store_answer_clear(flow->store, flow->session_id, sq->name) == 0;
    if (sq->type == QUESTION_TEXT || sq->type == QUESTION_PHONE)
        return save_text(flow, q);
    if (sq->type == QUESTION_AUDIO)
        return save_recording(flow, q);
    if (!sq->list)
        return save_value(flow, q);
    if (!save_own_words(flow, q))
        return false;
    return flow_is_mat(sq) ? save_mat(flow, q) : save_choices(flow, q);
}

/* Writes the session, every unsaved answer and the session's end, in that
 * order, stopping at the first that fails. True when all are written. */
static bool save_pending(Flow *flow)
{
    bool ok = !flow->session_unsaved || save_session_row(flow);
    for (int q = 0; ok && q < flow->survey->n_questions; q++) {
        if (!flow->answers[q].unsaved)
            continue;
        ok = save_answer(flow, q);
        flow->answers[q].unsaved = !ok;
    }
    if (ok && flow->end_unsaved) {
        ok = store_session_end(flow->store, flow->session_id, flow->end_unsaved) == 0;
        if (ok)
            flow->end_unsaved = NULL;
    }
    return ok;
}

/* Writes what is unsaved. When the disk was full, the store has just freed
 * its reserve for the person answering: the same writes go again at once.
 * What still fails is kept for the next try, with the store's words in
 * flow->problem (for the log and staff; the screen shows plain words). */
void flow_save(Flow *flow)
{
    if (!flow->store || !flow->consented)
        return;
    bool ok = save_pending(flow);
    if (!ok && store_space_freed(flow->store))
        ok = save_pending(flow);
    flow_watch_space(flow);
    if (ok) {
        flow->problem[0] = '\0';
        return;
    }
    snprintf(flow->problem, sizeof flow->problem, "%s", store_error(flow->store));
    fprintf(stderr, "sayso: %s (kept in memory, will retry)\n", flow->problem);
}

void flow_watch_space(Flow *flow)
{
    bool taking = flow_taking_answers(flow);
    if (taking == flow->taking)
        return;
    flow->taking = taking;
    flow->generation++;
    if (taking)
        fprintf(stderr, "sayso: taking answers again: the disk has room\n");
    else
        fprintf(stderr, "sayso: not taking answers: %s\n", store_space_problem(flow->store));
}

/* The last person's answers leave the screen at a reset. Any the store
 * still refuses (a full disk) are written to the log, the one place left,
 * so staff can recover them. */
void flow_log_unsaved(const Flow *flow)
{
    for (int q = 0; q < flow->survey->n_questions; q++) {
        const FlowAnswer *a = &flow->answers[q];
        const SurveyQuestion *sq = flow_question_at(flow, q);
        if (!a->unsaved)
            continue;
        fprintf(stderr, "sayso: not saved (%s): session %s, question %s:", flow->problem,
                flow->session_id[0] ? flow->session_id : "(not begun)", sq->name);
        for (int c = 0; c < flow_n_choices(sq); c++)
            if (a->chosen[c])
                fprintf(stderr, " %s", sq->list->choices[c].name);
        for (int t = 0; t < flow_n_topics(sq); t++)
            if (a->topic_place[t] >= 0)
                fprintf(stderr, " %s=%s", sq->topics->choices[t].name,
                        sq->list->choices[a->topic_place[t]].name);
        fprintf(stderr, "%s\n", a->skipped ? " (skipped)" : "");
    }
}

