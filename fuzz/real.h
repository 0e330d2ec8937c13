/* fuzz/real.h: the real library's side of a scenario: its contexts and SSL
 * handles, the same objects the model's world holds. */
#ifndef SSLMODE_FUZZ_REAL_H
#define SSLMODE_FUZZ_REAL_H

#include "op.h"
#include "outcome.h"

struct real;

/* The contexts for a scenario, no SSL yet. NULL on failure.
 * REAL_FRESH makes them with SSL_CTX_new. REAL_REUSED (the fuzz targets)
 * makes them once per process and hands them out again with their masks
 * restored to what SSL_CTX_new gave: SSL_CTX_new costs about as much as a
 * handshake, and the mask is the only context state a scenario changes
 * (spec/mask.md, "The session pair"). */
enum real_contexts { REAL_FRESH, REAL_REUSED };
struct real *real_open(enum real_contexts how);
void real_close(struct real *r);

/* Makes the op's call(s) on the library and returns what they returned. */
struct outcome real_apply(struct real *r, const struct op *op);

/* What the library shows after a step, for the state comparison. */
int real_slot_live(struct real *r, int slot);
long real_ctx_mode(struct real *r, int ctx);    /* SSL_CTX_get_mode */
long real_ssl_mode(struct real *r, int slot);   /* SSL_get_mode */
long real_ssl_ctx(struct real *r, int slot);    /* SSL_get_SSL_CTX, as 0/1, -1 */
int real_same_object(struct real *r, int a, int b);

/* The library's name and version, for reports. */
const char *real_version(void);

#endif
