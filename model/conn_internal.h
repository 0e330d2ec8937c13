/* model/conn_internal.h: the helpers of the connection model that more than
 * one model/conn_*.c file calls, with their contracts. WP proves each
 * definition against the contract here, and every caller uses the contract
 * only. Not part of the API: the fuzz harness calls conn.h alone. */
#ifndef SSLMODE_MODEL_CONN_INTERNAL_H
#define SSLMODE_MODEL_CONN_INTERNAL_H

#include "conn.h"

/* --- conn_records.c -------------------------------------------------------- */

/*@ assigns \nothing;
    ensures \result.buf == buf && \result.off == 0 && \result.ver == 0;
*/
struct src internal(int buf);

/* A record buffer at its release point: freed under RELEASE_BUFFERS, held
 * otherwise (READ-02). held_after_use is this, as logic. */
/*@ assigns \nothing;
    ensures \result == held_after_use(mode);
*/
int release_point(uint32_t mode);

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
struct model_conn push_pending(struct model_conn c, int s);

/* A record side s has made, on its way to the peer. */
/*@ requires pipe_ok(p) && p.count < REC_MAX && record_ok(r);
    assigns \nothing;
    ensures pipe_ok(\result) && \result.count == p.count + 1;
    ensures \result.cap == p.cap && \result.fill == p.fill && \result.taken == p.taken &&
            \result.head == p.head;
*/
struct pipe append_record(struct pipe p, struct record r);

/*@ requires shape_ok(sh) && plain <= MSF_MAX && src_ok(from, plain);
    requires REC_APP <= type <= REC_CLIENT_HELLO;
    assigns \nothing;
    ensures record_ok(\result) && \result.plain == plain && \result.type == type;
    ensures \result.src == from && \result.requested == 0 && \result.wire == wire(sh, plain);
*/
struct record make_record(struct shape sh, int type, uint32_t plain, struct src from);

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
struct model_conn send_record(struct model_conn c, int s, struct record r,
                              struct src ptr);

/* --- conn_result.c --------------------------------------------------------- */

/*@ requires valid_side(s);
    assigns \nothing;
    ensures \result.c == c && \result.r.ret == ret && \result.r.count == count;
    ensures \result.r.reason == reason;
    ensures ret > 0 ==> \result.r.err == ERRC_NONE;
    ensures ret <= 0 ==> \result.r.err == err_class(c.end[s], reason);
    ensures \result.r.src.buf == BUF_HANDSHAKE && \result.r.msgs == 0 && \result.r.ignored == 0;
*/
struct conn_step done(struct model_conn c, int s, long ret, uint32_t count, int reason);

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
    ensures \result.end[s].pend_ptr == c.end[s].pend_ptr;
    ensures \result.end[s].sent_shutdown == c.end[s].sent_shutdown;
    ensures \result.end[s].alert_dispatch == c.end[s].alert_dispatch;
    ensures \result.end[s].received_shutdown == c.end[s].received_shutdown;
    ensures \result.end[s].rwstate == c.end[s].rwstate && \result.end[s].bioflag == c.end[s].bioflag;
    ensures \result.end[s].key_update == c.end[s].key_update && \result.end[s].hs_left == c.end[s].hs_left;
    ensures \result.end[s].data_left == c.end[s].data_left && \result.end[s].held == c.end[s].held;
    ensures \result.end[s].rbuf == c.end[s].rbuf && \result.end[s].wbuf == c.end[s].wbuf;
    ensures \result.end[s].reneg == c.end[s].reneg && \result.end[s].data_src == c.end[s].data_src;
    ensures \result.end[s].frag == c.end[s].frag;
    ensures \result.tls13 == c.tls13 && \result.shape == c.shape;
*/
struct model_conn fatal(struct model_conn c, int s);

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
struct model_conn fatal_alert(struct model_conn c, int s);

/* --- conn_statem.c --------------------------------------------------------- */

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
    ensures \result.c.end[s].frag == c.end[s].frag;
    ensures \result.c.tls13 == c.tls13 && \result.c.shape == c.shape;
*/
struct conn_step statem_write(struct model_conn c, int s, uint32_t mode);

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
    ensures READ_05_starts: reneg_starts(c, s) ==>
        \result.end[s].reneg == 0 && \result.end[s].in_init == 1 &&
        \result.end[s].hello_req == 1;
    ensures READ_05_waits: !reneg_starts(c, s) ==> \result == c;
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
    ensures \result.end[s].frag == c.end[s].frag;
    ensures \result.tls13 == c.tls13 && \result.shape == c.shape;
*/
struct model_conn renegotiate_check(struct model_conn c, int s);

/* --- conn_read.c ----------------------------------------------------------- */

/* What ssl3_read_bytes ended with (in r.ret of its step). */
#define READ_DATA 0  /* application data to return (data_left > 0) */
#define READ_CLOSE 1 /* close_notify: returns 0 */
#define READ_WAIT 2  /* returns -1 (rwstate and the BIO flag say why; r.reason if fatal) */
#define READ_FATAL 3 /* application data while waiting for close_notify */
#define READ_MORE 4  /* a step of read_bytes's loop only: the loop goes on */

/* done(), for read_bytes (which returns no bytes itself): with whether a
 * message was processed, and what became of a HelloRequest (HR_*). */
/*@ requires valid_side(s) && (msg == 0 || msg == 1) && HR_NONE <= hr <= HR_ACCEPTED;
    assigns \nothing;
    ensures \result.c == c && \result.r.ret == ret && \result.r.reason == reason;
    ensures \result.r.msgs == msg && \result.r.ignored == hr;
*/
struct conn_step ended(struct model_conn c, int s, int msg, int hr, long ret, int reason);


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
struct conn_step read_bytes(struct model_conn c, int s, uint32_t mode, int ahead,
                            int refuse, int for_data);

/* --- conn_read_record.c ---------------------------------------------------- */

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
struct conn_step read_record(struct model_conn c, int s, uint32_t mode, int ahead,
                              int refuse, int msg, int hr);

/* --- conn_read_hello.c ----------------------------------------------------- */

/* A HelloRequest, one step of read_bytes's loop (its record just taken):
 * dropped once close_notify is sent (TLS 1.2, READ-05), else accepted
 * without SSL_OP_NO_RENEGOTIATION (READ-05), or refused with a warning alert
 * with it (READ-06). Returns READ_MORE when the loop goes on, else what
 * read_bytes returns; msg and hr are the loop's (a message processed, what
 * became of a HelloRequest), and come back in r.msgs and r.ignored. The
 * clauses are read_bytes's, for this step. */
/*@ requires conn_ok(c) && valid_side(s) && flag(refuse);
    requires c.end[s].in_init == 0 && c.end[s].dead == 0 && c.end[s].rbuf == 1;
    requires c.end[s].data_left == 0 && c.end[s].held == HELD_NONE;
    requires c.end[s].hello_req == 0 && c.end[s].hello_sent == 0;
    requires flag(msg) && HR_NONE <= hr <= HR_REFUSED;
    requires hr == HR_DROPPED ==> (mode & MODE_AUTO_RETRY) != 0 && c.end[s].sent_shutdown != 0;
    requires hr == HR_REFUSED ==> refuse != 0 && c.end[s].sent_shutdown == 0 && msg == 1;
    assigns \nothing;
    ensures conn_ok(\result.c) && \result.c.tls13 == c.tls13;
    ensures \result.r.ret == READ_MORE || \result.r.ret == READ_WAIT;
    ensures \result.r.msgs == msg || \result.r.msgs == 1;
    ensures \result.c.end[s].hello_req == 0;
    ensures HR_NONE <= \result.r.ignored <= HR_ACCEPTED;
    ensures \result.r.reason == REASON_NONE || \result.r.reason == REASON_MODEL_RENEG ||
            \result.r.reason == REASON_MODEL_FULL;
    ensures \result.r.ret == READ_MORE ==>
      \result.r.reason == REASON_NONE && \result.r.ignored <= HR_REFUSED &&
      \result.c.end[s].in_init == 0 && \result.c.end[s].dead == 0 &&
      \result.c.end[s].hello_sent == 0 && \result.c.end[s].held == HELD_NONE &&
      \result.c.end[s].key_update == c.end[s].key_update &&
      \result.c.end[s].hs_left == c.end[s].hs_left;
    ensures READ_06_refused: \result.r.ignored == HR_REFUSED ==>
      refuse != 0 && c.end[s].sent_shutdown == 0 && \result.r.msgs != 0 &&
      (hr == HR_REFUSED || \result.c.pipe[s].count > c.pipe[s].count);
    ensures READ_05_accepted: \result.r.ignored == HR_ACCEPTED ==>
      refuse == 0 && c.tls13 == 0 && c.end[s].sent_shutdown == 0 &&
      \result.r.ret == READ_WAIT && \result.r.reason == REASON_NONE &&
      \result.c.end[s].rwstate == RW_READING && \result.c.end[s].bioflag == BIOF_READ &&
      \result.c.end[s].in_init != 0 && \result.c.end[s].hello_sent != 0 &&
      \result.c.end[s].reneg_pending != 0;
    ensures READ_05_ignored: \result.r.ignored == HR_DROPPED ==> c.end[s].sent_shutdown != 0 &&
      (!(mode & MODE_AUTO_RETRY) ==>
         \result.r.ret == READ_WAIT && \result.r.reason == REASON_NONE &&
         \result.c.end[s].rwstate == RW_READING && \result.c.end[s].bioflag == BIOF_READ);
    ensures READ_01_one_message: !(mode & MODE_AUTO_RETRY) && c.pipe[1 - s].taken == 0 &&
      msg == 0 && \result.r.msgs != 0 ==>
      \result.r.ret == READ_WAIT && \result.r.reason == REASON_NONE &&
      \result.c.end[s].rwstate == RW_READING && \result.c.end[s].bioflag == BIOF_READ;
    ensures READ_01_04_goes_on: \result.r.reason == REASON_NONE && \result.r.ignored == HR_REFUSED ==>
      (\result.r.ret == READ_MORE <==>
         ((mode & MODE_AUTO_RETRY) != 0 || c.pipe[1 - s].taken != 0));
    ensures READ_05_dropped_goes_on: \result.r.ignored == HR_DROPPED &&
      \result.r.reason == REASON_NONE && (mode & MODE_AUTO_RETRY) != 0 ==>
        \result.r.ret == READ_MORE;
    ensures \result.c.end[1 - s] == c.end[1 - s] && \result.c.pipe[1 - s] == c.pipe[1 - s];
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
struct conn_step read_hello_request(struct model_conn c, int s, uint32_t mode, int refuse,
                                    int msg, int hr);

#endif
