/* fuzz/target.c: see target.h. */
#include "target.h"

#include <stdio.h>
#include <stdlib.h>

#include "exec.h"

int fuzz_one(enum fuzz_target t, const uint8_t *data, size_t size)
{
    static struct session ss;
    static char origin[96];
    struct op ops[DECODE_MAX_OPS];
    size_t n = decode(t, data, size, ops, DECODE_MAX_OPS);
    snprintf(origin, sizeof origin,
             "fuzz input, target %s (`sslmode decode --target %s FILE` prints it)",
             fuzz_target_names[t], fuzz_target_names[t]);
    int rc = session_open(&ss, origin, REAL_REUSED, stderr);
    if (rc <= 0)
        abort(); /* OpenSSL could not make a context, or the start state differs */
    for (size_t i = 0; i < n; i++) {
        int agree = session_step(&ss, &ops[i], 0, stderr);
        if (agree == 0)
            abort();
        if (agree < 0)
            break; /* beyond the model's limits: the rest is not compared */
    }
    session_close(&ss);
    return 0;
}
