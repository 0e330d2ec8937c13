/* fuzz/text.h: masks and numbers as text, with the flag names of
 * model/names.c. Every printer and parser of the project goes through here. */
#ifndef SSLMODE_FUZZ_TEXT_H
#define SSLMODE_FUZZ_TEXT_H

#include <stdio.h>

/* The bits of m as flag names joined by '|', unknown bits as one hex term,
 * "0" when m is 0: e.g. "AUTO_RETRY|RELEASE_BUFFERS|0x200". */
void text_mask_names(FILE *f, unsigned long m);

/* A mask an API call returned: hex, then its names when it has a known bit,
 * e.g. "0x14 AUTO_RETRY|RELEASE_BUFFERS", "0x80000000", "0x0". A negative value (never seen from
 * OpenSSL 3.0) is printed in decimal and flagged. */
void text_mask_result(FILE *f, long v);

/* A mask argument as a scenario writes it: flag names when the value is a
 * 32-bit mask, a signed decimal when negative, hex otherwise. The output
 * parses back to the same value with text_parse_mask. */
void text_mask_arg(FILE *f, long v);

/* Parses a number: decimal or 0x hex, optional '-', any value of 64 bits
 * (0xffffffffffffffff is -1). Returns 0 on success. */
int text_parse_number(const char *s, long *out);

/* Parses a mask: a number, or terms joined by '|' where each term is a flag
 * name (with or without SSL_MODE_) or a number. Returns 0 on success; on
 * failure sets *bad to the term that did not parse. */
int text_parse_mask(const char *s, long *out, const char **bad);

/* Prints s as printable ASCII: a byte outside 0x20-0x7e as \xHH (a
 * message that quotes what a file holds stays one readable line). */
void text_print_printable(FILE *f, const char *s);

#endif
