/* model/conn_records.c: records and the transport: the record shape, making a record, putting it
 * in the ring, pushing the pending record into the transport (do_ssl3_write,
 * ssl3_write_pending).
 * Contracts: the API's in conn.h, the shared helpers' in conn_internal.h,
 * the others' here. Function by function this follows OpenSSL 3.0's code
 * (ssl/record/rec_layer_s3.c, ssl/ssl_lib.c, ssl/s3_lib.c, ssl/statem/). */
#include "conn_internal.h"

uint32_t conn_wire(struct shape sh, uint32_t m)
{
    return sh.base + sh.block * ((m + sh.shift) / sh.block);
}

int conn_room(struct model_conn c, int s)
{
    return c.pipe[s].count <= REC_MAX - WRITE_RECORDS_MAX;
}

/* Contract: conn_internal.h. */
struct src internal(int buf)
{
    struct src p;
    p.buf = buf;
    p.off = 0;
    p.ver = 0;
    return p;
}

/* Contract: conn_internal.h. */
int release_point(uint32_t mode)
{
    return (mode & MODE_RELEASE_BUFFERS) != 0 ? 0 : 1;
}

/* Contract: conn_internal.h. */
struct model_conn push_pending(struct model_conn c, int s)
{
    uint32_t space = c.pipe[s].cap - c.pipe[s].fill;
    uint32_t k = c.end[s].pend_left < space ? c.end[s].pend_left : space;
    c.pipe[s].fill += k;
    c.end[s].pend_left -= k;
    if (c.end[s].pend_left == 0) {
        c.end[s].rwstate = RW_NOTHING;
        c.end[s].bioflag = BIOF_NONE;
    } else {
        c.end[s].rwstate = RW_WRITING;
        c.end[s].bioflag = BIOF_WRITE;
    }
    return c;
}

/* Contract: conn_internal.h. */
struct pipe append_record(struct pipe p, struct record r)
{
    int slot = (p.head + p.count) % REC_MAX;
    p.rec[slot] = r;
    p.count++;
    return p;
}

/* Contract: conn_internal.h. */
struct record make_record(struct shape sh, int type, uint32_t plain, struct src from)
{
    struct record r;
    r.wire = conn_wire(sh, plain);
    r.plain = plain;
    r.type = type;
    r.requested = 0;
    r.src = from;
    return r;
}

/* Contract: conn_internal.h. */
struct model_conn send_record(struct model_conn c, int s, struct record r,
                              struct src ptr)
{
    c.pipe[s] = append_record(c.pipe[s], r);
    c.end[s].wbuf = 1;
    c.end[s].pend_tot = r.plain;
    c.end[s].pend_left = r.wire;
    c.end[s].pend_type = r.type;
    c.end[s].pend_ptr = ptr;
    return push_pending(c, s);
}
