/* model/conn.h: a connected client and server: what SSL_write, SSL_read,
 * SSL_key_update and SSL_shutdown return, and what travels between them.
 *
 * The two SSLs are joined by a transport of `cap` bytes each way (the BIO
 * pair). A write cuts its data into records, encrypts each one as it goes, and
 * pushes as much of the record as the transport takes; what does not fit stays
 * pending in the writer, and the rules for retrying a write while a record is
 * pending are the heart of this file (spec/write.md). A read takes bytes of one
 * record at a time out of the transport and returns its plaintext.
 *
 * Everything is a value: each call takes the connection and returns the
 * connection after it plus what the application sees (return value,
 * SSL_get_error class, error reason, bytes delivered). The model never looks at
 * OpenSSL: the session parameters (transport capacity, record sizes, version)
 * are inputs, fixed at `connect`.
 *
 * Rules: spec/write.md (WRITE-nn).
 */
#ifndef SSLMODE_MODEL_CONN_H
#define SSLMODE_MODEL_CONN_H

#include <stdint.h>
#include "mode.h"

#define SIDE_CLIENT 0
#define SIDE_SERVER 1

/* Records one direction can hold between writer and reader. A harness limit,
 * not OpenSSL's: conn_write's precondition keeps within it. */
#define REC_MAX 256

/* Fragment sizes (SSL_set_max_send_fragment accepts 512..16384). */
#define MSF_MIN 512
#define MSF_MAX 16384

/* What a record carries. */
#define REC_APP 0        /* application data */
#define REC_CLOSE 1      /* alert close_notify */
#define REC_KEY_UPDATE 2 /* TLS 1.3 KeyUpdate message */

/* Plaintext bytes of the two non-data records: alert level and description;
 * KeyUpdate type, length (3) and request flag. */
#define ALERT_PLAIN 2
#define KEY_UPDATE_PLAIN 5

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
#define REASON_SHUTDOWN_WHILE_IN_INIT 407

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

/* max_send_fragment and split_send_fragment of an SSL or a context. */
struct frag {
    uint32_t msf;
    uint32_t split;
};

/* One direction: the records the writer has made and the reader has not
 * finished taking, oldest first (a ring of REC_MAX). */
struct pipe {
    uint32_t cap;   /* capacity of the transport */
    uint32_t fill;  /* bytes in the transport (BIO_ctrl_pending at the reader) */
    uint32_t taken; /* bytes of the oldest record already in the reader's buffer */
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
    int in_init;        /* SSL_in_init: a KeyUpdate to send, or dead */
    int dead;           /* a fatal error happened (the state machine's error state) */
    int sent_shutdown, received_shutdown; /* SSL_get_shutdown */
    int alert_dispatch; /* close_notify made but not fully written */
    int rwstate;        /* RW_* */
    int bioflag;        /* BIOF_* */
    /* The read side: plaintext of the last record not yet returned, and a
     * KeyUpdate received but not yet processed (0 none, else 1 + its
     * request flag): the state machine writes before it reads, so a reply
     * still to send goes first and the message waits. */
    uint32_t data_left;
    struct src data_src;
    int held;
};

struct model_conn {
    int tls13;
    struct shape shape;
    struct end end[2];   /* SIDE_CLIENT, SIDE_SERVER */
    struct pipe pipe[2]; /* pipe[s] carries what side s writes */
};

/* What an I/O call returns to the application. */
struct io_result {
    long ret;      /* the return value (SSL_write, SSL_write_ex, ...) */
    int err;       /* SSL_get_error(ssl, ret): ERRC_* */
    int reason;    /* reason of the first error in the queue, REASON_NONE if empty */
    uint32_t count; /* bytes written or read (the _ex out-parameter) */
    struct src src; /* reads: where the bytes came from */
};

struct conn_step {
    struct model_conn c;
    struct io_result r;
};

/* The session parameters `connect` fixes. */
struct conn_params {
    int tls13;
    struct shape shape;
    uint32_t cap;
    struct frag frag;
};

/* One write call: the buffer position, its content version, the length. */
struct write_call {
    struct src from;
    uint32_t len;
    int ex; /* SSL_write_ex rather than SSL_write */
};

/* Bytes on the wire of a record of m plaintext bytes. */
uint32_t conn_wire(struct shape sh, uint32_t m);

/* The connection right after the handshake: nothing in flight. */
struct model_conn conn_init(struct conn_params p);

/* The invariant as a C check (conn_ok in logic/conn.acsl). */
int conn_check(struct model_conn c);

/* Whether a write of `len` bytes from side s fits the model's record ring. */
int conn_room(struct model_conn c, int s, uint32_t len);

/* SSL_write / SSL_write_ex on side s, its mask being `mode`. */
struct conn_step conn_write(struct model_conn c, int s, uint32_t mode, struct write_call w);

/* SSL_read on side s (at most `max` bytes, max >= 1). */
struct conn_step conn_read(struct model_conn c, int s, uint32_t mode, uint32_t max);

/* SSL_key_update(ssl, requested ? REQUESTED : NOT_REQUESTED) on side s. */
struct conn_step conn_key_update(struct model_conn c, int s, int requested);

/* SSL_shutdown on side s. */
struct conn_step conn_shutdown(struct model_conn c, int s, uint32_t mode);

/* SSL_set_max_send_fragment / SSL_CTX_set_max_send_fragment accept v in
 * 512..16384 (and return 1), else change nothing (and return 0). */
int frag_ok(long v);

/* The fragment sizes after an accepted v: split_send_fragment follows a
 * lower max_send_fragment down, and stays down when it goes up again. */
struct frag frag_set(struct frag f, long v);


#endif
