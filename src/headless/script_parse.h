/* script_parse.h: one line of a headless script, read into a step.
 *
 * Parsing is apart from running (script.c) so it can be tested and fuzzed
 * without a kiosk: a line is checked whole (its length, a NUL byte, the
 * step's name, how many arguments it takes, the milliseconds of wait and
 * hold) and every problem is worded for the script's author. */
#ifndef SAYSO_HEADLESS_SCRIPT_PARSE_H
#define SAYSO_HEADLESS_SCRIPT_PARSE_H

#include <stddef.h>
#include <stdint.h>

#define SCRIPT_MAX_LINE 1023 /* bytes, without the line end */
#define SCRIPT_MAX_WAIT_MS (366ULL * 24 * 60 * 60 * 1000) /* a year: longer than any time-out */

typedef enum {
    SCRIPT_NONE, /* a blank line or a comment */
    SCRIPT_EXPECT,
    SCRIPT_TAP,
    SCRIPT_DRAG,
    SCRIPT_KEY,
    SCRIPT_WAIT,
    SCRIPT_SHOT,
    SCRIPT_HOLD,
    SCRIPT_CLOSE,
} ScriptStepKind;

typedef struct {
    ScriptStepKind kind;
    const char *arg[2]; /* point into the line; NULL when the step takes fewer */
    uint64_t ms;        /* wait and hold */
} ScriptStep;

/* Reads `line` (`length` bytes as read, with or without its line end;
 * changed in place: `#` comments cut, words ended) into `step`. Returns 0,
 * or -1 with the reason in `err` (no file or line number: the caller adds
 * them). */
int script_parse_line(char *line, size_t length, ScriptStep *step, char *err, size_t err_size);

#endif
