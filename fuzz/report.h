/* fuzz/report.h: the mismatch report: the step, the call, OpenSSL's answer
 * and the model's with flag names, the spec rule, and the whole trace as a
 * scenario that `sslmode run` replays. */
#ifndef SSLMODE_FUZZ_REPORT_H
#define SSLMODE_FUZZ_REPORT_H

#include <stdio.h>

#include "outcome.h"

/* One step of a session: the call and both answers. */
struct trace_entry {
    struct op op;
    int line;             /* scenario line, 0 for a fuzz input */
    struct outcome real;  /* what OpenSSL returned */
    struct outcome model; /* what the model returned */
};

/* What a report shows of a session: where its input came from, and the
 * steps so far (the last one is the step that differs). */
struct report_trace {
    const char *origin;
    const struct trace_entry *steps;
    int count;
};

struct mismatch {
    char what[256];        /* what differs: a return value or a state item */
    const char *rule;      /* spec rule(s) */
    struct outcome real;
    struct outcome model;
    int invariant;         /* the model broke its own invariant */
};

void report_mismatch(FILE *f, struct report_trace t, const struct mismatch *m);

/* The trace so far as scenario lines, each with both answers as a comment. */
void report_trace(FILE *f, struct report_trace t);

#endif
