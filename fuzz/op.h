/* fuzz/op.h: one API call with its arguments: the unit that both front ends
 * (the libFuzzer decoders, decode.c, and the scenario parser, scenario.c)
 * produce, that the executor (exec.c) runs on the model and on OpenSSL, and
 * that the printer turns back into a scenario line. */
#ifndef SSLMODE_FUZZ_OP_H
#define SSLMODE_FUZZ_OP_H

#include <stdint.h>
#include <stdio.h>

/* What a call is made on. The order matches the model: TGT_CCTX + c is
 * context c, TGT_CLIENT + s is slot s (and side s for I/O). */
enum target {
    TGT_CCTX, TGT_SCTX,
    TGT_CLIENT, TGT_SERVER, TGT_CDUP, TGT_SDUP,
    TGT_NONE, /* calls without a target: connect, buf, copy, fill, set ... */
    TGT_COUNT
};

enum op_kind {
    /* the mask (spec/mask.md) */
    OP_SET_MODE,   /* SSL_CTX_set_mode / SSL_set_mode (arg: the long) */
    OP_CLEAR_MODE, /* SSL_CTX_clear_mode / SSL_clear_mode */
    OP_GET_MODE,   /* SSL_CTX_get_mode / SSL_get_mode */
    OP_NEW,        /* SSL_new from the target's side context; frees the old one */
    OP_FREE,       /* SSL_free */
    OP_CLEAR,      /* SSL_clear */
    OP_SET_CTX,    /* SSL_set_SSL_CTX (arg: 0 cctx, 1 sctx) */
    OP_GET_CTX,    /* SSL_get_SSL_CTX */
    OP_DUP,        /* SSL_dup of client or server into cdup or sdup */
    OP_CONNECT,    /* create missing SSLs, handshake to completion */
    /* the write path (spec/write.md) */
    OP_WRITE,      /* SSL_write(ssl, buf + off, arg) */
    OP_WRITE_EX,   /* SSL_write_ex(ssl, buf + off, arg, &written) */
    OP_READ,       /* SSL_read(ssl, scratch, arg) */
    OP_DRAIN,      /* SSL_read(ssl, scratch, 16384) until it returns <= 0 */
    OP_KEY_UPDATE, /* SSL_key_update(ssl, arg ? REQUESTED : NOT_REQUESTED) */
    OP_SHUTDOWN,   /* SSL_shutdown */
    OP_BUF,        /* a new buffer `buf` of arg bytes (arg2: fill byte, or -1) */
    OP_COPY,       /* buffer `buf` becomes a copy of `buf2`, at a new address */
    OP_FILL,       /* every byte of `buf` becomes arg2, in place */
    OP_SET_CAP,    /* transport capacity each way, before connect */
    OP_SET_MSF,    /* SSL[_CTX]_set_max_send_fragment on every object */
    OP_SET_VERSION, /* TLS version of the next connect: 12 or 13 */
    OP_SET_CIPHER, /* cipher of the next connect (index into cipher_table) */
    /* the handshake flags (spec/hello.md) */
    OP_HELLO,      /* one handshake between SSL_new(cctx) and SSL_new(sctx) */
    OP_SET_CLIENT_VERSIONS, /* the client's version range at the next hello */
    OP_SET_SERVER_VERSIONS, /* the server's */
    /* the read side (spec/read.md) */
    OP_SET_TICKETS, /* session tickets the server sends at the next connect */
    OP_FREE_BUFFERS,  /* SSL_free_buffers */
    OP_ALLOC_BUFFERS, /* SSL_alloc_buffers */
    OP_BUFFERS,       /* the record buffers the SSL holds (an observation) */
    OP_READ_AHEAD,    /* SSL_set_read_ahead(ssl, arg) (arg: 0 or 1) */
    OP_IN_TRANSPORT,  /* bytes the SSL has to read in the transport (an observation) */
    OP_RENEGOTIATE,   /* SSL_renegotiate */
    OP_NO_RENEG,      /* SSL_set_options / SSL_clear_options(ssl, SSL_OP_NO_RENEGOTIATION)
                       * (arg: 1 set, 0 clear) */
    OP_KIND_COUNT
};

/* Which targets a call accepts. */
enum op_on { ON_CTX_OR_SSL, ON_SSL, ON_PAIR_SSL, ON_NONE };

/* What a call's arguments are (scenario syntax in README.md). */
enum op_arg {
    ARG_NONE, ARG_MASK, ARG_CTX,
    ARG_LENGTH_FROM, /* <len> [from <buf>[+<off>]] */
    ARG_COUNT,       /* <n> */
    ARG_OPT_REQUESTED, /* [requested] */
    ARG_BUF_NEW,     /* <name> <size> [fill <byte>] */
    ARG_BUF_COPY,    /* <dst> <src> */
    ARG_BUF_FILL,    /* <name> <byte> */
    ARG_VERSION,     /* 1.2 | 1.3 */
    ARG_CIPHER,      /* a name of cipher_table */
    ARG_RANGE,       /* 1.2 | 1.3 | 1.2-1.3 (arg: range_arg) */
};

/* What a call returns to the application (outcome.h prints it). */
enum result_kind { RES_OK, RES_MASK, RES_INT, RES_DUP, RES_CTX, RES_IO, RES_HELLO, RES_HELD };

struct op_info {
    const char *name;  /* the scenario word(s) */
    enum op_on on;
    enum op_arg arg;
    enum result_kind result;
    const char *api;   /* the OpenSSL call, for reports */
    const char *rules; /* spec rules it checks */
};

extern const struct op_info op_table[OP_KIND_COUNT];
extern const char *const target_names[TGT_COUNT];

#define BUF_NAME_MAX 16

struct op {
    enum op_kind kind;
    enum target target;
    long arg;                 /* mask, context, length, count, size, setting */
    long arg2;                /* OP_BUF, OP_FILL: the fill byte (-1: a pattern) */
    uint32_t off;             /* OP_WRITE*: offset into buf */
    char buf[BUF_NAME_MAX];   /* OP_WRITE* (empty: the default buffer), OP_BUF, OP_COPY, OP_FILL */
    char buf2[BUF_NAME_MAX];  /* OP_COPY: the source */
};

/* The default buffer of `write` without `from`. */
#define DEFAULT_BUF "data"

/* ARG_RANGE: a version range as one long, and back (VERSION_TLS12 ...). */
long range_arg(int min, int max);
int range_min(long arg);
int range_max(long arg);

int target_is_ctx(enum target t);
int target_ctx(enum target t);  /* context index of TGT_CCTX/TGT_SCTX */
int target_slot(enum target t); /* slot index of TGT_CLIENT .. TGT_SDUP */
enum target slot_target(int slot);

/* Whether a call accepts this target (syntax only; state: model_side.h). */
int op_target_ok(enum op_kind k, enum target t);

/* Prints the op as a scenario line (no newline), e.g.
 * "cctx set_mode AUTO_RETRY|RELEASE_BUFFERS", "client write 50000 from a+16384". */
void op_print(FILE *f, const struct op *op);

/* The OpenSSL call the op makes, e.g. "SSL_CTX_set_mode(cctx, 20)". */
void op_print_api(FILE *f, const struct op *op);

#endif
