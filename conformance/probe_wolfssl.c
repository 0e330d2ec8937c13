/* conformance/probe_wolfssl.c: the mode probe for wolfSSL's OpenSSL
 * compatibility layer (Debian's libwolfssl-dev). wolfssl/options.h comes
 * first: it holds the configuration the library was built with (OPENSSL_ALL
 * and OPENSSL_EXTRA, which the compatibility headers test). Linked with
 * -lwolfssl alone. The body and the output format are in probe.h. */
#include <wolfssl/options.h>
#include <wolfssl/openssl/ssl.h>
#include <wolfssl/ssl.h>
#include <wolfssl/version.h>
#ifndef PROBE_HEADERS_ONLY

#define PROBE_LIBRARY "wolfssl"

static void probe_versions(void)
{
    printf("version wolfSSL_lib_version() %s\n", wolfSSL_lib_version());
    printf("version LIBWOLFSSL_VERSION_STRING %s\n", LIBWOLFSSL_VERSION_STRING);
}

#include "probe.h"
#endif
