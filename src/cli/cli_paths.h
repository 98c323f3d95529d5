/* cli_paths.h: the folders sayso uses when no flag names them.
 *
 * Run from the source tree (./sayso): config/forum, sayso.db,
 * config/kiosk.ini and assets/, relative to where it is started.
 * Installed (the binary is BINDIR/sayso, as `make install` or the Debian
 * package put it): the survey /etc/sayso/survey when there is one, else
 * DATADIR/forum; /var/lib/sayso/sayso.db; /etc/sayso/kiosk.ini; symbols
 * and words from DATADIR (/usr/share/sayso in the package). */
#ifndef SAYSO_CLI_PATHS_H
#define SAYSO_CLI_PATHS_H

#include <stdbool.h>

typedef struct {
    bool installed;          /* this is BINDIR/sayso */
    const char *config_dir;  /* the survey folder */
    const char *db_path;     /* the kiosk's database */
    const char *kiosk_ini;   /* the device's settings */
    char assets_dir[4096];   /* holds symbols/ and words.csv */
} CliPaths;

/* Fills `paths` with the defaults for this copy of sayso (static strings,
 * and assets_dir written in place). */
void cli_paths_defaults(CliPaths *paths);

#endif
