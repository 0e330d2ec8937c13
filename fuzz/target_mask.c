/* fuzz/target_mask.c: the differential fuzz target for the mode mask
 * (spec/mask.md): calls on both contexts and the four SSL handles. */
#include "target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_one(TARGET_MASK, data, size);
}
