/* tests/unit/decode.c: the fuzz decoder and the scenario parser agree: any
 * byte string decodes into ops whose printed scenario lines parse back into
 * the same ops, and decoding is a function of the bytes alone. */
#include <stdlib.h>
#include <string.h>

#include "../../fuzz/decode.h"
#include "../../fuzz/scenario.h"
#include "check.h"

static int same_op(const struct op *a, const struct op *b)
{
    return a->kind == b->kind && a->target == b->target && a->arg == b->arg &&
           a->off == b->off && strcmp(a->buf, b->buf) == 0 && strcmp(a->buf2, b->buf2) == 0 &&
           (a->kind != OP_BUF && a->kind != OP_FILL ? 1 : a->arg2 == b->arg2);
}

/* Prints op, parses the line back; 1 if the result is the same op. */
static int round_trips(const struct op *op)
{
    char line[512], msg[256];
    FILE *f = fmemopen(line, sizeof line, "w");
    op_print(f, op);
    fclose(f);
    struct scn_step st;
    return scenario_parse_step(line, &st, msg, sizeof msg) == 0 && same_op(&st.op, op);
}

int main(void)
{
    unsigned char data[512];
    struct op ops[DECODE_MAX_OPS], again[DECODE_MAX_OPS];
    srand(1);

    /* Test: random inputs of each target decode into ops that print and
     * parse back */
    for (int t = 0; t < TARGET_COUNT; t++) {
        int printed_ok = 1, deterministic = 1, some_long = 0;
        for (int round = 0; round < 1000; round++) {
            size_t len = (size_t) (rand() % (int) sizeof data);
            for (size_t i = 0; i < len; i++)
                data[i] = (unsigned char) rand();
            size_t n = decode((enum fuzz_target) t, data, len, ops, DECODE_MAX_OPS);
            size_t m = decode((enum fuzz_target) t, data, len, again, DECODE_MAX_OPS);
            deterministic &= n == m;
            for (size_t i = 0; i < n && i < m; i++) {
                deterministic &= same_op(&ops[i], &again[i]);
                printed_ok &= round_trips(&ops[i]);
            }
            some_long |= n >= 20;
        }
        char what[128];
        snprintf(what, sizeof what, "%s: every decoded op prints as a scenario line that parses "
                 "back to it", fuzz_target_names[t]);
        CHECK(printed_ok, what);
        snprintf(what, sizeof what, "%s: the same bytes decode into the same ops",
                 fuzz_target_names[t]);
        CHECK(deterministic, what);
        snprintf(what, sizeof what, "%s: random inputs reach sequences of 20 steps or more",
                 fuzz_target_names[t]);
        CHECK(some_long, what);
    }

    /* Test: the empty input and a cut-short op decode into nothing */
    CHECK(decode(TARGET_MASK, data, 0, ops, DECODE_MAX_OPS) == 0, "the empty input is no steps");
    unsigned char cut[] = { 0x00 }; /* set_mode on cctx, its argument missing */
    CHECK(decode(TARGET_MASK, cut, sizeof cut, ops, DECODE_MAX_OPS) == 0, "an op cut short is dropped");

    /* Test: a call on an empty slot is left out; after `new` it is kept */
    unsigned char on_empty[] = { 0x27 };          /* low nibble 7: get_mode; high 2: client */
    unsigned char after_new[] = { 0x09, 0x27 };   /* low nibble 9: new; high 0: client */
    CHECK(decode(TARGET_MASK, on_empty, sizeof on_empty, ops, DECODE_MAX_OPS) == 0,
          "a call on a slot that holds no SSL is left out");
    CHECK(decode(TARGET_MASK, after_new, sizeof after_new, ops, DECODE_MAX_OPS) == 2 &&
          ops[0].kind == OP_NEW && ops[1].kind == OP_GET_MODE && ops[1].target == TGT_CLIENT,
          "after `client new` the same call is kept");
    CHECK_DONE();
}
