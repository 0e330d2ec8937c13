/* model/conn_query.c: what a connected SSL says of itself, and the _ex form
 * of a read. The contracts are in conn.h. */
#include "conn.h"

uint32_t conn_pending(struct model_conn c, int s)
{
    return c.end[s].data_left;
}

int conn_has_pending(struct model_conn c, int s)
{
    struct pipe p = c.pipe[1 - s];
    /* rbuf_left (logic/pending.acsl): a record's header being in the packet */
    uint32_t left = p.count > 0 && p.taken >= RECORD_HEADER && p.taken < p.rec[p.head].wire
                        ? p.taken - RECORD_HEADER : p.taken;
    return c.end[s].data_left > 0 || c.end[s].held != HELD_NONE || left > 0;
}

int conn_get_shutdown(struct model_conn c, int s)
{
    return (c.end[s].sent_shutdown ? 1 : 0) + (c.end[s].received_shutdown ? 2 : 0);
}

struct io_result io_ex(struct io_result r)
{
    struct io_result x = r;
    x.ret = r.ret > 0 ? 1 : 0;
    x.count = r.ret > 0 ? r.count : 0;
    return x;
}
