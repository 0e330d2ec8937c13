/* fuzz/scenario.h: the scenario front end: human-readable steps, run on the
 * model and on OpenSSL side by side. Grammar (README.md, "Scenarios"):
 *
 *   # a comment, to the end of the line
 *   <target> <call> [argument] [=> <expected>]
 *   connect [=> <expected>]
 *
 * targets: cctx sctx client server cdup sdup; calls: see op_table (op.c). */
#ifndef SSLMODE_FUZZ_SCENARIO_H
#define SSLMODE_FUZZ_SCENARIO_H

#include <stdio.h>

#include "op.h"
#include "outcome.h"

struct scn_step {
    struct op op;
    int line;
    int has_expect;
    struct outcome expect;
};

struct scenario {
    const char *path;      /* as messages name it: the file, or "<stdin>" */
    char *text;            /* the whole file, as read (record prints it again) */
    size_t size;
    struct scn_step *steps;
    int count;
};

/* The characters a line may hold (without its newline). */
#define SCENARIO_LINE_MAX 1024

/* The name messages give standard input (path "-"). */
#define SCENARIO_STDIN "<stdin>"

/* Reads a whole file (path "-": standard input, named SCENARIO_STDIN) and
 * parses it. Returns 0, or 2 after printing "file:line: message" to err for
 * the first bad line (or an unreadable file). */
int scenario_load(const char *path, struct scenario *sc, FILE *err);

/* The same for text in memory (size bytes, NUL bytes included; sc keeps a
 * copy), named `name` in messages: the scenario fuzz target's way in. */
int scenario_parse(const char *name, const char *text, size_t size, struct scenario *sc,
                   FILE *err);
void scenario_free(struct scenario *sc);

/* Parses one step (a line without its comment, at most SCENARIO_LINE_MAX
 * characters). Returns 0, or -1 with a message in msg. */
int scenario_parse_step(const char *text, struct scn_step *st, char *msg, size_t msglen);

/* Runs the steps on both sides, printing one line per step to out (quiet:
 * only disagreements, failed expectations and the summary). Returns 0 when
 * every step agrees and every expectation holds, 1 otherwise, 2 when a step
 * cannot run in the state reached (its message names the line). */
int scenario_run(const struct scenario *sc, FILE *out, int quiet);

/* Prints the file again with OpenSSL's answer as the expectation of every
 * step (how committed scenarios get their `=>` values). Returns as
 * scenario_run. */
int scenario_record(const struct scenario *sc, FILE *out);

#endif
