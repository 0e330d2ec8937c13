/* model/conn_statem.c: the state machine's write phase (KeyUpdate, HelloRequest), the calls
 * that schedule them: SSL_key_update, SSL_renegotiate (READ-05), and the one
 * that runs it alone: SSL_do_handshake (WRITE-18).
 * Contracts: the API's in conn.h, the shared helpers' in conn_internal.h,
 * the others' here. Function by function this follows OpenSSL 3.0's code
 * (ssl/record/rec_layer_s3.c, ssl/ssl_lib.c, ssl/s3_lib.c, ssl/statem/). */
#include "conn_internal.h"

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
    ensures \result.end[s].data_src == c.end[s].data_src && \result.end[s].frag == c.end[s].frag;
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

/* Contract: conn_internal.h. */
struct conn_step statem_write(struct model_conn c, int s, uint32_t mode)
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

/* Contract: conn_internal.h. */
struct model_conn renegotiate_check(struct model_conn c, int s)
{
    if (c.end[s].reneg && c.pipe[1 - s].taken == 0 && c.end[s].pend_left == 0 &&
        !c.end[s].in_init && c.end[s].key_update == KU_NONE) {
        c.end[s].reneg = 0;
        c.end[s].in_init = 1; /* ossl_statem_set_renegotiate */
        c.end[s].hello_req = 1;
    }
    return c;
}

struct conn_step conn_renegotiate(struct model_conn c, int s, struct io_settings set)
{
    int refuse = set.no_reneg;
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

/* Contract: conn.h. SSL_do_handshake: ssl_renegotiate_check, then the state
 * machine if in init (state_machine: -1 at once in the error state). */
struct conn_step conn_do_handshake(struct model_conn c, int s, struct io_settings set)
{
    c = renegotiate_check(c, s);
    if (!c.end[s].in_init)
        return done(c, s, 1, 0, REASON_NONE);
    if (c.end[s].dead)
        return done(c, s, -1, 0, REASON_NONE);
    struct conn_step st = statem_write(c, s, set.mode);
    if (st.r.reason != REASON_NONE || st.c.end[s].in_init)
        return done(st.c, s, -1, 0, st.r.reason);
    return done(st.c, s, 1, 0, REASON_NONE);
}
