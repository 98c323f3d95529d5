/* expr.h: the XLSForm expressions forms are written with, parsed once and
 * evaluated as a person answers.
 *
 * XLSForm's relevant, required, constraint, calculation, default and
 * choice_filter columns hold XPath 1.0 expressions with ${name} standing
 * for another question's answer: "${age} >= 18 and selected(${needs},
 * 'housing')". This is the subset forms use: literals ('text', "text",
 * 12, 0.5), ${name}, "." (the question's own answer), bare names (a
 * choice's column, in choice_filter), or, and, = != < <= > >=, + - *
 * div mod, unary minus, brackets, and the functions of expr_functions.c
 * (selected, count-selected, if, not, string-length, today, concat, regex,
 * round, ...). Values are XPath's string, number and boolean, plus dates
 * (days since 1970-01-01, as ODK compares them).
 *
 * An expression is parsed once into a tree (expr_parse), its ${name}s and
 * bare names are bound to the caller's ids (expr_bind_*), and then it is
 * evaluated any number of times against an ExprEnv of callbacks. Nothing
 * here knows about surveys: the caller says what a name means. */
#ifndef SAYSO_EXPR_H
#define SAYSO_EXPR_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { EXPR_STRING, EXPR_NUMBER, EXPR_BOOL, EXPR_DATE } ExprType;

/* A value. `string` (EXPR_STRING) is owned by whoever made the value and
 * lasts for one evaluation; `number` is the number, the boolean (1 or 0)
 * or the date (days since 1970-01-01, a fraction for the time of day). */
typedef struct {
    ExprType type;
    double number;
    const char *string;
} ExprValue;

/* Where a parse failed: a message and the character (1-based, counting
 * UTF-8 characters, not bytes) it is about. */
typedef struct {
    char message[200];
    int position;
} ExprError;

typedef struct Expr Expr;
typedef struct ExprScratch ExprScratch; /* strings made during one evaluation */

/* What names and "." mean while evaluating; callbacks may be NULL (the
 * value is then ""). Strings handed back must last for the evaluation:
 * copy them with expr_scratch_dup when they do not. */
typedef struct {
    void *ctx;
    void (*field)(void *ctx, int id, ExprScratch *scratch, ExprValue *out);  /* ${name} */
    void (*current)(void *ctx, ExprScratch *scratch, ExprValue *out);        /* "." */
    void (*column)(void *ctx, int id, ExprScratch *scratch, ExprValue *out); /* a bare name */
    double today;  /* days since 1970-01-01 of the local day (today()) */
    double now;    /* the same with the time of day as a fraction (now()) */
} ExprEnv;

/* Parses `text`. NULL with `err` filled when it is not an expression this
 * evaluator knows (an unknown function is an error too, naming it). */
Expr *expr_parse(const char *text, ExprError *err);
void expr_free(Expr *expr);

/* The ${name}s of an expression, in the order they are written (a name
 * written twice is listed twice), with the character each starts at. */
int expr_field_count(const Expr *expr);
const char *expr_field_name(const Expr *expr, int i);
int expr_field_position(const Expr *expr, int i);
void expr_bind_field(Expr *expr, int i, int id);

/* The bare names (choice columns), as the ${name}s. */
int expr_column_count(const Expr *expr);
const char *expr_column_name(const Expr *expr, int i);
int expr_column_position(const Expr *expr, int i);
void expr_bind_column(Expr *expr, int i, int id);

/* Whether the expression uses "." (its question's own answer). */
bool expr_uses_current(const Expr *expr);

/* Evaluates `expr` and converts the result as XPath's boolean(),
 * number() and string() do. expr_eval_string writes at most `size` bytes
 * (cut at a whole UTF-8 character). */
bool expr_eval_bool(const Expr *expr, const ExprEnv *env);
double expr_eval_number(const Expr *expr, const ExprEnv *env);
void expr_eval_string(const Expr *expr, const ExprEnv *env, char *out, size_t size);

/* Evaluates `expr` and hands its value, as it is, to `fn` (strings last
 * only during the call). */
typedef void (*ExprValueFn)(void *ctx, const ExprValue *value);
void expr_eval(const Expr *expr, const ExprEnv *env, ExprValueFn fn, void *ctx);

/* A copy of `n` bytes of `s` that lasts for the evaluation. */
const char *expr_scratch_dup(ExprScratch *scratch, const char *s, size_t n);

/* XPath's conversions, and dates: "2026-03-01" (or with "T10:00:00") to
 * days since 1970-01-01 (false when it is not a date), and back. */
bool expr_to_bool(const ExprValue *v);
double expr_to_number(const ExprValue *v);
/* The value as text into `out` (a number as its shortest decimal, 5 not 5.0). */
void expr_to_text(const ExprValue *v, char *out, size_t size);
bool expr_parse_date(const char *s, double *days);
void expr_format_date(double days, char *out, size_t size);
/* Days since 1970-01-01 of a calendar date, and back. */
long expr_days_from_civil(long year, int month, int day);
void expr_civil_from_days(long days, long *year, int *month, int *day);

#endif
