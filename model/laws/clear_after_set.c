/* Law (MASK-02, MASK-03): clearing bits just set leaves the mask as clearing
 * them alone would: set does not remember anything that clear could see. */
#include "../mode.h"

/*@ assigns \nothing;
    ensures \result == 1;
*/
int law_clear_after_set(uint32_t m, long x)
{
    uint32_t set_then_clear = mode_after_clear(mode_after_set(m, x), x);
    uint32_t clear_only = mode_after_clear(m, x);
    return set_then_clear == clear_only;
}
