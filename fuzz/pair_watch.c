/* fuzz/pair_watch.c: the record buffers each SSL holds (pair.h, pair_watch_*),
 * seen through the allocation functions libcrypto lets a program install
 * (CRYPTO_set_mem_functions). Kept apart from the session pair: it replaces
 * the library's allocator for the whole process. */
#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>

#include "pair.h"

#define WATCH_MAX 64 /* live record buffers: at most 2 per SSL, a few SSLs */

static struct watched {
    void *p;
    size_t n;
    const SSL *ssl;
    int kind;
} live[WATCH_MAX];
static int nlive;
static const SSL *watch_ssl;
static const char *buffer_file; /* libcrypto's OPENSSL_FILE for ssl3_buffer.c */
static int site[2] = { -1, -1 };  /* the lines of the read and write sites */
static int learning;              /* pair_watch_start is learning the sites */

/* The file whose allocations are the record buffers: ssl/record/ssl3_buffer.c
 * up to 3.1. The record layer rewritten in 3.2 (OpenSSL 3.5, openssl/versions)
 * allocates them in ssl/record/methods/tls_common.c (tls_setup_read_buffer,
 * tls_setup_write_buffer), with other things (the record layer itself, MAC
 * buffers), whose lines are neither site and so count as neither buffer. */
#if OPENSSL_VERSION_NUMBER >= 0x30200000L
#define BUFFER_FILE "tls_common.c"
#else
#define BUFFER_FILE "ssl3_buffer.c"
#endif

static int is_buffer_file(const char *file)
{
    static const char tail[] = BUFFER_FILE;
    if (!file)
        return 0;
    if (buffer_file)
        return file == buffer_file || strcmp(file, buffer_file) == 0;
    size_t n = strlen(file);
    if (n < sizeof tail - 1 || strcmp(file + n - (sizeof tail - 1), tail) != 0)
        return 0;
    buffer_file = file;
    return 1;
}

static void note(void *p, size_t n, int line)
{
    if (nlive == WATCH_MAX) {
        fprintf(stderr, "pair: more than %d record buffers live at once\n", WATCH_MAX);
        abort();
    }
    if (learning && site[WATCH_READ] < 0)
        site[WATCH_READ] = line;
    else if (learning && site[WATCH_WRITE] < 0)
        site[WATCH_WRITE] = line;
    int kind = line == site[WATCH_READ] ? WATCH_READ
               : line == site[WATCH_WRITE] ? WATCH_WRITE : WATCH_OTHER;
    live[nlive++] = (struct watched) { p, n, watch_ssl, kind };
}

static int find_live(const void *p)
{
    for (int i = 0; p && i < nlive; i++)
        if (live[i].p == p)
            return i;
    return -1;
}

/* Whether an allocation at `line` of BUFFER_FILE is watched. In
 * ssl3_buffer.c every allocation is a record buffer, and one from a third
 * line shows as "other" (exec.c compares it with 0). tls_common.c (3.2 on)
 * also allocates the record layer itself, MAC and decompression buffers and
 * kTLS copies: there only the two sites learned count, and "other" stays 0. */
static int watched_line(int line)
{
#if OPENSSL_VERSION_NUMBER >= 0x30200000L
    return learning || line == site[WATCH_READ] || line == site[WATCH_WRITE];
#else
    (void) line;
    return 1;
#endif
}

static void *watch_malloc(size_t n, const char *file, int line)
{
    void *p = malloc(n);
    if (p && is_buffer_file(file) && watched_line(line))
        note(p, n, line);
    return p;
}

static void *watch_realloc(void *old, size_t n, const char *file, int line)
{
    (void) file;
    (void) line;
    void *p = realloc(old, n);
    int i = find_live(old);
    if (p && i >= 0) {
        live[i].p = p;
        live[i].n = n;
    }
    return p;
}

static void watch_free(void *p, const char *file, int line)
{
    (void) file;
    (void) line;
    int i = find_live(p);
    if (i >= 0)
        live[i] = live[--nlive];
    free(p);
}

int pair_watch_start(const char **why)
{
    static int started; /* 0 not yet, 1 done, -1 failed */
    static const char *failed;
    if (started) {
        *why = failed;
        return started > 0;
    }
    started = -1;
    failed = "libcrypto allocated memory before the harness could watch it "
             "(CRYPTO_set_mem_functions refused)";
    if (!CRYPTO_set_mem_functions(watch_malloc, watch_realloc, watch_free)) {
        *why = failed;
        return 0;
    }
    failed = "SSL_alloc_buffers on a fresh SSL did not allocate two record buffers "
             "in " BUFFER_FILE;
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    SSL *ssl = ctx ? SSL_new(ctx) : NULL;
    learning = 1;
    pair_watch_on(ssl);
    int ok = ssl && SSL_alloc_buffers(ssl) == 1;
    pair_watch_on(NULL);
    learning = 0;
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    if (!ok || site[WATCH_READ] < 0 || site[WATCH_WRITE] < 0 || nlive != 0) {
        *why = failed;
        return 0;
    }
    started = 1;
    failed = NULL;
    *why = NULL;
    return 1;
}

void pair_watch_on(const SSL *ssl)
{
    watch_ssl = ssl;
}

long pair_watch_held(const SSL *ssl, int kind)
{
    long bytes = 0;
    for (int i = 0; i < nlive; i++)
        if (live[i].ssl == ssl && live[i].kind == kind)
            bytes += (long) live[i].n;
    return bytes;
}
