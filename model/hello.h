/* model/hello.h: what the handshake flags do to one full handshake.
 *
 * `hello` (fuzz/op.h) makes SSL_new(cctx) and SSL_new(sctx), gives each its
 * protocol version range, runs the handshake to its end and looks at the
 * bytes on the wire: the ClientHello's cipher suites and random, the
 * server's first record (a ServerHello or an alert), the certificates the
 * client received, and the error each side reports. The two SSLs take their
 * masks from the contexts (MASK-07), so `cctx set_mode ...` between hellos
 * is how a scenario changes the flags.
 *
 * The flags this covers (spec/hello.md):
 *   SEND_FALLBACK_SCSV   HELLO-01 (the client's suites), HELLO-02 (the server's check)
 *   SEND_CLIENTHELLO_TIME, SEND_SERVERHELLO_TIME   HELLO-04
 *   NO_AUTO_CHAIN        HELLO-05
 *   ASYNC                HELLO-06 (the handshake runs in an ASYNC_JOB; nothing else)
 *   DTLS_SCTP_LABEL_LENGTH_BUG   HELLO-06 (compiled out: no effect)
 * and the version negotiation they act on, HELLO-03.
 */
#ifndef SSLMODE_MODEL_HELLO_H
#define SSLMODE_MODEL_HELLO_H

#include <stdint.h>
#include "mode.h"

/* Protocol versions, as OpenSSL numbers them (TLS1_2_VERSION ...). */
#define VERSION_TLS12 0x0303
#define VERSION_TLS13 0x0304

/* Where TLS_FALLBACK_SCSV (0x56,0x00) is in the ClientHello's suites. */
#define SCSV_ABSENT 0
#define SCSV_LAST 1
#define SCSV_OTHER 2 /* anywhere else: OpenSSL never does this */

/* Whether a hello's random starts with the time (big-endian time(NULL)). */
#define TIME_NO 0
#define TIME_YES 1
#define TIME_NO_MESSAGE (-1) /* the message was not sent */

/* Alerts (RFC 8446 section 6) and reasons (SSL_R_*) a failed hello shows.
 * fuzz/abi_check.c checks them against the OpenSSL headers. */
#define ALERT_NONE 0
#define ALERT_PROTOCOL_VERSION 70
#define ALERT_INAPPROPRIATE_FALLBACK 86
#define REASON_UNSUPPORTED_PROTOCOL 258
#define REASON_INAPPROPRIATE_FALLBACK 373
#define REASON_TLSV1_ALERT_PROTOCOL_VERSION 1070
#define REASON_TLSV1_ALERT_INAPPROPRIATE_FALLBACK 1086

/* The server's chain in the harness: a leaf signed by a CA that is only in
 * the server's chain store (fuzz/pair_openssl.c). */
#define CHAIN_BUILT 2 /* leaf and CA */
#define CHAIN_LEAF 1

struct hello_in {
    uint32_t client_mode, server_mode; /* SSL_get_mode of the two SSLs */
    int client_min, client_max;        /* SSL_set_min/max_proto_version */
    int server_min, server_max;
};

struct hello_out {
    int scsv;          /* SCSV_*: the ClientHello's suites */
    int client_time;   /* TIME_*: the ClientHello's random */
    int server_time;   /* TIME_*: the ServerHello's random */
    int version;       /* SSL_version of both when the handshake completed, else 0 */
    int alert;         /* the alert the server sent instead of a ServerHello */
    int server_reason; /* reason of the server's first error, 0 if none */
    int client_reason; /* reason of the client's first error, 0 if none */
    int certs;         /* SSL_get_peer_cert_chain(client): how many, 0 if none */
    int client_job;    /* 1 when the client's handshake ran inside an ASYNC_JOB */
    int server_job;    /* the same for the server */
};

#include "logic/hello.acsl"

/* One full handshake. */
/*@ requires hello_in_ok(in);
    assigns \nothing;
    ensures HELLO_01: \result.scsv ==
      ((in.client_mode & MODE_SEND_FALLBACK_SCSV) != 0 ? SCSV_LAST : SCSV_ABSENT);
    ensures HELLO_04_client: \result.client_time ==
      ((in.client_mode & MODE_SEND_CLIENTHELLO_TIME) != 0 ? TIME_YES : TIME_NO);
    ensures HELLO_06_async: \result.client_job == ((in.client_mode & MODE_ASYNC) != 0 ? 1 : 0) &&
                            \result.server_job == ((in.server_mode & MODE_ASYNC) != 0 ? 1 : 0);
    behavior HELLO_03_no_common_version:
      assumes !versions_meet(in);
      ensures \result.version == 0 && \result.certs == 0;
      ensures \result.server_time == TIME_NO_MESSAGE;
      ensures \result.alert == ALERT_PROTOCOL_VERSION;
      ensures \result.server_reason == REASON_UNSUPPORTED_PROTOCOL;
      ensures \result.client_reason == REASON_TLSV1_ALERT_PROTOCOL_VERSION;
    behavior HELLO_02_fallback_refused:
      assumes versions_meet(in) && (in.client_mode & MODE_SEND_FALLBACK_SCSV) != 0 &&
              below_server_max(in);
      ensures \result.version == 0 && \result.certs == 0;
      ensures \result.server_time == TIME_NO_MESSAGE;
      ensures \result.alert == ALERT_INAPPROPRIATE_FALLBACK;
      ensures \result.server_reason == REASON_INAPPROPRIATE_FALLBACK;
      ensures \result.client_reason == REASON_TLSV1_ALERT_INAPPROPRIATE_FALLBACK;
    behavior HELLO_03_agreed:
      assumes versions_meet(in) &&
              !((in.client_mode & MODE_SEND_FALLBACK_SCSV) != 0 && below_server_max(in));
      ensures \result.version == common_max(in);
      ensures \result.alert == ALERT_NONE;
      ensures \result.server_reason == 0 && \result.client_reason == 0;
      ensures HELLO_04_server: \result.server_time ==
        ((in.server_mode & MODE_SEND_SERVERHELLO_TIME) != 0 ? TIME_YES : TIME_NO);
      ensures HELLO_05: \result.certs ==
        ((in.server_mode & MODE_NO_AUTO_CHAIN) != 0 ? CHAIN_LEAF : CHAIN_BUILT);
    complete behaviors;
    disjoint behaviors;
*/
struct hello_out hello_run(struct hello_in in);

/* The precondition as a C check (the harness refuses other ranges). */
/*@ assigns \nothing;
    ensures \result != 0 <==> hello_in_ok(in);
*/
int hello_in_check(struct hello_in in);

#endif
