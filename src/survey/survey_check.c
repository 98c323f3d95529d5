/* survey_check.c: the checks that need the whole survey read first.
 *
 * survey_check_links joins each question to its choice list (and a mat to
 * its topics) and checks what the kind of question asks of that list;
 * survey_check_files looks for every image and recording on disk, so a
 * missing picture is found by `sayso check` in the office rather than by a
 * person at the kiosk. */
#include "survey/survey_internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SURVEY_MAX_TILES 16 /* the most tiles a screen lays out (DESIGN: 2 to 16) */

static const SurveyList *find_list(const Survey *s, const char *name)
{
    for (int i = 0; name && i < s->n_lists; i++)
        if (strcmp(s->lists[i].name, name) == 0)
            return &s->lists[i];
    return NULL;
}

/* The list `name` with at least one choice; NULL with a problem otherwise. */
static const SurveyList *link_list(SurveyLoader *L, const SurveyQuestion *q, const char *what,
                                   const char *name)
{
    const SurveyList *list = find_list(L->survey, name);
    if (list && list->n_choices > 0)
        return list;
    survey_problem_add(L->problems, L->survey_csv.path, q->line,
                       "%s \"%s\" is empty or undefined: %s has no rows with list_name \"%s\" "
                       "(check the spelling, or add its choices)",
                       what, name, L->choices_csv.path, name);
    return NULL;
}

static void check_scale(SurveyLoader *L, const SurveyQuestion *q)
{
    int n = q->list->n_choices;
    if (n != 3 && n != 5)
        survey_problem_add(L->problems, L->survey_csv.path, q->line,
                           "a scale shows 3 or 5 faces, but list \"%s\" has %d choice%s",
                           q->list->name, n, n == 1 ? "" : "s");
}

static void check_ladder(SurveyLoader *L, const SurveyQuestion *q)
{
    if (q->off_ladder && survey_choice_index(q->list, q->off_ladder) < 0)
        survey_problem_add(L->problems, L->survey_csv.path, q->line,
                           "off_ladder=%s is not a choice of list \"%s\"", q->off_ladder, q->list->name);
}

/* A topic and a column with one name could not be told apart by a script
 * ("tap NAME") or in the answers. */
static void check_mat(SurveyLoader *L, const SurveyQuestion *q)
{
    for (int i = 0; q->topics && i < q->topics->n_choices; i++) {
        const char *name = q->topics->choices[i].name;
        if (name && survey_choice_index(q->list, name) >= 0) {
            survey_problem_add(L->problems, L->survey_csv.path, q->line,
                               "topic \"%s\" (list \"%s\") has the same name as a column (list \"%s\"); "
                               "rename one", name, q->topics->name, q->list->name);
            return;
        }
    }
}

/* A choice_filter shows part of a list (a cascade's cities of one
 * county), so the whole list may be longer than a screen. */
static void check_tile_count(SurveyLoader *L, const SurveyQuestion *q)
{
    int n = q->list->n_choices + (q->or_other ? 1 : 0);
    if (n > SURVEY_MAX_TILES && !q->choice_filter)
        survey_problem_add(L->problems, L->survey_csv.path, q->line,
                           "list \"%s\" has %d choices%s; at most %d fit on one screen",
                           q->list->name, n, q->or_other ? " with \"other\"" : "", SURVEY_MAX_TILES);
}

/* or_other adds a choice "other" that asks in the person's own words:
 * the list may not have one of its own, and the own words are then the
 * "Other" answer, so spoken_answer (own words beside the pictures) would
 * be a second. A filter chooses tiles of a grid or rungs of a ladder;
 * a scale's faces and a mat's columns are fixed. */
static void check_select_extras(SurveyLoader *L, const SurveyQuestion *q)
{
    const char *path = L->survey_csv.path;
    if (q->or_other && survey_choice_index(q->list, "other") >= 0)
        survey_problem_add(L->problems, path, q->line,
                           "or_other adds a choice called \"other\", but list \"%s\" has one already; "
                           "rename it or drop or_other", q->list->name);
    if (q->or_other && q->spoken_answer)
        survey_problem_add(L->problems, path, q->line,
                           "or_other already asks in the person's own words; drop spoken_answer=yes");
    if (q->choice_filter && (q->appearance == APPEARANCE_SCALE || q->appearance == APPEARANCE_MAT))
        survey_problem_add(L->problems, path, q->line, "choice_filter works with a grid or a ladder, not a %s",
                           q->appearance == APPEARANCE_SCALE ? "scale" : "mat");
}

static void link_question(SurveyLoader *L, SurveyQuestion *q, int i)
{
    if (L->list_names[i])
        q->list = link_list(L, q, "choice list", L->list_names[i]);
    if (L->topic_names[i] && q->appearance == APPEARANCE_MAT)
        q->topics = link_list(L, q, "topics list", L->topic_names[i]);
    if (!q->list)
        return;
    check_tile_count(L, q);
    check_select_extras(L, q);
    if (q->appearance == APPEARANCE_SCALE)
        check_scale(L, q);
    else if (q->appearance == APPEARANCE_LADDER)
        check_ladder(L, q);
    else if (q->appearance == APPEARANCE_MAT)
        check_mat(L, q);
}

static bool any_list_needed(const SurveyLoader *L)
{
    for (int i = 0; i < L->survey->n_questions; i++)
        if (L->list_names[i] || L->topic_names[i])
            return true;
    return false;
}

void survey_check_links(SurveyLoader *L)
{
    Survey *s = L->survey;
    if (s->n_questions == 0)
        return;
    if (!L->choices_csv.found) {
        if (any_list_needed(L))
            survey_problem_add(L->problems, L->choices_csv.path, 0,
                               "file not found (the select questions need their choice lists here)");
        return;
    }
    if (!L->choices_loaded)
        return; /* its header is broken, and already reported */
    if (L->choices_label_missing && any_list_needed(L))
        survey_label_column_missing(L, &L->choices_csv, L->choices_csv.rows[0].line);
    for (int i = 0; i < s->n_questions; i++)
        link_question(L, &s->questions[i], i);
}

/* "DIR, PACK, ..., SYMBOL_DIR": every folder an image was looked for in,
 * in the order they were tried (cut short, never overrun, when too long). */
static void describe_places(const SurveyLoader *L, char *out, size_t size)
{
    int used = snprintf(out, size, "%s", L->survey->dir);
    for (int i = 0; L->symbol_dirs[i] && used >= 0 && (size_t)used < size; i++)
        used += snprintf(out + used, size - (size_t)used, ", %s", L->symbol_dirs[i]);
}

void survey_check_image(SurveyLoader *L, const char *path, int line, const char *image)
{
    char found[4096], places[8192];
    if (!L->symbol_dirs || !image || survey_find_image(L->survey->dir, L->symbol_dirs, image, found, sizeof found))
        return;
    if (image[0] == '/') {
        survey_problem_add(L->problems, path, line, "image \"%s\" not found", image);
        return;
    }
    describe_places(L, places, sizeof places);
    survey_problem_add(L->problems, path, line, "image \"%s\" not found in %s", image, places);
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, R_OK) == 0;
}

/* Recordings are the survey's own, so they are looked for in its folder only. */
void survey_check_audio(SurveyLoader *L, const char *path, int line, const SurveyText *audio)
{
    char full[4096];
    for (int lang = 0; lang < L->survey->n_languages; lang++) {
        const char *name = audio->by_language[lang];
        if (!name)
            continue;
        if (name[0] == '/' ? file_exists(name)
                           : survey_join_path(full, sizeof full, L->survey->dir, name) && file_exists(full))
            continue;
        survey_problem_add(L->problems, path, line, "audio file \"%s\" not found in %s", name,
                           name[0] == '/' ? "/" : L->survey->dir);
    }
}

void survey_check_files(SurveyLoader *L)
{
    const Survey *s = L->survey;
    for (int i = 0; i < s->n_questions; i++) {
        const SurveyQuestion *q = &s->questions[i];
        survey_check_image(L, L->survey_csv.path, q->line, q->image);
        survey_check_audio(L, L->survey_csv.path, q->line, &q->audio);
    }
    for (int i = 0; i < s->n_lists; i++) {
        for (int j = 0; j < s->lists[i].n_choices; j++) {
            const SurveyChoice *c = &s->lists[i].choices[j];
            survey_check_image(L, L->choices_csv.path, c->line, c->image);
            survey_check_audio(L, L->choices_csv.path, c->line, &c->audio);
        }
    }
}
