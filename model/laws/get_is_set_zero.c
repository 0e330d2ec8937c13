/* Law (MASK-04): get_mode is set_mode with 0, which changes nothing. */
#include "../mode.h"

/*@ assigns \nothing;
    ensures \result == 1;
*/
int law_get_is_set_zero(uint32_t m)
{
    return (mode_after_set(m, 0) == m) & (mode_after_clear(m, 0) == m);
}
