/* survey_problems.c: the list of problems found in a survey folder, and
 * `sayso check`, which prints them.
 *
 * A problem is what an author can fix: the file, the line and a message that
 * says what to change, printed the way compilers print errors so editors and
 * people both know where to look. */
#include "survey/survey_internal.h"

#include <stdarg.h>
#include <stdlib.h>

void survey_problem_add(SurveyProblems *problems, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    char *message;
    va_start(ap, fmt);
    if (vasprintf(&message, fmt, ap) < 0)
        survey_out_of_memory();
    va_end(ap);
    problems->items = survey_xrealloc(problems->items, (size_t)problems->n + 1,
                                      sizeof(SurveyProblem));
    problems->items[problems->n++] = (SurveyProblem){
        .file = survey_xstrdup(file),
        .line = line,
        .message = message,
    };
}

void survey_problems_free(SurveyProblems *problems)
{
    if (!problems)
        return;
    for (int i = 0; i < problems->n; i++) {
        free(problems->items[i].file);
        free(problems->items[i].message);
    }
    free(problems->items);
    problems->items = NULL;
    problems->n = 0;
}

void survey_problems_print(const SurveyProblems *problems, FILE *out)
{
    for (int i = 0; i < problems->n; i++) {
        const SurveyProblem *p = &problems->items[i];
        if (p->line > 0)
            fprintf(out, "%s:%d: %s\n", p->file, p->line, p->message);
        else
            fprintf(out, "%s: %s\n", p->file, p->message);
    }
}

int survey_check_main(const char *dir, const char *const *symbol_dirs, FILE *out)
{
    SurveyProblems problems;
    Survey *survey = survey_load(dir, symbol_dirs, &problems);
    int status = 1;
    if (!survey) {
        survey_problems_print(&problems, out);
        fprintf(out, "%s: %d problem%s\n", dir, problems.n, problems.n == 1 ? "" : "s");
        goto cleanup;
    }
    fprintf(out, "%s: ok, %d question%s\n", dir, survey->n_questions,
            survey->n_questions == 1 ? "" : "s");
    status = 0;
cleanup:
    survey_free(survey);
    survey_problems_free(&problems);
    return status;
}
