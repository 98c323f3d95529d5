/* cli_publish.c: `sayso publish [--config DIR] --to URL [--venue TEXT]`
 * (commands.h): the forum's survey, checked, for every kiosk or for one
 * venue's.
 *
 * The survey is loaded exactly as `sayso check` loads it (kiosk.ini's
 * symbol packs, then assets/symbols); a survey with any problem is
 * refused with every problem as FILE:LINE: message, and nothing is sent.
 * Its files are listed by survey_files (the spreadsheets and the pictures
 * and recordings in its folder) and stored as the next version; each
 * kiosk fetches it at its next sync, checks it again and switches to it at
 * its next welcome screen. */
#include "cli/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sync/sync.h"

typedef struct {
    SyncPublishFile *files;
    int n;
} PublishList;

static int publish_take(void *ctx, const char *name, const char *path)
{
    PublishList *list = ctx;
    SyncPublishFile *grown = realloc(list->files, sizeof *grown * (size_t)(list->n + 1));
    if (!grown)
        return -1;
    list->files = grown;
    grown[list->n].name = strdup(name);
    grown[list->n].path = strdup(path);
    list->n++;
    return grown[list->n - 1].name && grown[list->n - 1].path ? 0 : -1;
}

static void publish_list_free(PublishList *list)
{
    for (int i = 0; i < list->n; i++) {
        free((void *)list->files[i].name);
        free((void *)list->files[i].path);
    }
    free(list->files);
}

/* The survey as `sayso check` loads it; NULL after printing its problems. */
static Survey *publish_load(const CliOptions *o)
{
    KioskSettings settings;
    const char *dirs[KIOSK_MAX_PACKS + 2];
    char symbols[sizeof o->assets_dir + 16], err[512];
    if (cli_symbol_dirs(o, &settings, dirs, symbols, sizeof symbols, err, sizeof err) != 0) {
        fprintf(stderr, "sayso: %s\n", err);
        return NULL;
    }
    SurveyProblems problems = {0};
    Survey *survey = survey_load(o->config_dir, dirs, &problems);
    if (!survey) {
        survey_problems_print(&problems, stderr);
        fprintf(stderr, "sayso: %s has %d problem%s: fix them (sayso check --config %s lists them),"
                        " then publish again; nothing was published\n",
                o->config_dir, problems.n, problems.n == 1 ? "" : "s", o->config_dir);
    }
    survey_problems_free(&problems);
    return survey;
}

int cli_publish(const CliOptions *o)
{
    char err[1024];
    PublishList list = {0};
    Survey *survey = publish_load(o);
    if (!survey)
        return 1;
    int status = 1;
    if (survey_files(o->config_dir, survey, publish_take, &list, err, sizeof err) != 0) {
        fprintf(stderr, "sayso: %s; nothing was published\n", err[0] ? err : "out of memory");
        goto done;
    }
    PublishRequest request = {.target = {.url = o->to}, .survey = survey, .files = list.files,
                              .n_files = list.n, .venue = o->venue};
    PublishReport report;
    SyncError failure;
    if (sync_publish(&request, &report, &failure) != 0) {
        fprintf(stderr, "sayso: %s\n", failure.detail);
        goto done;
    }
    if (report.already)
        printf("sayso: %s version %s was already published as number %d%s%s; nothing changed\n",
               survey->form_id, survey->version, report.number, o->venue ? " for " : "",
               o->venue ? o->venue : "");
    else
        printf("sayso: published %s version %s as number %d for %s%s (%d files, %lld KB); each"
               " kiosk takes it at its next sync and switches at its next welcome screen\n",
               survey->form_id, survey->version, report.number, o->venue ? o->venue : "every venue",
               o->venue ? "'s kiosks" : "", report.files, (report.bytes + 1023) / 1024);
    status = 0;
done:
    publish_list_free(&list);
    survey_free(survey);
    return status;
}
