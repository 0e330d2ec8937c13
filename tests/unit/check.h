/* tests/unit/check.h: the smallest test harness: one line per check,
 * "ok - <property>" or "not ok - <property> (file:line)"; tests/run.sh
 * counts them. */
#ifndef SSLMODE_TESTS_CHECK_H
#define SSLMODE_TESTS_CHECK_H

#include <stdio.h>

static int check_failures;

#define CHECK(cond, property)                                                   \
    do {                                                                        \
        if (cond) {                                                             \
            printf("ok - %s\n", property);                                      \
        } else {                                                                \
            check_failures++;                                                   \
            printf("not ok - %s (%s:%d)\n", property, __FILE__, __LINE__);      \
        }                                                                       \
    } while (0)

#define CHECK_DONE() return check_failures ? 1 : 0

#endif
