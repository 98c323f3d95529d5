/* expr_functions.c: the functions XLSForm expressions can call.
 *
 * A table of name, argument counts and a small function each, as ODK
 * documents them (docs.getodk.org/form-operators-functions): XPath 1.0's
 * own (not, concat, contains, string-length, round, ...) and ODK's
 * additions forms use (selected, count-selected, if, coalesce, regex,
 * today, format-date, ...). Functions that need a document, a repeat or a
 * file (position, indexed-repeat, pulldata, instance, jr:choice-name) are
 * not here, so a form that uses one is refused when it loads, naming it. */
#include "expr/expr_internal.h"

#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARG_TEXT(i) expr_value_text(run, &args[i])
#define ARG_NUMBER(i) expr_to_number(&args[i])

/* ---- logic ---- */

static ExprValue fn_not(ExprRun *run, const ExprValue *args, int n) { return expr_bool_value(!expr_to_bool(&args[0])); }
static ExprValue fn_true(ExprRun *run, const ExprValue *args, int n) { return expr_bool_value(true); }
static ExprValue fn_false(ExprRun *run, const ExprValue *args, int n) { return expr_bool_value(false); }
static ExprValue fn_boolean(ExprRun *run, const ExprValue *args, int n) { return expr_bool_value(expr_to_bool(&args[0])); }
static ExprValue fn_if(ExprRun *run, const ExprValue *args, int n) { return expr_to_bool(&args[0]) ? args[1] : args[2]; }

static ExprValue fn_coalesce(ExprRun *run, const ExprValue *args, int n)
{
    return ARG_TEXT(0)[0] ? args[0] : args[1];
}

/* once(x): the question's own value when it has one, else x. */
static ExprValue fn_once(ExprRun *run, const ExprValue *args, int n)
{
    ExprValue own = expr_string_value("");
    if (run->env->current)
        run->env->current(run->env->ctx, &run->scratch, &own);
    return expr_value_text(run, &own)[0] ? own : args[0];
}

/* ---- choices: a select's answer is its choice names, space-separated ---- */

/* Calls back for each name of the list `text`; stops when `fn` says so. */
static int each_name(const char *text, bool (*fn)(void *ctx, const char *name, size_t len, int i), void *ctx)
{
    int i = 0;
    for (const char *p = text; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        size_t len = strcspn(p, " \t\n");
        if (len == 0)
            break;
        if (!fn(ctx, p, len, i++))
            return i;
        p += len;
    }
    return i;
}

typedef struct {
    const char *want;
    bool found;
    int at;
    const char *name;
    size_t len;
} NameSearch;

static bool match_name(void *ctx, const char *name, size_t len, int i)
{
    NameSearch *s = ctx;
    if (s->want ? strlen(s->want) == len && strncmp(name, s->want, len) == 0 : i == s->at) {
        s->found = true;
        s->name = name;
        s->len = len;
        return false;
    }
    return true;
}

static bool count_name(void *ctx, const char *name, size_t len, int i) { return true; }

static ExprValue fn_selected(ExprRun *run, const ExprValue *args, int n)
{
    NameSearch s = {.want = ARG_TEXT(1)};
    each_name(ARG_TEXT(0), match_name, &s);
    return expr_bool_value(s.found);
}

static ExprValue fn_count_selected(ExprRun *run, const ExprValue *args, int n)
{
    return expr_number_value(each_name(ARG_TEXT(0), count_name, NULL));
}

static ExprValue fn_selected_at(ExprRun *run, const ExprValue *args, int n)
{
    double at = ARG_NUMBER(1);
    NameSearch s = {.at = isfinite(at) && at >= 0 && at < 1e6 ? (int)at : -1};
    each_name(ARG_TEXT(0), match_name, &s);
    return expr_string_value(s.found ? expr_scratch_dup(&run->scratch, s.name, s.len) : "");
}

/* ---- text ---- */

static ExprValue fn_string(ExprRun *run, const ExprValue *args, int n) { return expr_string_value(ARG_TEXT(0)); }

static ExprValue fn_concat(ExprRun *run, const ExprValue *args, int n)
{
    size_t len = 0;
    const char *parts[EXPR_MAX_ARGS];
    for (int i = 0; i < n; i++)
        len += strlen(parts[i] = ARG_TEXT(i));
    char *joined = malloc(len + 1);
    if (!joined)
        return expr_string_value("");
    joined[0] = '\0';
    for (int i = 0; i < n; i++)
        strcat(joined, parts[i]);
    const char *kept = expr_scratch_dup(&run->scratch, joined, len);
    free(joined);
    return expr_string_value(kept);
}

static ExprValue fn_contains(ExprRun *run, const ExprValue *args, int n)
{
    return expr_bool_value(strstr(ARG_TEXT(0), ARG_TEXT(1)) != NULL);
}

static ExprValue fn_starts_with(ExprRun *run, const ExprValue *args, int n)
{
    const char *b = ARG_TEXT(1);
    return expr_bool_value(strncmp(ARG_TEXT(0), b, strlen(b)) == 0);
}

static ExprValue fn_ends_with(ExprRun *run, const ExprValue *args, int n)
{
    const char *a = ARG_TEXT(0), *b = ARG_TEXT(1);
    size_t la = strlen(a), lb = strlen(b);
    return expr_bool_value(lb <= la && strcmp(a + la - lb, b) == 0);
}

/* Characters (not bytes) of UTF-8 text. */
static long utf8_length(const char *s)
{
    long n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The byte offset of character `i` (clamped to the end). */
static size_t utf8_offset(const char *s, long i)
{
    size_t at = 0;
    for (long seen = 0; s[at] && seen < i; seen++)
        for (at++; ((unsigned char)s[at] & 0xC0) == 0x80; at++)
            ;
    return at;
}

static ExprValue fn_string_length(ExprRun *run, const ExprValue *args, int n)
{
    return expr_number_value((double)utf8_length(ARG_TEXT(0)));
}

/* substr(text, start[, end]): characters start (from 0) up to end. */
static ExprValue fn_substr(ExprRun *run, const ExprValue *args, int n)
{
    const char *s = ARG_TEXT(0);
    long len = utf8_length(s);
    double a = ARG_NUMBER(1), b = n > 2 ? ARG_NUMBER(2) : (double)len;
    long start = isfinite(a) ? (long)fmax(0, fmin(a, (double)len)) : 0;
    long end = isfinite(b) ? (long)fmax((double)start, fmin(b, (double)len)) : len;
    size_t from = utf8_offset(s, start), to = utf8_offset(s, end);
    return expr_string_value(expr_scratch_dup(&run->scratch, s + from, to - from));
}

static ExprValue fn_normalize_space(ExprRun *run, const ExprValue *args, int n)
{
    const char *s = ARG_TEXT(0);
    char *out = malloc(strlen(s) + 1);
    size_t len = 0;
    if (!out)
        return expr_string_value("");
    for (const char *p = s; *p; p++) {
        bool space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
        if (!space)
            out[len++] = *p;
        else if (len > 0 && out[len - 1] != ' ' && p[1])
            out[len++] = ' ';
    }
    while (len > 0 && out[len - 1] == ' ')
        len--;
    const char *kept = expr_scratch_dup(&run->scratch, out, len);
    free(out);
    return expr_string_value(kept);
}

#define REGEX_MAX_LENGTH 256
#define REGEX_MAX_COPIES 10000

static bool is_quantifier(char c)
{
    return c == '*' || c == '+' || c == '?' || c == '{';
}

/* glibc compiles counted repeats by copying, and a quantifier on a
 * quantifier ("a+++") by growing without end: a form's pattern is refused
 * when it is long, stacks quantifiers, or its {n,m} counts multiply past
 * REGEX_MAX_COPIES (real forms use "[0-9]{10}"). */
static bool regex_is_tame(const char *pattern)
{
    long copies = 1;
    if (strlen(pattern) > REGEX_MAX_LENGTH)
        return false;
    for (const char *p = pattern; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        if (is_quantifier(*p) && p > pattern && (p[-1] == '*' || p[-1] == '+' || p[-1] == '?' || p[-1] == '}'))
            return false;
        if (*p == '{') {
            const char *close = strchr(p, '}'), *comma = strchr(p, ',');
            if (!close)
                return false;
            long lo = strtol(p + 1, NULL, 10);
            long hi = comma && comma < close && comma[1] != '}' ? strtol(comma + 1, NULL, 10) : lo;
            long most = hi > lo ? hi : lo;
            if (lo < 0 || most > REGEX_MAX_COPIES) /* checked before multiplying: no overflow */
                return false;
            copies *= most + 1;
            if (copies > REGEX_MAX_COPIES)
                return false;
        }
    }
    return true;
}

/* XLSForm patterns are XML Schema style; POSIX extended ones lack \d, so
 * \d and \D are spelled out before compiling. */
static bool regex_compile(const char *pattern, regex_t *re)
{
    size_t len = strlen(pattern);
    if (!regex_is_tame(pattern))
        return false;
    char *posix = malloc(len * 6 + 1), *o = posix;
    if (!posix)
        return false;
    for (const char *p = pattern; *p; p++) {
        if (p[0] == '\\' && (p[1] == 'd' || p[1] == 'D')) {
            o += sprintf(o, "%s", p[1] == 'd' ? "[0-9]" : "[^0-9]");
            p++;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    bool ok = regcomp(re, posix, REG_EXTENDED | REG_NOSUB) == 0;
    free(posix);
    return ok;
}

bool expr_regex_valid(const char *pattern)
{
    regex_t re;
    if (!regex_compile(pattern, &re))
        return false;
    regfree(&re);
    return true;
}

static ExprValue fn_regex(ExprRun *run, const ExprValue *args, int n)
{
    regex_t re;
    if (!regex_compile(ARG_TEXT(1), &re))
        return expr_bool_value(false);
    bool match = regexec(&re, ARG_TEXT(0), 0, NULL, 0) == 0;
    regfree(&re);
    return expr_bool_value(match);
}

/* ---- numbers ---- */

static ExprValue fn_number(ExprRun *run, const ExprValue *args, int n) { return expr_number_value(ARG_NUMBER(0)); }
static ExprValue fn_pow(ExprRun *run, const ExprValue *args, int n) { return expr_number_value(pow(ARG_NUMBER(0), ARG_NUMBER(1))); }
static ExprValue fn_atan2(ExprRun *run, const ExprValue *args, int n) { return expr_number_value(atan2(ARG_NUMBER(0), ARG_NUMBER(1))); }
static ExprValue fn_pi(ExprRun *run, const ExprValue *args, int n) { return expr_number_value(M_PI); }

static double exp10_of(double x) { return pow(10, x); }

/* round(x) rounds halves up, as XPath's does; round(x, digits) is ODK's. */
static ExprValue fn_round(ExprRun *run, const ExprValue *args, int n)
{
    double x = ARG_NUMBER(0), digits = n > 1 ? ARG_NUMBER(1) : 0;
    if (!isfinite(x) || !isfinite(digits))
        return expr_number_value(isfinite(x) ? NAN : x);
    double scale = pow(10, trunc(digits));
    return expr_number_value(floor(x * scale + 0.5) / scale);
}

static ExprValue min_max(ExprRun *run, const ExprValue *args, int n, bool want_max)
{
    double best = NAN;
    for (int i = 0; i < n; i++) {
        double v = ARG_NUMBER(i);
        if (isnan(v))
            return expr_number_value(NAN);
        if (i == 0 || (want_max ? v > best : v < best))
            best = v;
    }
    return expr_number_value(best);
}

static ExprValue fn_min(ExprRun *run, const ExprValue *args, int n) { return min_max(run, args, n, false); }
static ExprValue fn_max(ExprRun *run, const ExprValue *args, int n) { return min_max(run, args, n, true); }

/* ---- dates ---- */

static ExprValue fn_today(ExprRun *run, const ExprValue *args, int n) { return expr_date_value(run->env->today); }
static ExprValue fn_now(ExprRun *run, const ExprValue *args, int n) { return expr_date_value(run->env->now); }

/* A date from a date, a number of days or text such as "2026-03-01". */
static bool to_days(ExprRun *run, const ExprValue *v, double *days)
{
    if (v->type == EXPR_STRING)
        return expr_parse_date(v->string, days);
    *days = expr_to_number(v);
    return isfinite(*days);
}

static ExprValue fn_date(ExprRun *run, const ExprValue *args, int n)
{
    double days;
    return to_days(run, &args[0], &days) ? expr_date_value(floor(days)) : expr_string_value("");
}

static ExprValue fn_decimal_date_time(ExprRun *run, const ExprValue *args, int n)
{
    double days;
    return expr_number_value(to_days(run, &args[0], &days) ? days : NAN);
}

/* format-date(date, "%e %b %Y"): %Y %y %m %n %d %e %b %a %H %h %M %S. */
static void format_part(char c, double days, char *out, size_t size)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static const char *const weekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    long y, whole = (long)floor(days), secs = lround((days - (double)whole) * 86400);
    int m, d;
    expr_civil_from_days(whole, &y, &m, &d);
    switch (c) {
    case 'Y': snprintf(out, size, "%04ld", y); break;
    case 'y': snprintf(out, size, "%02ld", y % 100); break;
    case 'm': snprintf(out, size, "%02d", m); break;
    case 'n': snprintf(out, size, "%d", m); break;
    case 'd': snprintf(out, size, "%02d", d); break;
    case 'e': snprintf(out, size, "%d", d); break;
    case 'b': snprintf(out, size, "%s", months[m - 1]); break;
    case 'a': snprintf(out, size, "%s", weekdays[((whole % 7) + 7) % 7]); break;
    case 'H': snprintf(out, size, "%02ld", secs / 3600); break;
    case 'h': snprintf(out, size, "%ld", secs / 3600); break;
    case 'M': snprintf(out, size, "%02ld", secs / 60 % 60); break;
    case 'S': snprintf(out, size, "%02ld", secs % 60); break;
    default: snprintf(out, size, "%%%c", c); break;
    }
}

static ExprValue fn_format_date(ExprRun *run, const ExprValue *args, int n)
{
    double days;
    const char *fmt = ARG_TEXT(1);
    if (!to_days(run, &args[0], &days) || fabs(days) > 3e6)
        return expr_string_value("");
    char out[256] = "", part[32];
    for (const char *p = fmt; *p && strlen(out) < sizeof out - 32; p++) {
        if (*p == '%' && p[1]) {
            format_part(*++p, days, part, sizeof part);
        } else {
            part[0] = *p;
            part[1] = '\0';
        }
        strcat(out, part);
    }
    return expr_string_value(expr_scratch_dup(&run->scratch, out, strlen(out)));
}

/* ---- the table: a function, or a number's function (unary) ---- */

const ExprFunction expr_functions[] = {
    {"selected", 2, 2, fn_selected, NULL}, {"count-selected", 1, 1, fn_count_selected, NULL},
    {"selected-at", 2, 2, fn_selected_at, NULL}, {"not", 1, 1, fn_not, NULL},
    {"true", 0, 0, fn_true, NULL}, {"false", 0, 0, fn_false, NULL},
    {"boolean", 1, 1, fn_boolean, NULL}, {"if", 3, 3, fn_if, NULL},
    {"coalesce", 2, 2, fn_coalesce, NULL}, {"once", 1, 1, fn_once, NULL},
    {"string", 1, 1, fn_string, NULL}, {"concat", 1, -1, fn_concat, NULL},
    {"contains", 2, 2, fn_contains, NULL}, {"starts-with", 2, 2, fn_starts_with, NULL},
    {"ends-with", 2, 2, fn_ends_with, NULL}, {"string-length", 1, 1, fn_string_length, NULL},
    {"substr", 2, 3, fn_substr, NULL}, {"normalize-space", 1, 1, fn_normalize_space, NULL},
    {"regex", 2, 2, fn_regex, NULL}, {"number", 1, 1, fn_number, NULL},
    {"int", 1, 1, NULL, trunc}, {"round", 1, 2, fn_round, NULL},
    {"floor", 1, 1, NULL, floor}, {"ceiling", 1, 1, NULL, ceil},
    {"abs", 1, 1, NULL, fabs}, {"pow", 2, 2, fn_pow, NULL},
    {"sqrt", 1, 1, NULL, sqrt}, {"exp", 1, 1, NULL, exp},
    {"exp10", 1, 1, NULL, exp10_of}, {"log", 1, 1, NULL, log},
    {"log10", 1, 1, NULL, log10}, {"sin", 1, 1, NULL, sin},
    {"cos", 1, 1, NULL, cos}, {"tan", 1, 1, NULL, tan},
    {"asin", 1, 1, NULL, asin}, {"acos", 1, 1, NULL, acos},
    {"atan", 1, 1, NULL, atan}, {"atan2", 2, 2, fn_atan2, NULL},
    {"pi", 0, 0, fn_pi, NULL}, {"min", 1, -1, fn_min, NULL},
    {"max", 1, -1, fn_max, NULL}, {"today", 0, 0, fn_today, NULL},
    {"now", 0, 0, fn_now, NULL}, {"date", 1, 1, fn_date, NULL},
    {"decimal-date-time", 1, 1, fn_decimal_date_time, NULL}, {"format-date", 2, 2, fn_format_date, NULL},
    {NULL, 0, 0, NULL, NULL},
};

int expr_function_find(const char *name)
{
    for (int i = 0; expr_functions[i].name; i++)
        if (strcmp(expr_functions[i].name, name) == 0)
            return i;
    return -1;
}

const char *expr_function_missing_why(const char *name)
{
    static const struct {
        const char *name, *why;
    } known[] = {
        {"pulldata", ": it reads a data file, which a kiosk form cannot bring"},
        {"jr:choice-name", ": write ${name} instead (labels and notes show the chosen answer's label)"},
        {"position", ": repeats are not supported"},
        {"indexed-repeat", ": repeats are not supported"},
        {"count", ": repeats are not supported (count-selected() counts a select_multiple's answers)"},
        {"sum", ": repeats are not supported"},
        {"instance", ": external choice lists are not supported"},
        {"uuid", ": each session already has its own id (the instanceID metadata)"},
        {"random", ": a kiosk asks everyone the same way"},
        {"digest", ": sayso does not compute hashes in forms"},
        {"area", ": a kiosk records no locations"},
        {"distance", ": a kiosk records no locations"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(known[i].name, name) == 0)
            return known[i].why;
    return " (see \"Bring your XLSForm\" in the README for the functions sayso knows)";
}
