/* fuzz/abi_check.c: fails the build if a model constant differs from the
 * OpenSSL header it stands for. Compiled by `make`, linked into nothing.
 * (That the name table lists every SSL_MODE_* of the header, and only those,
 * is checked by tests/run.sh against `sslmode names`.) */
#include <openssl/ssl.h>

#include "../model/mode.h"

#define SAME(model, openssl) \
    _Static_assert((model) == (openssl), #model " differs from " #openssl)

SAME(MODE_ENABLE_PARTIAL_WRITE, SSL_MODE_ENABLE_PARTIAL_WRITE);
SAME(MODE_ACCEPT_MOVING_WRITE_BUFFER, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
SAME(MODE_AUTO_RETRY, SSL_MODE_AUTO_RETRY);
SAME(MODE_NO_AUTO_CHAIN, SSL_MODE_NO_AUTO_CHAIN);
SAME(MODE_RELEASE_BUFFERS, SSL_MODE_RELEASE_BUFFERS);
SAME(MODE_SEND_CLIENTHELLO_TIME, SSL_MODE_SEND_CLIENTHELLO_TIME);
SAME(MODE_SEND_SERVERHELLO_TIME, SSL_MODE_SEND_SERVERHELLO_TIME);
SAME(MODE_SEND_FALLBACK_SCSV, SSL_MODE_SEND_FALLBACK_SCSV);
SAME(MODE_ASYNC, SSL_MODE_ASYNC);
SAME(MODE_DTLS_SCTP_LABEL_LENGTH_BUG, SSL_MODE_DTLS_SCTP_LABEL_LENGTH_BUG);

/* MASK-05 speaks of a 64-bit long: the harness runs on LP64. */
_Static_assert(sizeof(long) == 8, "the model assumes LP64 (Debian amd64)");

/* The handshake flags' versions, alerts and reasons (model/hello.h). */
#include <openssl/sslerr.h>
#include <openssl/tls1.h>

#include "../model/hello.h"

SAME(VERSION_TLS12, TLS1_2_VERSION);
SAME(VERSION_TLS13, TLS1_3_VERSION);
SAME(ALERT_PROTOCOL_VERSION, TLS1_AD_PROTOCOL_VERSION);
SAME(ALERT_INAPPROPRIATE_FALLBACK, TLS1_AD_INAPPROPRIATE_FALLBACK);
SAME(REASON_UNSUPPORTED_PROTOCOL, SSL_R_UNSUPPORTED_PROTOCOL);
SAME(REASON_INAPPROPRIATE_FALLBACK, SSL_R_INAPPROPRIATE_FALLBACK);
SAME(REASON_TLSV1_ALERT_PROTOCOL_VERSION, SSL_R_TLSV1_ALERT_PROTOCOL_VERSION);
SAME(REASON_TLSV1_ALERT_INAPPROPRIATE_FALLBACK, SSL_R_TLSV1_ALERT_INAPPROPRIATE_FALLBACK);
