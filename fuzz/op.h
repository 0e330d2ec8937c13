/* fuzz/op.h: one API call with its arguments: the unit that both front ends
 * (the libFuzzer decoders, decode.c, and the scenario parser, scenario.c)
 * produce, that the executor (exec.c) runs on the model and on OpenSSL, and
 * that the printer turns back into a scenario line. */
#ifndef SSLMODE_FUZZ_OP_H
#define SSLMODE_FUZZ_OP_H

#include <stdint.h>
#include <stdio.h>

#include "calls.h"

/* What a call is made on. The order matches the model: TGT_CCTX + c is
 * context c, TGT_CLIENT + s is slot s (and side s for I/O). */
enum target {
    TGT_CCTX, TGT_SCTX,
    TGT_CLIENT, TGT_SERVER, TGT_CDUP, TGT_SDUP,
    TGT_NONE, /* calls without a target: connect, buf, copy, fill, set ... */
    TGT_COUNT
};

/* One kind per row of fuzz/calls.h. */
#define OP_KIND_ENUM(id, ...) OP_##id,
enum op_kind { CALLS(OP_KIND_ENUM) OP_KIND_COUNT };
#undef OP_KIND_ENUM

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

/* How an _ex call states its count apart from its return value: SSL_write_ex
 * as "1 written=N", SSL_read_ex as "1 read=N". */
enum ex_form { EX_NONE, EX_WRITTEN, EX_READ };
enum ex_form op_ex_form(enum op_kind k);

/* What a call returns to the application (outcome.h prints it). */
enum result_kind { RES_OK, RES_MASK, RES_INT, RES_DUP, RES_CTX, RES_IO, RES_HELLO, RES_HELD };

/* What a call does (fuzz/calls.h says what each class means). */
enum op_class { CLASS_MASK, CLASS_OBJECT, CLASS_IO, CLASS_OBSERVE, CLASS_HARNESS };

/* A row of fuzz/calls.h, less its handlers (model_side.c and real_openssl.c
 * take those columns). */
struct op_info {
    const char *name;   /* the scenario word(s) */
    const char *syntax; /* the scenario form */
    enum op_on on;
    enum op_arg arg;
    enum result_kind result;
    enum op_class cls;
    const char *api;    /* the OpenSSL call, a template (calls.h) */
    const char *rules;  /* spec rules it checks */
    const char *answer; /* what it answers, in words */
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

/* `drain`: reads of DRAIN_READ bytes, at most DRAIN_READS of them (the same
 * loop on both sides). */
#define DRAIN_READ 16384
#define DRAIN_READS 64

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

/* Prints the table of calls as the Markdown table README.md holds
 * (`sslmode calls`; tests/run.sh compares the two). */
void op_print_calls(FILE *f);

#endif
