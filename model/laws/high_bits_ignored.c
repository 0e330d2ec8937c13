/* Law (MASK-05): bits 32..63 of the argument have no effect: x and x plus any
 * multiple of 2^32 set and clear the same bits. */
#include "../mode.h"

/*@ requires 0 <= x <= 0xffffffff;
    requires 0 <= k <= 0x7ffffffe;
    assigns \nothing;
    ensures \result == 1;
*/
int law_high_bits_ignored(uint32_t m, long x, long k)
{
    long wide = x + k * 0x100000000L;
    return (mode_after_set(m, wide) == mode_after_set(m, x)) &
           (mode_after_clear(m, wide) == mode_after_clear(m, x));
}
