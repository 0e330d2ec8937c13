/* conformance/probe_boringssl.c: the mode probe for BoringSSL as Debian
 * ships it (android-libboringssl-dev: headers in an android/ include
 * folder, libssl.so.0 in an android/ library folder). Its symbols are
 * named like OpenSSL's, so this program links BoringSSL alone; mkmodes.sh
 * checks that no OpenSSL library is loaded. The body and the output format
 * are in probe.h. */
#include <openssl/base.h>
#include <openssl/crypto.h>
#include <openssl/ssl.h>
#ifndef OPENSSL_IS_BORINGSSL
#error "these headers are not BoringSSL's (OPENSSL_IS_BORINGSSL is not defined)"
#endif
#ifndef PROBE_HEADERS_ONLY

#define PROBE_LIBRARY "boringssl"

static void probe_versions(void)
{
    printf("version OpenSSL_version(OPENSSL_VERSION) %s\n", OpenSSL_version(OPENSSL_VERSION));
    printf("version OPENSSL_VERSION_TEXT %s\n", OPENSSL_VERSION_TEXT);
    printf("version BORINGSSL_API_VERSION %d\n", BORINGSSL_API_VERSION);
}

#include "probe.h"
#endif
