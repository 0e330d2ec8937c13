/* F2: a warning alert that the transport cannot take whole is cut short, and
 * the record stream is broken after it (spec/findings.md). Self-contained;
 * build and run with
 *   cc -o f2 spec/findings/f2-alert-cut-short.c -lssl -lcrypto && ./f2
 * A TLS 1.2 client with SSL_OP_NO_RENEGOTIATION refuses the server's
 * HelloRequest with a 31-byte warning alert while its transport has room for
 * 21 bytes. It prints each step and exits 1 when the defect shows (the
 * server's read fails on a broken record), 0 when the server reads both of the
 * client's records. `./f2 control` gives the transport room for the alert. */
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <string.h>

static SSL_CTX *make_ctx(EVP_PKEY *key, X509 *cert)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    SSL_CTX_use_certificate(ctx, cert);
    SSL_CTX_use_PrivateKey(ctx, key);
    SSL_CTX_set_num_tickets(ctx, 0); /* keep the transport to the data */
    return ctx;
}

static void identity(EVP_PKEY **key, X509 **cert)
{
    *key = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
    *cert = X509_new();
    X509_set_version(*cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(*cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(*cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(*cert), 3600);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(*cert), "CN", MBSTRING_ASC,
                               (const unsigned char *)"f2", -1, -1, 0);
    X509_set_issuer_name(*cert, X509_get_subject_name(*cert));
    X509_set_pubkey(*cert, *key);
    X509_sign(*cert, *key, NULL);
}

static const char *err_name(SSL *s, int ret)
{
    static char buf[160];
    int e = SSL_get_error(s, ret);
    unsigned long q = ERR_peek_error();
    static const char *names[] = { "NONE", "SSL", "WANT_READ", "WANT_WRITE",
        "WANT_X509_LOOKUP", "SYSCALL", "ZERO_RETURN" };
    snprintf(buf, sizeof buf, "%s%s%s", e >= 0 && e <= 6 ? names[e] : "?",
             q ? ", " : "",
             q ? ERR_reason_error_string(q) : "");
    ERR_clear_error();
    return buf;
}

int main(int argc, char **argv)
{
    int control = argc > 1 && strcmp(argv[1], "control") == 0;
    unsigned char data[50], got[100];
    EVP_PKEY *key;
    X509 *cert;
    BIO *cb, *sb;
    int r, i;

    memset(data, 'a', sizeof data);
    identity(&key, &cert);
    SSL_CTX *cctx = make_ctx(key, cert), *sctx = make_ctx(key, cert);
    SSL_CTX_set_max_proto_version(cctx, TLS1_2_VERSION);
    SSL *c = SSL_new(cctx), *s = SSL_new(sctx);
    /* 100 bytes each way; the control run gives 110, room for the alert. */
    BIO_new_bio_pair(&cb, control ? 110 : 100, &sb, control ? 110 : 100);
    SSL_set_bio(c, cb, cb);
    SSL_set_bio(s, sb, sb);
    SSL_set_connect_state(c);
    SSL_set_accept_state(s);
    for (i = 0, r = 0; i < 20 && r != 2; i++) {
        int rc = SSL_do_handshake(c), rs = SSL_do_handshake(s);
        r = (rc == 1) + (rs == 1);
    }
    printf("handshake: %s, %s\n", SSL_get_version(c), SSL_get_cipher(c));
    SSL_set_options(c, SSL_OP_NO_RENEGOTIATION);

    printf("server SSL_renegotiate = %d\n", SSL_renegotiate(s));
    r = SSL_read(s, got, sizeof got); /* sends the HelloRequest */
    printf("server SSL_read = %d (%s): HelloRequest sent\n", r, err_name(s, r));
    r = SSL_write(c, data, sizeof data);
    printf("client SSL_write(50) = %d; %zu bytes of room left towards the server\n",
           r, BIO_ctrl_get_write_guarantee(cb));
    r = SSL_read(c, got, sizeof got); /* refuses: warning alert no_renegotiation */
    printf("client SSL_read = %d (%s): HelloRequest refused\n", r, err_name(c, r));
    printf("bytes in flight towards the server: %zu (79 of data + 31 of alert expected)\n",
           BIO_ctrl_pending(sb));
    for (i = 0; i < 4; i++) {
        unsigned long e;

        r = SSL_write(c, data, sizeof data); /* the client's next record */
        printf("client SSL_write(50) = %d (%s)\n", r, r > 0 ? "ok" : err_name(c, r));
        do {
            r = SSL_read(s, got, sizeof got);
            e = ERR_peek_error();
            printf("server SSL_read = %d (%s)\n", r, r > 0 ? "data" : err_name(s, r));
        } while (r > 0);
        if (SSL_get_error(s, r) == SSL_ERROR_WANT_READ)
            continue;
        /* The server fails. Without the defect it fails because it reads the
         * client's refusal (NO_RENEGOTIATION, as OpenSSL intends); with it,
         * on the broken record stream. */
        if (ERR_GET_REASON(e) == SSL_R_NO_RENEGOTIATION) {
            printf("OK: the server read the whole alert\n");
            return 0;
        }
        printf("DEFECT: the alert was cut short and the record stream broken\n");
        return 1;
    }
    printf("the server never failed: inconclusive\n");
    return 2;
}
