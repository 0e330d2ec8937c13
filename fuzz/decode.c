/* fuzz/decode.c: see decode.h. */
#include "decode.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "../model/mode.h"
#include "buffers.h"
#include "config.h"
#include "model_side.h"

const char *const fuzz_target_names[TARGET_COUNT] = { "mask", "write", "hello" };

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

/* The flags a selector byte picks, in the order of format 1 (decode.h): a
 * list of its own, so that a flag added to model/names.c does not re-map the
 * committed inputs. */
static const uint32_t flag_choices[10] = {
    MODE_ENABLE_PARTIAL_WRITE, MODE_ACCEPT_MOVING_WRITE_BUFFER, MODE_AUTO_RETRY,
    MODE_NO_AUTO_CHAIN, MODE_RELEASE_BUFFERS, MODE_SEND_CLIENTHELLO_TIME,
    MODE_SEND_SERVERHELLO_TIME, MODE_SEND_FALLBACK_SCSV, MODE_ASYNC,
    MODE_DTLS_SCTP_LABEL_LENGTH_BUG,
};
#define FLAG(b) ((long) flag_choices[(b) % 10])

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
        *out = FLAG(a);
        return 1;
    case 1:
        if (!take(r, &a) || !take(r, &b))
            return 0;
        *out = FLAG(a) | FLAG(b);
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
        *out = (long) ((1UL << (32 + a % 32)) | (unsigned long) FLAG(b));
        return 1;
    default:
        *out = extremes[sel / 8 % 8];
        return 1;
    }
}

/* --- the arguments ---------------------------------------------------------
 * A slot of a target's format (below) names a call and the decoder of its
 * arguments. Each decoder reads what it needs after the call's byte k (and
 * may use k's bits the format leaves to it); 0 when the input runs out. */

typedef int arg_decoder(struct reader *r, struct op *op, uint8_t k);

struct slot {
    enum op_kind kind;
    arg_decoder *args;
};

static int no_args(struct reader *r, struct op *op, uint8_t k)
{
    (void) r, (void) op, (void) k;
    return 1;
}

/* A mask: any long (decode_long). */
static int any_long(struct reader *r, struct op *op, uint8_t k)
{
    (void) k;
    return decode_long(r, &op->arg);
}

/* set_ctx: bit 0 of the next byte picks cctx or sctx. */
static int ctx_bit(struct reader *r, struct op *op, uint8_t k)
{
    uint8_t b;
    (void) k;
    if (!take(r, &b))
        return 0;
    op->arg = b & 1;
    return 1;
}

/* Capacities around the record sizes that matter: below a header, one record
 * minus or plus a byte, two records. */
static const uint32_t caps[16] = {
    100, 1000, 4096, 16405, 16406, 16500, 17000, 20000,
    33000, 65536, 24, 200, 512, 8192, 30000, 40000,
};

static const long lengths[15] = {
    0, 1, 15, 100, 512, 4095, 16383, 16384, 16385, 32768, 40000, 50000, 65536, 100000, 131072,
};

static const long read_sizes[8] = { 1, 100, 4096, 16383, 16384, 16385, 65536, 1048576 };
static const long buf_sizes[8] = { 0, 100, 16384, 50000, 65536, 100000, 200000, 262144 };
static const long msf_values[8] = { 512, 1000, 4096, 16384, 511, 16385, 2048, 8192 };
static const char *const buf_names[4] = { "", "a", "b", "c" };

static int decode_length(struct reader *r, long *len)
{
    uint8_t b;
    unsigned long u;
    if (!take(r, &b))
        return 0;
    if (b % 16 < 15) {
        *len = lengths[b % 16];
        return 1;
    }
    if (!take_bytes(r, 2, &u))
        return 0;
    *len = (long) u;
    return 1;
}

/* A buffer position: 0, a multiple of 256, a multiple of 16384, or small. */
static int decode_offset(struct reader *r, uint32_t *off)
{
    uint8_t b;
    if (!take(r, &b))
        return 0;
    switch (b % 4) {
    case 0:
        *off = 0;
        break;
    case 1:
        *off = (uint32_t) (b >> 2) * 256;
        break;
    case 2:
        *off = 16384u * ((b >> 2) % 8);
        break;
    default:
        *off = b >> 2;
        break;
    }
    return 1;
}

/* write, write_ex: bits 6-7 of k pick the buffer (the default, a, b, c),
 * then a length and an offset. */
static int write_args(struct reader *r, struct op *op, uint8_t k)
{
    snprintf(op->buf, sizeof op->buf, "%s", buf_names[k >> 6]);
    return decode_length(r, &op->arg) && decode_offset(r, &op->off);
}

static int read_size(struct reader *r, struct op *op, uint8_t k)
{
    uint8_t b;
    (void) k;
    if (!take(r, &b))
        return 0;
    op->arg = read_sizes[b % 8];
    return 1;
}

/* key_update (requested), read_ahead, no_renegotiation: bit 6 of k. */
static int bit6(struct reader *r, struct op *op, uint8_t k)
{
    (void) r;
    op->arg = (k >> 6) & 1;
    return 1;
}

/* The flags that act on I/O, from the next byte. */
static int io_flags(struct reader *r, struct op *op, uint8_t k)
{
    uint8_t b;
    (void) k;
    if (!take(r, &b))
        return 0;
    op->arg = b & (MODE_ENABLE_PARTIAL_WRITE | MODE_ACCEPT_MOVING_WRITE_BUFFER |
                   MODE_AUTO_RETRY | MODE_RELEASE_BUFFERS | MODE_SEND_FALLBACK_SCSV);
    return 1;
}

/* buf, copy, fill: bits 6-7 of k pick the buffer (a, b, c). */
static const char *named_buf(uint8_t k)
{
    return buf_names[1 + (k >> 6) % 3];
}

static int buf_args(struct reader *r, struct op *op, uint8_t k)
{
    uint8_t b;
    if (!take(r, &b))
        return 0;
    snprintf(op->buf, sizeof op->buf, "%s", named_buf(k));
    op->arg = buf_sizes[b % 8];
    op->arg2 = b & 8 ? (b >> 4) * 17 : -1;
    return 1;
}

static int copy_args(struct reader *r, struct op *op, uint8_t k)
{
    uint8_t b;
    if (!take(r, &b))
        return 0;
    snprintf(op->buf, sizeof op->buf, "%s", named_buf(k));
    snprintf(op->buf2, sizeof op->buf2, "%s", buf_names[1 + b % 3]);
    return 1;
}

static int fill_args(struct reader *r, struct op *op, uint8_t k)
{
    uint8_t b;
    if (!take(r, &b))
        return 0;
    snprintf(op->buf, sizeof op->buf, "%s", named_buf(k));
    op->arg2 = b;
    return 1;
}

/* The write target's slot 14: the next byte picks one of 16 calls that come
 * less often (format 2). SSL_clear is there once: a pending renegotiation
 * makes it fail (READ-05), and a clear that works ends the connection (the
 * target does not connect again). */
static const enum op_kind more_kinds[16] = {
    OP_READ_EX,     OP_READ_EX,     OP_READ_EX,     OP_READ_EX,
    OP_PENDING,     OP_HAS_PENDING, OP_GET_SHUTDOWN, OP_CLEAR,
    OP_READ_EX,     OP_DO_HANDSHAKE, OP_PENDING,    OP_HAS_PENDING,
    OP_PEEK,        OP_PEEK,        OP_READ_EX,     OP_DO_HANDSHAKE,
};

static int more_calls(struct reader *r, struct op *op, uint8_t k)
{
    uint8_t b;
    if (!take(r, &b))
        return 0;
    op->kind = more_kinds[b & 15];
    return op->kind == OP_READ_EX || op->kind == OP_PEEK ? read_size(r, op, k) : 1;
}

/* A version range for the hello target, by bits 3-4 of k: 1.2, 1.3,
 * 1.2-1.3, 1.2-1.3. */
static int range_bits(struct reader *r, struct op *op, uint8_t k)
{
    (void) r;
    int sel = (k >> 3) & 3;
    op->arg = range_arg(sel == 1 ? VERSION_TLS13 : VERSION_TLS12,
                        sel == 0 ? VERSION_TLS12 : VERSION_TLS13);
    return 1;
}

/* --- the formats -------------------------------------------------------------
 * One slot table per target: which call a byte picks. The tables are the
 * format (DECODE_FORMAT): a slot is never reused for another call without
 * a new format number. */

static struct op blank(enum op_kind k, enum target t)
{
    struct op op = { 0 };
    op.kind = k;
    op.target = t;
    op.arg2 = -1;
    return op;
}

/* mask: the low nibble of k picks the call; mask calls are the subject, so
 * they come most often. The high nibble picks the target, modulo those the
 * call takes. */
static const struct slot mask_slots[16] = {
    { OP_SET_MODE, any_long },   { OP_SET_MODE, any_long },   { OP_SET_MODE, any_long },
    { OP_SET_MODE, any_long },   { OP_CLEAR_MODE, any_long }, { OP_CLEAR_MODE, any_long },
    { OP_CLEAR_MODE, any_long }, { OP_GET_MODE, no_args },    { OP_GET_MODE, no_args },
    { OP_NEW, no_args },         { OP_FREE, no_args },        { OP_CLEAR, no_args },
    { OP_SET_CTX, ctx_bit },     { OP_GET_CTX, no_args },     { OP_DUP, no_args },
    { OP_CONNECT, no_args },
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
    case ON_NONE:
    default:
        return TGT_NONE;
    }
}

static int decode_mask_op(struct reader *r, struct op *op)
{
    uint8_t k;
    if (!take(r, &k))
        return 0;
    const struct slot *sl = &mask_slots[k & 15];
    *op = blank(sl->kind, pick_target(sl->kind, k >> 4));
    return sl->args(r, op, k);
}

/* write: bits 0-4 of k pick the call, bit 5 the side; writes and reads come
 * most often, and retries from the fuzzer repeating bytes. */
static const struct slot write_slots[32] = {
    { OP_WRITE, write_args },       { OP_WRITE, write_args },
    { OP_WRITE, write_args },       { OP_WRITE, write_args },
    { OP_WRITE, write_args },       { OP_WRITE, write_args },
    { OP_WRITE, write_args },       { OP_WRITE, write_args },
    { OP_WRITE_EX, write_args },    { OP_WRITE_EX, write_args },
    { OP_READ, read_size },         { OP_READ, read_size },
    { OP_READ, read_size },         { OP_READ, read_size },
    { OP_READ, more_calls },        { OP_DRAIN, no_args },
    { OP_KEY_UPDATE, bit6 },        { OP_SHUTDOWN, no_args },
    { OP_SET_MODE, io_flags },      { OP_SET_MODE, io_flags },
    { OP_SET_MODE, io_flags },      { OP_CLEAR_MODE, io_flags },
    { OP_CLEAR_MODE, io_flags },    { OP_BUF, buf_args },
    { OP_COPY, copy_args },         { OP_FILL, fill_args },
    { OP_WRITE_EX, write_args },    { OP_FREE_BUFFERS, no_args },
    { OP_READ_AHEAD, bit6 },        { OP_ALLOC_BUFFERS, no_args },
    { OP_RENEGOTIATE, no_args },    { OP_NO_RENEG, bit6 },
};

static int decode_write_op(struct reader *r, struct op *op)
{
    uint8_t k;
    if (!take(r, &k))
        return 0;
    const struct slot *sl = &write_slots[k & 31];
    *op = blank(sl->kind, op_table[sl->kind].on == ON_NONE ? TGT_NONE : slot_target((k >> 5) & 1));
    return sl->args(r, op, k);
}

/* hello: bits 0-2 of k pick the call: the flags of either context (bit 0:
 * cctx or sctx), each side's version range, and the handshake that shows
 * their effect. */
static const struct slot hello_slots[8] = {
    { OP_SET_MODE, any_long },   { OP_SET_MODE, any_long },
    { OP_CLEAR_MODE, any_long }, { OP_CLEAR_MODE, any_long },
    { OP_SET_CLIENT_VERSIONS, range_bits }, { OP_SET_SERVER_VERSIONS, range_bits },
    { OP_HELLO, no_args },       { OP_HELLO, no_args },
};

static int decode_hello_op(struct reader *r, struct op *op)
{
    uint8_t k;
    if (!take(r, &k))
        return 0;
    const struct slot *sl = &hello_slots[k & 7];
    enum target t = op_table[sl->kind].on == ON_NONE ? TGT_NONE : k & 1 ? TGT_SCTX : TGT_CCTX;
    *op = blank(sl->kind, t);
    return sl->args(r, op, k);
}

/* --- the shared part ------------------------------------------------------ */

/* What the decoder tracks to keep only ops the harness can run: the model's
 * state, the buffers (names, sizes, contents; no memory) and the
 * configuration. */
struct shadow {
    struct model_state m;
    struct buffers b;
    struct session_config cfg;
    int handshakes;
};

/* 1: the op is kept; 0: skipped (not applicable now); -1: the input ends
 * before it, as it goes beyond what the model holds (a negative reason,
 * spec/divergences.md D4 and D11). */
static int accept_op(struct shadow *sh, const struct op *op)
{
    const char *why;
    if (!model_applicable(&sh->m, &sh->b, &sh->cfg, op, &why))
        return 0;
    /* A handshake costs as much as a thousand other steps; two per input
     * reach every rule (connect, reset, connect again). */
    if (((op->kind == OP_CONNECT && !sh->m.world.connected) || op->kind == OP_HELLO) &&
        sh->handshakes++ == DECODE_MAX_HANDSHAKES)
        return 0;
    if (op_table[op->kind].arg == ARG_LENGTH_FROM && bufs_prepare_write(&sh->b, op))
        return 0;
    return model_apply(&sh->m, &sh->b, &sh->cfg, op).reason < 0 ? -1 : 1;
}

/* The suites a header byte picks, in the order of format 1, by name: a
 * suite added to config.c's table does not re-map the committed inputs. */
static const char *const cipher_choices[9] = {
    "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA",
    "ECDHE-ECDSA-AES128-SHA256",
};

/* Session tickets by the top bits of the capacity byte: half the inputs
 * have none, so inputs made before tickets existed decode as they did. */
static const uint32_t ticket_counts[4] = { 0, 0, 1, 3 };

/* The write target's header: the cipher suite, the capacity, the fragment
 * size (half the time the default), the server's session tickets (when the
 * suite is TLS 1.3 and they fit the transport), RELEASE_BUFFERS on either
 * context (bits 4 and 5 of the capacity byte: the handshake's release
 * points), then connect. */
static size_t write_header(struct reader *r, struct shadow *sh, struct op *ops)
{
    uint8_t c, k;
    if (!take(r, &c) || !take(r, &k))
        return 0;
    size_t n = 0;
    int cipher = cipher_find(cipher_choices[c % 9]);
    if (cipher < 0)
        abort(); /* config.c lost a suite of the format: a build error in all but name */
    ops[n] = blank(OP_SET_CIPHER, TGT_NONE);
    ops[n++].arg = cipher;
    ops[n] = blank(OP_SET_CAP, TGT_NONE);
    ops[n++].arg = caps[k % 16];
    if (c & 0x80) {
        ops[n] = blank(OP_SET_MSF, TGT_NONE);
        ops[n++].arg = msf_values[(c >> 4) % 8];
    }
    struct session_config trial = sh->cfg;
    const char *why;
    trial.cipher = cipher;
    trial.cap = caps[k % 16];
    trial.tickets = ticket_counts[k >> 6];
    if (trial.tickets && cipher_table[trial.cipher].tls13 && config_connect_ok(trial, &why)) {
        ops[n] = blank(OP_SET_TICKETS, TGT_NONE);
        ops[n++].arg = trial.tickets;
    }
    for (int side = 0; side < 2; side++)
        if (k & (0x10 << side)) {
            ops[n] = blank(OP_SET_MODE, side ? TGT_SCTX : TGT_CCTX);
            ops[n++].arg = MODE_RELEASE_BUFFERS;
        }
    ops[n++] = blank(OP_CONNECT, TGT_NONE);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (accept_op(sh, &ops[i]) == 1)
            ops[kept++] = ops[i];
    return kept;
}

size_t decode(enum fuzz_target t, const uint8_t *data, size_t size, struct op *ops, size_t max)
{
    struct reader r = { data, size };
    static struct shadow sh; /* large: the model's pipes */
    model_init(&sh.m);
    bufs_init(&sh.b, 1);
    sh.cfg = config_default();
    sh.handshakes = 0;
    size_t n = 0;
    if (t == TARGET_WRITE && max >= 7) /* the most write_header makes */
        n = write_header(&r, &sh, ops);
    for (;;) {
        if (n == max)
            break;
        int got = t == TARGET_MASK    ? decode_mask_op(&r, &ops[n])
                  : t == TARGET_WRITE ? decode_write_op(&r, &ops[n])
                                      : decode_hello_op(&r, &ops[n]);
        if (!got)
            break;
        int kept = accept_op(&sh, &ops[n]);
        if (kept < 0)
            break;
        n += (size_t) kept;
    }
    return n;
}
