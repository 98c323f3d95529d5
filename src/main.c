/* main.c: sayso's entry point: parse the command line and run the kiosk,
 * a headless script, or a survey check. */
#include <stdio.h>
#include <stdlib.h>

#include "app/app.h"
#include "app/cli.h"
#include "export/export.h"
#include "headless/script.h"
#include "staff/pin.h"
#include "staff/purge_command.h"
#include "survey/kiosk_settings.h"
#include "survey/survey.h"

/* `sayso check`: the survey, with the symbol packs of kiosk.ini searched
 * as the kiosk would. */
static int run_check(const CliOptions *o)
{
    KioskSettings settings;
    char err[512], symbols[sizeof o->assets_dir + 16];
    kiosk_settings_defaults(&settings);
    if (kiosk_settings_load(&settings, o->kiosk_ini, o->kiosk_ini_given, err, sizeof err) != 0) {
        fprintf(stdout, "%s\n", err);
        return 1;
    }
    const char *dirs[KIOSK_MAX_PACKS + 2];
    int n = 0;
    for (int i = 0; i < settings.n_packs; i++)
        dirs[n++] = settings.packs[i];
    snprintf(symbols, sizeof symbols, "%s/symbols", o->assets_dir);
    dirs[n++] = symbols;
    dirs[n] = NULL;
    return survey_check_main(o->config_dir, dirs, stdout);
}

/* Headless runs draw off screen; speech goes nowhere unless asked. */
static void headless_defaults(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    setenv("SDL_AUDIODRIVER", "dummy", 0);
}

int main(int argc, char **argv)
{
    CliOptions options;
    char err[512];
    if (cli_parse(argc, argv, &options, err, sizeof err) != 0) {
        fprintf(stderr, "sayso: %s\n", err);
        cli_usage(stderr);
        return 2;
    }
    if (options.command == CLI_HELP) {
        cli_usage(stdout);
        return 0;
    }
    if (options.command == CLI_CHECK)
        return run_check(&options);
    if (options.command == CLI_EXPORT)
        return export_main(&options);
    if (options.command == CLI_PURGE)
        return purge_main(&options);
    if (options.command == CLI_PIN)
        return pin_main(&options);
    if (options.command == CLI_HEADLESS)
        headless_defaults();
    App app;
    if (app_open(&app, &options) != 0) {
        app_close(&app);
        return 1;
    }
    int rc = options.command == CLI_HEADLESS ? script_run(&app, options.script, options.shots_dir)
                                             : app_run(&app);
    app_close(&app);
    return rc;
}
