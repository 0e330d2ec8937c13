/* fuzz/outcome.c: see outcome.h. */
#include "outcome.h"

#include <string.h>

#include "../model/conn.h"
#include "../model/world.h"
#include "text.h"

static const struct {
    int code;
    const char *name;
} classes[] = {
    { ERRC_NONE, "NONE" },         { ERRC_SSL, "SSL" },
    { ERRC_WANT_READ, "WANT_READ" }, { ERRC_WANT_WRITE, "WANT_WRITE" },
    { 4, "WANT_X509_LOOKUP" },     { ERRC_SYSCALL, "SYSCALL" },
    { ERRC_ZERO_RETURN, "ZERO_RETURN" }, { 7, "WANT_CONNECT" },
    { 8, "WANT_ACCEPT" },          { 9, "WANT_ASYNC" },
    { 10, "WANT_ASYNC_JOB" },      { 11, "WANT_CLIENT_HELLO_CB" },
    { 12, "WANT_RETRY_VERIFY" },
};

static const struct {
    int code;
    const char *name;
} reasons[] = {
    { REASON_BAD_WRITE_RETRY, "BAD_WRITE_RETRY" },
    { REASON_STILL_IN_INIT, "STILL_IN_INIT" },
    { REASON_PROTOCOL_IS_SHUTDOWN, "PROTOCOL_IS_SHUTDOWN" },
    { REASON_WRONG_SSL_VERSION, "WRONG_SSL_VERSION" },
    { REASON_BAD_LENGTH, "BAD_LENGTH" },
    { REASON_APP_DATA_AFTER_CLOSE_NOTIFY, "APPLICATION_DATA_AFTER_CLOSE_NOTIFY" },
    { REASON_SHUTDOWN_WHILE_IN_INIT, "SHUTDOWN_WHILE_IN_INIT" },
};

const char *errclass_name(int err)
{
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (classes[i].code == err)
            return classes[i].name;
    return NULL;
}

const char *reason_name(int reason)
{
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
        if (reasons[i].code == reason)
            return reasons[i].name;
    return NULL;
}

int outcome_equal(const struct outcome *a, const struct outcome *b)
{
    if (a->kind != b->kind || a->value != b->value)
        return 0;
    if (a->kind != RES_IO)
        return 1;
    return a->err == b->err && a->reason == b->reason && a->count == b->count &&
           a->digest == b->digest;
}

int outcome_meets(const struct outcome *got, const struct outcome *expect)
{
    if (got->kind != expect->kind || got->value != expect->value)
        return 0;
    /* The count is stated apart only for SSL_write_ex ("written=N"); for
     * the other calls it is the return value or nothing. */
    return got->kind != RES_IO || (got->err == expect->err && got->reason == expect->reason &&
                                   (!got->ex || got->count == expect->count));
}

static const char *dup_name(long v)
{
    return v == DUP_NEW ? "new" : v == DUP_SAME ? "same" : "NULL";
}

static const char *ctx_name(long v)
{
    return v == CTX_CLIENT ? "cctx" : v == CTX_SERVER ? "sctx" : "NULL";
}

/* "-1 SSL BAD_LENGTH", "1 written=16384", "16384". */
static void print_io(FILE *f, const struct outcome *o)
{
    fprintf(f, "%ld", o->value);
    if (o->ex && o->value > 0)
        fprintf(f, " written=%ld", o->count);
    if (o->err != ERRC_NONE || (o->kind == RES_IO && o->value > 0 && o->err)) {
        const char *c = errclass_name(o->err);
        if (c)
            fprintf(f, " %s", c);
        else
            fprintf(f, " ERROR_%d", o->err);
    }
    if (o->reason != REASON_NONE) {
        const char *r = reason_name(o->reason);
        if (r)
            fprintf(f, " %s", r);
        else
            fprintf(f, " REASON_%d", o->reason);
    }
}

static void print_value(FILE *f, const struct outcome *o, int expect)
{
    switch (o->kind) {
    case RES_OK:
        fputs(o->value ? "ok" : "NULL", f);
        break;
    case RES_MASK:
        if (expect && o->value >= 0)
            text_mask_names(f, (unsigned long) o->value);
        else
            text_mask_result(f, o->value);
        break;
    case RES_DUP:
        fputs(dup_name(o->value), f);
        break;
    case RES_CTX:
        fputs(ctx_name(o->value), f);
        break;
    case RES_IO:
        print_io(f, o);
        if (!expect && o->from[0])
            fprintf(f, " from %s", o->from);
        break;
    case RES_INT:
    default:
        fprintf(f, "%ld", o->value);
        break;
    }
}

void outcome_print(FILE *f, const struct outcome *o)
{
    print_value(f, o, 0);
}

void outcome_print_expect(FILE *f, const struct outcome *o)
{
    print_value(f, o, 1);
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

/* "<ret> [written=<n>] [<CLASS> [<REASON>]]", words separated by spaces. */
static int parse_io(const char *s, int ex, struct outcome *out)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", s);
    char *save, *w = strtok_r(buf, " ", &save);
    if (!w || text_parse_number(w, &out->value) != 0)
        return -1;
    out->ex = ex;
    out->count = !ex && out->value > 0 ? out->value : 0;
    for (w = strtok_r(NULL, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        long n;
        int found = 0;
        if (strncmp(w, "written=", 8) == 0 && text_parse_number(w + 8, &n) == 0) {
            out->count = n;
            continue;
        }
        for (size_t i = 0; i < sizeof classes / sizeof classes[0] && !found; i++)
            if (strcmp(w, classes[i].name) == 0)
                out->err = classes[i].code, found = 1;
        for (size_t i = 0; i < sizeof reasons / sizeof reasons[0] && !found; i++)
            if (strcmp(w, reasons[i].name) == 0)
                out->reason = reasons[i].code, found = 1;
        if (!found)
            return -1;
    }
    return 0;
}

int outcome_parse(enum result_kind k, int ex, const char *s, struct outcome *out,
                  const char **why)
{
    const char *bad;
    memset(out, 0, sizeof *out);
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
    case RES_IO:
        *why = "expected a return value, then written=N (write_ex), an error class "
               "(WANT_WRITE, SSL, SYSCALL, ...) and a reason (BAD_LENGTH, ...)";
        return parse_io(s, ex, out);
    case RES_INT:
    default:
        *why = "expected a number";
        return text_parse_number(s, &out->value);
    }
}
