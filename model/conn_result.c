/* model/conn_result.c: what a call returns (SSL_get_error) and the fatal errors (SSLfatal).
 * Contracts: the API's in conn.h, the shared helpers' in conn_internal.h,
 * the others' here. Function by function this follows OpenSSL 3.0's code
 * (ssl/record/rec_layer_s3.c, ssl/ssl_lib.c, ssl/s3_lib.c, ssl/statem/). */
#include "conn_internal.h"

/* SSL_get_error(ssl, ret) for ret <= 0, from the state the call left. */
/*@ assigns \nothing;
    ensures \result == err_class(e, reason);
*/
static int error_class(struct end e, int reason)
{
    if (reason != REASON_NONE)
        return ERRC_SSL;
    if (e.rwstate == RW_READING || e.rwstate == RW_WRITING) {
        if (e.bioflag == BIOF_READ)
            return ERRC_WANT_READ;
        if (e.bioflag == BIOF_WRITE)
            return ERRC_WANT_WRITE;
    }
    if (e.received_shutdown)
        return ERRC_ZERO_RETURN;
    return ERRC_SYSCALL;
}

/* Contract: conn_internal.h. */
struct conn_step done(struct model_conn c, int s, long ret, uint32_t count, int reason)
{
    struct conn_step st;
    st.c = c;
    st.r.ret = ret;
    st.r.count = count;
    st.r.reason = reason;
    st.r.err = ret > 0 ? ERRC_NONE : error_class(c.end[s], reason);
    st.r.src = internal(BUF_HANDSHAKE);
    st.r.msgs = 0;
    st.r.ignored = 0;
    return st;
}

/* Contract: conn_internal.h. */
struct model_conn fatal(struct model_conn c, int s)
{
    c.end[s].dead = 1;
    c.end[s].in_init = 1;
    c.end[s].hello_sent = 0; /* a dead SSL awaits nothing */
    return c;
}

/* Contract: conn_internal.h. */
struct model_conn fatal_alert(struct model_conn c, int s)
{
    c = fatal(c, s);
    if (c.end[s].pend_left == 0 && !c.end[s].sent_shutdown)
        c = send_record(c, s, make_record(c.shape, REC_FATAL, ALERT_PLAIN, internal(BUF_ALERT)),
                        internal(BUF_ALERT));
    return c;
}
