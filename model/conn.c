/* model/conn.c: the I/O of a connected pair. Contracts: see conn.h.
 * Function by function this follows OpenSSL 3.0's code (ssl/record/
 * rec_layer_s3.c, ssl/ssl_lib.c, ssl/s3_lib.c); spec/write.md gives the rules
 * in words with their sources. */
#include "conn.h"

uint32_t conn_wire(struct shape sh, uint32_t m)
{
    return sh.base + sh.block * ((m + sh.shift) / sh.block);
}

static struct end end_init(struct conn_params p)
{
    struct end e;
    e.wnum = 0;
    e.pend_tot = 0;
    e.pend_left = 0;
    e.pend_type = REC_APP;
    e.pend_ptr.buf = BUF_HANDSHAKE;
    e.pend_ptr.off = 0;
    e.pend_ptr.ver = 0;
    e.frag = p.frag;
    e.key_update = KU_NONE;
    e.hs_left = 0;
    e.in_init = 0;
    e.dead = 0;
    e.sent_shutdown = 0;
    e.received_shutdown = 0;
    e.alert_dispatch = 0;
    e.rwstate = RW_NOTHING;
    e.bioflag = BIOF_NONE;
    e.data_left = 0;
    e.data_src = e.pend_ptr;
    e.held = 0;
    return e;
}

struct model_conn conn_init(struct conn_params p)
{
    struct model_conn c;
    c.tls13 = p.tls13;
    c.shape = p.shape;
    for (int s = 0; s < 2; s++) {
        c.end[s] = end_init(p);
        c.pipe[s].cap = p.cap;
        c.pipe[s].fill = 0;
        c.pipe[s].taken = 0;
        c.pipe[s].head = 0;
        c.pipe[s].count = 0;
    }
    return c;
}

int conn_room(struct model_conn c, int s, uint32_t len)
{
    /* A write adds at most one record per split bytes, plus one for the
     * remainder and one for a KeyUpdate sent first. */
    uint32_t most = len / c.end[s].frag.split + 2;
    return (uint32_t) (REC_MAX - c.pipe[s].count) >= most;
}

/* --- the transport ------------------------------------------------------ */

/* The writer's end pushes as much of its pending record as the transport
 * takes (ssl3_write_pending's BIO_write loop). A BIO pair accepts a partial
 * record; when nothing more fits, BIO_write fails with the retry flag. */
static struct model_conn push_pending(struct model_conn c, int s)
{
    uint32_t space = c.pipe[s].cap - c.pipe[s].fill;
    uint32_t k = c.end[s].pend_left < space ? c.end[s].pend_left : space;
    c.pipe[s].fill += k;
    c.end[s].pend_left -= k;
    if (c.end[s].pend_left == 0) {
        c.end[s].rwstate = RW_NOTHING;
        c.end[s].bioflag = BIOF_NONE;
    } else {
        c.end[s].rwstate = RW_WRITING;
        c.end[s].bioflag = BIOF_WRITE;
    }
    return c;
}

/* A record side s has made, on its way to the peer. */
static struct model_conn append_record(struct model_conn c, int s, struct record r)
{
    int slot = (c.pipe[s].head + c.pipe[s].count) % REC_MAX;
    c.pipe[s].rec[slot] = r;
    c.pipe[s].count++;
    return c;
}

/* Encrypts one record and starts writing it (do_ssl3_write): it becomes the
 * pending record, made from buffer position `ptr`. */
static struct model_conn send_record(struct model_conn c, int s, struct record r,
                                     struct src ptr)
{
    c = append_record(c, s, r);
    c.end[s].pend_tot = r.plain;
    c.end[s].pend_left = r.wire;
    c.end[s].pend_type = r.type;
    c.end[s].pend_ptr = ptr;
    return push_pending(c, s);
}

static struct record make_record(struct shape sh, int type, uint32_t plain, struct src from)
{
    struct record r;
    r.wire = conn_wire(sh, plain);
    r.plain = plain;
    r.type = type;
    r.requested = 0;
    r.src = from;
    return r;
}

static struct src internal(int buf)
{
    struct src p;
    p.buf = buf;
    p.off = 0;
    p.ver = 0;
    return p;
}

static int same_position(struct src a, struct src b)
{
    return a.buf == b.buf && a.off == b.off;
}

/* --- results ------------------------------------------------------------ */

/* SSL_get_error(ssl, ret) for ret <= 0, from the state the call left. */
static int error_class(struct end e, int reason)
{
    if (reason != REASON_NONE)
        return ERRC_SSL;
    if (e.rwstate == RW_READING || e.rwstate == RW_WRITING) {
        if (e.bioflag == BIOF_READ)
            return ERRC_WANT_READ;
        if (e.bioflag == BIOF_WRITE)
            return ERRC_WANT_WRITE;
    }
    if (e.received_shutdown)
        return ERRC_ZERO_RETURN; /* the only alert the model receives is close_notify */
    return ERRC_SYSCALL;
}

static struct conn_step done(struct model_conn c, int s, long ret, uint32_t count,
                             int reason)
{
    struct conn_step st;
    st.c = c;
    st.r.ret = ret;
    st.r.count = count;
    st.r.reason = reason;
    st.r.err = ret > 0 ? ERRC_NONE : error_class(c.end[s], reason);
    st.r.src = internal(BUF_HANDSHAKE);
    return st;
}

/* A write that failed: SSL_write returns -1, SSL_write_ex 0. */
static struct conn_step write_failed(struct model_conn c, int s, int ex, int reason)
{
    return done(c, s, ex ? 0 : -1, 0, reason);
}

/* A write that succeeded with `count` bytes: SSL_write returns the count
 * (0 for a zero-length write), SSL_write_ex 1. */
static struct conn_step write_done(struct model_conn c, int s, int ex, uint32_t count)
{
    return done(c, s, ex ? 1 : (long) count, count, REASON_NONE);
}

/* SSLfatal: the connection is dead. The internal_error alert it queues never
 * goes out: every fatal error of this model happens with a record pending
 * (spec/write.md, WRITE-09), or sends no alert at all. */
static struct model_conn fatal(struct model_conn c, int s)
{
    c.end[s].dead = 1;
    c.end[s].in_init = 1;
    return c;
}

/* --- KeyUpdate ---------------------------------------------------------- */

/* statem_flush: the buffering BIO passes what the transport takes. */
static struct model_conn flush_handshake(struct model_conn c, int s)
{
    uint32_t space = c.pipe[s].cap - c.pipe[s].fill;
    uint32_t k = c.end[s].hs_left < space ? c.end[s].hs_left : space;
    c.pipe[s].fill += k;
    c.end[s].hs_left -= k;
    if (c.end[s].hs_left == 0) {
        c.end[s].rwstate = RW_NOTHING;
        c.end[s].bioflag = BIOF_NONE;
    } else {
        c.end[s].rwstate = RW_WRITING;
        c.end[s].bioflag = BIOF_WRITE;
    }
    return c;
}

/* The write phase of the state machine (handshake_func), which always
 * comes first: make the scheduled KeyUpdate, then flush what is buffered.
 * When nothing is left to write the machine ends and the SSL is out of init
 * again (even with a received message still waiting: the machine went from
 * writing to its end, not to reading). Sets *reason when writing the message
 * was fatal. */
static struct model_conn statem_write(struct model_conn c, int s, int *reason)
{
    *reason = REASON_NONE;
    if (c.end[s].hs_left == 0 && c.end[s].key_update != KU_NONE) {
        /* tls_construct_key_update: the update counts as sent once the
         * message is made, whatever happens to it. */
        int requested = c.end[s].key_update == KU_REQUESTED;
        c.end[s].key_update = KU_NONE;
        /* ssl3_write_bytes(SSL3_RT_HANDSHAKE, ..., 5): the checks of an
         * application write apply, against an application record pending. */
        if (c.end[s].pend_left != 0) {
            uint32_t wnum = c.end[s].wnum;
            *reason = KEY_UPDATE_PLAIN < wnum || KEY_UPDATE_PLAIN - wnum < c.end[s].pend_tot
                          ? REASON_BAD_LENGTH
                          : REASON_BAD_WRITE_RETRY; /* its type is not handshake */
            return fatal(c, s);
        }
        struct record r = make_record(c.shape, REC_KEY_UPDATE, KEY_UPDATE_PLAIN,
                                      internal(BUF_HANDSHAKE));
        r.requested = requested;
        c = append_record(c, s, r);
        c.end[s].hs_left = r.wire;
    }
    if (c.end[s].hs_left != 0)
        c = flush_handshake(c, s);
    if (c.end[s].hs_left == 0)
        c.end[s].in_init = 0;
    return c;
}

/* --- SSL_write ----------------------------------------------------------- */

/* The record loop of ssl3_write_bytes: records of min(n, split) bytes from
 * position tot of the request, until the request is done, a record does not
 * fit, or (ENABLE_PARTIAL_WRITE) one record went out. */
static struct conn_step write_records(struct model_conn c, int s, uint32_t mode,
                                      struct write_call w, uint32_t tot)
{
    uint32_t n = w.len - tot;
    for (;;) {
        uint32_t frag = n < c.end[s].frag.split ? n : c.end[s].frag.split;
        struct src from = w.from;
        from.off += tot;
        c = send_record(c, s, make_record(c.shape, REC_APP, frag, from), from);
        if (c.end[s].pend_left != 0) {
            c.end[s].wnum = tot;
            return write_failed(c, s, w.ex, REASON_NONE);
        }
        if (frag == n || (mode & MODE_ENABLE_PARTIAL_WRITE))
            return write_done(c, s, w.ex, tot + frag);
        n -= frag;
        tot += frag;
    }
}

struct conn_step conn_write(struct model_conn c, int s, uint32_t mode, struct write_call w)
{
    /* ssl_write_internal */
    if (c.end[s].sent_shutdown) {
        c.end[s].rwstate = RW_NOTHING;
        return write_failed(c, s, w.ex, REASON_PROTOCOL_IS_SHUTDOWN);
    }
    /* ssl3_write_bytes */
    c.end[s].rwstate = RW_NOTHING;
    uint32_t tot = c.end[s].wnum;
    if (w.len < tot || (c.end[s].pend_left != 0 && w.len - tot < c.end[s].pend_tot))
        return write_failed(fatal(c, s), s, w.ex, REASON_BAD_LENGTH);
    c.end[s].wnum = 0;
    if (c.end[s].pend_left == 0 && c.end[s].key_update != KU_NONE)
        c.end[s].in_init = 1;
    if (c.end[s].in_init) {
        if (c.end[s].dead)
            return write_failed(c, s, w.ex, REASON_NONE);
        int reason;
        c = statem_write(c, s, &reason);
        if (c.end[s].in_init)
            return write_failed(c, s, w.ex, reason);
    }
    if (c.end[s].pend_left != 0) {
        /* ssl3_write_pending: only the start pointer and the type are
         * checked, never the content. */
        struct src at = w.from;
        at.off += tot;
        if ((!(mode & MODE_ACCEPT_MOVING_WRITE_BUFFER) && !same_position(c.end[s].pend_ptr, at)) ||
            c.end[s].pend_type != REC_APP) {
            c.end[s].wnum = tot; /* restored on any failure of the pending write */
            return write_failed(fatal(c, s), s, w.ex, REASON_BAD_WRITE_RETRY);
        }
        c = push_pending(c, s);
        if (c.end[s].pend_left != 0) {
            c.end[s].wnum = tot;
            return write_failed(c, s, w.ex, REASON_NONE);
        }
        tot += c.end[s].pend_tot;
    }
    if (tot == w.len)
        return write_done(c, s, w.ex, tot);
    return write_records(c, s, mode, w, tot);
}

/* --- SSL_read ------------------------------------------------------------ */

/* Takes the next record out of the transport into side s's read buffer
 * (ssl3_get_record / ssl3_read_n without read-ahead: exactly the bytes of
 * that record, as many as are there). Returns 1 when the whole record is in,
 * and then removes it from the pipe into *out. */
static struct model_conn take_record(struct model_conn c, int s, int *whole,
                                     struct record *out)
{
    int from = 1 - s;
    *whole = 0;
    if (c.pipe[from].count == 0) {
        c.end[s].rwstate = RW_READING;
        c.end[s].bioflag = BIOF_READ;
        return c;
    }
    struct record r = c.pipe[from].rec[c.pipe[from].head];
    uint32_t need = r.wire - c.pipe[from].taken;
    uint32_t k = c.pipe[from].fill < need ? c.pipe[from].fill : need;
    c.pipe[from].fill -= k;
    if (k < need) {
        c.pipe[from].taken += k;
        c.end[s].rwstate = RW_READING;
        c.end[s].bioflag = BIOF_READ;
        return c;
    }
    c.pipe[from].taken = 0;
    c.pipe[from].head = (c.pipe[from].head + 1) % REC_MAX;
    c.pipe[from].count--;
    c.end[s].bioflag = BIOF_NONE;
    *out = r;
    *whole = 1;
    return c;
}

/* Returns plaintext of the current record. */
static struct conn_step deliver(struct model_conn c, int s, uint32_t max)
{
    uint32_t n = max < c.end[s].data_left ? max : c.end[s].data_left;
    struct src from = c.end[s].data_src;
    c.end[s].data_left -= n;
    c.end[s].data_src.off += n;
    struct conn_step st = done(c, s, (long) n, n, REASON_NONE);
    st.r.src = from;
    return st;
}

/* What ssl3_read_bytes ended with. */
#define READ_DATA 0    /* application data to return (data_left > 0) */
#define READ_CLOSE 1   /* close_notify: returns 0 */
#define READ_WAIT 2    /* returns -1 (rwstate and the BIO flag say why) */
#define READ_FATAL 3   /* application data while waiting for close_notify */

/* ssl3_read_bytes: records one by one until there is something to return.
 * for_data: SSL_read (application data wanted); else ssl3_shutdown's wait
 * for close_notify, where application data is fatal. */
static struct model_conn read_bytes(struct model_conn c, int s, uint32_t mode, int for_data,
                                    int *how, int *reason)
{
    *reason = REASON_NONE;
    c.end[s].rwstate = RW_NOTHING;
    for (int round = 0; round <= 2 * REC_MAX; round++) {
        if (c.end[s].data_left > 0) {
            *how = for_data ? READ_DATA : READ_FATAL;
            return c;
        }
        if (c.end[s].held) {
            /* A post-handshake message: the state machine runs, writing
             * first; the message is processed only once nothing is left to
             * write. Either way the run counts for AUTO_RETRY. */
            c.end[s].in_init = 1;
            if (c.end[s].hs_left != 0 || c.end[s].key_update != KU_NONE) {
                c = statem_write(c, s, reason);
                if (c.end[s].in_init) {
                    *how = READ_WAIT;
                    return c;
                }
            } else {
                if (c.end[s].held == 2) /* tls_process_key_update */
                    c.end[s].key_update = KU_NOT_REQUESTED;
                c.end[s].held = 0;
                c.end[s].in_init = 0;
            }
            /* AUTO_RETRY cleared: report the run as WANT_READ (the read
             * buffer is always empty here: no read-ahead). */
            if (!(mode & MODE_AUTO_RETRY)) {
                c.end[s].rwstate = RW_READING;
                c.end[s].bioflag = BIOF_READ;
                *how = READ_WAIT;
                return c;
            }
            continue;
        }
        int whole;
        struct record r;
        c = take_record(c, s, &whole, &r);
        if (!whole) {
            *how = READ_WAIT;
            return c;
        }
        if (r.type == REC_APP) {
            c.end[s].data_left = r.plain;
            c.end[s].data_src = r.src;
        } else if (r.type == REC_CLOSE) {
            c.end[s].received_shutdown = 1;
            *how = READ_CLOSE;
            return c;
        } else {
            c.end[s].held = 1 + r.requested;
        }
    }
    *how = READ_WAIT; /* unreachable: each round consumes a record or a message */
    return c;
}

struct conn_step conn_read(struct model_conn c, int s, uint32_t mode, uint32_t max)
{
    /* ssl_read_internal */
    if (c.end[s].received_shutdown) {
        c.end[s].rwstate = RW_NOTHING;
        return done(c, s, 0, 0, REASON_NONE);
    }
    /* ssl3_read_bytes: the state machine first, if in init */
    int reason;
    if (c.end[s].in_init) {
        if (c.end[s].dead)
            return done(c, s, -1, 0, REASON_NONE);
        c = statem_write(c, s, &reason);
        if (c.end[s].in_init)
            return done(c, s, -1, 0, reason);
    }
    int how;
    c = read_bytes(c, s, mode, 1, &how, &reason);
    if (how == READ_DATA)
        return deliver(c, s, max);
    return done(c, s, how == READ_CLOSE ? 0 : -1, 0, reason);
}

/* --- SSL_key_update, SSL_shutdown, SSL_set_max_send_fragment ------------- */

struct conn_step conn_key_update(struct model_conn c, int s, int requested)
{
    if (!c.tls13)
        return done(c, s, 0, 0, REASON_WRONG_SSL_VERSION);
    if (c.end[s].in_init)
        return done(c, s, 0, 0, REASON_STILL_IN_INIT);
    if (c.end[s].pend_left != 0)
        return done(c, s, 0, 0, REASON_BAD_WRITE_RETRY);
    c.end[s].in_init = 1;
    c.end[s].key_update = requested ? KU_REQUESTED : KU_NOT_REQUESTED;
    return done(c, s, 1, 0, REASON_NONE);
}

/* ssl3_dispatch_alert: writes the close_notify, or goes on writing it. A
 * different pending record (application data) makes it a bad write retry. */
static struct model_conn dispatch_close(struct model_conn c, int s, uint32_t mode, int *failed)
{
    *failed = 0;
    if (c.end[s].pend_left != 0) {
        if (c.end[s].pend_tot > ALERT_PLAIN ||
            (!(mode & MODE_ACCEPT_MOVING_WRITE_BUFFER) &&
             !same_position(c.end[s].pend_ptr, internal(BUF_ALERT))) ||
            c.end[s].pend_type != REC_CLOSE) {
            *failed = 1;
            return fatal(c, s);
        }
        c = push_pending(c, s);
    } else {
        c = send_record(c, s, make_record(c.shape, REC_CLOSE, ALERT_PLAIN, internal(BUF_ALERT)),
                        internal(BUF_ALERT));
    }
    if (c.end[s].pend_left == 0)
        c.end[s].alert_dispatch = 0;
    return c;
}

static long shutdown_result(struct end e)
{
    return e.sent_shutdown && e.received_shutdown && !e.alert_dispatch ? 1 : 0;
}

struct conn_step conn_shutdown(struct model_conn c, int s, uint32_t mode)
{
    /* SSL_shutdown */
    if (c.end[s].in_init)
        return done(c, s, -1, 0, REASON_SHUTDOWN_WHILE_IN_INIT);
    /* ssl3_shutdown */
    if (!c.end[s].sent_shutdown) {
        c.end[s].sent_shutdown = 1;
        c.end[s].alert_dispatch = 1;
        /* ssl3_send_alert: dispatched at once unless a record is pending */
        if (c.end[s].pend_left == 0) {
            int failed;
            c = dispatch_close(c, s, mode, &failed);
        }
        if (c.end[s].alert_dispatch)
            return done(c, s, -1, 0, REASON_NONE);
    } else if (c.end[s].alert_dispatch) {
        int failed;
        c = dispatch_close(c, s, mode, &failed);
        if (failed)
            return done(c, s, -1, 0, REASON_BAD_WRITE_RETRY);
        if (c.end[s].alert_dispatch)
            return done(c, s, -1, 0, REASON_NONE);
    } else if (!c.end[s].received_shutdown) {
        /* Wait for the peer's close_notify: application data now is fatal. */
        int how, reason;
        c = read_bytes(c, s, mode, 0, &how, &reason);
        if (how == READ_FATAL) {
            c.end[s].data_left = 0;
            return done(fatal(c, s), s, -1, 0, REASON_APP_DATA_AFTER_CLOSE_NOTIFY);
        }
        if (how != READ_CLOSE)
            return done(c, s, -1, 0, reason);
    }
    return done(c, s, shutdown_result(c.end[s]), 0, REASON_NONE);
}

int frag_ok(long v)
{
    return v >= MSF_MIN && v <= MSF_MAX;
}

struct frag frag_set(struct frag f, long v)
{
    f.msf = (uint32_t) v;
    if (f.split > f.msf)
        f.split = f.msf;
    return f;
}

int conn_check(struct model_conn c)
{
    for (int s = 0; s < 2; s++) {
        struct pipe p = c.pipe[s];
        struct end e = c.end[s];
        if (p.fill > p.cap || p.count < 0 || p.count > REC_MAX || p.head < 0 ||
            p.head >= REC_MAX)
            return 0;
        if (p.count == 0 && (p.fill != 0 || p.taken != 0))
            return 0;
        if (e.pend_left != 0 && p.count == 0)
            return 0;
        if (e.wnum != 0 && e.pend_left == 0)
            return 0;
        if (e.frag.split > e.frag.msf || e.frag.msf < MSF_MIN || e.frag.msf > MSF_MAX ||
            e.frag.split == 0)
            return 0;
        if (e.dead && !e.in_init)
            return 0;
    }
    return 1;
}
