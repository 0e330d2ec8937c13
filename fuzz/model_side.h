/* fuzz/model_side.h: runs an op on the model (model/world.h for the objects
 * and their masks, model/conn.h for the connection's I/O). */
#ifndef SSLMODE_FUZZ_MODEL_SIDE_H
#define SSLMODE_FUZZ_MODEL_SIDE_H

#include "../model/conn.h"
#include "../model/hello.h"
#include "../model/world.h"
#include "buffers.h"
#include "config.h"
#include "op.h"
#include "outcome.h"

struct model_state {
    struct model_world world;
    struct model_conn conn; /* the connection, while world.connected */
};

void model_init(struct model_state *m);

/* Whether the op's precondition holds in this state (the harness only makes
 * calls on objects it holds, within the model's limits). Returns 1, or 0
 * with the reason in *why. */
int model_applicable(const struct model_state *m, const struct buffers *b,
                     const struct session_config *cfg, const struct op *op, const char **why);

/* Bytes of the read buffer the SSL of a slot holds, and of its write buffer
 * in *wbuf, as the model says (READ-02): the connection's for an SSL of the
 * connected pair, else what the world keeps (an SSL that has not shaken
 * hands; pre_observe). */
long model_held_bytes(const struct model_state *m, int slot, long *wbuf);

/* Bytes of the record buffers side s holds, as the model says (READ-02). */
long model_rbuf_bytes(const struct model_conn *c, int s);
long model_wbuf_bytes(const struct model_conn *c, int s);

/* SSL_get_read_ahead of the object in a live slot, and whether its options
 * have SSL_OP_NO_RENEGOTIATION (world_get_settings). */
int model_read_ahead(const struct model_state *m, int slot);
int model_no_reneg(const struct model_state *m, int slot);

/* Runs an applicable op: updates *m and returns what the call returns.
 * Only the harness's own calls (CLASS_HARNESS) change the buffers or the
 * configuration; the others read them. */
struct outcome model_apply(struct model_state *m, struct buffers *b, struct session_config *cfg,
                           const struct op *op);

/* The handlers that fuzz/calls.h names: a precondition (the reason in *why
 * when it does not hold) and the call on the model. */
#define MODEL_SIDE_DECL(id, name, syntax, on, arg, result, cls, pre, mfn, ...)              \
    int pre(const struct model_state *, const struct buffers *, const struct session_config *, \
            const struct op *, const char **);                                                \
    struct outcome mfn(struct model_state *, struct buffers *, struct session_config *,        \
                         const struct op *);
CALLS(MODEL_SIDE_DECL)
#undef MODEL_SIDE_DECL

#endif
