/* cli_kiosk.c: the kiosk itself, or a headless script driving it
 * (commands.h). Headless runs draw off screen, and speech goes nowhere
 * unless the environment names an SDL audio driver. */
#include "cli/commands.h"

#include <stdlib.h>

#include "app/app.h"
#include "headless/script.h"

int cli_kiosk(const CliOptions *o)
{
    bool headless = o->command == CLI_HEADLESS;
    if (headless) {
        setenv("SDL_VIDEODRIVER", "dummy", 0);
        setenv("SDL_AUDIODRIVER", "dummy", 0);
    }
    AppConfig config = {.config_dir = o->config_dir,
                        .db_path = o->db_path,
                        .kiosk_ini = o->kiosk_ini,
                        .kiosk_ini_given = o->kiosk_ini_given,
                        .assets_dir = o->assets_dir,
                        .width = o->width,
                        .height = o->height,
                        .windowed = o->windowed,
                        .headless = headless};
    App app;
    if (app_open(&app, &config) != 0) {
        app_close(&app);
        return 1;
    }
    int rc = headless ? script_run(&app, o->script, o->shots_dir) : app_run(&app);
    app_close(&app);
    return rc;
}
