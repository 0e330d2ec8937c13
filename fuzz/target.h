/* fuzz/target.h: one fuzz input, end to end: decode it (decode.c) into ops,
 * run them on the model and on OpenSSL side by side (exec.c), and abort with
 * a report (report.c) at the first difference. Each target_*.c is a
 * libFuzzer entry point over this. */
#ifndef SSLMODE_FUZZ_TARGET_H
#define SSLMODE_FUZZ_TARGET_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Returns 0; aborts on a difference. */
int fuzz_one(enum fuzz_target t, const uint8_t *data, size_t size);

#endif
