/* commands.h: one function per sayso command, over the modules that do the
 * work.
 *
 * The command layer is the only code that sees CliOptions: each command
 * turns them into the plain request of the module it drives (AppConfig,
 * ExportRequest, a database path and a date), runs it, and words the
 * outcome for the person at the terminal. Each returns the process's exit
 * status. */
#ifndef SAYSO_CLI_COMMANDS_H
#define SAYSO_CLI_COMMANDS_H

#include <stddef.h>

#include "cli/cli.h"
#include "survey/kiosk_settings.h"

/* The kiosk (full screen or --windowed) or a headless script run. */
int cli_kiosk(const CliOptions *options);
/* `sayso check`: the survey, with kiosk.ini's symbol packs searched as the
 * kiosk would. */
int cli_check(const CliOptions *options);
/* `sayso export`. */
int cli_export(const CliOptions *options);
/* `sayso purge`. */
int cli_purge(const CliOptions *options);
/* `sayso pin`. */
int cli_pin(const CliOptions *options);
/* `sayso sync`: push answers to the central store, fetch a published survey. */
int cli_sync(const CliOptions *options);
/* `sayso central init` and `sayso central kiosk`. */
int cli_central_init(const CliOptions *options);
int cli_central_kiosk(const CliOptions *options);
/* `sayso publish`. */
int cli_publish(const CliOptions *options);
/* `sayso merge`. */
int cli_merge(const CliOptions *options);

/* Loads the kiosk.ini of `options` into `settings` and fills `dirs` (room
 * for KIOSK_MAX_PACKS + 2) with its symbol packs, then `symbols` (written:
 * ASSETS/symbols), then NULL: where the kiosk looks for pictures. 0, or -1
 * with the problem in `err` (`dirs` then holds only ASSETS/symbols). */
int cli_symbol_dirs(const CliOptions *options, KioskSettings *settings, const char **dirs,
                    char *symbols, size_t symbols_size, char *err, size_t err_size);

#endif
