/* fuzz/outcome.h: what a call returned to the application, on either side.
 * The executor compares OpenSSL's outcome with the model's field by field. */
#ifndef SSLMODE_FUZZ_OUTCOME_H
#define SSLMODE_FUZZ_OUTCOME_H

#include <stdint.h>
#include <stdio.h>

#include "../model/conn.h"
#include "../model/hello.h"
#include "op.h"

struct outcome {
    enum result_kind kind;
    long value;      /* the return value: mask, int, DUP_NEW/DUP_SAME, context
                      * index; RES_OK: 1, or 0 when the call returned NULL */
    /* RES_IO only: */
    int err;         /* SSL_get_error class */
    int reason;      /* reason of the first error in the queue, 0 if empty */
    long count;      /* bytes written or read */
    enum ex_form ex; /* the call reports its count apart (SSL_write_ex, SSL_read_ex) */
    int only_value;  /* an expectation that states the return value alone
                      * (`=> -1`): the class, reason and count are not checked */
    uint64_t digest; /* reads: digest of the bytes delivered */
    struct src src;  /* model reads: where the bytes came from (not compared) */
    char from[32];   /* the same as text, e.g. "a+16384" */
    /* RES_HELLO only (value: the version, 0 when the handshake failed): */
    struct hello_out hello;
};

int outcome_equal(const struct outcome *a, const struct outcome *b);

/* Whether an outcome meets an expectation: the fields an expectation can
 * state (not the bytes a read delivered: the differential check has them). */
int outcome_meets(const struct outcome *got, const struct outcome *expect);

/* Prints the outcome as the runner and the reports show it, e.g.
 * "0x14 AUTO_RETRY|RELEASE_BUFFERS", "same", "-1 WANT_WRITE",
 * "-1 SSL BAD_WRITE_RETRY", "16384 from a+16384"; a hello as
 * "1.3 scsv=absent client_time=no server_time=yes certs=2" or
 * "failed alert=86 server=INAPPROPRIATE_FALLBACK
 *  client=TLSV1_ALERT_INAPPROPRIATE_FALLBACK scsv=last client_time=no". */
void outcome_print(FILE *f, const struct outcome *o);

/* Prints the outcome as an expectation (`=> ...`) that outcome_parse reads
 * back: like outcome_print, but a mask as its names only and no provenance. */
void outcome_print_expect(FILE *f, const struct outcome *o);

/* The longest expectation outcome_parse reads (a scenario line's length);
 * a longer one is refused, never cut. */
#define EXPECT_MAX 1024

/* Parses an expectation (the text after "=>") for a call returning kind k.
 * Returns 0 on success; on failure a message in *why. */
int outcome_parse(enum result_kind k, enum ex_form ex, const char *s, struct outcome *out,
                  const char **why);

/* Names of SSL_get_error classes and SSL_R_* reasons ("WANT_WRITE",
 * "BAD_LENGTH"), NULL if the value has none. */
const char *errclass_name(int err);
const char *reason_name(int reason);

#endif
