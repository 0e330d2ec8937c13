/* fuzz/pair_clock.c: the clock the library sees (pair.h, PAIR_FIXED_TIME).
 * Kept apart from the session pair: it overrides a libc function for the
 * whole process, which a reader of the harness should find in one place. */
#include <time.h>

#include "pair.h"

/* Interposes libc's time() for libssl and libcrypto: every run sees the same
 * clock, so the same input gives the same bytes and the same verdict. */
time_t time(time_t *t)
{
    if (t)
        *t = PAIR_FIXED_TIME;
    return PAIR_FIXED_TIME;
}
