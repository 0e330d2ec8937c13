/* fuzz/op.c: the table of calls, and the op printer. */
#include "op.h"

#include "text.h"

const char *const target_names[TGT_COUNT] = {
    "cctx", "sctx", "client", "server", "cdup", "sdup", "",
};

/* Rules: spec/mask.md. The API column names the call the real side makes
 * (real_openssl.c). */
const struct op_info op_table[OP_KIND_COUNT] = {
    [OP_SET_MODE] = { "set_mode", ON_CTX_OR_SSL, ARG_MASK, RES_MASK,
                      "SSL_CTX_set_mode / SSL_set_mode",
                      "MASK-02 MASK-05 MASK-06" },
    [OP_CLEAR_MODE] = { "clear_mode", ON_CTX_OR_SSL, ARG_MASK, RES_MASK,
                        "SSL_CTX_clear_mode / SSL_clear_mode",
                        "MASK-03 MASK-05 MASK-06" },
    [OP_GET_MODE] = { "get_mode", ON_CTX_OR_SSL, ARG_NONE, RES_MASK,
                      "SSL_CTX_get_mode / SSL_get_mode",
                      "MASK-01 MASK-04 MASK-07" },
    [OP_NEW] = { "new", ON_SSL, ARG_NONE, RES_OK, "SSL_new", "MASK-07" },
    [OP_FREE] = { "free", ON_SSL, ARG_NONE, RES_OK, "SSL_free", "MASK-11" },
    [OP_CLEAR] = { "clear", ON_SSL, ARG_NONE, RES_INT, "SSL_clear", "MASK-09" },
    [OP_SET_CTX] = { "set_ctx", ON_SSL, ARG_CTX, RES_CTX, "SSL_set_SSL_CTX",
                     "MASK-08" },
    [OP_GET_CTX] = { "get_ctx", ON_SSL, ARG_NONE, RES_CTX, "SSL_get_SSL_CTX",
                     "MASK-08 MASK-10" },
    [OP_DUP] = { "dup", ON_PAIR_SSL, ARG_NONE, RES_DUP, "SSL_dup",
                 "MASK-10 MASK-11" },
    [OP_CONNECT] = { "connect", ON_PAIR, ARG_NONE, RES_INT,
                     "SSL_new + SSL_do_handshake", "MASK-07 MASK-12" },
};

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
    case ON_PAIR:
        return t == TGT_PAIR;
    default:
        return 0;
    }
}

void op_print(FILE *f, const struct op *op)
{
    const struct op_info *in = &op_table[op->kind];
    if (op->target == TGT_PAIR)
        fputs(in->name, f);
    else
        fprintf(f, "%s %s", target_names[op->target], in->name);
    switch (in->arg) {
    case ARG_MASK:
        fputc(' ', f);
        text_mask_arg(f, op->arg);
        break;
    case ARG_CTX:
        fprintf(f, " %s", target_names[TGT_CCTX + (op->arg ? 1 : 0)]);
        break;
    case ARG_NONE:
    default:
        break;
    }
}

void op_print_api(FILE *f, const struct op *op)
{
    const char *on = target_names[op->target];
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
        fputs("SSL_new as needed, then SSL_do_handshake(client), SSL_do_handshake(server) until done", f);
        break;
    default:
        fprintf(f, "%s(%s)", op_table[op->kind].api, on);
        break;
    }
}
