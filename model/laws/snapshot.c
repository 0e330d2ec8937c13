/* Law (MASK-07): SSL_new takes a snapshot. A later change to the context
 * does not reach the SSL, and a change to the SSL does not reach the
 * context. */
#include "../world.h"

/*@ requires world_ok(w) && valid_slot(s);
    assigns \nothing;
    ensures \result == 1;
*/
int law_snapshot(struct model_world w, int s, long x)
{
    int c = s % 2;
    struct model_world fresh = world_new(w, s);
    long ssl_before = world_ssl_get_mode(fresh, s);
    long ctx_before = world_ctx_get_mode(fresh, c);
    struct model_step ctx_changed = world_ctx_set_mode(fresh, c, x);
    struct model_step ssl_changed = world_ssl_set_mode(fresh, s, x);
    return (world_ssl_get_mode(ctx_changed.w, s) == ssl_before) &
           (world_ctx_get_mode(ssl_changed.w, c) == ctx_before);
}
