/* model/conn_read.c: SSL_read: ssl3_read_bytes's loop over records (READ-nn, spec/read.md).
 * Contracts: the API's in conn.h, the shared helpers' in conn_internal.h,
 * the others' here. Function by function this follows OpenSSL 3.0's code
 * (ssl/record/rec_layer_s3.c, ssl/ssl_lib.c, ssl/s3_lib.c, ssl/statem/). */
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

/* Returns plaintext of the current record. Once it is all returned the
 * record is consumed, a release point of the read buffer if it holds nothing
 * more (READ-02, READ-04). SSL_peek returns the same bytes and leaves the
 * record as it is: nothing is consumed and nothing released (READ-09;
 * ssl3_read_bytes, `peek`). */
/*@ requires conn_ok(c) && valid_side(s) && 1 <= rd.max && flag(rd.peek);
    requires c.end[s].data_left > 0;
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures \result.c.end[s].wbuf == c.end[s].wbuf;
    ensures \result.c.end[s].data_left != 0 || c.pipe[1 - s].taken != 0 ==>
      \result.c.end[s].rbuf == 1;
    ensures \result.c.end[s].data_left == 0 && c.pipe[1 - s].taken == 0 ==>
      \result.c.end[s].rbuf == held_after_use(mode);
    ensures \result.r.ret == (rd.max < c.end[s].data_left ? rd.max : c.end[s].data_left);
    ensures \result.r.count == \result.r.ret && \result.r.err == ERRC_NONE;
    ensures \result.r.reason == REASON_NONE;
    ensures \result.r.src == c.end[s].data_src;
    ensures \result.c.end[s].data_left == c.end[s].data_left - (rd.peek != 0 ? 0 : \result.r.ret);
    ensures READ_09_peek: rd.peek != 0 ==>
      \result.c.end[s].data_src == c.end[s].data_src && \result.c.end[s].rbuf == 1;
    ensures \result.c.pipe[0] == c.pipe[0] && \result.c.pipe[1] == c.pipe[1];
*/
static struct conn_step deliver(struct model_conn c, int s, uint32_t mode, struct read_call rd)
{
    uint32_t n = rd.max < c.end[s].data_left ? rd.max : c.end[s].data_left;
    struct src from = c.end[s].data_src;
    if (!rd.peek) {
        c.end[s].data_left -= n;
        c.end[s].data_src.off += n;
        if (c.end[s].data_left == 0 && c.pipe[1 - s].taken == 0)
            c.end[s].rbuf = release_point(mode);
    }
    struct conn_step st = done(c, s, (long) n, n, REASON_NONE);
    st.r.src = from;
    return st;
}

/* Contract: conn_internal.h. */
struct conn_step ended(struct model_conn c, int s, int msg, int hr, long ret, int reason)
{
    struct conn_step st = done(c, s, ret, 0, reason);
    st.r.msgs = msg;
    st.r.ignored = hr;
    return st;
}

/* A post-handshake message held in the read buffer (KeyUpdate,
 * NewSessionTicket), one step of read_bytes's loop: the state machine runs,
 * writing first; the message is processed only once nothing is left to
 * write. Either way the run counts for AUTO_RETRY: without it, WANT_READ
 * unless the read buffer holds more (read_ahead, READ-04). Returns READ_MORE
 * when the loop goes on, else what read_bytes returns; msg and hr are the
 * loop's, and come back in r.msgs and r.ignored (READ-01). The clauses are
 * read_bytes's, for this step. */
/*@ requires conn_ok(c) && valid_side(s);
    requires c.end[s].held != HELD_NONE && c.end[s].dead == 0;
    requires c.end[s].hello_req == 0 && c.end[s].hello_sent == 0;
    requires flag(msg) && HR_NONE <= hr <= HR_REFUSED;
    assigns \nothing;
    ensures conn_ok(\result.c) && \result.c.tls13 == c.tls13;
    ensures \result.r.ret == READ_MORE || \result.r.ret == READ_WAIT;
    ensures \result.r.msgs == msg || \result.r.msgs == 1;
    ensures \result.r.ignored == hr;
    ensures \result.c.end[s].hello_req == 0;
    ensures \result.r.reason == REASON_NONE || \result.r.reason == REASON_MODEL_FULL ||
            \result.r.reason == REASON_BAD_LENGTH || \result.r.reason == REASON_BAD_WRITE_RETRY;
    ensures \result.r.ret == READ_MORE ==>
      \result.r.reason == REASON_NONE &&
      \result.c.end[s].in_init == 0 && \result.c.end[s].dead == 0 &&
      \result.c.end[s].hello_sent == 0 &&
      2 * (\result.c.end[s].held != 0 ? 1 : 0) + (\result.c.end[s].key_update != KU_NONE ? 1 : 0) +
        (\result.c.end[s].hs_left != 0 ? 1 : 0) <
      2 + (c.end[s].key_update != KU_NONE ? 1 : 0) + (c.end[s].hs_left != 0 ? 1 : 0);
    ensures READ_01_one_message: !(mode & MODE_AUTO_RETRY) && c.pipe[1 - s].taken == 0 &&
      msg == 0 && \result.r.msgs != 0 ==>
      \result.r.ret == READ_WAIT && \result.r.reason == REASON_NONE &&
      \result.c.end[s].rwstate == RW_READING && \result.c.end[s].bioflag == BIOF_READ;
    ensures \result.c.end[1 - s] == c.end[1 - s] && \result.c.pipe[1 - s] == c.pipe[1 - s];
    ensures \result.c.end[s].sent_shutdown == c.end[s].sent_shutdown;
    ensures \result.c.pipe[s].count >= c.pipe[s].count;
    ensures READ_02_kept: (mode & MODE_RELEASE_BUFFERS) == 0 ==>
      \result.c.end[s].rbuf == 1 && \result.c.end[s].wbuf >= c.end[s].wbuf;
    ensures READ_02_read_nothing: (mode & MODE_RELEASE_BUFFERS) != 0 &&
      \result.r.ret == READ_WAIT && \result.r.reason == REASON_NONE &&
      \result.c.end[s].bioflag == BIOF_READ && \result.c.pipe[1 - s].taken == 0 &&
      \result.c.end[s].held == HELD_NONE &&
      (hr == 0 || (mode & MODE_AUTO_RETRY) != 0) ==> \result.c.end[s].rbuf == 0;
*/
static struct conn_step read_held(struct model_conn c, int s, uint32_t mode, int msg, int hr)
{
    if (c.end[s].hs_left != 0 || c.end[s].key_update != KU_NONE) {
        struct conn_step hs = statem_write(c, s, mode);
        c = hs.c;
        if (hs.r.reason != REASON_NONE || c.end[s].in_init)
            return ended(c, s, msg, hr, READ_WAIT, hs.r.reason);
    } else {
        /* The machine starts from its end (ssl3_setup_buffers) and reads
         * the message: its record is consumed, a release point of the read
         * buffer if it holds nothing more (READ-02). */
        c.end[s].wbuf = 1;
        if (c.end[s].held == HELD_KEY_UPDATE_REQUESTED) /* tls_process_key_update */
            c.end[s].key_update = KU_NOT_REQUESTED;
        c.end[s].held = HELD_NONE; /* a ticket: tls_process_new_session_ticket */
        if (c.pipe[1 - s].taken == 0)
            c.end[s].rbuf = release_point(mode);
        msg = 1;
        //@ assert conn_ok(c);
    }
    /* AUTO_RETRY cleared: report the run as WANT_READ, unless the read
     * buffer holds more (read_ahead, READ-04). */
    if (!(mode & MODE_AUTO_RETRY) && c.pipe[1 - s].taken == 0) {
        c.end[s].rwstate = RW_READING;
        c.end[s].bioflag = BIOF_READ;
        //@ assert conn_ok(c);
        return ended(c, s, msg, hr, READ_WAIT, REASON_NONE);
    }
    return ended(c, s, msg, hr, READ_MORE, REASON_NONE);
}

/* The next record, one step of read_bytes's loop: taken out of the
 * transport (take_record), then handled by its type. Application data is
 * left for the top of the loop to return; close_notify and a fatal alert
 * end the read; a post-handshake message is held for read_held; a
 * HelloRequest goes to read_hello_request (conn_read_hello.c); a warning
 * no_renegotiation answers our HelloRequest (READ-06). Returns READ_MORE
 * when the loop goes on, else what read_bytes returns; msg and hr are the
 * loop's. The clauses are read_bytes's, for this step. */
/*@ requires conn_ok(c) && valid_side(s) && flag(refuse);
    requires c.end[s].in_init == 0 && c.end[s].dead == 0;
    requires c.end[s].data_left == 0 && c.end[s].held == HELD_NONE;
    requires c.end[s].hello_req == 0 && c.end[s].hello_sent == 0;
    requires flag(msg) && HR_NONE <= hr <= HR_REFUSED;
    requires hr == HR_DROPPED ==> (mode & MODE_AUTO_RETRY) != 0 && c.end[s].sent_shutdown != 0;
    requires hr == HR_REFUSED ==> refuse != 0 && c.end[s].sent_shutdown == 0 && msg == 1;
    assigns \nothing;
    ensures conn_ok(\result.c) && \result.c.tls13 == c.tls13;
    ensures \result.r.ret == READ_MORE || \result.r.ret == READ_CLOSE ||
            \result.r.ret == READ_WAIT;
    ensures \result.r.ret == READ_CLOSE ==> \result.c.end[s].received_shutdown == 1;
    ensures \result.r.msgs == msg || \result.r.msgs == 1;
    ensures \result.c.end[s].hello_req == 0;
    ensures HR_NONE <= \result.r.ignored <= HR_ACCEPTED;
    ensures \result.r.ret == READ_MORE ==>
      \result.r.ignored <= HR_REFUSED &&
      \result.c.end[s].in_init == 0 && \result.c.end[s].dead == 0 &&
      \result.c.end[s].hello_sent == 0 &&
      4 * \result.c.pipe[1 - s].count + 2 * (\result.c.end[s].held != 0 ? 1 : 0) +
        (\result.c.end[s].key_update != KU_NONE ? 1 : 0) +
        (\result.c.end[s].hs_left != 0 ? 1 : 0) <
      4 * c.pipe[1 - s].count + (c.end[s].key_update != KU_NONE ? 1 : 0) +
        (c.end[s].hs_left != 0 ? 1 : 0);
    ensures READ_06_refused: \result.r.ignored == HR_REFUSED ==>
      refuse != 0 && c.end[s].sent_shutdown == 0 && \result.r.msgs != 0 &&
      (hr == HR_REFUSED || \result.c.pipe[s].count > c.pipe[s].count);
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
    ensures READ_01_one_message: !(mode & MODE_AUTO_RETRY) && ahead == 0 &&
      c.pipe[1 - s].taken == 0 && msg == 0 && \result.r.msgs != 0 ==>
      \result.r.ret == READ_WAIT && \result.r.reason == REASON_NONE &&
      \result.c.end[s].rwstate == RW_READING && \result.c.end[s].bioflag == BIOF_READ;
    ensures READ_04_exact: ahead == 0 && c.pipe[1 - s].taken == 0 ==>
      \result.c.pipe[1 - s].taken == 0 ||
      (\result.r.ret != READ_MORE &&
       \result.c.pipe[1 - s].taken < \result.c.pipe[1 - s].rec[\result.c.pipe[1 - s].head].wire);
    ensures \result.c.end[1 - s] == c.end[1 - s];
    ensures \result.c.end[s].sent_shutdown == c.end[s].sent_shutdown;
    ensures \result.c.pipe[s].count >= c.pipe[s].count;
    ensures READ_02_kept: (mode & MODE_RELEASE_BUFFERS) == 0 ==>
      \result.c.end[s].rbuf == 1 && \result.c.end[s].wbuf >= c.end[s].wbuf;
    ensures READ_02_read_nothing: (mode & MODE_RELEASE_BUFFERS) != 0 &&
      \result.r.ret == READ_WAIT && \result.r.reason == REASON_NONE &&
      \result.c.end[s].bioflag == BIOF_READ && \result.c.pipe[1 - s].taken == 0 &&
      \result.c.end[s].held == HELD_NONE &&
      (\result.r.ignored == 0 || (mode & MODE_AUTO_RETRY) != 0) ==> \result.c.end[s].rbuf == 0;
*/
static struct conn_step read_record(struct model_conn c, int s, uint32_t mode, int ahead,
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

/* Contract: conn_internal.h. The loop keeps what the contract needs; each
 * step is read_held or read_record, whose contracts say the same for one
 * step. */
struct conn_step read_bytes(struct model_conn c, int s, uint32_t mode, int ahead,
                            int refuse, int for_data)
{
    int msg = 0;      /* a post-handshake message processed (READ-01) */
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
        struct conn_step st;
        if (c.end[s].held)
            st = read_held(c, s, mode, msg, hr);
        else
            st = read_record(c, s, mode, ahead, refuse, msg, hr);
        if (st.r.ret != READ_MORE)
            return st;
        c = st.c;
        msg = st.r.msgs;
        hr = st.r.ignored;
    }
}

struct conn_step conn_read(struct model_conn c, int s, struct io_settings set, struct read_call rd)
{
    uint32_t mode = set.mode;
    /* ssl_read_internal; ssl_peek_internal returns 0 the same way but leaves
     * rwstate as the last call left it, so SSL_get_error may still say what
     * that call waited for (READ-09) */
    if (c.end[s].received_shutdown) {
        if (!rd.peek)
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
    struct conn_step rb = read_bytes(c, s, mode, set.read_ahead, set.no_reneg, 1);
    struct conn_step st = rb.r.ret == READ_DATA
                              ? deliver(rb.c, s, mode, rd)
                              : done(rb.c, s, rb.r.ret == READ_CLOSE ? 0 : -1, 0, rb.r.reason);
    st.r.msgs = rb.r.msgs;
    st.r.ignored = rb.r.ignored;
    return st;
}
