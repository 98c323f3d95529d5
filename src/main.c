/* main.c: sayso's entry point: parse the command line and run the command
 * it names (src/cli/commands.h). */
#include <stdio.h>

#include "cli/cli.h"
#include "cli/commands.h"

typedef int (*CommandFn)(const CliOptions *options);

static const CommandFn commands[] = {
    [CLI_KIOSK] = cli_kiosk, [CLI_HEADLESS] = cli_kiosk, [CLI_CHECK] = cli_check,
    [CLI_EXPORT] = cli_export, [CLI_PURGE] = cli_purge,  [CLI_PIN] = cli_pin,
    [CLI_SYNC] = cli_sync,     [CLI_CENTRAL_INIT] = cli_central_init,
    [CLI_CENTRAL_KIOSK] = cli_central_kiosk, [CLI_PUBLISH] = cli_publish,
    [CLI_MERGE] = cli_merge,
};

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
    return commands[options.command](&options);
}
