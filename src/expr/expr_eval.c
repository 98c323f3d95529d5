/* expr_eval.c: evaluating a parsed expression, and XPath's values; see
 * expr.h.
 *
 * Values follow XPath 1.0: "=" compares as booleans when either side is
 * one, else as numbers when either side is one, else as text; "<" and the
 * others compare numbers. Dates are ODK's addition: a date compared with
 * text that reads as a date ("2026-03-01") compares by day, and date
 * arithmetic counts days. An empty answer is "" (so ${age} > 18 is false
 * while age is not answered: number("") is NaN, as XPath says). Strings
 * made while evaluating live in a scratch list freed when it ends. */
#include "expr/expr_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- dates ---- */

long expr_days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void expr_civil_from_days(long z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(long y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

bool expr_parse_date(const char *s, double *days)
{
    int y, m, d, hh = 0, mm = 0, ss = 0, n = 0;
    if (!s || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
        return false;
    if (s[10] == 'T' && sscanf(s + 11, "%2d:%2d:%2d", &hh, &mm, &ss) < 2)
        return false;
    else if (s[10] && s[10] != 'T')
        return false;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m) || hh > 23 || mm > 59 || ss > 60)
        return false;
    *days = (double)expr_days_from_civil(y, m, d) + (hh * 3600 + mm * 60 + ss) / 86400.0;
    return true;
}

void expr_format_date(double days, char *out, size_t size)
{
    long y;
    int m, d;
    if (!isfinite(days) || fabs(days) > 3e6) {
        snprintf(out, size, "%s", "");
        return;
    }
    expr_civil_from_days((long)floor(days), &y, &m, &d);
    snprintf(out, size, "%04ld-%02d-%02d", y, m, d);
}

/* ---- values ---- */

ExprValue expr_string_value(const char *s) { return (ExprValue){EXPR_STRING, 0, s ? s : ""}; }
ExprValue expr_number_value(double n) { return (ExprValue){EXPR_NUMBER, n, NULL}; }
ExprValue expr_bool_value(bool b) { return (ExprValue){EXPR_BOOL, b ? 1 : 0, NULL}; }
ExprValue expr_date_value(double days) { return (ExprValue){EXPR_DATE, days, NULL}; }

bool expr_to_bool(const ExprValue *v)
{
    switch (v->type) {
    case EXPR_STRING: return v->string && v->string[0];
    case EXPR_NUMBER: return v->number != 0 && !isnan(v->number);
    case EXPR_BOOL: return v->number != 0;
    case EXPR_DATE: return true;
    }
    return false;
}

/* XPath's number(): the whole text, spaces around allowed, else NaN. */
static double text_to_number(const char *s)
{
    char *end;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (!*s)
        return NAN;
    double n = strtod(s, &end);
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
        end++;
    bool plain = strpbrk(s, "xXeEiInN") == NULL; /* no hex, exponents, inf or nan: XPath has none */
    return *end || end == s || !plain ? NAN : n;
}

double expr_to_number(const ExprValue *v)
{
    return v->type == EXPR_STRING ? text_to_number(v->string) : v->number;
}

static void number_text(double n, char *out, size_t size)
{
    if (isnan(n)) {
        snprintf(out, size, "NaN");
        return;
    }
    if (isinf(n)) {
        snprintf(out, size, n > 0 ? "Infinity" : "-Infinity");
        return;
    }
    if (n == floor(n) && fabs(n) < 1e15) {
        snprintf(out, size, "%.0f", n == 0 ? 0.0 : n);  /* no "-0" */
        return;
    }
    for (int digits = 1; digits <= 17; digits++) {
        snprintf(out, size, "%.*g", digits, n);
        if (strtod(out, NULL) == n)
            return;
    }
}

void expr_to_text(const ExprValue *v, char *out, size_t size)
{
    switch (v->type) {
    case EXPR_STRING: snprintf(out, size, "%s", v->string ? v->string : ""); break;
    case EXPR_NUMBER: number_text(v->number, out, size); break;
    case EXPR_BOOL: snprintf(out, size, "%s", v->number != 0 ? "true" : "false"); break;
    case EXPR_DATE: expr_format_date(v->number, out, size); break;
    }
}

/* ---- scratch ---- */

const char *expr_scratch_dup(ExprScratch *scratch, const char *s, size_t n)
{
    char **grown = realloc(scratch->blocks, ((size_t)scratch->n + 1) * sizeof *grown);
    char *copy = malloc(n + 1);
    if (!grown || !copy) {
        free(copy);
        if (grown)
            scratch->blocks = grown;
        return "";
    }
    memcpy(copy, s, n);
    copy[n] = '\0';
    scratch->blocks = grown;
    scratch->blocks[scratch->n++] = copy;
    return copy;
}

static void scratch_free(ExprScratch *scratch)
{
    for (int i = 0; i < scratch->n; i++)
        free(scratch->blocks[i]);
    free(scratch->blocks);
    scratch->blocks = NULL;
    scratch->n = 0;
}

const char *expr_value_text(ExprRun *run, const ExprValue *v)
{
    char text[64];
    if (v->type == EXPR_STRING)
        return v->string ? v->string : "";
    expr_to_text(v, text, sizeof text);
    return expr_scratch_dup(&run->scratch, text, strlen(text));
}

/* ---- comparing ---- */

/* A date on one side turns text on the other into a date, when it reads as one. */
static bool as_dates(const ExprValue *a, const ExprValue *b, double *x, double *y)
{
    if (a->type != EXPR_DATE && b->type != EXPR_DATE)
        return false;
    const ExprValue *text = a->type == EXPR_DATE ? b : a;
    if (text->type == EXPR_STRING && !expr_parse_date(text->string, a->type == EXPR_DATE ? y : x))
        return false;
    if (a->type == EXPR_DATE)
        *x = a->number;
    else if (a->type != EXPR_STRING)
        *x = expr_to_number(a);
    if (b->type == EXPR_DATE)
        *y = b->number;
    else if (b->type != EXPR_STRING)
        *y = expr_to_number(b);
    return true;
}

static bool equal(ExprRun *run, const ExprValue *a, const ExprValue *b)
{
    double x, y;
    if (a->type == EXPR_BOOL || b->type == EXPR_BOOL)
        return expr_to_bool(a) == expr_to_bool(b);
    if (as_dates(a, b, &x, &y))
        return floor(x) == floor(y);
    if (a->type == EXPR_NUMBER || b->type == EXPR_NUMBER)
        return expr_to_number(a) == expr_to_number(b);
    return strcmp(expr_value_text(run, a), expr_value_text(run, b)) == 0;
}

static bool compare(const ExprValue *a, const ExprValue *b, ExprOp op)
{
    double x, y;
    if (!as_dates(a, b, &x, &y)) {
        x = expr_to_number(a);
        y = expr_to_number(b);
    }
    switch (op) {
    case EXPR_OP_LT: return x < y;
    case EXPR_OP_LE: return x <= y;
    case EXPR_OP_GT: return x > y;
    default: return x >= y;
    }
}

static double arithmetic(ExprOp op, double x, double y)
{
    switch (op) {
    case EXPR_OP_ADD: return x + y;
    case EXPR_OP_SUB: return x - y;
    case EXPR_OP_MUL: return x * y;
    case EXPR_OP_DIV: return x / y;
    default: return fmod(x, y);
    }
}

static ExprValue eval_binary(ExprRun *run, const ExprNode *n)
{
    ExprValue a = expr_eval_node(run, n->args[0]);
    if (n->op == EXPR_OP_OR && expr_to_bool(&a))
        return expr_bool_value(true);  /* XPath evaluates the right side only when needed */
    if (n->op == EXPR_OP_AND && !expr_to_bool(&a))
        return expr_bool_value(false);
    ExprValue b = expr_eval_node(run, n->args[1]);
    switch (n->op) {
    case EXPR_OP_OR:
    case EXPR_OP_AND: return expr_bool_value(expr_to_bool(&b));
    case EXPR_OP_EQ: return expr_bool_value(equal(run, &a, &b));
    case EXPR_OP_NE: return expr_bool_value(!equal(run, &a, &b));
    case EXPR_OP_LT:
    case EXPR_OP_LE:
    case EXPR_OP_GT:
    case EXPR_OP_GE: return expr_bool_value(compare(&a, &b, n->op));
    default: return expr_number_value(arithmetic(n->op, expr_to_number(&a), expr_to_number(&b)));
    }
}

/* A name's value from the caller; "" when the caller has none. */
static ExprValue eval_name(ExprRun *run, const ExprNode *n)
{
    ExprValue v = expr_string_value("");
    const ExprEnv *env = run->env;
    if (n->kind == EXPR_NODE_CURRENT && env->current)
        env->current(env->ctx, &run->scratch, &v);
    else if (n->kind == EXPR_NODE_FIELD && env->field && run->expr->fields[n->ref].id >= 0)
        env->field(env->ctx, run->expr->fields[n->ref].id, &run->scratch, &v);
    else if (n->kind == EXPR_NODE_COLUMN && env->column && run->expr->columns[n->ref].id >= 0)
        env->column(env->ctx, run->expr->columns[n->ref].id, &run->scratch, &v);
    return v;
}

ExprValue expr_eval_node(ExprRun *run, int node)
{
    const ExprNode *n = &run->expr->nodes[node];
    ExprValue args[EXPR_MAX_ARGS];
    switch (n->kind) {
    case EXPR_NODE_NUMBER: return expr_number_value(n->number);
    case EXPR_NODE_STRING: return expr_string_value(run->expr->strings + n->string);
    case EXPR_NODE_NEG: {
        ExprValue a = expr_eval_node(run, n->args[0]);
        return expr_number_value(-expr_to_number(&a));
    }
    case EXPR_NODE_BINARY: return eval_binary(run, n);
    case EXPR_NODE_CALL:
        for (int i = 0; i < n->n_args; i++)
            args[i] = expr_eval_node(run, n->args[i]);
        if (expr_functions[n->func].unary)
            return expr_number_value(expr_functions[n->func].unary(expr_to_number(&args[0])));
        return expr_functions[n->func].fn(run, args, n->n_args);
    default: return eval_name(run, n);
    }
}

void expr_eval(const Expr *expr, const ExprEnv *env, ExprValueFn fn, void *ctx)
{
    ExprRun run = {.expr = expr, .env = env};
    ExprValue v = expr_eval_node(&run, expr->root);
    fn(ctx, &v);
    scratch_free(&run.scratch);
}

static void keep_bool(void *ctx, const ExprValue *v) { *(bool *)ctx = expr_to_bool(v); }
static void keep_number(void *ctx, const ExprValue *v) { *(double *)ctx = expr_to_number(v); }

bool expr_eval_bool(const Expr *expr, const ExprEnv *env)
{
    bool b = false;
    expr_eval(expr, env, keep_bool, &b);
    return b;
}

double expr_eval_number(const Expr *expr, const ExprEnv *env)
{
    double n = NAN;
    expr_eval(expr, env, keep_number, &n);
    return n;
}

typedef struct {
    char *out;
    size_t size;
} TextOut;

/* Cuts at a whole UTF-8 character when the text does not fit: a lead
 * byte whose sequence runs past the end goes, with what follows it. */
static void keep_text(void *ctx, const ExprValue *v)
{
    TextOut *t = ctx;
    expr_to_text(v, t->out, t->size);
    size_t n = strlen(t->out), lead = n;
    if (v->type != EXPR_STRING || strlen(v->string) <= n)
        return;
    while (lead > 0 && ((unsigned char)t->out[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return;
    unsigned char c = (unsigned char)t->out[lead - 1];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n - (lead - 1) < need)
        t->out[lead - 1] = '\0';
}

void expr_eval_string(const Expr *expr, const ExprEnv *env, char *out, size_t size)
{
    TextOut t = {out, size};
    if (size == 0)
        return;
    out[0] = '\0';
    expr_eval(expr, env, keep_text, &t);
}
