/* export_walk.c: one pass over a snapshot, shared by the csv and jsonl
 * formats.
 *
 * For each session of the filter, in started order, the walk reads its
 * answers, gives each the labels of the survey (its default language: the
 * export is for the staff, who set the survey up in it) and writes its
 * recording, if any, as recordings/ANSWER_ID.wav; the format's sink only
 * formats. Labels apply only to sessions of the loaded survey (same
 * form_id); the names are always there. Callbacks of the reader return
 * nothing, so the first failure is kept in the walk and the rest of the
 * pass does nothing. */
#include "export/export_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    StoreReader *reader;
    const Survey *survey;       /* NULL: names only */
    const char *recordings_dir; /* NULL: recordings are named, not written */
    const ExportSink *sink;
    void *sink_ctx;
    const StoreSessionRow *session; /* being walked; valid during its answers */
    ExportCounts counts;
    int n_answers; /* of the session being walked */
    bool labels;   /* the session is of `survey` */
    bool made_dir; /* recordings_dir exists */
    bool failed;
    char err[EXPORT_ERR_SIZE];
} ExportWalk;

/* Text of the survey's default language; NULL for none (or ""). */
static const char *export_label(const Survey *survey, const SurveyText *text)
{
    const char *label = survey_text(survey, text, survey->default_language);
    return label && *label ? label : NULL;
}

static const char *export_choice_label(const Survey *survey, const SurveyList *list,
                                       const char *name)
{
    int i = list && name ? survey_choice_index(list, name) : -1;
    return i < 0 ? NULL : export_label(survey, &list->choices[i].label);
}

bool export_question_name(const char *question, char *out, size_t size)
{
    static const char *const suffixes[] = {":spoken", ":other"};
    size_t n = strlen(question), keep = n;
    bool own = false;
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0] && !own; i++) {
        size_t m = strlen(suffixes[i]);
        own = n > m && memcmp(question + n - m, suffixes[i], m) == 0;
        keep = own ? n - m : n;
    }
    if (size == 0)
        return own;
    keep = keep < size ? keep : size - 1;
    memcpy(out, question, keep);
    out[keep] = '\0';
    return own;
}

/* Fills the labels of `answer` (own words "NAME:spoken" take NAME's). */
static void export_labels(const Survey *survey, ExportAnswer *answer)
{
    const StoreAnswerRow *row = answer->row;
    char name[256];
    export_question_name(row->question, name, sizeof name);
    const SurveyQuestion *q = survey_question(survey, name);
    if (!q)
        return;
    answer->question_label = export_label(survey, &q->label);
    answer->choice_label = export_choice_label(survey, q->list, row->choice);
    answer->topic_label = export_choice_label(survey, q->topics, row->topic);
}

static void export_walk_fail(ExportWalk *walk, const char *message)
{
    if (!walk->failed)
        snprintf(walk->err, sizeof walk->err, "%s", message);
    walk->failed = true;
}

/* Makes the recordings folder before its first file (so an export with no
 * recording leaves none). 0 or -1 (the walk failed). */
static int export_walk_make_dir(ExportWalk *walk)
{
    char err[EXPORT_ERR_SIZE];
    if (walk->made_dir)
        return 0;
    if (export_make_folder(walk->recordings_dir, err, sizeof err) != 0) {
        export_walk_fail(walk, err);
        return -1;
    }
    walk->made_dir = true;
    return 0;
}

/* Copies the answer's kept WAV out of the snapshot into the recordings
 * folder. 0 or -1 (the walk failed). */
static int export_walk_recording(ExportWalk *walk, const StoreAnswerRow *row)
{
    unsigned char *wav = NULL;
    size_t size = 0;
    char path[4096], err[EXPORT_ERR_SIZE];
    int found = store_reader_recording(walk->reader, row->session_id, row->question, &wav, &size);
    int status = found < 0 ? -1 : 0;
    if (found < 0)
        export_walk_fail(walk, store_reader_error(walk->reader));
    if (found == 1 && (status = export_walk_make_dir(walk)) == 0) {
        snprintf(path, sizeof path, "%s/%s.wav", walk->recordings_dir, row->id);
        status = export_file_write_all(path, wav, size, err, sizeof err);
        if (status == 0)
            walk->counts.recordings++;
        else
            export_walk_fail(walk, err);
    }
    free(wav);
    return status;
}

static void export_walk_answer(void *ctx, const StoreAnswerRow *row)
{
    ExportWalk *walk = ctx;
    if (walk->failed)
        return;
    char recording[64];
    ExportAnswer answer = {.row = row};
    if (walk->labels)
        export_labels(walk->survey, &answer);
    if (row->has_recording) {
        snprintf(recording, sizeof recording, "recordings/%s.wav", row->id);
        answer.recording = recording;
        if (walk->recordings_dir && export_walk_recording(walk, row) != 0)
            return;
    }
    walk->n_answers++;
    walk->counts.answers++;
    if (walk->sink->answer(walk->sink_ctx, walk->session, &answer) != 0)
        export_walk_fail(walk, walk->sink->error(walk->sink_ctx));
}

static void export_walk_session(void *ctx, const StoreSessionRow *session)
{
    ExportWalk *walk = ctx;
    if (walk->failed)
        return;
    walk->session = session;
    walk->n_answers = 0;
    walk->labels = walk->survey && walk->survey->form_id && session->survey_id &&
                   strcmp(walk->survey->form_id, session->survey_id) == 0;
    if (walk->sink->session_begin(walk->sink_ctx, session) != 0) {
        export_walk_fail(walk, walk->sink->error(walk->sink_ctx));
        return;
    }
    if (store_reader_answers(walk->reader, session->id, export_walk_answer, walk) < 0) {
        export_walk_fail(walk, store_reader_error(walk->reader));
        return;
    }
    if (!walk->failed && walk->sink->session_end(walk->sink_ctx, session, walk->n_answers) != 0)
        export_walk_fail(walk, walk->sink->error(walk->sink_ctx));
    walk->counts.sessions++;
}

int export_walk(StoreReader *reader, const ExportRequest *request, const char *recordings_dir,
                const ExportSink *sink, void *sink_ctx, ExportCounts *counts, char *err,
                size_t err_size)
{
    ExportWalk walk = {.reader = reader,
                       .survey = request->survey,
                       .recordings_dir = recordings_dir,
                       .sink = sink,
                       .sink_ctx = sink_ctx};
    if (store_reader_sessions(reader, &request->filter, export_walk_session, &walk) < 0)
        export_walk_fail(&walk, store_reader_error(reader));
    if (walk.failed) {
        snprintf(err, err_size, "%s", walk.err);
        return -1;
    }
    if (counts) {
        counts->sessions += walk.counts.sessions;
        counts->answers += walk.counts.answers;
        counts->recordings += walk.counts.recordings;
    }
    return 0;
}
