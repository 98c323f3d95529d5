/* cli_paths.c: where sayso looks when no flag says: the defaults of the
 * source tree, or those of an installed sayso (cli_paths.h).
 *
 * The install-time folders are compiled in (the Makefile passes
 * SAYSO_BINDIR, SAYSO_DATADIR, SAYSO_SYSCONFDIR and SAYSO_STATEDIR from
 * PREFIX and friends). A sayso is "installed" when it is the very file
 * SAYSO_BINDIR/sayso: then it finds its symbols, words and survey in the
 * data folder and its kiosk.ini and database in /etc and /var, whatever
 * folder it is started in. Any other copy (./sayso, build/asan/sayso-asan)
 * keeps the source tree's relative defaults, so `make run` and the tests
 * work as they always did. */
#include "cli/cli_paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef SAYSO_BINDIR
#define SAYSO_BINDIR "/usr/local/bin"
#endif
#ifndef SAYSO_DATADIR
#define SAYSO_DATADIR "/usr/local/share/sayso"
#endif
#ifndef SAYSO_SYSCONFDIR
#define SAYSO_SYSCONFDIR "/etc"
#endif
#ifndef SAYSO_STATEDIR
#define SAYSO_STATEDIR "/var/lib/sayso"
#endif

/* An administrator's own survey, used instead of the forum's when it is there. */
#define SAYSO_OWN_SURVEY SAYSO_SYSCONFDIR "/sayso/survey"

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder this program's file is in ("" when /proc cannot say). */
static void exe_dir(char *out, size_t out_size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    out[0] = '\0';
    if (n <= 0)
        return;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash && slash != exe) {
        *slash = '\0';
        snprintf(out, out_size, "%s", exe);
    }
}

/* True when this program is SAYSO_BINDIR/sayso (symbolic links followed). */
static bool is_installed(const char *dir)
{
    char bindir[PATH_MAX];
    return dir[0] && realpath(SAYSO_BINDIR, bindir) && strcmp(bindir, dir) == 0;
}

/* assets/ beside the binary (a built tree run from elsewhere), else ./assets. */
static void tree_assets(const char *dir, char *assets, size_t assets_size)
{
    snprintf(assets, assets_size, "assets");
    if (is_dir("assets") || !dir[0])
        return;
    if (snprintf(assets, assets_size, "%s/assets", dir) >= (int)assets_size || !is_dir(assets))
        snprintf(assets, assets_size, "assets");  /* none there, or too long a path */
}

void cli_paths_defaults(CliPaths *paths)
{
    char dir[PATH_MAX];
    exe_dir(dir, sizeof dir);
    paths->installed = is_installed(dir);
    if (paths->installed) {
        paths->config_dir = is_dir(SAYSO_OWN_SURVEY) ? SAYSO_OWN_SURVEY : SAYSO_DATADIR "/forum";
        paths->db_path = SAYSO_STATEDIR "/sayso.db";
        paths->kiosk_ini = SAYSO_SYSCONFDIR "/sayso/kiosk.ini";
        snprintf(paths->assets_dir, sizeof paths->assets_dir, "%s", SAYSO_DATADIR);
        return;
    }
    paths->config_dir = "config/forum";
    paths->db_path = "sayso.db";
    paths->kiosk_ini = "config/kiosk.ini";
    tree_assets(dir, paths->assets_dir, sizeof paths->assets_dir);
}
