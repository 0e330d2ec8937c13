/* Laws (MASK-10, MASK-11): what SSL_dup copies and what it shares. */
#include "../world.h"

/* Before the handshake the copy has the source's mask, not its context's,
 * and the two evolve apart. */
/*@ requires world_ok(w) && (s == SLOT_CLIENT || s == SLOT_SERVER);
    assigns \nothing;
    ensures \result == 1;
*/
int law_dup_before_handshake_copies(struct model_world w, int s, long x, long y)
{
    struct model_world a = world_new(w, s);
    struct model_step b = world_ssl_set_mode(a, s, x);
    struct model_step c = world_ctx_clear_mode(b.w, s % 2, y);
    struct model_step d = world_dup(c.w, s);
    struct model_step e = world_ssl_clear_mode(d.w, s + 2, y);
    return (d.ret == DUP_NEW) &
           (world_ssl_get_mode(d.w, s + 2) == world_ssl_get_mode(c.w, s)) &
           (world_ssl_get_mode(e.w, s) == world_ssl_get_mode(c.w, s));
}

/* After the handshake the "copy" is the same object: a change made through
 * either handle is seen through the other. */
/*@ requires world_ok(w) && can_connect(w) && (s == SLOT_CLIENT || s == SLOT_SERVER);
    assigns \nothing;
    ensures \result == 1;
*/
int law_dup_after_handshake_shares(struct model_world w, int s, long x)
{
    struct model_step a = world_connect(w);
    struct model_step b = world_dup(a.w, s);
    struct model_step c = world_ssl_set_mode(b.w, s + 2, x);
    return (b.ret == DUP_SAME) &
           (world_ssl_get_mode(c.w, s) == world_ssl_get_mode(c.w, s + 2));
}
