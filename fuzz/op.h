/* fuzz/op.h: one API call with its arguments: the unit that both front ends
 * (the libFuzzer decoder, decode.c, and the scenario parser, scenario.c)
 * produce, that the executor (exec.c) runs on the model and on OpenSSL, and
 * that the printer turns back into a scenario line. */
#ifndef SSLMODE_FUZZ_OP_H
#define SSLMODE_FUZZ_OP_H

#include <stdio.h>

/* What a call is made on. The order matches the model: TGT_CCTX + c is
 * context c, TGT_CLIENT + s is slot s. */
enum target {
    TGT_CCTX, TGT_SCTX,
    TGT_CLIENT, TGT_SERVER, TGT_CDUP, TGT_SDUP,
    TGT_PAIR, /* client and server together: connect */
    TGT_COUNT
};

enum op_kind {
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
    OP_KIND_COUNT
};

/* Which targets a call accepts. */
enum op_on { ON_CTX_OR_SSL, ON_SSL, ON_PAIR_SSL, ON_PAIR };

/* What a call's argument is. */
enum op_arg { ARG_NONE, ARG_MASK, ARG_CTX };

/* What a call returns to the application (outcome.h prints it). */
enum result_kind { RES_OK, RES_MASK, RES_INT, RES_DUP, RES_CTX };

struct op_info {
    const char *name;     /* the scenario word */
    enum op_on on;
    enum op_arg arg;
    enum result_kind result;
    const char *api;      /* the OpenSSL call, for reports */
    const char *rules;    /* spec rules it checks */
};

extern const struct op_info op_table[OP_KIND_COUNT];
extern const char *const target_names[TGT_COUNT];

struct op {
    enum op_kind kind;
    enum target target;
    long arg;
};

int target_is_ctx(enum target t);
int target_ctx(enum target t);  /* context index of TGT_CCTX/TGT_SCTX */
int target_slot(enum target t); /* slot index of TGT_CLIENT .. TGT_SDUP */
enum target slot_target(int slot);

/* Whether a call accepts this target (syntax only; state: model_apply.h). */
int op_target_ok(enum op_kind k, enum target t);

/* Prints the op as a scenario line (no newline), e.g.
 * "cctx set_mode AUTO_RETRY|RELEASE_BUFFERS". */
void op_print(FILE *f, const struct op *op);

/* The OpenSSL call the op makes, e.g. "SSL_CTX_set_mode(cctx, 0x14)". */
void op_print_api(FILE *f, const struct op *op);

#endif
