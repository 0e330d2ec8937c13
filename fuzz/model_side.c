/* fuzz/model_side.c: see model_side.h. */
#include "model_side.h"

int model_applicable(const struct model_world *w, const struct op *op,
                     const char **why)
{
    if (op->kind == OP_CONNECT) {
        *why = "client or server has already shaken hands with another peer "
               "(use `new` or `clear` on it first)";
        return world_can_connect(*w);
    }
    if (target_is_ctx(op->target) || op->kind == OP_NEW)
        return 1;
    *why = "there is no SSL in this slot yet (use `new`, `connect` or `dup` first)";
    return world_slot_live(*w, target_slot(op->target));
}

static struct outcome result(enum op_kind k, long v)
{
    struct outcome o = { op_table[k].result, v };
    return o;
}

static struct outcome stepped(struct model_world *w, enum op_kind k,
                              struct model_step st)
{
    *w = st.w;
    return result(k, st.ret);
}

static struct outcome apply_ctx(struct model_world *w, const struct op *op)
{
    int c = target_ctx(op->target);
    switch (op->kind) {
    case OP_SET_MODE:
        return stepped(w, op->kind, world_ctx_set_mode(*w, c, op->arg));
    case OP_CLEAR_MODE:
        return stepped(w, op->kind, world_ctx_clear_mode(*w, c, op->arg));
    case OP_GET_MODE:
    default:
        return result(op->kind, world_ctx_get_mode(*w, c));
    }
}

struct outcome model_apply(struct model_world *w, const struct op *op)
{
    if (target_is_ctx(op->target))
        return apply_ctx(w, op);
    int s = target_slot(op->target);
    switch (op->kind) {
    case OP_SET_MODE:
        return stepped(w, op->kind, world_ssl_set_mode(*w, s, op->arg));
    case OP_CLEAR_MODE:
        return stepped(w, op->kind, world_ssl_clear_mode(*w, s, op->arg));
    case OP_GET_MODE:
        return result(op->kind, world_ssl_get_mode(*w, s));
    case OP_NEW:
        *w = world_new(*w, s);
        return result(op->kind, 1);
    case OP_FREE:
        *w = world_free(*w, s);
        return result(op->kind, 1);
    case OP_CLEAR:
        return stepped(w, op->kind, world_clear(*w, s));
    case OP_SET_CTX:
        return stepped(w, op->kind, world_set_ctx(*w, s, (int) op->arg));
    case OP_GET_CTX:
        return result(op->kind, world_get_ctx(*w, s));
    case OP_DUP:
        return stepped(w, op->kind, world_dup(*w, s));
    case OP_CONNECT:
        return stepped(w, op->kind, world_connect(*w));
    default:
        return result(op->kind, -1);
    }
}
