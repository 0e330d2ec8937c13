/* fuzz/decode.h: the libFuzzer front end. Turns any byte string into a
 * sequence of ops; `sslmode decode` prints the same sequence as a scenario.
 *
 * Format (mask target), one op after another until the input runs out; an op
 * cut short by the end of the input is dropped:
 *   byte K: low nibble picks the call (kind_table in decode.c), high nibble
 *           the target (modulo the targets the call accepts);
 *   set_ctx: one byte, bit 0 picks cctx or sctx;
 *   set_mode, clear_mode: a long, encoded as in decode_long (decode.c).
 * An op whose precondition does not hold in the state reached so far (a call
 * on an empty slot, a connect that cannot run) is left out, so the sequence
 * is always one the harness can run; so is a connect that would run a third
 * handshake (DECODE_MAX_HANDSHAKES). */
#ifndef SSLMODE_FUZZ_DECODE_H
#define SSLMODE_FUZZ_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "op.h"

#define DECODE_MAX_OPS 64
#define DECODE_MAX_HANDSHAKES 2 /* connects that run a handshake, per input */

size_t decode_mask(const uint8_t *data, size_t size, struct op *ops, size_t max);

#endif
