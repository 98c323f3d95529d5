/* survey.c: the loaded survey's lookups, its texts, and freeing it.
 *
 * Lookups are linear scans: a survey has tens of questions and choices and
 * is looked up once per screen, so an index would cost more than it saves. */
#include "survey/survey_internal.h"

#include "expr/expr.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static void text_free(SurveyText *text)
{
    for (int i = 0; i < SURVEY_MAX_LANGUAGES; i++)
        free(text->by_language[i]);
}

static void list_free(SurveyList *list, int n_columns)
{
    for (int i = 0; i < list->n_choices; i++) {
        SurveyChoice *c = &list->choices[i];
        free(c->name);
        free(c->image);
        text_free(&c->label);
        text_free(&c->audio);
        text_free(&c->images);
        for (int j = 0; c->columns && j < n_columns; j++)
            free(c->columns[j]);
        free(c->columns);
    }
    free(list->choices);
    free(list->name);
}

static void question_free(SurveyQuestion *q)
{
    free(q->name);
    free(q->image);
    free(q->off_ladder);
    free(q->default_value);
    text_free(&q->label);
    text_free(&q->hint);
    text_free(&q->audio);
    text_free(&q->images);
    text_free(&q->required_message);
    text_free(&q->constraint_message);
    expr_free(q->relevant);
    expr_free(q->required_if);
    expr_free(q->constraint);
    expr_free(q->calculation);
    expr_free(q->default_expr);
    expr_free(q->choice_filter);
}

static void group_free(SurveyGroup *g)
{
    free(g->name);
    text_free(&g->label);
    expr_free(g->relevant);
}

static void yousaid_free(SurveyYouSaid *y)
{
    text_free(&y->said);
    text_free(&y->did);
    text_free(&y->audio);
    free(y->image);
}

void survey_free(Survey *survey)
{
    if (!survey)
        return;
    for (int i = 0; i < survey->n_yousaid; i++)
        yousaid_free(&survey->yousaid[i]);
    free(survey->yousaid);
    for (int i = 0; i < survey->n_questions; i++)
        question_free(&survey->questions[i]);
    for (int i = 0; i < survey->n_lists; i++)
        list_free(&survey->lists[i], survey->n_choice_columns);
    for (int i = 0; i < survey->n_groups; i++)
        group_free(&survey->groups[i]);
    for (int i = 0; i < survey->n_choice_columns; i++)
        free(survey->choice_columns[i]);
    for (int i = 0; i < survey->n_languages; i++) {
        free(survey->languages[i].name);
        free(survey->languages[i].code);
    }
    free(survey->choice_columns);
    free(survey->groups);
    free(survey->questions);
    free(survey->lists);
    free(survey->workbook);
    free(survey->dir);
    free(survey->title);
    text_free(&survey->titles);
    free(survey->form_id);
    free(survey->version);
    free(survey);
}

const char *survey_text(const Survey *survey, const SurveyText *text, int language)
{
    if (language >= 0 && language < SURVEY_MAX_LANGUAGES && text->by_language[language])
        return text->by_language[language];
    if (survey->default_language >= 0 && survey->default_language < SURVEY_MAX_LANGUAGES &&
        text->by_language[survey->default_language])
        return text->by_language[survey->default_language];
    return "";
}

const char *survey_title(const Survey *survey, int language)
{
    if (language >= 0 && language < SURVEY_MAX_LANGUAGES && survey->titles.by_language[language])
        return survey->titles.by_language[language];
    return survey->title ? survey->title : "";
}

bool survey_question_is_shown(const SurveyQuestion *question)
{
    return question->type != QUESTION_CALCULATE && question->type != QUESTION_META;
}

const char *survey_image(const Survey *survey, const char *image, const SurveyText *images, int language)
{
    if (language >= 0 && language < SURVEY_MAX_LANGUAGES && images->by_language[language])
        return images->by_language[language];
    return image;
}

int survey_question_index(const Survey *survey, const char *name)
{
    for (int i = 0; name && i < survey->n_questions; i++)
        if (survey->questions[i].name && strcmp(survey->questions[i].name, name) == 0)
            return i;
    return -1;
}

const SurveyQuestion *survey_question(const Survey *survey, const char *name)
{
    int i = survey_question_index(survey, name);
    return i < 0 ? NULL : &survey->questions[i];
}

int survey_choice_index(const SurveyList *list, const char *name)
{
    if (!list)
        return -1;
    for (int i = 0; i < list->n_choices; i++)
        if (strcmp(list->choices[i].name, name) == 0)
            return i;
    return -1;
}

int survey_language_index(const Survey *survey, const char *code)
{
    for (int i = 0; i < survey->n_languages; i++)
        if (strcasecmp(survey->languages[i].code, code) == 0)
            return i;
    return -1;
}

static bool is_readable_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, R_OK) == 0;
}

static bool try_image(const char *folder, const char *name, char *out, size_t out_size)
{
    return folder && survey_join_path(out, out_size, folder, name) && is_readable_file(out);
}

/* `name` without its extension ("gp.svg" -> "gp"); false when it does not
 * fit. A dot before the last "/" or at the start of the file's name does not
 * begin an extension. */
static bool image_stem(const char *name, char *stem, size_t size)
{
    const char *base = strrchr(name, '/');
    const char *dot = strrchr(base ? base + 1 : name, '.');
    size_t len = dot && dot != (base ? base + 1 : name) ? (size_t)(dot - name) : strlen(name);
    if (len >= size)
        return false;
    memcpy(stem, name, len);
    stem[len] = '\0';
    return true;
}

/* A symbol folder: the exact name, then the stem with each kind of picture,
 * so a pack's gp.png stands in for a survey's "gp.svg". */
static bool try_symbol_dir(const char *folder, const char *name, char *out, size_t out_size)
{
    static const char *const extensions[] = {".svg", ".png", ".jpg", ".jpeg"};
    char stem[1024], file[1040];
    if (try_image(folder, name, out, out_size))
        return true;
    if (!image_stem(name, stem, sizeof stem))
        return false;
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++) {
        snprintf(file, sizeof file, "%s%s", stem, extensions[i]);
        if (try_image(folder, file, out, out_size))
            return true;
    }
    return false;
}

bool survey_find_image(const char *dir, const char *const *symbol_dirs, const char *name,
                       char *out, size_t out_size)
{
    if (!name || !name[0] || out_size == 0)
        return false;
    if (name[0] == '/') {
        int n = snprintf(out, out_size, "%s", name);
        if (n >= 0 && (size_t)n < out_size && is_readable_file(out))
            return true;
    } else {
        if (try_image(dir, name, out, out_size))
            return true;
        for (int i = 0; symbol_dirs && symbol_dirs[i]; i++)
            if (try_symbol_dir(symbol_dirs[i], name, out, out_size))
                return true;
    }
    out[0] = '\0';
    return false;
}

bool survey_symbol_text(const Survey *survey, const SurveyQuestion *question)
{
    if (question && question->symbol_text >= 0)
        return question->symbol_text > 0;
    return survey->symbol_text;
}
