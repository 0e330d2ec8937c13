/* fuzz/exec.c: see exec.h. */
#include "exec.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>


void session_close(struct session *ss)
{
    real_close(ss->real);
    ss->real = NULL;
}

/* Compares one value both sides show; on a difference, describes it (the
 * description is only formatted then: this runs after every fuzz step). */
__attribute__((format(printf, 6, 7)))
static int same(struct mismatch *m, const char *rule, enum result_kind kind, long real,
                long model, const char *what, ...)
{
    if (real == model)
        return 1;
    va_list ap;
    va_start(ap, what);
    vsnprintf(m->what, sizeof m->what, what, ap);
    va_end(ap);
    m->rule = rule;
    memset(&m->real, 0, sizeof m->real);
    memset(&m->model, 0, sizeof m->model);
    m->real.kind = m->model.kind = kind;
    m->real.value = real;
    m->model.value = model;
    return 0;
}

/* An SSL outside the connected pair that has not shaken hands (new, or
 * cleared): its record buffers, and nothing pending or shut down (READ-02;
 * model_held_bytes). */
static int fresh_agrees(struct session *ss, struct mismatch *m, int s)
{
    const struct model_world *w = &ss->model.world;
    int o = w->slot[s];
    if (w->obj[o].hs != HS_BEFORE ||
        (w->connected && (o == w->slot[SLOT_CLIENT] || o == w->slot[SLOT_SERVER])))
        return 1;
    const char *name = target_names[slot_target(s)];
    struct real_io_state st = real_ssl_state(ss->real, s);
    long wbuf, rbuf = model_held_bytes(&ss->model, s, &wbuf);
    return same(m, "READ-02", RES_INT, st.rbuf, rbuf, "bytes of the read buffer %s holds", name) &&
           same(m, "READ-02", RES_INT, st.wbuf, wbuf, "bytes of the write buffer %s holds",
                name) &&
           same(m, "READ-08", RES_INT, st.pending, 0, "SSL_pending(%s)", name) &&
           same(m, "READ-08", RES_INT, st.has_pending, 0, "SSL_has_pending(%s)", name) &&
           same(m, "WRITE-16", RES_INT, st.shutdown, 0, "SSL_get_shutdown(%s)", name);
}

/* Every handle's existence, mask, context, and which handles share an
 * object; both contexts' masks. */
static int objects_agree(struct session *ss, struct mismatch *m)
{
    const struct model_world *w = &ss->model.world;
    for (int c = 0; c < CTX_COUNT; c++)
        if (!same(m, "MASK-07", RES_MASK, real_ctx_mode(ss->real, c),
                  world_ctx_get_mode(*w, c), "SSL_CTX_get_mode(%s)",
                  target_names[TGT_CCTX + c]))
            return 0;
    for (int s = 0; s < SLOT_COUNT; s++) {
        const char *name = target_names[slot_target(s)];
        int live = world_slot_live(*w, s);
        if (!same(m, "MASK-11", RES_INT, real_slot_live(ss->real, s), live,
                  "whether %s holds an SSL", name))
            return 0;
        if (!live)
            continue;
        if (!same(m, "MASK-07", RES_MASK, real_ssl_mode(ss->real, s),
                  world_ssl_get_mode(*w, s), "SSL_get_mode(%s)", name) ||
            !same(m, "MASK-08", RES_CTX, real_ssl_ctx(ss->real, s), world_get_ctx(*w, s),
                  "SSL_get_SSL_CTX(%s)", name) ||
            !same(m, "READ-04", RES_INT, real_ssl_read_ahead(ss->real, s),
                  model_read_ahead(&ss->model, s), "SSL_get_read_ahead(%s)", name) ||
            !same(m, "READ-06", RES_INT, real_ssl_no_reneg(ss->real, s),
                  model_no_reneg(&ss->model, s),
                  "whether SSL_get_options(%s) has SSL_OP_NO_RENEGOTIATION", name))
            return 0;
        if (!fresh_agrees(ss, m, s))
            return 0;
        for (int t = s + 1; t < SLOT_COUNT; t++)
            if (world_slot_live(*w, t) &&
                !same(m, "MASK-11", RES_INT, real_same_object(ss->real, s, t),
                      w->slot[s] == w->slot[t], "whether %s and %s are one object", name,
                      target_names[slot_target(t)]))
                return 0;
    }
    return 1;
}

/* For a connected pair, what each side shows of its I/O state. */
static int io_agrees(struct session *ss, struct mismatch *m)
{
    if (!ss->model.world.connected)
        return 1;
    const struct model_conn *c = &ss->model.conn;
    for (int s = SIDE_CLIENT; s <= SIDE_SERVER; s++) {
        const char *name = target_names[slot_target(s)];
        const char *peer = target_names[slot_target(1 - s)];
        struct real_io_state io = real_io(ss->real, s);
        const struct end *e = &c->end[s];
        if (!same(m, "WRITE-02", RES_INT, io.in_transport, c->pipe[s].fill,
                  "bytes %s wrote that %s has not read (BIO_ctrl_pending at %s)", name, peer,
                  peer) ||
            !same(m, "WRITE-13 READ-08", RES_INT, io.pending, conn_pending(*c, s),
                  "SSL_pending(%s)", name) ||
            !same(m, "READ-08", RES_INT, io.has_pending, conn_has_pending(*c, s),
                  "SSL_has_pending(%s)", name) ||
            !same(m, "WRITE-16 READ-05 READ-06", RES_INT, io.shutdown, conn_get_shutdown(*c, s),
                  "SSL_get_shutdown(%s)", name) ||
            !same(m, "WRITE-09 READ-06", RES_INT, io.in_init, e->in_init, "SSL_in_init(%s)", name) ||
            !same(m, "WRITE-15", RES_INT, io.key_update, e->key_update,
                  "SSL_get_key_update_type(%s)", name) ||
            !same(m, "READ-05 READ-06", RES_INT, io.reneg_pending, e->reneg_pending,
                  "SSL_renegotiate_pending(%s)", name) ||
            !same(m, "WRITE-17", RES_INT, io.want, e->rwstate, "SSL_want(%s)", name) ||
            !same(m, "READ-02", RES_INT, io.rbuf, model_rbuf_bytes(c, s),
                  "bytes of the read buffer %s holds", name) ||
            !same(m, "READ-02", RES_INT, io.wbuf, model_wbuf_bytes(c, s),
                  "bytes of the write buffer %s holds", name) ||
            !same(m, "READ-02", RES_INT, io.other_buf, 0,
                  "bytes %s holds from a record-buffer site other than the read and write "
                  "buffers' (ssl3_buffer.c)", name))
            return 0;
    }
    return 1;
}

static int states_agree(struct session *ss, struct mismatch *m)
{
    return objects_agree(ss, m) && io_agrees(ss, m);
}

int session_open(struct session *ss, const char *origin, enum real_contexts how,
                 FILE *report)
{
    ss->origin = origin;
    ss->steps = 0;
    model_init(&ss->model);
    bufs_init(&ss->bufs, 0);
    ss->cfg = config_default();
    ss->real = real_open(how);
    if (!ss->real)
        return -1;
    struct mismatch m = { 0 };
    if (states_agree(ss, &m))
        return 1;
    if (report)
        report_mismatch(report, (struct report_trace) { ss->origin, ss->trace, ss->steps }, &m);
    return 0;
}

int session_applicable(const struct session *ss, const struct op *op, const char **why)
{
    *why = "more steps than a session holds";
    if (ss->steps == TRACE_MAX)
        return 0;
    return model_applicable(&ss->model, &ss->bufs, &ss->cfg, op, why);
}

/* Where real bytes could have come from: a buffer and offset whose content
 * starts with them (the first match), for the report. */
static int find_origin(const struct buffers *b, const unsigned char *p, uint32_t n,
                       struct src *at)
{
    uint32_t k = n < 16 ? n : 16;
    for (int a = 0; a < b->count; a++)
        for (uint32_t v = 0; v <= b->a[a].ver; v++)
            for (uint32_t off = 0; off + k <= b->a[a].size; off++) {
                struct src s = { a, off, v };
                uint32_t i = 0;
                while (i < k && bufs_byte(b, s, i) == p[i])
                    i++;
                if (i == k) {
                    *at = s;
                    return 1;
                }
            }
    return 0;
}

/* For a read whose bytes differ: where, and what each side has there. (For
 * a drain, the first read's source stands for all.) */
static void describe_bytes(struct session *ss, const struct trace_entry *e, char *out,
                           size_t len)
{
    const unsigned char *got = real_last_read(ss->real);
    uint32_t n = (uint32_t) (e->real.count < e->model.count ? e->real.count : e->model.count);
    uint32_t i = 0;
    while (i < n && got[i] == bufs_byte(&ss->bufs, e->model.src, i))
        i++;
    struct src at;
    char origin[64] = "no buffer the harness knows";
    if (e->real.count > 0 && find_origin(&ss->bufs, got, (uint32_t) e->real.count, &at))
        snprintf(origin, sizeof origin, "%s+%u (v%u)", ss->bufs.a[at.buf].name, at.off, at.ver);
    snprintf(out, len, "the bytes delivered: from byte %u OpenSSL's differ from %s's; "
             "OpenSSL's start like %s", i, e->model.from[0] ? e->model.from : "the model", origin);
}

const char *session_limit_text(int reason)
{
    if (reason == REASON_MODEL_RENEG)
        return "takes a renegotiation further than the model follows it "
               "(spec/divergences.md, D11): a client acting on a HelloRequest while a "
               "record is pending either way, with records behind it, or without room "
               "for its answer, or a server reading the ClientHello; let the client "
               "read the HelloRequest alone, with nothing of its own pending and room "
               "in its transport, or send close_notify from it first";
    return "needs more records in flight than the model holds (REC_MAX, model/conn.h); "
           "read some first";
}

int session_step(struct session *ss, const struct op *op, int line, FILE *report)
{
    if (ss->steps == TRACE_MAX)
        abort(); /* the front ends bound the number of steps */
    struct trace_entry *e = &ss->trace[ss->steps++];
    e->op = *op;
    e->line = line;
    if (op_table[op->kind].cls == CLASS_HARNESS) {
        /* The harness's own: one handler, for both sides. */
        e->real = e->model = model_apply(&ss->model, &ss->bufs, &ss->cfg, op);
        return 1;
    }
    if (op_table[op->kind].arg == ARG_LENGTH_FROM && bufs_prepare_write(&ss->bufs, op))
        abort(); /* session_applicable leaves room for the default buffer */
    e->real = real_apply(ss->real, &ss->bufs, &ss->cfg, op);
    e->model = model_apply(&ss->model, &ss->bufs, &ss->cfg, op);
    if (e->model.reason < 0)
        return -1; /* REASON_MODEL_FULL, REASON_MODEL_RENEG */

    struct mismatch m = { 0 };
    if (!outcome_equal(&e->real, &e->model)) {
        if (e->real.digest != e->model.digest)
            describe_bytes(ss, e, m.what, sizeof m.what);
        else
            snprintf(m.what, sizeof m.what, "the call's return value");
        m.rule = op_table[op->kind].rules;
        m.real = e->real;
        m.model = e->model;
    } else if (!world_check(ss->model.world)) {
        snprintf(m.what, sizeof m.what, "the model's state invariant (world_ok)");
        m.rule = "model/logic/world.acsl";
        m.invariant = 1;
    } else if (ss->model.world.connected && !conn_check(ss->model.conn)) {
        snprintf(m.what, sizeof m.what, "the model's connection invariant (conn_ok)");
        m.rule = "model/logic/conn.acsl";
        m.invariant = 1;
    } else if (states_agree(ss, &m)) {
        return 1;
    }
    if (report)
        report_mismatch(report, (struct report_trace) { ss->origin, ss->trace, ss->steps }, &m);
    return 0;
}
