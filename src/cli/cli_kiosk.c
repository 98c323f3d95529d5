/* cli_kiosk.c: the kiosk itself, or a headless script driving it
 * (commands.h). Headless runs draw off screen, and speech goes nowhere
 * unless the environment names an SDL audio driver.
 *
 * The kiosk keeps its rasterised symbols between runs in a cache folder
 * (ui/raster_cache.h): $SAYSO_CACHE_DIR; else systemd's $CACHE_DIRECTORY
 * (a unit with CacheDirectory=sayso: /var/cache/sayso); else
 * $XDG_CACHE_HOME/sayso or ~/.cache/sayso. Headless runs (tests,
 * screenshots) keep none unless SAYSO_CACHE_DIR names one. */
#include "cli/commands.h"

#include <stdio.h>
#include <stdlib.h>

#include "app/app.h"
#include "headless/script.h"

/* The cache folder for this run (see the top of the file), or NULL. */
static const char *kiosk_cache_dir(bool headless, char *out, size_t size)
{
    const char *dir = getenv("SAYSO_CACHE_DIR"), *home = getenv("HOME");
    if (dir || headless)
        return dir && *dir ? dir : NULL;
    if ((dir = getenv("CACHE_DIRECTORY")) && *dir) /* systemd: may list several, ':' apart */
        snprintf(out, size, "%.*s", (int)strcspn(dir, ":"), dir);
    else if ((dir = getenv("XDG_CACHE_HOME")) && *dir == '/')
        snprintf(out, size, "%s/sayso", dir);
    else if (home && *home == '/')
        snprintf(out, size, "%s/.cache/sayso", home);
    else
        return NULL;
    return out;
}

int cli_kiosk(const CliOptions *o)
{
    bool headless = o->command == CLI_HEADLESS;
    char cache_dir[4096];
    if (headless) {
        setenv("SDL_VIDEODRIVER", "dummy", 0);
        setenv("SDL_AUDIODRIVER", "dummy", 0);
    }
    /* The kiosk takes no typed text from a physical keyboard (its own
     * keyboard is on screen), so Xlib's compose table, parsed by SDL's
     * input method at start (12 ms of the first frame), stays empty. */
    setenv("XCOMPOSEFILE", "/dev/null", 0);
    AppConfig config = {.config_dir = o->config_dir,
                        .db_path = o->db_path,
                        .kiosk_ini = o->kiosk_ini,
                        .kiosk_ini_given = o->kiosk_ini_given,
                        .assets_dir = o->assets_dir,
                        .width = o->width,
                        .height = o->height,
                        .windowed = o->windowed,
                        .headless = headless,
                        .cache_dir = kiosk_cache_dir(headless, cache_dir, sizeof cache_dir)};
    App app;
    if (app_open(&app, &config) != 0) {
        app_close(&app);
        return 1;
    }
    int rc = headless ? script_run(&app, o->script, o->shots_dir) : app_run(&app);
    app_close(&app);
    return rc;
}
