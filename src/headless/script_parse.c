/* script_parse.c: one line of a headless script into a step; see
 * script_parse.h. */
#include "headless/script_parse.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    ScriptStepKind kind;
    int args;
} script_steps[] = {{"expect", SCRIPT_EXPECT, 1}, {"tap", SCRIPT_TAP, 1},   {"drag", SCRIPT_DRAG, 2},
                    {"key", SCRIPT_KEY, 1},       {"wait", SCRIPT_WAIT, 1}, {"shot", SCRIPT_SHOT, 1},
                    {"hold", SCRIPT_HOLD, 2},     {"close", SCRIPT_CLOSE, 0}};

/* Splits a line into words, dropping a `#` comment. Returns the count,
 * at most `max` (a longer line is counted as `max`). */
static int split(char *line, char *words[], int max)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    int n = 0;
    char *save = NULL;
    for (char *w = strtok_r(line, " \t\r\n", &save); w && n < max; w = strtok_r(NULL, " \t\r\n", &save))
        words[n++] = w;
    return n;
}

/* Reads `ms`, a step's count of milliseconds, into *out. 0 or -1. */
static int parse_ms(const char *step, const char *ms, uint64_t *out, char *err, size_t err_size)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(ms, &end, 10);
    if (*end || end == ms || ms[0] == '-') {
        snprintf(err, err_size, "%s wants milliseconds, not \"%s\"", step, ms);
        return -1;
    }
    if (errno == ERANGE || v > SCRIPT_MAX_WAIT_MS) {
        snprintf(err, err_size, "%s takes at most %llu milliseconds (366 days), not %s", step,
                 SCRIPT_MAX_WAIT_MS, ms);
        return -1;
    }
    *out = (uint64_t)v;
    return 0;
}

/* The words of a line into `step`. 0 or -1. */
static int parse_words(char *words[], int n, ScriptStep *step, char *err, size_t err_size)
{
    for (size_t i = 0; i < sizeof script_steps / sizeof script_steps[0]; i++) {
        if (strcmp(words[0], script_steps[i].name) != 0)
            continue;
        int args = script_steps[i].args;
        if (n - 1 != args) {
            snprintf(err, err_size, "\"%s\" takes %s", words[0],
                     args == 0 ? "no argument" : args == 1 ? "one argument" : "two arguments");
            return -1;
        }
        step->kind = script_steps[i].kind;
        for (int a = 0; a < args; a++)
            step->arg[a] = words[a + 1];
        if (step->kind == SCRIPT_WAIT)
            return parse_ms("wait", words[1], &step->ms, err, err_size);
        if (step->kind == SCRIPT_HOLD)
            return parse_ms("hold", words[2], &step->ms, err, err_size);
        return 0;
    }
    snprintf(err, err_size, "unknown step \"%.64s\" (use expect, tap, drag, key, wait, shot, hold or close)",
             words[0]);
    return -1;
}

int script_parse_line(char *line, size_t length, ScriptStep *step, char *err, size_t err_size)
{
    memset(step, 0, sizeof *step);
    size_t text = length - (length > 0 && line[length - 1] == '\n');
    if (text > SCRIPT_MAX_LINE) {
        snprintf(err, err_size, "this line is %zu bytes long; a step takes at most %d", text,
                 SCRIPT_MAX_LINE);
        return -1;
    }
    if (strlen(line) != length) {
        snprintf(err, err_size, "this line holds a NUL byte");
        return -1;
    }
    char *words[4];
    int n = split(line, words, 4);
    return n == 0 ? 0 : parse_words(words, n, step, err, err_size);
}
