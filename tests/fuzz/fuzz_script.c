/* fuzz_script.c: the headless script parser, one line at a time.
 * sources: src/headless/script_parse.c
 *
 * The input is a script: each line is read as script_run reads it (whole,
 * however long) and parsed; a step must come out whole (its arguments
 * inside the line) or be refused with a reason. */
#include "fuzz_support.h"
#include "headless/script_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t at = 0;
    while (at < size) {
        const uint8_t *nl = memchr(data + at, '\n', size - at);
        size_t length = nl ? (size_t)(nl - (data + at)) + 1 : size - at;
        char *line = malloc(length + 1);
        memcpy(line, data + at, length);
        line[length] = '\0';
        ScriptStep step;
        char err[512] = "";
        if (script_parse_line(line, length, &step, err, sizeof err) != 0) {
            if (!err[0])
                abort(); /* a refusal says why */
        } else {
            for (int a = 0; a < 2; a++)
                if (step.arg[a] && (step.arg[a] < line || step.arg[a] >= line + length || !step.arg[a][0]))
                    abort();
            if ((step.kind == SCRIPT_WAIT || step.kind == SCRIPT_HOLD) && step.ms > SCRIPT_MAX_WAIT_MS)
                abort();
        }
        free(line);
        at += length;
    }
    return 0;
}
