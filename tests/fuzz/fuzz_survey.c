/* fuzz_survey.c: the survey loader on a folder of fuzzed files.
 * sources: src/survey/ src/expr/ src/staff/pin_keys.c src/staff/pin.c src/lazy/
 *
 * One input is survey.csv, choices.csv, settings.csv and yousaid.csv one
 * after the other, split at lines "----" (fuzz_support.h); a missing part
 * is a missing file. survey_load must read anything without a memory
 * error, and every problem it reports must print. Images are not looked
 * for (no symbol folders), so the input alone decides what happens. */
#include "fuzz_support.h"
#include "survey/survey.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const files[] = {"survey.csv", "choices.csv", "settings.csv", "yousaid.csv"};
    const char *dir = fuzz_dir("survey");
    char path[256];
    for (int i = 0; i < 4; i++) {
        size_t length = 0;
        const uint8_t *part = size > 0 ? fuzz_part(&data, &size, &length) : NULL;
        if (part)
            fuzz_write(dir, files[i], part, length, path, sizeof path);
        else {
            snprintf(path, sizeof path, "%s/%s", dir, files[i]);
            unlink(path);
        }
    }
    SurveyProblems problems;
    Survey *survey = survey_load(dir, NULL, &problems);
    FILE *sink = fopen("/dev/null", "w");
    survey_problems_print(&problems, sink);
    fclose(sink);
    survey_problems_free(&problems);
    survey_free(survey);
    return 0;
}
