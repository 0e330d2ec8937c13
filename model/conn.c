/* model/conn.c: the I/O of a connected pair. Contracts: see conn.h; the
 * helpers here carry their own. Function by function this follows OpenSSL
 * 3.0's code (ssl/record/rec_layer_s3.c, ssl/ssl_lib.c, ssl/s3_lib.c,
 * ssl/statem/statem.c); spec/write.md gives the rules in words with their
 * sources. */
#include "conn.h"

uint32_t conn_wire(struct shape sh, uint32_t m)
{
    return sh.base + sh.block * ((m + sh.shift) / sh.block);
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

/*@ assigns \nothing;
    ensures \result.buf == buf && \result.off == 0 && \result.ver == 0;
*/
static struct src internal(int buf)
{
    struct src p;
    p.buf = buf;
    p.off = 0;
    p.ver = 0;
    return p;
}

/* A record buffer at its release point: freed under RELEASE_BUFFERS, held
 * otherwise (READ-02). held_after_use is this, as logic. */
/*@ assigns \nothing;
    ensures \result == held_after_use(mode);
*/
static int release_point(uint32_t mode)
{
    return (mode & MODE_RELEASE_BUFFERS) != 0 ? 0 : 1;
}

/* One side after its handshake: it read and wrote whole records last, so
 * each buffer went at its release point under RELEASE_BUFFERS (READ-02). */
/*@ requires frag_valid(p.frag) && valid_side(s);
    assigns \nothing;
    ensures end_ok(\result);
    ensures \result.pend_left == 0 && \result.wnum == 0 && \result.hs_left == 0;
    ensures \result.in_init == 0 && \result.frag == p.frag;
    ensures \result.data_left == 0 && \result.held == HELD_NONE && \result.hello_req == 0;
    ensures \result.hello_sent == 0;
    ensures \result.rbuf == held_after_use(p.mode[s]);
    ensures \result.wbuf == held_after_use(p.mode[s]);
*/
static struct end end_init(struct conn_params p, int s)
{
    struct end e;
    e.wnum = 0;
    e.pend_tot = 0;
    e.pend_left = 0;
    e.pend_type = REC_APP;
    e.pend_ptr = internal(BUF_HANDSHAKE);
    e.frag = p.frag;
    e.key_update = KU_NONE;
    e.hs_left = 0;
    e.in_init = 0;
    e.dead = 0;
    e.sent_shutdown = 0;
    e.received_shutdown = 0;
    e.alert_dispatch = 0;
    e.reneg_pending = 0;
    e.reneg = 0;
    e.hello_req = 0;
    e.hello_sent = 0;
    e.rwstate = RW_NOTHING;
    e.bioflag = BIOF_NONE;
    e.data_left = 0;
    e.data_src = e.pend_ptr;
    e.held = HELD_NONE;
    e.rbuf = release_point(p.mode[s]);
    e.wbuf = e.rbuf;
    return e;
}

/*@ requires 1 <= cap <= CAP_MAX;
    assigns \nothing;
    ensures pipe_ok(\result) && \result.count == 0 && \result.cap == cap && \result.fill == 0;
    ensures \result.taken == 0;
*/
static struct pipe pipe_init(uint32_t cap)
{
    struct pipe p;
    p.cap = cap;
    p.fill = 0;
    p.taken = 0;
    p.head = 0;
    p.count = 0;
    /*@ loop invariant 0 <= i <= REC_MAX;
        loop invariant \forall integer k; 0 <= k < i ==> record_ok(p.rec[k]);
        loop assigns i, p.rec[0 .. REC_MAX - 1];
        loop variant REC_MAX - i; */
    for (int i = 0; i < REC_MAX; i++) {
        p.rec[i].wire = 1;
        p.rec[i].plain = 0;
        p.rec[i].type = REC_APP;
        p.rec[i].requested = 0;
        p.rec[i].src = internal(BUF_HANDSHAKE);
    }
    return p;
}

int conn_room(struct model_conn c, int s)
{
    return c.pipe[s].count <= REC_MAX - WRITE_RECORDS_MAX;
}

/* --- the transport ------------------------------------------------------ */

/* The writer's end pushes as much of its pending record as the transport
 * takes (ssl3_write_pending's BIO_write loop). A BIO pair accepts a partial
 * record; when nothing more fits, BIO_write fails with the retry flag. */
/*@ requires conn_ok(c) && valid_side(s) && c.end[s].wnum == 0;
    assigns \nothing;
    ensures conn_ok(\result);
    ensures \result.pipe[s].fill - c.pipe[s].fill == c.end[s].pend_left - \result.end[s].pend_left;
    ensures \result.end[s].pend_left == 0 ||
            (\result.pipe[s].fill == \result.pipe[s].cap && \result.end[s].rwstate == RW_WRITING &&
             \result.end[s].bioflag == BIOF_WRITE);
    ensures \result.end[s].pend_left <= c.end[s].pend_left;
    ensures \result.end[s].pend_left == 0 ==> \result.end[s].rwstate == RW_NOTHING;
    ensures \result.end[1 - s] == c.end[1 - s] && \result.pipe[1 - s] == c.pipe[1 - s];
    ensures \result.pipe[s].count == c.pipe[s].count && \result.pipe[s].rec == c.pipe[s].rec;
    ensures \result.pipe[s].head == c.pipe[s].head && \result.pipe[s].taken == c.pipe[s].taken;
    ensures \result.end[s].wnum == 0 && \result.end[s].dead == c.end[s].dead;
    ensures \result.end[s].pend_tot == c.end[s].pend_tot && \result.end[s].pend_type == c.end[s].pend_type;
    ensures \result.end[s].pend_ptr == c.end[s].pend_ptr && \result.end[s].in_init == c.end[s].in_init;
    ensures \result.end[s].sent_shutdown == c.end[s].sent_shutdown;
    ensures \result.end[s].alert_dispatch == c.end[s].alert_dispatch;
    ensures \result.end[s].key_update == c.end[s].key_update && \result.end[s].hs_left == c.end[s].hs_left;
    ensures \result.end[s].frag == c.end[s].frag && \result.end[s].received_shutdown == c.end[s].received_shutdown;
    ensures \result.end[s].data_left == c.end[s].data_left && \result.end[s].data_src == c.end[s].data_src;
    ensures \result.end[s].held == c.end[s].held;
    ensures \result.end[s].rbuf == c.end[s].rbuf && \result.end[s].wbuf == c.end[s].wbuf;
    ensures \result.tls13 == c.tls13 && \result.shape == c.shape;
*/
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
/*@ requires pipe_ok(p) && p.count < REC_MAX && record_ok(r);
    assigns \nothing;
    ensures pipe_ok(\result) && \result.count == p.count + 1;
    ensures \result.cap == p.cap && \result.fill == p.fill && \result.taken == p.taken &&
            \result.head == p.head;
*/
static struct pipe append_record(struct pipe p, struct record r)
{
    int slot = (p.head + p.count) % REC_MAX;
    p.rec[slot] = r;
    p.count++;
    return p;
}

/*@ requires shape_ok(sh) && plain <= MSF_MAX && src_ok(from, plain);
    requires REC_APP <= type <= REC_CLIENT_HELLO;
    assigns \nothing;
    ensures record_ok(\result) && \result.plain == plain && \result.type == type;
    ensures \result.src == from && \result.requested == 0 && \result.wire == wire(sh, plain);
*/
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

/* --- the connection after the handshake --------------------------------- */

/* n records of r, all in the transport. */
/*@ requires pipe_ok(p) && p.count == 0 && p.fill == 0 && p.taken == 0 && record_ok(r);
    requires n <= TICKETS_MAX && n * r.wire <= p.cap;
    assigns \nothing;
    ensures pipe_ok(\result) && \result.cap == p.cap && \result.taken == 0;
    ensures \result.count == n && \result.fill == n * r.wire;
*/
static struct pipe flight(struct pipe p, struct record r, uint32_t n)
{
    /*@ loop invariant 0 <= i <= n;
        loop invariant pipe_ok(p) && p.cap == \at(p, Pre).cap && p.taken == 0;
        loop invariant p.count == i && p.fill == i * r.wire;
        loop assigns i, p;
        loop variant n - i; */
    for (uint32_t i = 0; i < n; i++) {
        //@ assert (i + 1) * r.wire <= n * r.wire;
        p = append_record(p, r);
        p.fill += r.wire;
    }
    return p;
}

struct model_conn conn_init(struct conn_params p)
{
    struct model_conn c;
    c.tls13 = p.tls13;
    c.shape = p.shape;
    c.end[SIDE_CLIENT] = end_init(p, SIDE_CLIENT);
    c.end[SIDE_SERVER] = end_init(p, SIDE_SERVER);
    c.pipe[SIDE_CLIENT] = pipe_init(p.cap);
    struct record ticket = make_record(p.shape, REC_TICKET, p.ticket_plain,
                                       internal(BUF_HANDSHAKE));
    c.pipe[SIDE_SERVER] = flight(pipe_init(p.cap), ticket, p.tickets);
    return c;
}

/* Encrypts one record and starts writing it (do_ssl3_write): it becomes the
 * pending record, made from buffer position `ptr`, in the write buffer,
 * which do_ssl3_write allocates if the SSL does not hold it (READ-02). */
/*@ requires conn_ok(c) && valid_side(s) && c.pipe[s].count < REC_MAX && record_ok(r);
    requires r.plain >= 1;
    requires c.end[s].wnum == 0 && c.end[s].pend_left == 0 && c.end[s].hs_left == 0;
    requires r.type == REC_APP || (r.type == REC_CLOSE && c.end[s].sent_shutdown != 0) ||
             (r.type == REC_FATAL && c.end[s].dead != 0);
    requires c.end[s].in_init == 0 || c.end[s].dead != 0;
    assigns \nothing;
    ensures conn_ok(\result);
    ensures \result.pipe[s].count == c.pipe[s].count + 1;
    ensures \result.end[s].pend_tot == r.plain && \result.end[s].pend_ptr == ptr;
    ensures \result.end[s].pend_type == r.type;
    ensures \result.end[s].pend_left == 0 ==> \result.end[s].rwstate == RW_NOTHING;
    ensures \result.end[s].pend_left != 0 ==> \result.end[s].rwstate == RW_WRITING &&
                                              \result.end[s].bioflag == BIOF_WRITE;
    ensures \result.end[1 - s] == c.end[1 - s] && \result.pipe[1 - s] == c.pipe[1 - s];
    ensures \result.end[s].wnum == 0 && \result.end[s].dead == c.end[s].dead;
    ensures \result.end[s].in_init == c.end[s].in_init;
    ensures \result.end[s].sent_shutdown == c.end[s].sent_shutdown;
    ensures \result.end[s].alert_dispatch == c.end[s].alert_dispatch;
    ensures \result.end[s].key_update == c.end[s].key_update && \result.end[s].hs_left == 0;
    ensures \result.end[s].frag == c.end[s].frag && \result.end[s].received_shutdown == c.end[s].received_shutdown;
    ensures \result.end[s].data_left == c.end[s].data_left && \result.end[s].held == c.end[s].held;
    ensures \result.end[s].rbuf == c.end[s].rbuf && \result.end[s].wbuf == 1;
    ensures \result.end[s].hello_req == c.end[s].hello_req;
    ensures \result.tls13 == c.tls13 && \result.shape == c.shape;
*/
static struct model_conn send_record(struct model_conn c, int s, struct record r,
                                     struct src ptr)
{
    c.pipe[s] = append_record(c.pipe[s], r);
    c.end[s].wbuf = 1;
    c.end[s].pend_tot = r.plain;
    c.end[s].pend_left = r.wire;
    c.end[s].pend_type = r.type;
    c.end[s].pend_ptr = ptr;
    return push_pending(c, s);
}

/* --- results ------------------------------------------------------------ */

/* SSL_get_error(ssl, ret) for ret <= 0, from the state the call left. */
/*@ assigns \nothing;
    ensures \result == err_class(e, reason);
*/
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
        return ERRC_ZERO_RETURN;
    return ERRC_SYSCALL;
}

/*@ requires valid_side(s);
    assigns \nothing;
    ensures \result.c == c && \result.r.ret == ret && \result.r.count == count;
    ensures \result.r.reason == reason;
    ensures ret > 0 ==> \result.r.err == ERRC_NONE;
    ensures ret <= 0 ==> \result.r.err == err_class(c.end[s], reason);
    ensures \result.r.src.buf == BUF_HANDSHAKE && \result.r.msgs == 0 && \result.r.ignored == 0;
*/
static struct conn_step done(struct model_conn c, int s, long ret, uint32_t count, int reason)
{
    struct conn_step st;
    st.c = c;
    st.r.ret = ret;
    st.r.count = count;
    st.r.reason = reason;
    st.r.err = ret > 0 ? ERRC_NONE : error_class(c.end[s], reason);
    st.r.src = internal(BUF_HANDSHAKE);
    st.r.msgs = 0;
    st.r.ignored = 0;
    return st;
}

/* SSLfatal: the connection is dead. The internal_error alert of the write
 * path's fatal errors never goes out: they happen with a record pending
 * (spec/write.md, WRITE-09); the others send no alert at all, except the
 * refused renegotiation's (fatal_alert). */
/*@ requires conn_ok(c) && valid_side(s) && c.end[s].hello_req == 0;
    assigns \nothing;
    ensures conn_ok(\result);
    ensures \result.end[s].dead == 1 && \result.end[s].in_init == 1;
    ensures \result.pipe[0] == c.pipe[0] && \result.pipe[1] == c.pipe[1];
    ensures \result.end[1 - s] == c.end[1 - s];
    ensures \result.end[s].wnum == c.end[s].wnum && \result.end[s].pend_left == c.end[s].pend_left;
    ensures \result.end[s].sent_shutdown == c.end[s].sent_shutdown;
    ensures \result.end[s].alert_dispatch == c.end[s].alert_dispatch;
    ensures \result.end[s].received_shutdown == c.end[s].received_shutdown;
    ensures \result.end[s].rwstate == c.end[s].rwstate && \result.end[s].bioflag == c.end[s].bioflag;
    ensures \result.end[s].key_update == c.end[s].key_update && \result.end[s].hs_left == c.end[s].hs_left;
    ensures \result.end[s].data_left == c.end[s].data_left && \result.end[s].held == c.end[s].held;
    ensures \result.end[s].rbuf == c.end[s].rbuf && \result.end[s].wbuf == c.end[s].wbuf;
    ensures \result.end[s].reneg == c.end[s].reneg && \result.end[s].data_src == c.end[s].data_src;
    ensures \result.tls13 == c.tls13 && \result.shape == c.shape;
*/
static struct model_conn fatal(struct model_conn c, int s)
{
    c.end[s].dead = 1;
    c.end[s].in_init = 1;
    c.end[s].hello_sent = 0; /* a dead SSL awaits nothing */
    return c;
}

/* SSLfatal with a fatal alert (READ-06: handshake_failure). ssl3_send_alert
 * sends nothing once close_notify is sent. Otherwise it writes the alert at
 * once (ssl3_dispatch_alert) unless a record is pending; then the alert waits
 * for a write that a dead SSL never makes. What the transport does not take
 * stays pending, for the same reason. */
/*@ requires conn_ok(c) && valid_side(s) && c.end[s].dead == 0 && c.end[s].in_init == 0;
    requires c.end[s].hello_req == 0 && c.pipe[s].count < REC_MAX;
    assigns \nothing;
    ensures conn_ok(\result);
    ensures \result.end[s].dead == 1;
    ensures \result.end[1 - s] == c.end[1 - s] && \result.pipe[1 - s] == c.pipe[1 - s];
    ensures READ_06_alert_sent: c.end[s].sent_shutdown == 0 && c.end[s].pend_left == 0 ==>
      \result.pipe[s].count == c.pipe[s].count + 1;
    ensures READ_06_not_sent: c.end[s].sent_shutdown != 0 || c.end[s].pend_left != 0 ==>
      \result.pipe[s] == c.pipe[s];
    ensures \result.pipe[s].count >= c.pipe[s].count;
    ensures \result.end[s].sent_shutdown == c.end[s].sent_shutdown;
    ensures \result.end[s].data_left == c.end[s].data_left && \result.end[s].held == c.end[s].held;
    ensures \result.end[s].rbuf == c.end[s].rbuf && \result.end[s].wbuf >= c.end[s].wbuf;
    ensures \result.end[s].hello_req == 0;
    ensures \result.tls13 == c.tls13 && \result.shape == c.shape;
*/
static struct model_conn fatal_alert(struct model_conn c, int s)
{
    c = fatal(c, s);
    if (c.end[s].pend_left == 0 && !c.end[s].sent_shutdown)
        c = send_record(c, s, make_record(c.shape, REC_FATAL, ALERT_PLAIN, internal(BUF_ALERT)),
                        internal(BUF_ALERT));
    return c;
}

/* --- KeyUpdate ---------------------------------------------------------- */

/* statem_flush: the buffering BIO passes what the transport takes. Once
 * nothing is left to write, the machine ends and the SSL is out of init. */
/*@ requires conn_ok(c) && valid_side(s) && c.end[s].hs_left != 0 && c.end[s].dead == 0;
    assigns \nothing;
    ensures conn_ok(\result);
    ensures \result.end[s].hs_left <= c.end[s].hs_left;
    ensures \result.end[s].hs_left != 0 ==> \result.end[s].rwstate == RW_WRITING &&
                                            \result.end[s].bioflag == BIOF_WRITE;
    ensures \result.end[1 - s] == c.end[1 - s] && \result.pipe[1 - s] == c.pipe[1 - s];
    ensures \result.pipe[s].count == c.pipe[s].count;
    ensures \result.end[s].wnum == c.end[s].wnum && \result.end[s].pend_left == c.end[s].pend_left;
    ensures \result.end[s].dead == c.end[s].dead;
    ensures \result.end[s].in_init == (\result.end[s].hs_left != 0 ? 1 : 0);
    ensures \result.end[s].sent_shutdown == c.end[s].sent_shutdown;
    ensures \result.end[s].received_shutdown == c.end[s].received_shutdown;
    ensures \result.end[s].key_update == c.end[s].key_update;
    ensures \result.end[s].data_left == c.end[s].data_left && \result.end[s].held == c.end[s].held;
    ensures \result.end[s].rbuf == c.end[s].rbuf && \result.end[s].wbuf == c.end[s].wbuf;
    ensures \result.end[s].reneg == c.end[s].reneg && \result.end[s].hello_req == c.end[s].hello_req;
    ensures \result.end[s].data_src == c.end[s].data_src;
    ensures \result.tls13 == c.tls13 && \result.shape == c.shape;
*/
static struct model_conn flush_handshake(struct model_conn c, int s)
{
    uint32_t space = c.pipe[s].cap - c.pipe[s].fill;
    uint32_t k = c.end[s].hs_left < space ? c.end[s].hs_left : space;
    c.pipe[s].fill += k;
    c.end[s].hs_left -= k;
    if (c.end[s].hs_left == 0) {
        c.end[s].rwstate = RW_NOTHING;
        c.end[s].bioflag = BIOF_NONE;
        c.end[s].in_init = 0;
    } else {
        c.end[s].rwstate = RW_WRITING;
        c.end[s].bioflag = BIOF_WRITE;
    }
    return c;
}

/* The write phase of the state machine (handshake_func), which always
 * comes first: make the scheduled KeyUpdate (TLS 1.3) or HelloRequest (TLS
 * 1.2, READ-05), then flush what is buffered. Making the message starts the
 * machine from its end, so it allocates both record buffers
 * (ssl3_setup_buffers); the message then goes whole through the buffering
 * BIO, a completed ssl3_write_bytes, which frees the write buffer under
 * RELEASE_BUFFERS (READ-02).
 * When nothing is left to write the machine ends and the SSL is out of init
 * again (even with a received message still waiting: the machine went from
 * writing to its end, not to reading). r.reason says when writing the message
 * was fatal, or when the model had no room for it. */
/*@ requires conn_ok(c) && valid_side(s) && c.end[s].dead == 0;
    requires c.end[s].hs_left != 0 || c.end[s].key_update != KU_NONE || c.end[s].hello_req != 0;
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures \result.r.reason == REASON_NONE || \result.r.reason == REASON_MODEL_FULL ||
            ((\result.r.reason == REASON_BAD_LENGTH || \result.r.reason == REASON_BAD_WRITE_RETRY) &&
             \result.c.end[s].dead != 0);
    ensures c.pipe[s].count < REC_MAX ==> \result.r.reason != REASON_MODEL_FULL;
    ensures c.end[s].pend_left == 0 ==>
              \result.r.reason != REASON_BAD_LENGTH && \result.r.reason != REASON_BAD_WRITE_RETRY;
    ensures \result.r.reason == REASON_NONE ==>
              (\result.c.end[s].in_init == 0 <==> \result.c.end[s].hs_left == 0);
    ensures \result.r.reason == REASON_NONE ==> \result.c.end[s].key_update == KU_NONE;
    ensures \result.r.reason != REASON_MODEL_FULL ==> \result.c.end[s].hello_req == 0;
    ensures \result.c.end[s].reneg == c.end[s].reneg;
    ensures \result.r.reason == REASON_MODEL_FULL ==> \result.c == c;
    ensures \result.r.reason != REASON_BAD_LENGTH && \result.r.reason != REASON_BAD_WRITE_RETRY ==>
              \result.c.end[s].dead == c.end[s].dead;
    ensures \result.c.end[1 - s] == c.end[1 - s] && \result.c.pipe[1 - s] == c.pipe[1 - s];
    ensures c.pipe[s].count <= \result.c.pipe[s].count <= c.pipe[s].count + 1;
    ensures \result.c.end[s].wnum == c.end[s].wnum && \result.c.end[s].pend_left == c.end[s].pend_left;
    ensures c.end[s].hello_req == 0 || \result.r.reason == REASON_MODEL_FULL ==>
      \result.c.end[s].sent_shutdown == c.end[s].sent_shutdown &&
      \result.c.end[s].received_shutdown == c.end[s].received_shutdown;
    ensures READ_05_forgets_shutdown: c.end[s].hello_req != 0 && \result.r.reason != REASON_MODEL_FULL ==>
      \result.c.end[s].sent_shutdown == 0 && \result.c.end[s].received_shutdown == 0;
    ensures \result.c.end[s].data_left == c.end[s].data_left && \result.c.end[s].held == c.end[s].held;
    ensures \result.c.end[s].data_src == c.end[s].data_src;
    ensures \result.r.reason == REASON_NONE && \result.c.end[s].in_init != 0 ==>
              \result.c.end[s].rwstate == RW_WRITING && \result.c.end[s].bioflag == BIOF_WRITE;
    ensures \result.c.end[s].rbuf >= c.end[s].rbuf;
    ensures (mode & MODE_RELEASE_BUFFERS) == 0 ==> \result.c.end[s].wbuf >= c.end[s].wbuf;
    ensures \result.c.tls13 == c.tls13 && \result.c.shape == c.shape;
*/
static struct conn_step statem_write(struct model_conn c, int s, uint32_t mode)
{
    if (c.end[s].hs_left == 0 && c.end[s].key_update != KU_NONE) {
        if (c.pipe[s].count == REC_MAX)
            return done(c, s, -1, 0, REASON_MODEL_FULL);
        /* tls_construct_key_update: the update counts as sent once the
         * message is made, whatever happens to it. */
        int requested = c.end[s].key_update == KU_REQUESTED;
        c.end[s].key_update = KU_NONE;
        c.end[s].rbuf = 1;
        c.end[s].wbuf = 1;
        /* ssl3_write_bytes(SSL3_RT_HANDSHAKE, ..., 5): the checks of an
         * application write apply, against an application record pending. */
        if (c.end[s].pend_left != 0) {
            uint32_t wnum = c.end[s].wnum;
            int reason = KEY_UPDATE_PLAIN < wnum || KEY_UPDATE_PLAIN - wnum < c.end[s].pend_tot
                             ? REASON_BAD_LENGTH
                             : REASON_BAD_WRITE_RETRY; /* its type is not handshake */
            return done(fatal(c, s), s, -1, 0, reason);
        }
        struct record r = make_record(c.shape, REC_KEY_UPDATE, KEY_UPDATE_PLAIN,
                                      internal(BUF_HANDSHAKE));
        r.requested = requested;
        c.pipe[s] = append_record(c.pipe[s], r);
        c.end[s].hs_left = r.wire;
        c.end[s].in_init = 1;
        c.end[s].wbuf = release_point(mode);
    } else if (c.end[s].hs_left == 0 && c.end[s].hello_req) {
        if (c.pipe[s].count == REC_MAX)
            return done(c, s, -1, 0, REASON_MODEL_FULL);
        /* ossl_statem_server_pre_work sets s->shutdown = 0: the server
         * forgets a close_notify sent or received (READ-05). Then
         * tls_construct_hello_request; nothing is pending (conn_ok). */
        c.end[s].sent_shutdown = 0;
        c.end[s].received_shutdown = 0;
        c.end[s].hello_req = 0;
        c.end[s].rbuf = 1;
        struct record r = make_record(c.shape, REC_HELLO_REQ, HELLO_REQ_PLAIN,
                                      internal(BUF_HANDSHAKE));
        c.pipe[s] = append_record(c.pipe[s], r);
        c.end[s].hs_left = r.wire;
        c.end[s].wbuf = release_point(mode);
    }
    return done(flush_handshake(c, s), s, 1, 0, REASON_NONE);
}

/* ssl3_renegotiate_check(s, 0), at the start of SSL_read and SSL_write
 * (ssl/s3_lib.c; SSL_shutdown does not call it): a renegotiation asked for
 * starts once nothing is pending either way (RECORD_LAYER_read_pending,
 * RECORD_LAYER_write_pending) and the SSL is not in init. The server's state
 * machine is then to make a HelloRequest (READ-05). (A KeyUpdate to send
 * counts as pending too; the two never meet, as only TLS 1.3 has KeyUpdate
 * and only TLS 1.2 renegotiates, but the invariant does not say so.) */
/*@ requires conn_ok(c) && valid_side(s);
    assigns \nothing;
    ensures conn_ok(\result);
    ensures READ_05_starts: c.end[s].reneg != 0 && c.pipe[1 - s].taken == 0 &&
      c.end[s].pend_left == 0 && c.end[s].in_init == 0 && c.end[s].key_update == KU_NONE ==>
        \result.end[s].reneg == 0 && \result.end[s].in_init == 1 &&
        \result.end[s].hello_req == 1;
    ensures READ_05_waits: !(c.end[s].reneg != 0 && c.pipe[1 - s].taken == 0 &&
      c.end[s].pend_left == 0 && c.end[s].in_init == 0 && c.end[s].key_update == KU_NONE) ==>
        \result == c;
    ensures \result.pipe[0] == c.pipe[0] && \result.pipe[1] == c.pipe[1];
    ensures \result.end[1 - s] == c.end[1 - s];
    ensures \result.end[s].wnum == c.end[s].wnum && \result.end[s].pend_left == c.end[s].pend_left;
    ensures \result.end[s].pend_tot == c.end[s].pend_tot;
    ensures \result.end[s].dead == c.end[s].dead && \result.end[s].hs_left == c.end[s].hs_left;
    ensures \result.end[s].key_update == c.end[s].key_update;
    ensures \result.end[s].sent_shutdown == c.end[s].sent_shutdown;
    ensures \result.end[s].received_shutdown == c.end[s].received_shutdown;
    ensures \result.end[s].data_left == c.end[s].data_left && \result.end[s].data_src == c.end[s].data_src;
    ensures \result.end[s].held == c.end[s].held;
    ensures \result.end[s].rbuf == c.end[s].rbuf && \result.end[s].wbuf == c.end[s].wbuf;
    ensures \result.end[s].in_init == 0 ==> \result.end[s].hello_req == 0;
    ensures \result.tls13 == c.tls13 && \result.shape == c.shape;
*/
static struct model_conn renegotiate_check(struct model_conn c, int s)
{
    if (c.end[s].reneg && c.pipe[1 - s].taken == 0 && c.end[s].pend_left == 0 &&
        !c.end[s].in_init && c.end[s].key_update == KU_NONE) {
        c.end[s].reneg = 0;
        c.end[s].in_init = 1; /* ossl_statem_set_renegotiate */
        c.end[s].hello_req = 1;
    }
    return c;
}

/* --- SSL_write ----------------------------------------------------------- */

/* The record loop of ssl3_write_bytes: records of min(n, split) bytes from
 * position tot of the request, until the request is done, a record does not
 * fit, or (ENABLE_PARTIAL_WRITE) one record went out whole. */
/*@ requires conn_ok(c) && valid_side(s);
    requires c.end[s].wnum == 0 && c.end[s].pend_left == 0 && c.end[s].hs_left == 0;
    requires c.end[s].dead == 0 && c.end[s].in_init == 0 && c.end[s].sent_shutdown == 0;
    requires tot < w.len <= WRITE_LEN_MAX && w.from.buf >= 0 && src_ok(w.from, w.len) && flag(w.ex);
    requires c.pipe[s].count + (w.len - tot) / MSF_MIN + 1 <= REC_MAX;
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures \result.r.reason == REASON_NONE && \result.c.end[s].dead == 0;
    ensures \result.c.end[1 - s] == c.end[1 - s] && \result.c.pipe[1 - s] == c.pipe[1 - s];
    ensures \result.r.count <= w.len;
    ensures \result.r.err == ERRC_NONE ==>
      \result.r.count > tot && \result.r.ret == (w.ex != 0 ? 1 : \result.r.count) &&
      (!(mode & MODE_ENABLE_PARTIAL_WRITE) ==> \result.r.count == w.len);
    ensures \result.r.err != ERRC_NONE ==>
      \result.r.ret == write_fail(w.ex) && \result.r.err == ERRC_WANT_WRITE;
    ensures \result.c.end[s].rbuf == c.end[s].rbuf;
    ensures \result.r.err == ERRC_NONE && \result.r.count == w.len ==>
      \result.c.end[s].wbuf == held_after_use(mode);
    ensures !(\result.r.err == ERRC_NONE && \result.r.count == w.len) ==>
      \result.c.end[s].wbuf == 1;
*/
static struct conn_step write_records(struct model_conn c, int s, uint32_t mode,
                                      struct write_call w, uint32_t tot)
{
    uint32_t n = w.len - tot;
    /*@ loop invariant tot < w.len && n == w.len - tot && n >= 1;
        loop invariant \at(tot, Pre) <= tot;
        loop invariant conn_ok(c);
        loop invariant c.end[s].wnum == 0 && c.end[s].pend_left == 0 && c.end[s].hs_left == 0;
        loop invariant c.end[s].dead == 0 && c.end[s].in_init == 0 && c.end[s].sent_shutdown == 0;
        loop invariant c.pipe[s].count + (w.len - tot) / MSF_MIN + 1 <= REC_MAX;
        loop invariant c.end[1 - s] == \at(c, Pre).end[1 - s];
        loop invariant c.pipe[1 - s] == \at(c, Pre).pipe[1 - s];
        loop invariant c.end[s].rbuf == \at(c, Pre).end[s].rbuf;
        loop assigns c, n, tot;
        loop variant n;
    */
    for (;;) {
        uint32_t piece = n < c.end[s].frag.split ? n : c.end[s].frag.split;
        struct src from = w.from;
        from.off += tot;
        c = send_record(c, s, make_record(c.shape, REC_APP, piece, from), from);
        if (c.end[s].pend_left != 0) {
            c.end[s].wnum = tot;
            return done(c, s, w.ex ? 0 : -1, 0, REASON_NONE);
        }
        if (piece == n) { /* the whole request: a release point */
            c.end[s].wbuf = release_point(mode);
            return done(c, s, w.ex ? 1 : (long) w.len, w.len, REASON_NONE);
        }
        if (mode & MODE_ENABLE_PARTIAL_WRITE)
            return done(c, s, w.ex ? 1 : (long) (tot + piece), tot + piece, REASON_NONE);
        n -= piece;
        tot += piece;
    }
}

/* The write goes on after the checks of conn_write and the state machine:
 * ssl3_write_pending for a record still pending (only its start pointer and
 * type are checked, never its content: the type is application data, as a
 * close_notify pending means sent_shutdown stopped the write), then the
 * record loop. tot: bytes of the request out before this call. */
/*@ requires conn_ok(c) && valid_side(s);
    requires c.end[s].wnum == 0 && c.end[s].dead == 0 && c.end[s].in_init == 0;
    requires c.end[s].sent_shutdown == 0;
    requires tot <= w.len <= WRITE_LEN_MAX && w.from.buf >= 0 && src_ok(w.from, w.len) && flag(w.ex);
    requires c.end[s].pend_left != 0 ==> c.end[s].pend_tot <= w.len - tot;
    requires c.pipe[s].count + w.len / MSF_MIN + 1 <= REC_MAX;
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures \result.c.end[1 - s] == c.end[1 - s] && \result.c.pipe[1 - s] == c.pipe[1 - s];
    ensures \result.r.count <= w.len;
    ensures \result.r.err == ERRC_NONE ==>
      \result.r.ret == (w.ex != 0 ? 1 : \result.r.count) &&
      (!(mode & MODE_ENABLE_PARTIAL_WRITE) ==> \result.r.count == w.len) &&
      (\result.r.count < w.len ==>
         \result.r.count > tot + (c.end[s].pend_left != 0 ? c.end[s].pend_tot : 0));
    ensures \result.c.end[s].rbuf == c.end[s].rbuf;
    ensures (mode & MODE_RELEASE_BUFFERS) == 0 ==> \result.c.end[s].wbuf >= c.end[s].wbuf;
    ensures (mode & MODE_RELEASE_BUFFERS) != 0 &&
      \result.r.count == w.len && \result.r.ret == (w.ex != 0 ? 1 : w.len) ==>
        \result.c.end[s].wbuf == 0;
    ensures \result.r.err == ERRC_NONE && \result.r.count < w.len ==> \result.c.end[s].wbuf == 1;
    behavior moved:
      assumes c.end[s].pend_left != 0 && !(mode & MODE_ACCEPT_MOVING_WRITE_BUFFER);
      assumes c.end[s].pend_ptr.buf != w.from.buf || c.end[s].pend_ptr.off != w.from.off + tot;
      ensures \result.r.ret == write_fail(w.ex);
      ensures \result.r.reason == REASON_BAD_WRITE_RETRY && \result.r.err == ERRC_SSL;
      ensures \result.c.end[s].dead != 0 && \result.c.end[s].wnum == tot;
      ensures \result.c.pipe[s] == c.pipe[s];
    behavior goes_on:
      assumes !(c.end[s].pend_left != 0 && !(mode & MODE_ACCEPT_MOVING_WRITE_BUFFER) &&
                (c.end[s].pend_ptr.buf != w.from.buf || c.end[s].pend_ptr.off != w.from.off + tot));
      ensures \result.r.reason == REASON_NONE && \result.c.end[s].dead == 0;
      ensures w.len != 0 && \result.r.err != ERRC_NONE ==>
        \result.r.ret == write_fail(w.ex) && \result.r.err == ERRC_WANT_WRITE;
      ensures WRITE_05_zero_length: w.len == 0 ==>
        \result.r.ret == (w.ex != 0 ? 1 : 0) && \result.r.count == 0;
    complete behaviors;
    disjoint behaviors;
*/
static struct conn_step write_on(struct model_conn c, int s, uint32_t mode,
                                 struct write_call w, uint32_t tot)
{
    if (c.end[s].pend_left != 0) {
        if (!(mode & MODE_ACCEPT_MOVING_WRITE_BUFFER) &&
            (c.end[s].pend_ptr.buf != w.from.buf || c.end[s].pend_ptr.off != w.from.off + tot)) {
            c.end[s].wnum = tot; /* restored on any failure of the pending write */
            return done(fatal(c, s), s, w.ex ? 0 : -1, 0, REASON_BAD_WRITE_RETRY);
        }
        c = push_pending(c, s);
        if (c.end[s].pend_left != 0) {
            c.end[s].wnum = tot;
            return done(c, s, w.ex ? 0 : -1, 0, REASON_NONE);
        }
        tot += c.end[s].pend_tot;
    }
    if (tot == w.len) { /* the whole request: a release point */
        c.end[s].wbuf = release_point(mode) ? c.end[s].wbuf : 0;
        return done(c, s, w.ex ? 1 : (long) tot, tot, REASON_NONE);
    }
    return write_records(c, s, mode, w, tot);
}

struct conn_step conn_write(struct model_conn c, int s, uint32_t mode, struct write_call w)
{
    /* ssl_write_internal */
    if (c.end[s].sent_shutdown) {
        c.end[s].rwstate = RW_NOTHING;
        //@ assert conn_ok(c);
        return done(c, s, w.ex ? 0 : -1, 0, REASON_PROTOCOL_IS_SHUTDOWN);
    }
    /* ssl3_write */
    c = renegotiate_check(c, s);
    /* ssl3_write_bytes */
    c.end[s].rwstate = RW_NOTHING;
    uint32_t tot = c.end[s].wnum;
    if (w.len < tot || (c.end[s].pend_left != 0 && w.len - tot < c.end[s].pend_tot))
        return done(fatal(c, s), s, w.ex ? 0 : -1, 0, REASON_BAD_LENGTH);
    c.end[s].wnum = 0;
    if (c.end[s].pend_left == 0 && c.end[s].key_update != KU_NONE)
        c.end[s].in_init = 1;
    //@ assert conn_ok(c);
    if (c.end[s].in_init) {
        if (c.end[s].dead)
            return done(c, s, w.ex ? 0 : -1, 0, REASON_NONE);
        /* Nothing is pending here (conn_ok), so the KeyUpdate is not fatal,
         * and room(c, s) leaves space for it. */
        c = statem_write(c, s, mode).c;
        if (c.end[s].in_init)
            return done(c, s, w.ex ? 0 : -1, 0, REASON_NONE);
    }
    return write_on(c, s, mode, w, tot);
}

/* --- SSL_read ------------------------------------------------------------ */

/* One attempt to take the next record out of the transport into side s's
 * read buffer (ssl3_get_record, ssl3_read_n). The header read asks for the 5
 * header bytes, or with read_ahead for as much as the buffer takes; the body
 * read asks for exactly the rest of the record. Bytes the buffer already
 * holds count first: a header already there is not read again (READ-04). */
struct take {
    struct model_conn c;
    int whole;       /* the record is in: it left the pipe, and is r */
    struct record r;
};

/*@ requires conn_ok(c) && valid_side(s);
    requires c.end[s].rbuf == 1 && c.end[s].data_left == 0 && c.end[s].held == HELD_NONE;
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures \result.whole != 0 ==> record_ok(\result.r) &&
              \result.c.pipe[1 - s].count == c.pipe[1 - s].count - 1;
    ensures \result.whole == 0 ==> \result.c.pipe[1 - s].count == c.pipe[1 - s].count &&
              \result.c.pipe[1 - s].head == c.pipe[1 - s].head &&
              \result.c.pipe[1 - s].rec[c.pipe[1 - s].head] == c.pipe[1 - s].rec[c.pipe[1 - s].head] &&
              \result.c.end[s].rwstate == RW_READING && \result.c.end[s].bioflag == BIOF_READ;
    ensures READ_04_exact: ahead == 0 && c.pipe[1 - s].taken == 0 ==>
      \result.c.pipe[1 - s].taken == 0 ||
      (\result.whole == 0 && \result.c.pipe[1 - s].taken < c.pipe[1 - s].rec[c.pipe[1 - s].head].wire);
    ensures READ_04_ahead: ahead != 0 && c.pipe[1 - s].count > 0 &&
      c.pipe[1 - s].taken < RECORD_HEADER &&
      c.pipe[1 - s].taken < c.pipe[1 - s].rec[c.pipe[1 - s].head].wire ==>
        \result.c.pipe[1 - s].fill == (c.pipe[1 - s].fill <= RBUF_ROOM - c.pipe[1 - s].taken ? 0 :
                                       c.pipe[1 - s].fill - (RBUF_ROOM - c.pipe[1 - s].taken));
    ensures READ_04_body: c.pipe[1 - s].count > 0 &&
      (ahead == 0 || c.pipe[1 - s].taken >= RECORD_HEADER) &&
      c.pipe[1 - s].taken < c.pipe[1 - s].rec[c.pipe[1 - s].head].wire ==>
        \result.c.pipe[1 - s].fill ==
          (c.pipe[1 - s].fill <= c.pipe[1 - s].rec[c.pipe[1 - s].head].wire - c.pipe[1 - s].taken ? 0 :
           c.pipe[1 - s].fill - (c.pipe[1 - s].rec[c.pipe[1 - s].head].wire - c.pipe[1 - s].taken));
    ensures \result.c.end[1 - s] == c.end[1 - s] && \result.c.pipe[s] == c.pipe[s];
    ensures \result.c.end[s].wnum == c.end[s].wnum && \result.c.end[s].pend_left == c.end[s].pend_left;
    ensures \result.c.end[s].hs_left == c.end[s].hs_left;
    ensures \result.c.end[s].dead == c.end[s].dead && \result.c.end[s].in_init == c.end[s].in_init;
    ensures \result.c.end[s].key_update == c.end[s].key_update;
    ensures \result.c.end[s].sent_shutdown == c.end[s].sent_shutdown;
    ensures \result.c.end[s].received_shutdown == c.end[s].received_shutdown;
    ensures \result.c.end[s].alert_dispatch == c.end[s].alert_dispatch;
    ensures \result.c.end[s].data_left == c.end[s].data_left && \result.c.end[s].held == c.end[s].held;
    ensures \result.c.end[s].rbuf == c.end[s].rbuf && \result.c.end[s].wbuf == c.end[s].wbuf;
    ensures \result.c.end[s].hello_req == c.end[s].hello_req;
    ensures \result.c.tls13 == c.tls13 && \result.c.shape == c.shape;
*/
static struct take take_record(struct model_conn c, int s, int ahead)
{
    struct take t;
    int from = 1 - s;
    t.whole = 0;
    t.r = c.pipe[from].rec[c.pipe[from].head];
    uint32_t taken = c.pipe[from].taken;
    if (c.pipe[from].count > 0 && taken < t.r.wire) {
        uint32_t want = ahead != 0 && taken < RECORD_HEADER ? RBUF_ROOM - taken
                                                             : t.r.wire - taken;
        uint32_t k = c.pipe[from].fill < want ? c.pipe[from].fill : want;
        c.pipe[from].fill -= k;
        taken += k;
        c.pipe[from].taken = taken;
    }
    if (c.pipe[from].count == 0 || taken < t.r.wire) {
        c.end[s].rwstate = RW_READING;
        c.end[s].bioflag = BIOF_READ;
        t.c = c;
        return t;
    }
    /* What is left is the start of the next records (read_ahead). */
    c.pipe[from].taken = taken - t.r.wire;
    c.pipe[from].head = (c.pipe[from].head + 1) % REC_MAX;
    c.pipe[from].count--;
    c.end[s].bioflag = BIOF_NONE;
    t.whole = 1;
    t.c = c;
    return t;
}

/* Returns plaintext of the current record. Once it is all returned the
 * record is consumed, a release point of the read buffer if it holds nothing
 * more (READ-02, READ-04). */
/*@ requires conn_ok(c) && valid_side(s) && 1 <= max && c.end[s].data_left > 0;
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures \result.c.end[s].wbuf == c.end[s].wbuf;
    ensures \result.c.end[s].data_left != 0 || c.pipe[1 - s].taken != 0 ==>
      \result.c.end[s].rbuf == 1;
    ensures \result.c.end[s].data_left == 0 && c.pipe[1 - s].taken == 0 ==>
      \result.c.end[s].rbuf == held_after_use(mode);
    ensures \result.r.ret == (max < c.end[s].data_left ? max : c.end[s].data_left);
    ensures \result.r.count == \result.r.ret && \result.r.err == ERRC_NONE;
    ensures \result.r.reason == REASON_NONE;
    ensures \result.r.src == c.end[s].data_src;
    ensures \result.c.end[s].data_left == c.end[s].data_left - \result.r.ret;
    ensures \result.c.pipe[0] == c.pipe[0] && \result.c.pipe[1] == c.pipe[1];
*/
static struct conn_step deliver(struct model_conn c, int s, uint32_t mode, uint32_t max)
{
    uint32_t n = max < c.end[s].data_left ? max : c.end[s].data_left;
    struct src from = c.end[s].data_src;
    c.end[s].data_left -= n;
    c.end[s].data_src.off += n;
    if (c.end[s].data_left == 0 && c.pipe[1 - s].taken == 0)
        c.end[s].rbuf = release_point(mode);
    struct conn_step st = done(c, s, (long) n, n, REASON_NONE);
    st.r.src = from;
    return st;
}

/* What ssl3_read_bytes ended with (in r.ret of its step). */
#define READ_DATA 0  /* application data to return (data_left > 0) */
#define READ_CLOSE 1 /* close_notify: returns 0 */
#define READ_WAIT 2  /* returns -1 (rwstate and the BIO flag say why; r.reason if fatal) */
#define READ_FATAL 3 /* application data while waiting for close_notify */

/* done(), for read_bytes (which returns no bytes itself): with whether a
 * message was processed, and what became of a HelloRequest (HR_*). */
/*@ requires valid_side(s) && (msg == 0 || msg == 1) && HR_NONE <= hr <= HR_ACCEPTED;
    assigns \nothing;
    ensures \result.c == c && \result.r.ret == ret && \result.r.reason == reason;
    ensures \result.r.msgs == msg && \result.r.ignored == hr;
*/
static struct conn_step ended(struct model_conn c, int s, int msg, int hr, long ret, int reason)
{
    struct conn_step st = done(c, s, ret, 0, reason);
    st.r.msgs = msg;
    st.r.ignored = hr;
    return st;
}

/* tls_process_hello_req without SSL_OP_NO_RENEGOTIATION (READ-05): the
 * client asks for an abbreviated renegotiation (s->renegotiate, which
 * SSL_renegotiate_pending returns). With nothing pending either way
 * (ssl3_renegotiate_check(s, 1)) it starts at once: the state machine writes
 * the ClientHello and reads for the ServerHello, which cannot have come yet,
 * so the read returns WANT_READ whatever AUTO_RETRY says. Both buffers reach
 * their release points: the write buffer once the message is out
 * (ssl3_write_bytes), the read buffer when the transport has nothing
 * (ssl3_read_n). The model takes only that case. A renegotiation that waits
 * for a pending record, a ClientHello the transport cannot take whole, and
 * records behind the HelloRequest are outside it (REASON_MODEL_RENEG, D11).
 * (TLS 1.3 has no HelloRequest, and KeyUpdate no TLS 1.2; the provers know
 * neither, hence two of the tests.) */
/*@ requires conn_ok(c) && valid_side(s) && c.end[s].in_init == 0 && c.end[s].dead == 0;
    requires c.end[s].data_left == 0 && c.end[s].held == HELD_NONE;
    assigns \nothing;
    ensures \result.r.reason == REASON_NONE || \result.r.reason == REASON_MODEL_RENEG;
    ensures \result.r.reason == REASON_MODEL_RENEG ==> \result.c == c;
    ensures \result.r.reason == REASON_NONE ==>
      conn_ok(\result.c) && c.tls13 == 0 && c.pipe[1 - s].taken == 0 &&
      \result.c.end[s].in_init == 1 && \result.c.end[s].hello_sent == 1 &&
      \result.c.end[s].reneg_pending == 1 && \result.c.end[s].hello_req == 0 &&
      \result.c.end[s].rwstate == RW_READING && \result.c.end[s].bioflag == BIOF_READ &&
      \result.c.end[s].rbuf == held_after_use(mode) &&
      \result.c.end[s].wbuf == \result.c.end[s].rbuf &&
      \result.c.end[s].held == HELD_NONE && \result.c.end[s].data_left == 0 &&
      \result.c.end[s].sent_shutdown == c.end[s].sent_shutdown &&
      \result.c.end[1 - s] == c.end[1 - s] && \result.c.pipe[1 - s] == c.pipe[1 - s] &&
      \result.c.pipe[s].count == c.pipe[s].count + 1;
    ensures READ_05_client_hello: \result.r.reason == REASON_NONE ==>
      \result.c.pipe[s].fill == c.pipe[s].fill +
        wire(c.shape, CLIENT_HELLO_PLAIN +
                      ((mode & MODE_SEND_FALLBACK_SCSV) != 0 ? CLIENT_HELLO_SCSV : 0));
*/
static struct conn_step accept_hello_request(struct model_conn c, int s, uint32_t mode)
{
    uint32_t plain = CLIENT_HELLO_PLAIN;
    if (mode & MODE_SEND_FALLBACK_SCSV)
        plain += CLIENT_HELLO_SCSV; /* ssl_cipher_list_to_bytes */
    if (c.tls13 || c.end[s].key_update != KU_NONE || c.end[s].pend_left != 0 ||
        c.pipe[1 - s].taken != 0 || c.pipe[1 - s].count != 0 || c.pipe[s].count == REC_MAX ||
        c.pipe[s].cap - c.pipe[s].fill < conn_wire(c.shape, plain))
        return done(c, s, -1, 0, REASON_MODEL_RENEG);
    struct record hello = make_record(c.shape, REC_CLIENT_HELLO, plain, internal(BUF_HANDSHAKE));
    c.pipe[s] = append_record(c.pipe[s], hello);
    c.pipe[s].fill += hello.wire;
    c.end[s].reneg_pending = 1; /* SSL_renegotiate_abbreviated */
    c.end[s].reneg = 0;         /* ssl3_renegotiate_check, as it starts */
    c.end[s].in_init = 1;
    c.end[s].hello_sent = 1;
    c.end[s].wbuf = release_point(mode);
    c.end[s].rbuf = c.end[s].wbuf;
    c.end[s].rwstate = RW_READING;
    c.end[s].bioflag = BIOF_READ;
    return done(c, s, -1, 0, REASON_NONE);
}

/* ssl3_read_bytes: records one by one until there is something to return.
 * for_data: SSL_read (application data wanted); else ssl3_shutdown's wait
 * for close_notify, where application data is fatal. refuse: the options
 * have SSL_OP_NO_RENEGOTIATION (READ-06). It allocates the read buffer first;
 * a read that finds nothing of a record frees it under RELEASE_BUFFERS, and
 * so does a post-handshake message once processed, when the buffer holds
 * nothing more (READ-02, READ-04). */
/*@ requires conn_ok(c) && valid_side(s) && c.end[s].in_init == 0 && c.end[s].dead == 0;
    requires flag(refuse);
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures \result.r.ret == READ_DATA || \result.r.ret == READ_CLOSE ||
            \result.r.ret == READ_WAIT || \result.r.ret == READ_FATAL;
    ensures \result.r.ret == READ_DATA ==> \result.c.end[s].data_left > 0 &&
                                           \result.c.end[s].in_init == 0;
    ensures \result.r.ret == READ_FATAL ==> \result.c.end[s].data_left > 0 && for_data == 0;
    ensures \result.r.ret == READ_CLOSE ==> \result.c.end[s].received_shutdown == 1;
    ensures \result.r.msgs == 0 || \result.r.msgs == 1;
    ensures \result.c.end[s].hello_req == 0;
    ensures HR_NONE <= \result.r.ignored <= HR_ACCEPTED;
    ensures READ_06_refused: \result.r.ignored == HR_REFUSED ==>
      refuse != 0 && c.end[s].sent_shutdown == 0 && \result.r.msgs != 0 &&
      \result.c.pipe[s].count > c.pipe[s].count;
    ensures READ_05_accepted: \result.r.ignored == HR_ACCEPTED ==>
      refuse == 0 && c.tls13 == 0 && c.end[s].sent_shutdown == 0 &&
      \result.r.ret == READ_WAIT && \result.r.reason == REASON_NONE &&
      \result.c.end[s].rwstate == RW_READING && \result.c.end[s].bioflag == BIOF_READ &&
      \result.c.end[s].in_init != 0 && \result.c.end[s].hello_sent != 0 &&
      \result.c.end[s].reneg_pending != 0;
    ensures READ_06_fatal: \result.r.reason == REASON_NO_RENEGOTIATION ==>
      \result.r.ret == READ_WAIT && \result.c.end[s].dead != 0;
    ensures READ_06_alert: \result.r.reason == REASON_ALERT_HANDSHAKE_FAILURE ==>
      \result.r.ret == READ_CLOSE && \result.c.end[s].dead != 0;
    ensures READ_05_ignored: \result.r.ignored == HR_DROPPED ==> c.end[s].sent_shutdown != 0 &&
      (!(mode & MODE_AUTO_RETRY) ==>
         \result.r.ret == READ_WAIT && \result.r.reason == REASON_NONE &&
         \result.c.end[s].rwstate == RW_READING && \result.c.end[s].bioflag == BIOF_READ);
    ensures READ_01_one_message: !(mode & MODE_AUTO_RETRY) && \result.r.msgs != 0 &&
      ahead == 0 && c.pipe[1 - s].taken == 0 ==>
      \result.r.ret == READ_WAIT && \result.r.reason == REASON_NONE &&
      \result.c.end[s].rwstate == RW_READING && \result.c.end[s].bioflag == BIOF_READ;
    ensures READ_04_exact: ahead == 0 && c.pipe[1 - s].taken == 0 ==>
      \result.c.pipe[1 - s].taken == 0 ||
      \result.c.pipe[1 - s].taken < \result.c.pipe[1 - s].rec[\result.c.pipe[1 - s].head].wire;
    ensures \result.c.end[1 - s].wnum == c.end[1 - s].wnum;
    ensures c.end[s].data_left > 0 ==>
      \result.r.ret == (for_data != 0 ? READ_DATA : READ_FATAL) &&
      \result.c.end[s].data_left == c.end[s].data_left &&
      \result.c.end[s].data_src == c.end[s].data_src &&
      \result.c.pipe[0] == c.pipe[0] && \result.c.pipe[1] == c.pipe[1];
    ensures (mode & MODE_RELEASE_BUFFERS) == 0 ==>
      \result.c.end[s].rbuf == 1 && \result.c.end[s].wbuf >= c.end[s].wbuf;
    ensures (mode & MODE_RELEASE_BUFFERS) != 0 && \result.r.ret == READ_WAIT &&
      \result.r.reason == REASON_NONE && \result.c.end[s].bioflag == BIOF_READ &&
      \result.c.pipe[1 - s].taken == 0 && \result.c.end[s].held == HELD_NONE &&
      (\result.r.ignored == 0 || (mode & MODE_AUTO_RETRY) != 0) ==> \result.c.end[s].rbuf == 0;
*/
static struct conn_step read_bytes(struct model_conn c, int s, uint32_t mode, int ahead,
                                   int refuse, int for_data)
{
    int msg = 0;     /* a post-handshake message processed (READ-01) */
    int hr = HR_NONE; /* a HelloRequest dropped (READ-05) or refused (READ-06) */
    c.end[s].rwstate = RW_NOTHING;
    c.end[s].rbuf = 1;
    /*@ loop invariant conn_ok(c) && c.tls13 == \at(c, Pre).tls13;
        loop invariant msg == 0 || msg == 1;
        loop invariant HR_NONE <= hr <= HR_REFUSED;
        loop invariant hr == HR_DROPPED ==> (mode & MODE_AUTO_RETRY) != 0 && c.end[s].sent_shutdown != 0;
        loop invariant c.pipe[s].count >= \at(c, Pre).pipe[s].count;
        loop invariant hr == HR_REFUSED ==> refuse != 0 && c.end[s].sent_shutdown == 0 && msg == 1 &&
          c.pipe[s].count > \at(c, Pre).pipe[s].count;
        loop invariant !(mode & MODE_AUTO_RETRY) && ahead == 0 &&
          \at(c, Pre).pipe[1 - s].taken == 0 ==> msg == 0;
        loop invariant ahead == 0 && \at(c, Pre).pipe[1 - s].taken == 0 ==>
          c.pipe[1 - s].taken == 0;
        loop invariant c.end[s].in_init == 0 || (c.end[s].held != 0 && c.end[s].dead == 0);
        loop invariant c.end[s].hello_sent == 0;
        loop invariant c.end[s].hello_req == 0 && c.end[s].sent_shutdown == \at(c, Pre).end[s].sent_shutdown;
        loop invariant c.end[s].dead == 0 || c.end[s].held != 0;
        loop invariant c.end[1 - s].wnum == \at(c, Pre).end[1 - s].wnum;
        loop invariant (mode & MODE_RELEASE_BUFFERS) == 0 ==>
          c.end[s].rbuf == 1 && c.end[s].wbuf >= \at(c, Pre).end[s].wbuf;
        loop invariant \at(c, Pre).end[s].data_left > 0 ==>
          c.end[s].data_left == \at(c, Pre).end[s].data_left &&
          c.end[s].data_src == \at(c, Pre).end[s].data_src &&
          c.pipe[0] == \at(c, Pre).pipe[0] && c.pipe[1] == \at(c, Pre).pipe[1];
        loop assigns c, msg, hr;
        loop variant 4 * c.pipe[1 - s].count + 2 * (c.end[s].held != 0 ? 1 : 0) +
                     (c.end[s].key_update != KU_NONE ? 1 : 0) +
                     (c.end[s].hs_left != 0 ? 1 : 0);
    */
    for (;;) {
        if (c.end[s].data_left > 0)
            return ended(c, s, msg, hr, for_data ? READ_DATA : READ_FATAL, REASON_NONE);
        if (c.end[s].held) {
            /* A post-handshake message: the state machine runs, writing
             * first; the message is processed only once nothing is left to
             * write. Either way the run counts for AUTO_RETRY. */
            if (c.end[s].hs_left != 0 || c.end[s].key_update != KU_NONE) {
                struct conn_step hs = statem_write(c, s, mode);
                c = hs.c;
                if (hs.r.reason != REASON_NONE || c.end[s].in_init)
                    return ended(c, s, msg, hr, READ_WAIT, hs.r.reason);
            } else {
                /* The machine starts from its end (ssl3_setup_buffers) and
                 * reads the message: its record is consumed. */
                c.end[s].wbuf = 1;
                if (c.end[s].held == HELD_KEY_UPDATE_REQUESTED) /* tls_process_key_update */
                    c.end[s].key_update = KU_NOT_REQUESTED;
                c.end[s].held = HELD_NONE; /* a ticket: tls_process_new_session_ticket */
                if (c.pipe[1 - s].taken == 0)
                    c.end[s].rbuf = release_point(mode);
                msg = 1;
                //@ assert conn_ok(c);
            }
            /* AUTO_RETRY cleared: report the run as WANT_READ, unless the
             * read buffer holds more (read_ahead, READ-04). */
            if (!(mode & MODE_AUTO_RETRY) && c.pipe[1 - s].taken == 0) {
                c.end[s].rwstate = RW_READING;
                c.end[s].bioflag = BIOF_READ;
                //@ assert conn_ok(c);
                return ended(c, s, msg, hr, READ_WAIT, REASON_NONE);
            }
            continue;
        }
        c.end[s].rbuf = 1; /* ssl3_read_n: a record is read into the buffer */
        struct take t = take_record(c, s, ahead);
        c = t.c;
        if (!t.whole) {
            /* ssl3_read_n: the transport gave nothing more; nothing of a
             * record is in the buffer: a release point */
            if (c.pipe[1 - s].taken == 0)
                c.end[s].rbuf = release_point(mode);
            //@ assert conn_ok(c);
            return ended(c, s, msg, hr, READ_WAIT, REASON_NONE);
        }
        if (t.r.type == REC_APP) {
            c.end[s].data_left = t.r.plain; /* returned at the top of the loop */
            c.end[s].data_src = t.r.src;
        } else if (t.r.type == REC_CLOSE) {
            c.end[s].received_shutdown = 1;
            //@ assert conn_ok(c);
            return ended(c, s, msg, hr, READ_CLOSE, REASON_NONE);
        } else if (t.r.type == REC_HELLO_REQ && c.end[s].sent_shutdown && !c.tls13) {
            /* TLS 1.2, close_notify sent: the message is dropped and,
             * without AUTO_RETRY, reported as WANT_READ whatever the buffer
             * holds (READ-05). */
            hr = HR_DROPPED;
            if (!(mode & MODE_AUTO_RETRY)) {
                c.end[s].rwstate = RW_READING;
                c.end[s].bioflag = BIOF_READ;
                return ended(c, s, msg, hr, READ_WAIT, REASON_NONE);
            }
        } else if (t.r.type == REC_HELLO_REQ && !refuse) {
            struct conn_step a = accept_hello_request(c, s, mode);
            if (a.r.reason != REASON_NONE)
                return ended(c, s, msg, hr, READ_WAIT, a.r.reason);
            return ended(a.c, s, 1, HR_ACCEPTED, READ_WAIT, REASON_NONE);
        } else if (t.r.type == REC_HELLO_REQ) {
            /* tls_process_hello_req: SSL_OP_NO_RENEGOTIATION refuses with a
             * warning alert, through the state machine's buffering BIO, so
             * the bytes the transport does not take are lost when the
             * machine ends (ssl_free_wbio_buffer); the model takes only a
             * refusal whose alert fits and goes out at once. Then, as after
             * any message, WANT_READ without AUTO_RETRY unless the buffer
             * holds more; the read buffer is kept (READ-06). The other
             * refusals are outside the model (D11). */
            if (c.tls13 || c.end[s].pend_left != 0 ||
                c.pipe[s].cap - c.pipe[s].fill < conn_wire(c.shape, ALERT_PLAIN))
                return ended(c, s, msg, hr, READ_WAIT, REASON_MODEL_RENEG);
            if (c.pipe[s].count == REC_MAX)
                return ended(c, s, msg, hr, READ_WAIT, REASON_MODEL_FULL);
            struct record alert = make_record(c.shape, REC_NO_RENEG, ALERT_PLAIN,
                                              internal(BUF_ALERT));
            c.pipe[s] = append_record(c.pipe[s], alert);
            c.pipe[s].fill += alert.wire;
            c.end[s].wbuf = 1; /* ssl3_setup_buffers, as the machine starts */
            msg = 1;
            hr = HR_REFUSED;
            if (!(mode & MODE_AUTO_RETRY) && c.pipe[1 - s].taken == 0) {
                c.end[s].rwstate = RW_READING;
                c.end[s].bioflag = BIOF_READ;
                //@ assert conn_ok(c);
                return ended(c, s, msg, hr, READ_WAIT, REASON_NONE);
            }
        } else if (t.r.type == REC_NO_RENEG) {
            /* A warning no_renegotiation answers our HelloRequest: fatal,
             * with a handshake_failure alert (READ-06). (TLS 1.3 takes every
             * alert but close_notify as fatal; no TLS 1.3 peer sends this
             * one, and the model leaves it out.) */
            if (c.tls13)
                return ended(c, s, msg, hr, READ_WAIT, REASON_MODEL_RENEG);
            if (c.pipe[s].count == REC_MAX)
                return ended(c, s, msg, hr, READ_WAIT, REASON_MODEL_FULL);
            c = fatal_alert(c, s);
            return ended(c, s, msg, hr, READ_WAIT, REASON_NO_RENEGOTIATION);
        } else if (t.r.type == REC_CLIENT_HELLO) {
            /* The server would answer a renegotiation: outside the model. */
            return ended(c, s, msg, hr, READ_WAIT, REASON_MODEL_RENEG);
        } else if (t.r.type == REC_FATAL) {
            /* A fatal alert: the reader is dead and counts the peer as
             * closed; it sends no alert (SSLfatal_data, SSL_AD_NO_ALERT). */
            c = fatal(c, s);
            c.end[s].received_shutdown = 1;
            //@ assert conn_ok(c);
            return ended(c, s, msg, hr, READ_CLOSE, REASON_ALERT_HANDSHAKE_FAILURE);
        } else {
            c.end[s].held = t.r.type == REC_TICKET ? HELD_TICKET
                            : t.r.requested       ? HELD_KEY_UPDATE_REQUESTED
                                                  : HELD_KEY_UPDATE;
        }
        //@ assert conn_ok(c);
    }
}

struct conn_step conn_read(struct model_conn c, int s, uint32_t mode, int ahead, int refuse,
                           uint32_t max)
{
    /* ssl_read_internal */
    if (c.end[s].received_shutdown) {
        c.end[s].rwstate = RW_NOTHING;
        return done(c, s, 0, 0, REASON_NONE);
    }
    /* ssl3_read_internal */
    c = renegotiate_check(c, s);
    /* ssl3_read_bytes: the read buffer, then the state machine if in init */
    c.end[s].rbuf = 1;
    if (c.end[s].in_init) {
        if (c.end[s].dead)
            return done(c, s, -1, 0, REASON_NONE);
        struct conn_step hs = statem_write(c, s, mode);
        c = hs.c;
        if (hs.r.reason != REASON_NONE || c.end[s].in_init)
            return done(c, s, -1, 0, hs.r.reason);
    }
    struct conn_step rb = read_bytes(c, s, mode, ahead, refuse, 1);
    struct conn_step st = rb.r.ret == READ_DATA
                              ? deliver(rb.c, s, mode, max)
                              : done(rb.c, s, rb.r.ret == READ_CLOSE ? 0 : -1, 0, rb.r.reason);
    st.r.msgs = rb.r.msgs;
    st.r.ignored = rb.r.ignored;
    return st;
}

/* --- SSL_renegotiate, SSL_key_update, SSL_shutdown ------------------------ */

struct conn_step conn_renegotiate(struct model_conn c, int s, int refuse)
{
    /* can_renegotiate (ssl/ssl_lib.c) */
    if (c.tls13)
        return done(c, s, 0, 0, REASON_WRONG_SSL_VERSION);
    if (refuse)
        return done(c, s, 0, 0, REASON_NO_RENEGOTIATION);
    c.end[s].reneg_pending = 1; /* SSL_renegotiate: s->renegotiate */
    c.end[s].reneg = 1;         /* ssl3_renegotiate: s->s3.renegotiate */
    return done(c, s, 1, 0, REASON_NONE);
}

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
 * different pending record (application data) makes it a bad write retry.
 * r.reason: REASON_NONE, REASON_BAD_WRITE_RETRY (fatal), REASON_MODEL_FULL. */
/*@ requires conn_ok(c) && valid_side(s);
    requires c.end[s].sent_shutdown != 0 && c.end[s].in_init == 0 && c.end[s].dead == 0;
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures \result.r.reason == REASON_NONE || \result.r.reason == REASON_MODEL_FULL ||
            (\result.r.reason == REASON_BAD_WRITE_RETRY && \result.c.end[s].dead != 0);
    ensures c.end[s].pend_left != 0 && c.end[s].pend_type == REC_APP ==>
              \result.r.reason == REASON_BAD_WRITE_RETRY;
    ensures \result.r.reason == REASON_NONE ==>
              (\result.c.end[s].alert_dispatch == 0 <==> \result.c.end[s].pend_left == 0);
    ensures \result.c.end[s].sent_shutdown == c.end[s].sent_shutdown;
    ensures \result.c.end[1 - s].wnum == c.end[1 - s].wnum;
    ensures \result.c.end[s].rbuf == c.end[s].rbuf && \result.c.end[s].wbuf >= c.end[s].wbuf;
*/
static struct conn_step dispatch_close(struct model_conn c, int s, uint32_t mode)
{
    if (c.end[s].pend_left != 0) {
        if (c.end[s].pend_tot > ALERT_PLAIN ||
            (!(mode & MODE_ACCEPT_MOVING_WRITE_BUFFER) &&
             (c.end[s].pend_ptr.buf != BUF_ALERT || c.end[s].pend_ptr.off != 0)) ||
            c.end[s].pend_type != REC_CLOSE)
            return done(fatal(c, s), s, -1, 0, REASON_BAD_WRITE_RETRY);
        c = push_pending(c, s);
    } else {
        if (c.pipe[s].count == REC_MAX)
            return done(c, s, -1, 0, REASON_MODEL_FULL);
        c = send_record(c, s, make_record(c.shape, REC_CLOSE, ALERT_PLAIN, internal(BUF_ALERT)),
                        internal(BUF_ALERT));
    }
    c.end[s].alert_dispatch = c.end[s].pend_left != 0;
    return done(c, s, 1, 0, REASON_NONE);
}

struct conn_step conn_shutdown(struct model_conn c, int s, uint32_t mode, int ahead)
{
    /* SSL_shutdown */
    if (c.end[s].in_init)
        return done(c, s, -1, 0, REASON_SHUTDOWN_WHILE_IN_INIT);
    /* ssl3_shutdown */
    if (!c.end[s].sent_shutdown) {
        c.end[s].sent_shutdown = 1;
        c.end[s].alert_dispatch = 1;
        /* ssl3_send_alert: dispatched at once unless a record is pending */
        if (c.end[s].pend_left != 0)
            return done(c, s, -1, 0, REASON_NONE);
        struct conn_step d = dispatch_close(c, s, mode);
        c = d.c;
        if (d.r.reason != REASON_NONE || c.end[s].alert_dispatch)
            return done(c, s, -1, 0, d.r.reason);
    } else if (c.end[s].alert_dispatch) {
        struct conn_step d = dispatch_close(c, s, mode);
        c = d.c;
        if (d.r.reason != REASON_NONE || c.end[s].alert_dispatch)
            return done(c, s, -1, 0, d.r.reason);
    } else if (!c.end[s].received_shutdown) {
        /* Wait for the peer's close_notify: application data now is fatal.
         * A HelloRequest is dropped before SSL_OP_NO_RENEGOTIATION counts
         * (close_notify is sent), hence refuse 0. A fatal alert ends the
         * wait as close_notify does, its reason queued (READ-06). */
        struct conn_step rb = read_bytes(c, s, mode, ahead, 0, 0);
        c = rb.c;
        if (rb.r.ret == READ_FATAL) {
            c.end[s].data_left = 0;
            return done(fatal(c, s), s, -1, 0, REASON_APP_DATA_AFTER_CLOSE_NOTIFY);
        }
        if (rb.r.ret != READ_CLOSE)
            return done(c, s, -1, 0, rb.r.reason);
        /* both flags set, no alert to send: 1, with the reason queued */
        return done(c, s, 1, 0, rb.r.reason);
    }
    int both = c.end[s].sent_shutdown && c.end[s].received_shutdown && !c.end[s].alert_dispatch;
    return done(c, s, both ? 1 : 0, 0, REASON_NONE);
}

/* --- SSL_free_buffers, SSL_alloc_buffers --------------------------------- */

struct conn_step conn_free_buffers(struct model_conn c, int s)
{
    /* RECORD_LAYER_read_pending, RECORD_LAYER_write_pending,
     * RECORD_LAYER_data_present */
    if (c.pipe[1 - s].taken != 0 || c.end[s].data_left != 0 || c.end[s].held != HELD_NONE ||
        c.end[s].pend_left != 0)
        return done(c, s, 0, 0, REASON_NONE);
    c.end[s].rbuf = 0; /* RECORD_LAYER_release */
    c.end[s].wbuf = 0;
    return done(c, s, 1, 0, REASON_NONE);
}

struct conn_step conn_alloc_buffers(struct model_conn c, int s)
{
    c.end[s].rbuf = 1; /* ssl3_setup_buffers */
    c.end[s].wbuf = 1;
    return done(c, s, 1, 0, REASON_NONE);
}

/* --- the invariant as a C check ----------------------------------------- */

/*@ assigns \nothing;
    ensures \result != 0 <==> record_ok(r);
*/
static int record_check(struct record r)
{
    return r.plain <= MSF_MAX && r.wire <= WIRE_MAX && r.wire >= 1 &&
           r.type >= REC_APP && r.type <= REC_CLIENT_HELLO &&
           (uint64_t) r.src.off + r.plain <= OFF_MAX;
}

/*@ assigns \nothing;
    ensures \result != 0 <==> pipe_ok(p);
*/
static int pipe_check(struct pipe p)
{
    if (p.cap < 1 || p.cap > CAP_MAX || p.fill > p.cap || p.head < 0 || p.head >= REC_MAX ||
        p.count < 0 || p.count > REC_MAX)
        return 0;
    if (p.taken > WIRE_MAX)
        return 0;
    /*@ loop invariant 0 <= i <= REC_MAX;
        loop invariant \forall integer k; 0 <= k < i ==> record_ok(p.rec[k]);
        loop assigns i;
        loop variant REC_MAX - i; */
    for (int i = 0; i < REC_MAX; i++)
        if (!record_check(p.rec[i]))
            return 0;
    return 1;
}

/*@ assigns \nothing;
    ensures \result != 0 <==> end_bounds(e);
*/
static int end_bounds_check(struct end e)
{
    return e.wnum <= WRITE_LEN_MAX && e.pend_tot <= MSF_MAX && e.pend_left <= WIRE_MAX &&
           e.hs_left <= WIRE_MAX && e.data_left <= MSF_MAX &&
           (uint64_t) e.data_src.off + e.data_left <= OFF_MAX &&
           e.frag.split >= MSF_MIN && e.frag.split <= e.frag.msf && e.frag.msf <= MSF_MAX &&
           (e.key_update == KU_NONE || e.key_update == KU_NOT_REQUESTED ||
            e.key_update == KU_REQUESTED) &&
           (e.in_init == 0 || e.in_init == 1) && (e.dead == 0 || e.dead == 1) &&
           (e.sent_shutdown == 0 || e.sent_shutdown == 1) &&
           (e.received_shutdown == 0 || e.received_shutdown == 1) &&
           (e.alert_dispatch == 0 || e.alert_dispatch == 1) &&
           (e.rwstate == RW_NOTHING || e.rwstate == RW_WRITING || e.rwstate == RW_READING) &&
           (e.bioflag == BIOF_NONE || e.bioflag == BIOF_READ || e.bioflag == BIOF_WRITE) &&
           (e.held == HELD_NONE || e.held == HELD_KEY_UPDATE ||
            e.held == HELD_KEY_UPDATE_REQUESTED || e.held == HELD_TICKET);
}

/*@ assigns \nothing;
    ensures \result != 0 <==> end_write_ok(e);
*/
static int end_write_check(struct end e)
{
    if (e.pend_left == 0)
        return e.wnum == 0 &&
               (e.in_init == 0 || e.dead != 0 || e.hs_left != 0 || e.key_update != KU_NONE ||
                e.hello_req != 0 || e.hello_sent != 0) &&
               (e.hs_left == 0 || (e.in_init != 0 && e.key_update == KU_NONE)) &&
               (e.dead == 0 || e.in_init != 0);
    return e.pend_tot >= 1 &&
           (e.pend_type == REC_APP ||
            (e.pend_type == REC_CLOSE && e.sent_shutdown != 0 && e.wnum == 0) ||
            (e.pend_type == REC_FATAL && e.dead != 0 && e.wnum == 0)) &&
           e.hs_left == 0 && (e.in_init == 0 || e.dead != 0) &&
           (e.dead == 0 || e.in_init != 0);
}

/*@ assigns \nothing;
    ensures \result != 0 <==> end_buffers_ok(e);
*/
static int end_buffers_check(struct end e)
{
    return (e.rbuf == 0 || e.rbuf == 1) && (e.wbuf == 0 || e.wbuf == 1) &&
           (e.data_left == 0 || e.rbuf != 0) && (e.held == 0 || e.rbuf != 0) &&
           (e.pend_left == 0 || e.wbuf != 0);
}

/*@ assigns \nothing;
    ensures \result != 0 <==> end_reneg_ok(e);
*/
static int end_reneg_check(struct end e)
{
    return (e.reneg_pending == 0 || e.reneg_pending == 1) && (e.reneg == 0 || e.reneg == 1) &&
           (e.hello_req == 0 ||
            (e.hello_req == 1 && e.in_init != 0 && e.dead == 0 && e.hs_left == 0 &&
             e.key_update == KU_NONE)) &&
           (e.hello_sent == 0 ||
            (e.hello_sent == 1 && e.in_init != 0 && e.dead == 0 && e.hs_left == 0 &&
             e.key_update == KU_NONE && e.hello_req == 0 && e.reneg_pending != 0));
}

/*@ assigns \nothing;
    ensures \result != 0 <==> end_ok(e);
*/
static int end_check(struct end e)
{
    return end_bounds_check(e) && end_write_check(e) && end_buffers_check(e) &&
           end_reneg_check(e) &&
           (e.data_left == 0 || e.held == 0);
}

int conn_check(struct model_conn c)
{
    if (!(c.shape.block == 1 || c.shape.block == 16) || c.shape.base < 16 ||
        c.shape.base > SHAPE_BASE_MAX || c.shape.shift > 32 || !(c.tls13 == 0 || c.tls13 == 1))
        return 0;
    /*@ loop invariant 0 <= s <= 2;
        loop invariant \forall integer k; 0 <= k < s ==>
          end_ok(c.end[k]) && pipe_ok(c.pipe[k]) &&
          (c.pipe[1 - k].taken != 0 ==> c.end[k].rbuf != 0);
        loop assigns s;
        loop variant 2 - s; */
    for (int s = 0; s < 2; s++) {
        if (!end_check(c.end[s]) || !pipe_check(c.pipe[s]))
            return 0;
        if (c.pipe[1 - s].taken != 0 && c.end[s].rbuf == 0)
            return 0;
    }
    return 1;
}
