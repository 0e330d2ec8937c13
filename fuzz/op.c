/* fuzz/op.c: the table of calls, and the op printer. */
#include "op.h"

#include "../model/hello.h"
#include "ciphers.h"
#include "text.h"

const char *const target_names[TGT_COUNT] = {
    "cctx", "sctx", "client", "server", "cdup", "sdup", "",
};

#define OP_INFO_ROW(id, name, syntax, on, arg, result, cls, pre, mfn, rfn, api, rules,   \
                    answer)                                                            \
    [OP_##id] = { name, syntax, on, arg, result, cls, api, rules, answer },
const struct op_info op_table[OP_KIND_COUNT] = { CALLS(OP_INFO_ROW) };
#undef OP_INFO_ROW

enum ex_form op_ex_form(enum op_kind k)
{
    return k == OP_WRITE_EX ? EX_WRITTEN : k == OP_READ_EX ? EX_READ : EX_NONE;
}

long range_arg(int min, int max)
{
    return (long) min << 16 | max;
}

int range_min(long arg)
{
    return (int) (arg >> 16);
}

int range_max(long arg)
{
    return (int) (arg & 0xffff);
}

/* "1.2", "1.3" (the version numbers are VERSION_TLS12/13). */
static const char *version_text(int v)
{
    return v == VERSION_TLS12 ? "1.2" : v == VERSION_TLS13 ? "1.3" : "?";
}

int target_is_ctx(enum target t)
{
    return t == TGT_CCTX || t == TGT_SCTX;
}

int target_ctx(enum target t)
{
    return (int) t - TGT_CCTX;
}

int target_slot(enum target t)
{
    return (int) t - TGT_CLIENT;
}

enum target slot_target(int slot)
{
    return (enum target) (TGT_CLIENT + slot);
}

int op_target_ok(enum op_kind k, enum target t)
{
    switch (op_table[k].on) {
    case ON_CTX_OR_SSL:
        return t >= TGT_CCTX && t <= TGT_SDUP;
    case ON_SSL:
        return t >= TGT_CLIENT && t <= TGT_SDUP;
    case ON_PAIR_SSL:
        return t == TGT_CLIENT || t == TGT_SERVER;
    case ON_NONE:
    default:
        return t == TGT_NONE;
    }
}

static void print_args(FILE *f, const struct op *op)
{
    switch (op_table[op->kind].arg) {
    case ARG_MASK:
        fputc(' ', f);
        text_mask_arg(f, op->arg);
        break;
    case ARG_CTX:
        fprintf(f, " %s", target_names[TGT_CCTX + (op->arg ? 1 : 0)]);
        break;
    case ARG_LENGTH_FROM:
        fprintf(f, " %ld", op->arg);
        if (op->buf[0] || op->off)
            fprintf(f, op->off ? " from %s+%u" : " from %s", op->buf[0] ? op->buf : DEFAULT_BUF,
                    op->off);
        break;
    case ARG_COUNT:
        fprintf(f, " %ld", op->arg);
        break;
    case ARG_OPT_REQUESTED:
        if (op->arg)
            fputs(" requested", f);
        break;
    case ARG_BUF_NEW:
        fprintf(f, " %s %ld", op->buf, op->arg);
        if (op->arg2 >= 0)
            fprintf(f, " fill 0x%02lx", op->arg2);
        break;
    case ARG_BUF_COPY:
        fprintf(f, " %s %s", op->buf, op->buf2);
        break;
    case ARG_BUF_FILL:
        fprintf(f, " %s 0x%02lx", op->buf, op->arg2);
        break;
    case ARG_VERSION:
        fputs(op->arg == 12 ? " 1.2" : " 1.3", f);
        break;
    case ARG_CIPHER:
        fprintf(f, " %s", cipher_table[op->arg].name);
        break;
    case ARG_RANGE:
        fprintf(f, " %s", version_text(range_min(op->arg)));
        if (range_max(op->arg) != range_min(op->arg))
            fprintf(f, "-%s", version_text(range_max(op->arg)));
        break;
    case ARG_NONE:
    default:
        break;
    }
}

void op_print(FILE *f, const struct op *op)
{
    const struct op_info *in = &op_table[op->kind];
    if (op->target == TGT_NONE)
        fputs(in->name, f);
    else
        fprintf(f, "%s %s", target_names[op->target], in->name);
    print_args(f, op);
}

/* One placeholder of an api template (calls.h) for this op. */
static void print_placeholder(FILE *f, char p, const struct op *op)
{
    const char *on = target_names[op->target];
    switch (p) {
    case 't':
        fputs(on, f);
        break;
    case 'P':
        fputs(target_is_ctx(op->target) ? "SSL_CTX" : "SSL", f);
        break;
    case 'a':
        fprintf(f, "%ld", op->arg);
        break;
    case 'b':
        fputs(op->buf[0] ? op->buf : DEFAULT_BUF, f);
        break;
    case 'o':
        fprintf(f, "%u", op->off);
        break;
    case 'C':
        fputs(target_names[TGT_CCTX + target_slot(op->target) % 2], f);
        break;
    case 'd':
        fputs(op->target == TGT_CLIENT || op->target == TGT_SERVER
                  ? target_names[op->target + 2] : "?", f);
        break;
    case 'x':
        fputs(target_names[TGT_CCTX + (op->arg ? 1 : 0)], f);
        break;
    case 'r':
        fputs(op->arg ? "REQUESTED" : "NOT_REQUESTED", f);
        break;
    case 'O':
        fputs(op->arg ? "SSL_set_options" : "SSL_clear_options", f);
        break;
    default:
        fputc('%', f);
        fputc(p, f);
        break;
    }
}

/* The same placeholder as `sslmode calls` shows it, for any op. */
static const char *placeholder_word(char p)
{
    switch (p) {
    case 't':
        return "target";
    case 'P':
        return "SSL[_CTX]";
    case 'a':
        return "arg";
    case 'b':
        return "buf";
    case 'o':
        return "off";
    case 'C':
        return "ctx";
    case 'd':
        return "copy";
    case 'x':
        return "ctx";
    case 'r':
        return "[NOT_]REQUESTED";
    case 'O':
        return "SSL_set_options/SSL_clear_options";
    default:
        return "?";
    }
}

static void print_api(FILE *f, const char *tmpl, const struct op *op)
{
    for (const char *p = tmpl; *p; p++) {
        if (*p != '%' || !p[1]) {
            fputc(*p, f);
            continue;
        }
        p++;
        if (op)
            print_placeholder(f, *p, op);
        else
            fputs(placeholder_word(*p), f);
    }
}

void op_print_api(FILE *f, const struct op *op)
{
    print_api(f, op_table[op->kind].api, op);
}

static const char *const class_names[] = {
    [CLASS_MASK] = "mask", [CLASS_OBJECT] = "object", [CLASS_IO] = "I/O",
    [CLASS_OBSERVE] = "observation", [CLASS_HARNESS] = "harness",
};

static const char *const on_names[] = {
    [ON_CTX_OR_SSL] = "any target", [ON_SSL] = "an SSL",
    [ON_PAIR_SSL] = "`client` or `server`", [ON_NONE] = "(no target)",
};

/* A table cell: a '|' is escaped, so that it does not end the cell. */
static void cell(FILE *f, const char *before, const char *text, const char *after)
{
    fputs(before, f);
    for (const char *p = text; *p; p++) {
        if (*p == '|')
            fputc('\\', f);
        fputc(*p, f);
    }
    fputs(after, f);
}

void op_print_calls(FILE *f)
{
    fputs("| call | class | on | answer | OpenSSL |\n|---|---|---|---|---|\n", f);
    for (int k = 0; k < OP_KIND_COUNT; k++) {
        const struct op_info *in = &op_table[k];
        cell(f, "| `", in->syntax, "` | ");
        cell(f, "", class_names[in->cls], " | ");
        cell(f, "", on_names[in->on], " | ");
        cell(f, "", in->answer, " | `");
        print_api(f, in->api, NULL);
        fputs("` |\n", f);
    }
}
