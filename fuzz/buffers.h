/* fuzz/buffers.h: the application's buffers that writes are made from.
 *
 * A scenario names buffers (`buf a 50000`, `copy b a`, `fill a 0x41`); each
 * creation or copy is a new allocation at a new address, and allocations live
 * until the session ends, so two allocations never share an address (the
 * write-retry rules compare addresses). Each `fill` gives the allocation a
 * new content version. The model sees only (allocation, offset, version); the
 * bytes OpenSSL reads and the peer receives are the real memory. A content is
 * a byte pattern that differs at every offset, or one byte everywhere, so
 * that bytes from a wrong offset or an old version do not pass for right. */
#ifndef SSLMODE_FUZZ_BUFFERS_H
#define SSLMODE_FUZZ_BUFFERS_H

#include <stdint.h>

#include "../model/conn.h"
#include "op.h"

#define ALLOC_MAX 32
#define VERSION_MAX 16
#define BUF_SIZE_MAX (1u << 20)
#define DEFAULT_BUF_SIZE (1u << 18)

struct content {
    uint32_t seed; /* the pattern's seed */
    int fill;      /* >= 0: every byte is this; -1: the pattern */
};

struct alloc {
    char name[BUF_NAME_MAX];
    uint32_t size;
    uint32_t ver;                      /* the current version */
    struct content hist[VERSION_MAX];  /* the content of each version */
    unsigned char *mem;                /* the memory OpenSSL reads */
    uint32_t cap;                      /* bytes mem can hold */
};

struct buffers {
    struct alloc a[ALLOC_MAX];
    int count;
    uint32_t seeds; /* contents made so far */
    int no_memory;  /* keep track of names, sizes and contents only (the
                     * decoders, which run no library call) */
};

/* Starts a session's buffers. The memory of the last session's allocations
 * is kept for reuse (allocations must not share addresses within a session,
 * not across sessions): a fuzz input then makes no large allocation. */
void bufs_init(struct buffers *b, int no_memory);
void bufs_free(struct buffers *b);

/* The allocation a name stands for now, or -1. */
int bufs_find(const struct buffers *b, const char *name);

/* Whether the op on buffers can run, else the reason. */
int bufs_applicable(const struct buffers *b, const struct op *op, const char **why);

/* Runs OP_BUF, OP_COPY or OP_FILL. Returns 0, or -1 if memory ran out. */
int bufs_apply(struct buffers *b, const struct op *op);

/* Makes the default buffer if a write without `from` needs it and it is not
 * there yet. Returns 0, or -1 if it cannot. */
int bufs_prepare_write(struct buffers *b, const struct op *op);

/* Byte i of what `from` holds (allocation, offset, version). */
unsigned char bufs_byte(const struct buffers *b, struct src from, uint32_t i);

/* A digest of bytes delivered: start with DIGEST_INIT, then add n bytes of
 * content starting at `from` (what the model says), or real bytes. */
#define DIGEST_INIT 0xcbf29ce484222325ull
uint64_t digest_content(uint64_t h, const struct buffers *b, struct src from, uint32_t n);
uint64_t digest_bytes(uint64_t h, const unsigned char *p, uint32_t n);

#endif
