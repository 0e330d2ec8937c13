/* Laws (HELLO-06): which bits a hello reads. Flags of the other role and
 * DTLS_SCTP_LABEL_LENGTH_BUG change nothing: setting them on either side
 * gives the same hello. ASYNC changes only whether the handshake ran in an
 * ASYNC_JOB: nothing on the wire, no other part of the outcome. */
#include "../hello.h"

/* The bits a side's mask may gain without changing the hello. */
#define CLIENT_INERT (MODE_SEND_SERVERHELLO_TIME | MODE_NO_AUTO_CHAIN | \
                      MODE_DTLS_SCTP_LABEL_LENGTH_BUG)
#define SERVER_INERT (MODE_SEND_CLIENTHELLO_TIME | MODE_SEND_FALLBACK_SCSV | \
                      MODE_DTLS_SCTP_LABEL_LENGTH_BUG)

/* Everything but the jobs: what the wire and the error queues show. */
/*@ assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> (a.scsv == b.scsv && a.client_time == b.client_time &&
      a.server_time == b.server_time && a.version == b.version && a.alert == b.alert &&
      a.server_reason == b.server_reason && a.client_reason == b.client_reason &&
      a.certs == b.certs);
*/
static int same_wire(struct hello_out a, struct hello_out b)
{
    return a.scsv == b.scsv && a.client_time == b.client_time &&
           a.server_time == b.server_time && a.version == b.version && a.alert == b.alert &&
           a.server_reason == b.server_reason && a.client_reason == b.client_reason &&
           a.certs == b.certs;
}

/*@ requires hello_in_ok(in);
    assigns \nothing;
    ensures \result == 1;
*/
int law_hello_ignores_inert_bits(struct hello_in in)
{
    struct hello_in more = in;
    more.client_mode = in.client_mode | CLIENT_INERT;
    more.server_mode = in.server_mode | SERVER_INERT;
    //@ assert (more.client_mode & MODE_SEND_FALLBACK_SCSV) == (in.client_mode & MODE_SEND_FALLBACK_SCSV);
    //@ assert (more.client_mode & MODE_SEND_CLIENTHELLO_TIME) == (in.client_mode & MODE_SEND_CLIENTHELLO_TIME);
    //@ assert (more.server_mode & MODE_SEND_SERVERHELLO_TIME) == (in.server_mode & MODE_SEND_SERVERHELLO_TIME);
    //@ assert (more.server_mode & MODE_NO_AUTO_CHAIN) == (in.server_mode & MODE_NO_AUTO_CHAIN);
    struct hello_out a = hello_run(in), b = hello_run(more);
    return same_wire(a, b) & (a.client_job == b.client_job) & (a.server_job == b.server_job);
}

/* ASYNC on both sides: the same wire and outcome, in jobs. */
/*@ requires hello_in_ok(in);
    assigns \nothing;
    ensures \result == 1;
*/
int law_hello_async_changes_no_byte(struct hello_in in)
{
    struct hello_in more = in;
    more.client_mode = in.client_mode | MODE_ASYNC;
    more.server_mode = in.server_mode | MODE_ASYNC;
    //@ assert (more.client_mode & MODE_ASYNC) != 0 && (more.server_mode & MODE_ASYNC) != 0;
    //@ assert (more.client_mode & MODE_SEND_FALLBACK_SCSV) == (in.client_mode & MODE_SEND_FALLBACK_SCSV);
    //@ assert (more.client_mode & MODE_SEND_CLIENTHELLO_TIME) == (in.client_mode & MODE_SEND_CLIENTHELLO_TIME);
    //@ assert (more.server_mode & MODE_SEND_SERVERHELLO_TIME) == (in.server_mode & MODE_SEND_SERVERHELLO_TIME);
    //@ assert (more.server_mode & MODE_NO_AUTO_CHAIN) == (in.server_mode & MODE_NO_AUTO_CHAIN);
    struct hello_out a = hello_run(in), b = hello_run(more);
    return same_wire(a, b) & (b.client_job == 1) & (b.server_job == 1);
}
