/* model/mode.h: the mode mask and the two operations on it.
 *
 * This header is the contract. OpenSSL 3.0 implements all six mode "functions"
 * as macros over SSL_ctrl / SSL_CTX_ctrl (include/openssl/ssl.h):
 *   SSL_CTX_set_mode(c, op)   = SSL_CTX_ctrl(c, SSL_CTRL_MODE, op, NULL)
 *   SSL_CTX_clear_mode(c, op) = SSL_CTX_ctrl(c, SSL_CTRL_CLEAR_MODE, op, NULL)
 *   SSL_CTX_get_mode(c)       = SSL_CTX_ctrl(c, SSL_CTRL_MODE, 0, NULL)
 * and the same three on SSL. The handlers (ssl/ssl_lib.c, SSL_ctrl and
 * SSL_CTX_ctrl) are `return (mode |= larg);` and `return (mode &= ~larg);`
 * on a uint32_t field. The functions below compute the new mask and what the
 * call returns; world.h applies them to a context or to an SSL.
 *
 * The model is written as pure functions on values (no pointers): what a call
 * changes is exactly what its contract says the result holds.
 *
 * Rules: spec/mask.md MASK-02 .. MASK-06.
 */
#ifndef SSLMODE_MODEL_MODE_H
#define SSLMODE_MODEL_MODE_H

#include <stdint.h>
#include "logic/mask.acsl"

/* The SSL_MODE_* bits of OpenSSL 3.0, without their prefix. fuzz/abi_check.c
 * fails the build if any differs from <openssl/ssl.h>. Names: model/names.c.
 * MASK-06: any other bit (0x200, 0x800 .. 0x80000000) is stored as given. */
#define MODE_ENABLE_PARTIAL_WRITE       0x00000001u
#define MODE_ACCEPT_MOVING_WRITE_BUFFER 0x00000002u
#define MODE_AUTO_RETRY                 0x00000004u
#define MODE_NO_AUTO_CHAIN              0x00000008u
#define MODE_RELEASE_BUFFERS            0x00000010u
#define MODE_SEND_CLIENTHELLO_TIME      0x00000020u
#define MODE_SEND_SERVERHELLO_TIME      0x00000040u
#define MODE_SEND_FALLBACK_SCSV         0x00000080u
#define MODE_ASYNC                      0x00000100u
#define MODE_DTLS_SCTP_LABEL_LENGTH_BUG 0x00000400u

/* MASK-01: what SSL_CTX_new stores (ssl/ssl_lib.c, SSL_CTX_new_ex). */
#define MODE_CTX_DEFAULT MODE_AUTO_RETRY

/* MASK-05: the 32-bit mask a `long` argument becomes. Bits 32..63 are
 * dropped; a negative argument contributes its two's complement low bits, so
 * -1 means all 32 bits. */
/*@ assigns \nothing;
    ensures \result == mode_of_long(larg);
    behavior fits:
      assumes 0 <= larg <= 0xffffffff;
      ensures \result == larg;
    behavior wide:
      assumes larg > 0xffffffff;
      ensures \result == larg % 0x100000000;
    behavior negative:
      assumes larg < 0;
      ensures \result == (0x100000000 + larg % 0x100000000) % 0x100000000;
    complete behaviors;
    disjoint behaviors;
*/
uint32_t mode_arg(long larg);

/* MASK-02: set_mode ORs the argument into the mask.
 * MASK-04: get_mode is set_mode with 0, which changes nothing. */
/*@ assigns \nothing;
    ensures \result == (m | mode_of_long(larg));
    behavior query:
      assumes mode_of_long(larg) == 0;
      ensures \result == m;
    behavior add:
      assumes mode_of_long(larg) != 0;
      ensures \forall integer i; 0 <= i < 32 ==>
        (mode_bit(\result, i) <==> (mode_bit(m, i) || mode_bit(mode_of_long(larg), i)));
    complete behaviors;
    disjoint behaviors;
*/
uint32_t mode_after_set(uint32_t m, long larg);

/* MASK-03: clear_mode removes the argument's bits from the mask. */
/*@ assigns \nothing;
    behavior nothing_to_clear:
      assumes mode_of_long(larg) == 0;
      ensures \result == m;
    behavior remove:
      assumes mode_of_long(larg) != 0;
      ensures \result == (m & (uint32_t) ~mode_of_long(larg));
      ensures \forall integer i; 0 <= i < 32 ==>
        (mode_bit(\result, i) <==> (mode_bit(m, i) && !mode_bit(mode_of_long(larg), i)));
    complete behaviors;
    disjoint behaviors;
*/
uint32_t mode_after_clear(uint32_t m, long larg);

/* MASK-02/03/04: what the call returns is the mask after it, as a long;
 * MASK-05: never negative, whatever bit 31 holds. */
/*@ assigns \nothing;
    ensures \result == m;
    ensures never_negative: 0 <= \result <= 0xffffffff;
*/
long mode_result(uint32_t m);

#endif
