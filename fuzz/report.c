/* fuzz/report.c: see report.h. */
#include "report.h"

#include <string.h>

#include "real.h" /* real_version */

void report_trace(FILE *f, struct report_trace t)
{
    for (int i = 0; i < t.count; i++) {
        const struct trace_entry *e = &t.steps[i];
        fputs("  ", f);
        op_print(f, &e->op);
        fputs("    # openssl: ", f);
        outcome_print(f, &e->real);
        fputs(" | model: ", f);
        outcome_print(f, &e->model);
        if (e->line)
            fprintf(f, " | line %d", e->line);
        fputc('\n', f);
    }
}

/* The spec file of one rule name ("READ-05..." -> "renegotiation"), or NULL. */
static const char *spec_file(const char *rule)
{
    static const char *const files[][2] = {
        { "READ-05", "renegotiation" }, { "READ-06", "renegotiation" },
        { "MASK-", "mask" }, { "WRITE-", "write" }, { "READ-", "read" }, { "HELLO-", "hello" },
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        if (strncmp(rule, files[i][0], strlen(files[i][0])) == 0)
            return files[i][1];
    return NULL;
}

/* The spec files of a list of rule names, each once:
 * "WRITE-13 READ-01 READ-05" -> " (spec/write.md, spec/read.md,
 * spec/renegotiation.md)". */
static void print_spec_files(FILE *f, const char *rules)
{
    const char *seen[8];
    int n = 0;
    for (const char *p = rules; *p; p++) {
        if (p != rules && p[-1] != ' ')
            continue;
        const char *file = spec_file(p);
        int dup = file == NULL;
        for (int i = 0; i < n && !dup; i++)
            dup = strcmp(seen[i], file) == 0;
        if (dup || n == 8)
            continue;
        seen[n] = file;
        fprintf(f, "%sspec/%s.md", n++ ? ", " : " (", file);
    }
    fputs(n ? ")" : " (README.md)", f);
}

void report_mismatch(FILE *f, struct report_trace t, const struct mismatch *m)
{
    fprintf(f, "\n==== sslmode: OpenSSL and the model disagree ====\n");
    fprintf(f, "input:    %s\n", t.origin ? t.origin : "(unnamed)");
    fprintf(f, "library:  %s\n", real_version());
    if (t.count == 0) {
        fputs("before the first step: the state SSL_CTX_new leaves\n", f);
    } else {
        const struct trace_entry *e = &t.steps[t.count - 1];
        fprintf(f, "step %d: ", t.count);
        op_print(f, &e->op);
        if (e->line)
            fprintf(f, "   (line %d)", e->line);
        fputs("\n  call:    ", f);
        op_print_api(f, &e->op);
        fputc('\n', f);
    }
    fprintf(f, "  differs: %s\n", m->what);
    if (m->invariant) {
        fputs("  the model's state fails its invariant's C check after this step\n", f);
    } else {
        fputs("  OpenSSL: ", f);
        outcome_print(f, &m->real);
        fputs("\n  model:   ", f);
        outcome_print(f, &m->model);
        fputc('\n', f);
    }
    fprintf(f, "  rule:    %s", m->rule);
    if (!m->invariant)
        print_spec_files(f, m->rule);
    fputc('\n', f);
    fputs("trace (a scenario: save the lines and run `sslmode run FILE`):\n", f);
    report_trace(f, t);
    fputs("==== end of report ====\n", f);
}
