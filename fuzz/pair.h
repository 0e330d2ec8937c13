/* fuzz/pair.h: the OpenSSL session pair. A client and a server SSL_CTX, SSLs
 * made from them, joined by a memory BIO pair of a given capacity each way,
 * and a handshake driver. Credentials are made once per process, in memory;
 * the configuration is fixed and deterministic (spec/mask.md, "The session
 * pair"). Only this file and real_openssl.c include OpenSSL headers, so that
 * another library (BoringSSL, wolfSSL's compatibility layer, an instrumented
 * OpenSSL built from source) can stand behind the same interface. */
#ifndef SSLMODE_FUZZ_PAIR_H
#define SSLMODE_FUZZ_PAIR_H

#include <stddef.h>
#include <openssl/ssl.h>

#include "config.h" /* PAIR_DEFAULT_CAP */

/* The time the library sees (time() is fixed for the whole process): the
 * certificate, session tickets and hello randoms all carry this value. */
#define PAIR_FIXED_TIME 1767225600L /* 2026-01-01T00:00:00Z */


/* The context for one side (0 client, 1 server), configured the same way
 * every time. Both carry the server credentials, so that any SSL can act as
 * server whichever context SSL_set_SSL_CTX gave it. Starts the record buffer
 * watcher first (pair_watch_start). NULL on failure, also when the watcher
 * could not start. */
SSL_CTX *pair_ctx_new(int side);

/* Pins one SSL to a single cipher suite and its version (TLS 1.3 or 1.2),
 * and to the number of session tickets it sends as a server (TLS 1.3:
 * post-handshake messages in flight after connect; stateful tickets, so that
 * all have one size). Returns 1, or 0 on failure. */
int pair_configure(SSL *ssl, const char *cipher, int tls13, int tickets);

/* Joins client and server with a fresh BIO pair of `cap` bytes each way and
 * sets their roles. Returns 1, or 0 on failure. */
int pair_join(SSL *client, SSL *server, size_t cap);

/* Drives SSL_do_handshake on both until both return 1 (returns 1) or
 * neither can progress (returns 0). A side that fails stops; the other goes
 * on, so that it reads the alert it was sent. */
int pair_handshake(SSL *client, SSL *server);

/* What `hello` sees of a handshake: the first bytes each side sent (side 0:
 * the client's first flight, the ClientHello; side 1: the server's, a
 * ServerHello or an alert) and the reason of each side's first error. */
#define PAIR_PEEK 4096
struct pair_wire {
    unsigned char first[2][PAIR_PEEK];
    size_t len[2];  /* bytes in first[side], at most PAIR_PEEK */
    int reason[2];  /* ERR_GET_REASON of the side's first error, 0 if none */
    int in_job[2];  /* the side's handshake ran inside an ASYNC_JOB */
};

/* pair_handshake, filling *wire. */
int pair_handshake_seen(SSL *client, SSL *server, struct pair_wire *wire);

/* Gives a server SSL a chained identity: an Ed25519 leaf signed by a CA
 * that is only in the SSL's chain store, so that what the server sends
 * depends on SSL_MODE_NO_AUTO_CHAIN (spec/hello.md, HELLO-05). Returns 1, or
 * 0 on failure. */
int pair_chain_identity(SSL *server);

/* The record buffers each SSL holds (spec/read.md, READ-02). Every
 * allocation libcrypto makes goes through the harness's functions
 * (CRYPTO_set_mem_functions); those made in ssl/record/ssl3_buffer.c are the
 * record buffers, and belong to the SSL the harness named last with
 * pair_watch_on (each call on an SSL touches that SSL's buffers only). The
 * read and the write buffer come from two allocation sites, told apart by
 * their line, which pair_watch_start learns from SSL_alloc_buffers on a fresh
 * SSL (it allocates the read buffer first). */
#define WATCH_READ 0
#define WATCH_WRITE 1
#define WATCH_OTHER 2 /* another site of ssl3_buffer.c: never expected */

/* Installs the allocation functions and learns the two sites. Must run
 * before libcrypto's first allocation; returns 1, or 0 with a message in
 * *why. Later calls return the first call's answer. */
int pair_watch_start(const char **why);

/* The SSL the next calls are made on (NULL: none). */
void pair_watch_on(const SSL *ssl);

/* Bytes of record buffers of one kind (WATCH_*) that ssl holds now. */
long pair_watch_held(const SSL *ssl, int kind);

#endif
