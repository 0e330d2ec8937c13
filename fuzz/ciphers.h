/* fuzz/ciphers.h: the cipher suites the harness negotiates, with the size
 * each gives a record on the wire (spec/write.md, WRITE-01). Data only: the
 * op printer (op.c) names a suite from here without the session
 * configuration (config.h). */
#ifndef SSLMODE_FUZZ_CIPHERS_H
#define SSLMODE_FUZZ_CIPHERS_H

#include <stdint.h>

#include "../model/conn.h"

struct cipher_info {
    const char *name;  /* OpenSSL's name */
    int tls13;         /* a TLS 1.3 suite (else TLS 1.2) */
    struct shape shape; /* wire bytes of a record: see conn_wire */
    uint32_t ticket_plain; /* TLS 1.3: plaintext bytes of a NewSessionTicket */
};

/* Only suites without multi-record writes: the CBC suites here always run
 * with encrypt-then-MAC, so the x86 multiblock path (which needs it off)
 * never applies (spec/write.md, divergence table). */
#define CIPHER_COUNT 9
extern const struct cipher_info cipher_table[CIPHER_COUNT];

/* Index of the default suite of each version. */
#define CIPHER_DEFAULT_13 0
#define CIPHER_DEFAULT_12 3

/* The cipher index of a name, or -1. */
int cipher_find(const char *name);

#endif
