/* fuzz/model_side.c: see model_side.h. */
#include "model_side.h"

#include <string.h>

#include "real.h" /* DRAIN_READ, DRAIN_READS: the same loop on both sides */

void model_init(struct model_state *m)
{
    memset(m, 0, sizeof *m);
    m->world = world_init();
    m->ctx_frag.msf = MSF_MAX;
    m->ctx_frag.split = MSF_MAX;
}

static int io_applicable(const struct model_state *m, const struct buffers *b,
                         const struct op *op, const char **why)
{
    *why = "client and server are not connected to each other (use `connect`; after a "
           "failed `clear` the model no longer follows the connection: `new` first, "
           "spec/divergences.md D12)";
    if (!m->world.connected)
        return 0;
    *why = "the client is renegotiating (its ClientHello is out, the ServerHello "
           "awaited): its reads and writes are outside the model (spec/divergences.md, D11)";
    if ((op->kind == OP_READ || op->kind == OP_DRAIN || op->kind == OP_WRITE ||
         op->kind == OP_WRITE_EX) &&
        m->conn.end[target_slot(op->target)].hello_sent)
        return 0;
    if (op->kind == OP_READ) {
        *why = "a read takes 1 to 1048576 bytes";
        return op->arg >= 1 && op->arg <= (long) BUF_SIZE_MAX;
    }
    if (op->kind != OP_WRITE && op->kind != OP_WRITE_EX)
        return 1;
    *why = "a write takes 0 to 131072 bytes (the model's WRITE_LEN_MAX)";
    if (op->arg < 0 || op->arg > WRITE_LEN_MAX)
        return 0;
    int a = op->buf[0] ? bufs_find(b, op->buf) : bufs_find(b, DEFAULT_BUF);
    uint32_t size = a >= 0 ? b->a[a].size : op->buf[0] ? 0 : DEFAULT_BUF_SIZE;
    *why = "no buffer of that name (make one with `buf`)";
    if (op->buf[0] && a < 0)
        return 0;
    *why = "the harness keeps at most 32 buffer allocations per scenario";
    if (a < 0 && b->count == ALLOC_MAX)
        return 0;
    *why = "the write would run past the end of its buffer";
    if ((uint64_t) op->off + (uint64_t) op->arg > size)
        return 0;
    *why = "more records in flight than the model holds (read some first)";
    return conn_room(m->conn, target_slot(op->target));
}

int model_applicable(const struct model_state *m, const struct buffers *b,
                     const struct session_config *cfg, const struct op *op, const char **why)
{
    switch (op->kind) {
    case OP_CONNECT:
        *why = "client or server has already shaken hands with another peer "
               "(use `new` on it first, or `clear` when no renegotiation is pending)";
        if (!world_can_connect(m->world))
            return 0;
        return m->world.connected || config_connect_ok(*cfg, why);
    case OP_WRITE:
    case OP_WRITE_EX:
    case OP_READ:
    case OP_DRAIN:
    case OP_KEY_UPDATE:
    case OP_SHUTDOWN:
    case OP_FREE_BUFFERS:
    case OP_ALLOC_BUFFERS:
    case OP_BUFFERS:
    case OP_IN_TRANSPORT:
        return io_applicable(m, b, op, why);
    case OP_RENEGOTIATE:
        if (!io_applicable(m, b, op, why))
            return 0;
        *why = "a client's renegotiation (TLS 1.2) is outside the model, unless its "
               "options refuse it (spec/divergences.md, D11)";
        return target_slot(op->target) == SLOT_SERVER || m->conn.tls13 ||
               model_no_reneg(m, target_slot(op->target));
    case OP_BUF:
    case OP_COPY:
    case OP_FILL:
        return bufs_applicable(b, op, why);
    case OP_SET_CAP:
        *why = "the capacity is 1 to 1048576 bytes";
        return op->arg >= 1 && op->arg <= (long) BUF_SIZE_MAX;
    case OP_SET_MSF:
        /* OpenSSL frees a pending record when its state machine next runs
         * with the write buffer sized for another max_send_fragment
         * (ssl3_setup_write_buffer); the model leaves that out (spec/write.md,
         * divergence D1), so the fragment size is set before connecting. */
        *why = "max_send_fragment changes only before `connect` (spec/divergences.md, D1)";
        return !m->world.connected;
    case OP_SET_TICKETS:
        *why = "the server sends 0 to 8 session tickets (the model's TICKETS_MAX)";
        return op->arg >= 0 && op->arg <= TICKETS_MAX;
    case OP_SET_CLIENT_VERSIONS:
    case OP_SET_SERVER_VERSIONS: {
        struct hello_in in = { 0, 0, range_min(op->arg), range_max(op->arg),
                               VERSION_TLS12, VERSION_TLS13 };
        *why = "a version range is 1.2, 1.3 or 1.2-1.3 (spec/divergences.md, D5)";
        return hello_in_check(in);
    }
    case OP_SET_VERSION:
    case OP_SET_CIPHER:
    case OP_NEW:
    case OP_HELLO:
        return 1;
    case OP_READ_AHEAD:
    case OP_NO_RENEG:
        *why = op->kind == OP_READ_AHEAD ? "read_ahead takes 0 or 1"
                                         : "no_renegotiation takes 0 or 1";
        if (op->arg != 0 && op->arg != 1)
            return 0;
        *why = "there is no SSL in this slot yet (use `new`, `connect` or `dup` first)";
        return world_slot_live(m->world, target_slot(op->target));
    default:
        if (target_is_ctx(op->target))
            return 1;
        *why = "there is no SSL in this slot yet (use `new`, `connect` or `dup` first)";
        return world_slot_live(m->world, target_slot(op->target));
    }
}

static struct outcome result(enum op_kind k, long v)
{
    struct outcome o;
    memset(&o, 0, sizeof o);
    o.kind = op_table[k].result;
    o.value = v;
    return o;
}

static struct outcome stepped(struct model_world *w, enum op_kind k, struct model_step st)
{
    *w = st.w;
    return result(k, st.ret);
}

static struct outcome apply_ctx(struct model_world *w, const struct op *op)
{
    int c = target_ctx(op->target);
    switch (op->kind) {
    case OP_SET_MODE:
        return stepped(w, op->kind, world_ctx_set_mode(*w, c, op->arg));
    case OP_CLEAR_MODE:
        return stepped(w, op->kind, world_ctx_clear_mode(*w, c, op->arg));
    case OP_GET_MODE:
    default:
        return result(op->kind, world_ctx_get_mode(*w, c));
    }
}

static struct outcome apply_ssl(struct model_world *w, const int *reneg, const struct op *op)
{
    int s = target_slot(op->target);
    switch (op->kind) {
    case OP_SET_MODE:
        return stepped(w, op->kind, world_ssl_set_mode(*w, s, op->arg));
    case OP_CLEAR_MODE:
        return stepped(w, op->kind, world_ssl_clear_mode(*w, s, op->arg));
    case OP_GET_MODE:
        return result(op->kind, world_ssl_get_mode(*w, s));
    case OP_NEW:
        *w = world_new(*w, s);
        return result(op->kind, 1);
    case OP_FREE:
        *w = world_free(*w, s);
        return result(op->kind, 1);
    case OP_CLEAR:
        return stepped(w, op->kind, world_clear(*w, s, reneg[w->slot[s]]));
    case OP_SET_CTX:
        return stepped(w, op->kind, world_set_ctx(*w, s, (int) op->arg));
    case OP_GET_CTX:
        return result(op->kind, world_get_ctx(*w, s));
    case OP_DUP:
    default:
        return stepped(w, op->kind, world_dup(*w, s));
    }
}

static void describe_src(const struct buffers *b, struct src at, char *out, size_t len)
{
    const struct alloc *a = &b->a[at.buf];
    if (at.ver)
        snprintf(out, len, "%s+%u (v%u)", a->name, at.off, at.ver);
    else
        snprintf(out, len, "%s+%u", a->name, at.off);
}

/* `drain`: reads until one returns <= 0; the outcome is the total, the
 * last read's error, and the digest of everything read. */
static struct outcome drain(struct model_state *m, const struct buffers *b,
                            const struct op *op, int s, uint32_t mode, int ahead, int refuse)
{
    struct outcome o = result(op->kind, 0);
    struct conn_step st;
    uint64_t h = DIGEST_INIT;
    long total = 0;
    int reads = 0;
    st.r.ret = 1;
    for (int i = 0; i < DRAIN_READS && total + DRAIN_READ <= (long) BUF_SIZE_MAX && st.r.ret > 0;
         i++) {
        st = conn_read(m->conn, s, mode, ahead, refuse, DRAIN_READ);
        m->conn = st.c;
        if (st.r.ret > 0) {
            h = digest_content(h, b, st.r.src, st.r.count);
            if (reads++ == 0)
                describe_src(b, st.r.src, o.from, sizeof o.from);
            total += st.r.ret;
        }
    }
    if (reads > 1)
        snprintf(o.from + strlen(o.from), sizeof o.from - strlen(o.from), " +%d", reads - 1);
    o.value = total;
    o.count = total;
    o.err = st.r.ret > 0 ? ERRC_NONE : st.r.err;
    o.reason = st.r.ret > 0 ? REASON_NONE : st.r.reason;
    o.digest = h;
    return o;
}

int model_read_ahead(const struct model_state *m, int slot)
{
    return m->ahead[m->world.slot[slot]];
}

int model_no_reneg(const struct model_state *m, int slot)
{
    return m->no_reneg[m->world.slot[slot]];
}

/* read_ahead and SSL_OP_NO_RENEGOTIATION follow the objects: an SSL the call
 * made has its context's (the harness never sets the contexts': 0), except
 * that SSL_dup before the handshake copies its source's (ssl/ssl_lib.c,
 * SSL_dup: ret->options, SSL_set_read_ahead); SSL_clear and SSL_set_SSL_CTX
 * keep them. */
static void follow_settings(struct model_state *m, const struct model_world *before,
                            const struct op *op)
{
    for (int s = 0; s < SLOT_COUNT; s++) {
        if (!world_slot_live(m->world, s))
            continue;
        int o = m->world.slot[s], old = 0;
        for (int t = 0; t < SLOT_COUNT; t++)
            old |= before->slot[t] == o;
        if (old)
            continue;
        int from = op->kind == OP_DUP ? before->slot[target_slot(op->target)] : -1;
        m->ahead[o] = from >= 0 ? m->ahead[from] : 0;
        m->no_reneg[o] = from >= 0 ? m->no_reneg[from] : 0;
        m->reneg[o] = 0; /* SSL_dup makes a new object only before the handshake */
    }
}

long model_rbuf_bytes(const struct model_conn *c, int s)
{
    return c->end[s].rbuf ? RBUF_BYTES : 0;
}

long model_wbuf_bytes(const struct model_conn *c, int s)
{
    return c->end[s].wbuf ? (long) c->end[s].frag.msf + WBUF_EXTRA : 0;
}

/* An I/O result as an outcome; reads also say where their bytes came from. */
static struct outcome io_outcome(struct model_state *m, const struct buffers *b,
                                 const struct op *op, struct conn_step st)
{
    struct outcome o = result(op->kind, st.r.ret);
    m->conn = st.c;
    o.err = st.r.err;
    o.reason = st.r.reason;
    o.count = st.r.count;
    o.ex = op->kind == OP_WRITE_EX;
    if (op->kind == OP_READ) {
        o.digest = DIGEST_INIT;
        if (st.r.ret > 0) {
            o.digest = digest_content(o.digest, b, st.r.src, st.r.count);
            o.src = st.r.src;
            describe_src(b, st.r.src, o.from, sizeof o.from);
        }
    }
    return o;
}

static struct outcome apply_io(struct model_state *m, const struct buffers *b,
                               const struct op *op)
{
    int s = target_slot(op->target);
    uint32_t mode = (uint32_t) world_ssl_get_mode(m->world, s);
    int ahead = model_read_ahead(m, s);
    int refuse = model_no_reneg(m, s);
    struct write_call w;
    switch (op->kind) {
    case OP_WRITE:
    case OP_WRITE_EX: {
        int a = bufs_find(b, op->buf[0] ? op->buf : DEFAULT_BUF);
        w.from.buf = a;
        w.from.off = op->off;
        w.from.ver = b->a[a].ver;
        w.len = (uint32_t) op->arg;
        w.ex = op->kind == OP_WRITE_EX;
        return io_outcome(m, b, op, conn_write(m->conn, s, mode, w));
    }
    case OP_READ:
        return io_outcome(m, b, op,
                          conn_read(m->conn, s, mode, ahead, refuse, (uint32_t) op->arg));
    case OP_DRAIN:
        return drain(m, b, op, s, mode, ahead, refuse);
    case OP_KEY_UPDATE:
        return io_outcome(m, b, op, conn_key_update(m->conn, s, (int) op->arg));
    case OP_RENEGOTIATE:
        return io_outcome(m, b, op, conn_renegotiate(m->conn, s, refuse));
    case OP_FREE_BUFFERS:
        return io_outcome(m, b, op, conn_free_buffers(m->conn, s));
    case OP_ALLOC_BUFFERS:
        return io_outcome(m, b, op, conn_alloc_buffers(m->conn, s));
    case OP_BUFFERS: {
        struct outcome o = result(op->kind, model_rbuf_bytes(&m->conn, s));
        o.count = model_wbuf_bytes(&m->conn, s);
        return o;
    }
    case OP_IN_TRANSPORT:
        return result(op->kind, m->conn.pipe[1 - s].fill);
    case OP_SHUTDOWN:
    default:
        return io_outcome(m, b, op, conn_shutdown(m->conn, s, mode, ahead));
    }
}

/* The two SSLs take their masks from the contexts (MASK-07). */
static struct outcome hello(const struct model_state *m, const struct session_config *cfg)
{
    struct hello_in in = {
        world_ctx_get_mode(m->world, CTX_CLIENT), world_ctx_get_mode(m->world, CTX_SERVER),
        range_min(cfg->versions[0]), range_max(cfg->versions[0]),
        range_min(cfg->versions[1]), range_max(cfg->versions[1]),
    };
    struct outcome o = result(OP_HELLO, 0);
    o.hello = hello_run(in);
    o.value = o.hello.version;
    return o;
}

static struct outcome apply_op(struct model_state *m, const struct buffers *b,
                               const struct session_config *cfg, const struct op *op)
{
    switch (op->kind) {
    case OP_CONNECT: {
        int handshake = !m->world.connected;
        struct model_world before = m->world;
        struct model_step st = world_connect(m->world);
        m->world = st.w;
        follow_settings(m, &before, op);
        if (handshake) {
            struct conn_params p = config_params(*cfg, m->ctx_frag);
            p.mode[SIDE_CLIENT] = (uint32_t) world_ssl_get_mode(m->world, SLOT_CLIENT);
            p.mode[SIDE_SERVER] = (uint32_t) world_ssl_get_mode(m->world, SLOT_SERVER);
            m->conn = conn_init(p);
        }
        return result(op->kind, st.ret);
    }
    case OP_WRITE:
    case OP_WRITE_EX:
    case OP_READ:
    case OP_DRAIN:
    case OP_KEY_UPDATE:
    case OP_RENEGOTIATE:
    case OP_SHUTDOWN:
    case OP_FREE_BUFFERS:
    case OP_ALLOC_BUFFERS:
    case OP_BUFFERS:
    case OP_IN_TRANSPORT:
        return apply_io(m, b, op);
    case OP_SET_MSF:
        /* Both contexts and every SSL get the value; all accept it or none. */
        if (!frag_ok(op->arg))
            return result(op->kind, 0);
        m->ctx_frag = frag_set(m->ctx_frag, op->arg);
        return result(op->kind, 1);
    case OP_BUF:
    case OP_COPY:
    case OP_FILL:
    case OP_SET_CAP:
    case OP_SET_VERSION:
    case OP_SET_CIPHER:
    case OP_SET_CLIENT_VERSIONS:
    case OP_SET_SERVER_VERSIONS:
    case OP_SET_TICKETS:
        return result(op->kind, 1);
    case OP_HELLO:
        return hello(m, cfg);
    case OP_READ_AHEAD:
        m->ahead[m->world.slot[target_slot(op->target)]] = (int) op->arg;
        return result(op->kind, 1);
    case OP_NO_RENEG:
        m->no_reneg[m->world.slot[target_slot(op->target)]] = (int) op->arg;
        return result(op->kind, 1);
    default: {
        if (target_is_ctx(op->target))
            return apply_ctx(&m->world, op);
        struct model_world before = m->world;
        struct outcome o = apply_ssl(&m->world, m->reneg, op);
        follow_settings(m, &before, op);
        return o;
    }
    }
}

struct outcome model_apply(struct model_state *m, const struct buffers *b,
                           const struct session_config *cfg, const struct op *op)
{
    struct outcome o = apply_op(m, b, cfg, op);
    /* While an object is in the connection, its s->renegotiate is the
     * connection's; it keeps the last value when the pair breaks up. */
    if (m->world.connected) {
        m->reneg[m->world.slot[SLOT_CLIENT]] = m->conn.end[SIDE_CLIENT].reneg_pending;
        m->reneg[m->world.slot[SLOT_SERVER]] = m->conn.end[SIDE_SERVER].reneg_pending;
    }
    return o;
}
