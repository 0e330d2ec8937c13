/* fuzz/pair_openssl.c: the session pair (see pair.h): credentials, contexts,
 * the BIO pair and the handshake driver. The clock is in pair_clock.c, the
 * record-buffer watcher in pair_watch.c. */
#include "pair.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <openssl/async.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/* OpenSSL 1.1.1 (openssl/versions) has neither X509_VERSION_3 (the
 * value is the same: version 3 is stored as 2) nor EVP_PKEY_Q_keygen (3.0):
 * there an Ed25519 key is made through an EVP_PKEY_CTX, which 3.x has too. */
#ifndef X509_VERSION_3
#define X509_VERSION_3 2
#endif

static EVP_PKEY *ed25519_key(void)
{
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
    return EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
#else
    EVP_PKEY *key = NULL;
    EVP_PKEY_CTX *kctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, NULL);
    if (!kctx || EVP_PKEY_keygen_init(kctx) <= 0 || EVP_PKEY_keygen(kctx, &key) <= 0)
        key = NULL;
    EVP_PKEY_CTX_free(kctx);
    return key;
#endif
}

static EVP_PKEY *server_key;
static X509 *server_cert;

/* The chained identity (pair_chain_identity): a CA, a leaf it signed, and a
 * store that holds the CA only. */
static EVP_PKEY *ca_key, *leaf_key;
static X509 *ca_cert, *leaf_cert;
static X509_STORE *chain_store;

/* A v3 certificate for `key`, named `cn`, signed by `issuer_key` under the
 * name of `issuer` (itself when NULL); a CA when `ca`. NULL on failure. */
static X509 *make_cert(EVP_PKEY *key, const char *cn, long serial, X509 *issuer,
                       EVP_PKEY *issuer_key, int ca)
{
    X509 *cert = X509_new();
    if (!cert)
        return NULL;
    X509_NAME *name = X509_get_subject_name(cert);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(NULL, NULL, NID_basic_constraints,
                                              ca ? "critical,CA:TRUE" : "CA:FALSE");
    int ok = ext && X509_set_version(cert, X509_VERSION_3) &&
             ASN1_INTEGER_set(X509_get_serialNumber(cert), serial) &&
             X509_gmtime_adj(X509_getm_notBefore(cert), -86400L) &&
             X509_gmtime_adj(X509_getm_notAfter(cert), 86400L * 3650) &&
             X509_set_pubkey(cert, key) &&
             X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *) cn,
                                        -1, -1, 0) &&
             X509_set_issuer_name(cert, issuer ? X509_get_subject_name(issuer) : name) &&
             X509_add_ext(cert, ext, -1) && X509_sign(cert, issuer_key, NULL);
    X509_EXTENSION_free(ext);
    if (!ok) {
        X509_free(cert);
        return NULL;
    }
    return cert;
}

/* An Ed25519 key and a self-signed certificate, made once. Ed25519 keeps the
 * handshake cheap (spec/mask.md, "The session pair", has the figures). */
static int make_credentials(void)
{
    if (server_cert)
        return 1;
    EVP_PKEY *key = ed25519_key();
    X509 *cert = key ? make_cert(key, "sslmode server", 1, NULL, key, 0) : NULL;
    if (!cert) {
        EVP_PKEY_free(key);
        return 0;
    }
    server_key = key;
    server_cert = cert;
    return 1;
}

static int make_chain(void)
{
    if (chain_store)
        return 1;
    if (!ca_key && !(ca_key = ed25519_key()))
        return 0;
    if (!ca_cert && !(ca_cert = make_cert(ca_key, "sslmode CA", 2, NULL, ca_key, 1)))
        return 0;
    if (!leaf_key && !(leaf_key = ed25519_key()))
        return 0;
    if (!leaf_cert &&
        !(leaf_cert = make_cert(leaf_key, "sslmode chained server", 3, ca_cert, ca_key, 0)))
        return 0;
    X509_STORE *st = X509_STORE_new();
    if (!st || !X509_STORE_add_cert(st, ca_cert)) {
        X509_STORE_free(st);
        return 0;
    }
    chain_store = st;
    return 1;
}

int pair_chain_identity(SSL *server)
{
    return make_chain() && SSL_use_certificate(server, leaf_cert) == 1 &&
           SSL_use_PrivateKey(server, leaf_key) == 1 &&
           SSL_set1_chain_cert_store(server, chain_store) == 1;
}

SSL_CTX *pair_ctx_new(int side)
{
    (void) side; /* both contexts are configured alike; see pair.h */
    /* The watcher must see libcrypto's first allocation: whoever makes a
     * context gets it installed first (a no-op once it runs). */
    const char *why;
    if (!pair_watch_start(&why) || !make_credentials())
        return NULL;
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    if (!ctx)
        return NULL;
    if (SSL_CTX_use_certificate(ctx, server_cert) != 1 ||
        SSL_CTX_use_PrivateKey(ctx, server_key) != 1 ||
        SSL_CTX_set1_groups_list(ctx, "X25519") != 1) {
        SSL_CTX_free(ctx);
        return NULL;
    }
    /* No session cache: every connection is a full handshake. */
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    return ctx;
}

int pair_configure(SSL *ssl, const char *cipher, int tls13, int tickets)
{
    int version = tls13 ? TLS1_3_VERSION : TLS1_2_VERSION;
    if (!SSL_set_min_proto_version(ssl, version) || !SSL_set_max_proto_version(ssl, version) ||
        !SSL_set_num_tickets(ssl, (size_t) tickets))
        return 0;
    /* Stateful tickets (the session ID) have one size; stateless ones vary
     * with the random ticket_age_add (spec/divergences.md, D10). */
    if (tickets > 0)
        SSL_set_options(ssl, SSL_OP_NO_TICKET);
    return tls13 ? SSL_set_ciphersuites(ssl, cipher) : SSL_set_cipher_list(ssl, cipher);
}

int pair_join(SSL *client, SSL *server, size_t cap)
{
    BIO *c = NULL, *s = NULL;
    if (!BIO_new_bio_pair(&c, cap, &s, cap))
        return 0;
    /* With rbio == wbio, SSL_set_bio takes over the single reference. */
    SSL_set_bio(client, c, c);
    SSL_set_bio(server, s, s);
    SSL_set_connect_state(client);
    SSL_set_accept_state(server);
    return 1;
}

/* Bytes moved so far, both ways: the progress of the handshake. */
static uint64_t moved(SSL *client, SSL *server)
{
    return BIO_number_written(SSL_get_wbio(client)) + BIO_number_written(SSL_get_wbio(server)) +
           BIO_number_read(SSL_get_rbio(client)) + BIO_number_read(SSL_get_rbio(server));
}

/* Copies what `from` sent that its peer has not read yet (the peer's end of
 * the pair, without consuming it), once. */
static void peek_first(SSL *peer, struct pair_wire *wire, int from)
{
    char *p;
    if (!wire || wire->len[from])
        return;
    ossl_ssize_t n = BIO_nread0(SSL_get_rbio(peer), &p);
    if (n <= 0)
        return;
    wire->len[from] = (size_t) n < PAIR_PEEK ? (size_t) n : PAIR_PEEK;
    memcpy(wire->first[from], p, wire->len[from]);
}

/* One SSL_do_handshake on one side. Returns 1 when done, 0 to call again, -1
 * when it failed (its first error's reason goes to the wire record; the
 * queue is cleared, as the error belongs to this side only). */
static int step(SSL *ssl, struct pair_wire *wire, int side)
{
    pair_watch_on(ssl);
    int rc = SSL_do_handshake(ssl);
    pair_watch_on(NULL);
    if (rc == 1)
        return 1;
    int e = SSL_get_error(ssl, rc);
    if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE)
        return 0;
    if (wire && !wire->reason[side])
        wire->reason[side] = ERR_GET_REASON(ERR_peek_error());
    ERR_clear_error();
    return -1;
}

/* The wire record the info callback reports to (one handshake at a time). */
static struct pair_wire *watched;

/* Called by the state machine, on the stack of the SSL_do_handshake call
 * or of the ASYNC_JOB it started. */
static void note_job(const SSL *ssl, int where, int ret)
{
    (void) where;
    (void) ret;
    if (watched && ASYNC_get_current_job() != NULL)
        watched->in_job[SSL_is_server((SSL *) ssl) ? 1 : 0] = 1;
}

int pair_handshake_seen(SSL *client, SSL *server, struct pair_wire *wire)
{
    SSL *ssl[2] = { client, server };
    int state[2] = { 0, 0 }; /* 1 done, -1 failed */
    if (wire) {
        memset(wire, 0, sizeof *wire);
        SSL_set_info_callback(client, note_job);
        SSL_set_info_callback(server, note_job);
    }
    watched = wire;
    /* Round after round while bytes move: a small transport needs many. */
    for (;;) {
        uint64_t before = moved(client, server);
        int was[2] = { state[0], state[1] };
        for (int side = 0; side < 2; side++) {
            if (state[side] == 0)
                state[side] = step(ssl[side], wire, side);
            peek_first(ssl[1 - side], wire, side);
        }
        if (state[0] == 1 && state[1] == 1)
            break;
        if (moved(client, server) == before && was[0] == state[0] && was[1] == state[1])
            break; /* stuck, or both stopped */
    }
    watched = NULL;
    return state[0] == 1 && state[1] == 1;
}

int pair_handshake(SSL *client, SSL *server)
{
    return pair_handshake_seen(client, server, NULL);
}

