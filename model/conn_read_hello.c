/* model/conn_read_hello.c: a HelloRequest read by an SSL (READ-05, READ-06):
 * dropped once close_notify is sent, accepted (the client renegotiates), or
 * refused with a warning alert under SSL_OP_NO_RENEGOTIATION. One step of
 * read_bytes's loop (conn_read.c). Contracts: read_hello_request's in
 * conn_internal.h, accept_hello_request's here. Follows OpenSSL 3.0's
 * tls_process_hello_req (ssl/statem/statem_clnt.c) and ssl3_read_bytes. */
#include "conn_internal.h"

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
    ensures \result.c.tls13 == c.tls13;
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

/* Contract: conn_internal.h. */
struct conn_step read_hello_request(struct model_conn c, int s, uint32_t mode, int refuse,
                                    int msg, int hr)
{
    if (c.end[s].sent_shutdown && !c.tls13) {
        /* TLS 1.2, close_notify sent: the message is dropped and, without
         * AUTO_RETRY, reported as WANT_READ whatever the buffer holds
         * (READ-05). */
        if (!(mode & MODE_AUTO_RETRY)) {
            c.end[s].rwstate = RW_READING;
            c.end[s].bioflag = BIOF_READ;
            return ended(c, s, msg, HR_DROPPED, READ_WAIT, REASON_NONE);
        }
        return ended(c, s, msg, HR_DROPPED, READ_MORE, REASON_NONE);
    }
    if (!refuse) {
        struct conn_step a = accept_hello_request(c, s, mode);
        if (a.r.reason != REASON_NONE)
            return ended(c, s, msg, hr, READ_WAIT, a.r.reason);
        return ended(a.c, s, 1, HR_ACCEPTED, READ_WAIT, REASON_NONE);
    }
    /* tls_process_hello_req: SSL_OP_NO_RENEGOTIATION refuses with a
     * warning alert, through the state machine's buffering BIO, so the
     * bytes the transport does not take are lost when the machine ends
     * (ssl_free_wbio_buffer); the model takes only a refusal whose alert
     * fits and goes out at once. Then, as after any message, WANT_READ
     * without AUTO_RETRY unless the buffer holds more; the read buffer is
     * kept (READ-06). The other refusals are outside the model (D11). */
    if (c.tls13 || c.end[s].pend_left != 0 ||
        c.pipe[s].cap - c.pipe[s].fill < conn_wire(c.shape, ALERT_PLAIN))
        return ended(c, s, msg, hr, READ_WAIT, REASON_MODEL_RENEG);
    if (c.pipe[s].count == REC_MAX)
        return ended(c, s, msg, hr, READ_WAIT, REASON_MODEL_FULL);
    struct record alert = make_record(c.shape, REC_NO_RENEG, ALERT_PLAIN, internal(BUF_ALERT));
    c.pipe[s] = append_record(c.pipe[s], alert);
    c.pipe[s].fill += alert.wire;
    c.end[s].wbuf = 1; /* ssl3_setup_buffers, as the machine starts */
    if (!(mode & MODE_AUTO_RETRY) && c.pipe[1 - s].taken == 0) {
        c.end[s].rwstate = RW_READING;
        c.end[s].bioflag = BIOF_READ;
        //@ assert conn_ok(c);
        return ended(c, s, 1, HR_REFUSED, READ_WAIT, REASON_NONE);
    }
    //@ assert conn_ok(c);
    return ended(c, s, 1, HR_REFUSED, READ_MORE, REASON_NONE);
}
