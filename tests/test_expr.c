/* test_expr.c: the XLSForm expression evaluator, from tables.
 *
 * One table of expressions and the text each evaluates to, against a small
 * set of answers (${name} values of every kind, "." and a choice column);
 * one table of expressions that must be refused, with the words of the
 * message and the character it points at. */
#include <math.h>
#include <string.h>

#include "expr/expr.h"
#include "testing.h"

/* The answers the expressions see: name, type, text or number. */
static const struct {
    const char *name;
    ExprType type;
    const char *text;
    double number;
} fields[] = {
    {"age", EXPR_NUMBER, NULL, 34},
    {"empty", EXPR_STRING, "", 0},
    {"colour", EXPR_STRING, "blue", 0},
    {"needs", EXPR_STRING, "housing money  food", 0},
    {"born", EXPR_DATE, NULL, 10957}, /* 2000-01-01 */
    {"name", EXPR_STRING, "Ada Lovelace", 0},
    {"count_text", EXPR_STRING, "12", 0},
    {"weight", EXPR_NUMBER, NULL, 61.5},
    {"word", EXPR_STRING, "\xC5\x82\xC3\xB3\xC5\xBC\x6B\x6F", 0}, /* "łóżko": 5 characters, 8 bytes */
};
#define N_FIELDS ((int)(sizeof fields / sizeof fields[0]))

static void field(void *ctx, int id, ExprScratch *scratch, ExprValue *out)
{
    (void)ctx, (void)scratch;
    out->type = fields[id].type;
    out->number = fields[id].number;
    out->string = fields[id].text;
}

static void current(void *ctx, ExprScratch *scratch, ExprValue *out)
{
    (void)ctx;
    *out = (ExprValue){EXPR_STRING, 0, expr_scratch_dup(scratch, "yes maybe", 9)};
}

static void column(void *ctx, int id, ExprScratch *scratch, ExprValue *out)
{
    (void)ctx, (void)scratch, (void)id;
    *out = (ExprValue){EXPR_STRING, 0, "washington"};
}

/* 2026-03-01 at 06:00. */
static const ExprEnv env = {NULL, field, current, column, 20513, 20513.25};

/* Parses and binds `text`; NULL (printing why) when it does not parse. */
static Expr *parse_bound(const char *text)
{
    ExprError err;
    Expr *e = expr_parse(text, &err);
    if (!e) {
        printf("    %s: %s at %d\n", text, err.message, err.position);
        return NULL;
    }
    for (int i = 0; i < expr_field_count(e); i++)
        for (int f = 0; f < N_FIELDS; f++)
            if (strcmp(expr_field_name(e, i), fields[f].name) == 0)
                expr_bind_field(e, i, f);
    for (int i = 0; i < expr_column_count(e); i++)
        expr_bind_column(e, i, 0);
    return e;
}

static const struct {
    const char *expr, *result;
} values[] = {
    /* literals and arithmetic */
    {"1 + 2 * 3", "7"}, {"(1 + 2) * 3", "9"}, {"7 div 2", "3.5"}, {"7 mod 3", "1"},
    {"-3 + 1", "-2"}, {"- - 2", "2"}, {".5 + .25", "0.75"}, {"10 - 2 - 3", "5"},
    {"\"double\"", "double"}, {"1 div 0", "Infinity"}, {"0 div 0", "NaN"},
    /* comparisons: XPath's rules */
    {"1 = 1.0", "true"}, {"'1' = 1", "true"}, {"'a' = 'A'", "false"}, {"'b' > 'a'", "false"},
    {"2 < 10", "true"}, {"'2' < '10'", "true"}, {"1 != 2", "true"}, {"true() = 'x'", "true"},
    {"false() = ''", "true"}, {"3 >= 3 and 2 <= 1", "false"}, {"1 = 2 or 2 = 2", "true"},
    /* fields */
    {"${age} >= 18", "true"}, {"${age} + 1", "35"}, {"${weight} * 2", "123"},
    {"${empty} = ''", "true"}, {"${empty} > 18", "false"}, {"${empty} + 1", "NaN"},
    {"${colour} = 'blue'", "true"}, {"${colour} != 'blue'", "false"}, {"${count_text} > 9", "true"},
    {"${born}", "2000-01-01"}, {"${born} < today()", "true"}, {"${born} = '2000-01-01'", "true"},
    {"${born} > '2000-01-02'", "false"}, {"today() - ${born}", "9556"}, {"${nobody}", ""},
    /* selects */
    {"selected(${needs}, 'money')", "true"}, {"selected(${needs}, 'mon')", "false"},
    {"count-selected(${needs})", "3"}, {"count-selected(${empty})", "0"},
    {"selected-at(${needs}, 2)", "food"}, {"selected-at(${needs}, 5)", ""},
    {"selected(., 'maybe')", "true"}, {"not(selected(., 'yes') and selected (., 'no'))", "true"},
    /* choice_filter: a bare name is a column of the choices sheet */
    {"cf = 'washington'", "true"}, {"cf = ${colour}", "false"},
    /* functions */
    {"if(${age} > 30, 'older', 'younger')", "older"}, {"coalesce(${empty}, 'none')", "none"},
    {"string-length(${name})", "12"}, {"string-length(${word})", "5"},
    {"concat(${name}, ' is ', ${age})", "Ada Lovelace is 34"}, {"contains(${name}, 'Love')", "true"},
    {"starts-with(${name}, 'Ada')", "true"}, {"ends-with(${name}, 'lace')", "true"},
    {"substr(${name}, 4)", "Lovelace"}, {"substr(${word}, 1, 3)", "\xC3\xB3\xC5\xBC"},
    {"normalize-space('  a   b  ')", "a b"}, {"regex(${name}, '^[A-Z][a-z]+ ')", "true"},
    {"regex('0123', '^\\d{4}$')", "true"}, {"regex('012', '^\\d{4}$')", "false"},
    {"round(2.5)", "3"}, {"round(3.14159, 2)", "3.14"}, {"int(-2.7)", "-2"}, {"floor(-2.5)", "-3"},
    {"abs(-4)", "4"}, {"pow(2, 10)", "1024"}, {"sqrt(16)", "4"}, {"max(1, ${age}, 3)", "34"},
    {"min(4, 2, 9)", "2"}, {"number('  42 ')", "42"}, {"number('4x')", "NaN"}, {"boolean('')", "false"},
    {"string(12.50)", "12.5"}, {"not(0)", "true"}, {"today()", "2026-03-01"},
    {"format-date(today(), '%e %b %Y')", "1 Mar 2026"}, {"format-date(now(), '%H:%M')", "06:00"},
    {"date('2026-02-28') + 1", "20513"}, {"date(20513)", "2026-03-01"},
    {"decimal-date-time('2026-03-01T12:00:00')", "20513.5"}, {"once('first')", "yes maybe"},
    {"round(15 div (sqrt(cos(atan(${age} div 100)))),2)", "15.42"},
};

static void test_values(void)
{
    char out[256];
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        Expr *e = parse_bound(values[i].expr);
        CHECK(e);
        expr_eval_string(e, &env, out, sizeof out);
        expr_free(e);
        if (strcmp(out, values[i].result) != 0)
            printf("    %s gave \"%s\", not \"%s\"\n", values[i].expr, out, values[i].result);
        CHECK_STR(out, values[i].result);
    }
}

static const struct {
    const char *expr, *words;
    int position;
} errors[] = {
    {"", "empty", 1},
    {"${age} >", "ends too soon", 9},
    {"(1 + 2", "not closed", 1},
    {"${age", "${ must be followed", 1},
    {"$age", "must begin a ${name}", 1},
    {"'open", "not closed", 1},
    {"pulldata('f', 'a', 'b', 'c')", "pulldata() is not supported: it reads a data file", 1},
    {"${x} = \xE2\x80\x98other\xE2\x80\x99", "curly quote", 8},
    {"1 2", "after a complete expression", 3},
    {"selected(${x})", "selected() takes 2 arguments, not 1", 1},
    {"not()", "not() takes 1 argument, not 0", 1},
    {"/data/age > 3", "paths such as /data/name", 1},
    {"${a}[1]", "node-set", 5},
    {"../x", "parent", 1},
    {"regex(., '[a-')", "not a valid regular expression", 1},
    {"regex(., 'a{9223372036854775807}')", "not a valid regular expression", 1},
    {"regex(., 'a{5,-3}b{-2}')", "not a valid regular expression", 1},
    {"1 + # 2", "unexpected \"#\"", 5},
    {"\xC5\x82\xC3\xB3 = 1 1", "after a complete", 8},
};

static void test_errors(void)
{
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++) {
        ExprError err;
        Expr *e = expr_parse(errors[i].expr, &err);
        if (e || !strstr(err.message, errors[i].words) || err.position != errors[i].position)
            printf("    \"%s\": got \"%s\" at %d\n", errors[i].expr, e ? "(parsed)" : err.message,
                   err.position);
        CHECK(!e);
        CHECK(strstr(err.message, errors[i].words) != NULL);
        CHECK_INT(err.position, errors[i].position);
    }
}

static void test_names_listed_in_order(void)
{
    ExprError err;
    Expr *e = expr_parse("${b} = cf and selected(${a}, ${b}) and .", &err);
    CHECK(e);
    CHECK_INT(expr_field_count(e), 3);
    CHECK_STR(expr_field_name(e, 0), "b");
    CHECK_STR(expr_field_name(e, 1), "a");
    CHECK_INT(expr_field_position(e, 1), 24);
    CHECK_INT(expr_column_count(e), 1);
    CHECK_STR(expr_column_name(e, 0), "cf");
    CHECK_INT(expr_column_position(e, 0), 8);
    CHECK(expr_uses_current(e));
    expr_free(e);
}

/* Unbound names and missing callbacks read as "". */
static void test_unbound_is_empty(void)
{
    ExprError err;
    Expr *e = expr_parse("${x} = '' and cf = '' and . = ''", &err);
    CHECK(e);
    ExprEnv none = {0};
    CHECK(expr_eval_bool(e, &none));
    expr_free(e);
}

static void test_dates_read_and_written(void)
{
    double d;
    char out[32];
    CHECK(expr_parse_date("2024-02-29", &d));
    CHECK(!expr_parse_date("2023-02-29", &d));
    CHECK(!expr_parse_date("2023-13-01", &d));
    CHECK(!expr_parse_date("1 March", &d));
    CHECK(expr_parse_date("1970-01-02T12:00:00", &d));
    CHECK(fabs(d - 1.5) < 1e-9);
    expr_format_date(-1, out, sizeof out);
    CHECK_STR(out, "1969-12-31");
    CHECK_INT(expr_days_from_civil(2026, 3, 1), 20513);
}

/* Deep nesting is refused, not a stack overflow. */
static void test_deep_nesting_refused(void)
{
    char text[4096];
    memset(text, '(', 2000);
    text[2000] = '\0';
    ExprError err;
    CHECK(expr_parse(text, &err) == NULL);
    CHECK(strstr(err.message, "nested") != NULL);
    memset(text, '-', 2000);
    strcpy(text + 2000, "1");
    CHECK(expr_parse(text, &err) == NULL);
}

int main(void)
{
    RUN(test_values);
    RUN(test_errors);
    RUN(test_names_listed_in_order);
    RUN(test_unbound_is_empty);
    RUN(test_dates_read_and_written);
    RUN(test_deep_nesting_refused);
    return TEST_SUMMARY();
}
