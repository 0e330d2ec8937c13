/* model/world.c: the objects of a scenario. Contracts: see world.h. */
#include "world.h"

/* logic/world.acsl, world_check and free_obj list the slots one by one. */
_Static_assert(SLOT_COUNT == 4 && OBJ_COUNT == 5, "four slots, five objects");

struct model_world world_init(void)
{
    struct model_world w;
    w.ctx_mode[CTX_CLIENT] = MODE_CTX_DEFAULT;
    w.ctx_mode[CTX_SERVER] = MODE_CTX_DEFAULT;
    w.ctx_set[CTX_CLIENT].read_ahead = 0;
    w.ctx_set[CTX_CLIENT].no_reneg = 0;
    w.ctx_set[CTX_SERVER] = w.ctx_set[CTX_CLIENT];
    w.ctx_frag[CTX_CLIENT].msf = MSF_MAX;
    w.ctx_frag[CTX_CLIENT].split = MSF_MAX;
    w.ctx_frag[CTX_SERVER] = w.ctx_frag[CTX_CLIENT];
    /*@ loop invariant 0 <= o <= OBJ_COUNT;
        loop invariant \forall integer k; 0 <= k < o ==> frag_valid(w.obj[k].frag);
        loop assigns o, w.obj[0 .. OBJ_COUNT - 1];
        loop variant OBJ_COUNT - o; */
    for (int o = 0; o < OBJ_COUNT; o++) {
        w.obj[o].mode = 0;
        w.obj[o].ctx = CTX_CLIENT;
        w.obj[o].hs = HS_BEFORE;
        w.obj[o].set = w.ctx_set[CTX_CLIENT];
        w.obj[o].kept.reneg = 0;
        w.obj[o].kept.rbuf = 0;
        w.obj[o].frag = w.ctx_frag[CTX_CLIENT];
    }
    w.slot[SLOT_CLIENT] = OBJ_NONE;
    w.slot[SLOT_SERVER] = OBJ_NONE;
    w.slot[SLOT_CDUP] = OBJ_NONE;
    w.slot[SLOT_SDUP] = OBJ_NONE;
    w.connected = 0;
    return w;
}

int world_slot_live(struct model_world w, int s)
{
    return w.slot[s] >= 0 && w.slot[s] < OBJ_COUNT;
}

/*@ assigns \nothing;
    ensures \result != 0 <==> settings_ok(t);
*/
static int settings_check(struct settings t)
{
    return (t.read_ahead == 0 || t.read_ahead == 1) && (t.no_reneg == 0 || t.no_reneg == 1);
}


/*@ requires valid_slot(s);
    assigns \nothing;
    ensures \result != 0 <==> slot_ok(w, s);
*/
static int slot_check(struct model_world w, int s)
{
    int o = w.slot[s];
    if (o == OBJ_NONE)
        return 1;
    if (o < 0 || o >= OBJ_COUNT)
        return 0;
    return w.obj[o].ctx >= 0 && w.obj[o].ctx < CTX_COUNT &&
           (w.obj[o].hs == HS_BEFORE || w.obj[o].hs == HS_DONE) &&
           settings_check(w.obj[o].set) && (w.obj[o].kept.reneg == 0 || w.obj[o].kept.reneg == 1) &&
           (w.obj[o].kept.rbuf == 0 || w.obj[o].kept.rbuf == 1);
}

/*@ requires valid_slot(a) && valid_slot(b);
    assigns \nothing;
    ensures \result != 0 <==> apart(w, a, b);
*/
static int apart_check(struct model_world w, int a, int b)
{
    return !world_slot_live(w, a) || !world_slot_live(w, b) ||
           w.slot[a] != w.slot[b];
}

int world_check(struct model_world w)
{
    if (!settings_check(w.ctx_set[CTX_CLIENT]) || !settings_check(w.ctx_set[CTX_SERVER]))
        return 0;
    if (!frag_check(w.ctx_frag[CTX_CLIENT]) || !frag_check(w.ctx_frag[CTX_SERVER]))
        return 0;
    if (!frag_check(w.obj[0].frag) || !frag_check(w.obj[1].frag) || !frag_check(w.obj[2].frag) ||
        !frag_check(w.obj[3].frag) || !frag_check(w.obj[4].frag))
        return 0;
    if (!slot_check(w, SLOT_CLIENT) || !slot_check(w, SLOT_SERVER) ||
        !slot_check(w, SLOT_CDUP) || !slot_check(w, SLOT_SDUP))
        return 0;
    if (!apart_check(w, SLOT_CLIENT, SLOT_SERVER) ||
        !apart_check(w, SLOT_CLIENT, SLOT_SDUP) ||
        !apart_check(w, SLOT_CDUP, SLOT_SERVER) ||
        !apart_check(w, SLOT_CDUP, SLOT_SDUP))
        return 0;
    if (w.connected == 0)
        return 1;
    return world_slot_live(w, SLOT_CLIENT) && world_slot_live(w, SLOT_SERVER) &&
           w.obj[w.slot[SLOT_CLIENT]].hs == HS_DONE &&
           w.obj[w.slot[SLOT_SERVER]].hs == HS_DONE;
}

int world_can_connect(struct model_world w)
{
    if (w.connected != 0)
        return 1;
    return (!world_slot_live(w, SLOT_CLIENT) ||
            w.obj[w.slot[SLOT_CLIENT]].hs == HS_BEFORE) &&
           (!world_slot_live(w, SLOT_SERVER) ||
            w.obj[w.slot[SLOT_SERVER]].hs == HS_BEFORE);
}

/*@ requires 0 <= o < OBJ_COUNT;
    assigns \nothing;
    ensures \result != 0 <==> obj_used(w, o);
*/
static int obj_in_use(struct model_world w, int o)
{
    return w.slot[0] == o || w.slot[1] == o || w.slot[2] == o || w.slot[3] == o;
}

/* An object no slot refers to. One exists, as there are more objects than
 * slots: if objects 0..3 are all in use, the four slots hold exactly those,
 * so object 4 is free. Written without a loop so that this counting
 * argument stays a ground goal. */
/*@ assigns \nothing;
    ensures 0 <= \result < OBJ_COUNT;
    ensures !obj_used(w, \result);
*/
static int free_obj(struct model_world w)
{
    if (!obj_in_use(w, 0))
        return 0;
    if (!obj_in_use(w, 1))
        return 1;
    if (!obj_in_use(w, 2))
        return 2;
    if (!obj_in_use(w, 3))
        return 3;
    return 4;
}

struct model_step world_ctx_set_mode(struct model_world w, int c, long larg)
{
    struct model_step r = { w, 0 };
    r.w.ctx_mode[c] = mode_after_set(w.ctx_mode[c], larg);
    r.ret = mode_result(r.w.ctx_mode[c]);
    return r;
}

struct model_step world_ctx_clear_mode(struct model_world w, int c, long larg)
{
    struct model_step r = { w, 0 };
    r.w.ctx_mode[c] = mode_after_clear(w.ctx_mode[c], larg);
    r.ret = mode_result(r.w.ctx_mode[c]);
    return r;
}

long world_ctx_get_mode(struct model_world w, int c)
{
    return mode_result(w.ctx_mode[c]);
}

struct model_step world_ssl_set_mode(struct model_world w, int s, long larg)
{
    struct model_step r = { w, 0 };
    int o = w.slot[s];
    r.w.obj[o].mode = mode_after_set(w.obj[o].mode, larg);
    r.ret = mode_result(r.w.obj[o].mode);
    return r;
}

struct model_step world_ssl_clear_mode(struct model_world w, int s, long larg)
{
    struct model_step r = { w, 0 };
    int o = w.slot[s];
    r.w.obj[o].mode = mode_after_clear(w.obj[o].mode, larg);
    r.ret = mode_result(r.w.obj[o].mode);
    return r;
}

long world_ssl_get_mode(struct model_world w, int s)
{
    return mode_result(w.obj[w.slot[s]].mode);
}

struct model_world world_new(struct model_world w, int s)
{
    int o = free_obj(w);
    int side = s % 2;
    w.obj[o].mode = w.ctx_mode[side];
    w.obj[o].ctx = side;
    w.obj[o].hs = HS_BEFORE;
    w.obj[o].set = w.ctx_set[side];
    w.obj[o].frag = w.ctx_frag[side];
    w.obj[o].kept.reneg = 0;
    w.obj[o].kept.rbuf = 0;
    w.slot[s] = o;
    if (s == SLOT_CLIENT || s == SLOT_SERVER)
        w.connected = 0;
    return w;
}

struct model_world world_free(struct model_world w, int s)
{
    w.slot[s] = OBJ_NONE;
    if (s == SLOT_CLIENT || s == SLOT_SERVER)
        w.connected = 0;
    return w;
}

struct model_step world_clear(struct model_world w, int s)
{
    int o = w.slot[s];
    struct model_step r = { w, w.obj[o].kept.reneg ? 0 : 1 };
    if (!w.obj[o].kept.reneg)
        r.w.obj[o].hs = HS_BEFORE;
    if (o == w.slot[SLOT_CLIENT] || o == w.slot[SLOT_SERVER])
        r.w.connected = 0;
    return r;
}

struct model_step world_set_ctx(struct model_world w, int s, int c)
{
    struct model_step r = { w, c };
    r.w.obj[w.slot[s]].ctx = c;
    return r;
}

long world_get_ctx(struct model_world w, int s)
{
    return w.obj[w.slot[s]].ctx;
}

struct model_step world_dup(struct model_world w, int s)
{
    struct model_step r = { w, DUP_SAME };
    int src = w.slot[s];
    if (w.obj[src].hs != HS_BEFORE) {
        r.w.slot[s + 2] = src;
        return r;
    }
    int o = free_obj(w);
    r.w.obj[o] = w.obj[src];
    r.w.obj[o].frag = w.ctx_frag[w.obj[src].ctx]; /* SSL_new(SSL_get_SSL_CTX(s)) */
    //@ assert \forall integer k; 0 <= k < OBJ_COUNT ==> frag_valid(r.w.obj[k].frag);
    r.w.obj[o].kept.reneg = 0;
    r.w.obj[o].kept.rbuf = 0;
    r.w.slot[s + 2] = o;
    r.ret = DUP_NEW;
    return r;
}

struct settings world_get_settings(struct model_world w, int s)
{
    return w.obj[w.slot[s]].set;
}

struct model_world world_set_settings(struct model_world w, int s, struct settings t)
{
    w.obj[w.slot[s]].set = t;
    return w;
}

struct model_world world_record_conn(struct model_world w, int s, struct kept k)
{
    w.obj[w.slot[s]].kept = k;
    return w;
}

int world_rbuf_held(struct model_world w, int s)
{
    return w.obj[w.slot[s]].kept.rbuf;
}

struct model_step world_connect(struct model_world w)
{
    struct model_step r = { w, 1 };
    if (w.connected != 0)
        return r;
    if (!world_slot_live(r.w, SLOT_CLIENT))
        r.w = world_new(r.w, SLOT_CLIENT);
    if (!world_slot_live(r.w, SLOT_SERVER))
        r.w = world_new(r.w, SLOT_SERVER);
    r.w.obj[r.w.slot[SLOT_CLIENT]].hs = HS_DONE;
    r.w.obj[r.w.slot[SLOT_SERVER]].hs = HS_DONE;
    r.w.connected = 1;
    return r;
}

struct frag world_get_frag(struct model_world w, int s)
{
    return w.obj[w.slot[s]].frag;
}

/* Every object, the free ones too (harmless: SSL_new and SSL_dup set the
 * sizes of the object they take; and so every object keeps valid sizes,
 * objs_frag_ok). */
struct model_step world_set_frag(struct model_world w, long v)
{
    struct model_step r = { w, 0 };
    if (!frag_ok(v))
        return r;
    r.w.ctx_frag[CTX_CLIENT] = frag_set(w.ctx_frag[CTX_CLIENT], v);
    r.w.ctx_frag[CTX_SERVER] = frag_set(w.ctx_frag[CTX_SERVER], v);
    /*@ loop invariant 0 <= o <= OBJ_COUNT;
        loop invariant world_ok(w) && \at(w, Pre) == w;
        loop invariant \forall integer k; 0 <= k < OBJ_COUNT ==>
          all_but_frag_same(r.w.obj[k], w.obj[k]);
        loop invariant \forall integer k; 0 <= k < o ==>
          frag_after(r.w.obj[k].frag, w.obj[k].frag, v) && frag_valid(r.w.obj[k].frag);
        loop invariant \forall integer k; o <= k < OBJ_COUNT ==> r.w.obj[k] == w.obj[k];
        loop invariant r.w.slot == w.slot && r.w.connected == w.connected;
        loop invariant r.w.ctx_mode == w.ctx_mode && r.w.ctx_set == w.ctx_set;
        loop invariant frag_after(r.w.ctx_frag[CTX_CLIENT], w.ctx_frag[CTX_CLIENT], v) &&
                       frag_after(r.w.ctx_frag[CTX_SERVER], w.ctx_frag[CTX_SERVER], v);
        loop invariant frag_valid(r.w.ctx_frag[CTX_CLIENT]) && frag_valid(r.w.ctx_frag[CTX_SERVER]);
        loop assigns o, r.w.obj[0 .. OBJ_COUNT - 1].frag;
        loop variant OBJ_COUNT - o; */
    for (int o = 0; o < OBJ_COUNT; o++)
        r.w.obj[o].frag = frag_set(w.obj[o].frag, v);
    r.ret = 1;
    return r;
}

