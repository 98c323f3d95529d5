/* cli_check.c: `sayso check`, a survey checked as the kiosk would load it
 * and show it (its fonts, its words: commands.h), with the kiosk's
 * keyboards, and the symbol folders the commands share. */
#include "cli/commands.h"

#include <stdio.h>

#include "survey/survey.h"
#include "ui/coverage.h"
#include "ui/keyboard.h"

int cli_symbol_dirs(const CliOptions *o, KioskSettings *settings, const char **dirs,
                    char *symbols, size_t symbols_size, char *err, size_t err_size)
{
    int n = 0;
    kiosk_settings_defaults(settings);
    int status = kiosk_settings_load(settings, o->kiosk_ini, o->kiosk_ini_given, err, err_size);
    for (int i = 0; status == 0 && i < settings->n_packs; i++)
        dirs[n++] = settings->packs[i];
    snprintf(symbols, symbols_size, "%s/symbols", o->assets_dir);
    dirs[n++] = symbols;
    dirs[n] = NULL;
    return status;
}

/* The on-screen keyboards (ASSETS/keyboards): each broken file is named
 * with its line. Returns how many are broken. */
static int check_keyboards(const CliOptions *o)
{
    char dir[sizeof o->assets_dir + 16];
    int problems = 0;
    snprintf(dir, sizeof dir, "%s/keyboards", o->assets_dir);
    keyboard_set_free(keyboard_set_load(dir, stdout, &problems));
    return problems;
}

int cli_check(const CliOptions *o)
{
    int keyboards = check_keyboards(o);
    KioskSettings settings;
    char err[512], symbols[sizeof o->assets_dir + 16];
    const char *dirs[KIOSK_MAX_PACKS + 2];
    if (cli_symbol_dirs(o, &settings, dirs, symbols, sizeof symbols, err, sizeof err) != 0) {
        fprintf(stdout, "%s\n", err);
        return 1;
    }
    if (survey_check_main(o->config_dir, dirs, stdout) != 0)
        return 1;
    /* What the kiosk could not show as written: boxes for characters its
     * fonts lack (a problem), kiosk words said in English (warnings). */
    SurveyProblems problems;
    Survey *survey = survey_load(o->config_dir, dirs, &problems);
    char words[sizeof o->assets_dir + 16];
    snprintf(words, sizeof words, "%s/words.csv", o->assets_dir);
    int boxes = survey ? ui_check_coverage(survey, words, stdout) : 0;
    if (boxes)
        fprintf(stdout, "%s: %d text%s the kiosk would show with boxes\n", o->config_dir, boxes, boxes == 1 ? "" : "s");
    survey_free(survey);
    survey_problems_free(&problems);
    return boxes || keyboards ? 1 : 0;
}
