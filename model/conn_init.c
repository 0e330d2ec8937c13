/* model/conn_init.c: the connection right after the handshake (conn_init): both SSLs, both
 * transports, the server's session tickets in flight (READ-01, READ-02).
 * Contracts: the API's in conn.h, the shared helpers' in conn_internal.h,
 * the others' here. Function by function this follows OpenSSL 3.0's code
 * (ssl/record/rec_layer_s3.c, ssl/ssl_lib.c, ssl/s3_lib.c, ssl/statem/). */
#include "conn_internal.h"

/* One side after its handshake: it read and wrote whole records last, so
 * each buffer went at its release point under RELEASE_BUFFERS (READ-02). */
/*@ requires valid_side(s) && frag_valid(p.frag[s]);
    assigns \nothing;
    ensures end_ok(\result);
    ensures \result.pend_left == 0 && \result.wnum == 0 && \result.hs_left == 0;
    ensures \result.in_init == 0 && \result.frag == p.frag[s];
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
    e.frag = p.frag[s];
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
