/* fuzz/real_openssl.c: the ops on OpenSSL. See real.h. */
#include "real.h"

#include <stdlib.h>
#include <openssl/crypto.h>

#include "../model/world.h"
#include "pair.h"

struct real {
    SSL_CTX *ctx[CTX_COUNT];
    SSL *slot[SLOT_COUNT];
    SSL *joined[2]; /* the client and server last joined by connect */
    int reused;     /* ctx[] belong to the process, not to this scenario */
};

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
    return kept[c];
}

struct real *real_open(enum real_contexts how)
{
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

static long ctx_index(const struct real *r, const SSL_CTX *ctx)
{
    for (int c = 0; c < CTX_COUNT; c++)
        if (ctx == r->ctx[c])
            return c;
    return -1;
}

static struct outcome result(enum op_kind k, long v)
{
    struct outcome o = { op_table[k].result, v };
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

static struct outcome apply_ctx(struct real *r, const struct op *op)
{
    SSL_CTX *ctx = r->ctx[target_ctx(op->target)];
    switch (op->kind) {
    case OP_SET_MODE:
        return result(op->kind, SSL_CTX_set_mode(ctx, op->arg));
    case OP_CLEAR_MODE:
        return result(op->kind, SSL_CTX_clear_mode(ctx, op->arg));
    case OP_GET_MODE:
    default:
        return result(op->kind, SSL_CTX_get_mode(ctx));
    }
}

static int already_connected(const struct real *r)
{
    SSL *c = r->slot[SLOT_CLIENT], *s = r->slot[SLOT_SERVER];
    return c && s && c == r->joined[0] && s == r->joined[1] &&
           SSL_is_init_finished(c) && SSL_is_init_finished(s);
}

static struct outcome connect_pair(struct real *r)
{
    if (already_connected(r))
        return result(OP_CONNECT, pair_handshake(r->slot[SLOT_CLIENT],
                                                 r->slot[SLOT_SERVER]));
    for (int s = SLOT_CLIENT; s <= SLOT_SERVER; s++)
        if (!r->slot[s])
            r->slot[s] = SSL_new(r->ctx[s]);
    SSL *c = r->slot[SLOT_CLIENT], *s = r->slot[SLOT_SERVER];
    if (!c || !s || !pair_join(c, s, PAIR_DEFAULT_CAP))
        return result(OP_CONNECT, 0);
    r->joined[0] = c;
    r->joined[1] = s;
    return result(OP_CONNECT, pair_handshake(c, s));
}

struct outcome real_apply(struct real *r, const struct op *op)
{
    if (op->kind == OP_CONNECT)
        return connect_pair(r);
    if (target_is_ctx(op->target))
        return apply_ctx(r, op);
    int s = target_slot(op->target);
    SSL *ssl = r->slot[s];
    if (!ssl && op->kind != OP_NEW)
        abort(); /* the executor checks preconditions first */
    switch (op->kind) {
    case OP_SET_MODE:
        return result(op->kind, SSL_set_mode(ssl, op->arg));
    case OP_CLEAR_MODE:
        return result(op->kind, SSL_clear_mode(ssl, op->arg));
    case OP_GET_MODE:
        return result(op->kind, SSL_get_mode(ssl));
    case OP_NEW: {
        SSL *fresh = SSL_new(r->ctx[s % 2]);
        put(r, s, fresh);
        return result(op->kind, fresh != NULL);
    }
    case OP_FREE:
        put(r, s, NULL);
        return result(op->kind, 1);
    case OP_CLEAR:
        return result(op->kind, SSL_clear(ssl));
    case OP_SET_CTX:
        return result(op->kind, ctx_index(r, SSL_set_SSL_CTX(ssl, r->ctx[op->arg ? 1 : 0])));
    case OP_GET_CTX:
        return result(op->kind, ctx_index(r, SSL_get_SSL_CTX(ssl)));
    case OP_DUP: {
        SSL *copy = SSL_dup(ssl);
        long v = copy == NULL ? -1 : copy == ssl ? DUP_SAME : DUP_NEW;
        put(r, s + 2, copy);
        return result(op->kind, v);
    }
    default:
        abort();
    }
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

long real_ssl_ctx(struct real *r, int slot)
{
    return ctx_index(r, SSL_get_SSL_CTX(r->slot[slot]));
}

int real_same_object(struct real *r, int a, int b)
{
    return r->slot[a] != NULL && r->slot[a] == r->slot[b];
}
