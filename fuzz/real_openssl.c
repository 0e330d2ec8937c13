/* fuzz/real_openssl.c: the ops on OpenSSL. See real.h. */
#include "real.h"

#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/err.h>

#include "../model/world.h"
#include "hello_wire.h"
#include "pair.h"

struct real {
    SSL_CTX *ctx[CTX_COUNT];
    SSL *slot[SLOT_COUNT];
    SSL *joined[2]; /* the client and server last joined by connect */
    int reused;     /* ctx[] belong to the process, not to this scenario */
};

/* Where reads land (one for the process: a read is at most BUF_SIZE_MAX). */
static unsigned char scratch[BUF_SIZE_MAX];

/* REAL_REUSED: the process's contexts, and the masks SSL_CTX_new gave them. */
static SSL_CTX *kept[CTX_COUNT];
static long kept_mode[CTX_COUNT];

static SSL_CTX *reused_ctx(int c)
{
    if (!kept[c]) {
        kept[c] = pair_ctx_new(c);
        if (!kept[c])
            return NULL;
        kept_mode[c] = SSL_CTX_get_mode(kept[c]);
    }
    SSL_CTX_clear_mode(kept[c], -1L);
    SSL_CTX_set_mode(kept[c], kept_mode[c]);
    /* Raising max_send_fragment leaves split_send_fragment where it was:
     * put both back. */
    SSL_CTX_set_max_send_fragment(kept[c], SSL3_RT_MAX_PLAIN_LENGTH);
    SSL_CTX_set_split_send_fragment(kept[c], SSL3_RT_MAX_PLAIN_LENGTH);
    return kept[c];
}

struct real *real_open(enum real_contexts how)
{
    const char *why;
    if (!pair_watch_start(&why)) {
        fprintf(stderr, "sslmode: cannot watch OpenSSL's record buffers: %s\n", why);
        return NULL;
    }
    struct real *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->reused = how == REAL_REUSED;
    for (int c = 0; c < CTX_COUNT; c++) {
        r->ctx[c] = r->reused ? reused_ctx(c) : pair_ctx_new(c);
        if (!r->ctx[c]) {
            real_close(r);
            return NULL;
        }
    }
    return r;
}

void real_close(struct real *r)
{
    if (!r)
        return;
    for (int s = 0; s < SLOT_COUNT; s++)
        SSL_free(r->slot[s]);
    for (int c = 0; c < CTX_COUNT && !r->reused; c++)
        SSL_CTX_free(r->ctx[c]);
    free(r);
}

const char *real_version(void)
{
    return OpenSSL_version(OPENSSL_VERSION);
}

const char *real_build_version(void)
{
    return OPENSSL_VERSION_TEXT;
}

#ifdef SSLMODE_OPENSSL_LIB
/* Linked against a build of openssl/versions (make openssl OPENSSL=X): the
 * model still has one profile, 3.0's, and the library is the one named. */
const char *const real_profiles[] = { "openssl 3.0 (the model's; the library: " SSLMODE_OPENSSL_LIB ")" };
#else
const char *const real_profiles[] = { "openssl 3.0 (system)" };
#endif
const int real_profile_count = (int) (sizeof real_profiles / sizeof real_profiles[0]);

static long ctx_index(const struct real *r, const SSL_CTX *ctx)
{
    for (int c = 0; c < CTX_COUNT; c++)
        if (ctx == r->ctx[c])
            return c;
    return -1;
}

static struct outcome result(enum op_kind k, long v)
{
    struct outcome o;
    memset(&o, 0, sizeof o);
    o.kind = op_table[k].result;
    o.value = v;
    return o;
}

/* Puts a handle into a slot, releasing the one it held (after taking the
 * new one, so that SSL_dup's up-reference of the same object survives). */
static void put(struct real *r, int s, SSL *ssl)
{
    SSL *old = r->slot[s];
    r->slot[s] = ssl;
    SSL_free(old);
}

/* The SSL of the op's slot (the precondition says there is one). */
static SSL *ssl_of(struct real *r, const struct op *op)
{
    SSL *ssl = r->slot[target_slot(op->target)];
    if (!ssl)
        abort(); /* the executor checks preconditions first */
    return ssl;
}

/* --- the mask and the objects -------------------------------------------- */

struct outcome real_mode_call(struct real *r, struct buffers *b,
                              const struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    if (target_is_ctx(op->target)) {
        SSL_CTX *ctx = r->ctx[target_ctx(op->target)];
        return result(op->kind, op->kind == OP_SET_MODE     ? SSL_CTX_set_mode(ctx, op->arg)
                                : op->kind == OP_CLEAR_MODE ? SSL_CTX_clear_mode(ctx, op->arg)
                                                            : SSL_CTX_get_mode(ctx));
    }
    SSL *ssl = ssl_of(r, op);
    return result(op->kind, op->kind == OP_SET_MODE     ? SSL_set_mode(ssl, op->arg)
                            : op->kind == OP_CLEAR_MODE ? SSL_clear_mode(ssl, op->arg)
                                                        : SSL_get_mode(ssl));
}

struct outcome real_new(struct real *r, struct buffers *b, const struct session_config *cfg,
                        const struct op *op)
{
    (void) b, (void) cfg;
    int s = target_slot(op->target);
    SSL *fresh = SSL_new(r->ctx[s % 2]);
    put(r, s, fresh);
    return result(op->kind, fresh != NULL);
}

struct outcome real_free(struct real *r, struct buffers *b, const struct session_config *cfg,
                         const struct op *op)
{
    (void) b, (void) cfg;
    put(r, target_slot(op->target), NULL);
    return result(op->kind, 1);
}

struct outcome real_clear(struct real *r, struct buffers *b, const struct session_config *cfg,
                          const struct op *op)
{
    (void) b, (void) cfg;
    return result(op->kind, SSL_clear(ssl_of(r, op)));
}

struct outcome real_set_ctx(struct real *r, struct buffers *b, const struct session_config *cfg,
                            const struct op *op)
{
    (void) b, (void) cfg;
    return result(op->kind,
                  ctx_index(r, SSL_set_SSL_CTX(ssl_of(r, op), r->ctx[op->arg ? 1 : 0])));
}

struct outcome real_get_ctx(struct real *r, struct buffers *b, const struct session_config *cfg,
                            const struct op *op)
{
    (void) b, (void) cfg;
    return result(op->kind, ctx_index(r, SSL_get_SSL_CTX(ssl_of(r, op))));
}

struct outcome real_dup(struct real *r, struct buffers *b, const struct session_config *cfg,
                        const struct op *op)
{
    (void) b, (void) cfg;
    SSL *ssl = ssl_of(r, op), *copy = SSL_dup(ssl);
    long v = copy == NULL ? -1 : copy == ssl ? DUP_SAME : DUP_NEW;
    put(r, target_slot(op->target) + 2, copy);
    return result(op->kind, v);
}

struct outcome real_read_ahead(struct real *r, struct buffers *b,
                               const struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    SSL_set_read_ahead(ssl_of(r, op), (int) op->arg);
    return result(op->kind, 1);
}

struct outcome real_no_reneg(struct real *r, struct buffers *b, const struct session_config *cfg,
                             const struct op *op)
{
    (void) b, (void) cfg;
    if (op->arg)
        SSL_set_options(ssl_of(r, op), SSL_OP_NO_RENEGOTIATION);
    else
        SSL_clear_options(ssl_of(r, op), SSL_OP_NO_RENEGOTIATION);
    return result(op->kind, 1);
}

/* Both contexts and every SSL: the application configures everything. */
struct outcome real_set_msf(struct real *r, struct buffers *b, const struct session_config *cfg,
                            const struct op *op)
{
    (void) b, (void) cfg;
    long ok = 1;
    for (int c = 0; c < CTX_COUNT; c++)
        ok &= SSL_CTX_set_max_send_fragment(r->ctx[c], op->arg);
    for (int s = 0; s < SLOT_COUNT; s++)
        if (r->slot[s])
            ok &= SSL_set_max_send_fragment(r->slot[s], op->arg);
    return result(op->kind, ok);
}

static int already_connected(const struct real *r)
{
    SSL *c = r->slot[SLOT_CLIENT], *s = r->slot[SLOT_SERVER];
    return c && s && c == r->joined[0] && s == r->joined[1] &&
           SSL_is_init_finished(c) && SSL_is_init_finished(s);
}

struct outcome real_connect(struct real *r, struct buffers *b, const struct session_config *cfg,
                            const struct op *op)
{
    (void) b;
    if (already_connected(r))
        return result(op->kind, pair_handshake(r->slot[SLOT_CLIENT], r->slot[SLOT_SERVER]));
    for (int s = SLOT_CLIENT; s <= SLOT_SERVER; s++)
        if (!r->slot[s])
            r->slot[s] = SSL_new(r->ctx[s]);
    SSL *c = r->slot[SLOT_CLIENT], *s = r->slot[SLOT_SERVER];
    const struct cipher_info *ci = &cipher_table[cfg->cipher];
    if (!c || !s || !pair_configure(c, ci->name, ci->tls13, 0) ||
        !pair_configure(s, ci->name, ci->tls13, (int) cfg->tickets) ||
        !pair_join(c, s, cfg->cap))
        return result(op->kind, 0);
    r->joined[0] = c;
    r->joined[1] = s;
    return result(op->kind, pair_handshake(c, s));
}

static int set_versions(SSL *ssl, long range)
{
    return SSL_set_min_proto_version(ssl, range_min(range)) &&
           SSL_set_max_proto_version(ssl, range_max(range));
}

/* What the two first flights and the finished (or failed) pair show. */
static struct hello_out hello_seen(SSL *c, int done, const struct pair_wire *w)
{
    struct hello_out h;
    wire_client_hello(w->first[0], w->len[0], (uint32_t) PAIR_FIXED_TIME, &h);
    wire_server_first(w->first[1], w->len[1], (uint32_t) PAIR_FIXED_TIME, &h);
    h.version = done ? SSL_version(c) : 0;
    STACK_OF(X509) *chain = done ? SSL_get_peer_cert_chain(c) : NULL;
    h.certs = chain ? sk_X509_num(chain) : 0;
    h.client_reason = w->reason[0];
    h.server_reason = w->reason[1];
    h.client_job = w->in_job[0];
    h.server_job = w->in_job[1];
    return h;
}

/* `hello`: two new SSLs, the contexts' masks, the configured version ranges,
 * the server's chained identity; the handshake; then both are freed. */
struct outcome real_hello(struct real *r, struct buffers *b, const struct session_config *cfg,
                          const struct op *op)
{
    (void) b;
    static struct pair_wire wire; /* 8 KiB: not on the fuzzer's stack */
    struct outcome o = result(op->kind, 0);
    SSL *c = SSL_new(r->ctx[CTX_CLIENT]), *s = SSL_new(r->ctx[CTX_SERVER]);
    if (c && s && set_versions(c, cfg->versions[0]) && set_versions(s, cfg->versions[1]) &&
        SSL_set_num_tickets(s, 0) && pair_chain_identity(s) &&
        pair_join(c, s, PAIR_DEFAULT_CAP)) {
        int done = pair_handshake_seen(c, s, &wire);
        o.hello = hello_seen(c, done, &wire);
    } else {
        o.hello.version = o.hello.scsv = WIRE_UNREADABLE; /* set-up failed: a mismatch */
    }
    o.value = o.hello.version;
    SSL_free(c);
    SSL_free(s);
    ERR_clear_error();
    return o;
}

/* --- I/O on one side of the pair (the executor watches its record buffers) -- */

/* An I/O call's outcome: its return, SSL_get_error, the first queued reason
 * (the queue is cleared before the call and after). */
static struct outcome io_result(SSL *ssl, const struct op *op, int ret, size_t count)
{
    struct outcome o = result(op->kind, ret);
    o.err = SSL_get_error(ssl, ret);
    unsigned long e = ERR_peek_error();
    o.reason = e ? ERR_GET_REASON(e) : 0;
    ERR_clear_error();
    o.count = (long) count;
    o.ex = op_ex_form(op->kind);
    return o;
}

struct outcome real_write(struct real *r, struct buffers *b, const struct session_config *cfg,
                          const struct op *op)
{
    (void) cfg;
    SSL *ssl = ssl_of(r, op);
    int a = bufs_find(b, op->buf[0] ? op->buf : DEFAULT_BUF);
    if (a < 0)
        abort(); /* the executor makes the default buffer first */
    const unsigned char *from = b->a[a].mem + op->off;
    if (op->kind == OP_WRITE) {
        int ret = SSL_write(ssl, from, (int) op->arg);
        return io_result(ssl, op, ret, ret > 0 ? (size_t) ret : 0);
    }
    size_t written = 0;
    int ret = SSL_write_ex(ssl, from, (size_t) op->arg, &written);
    return io_result(ssl, op, ret, written);
}

/* SSL_read or SSL_peek (same arguments, same answer but for consuming). */
static struct outcome read_with(struct real *r, const struct op *op,
                                int (*call)(SSL *, void *, int))
{
    SSL *ssl = ssl_of(r, op);
    int ret = call(ssl, scratch, (int) op->arg);
    struct outcome o = io_result(ssl, op, ret, ret > 0 ? (size_t) ret : 0);
    o.digest = digest_bytes(DIGEST_INIT, scratch, ret > 0 ? (uint32_t) ret : 0);
    return o;
}

struct outcome real_read(struct real *r, struct buffers *b, const struct session_config *cfg,
                         const struct op *op)
{
    (void) b, (void) cfg;
    return read_with(r, op, SSL_read);
}

struct outcome real_peek(struct real *r, struct buffers *b, const struct session_config *cfg,
                         const struct op *op)
{
    (void) b, (void) cfg;
    return read_with(r, op, SSL_peek);
}

struct outcome real_read_ex(struct real *r, struct buffers *b, const struct session_config *cfg,
                            const struct op *op)
{
    (void) b, (void) cfg;
    SSL *ssl = ssl_of(r, op);
    size_t got = 0;
    int ret = SSL_read_ex(ssl, scratch, (size_t) op->arg, &got);
    struct outcome o = io_result(ssl, op, ret, got);
    o.digest = digest_bytes(DIGEST_INIT, scratch, (uint32_t) got);
    return o;
}

struct outcome real_drain(struct real *r, struct buffers *b, const struct session_config *cfg,
                          const struct op *op)
{
    (void) b, (void) cfg;
    SSL *ssl = ssl_of(r, op);
    size_t total = 0;
    int ret = 1;
    for (int i = 0; i < DRAIN_READS && total + DRAIN_READ <= BUF_SIZE_MAX && ret > 0; i++) {
        ret = SSL_read(ssl, scratch + total, DRAIN_READ);
        if (ret > 0)
            total += (size_t) ret;
    }
    struct outcome o = io_result(ssl, op, ret, total);
    o.value = (long) total;
    if (ret > 0)
        o.err = 0; /* stopped at the limit, not by a failed read */
    o.digest = digest_bytes(DIGEST_INIT, scratch, (uint32_t) total);
    return o;
}

struct outcome real_key_update(struct real *r, struct buffers *b,
                               const struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    SSL *ssl = ssl_of(r, op);
    return io_result(ssl, op,
                     SSL_key_update(ssl, op->arg ? SSL_KEY_UPDATE_REQUESTED
                                                 : SSL_KEY_UPDATE_NOT_REQUESTED), 0);
}

struct outcome real_shutdown(struct real *r, struct buffers *b, const struct session_config *cfg,
                             const struct op *op)
{
    (void) b, (void) cfg;
    SSL *ssl = ssl_of(r, op);
    return io_result(ssl, op, SSL_shutdown(ssl), 0);
}

struct outcome real_renegotiate(struct real *r, struct buffers *b,
                                const struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    SSL *ssl = ssl_of(r, op);
    return io_result(ssl, op, SSL_renegotiate(ssl), 0);
}

struct outcome real_do_handshake(struct real *r, struct buffers *b,
                                 const struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    SSL *ssl = ssl_of(r, op);
    return io_result(ssl, op, SSL_do_handshake(ssl), 0);
}

struct outcome real_free_buffers(struct real *r, struct buffers *b,
                                 const struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    return result(op->kind, SSL_free_buffers(ssl_of(r, op)));
}

struct outcome real_alloc_buffers(struct real *r, struct buffers *b,
                                  const struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    return result(op->kind, SSL_alloc_buffers(ssl_of(r, op)));
}

/* --- observations ---------------------------------------------------------- */

struct outcome real_buffers(struct real *r, struct buffers *b, const struct session_config *cfg,
                            const struct op *op)
{
    (void) b, (void) cfg;
    SSL *ssl = ssl_of(r, op);
    struct outcome o = result(op->kind, pair_watch_held(ssl, WATCH_READ));
    o.count = pair_watch_held(ssl, WATCH_WRITE);
    return o;
}

struct outcome real_pending(struct real *r, struct buffers *b, const struct session_config *cfg,
                            const struct op *op)
{
    (void) b, (void) cfg;
    return result(op->kind, SSL_pending(ssl_of(r, op)));
}

struct outcome real_has_pending(struct real *r, struct buffers *b,
                                const struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    return result(op->kind, SSL_has_pending(ssl_of(r, op)));
}

struct outcome real_get_shutdown(struct real *r, struct buffers *b,
                                 const struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    return result(op->kind, SSL_get_shutdown(ssl_of(r, op)));
}

struct outcome real_in_transport(struct real *r, struct buffers *b,
                                 const struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    return result(op->kind, (long) BIO_ctrl_pending(SSL_get_rbio(ssl_of(r, op))));
}

/* CLASS_HARNESS: the executor runs the model side's handler once, for both. */
struct outcome real_none(struct real *r, struct buffers *b, const struct session_config *cfg,
                         const struct op *op)
{
    (void) r, (void) b, (void) cfg, (void) op;
    abort();
}

/* OpenSSL's column of fuzz/calls.h. */
typedef struct outcome real_fn(struct real *, struct buffers *, const struct session_config *,
                               const struct op *);
#define REAL_ROW(id, name, syntax, on, arg, result, cls, pre, mfn, rfn, ...) [OP_##id] = rfn,
static real_fn *const handlers[OP_KIND_COUNT] = { CALLS(REAL_ROW) };
#undef REAL_ROW

struct outcome real_apply(struct real *r, struct buffers *b, const struct session_config *cfg,
                          const struct op *op)
{
    if (op_table[op->kind].cls != CLASS_IO)
        return handlers[op->kind](r, b, cfg, op);
    /* An I/O call: the queue starts empty, and its record buffers are watched. */
    SSL *ssl = ssl_of(r, op);
    ERR_clear_error();
    pair_watch_on(ssl);
    struct outcome o = handlers[op->kind](r, b, cfg, op);
    pair_watch_on(NULL);
    return o;
}

int real_slot_live(struct real *r, int slot)
{
    return r->slot[slot] != NULL;
}

long real_ctx_mode(struct real *r, int ctx)
{
    return SSL_CTX_get_mode(r->ctx[ctx]);
}

long real_ssl_mode(struct real *r, int slot)
{
    return SSL_get_mode(r->slot[slot]);
}

int real_ssl_read_ahead(struct real *r, int slot)
{
    return SSL_get_read_ahead(r->slot[slot]);
}

int real_ssl_no_reneg(struct real *r, int slot)
{
    return (SSL_get_options(r->slot[slot]) & SSL_OP_NO_RENEGOTIATION) != 0;
}

long real_ssl_ctx(struct real *r, int slot)
{
    return ctx_index(r, SSL_get_SSL_CTX(r->slot[slot]));
}

int real_same_object(struct real *r, int a, int b)
{
    return r->slot[a] != NULL && r->slot[a] == r->slot[b];
}

struct real_io_state real_io(struct real *r, int side)
{
    struct real_io_state st = real_ssl_state(r, side);
    st.in_transport = (long) BIO_ctrl_pending(SSL_get_rbio(r->slot[1 - side]));
    return st;
}

struct real_io_state real_ssl_state(struct real *r, int slot)
{
    SSL *ssl = r->slot[slot];
    struct real_io_state st;
    st.in_transport = -1;
    st.pending = SSL_pending(ssl);
    st.has_pending = SSL_has_pending(ssl);
    st.shutdown = SSL_get_shutdown(ssl);
    st.in_init = SSL_in_init(ssl);
    st.key_update = SSL_get_key_update_type(ssl);
    st.reneg_pending = SSL_renegotiate_pending(ssl);
    st.want = SSL_want(ssl);
    st.rbuf = pair_watch_held(ssl, WATCH_READ);
    st.wbuf = pair_watch_held(ssl, WATCH_WRITE);
    st.other_buf = pair_watch_held(ssl, WATCH_OTHER);
    return st;
}

const unsigned char *real_last_read(struct real *r)
{
    (void) r;
    return scratch;
}
