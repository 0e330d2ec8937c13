/* conformance/probe.h: the body every mode probe shares. Each
 * probe_LIBRARY.c includes its library's headers, defines what differs
 * (PROBE_LIBRARY and probe_versions), then includes this file. The probe is
 * linked against that library alone: BoringSSL and OpenSSL export the same
 * symbol names, so each library gets its own program (mkmodes.sh checks it).
 *
 * What is defined is not guessed here. mkmodes.sh first compiles every
 * candidate name and call against the library's headers, one per line, and
 * passes what compiled in a generated header (-include):
 *   PROBE_NAMES(X)          X(name, 1) for a name the headers define (a
 *                           macro or an enum constant), X(name, 0) for one
 *                           they do not; in the order of the table
 *   PROBE_HAVE_<name>       1 for each name the headers define
 *   PROBE_HAVE_<call>       1 for each call the headers declare (a function
 *                           or a macro); a call without it is "unsupported"
 *
 * Output: one record per line, fields separated by one space, the first
 * field the record's kind. A value is 0x... in hex, -0x... when negative.
 *   library NAME
 *   version SOURCE TEXT...       TEXT is the rest of the line
 *   name SSL_MODE_X VALUE        the name's value as the library defines it
 *   name SSL_MODE_X undefined
 *   unsupported CALL             a call the library's headers lack
 *   type CALL C-TYPE...          what CALL returns (C-TYPE may hold spaces);
 *                                also `type uint32_t C-TYPE`
 *   mode ctx_new VALUE           SSL_CTX_get_mode of SSL_CTX_new(TLS_method())
 *   mode ssl_new VALUE           SSL_get_mode of an SSL_new from such a context
 *   set OBJ ARG VALUE returns VALUE get VALUE
 *                                on a new context (OBJ ctx) or a new SSL
 *                                (OBJ ssl): what SSL[_CTX]_set_mode(obj,
 *                                VALUE) returned, then what the get call
 *                                says; ARG names the argument (single,
 *                                several, unnamed)
 * Where a call is unsupported the VALUE is `unsupported`; where SSL_CTX_new
 * or SSL_new returned NULL it is `null`. mkmodes.sh appends two records of
 * its own: `version dpkg PACKAGE VERSION` (the package that holds the
 * library the probe loaded) and `version library PATH` (that library).
 */
#ifndef PROBE_LIBRARY
#error "include probe.h from a probe_LIBRARY.c that defines PROBE_LIBRARY"
#endif
#ifndef PROBE_NAMES
#error "build with -include of the definitions mkmodes.sh generates"
#endif

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* A bit no library names (modes.pl checks that no name's value holds it). */
#define PROBE_UNNAMED_BIT 0x00010000L

static void print_value(long long v)
{
    if (v < 0)
        printf(" -0x%llx", (unsigned long long)-(v + 1) + 1);
    else
        printf(" 0x%llx", (unsigned long long)v);
}

#define PROBE_NAME_ROW(name, have) print_name(#name, have, PROBE_VALUE_##have(name));
#define PROBE_VALUE_1(name) ((long long)(name))
#define PROBE_VALUE_0(name) 0LL

static void print_name(const char *name, int have, long long value)
{
    printf("name %s", name);
    if (have)
        print_value(value);
    else
        printf(" undefined");
    printf("\n");
}

/* The C type an expression has, for the `type` records. */
#define PROBE_TYPE(e) _Generic((e), \
    int: "int", unsigned int: "unsigned int", \
    long: "long", unsigned long: "unsigned long", \
    long long: "long long", unsigned long long: "unsigned long long", \
    default: "another type")

static void print_unsupported(void)
{
#ifndef PROBE_HAVE_TLS_method
    printf("unsupported TLS_method\n");
#endif
#ifndef PROBE_HAVE_SSL_CTX_new
    printf("unsupported SSL_CTX_new\n");
#endif
#ifndef PROBE_HAVE_SSL_new
    printf("unsupported SSL_new\n");
#endif
#ifndef PROBE_HAVE_SSL_CTX_set_mode
    printf("unsupported SSL_CTX_set_mode\n");
#endif
#ifndef PROBE_HAVE_SSL_CTX_get_mode
    printf("unsupported SSL_CTX_get_mode\n");
#endif
#ifndef PROBE_HAVE_SSL_set_mode
    printf("unsupported SSL_set_mode\n");
#endif
#ifndef PROBE_HAVE_SSL_get_mode
    printf("unsupported SSL_get_mode\n");
#endif
}

#if defined(PROBE_HAVE_TLS_method) && defined(PROBE_HAVE_SSL_CTX_new)
#define PROBE_CAN_MAKE_CTX 1
static SSL_CTX *new_ctx(void) { return SSL_CTX_new(TLS_method()); }
#endif
#if defined(PROBE_CAN_MAKE_CTX) && defined(PROBE_HAVE_SSL_new)
#define PROBE_CAN_MAKE_SSL 1
#endif

static void print_types(void)
{
    printf("type uint32_t %s\n", PROBE_TYPE((uint32_t)0));
#ifdef PROBE_CAN_MAKE_CTX
    SSL_CTX *ctx = NULL;
#ifdef PROBE_HAVE_SSL_CTX_set_mode
    printf("type SSL_CTX_set_mode %s\n", PROBE_TYPE(SSL_CTX_set_mode(ctx, 0)));
#endif
#ifdef PROBE_HAVE_SSL_CTX_get_mode
    printf("type SSL_CTX_get_mode %s\n", PROBE_TYPE(SSL_CTX_get_mode(ctx)));
#endif
    (void)ctx;
#endif
#ifdef PROBE_CAN_MAKE_SSL
    SSL *ssl = NULL;
#ifdef PROBE_HAVE_SSL_set_mode
    printf("type SSL_set_mode %s\n", PROBE_TYPE(SSL_set_mode(ssl, 0)));
#endif
#ifdef PROBE_HAVE_SSL_get_mode
    printf("type SSL_get_mode %s\n", PROBE_TYPE(SSL_get_mode(ssl)));
#endif
    (void)ssl;
#endif
}

/* `mode ctx_new` and `mode ssl_new`: the masks a new object starts with. */
static void print_defaults(void)
{
#if defined(PROBE_CAN_MAKE_CTX) && defined(PROBE_HAVE_SSL_CTX_get_mode)
    SSL_CTX *ctx = new_ctx();
    printf("mode ctx_new");
    if (ctx) print_value((long long)SSL_CTX_get_mode(ctx)); else printf(" null");
    printf("\n");
#else
    SSL_CTX *ctx = NULL;
    printf("mode ctx_new unsupported\n");
#endif
#if defined(PROBE_CAN_MAKE_SSL) && defined(PROBE_HAVE_SSL_get_mode)
    if (!ctx) ctx = new_ctx();
    SSL *ssl = ctx ? SSL_new(ctx) : NULL;
    printf("mode ssl_new");
    if (ssl) print_value((long long)SSL_get_mode(ssl)); else printf(" null");
    printf("\n");
    if (ssl) SSL_free(ssl);
#else
    printf("mode ssl_new unsupported\n");
#endif
#ifdef PROBE_CAN_MAKE_CTX
    if (ctx) SSL_CTX_free(ctx);
#endif
}

/* One `set ctx` record: a new context, SSL_CTX_set_mode(ctx, arg), then
 * SSL_CTX_get_mode. */
static void set_ctx(const char *label, long long arg)
{
    printf("set ctx %s", label);
    print_value(arg);
#if defined(PROBE_CAN_MAKE_CTX) && defined(PROBE_HAVE_SSL_CTX_set_mode)
    SSL_CTX *ctx = new_ctx();
    if (!ctx) { printf(" returns null get null\n"); return; }
    printf(" returns");
    print_value((long long)SSL_CTX_set_mode(ctx, arg));
    printf(" get");
#ifdef PROBE_HAVE_SSL_CTX_get_mode
    print_value((long long)SSL_CTX_get_mode(ctx));
#else
    printf(" unsupported");
#endif
    SSL_CTX_free(ctx);
#else
    printf(" returns unsupported get unsupported");
#endif
    printf("\n");
}

/* One `set ssl` record: an SSL_new from a new context, SSL_set_mode(ssl,
 * arg), then SSL_get_mode. */
static void set_ssl(const char *label, long long arg)
{
    printf("set ssl %s", label);
    print_value(arg);
#if defined(PROBE_CAN_MAKE_SSL) && defined(PROBE_HAVE_SSL_set_mode)
    SSL_CTX *ctx = new_ctx();
    SSL *ssl = ctx ? SSL_new(ctx) : NULL;
    if (!ssl) {
        printf(" returns null get null\n");
        if (ctx) SSL_CTX_free(ctx);
        return;
    }
    printf(" returns");
    print_value((long long)SSL_set_mode(ssl, arg));
    printf(" get");
#ifdef PROBE_HAVE_SSL_get_mode
    print_value((long long)SSL_get_mode(ssl));
#else
    printf(" unsupported");
#endif
    SSL_free(ssl);
    SSL_CTX_free(ctx);
#else
    printf(" returns unsupported get unsupported");
#endif
    printf("\n");
}

/* The arguments: one flag, several flags, and a bit no library names.
 * single and several use the library's own names, as a program ported to
 * it would; they are left out where a name is missing. */
static void print_sets(void)
{
#ifdef PROBE_HAVE_SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER
    set_ctx("single", SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
#endif
#if defined(PROBE_HAVE_SSL_MODE_ENABLE_PARTIAL_WRITE) && \
    defined(PROBE_HAVE_SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER)
    set_ctx("several", SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
#endif
    set_ctx("unnamed", PROBE_UNNAMED_BIT);
#ifdef PROBE_HAVE_SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER
    set_ssl("single", SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
#endif
#if defined(PROBE_HAVE_SSL_MODE_ENABLE_PARTIAL_WRITE) && \
    defined(PROBE_HAVE_SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER)
    set_ssl("several", SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
#endif
    set_ssl("unnamed", PROBE_UNNAMED_BIT);
}

int main(void)
{
    printf("library %s\n", PROBE_LIBRARY);
    probe_versions();
    PROBE_NAMES(PROBE_NAME_ROW)
    print_unsupported();
    print_types();
    print_defaults();
    print_sets();
    return fflush(stdout) == 0 ? 0 : 1;
}
