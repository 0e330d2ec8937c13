/* fuzz/hello_wire.c: see hello_wire.h. Offsets are those of RFC 8446
 * (section 4.1.2; TLS 1.2 has the same layout): a record header of 5 bytes,
 * a handshake header of 4, then legacy_version (2), random (32),
 * legacy_session_id (1 + n), cipher_suites (2 + n). */
#include "hello_wire.h"

#define REC_HANDSHAKE 0x16
#define REC_ALERT 0x15
#define HS_CLIENT_HELLO 1
#define HS_SERVER_HELLO 2
#define RANDOM_AT 11 /* 5 + 4 + 2 */

static int starts_with_time(const unsigned char *random, uint32_t now)
{
    return random[0] == (now >> 24 & 0xff) && random[1] == (now >> 16 & 0xff) &&
           random[2] == (now >> 8 & 0xff) && random[3] == (now & 0xff);
}

/* Whether p[0..n) starts with a whole record of this type; its length. */
static int record(const unsigned char *p, size_t n, int type, size_t *len)
{
    if (n < 5 || p[0] != type)
        return 0;
    *len = (size_t) p[3] << 8 | p[4];
    return 5 + *len <= n;
}

void wire_client_hello(const unsigned char *p, size_t n, uint32_t now, struct hello_out *o)
{
    size_t len;
    o->scsv = o->client_time = WIRE_UNREADABLE;
    if (!record(p, n, REC_HANDSHAKE, &len) || len < 4 + 2 + 32 + 1 || p[5] != HS_CLIENT_HELLO)
        return;
    size_t end = 5 + len;
    o->client_time = starts_with_time(p + RANDOM_AT, now) ? TIME_YES : TIME_NO;
    size_t at = RANDOM_AT + 32;
    at += 1 + p[at]; /* legacy_session_id */
    if (at + 2 > end)
        return;
    size_t suites = (size_t) p[at] << 8 | p[at + 1];
    at += 2;
    if (suites % 2 || at + suites > end)
        return;
    o->scsv = SCSV_ABSENT;
    for (size_t i = 0; i < suites; i += 2)
        if (p[at + i] == 0x56 && p[at + i + 1] == 0x00) /* TLS_FALLBACK_SCSV, RFC 7507 */
            o->scsv = i + 2 == suites ? SCSV_LAST : SCSV_OTHER;
}

void wire_server_first(const unsigned char *p, size_t n, uint32_t now, struct hello_out *o)
{
    size_t len;
    o->server_time = o->alert = WIRE_UNREADABLE;
    if (record(p, n, REC_ALERT, &len) && len == 2) {
        o->server_time = TIME_NO_MESSAGE;
        o->alert = p[6];
    } else if (record(p, n, REC_HANDSHAKE, &len) && len >= 4 + 2 + 32 &&
               p[5] == HS_SERVER_HELLO) {
        o->server_time = starts_with_time(p + RANDOM_AT, now) ? TIME_YES : TIME_NO;
        o->alert = ALERT_NONE;
    }
}
