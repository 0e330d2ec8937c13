/* model/conn_read_record.c: one record of ssl3_read_bytes's loop (READ-nn,
 * spec/read.md): taking it out of the transport into the read buffer
 * (ssl3_get_record, ssl3_read_n; READ-04), then handling it by its type.
 * A file of its own so that WP proves it beside the loop (conn_read.c), not
 * after it (proofs/README.md, "Where the time goes").
 * Contracts: read_record's in conn_internal.h, take_record's here. Function
 * by function this follows OpenSSL 3.0's ssl/record/rec_layer_s3.c and
 * ssl/record/ssl3_record.c. */
#include "conn_internal.h"

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

/* Contract: conn_internal.h. */
struct conn_step read_record(struct model_conn c, int s, uint32_t mode, int ahead,
                              int refuse, int msg, int hr)
{
    c.end[s].rbuf = 1; /* ssl3_read_n: a record is read into the buffer */
    struct take t = take_record(c, s, ahead);
    c = t.c;
    if (!t.whole) {
        /* ssl3_read_n: the transport gave nothing more; nothing of a
         * record is in the buffer: a release point (READ-02) */
        if (c.pipe[1 - s].taken == 0)
            c.end[s].rbuf = release_point(mode);
        //@ assert conn_ok(c);
        return ended(c, s, msg, hr, READ_WAIT, REASON_NONE);
    }
    /* An if chain, not a switch: under a switch, WP left a goal of
     * 'assigns \nothing' unproved at a case's return (that a temporary of
     * another block is not allocated), which no prover closed. */
    if (t.r.type == REC_APP) { /* returned at the top of the loop */
        c.end[s].data_left = t.r.plain;
        c.end[s].data_src = t.r.src;
        //@ assert conn_ok(c);
        return ended(c, s, msg, hr, READ_MORE, REASON_NONE);
    }
    if (t.r.type == REC_CLOSE) {
        c.end[s].received_shutdown = 1;
        //@ assert conn_ok(c);
        return ended(c, s, msg, hr, READ_CLOSE, REASON_NONE);
    }
    if (t.r.type == REC_HELLO_REQ)
        return read_hello_request(c, s, mode, refuse, msg, hr);
    if (t.r.type == REC_NO_RENEG) {
        /* A warning no_renegotiation answers our HelloRequest: fatal, with a
         * handshake_failure alert (READ-06). (TLS 1.3 takes every alert but
         * close_notify as fatal; no TLS 1.3 peer sends this one, and the
         * model leaves it out.) */
        if (c.tls13)
            return ended(c, s, msg, hr, READ_WAIT, REASON_MODEL_RENEG);
        if (c.pipe[s].count == REC_MAX)
            return ended(c, s, msg, hr, READ_WAIT, REASON_MODEL_FULL);
        c = fatal_alert(c, s);
        return ended(c, s, msg, hr, READ_WAIT, REASON_NO_RENEGOTIATION);
    }
    if (t.r.type == REC_CLIENT_HELLO) /* the server would answer a renegotiation: outside the model */
        return ended(c, s, msg, hr, READ_WAIT, REASON_MODEL_RENEG);
    if (t.r.type == REC_FATAL) {
        /* A fatal alert: the reader is dead and counts the peer as closed;
         * it sends no alert (SSLfatal_data, SSL_AD_NO_ALERT; READ-06). */
        c = fatal(c, s);
        c.end[s].received_shutdown = 1;
        //@ assert conn_ok(c);
        return ended(c, s, msg, hr, READ_CLOSE, REASON_ALERT_HANDSHAKE_FAILURE);
    }
    /* REC_TICKET, REC_KEY_UPDATE: held until processed (read_held) */
    if (t.r.type == REC_TICKET)
        c.end[s].held = HELD_TICKET;
    else if (t.r.requested)
        c.end[s].held = HELD_KEY_UPDATE_REQUESTED;
    else
        c.end[s].held = HELD_KEY_UPDATE;
    //@ assert conn_ok(c);
    return ended(c, s, msg, hr, READ_MORE, REASON_NONE);
}
