/* survey_files.c: every file a survey is made of (survey.h), so that
 * `sayso publish` can send the whole survey and nothing else.
 *
 * A survey is its folder's spreadsheets (the CSV files, yousaid.csv
 * included, or the one workbook survey_load read: never an Office lock
 * file "~$form.xlsx" beside it) and
 * the pictures and recordings it names that are in its own folder.
 * Pictures found only in a symbol pack or in sayso's assets/symbols are
 * not the survey's: every kiosk has its own, and checks the survey with
 * them when it arrives. */
#include "survey/survey_internal.h"

#include <dirent.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    const char *dir;
    SurveyFileFn fn;
    void *ctx;
    char **seen;
    int n_seen;
    int status;
    char *err;
    size_t err_size;
} FileList;

static bool files_is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Hands `name` (in list->dir) to the callback once. */
static void files_add(FileList *list, const char *name)
{
    char path[4096];
    for (int i = 0; i < list->n_seen; i++)
        if (strcmp(list->seen[i], name) == 0)
            return;
    char **grown = realloc(list->seen, sizeof *grown * (size_t)(list->n_seen + 1));
    char *copy = grown ? strdup(name) : NULL;
    if (grown)
        list->seen = grown;
    if (!copy || !survey_join_path(path, sizeof path, list->dir, name)) {
        free(copy);
        snprintf(list->err, list->err_size, "out of memory listing %s", list->dir);
        list->status = -1;
        return;
    }
    list->seen[list->n_seen++] = copy;
    if (list->status == 0 && list->fn(list->ctx, name, path) != 0)
        list->status = -1;
}

/* A file the survey names: its own when it is in the survey's folder. A
 * name with a folder in it cannot travel as one file of the survey. */
static void files_named(FileList *list, const char *name)
{
    char path[4096];
    if (!name || !*name || name[0] == '/' || list->status != 0)
        return;
    if (!survey_join_path(path, sizeof path, list->dir, name) || !files_is_regular(path))
        return;
    if (strchr(name, '/')) {
        snprintf(list->err, list->err_size,
                 "%s is in a folder inside the survey's folder: move it up into %s and name it"
                 " without the folder, so the survey travels as one folder",
                 name, list->dir);
        list->status = -1;
        return;
    }
    files_add(list, name);
}

static void files_named_text(FileList *list, const Survey *s, const SurveyText *text)
{
    for (int lang = 0; lang < s->n_languages; lang++)
        files_named(list, text->by_language[lang]);
}

/* The CSV files of a folder of CSV files. */
static void files_sheets(FileList *list)
{
    DIR *d = opendir(list->dir);
    if (!d) {
        snprintf(list->err, list->err_size, "cannot read the folder %s", list->dir);
        list->status = -1;
        return;
    }
    for (struct dirent *e; (e = readdir(d)) != NULL && list->status == 0;) {
        size_t n = strlen(e->d_name);
        bool sheet = n > 4 && strcmp(e->d_name + n - 4, ".csv") == 0;
        char path[4096];
        if (sheet && e->d_name[0] != '.' && survey_join_path(path, sizeof path, list->dir, e->d_name) &&
            files_is_regular(path))
            files_add(list, e->d_name);
    }
    closedir(d);
}

int survey_files(const char *config, const Survey *s, SurveyFileFn fn, void *ctx, char *err,
                 size_t err_size)
{
    struct stat st;
    char dir[4096], base[4096];
    if (stat(config, &st) != 0) {
        snprintf(err, err_size, "cannot read %s", config);
        return -1;
    }
    snprintf(dir, sizeof dir, "%s", config);
    FileList list = {.dir = S_ISDIR(st.st_mode) ? config : dirname(dir), .fn = fn, .ctx = ctx,
                     .err = err, .err_size = err_size};
    if (s->workbook) { /* the workbook read, whether named or found in the folder */
        snprintf(base, sizeof base, "%s", s->workbook);
        files_add(&list, basename(base));
    } else if (S_ISDIR(st.st_mode)) {
        files_sheets(&list);
    }
    for (int i = 0; i < s->n_questions; i++) {
        files_named(&list, s->questions[i].image);
        files_named_text(&list, s, &s->questions[i].audio);
    }
    for (int i = 0; i < s->n_lists; i++)
        for (int j = 0; j < s->lists[i].n_choices; j++) {
            files_named(&list, s->lists[i].choices[j].image);
            files_named_text(&list, s, &s->lists[i].choices[j].audio);
        }
    for (int i = 0; i < s->n_yousaid; i++) {
        files_named(&list, s->yousaid[i].image);
        files_named_text(&list, s, &s->yousaid[i].audio);
    }
    for (int i = 0; i < list.n_seen; i++)
        free(list.seen[i]);
    free(list.seen);
    return list.status;
}
