/* model/conn_read.c: SSL_read: ssl3_read_bytes's loop over records (READ-nn, spec/read.md);
 * taking a record and handling it by type is conn_read_record.c.
 * Contracts: the API's in conn.h, the shared helpers' in conn_internal.h,
 * the others' here. Function by function this follows OpenSSL 3.0's code
 * (ssl/record/rec_layer_s3.c, ssl/ssl_lib.c, ssl/s3_lib.c, ssl/statem/). */
#include "conn_internal.h"

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
    ensures READ_01_04_goes_on: \result.r.reason == REASON_NONE && \result.c.end[s].in_init == 0 ==>
      (\result.r.ret == READ_MORE <==>
         ((mode & MODE_AUTO_RETRY) != 0 || c.pipe[1 - s].taken != 0));
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

/* Contract: conn_internal.h. The loop keeps what the contract needs; each
 * step is read_held or read_record (conn_read_record.c), whose contracts say
 * the same for one step. */
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
