/* export_html_values.c: the report's sections for XLSForm's typed values.
 *
 * Numbers are read as a manager reads them: how many answered, the
 * lowest, the middle (median) and the highest, then how often each number
 * came when there are few of them. Dates go by month, from the earliest to
 * the latest. An acknowledge is how many said OK. Phone numbers are only
 * counted: they reach staff in the csv and jsonl exports, not on a page
 * that is printed and passed round. A calculate shows as numbers when all
 * it gave were numbers, else as its values counted. */
#include "export/export_html_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define VALUES_LISTED 20 /* more distinct numbers than this: only the summary */

typedef struct {
    double value;
    int count;
} NumberCount;

static int by_value(const void *a, const void *b)
{
    double x = ((const NumberCount *)a)->value, y = ((const NumberCount *)b)->value;
    return x < y ? -1 : x > y;
}

/* The values of `q`, from the tallies: each after "QUESTION<SEP>". */
static int values_of(const HtmlReport *r, const char *question, const HtmlTally **out, int max)
{
    char prefix[300];
    int n = snprintf(prefix, sizeof prefix, "%s" HTML_SEP, question), found = 0;
    for (int i = 0; i < r->values.n && found < max; i++)
        if (strncmp(r->values.items[i].key, prefix, (size_t)n) == 0)
            out[found++] = &r->values.items[i];
    return found;
}

static const char *value_part(const HtmlTally *t)
{
    const char *sep = strstr(t->key, HTML_SEP);
    return sep ? sep + 1 : t->key;
}

/* The numbers of `q`, sorted; false when one of its values is no number. */
static bool numbers_of(const HtmlReport *r, const SurveyQuestion *q, NumberCount *out, int *n, int *total)
{
    const HtmlTally *tallies[r->values.n + 1];
    int found = values_of(r, q->name, tallies, r->values.n);
    *n = *total = 0;
    for (int i = 0; i < found; i++) {
        char *end;
        double v = strtod(value_part(tallies[i]), &end);
        if (*end || end == value_part(tallies[i]))
            return false;
        out[(*n)++] = (NumberCount){v, tallies[i]->count};
        *total += tallies[i]->count;
    }
    qsort(out, (size_t)*n, sizeof *out, by_value);
    return true;
}

/* The k-th number (from 0) of them all, in order. */
static double nth(const NumberCount *v, int n, int k)
{
    for (int i = 0; i < n; i++) {
        if (k < v[i].count)
            return v[i].value;
        k -= v[i].count;
    }
    return NAN;
}

/* The middle number; with an even count, halfway between the two middle ones. */
static double median(const NumberCount *v, int n, int total)
{
    return (nth(v, n, (total - 1) / 2) + nth(v, n, total / 2)) / 2;
}

static const char *number_name(const HtmlReport *r, const char *key, char *buf, size_t size)
{
    (void)r;
    (void)buf;
    (void)size;
    return key;
}

static void write_numbers(HtmlReport *r, const NumberCount *v, int n, int total, int reached)
{
    char lo[32], mid[32], hi[32];
    if (n == 0) {
        fputs("<p class=\"words\">No numbers given yet.</p>\n", r->h.out);
        return;
    }
    snprintf(lo, sizeof lo, "%.15g", v[0].value);
    snprintf(mid, sizeof mid, "%.15g", median(v, n, total));
    snprintf(hi, sizeof hi, "%.15g", v[n - 1].value);
    fprintf(r->h.out, "<p class=\"words\"><strong>%d</strong> answer%s: lowest <strong>%s</strong>, middle "
                      "(median) <strong>%s</strong>, highest <strong>%s</strong>.</p>\n",
            total, total == 1 ? "" : "s", lo, mid, hi);
    if (n > VALUES_LISTED)
        return;
    HtmlTallies rows = {0};
    for (int i = 0; i < n; i++) {
        char key[32];
        snprintf(key, sizeof key, "%.15g", v[i].value);
        if (html_tally_add(&rows, key, v[i].count) != 0)
            break;
    }
    html_count_table(r, "Number", &rows, number_name, reached, false);
    html_tallies_free(&rows);
}

/* "2026-03" as "March 2026". */
static const char *month_name(const HtmlReport *r, const char *key, char *buf, size_t size)
{
    char day[16], full[64];
    (void)r;
    snprintf(day, sizeof day, "%.7s-01", key);
    html_long_date(full, sizeof full, day);
    snprintf(buf, size, "%s", strchr(full, ' ') ? strchr(full, ' ') + 1 : full);
    return buf;
}

static int by_key(const void *a, const void *b)
{
    return strcmp((*(const HtmlTally *const *)a)->key, (*(const HtmlTally *const *)b)->key);
}

static void write_dates(HtmlReport *r, const SurveyQuestion *q, int reached)
{
    const HtmlTally *tallies[r->values.n + 1];
    int found = values_of(r, q->name, tallies, r->values.n), total = 0;
    char first[64], last[64];
    if (found == 0) {
        fputs("<p class=\"words\">No dates given yet.</p>\n", r->h.out);
        return;
    }
    qsort(tallies, (size_t)found, sizeof tallies[0], by_key);
    HtmlTallies months = {0};
    for (int i = 0; i < found; i++) {
        char month[8];
        snprintf(month, sizeof month, "%.7s", value_part(tallies[i]));
        total += tallies[i]->count;
        html_tally_add(&months, month, tallies[i]->count);
    }
    html_long_date(first, sizeof first, value_part(tallies[0]));
    html_long_date(last, sizeof last, value_part(tallies[found - 1]));
    fprintf(r->h.out, "<p class=\"words\"><strong>%d</strong> date%s given: the earliest <strong>%s</strong>, "
                      "the latest <strong>%s</strong>.</p>\n", total, total == 1 ? "" : "s", first, last);
    html_count_table(r, "Month", &months, month_name, reached, false);
    html_tallies_free(&months);
}

/* A calculate's values that are not all numbers: each value counted. */
static void write_counted(HtmlReport *r, const SurveyQuestion *q, int reached)
{
    const HtmlTally *tallies[r->values.n + 1];
    int found = values_of(r, q->name, tallies, r->values.n);
    HtmlTallies rows = {0};
    for (int i = 0; i < found && i < VALUES_LISTED; i++)
        html_tally_add(&rows, value_part(tallies[i]), tallies[i]->count);
    html_count_table(r, "Value", &rows, number_name, reached, true);
    html_tallies_free(&rows);
}

static int count_of(const HtmlReport *r, const HtmlTallies *t, const char *question)
{
    char prefix[300];
    int n = snprintf(prefix, sizeof prefix, "%s" HTML_SEP, question), total = 0;
    for (int i = 0; i < t->n; i++)
        if (strncmp(t->items[i].key, prefix, (size_t)n) == 0)
            total += t->items[i].count;
    return total;
}

void html_write_values(HtmlReport *r, const SurveyQuestion *q, int reached)
{
    NumberCount numbers[r->values.n + 1];
    int n = 0, total = 0;
    if (q->type == QUESTION_DATE) {
        write_dates(r, q, reached);
    } else if (q->type == QUESTION_ACKNOWLEDGE) {
        fprintf(r->h.out, "<p class=\"words\"><strong>%d</strong> said OK.</p>\n", count_of(r, &r->values, q->name));
    } else if (q->type == QUESTION_PHONE) {
        int given = count_of(r, &r->typed, q->name);
        fprintf(r->h.out, "<p class=\"words\"><strong>%d</strong> phone number%s given. They are in the csv and "
                          "jsonl exports only, not on this page.</p>\n", given, given == 1 ? "" : "s");
    } else if (numbers_of(r, q, numbers, &n, &total)) {
        write_numbers(r, numbers, n, total, reached);
    } else {
        write_counted(r, q, reached);
    }
}

void html_value_headline(HtmlReport *r, const SurveyQuestion *q)
{
    NumberCount numbers[r->values.n + 1];
    int n = 0, total = 0;
    const HtmlTallies *t = q->type == QUESTION_PHONE ? &r->typed : &r->values;
    int given = count_of(r, t, q->name);
    if ((q->type == QUESTION_INTEGER || q->type == QUESTION_DECIMAL) && numbers_of(r, q, numbers, &n, &total) &&
        n > 0)
        fprintf(r->h.out, "%d answer%s, the middle one %.15g", total, total == 1 ? "" : "s",
                median(numbers, n, total));
    else
        fprintf(r->h.out, "%d answer%s", given, given == 1 ? "" : "s");
}

bool html_is_reported(const SurveyQuestion *q)
{
    return q->type != QUESTION_NOTE && q->type != QUESTION_META;
}
