/* conformance/probe_openssl.c: the mode probe for OpenSSL (Debian's libssl3).
 * Linked with -lssl -lcrypto and nothing else. The body and the output
 * format are in probe.h; mkmodes.sh builds and runs it. */
#include <openssl/crypto.h>
#include <openssl/opensslv.h>
#include <openssl/ssl.h>
#ifndef PROBE_HEADERS_ONLY

#define PROBE_LIBRARY "openssl"

static void probe_versions(void)
{
    printf("version OpenSSL_version(OPENSSL_VERSION) %s\n", OpenSSL_version(OPENSSL_VERSION));
    printf("version OPENSSL_VERSION_TEXT %s\n", OPENSSL_VERSION_TEXT);
}

#include "probe.h"
#endif
