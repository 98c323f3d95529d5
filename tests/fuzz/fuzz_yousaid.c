/* fuzz_yousaid.c: yousaid.csv ("You said, we did") beside a good survey.
 * sources: src/survey/ src/expr/ src/staff/pin_keys.c src/staff/pin.c src/lazy/
 *
 * The survey, choices and settings are a small good survey in two
 * languages, so every fuzzed yousaid.csv is read to the end: its columns
 * (said::LANG, did::LANG, image, audio), its rows and their texts. */
#include "fuzz_support.h"
#include "survey/survey.h"

static const char survey_csv[] = "type,name,label::English (en),label::Polski (pl)\n"
                                 "select_one yes_no,ok,Is it good?,Czy dobrze?\n";
static const char choices_csv[] = "list_name,name,label::English (en),label::Polski (pl)\n"
                                  "yes_no,yes,Yes,Tak\nyes_no,no,No,Nie\n";
static const char settings_csv[] = "form_title,form_id,version,default_language\n"
                                   "Fuzz,fuzz,1,English (en)\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *dir = fuzz_dir("yousaid");
    char path[256];
    fuzz_write(dir, "survey.csv", (const uint8_t *)survey_csv, sizeof survey_csv - 1, path, sizeof path);
    fuzz_write(dir, "choices.csv", (const uint8_t *)choices_csv, sizeof choices_csv - 1, path, sizeof path);
    fuzz_write(dir, "settings.csv", (const uint8_t *)settings_csv, sizeof settings_csv - 1, path, sizeof path);
    fuzz_write(dir, "yousaid.csv", data, size, path, sizeof path);
    SurveyProblems problems;
    Survey *survey = survey_load(dir, NULL, &problems);
    for (int i = 0; survey && i < survey->n_yousaid; i++)
        for (int l = 0; l < survey->n_languages; l++)
            if (strlen(survey_text(survey, &survey->yousaid[i].said, l)) > (1u << 24))
                abort();
    survey_problems_free(&problems);
    survey_free(survey);
    return 0;
}
