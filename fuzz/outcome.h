/* fuzz/outcome.h: what a call returned to the application, on either side.
 * The executor compares OpenSSL's outcome with the model's field by field. */
#ifndef SSLMODE_FUZZ_OUTCOME_H
#define SSLMODE_FUZZ_OUTCOME_H

#include <stdio.h>

#include "op.h"

struct outcome {
    enum result_kind kind;
    long value; /* the mask, the int, DUP_NEW/DUP_SAME, the context index;
                 * RES_OK: 1, or 0 when the call returned NULL */
};

int outcome_equal(const struct outcome *a, const struct outcome *b);

/* Prints the outcome as the runner and the reports show it, e.g.
 * "0x14 AUTO_RETRY|RELEASE_BUFFERS", "same", "sctx". */
void outcome_print(FILE *f, const struct outcome *o);

/* Prints the outcome as an expectation (`=> ...`) that outcome_parse reads
 * back: like outcome_print, but a mask as its names only. */
void outcome_print_expect(FILE *f, const struct outcome *o);

/* Parses an expectation (the text after "=>") for a call returning kind k.
 * Returns 0 on success; on failure a message in *why. */
int outcome_parse(enum result_kind k, const char *s, struct outcome *out,
                  const char **why);

#endif
