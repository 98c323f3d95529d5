/* cli.h: the command line (a contract: tests outside the project drive it).
 *
 *   sayso [--config DIR] [--db FILE] [--kiosk FILE] [--windowed WxH]
 *   sayso --headless --script FILE [--shots DIR] [--size WxH] [--config DIR] [--db FILE]
 *     (headless, the size is 1920x1080 unless --size says otherwise)
 *   sayso check [--config DIR]
 *   sayso export --db FILE --format csv|jsonl|html --out PATH [--since DATE] [--group LABEL] [--config DIR]
 *   sayso purge --db FILE --before DATE
 *   sayso pin [--kiosk FILE]
 *   sayso sync [--db FILE] [--to URL] [--kiosk FILE]
 *   sayso central init --to URL
 *   sayso central kiosk --to URL --name NAME [--venue TEXT]
 *   sayso publish [--config DIR] --to URL [--venue TEXT]
 *   sayso merge --into FILE SOURCE.db ...
 *   sayso export --from URL --format csv|jsonl|html --out PATH [--since DATE] [--venue TEXT]
 */
#ifndef SAYSO_CLI_CLI_H
#define SAYSO_CLI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum {
    CLI_KIOSK, CLI_HEADLESS, CLI_CHECK, CLI_EXPORT, CLI_PURGE, CLI_PIN,
    CLI_SYNC, CLI_CENTRAL_INIT, CLI_CENTRAL_KIOSK, CLI_PUBLISH, CLI_MERGE, CLI_HELP
} CliCommand;

#define CLI_MAX_SOURCES 64 /* databases one merge takes */

typedef struct {
    CliCommand command;
    const char *config_dir; /* the survey folder: config/forum */
    const char *db_path;    /* sayso.db */
    const char *kiosk_ini;  /* config/kiosk.ini */
    bool kiosk_ini_given;   /* a named kiosk.ini must exist; the default may not */
    const char *script;     /* headless script */
    const char *shots_dir;  /* where `shot` writes; "." by default */
    char assets_dir[4096];  /* holds symbols/ and words.csv (cli_paths.h) */
    int width, height;      /* --size or --windowed; 0 = the display's */
    bool windowed;
    /* export */
    const char *format;     /* --format csv|jsonl|html */
    const char *out;        /* --out PATH */
    const char *since;      /* --since DATE (YYYY-MM-DD); NULL: from the start */
    const char *group;      /* --group LABEL; NULL: every session */
    /* purge */
    const char *before;     /* --before DATE (YYYY-MM-DD) */
    /* the central store: sync, central, publish, merge, export --from */
    const char *to;         /* --to URL */
    const char *from;       /* --from URL: export from the central store */
    const char *name;       /* --name NAME: central kiosk */
    const char *venue;      /* --venue TEXT */
    const char *into;       /* --into FILE: merge */
    const char *sources[CLI_MAX_SOURCES]; /* merge: the SOURCE.db files */
    int n_sources;
} CliOptions;

/* Parses argv. Returns 0, or -1 with a message in `err` (the caller prints
 * it with the usage and exits 2). */
int cli_parse(int argc, char **argv, CliOptions *options, char *err, size_t err_size);
void cli_usage(FILE *out);

#endif
