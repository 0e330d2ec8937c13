/* fuzz/target_mask.c: the differential fuzz target for the mode mask.
 * Each input decodes (decode.c) into calls on both contexts and the four SSL
 * handles, run on the model and on OpenSSL side by side; any difference
 * prints one report (report.c) and aborts. */
#include <stdint.h>
#include <stdlib.h>

#include "decode.h"
#include "exec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct session ss;
    struct op ops[DECODE_MAX_OPS];
    size_t n = decode_mask(data, size, ops, DECODE_MAX_OPS);
    int rc = session_open(&ss, "fuzz input (mask target; `sslmode decode FILE` prints it)",
                          REAL_REUSED, stderr);
    if (rc < 0)
        abort(); /* OpenSSL could not make a context: nothing can be compared */
    if (rc == 0)
        abort();
    for (size_t i = 0; i < n; i++)
        if (!session_step(&ss, &ops[i], 0, stderr))
            abort();
    session_close(&ss);
    return 0;
}
