/* fuzz/ciphers.c: see ciphers.h. The record sizes were measured on OpenSSL
 * 3.0.22 (spec/write.md, WRITE-01) and are checked again by every write of
 * every run: a wrong size shows up as a different transport fill. */
#include "ciphers.h"

#include <string.h>

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

int cipher_find(const char *name)
{
    for (int i = 0; i < CIPHER_COUNT; i++)
        if (strcmp(cipher_table[i].name, name) == 0)
            return i;
    return -1;
}
