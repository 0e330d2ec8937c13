/* Law (MASK-02, MASK-03): clearing bits just set leaves exactly the bits of
 * the old mask that are not among them, as clearing them alone would (see
 * the `remove` behaviour of mode_after_clear): set leaves nothing behind that
 * clear could see. Stated bit by bit, the form the provers handle without
 * bit-vector reasoning. */
#include "../mode.h"

/*@ assigns \nothing;
    ensures \forall integer i; 0 <= i < 32 ==>
      (mode_bit(\result, i) <==> (mode_bit(m, i) && !mode_bit(mode_of_long(x), i)));
*/
uint32_t law_clear_after_set(uint32_t m, long x)
{
    return mode_after_clear(mode_after_set(m, x), x);
}
