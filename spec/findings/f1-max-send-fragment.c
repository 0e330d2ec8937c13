/* F1: a pending record is discarded when max_send_fragment changes on a live
 * connection (spec/findings.md). Self-contained; build and run with
 *   cc -o f1 spec/findings/f1-max-send-fragment.c -lssl -lcrypto && ./f1
 * It prints each step and exits 1 when the defect shows (the peer's read fails
 * on a broken record), 0 when the 50000 bytes arrive intact. `./f1 control`
 * runs the same steps without changing max_send_fragment. */
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
                               (const unsigned char *)"f1", -1, -1, 0);
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
    static unsigned char data[50000], got[50000];
    size_t total = 0;
    EVP_PKEY *key;
    X509 *cert;
    BIO *cb, *sb;
    int r, i;

    for (i = 0; i < (int)sizeof data; i++)
        data[i] = (unsigned char)(i * 7);
    identity(&key, &cert);
    SSL_CTX *cctx = make_ctx(key, cert), *sctx = make_ctx(key, cert);
    SSL *c = SSL_new(cctx), *s = SSL_new(sctx);
    BIO_new_bio_pair(&cb, 17000, &sb, 17000); /* room for one record and a bit */
    SSL_set_bio(c, cb, cb);
    SSL_set_bio(s, sb, sb);
    SSL_set_connect_state(c);
    SSL_set_accept_state(s);
    for (i = 0, r = 0; i < 20 && r != 2; i++) {
        int rc = SSL_do_handshake(c), rs = SSL_do_handshake(s);
        r = (rc == 1) + (rs == 1);
    }
    printf("handshake: %s\n", SSL_get_version(c));

    r = SSL_write(c, data, sizeof data);
    printf("client SSL_write(50000) = %d (%s): record 1 sent, record 2 pending\n",
           r, err_name(c, r));
    if (control)
        printf("client: max_send_fragment left as it is (control run)\n");
    else
        printf("client SSL_set_max_send_fragment(8192) = %ld\n",
               SSL_set_max_send_fragment(c, 8192));

    printf("server SSL_key_update(NOT_REQUESTED) = %d\n",
           SSL_key_update(s, SSL_KEY_UPDATE_NOT_REQUESTED));
    r = SSL_read(s, got, sizeof got); /* sends the KeyUpdate, reads record 1 */
    printf("server SSL_read = %d\n", r);
    if (r > 0)
        total += (size_t)r;
    r = SSL_read(c, got, sizeof got); /* processes the KeyUpdate */
    printf("client SSL_read = %d (%s): KeyUpdate processed\n", r, err_name(c, r));

    for (i = 0; i < 10 && total < sizeof data; i++) {
        r = SSL_write(c, data, sizeof data);
        printf("client SSL_write(50000) retry = %d (%s)\n", r, err_name(c, r));
        r = SSL_read(s, got + total, sizeof got - total);
        printf("server SSL_read = %d (%s)\n", r, r > 0 ? "data" : err_name(s, r));
        if (r <= 0 && SSL_get_error(s, r) != SSL_ERROR_WANT_READ)
            break;
        if (r > 0)
            total += (size_t)r;
    }
    if (total == sizeof data && memcmp(got, data, sizeof data) == 0) {
        printf("OK: the server received the 50000 bytes intact\n");
        return 0;
    }
    printf("DEFECT: the server received %zu of 50000 bytes, then a broken record\n", total);
    return 1;
}
