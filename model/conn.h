/* model/conn.h: a connected client and server: what SSL_write, SSL_read,
 * SSL_key_update and SSL_shutdown return, and what travels between them.
 *
 * The two SSLs are joined by a transport of `cap` bytes each way (the BIO
 * pair). A write cuts its data into records, encrypts each one as it goes, and
 * pushes as much of the record as the transport takes; what does not fit stays
 * pending in the writer, and the rules for retrying a write while a record is
 * pending are the heart of this file (spec/write.md). A read takes the bytes of
 * one record out of the transport, or with read_ahead as many as its buffer
 * takes (READ-04), and returns the record's plaintext.
 *
 * Everything is a value: each call takes the connection and returns the
 * connection after it plus what the application sees (return value,
 * SSL_get_error class, error reason, where read bytes came from). The model
 * never looks at OpenSSL: the session parameters (transport capacity, record
 * shape, fragment sizes, version) are inputs, fixed at `connect`.
 *
 * Rules: spec/write.md (WRITE-nn) and spec/read.md (READ-nn); each contract
 * names the rules it states. Each SSL also holds, or not, its two record
 * buffers (READ-02, READ-03): which calls allocate and free them.
 */
#ifndef SSLMODE_MODEL_CONN_H
#define SSLMODE_MODEL_CONN_H

#include <stdint.h>
#include "frag.h"
#include "mode.h"

#define SIDE_CLIENT 0
#define SIDE_SERVER 1

/* Bounds the model keeps to (the harness stays within them):
 * transport capacity, write length, buffer offsets, record shape. */
#define CAP_MAX 1048576
#define WRITE_LEN_MAX 131072
#define OFF_MAX 2097152
#define SHAPE_BASE_MAX 128
#define WIRE_MAX 17000

/* Records one direction can hold between writer and reader: a ring. A write
 * makes at most WRITE_RECORDS_MAX records (one per MSF_MIN bytes, a remainder
 * and a KeyUpdate), so it needs that much room (`room`). KeyUpdate and
 * close_notify records made by other calls come one per call, or one per
 * KeyUpdate received; should the ring ever be full then, the call answers
 * REASON_MODEL_FULL, which no OpenSSL call does (the harness reports it as a
 * limit of the model). */
#define REC_MAX 512
#define WRITE_RECORDS_MAX (WRITE_LEN_MAX / MSF_MIN + 3)

/* What a record carries. */
#define REC_APP 0        /* application data */
#define REC_CLOSE 1      /* alert close_notify */
#define REC_KEY_UPDATE 2 /* TLS 1.3 KeyUpdate message */
#define REC_TICKET 3     /* TLS 1.3 NewSessionTicket message */
#define REC_HELLO_REQ 4  /* TLS 1.2 HelloRequest message (READ-05) */
#define REC_NO_RENEG 5   /* warning alert no_renegotiation (READ-06) */
#define REC_FATAL 6      /* fatal alert handshake_failure (READ-06) */
#define REC_CLIENT_HELLO 7 /* TLS 1.2 ClientHello of a renegotiation (READ-05) */

/* Session tickets the server sends after a TLS 1.3 handshake, and the
 * plaintext of one (the harness's suites: 217 to 233 bytes). */
#define TICKETS_MAX 8
#define TICKET_PLAIN_MAX 512

/* Plaintext bytes of the two non-data records: alert level and description;
 * KeyUpdate type, length (3) and request flag. */
#define ALERT_PLAIN 2
#define KEY_UPDATE_PLAIN 5
#define HELLO_REQ_PLAIN 4 /* HelloRequest: type and length (0), no body */
/* The ClientHello a client renegotiates with (TLS 1.2, the harness's session:
 * measured 330 bytes with every suite), and the two bytes TLS_FALLBACK_SCSV
 * adds to its cipher list under SEND_FALLBACK_SCSV (READ-05). */
#define CLIENT_HELLO_PLAIN 330
#define CLIENT_HELLO_SCSV 2

/* Bytes of the record buffers in OpenSSL 3.0 (ssl/record/ssl3_buffer.c,
 * ssl3_setup_read_buffer and ssl3_setup_write_buffer; no compression, one
 * pipeline): the read buffer is 16384 + 320 + 5 + 3; the write buffer is
 * max_send_fragment + 80 + 5 + 7 + 16, plus 92 for the empty fragment
 * (SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS is not set). The model keeps whether
 * each is held; the harness compares these sizes. */
#define RBUF_BYTES 16712
#define WBUF_EXTRA 200

/* READ-04: with read_ahead, a read that needs the header of the next record
 * asks the transport for as much as the read buffer takes from where the
 * record starts: the buffer's bytes less the 3 that align the payload
 * (ssl3_read_n: SSL3_ALIGN_PAYLOAD 8, a buffer on an 8-byte boundary). */
#define RECORD_HEADER 5
#define RBUF_ROOM (RBUF_BYTES - 3)

/* SSL_get_error classes and SSL_R_* reasons: OpenSSL's values
 * (fuzz/abi_check.c compares). */
#define ERRC_NONE 0
#define ERRC_SSL 1
#define ERRC_WANT_READ 2
#define ERRC_WANT_WRITE 3
#define ERRC_SYSCALL 5
#define ERRC_ZERO_RETURN 6

#define REASON_NONE 0
#define REASON_BAD_WRITE_RETRY 127
#define REASON_STILL_IN_INIT 121
#define REASON_PROTOCOL_IS_SHUTDOWN 207
#define REASON_WRONG_SSL_VERSION 266
#define REASON_BAD_LENGTH 271
#define REASON_APP_DATA_AFTER_CLOSE_NOTIFY 291
#define REASON_NO_RENEGOTIATION 339
#define REASON_SHUTDOWN_WHILE_IN_INIT 407
#define REASON_ALERT_HANDSHAKE_FAILURE 1040 /* SSL_AD_REASON_OFFSET + alert 40 */
#define REASON_MODEL_FULL (-1) /* not OpenSSL's: see REC_MAX */
#define REASON_MODEL_RENEG (-2) /* not OpenSSL's: a renegotiation step the
                                 * model leaves out (spec/divergences.md,
                                 * D11): a HelloRequest the reader would act
                                 * on while a record is pending either way,
                                 * or with no room for its answer in the
                                 * transport, or with more records behind
                                 * it; a ClientHello the server would read */

/* SSL_get_key_update_type. */
#define KU_NONE (-1)
#define KU_NOT_REQUESTED 0
#define KU_REQUESTED 1

/* SSL_want: what the last I/O call was waiting for. */
#define RW_NOTHING 1
#define RW_WRITING 2
#define RW_READING 3

/* The retry flag the last BIO_read or BIO_write left on an SSL's end of the
 * BIO pair (BIO_should_read / BIO_should_write). */
#define BIOF_NONE 0
#define BIOF_READ 1
#define BIOF_WRITE 2

/* Where plaintext comes from: a buffer of the harness (id >= 0), an offset
 * into it, and the version of its content when the record was encrypted.
 * OpenSSL's internal buffers have ids of their own, so that a pointer
 * comparison with an application buffer always fails. */
#define BUF_ALERT (-2)     /* s->s3.send_alert */
#define BUF_HANDSHAKE (-3) /* s->init_buf */

struct src {
    int buf;
    uint32_t off;
    uint32_t ver;
};

struct record {
    uint32_t wire;  /* bytes on the wire */
    uint32_t plain; /* plaintext bytes */
    int type;       /* REC_* */
    int requested;  /* REC_KEY_UPDATE: update_requested */
    struct src src; /* REC_APP: where the plaintext came from */
};

/* Bytes on the wire for m plaintext bytes: base + block * ((m + shift) / block).
 * AEAD ciphers have block 1 (a fixed overhead); CBC ciphers pad to the block. */
struct shape {
    uint32_t base;
    uint32_t block;
    uint32_t shift;
};

/* One direction: the records the writer has made and the reader has not
 * finished taking, oldest first (a ring of REC_MAX). */
struct pipe {
    uint32_t cap;   /* capacity of the transport */
    uint32_t fill;  /* bytes in the transport (BIO_ctrl_pending at the reader) */
    uint32_t taken; /* bytes the reader has in its buffer, from the start of
                     * the oldest record on: part of it, or with read_ahead
                     * more (READ-04) */
    int head;       /* index of the oldest record */
    int count;      /* records in the ring */
    struct record rec[REC_MAX];
};

/* One SSL of the pair. */
struct end {
    /* The write side (s->rlayer: wnum, wpend_*, wbuf.left). */
    uint32_t wnum;      /* bytes of the current request out before the last failure */
    uint32_t pend_tot;  /* plaintext bytes of the pending record (wpend_tot) */
    uint32_t pend_left; /* its bytes not yet in the transport; 0: nothing pending */
    int pend_type;      /* REC_* */
    struct src pend_ptr; /* wpend_buf: the buffer position the record was made from */
    struct frag frag;   /* max and split send fragment */
    int key_update;     /* KU_*: a KeyUpdate to make */
    uint32_t hs_left;   /* bytes of a KeyUpdate record made but not yet in the
                         * transport: the state machine writes handshake
                         * records through a buffering BIO, not the record
                         * layer's pending buffer */
    int in_init;        /* SSL_in_init: a KeyUpdate or HelloRequest to send, a
                         * renegotiation under way (hello_sent), or dead */
    int dead;           /* a fatal error happened (the state machine's error state) */
    int sent_shutdown, received_shutdown; /* SSL_get_shutdown */
    int alert_dispatch; /* close_notify made but not fully written */
    /* Renegotiation (TLS 1.2, READ-05): SSL_renegotiate was called
     * (s->renegotiate, SSL_renegotiate_pending), the HelloRequest waits for
     * a read or write with nothing pending (s->s3.renegotiate), the state
     * machine is to make it. */
    int reneg_pending;
    int reneg;
    int hello_req;
    int hello_sent;     /* a client that accepted a HelloRequest has sent its
                         * ClientHello and waits for the ServerHello: in init,
                         * where the model stops following it (D11) */
    int rwstate;        /* RW_* */
    int bioflag;        /* BIOF_* */
    /* The read side: plaintext of the last record not yet returned, and a
     * post-handshake message received but not yet processed (HELD_*): the
     * state machine writes before it reads, so a reply still to send goes
     * first and the message waits. */
    uint32_t data_left;
    struct src data_src;
    int held;
    /* The record buffers (READ-02): 1 while the SSL holds its read buffer
     * (s->rlayer.rbuf), its write buffer (s->rlayer.wbuf[0]). The write
     * buffer's size is fixed by frag.msf, which does not change once
     * connected (spec/divergences.md, D1). */
    int rbuf;
    int wbuf;
};

/* The post-handshake message an SSL has received and not yet processed. */
#define HELD_NONE 0
#define HELD_KEY_UPDATE 1           /* KeyUpdate, update_not_requested */
#define HELD_KEY_UPDATE_REQUESTED 2 /* KeyUpdate, update_requested */
#define HELD_TICKET 3               /* NewSessionTicket */

struct model_conn {
    int tls13;
    struct shape shape;
    struct end end[2];   /* SIDE_CLIENT, SIDE_SERVER */
    struct pipe pipe[2]; /* pipe[s] carries what side s writes */
};

/* What an I/O call returns to the application. */
struct io_result {
    long ret;       /* the return value (SSL_write, SSL_write_ex, ...) */
    int err;        /* SSL_get_error(ssl, ret): ERRC_* */
    int reason;     /* reason of the first error in the queue, REASON_NONE if empty */
    uint32_t count; /* bytes written or read (the _ex out-parameter) */
    struct src src; /* reads: where the bytes came from */
    int msgs;       /* reads: 1 if the call processed a post-handshake message
                     * (not an OpenSSL value: READ-01 is stated on it) */
    int ignored;    /* reads: HR_DROPPED if the call dropped a HelloRequest,
                     * HR_REFUSED if it refused one, HR_ACCEPTED if it
                     * renegotiates (not an OpenSSL value: READ-05 and
                     * READ-06 are stated on it) */
};

#define HR_NONE 0
#define HR_DROPPED 1 /* READ-05: close_notify sent, the HelloRequest dropped */
#define HR_REFUSED 2 /* READ-06: SSL_OP_NO_RENEGOTIATION, refused with an alert */
#define HR_ACCEPTED 3 /* READ-05: the client renegotiates: its ClientHello sent */

struct conn_step {
    struct model_conn c;
    struct io_result r;
};

/* The session parameters `connect` fixes. */
struct conn_params {
    int tls13;
    struct shape shape;
    uint32_t cap;
    struct frag frag[2];   /* each side's SSL's fragment sizes */
    uint32_t tickets;      /* NewSessionTickets the server sends (TLS 1.3) */
    uint32_t ticket_plain; /* plaintext bytes of one */
    uint32_t mode[2];      /* each side's mask during the handshake */
};

/* What an SSL's I/O calls run under: its mask and the two settings the read
 * path looks at (model/world.h keeps them per object: world_get_settings). */
struct io_settings {
    uint32_t mode;  /* SSL_get_mode */
    int read_ahead; /* SSL_get_read_ahead (READ-04) */
    int no_reneg;   /* SSL_OP_NO_RENEGOTIATION among its options (READ-06) */
};

/* One read call: at most `max` bytes; `peek` for SSL_peek, which returns
 * them without consuming them (READ-09). */
struct read_call {
    uint32_t max;
    int peek;
};

/* One write call: the buffer position, its content version, the length. */
struct write_call {
    struct src from;
    uint32_t len;
    int ex; /* SSL_write_ex rather than SSL_write */
};

#include "logic/conn.acsl"

/* WRITE-01: bytes on the wire of a record of m plaintext bytes. */
/*@ requires shape_ok(sh) && m <= MSF_MAX;
    assigns \nothing;
    ensures \result == wire(sh, m);
    ensures m < \result <= WIRE_MAX;
*/
uint32_t conn_wire(struct shape sh, uint32_t m);

/* The connection right after the handshake: nothing in flight but the
 * server's session tickets (READ-01). In TLS 1.3 the server writes them at
 * the end of its handshake, all into the transport: the handshake completes
 * only when they fit (spec/divergences.md, D9). TLS 1.2 sends none after the
 * handshake. Each side ends its handshake having fully read and fully
 * written records, so it holds both buffers, or none under RELEASE_BUFFERS
 * (READ-02). */
/*@ requires shape_ok(p.shape) && flag(p.tls13);
    requires frag_valid(p.frag[SIDE_CLIENT]) && frag_valid(p.frag[SIDE_SERVER]);
    requires 1 <= p.cap <= CAP_MAX;
    requires p.tickets <= TICKETS_MAX && p.ticket_plain <= TICKET_PLAIN_MAX;
    requires p.tickets == 0 || p.tls13 == 1;
    requires p.tickets * wire(p.shape, p.ticket_plain) <= p.cap;
    assigns \nothing;
    ensures conn_ok(\result);
    ensures \forall integer s; valid_side(s) ==>
      \result.pipe[s].cap == p.cap &&
      \result.end[s].pend_left == 0 && \result.end[s].wnum == 0 &&
      \result.end[s].in_init == 0 && \result.end[s].frag == p.frag[s];
    ensures \result.pipe[SIDE_CLIENT].count == 0;
    ensures READ_01_tickets: \result.pipe[SIDE_SERVER].count == p.tickets &&
      \result.pipe[SIDE_SERVER].fill == p.tickets * wire(p.shape, p.ticket_plain);
    ensures READ_02_handshake: \forall integer s; valid_side(s) ==>
      \result.end[s].rbuf == held_after_use(p.mode[s]) &&
      \result.end[s].wbuf == held_after_use(p.mode[s]);
*/
struct model_conn conn_init(struct conn_params p);

/* The invariant as a C check, proved equal to the predicate. */
/*@ assigns \nothing;
    ensures \result != 0 <==> conn_ok(c);
*/
int conn_check(struct model_conn c);

/* Whether side s has room for a write: the precondition of conn_write. */
/*@ requires valid_side(s);
    assigns \nothing;
    ensures \result != 0 <==> room(c, s);
*/
int conn_room(struct model_conn c, int s);

/* SSL_write / SSL_write_ex on side s, under its mask set.mode. Not on a client
 * in the middle of a renegotiation (D11). */
/*@ requires conn_ok(c) && valid_side(s) && room(c, s) && c.end[s].hello_sent == 0;
    requires w.len <= WRITE_LEN_MAX && w.from.buf >= 0 && src_ok(w.from, w.len) && flag(w.ex);
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures peer_untouched: \result.c.end[1 - s] == c.end[1 - s] &&
                            \result.c.pipe[1 - s] == c.pipe[1 - s];
    ensures WRITE_09_fatal: (\result.r.reason == REASON_BAD_LENGTH ||
                             \result.r.reason == REASON_BAD_WRITE_RETRY) ==>
                            \result.c.end[s].dead != 0;
    ensures WRITE_03_all_or_nothing:
      \result.r.err == ERRC_NONE && !(set.mode & MODE_ENABLE_PARTIAL_WRITE) ==>
        \result.r.count == w.len;
    ensures WRITE_04_a_new_record:
      \result.r.err == ERRC_NONE && \result.r.count < w.len ==>
        \result.r.count > committed(c.end[s], c.end[s].wnum);
    ensures WRITE_04_one_record:
      \result.r.err == ERRC_NONE && (set.mode & MODE_ENABLE_PARTIAL_WRITE) ==>
        \result.r.count == committed(c.end[s], c.end[s].wnum) +
          first_piece(w.len - committed(c.end[s], c.end[s].wnum), c.end[s].frag.split);
    ensures \result.r.count <= w.len;
    ensures \result.r.err == ERRC_NONE ==>
      \result.r.ret == (w.ex != 0 ? 1 : \result.r.count);
    ensures READ_02_kept: (set.mode & MODE_RELEASE_BUFFERS) == 0 ==>
      \result.c.end[s].rbuf >= c.end[s].rbuf && \result.c.end[s].wbuf >= c.end[s].wbuf;
    ensures READ_02_write_done: (set.mode & MODE_RELEASE_BUFFERS) != 0 &&
      \result.r.count == w.len && \result.r.ret == (w.ex != 0 ? 1 : w.len) ==>
        \result.c.end[s].wbuf == 0;
    ensures READ_02_write_partial: \result.r.err == ERRC_NONE && \result.r.count < w.len ==>
      \result.c.end[s].wbuf == 1;
    behavior WRITE_16_shutdown_sent:
      assumes c.end[s].sent_shutdown != 0;
      ensures \result.r.ret == write_fail(w.ex);
      ensures \result.r.reason == REASON_PROTOCOL_IS_SHUTDOWN && \result.r.err == ERRC_SSL;
      ensures \result.c.pipe[s] == c.pipe[s];
    behavior WRITE_06_too_short:
      assumes c.end[s].sent_shutdown == 0;
      assumes w.len < c.end[s].wnum ||
              (c.end[s].pend_left != 0 && w.len - c.end[s].wnum < c.end[s].pend_tot);
      ensures \result.r.ret == write_fail(w.ex);
      ensures \result.r.reason == REASON_BAD_LENGTH && \result.r.err == ERRC_SSL;
      ensures \result.c.end[s].dead != 0 && \result.c.end[s].wnum == c.end[s].wnum;
      ensures \result.c.pipe[s] == c.pipe[s];
    behavior WRITE_09_dead:
      assumes c.end[s].sent_shutdown == 0;
      assumes !(w.len < c.end[s].wnum ||
                (c.end[s].pend_left != 0 && w.len - c.end[s].wnum < c.end[s].pend_tot));
      assumes c.end[s].dead != 0;
      ensures \result.r.ret == write_fail(w.ex) && \result.r.reason == REASON_NONE;
      ensures \result.r.err == (c.end[s].received_shutdown != 0 ? ERRC_ZERO_RETURN
                                                                  : ERRC_SYSCALL);
      ensures \result.c.end[s].wnum == 0;
      ensures \result.c.pipe[s] == c.pipe[s];
    behavior WRITE_07_moved:
      assumes c.end[s].sent_shutdown == 0 && c.end[s].dead == 0;
      assumes !(w.len < c.end[s].wnum ||
                (c.end[s].pend_left != 0 && w.len - c.end[s].wnum < c.end[s].pend_tot));
      assumes c.end[s].pend_left != 0 && !(set.mode & MODE_ACCEPT_MOVING_WRITE_BUFFER);
      assumes c.end[s].pend_ptr.buf != w.from.buf ||
              c.end[s].pend_ptr.off != w.from.off + c.end[s].wnum;
      ensures \result.r.ret == write_fail(w.ex);
      ensures \result.r.reason == REASON_BAD_WRITE_RETRY && \result.r.err == ERRC_SSL;
      ensures \result.c.end[s].dead != 0 && \result.c.end[s].wnum == c.end[s].wnum;
      ensures \result.c.pipe[s] == c.pipe[s];
    behavior WRITE_02_08_goes_on:
      assumes c.end[s].sent_shutdown == 0 && c.end[s].dead == 0;
      assumes !(w.len < c.end[s].wnum ||
                (c.end[s].pend_left != 0 && w.len - c.end[s].wnum < c.end[s].pend_tot));
      assumes !(c.end[s].pend_left != 0 && !(set.mode & MODE_ACCEPT_MOVING_WRITE_BUFFER) &&
                (c.end[s].pend_ptr.buf != w.from.buf ||
                 c.end[s].pend_ptr.off != w.from.off + c.end[s].wnum));
      ensures \result.r.reason == REASON_NONE;
      ensures \result.c.end[s].dead == 0;
    complete behaviors;
    disjoint behaviors;
*/
struct conn_step conn_write(struct model_conn c, int s, struct io_settings set, struct write_call w);

/* SSL_read on side s (at most rd.max bytes), or SSL_peek (rd.peek: READ-09,
 * the same call but that the bytes stay to be read again), under its mask
 * and settings `set`. Not on a client in the middle of a renegotiation (D11). */
/*@ requires conn_ok(c) && valid_side(s) && 1 <= rd.max && io_settings_ok(set) && flag(rd.peek);
    requires c.end[s].hello_sent == 0;
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures WRITE_13_one_record: \result.r.ret <= rd.max && \result.r.ret <= MSF_MAX;
    ensures \result.r.ret > 0 ==> \result.r.count == \result.r.ret &&
                                  \result.r.err == ERRC_NONE;
    ensures READ_01_one_message: !(set.mode & MODE_AUTO_RETRY) && \result.r.msgs != 0 &&
      set.read_ahead == 0 && c.pipe[1 - s].taken == 0 ==>
        \result.r.ret == -1 && \result.r.err == ERRC_WANT_READ;
    ensures READ_04_exact: set.read_ahead == 0 && c.pipe[1 - s].taken == 0 ==>
      \result.c.pipe[1 - s].taken == 0 ||
      \result.c.pipe[1 - s].taken < \result.c.pipe[1 - s].rec[\result.c.pipe[1 - s].head].wire;
    ensures READ_02_kept: (set.mode & MODE_RELEASE_BUFFERS) == 0 ==>
      \result.c.end[s].rbuf >= c.end[s].rbuf && \result.c.end[s].wbuf >= c.end[s].wbuf;
    ensures READ_02_read_done: (set.mode & MODE_RELEASE_BUFFERS) != 0 && \result.r.ret > 0 &&
      rd.peek == 0 &&
      \result.c.end[s].data_left == 0 && \result.c.pipe[1 - s].taken == 0 ==>
        \result.c.end[s].rbuf == 0;
    ensures READ_02_read_nothing: (set.mode & MODE_RELEASE_BUFFERS) != 0 && c.end[s].dead == 0 &&
      \result.r.ret == -1 && \result.r.err == ERRC_WANT_READ &&
      \result.c.pipe[1 - s].taken == 0 && \result.c.end[s].held == HELD_NONE &&
      (\result.r.ignored == 0 || (set.mode & MODE_AUTO_RETRY) != 0) ==> \result.c.end[s].rbuf == 0;
    ensures READ_05_ignored: \result.r.ignored == HR_DROPPED ==> c.end[s].sent_shutdown != 0 &&
      (!(set.mode & MODE_AUTO_RETRY) ==> \result.r.ret == -1 && \result.r.err == ERRC_WANT_READ);
    ensures READ_06_refused: \result.r.ignored == HR_REFUSED ==>
      set.no_reneg != 0 && \result.r.msgs != 0;
    ensures READ_05_accepted: \result.r.ignored == HR_ACCEPTED ==>
      set.no_reneg == 0 && c.tls13 == 0 &&
      \result.r.ret == -1 && \result.r.err == ERRC_WANT_READ &&
      \result.c.end[s].in_init != 0 && \result.c.end[s].hello_sent != 0 &&
      \result.c.end[s].reneg_pending != 0;
    ensures READ_06_fatal: \result.r.reason == REASON_NO_RENEGOTIATION ==>
      \result.r.ret == -1 && \result.r.err == ERRC_SSL && \result.c.end[s].dead != 0;
    ensures READ_06_alert: \result.r.reason == REASON_ALERT_HANDSHAKE_FAILURE ==>
      \result.r.ret == 0 && \result.r.err == ERRC_SSL && \result.c.end[s].dead != 0 &&
      \result.c.end[s].received_shutdown != 0;
    ensures READ_09_peek: rd.peek != 0 && \result.r.ret > 0 ==>
      \result.c.end[s].data_left >= \result.r.ret &&
      \result.c.end[s].data_src == \result.r.src && \result.c.end[s].rbuf == 1;
    behavior WRITE_14_closed:
      assumes c.end[s].received_shutdown != 0;
      ensures \result.r.ret == 0;
      ensures rd.peek == 0 ==> \result.r.err == ERRC_ZERO_RETURN;
      ensures READ_09_peek_closed: rd.peek != 0 ==>
        \result.c == c && \result.r.err == err_class(c.end[s], REASON_NONE);
      ensures \result.c.pipe[0] == c.pipe[0] && \result.c.pipe[1] == c.pipe[1];
    behavior WRITE_09_dead:
      assumes c.end[s].received_shutdown == 0 && c.end[s].dead != 0;
      ensures \result.r.ret == -1 && \result.r.reason == REASON_NONE;
      ensures \result.c.pipe[0] == c.pipe[0] && \result.c.pipe[1] == c.pipe[1];
    behavior WRITE_13_buffered:
      assumes c.end[s].received_shutdown == 0 && c.end[s].in_init == 0;
      assumes c.end[s].data_left > 0;
      ensures c.end[s].reneg == 0 ==>
        \result.r.ret == (rd.max < c.end[s].data_left ? rd.max : c.end[s].data_left) &&
        \result.r.src == c.end[s].data_src &&
        \result.c.end[s].data_left == c.end[s].data_left - (rd.peek != 0 ? 0 : \result.r.ret);
      ensures c.end[s].reneg == 0 ==> \result.c.pipe[s] == c.pipe[s];
      // READ-05: a HelloRequest may go out first, even with plaintext buffered
      ensures \result.c.pipe[1 - s] == c.pipe[1 - s];
    behavior other:
      assumes c.end[s].received_shutdown == 0 && c.end[s].dead == 0;
      assumes !(c.end[s].in_init == 0 && c.end[s].data_left > 0);
    complete behaviors;
    disjoint behaviors;
*/
struct conn_step conn_read(struct model_conn c, int s, struct io_settings set, struct read_call rd);

/* READ-05: SSL_renegotiate on side s, set.no_reneg saying whether its options
 * have SSL_OP_NO_RENEGOTIATION. TLS 1.3 refuses it (0, WRONG_SSL_VERSION),
 * and so does the option (0, NO_RENEGOTIATION; READ-06). Otherwise it
 * returns 1 and only marks the request: the server's HelloRequest goes out
 * with its next SSL_read or SSL_write that finds nothing pending either way
 * (renegotiate_check in conn.c). A client's request (a ClientHello) is
 * outside the model (spec/divergences.md, D11), hence the precondition. */
/*@ requires conn_ok(c) && valid_side(s) && io_settings_ok(set);
    requires s == SIDE_SERVER || c.tls13 != 0 || set.no_reneg != 0;
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures \result.c.pipe[0] == c.pipe[0] && \result.c.pipe[1] == c.pipe[1];
    ensures \result.c.end[1 - s] == c.end[1 - s];
    ensures \result.c.end[s].in_init == c.end[s].in_init;
    behavior tls13:
      assumes c.tls13 != 0;
      ensures \result.r.ret == 0 && \result.r.reason == REASON_WRONG_SSL_VERSION;
      ensures \result.c == c;
    behavior READ_06_option:
      assumes c.tls13 == 0 && set.no_reneg != 0;
      ensures \result.r.ret == 0 && \result.r.reason == REASON_NO_RENEGOTIATION;
      ensures \result.c == c;
    behavior READ_05_requested:
      assumes c.tls13 == 0 && set.no_reneg == 0;
      ensures \result.r.ret == 1;
      ensures \result.c.end[s].reneg_pending == 1 && \result.c.end[s].reneg == 1;
    complete behaviors;
    disjoint behaviors;
*/
struct conn_step conn_renegotiate(struct model_conn c, int s, struct io_settings set);

/* WRITE-15: SSL_key_update(ssl, requested ? REQUESTED : NOT_REQUESTED). */
/*@ requires conn_ok(c) && valid_side(s) && flag(requested);
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures \result.c.pipe[0] == c.pipe[0] && \result.c.pipe[1] == c.pipe[1];
    ensures \result.c.end[s].dead == c.end[s].dead; // never fatal
    behavior tls12:
      assumes c.tls13 == 0;
      ensures \result.r.ret == 0 && \result.r.reason == REASON_WRONG_SSL_VERSION;
    behavior in_init:
      assumes c.tls13 != 0 && c.end[s].in_init != 0;
      ensures \result.r.ret == 0 && \result.r.reason == REASON_STILL_IN_INIT;
    behavior WRITE_15_write_pending:
      assumes c.tls13 != 0 && c.end[s].in_init == 0 && c.end[s].pend_left != 0;
      ensures \result.r.ret == 0 && \result.r.reason == REASON_BAD_WRITE_RETRY;
      ensures \result.c.end[s].key_update == c.end[s].key_update; // nothing scheduled
    behavior scheduled:
      assumes c.tls13 != 0 && c.end[s].in_init == 0 && c.end[s].pend_left == 0;
      ensures \result.r.ret == 1 && \result.c.end[s].in_init == 1;
      ensures \result.c.end[s].key_update == (requested ? KU_REQUESTED : KU_NOT_REQUESTED);
    complete behaviors;
    disjoint behaviors;
*/
struct conn_step conn_key_update(struct model_conn c, int s, int requested);

/* WRITE-18: SSL_do_handshake on a connected SSL (ssl/ssl_lib.c). It starts a
 * renegotiation asked for (ssl3_renegotiate_check, READ-05), then runs the
 * state machine only if the SSL is in init: a KeyUpdate that SSL_key_update
 * scheduled, a HelloRequest, or the flush of one the transport did not take
 * whole. Not in init it returns 1 and does nothing else: a KeyUpdate that a
 * peer's request scheduled waits for the next write (ssl3_write_bytes puts
 * the SSL in init, SSL_do_handshake does not). A dead SSL returns -1 at once
 * (state_machine refuses MSG_FLOW_ERROR before clearing anything), so
 * SSL_get_error reports the last call's wait (WRITE-17). Not on a client in
 * the middle of a renegotiation (D11). */
/*@ requires conn_ok(c) && valid_side(s) && c.end[s].hello_sent == 0;
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures peer_untouched: \result.c.end[1 - s] == c.end[1 - s] &&
                            \result.c.pipe[1 - s] == c.pipe[1 - s];
    ensures \result.r.ret == 1 || \result.r.ret == -1;
    ensures \result.r.count == 0;
    ensures READ_02_kept: (set.mode & MODE_RELEASE_BUFFERS) == 0 ==>
      \result.c.end[s].rbuf >= c.end[s].rbuf && \result.c.end[s].wbuf >= c.end[s].wbuf;
    behavior WRITE_18_nothing_to_do:
      assumes c.end[s].in_init == 0 && !reneg_starts(c, s);
      ensures \result.r.ret == 1 && \result.r.err == ERRC_NONE && \result.c == c;
    behavior WRITE_18_dead:
      assumes c.end[s].dead != 0;
      ensures \result.r.ret == -1 && \result.r.reason == REASON_NONE && \result.c == c;
    behavior WRITE_18_runs:
      assumes (c.end[s].in_init != 0 || reneg_starts(c, s)) && c.end[s].dead == 0;
      ensures \result.r.ret == 1 <==>
        \result.r.reason == REASON_NONE && \result.c.end[s].in_init == 0;
      ensures \result.r.ret == 1 ==> \result.c.end[s].key_update == KU_NONE &&
        \result.c.end[s].hello_req == 0 && \result.c.end[s].hs_left == 0;
      ensures \result.r.ret == -1 && \result.r.reason == REASON_NONE ==>
        \result.r.err == ERRC_WANT_WRITE && \result.c.end[s].hs_left != 0;
      ensures \result.c.end[s].wnum == c.end[s].wnum &&
        \result.c.end[s].pend_left == c.end[s].pend_left;
    complete behaviors;
    disjoint behaviors;
*/
struct conn_step conn_do_handshake(struct model_conn c, int s, struct io_settings set);

/* WRITE-16: SSL_shutdown on side s (its wait for close_notify reads as
 * SSL_read does, with its read_ahead). */
/*@ requires conn_ok(c) && valid_side(s) && io_settings_ok(set);
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures \result.c.end[1 - s].wnum == c.end[1 - s].wnum;
    ensures READ_02_kept: (set.mode & MODE_RELEASE_BUFFERS) == 0 ==>
      \result.c.end[s].rbuf >= c.end[s].rbuf && \result.c.end[s].wbuf >= c.end[s].wbuf;
    ensures READ_06_fatal: \result.r.reason == REASON_NO_RENEGOTIATION ==>
      \result.r.ret == -1 && \result.c.end[s].dead != 0;
    ensures READ_06_alert: \result.r.reason == REASON_ALERT_HANDSHAKE_FAILURE ==>
      \result.c.end[s].dead != 0 && \result.c.end[s].received_shutdown != 0;
    behavior in_init:
      assumes c.end[s].in_init != 0;
      ensures \result.r.ret == -1 && \result.r.reason == REASON_SHUTDOWN_WHILE_IN_INIT;
      ensures \result.c == c;
    behavior WRITE_16_first_behind_data:
      assumes c.end[s].in_init == 0 && c.end[s].sent_shutdown == 0;
      assumes c.end[s].pend_left != 0;
      ensures \result.r.ret == -1 && \result.r.reason == REASON_NONE;
      ensures WRITE_17_last_wait: \result.r.err == err_class(c.end[s], REASON_NONE);
      ensures \result.c.end[s].sent_shutdown == 1 && \result.c.end[s].alert_dispatch == 1;
      ensures \result.c.pipe[s] == c.pipe[s];
    behavior first:
      assumes c.end[s].in_init == 0 && c.end[s].sent_shutdown == 0;
      assumes c.end[s].pend_left == 0;
      ensures \result.c.end[s].sent_shutdown == 1;
    behavior WRITE_16_second_behind_data:
      assumes c.end[s].in_init == 0 && c.end[s].sent_shutdown != 0;
      assumes c.end[s].alert_dispatch != 0 && c.end[s].pend_left != 0 &&
              c.end[s].pend_type == REC_APP;
      ensures \result.r.ret == -1 && \result.r.reason == REASON_BAD_WRITE_RETRY;
      ensures \result.c.end[s].dead != 0;
    behavior other:
      assumes c.end[s].in_init == 0 && c.end[s].sent_shutdown != 0;
      assumes !(c.end[s].alert_dispatch != 0 && c.end[s].pend_left != 0 &&
                c.end[s].pend_type == REC_APP);
    complete behaviors;
    disjoint behaviors;
*/
struct conn_step conn_shutdown(struct model_conn c, int s, struct io_settings set);

/* READ-03: SSL_free_buffers on side s. It refuses (returns 0, changes
 * nothing) while the record layer holds data: part of a record read,
 * plaintext not yet returned, a message not yet processed, a record not
 * fully written. Otherwise it frees both buffers and returns 1. */
/*@ requires conn_ok(c) && valid_side(s);
    assigns \nothing;
    ensures conn_ok(\result.c);
    behavior READ_03_busy:
      assumes c.pipe[1 - s].taken != 0 || c.end[s].data_left != 0 ||
              c.end[s].held != HELD_NONE || c.end[s].pend_left != 0;
      ensures \result.r.ret == 0 && \result.c == c;
    behavior READ_03_freed:
      assumes !(c.pipe[1 - s].taken != 0 || c.end[s].data_left != 0 ||
                c.end[s].held != HELD_NONE || c.end[s].pend_left != 0);
      ensures \result.r.ret == 1;
      ensures \result.c.end[s].rbuf == 0 && \result.c.end[s].wbuf == 0;
      ensures \result.c.pipe[0] == c.pipe[0] && \result.c.pipe[1] == c.pipe[1];
      ensures \result.c.end[1 - s] == c.end[1 - s];
    complete behaviors;
    disjoint behaviors;
*/
struct conn_step conn_free_buffers(struct model_conn c, int s);

/* READ-03: SSL_alloc_buffers on side s: both buffers are held; returns 1. */
/*@ requires conn_ok(c) && valid_side(s);
    assigns \nothing;
    ensures conn_ok(\result.c);
    ensures \result.r.ret == 1;
    ensures \result.c.end[s].rbuf == 1 && \result.c.end[s].wbuf == 1;
    ensures \result.c.pipe[0] == c.pipe[0] && \result.c.pipe[1] == c.pipe[1];
    ensures \result.c.end[1 - s] == c.end[1 - s];
*/
struct conn_step conn_alloc_buffers(struct model_conn c, int s);

/* --- what a connected SSL says of itself (READ-08, WRITE-16) ----------------
 * Questions without side effects; the executor also asks OpenSSL all of
 * them after every step. */

#include "logic/pending.acsl"

/* READ-08: SSL_pending on side s: the plaintext of the current record not
 * yet returned (ssl3_pending; 0 while a record's body is awaited, when
 * nothing is left of the last one). */
/*@ requires conn_ok(c) && valid_side(s);
    assigns \nothing;
    ensures \result == c.end[s].data_left;
*/
uint32_t conn_pending(struct model_conn c, int s);

/* READ-08: SSL_has_pending on side s: 1 while a record is not fully returned
 * or the read buffer holds bytes not yet made into a record, else 0. Unlike
 * SSL_pending it sees what read_ahead brought in. */
/*@ requires conn_ok(c) && valid_side(s);
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> has_pending(c, s);
*/
int conn_has_pending(struct model_conn c, int s);

/* WRITE-16: SSL_get_shutdown on side s: SSL_SENT_SHUTDOWN (1) once it has
 * made its close_notify, plus SSL_RECEIVED_SHUTDOWN (2) once it has read the
 * peer's (or a fatal alert). */
/*@ requires conn_ok(c) && valid_side(s);
    assigns \nothing;
    ensures \result == (c.end[s].sent_shutdown != 0 ? 1 : 0) +
                       (c.end[s].received_shutdown != 0 ? 2 : 0);
*/
int conn_get_shutdown(struct model_conn c, int s);

/* READ-07: the _ex form of a read (SSL_read_ex, SSL_peek_ex): 1 and the
 * bytes when the plain call returns more than 0, else 0 and no bytes; the
 * rest (SSL_get_error's class, the queued reason, the state) is the plain
 * call's (ssl_read_internal serves both; SSL_read maps its result back). */
/*@ assigns \nothing;
    ensures \result.ret == (r.ret > 0 ? 1 : 0);
    ensures \result.count == (r.ret > 0 ? r.count : 0);
    ensures \result.err == r.err && \result.reason == r.reason && \result.src == r.src;
    ensures \result.msgs == r.msgs && \result.ignored == r.ignored;
*/
struct io_result io_ex(struct io_result r);

#endif
