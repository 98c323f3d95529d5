/* date_picker.c: what the date picker's buttons do; see date_picker.h.
 * The layout is the question screen's (ui/screens/question_date.c). */
#include "ui/date_picker.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "expr/expr.h"

static int month_days(long year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

double date_picker_today(void)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return (double)expr_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void date_picker_parts_of(const char *text, double today, long *year, int *month, int *day)
{
    double days;
    if (!text || !expr_parse_date(text, &days))
        days = today;
    expr_civil_from_days((long)floor(days), year, month, day);
}

/* `n` stepped by `step` within first..last, going round. */
static int wrap(int n, int step, int first, int last)
{
    n += step;
    return n > last ? first : n < first ? last : n;
}

bool date_picker_press(const char *id, const char *text, double today, DatePickerParts parts, char *out,
                       size_t size)
{
    long y;
    int m, d;
    const char *colon = strchr(id, ':');
    int step = colon && strcmp(colon, ":up") == 0 ? 1 : colon && strcmp(colon, ":down") == 0 ? -1 : 0;
    size_t part = colon ? (size_t)(colon - id) : 0;
    date_picker_parts_of(text && text[0] ? text : NULL, today, &y, &m, &d);
    if (strcmp(id, "today") == 0)
        date_picker_parts_of(NULL, today, &y, &m, &d);
    else if (step && part == 3 && strncmp(id, "day", 3) == 0 && parts.day)
        d = wrap(d, step, 1, month_days(y, m));
    else if (step && part == 5 && strncmp(id, "month", 5) == 0 && parts.month)
        m = wrap(m, step, 1, 12);
    else if (step && part == 4 && strncmp(id, "year", 4) == 0)
        y = wrap((int)y, step, DATE_PICKER_FIRST_YEAR, DATE_PICKER_LAST_YEAR);
    else
        return false;
    m = parts.month ? m : 1;
    d = !parts.day ? 1 : d > month_days(y, m) ? month_days(y, m) : d;
    snprintf(out, size, "%04ld-%02d-%02d", y, m, d);
    return true;
}
