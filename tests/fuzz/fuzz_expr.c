/* fuzz_expr.c: the XLSForm expression parser and evaluator (src/expr) on
 * fuzzed text: every input either parses, and then evaluates against
 * answers of each kind without crashing, or is refused with a message
 * and a position inside the text.
 * sources: src/expr/
 * Seeds: tests/fuzz/corpus/expr/. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expr/expr.h"

static void field(void *ctx, int id, ExprScratch *scratch, ExprValue *out)
{
    static const char *const texts[] = {"", "yes no", "12", "2026-03-01"};
    (void)ctx;
    out->type = id % 3 == 0 ? EXPR_STRING : id % 3 == 1 ? EXPR_NUMBER : EXPR_DATE;
    out->number = id * 7.5;
    out->string = expr_scratch_dup(scratch, texts[id % 4], strlen(texts[id % 4]));
}

static void current(void *ctx, ExprScratch *scratch, ExprValue *out)
{
    (void)ctx, (void)scratch;
    *out = (ExprValue){EXPR_STRING, 0, "a b"};
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1), out[256];
    ExprError err;
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    Expr *e = expr_parse(text, &err);
    if (!e) {
        if (err.position < 1 || (size_t)err.position > size + 1 || !err.message[0])
            abort(); /* every refusal points inside the text and says why */
    } else {
        for (int i = 0; i < expr_field_count(e); i++)
            expr_bind_field(e, i, i);
        for (int i = 0; i < expr_column_count(e); i++)
            expr_bind_column(e, i, i);
        ExprEnv env = {NULL, field, current, field, 20513, 20513.5};
        expr_eval_string(e, &env, out, sizeof out);
        (void)expr_eval_bool(e, &env);
        expr_free(e);
    }
    free(text);
    return 0;
}
