/* fuzz/model_side.h: runs an op on the model (model/world.h). */
#ifndef SSLMODE_FUZZ_MODEL_SIDE_H
#define SSLMODE_FUZZ_MODEL_SIDE_H

#include "../model/world.h"
#include "op.h"
#include "outcome.h"

/* Whether the op's precondition holds in this state (the harness only makes
 * calls on objects it holds). Returns 1, or 0 with the reason in *why. */
int model_applicable(const struct model_world *w, const struct op *op,
                     const char **why);

/* Runs an applicable op: updates *w and returns what the call returns. */
struct outcome model_apply(struct model_world *w, const struct op *op);

#endif
