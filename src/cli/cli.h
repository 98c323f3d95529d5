/* cli.h: the command line (a contract: tests outside the project drive it).
 *
 *   sayso [--config DIR] [--db FILE] [--kiosk FILE] [--windowed WxH]
 *   sayso --headless --script FILE [--shots DIR] [--size WxH] [--config DIR] [--db FILE]
 *     (headless, the size is 1920x1080 unless --size says otherwise)
 *   sayso check [--config DIR]
 *   sayso export --db FILE --format csv|jsonl|html --out PATH [--since DATE] [--group LABEL] [--config DIR]
 *   sayso purge --db FILE --before DATE
 *   sayso pin [--kiosk FILE]
 */
#ifndef SAYSO_CLI_CLI_H
#define SAYSO_CLI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum { CLI_KIOSK, CLI_HEADLESS, CLI_CHECK, CLI_EXPORT, CLI_PURGE, CLI_PIN, CLI_HELP } CliCommand;

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
} CliOptions;

/* Parses argv. Returns 0, or -1 with a message in `err` (the caller prints
 * it with the usage and exits 2). */
int cli_parse(int argc, char **argv, CliOptions *options, char *err, size_t err_size);
void cli_usage(FILE *out);

#endif
