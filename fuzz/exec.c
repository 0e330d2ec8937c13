/* fuzz/exec.c: see exec.h. */
#include "exec.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "model_side.h"
#include "report.h"

void session_close(struct session *ss)
{
    real_close(ss->real);
    ss->real = NULL;
}

/* Compares one value both sides show; on a difference, describes it (the
 * description is only formatted then: this runs after every fuzz step). */
__attribute__((format(printf, 6, 7)))
static int same(struct mismatch *m, const char *rule, enum result_kind kind, long real,
                long model, const char *what, ...)
{
    if (real == model)
        return 1;
    va_list ap;
    va_start(ap, what);
    vsnprintf(m->what, sizeof m->what, what, ap);
    va_end(ap);
    m->rule = rule;
    m->real.kind = m->model.kind = kind;
    m->real.value = real;
    m->model.value = model;
    return 0;
}

/* The state both sides show after a step: every handle's existence, mask,
 * context, and which handles share an object; both contexts' masks. */
static int states_agree(struct session *ss, struct mismatch *m)
{
    const struct model_world *w = &ss->model;
    for (int c = 0; c < CTX_COUNT; c++)
        if (!same(m, "MASK-07", RES_MASK, real_ctx_mode(ss->real, c),
                  world_ctx_get_mode(*w, c), "SSL_CTX_get_mode(%s)",
                  target_names[TGT_CCTX + c]))
            return 0;
    for (int s = 0; s < SLOT_COUNT; s++) {
        const char *name = target_names[slot_target(s)];
        int live = world_slot_live(*w, s);
        if (!same(m, "MASK-11", RES_INT, real_slot_live(ss->real, s), live,
                  "whether %s holds an SSL", name))
            return 0;
        if (!live)
            continue;
        if (!same(m, "MASK-07", RES_MASK, real_ssl_mode(ss->real, s),
                  world_ssl_get_mode(*w, s), "SSL_get_mode(%s)", name) ||
            !same(m, "MASK-08", RES_CTX, real_ssl_ctx(ss->real, s), world_get_ctx(*w, s),
                  "SSL_get_SSL_CTX(%s)", name))
            return 0;
        for (int t = s + 1; t < SLOT_COUNT; t++)
            if (world_slot_live(*w, t) &&
                !same(m, "MASK-11", RES_INT, real_same_object(ss->real, s, t),
                      w->slot[s] == w->slot[t], "whether %s and %s are one object", name,
                      target_names[slot_target(t)]))
                return 0;
    }
    return 1;
}

int session_open(struct session *ss, const char *origin, enum real_contexts how,
                 FILE *report)
{
    memset(ss, 0, sizeof *ss);
    ss->origin = origin;
    ss->model = world_init();
    ss->real = real_open(how);
    if (!ss->real)
        return -1;
    struct mismatch m = { 0 };
    if (states_agree(ss, &m))
        return 1;
    if (report)
        report_mismatch(report, ss, &m);
    return 0;
}

int session_step(struct session *ss, const struct op *op, int line, FILE *report)
{
    if (ss->steps == TRACE_MAX)
        abort(); /* the front ends bound the number of steps */
    struct trace_entry *e = &ss->trace[ss->steps++];
    e->op = *op;
    e->line = line;
    e->real = real_apply(ss->real, op);
    e->model = model_apply(&ss->model, op);

    struct mismatch m = { 0 };
    if (!outcome_equal(&e->real, &e->model)) {
        snprintf(m.what, sizeof m.what, "the call's return value");
        m.rule = op_table[op->kind].rules;
        m.real = e->real;
        m.model = e->model;
    } else if (!world_check(ss->model)) {
        snprintf(m.what, sizeof m.what, "the model's state invariant (world_ok)");
        m.rule = "model/logic/world.acsl";
        m.invariant = 1;
    } else if (states_agree(ss, &m)) {
        return 1;
    }
    if (report)
        report_mismatch(report, ss, &m);
    return 0;
}
