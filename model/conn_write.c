/* model/conn_write.c: SSL_write: the write-retry rules (WRITE-nn, spec/write.md): the checks of
 * a retry, the pending record, the record loop.
 * Contracts: the API's in conn.h, the shared helpers' in conn_internal.h,
 * the others' here. Function by function this follows OpenSSL 3.0's code
 * (ssl/record/rec_layer_s3.c, ssl/ssl_lib.c, ssl/s3_lib.c, ssl/statem/). */
#include "conn_internal.h"

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
    ensures \result.c.pipe[s].count > c.pipe[s].count;
    ensures \result.r.err == ERRC_NONE ==>
      \result.r.count > tot && \result.r.ret == (w.ex != 0 ? 1 : \result.r.count) &&
      (!(mode & MODE_ENABLE_PARTIAL_WRITE) ==> \result.r.count == w.len);
    ensures \result.r.err != ERRC_NONE ==>
      \result.r.ret == write_fail(w.ex) && \result.r.err == ERRC_WANT_WRITE;
    ensures WRITE_04_one_record: \result.r.err == ERRC_NONE && (mode & MODE_ENABLE_PARTIAL_WRITE) ==>
      \result.r.count == tot + first_piece(w.len - tot, c.end[s].frag.split);
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
        loop invariant c.pipe[s].count >= \at(c, Pre).pipe[s].count;
        loop invariant c.end[1 - s] == \at(c, Pre).end[1 - s];
        loop invariant c.pipe[1 - s] == \at(c, Pre).pipe[1 - s];
        loop invariant c.end[s].rbuf == \at(c, Pre).end[s].rbuf;
        loop invariant c.end[s].frag == \at(c, Pre).end[s].frag;
        loop invariant tot != \at(tot, Pre) ==> !(mode & MODE_ENABLE_PARTIAL_WRITE);
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
    ensures WRITE_04_one_record: \result.r.err == ERRC_NONE && (mode & MODE_ENABLE_PARTIAL_WRITE) ==>
      \result.r.count == committed(c.end[s], tot) +
                          first_piece(w.len - committed(c.end[s], tot), c.end[s].frag.split);
    ensures \result.c.end[s].rbuf == c.end[s].rbuf;
    ensures (mode & MODE_RELEASE_BUFFERS) == 0 ==> \result.c.end[s].wbuf >= c.end[s].wbuf;
    ensures (mode & MODE_RELEASE_BUFFERS) != 0 &&
      \result.r.count == w.len && \result.r.ret == (w.ex != 0 ? 1 : w.len) ==>
        \result.c.end[s].wbuf == 0;
    ensures \result.r.err == ERRC_NONE && \result.r.count < w.len ==> \result.c.end[s].wbuf == 1;
    ensures WRITE_08_record_stays: c.end[s].pend_left != 0 &&
      \result.c.pipe[s].count == c.pipe[s].count ==> \result.c.end[s].pend_ptr == c.end[s].pend_ptr;
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

struct conn_step conn_write(struct model_conn c, int s, struct io_settings set, struct write_call w)
{
    uint32_t mode = set.mode;
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
