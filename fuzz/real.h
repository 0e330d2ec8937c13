/* fuzz/real.h: the real library's side of a scenario: its contexts and SSL
 * handles, the same objects the model's world holds. */
#ifndef SSLMODE_FUZZ_REAL_H
#define SSLMODE_FUZZ_REAL_H

#include "buffers.h"
#include "config.h"
#include "op.h"
#include "outcome.h"

struct real;

/* The contexts for a scenario, no SSL yet. NULL on failure.
 * REAL_FRESH makes them with SSL_CTX_new. REAL_REUSED (the fuzz targets)
 * makes them once per process and hands them out again with their masks and
 * fragment sizes restored to what SSL_CTX_new gave: SSL_CTX_new costs about
 * as much as a handshake, and those are the only context state a scenario
 * changes (spec/mask.md, "The session pair"). */
enum real_contexts { REAL_FRESH, REAL_REUSED };
struct real *real_open(enum real_contexts how);
void real_close(struct real *r);

/* Makes the op's call(s) on the library and returns what they returned.
 * Buffer ops are the executor's; connect reads the configuration. */
struct outcome real_apply(struct real *r, struct buffers *b, const struct session_config *cfg,
                          const struct op *op);

/* The handlers that fuzz/calls.h names: the call on the library. */
#define REAL_SIDE_DECL(id, name, syntax, on, arg, result, cls, pre, mfn, rfn, ...)          \
    struct outcome rfn(struct real *, struct buffers *, const struct session_config *,      \
                        const struct op *);
CALLS(REAL_SIDE_DECL)
#undef REAL_SIDE_DECL

/* What the library shows after a step, for the state comparison. */
int real_slot_live(struct real *r, int slot);
long real_ctx_mode(struct real *r, int ctx);    /* SSL_CTX_get_mode */
long real_ssl_mode(struct real *r, int slot);   /* SSL_get_mode */
long real_ssl_ctx(struct real *r, int slot);    /* SSL_get_SSL_CTX, as 0/1, -1 */
int real_ssl_read_ahead(struct real *r, int slot); /* SSL_get_read_ahead */
int real_ssl_no_reneg(struct real *r, int slot);  /* SSL_OP_NO_RENEGOTIATION set */
int real_same_object(struct real *r, int a, int b);

/* For the connected client (side 0) and server (side 1). */
struct real_io_state {
    long in_transport; /* bytes this side wrote that its peer has not read */
    long pending;      /* SSL_pending */
    int has_pending;   /* SSL_has_pending */
    int shutdown;      /* SSL_get_shutdown */
    int in_init;       /* SSL_in_init */
    int key_update;    /* SSL_get_key_update_type */
    int reneg_pending; /* SSL_renegotiate_pending */
    int want;          /* SSL_want */
    long rbuf, wbuf;   /* bytes of the read and write record buffers held */
    long other_buf;    /* bytes of record buffers from an unknown site */
};
struct real_io_state real_io(struct real *r, int side);

/* The same of the SSL in any live slot, but for in_transport (-1). */
struct real_io_state real_ssl_state(struct real *r, int slot);

/* The bytes the last read returned. */
const unsigned char *real_last_read(struct real *r);

/* The library's name and version, for reports: the one loaded at run time. */
const char *real_version(void);

/* The version of the headers the harness was compiled with. */
const char *real_build_version(void);

/* The library profiles this build compares against, one per line of
 * `sslmode --version` (today one: the system's OpenSSL 3.0). */
extern const char *const real_profiles[];
extern const int real_profile_count;

#endif
