/* model/conn_buffers.c: SSL_free_buffers and SSL_alloc_buffers (READ-03).
 * Contracts: the API's in conn.h, the shared helpers' in conn_internal.h,
 * the others' here. Function by function this follows OpenSSL 3.0's code
 * (ssl/record/rec_layer_s3.c, ssl/ssl_lib.c, ssl/s3_lib.c, ssl/statem/). */
#include "conn_internal.h"

struct conn_step conn_free_buffers(struct model_conn c, int s)
{
    /* RECORD_LAYER_read_pending, RECORD_LAYER_write_pending,
     * RECORD_LAYER_data_present */
    if (c.pipe[1 - s].taken != 0 || c.end[s].data_left != 0 || c.end[s].held != HELD_NONE ||
        c.end[s].pend_left != 0)
        return done(c, s, 0, 0, REASON_NONE);
    c.end[s].rbuf = 0; /* RECORD_LAYER_release */
    c.end[s].wbuf = 0;
    return done(c, s, 1, 0, REASON_NONE);
}

struct conn_step conn_alloc_buffers(struct model_conn c, int s)
{
    c.end[s].rbuf = 1; /* ssl3_setup_buffers */
    c.end[s].wbuf = 1;
    return done(c, s, 1, 0, REASON_NONE);
}
