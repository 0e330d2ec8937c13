/* model/conn_shutdown.c: SSL_shutdown: close_notify out, and the wait for the peer's (WRITE-16).
 * Contracts: the API's in conn.h, the shared helpers' in conn_internal.h,
 * the others' here. Function by function this follows OpenSSL 3.0's code
 * (ssl/record/rec_layer_s3.c, ssl/ssl_lib.c, ssl/s3_lib.c, ssl/statem/). */
#include "conn_internal.h"

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

struct conn_step conn_shutdown(struct model_conn c, int s, struct io_settings set)
{
    uint32_t mode = set.mode;
    int ahead = set.read_ahead;
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
