/* tests/unit/model.c: the model on the facts of spec/mask.md, each value
 * taken from a run of OpenSSL 3.0.22 (the scenarios in tests/scenarios/
 * show the same calls with OpenSSL's answers). The proofs cover all inputs;
 * these pin a few concrete answers a reader can check by hand. */
#include <limits.h>

#include "../../model/world.h"
#include "check.h"

int main(void)
{
    struct model_world w = world_init();

    /* Test: MASK-01, a new context holds AUTO_RETRY */
    CHECK(world_ctx_get_mode(w, CTX_CLIENT) == 0x4, "MASK-01: SSL_CTX_new gives 0x4");

    /* Test: MASK-05, truncation of the long argument */
    CHECK(world_ctx_set_mode(w, CTX_CLIENT, 1L << 40).ret == 0x4, "MASK-05: set_mode(1<<40) changes nothing");
    CHECK(world_ctx_set_mode(w, CTX_CLIENT, 0x80000000L).ret == 2147483652L,
          "MASK-05: set_mode(0x80000000) returns 2147483652, not a negative");
    CHECK(world_ctx_set_mode(w, CTX_CLIENT, -1L).ret == 4294967295L, "MASK-05: set_mode(-1) returns 4294967295");
    CHECK(world_ctx_clear_mode(w, CTX_CLIENT, -2L).ret == 0x0 &&
          world_ctx_clear_mode(world_ctx_set_mode(w, CTX_CLIENT, 1).w, CTX_CLIENT, -2L).ret == 1,
          "MASK-05: clear_mode(-2) clears all but bit 0");
    CHECK(world_ctx_set_mode(w, CTX_CLIENT, LONG_MIN).ret == 0x4, "MASK-05: LONG_MIN has no low bits");

    /* Test: MASK-03, clear returns the new mask */
    CHECK(world_ctx_clear_mode(w, CTX_CLIENT, 0x4).ret == 0, "MASK-03: clear_mode(AUTO_RETRY) returns 0");

    /* Test: MASK-07, snapshot */
    struct model_world a = world_new(w, SLOT_CLIENT);
    a = world_ctx_set_mode(a, CTX_CLIENT, 0x10).w;
    CHECK(world_ssl_get_mode(a, SLOT_CLIENT) == 0x4, "MASK-07: an SSL keeps the mask it was made with");

    /* Test: MASK-10/11, dup */
    struct model_step d = world_dup(a, SLOT_CLIENT);
    CHECK(d.ret == DUP_NEW && world_ssl_get_mode(d.w, SLOT_CDUP) == 0x4,
          "MASK-10: dup before the handshake copies the SSL's mask, not the context's (0x14)");
    struct model_step c = world_connect(a);
    d = world_dup(c.w, SLOT_CLIENT);
    CHECK(d.ret == DUP_SAME && d.w.slot[SLOT_CDUP] == d.w.slot[SLOT_CLIENT],
          "MASK-11: dup after the handshake is the same object");

    /* Test: the invariant check is the predicate on a few states */
    CHECK(world_check(w) && world_check(a) && world_check(c.w) && world_check(d.w),
          "world_check accepts states the model reaches");
    struct model_world broken = c.w;
    broken.slot[SLOT_SDUP] = broken.slot[SLOT_CLIENT];
    CHECK(!world_check(broken), "world_check refuses an object shared by client and server sides");
    broken = c.w;
    broken.obj[broken.slot[SLOT_SERVER]].hs = HS_BEFORE;
    CHECK(!world_check(broken), "world_check refuses `connected` with a server before its handshake");
    CHECK_DONE();
}
