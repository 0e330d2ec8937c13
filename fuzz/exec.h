/* fuzz/exec.h: the executor. It runs each op on OpenSSL and on the model,
 * compares what the two return, then compares the state both show (every
 * mask, which handles exist and share an object; for a connected pair, the
 * bytes in flight each way, SSL_pending, SSL_get_shutdown, SSL_in_init,
 * SSL_get_key_update_type, SSL_want), and checks the model's invariants. A
 * difference produces one report (report.c) naming the step, the call, both
 * answers and the whole trace. Buffer and `set` ops are the harness's own:
 * the executor runs them once for both sides. */
#ifndef SSLMODE_FUZZ_EXEC_H
#define SSLMODE_FUZZ_EXEC_H

#include <stdio.h>

#include "buffers.h"
#include "config.h"
#include "model_side.h"
#include "op.h"
#include "outcome.h"
#include "real.h"
#include "report.h"

#define TRACE_MAX 1024

struct session {
    struct model_state model;
    struct real *real;
    struct buffers bufs;
    struct session_config cfg;
    struct trace_entry trace[TRACE_MAX];
    int steps;
    const char *origin; /* the input's name, for reports */
};

/* Opens fresh contexts on both sides and compares the state they start in.
 * Returns 1 when it agrees, 0 after reporting a difference to `report`, -1
 * if OpenSSL could not make the contexts. */
int session_open(struct session *ss, const char *origin, enum real_contexts how,
                 FILE *report);
void session_close(struct session *ss);

/* Whether the op can run now (model_applicable and the harness's limits). */
int session_applicable(const struct session *ss, const struct op *op, const char **why);

/* Runs one applicable op on both sides. Returns 1 when both sides agree on
 * the answer and on the state after it; 0 otherwise, after writing the
 * report to `report` (unless NULL); -1 when the step went beyond what the
 * model holds (a negative reason, model/conn.h: REASON_MODEL_FULL,
 * REASON_MODEL_RENEG): the session cannot go on. The trace entry of the step
 * is at ss->trace[ss->steps - 1]. */
int session_step(struct session *ss, const struct op *op, int line, FILE *report);

/* Why a step went beyond the model, from its reason (for messages): "needs
 * more records in flight than ...". */
const char *session_limit_text(int reason);

#endif
