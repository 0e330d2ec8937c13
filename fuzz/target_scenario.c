/* fuzz/target_scenario.c: the fuzz target of the text front end. Any bytes
 * go through the parser `sslmode run` uses (scenario_parse, scenario.c);
 * nothing runs, so no TLS and no OpenSSL call. It checks what the README
 * promises of bad input, and aborts with a readable report when it does
 * not hold:
 *   - a rejection returns 2 with one message of the form `name:line: text`,
 *     in printable ASCII, naming a line of the input that holds something;
 *   - an accepted step prints (op_print) as a line that parses back to the
 *     same call with the same arguments: what `sslmode record` and
 *     `sslmode decode` print is what `run` reads;
 *   - nothing of an accepted line is dropped unread: with a word added at
 *     its end, it is refused.
 * Its seeds are the committed scenarios (tests/scenarios/, with bad/ and
 * fail/) and fuzz/corpus/scenario/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NAME "input"

/* Prints s (n bytes) with every byte outside printable ASCII as \xHH. */
static void print_escaped(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char) s[i];
        if (c >= 0x20 && c < 0x7f && c != '\\')
            fputc(c, f);
        else if (c == '\n')
            fputs("\\n\n    ", f);
        else
            fprintf(f, "\\x%02x", c);
    }
}

static void fail(const char *why, const char *msg, size_t msglen, const uint8_t *data,
                 size_t size)
{
    fprintf(stderr, "\n==== sslmode scenario target: %s\n  message (%zu bytes): ", why, msglen);
    print_escaped(stderr, msg, msglen);
    fprintf(stderr, "\n  input (%zu bytes):\n    ", size);
    print_escaped(stderr, (const char *) data, size);
    fputs("\n====\n", stderr);
    abort();
}

/* Line `want` of the input (1-based): where it starts and its length;
 * -1 when the input has fewer lines. */
static long find_line(const uint8_t *data, size_t size, long want, size_t *len)
{
    size_t at = 0;
    for (long line = 1; at < size; line++) {
        const uint8_t *nl = memchr(data + at, '\n', size - at);
        size_t end = nl ? (size_t) (nl - data) : size;
        if (line == want) {
            *len = end - at;
            return (long) at;
        }
        at = end + 1;
    }
    return -1;
}

/* One message, `NAME:LINE: text\n`, printable, naming a line that holds a
 * byte other than a space or a tab. */
static void check_rejection(const char *msg, size_t msglen, const uint8_t *data, size_t size)
{
    if (msglen == 0 || msg[msglen - 1] != '\n' || memchr(msg, '\n', msglen) != msg + msglen - 1)
        fail("a rejection is not one line", msg, msglen, data, size);
    for (size_t i = 0; i + 1 < msglen; i++)
        if ((unsigned char) msg[i] < 0x20 || (unsigned char) msg[i] >= 0x7f)
            fail("a rejection message is not printable text", msg, msglen, data, size);
    const char *p = msg + strlen(NAME ":");
    char *end;
    long line = strncmp(msg, NAME ":", strlen(NAME ":")) == 0 ? strtol(p, &end, 10) : 0;
    if (line <= 0 || end == p || strncmp(end, ": ", 2) != 0 || end[2] == '\n')
        fail("a rejection does not start with `file:line: ` and a message", msg, msglen, data,
             size);
    size_t len;
    long at = find_line(data, size, line, &len);
    if (at < 0)
        fail("a rejection names a line the input does not have", msg, msglen, data, size);
    size_t blank = 0;
    while (blank < len && (data[at + blank] == ' ' || data[at + blank] == '\t'))
        blank++;
    if (blank == len)
        fail("a rejection names an empty line", msg, msglen, data, size);
}

static int same_op(const struct op *a, const struct op *b)
{
    return a->kind == b->kind && a->target == b->target && a->arg == b->arg &&
           a->arg2 == b->arg2 && a->off == b->off && strcmp(a->buf, b->buf) == 0 &&
           strcmp(a->buf2, b->buf2) == 0;
}

/* Every step prints as a line that parses back to the same op. */
static void check_round_trip(const struct scenario *sc, int i, const uint8_t *data, size_t size)
{
    char line[2048], msg[512];
    FILE *f = fmemopen(line, sizeof line, "w");
    if (!f)
        abort();
    op_print(f, &sc->steps[i].op);
    fputc('\0', f);
    fclose(f);
    struct scn_step again;
    msg[0] = '\0';
    int parsed = scenario_parse_step(line, &again, msg, sizeof msg) == 0;
    if (!parsed || !same_op(&sc->steps[i].op, &again.op)) {
        char why[2600];
        snprintf(why, sizeof why, "step %d (line %d) prints as `%s`, which %s", i + 1,
                 sc->steps[i].line, line,
                 parsed ? "parses to another call or arguments" : "does not parse back");
        fail(why, msg, strlen(msg), data, size);
    }
}

/* Nothing of a step's line is dropped unread: the line with a word ` x`
 * added at its end is refused (every form of the grammar ends with a word
 * that ` x` cannot extend: a fixed number of words, or a mask or an
 * expectation that `x` makes wrong). */
static void check_all_read(const struct scenario *sc, int i, const uint8_t *data, size_t size)
{
    size_t len;
    long at = find_line(data, size, sc->steps[i].line, &len);
    if (at < 0)
        fail("an accepted step names a line the input does not have", "", 0, data, size);
    const char *hash = memchr(data + at, '#', len);
    if (hash)
        len = (size_t) (hash - (const char *) data - at);
    if (len + 2 > SCENARIO_LINE_MAX)
        return;
    char line[SCENARIO_LINE_MAX + 1], msg[512];
    memcpy(line, data + at, len);
    memcpy(line + len, " x", 3);
    struct scn_step st;
    if (scenario_parse_step(line, &st, msg, sizeof msg) == 0) {
        char why[64];
        snprintf(why, sizeof why, "step %d (line %d) with ` x` added is accepted", i + 1,
                 sc->steps[i].line);
        fail(why, line, strlen(line), data, size);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *msg = NULL;
    size_t msglen = 0;
    FILE *err = open_memstream(&msg, &msglen);
    if (!err)
        abort();
    struct scenario sc;
    int rc = scenario_parse(NAME, (const char *) data, size, &sc, err);
    fclose(err);
    if (rc == 0 && msglen != 0)
        fail("an accepted input printed a message", msg, msglen, data, size);
    for (int i = 0; rc == 0 && i < sc.count; i++) {
        check_round_trip(&sc, i, data, size);
        check_all_read(&sc, i, data, size);
    }
    if (rc != 0 && rc != 2)
        fail("scenario_parse returned neither 0 nor 2", msg, msglen, data, size);
    if (rc == 2)
        check_rejection(msg, msglen, data, size);
    if (rc == 0)
        scenario_free(&sc);
    free(msg);
    return 0;
}
