/* fuzz/outcome.c: see outcome.h. */
#include "outcome.h"

#include <limits.h>
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
    { REASON_NO_RENEGOTIATION, "NO_RENEGOTIATION" },
    { REASON_ALERT_HANDSHAKE_FAILURE, "SSLV3_ALERT_HANDSHAKE_FAILURE" },
    { REASON_UNSUPPORTED_PROTOCOL, "UNSUPPORTED_PROTOCOL" },
    { REASON_INAPPROPRIATE_FALLBACK, "INAPPROPRIATE_FALLBACK" },
    { REASON_TLSV1_ALERT_PROTOCOL_VERSION, "TLSV1_ALERT_PROTOCOL_VERSION" },
    { REASON_TLSV1_ALERT_INAPPROPRIATE_FALLBACK, "TLSV1_ALERT_INAPPROPRIATE_FALLBACK" },
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

static int same_hello(const struct hello_out *a, const struct hello_out *b)
{
    return a->scsv == b->scsv && a->client_time == b->client_time &&
           a->server_time == b->server_time && a->version == b->version &&
           a->alert == b->alert && a->server_reason == b->server_reason &&
           a->client_reason == b->client_reason && a->certs == b->certs &&
           a->client_job == b->client_job && a->server_job == b->server_job;
}

int outcome_equal(const struct outcome *a, const struct outcome *b)
{
    if (a->kind != b->kind || a->value != b->value)
        return 0;
    if (a->kind == RES_HELLO)
        return same_hello(&a->hello, &b->hello);
    if (a->kind == RES_HELD)
        return a->count == b->count;
    if (a->kind != RES_IO)
        return 1;
    return a->err == b->err && a->reason == b->reason && a->count == b->count &&
           a->digest == b->digest;
}

int outcome_meets(const struct outcome *got, const struct outcome *expect)
{
    if (got->kind != expect->kind || got->value != expect->value)
        return 0;
    if (got->kind == RES_HELLO)
        return same_hello(&got->hello, &expect->hello);
    if (got->kind == RES_HELD)
        return got->count == expect->count;
    /* The count is stated apart only for the _ex calls ("written=N",
     * "read=N"); for the other calls it is the return value or nothing. An
     * expectation of the return value alone checks nothing more. */
    return got->kind != RES_IO || expect->only_value || (got->err == expect->err && got->reason == expect->reason &&
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
    if (o->ex != EX_NONE && o->value > 0)
        fprintf(f, " %s=%ld", o->ex == EX_READ ? "read" : "written", o->count);
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

/* The words of a hello's fields (hello.h); "?" for WIRE_UNREADABLE and other
 * values the harness could not read. */
static const char *const scsv_words[] = { "absent", "last", "other" };
static const char *const time_words[] = { "none", "no", "yes" }; /* TIME_* + 1 */
static const char *const job_words[] = { "none", "client", "server", "both" }; /* bits */

static const char *word(const char *const *words, int n, int v)
{
    return v >= 0 && v < n ? words[v] : "?";
}

static void print_reason(FILE *f, const char *key, int reason)
{
    const char *r = reason_name(reason);
    if (r)
        fprintf(f, " %s=%s", key, r);
    else
        fprintf(f, " %s=%d", key, reason);
}

/* Success: the version, then what the ClientHello, the ServerHello and the
 * chain showed. Failure: the alert and both reasons first. */
static void print_hello(FILE *f, const struct hello_out *h)
{
    if (h->version == VERSION_TLS12 || h->version == VERSION_TLS13)
        fputs(h->version == VERSION_TLS12 ? "1.2" : "1.3", f);
    else if (h->version == 0)
        fputs("failed", f);
    else
        fprintf(f, "version=0x%x", (unsigned) h->version);
    if (h->version == 0 || h->alert != ALERT_NONE) {
        fprintf(f, " alert=%d", h->alert);
        print_reason(f, "server", h->server_reason);
        print_reason(f, "client", h->client_reason);
    }
    fprintf(f, " scsv=%s client_time=%s", word(scsv_words, 3, h->scsv),
            word(time_words, 3, h->client_time + 1));
    if (h->version != 0 || h->server_time != TIME_NO_MESSAGE || h->certs != 0)
        fprintf(f, " server_time=%s certs=%d", word(time_words, 3, h->server_time + 1),
                h->certs);
    if (h->client_job || h->server_job)
        fprintf(f, " async=%s", word(job_words, 4, (h->client_job & 1) | (h->server_job & 1) << 1));
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
    case RES_HELLO:
        print_hello(f, &o->hello);
        break;
    case RES_HELD:
        fprintf(f, "read=%ld write=%ld", o->value, o->count);
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

/* "<ret> [written=<n>|read=<n>] [<CLASS> [<REASON>]]", words separated by
 * spaces; the return value alone states nothing more. */
static int parse_io(const char *s, enum ex_form ex, struct outcome *out)
{
    char buf[EXPECT_MAX + 1];
    if (strlen(s) > EXPECT_MAX)
        return -1;
    snprintf(buf, sizeof buf, "%s", s);
    char *save, *w = strtok_r(buf, " ", &save);
    if (!w || text_parse_number(w, &out->value) != 0)
        return -1;
    out->ex = ex;
    out->count = ex == EX_NONE && out->value > 0 ? out->value : 0;
    const char *count_word = ex == EX_READ ? "read=" : "written=";
    w = strtok_r(NULL, " ", &save);
    out->only_value = w == NULL;
    for (; w; w = strtok_r(NULL, " ", &save)) {
        long n;
        int found = 0;
        size_t cw = strlen(count_word);
        if (ex != EX_NONE && strncmp(w, count_word, cw) == 0 &&
            text_parse_number(w + cw, &n) == 0) {
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

static int parse_choice(const char *s, const char *const *words, int n, int *out)
{
    for (int i = 0; i < n; i++)
        if (strcmp(s, words[i]) == 0) {
            *out = i;
            return 0;
        }
    return -1;
}

/* A number from lo to hi, as an int (a wider one is refused, not cut). */
static int parse_int(const char *s, long lo, long hi, int *out)
{
    long n;
    if (text_parse_number(s, &n) != 0 || n < lo || n > hi)
        return -1;
    *out = (int) n;
    return 0;
}

static int parse_reason(const char *s, int *out)
{
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
        if (strcmp(s, reasons[i].name) == 0) {
            *out = reasons[i].code;
            return 0;
        }
    return parse_int(s, 0, INT_MAX, out);
}

#define UNSET (-100)

/* The form print_hello writes, and only it: each field it prints for that
 * shape (success or failure) must be there. */
static int parse_hello(const char *s, struct outcome *out)
{
    char buf[EXPECT_MAX + 1];
    if (strlen(s) > EXPECT_MAX)
        return -1;
    snprintf(buf, sizeof buf, "%s", s);
    struct hello_out h = { UNSET, UNSET, UNSET, UNSET, UNSET, UNSET, UNSET, UNSET, 0, 0 };
    char *save, *w = strtok_r(buf, " ", &save);
    if (!w)
        return -1;
    if (strcmp(w, "1.2") == 0 || strcmp(w, "1.3") == 0) {
        h.version = w[2] == '2' ? VERSION_TLS12 : VERSION_TLS13;
        h.alert = ALERT_NONE;
        h.server_reason = h.client_reason = 0;
    } else if (strcmp(w, "failed") == 0) {
        h.version = 0;
        h.server_time = TIME_NO_MESSAGE;
        h.certs = 0;
    } else {
        return -1;
    }
    for (w = strtok_r(NULL, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        char *v = strchr(w, '=');
        if (!v)
            return -1;
        *v++ = '\0';
        int jobs, rc = -1; /* stays -1 for a key this form does not have */
        if (strcmp(w, "scsv") == 0)
            rc = parse_choice(v, scsv_words, 3, &h.scsv);
        else if (strcmp(w, "client_time") == 0)
            rc = parse_choice(v, time_words + 1, 2, &h.client_time);
        else if (strcmp(w, "server_time") == 0 && h.version)
            rc = parse_choice(v, time_words + 1, 2, &h.server_time);
        else if (strcmp(w, "certs") == 0 && h.version)
            rc = parse_int(v, 0, INT_MAX, &h.certs);
        else if (strcmp(w, "alert") == 0 && !h.version)
            rc = parse_int(v, 0, 255, &h.alert); /* a TLS alert's one byte */
        else if (strcmp(w, "server") == 0 && !h.version)
            rc = parse_reason(v, &h.server_reason);
        else if (strcmp(w, "client") == 0 && !h.version)
            rc = parse_reason(v, &h.client_reason);
        else if (strcmp(w, "async") == 0 && (rc = parse_choice(v, job_words, 4, &jobs)) == 0)
            h.client_job = jobs & 1, h.server_job = jobs >> 1;
        if (rc != 0)
            return -1;
    }
    const int all[] = { h.scsv, h.client_time, h.server_time, h.version,
                        h.alert, h.server_reason, h.client_reason, h.certs };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i] == UNSET)
            return -1;
    out->value = h.version;
    out->hello = h;
    return 0;
}

/* "read=<bytes> write=<bytes>", exactly. */
static int parse_held(const char *s, struct outcome *out)
{
    char r[24], w[24], extra;
    if (sscanf(s, "read=%23s write=%23s %c", r, w, &extra) != 2 ||
        text_parse_number(r, &out->value) != 0 || text_parse_number(w, &out->count) != 0)
        return -1;
    return 0;
}

int outcome_parse(enum result_kind k, enum ex_form ex, const char *s, struct outcome *out,
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
        *why = "expected a return value, then written=N (write_ex) or read=N (read_ex), "
               "an error class (WANT_WRITE, SSL, SYSCALL, ...) and a reason (BAD_LENGTH, "
               "...); or the return value alone";
        return parse_io(s, ex, out);
    case RES_HELLO:
        *why = "expected `1.2` or `1.3` then scsv=absent|last|other client_time=yes|no "
               "server_time=yes|no certs=N; or `failed` then alert=N server=REASON "
               "client=REASON scsv=... client_time=...; then async=client|server|both "
               "when a handshake ran in an ASYNC_JOB";
        return parse_hello(s, out);
    case RES_HELD:
        *why = "expected read=<bytes> write=<bytes>";
        return parse_held(s, out);
    case RES_INT:
    default:
        *why = "expected a number";
        return text_parse_number(s, &out->value);
    }
}
