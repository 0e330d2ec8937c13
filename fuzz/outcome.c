/* fuzz/outcome.c: see outcome.h. */
#include "outcome.h"

#include <string.h>

#include "../model/world.h"
#include "text.h"

int outcome_equal(const struct outcome *a, const struct outcome *b)
{
    return a->kind == b->kind && a->value == b->value;
}

static const char *dup_name(long v)
{
    return v == DUP_NEW ? "new" : v == DUP_SAME ? "same" : "NULL";
}

static const char *ctx_name(long v)
{
    return v == CTX_CLIENT ? "cctx" : v == CTX_SERVER ? "sctx" : "NULL";
}

void outcome_print(FILE *f, const struct outcome *o)
{
    switch (o->kind) {
    case RES_OK:
        fputs(o->value ? "ok" : "NULL", f);
        break;
    case RES_MASK:
        text_mask_result(f, o->value);
        break;
    case RES_DUP:
        fputs(dup_name(o->value), f);
        break;
    case RES_CTX:
        fputs(ctx_name(o->value), f);
        break;
    case RES_INT:
    default:
        fprintf(f, "%ld", o->value);
        break;
    }
}

void outcome_print_expect(FILE *f, const struct outcome *o)
{
    if (o->kind == RES_MASK && o->value >= 0)
        text_mask_names(f, (unsigned long) o->value);
    else
        outcome_print(f, o);
}

static int parse_word(const char *s, const char *a, long va, const char *b,
                      long vb, long *out)
{
    if (strcmp(s, a) == 0)
        *out = va;
    else if (b && strcmp(s, b) == 0)
        *out = vb;
    else
        return -1;
    return 0;
}

int outcome_parse(enum result_kind k, const char *s, struct outcome *out,
                  const char **why)
{
    const char *bad;
    out->kind = k;
    switch (k) {
    case RES_OK:
        *why = "expected `ok`";
        return parse_word(s, "ok", 1, NULL, 0, &out->value);
    case RES_MASK:
        *why = "expected a mask: a number or flag names joined by |";
        return text_parse_mask(s, &out->value, &bad);
    case RES_DUP:
        *why = "expected `new` or `same`";
        return parse_word(s, "new", DUP_NEW, "same", DUP_SAME, &out->value);
    case RES_CTX:
        *why = "expected `cctx` or `sctx`";
        return parse_word(s, "cctx", CTX_CLIENT, "sctx", CTX_SERVER, &out->value);
    case RES_INT:
    default:
        *why = "expected a number";
        return text_parse_number(s, &out->value);
    }
}
