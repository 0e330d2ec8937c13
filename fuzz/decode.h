/* fuzz/decode.h: the libFuzzer front end. Turns any byte string into a
 * sequence of ops; `sslmode decode [--target T] FILE` prints the same sequence
 * as a scenario.
 *
 * Common to all targets: one op after another until the input runs out; an
 * op cut short by the end of the input is dropped. An op whose precondition
 * does not hold in the state reached so far (a call on an empty slot, a
 * connect that cannot run, a write past the end of its buffer) is left out,
 * so the sequence is always one the harness can run; so is a connect that
 * would run a third handshake (DECODE_MAX_HANDSHAKES).
 *
 * mask: byte K: low nibble picks the call (mask_slots in decode.c), high
 *       nibble the target (modulo the targets the call accepts); set_ctx:
 *       one byte, bit 0 picks cctx or sctx; set_mode, clear_mode: a long
 *       (decode_long).
 * write: two bytes choose the cipher suite and the transport capacity
 *       (caps in decode.c; its top two bits the server's session tickets,
 *       ticket_counts), then `connect`; then byte K: bits 0-4 pick the
 *       call (write_slots), bit 5 the side, bits 6-7 feed its arguments;
 *       slot 14 takes one more byte that picks a call of more_kinds.
 * hello: byte K: bits 0-2 pick the call (hello_slots): set_mode or
 *       clear_mode on cctx or sctx (bit 0) with a long (decode_long), a
 *       version range for either side (bits 3-4), or `hello`. Hellos count
 *       as handshakes (DECODE_MAX_HANDSHAKES). */
#ifndef SSLMODE_FUZZ_DECODE_H
#define SSLMODE_FUZZ_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "op.h"

/* The version of the byte format above. Every committed corpus input
 * decodes to the scenario text committed in fuzz/golden/TARGET.txt, and
 * `make test` fails when a decoder change reads one differently: a change
 * that re-maps committed inputs bumps this number, says what changed below,
 * and regenerates the golden files on purpose (`make golden`, which refuses
 * to rewrite them under an unchanged number). Choices come from lists of the
 * format's own (flag_choices, cipher_choices, the *_slots tables and more_kinds in
 * decode.c), never from the size of a table that grows.
 *   1: the format of the corpus as committed on 2026-12-06.
 *   2: write target: slot 14 (a read) reads one more byte that picks among
 *      read_ex, pending, has_pending, get_shutdown and clear (more_kinds;
 *      format 4 adds peek);
 *      slot 30 is renegotiate alone (format 1 made it clear when bits 6-7
 *      were 3).
 *   3: no byte changes meaning, but an input keeps more steps: buffers,
 *      pending, has_pending and get_shutdown on an SSL that a successful
 *      clear reset were skipped before (pre_observe). The skipping follows
 *      the model's preconditions, so a precondition that admits more is a
 *      format change too.
 *   4: more_kinds 12 and 13 are peek (they were read_ex).
 *   5: more_kinds 9 and 15 are do_handshake (they were read_ex and
 *      has_pending). */
#define DECODE_FORMAT 5

#define DECODE_MAX_OPS 64
#define DECODE_MAX_HANDSHAKES 2 /* connects that run a handshake, and hellos, per input */

enum fuzz_target { TARGET_MASK, TARGET_WRITE, TARGET_HELLO, TARGET_COUNT };
extern const char *const fuzz_target_names[TARGET_COUNT];

size_t decode(enum fuzz_target t, const uint8_t *data, size_t size, struct op *ops,
              size_t max);

#endif
