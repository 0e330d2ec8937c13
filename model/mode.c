/* model/mode.c: the mask operations. Contracts: see mode.h. */
#include "mode.h"

uint32_t mode_arg(long larg)
{
    /* Reduce modulo 2^32 first, so the conversion below is exact: the
     * truncation is this arithmetic, never an implicit cast. */
    long low = larg % 0x100000000L;
    if (low < 0)
        low += 0x100000000L;
    return (uint32_t) low;
}

uint32_t mode_after_set(uint32_t m, long larg)
{
    return m | mode_arg(larg);
}

uint32_t mode_after_clear(uint32_t m, long larg)
{
    uint32_t bits = mode_arg(larg);
    /* Clearing nothing is the identity. Said apart, so that no prover needs
     * the bitwise fact m & 0xffffffff == m. */
    if (bits == 0)
        return m;
    return m & ~bits;
}

long mode_result(uint32_t m)
{
    return (long) m;
}
