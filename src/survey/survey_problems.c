/* survey_problems.c: the list of problems found in a survey folder, and
 * `sayso check`, which prints them.
 *
 * A problem is what an author can fix: the file, the line and a message that
 * says what to change, printed the way compilers print errors so editors and
 * people both know where to look. */
#include "survey/survey_internal.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>

static void problem_add(SurveyProblems *problems, bool warning, const char *file, int line,
                        const char *fmt, va_list ap)
{
    char *message;
    if (vasprintf(&message, fmt, ap) < 0)
        survey_out_of_memory();
    problems->items = survey_xrealloc(problems->items, (size_t)problems->n + 1,
                                      sizeof(SurveyProblem));
    problems->items[problems->n++] = (SurveyProblem){
        .file = survey_xstrdup(file),
        .line = line,
        .message = message,
        .warning = warning,
    };
    problems->n_warnings += warning;
}

void survey_problem_add(SurveyProblems *problems, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    problem_add(problems, false, file, line, fmt, ap);
    va_end(ap);
}

void survey_warning_add(SurveyProblems *problems, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    problem_add(problems, true, file, line, fmt, ap);
    va_end(ap);
}

const char *survey_table_kind(const SurveyCsvTable *table)
{
    return table->sheet ? "sheet" : "file";
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
    problems->n_warnings = 0;
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
    int status = 1, n = problems.n - problems.n_warnings, w = problems.n_warnings;
    survey_problems_print(&problems, out);
    if (!survey) {
        fprintf(out, "%s: %d problem%s", dir, n, n == 1 ? "" : "s");
        goto cleanup;
    }
    fprintf(out, "%s: ok, %d question%s", dir, survey->n_questions, survey->n_questions == 1 ? "" : "s");
    status = 0;
cleanup:
    if (w > 0)
        fprintf(out, ", %d warning%s", w, w == 1 ? "" : "s");
    fputc('\n', out);
    survey_free(survey);
    survey_problems_free(&problems);
    return status;
}
