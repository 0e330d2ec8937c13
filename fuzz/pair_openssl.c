/* fuzz/pair_openssl.c: see pair.h. */
#include "pair.h"

#include <time.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

/* Interposes libc's time() for libssl and libcrypto: every run sees the same
 * clock, so the same input gives the same bytes and the same verdict. */
time_t time(time_t *t)
{
    if (t)
        *t = PAIR_FIXED_TIME;
    return PAIR_FIXED_TIME;
}

static EVP_PKEY *server_key;
static X509 *server_cert;

/* An Ed25519 key and a self-signed certificate, made once. Ed25519 keeps the
 * handshake cheap (spec/mask.md, "The session pair", has the figures). */
static int make_credentials(void)
{
    if (server_cert)
        return 1;
    EVP_PKEY *key = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
    X509 *cert = X509_new();
    if (!key || !cert)
        goto fail;
    X509_NAME *name = X509_get_subject_name(cert);
    if (!X509_set_version(cert, X509_VERSION_3) ||
        !ASN1_INTEGER_set(X509_get_serialNumber(cert), 1) ||
        !X509_gmtime_adj(X509_getm_notBefore(cert), -86400L) ||
        !X509_gmtime_adj(X509_getm_notAfter(cert), 86400L * 3650) ||
        !X509_set_pubkey(cert, key) ||
        !X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                    (const unsigned char *) "sslmode server", -1, -1, 0) ||
        !X509_set_issuer_name(cert, name) || !X509_sign(cert, key, NULL))
        goto fail;
    server_key = key;
    server_cert = cert;
    return 1;
fail:
    EVP_PKEY_free(key);
    X509_free(cert);
    return 0;
}

SSL_CTX *pair_ctx_new(int side)
{
    (void) side; /* both contexts are configured alike; see pair.h */
    if (!make_credentials())
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

int pair_configure(SSL *ssl, const char *cipher, int tls13)
{
    int version = tls13 ? TLS1_3_VERSION : TLS1_2_VERSION;
    if (!SSL_set_min_proto_version(ssl, version) || !SSL_set_max_proto_version(ssl, version) ||
        !SSL_set_num_tickets(ssl, 0))
        return 0;
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

static int retryable(SSL *ssl, int rc)
{
    int e = SSL_get_error(ssl, rc);
    return e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE;
}

/* Bytes moved so far, both ways: the progress of the handshake. */
static uint64_t moved(SSL *client, SSL *server)
{
    return BIO_number_written(SSL_get_wbio(client)) + BIO_number_written(SSL_get_wbio(server)) +
           BIO_number_read(SSL_get_rbio(client)) + BIO_number_read(SSL_get_rbio(server));
}

int pair_handshake(SSL *client, SSL *server)
{
    int client_done = 0, server_done = 0;
    /* Round after round while bytes move: a small transport needs many. */
    for (;;) {
        uint64_t before = moved(client, server);
        int was_client = client_done, was_server = server_done;
        if (!client_done) {
            int rc = SSL_do_handshake(client);
            client_done = rc == 1;
            if (rc <= 0 && !retryable(client, rc))
                return 0;
        }
        if (!server_done) {
            int rc = SSL_do_handshake(server);
            server_done = rc == 1;
            if (rc <= 0 && !retryable(server, rc))
                return 0;
        }
        if (client_done && server_done)
            return 1;
        if (moved(client, server) == before && was_client == client_done &&
            was_server == server_done)
            return 0; /* stuck */
    }
}
