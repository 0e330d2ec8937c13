/* fuzz/scenario.c: see scenario.h. */
#include "scenario.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../model/names.h"
#include "buffers.h"
#include "config.h"
#include "exec.h"
#include "model_side.h"
#include "text.h"

#define LINE_MAX_LEN SCENARIO_LINE_MAX
#define MAX_WORDS 32 /* on either side of `=>` */

static int find_target(const char *w)
{
    for (int t = 0; t < TGT_NONE; t++)
        if (strcmp(w, target_names[t]) == 0)
            return t;
    return -1;
}

/* The call named by words[0] (and words[1] for `set ...`), among those with
 * or without a target. Returns the kind and how many words it took, or -1. */
static int find_call(char **words, int n, int targeted, int *used)
{
    for (int k = 0; k < OP_KIND_COUNT; k++) {
        const char *name = op_table[k].name;
        int on_target = op_table[k].on != ON_NONE;
        if (on_target != targeted)
            continue;
        const char *space = strchr(name, ' ');
        if (!space && strcmp(words[0], name) == 0) {
            *used = 1;
            return k;
        }
        if (space && n >= 2 && strncmp(words[0], name, (size_t) (space - name)) == 0 &&
            words[0][space - name] == '\0' && strcmp(words[1], space + 1) == 0) {
            *used = 2;
            return k;
        }
    }
    return -1;
}

/* Splits text into whitespace-separated words (in place). */
static int split(char *text, char **words, int max)
{
    int n = 0;
    char *save;
    for (char *p = strtok_r(text, " \t\r", &save); p; p = strtok_r(NULL, " \t\r", &save)) {
        if (n == max)
            return -1;
        words[n++] = p;
    }
    return n;
}

static void known_names(char *msg, size_t len)
{
    size_t used = strlen(msg);
    for (int i = 0; i < MODE_NAME_COUNT && used < len; i++)
        used += (size_t) snprintf(msg + used, len - used, "%s%s", i ? ", " : " (known: ",
                                  mode_names[i].name);
    if (used < len)
        snprintf(msg + used, len - used, ")");
}

static int parse_name(const char *w, char *out, char *msg, size_t len)
{
    size_t n = strlen(w);
    int ok = n > 0 && n < BUF_NAME_MAX && (isalpha((unsigned char) w[0]) || w[0] == '_');
    for (size_t i = 1; ok && i < n; i++)
        ok = isalnum((unsigned char) w[i]) || w[i] == '_';
    if (!ok) {
        snprintf(msg, len, "bad buffer name `%s` (a letter or _, then letters, digits "
                 "or _, at most %d characters)", w, BUF_NAME_MAX - 1);
        return -1;
    }
    snprintf(out, BUF_NAME_MAX, "%s", w);
    return 0;
}

static int parse_count(const char *w, long lo, long hi, long *out, const char *what,
                       char *msg, size_t len)
{
    if (text_parse_number(w, out) != 0 || *out < lo || *out > hi) {
        snprintf(msg, len, "bad %s `%s` (a number from %ld to %ld)", what, w, lo, hi);
        return -1;
    }
    return 0;
}

/* <len> [from <buf>[+<off>]] */
static int parse_from(struct op *op, char **w, int n, char *msg, size_t len)
{
    if (n != 1 && n != 3) {
        snprintf(msg, len, "`%s` takes a length, then optionally `from <buffer>[+<offset>]`",
                 op_table[op->kind].name);
        return -1;
    }
    if (parse_count(w[0], 0, BUF_SIZE_MAX, &op->arg, "length", msg, len) != 0)
        return -1;
    if (n == 1)
        return 0;
    if (strcmp(w[1], "from") != 0) {
        snprintf(msg, len, "expected `from`, found `%s`", w[1]);
        return -1;
    }
    char *plus = strchr(w[2], '+');
    long off = 0;
    if (plus) {
        *plus = '\0';
        if (parse_count(plus + 1, 0, BUF_SIZE_MAX, &off, "offset", msg, len) != 0)
            return -1;
    }
    op->off = (uint32_t) off;
    if (parse_name(w[2], op->buf, msg, len) != 0)
        return -1;
    if (strcmp(op->buf, DEFAULT_BUF) == 0)
        op->buf[0] = '\0'; /* the default buffer, however it is written */
    return 0;
}

static int parse_version(const char *s, int *v)
{
    *v = strcmp(s, "1.2") == 0 ? VERSION_TLS12 : strcmp(s, "1.3") == 0 ? VERSION_TLS13 : 0;
    return *v ? 0 : -1;
}

/* "1.2", "1.3", "1.2-1.3": a version range, low to high. */
static int parse_range(const char *s, long *arg)
{
    char low[8];
    const char *dash = strchr(s, '-');
    int min, max;
    if (!dash)
        return parse_version(s, &min) ? -1 : (*arg = range_arg(min, min), 0);
    if ((size_t) (dash - s) >= sizeof low)
        return -1;
    snprintf(low, sizeof low, "%.*s", (int) (dash - s), s);
    if (parse_version(low, &min) || parse_version(dash + 1, &max) || min > max)
        return -1;
    *arg = range_arg(min, max);
    return 0;
}


/* The calls a target takes, from the op table, for an error message. */
static void list_calls(char *out, size_t len)
{
    size_t at = 0;
    out[0] = '\0';
    for (int k = 0; k < OP_KIND_COUNT && at < len; k++)
        if (op_table[k].on != ON_NONE)
            at += (size_t) snprintf(out + at, len - at, "%s%s", at ? " " : "", op_table[k].name);
}

static int parse_args(struct op *op, char **w, int n, char *msg, size_t len)
{
    const struct op_info *in = &op_table[op->kind];
    long v;
    switch (in->arg) {
    case ARG_NONE:
        if (n == 0)
            return 0;
        snprintf(msg, len, "`%s` takes no argument, found `%s`", in->name, w[0]);
        return -1;
    case ARG_CTX: {
        int t = n == 1 ? find_target(w[0]) : -1;
        if (t < 0 || !target_is_ctx((enum target) t)) {
            snprintf(msg, len, "`set_ctx` takes cctx or sctx");
            return -1;
        }
        op->arg = target_ctx((enum target) t);
        return 0;
    }
    case ARG_MASK: {
        if (n == 0) {
            snprintf(msg, len, "`%s` needs an argument (a mask)", in->name);
            return -1;
        }
        /* The words joined, so "A | B" reads as "A|B". */
        char mask[LINE_MAX_LEN + 1] = "";
        for (int i = 0; i < n; i++)
            strncat(mask, w[i], sizeof mask - strlen(mask) - 1);
        const char *bad;
        if (text_parse_mask(mask, &op->arg, &bad) != 0) {
            snprintf(msg, len, "bad mask term `%.*s`: not a number or a flag name",
                     (int) strcspn(bad, "|"), bad);
            known_names(msg, len);
            return -1;
        }
        return 0;
    }
    case ARG_LENGTH_FROM:
        return parse_from(op, w, n, msg, len);
    case ARG_COUNT:
        if (n != 1) {
            snprintf(msg, len, "`%s` takes one number", in->name);
            return -1;
        }
        if (text_parse_number(w[0], &op->arg) != 0) {
            snprintf(msg, len, "bad number `%s`", w[0]);
            return -1;
        }
        return 0;
    case ARG_OPT_REQUESTED:
        if (n == 0)
            return 0;
        if (n == 1 && strcmp(w[0], "requested") == 0) {
            op->arg = 1;
            return 0;
        }
        snprintf(msg, len, "`key_update` takes nothing or `requested`");
        return -1;
    case ARG_BUF_NEW:
        if ((n != 2 && n != 4) || (n == 4 && strcmp(w[2], "fill") != 0)) {
            snprintf(msg, len, "`buf` takes a name, a size, then optionally `fill <byte>`");
            return -1;
        }
        op->arg2 = -1;
        if (parse_name(w[0], op->buf, msg, len) != 0 ||
            parse_count(w[1], 0, BUF_SIZE_MAX, &op->arg, "size", msg, len) != 0)
            return -1;
        if (n == 4 && parse_count(w[3], 0, 255, &op->arg2, "byte", msg, len) != 0)
            return -1;
        return 0;
    case ARG_BUF_COPY:
        if (n != 2) {
            snprintf(msg, len, "`copy` takes the new buffer's name, then the source's");
            return -1;
        }
        return parse_name(w[0], op->buf, msg, len) || parse_name(w[1], op->buf2, msg, len)
                   ? -1 : 0;
    case ARG_BUF_FILL:
        if (n != 2) {
            snprintf(msg, len, "`fill` takes a buffer name, then a byte");
            return -1;
        }
        return parse_name(w[0], op->buf, msg, len) ||
               parse_count(w[1], 0, 255, &op->arg2, "byte", msg, len) ? -1 : 0;
    case ARG_VERSION:
        if (n == 1 && (strcmp(w[0], "1.2") == 0 || strcmp(w[0], "1.3") == 0)) {
            op->arg = strcmp(w[0], "1.2") == 0 ? 12 : 13;
            return 0;
        }
        snprintf(msg, len, "`set version` takes 1.2 or 1.3");
        return -1;
    case ARG_RANGE:
        if (n == 1 && parse_range(w[0], &op->arg) == 0)
            return 0;
        snprintf(msg, len, "`%s` takes 1.2, 1.3 or 1.2-1.3 (a range from low to high)",
                 in->name);
        return -1;
    case ARG_CIPHER:
        if (n == 1 && (v = cipher_find(w[0])) >= 0) {
            op->arg = v;
            return 0;
        }
        snprintf(msg, len, "unknown cipher `%s` (known:", n ? w[0] : "");
        for (int i = 0; i < CIPHER_COUNT; i++)
            snprintf(msg + strlen(msg), len - strlen(msg), " %s", cipher_table[i].name);
        snprintf(msg + strlen(msg), len - strlen(msg), ")");
        return -1;
    default:
        snprintf(msg, len, "internal: no parser for `%s`", in->name);
        return -1;
    }
}

int scenario_parse_step(const char *text, struct scn_step *st, char *msg, size_t len)
{
    char buf[LINE_MAX_LEN + 1];
    char *words[MAX_WORDS];
    if (strlen(text) > LINE_MAX_LEN) {
        snprintf(msg, len, "line longer than %d characters", LINE_MAX_LEN);
        return -1;
    }
    snprintf(buf, sizeof buf, "%s", text);
    char *expect = strstr(buf, "=>");
    if (expect) {
        *expect = '\0';
        expect += 2;
    }
    int n = split(buf, words, MAX_WORDS);
    if (n < 0) {
        snprintf(msg, len, "more than %d words before `=>`", MAX_WORDS);
        return -1;
    }
    if (n == 0) {
        snprintf(msg, len, "`=>` without a call before it");
        return -1;
    }
    memset(st, 0, sizeof *st);
    int t = find_target(words[0]);
    int used, first = t < 0 ? 0 : 1;
    int k = n > first ? find_call(words + first, n - first, t >= 0, &used) : -1;
    if (t >= 0 && n < 2) {
        snprintf(msg, len, "`%s` needs a call after it", words[0]);
        return -1;
    }
    if (k < 0) {
        if (t >= 0) {
            char calls[512];
            list_calls(calls, sizeof calls);
            snprintf(msg, len, "unknown call `%s` (calls: %s)", words[1], calls);
        } else
            snprintf(msg, len, "unknown target `%s` (targets: cctx sctx client server cdup "
                     "sdup; or a line `connect`, `hello`, `buf`, `copy`, `fill`, `set ...`)",
                     words[0]);
        return -1;
    }
    st->op.kind = (enum op_kind) k;
    st->op.target = t >= 0 ? (enum target) t : TGT_NONE;
    st->op.arg2 = -1;
    if (!op_target_ok(st->op.kind, st->op.target)) {
        snprintf(msg, len, "`%s` cannot be called on %s", op_table[k].name, words[0]);
        return -1;
    }
    if (parse_args(&st->op, words + first + used, n - first - used, msg, len) != 0)
        return -1;
    if (expect) {
        char *ew[MAX_WORDS];
        int en = split(expect, ew, MAX_WORDS);
        enum result_kind rk = op_table[st->op.kind].result;
        char joined[LINE_MAX_LEN + 1] = "";
        if (en < 0) {
            snprintf(msg, len, "more than %d words after `=>`", MAX_WORDS);
            return -1;
        }
        for (int i = 0; i < en; i++) {
            if (i && (rk == RES_IO || rk == RES_HELLO || rk == RES_HELD))
                strncat(joined, " ", sizeof joined - strlen(joined) - 1);
            strncat(joined, ew[i], sizeof joined - strlen(joined) - 1);
        }
        const char *why = "nothing after `=>` (give the expected answer, or drop the `=>`)";
        if (en <= 0 || outcome_parse(rk, op_ex_form(st->op.kind), joined, &st->expect,
                                     &why) != 0) {
            snprintf(msg, len, "bad expectation `%s`: %s", en > 0 ? joined : "", why);
            return -1;
        }
        st->has_expect = 1;
    }
    return 0;
}

static char *strip_comment(char *line)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    line[strcspn(line, "\n")] = '\0';
    return line;
}

static int blank(const char *s)
{
    while (*s && isspace((unsigned char) *s))
        s++;
    return *s == '\0';
}

/* Reads all of f into a new buffer (NUL-terminated); NULL if it cannot. */
static char *read_all(FILE *f, size_t *size)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - 1 - n, f);
        if (n < cap - 1)
            break;
        char *grown = cap > ((size_t) 1 << 30) ? NULL : realloc(buf, cap *= 2);
        if (!grown)
            free(buf);
        buf = grown;
    }
    if (!buf || ferror(f)) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *size = n;
    return buf;
}

/* The line starting at p (text ends at end): its length without the
 * newline, and where the next line starts. */
static const char *next_line(const char *p, const char *end, size_t *len)
{
    const char *nl = memchr(p, '\n', (size_t) (end - p));
    *len = (size_t) ((nl ? nl : end) - p);
    return nl ? nl + 1 : end;
}

/* Parses sc->text (sc->size bytes and a NUL) into steps, naming sc->path in
 * messages. Returns 0, or 2 after the message for the first bad line (the
 * caller frees sc). */
static int parse_lines(struct scenario *sc, FILE *err)
{
    char line[LINE_MAX_LEN + 1];
    int lineno = 0, cap = 0;
    const char *p = sc->text, *end = sc->text + sc->size;
    while (p < end) {
        size_t len;
        const char *at = p;
        p = next_line(p, end, &len);
        lineno++;
        if (len > LINE_MAX_LEN) {
            fprintf(err, "%s:%d: line longer than %d characters\n", sc->path, lineno,
                    LINE_MAX_LEN);
            return 2;
        }
        if (memchr(at, '\0', len)) {
            fprintf(err, "%s:%d: a NUL byte (a scenario is text)\n", sc->path, lineno);
            return 2;
        }
        memcpy(line, at, len);
        line[len] = '\0';
        if (blank(strip_comment(line)))
            continue;
        if (sc->count == TRACE_MAX) {
            fprintf(err, "%s:%d: more than %d steps\n", sc->path, lineno, TRACE_MAX);
            return 2;
        }
        if (sc->count == cap) {
            cap = cap ? 2 * cap : 64;
            struct scn_step *grown = realloc(sc->steps, (size_t) cap * sizeof *grown);
            if (!grown) {
                fprintf(err, "%s: out of memory\n", sc->path);
                return 2;
            }
            sc->steps = grown;
        }
        char msg[512];
        struct scn_step *st = &sc->steps[sc->count];
        if (scenario_parse_step(line, st, msg, sizeof msg) != 0) {
            /* The message quotes the line's words, which may hold any byte. */
            fprintf(err, "%s:%d: ", sc->path, lineno);
            text_print_printable(err, msg);
            fputc('\n', err);
            return 2;
        }
        st->line = lineno;
        sc->count++;
    }
    return 0;
}

int scenario_parse(const char *name, const char *text, size_t size, struct scenario *sc,
                   FILE *err)
{
    memset(sc, 0, sizeof *sc);
    sc->path = name;
    sc->text = malloc(size + 1);
    if (!sc->text) {
        fprintf(err, "%s: out of memory\n", name);
        return 2;
    }
    memcpy(sc->text, text, size);
    sc->text[size] = '\0';
    sc->size = size;
    int rc = parse_lines(sc, err);
    if (rc != 0)
        scenario_free(sc);
    return rc;
}

int scenario_load(const char *path, struct scenario *sc, FILE *err)
{
    memset(sc, 0, sizeof *sc);
    int from_stdin = strcmp(path, "-") == 0;
    sc->path = from_stdin ? SCENARIO_STDIN : path;
    FILE *f = from_stdin ? stdin : fopen(path, "r");
    if (!f) {
        fprintf(err, "%s: cannot open\n", path);
        return 2;
    }
    sc->text = read_all(f, &sc->size);
    if (!from_stdin)
        fclose(f);
    if (!sc->text) {
        fprintf(err, "%s: read error\n", sc->path);
        return 2;
    }
    int rc = parse_lines(sc, err);
    if (rc != 0)
        scenario_free(sc);
    return rc;
}

void scenario_free(struct scenario *sc)
{
    free(sc->steps);
    free(sc->text);
    sc->steps = NULL;
    sc->text = NULL;
    sc->count = 0;
}

struct run_totals {
    int agree, disagree, expected, expect_failed;
};

static void print_step(FILE *out, const struct scenario *sc, const struct trace_entry *e,
                       int agree, const struct scn_step *st, int expect_ok)
{
    fprintf(out, "%s:%d: ", sc->path, st->line);
    op_print(out, &e->op);
    fputs("\n    openssl ", out);
    outcome_print(out, &e->real);
    fputs("  |  model ", out);
    outcome_print(out, &e->model);
    fputs(agree ? "  |  agree" : "  |  DISAGREE", out);
    if (st->has_expect) {
        if (expect_ok) {
            fputs("  |  as expected", out);
        } else {
            fputs("  |  EXPECTED ", out);
            outcome_print(out, &st->expect);
        }
    }
    fputc('\n', out);
}

/* One session for the whole file (static: the trace is large). */
static struct session ss;

/* Runs every step. Returns 0/1/2 as scenario_run; OpenSSL's answers are left
 * in ss.trace. */
static int run(const struct scenario *sc, FILE *out, int quiet, struct run_totals *tot)
{
    int rc = session_open(&ss, sc->path, REAL_FRESH, out);
    if (rc < 0) {
        fprintf(out, "%s: OpenSSL could not make the contexts\n", sc->path);
        return 2;
    }
    int status = rc == 1 ? 0 : 1;
    int reported = rc != 1;
    for (int i = 0; i < sc->count; i++) {
        const struct scn_step *st = &sc->steps[i];
        const char *why;
        if (!session_applicable(&ss, &st->op, &why)) {
            fprintf(out, "%s:%d: cannot run `", sc->path, st->line);
            op_print(out, &st->op);
            fprintf(out, "` here: %s\n", why);
            session_close(&ss);
            return 2;
        }
        /* Only the first disagreement gets the full report: after it the two
         * sides may differ in state, and every later step is suspect. */
        int agree = session_step(&ss, &st->op, st->line, reported ? NULL : out);
        if (agree < 0) {
            fprintf(out, "%s:%d: `", sc->path, st->line);
            op_print(out, &st->op);
            fprintf(out, "` %s\n", session_limit_text(ss.trace[ss.steps - 1].model.reason));
            session_close(&ss);
            return 2;
        }
        const struct trace_entry *e = &ss.trace[ss.steps - 1];
        int expect_ok = !st->has_expect || (outcome_meets(&e->real, &st->expect) &&
                                            outcome_meets(&e->model, &st->expect));
        tot->agree += agree;
        tot->disagree += !agree;
        tot->expected += st->has_expect;
        tot->expect_failed += !expect_ok;
        if (!agree || !expect_ok)
            status = 1;
        if (!agree)
            reported = 1;
        if (!quiet || !agree || !expect_ok)
            print_step(out, sc, e, agree, st, expect_ok);
    }
    session_close(&ss);
    return status;
}

int scenario_run(const struct scenario *sc, FILE *out, int quiet)
{
    struct run_totals tot = { 0 };
    int rc = run(sc, out, quiet, &tot);
    if (rc != 2)
        fprintf(out, "%s: %d steps, %d agree, %d disagree; %d expectations, %d failed: %s\n",
                sc->path, sc->count, tot.agree, tot.disagree, tot.expected,
                tot.expect_failed, rc == 0 ? "PASS" : "FAIL");
    return rc;
}

int scenario_record(const struct scenario *sc, FILE *out)
{
    struct run_totals tot = { 0 };
    int rc = run(sc, stderr, 1, &tot);
    if (rc == 2)
        return rc;
    /* The text read at load time: a file is read once (and standard input
     * can only be). */
    char line[LINE_MAX_LEN + 1];
    int lineno = 0, i = 0;
    const char *p = sc->text, *end = sc->text + sc->size;
    while (p < end) {
        size_t len;
        const char *at = p;
        p = next_line(p, end, &len);
        lineno++;
        memcpy(line, at, len); /* scenario_load refused longer lines */
        line[len] = '\0';
        if (i == sc->count || sc->steps[i].line != lineno) {
            fprintf(out, "%s\n", line);
            continue;
        }
        /* The step, without its old expectation, then OpenSSL's answer, then
         * the comment the line had. */
        char *hash = strchr(line, '#');
        char comment[LINE_MAX_LEN + 3] = "";
        if (hash) {
            snprintf(comment, sizeof comment, "  %s", hash);
            *hash = '\0';
        }
        char *arrow = strstr(line, "=>");
        if (arrow)
            *arrow = '\0';
        size_t n = strlen(line);
        while (n > 0 && isspace((unsigned char) line[n - 1]))
            line[--n] = '\0';
        fprintf(out, "%s => ", line);
        outcome_print_expect(out, &ss.trace[i].real);
        fprintf(out, "%s\n", comment);
        i++;
    }
    return rc;
}
