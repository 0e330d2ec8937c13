/* model/hello.c: see hello.h. */
#include "hello.h"

/*@ assigns \nothing;
    ensures \result != 0 <==> valid_version(v);
*/
static int version_ok(int v)
{
    return v == VERSION_TLS12 || v == VERSION_TLS13;
}

int hello_in_check(struct hello_in in)
{
    return version_ok(in.client_min) && version_ok(in.client_max) &&
           version_ok(in.server_min) && version_ok(in.server_max) &&
           in.client_min <= in.client_max && in.server_min <= in.server_max;
}

/* `yes` when flag f is in the mask m, else `no`. (The contract repeats the C:
 * proofs/README.md says why.) */
/*@ assigns \nothing;
    ensures \result == ((m & f) != 0 ? yes : no);
*/
static int pick(uint32_t m, uint32_t f, int yes, int no)
{
    return (m & f) != 0 ? yes : no;
}

/* A hello's outcome from its fields, in the order of struct hello_out. */
/*@ assigns \nothing;
    ensures \result.scsv == scsv && \result.client_time == client_time &&
            \result.server_time == server_time && \result.version == version &&
            \result.alert == alert && \result.server_reason == server_reason &&
            \result.client_reason == client_reason && \result.certs == certs &&
            \result.client_job == client_job && \result.server_job == server_job;
*/
static struct hello_out outcome(int scsv, int client_time, int server_time, int version,
                                int alert, int server_reason, int client_reason, int certs,
                                int client_job, int server_job)
{
    struct hello_out o;
    o.scsv = scsv;
    o.client_time = client_time;
    o.server_time = server_time;
    o.version = version;
    o.alert = alert;
    o.server_reason = server_reason;
    o.client_reason = client_reason;
    o.certs = certs;
    o.client_job = client_job;
    o.server_job = server_job;
    return o;
}

struct hello_out hello_run(struct hello_in in)
{
    /* The ClientHello: the SCSV goes last whatever the versions offered
     * (ssl/statem/statem_clnt.c, ssl_cipher_list_to_bytes); the random
     * (ssl_fill_hello_random, ssl/s3_lib.c) reads the client's own flag. */
    int fallback = pick(in.client_mode, MODE_SEND_FALLBACK_SCSV, 1, 0);
    int scsv = pick(in.client_mode, MODE_SEND_FALLBACK_SCSV, SCSV_LAST, SCSV_ABSENT);
    int client_time = pick(in.client_mode, MODE_SEND_CLIENTHELLO_TIME, TIME_YES, TIME_NO);
    /* Every SSL_do_handshake of an SSL with ASYNC runs in an ASYNC_JOB
     * (ssl_start_async_job, ssl/ssl_lib.c); with no asynchronous engine or
     * provider nothing pauses, so that is all it changes. */
    int client_job = pick(in.client_mode, MODE_ASYNC, 1, 0);
    int server_job = pick(in.server_mode, MODE_ASYNC, 1, 0);
    int top = in.client_max < in.server_max ? in.client_max : in.server_max;
    int bottom = in.client_min > in.server_min ? in.client_min : in.server_min;
    /* The server: the version first (ssl_choose_server_version), then the
     * SCSV (tls_early_post_process_client_hello). A refusal is an alert
     * instead of a ServerHello; the client reports the alert it received. */
    if (top < bottom)
        return outcome(scsv, client_time, TIME_NO_MESSAGE, 0, ALERT_PROTOCOL_VERSION,
                       REASON_UNSUPPORTED_PROTOCOL, REASON_TLSV1_ALERT_PROTOCOL_VERSION, 0,
                       client_job, server_job);
    if (fallback && top < in.server_max)
        return outcome(scsv, client_time, TIME_NO_MESSAGE, 0, ALERT_INAPPROPRIATE_FALLBACK,
                       REASON_INAPPROPRIATE_FALLBACK, REASON_TLSV1_ALERT_INAPPROPRIATE_FALLBACK,
                       0, client_job, server_job);
    /* The ServerHello's random reads the server's own flag; the chain is
     * built from the store unless NO_AUTO_CHAIN (ssl_add_cert_chain,
     * ssl/statem/statem_lib.c). */
    int server_time = pick(in.server_mode, MODE_SEND_SERVERHELLO_TIME, TIME_YES, TIME_NO);
    int certs = pick(in.server_mode, MODE_NO_AUTO_CHAIN, CHAIN_LEAF, CHAIN_BUILT);
    return outcome(scsv, client_time, server_time, top, ALERT_NONE, 0, 0, certs, client_job,
                   server_job);
}
