/* fuzz/decode.c: see decode.h. */
#include "decode.h"

#include <limits.h>

#include "../model/names.h"
#include "model_side.h"

struct reader {
    const uint8_t *p;
    size_t n;
};

static int take(struct reader *r, uint8_t *b)
{
    if (r->n == 0)
        return 0;
    *b = *r->p++;
    r->n--;
    return 1;
}

static int take_bytes(struct reader *r, int count, unsigned long *out)
{
    unsigned long v = 0;
    for (int i = 0; i < count; i++) {
        uint8_t b;
        if (!take(r, &b))
            return 0;
        v |= (unsigned long) b << (8 * i);
    }
    *out = v;
    return 1;
}

/* Values worth trying on their own: the edges of long and of 32 bits. */
static const long extremes[8] = {
    LONG_MIN, LONG_MAX, 0xffffffffL, 0x80000000L,
    -0x80000000L, 0x100000000L, 0, -1,
};

/* A long argument. A selector byte picks the shape, so that single flags,
 * small numbers and wide or negative values are all reached quickly:
 *   sel % 8 = 0: one flag (next byte picks it)   1: two flags
 *             2: a byte                          3: 32 bits, little endian
 *             4: 64 bits, little endian          5: -1 - a byte
 *             6: one bit above bit 31 plus a flag 7: extremes[sel / 8 % 8] */
static int decode_long(struct reader *r, long *out)
{
    uint8_t sel, a, b;
    unsigned long u;
    if (!take(r, &sel))
        return 0;
    switch (sel % 8) {
    case 0:
        if (!take(r, &a))
            return 0;
        *out = mode_names[a % MODE_NAME_COUNT].bit;
        return 1;
    case 1:
        if (!take(r, &a) || !take(r, &b))
            return 0;
        *out = mode_names[a % MODE_NAME_COUNT].bit | mode_names[b % MODE_NAME_COUNT].bit;
        return 1;
    case 2:
        if (!take(r, &a))
            return 0;
        *out = a;
        return 1;
    case 3:
    case 4:
        if (!take_bytes(r, sel % 8 == 3 ? 4 : 8, &u))
            return 0;
        *out = (long) u; /* two's complement: 64-bit patterns become negative */
        return 1;
    case 5:
        if (!take(r, &a))
            return 0;
        *out = -1L - a;
        return 1;
    case 6:
        if (!take(r, &a) || !take(r, &b))
            return 0;
        *out = (long) ((1UL << (32 + a % 32)) | mode_names[b % MODE_NAME_COUNT].bit);
        return 1;
    default:
        *out = extremes[sel / 8 % 8];
        return 1;
    }
}

/* Calls by low nibble: mask calls are the subject, so they come most often. */
static const enum op_kind kind_table[16] = {
    OP_SET_MODE, OP_SET_MODE, OP_SET_MODE, OP_SET_MODE,
    OP_CLEAR_MODE, OP_CLEAR_MODE, OP_CLEAR_MODE, OP_GET_MODE,
    OP_GET_MODE, OP_NEW, OP_FREE, OP_CLEAR,
    OP_SET_CTX, OP_GET_CTX, OP_DUP, OP_CONNECT,
};

static enum target pick_target(enum op_kind k, unsigned n)
{
    switch (op_table[k].on) {
    case ON_CTX_OR_SSL:
        return (enum target) (TGT_CCTX + n % 6);
    case ON_SSL:
        return (enum target) (TGT_CLIENT + n % 4);
    case ON_PAIR_SSL:
        return (enum target) (TGT_CLIENT + n % 2);
    case ON_PAIR:
    default:
        return TGT_PAIR;
    }
}

static int decode_op(struct reader *r, struct op *op)
{
    uint8_t k, b;
    if (!take(r, &k))
        return 0;
    op->kind = kind_table[k & 15];
    op->target = pick_target(op->kind, k >> 4);
    op->arg = 0;
    switch (op_table[op->kind].arg) {
    case ARG_MASK:
        return decode_long(r, &op->arg);
    case ARG_CTX:
        if (!take(r, &b))
            return 0;
        op->arg = b & 1;
        return 1;
    case ARG_NONE:
    default:
        return 1;
    }
}

size_t decode_mask(const uint8_t *data, size_t size, struct op *ops, size_t max)
{
    struct reader r = { data, size };
    struct model_world w = world_init();
    size_t n = 0;
    int handshakes = 0;
    while (n < max && decode_op(&r, &ops[n])) {
        const char *why;
        if (!model_applicable(&w, &ops[n], &why))
            continue;
        /* A handshake costs as much as a thousand other steps; two per input
         * reach every rule (connect, reset, connect again). */
        if (ops[n].kind == OP_CONNECT && !w.connected && handshakes++ == DECODE_MAX_HANDSHAKES)
            continue;
        model_apply(&w, &ops[n]);
        n++;
    }
    return n;
}
