/* cli.c: parsing the command line; see cli.h. */
#include "app/cli.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void cli_usage(FILE *out)
{
    fputs("usage:\n"
          "  sayso [--config DIR] [--db FILE] [--kiosk FILE] [--windowed WxH]   run the kiosk\n"
          "  sayso --headless --script FILE [--shots DIR] [--size WxH] [--config DIR] [--db FILE]\n"
          "  sayso check [--config DIR]                                        validate a survey\n"
          "defaults: --config config/forum --db sayso.db --kiosk config/kiosk.ini\n",
          out);
}

static int parse_size(const char *text, int *w, int *h)
{
    char x;
    if (sscanf(text, "%d%c%d", w, &x, h) != 3 || (x != 'x' && x != 'X') || *w < 200 || *h < 200 ||
        *w > 16384 || *h > 16384)
        return -1;
    return 0;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* assets/ beside the binary (an installed or built kiosk), else ./assets. */
static void find_assets(CliOptions *o)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    snprintf(o->assets_dir, sizeof o->assets_dir, "assets");
    if (n <= 0)
        return;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return;
    *slash = '\0';
    char candidate[sizeof o->assets_dir];
    if (snprintf(candidate, sizeof candidate, "%s/assets", exe) >= (int)sizeof candidate)
        return;  /* too long a path: keep ./assets */
    if (is_dir(candidate) && !is_dir("assets"))
        memcpy(o->assets_dir, candidate, sizeof candidate);
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

static int parse_option(int argc, char **argv, int *i, CliOptions *o, char *err, size_t err_size)
{
    const char *arg = argv[*i], *v = NULL;
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

int cli_parse(int argc, char **argv, CliOptions *o, char *err, size_t err_size)
{
    memset(o, 0, sizeof *o);
    o->command = CLI_KIOSK;
    o->config_dir = "config/forum";
    o->db_path = "sayso.db";
    o->kiosk_ini = "config/kiosk.ini";
    o->shots_dir = ".";
    find_assets(o);
    int i = 1;
    if (argc > 1 && strcmp(argv[1], "check") == 0) {
        o->command = CLI_CHECK;
        i = 2;
    }
    for (; i < argc; i++)
        if (parse_option(argc, argv, &i, o, err, err_size) != 0)
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
