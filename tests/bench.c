/* tests/bench.c: `make bench`. Speed and memory of the pieces whose cost
 * decides how fast the differential fuzzing can go, built without sanitizers:
 *   - a whole session (both contexts, both SSLs, the handshake, the frees);
 *   - the same with the contexts kept, as the fuzz targets do;
 *   - each fuzz target over its committed corpus;
 *   - the heap a connected pair holds, and the process's peak RSS.
 * Usage: bench [SECONDS], how long each rate is measured (default 3; CI runs
 * `make bench BENCH_SECONDS=0.2` so that the benchmark cannot break unseen). */
#include <dirent.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "../fuzz/pair.h"
#include "../fuzz/target.h"

static double seconds = 3.0; /* how long each rate is measured */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

static int session(SSL_CTX *cctx, SSL_CTX *sctx)
{
    SSL *c = SSL_new(cctx), *s = SSL_new(sctx);
    int ok = c && s && pair_join(c, s, PAIR_DEFAULT_CAP) && pair_handshake(c, s);
    SSL_free(c);
    SSL_free(s);
    return ok;
}

static void bench_sessions(int fresh)
{
    SSL_CTX *kept[2] = { pair_ctx_new(0), pair_ctx_new(1) };
    int n = 0;
    double t0 = now(), t;
    do {
        SSL_CTX *c = fresh ? pair_ctx_new(0) : kept[0];
        SSL_CTX *s = fresh ? pair_ctx_new(1) : kept[1];
        if (!session(c, s)) {
            fprintf(stderr, "bench: handshake failed\n");
            exit(1);
        }
        if (fresh) {
            SSL_CTX_free(c);
            SSL_CTX_free(s);
        }
        n++;
    } while ((t = now() - t0) < seconds);
    printf("| session, %-28s | %7.0f /s | %6.0f us |\n",
           fresh ? "fresh contexts (scenarios)" : "contexts kept (fuzz targets)", n / t,
           1e6 * t / n);
    SSL_CTX_free(kept[0]);
    SSL_CTX_free(kept[1]);
}

static void bench_corpus(enum fuzz_target target, const char *name)
{
    char dir[256];
    snprintf(dir, sizeof dir, "fuzz/corpus/%s", name);
    static uint8_t inputs[1024][1024];
    static size_t sizes[1024];
    int count = 0;
    DIR *d = opendir(dir);
    struct dirent *de;
    while (d && (de = readdir(d)) && count < 1024) {
        char path[4096];
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        sizes[count] = fread(inputs[count], 1, sizeof inputs[count], f);
        fclose(f);
        count++;
    }
    if (d)
        closedir(d);
    if (count == 0) {
        printf("| %-37s | (no corpus) |\n", dir);
        return;
    }
    long n = 0;
    double t0 = now(), t;
    do
        fuzz_one(target, inputs[n % count], sizes[n % count]), n++;
    while ((t = now() - t0) < seconds);
    printf("| %-5s target, %4d corpus inputs      | %7.0f /s | %6.0f us |\n", name, count,
           n / t, 1e6 * t / n);
}

static void bench_memory(void)
{
    SSL_CTX *c = pair_ctx_new(0), *s = pair_ctx_new(1);
    size_t before = mallinfo2().uordblks;
    SSL *a = SSL_new(c), *b = SSL_new(s);
    pair_join(a, b, PAIR_DEFAULT_CAP);
    pair_handshake(a, b);
    size_t held = mallinfo2().uordblks - before;
    SSL_free(a);
    SSL_free(b);
    SSL_CTX_free(c);
    SSL_CTX_free(s);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("\nheap held by one connected pair (2 SSLs, BIO pair of 2 x %d bytes): %zu bytes\n",
           PAIR_DEFAULT_CAP, held);
    printf("peak RSS of this benchmark: %ld KiB\n", ru.ru_maxrss);
}

int main(int argc, char **argv)
{
    char *end = NULL;
    if (argc == 2)
        seconds = strtod(argv[1], &end);
    if (argc > 2 || (end && (end == argv[1] || *end != '\0')) ||
        !(seconds > 0 && seconds <= 3600)) { /* also refuses nan */
        fprintf(stderr, "usage: bench [SECONDS]  (each rate measured for SECONDS, "
                "more than 0 and at most 3600; default 3)\n");
        return 2;
    }
    /* First, before any other call into OpenSSL, as in every binary of the
     * harness (real_open): the record buffer watcher must see libcrypto's
     * first allocation, or CRYPTO_set_mem_functions refuses. */
    const char *why;
    if (!pair_watch_start(&why)) {
        fprintf(stderr, "bench: cannot watch OpenSSL's record buffers: %s\n", why);
        return 1;
    }
    printf("%s, Ed25519 + X25519, TLS 1.3, no sanitizers\n\n", OpenSSL_version(OPENSSL_VERSION));
    printf("| what                                  |    rate    | per item |\n");
    printf("|---------------------------------------|-----------:|---------:|\n");
    bench_sessions(1);
    bench_sessions(0);
    bench_corpus(TARGET_MASK, "mask");
    bench_corpus(TARGET_WRITE, "write");
    bench_corpus(TARGET_HELLO, "hello");
    bench_memory();
    return 0;
}
