/* fuzz/op.c: the table of calls, and the op printer. */
#include "op.h"

#include "../model/hello.h"
#include "config.h"
#include "text.h"

const char *const target_names[TGT_COUNT] = {
    "cctx", "sctx", "client", "server", "cdup", "sdup", "",
};

/* The scenario words, what each call takes and returns, the OpenSSL call the
 * real side makes (real_openssl.c), and the spec rules it checks. */
const struct op_info op_table[OP_KIND_COUNT] = {
    [OP_SET_MODE] = { "set_mode", ON_CTX_OR_SSL, ARG_MASK, RES_MASK,
                      "SSL_CTX_set_mode / SSL_set_mode", "MASK-02 MASK-05 MASK-06" },
    [OP_CLEAR_MODE] = { "clear_mode", ON_CTX_OR_SSL, ARG_MASK, RES_MASK,
                        "SSL_CTX_clear_mode / SSL_clear_mode", "MASK-03 MASK-05 MASK-06" },
    [OP_GET_MODE] = { "get_mode", ON_CTX_OR_SSL, ARG_NONE, RES_MASK,
                      "SSL_CTX_get_mode / SSL_get_mode", "MASK-01 MASK-04 MASK-07" },
    [OP_NEW] = { "new", ON_SSL, ARG_NONE, RES_OK, "SSL_new", "MASK-07" },
    [OP_FREE] = { "free", ON_SSL, ARG_NONE, RES_OK, "SSL_free", "MASK-11" },
    [OP_CLEAR] = { "clear", ON_SSL, ARG_NONE, RES_INT, "SSL_clear", "MASK-09" },
    [OP_SET_CTX] = { "set_ctx", ON_SSL, ARG_CTX, RES_CTX, "SSL_set_SSL_CTX", "MASK-08" },
    [OP_GET_CTX] = { "get_ctx", ON_SSL, ARG_NONE, RES_CTX, "SSL_get_SSL_CTX",
                     "MASK-08 MASK-10" },
    [OP_DUP] = { "dup", ON_PAIR_SSL, ARG_NONE, RES_DUP, "SSL_dup", "MASK-10 MASK-11" },
    [OP_CONNECT] = { "connect", ON_NONE, ARG_NONE, RES_INT, "SSL_new + SSL_do_handshake",
                     "MASK-07 MASK-12" },
    [OP_WRITE] = { "write", ON_PAIR_SSL, ARG_LENGTH_FROM, RES_IO, "SSL_write",
                   "WRITE-01..WRITE-12, WRITE-17" },
    [OP_WRITE_EX] = { "write_ex", ON_PAIR_SSL, ARG_LENGTH_FROM, RES_IO, "SSL_write_ex",
                      "WRITE-01..WRITE-12, WRITE-17" },
    [OP_READ] = { "read", ON_PAIR_SSL, ARG_COUNT, RES_IO, "SSL_read",
                  "WRITE-13 WRITE-14 READ-01 READ-04 READ-05 READ-06" },
    [OP_DRAIN] = { "drain", ON_PAIR_SSL, ARG_NONE, RES_IO, "SSL_read until <= 0",
                   "WRITE-13 WRITE-14 READ-01 READ-04 READ-05 READ-06" },
    [OP_KEY_UPDATE] = { "key_update", ON_PAIR_SSL, ARG_OPT_REQUESTED, RES_IO,
                        "SSL_key_update", "WRITE-15" },
    [OP_SHUTDOWN] = { "shutdown", ON_PAIR_SSL, ARG_NONE, RES_IO, "SSL_shutdown",
                      "WRITE-16 WRITE-17 READ-01 READ-05 READ-06" },
    [OP_BUF] = { "buf", ON_NONE, ARG_BUF_NEW, RES_OK, "(the application's memory)", "WRITE-08" },
    [OP_COPY] = { "copy", ON_NONE, ARG_BUF_COPY, RES_OK, "(the application's memory)",
                  "WRITE-08" },
    [OP_FILL] = { "fill", ON_NONE, ARG_BUF_FILL, RES_OK, "(the application's memory)",
                  "WRITE-10" },
    [OP_SET_CAP] = { "set cap", ON_NONE, ARG_COUNT, RES_OK, "BIO_new_bio_pair at connect",
                     "WRITE-02" },
    [OP_SET_MSF] = { "set max_send_fragment", ON_NONE, ARG_COUNT, RES_INT,
                     "SSL_CTX_set_max_send_fragment / SSL_set_max_send_fragment", "WRITE-01" },
    [OP_SET_VERSION] = { "set version", ON_NONE, ARG_VERSION, RES_OK,
                         "SSL_set_min/max_proto_version at connect", "WRITE-01" },
    [OP_SET_CIPHER] = { "set cipher", ON_NONE, ARG_CIPHER, RES_OK,
                        "SSL_set_ciphersuites / SSL_set_cipher_list at connect", "WRITE-01" },
    [OP_HELLO] = { "hello", ON_NONE, ARG_NONE, RES_HELLO,
                   "SSL_new(cctx), SSL_new(sctx), SSL_do_handshake on both until done",
                   "HELLO-01..HELLO-06" },
    [OP_SET_CLIENT_VERSIONS] = { "set client_versions", ON_NONE, ARG_RANGE, RES_OK,
                                 "SSL_set_min/max_proto_version at hello", "HELLO-03" },
    [OP_SET_SERVER_VERSIONS] = { "set server_versions", ON_NONE, ARG_RANGE, RES_OK,
                                 "SSL_set_min/max_proto_version at hello", "HELLO-03" },
    [OP_SET_TICKETS] = { "set tickets", ON_NONE, ARG_COUNT, RES_OK,
                         "SSL_set_num_tickets(server) at connect", "READ-01" },
    [OP_FREE_BUFFERS] = { "free_buffers", ON_PAIR_SSL, ARG_NONE, RES_INT, "SSL_free_buffers",
                          "READ-03" },
    [OP_ALLOC_BUFFERS] = { "alloc_buffers", ON_PAIR_SSL, ARG_NONE, RES_INT,
                           "SSL_alloc_buffers", "READ-03" },
    [OP_BUFFERS] = { "buffers", ON_PAIR_SSL, ARG_NONE, RES_HELD,
                     "(bytes of record buffers held, seen through CRYPTO_set_mem_functions)",
                     "READ-02" },
    [OP_READ_AHEAD] = { "read_ahead", ON_SSL, ARG_COUNT, RES_OK, "SSL_set_read_ahead",
                        "READ-04" },
    [OP_IN_TRANSPORT] = { "in_transport", ON_PAIR_SSL, ARG_NONE, RES_INT,
                          "BIO_ctrl_pending(SSL_get_rbio(ssl))", "WRITE-02 READ-04" },
    [OP_RENEGOTIATE] = { "renegotiate", ON_PAIR_SSL, ARG_NONE, RES_IO, "SSL_renegotiate",
                         "READ-05 READ-06" },
    [OP_NO_RENEG] = { "no_renegotiation", ON_SSL, ARG_COUNT, RES_OK,
                      "SSL_set_options/SSL_clear_options(ssl, SSL_OP_NO_RENEGOTIATION)",
                      "READ-06" },
};

long range_arg(int min, int max)
{
    return (long) min << 16 | max;
}

int range_min(long arg)
{
    return (int) (arg >> 16);
}

int range_max(long arg)
{
    return (int) (arg & 0xffff);
}

/* "1.2", "1.3" (the version numbers are VERSION_TLS12/13). */
static const char *version_text(int v)
{
    return v == VERSION_TLS12 ? "1.2" : v == VERSION_TLS13 ? "1.3" : "?";
}

int target_is_ctx(enum target t)
{
    return t == TGT_CCTX || t == TGT_SCTX;
}

int target_ctx(enum target t)
{
    return (int) t - TGT_CCTX;
}

int target_slot(enum target t)
{
    return (int) t - TGT_CLIENT;
}

enum target slot_target(int slot)
{
    return (enum target) (TGT_CLIENT + slot);
}

int op_target_ok(enum op_kind k, enum target t)
{
    switch (op_table[k].on) {
    case ON_CTX_OR_SSL:
        return t >= TGT_CCTX && t <= TGT_SDUP;
    case ON_SSL:
        return t >= TGT_CLIENT && t <= TGT_SDUP;
    case ON_PAIR_SSL:
        return t == TGT_CLIENT || t == TGT_SERVER;
    case ON_NONE:
    default:
        return t == TGT_NONE;
    }
}

static void print_args(FILE *f, const struct op *op)
{
    switch (op_table[op->kind].arg) {
    case ARG_MASK:
        fputc(' ', f);
        text_mask_arg(f, op->arg);
        break;
    case ARG_CTX:
        fprintf(f, " %s", target_names[TGT_CCTX + (op->arg ? 1 : 0)]);
        break;
    case ARG_LENGTH_FROM:
        fprintf(f, " %ld", op->arg);
        if (op->buf[0] || op->off)
            fprintf(f, op->off ? " from %s+%u" : " from %s", op->buf[0] ? op->buf : DEFAULT_BUF,
                    op->off);
        break;
    case ARG_COUNT:
        fprintf(f, " %ld", op->arg);
        break;
    case ARG_OPT_REQUESTED:
        if (op->arg)
            fputs(" requested", f);
        break;
    case ARG_BUF_NEW:
        fprintf(f, " %s %ld", op->buf, op->arg);
        if (op->arg2 >= 0)
            fprintf(f, " fill 0x%02lx", op->arg2);
        break;
    case ARG_BUF_COPY:
        fprintf(f, " %s %s", op->buf, op->buf2);
        break;
    case ARG_BUF_FILL:
        fprintf(f, " %s 0x%02lx", op->buf, op->arg2);
        break;
    case ARG_VERSION:
        fputs(op->arg == 12 ? " 1.2" : " 1.3", f);
        break;
    case ARG_CIPHER:
        fprintf(f, " %s", cipher_table[op->arg].name);
        break;
    case ARG_RANGE:
        fprintf(f, " %s", version_text(range_min(op->arg)));
        if (range_max(op->arg) != range_min(op->arg))
            fprintf(f, "-%s", version_text(range_max(op->arg)));
        break;
    case ARG_NONE:
    default:
        break;
    }
}

void op_print(FILE *f, const struct op *op)
{
    const struct op_info *in = &op_table[op->kind];
    if (op->target == TGT_NONE)
        fputs(in->name, f);
    else
        fprintf(f, "%s %s", target_names[op->target], in->name);
    print_args(f, op);
}

void op_print_api(FILE *f, const struct op *op)
{
    const char *on = target_names[op->target];
    const char *from = op->buf[0] ? op->buf : DEFAULT_BUF;
    switch (op->kind) {
    case OP_SET_MODE:
    case OP_CLEAR_MODE:
        fprintf(f, "%s_%s(%s, %ld)", target_is_ctx(op->target) ? "SSL_CTX" : "SSL",
                op->kind == OP_SET_MODE ? "set_mode" : "clear_mode", on, op->arg);
        break;
    case OP_GET_MODE:
        fprintf(f, "%s_get_mode(%s)", target_is_ctx(op->target) ? "SSL_CTX" : "SSL", on);
        break;
    case OP_NEW:
        fprintf(f, "%s = SSL_new(%s)", on, target_names[TGT_CCTX + target_slot(op->target) % 2]);
        break;
    case OP_DUP:
        fprintf(f, "%s = SSL_dup(%s)", target_names[op->target + 2], on);
        break;
    case OP_SET_CTX:
        fprintf(f, "SSL_set_SSL_CTX(%s, %s)", on, target_names[TGT_CCTX + (op->arg ? 1 : 0)]);
        break;
    case OP_CONNECT:
        fputs("SSL_new as needed, then SSL_do_handshake(client), SSL_do_handshake(server) "
              "until done", f);
        break;
    case OP_WRITE:
        fprintf(f, "SSL_write(%s, %s + %u, %ld)", on, from, op->off, op->arg);
        break;
    case OP_WRITE_EX:
        fprintf(f, "SSL_write_ex(%s, %s + %u, %ld, &written)", on, from, op->off, op->arg);
        break;
    case OP_READ:
        fprintf(f, "SSL_read(%s, buf, %ld)", on, op->arg);
        break;
    case OP_DRAIN:
        fprintf(f, "SSL_read(%s, buf, 16384) until it returns <= 0", on);
        break;
    case OP_KEY_UPDATE:
        fprintf(f, "SSL_key_update(%s, SSL_KEY_UPDATE_%s)", on,
                op->arg ? "REQUESTED" : "NOT_REQUESTED");
        break;
    default:
        fprintf(f, "%s%s%s%s", op_table[op->kind].api, *on ? "(" : "", on, *on ? ")" : "");
        break;
    }
}
