/* fuzz/report.h: the mismatch report: the step, the call, OpenSSL's answer
 * and the model's with flag names, the spec rule, and the whole trace as a
 * scenario that `sslmode run` replays. */
#ifndef SSLMODE_FUZZ_REPORT_H
#define SSLMODE_FUZZ_REPORT_H

#include <stdio.h>

#include "outcome.h"

struct session;

struct mismatch {
    char what[256];        /* what differs: a return value or a state item */
    const char *rule;      /* spec rule(s) */
    struct outcome real;
    struct outcome model;
    int invariant;         /* the model broke its own invariant */
};

void report_mismatch(FILE *f, const struct session *ss, const struct mismatch *m);

/* The trace so far as scenario lines, each with both answers as a comment. */
void report_trace(FILE *f, const struct session *ss);

#endif
