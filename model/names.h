/* model/names.h: the name of every SSL_MODE_* bit of OpenSSL 3.0, in one
 * table. Every printer and parser of the project uses it (fuzz/text.c); the
 * names are the OpenSSL ones without the SSL_MODE_ prefix. */
#ifndef SSLMODE_MODEL_NAMES_H
#define SSLMODE_MODEL_NAMES_H

#include <stdint.h>

struct mode_name {
    uint32_t bit;
    const char *name;
};

#define MODE_NAME_COUNT 10
extern const struct mode_name mode_names[MODE_NAME_COUNT];

#endif
