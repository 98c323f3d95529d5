/* cli_export.c: `sayso export`, the command line over export_run
 * (commands.h), and `sayso export --from URL` over sync_export_central
 * (every kiosk's sessions in the central store, with --venue). It prints one line saying what was written ("sayso: wrote
 * 42 answers of 7 sessions to out.csv (3 recordings in recordings/)") and
 * returns 0, or 1 with the message on stderr.
 *
 * The survey is loaded as the kiosk would load it (kiosk.ini's symbol
 * packs, then assets/symbols) for its labels and symbols. A survey that
 * cannot be loaded does not stop an export: the answers are what matters,
 * so it goes on with the names alone and says so on stderr. */
#include "cli/commands.h"

#include <stdio.h>

#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "sync/sync.h"

/* "s" unless there is exactly one. */
static const char *export_plural(int n)
{
    return n == 1 ? "" : "s";
}

/* The survey of --config with kiosk.ini's packs in `dirs` (filled, NULL-
 * ended; `symbols` holds assets/symbols). NULL, after a note on stderr,
 * when it cannot be loaded. */
static Survey *export_load_survey(const CliOptions *o, KioskSettings *settings,
                                  const char **dirs, char *symbols, size_t symbols_size)
{
    char err[512];
    if (cli_symbol_dirs(o, settings, dirs, symbols, symbols_size, err, sizeof err) != 0)
        fprintf(stderr, "sayso: %s (exporting without its symbol packs)\n", err);
    SurveyProblems problems = {0};
    Survey *survey = survey_load(o->config_dir, dirs, &problems);
    if (!survey)
        fprintf(stderr,
                "sayso: the survey in %s cannot be loaded (%d problem%s; `sayso check --config "
                "%s` lists them): exporting names without labels\n",
                o->config_dir, problems.n, export_plural(problems.n), o->config_dir);
    survey_problems_free(&problems);
    return survey;
}

static ExportFormat export_format(const char *name)
{
    if (strcmp(name, "jsonl") == 0)
        return EXPORT_JSONL;
    return strcmp(name, "html") == 0 ? EXPORT_HTML : EXPORT_CSV;
}

/* Prints what was written: "wrote 42 answers of 7 sessions to out.csv (3
 * recordings in recordings/)". */
static void export_say(const ExportRequest *request, const ExportCounts *counts)
{
    printf("sayso: wrote %d answer%s of %d session%s to %s", counts->answers,
           export_plural(counts->answers), counts->sessions, export_plural(counts->sessions),
           request->out_path);
    if (counts->recordings > 0) {
        char *copy = strdup(request->out_path);
        const char *dir = copy ? dirname(copy) : ".";
        printf(" (%d recording%s in %s%srecordings/)", counts->recordings,
               export_plural(counts->recordings), strcmp(dir, ".") == 0 ? "" : dir, strcmp(dir, ".") == 0 ? "" : "/");
        free(copy);
    }
    printf("\n");
}

int cli_export(const CliOptions *options)
{
    KioskSettings settings;
    const char *dirs[KIOSK_MAX_PACKS + 2];
    char symbols[sizeof options->assets_dir + 16], err[1024];
    Survey *survey = export_load_survey(options, &settings, dirs, symbols, sizeof symbols);
    ExportRequest request = {.db_path = options->db_path,
                             .survey = survey,
                             .symbol_dirs = dirs,
                             .format = export_format(options->format),
                             .out_path = options->out,
                             .filter = {.since = options->since, .group_label = options->group,
                                        .venue = options->venue}};
    ExportCounts counts;
    int status;
    if (options->from) { /* the central store: every kiosk's sessions */
        SyncError failure;
        status = sync_export_central(&(SyncTarget){.url = options->from}, &request, &counts, &failure);
        snprintf(err, sizeof err, "%s", failure.detail);
    } else {
        status = export_run(&request, &counts, err, sizeof err);
    }
    if (status == 0)
        export_say(&request, &counts);
    else
        fprintf(stderr, "sayso: %s\n", err);
    survey_free(survey);
    return status == 0 ? 0 : 1;
}
