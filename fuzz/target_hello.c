/* fuzz/target_hello.c: the differential fuzz target for the handshake flags
 * (spec/hello.md): masks of both contexts changed at any point, each side's
 * version range, and handshakes whose wire bytes show the fallback SCSV,
 * the hello randoms, the server's chain and each side's error. */
#include "target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_one(TARGET_HELLO, data, size);
}
