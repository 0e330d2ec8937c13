/* fuzz/text.c: see text.h. */
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../model/names.h"

void text_mask_names(FILE *f, unsigned long m)
{
    unsigned long rest = m;
    int n = 0;
    for (int i = 0; i < MODE_NAME_COUNT; i++) {
        if (m & mode_names[i].bit) {
            fprintf(f, "%s%s", n++ ? "|" : "", mode_names[i].name);
            rest &= ~(unsigned long) mode_names[i].bit;
        }
    }
    if (rest || n == 0)
        fprintf(f, "%s0x%lx", n ? "|" : "", rest);
}

void text_mask_result(FILE *f, long v)
{
    if (v < 0) {
        fprintf(f, "%ld (negative!)", v);
        return;
    }
    fprintf(f, "0x%lx", (unsigned long) v);
    unsigned long known = 0;
    for (int i = 0; i < MODE_NAME_COUNT; i++)
        known |= mode_names[i].bit;
    if ((unsigned long) v & known) {
        fputc(' ', f);
        text_mask_names(f, (unsigned long) v);
    }
}

void text_mask_arg(FILE *f, long v)
{
    if (v >= 0 && v <= 0xffffffffL)
        text_mask_names(f, (unsigned long) v);
    else if (v < 0)
        fprintf(f, "%ld", v);
    else
        fprintf(f, "0x%lx", (unsigned long) v);
}

int text_parse_number(const char *s, long *out)
{
    int neg = 0;
    const char *p = s;
    if (*p == '-') {
        neg = 1;
        p++;
    }
    if (!isdigit((unsigned char) *p))
        return -1;
    char *end;
    errno = 0;
    unsigned long u = strtoul(p, &end, 0);
    if (errno || *end != '\0' || end == p)
        return -1;
    if (neg) {
        if (u > 0x8000000000000000UL) /* below LONG_MIN */
            return -1;
        /* -u computed in unsigned arithmetic, then the two's complement. */
        *out = (long) (0UL - u);
    } else {
        *out = (long) u;
    }
    return 0;
}

static int parse_name(const char *term, size_t len, unsigned long *bit)
{
    static const char prefix[] = "SSL_MODE_";
    if (len > sizeof prefix - 1 && strncmp(term, prefix, sizeof prefix - 1) == 0) {
        term += sizeof prefix - 1;
        len -= sizeof prefix - 1;
    }
    for (int i = 0; i < MODE_NAME_COUNT; i++) {
        if (strlen(mode_names[i].name) == len &&
            strncmp(mode_names[i].name, term, len) == 0) {
            *bit = mode_names[i].bit;
            return 0;
        }
    }
    return -1;
}

int text_parse_mask(const char *s, long *out, const char **bad)
{
    if (strchr(s, '|') == NULL && text_parse_number(s, out) == 0)
        return 0;
    unsigned long acc = 0;
    const char *term = s;
    for (;;) {
        size_t len = strcspn(term, "|");
        char buf[64];
        unsigned long bit;
        long num;
        if (len == 0 || len >= sizeof buf) {
            *bad = term;
            return -1;
        }
        memcpy(buf, term, len);
        buf[len] = '\0';
        if (parse_name(buf, len, &bit) == 0)
            acc |= bit;
        else if (text_parse_number(buf, &num) == 0)
            acc |= (unsigned long) num;
        else {
            *bad = term;
            return -1;
        }
        if (term[len] == '\0')
            break;
        term += len + 1;
    }
    *out = (long) acc;
    return 0;
}

void text_print_printable(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char) *s;
        if (c >= 0x20 && c < 0x7f)
            fputc(c, f);
        else
            fprintf(f, "\\x%02x", c);
    }
}
