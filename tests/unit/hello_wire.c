/* tests/unit/hello_wire.c: reading ClientHellos, ServerHellos and alerts
 * from transport bytes (fuzz/hello_wire.c), on hand-made records, and the
 * hello outcome's text form (fuzz/outcome.c) both ways. */
#include <string.h>

#include "../../fuzz/hello_wire.h"
#include "../../fuzz/outcome.h"
#include "check.h"

#define NOW 0x6955b900u

/* A ClientHello record: the random starts with `t`; suites as given. */
static size_t client_hello(unsigned char *p, uint32_t t, const unsigned char *suites,
                           size_t n)
{
    size_t body = 2 + 32 + 1 + 2 + n + 2; /* + compression methods */
    size_t i = 0;
    p[i++] = 0x16, p[i++] = 3, p[i++] = 1, p[i++] = (unsigned char) ((body + 4) >> 8),
    p[i++] = (unsigned char) (body + 4);
    p[i++] = 1, p[i++] = 0, p[i++] = (unsigned char) (body >> 8), p[i++] = (unsigned char) body;
    p[i++] = 3, p[i++] = 3;
    for (int k = 0; k < 32; k++)
        p[i++] = (unsigned char) (k < 4 ? t >> (24 - 8 * k) : 0xa5);
    p[i++] = 0;                                     /* no session id */
    p[i++] = (unsigned char) (n >> 8), p[i++] = (unsigned char) n;
    memcpy(p + i, suites, n);
    i += n;
    p[i++] = 1, p[i++] = 0;
    return i;
}

static void reads_client_hellos(void)
{
    unsigned char p[256];
    struct hello_out o;
    const unsigned char last[] = { 0x13, 0x01, 0x00, 0xff, 0x56, 0x00 };
    const unsigned char first[] = { 0x56, 0x00, 0x13, 0x01 };
    const unsigned char none[] = { 0x13, 0x01, 0x00, 0xff };
    size_t n = client_hello(p, NOW, last, sizeof last);
    wire_client_hello(p, n, NOW, &o);
    CHECK(o.scsv == SCSV_LAST && o.client_time == TIME_YES,
          "wire: SCSV as the last suite, random starting with the time");
    n = client_hello(p, NOW + 1, first, sizeof first);
    wire_client_hello(p, n, NOW, &o);
    CHECK(o.scsv == SCSV_OTHER && o.client_time == TIME_NO,
          "wire: SCSV elsewhere, random without the time");
    n = client_hello(p, NOW, none, sizeof none);
    wire_client_hello(p, n, NOW, &o);
    CHECK(o.scsv == SCSV_ABSENT, "wire: no SCSV");
    wire_client_hello(p, n - 1, NOW, &o);
    CHECK(o.scsv == WIRE_UNREADABLE && o.client_time == WIRE_UNREADABLE,
          "wire: a record cut short is unreadable, not absent");
    wire_client_hello(p, 0, NOW, &o);
    CHECK(o.scsv == WIRE_UNREADABLE, "wire: nothing sent is unreadable");
    p[5] = 2;
    wire_client_hello(p, n, NOW, &o);
    CHECK(o.scsv == WIRE_UNREADABLE, "wire: a ServerHello is not a ClientHello");
}

static void reads_server_first(void)
{
    unsigned char alert[] = { 0x15, 3, 3, 0, 2, 2, 86 };
    struct hello_out o;
    wire_server_first(alert, sizeof alert, NOW, &o);
    CHECK(o.alert == 86 && o.server_time == TIME_NO_MESSAGE, "wire: an alert, no ServerHello");
    unsigned char p[256];
    const unsigned char suite[] = { 0x13, 0x01 };
    size_t n = client_hello(p, NOW, suite, sizeof suite);
    p[5] = 2; /* the same layout up to the random */
    wire_server_first(p, n, NOW, &o);
    CHECK(o.alert == ALERT_NONE && o.server_time == TIME_YES, "wire: a ServerHello with the time");
    wire_server_first(p, 3, NOW, &o);
    CHECK(o.alert == WIRE_UNREADABLE && o.server_time == WIRE_UNREADABLE,
          "wire: three bytes are unreadable");
}

/* Prints an outcome as an expectation and parses it back. */
static int round_trip(struct hello_out h)
{
    struct outcome o = { 0 }, back;
    char buf[512] = "";
    const char *why;
    o.kind = RES_HELLO;
    o.value = h.version;
    o.hello = h;
    FILE *f = fmemopen(buf, sizeof buf, "w");
    outcome_print_expect(f, &o);
    fclose(f);
    return outcome_parse(RES_HELLO, 0, buf, &back, &why) == 0 && outcome_meets(&back, &o) &&
           outcome_meets(&o, &back);
}

static void hello_text_round_trips(void)
{
    struct hello_out ok = { SCSV_LAST, TIME_YES, TIME_NO, VERSION_TLS12, ALERT_NONE, 0, 0, 1, 1, 0 };
    struct hello_out refused = { SCSV_LAST, TIME_NO, TIME_NO_MESSAGE, 0,
                                 ALERT_INAPPROPRIATE_FALLBACK, REASON_INAPPROPRIATE_FALLBACK,
                                 REASON_TLSV1_ALERT_INAPPROPRIATE_FALLBACK, 0, 0, 1 };
    CHECK(round_trip(ok), "text: a completed hello prints and parses back");
    CHECK(round_trip(refused), "text: a refused hello prints and parses back");
    struct outcome o;
    const char *why;
    CHECK(outcome_parse(RES_HELLO, 0, "1.3 scsv=last client_time=no server_time=no", &o, &why),
          "text: a hello expectation without certs= is refused");
    CHECK(outcome_parse(RES_HELLO, 0, "failed alert=86 server=1 client=2 scsv=last "
                                      "client_time=no certs=2", &o, &why),
          "text: certs= does not belong to a failed hello");
}

int main(void)
{
    reads_client_hellos();
    reads_server_first();
    hello_text_round_trips();
    CHECK_DONE();
}
