/* model/conn_check.c: the invariant conn_ok as a C check, one small check per predicate
 * (proofs/README.md says why they stay small).
 * Contracts: the API's in conn.h, the shared helpers' in conn_internal.h,
 * the others' here. Function by function this follows OpenSSL 3.0's code
 * (ssl/record/rec_layer_s3.c, ssl/ssl_lib.c, ssl/s3_lib.c, ssl/statem/). */
#include "conn_internal.h"

/*@ assigns \nothing;
    ensures \result != 0 <==> record_ok(r);
*/
static int record_check(struct record r)
{
    return r.plain <= MSF_MAX && r.wire <= WIRE_MAX && r.wire >= 1 &&
           r.type >= REC_APP && r.type <= REC_CLIENT_HELLO &&
           (uint64_t) r.src.off + r.plain <= OFF_MAX;
}

/*@ assigns \nothing;
    ensures \result != 0 <==> pipe_ok(p);
*/
static int pipe_check(struct pipe p)
{
    if (p.cap < 1 || p.cap > CAP_MAX || p.fill > p.cap || p.head < 0 || p.head >= REC_MAX ||
        p.count < 0 || p.count > REC_MAX)
        return 0;
    if (p.taken > WIRE_MAX)
        return 0;
    /*@ loop invariant 0 <= i <= REC_MAX;
        loop invariant \forall integer k; 0 <= k < i ==> record_ok(p.rec[k]);
        loop assigns i;
        loop variant REC_MAX - i; */
    for (int i = 0; i < REC_MAX; i++)
        if (!record_check(p.rec[i]))
            return 0;
    return 1;
}

/* end_bounds in four parts, each with a check of its own. A C expression
 * of many || inside && is, for WP, as many paths as ways through it: as one
 * expression, end_bounds_check took Qed minutes to simplify, and so did its
 * flags and enumerations together (3456 ways). Together the four are
 * end_bounds, word for word. */
/*@ predicate end_sizes(struct end e) =
      e.wnum <= WRITE_LEN_MAX && e.pend_tot <= MSF_MAX && e.pend_left <= WIRE_MAX &&
      e.hs_left <= WIRE_MAX && e.data_left <= MSF_MAX &&
      src_ok(e.data_src, e.data_left) && frag_valid(e.frag);
    predicate end_flags(struct end e) =
      flag(e.in_init) && flag(e.dead) &&
      flag(e.sent_shutdown) && flag(e.received_shutdown) && flag(e.alert_dispatch);
    predicate end_io(struct end e) =
      (e.rwstate == RW_NOTHING || e.rwstate == RW_WRITING || e.rwstate == RW_READING) &&
      (e.bioflag == BIOF_NONE || e.bioflag == BIOF_READ || e.bioflag == BIOF_WRITE);
    predicate end_msgs(struct end e) =
      (e.key_update == KU_NONE || e.key_update == KU_NOT_REQUESTED ||
       e.key_update == KU_REQUESTED) &&
      (e.held == HELD_NONE || e.held == HELD_KEY_UPDATE ||
       e.held == HELD_KEY_UPDATE_REQUESTED || e.held == HELD_TICKET);
*/

/*@ assigns \nothing;
    ensures \result != 0 <==> end_sizes(e);
*/
static int end_sizes_check(struct end e)
{
    return e.wnum <= WRITE_LEN_MAX && e.pend_tot <= MSF_MAX && e.pend_left <= WIRE_MAX &&
           e.hs_left <= WIRE_MAX && e.data_left <= MSF_MAX &&
           (uint64_t) e.data_src.off + e.data_left <= OFF_MAX && frag_check(e.frag);
}

/*@ assigns \nothing;
    ensures \result != 0 <==> end_flags(e);
*/
static int end_flags_check(struct end e)
{
    return (e.in_init == 0 || e.in_init == 1) && (e.dead == 0 || e.dead == 1) &&
           (e.sent_shutdown == 0 || e.sent_shutdown == 1) &&
           (e.received_shutdown == 0 || e.received_shutdown == 1) &&
           (e.alert_dispatch == 0 || e.alert_dispatch == 1);
}

/*@ assigns \nothing;
    ensures \result != 0 <==> end_io(e);
*/
static int end_io_check(struct end e)
{
    return (e.rwstate == RW_NOTHING || e.rwstate == RW_WRITING || e.rwstate == RW_READING) &&
           (e.bioflag == BIOF_NONE || e.bioflag == BIOF_READ || e.bioflag == BIOF_WRITE);
}

/*@ assigns \nothing;
    ensures \result != 0 <==> end_msgs(e);
*/
static int end_msgs_check(struct end e)
{
    return (e.key_update == KU_NONE || e.key_update == KU_NOT_REQUESTED ||
            e.key_update == KU_REQUESTED) &&
           (e.held == HELD_NONE || e.held == HELD_KEY_UPDATE ||
            e.held == HELD_KEY_UPDATE_REQUESTED || e.held == HELD_TICKET);
}

/*@ assigns \nothing;
    ensures \result != 0 <==> end_bounds(e);
*/
static int end_bounds_check(struct end e)
{
    return end_sizes_check(e) && end_flags_check(e) && end_io_check(e) && end_msgs_check(e);
}

/*@ assigns \nothing;
    ensures \result != 0 <==> end_write_ok(e);
*/
static int end_write_check(struct end e)
{
    if (e.pend_left == 0)
        return e.wnum == 0 &&
               (e.in_init == 0 || e.dead != 0 || e.hs_left != 0 || e.key_update != KU_NONE ||
                e.hello_req != 0 || e.hello_sent != 0) &&
               (e.hs_left == 0 || (e.in_init != 0 && e.key_update == KU_NONE)) &&
               (e.dead == 0 || e.in_init != 0);
    return e.pend_tot >= 1 &&
           (e.pend_type == REC_APP ||
            (e.pend_type == REC_CLOSE && e.sent_shutdown != 0 && e.wnum == 0) ||
            (e.pend_type == REC_FATAL && e.dead != 0 && e.wnum == 0)) &&
           e.hs_left == 0 && (e.in_init == 0 || e.dead != 0) &&
           (e.dead == 0 || e.in_init != 0);
}

/*@ assigns \nothing;
    ensures \result != 0 <==> end_buffers_ok(e);
*/
static int end_buffers_check(struct end e)
{
    return (e.rbuf == 0 || e.rbuf == 1) && (e.wbuf == 0 || e.wbuf == 1) &&
           (e.data_left == 0 || e.rbuf != 0) && (e.held == 0 || e.rbuf != 0) &&
           (e.pend_left == 0 || e.wbuf != 0);
}

/*@ assigns \nothing;
    ensures \result != 0 <==> end_reneg_ok(e);
*/
static int end_reneg_check(struct end e)
{
    return (e.reneg_pending == 0 || e.reneg_pending == 1) && (e.reneg == 0 || e.reneg == 1) &&
           (e.hello_req == 0 ||
            (e.hello_req == 1 && e.in_init != 0 && e.dead == 0 && e.hs_left == 0 &&
             e.key_update == KU_NONE)) &&
           (e.hello_sent == 0 ||
            (e.hello_sent == 1 && e.in_init != 0 && e.dead == 0 && e.hs_left == 0 &&
             e.key_update == KU_NONE && e.hello_req == 0 && e.reneg_pending != 0));
}

/*@ assigns \nothing;
    ensures \result != 0 <==> end_ok(e);
*/
static int end_check(struct end e)
{
    return end_bounds_check(e) && end_write_check(e) && end_buffers_check(e) &&
           end_reneg_check(e) &&
           (e.data_left == 0 || e.held == 0);
}

int conn_check(struct model_conn c)
{
    if (!(c.shape.block == 1 || c.shape.block == 16) || c.shape.base < 16 ||
        c.shape.base > SHAPE_BASE_MAX || c.shape.shift > 32 || !(c.tls13 == 0 || c.tls13 == 1))
        return 0;
    /*@ loop invariant 0 <= s <= 2;
        loop invariant \forall integer k; 0 <= k < s ==>
          end_ok(c.end[k]) && pipe_ok(c.pipe[k]) &&
          (c.pipe[1 - k].taken != 0 ==> c.end[k].rbuf != 0);
        loop assigns s;
        loop variant 2 - s; */
    for (int s = 0; s < 2; s++) {
        if (!end_check(c.end[s]) || !pipe_check(c.pipe[s]))
            return 0;
        if (c.pipe[1 - s].taken != 0 && c.end[s].rbuf == 0)
            return 0;
    }
    return 1;
}
