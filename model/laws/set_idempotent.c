/* Law (MASK-02): setting the same bits twice answers as setting them once. */
#include "../mode.h"

/*@ assigns \nothing;
    ensures \result == 1;
*/
int law_set_idempotent(uint32_t m, long x)
{
    uint32_t once = mode_after_set(m, x);
    uint32_t twice = mode_after_set(once, x);
    return mode_result(once) == mode_result(twice);
}
