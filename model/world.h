/* model/world.h: the objects a scenario works on, and what each call does to
 * their modes.
 *
 * A scenario has two contexts (cctx for the client, sctx for the server) and
 * four SSL handles ("slots"): client, server, and cdup, sdup, which receive
 * SSL_dup(client) and SSL_dup(server). A slot refers to an object of a small
 * pool; two slots refer to the same object exactly when OpenSSL hands out the
 * same pointer twice (SSL_dup after the handshake). An object lives while a
 * slot refers to it, as with OpenSSL's reference count.
 *
 * Every call is a pure function: it takes the world and returns the world
 * after the call plus what the call returns to the application. The model
 * never looks at OpenSSL: this header is the rule set for the mask
 * (spec/mask.md), each contract naming the rules it states.
 */
#ifndef SSLMODE_MODEL_WORLD_H
#define SSLMODE_MODEL_WORLD_H

#include <stdint.h>
#include "frag.h"
#include "mode.h"

#define CTX_CLIENT 0 /* cctx */
#define CTX_SERVER 1 /* sctx */
#define CTX_COUNT 2

/* Slots: even ones are on the client side, odd ones on the server side. */
#define SLOT_CLIENT 0
#define SLOT_SERVER 1
#define SLOT_CDUP 2
#define SLOT_SDUP 3
#define SLOT_COUNT 4

/* One object more than slots, so a free one always exists. */
#define OBJ_COUNT 5
#define OBJ_NONE (-1)

/* Handshake state of an object, as far as SSL_dup can tell:
 * HS_BEFORE is SSL_in_init(s) && SSL_in_before(s). */
#define HS_BEFORE 0
#define HS_DONE 1

/* What SSL_dup returned: a new object, or the same pointer up-referenced. */
#define DUP_NEW 0
#define DUP_SAME 1

/* What a context or an SSL holds beside its mask, which an SSL takes from
 * its context at SSL_new, SSL_dup copies, and SSL_clear and SSL_set_SSL_CTX
 * keep (READ-04, READ-06). Each is 0 or 1. */
struct settings {
    int read_ahead; /* SSL_get_read_ahead (s->rlayer.read_ahead) */
    int no_reneg;   /* SSL_get_options has SSL_OP_NO_RENEGOTIATION */
};

/* What an object keeps of the connection it was in, which the connection
 * holds while the object is in it (conn.h, struct end): the harness records
 * it after every step while the pair is connected (world_record_conn), so
 * that the object keeps it when the pair breaks up. */
struct kept {
    int reneg; /* SSL_renegotiate_pending (s->renegotiate): SSL_clear fails
                * while it is set (READ-05) */
    int rbuf;  /* 1 while the object holds its read buffer: SSL_clear keeps
                * it (READ-02) */
};

struct model_ssl {
    uint32_t mode; /* SSL_get_mode */
    int ctx;       /* SSL_get_SSL_CTX: CTX_CLIENT or CTX_SERVER */
    int hs;        /* HS_BEFORE or HS_DONE */
    struct settings set;
    struct kept kept;
    struct frag frag; /* max/split_send_fragment (WRITE-01): SSL_new takes
                       * its context's, and so does SSL_dup, which is an
                       * SSL_new of the source's context that does not copy
                       * them; SSL_clear and SSL_set_SSL_CTX keep them */
};

struct model_world {
    uint32_t ctx_mode[CTX_COUNT];    /* SSL_CTX_get_mode of cctx, sctx */
    struct settings ctx_set[CTX_COUNT]; /* what SSL_CTX_new gave: the harness
                                         * changes neither */
    struct frag ctx_frag[CTX_COUNT]; /* the contexts' fragment sizes (WRITE-01) */
    struct model_ssl obj[OBJ_COUNT]; /* the SSL objects */
    int slot[SLOT_COUNT];            /* object of each handle, or OBJ_NONE */
    int connected;                   /* client and server shook hands */
};

/* A call's effect: the world after it, and what it returned. */
struct model_step {
    struct model_world w;
    long ret;
};

#include "logic/world.acsl"

/* A fresh scenario: both contexts just made by SSL_CTX_new, no SSL yet.
 * MASK-01: a new context's mask is SSL_MODE_AUTO_RETRY. */
/*@ assigns \nothing;
    ensures world_ok(\result);
    ensures MASK_01: \result.ctx_mode[CTX_CLIENT] == MODE_CTX_DEFAULT &&
                     \result.ctx_mode[CTX_SERVER] == MODE_CTX_DEFAULT;
    ensures \forall integer s; valid_slot(s) ==> \result.slot[s] == OBJ_NONE;
    ensures \result.connected == 0;
    ensures READ_04_READ_06_ctx: settings_default(\result.ctx_set[CTX_CLIENT]) &&
                                 settings_default(\result.ctx_set[CTX_SERVER]);
    ensures WRITE_01_ctx: frag_default(\result.ctx_frag[CTX_CLIENT]) &&
                          frag_default(\result.ctx_frag[CTX_SERVER]);
*/
struct model_world world_init(void);

/* The invariant as a C check, proved equal to the predicate. The harness
 * calls it after every step. */
/*@ assigns \nothing;
    ensures \result != 0 <==> world_ok(w);
*/
int world_check(struct model_world w);

/* Whether a slot holds an SSL: the precondition of every call on it. */
/*@ requires valid_slot(s);
    assigns \nothing;
    ensures \result != 0 <==> slot_live(w, s);
*/
int world_slot_live(struct model_world w, int s);

/* Whether `connect` may run now: its precondition. */
/*@ requires world_ok(w);
    assigns \nothing;
    ensures \result != 0 <==> can_connect(w);
*/
int world_can_connect(struct model_world w);

/* SSL_CTX_set_mode / SSL_CTX_clear_mode / SSL_CTX_get_mode.
 * MASK-07: only the context's mask changes; no SSL made from it does. */
/*@ requires world_ok(w) && valid_ctx(c);
    assigns \nothing;
    ensures world_ok(\result.w);
    ensures MASK_02: \result.w.ctx_mode[c] == (w.ctx_mode[c] | mode_of_long(larg));
    ensures MASK_02_new_mask: \result.ret == \result.w.ctx_mode[c];
    ensures MASK_07: only_ctx_changed(w, \result.w, c);
*/
struct model_step world_ctx_set_mode(struct model_world w, int c, long larg);

/*@ requires world_ok(w) && valid_ctx(c);
    assigns \nothing;
    ensures world_ok(\result.w);
    ensures MASK_03: mode_of_long(larg) != 0 ==> \result.w.ctx_mode[c] ==
      (w.ctx_mode[c] & (uint32_t) ~mode_of_long(larg));
    ensures MASK_03_nothing: mode_of_long(larg) == 0 ==>
      \result.w.ctx_mode[c] == w.ctx_mode[c];
    ensures MASK_03_new_mask: \result.ret == \result.w.ctx_mode[c];
    ensures MASK_07: only_ctx_changed(w, \result.w, c);
*/
struct model_step world_ctx_clear_mode(struct model_world w, int c, long larg);

/*@ requires world_ok(w) && valid_ctx(c);
    assigns \nothing;
    ensures MASK_04: \result == w.ctx_mode[c];
*/
long world_ctx_get_mode(struct model_world w, int c);

/* SSL_set_mode / SSL_clear_mode / SSL_get_mode on the object of a slot.
 * MASK-07: no context changes. MASK-11: a slot sharing the object (SSL_dup
 * after the handshake) sees the change, since it is one object. */
/*@ requires world_ok(w) && slot_live(w, s);
    assigns \nothing;
    ensures world_ok(\result.w);
    ensures MASK_02: slot_obj(\result.w, s).mode ==
      (slot_obj(w, s).mode | mode_of_long(larg));
    ensures MASK_02_new_mask: \result.ret == slot_obj(\result.w, s).mode;
    ensures all_but_mode_same(slot_obj(w, s), slot_obj(\result.w, s));
    ensures MASK_07: ctxs_same(w, \result.w);
    ensures objs_same_except(w, \result.w, w.slot[s]);
    ensures slots_same_except(w, \result.w, -1);
    ensures \result.w.connected == w.connected;
*/
struct model_step world_ssl_set_mode(struct model_world w, int s, long larg);

/*@ requires world_ok(w) && slot_live(w, s);
    assigns \nothing;
    ensures world_ok(\result.w);
    ensures MASK_03: mode_of_long(larg) != 0 ==> slot_obj(\result.w, s).mode ==
      (slot_obj(w, s).mode & (uint32_t) ~mode_of_long(larg));
    ensures MASK_03_nothing: mode_of_long(larg) == 0 ==>
      slot_obj(\result.w, s).mode == slot_obj(w, s).mode;
    ensures MASK_03_new_mask: \result.ret == slot_obj(\result.w, s).mode;
    ensures all_but_mode_same(slot_obj(w, s), slot_obj(\result.w, s));
    ensures MASK_07: ctxs_same(w, \result.w);
    ensures objs_same_except(w, \result.w, w.slot[s]);
    ensures slots_same_except(w, \result.w, -1);
    ensures \result.w.connected == w.connected;
*/
struct model_step world_ssl_clear_mode(struct model_world w, int s, long larg);

/*@ requires world_ok(w) && slot_live(w, s);
    assigns \nothing;
    ensures MASK_04: \result == slot_obj(w, s).mode;
*/
long world_ssl_get_mode(struct model_world w, int s);

/* SSL_new(context of the slot's side) into a slot; the handle the slot held
 * is freed. MASK-07: the new SSL takes a snapshot of its context's mask.
 * READ-04, READ-06: and of its read_ahead and options (SSL_new:
 * s->rlayer.read_ahead = ctx->read_ahead, s->options = ctx->options). */
/*@ requires world_ok(w) && valid_slot(s);
    assigns \nothing;
    ensures world_ok(\result);
    ensures slot_live(\result, s);
    ensures fresh: !obj_used(w, \result.slot[s]);
    ensures MASK_07: slot_obj(\result, s).mode == w.ctx_mode[slot_side(s)];
    ensures slot_obj(\result, s).ctx == slot_side(s);
    ensures slot_obj(\result, s).hs == HS_BEFORE;
    ensures READ_04_READ_06_new: slot_obj(\result, s).set == w.ctx_set[slot_side(s)];
    ensures WRITE_01_new: slot_obj(\result, s).frag == w.ctx_frag[slot_side(s)];
    ensures slot_obj(\result, s).kept.reneg == 0 && slot_obj(\result, s).kept.rbuf == 0;
    ensures ctxs_same(w, \result);
    ensures slots_same_except(w, \result, s);
    ensures objs_same_except(w, \result, \result.slot[s]);
    behavior pair_slot:
      assumes s == SLOT_CLIENT || s == SLOT_SERVER;
      ensures \result.connected == 0;
    behavior dup_slot:
      assumes s == SLOT_CDUP || s == SLOT_SDUP;
      ensures \result.connected == w.connected;
    complete behaviors;
    disjoint behaviors;
*/
struct model_world world_new(struct model_world w, int s);

/* SSL_free of a slot's handle: the slot becomes empty; its object lives on
 * while another slot refers to it. */
/*@ requires world_ok(w) && slot_live(w, s);
    assigns \nothing;
    ensures world_ok(\result);
    ensures \result.slot[s] == OBJ_NONE;
    ensures ctxs_same(w, \result);
    ensures slots_same_except(w, \result, s);
    ensures objs_same_except(w, \result, OBJ_NONE);
    behavior pair_slot:
      assumes s == SLOT_CLIENT || s == SLOT_SERVER;
      ensures \result.connected == 0;
    behavior dup_slot:
      assumes s == SLOT_CDUP || s == SLOT_SDUP;
      ensures \result.connected == w.connected;
    complete behaviors;
    disjoint behaviors;
*/
struct model_world world_free(struct model_world w, int s);

/* SSL_clear. Without a renegotiation pending (the object's reneg) it returns
 * 1 and the object is ready for a new handshake. With one it returns 0
 * (ERR_R_INTERNAL_ERROR) and the object is not reset (READ-05): it keeps its
 * handshake, and the model stops following its connection
 * (spec/divergences.md, D12). MASK-09: either way its mask and its context
 * stay as they are; READ-04, READ-06: so do its read_ahead and options
 * (ossl_ssl_connection_reset, RECORD_LAYER_clear keep them); READ-02: and
 * its read buffer (world_rbuf_held). */
/*@ requires world_ok(w) && slot_live(w, s);
    assigns \nothing;
    ensures world_ok(\result.w);
    ensures MASK_09: slot_obj(\result.w, s).mode == slot_obj(w, s).mode;
    ensures slot_obj(\result.w, s).ctx == slot_obj(w, s).ctx;
    ensures READ_04_READ_06_clear: slot_obj(\result.w, s).set == slot_obj(w, s).set;
    ensures READ_02_clear: slot_obj(\result.w, s).kept == slot_obj(w, s).kept;
    ensures WRITE_01_clear: slot_obj(\result.w, s).frag == slot_obj(w, s).frag;
    ensures ctxs_same(w, \result.w);
    ensures slots_same_except(w, \result.w, -1);
    ensures objs_same_except(w, \result.w, w.slot[s]);
    ensures pair_left: w.slot[s] == w.slot[SLOT_CLIENT] || w.slot[s] == w.slot[SLOT_SERVER] ==>
      \result.w.connected == 0;
    ensures other_object: w.slot[s] != w.slot[SLOT_CLIENT] && w.slot[s] != w.slot[SLOT_SERVER] ==>
      \result.w.connected == w.connected;
    behavior reset:
      assumes slot_obj(w, s).kept.reneg == 0;
      ensures \result.ret == 1;
      ensures slot_obj(\result.w, s).hs == HS_BEFORE;
    behavior READ_05_clear_refused:
      assumes slot_obj(w, s).kept.reneg != 0;
      ensures \result.ret == 0;
      ensures slot_obj(\result.w, s).hs == slot_obj(w, s).hs;
    complete behaviors;
    disjoint behaviors;
*/
struct model_step world_clear(struct model_world w, int s);

/* SSL_set_SSL_CTX: the object now belongs to context c; returns c.
 * MASK-08: the mask stays as it is (no new snapshot is taken), and so do its
 * read_ahead and options (READ-04, READ-06). */
/*@ requires world_ok(w) && slot_live(w, s) && valid_ctx(c);
    assigns \nothing;
    ensures world_ok(\result.w);
    ensures \result.ret == c;
    ensures slot_obj(\result.w, s).ctx == c;
    ensures MASK_08: slot_obj(\result.w, s).mode == slot_obj(w, s).mode;
    ensures slot_obj(\result.w, s).hs == slot_obj(w, s).hs;
    ensures READ_04_READ_06_set_ctx: slot_obj(\result.w, s).set == slot_obj(w, s).set;
    ensures slot_obj(\result.w, s).kept == slot_obj(w, s).kept;
    ensures WRITE_01_set_ctx: slot_obj(\result.w, s).frag == slot_obj(w, s).frag;
    ensures ctxs_same(w, \result.w);
    ensures slots_same_except(w, \result.w, -1);
    ensures objs_same_except(w, \result.w, w.slot[s]);
    ensures \result.w.connected == w.connected;
*/
struct model_step world_set_ctx(struct model_world w, int s, int c);

/* SSL_get_SSL_CTX. */
/*@ requires world_ok(w) && slot_live(w, s);
    assigns \nothing;
    ensures \result == slot_obj(w, s).ctx;
*/
long world_get_ctx(struct model_world w, int s);

/* SSL_dup of client (into cdup) or server (into sdup).
 * MASK-10: before the handshake, a new object with the source's mask (not
 *          its context's) and the source's context; READ-04, READ-06: and
 *          its read_ahead and options (SSL_dup: SSL_set_read_ahead,
 *          ret->options), with no renegotiation pending.
 * MASK-11: once the handshake has started, the same object: the two handles
 *          share one mask. */
/*@ requires world_ok(w);
    requires s == SLOT_CLIENT || s == SLOT_SERVER;
    requires slot_live(w, s);
    assigns \nothing;
    ensures world_ok(\result.w);
    ensures slot_live(\result.w, s + 2);
    ensures slots_same_except(w, \result.w, s + 2);
    ensures ctxs_same(w, \result.w);
    ensures \result.w.connected == w.connected;
    behavior MASK_10_before_handshake:
      assumes slot_obj(w, s).hs == HS_BEFORE;
      ensures \result.ret == DUP_NEW;
      ensures fresh: !obj_used(w, \result.w.slot[s + 2]);
      ensures slot_obj(\result.w, s + 2).mode == slot_obj(w, s).mode;
      ensures slot_obj(\result.w, s + 2).ctx == slot_obj(w, s).ctx;
      ensures slot_obj(\result.w, s + 2).hs == HS_BEFORE;
      ensures READ_04_READ_06_dup: slot_obj(\result.w, s + 2).set == slot_obj(w, s).set;
      ensures WRITE_01_dup: slot_obj(\result.w, s + 2).frag == w.ctx_frag[slot_obj(w, s).ctx];
      ensures slot_obj(\result.w, s + 2).kept.reneg == 0 &&
              slot_obj(\result.w, s + 2).kept.rbuf == 0;
      ensures objs_same_except(w, \result.w, \result.w.slot[s + 2]);
    behavior MASK_11_after_handshake:
      assumes slot_obj(w, s).hs != HS_BEFORE;
      ensures \result.ret == DUP_SAME;
      ensures \result.w.slot[s + 2] == w.slot[s];
      ensures objs_same_except(w, \result.w, OBJ_NONE);
    complete behaviors;
    disjoint behaviors;
*/
struct model_step world_dup(struct model_world w, int s);

/* SSL_get_read_ahead, and whether SSL_get_options has SSL_OP_NO_RENEGOTIATION
 * (READ-04, READ-06): what the object holds. */
/*@ requires world_ok(w) && slot_live(w, s);
    assigns \nothing;
    ensures \result == slot_obj(w, s).set;
    ensures settings_ok(\result);
*/
struct settings world_get_settings(struct model_world w, int s);

/* SSL_set_read_ahead, SSL_set_options and SSL_clear_options with
 * SSL_OP_NO_RENEGOTIATION on the object of a slot: its settings become t,
 * and nothing else changes (READ-04, READ-06). */
/*@ requires world_ok(w) && slot_live(w, s) && settings_ok(t);
    assigns \nothing;
    ensures world_ok(\result);
    ensures slot_obj(\result, s).set == t;
    ensures slot_obj(\result, s).mode == slot_obj(w, s).mode;
    ensures slot_obj(\result, s).ctx == slot_obj(w, s).ctx;
    ensures slot_obj(\result, s).hs == slot_obj(w, s).hs;
    ensures slot_obj(\result, s).kept == slot_obj(w, s).kept;
    ensures slot_obj(\result, s).frag == slot_obj(w, s).frag;
    ensures ctxs_same(w, \result) && slots_same_except(w, \result, -1);
    ensures objs_same_except(w, \result, w.slot[s]);
    ensures \result.connected == w.connected;
*/
struct model_world world_set_settings(struct model_world w, int s, struct settings t);

/* Records what an object of the connection keeps of it (both 0 or 1): the
 * harness calls it for client and server after every step while they are
 * connected (READ-02, READ-05). */
/*@ requires world_ok(w) && slot_live(w, s) && kept_ok(k);
    assigns \nothing;
    ensures world_ok(\result);
    ensures slot_obj(\result, s).kept == k;
    ensures all_but_kept_same(slot_obj(w, s), slot_obj(\result, s));
    ensures ctxs_same(w, \result) && slots_same_except(w, \result, -1);
    ensures objs_same_except(w, \result, w.slot[s]);
    ensures \result.connected == w.connected;
*/
struct model_world world_record_conn(struct model_world w, int s, struct kept k);

/* Whether the object of a slot holds its read buffer outside a connection:
 * one SSL_new or SSL_dup made holds none; one SSL_clear reset keeps the one
 * it had (RECORD_LAYER_clear: SSL3_BUFFER_clear keeps rbuf, while
 * ssl3_release_write_buffer frees the write buffer) (READ-02). The object
 * then has nothing pending and no shutdown flag (SSL_clear: s->shutdown = 0;
 * the records of the last read are cleared). */
/*@ requires world_ok(w) && slot_live(w, s);
    assigns \nothing;
    ensures \result == slot_obj(w, s).kept.rbuf;
*/
int world_rbuf_held(struct model_world w, int s);

/* `connect`: create the client and server SSLs that do not exist yet (each a
 * snapshot of its context, MASK-07) and run the handshake to completion.
 * Returns 1: with the harness configuration (spec/mask.md, "The session
 * pair") no mode bit makes this handshake fail.
 * MASK-12: the handshake changes no mask. */
/*@ requires world_ok(w) && can_connect(w);
    assigns \nothing;
    ensures world_ok(\result.w);
    ensures \result.ret == 1;
    ensures \result.w.connected != 0;
    ensures slot_live(\result.w, SLOT_CLIENT) && slot_live(\result.w, SLOT_SERVER);
    ensures slot_obj(\result.w, SLOT_CLIENT).hs == HS_DONE;
    ensures slot_obj(\result.w, SLOT_SERVER).hs == HS_DONE;
    ensures \result.w.slot[SLOT_CDUP] == w.slot[SLOT_CDUP];
    ensures \result.w.slot[SLOT_SDUP] == w.slot[SLOT_SDUP];
    ensures ctxs_same(w, \result.w);
    ensures \forall integer o; 0 <= o < OBJ_COUNT &&
      o != \result.w.slot[SLOT_CLIENT] && o != \result.w.slot[SLOT_SERVER] ==>
        \result.w.obj[o] == w.obj[o];
    behavior already_connected:
      assumes w.connected != 0;
      ensures slots_same_except(w, \result.w, -1);
      ensures objs_same_except(w, \result.w, OBJ_NONE);
    behavior handshake:
      assumes w.connected == 0;
      ensures MASK_12: \forall integer s; (s == SLOT_CLIENT || s == SLOT_SERVER) ==>
        slot_live(w, s) ==>
          \result.w.slot[s] == w.slot[s] &&
          slot_obj(\result.w, s).mode == slot_obj(w, s).mode &&
          slot_obj(\result.w, s).ctx == slot_obj(w, s).ctx;
      ensures MASK_07: \forall integer s; (s == SLOT_CLIENT || s == SLOT_SERVER) ==>
        !slot_live(w, s) ==>
          slot_obj(\result.w, s).mode == w.ctx_mode[slot_side(s)] &&
          slot_obj(\result.w, s).ctx == slot_side(s) &&
          slot_obj(\result.w, s).set == w.ctx_set[slot_side(s)] &&
          slot_obj(\result.w, s).frag == w.ctx_frag[slot_side(s)] &&
          slot_obj(\result.w, s).kept.reneg == 0 && slot_obj(\result.w, s).kept.rbuf == 0;
      ensures \forall integer s; (s == SLOT_CLIENT || s == SLOT_SERVER) ==>
        slot_live(w, s) ==>
          slot_obj(\result.w, s).set == slot_obj(w, s).set &&
          slot_obj(\result.w, s).kept == slot_obj(w, s).kept &&
          slot_obj(\result.w, s).frag == slot_obj(w, s).frag;
    complete behaviors;
    disjoint behaviors;
*/
struct model_step world_connect(struct model_world w);

/* The fragment sizes of the object of a slot: what its connection cuts
 * writes by (conn_params, WRITE-01). */
/*@ requires world_ok(w) && slot_live(w, s);
    assigns \nothing;
    ensures \result == slot_obj(w, s).frag;
    ensures frag_valid(\result);
*/
struct frag world_get_frag(struct model_world w, int s);

/* `set max_send_fragment v`: SSL_CTX_set_max_send_fragment on both contexts
 * and SSL_set_max_send_fragment on every SSL (the harness does it before
 * `connect` only, spec/divergences.md D1). Returns 1 when v is accepted
 * (every object then holds frag_set's sizes), else 0 with nothing changed
 * (WRITE-01). */
/*@ requires world_ok(w);
    assigns \nothing;
    ensures world_ok(\result.w);
    ensures \result.ret == (MSF_MIN <= v <= MSF_MAX ? 1 : 0);
    ensures slots_same_except(w, \result.w, -1) && \result.w.connected == w.connected;
    ensures \result.w.ctx_mode[CTX_CLIENT] == w.ctx_mode[CTX_CLIENT] &&
            \result.w.ctx_mode[CTX_SERVER] == w.ctx_mode[CTX_SERVER] &&
            \result.w.ctx_set[CTX_CLIENT] == w.ctx_set[CTX_CLIENT] &&
            \result.w.ctx_set[CTX_SERVER] == w.ctx_set[CTX_SERVER];
    ensures \forall integer o; 0 <= o < OBJ_COUNT ==>
      all_but_frag_same(\result.w.obj[o], w.obj[o]);
    behavior WRITE_01_refused:
      assumes !(MSF_MIN <= v <= MSF_MAX);
      ensures \result.w == w;
    behavior WRITE_01_accepted:
      assumes MSF_MIN <= v <= MSF_MAX;
      ensures frag_after(\result.w.ctx_frag[CTX_CLIENT], w.ctx_frag[CTX_CLIENT], v) &&
              frag_after(\result.w.ctx_frag[CTX_SERVER], w.ctx_frag[CTX_SERVER], v);
      ensures \forall integer o; 0 <= o < OBJ_COUNT ==>
        frag_after(\result.w.obj[o].frag, w.obj[o].frag, v);
    complete behaviors;
    disjoint behaviors;
*/
struct model_step world_set_frag(struct model_world w, long v);

#endif
