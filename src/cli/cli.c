/* cli.c: parsing the command line; see cli.h. */
#include "cli/cli.h"
#include "cli/cli_paths.h"

#include <stdlib.h>
#include <string.h>

void cli_usage(FILE *out)
{
    fputs("usage:\n"
          "  sayso [--config DIR] [--db FILE] [--kiosk FILE] [--windowed WxH]   run the kiosk\n"
          "  sayso --headless --script FILE [--shots DIR] [--size WxH] [--config DIR] [--db FILE]\n"
          "  sayso check [--config DIR]                                        validate a survey\n"
          "  sayso export --db FILE --format csv|jsonl|html --out PATH [--since DATE] [--group LABEL]\n"
          "  sayso purge --db FILE --before DATE              delete sessions started before DATE\n"
          "  sayso pin [--kiosk FILE]                         set the staff PIN (kept as a hash)\n"
          "  sayso sync [--db FILE] [--to URL] [--kiosk FILE]  send answers to the central store\n"
          "  sayso central init --to URL                      create or upgrade the central store\n"
          "  sayso central kiosk --to URL --name NAME [--venue TEXT]   a login for one kiosk\n"
          "  sayso publish [--config DIR] --to URL [--venue TEXT]      a survey for the kiosks\n"
          "  sayso merge --into FILE SOURCE.db ...            merge kiosk databases (USB sticks)\n"
          "  sayso export --from URL --format csv|jsonl|html --out PATH [--since DATE] [--venue TEXT]\n",
          out);
    CliPaths paths;
    cli_paths_defaults(&paths);
    fprintf(out, "defaults: --config %s --db %s --kiosk %s\n", paths.config_dir, paths.db_path, paths.kiosk_ini);
}

static int parse_size(const char *text, int *w, int *h)
{
    char x;
    if (sscanf(text, "%d%c%d", w, &x, h) != 3 || (x != 'x' && x != 'X') || *w < 200 || *h < 200 ||
        *w > 16384 || *h > 16384)
        return -1;
    return 0;
}

static int take_value(int argc, char **argv, int *i, const char **value, char *err, size_t err_size)
{
    if (*i + 1 >= argc) {
        snprintf(err, err_size, "%s needs a value", argv[*i]);
        return -1;
    }
    *value = argv[++*i];
    return 0;
}

/* A merge's SOURCE.db: any word that is not an option. */
static int take_source(const char *arg, CliOptions *o, char *err, size_t err_size)
{
    if (o->n_sources == CLI_MAX_SOURCES) {
        snprintf(err, err_size, "merge takes at most %d databases at once", CLI_MAX_SOURCES);
        return -1;
    }
    o->sources[o->n_sources++] = arg;
    return 0;
}

static int parse_option(int argc, char **argv, int *i, CliOptions *o, char *err, size_t err_size)
{
    const char *arg = argv[*i], *v = NULL;
    if (o->command == CLI_MERGE && arg[0] != '-')
        return take_source(arg, o, err, err_size);
    if (strcmp(arg, "--headless") == 0) {
        o->command = CLI_HEADLESS;
        return 0;
    }
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
        o->command = CLI_HELP;
        return 0;
    }
    if (take_value(argc, argv, i, &v, err, err_size) != 0)
        return -1;
    if (strcmp(arg, "--config") == 0)
        o->config_dir = v;
    else if (strcmp(arg, "--db") == 0)
        o->db_path = v;
    else if (strcmp(arg, "--kiosk") == 0) {
        o->kiosk_ini = v;
        o->kiosk_ini_given = true;
    } else if (strcmp(arg, "--script") == 0)
        o->script = v;
    else if (strcmp(arg, "--shots") == 0)
        o->shots_dir = v;
    else if (strcmp(arg, "--format") == 0)
        o->format = v;
    else if (strcmp(arg, "--out") == 0)
        o->out = v;
    else if (strcmp(arg, "--since") == 0)
        o->since = v;
    else if (strcmp(arg, "--group") == 0)
        o->group = v;
    else if (strcmp(arg, "--before") == 0)
        o->before = v;
    else if (strcmp(arg, "--to") == 0)
        o->to = v;
    else if (strcmp(arg, "--from") == 0)
        o->from = v;
    else if (strcmp(arg, "--name") == 0)
        o->name = v;
    else if (strcmp(arg, "--venue") == 0)
        o->venue = v;
    else if (strcmp(arg, "--into") == 0)
        o->into = v;
    else if (strcmp(arg, "--assets") == 0)
        snprintf(o->assets_dir, sizeof o->assets_dir, "%s", v);
    else if (strcmp(arg, "--size") == 0 || strcmp(arg, "--windowed") == 0) {
        o->windowed = o->windowed || strcmp(arg, "--windowed") == 0;
        if (parse_size(v, &o->width, &o->height) != 0) {
            snprintf(err, err_size, "%s wants a size such as 1920x1080, not \"%s\"", arg, v);
            return -1;
        }
    } else {
        snprintf(err, err_size, "unknown option \"%s\"", arg);
        return -1;
    }
    return 0;
}

/* The words before the options: check, export, purge, pin, sync,
 * central init, central kiosk, publish, merge. The number of words taken. */
static int parse_command(int argc, char **argv, CliOptions *o)
{
    static const struct { const char *word, *second; CliCommand command; } commands[] = {
        {"check", NULL, CLI_CHECK},    {"export", NULL, CLI_EXPORT},
        {"purge", NULL, CLI_PURGE},    {"pin", NULL, CLI_PIN},
        {"sync", NULL, CLI_SYNC},      {"central", "init", CLI_CENTRAL_INIT},
        {"central", "kiosk", CLI_CENTRAL_KIOSK}, {"publish", NULL, CLI_PUBLISH},
        {"merge", NULL, CLI_MERGE},
    };
    for (size_t i = 0; argc > 1 && i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].word) != 0)
            continue;
        if (commands[i].second && (argc < 3 || strcmp(argv[2], commands[i].second) != 0))
            continue;
        o->command = commands[i].command;
        return commands[i].second ? 2 : 1;
    }
    return 0;
}

/* A date as the commands take it: YYYY-MM-DD. */
static bool is_date(const char *text)
{
    int y, m, d;
    char end;
    return text && strlen(text) == 10 && sscanf(text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 &&
           text[4] == '-' && text[7] == '-' && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* What each command needs before it runs. */
static int check_command(const CliOptions *o, char *err, size_t err_size)
{
    const char *formats[] = {"csv", "jsonl", "html"};
    bool format_ok = false;
    for (size_t i = 0; o->format && i < 3; i++)
        format_ok = format_ok || strcmp(o->format, formats[i]) == 0;
    if (o->command == CLI_EXPORT && !format_ok)
        snprintf(err, err_size, "export needs --format csv, jsonl or html%s%s%s",
                 o->format ? " (not \"" : "", o->format ? o->format : "", o->format ? "\")" : "");
    else if (o->command == CLI_EXPORT && !o->out)
        snprintf(err, err_size, "export needs --out PATH");
    else if (o->command == CLI_EXPORT && o->since && !is_date(o->since))
        snprintf(err, err_size, "--since wants a date such as 2026-11-01, not \"%s\"", o->since);
    else if (o->command == CLI_EXPORT && o->venue && !o->from)
        snprintf(err, err_size, "--venue goes with export --from URL (the central store)");
    else if ((o->command == CLI_CENTRAL_INIT || o->command == CLI_CENTRAL_KIOSK ||
              o->command == CLI_PUBLISH) && !o->to)
        snprintf(err, err_size, "%s needs --to URL, the central store (postgresql://...)",
                 o->command == CLI_PUBLISH ? "publish" : "central");
    else if (o->command == CLI_CENTRAL_KIOSK && (!o->name || !o->name[0]))
        snprintf(err, err_size, "central kiosk needs --name NAME, the kiosk's name");
    else if (o->command == CLI_MERGE && (!o->into || o->n_sources == 0))
        snprintf(err, err_size, "merge needs --into FILE and at least one SOURCE.db");
    else if (o->command == CLI_PURGE && !is_date(o->before))
        snprintf(err, err_size, "purge needs --before DATE, a date such as 2026-01-01%s%s%s",
                 o->before ? " (not \"" : "", o->before ? o->before : "", o->before ? "\")" : "");
    else
        return 0;
    return -1;
}

int cli_parse(int argc, char **argv, CliOptions *o, char *err, size_t err_size)
{
    memset(o, 0, sizeof *o);
    o->command = CLI_KIOSK;
    o->shots_dir = "shots"; /* gitignored: screenshots never land among the sources */
    CliPaths paths;
    cli_paths_defaults(&paths);
    o->config_dir = paths.config_dir;
    o->db_path = paths.db_path;
    o->kiosk_ini = paths.kiosk_ini;
    memcpy(o->assets_dir, paths.assets_dir, sizeof o->assets_dir);
    if (argc > 1 && strcmp(argv[1], "central") == 0 && parse_command(argc, argv, o) == 0) {
        snprintf(err, err_size, "central wants init or kiosk: sayso central init --to URL");
        return -1;
    }
    for (int i = 1 + parse_command(argc, argv, o); i < argc; i++)
        if (parse_option(argc, argv, &i, o, err, err_size) != 0)
            return -1;
    if (check_command(o, err, err_size) != 0)
        return -1;
    if (o->command == CLI_HEADLESS && !o->script) {
        snprintf(err, err_size, "--headless needs --script FILE");
        return -1;
    }
    if (o->command == CLI_HEADLESS && o->width == 0) {  /* no display to take a size from */
        o->width = 1920;
        o->height = 1080;
    }
    return 0;
}
