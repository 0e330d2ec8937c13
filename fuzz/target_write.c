/* fuzz/target_write.c: the differential fuzz target for the write path
 * (spec/write.md): a connected pair over a transport of a chosen capacity,
 * writes and retries from named buffers, peer reads, key updates, shutdowns
 * and mode changes at any point. */
#include "target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_one(TARGET_WRITE, data, size);
}
