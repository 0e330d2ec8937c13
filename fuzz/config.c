/* fuzz/config.c: see config.h. The record sizes were measured on OpenSSL
 * 3.0.22 (spec/write.md, WRITE-01) and are checked again by every write of
 * every run: a wrong size shows up as a different transport fill. */
#include "config.h"

#include <string.h>

#include "../model/hello.h"

/* NewSessionTicket plaintext (TLS 1.3): a stateful ticket (pair_configure)
 * is the 32-byte session ID, so the message is 57 bytes with every suite and
 * 79 on the wire (measured on 3.0.22, 960 tickets, one size).
 * AEAD: 5-byte header, explicit nonce if any, tag; TLS 1.3 adds the inner
 * content-type byte. CBC with encrypt-then-MAC: header, 16-byte IV, the
 * plaintext padded to whole blocks (at least one byte of padding), MAC. */
const struct cipher_info cipher_table[CIPHER_COUNT] = {
    { "TLS_AES_256_GCM_SHA384", 1, { 22, 1, 0 }, 57 },
    { "TLS_AES_128_GCM_SHA256", 1, { 22, 1, 0 }, 57 },
    { "TLS_CHACHA20_POLY1305_SHA256", 1, { 22, 1, 0 }, 57 },
    { "ECDHE-ECDSA-AES256-GCM-SHA384", 0, { 29, 1, 0 }, 0 },
    { "ECDHE-ECDSA-AES128-GCM-SHA256", 0, { 29, 1, 0 }, 0 },
    { "ECDHE-ECDSA-CHACHA20-POLY1305", 0, { 21, 1, 0 }, 0 },
    { "ECDHE-ECDSA-AES128-SHA", 0, { 57, 16, 0 }, 0 },
    { "ECDHE-ECDSA-AES256-SHA", 0, { 57, 16, 0 }, 0 },
    { "ECDHE-ECDSA-AES128-SHA256", 0, { 69, 16, 0 }, 0 },
};

struct session_config config_default(void)
{
    long both = range_arg(VERSION_TLS12, VERSION_TLS13);
    struct session_config cfg = { PAIR_DEFAULT_CAP, CIPHER_DEFAULT_13, { both, both }, 0 };
    return cfg;
}

int config_apply(struct session_config *cfg, const struct op *op)
{
    switch (op->kind) {
    case OP_SET_CAP:
        cfg->cap = (uint32_t) op->arg;
        return 1;
    case OP_SET_VERSION:
        cfg->cipher = op->arg == 12 ? CIPHER_DEFAULT_12 : CIPHER_DEFAULT_13;
        return 1;
    case OP_SET_CIPHER:
        cfg->cipher = (int) op->arg;
        return 1;
    case OP_SET_CLIENT_VERSIONS:
    case OP_SET_SERVER_VERSIONS:
        cfg->versions[op->kind == OP_SET_SERVER_VERSIONS] = op->arg;
        return 1;
    case OP_SET_TICKETS:
        cfg->tickets = (uint32_t) op->arg;
        return 1;
    default:
        return 0;
    }
}

int cipher_find(const char *name)
{
    for (int i = 0; i < CIPHER_COUNT; i++)
        if (strcmp(cipher_table[i].name, name) == 0)
            return i;
    return -1;
}

struct conn_params config_params(struct session_config cfg, struct frag frag)
{
    struct conn_params p;
    p.tls13 = cipher_table[cfg.cipher].tls13;
    p.shape = cipher_table[cfg.cipher].shape;
    p.cap = cfg.cap;
    p.frag = frag;
    /* TLS 1.2 sends its ticket inside the handshake, if at all. */
    p.tickets = p.tls13 ? cfg.tickets : 0;
    p.ticket_plain = cipher_table[cfg.cipher].ticket_plain;
    return p;
}

int config_connect_ok(struct session_config cfg, const char **why)
{
    const struct cipher_info *ci = &cipher_table[cfg.cipher];
    uint64_t flight = ci->tls13 ? (uint64_t) cfg.tickets * conn_wire(ci->shape, ci->ticket_plain) : 0;
    *why = "the server's session tickets do not fit the transport, so the handshake "
           "cannot complete (spec/divergences.md, D9)";
    return flight <= cfg.cap;
}
