/* fuzz/model_side.c: see model_side.h. */
#include "model_side.h"

#include <stdlib.h>
#include <string.h>

void model_init(struct model_state *m)
{
    memset(m, 0, sizeof *m);
    m->world = world_init();
}

/* --- preconditions (the `pre` column of fuzz/calls.h) --------------------- */

int pre_always(const struct model_state *m, const struct buffers *b,
               const struct session_config *cfg, const struct op *op, const char **why)
{
    (void) m, (void) b, (void) cfg, (void) op, (void) why;
    return 1;
}

/* A call on a context, or on a slot that holds an SSL. */
int pre_object(const struct model_state *m, const struct buffers *b,
               const struct session_config *cfg, const struct op *op, const char **why)
{
    (void) b, (void) cfg;
    if (target_is_ctx(op->target))
        return 1;
    *why = "there is no SSL in this slot yet (use `new`, `connect` or `dup` first)";
    return world_slot_live(m->world, target_slot(op->target));
}

/* read_ahead and no_renegotiation: 0 or 1, on a live slot. */
int pre_setting(const struct model_state *m, const struct buffers *b,
                const struct session_config *cfg, const struct op *op, const char **why)
{
    *why = op->kind == OP_READ_AHEAD ? "read_ahead takes 0 or 1" : "no_renegotiation takes 0 or 1";
    if (op->arg != 0 && op->arg != 1)
        return 0;
    return pre_object(m, b, cfg, op, why);
}

/* OpenSSL frees a pending record when its state machine next runs with the
 * write buffer sized for another max_send_fragment (ssl3_setup_write_buffer);
 * the model leaves that out (spec/write.md, divergence D1), so the fragment
 * size is set before connecting. */
int pre_set_msf(const struct model_state *m, const struct buffers *b,
                const struct session_config *cfg, const struct op *op, const char **why)
{
    (void) b, (void) cfg, (void) op;
    *why = "max_send_fragment changes only before `connect` (spec/divergences.md, D1)";
    return !m->world.connected;
}

int pre_connect(const struct model_state *m, const struct buffers *b,
                const struct session_config *cfg, const struct op *op, const char **why)
{
    (void) b, (void) op;
    *why = "client or server has already shaken hands with another peer "
           "(use `new` on it first, or `clear` when no renegotiation is pending)";
    if (!world_can_connect(m->world))
        return 0;
    return m->world.connected || config_connect_ok(*cfg, why);
}

/* Any call on one SSL of the connected pair. */
int pre_io(const struct model_state *m, const struct buffers *b,
           const struct session_config *cfg, const struct op *op, const char **why)
{
    (void) b, (void) cfg, (void) op;
    *why = "client and server are not connected to each other (`connect` them: after `new` "
           "or a `clear` that returned 1 it shakes hands again; after a `clear` that "
           "returned 0 the model no longer follows the connection: `new` first, "
           "spec/divergences.md D12)";
    return m->world.connected;
}

/* A read, a write or SSL_do_handshake: not on a client that is
 * renegotiating. */
int pre_data(const struct model_state *m, const struct buffers *b,
                    const struct session_config *cfg, const struct op *op, const char **why)
{
    if (!pre_io(m, b, cfg, op, why))
        return 0;
    *why = "the client is renegotiating (its ClientHello is out, the ServerHello "
           "awaited): its reads and writes are outside the model (spec/divergences.md, D11)";
    return !m->conn.end[target_slot(op->target)].hello_sent;
}

int pre_read(const struct model_state *m, const struct buffers *b,
             const struct session_config *cfg, const struct op *op, const char **why)
{
    if (!pre_data(m, b, cfg, op, why))
        return 0;
    *why = "a read takes 1 to 1048576 bytes";
    return (op->kind != OP_READ && op->kind != OP_READ_EX && op->kind != OP_PEEK) ||
           (op->arg >= 1 && op->arg <= (long) BUF_SIZE_MAX);
}

int pre_write(const struct model_state *m, const struct buffers *b,
              const struct session_config *cfg, const struct op *op, const char **why)
{
    if (!pre_data(m, b, cfg, op, why))
        return 0;
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

/* The connection side a slot's object is on, or -1 when it is not in the
 * connected pair (SSL_dup after the handshake shares the object). */
static int conn_side(const struct model_state *m, int slot)
{
    if (!m->world.connected)
        return -1;
    int o = m->world.slot[slot];
    return o == m->world.slot[SLOT_CLIENT] ? SIDE_CLIENT
           : o == m->world.slot[SLOT_SERVER] ? SIDE_SERVER : -1;
}

/* Whether the world alone says what a live slot's SSL holds: it is not in
 * the connected pair and has not shaken hands (SSL_new, SSL_dup before the
 * handshake, or a successful SSL_clear made it so: READ-02). */
static int unconnected_fresh(const struct model_state *m, int slot)
{
    return world_slot_live(m->world, slot) && conn_side(m, slot) < 0 &&
           m->world.obj[m->world.slot[slot]].hs == HS_BEFORE;
}

/* An observation: an SSL of the connected pair, or one that has not shaken
 * hands with a peer (new, or cleared). */
int pre_observe(const struct model_state *m, const struct buffers *b,
                const struct session_config *cfg, const struct op *op, const char **why)
{
    if (!pre_object(m, b, cfg, op, why))
        return 0;
    *why = "this SSL has shaken hands with a peer it is no longer connected to (the peer "
           "was cleared, replaced or freed, or its own `clear` failed: spec/divergences.md "
           "D12); the model does not follow it: `new` or `clear` it first";
    int slot = target_slot(op->target);
    return conn_side(m, slot) >= 0 || unconnected_fresh(m, slot);
}

int pre_renegotiate(const struct model_state *m, const struct buffers *b,
                    const struct session_config *cfg, const struct op *op, const char **why)
{
    if (!pre_io(m, b, cfg, op, why))
        return 0;
    *why = "a client's renegotiation (TLS 1.2) is outside the model, unless its "
           "options refuse it (spec/divergences.md, D11)";
    return target_slot(op->target) == SLOT_SERVER || m->conn.tls13 ||
           model_no_reneg(m, target_slot(op->target));
}

int pre_buffers(const struct model_state *m, const struct buffers *b,
                const struct session_config *cfg, const struct op *op, const char **why)
{
    (void) m, (void) cfg;
    return bufs_applicable(b, op, why);
}

int pre_cap(const struct model_state *m, const struct buffers *b,
            const struct session_config *cfg, const struct op *op, const char **why)
{
    (void) m, (void) b, (void) cfg;
    *why = "the capacity is 1 to 1048576 bytes";
    return op->arg >= 1 && op->arg <= (long) BUF_SIZE_MAX;
}

int pre_tickets(const struct model_state *m, const struct buffers *b,
                const struct session_config *cfg, const struct op *op, const char **why)
{
    (void) m, (void) b, (void) cfg;
    *why = "the server sends 0 to 8 session tickets (the model's TICKETS_MAX)";
    return op->arg >= 0 && op->arg <= TICKETS_MAX;
}

int pre_range(const struct model_state *m, const struct buffers *b,
              const struct session_config *cfg, const struct op *op, const char **why)
{
    (void) m, (void) b, (void) cfg;
    struct hello_in in = { 0, 0, range_min(op->arg), range_max(op->arg),
                           VERSION_TLS12, VERSION_TLS13 };
    *why = "a version range is 1.2, 1.3 or 1.2-1.3 (spec/divergences.md, D5)";
    return hello_in_check(in);
}

/* The model side's columns of fuzz/calls.h. */
typedef int pre_fn(const struct model_state *, const struct buffers *,
                   const struct session_config *, const struct op *, const char **);
typedef struct outcome model_fn(struct model_state *, struct buffers *,
                                struct session_config *, const struct op *);
#define MODEL_ROW(id, name, syntax, on, arg, result, cls, pre, mfn, ...) [OP_##id] = { pre, mfn },
static const struct {
    pre_fn *pre;
    model_fn *model;
} handlers[OP_KIND_COUNT] = { CALLS(MODEL_ROW) };
#undef MODEL_ROW

int model_applicable(const struct model_state *m, const struct buffers *b,
                     const struct session_config *cfg, const struct op *op, const char **why)
{
    return handlers[op->kind].pre(m, b, cfg, op, why);
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

int model_read_ahead(const struct model_state *m, int slot)
{
    return world_get_settings(m->world, slot).read_ahead;
}

int model_no_reneg(const struct model_state *m, int slot)
{
    return world_get_settings(m->world, slot).no_reneg;
}

long model_rbuf_bytes(const struct model_conn *c, int s)
{
    return c->end[s].rbuf ? RBUF_BYTES : 0;
}

long model_wbuf_bytes(const struct model_conn *c, int s)
{
    return c->end[s].wbuf ? (long) c->end[s].frag.msf + WBUF_EXTRA : 0;
}

/* --- the mask and the objects (model/world.h) ------------------------------ */

struct outcome model_mode_call(struct model_state *m, struct buffers *b,
                               struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    struct model_world *w = &m->world;
    if (target_is_ctx(op->target)) {
        int c = target_ctx(op->target);
        return op->kind == OP_SET_MODE ? stepped(w, op->kind, world_ctx_set_mode(*w, c, op->arg))
               : op->kind == OP_CLEAR_MODE
                   ? stepped(w, op->kind, world_ctx_clear_mode(*w, c, op->arg))
                   : result(op->kind, world_ctx_get_mode(*w, c));
    }
    int s = target_slot(op->target);
    return op->kind == OP_SET_MODE ? stepped(w, op->kind, world_ssl_set_mode(*w, s, op->arg))
           : op->kind == OP_CLEAR_MODE ? stepped(w, op->kind, world_ssl_clear_mode(*w, s, op->arg))
                                       : result(op->kind, world_ssl_get_mode(*w, s));
}

struct outcome model_new(struct model_state *m, struct buffers *b, struct session_config *cfg,
                         const struct op *op)
{
    (void) b, (void) cfg;
    m->world = world_new(m->world, target_slot(op->target));
    return result(op->kind, 1);
}

struct outcome model_free(struct model_state *m, struct buffers *b, struct session_config *cfg,
                          const struct op *op)
{
    (void) b, (void) cfg;
    m->world = world_free(m->world, target_slot(op->target));
    return result(op->kind, 1);
}

struct outcome model_clear(struct model_state *m, struct buffers *b, struct session_config *cfg,
                           const struct op *op)
{
    (void) b, (void) cfg;
    return stepped(&m->world, op->kind, world_clear(m->world, target_slot(op->target)));
}

struct outcome model_set_ctx(struct model_state *m, struct buffers *b,
                             struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    return stepped(&m->world, op->kind,
                   world_set_ctx(m->world, target_slot(op->target), (int) op->arg));
}

struct outcome model_get_ctx(struct model_state *m, struct buffers *b,
                             struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    return result(op->kind, world_get_ctx(m->world, target_slot(op->target)));
}

struct outcome model_dup(struct model_state *m, struct buffers *b, struct session_config *cfg,
                         const struct op *op)
{
    (void) b, (void) cfg;
    return stepped(&m->world, op->kind, world_dup(m->world, target_slot(op->target)));
}

struct outcome model_read_ahead_call(struct model_state *m, struct buffers *b,
                                     struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    struct settings t = world_get_settings(m->world, target_slot(op->target));
    t.read_ahead = (int) op->arg;
    m->world = world_set_settings(m->world, target_slot(op->target), t);
    return result(op->kind, 1);
}

struct outcome model_no_reneg_call(struct model_state *m, struct buffers *b,
                                   struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    struct settings t = world_get_settings(m->world, target_slot(op->target));
    t.no_reneg = (int) op->arg;
    m->world = world_set_settings(m->world, target_slot(op->target), t);
    return result(op->kind, 1);
}

/* Both contexts and every SSL get the value; all accept it or none. */
struct outcome model_set_msf(struct model_state *m, struct buffers *b,
                             struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    struct model_step st = world_set_frag(m->world, op->arg);
    m->world = st.w;
    return result(op->kind, st.ret);
}

struct outcome model_connect(struct model_state *m, struct buffers *b,
                             struct session_config *cfg, const struct op *op)
{
    (void) b;
    int handshake = !m->world.connected;
    struct model_step st = world_connect(m->world);
    m->world = st.w;
    if (handshake) {
        struct conn_params p = config_params(*cfg, world_get_frag(m->world, SLOT_CLIENT),
                                             world_get_frag(m->world, SLOT_SERVER));
        p.mode[SIDE_CLIENT] = (uint32_t) world_ssl_get_mode(m->world, SLOT_CLIENT);
        p.mode[SIDE_SERVER] = (uint32_t) world_ssl_get_mode(m->world, SLOT_SERVER);
        m->conn = conn_init(p);
    }
    return result(op->kind, st.ret);
}

/* The two SSLs take their masks from the contexts (MASK-07). */
struct outcome model_hello(struct model_state *m, struct buffers *b, struct session_config *cfg,
                           const struct op *op)
{
    (void) b;
    struct hello_in in = {
        world_ctx_get_mode(m->world, CTX_CLIENT), world_ctx_get_mode(m->world, CTX_SERVER),
        range_min(cfg->versions[0]), range_max(cfg->versions[0]),
        range_min(cfg->versions[1]), range_max(cfg->versions[1]),
    };
    struct outcome o = result(op->kind, 0);
    o.hello = hello_run(in);
    o.value = o.hello.version;
    return o;
}

/* --- I/O on the connection (model/conn.h) ---------------------------------- */

static void describe_src(const struct buffers *b, struct src at, char *out, size_t len)
{
    const struct alloc *a = &b->a[at.buf];
    if (at.ver)
        snprintf(out, len, "%s+%u (v%u)", a->name, at.off, at.ver);
    else
        snprintf(out, len, "%s+%u", a->name, at.off);
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
    o.ex = op_ex_form(op->kind);
    if (op->kind == OP_READ || op->kind == OP_READ_EX || op->kind == OP_PEEK) {
        o.digest = DIGEST_INIT;
        if (st.r.count > 0) {
            o.digest = digest_content(o.digest, b, st.r.src, st.r.count);
            o.src = st.r.src;
            describe_src(b, st.r.src, o.from, sizeof o.from);
        }
    }
    return o;
}

/* The side an I/O call is made on, and the mask and settings it runs under. */
static int side(const struct op *op)
{
    return target_slot(op->target);
}

static uint32_t mode_of(const struct model_state *m, const struct op *op)
{
    return (uint32_t) world_ssl_get_mode(m->world, side(op));
}

/* The mask and settings of the object on the op's side (world_get_settings). */
static struct io_settings io_of(const struct model_state *m, const struct op *op)
{
    struct settings t = world_get_settings(m->world, side(op));
    struct io_settings io = { mode_of(m, op), t.read_ahead, t.no_reneg };
    return io;
}

/* A read of op->arg bytes (peek: READ-09). */
static struct read_call read_of(const struct op *op, uint32_t max)
{
    struct read_call r = { max, op->kind == OP_PEEK };
    return r;
}

struct outcome model_write(struct model_state *m, struct buffers *b, struct session_config *cfg,
                           const struct op *op)
{
    (void) cfg;
    int a = bufs_find(b, op->buf[0] ? op->buf : DEFAULT_BUF);
    struct write_call w;
    w.from.buf = a;
    w.from.off = op->off;
    w.from.ver = b->a[a].ver;
    w.len = (uint32_t) op->arg;
    w.ex = op->kind == OP_WRITE_EX;
    return io_outcome(m, b, op, conn_write(m->conn, side(op), io_of(m, op), w));
}

struct outcome model_read(struct model_state *m, struct buffers *b, struct session_config *cfg,
                          const struct op *op)
{
    (void) cfg;
    return io_outcome(m, b, op,
                      conn_read(m->conn, side(op), io_of(m, op), read_of(op, (uint32_t) op->arg)));
}

struct outcome model_read_ex(struct model_state *m, struct buffers *b,
                             struct session_config *cfg, const struct op *op)
{
    (void) cfg;
    struct conn_step st =
        conn_read(m->conn, side(op), io_of(m, op), read_of(op, (uint32_t) op->arg));
    st.r = io_ex(st.r);
    return io_outcome(m, b, op, st);
}

/* `drain`: reads until one returns <= 0; the outcome is the total, the
 * last read's error, and the digest of everything read. */
struct outcome model_drain(struct model_state *m, struct buffers *b, struct session_config *cfg,
                           const struct op *op)
{
    (void) cfg;
    int s = side(op);
    struct io_settings io = io_of(m, op);
    struct outcome o = result(op->kind, 0);
    struct conn_step st;
    uint64_t h = DIGEST_INIT;
    long total = 0;
    int reads = 0;
    st.r.ret = 1;
    for (int i = 0; i < DRAIN_READS && total + DRAIN_READ <= (long) BUF_SIZE_MAX && st.r.ret > 0;
         i++) {
        st = conn_read(m->conn, s, io, read_of(op, DRAIN_READ));
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

struct outcome model_key_update(struct model_state *m, struct buffers *b,
                                struct session_config *cfg, const struct op *op)
{
    (void) cfg;
    return io_outcome(m, b, op, conn_key_update(m->conn, side(op), (int) op->arg));
}

struct outcome model_shutdown(struct model_state *m, struct buffers *b,
                              struct session_config *cfg, const struct op *op)
{
    (void) cfg;
    return io_outcome(m, b, op, conn_shutdown(m->conn, side(op), io_of(m, op)));
}

struct outcome model_renegotiate(struct model_state *m, struct buffers *b,
                                 struct session_config *cfg, const struct op *op)
{
    (void) cfg;
    return io_outcome(m, b, op, conn_renegotiate(m->conn, side(op), io_of(m, op)));
}

struct outcome model_do_handshake(struct model_state *m, struct buffers *b,
                                  struct session_config *cfg, const struct op *op)
{
    (void) cfg;
    return io_outcome(m, b, op, conn_do_handshake(m->conn, side(op), io_of(m, op)));
}

struct outcome model_free_buffers(struct model_state *m, struct buffers *b,
                                  struct session_config *cfg, const struct op *op)
{
    (void) cfg;
    return io_outcome(m, b, op, conn_free_buffers(m->conn, side(op)));
}

struct outcome model_alloc_buffers(struct model_state *m, struct buffers *b,
                                   struct session_config *cfg, const struct op *op)
{
    (void) cfg;
    return io_outcome(m, b, op, conn_alloc_buffers(m->conn, side(op)));
}

/* --- observations --------------------------------------------------------------
 * Of an SSL in the connected pair, the connection says; of one that has not
 * shaken hands (pre_observe), the world: it holds its read buffer if a
 * successful SSL_clear kept it, no write buffer, nothing pending and no
 * shutdown flag (READ-02, world_rbuf_held). */

long model_held_bytes(const struct model_state *m, int slot, long *wbuf)
{
    int s = conn_side(m, slot);
    if (s >= 0) {
        *wbuf = model_wbuf_bytes(&m->conn, s);
        return model_rbuf_bytes(&m->conn, s);
    }
    *wbuf = 0;
    return world_rbuf_held(m->world, slot) ? RBUF_BYTES : 0;
}

struct outcome model_buffers(struct model_state *m, struct buffers *b,
                             struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    struct outcome o = result(op->kind, 0);
    o.value = model_held_bytes(m, side(op), &o.count);
    return o;
}

struct outcome model_pending(struct model_state *m, struct buffers *b,
                             struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    int s = conn_side(m, side(op));
    return result(op->kind, s >= 0 ? conn_pending(m->conn, s) : 0);
}

struct outcome model_has_pending(struct model_state *m, struct buffers *b,
                                 struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    int s = conn_side(m, side(op));
    return result(op->kind, s >= 0 ? conn_has_pending(m->conn, s) : 0);
}

struct outcome model_get_shutdown(struct model_state *m, struct buffers *b,
                                  struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    int s = conn_side(m, side(op));
    return result(op->kind, s >= 0 ? conn_get_shutdown(m->conn, s) : 0);
}

struct outcome model_in_transport(struct model_state *m, struct buffers *b,
                                  struct session_config *cfg, const struct op *op)
{
    (void) b, (void) cfg;
    return result(op->kind, m->conn.pipe[1 - side(op)].fill);
}

/* --- the harness's own: one handler for both sides ---------------------------- */

struct outcome model_buffer_op(struct model_state *m, struct buffers *b,
                               struct session_config *cfg, const struct op *op)
{
    (void) m, (void) cfg;
    if (bufs_apply(b, op) != 0)
        abort(); /* out of memory: nothing to compare */
    return result(op->kind, 1);
}

struct outcome model_config_op(struct model_state *m, struct buffers *b,
                               struct session_config *cfg, const struct op *op)
{
    (void) m, (void) b;
    config_apply(cfg, op);
    return result(op->kind, 1);
}

/* --- after every call -------------------------------------------------------- */

struct outcome model_apply(struct model_state *m, struct buffers *b, struct session_config *cfg,
                           const struct op *op)
{
    struct outcome o = handlers[op->kind].model(m, b, cfg, op);
    /* While an object is in the connection, its s->renegotiate and its read
     * buffer are the connection's; it keeps them when the pair breaks up. */
    for (int side = SIDE_CLIENT; side <= SIDE_SERVER && m->world.connected; side++) {
        struct kept k = { m->conn.end[side].reneg_pending, m->conn.end[side].rbuf };
        m->world = world_record_conn(m->world, side, k); /* SLOT_CLIENT is SIDE_CLIENT ... */
    }
    return o;
}
