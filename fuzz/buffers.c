/* fuzz/buffers.c: see buffers.h. */
#include "buffers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void bufs_init(struct buffers *b, int no_memory)
{
    /* Keep each slot's memory; forget everything else. */
    for (int i = 0; i < ALLOC_MAX; i++) {
        unsigned char *mem = b->a[i].mem;
        uint32_t cap = b->a[i].cap;
        memset(&b->a[i], 0, sizeof b->a[i]);
        b->a[i].mem = no_memory ? NULL : mem;
        b->a[i].cap = no_memory ? 0 : cap;
        if (no_memory)
            free(mem);
    }
    b->count = 0;
    b->seeds = 0;
    b->no_memory = no_memory;
}

void bufs_free(struct buffers *b)
{
    for (int i = 0; i < ALLOC_MAX; i++) {
        free(b->a[i].mem);
        b->a[i].mem = NULL;
        b->a[i].cap = 0;
    }
    b->count = 0;
}

int bufs_find(const struct buffers *b, const char *name)
{
    for (int i = b->count - 1; i >= 0; i--)
        if (strcmp(b->a[i].name, name) == 0)
            return i;
    return -1;
}

/* The pattern: a mix of the seed and the position, eight bytes at a time,
 * so that equal bytes at two offsets are a coincidence of one in 256 and a
 * buffer fills quickly. */
__attribute__((no_sanitize("coverage")))
static uint64_t pattern_word(uint32_t seed, uint32_t word)
{
    uint64_t x = ((uint64_t) seed << 32 | word) * 0x9e3779b97f4a7c15ull;
    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 29;
    return x;
}

static unsigned char pattern(uint32_t seed, uint32_t i)
{
    return (unsigned char) (pattern_word(seed, i / 8) >> (8 * (i % 8)));
}

static unsigned char content_byte(struct content c, uint32_t i)
{
    return c.fill >= 0 ? (unsigned char) c.fill : pattern(c.seed, i);
}

/* Not instrumented for coverage: a fuzz target fills up to a megabyte per
 * input here, and libFuzzer learns nothing from it. */
__attribute__((no_sanitize("coverage")))
static void materialize(struct alloc *a, int no_memory)
{
    if (no_memory)
        return;
    struct content c = a->hist[a->ver];
    if (c.fill >= 0) {
        memset(a->mem, c.fill, a->size);
        return;
    }
    uint32_t i = 0;
    for (; i + 8 <= a->size; i += 8) {
        uint64_t w = pattern_word(c.seed, i / 8);
        for (int k = 0; k < 8; k++)
            a->mem[i + k] = (unsigned char) (w >> (8 * k));
    }
    for (; i < a->size; i++)
        a->mem[i] = pattern(c.seed, i);
}

static int new_alloc(struct buffers *b, const char *name, uint32_t size, struct content c)
{
    struct alloc *a = &b->a[b->count];
    /* At least one byte: every allocation has an address of its own. */
    if (!b->no_memory && (a->cap < size || !a->mem)) {
        free(a->mem);
        a->cap = 0;
        if (!(a->mem = malloc(size ? size : 1)))
            return -1;
        a->cap = size ? size : 1;
    }
    snprintf(a->name, sizeof a->name, "%s", name);
    a->size = size;
    a->ver = 0;
    a->hist[0] = c;
    materialize(a, b->no_memory);
    return b->count++;
}

int bufs_applicable(const struct buffers *b, const struct op *op, const char **why)
{
    int src;
    switch (op->kind) {
    case OP_BUF:
        *why = "a buffer holds 0 to 1048576 bytes";
        if (op->arg < 0 || op->arg > (long) BUF_SIZE_MAX)
            return 0;
        *why = "the harness keeps at most 32 buffer allocations per scenario";
        return b->count < ALLOC_MAX;
    case OP_COPY:
        *why = "no buffer of that name to copy from";
        if ((src = bufs_find(b, op->buf2)) < 0)
            return 0;
        *why = "the harness keeps at most 32 buffer allocations per scenario";
        return b->count < ALLOC_MAX;
    case OP_FILL:
        *why = "no buffer of that name";
        if ((src = bufs_find(b, op->buf)) < 0)
            return 0;
        *why = "the harness keeps at most 16 versions of a buffer's content";
        return b->a[src].ver + 1 < VERSION_MAX;
    default:
        *why = "not a buffer operation";
        return 0;
    }
}

int bufs_apply(struct buffers *b, const struct op *op)
{
    struct content c = { 0, -1 };
    int i;
    switch (op->kind) {
    case OP_BUF:
        c.seed = ++b->seeds;
        c.fill = (int) op->arg2;
        return new_alloc(b, op->buf, (uint32_t) op->arg, c) < 0 ? -1 : 0;
    case OP_COPY:
        i = bufs_find(b, op->buf2);
        return new_alloc(b, op->buf, b->a[i].size, b->a[i].hist[b->a[i].ver]) < 0 ? -1 : 0;
    case OP_FILL:
        i = bufs_find(b, op->buf);
        b->a[i].ver++;
        b->a[i].hist[b->a[i].ver].seed = 0;
        b->a[i].hist[b->a[i].ver].fill = (int) op->arg2;
        materialize(&b->a[i], b->no_memory);
        return 0;
    default:
        return -1;
    }
}

int bufs_prepare_write(struct buffers *b, const struct op *op)
{
    if (op->buf[0] || bufs_find(b, DEFAULT_BUF) >= 0)
        return 0;
    if (b->count == ALLOC_MAX)
        return -1;
    struct content c = { ++b->seeds, -1 };
    return new_alloc(b, DEFAULT_BUF, DEFAULT_BUF_SIZE, c) < 0 ? -1 : 0;
}

unsigned char bufs_byte(const struct buffers *b, struct src from, uint32_t i)
{
    const struct alloc *a = &b->a[from.buf];
    return content_byte(a->hist[from.ver], from.off + i);
}

/* FNV-1a, 64 bits. */
static uint64_t fnv(uint64_t h, unsigned char c)
{
    return (h ^ c) * 0x100000001b3ull;
}

uint64_t digest_content(uint64_t h, const struct buffers *b, struct src from, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        h = fnv(h, bufs_byte(b, from, i));
    return h;
}

uint64_t digest_bytes(uint64_t h, const unsigned char *p, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        h = fnv(h, p[i]);
    return h;
}
