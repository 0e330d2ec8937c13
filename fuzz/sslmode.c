/* fuzz/sslmode.c: the command line. `sslmode --help`, the manual page
 * (doc/sslmode.pod, built into build/sslmode.1) and README.md say more.
 *
 * Every command takes -h/--help (its usage on stdout, exit 0). A wrong
 * command line prints what is wrong and the usage on stderr, and exits 2. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/names.h"
#include "decode.h"
#include "real.h"
#include "scenario.h"

#ifndef SSLMODE_VERSION
#error "build with -DSSLMODE_VERSION=\"...\" (the Makefile passes the VERSION file)"
#endif

struct command {
    const char *name;
    const char *args;  /* after `sslmode NAME` */
    const char *what;  /* one line, for the command list */
    const char *more;  /* the command's own help, after its usage line */
    int (*run)(int argc, char **argv);
};

static int cmd_run(int argc, char **argv);
static int cmd_record(int argc, char **argv);
static int cmd_decode(int argc, char **argv);
static int cmd_names(int argc, char **argv);
static int cmd_calls(int argc, char **argv);
static int cmd_help(int argc, char **argv);

static const struct command commands[] = {
    { "run", "[-q] FILE...", "run scenarios on the model and on OpenSSL, side by side",
      "\nFILE `-` reads the scenario from standard input (messages name it <stdin>).\n"
      "For every step it prints the line, the call, OpenSSL's answer, the model's\n"
      "answer and whether they agree; the first disagreement prints a full report.\n"
      "\n  -q, --quiet   print only disagreements, failed expectations and each\n"
      "                file's summary line\n\n"
      "exit: 0 all agree and every expectation holds, 1 otherwise, 2 bad input\n"
      "(the message has the form FILE:LINE: message)\n",
      cmd_run },
    { "record", "FILE", "print FILE with OpenSSL's answers as `=>` expectations",
      "\nRuns FILE (`-`: standard input) like `run`, then prints it again with\n"
      "OpenSSL's answer as the expectation of every step (an old one is replaced,\n"
      "comments are kept).\n\n"
      "exit: 0 all agree, 1 a disagreement (the file is still printed), 2 bad input\n",
      cmd_record },
    { "decode", "[--target mask|write|hello] FILE... | --format",
      "print fuzz inputs as scenarios (default target: mask)",
      "\nEach FILE (`-`: standard input) is a fuzz input, decoded the way the fuzz\n"
      "target decodes it; the scenario printed runs with `sslmode run`.\n"
      "--format prints the version of the input format (fuzz/decode.h).\n\n"
      "exit: 0, or 2 for an unreadable file or a wrong command line\n",
      cmd_decode },
    { "names", "", "list the SSL_MODE_* names and values",
      "\nOne line per flag: its value in hex, then its name.\n\nexit: 0\n", cmd_names },
    { "calls", "", "list the calls a scenario can make, as a Markdown table",
      "\nOne row per call of fuzz/calls.h: its scenario form, class, targets,\n"
      "answer and the OpenSSL call it makes (README.md holds the same table).\n\n"
      "exit: 0\n", cmd_calls },
    { "help", "[COMMAND]", "print the commands, or one command's usage",
      "\nexit: 0, or 2 for an unknown command\n", cmd_help },
};
static const int command_count = (int) (sizeof commands / sizeof commands[0]);

static const char exit_text[] =
    "exit: 0 all agree and every expectation holds, 1 otherwise, 2 bad input\n";

static void list_commands(FILE *f)
{
    fputs("usage: sslmode COMMAND [ARGUMENT...]\n"
          "       sslmode --help | --version\n\ncommands:\n", f);
    for (int i = 0; i < command_count; i++) {
        char head[64];
        snprintf(head, sizeof head, "%s %s", commands[i].name, commands[i].args);
        if (strlen(head) <= 30)
            fprintf(f, "  %-30s %s\n", head, commands[i].what);
        else
            fprintf(f, "  %s\n  %-30s %s\n", head, "", commands[i].what);
    }
    fprintf(f, "\noptions:\n"
            "  -h, --help                     this text (`sslmode COMMAND --help`: the command's)\n"
            "  --version                      sslmode's version and the OpenSSL it runs against\n"
            "\n%s"
            "`man sslmode` gives the scenario grammar.\n", exit_text);
}

static void command_help(FILE *f, const struct command *c)
{
    fprintf(f, "usage: sslmode %s%s%s\n%s\n%s", c->name, c->args[0] ? " " : "", c->args, c->what,
            c->more);
}

/* A wrong command line: the message, then the usage (of the command, if
 * known), on stderr. */
__attribute__((format(printf, 2, 3)))
static int bad_usage(const struct command *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "sslmode%s%s: ", c ? " " : "", c ? c->name : "");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n\n", stderr);
    if (c)
        command_help(stderr, c);
    else
        list_commands(stderr);
    return 2;
}

static const struct command *find_command(const char *name)
{
    for (int i = 0; i < command_count; i++)
        if (strcmp(name, commands[i].name) == 0)
            return &commands[i];
    return NULL;
}

static int is_help(const char *a)
{
    return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0;
}

/* An option: starts with `-` and is not `-` alone (standard input). */
static int is_option(const char *a)
{
    return a[0] == '-' && a[1] != '\0';
}

static int cmd_run(int argc, char **argv)
{
    const struct command *me = find_command("run");
    int quiet = 0, worst = 0, files = 0, options = 1;
    for (int i = 0; i < argc; i++) /* options first, so that none runs half */
        if (options && strcmp(argv[i], "--") == 0)
            options = 0;
        else if (options && (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0))
            quiet = 1;
        else if (options && is_option(argv[i]))
            return bad_usage(me, "unknown option `%s`", argv[i]);
        else
            files++;
    if (!files)
        return bad_usage(me, "no FILE given (`-` reads standard input)");
    options = 1;
    for (int i = 0; i < argc; i++) {
        if (options && strcmp(argv[i], "--") == 0) {
            options = 0;
            continue;
        }
        if (options && is_option(argv[i]))
            continue;
        struct scenario sc;
        int rc = scenario_load(argv[i], &sc, stderr);
        if (rc == 0) {
            rc = scenario_run(&sc, stdout, quiet);
            scenario_free(&sc);
        }
        if (rc > worst)
            worst = rc;
    }
    return worst;
}

static int cmd_record(int argc, char **argv)
{
    const struct command *me = find_command("record");
    if (argc == 2 && strcmp(argv[0], "--") == 0)
        argc--, argv++;
    else if (argc >= 1 && is_option(argv[0]))
        return bad_usage(me, "unknown option `%s`", argv[0]);
    if (argc != 1)
        return argc ? bad_usage(me, "takes one FILE, found `%s` after it", argv[1])
                    : bad_usage(me, "no FILE given (`-` reads standard input)");
    struct scenario sc;
    int rc = scenario_load(argv[0], &sc, stderr);
    if (rc == 0) {
        rc = scenario_record(&sc, stdout);
        scenario_free(&sc);
    }
    return rc;
}

/* Reads a whole file ("-": standard input); NULL (with a message) if it
 * cannot. */
static unsigned char *slurp(const char *path, size_t *size)
{
    int from_stdin = strcmp(path, "-") == 0;
    FILE *f = from_stdin ? stdin : fopen(path, "rb");
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
    if (!from_stdin)
        fclose(f);
    if (!buf || bad) {
        fprintf(stderr, "%s: read error\n", from_stdin ? SCENARIO_STDIN : path);
        free(buf);
        return NULL;
    }
    *size = n;
    return buf;
}

static int cmd_decode(int argc, char **argv)
{
    const struct command *me = find_command("decode");
    enum fuzz_target t = TARGET_MASK;
    char **files = calloc((size_t) argc + 1, sizeof *files);
    int nfiles = 0, options = 1, rc = 0;
    if (!files) {
        fputs("sslmode decode: out of memory\n", stderr);
        return 2;
    }
    for (int i = 0; i < argc && rc == 0; i++) {
        if (options && strcmp(argv[i], "--") == 0) {
            options = 0;
        } else if (options && strcmp(argv[i], "--format") == 0 && argc == 1) {
            printf("%d\n", DECODE_FORMAT);
            free(files);
            return 0;
        } else if (options && strcmp(argv[i], "--target") == 0) {
            int found = 0;
            for (int k = 0; i + 1 < argc && k < TARGET_COUNT; k++)
                if (strcmp(argv[i + 1], fuzz_target_names[k]) == 0)
                    t = (enum fuzz_target) k, found = 1;
            if (i + 1 == argc)
                rc = bad_usage(me, "`--target` needs mask, write or hello");
            else if (!found)
                rc = bad_usage(me, "unknown target `%s` (mask, write, hello)", argv[i + 1]);
            i++;
        } else if (options && is_option(argv[i])) {
            rc = bad_usage(me, "unknown option `%s`", argv[i]);
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (rc == 0 && nfiles == 0)
        rc = bad_usage(me, "no FILE given (`-` reads standard input)");
    for (int i = 0; i < nfiles && rc == 0; i++) {
        size_t size;
        unsigned char *data = slurp(files[i], &size);
        if (!data) {
            rc = 2;
            break;
        }
        struct op ops[DECODE_MAX_OPS];
        size_t n = decode(t, data, size, ops, DECODE_MAX_OPS);
        free(data);
        printf("# %s: %zu bytes, %zu steps (fuzz target %s)\n",
               strcmp(files[i], "-") == 0 ? SCENARIO_STDIN : files[i], size, n,
               fuzz_target_names[t]);
        for (size_t k = 0; k < n; k++) {
            op_print(stdout, &ops[k]);
            putchar('\n');
        }
    }
    free(files);
    return rc;
}

static int cmd_calls(int argc, char **argv)
{
    if (argc > 0)
        return bad_usage(find_command("calls"),
                         is_option(argv[0]) ? "unknown option `%s`" : "takes no argument, found `%s`",
                         argv[0]);
    op_print_calls(stdout);
    return 0;
}

static int cmd_names(int argc, char **argv)
{
    if (argc > 0)
        return bad_usage(find_command("names"),
                         is_option(argv[0]) ? "unknown option `%s`" : "takes no argument, found `%s`",
                         argv[0]);
    for (int i = 0; i < MODE_NAME_COUNT; i++)
        printf("0x%08x  SSL_MODE_%s\n", (unsigned) mode_names[i].bit, mode_names[i].name);
    return 0;
}

static int cmd_help(int argc, char **argv)
{
    if (argc == 0) {
        list_commands(stdout);
        return 0;
    }
    const struct command *c = find_command(argv[0]);
    if (argc > 1)
        return bad_usage(find_command("help"), "takes one COMMAND, found `%s` after it", argv[1]);
    if (!c)
        return bad_usage(NULL, "unknown command `%s`", argv[0]);
    command_help(stdout, c);
    return 0;
}

static int version(void)
{
    printf("sslmode %s\n", SSLMODE_VERSION);
    printf("OpenSSL at run time:  %s\n", real_version());
    printf("OpenSSL built with:   %s\n", real_build_version());
    printf("profiles:            ");
    for (int i = 0; i < real_profile_count; i++)
        printf(" %s%s", real_profiles[i], i + 1 < real_profile_count ? "," : "\n");
    return 0;
}


int main(int argc, char **argv)
{
    int rc;
    const struct command *c = argc > 1 ? find_command(argv[1]) : NULL;
    if (argc < 2) {
        list_commands(stderr);
        return 2;
    }
    if (is_help(argv[1]) && argc == 2) {
        list_commands(stdout);
        rc = 0;
    } else if (strcmp(argv[1], "--version") == 0 && argc == 2) {
        rc = version();
    } else if (is_help(argv[1]) || strcmp(argv[1], "--version") == 0) {
        return bad_usage(NULL, "`%s` takes no argument", argv[1]);
    } else if (!c) {
        return bad_usage(NULL, is_option(argv[1]) ? "unknown option `%s`"
                                                  : "unknown command `%s`", argv[1]);
    } else {
        /* COMMAND --help, anywhere before `--`. */
        for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++)
            if (is_help(argv[i])) {
                command_help(stdout, c);
                argc = 0;
                break;
            }
        rc = argc ? c->run(argc - 2, argv + 2) : 0;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("sslmode: cannot write to standard output\n", stderr);
        return rc ? rc : 2;
    }
    return rc;
}
