/* survey_util.c: allocation and path helpers shared by the survey files.
 *
 * Allocation failure aborts (see survey_internal.h for why), so the loader's
 * many small copies need no NULL checks. */
#include "survey/survey_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void survey_out_of_memory(void)
{
    fputs("sayso: out of memory while loading the survey\n", stderr);
    abort();
}

void *survey_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        survey_out_of_memory();
    return p;
}

void *survey_xrealloc(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        survey_out_of_memory();
    size_t bytes = n * size;
    p = realloc(p, bytes > 0 ? bytes : 1);
    if (!p)
        survey_out_of_memory();
    return p;
}

char *survey_xstrndup(const char *s, size_t n)
{
    char *copy = survey_xcalloc(n + 1, 1);
    memcpy(copy, s, n);
    return copy;
}

char *survey_xstrdup(const char *s)
{
    return s ? survey_xstrndup(s, strlen(s)) : NULL;
}

char *survey_xtrimdup(const char *s)
{
    const char *end = s + strlen(s);
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
        end--;
    return survey_xstrndup(s, (size_t)(end - s));
}

bool survey_join_path(char *out, size_t out_size, const char *a, const char *b)
{
    size_t la = strlen(a);
    const char *sep = (la > 0 && a[la - 1] != '/') ? "/" : "";
    int n = snprintf(out, out_size, "%s%s%s", a, sep, b);
    return n >= 0 && (size_t)n < out_size;
}
