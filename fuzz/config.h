/* fuzz/config.h: the session parameters a scenario or a fuzz input chooses
 * before `connect` (the cipher suites they pick from: ciphers.h). */
#ifndef SSLMODE_FUZZ_CONFIG_H
#define SSLMODE_FUZZ_CONFIG_H

#include "../model/conn.h"
#include "ciphers.h"
#include "op.h"

/* Capacity of each direction of the BIO pair, unless a scenario sets one. */
#define PAIR_DEFAULT_CAP 65536

/* What the harness sets up at the next connect. (max_send_fragment is not
 * here: `set max_send_fragment` goes to the library at once, and the model
 * keeps what the contexts hold.) */
struct session_config {
    uint32_t cap; /* BIO pair capacity each way */
    int cipher;   /* index into cipher_table (it fixes the version) */
    long versions[2]; /* `hello`: each side's version range (range_arg) */
    uint32_t tickets; /* session tickets the server sends (TLS 1.3) */
};

struct session_config config_default(void);

/* Applies `set cap`, `set version`, `set cipher` or `set *_versions`;
 * returns 0 if op was none of them. (`set version` picks that version's
 * default suite.) */
int config_apply(struct session_config *cfg, const struct op *op);

/* The model's parameters for a connection made with this configuration and
 * these fragment sizes of the client's and the server's SSL. */
struct conn_params config_params(struct session_config cfg, struct frag client,
                                 struct frag server);

/* Whether a handshake with this configuration can complete: in TLS 1.3 the
 * server's tickets must fit the transport (spec/divergences.md, D9).
 * Returns 1, or 0 with the reason in *why. */
int config_connect_ok(struct session_config cfg, const char **why);

#endif
