/* expr_internal.h: the parsed tree and what expr_parse.c, expr_eval.c and
 * expr_functions.c share.
 *
 * A parsed expression is a flat array of nodes (children by index), so it
 * is one allocation to free and cheap to walk; ${name}s and bare names are
 * listed once each for binding to the caller's ids. */
#ifndef SAYSO_EXPR_INTERNAL_H
#define SAYSO_EXPR_INTERNAL_H

#include "expr/expr.h"

#define EXPR_MAX_ARGS 16
#define EXPR_MAX_NODES 1024  /* a form's expression is a line, not a program */
#define EXPR_MAX_DEPTH 64    /* brackets nested deeper than this are refused */

typedef enum {
    EXPR_NODE_NUMBER,
    EXPR_NODE_STRING,
    EXPR_NODE_FIELD,   /* ${name}: `ref` indexes the field list */
    EXPR_NODE_COLUMN,  /* a bare name: `ref` indexes the column list */
    EXPR_NODE_CURRENT, /* "." */
    EXPR_NODE_CALL,    /* a function: `func`, args in `args` */
    EXPR_NODE_NEG,
    EXPR_NODE_BINARY,  /* `op`, args[0] and args[1] */
} ExprNodeKind;

typedef enum {
    EXPR_OP_OR, EXPR_OP_AND, EXPR_OP_EQ, EXPR_OP_NE, EXPR_OP_LT, EXPR_OP_LE, EXPR_OP_GT,
    EXPR_OP_GE, EXPR_OP_ADD, EXPR_OP_SUB, EXPR_OP_MUL, EXPR_OP_DIV, EXPR_OP_MOD,
} ExprOp;

typedef struct {
    ExprNodeKind kind;
    ExprOp op;
    int func;                  /* index into expr_functions */
    int ref;                   /* FIELD / COLUMN: index into the name list */
    double number;
    int string;                /* STRING: offset into the expression's string pool */
    int args[EXPR_MAX_ARGS];
    int n_args;
} ExprNode;

typedef struct {
    char *name;
    int position;
    int id; /* bound by the caller; -1 until then */
} ExprName;

struct Expr {
    ExprNode *nodes;
    int n_nodes;
    int root;
    char *strings;   /* NUL-terminated literals, one after another */
    ExprName *fields, *columns;
    int n_fields, n_columns;
    bool uses_current;
};

/* Strings made while evaluating, freed together at its end. */
struct ExprScratch {
    char **blocks;
    int n;
};

/* One evaluation in progress. */
typedef struct {
    const Expr *expr;
    const ExprEnv *env;
    ExprScratch scratch;
} ExprRun;

ExprValue expr_eval_node(ExprRun *run, int node);

/* The functions (expr_functions.c): a name, how many arguments it takes
 * (max -1: any number) and what it does with them, evaluated; or, for a
 * function of one number, that function of the C library. */
typedef ExprValue (*ExprFn)(ExprRun *run, const ExprValue *args, int n);
typedef struct {
    const char *name;
    int min_args, max_args;
    ExprFn fn;
    double (*unary)(double); /* instead of fn: a function of one number (sqrt, floor, ...) */
} ExprFunction;

extern const ExprFunction expr_functions[];
int expr_function_find(const char *name);
/* Why a known XPath or ODK function is not here ("" when there is no
 * particular reason), for the message that refuses it. */
const char *expr_function_missing_why(const char *name);
/* Whether a regex() pattern compiles. */
bool expr_regex_valid(const char *pattern);

/* Values made during a run. */
ExprValue expr_string_value(const char *s);
ExprValue expr_number_value(double n);
ExprValue expr_bool_value(bool b);
ExprValue expr_date_value(double days);
/* The value as text, in the run's scratch (lasts for the run). */
const char *expr_value_text(ExprRun *run, const ExprValue *v);

#endif
