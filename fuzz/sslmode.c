/* fuzz/sslmode.c: the command line. See usage() and README.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/names.h"
#include "decode.h"
#include "scenario.h"

static int usage(void)
{
    fputs("usage: sslmode run [-q] FILE...   run scenarios on the model and on OpenSSL\n"
          "       sslmode record FILE        print FILE with OpenSSL's answers as `=>` expectations\n"
          "       sslmode decode [--target mask|write|hello] FILE...\n"
          "                                  print fuzz inputs as scenarios (default: mask)\n"
          "       sslmode decode --format    print the version of the fuzz input format\n"
          "       sslmode names              list the SSL_MODE_* names and values\n"
          "       sslmode calls              the calls a scenario can make, as a Markdown table\n"
          "exit: 0 all agree and every expectation holds, 1 otherwise, 2 bad input\n",
          stderr);
    return 2;
}

static int cmd_run(int argc, char **argv)
{
    int quiet = 0, worst = 0, files = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-q") == 0) {
            quiet = 1;
            continue;
        }
        struct scenario sc;
        int rc = scenario_load(argv[i], &sc, stderr);
        if (rc == 0) {
            rc = scenario_run(&sc, stdout, quiet);
            scenario_free(&sc);
        }
        files++;
        if (rc > worst)
            worst = rc;
    }
    return files ? worst : usage();
}

static int cmd_record(int argc, char **argv)
{
    if (argc != 1)
        return usage();
    struct scenario sc;
    int rc = scenario_load(argv[0], &sc, stderr);
    if (rc == 0) {
        rc = scenario_record(&sc, stdout);
        scenario_free(&sc);
    }
    return rc;
}

/* Reads a whole file; NULL (with a message) if it cannot. */
static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot open\n", path);
        return NULL;
    }
    size_t cap = 4096, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        unsigned char *grown = realloc(buf, cap *= 2);
        if (!grown)
            free(buf);
        buf = grown;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad) {
        fprintf(stderr, "%s: read error\n", path);
        free(buf);
        return NULL;
    }
    *size = n;
    return buf;
}

static int cmd_decode(int argc, char **argv)
{
    enum fuzz_target t = TARGET_MASK;
    if (argc == 1 && strcmp(argv[0], "--format") == 0) {
        printf("%d\n", DECODE_FORMAT);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[0], "--target") == 0) {
        int found = 0;
        for (int k = 0; k < TARGET_COUNT; k++)
            if (strcmp(argv[1], fuzz_target_names[k]) == 0)
                t = (enum fuzz_target) k, found = 1;
        if (!found) {
            fprintf(stderr, "sslmode decode: unknown target `%s` (mask, write, hello)\n", argv[1]);
            return 2;
        }
        argc -= 2;
        argv += 2;
    }
    if (argc == 0)
        return usage();
    for (int i = 0; i < argc; i++) {
        size_t size;
        unsigned char *data = slurp(argv[i], &size);
        if (!data)
            return 2;
        struct op ops[DECODE_MAX_OPS];
        size_t n = decode(t, data, size, ops, DECODE_MAX_OPS);
        free(data);
        printf("# %s: %zu bytes, %zu steps (fuzz target %s)\n", argv[i], size, n,
               fuzz_target_names[t]);
        for (size_t k = 0; k < n; k++) {
            op_print(stdout, &ops[k]);
            putchar('\n');
        }
    }
    return 0;
}

static int cmd_names(void)
{
    for (int i = 0; i < MODE_NAME_COUNT; i++)
        printf("0x%08x  SSL_MODE_%s\n", (unsigned) mode_names[i].bit, mode_names[i].name);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    if (strcmp(argv[1], "run") == 0)
        return cmd_run(argc - 2, argv + 2);
    if (strcmp(argv[1], "record") == 0)
        return cmd_record(argc - 2, argv + 2);
    if (strcmp(argv[1], "decode") == 0)
        return cmd_decode(argc - 2, argv + 2);
    if (strcmp(argv[1], "names") == 0 && argc == 2)
        return cmd_names();
    if (strcmp(argv[1], "calls") == 0 && argc == 2) {
        op_print_calls(stdout);
        return 0;
    }
    fprintf(stderr, "sslmode: unknown command `%s`\n", argv[1]);
    return usage();
}
