/* fuzz/config.c: see config.h. */
#include "config.h"

#include "../model/hello.h"

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

struct conn_params config_params(struct session_config cfg, struct frag client,
                                 struct frag server)
{
    struct conn_params p;
    p.tls13 = cipher_table[cfg.cipher].tls13;
    p.shape = cipher_table[cfg.cipher].shape;
    p.cap = cfg.cap;
    p.frag[SIDE_CLIENT] = client;
    p.frag[SIDE_SERVER] = server;
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
