/* fuzz/config.c: see config.h. The record sizes were measured on OpenSSL
 * 3.0.22 (spec/write.md, WRITE-01) and are checked again by every write of
 * every run: a wrong size shows up as a different transport fill. */
#include "config.h"

#include <string.h>

#include "../model/hello.h"
#include "pair.h"

/* AEAD: 5-byte header, explicit nonce if any, tag; TLS 1.3 adds the inner
 * content-type byte. CBC with encrypt-then-MAC: header, 16-byte IV, the
 * plaintext padded to whole blocks (at least one byte of padding), MAC. */
const struct cipher_info cipher_table[CIPHER_COUNT] = {
    { "TLS_AES_256_GCM_SHA384", 1, { 22, 1, 0 } },
    { "TLS_AES_128_GCM_SHA256", 1, { 22, 1, 0 } },
    { "TLS_CHACHA20_POLY1305_SHA256", 1, { 22, 1, 0 } },
    { "ECDHE-ECDSA-AES256-GCM-SHA384", 0, { 29, 1, 0 } },
    { "ECDHE-ECDSA-AES128-GCM-SHA256", 0, { 29, 1, 0 } },
    { "ECDHE-ECDSA-CHACHA20-POLY1305", 0, { 21, 1, 0 } },
    { "ECDHE-ECDSA-AES128-SHA", 0, { 57, 16, 0 } },
    { "ECDHE-ECDSA-AES256-SHA", 0, { 57, 16, 0 } },
    { "ECDHE-ECDSA-AES128-SHA256", 0, { 69, 16, 0 } },
};

struct session_config config_default(void)
{
    long both = range_arg(VERSION_TLS12, VERSION_TLS13);
    struct session_config cfg = { PAIR_DEFAULT_CAP, CIPHER_DEFAULT_13, { both, both } };
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
    return p;
}
