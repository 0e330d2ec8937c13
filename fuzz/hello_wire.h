/* fuzz/hello_wire.h: reads the first flight each side of a `hello` sent, as
 * bytes from the transport (pair.h, struct pair_wire): the ClientHello's
 * cipher suites and random, and the server's first record (a ServerHello,
 * whose random it reads, or an alert). Library-neutral, so that the same
 * reading serves any library behind pair.h. */
#ifndef SSLMODE_FUZZ_HELLO_WIRE_H
#define SSLMODE_FUZZ_HELLO_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include "../model/hello.h"

/* A field the bytes did not allow to read (a malformed or missing message):
 * never a value the model gives, so it always shows as a mismatch. */
#define WIRE_UNREADABLE (-9)

/* The ClientHello in p[0..n): sets o->scsv (SCSV_*) and o->client_time
 * (whether the random starts with `now`, big-endian), or WIRE_UNREADABLE. */
void wire_client_hello(const unsigned char *p, size_t n, uint32_t now, struct hello_out *o);

/* The server's first record: sets o->server_time (TIME_NO_MESSAGE when it is
 * an alert) and o->alert (its description, ALERT_NONE for a ServerHello), or
 * WIRE_UNREADABLE. */
void wire_server_first(const unsigned char *p, size_t n, uint32_t now, struct hello_out *o);

#endif
