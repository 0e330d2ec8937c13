/* tests/unit/text.c: masks and numbers as text (fuzz/text.c). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../../fuzz/text.h"
#include "check.h"

static int parses_to(const char *s, long want)
{
    long got;
    const char *bad;
    return text_parse_mask(s, &got, &bad) == 0 && got == want;
}

static int rejects(const char *s)
{
    long got;
    const char *bad;
    return text_parse_mask(s, &got, &bad) != 0;
}

/* Prints v as an argument into buf. */
static const char *arg_text(long v, char *buf, size_t len)
{
    FILE *f = fmemopen(buf, len, "w");
    text_mask_arg(f, v);
    fclose(f);
    return buf;
}

static const char *result_text(long v, char *buf, size_t len)
{
    FILE *f = fmemopen(buf, len, "w");
    text_mask_result(f, v);
    fclose(f);
    return buf;
}

int main(void)
{
    char buf[256];

    /* Test: numbers in decimal and hex, negative, and all 64 bits */
    CHECK(parses_to("20", 20) && parses_to("0x14", 20), "decimal and hex name the same value");
    CHECK(parses_to("-1", -1) && parses_to("0xffffffffffffffff", -1), "-1 and 0xffffffffffffffff are the same long");
    CHECK(parses_to("-9223372036854775808", LONG_MIN), "LONG_MIN parses");
    CHECK(rejects("-9223372036854775809") && rejects("0x10000000000000000"), "values beyond 64 bits are refused");

    /* Test: flag names, with or without the prefix, mixed with numbers */
    CHECK(parses_to("AUTO_RETRY|RELEASE_BUFFERS", 0x14), "names join with |");
    CHECK(parses_to("SSL_MODE_AUTO_RETRY|RELEASE_BUFFERS", 0x14), "the SSL_MODE_ prefix is optional");
    CHECK(parses_to("AUTO_RETRY|0x200", 0x204), "a number can join names");
    CHECK(rejects("AUTO_RETRI") && rejects("AUTO_RETRY|") && rejects("|AUTO_RETRY") && rejects(""),
          "unknown names and empty terms are refused");
    CHECK(rejects("auto_retry"), "names are case-sensitive, as in the C header");

    /* Test: an argument prints in a form that parses back to the same value */
    long values[] = { 0, 4, 0x14, 0x200, 0x80000000L, 0xffffffffL, 0x100000000L,
                      -1, -2, LONG_MIN, LONG_MAX, 0x7ff };
    int round = 1;
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
        round &= parses_to(arg_text(values[i], buf, sizeof buf), values[i]);
    CHECK(round, "every argument prints as text that parses back to it");
    CHECK(strcmp(arg_text(0x14, buf, sizeof buf), "AUTO_RETRY|RELEASE_BUFFERS") == 0,
          "a 32-bit argument prints as flag names");

    /* Test: results print hex and names */
    CHECK(strcmp(result_text(0x14, buf, sizeof buf), "0x14 AUTO_RETRY|RELEASE_BUFFERS") == 0,
          "a result prints as hex, then names");
    CHECK(strcmp(result_text(0x80000204L, buf, sizeof buf), "0x80000204 AUTO_RETRY|0x80000200") == 0,
          "unknown bits of a result print as one hex term");
    CHECK(strcmp(result_text(0, buf, sizeof buf), "0x0") == 0, "an empty mask prints as 0x0");
    CHECK(strstr(result_text(-1, buf, sizeof buf), "negative") != NULL,
          "a negative result (never seen from OpenSSL 3.0) is flagged");
    CHECK_DONE();
}
