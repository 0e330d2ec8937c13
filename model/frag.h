/* model/frag.h: max_send_fragment and split_send_fragment, which a context
 * and an SSL hold (WRITE-01): what the setters accept and what they leave.
 * conn.h cuts a write into records of this size; world.h says which object
 * holds which (SSL_new takes its context's). */
#ifndef SSLMODE_MODEL_FRAG_H
#define SSLMODE_MODEL_FRAG_H

#include <stdint.h>

/* Fragment sizes (SSL_set_max_send_fragment accepts 512..16384). */
#define MSF_MIN 512
#define MSF_MAX 16384

/* max_send_fragment and split_send_fragment of an SSL or a context. */
struct frag {
    uint32_t msf;
    uint32_t split;
};

#include "logic/frag.acsl"

/* WRITE-01: SSL_set_max_send_fragment / SSL_CTX_set_max_send_fragment
 * accept v in 512..16384 (and return 1), else change nothing (and return 0). */
/*@ assigns \nothing;
    ensures \result != 0 <==> MSF_MIN <= v <= MSF_MAX;
*/
int frag_ok(long v);

/* The invariant of a pair of sizes as a C check (conn_check, world_check). */
/*@ assigns \nothing;
    ensures \result != 0 <==> frag_valid(f);
*/
int frag_check(struct frag f);

/* WRITE-01: the fragment sizes after an accepted v: split_send_fragment
 * follows a lower max_send_fragment down, and stays down when it goes up. */
/*@ requires frag_valid(f) && MSF_MIN <= v <= MSF_MAX;
    assigns \nothing;
    ensures frag_valid(\result);
    ensures WRITE_01_set: frag_after(\result, f, v);
*/
struct frag frag_set(struct frag f, long v);

#endif
