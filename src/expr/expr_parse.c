/* expr_parse.c: XLSForm expressions into a tree; see expr.h.
 *
 * A hand-written recursive-descent parser with precedence climbing, as
 * XPath 1.0's grammar is small and no packaged C library parses XPath
 * without a document to run it on (libxml2's evaluates at once, against
 * nodes, and knows neither ${name} nor dates). Precedence, lowest first:
 * or; and; = !=; < <= > >=; + -; * div mod; unary minus. Every error says
 * what is wrong and the character it is at, so an author can find it in a
 * spreadsheet cell. */
#include "expr/expr_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    TK_END, TK_NUMBER, TK_STRING, TK_FIELD, TK_NAME, TK_DOT, TK_LPAREN, TK_RPAREN, TK_COMMA, TK_OP,
} TokenKind;

typedef struct {
    TokenKind kind;
    size_t start, end;  /* bytes of the text; a string's or field's inside, for TK_STRING / TK_FIELD */
    size_t at;          /* where the token begins */
    ExprOp op;
    double number;
} Token;

typedef struct {
    const char *text;
    size_t pos;
    Token tok;
    Expr *expr;
    size_t strings_len;
    int depth;
    ExprError *err;
    bool failed;
} Parser;

/* The 1-based character (not byte) at byte `offset`. */
static int char_position(const char *text, size_t offset)
{
    int n = 1;
    for (size_t i = 0; i < offset && text[i]; i++)
        n += ((unsigned char)text[i] & 0xC0) != 0x80;
    return n;
}

static void fail(Parser *p, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void fail(Parser *p, size_t at, const char *fmt, ...)
{
    if (p->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
    va_end(ap);
    p->err->position = char_position(p->text, at);
    p->failed = true;
}

/* ---- tokens ---- */

static bool is_name_start(unsigned char c)
{
    return isalpha(c) || c == '_' || c >= 0x80;
}

static bool is_name_char(unsigned char c)
{
    return is_name_start(c) || isdigit(c) || c == '-' || c == '.' || c == ':';
}

static bool lex_number(Parser *p, Token *t)
{
    const char *s = p->text + p->pos;
    size_t n = 0;
    while (isdigit((unsigned char)s[n]))
        n++;
    if (s[n] == '.' && isdigit((unsigned char)s[n + 1]))
        for (n++; isdigit((unsigned char)s[n]);)
            n++;
    else if (s[n] == '.' && n > 0)
        n++;
    if (n == 0 || (n == 1 && s[0] == '.'))
        return false;
    t->kind = TK_NUMBER;
    t->number = strtod(s, NULL);
    p->pos += n;
    return true;
}

static void lex_quoted(Parser *p, Token *t)
{
    char quote = p->text[p->pos];
    const char *close = strchr(p->text + p->pos + 1, quote);
    if (!close) {
        fail(p, p->pos, "the text that starts here is not closed (a %c is missing)", quote);
        return;
    }
    t->kind = TK_STRING;
    t->start = p->pos + 1;
    t->end = (size_t)(close - p->text);
    p->pos = t->end + 1;
}

static void lex_field(Parser *p, Token *t)
{
    size_t at = p->pos, i = p->pos + 2;
    if (p->text[p->pos + 1] != '{') {
        fail(p, at, "\"$\" must begin a ${name}, such as ${age}");
        return;
    }
    while (is_name_char((unsigned char)p->text[i]))
        i++;
    if (p->text[i] != '}' || i == at + 2) {
        fail(p, at, "${ must be followed by a question's name and }, such as ${age}");
        return;
    }
    t->kind = TK_FIELD;
    t->start = at + 2;
    t->end = i;
    p->pos = i + 1;
}

static bool lex_op(Parser *p, Token *t)
{
    static const struct {
        const char *text;
        ExprOp op;
    } ops[] = {{"!=", EXPR_OP_NE}, {"<=", EXPR_OP_LE}, {">=", EXPR_OP_GE}, {"=", EXPR_OP_EQ},
               {"<", EXPR_OP_LT},  {">", EXPR_OP_GT},  {"+", EXPR_OP_ADD}, {"-", EXPR_OP_SUB},
               {"*", EXPR_OP_MUL}};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t n = strlen(ops[i].text);
        if (strncmp(p->text + p->pos, ops[i].text, n) == 0) {
            t->kind = TK_OP;
            t->op = ops[i].op;
            p->pos += n;
            return true;
        }
    }
    return false;
}

static bool lex_punct(Parser *p, Token *t)
{
    char c = p->text[p->pos];
    TokenKind kind = c == '(' ? TK_LPAREN : c == ')' ? TK_RPAREN : c == ',' ? TK_COMMA : TK_END;
    if (kind == TK_END)
        return false;
    t->kind = kind;
    p->pos++;
    return true;
}

static void lex_unexpected(Parser *p)
{
    const char *s = p->text + p->pos;
    static const char *const curly[] = {"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D"};
    for (size_t i = 0; i < sizeof curly / sizeof curly[0]; i++)
        if (strncmp(s, curly[i], 3) == 0) {
            fail(p, p->pos, "curly quote %s: write text between straight quotes, 'like this'", curly[i]);
            return;
        }
    if (*s == '/')
        fail(p, p->pos, "paths such as /data/name are not supported; write ${name}");
    else if (*s == '[' || *s == '|' || *s == '@')
        fail(p, p->pos, "\"%c\" (an XPath path or node-set) is not supported", *s);
    else
        fail(p, p->pos, "unexpected \"%c\"", *s);
}

static void next(Parser *p)
{
    Token *t = &p->tok;
    while (isspace((unsigned char)p->text[p->pos]))
        p->pos++;
    memset(t, 0, sizeof *t);
    t->at = t->start = p->pos;
    char c = p->text[p->pos];
    if (c == '\0' || p->failed) {
        t->kind = TK_END;
    } else if (isdigit((unsigned char)c) || (c == '.' && isdigit((unsigned char)p->text[p->pos + 1]))) {
        lex_number(p, t);
    } else if (c == '.' && p->text[p->pos + 1] == '.') {
        fail(p, p->pos, "\"..\" (the parent of a question) is not supported; write ${name}");
    } else if (c == '.') {
        t->kind = TK_DOT;
        p->pos++;
    } else if (c == '\'' || c == '"') {
        lex_quoted(p, t);
    } else if (c == '$') {
        lex_field(p, t);
    } else if (is_name_start((unsigned char)c) && strncmp(p->text + p->pos, "\xE2\x80", 2) != 0) {
        while (is_name_char((unsigned char)p->text[p->pos]))
            p->pos++;
        t->kind = TK_NAME;
    } else if (!lex_op(p, t) && !lex_punct(p, t)) {
        lex_unexpected(p);
    }
    if (t->kind != TK_STRING && t->kind != TK_FIELD)
        t->end = p->pos;
}

static bool tok_is_word(const Parser *p, const char *word)
{
    size_t n = p->tok.end - p->tok.start;
    return p->tok.kind == TK_NAME && strlen(word) == n && strncmp(p->text + p->tok.start, word, n) == 0;
}

/* ---- nodes ---- */

static int add_node(Parser *p, ExprNodeKind kind)
{
    Expr *e = p->expr;
    if (e->n_nodes >= EXPR_MAX_NODES) {
        fail(p, p->tok.at, "the expression is too long (over %d parts)", EXPR_MAX_NODES);
        return -1;
    }
    if (e->n_nodes % 16 == 0) {
        ExprNode *grown = realloc(e->nodes, ((size_t)e->n_nodes + 16) * sizeof *grown);
        if (!grown) {
            fail(p, p->tok.at, "out of memory");
            return -1;
        }
        e->nodes = grown;
    }
    memset(&e->nodes[e->n_nodes], 0, sizeof e->nodes[0]);
    e->nodes[e->n_nodes].kind = kind;
    return e->n_nodes++;
}

static int add_string(Parser *p, size_t start, size_t end)
{
    size_t n = end - start, at = p->strings_len;
    char *grown = realloc(p->expr->strings, at + n + 1);
    if (!grown) {
        fail(p, start, "out of memory");
        return -1;
    }
    memcpy(grown + at, p->text + start, n);
    grown[at + n] = '\0';
    p->expr->strings = grown;
    p->strings_len += n + 1;
    return (int)at;
}

/* Adds a ${name} or bare name to its list; returns its index. */
static int add_name(Parser *p, ExprName **list, int *n, size_t start, size_t end, size_t at)
{
    ExprName *grown = realloc(*list, ((size_t)*n + 1) * sizeof **list);
    char *name = strndup(p->text + start, end - start);
    if (!grown || !name) {
        free(name);
        if (grown)
            *list = grown;
        fail(p, start, "out of memory");
        return -1;
    }
    *list = grown;
    (*list)[*n] = (ExprName){name, char_position(p->text, at), -1};
    return (*n)++;
}

static int parse_expr(Parser *p, int min_prec);

static void fail_arity(Parser *p, size_t at, const char *name, const ExprFunction *fn, int n)
{
    char takes[48];
    if (fn->min_args == fn->max_args)
        snprintf(takes, sizeof takes, "%d argument%s", fn->min_args, fn->min_args == 1 ? "" : "s");
    else if (fn->max_args < 0)
        snprintf(takes, sizeof takes, "%d or more arguments", fn->min_args);
    else
        snprintf(takes, sizeof takes, "%d to %d arguments", fn->min_args, fn->max_args);
    fail(p, at, "%s() takes %s, not %d", name, takes, n);
}

static int parse_call(Parser *p, size_t name_start, size_t name_end)
{
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(name_end - name_start), p->text + name_start);
    int f = expr_function_find(name), node = -1;
    if (f < 0) {
        fail(p, name_start, "function %s() is not supported%s", name, expr_function_missing_why(name));
        return -1;
    }
    int args[EXPR_MAX_ARGS], n = 0;
    next(p); /* past "(" */
    while (!p->failed && p->tok.kind != TK_RPAREN) {
        if (n == EXPR_MAX_ARGS) {
            fail(p, p->tok.at, "%s() has too many arguments", name);
            return -1;
        }
        args[n++] = parse_expr(p, 1);
        if (p->tok.kind == TK_COMMA)
            next(p);
        else if (p->tok.kind != TK_RPAREN)
            fail(p, p->tok.at, "expected \",\" or \")\" in the arguments of %s()", name);
    }
    const ExprFunction *fn = &expr_functions[f];
    if (!p->failed && (n < fn->min_args || (fn->max_args >= 0 && n > fn->max_args)))
        fail_arity(p, name_start, name, fn, n);
    if (!p->failed && strcmp(name, "regex") == 0 && n == 2 &&
        p->expr->nodes[args[1]].kind == EXPR_NODE_STRING &&
        !expr_regex_valid(p->expr->strings + p->expr->nodes[args[1]].string))
        fail(p, name_start, "the pattern of regex() is not a valid regular expression (or is too complex)");
    if (!p->failed && (node = add_node(p, EXPR_NODE_CALL)) >= 0) {
        p->expr->nodes[node].func = f;
        p->expr->nodes[node].n_args = n;
        memcpy(p->expr->nodes[node].args, args, sizeof(int) * (size_t)n);
    }
    next(p); /* past ")" */
    return p->failed ? -1 : node;
}

/* A name: a function call when "(" follows (spaces allowed, as XPath
 * allows), else a choice's column (choice_filter). */
static int parse_name(Parser *p)
{
    size_t start = p->tok.start, end = p->tok.end;
    next(p);
    if (p->tok.kind == TK_LPAREN)
        return parse_call(p, start, end);
    int node = add_node(p, EXPR_NODE_COLUMN);
    if (node >= 0)
        p->expr->nodes[node].ref = add_name(p, &p->expr->columns, &p->expr->n_columns, start, end, start);
    return node;
}

static int parse_leaf(Parser *p, ExprNodeKind kind)
{
    int node = add_node(p, kind);
    if (node < 0)
        return -1;
    ExprNode *n = &p->expr->nodes[node];
    if (kind == EXPR_NODE_NUMBER)
        n->number = p->tok.number;
    else if (kind == EXPR_NODE_STRING)
        n->string = add_string(p, p->tok.start, p->tok.end);
    else if (kind == EXPR_NODE_FIELD)
        n->ref = add_name(p, &p->expr->fields, &p->expr->n_fields, p->tok.start, p->tok.end, p->tok.at);
    else
        p->expr->uses_current = true;
    next(p);
    return node;
}

static int parse_group(Parser *p)
{
    size_t open = p->tok.at;
    if (++p->depth > EXPR_MAX_DEPTH) {
        fail(p, open, "brackets are nested too deeply");
        return -1;
    }
    next(p);
    int node = parse_expr(p, 1);
    if (!p->failed && p->tok.kind != TK_RPAREN)
        fail(p, open, "this \"(\" is not closed");
    p->depth--;
    next(p);
    return node;
}

static int parse_primary(Parser *p)
{
    switch (p->tok.kind) {
    case TK_NUMBER: return parse_leaf(p, EXPR_NODE_NUMBER);
    case TK_STRING: return parse_leaf(p, EXPR_NODE_STRING);
    case TK_FIELD: return parse_leaf(p, EXPR_NODE_FIELD);
    case TK_DOT: return parse_leaf(p, EXPR_NODE_CURRENT);
    case TK_NAME: return parse_name(p);
    case TK_LPAREN: return parse_group(p);
    case TK_END: fail(p, p->tok.at, "the expression ends too soon"); return -1;
    default: fail(p, p->tok.at, "expected a value here"); return -1;
    }
}

static int parse_unary(Parser *p)
{
    if (p->tok.kind == TK_OP && p->tok.op == EXPR_OP_SUB) {
        if (++p->depth > EXPR_MAX_DEPTH) {
            fail(p, p->tok.at, "too many minus signs in a row");
            return -1;
        }
        next(p);
        int arg = parse_unary(p), node = arg >= 0 ? add_node(p, EXPR_NODE_NEG) : -1;
        p->depth--;
        if (node >= 0) {
            p->expr->nodes[node].args[0] = arg;
            p->expr->nodes[node].n_args = 1;
        }
        return node;
    }
    return parse_primary(p);
}

/* The binary operator at the token and its precedence (0: none). */
static int binary_op(const Parser *p, ExprOp *op)
{
    static const int prec[] = {[EXPR_OP_OR] = 1, [EXPR_OP_AND] = 2, [EXPR_OP_EQ] = 3, [EXPR_OP_NE] = 3,
                               [EXPR_OP_LT] = 4, [EXPR_OP_LE] = 4, [EXPR_OP_GT] = 4, [EXPR_OP_GE] = 4,
                               [EXPR_OP_ADD] = 5, [EXPR_OP_SUB] = 5, [EXPR_OP_MUL] = 6,
                               [EXPR_OP_DIV] = 6, [EXPR_OP_MOD] = 6};
    static const struct {
        const char *word;
        ExprOp op;
    } words[] = {{"or", EXPR_OP_OR}, {"and", EXPR_OP_AND}, {"div", EXPR_OP_DIV}, {"mod", EXPR_OP_MOD}};
    if (p->tok.kind == TK_OP) {
        *op = p->tok.op;
        return prec[*op];
    }
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (tok_is_word(p, words[i].word)) {
            *op = words[i].op;
            return prec[*op];
        }
    return 0;
}

static int parse_expr(Parser *p, int min_prec)
{
    int left = parse_unary(p);
    ExprOp op;
    int prec;
    while (!p->failed && (prec = binary_op(p, &op)) >= min_prec && prec > 0) {
        if (++p->depth > EXPR_MAX_DEPTH) {
            fail(p, p->tok.at, "the expression is nested too deeply");
            return -1;
        }
        next(p);
        int right = parse_expr(p, prec + 1);
        p->depth--;
        int node = right >= 0 ? add_node(p, EXPR_NODE_BINARY) : -1;
        if (node < 0)
            return -1;
        p->expr->nodes[node].op = op;
        p->expr->nodes[node].args[0] = left;
        p->expr->nodes[node].args[1] = right;
        p->expr->nodes[node].n_args = 2;
        left = node;
    }
    return left;
}

Expr *expr_parse(const char *text, ExprError *err)
{
    Parser p = {.text = text ? text : "", .err = err};
    memset(err, 0, sizeof *err);
    p.expr = calloc(1, sizeof *p.expr);
    if (!p.expr) {
        snprintf(err->message, sizeof err->message, "out of memory");
        return NULL;
    }
    next(&p);
    if (p.tok.kind == TK_END && !p.failed)
        fail(&p, 0, "the expression is empty");
    p.expr->root = parse_expr(&p, 1);
    if (!p.failed && p.tok.kind != TK_END)
        fail(&p, p.tok.at, "unexpected \"%.*s\" after a complete expression (a missing and/or?)",
             (int)(p.tok.end - p.tok.at > 20 ? 20 : p.tok.end - p.tok.at), text + p.tok.at);
    if (p.failed) {
        expr_free(p.expr);
        return NULL;
    }
    return p.expr;
}

static void free_names(ExprName *names, int n)
{
    for (int i = 0; i < n; i++)
        free(names[i].name);
    free(names);
}

void expr_free(Expr *expr)
{
    if (!expr)
        return;
    free_names(expr->fields, expr->n_fields);
    free_names(expr->columns, expr->n_columns);
    free(expr->nodes);
    free(expr->strings);
    free(expr);
}

int expr_field_count(const Expr *e) { return e->n_fields; }
const char *expr_field_name(const Expr *e, int i) { return e->fields[i].name; }
int expr_field_position(const Expr *e, int i) { return e->fields[i].position; }
void expr_bind_field(Expr *e, int i, int id) { e->fields[i].id = id; }
int expr_column_count(const Expr *e) { return e->n_columns; }
const char *expr_column_name(const Expr *e, int i) { return e->columns[i].name; }
int expr_column_position(const Expr *e, int i) { return e->columns[i].position; }
void expr_bind_column(Expr *e, int i, int id) { e->columns[i].id = id; }
bool expr_uses_current(const Expr *e) { return e->uses_current; }
