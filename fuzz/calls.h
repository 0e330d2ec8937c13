/* fuzz/calls.h: every call the harness can make, described once.
 *
 * One row per call. From this list come the call kinds (enum op_kind, op.h),
 * the table the scenario parser, the printers and `sslmode calls` read
 * (op_table, op.c), the model's handlers (model_side.c) and OpenSSL's
 * (real_openssl.c). Adding a call is one row here, its two handlers, the
 * model function they stand for (model/), its spec paragraph and a scenario;
 * the fuzz targets reach it once a slot of their format names it
 * (decode.c, fuzz/decode.h: DECODE_FORMAT).
 *
 * The columns, in order:
 *   ID      the kind is OP_<ID>
 *   name    the scenario word(s)
 *   syntax  the scenario form, for `sslmode calls`
 *   on      which targets it takes (enum op_on)
 *   arg     how its arguments are written (enum op_arg: parser and printer)
 *   result  what it answers (enum result_kind: printer, parser, comparison)
 *   class   CLASS_MASK: reads or changes a mask
 *           CLASS_OBJECT: makes, frees, joins or configures an object
 *           CLASS_IO: an I/O call on a connected SSL (its record buffers are
 *                     watched while it runs)
 *           CLASS_OBSERVE: asks a connected SSL or its transport a question
 *           CLASS_HARNESS: the harness's own (buffers, the next connect's
 *                     parameters): run once, for both sides
 *   pre     the model side's precondition: whether the call can run now
 *           (model_side.c), else why not
 *   model   the model's handler (model_side.c); for CLASS_HARNESS, the one
 *           handler, which changes the shared buffers or configuration
 *   real    OpenSSL's handler (real_openssl.c); real_none for CLASS_HARNESS,
 *           which the executor never calls
 *   api     the OpenSSL call, as reports print it: %t the target, %P SSL or
 *           SSL_CTX (by target), %a the argument, %b the buffer and %o its
 *           offset, %C the context a slot's SSL_new uses, %d where SSL_dup
 *           puts the copy, %x the context argument, %r the KeyUpdate type,
 *           %O SSL_set_options or SSL_clear_options (by argument)
 *   rules   the spec rules it checks (a mismatch report names them)
 *   answer  what it answers, in words, for `sslmode calls` (README.md) */
#ifndef SSLMODE_FUZZ_CALLS_H
#define SSLMODE_FUZZ_CALLS_H

#define CALLS(X)                                                                             \
    /* the mask (spec/mask.md) */                                                            \
    X(SET_MODE, "set_mode", "set_mode M", ON_CTX_OR_SSL, ARG_MASK, RES_MASK, CLASS_MASK,     \
      pre_object, model_mode_call, real_mode_call, "%P_set_mode(%t, %a)",                    \
      "MASK-02 MASK-05 MASK-06", "the new mask")                                             \
    X(CLEAR_MODE, "clear_mode", "clear_mode M", ON_CTX_OR_SSL, ARG_MASK, RES_MASK,           \
      CLASS_MASK, pre_object, model_mode_call, real_mode_call, "%P_clear_mode(%t, %a)",      \
      "MASK-03 MASK-05 MASK-06", "the new mask")                                             \
    X(GET_MODE, "get_mode", "get_mode", ON_CTX_OR_SSL, ARG_NONE, RES_MASK, CLASS_MASK,       \
      pre_object, model_mode_call, real_mode_call, "%P_get_mode(%t)",                        \
      "MASK-01 MASK-04 MASK-07", "the mask")                                                 \
    /* the objects (spec/mask.md) */                                                         \
    X(NEW, "new", "new", ON_SSL, ARG_NONE, RES_OK, CLASS_OBJECT, pre_always, model_new,      \
      real_new, "%t = SSL_new(%C)", "MASK-07",                                               \
      "`ok` (`SSL_new` from cctx for client and cdup, from sctx for server and sdup)")       \
    X(FREE, "free", "free", ON_SSL, ARG_NONE, RES_OK, CLASS_OBJECT, pre_object, model_free,  \
      real_free, "SSL_free(%t)", "MASK-11", "`ok`")                                          \
    X(CLEAR, "clear", "clear", ON_SSL, ARG_NONE, RES_INT, CLASS_OBJECT, pre_object,          \
      model_clear, real_clear, "SSL_clear(%t)", "MASK-09 READ-05",                           \
      "`SSL_clear`'s return (0 while a renegotiation is pending, spec/read.md READ-05; "     \
      "the model then stops following the pair's connection: `new` it, "                   \
      "spec/divergences.md D12)")                                                            \
    X(SET_CTX, "set_ctx", "set_ctx cctx|sctx", ON_SSL, ARG_CTX, RES_CTX, CLASS_OBJECT,       \
      pre_object, model_set_ctx, real_set_ctx, "SSL_set_SSL_CTX(%t, %x)", "MASK-08",         \
      "the context returned")                                                                \
    X(GET_CTX, "get_ctx", "get_ctx", ON_SSL, ARG_NONE, RES_CTX, CLASS_OBJECT, pre_object,    \
      model_get_ctx, real_get_ctx, "SSL_get_SSL_CTX(%t)", "MASK-08 MASK-10", "the context")  \
    X(DUP, "dup", "dup", ON_PAIR_SSL, ARG_NONE, RES_DUP, CLASS_OBJECT, pre_object,           \
      model_dup, real_dup, "%d = SSL_dup(%t)", "MASK-10 MASK-11",                            \
      "`new` or `same` (the copy goes to cdup or sdup)")                                     \
    X(READ_AHEAD, "read_ahead", "read_ahead 0|1", ON_SSL, ARG_COUNT, RES_OK, CLASS_OBJECT,   \
      pre_setting, model_read_ahead_call, real_read_ahead, "SSL_set_read_ahead(%t, %a)",     \
      "READ-04", "`ok` (the executor compares `SSL_get_read_ahead` of every SSL after each " \
      "step)")                                                                               \
    X(NO_RENEG, "no_renegotiation", "no_renegotiation 0|1", ON_SSL, ARG_COUNT, RES_OK,       \
      CLASS_OBJECT, pre_setting, model_no_reneg_call, real_no_reneg,                         \
      "%O(%t, SSL_OP_NO_RENEGOTIATION)", "READ-06",                                          \
      "`ok` (1: `SSL_set_options`, 0: `SSL_clear_options`; the executor compares the "      \
      "option of every SSL after each step)")                                                \
    X(SET_MSF, "set max_send_fragment", "set max_send_fragment N", ON_NONE, ARG_COUNT,       \
      RES_INT, CLASS_OBJECT, pre_set_msf, model_set_msf, real_set_msf,                       \
      "SSL_CTX_set_max_send_fragment(cctx and sctx, %a), SSL_set_max_send_fragment(every "   \
      "SSL, %a)", "WRITE-01",                                                                \
      "1 when every object took it (before `connect` only, spec/divergences.md D1)")         \
    X(CONNECT, "connect", "connect", ON_NONE, ARG_NONE, RES_INT, CLASS_OBJECT, pre_connect,  \
      model_connect, real_connect,                                                           \
      "SSL_new as needed, then SSL_do_handshake(client), SSL_do_handshake(server) until "    \
      "done", "MASK-07 MASK-12", "`1` when both sides finished")                             \
    X(HELLO, "hello", "hello", ON_NONE, ARG_NONE, RES_HELLO, CLASS_OBJECT, pre_always,       \
      model_hello, real_hello,                                                               \
      "SSL_new(cctx), SSL_new(sctx), SSL_do_handshake on both until done",                   \
      "HELLO-01..HELLO-06",                                                                  \
      "one handshake between `SSL_new(cctx)` and `SSL_new(sctx)`, then both are freed: "    \
      "what the wire and both sides showed (spec/hello.md)")                                 \
    /* the write path (spec/write.md) and the read side (spec/read.md) */                    \
    X(WRITE, "write", "write N [from B[+O]]", ON_PAIR_SSL, ARG_LENGTH_FROM, RES_IO,          \
      CLASS_IO, pre_write, model_write, real_write, "SSL_write(%t, %b + %o, %a)",            \
      "WRITE-01..WRITE-12, WRITE-17", "`SSL_write`'s result")                                \
    X(WRITE_EX, "write_ex", "write_ex N [from B[+O]]", ON_PAIR_SSL, ARG_LENGTH_FROM, RES_IO, \
      CLASS_IO, pre_write, model_write, real_write,                                          \
      "SSL_write_ex(%t, %b + %o, %a, &written)", "WRITE-01..WRITE-12, WRITE-17",             \
      "`SSL_write_ex`'s result, then `written=N`")                                           \
    X(READ, "read", "read N", ON_PAIR_SSL, ARG_COUNT, RES_IO, CLASS_IO, pre_read,            \
      model_read, real_read, "SSL_read(%t, buf, %a)",                                        \
      "WRITE-13 WRITE-14 READ-01 READ-04 READ-05 READ-06",                                   \
      "`SSL_read`'s result (at most N bytes), and where the bytes came from")                \
    X(READ_EX, "read_ex", "read_ex N", ON_PAIR_SSL, ARG_COUNT, RES_IO, CLASS_IO, pre_read,   \
      model_read_ex, real_read_ex, "SSL_read_ex(%t, buf, %a, &readbytes)", "READ-07",           \
      "`SSL_read_ex`'s result, then `read=N`, and where the bytes came from")               \
    X(PEEK, "peek", "peek N", ON_PAIR_SSL, ARG_COUNT, RES_IO, CLASS_IO, pre_read, model_read,  \
      real_peek, "SSL_peek(%t, buf, %a)", "READ-09",                                          \
      "`SSL_peek`'s result: what `read N` would return, the bytes left to read again")       \
    X(DRAIN, "drain", "drain", ON_PAIR_SSL, ARG_NONE, RES_IO, CLASS_IO, pre_read,            \
      model_drain, real_drain, "SSL_read(%t, buf, 16384) until it returns <= 0",             \
      "WRITE-13 WRITE-14 READ-01 READ-04 READ-05 READ-06",                                   \
      "the total, and the last read's error")                                                \
    X(KEY_UPDATE, "key_update", "key_update [requested]", ON_PAIR_SSL, ARG_OPT_REQUESTED,    \
      RES_IO, CLASS_IO, pre_io, model_key_update, real_key_update,                           \
      "SSL_key_update(%t, SSL_KEY_UPDATE_%r)", "WRITE-15", "`SSL_key_update`'s result")      \
    X(SHUTDOWN, "shutdown", "shutdown", ON_PAIR_SSL, ARG_NONE, RES_IO, CLASS_IO, pre_io,     \
      model_shutdown, real_shutdown, "SSL_shutdown(%t)",                                     \
      "WRITE-16 WRITE-17 READ-01 READ-05 READ-06", "`SSL_shutdown`'s result")                \
    X(RENEGOTIATE, "renegotiate", "renegotiate", ON_PAIR_SSL, ARG_NONE, RES_IO, CLASS_IO,    \
      pre_renegotiate, model_renegotiate, real_renegotiate, "SSL_renegotiate(%t)",           \
      "READ-05 READ-06",                                                                     \
      "`SSL_renegotiate`'s result: on `server` (TLS 1.2), `client` or `server` (TLS 1.3), "  \
      "`client` with `no_renegotiation 1` (TLS 1.2); a client's own renegotiation and "     \
      "what follows a ClientHello are outside the model (spec/divergences.md D11): the "    \
      "scenario stops with exit 2")                                                          \
    X(DO_HANDSHAKE, "do_handshake", "do_handshake", ON_PAIR_SSL, ARG_NONE, RES_IO, CLASS_IO, \
      pre_data, model_do_handshake, real_do_handshake, "SSL_do_handshake(%t)",                \
      "WRITE-18 WRITE-17 READ-05",                                                           \
      "`SSL_do_handshake`'s result: 1 with nothing to send, or once a KeyUpdate or "        \
      "HelloRequest is out; -1 while the transport is full, or on a dead SSL")              \
    X(FREE_BUFFERS, "free_buffers", "free_buffers", ON_PAIR_SSL, ARG_NONE, RES_INT,          \
      CLASS_IO, pre_io, model_free_buffers, real_free_buffers, "SSL_free_buffers(%t)",       \
      "READ-03", "`SSL_free_buffers`' result")                                               \
    X(ALLOC_BUFFERS, "alloc_buffers", "alloc_buffers", ON_PAIR_SSL, ARG_NONE, RES_INT,       \
      CLASS_IO, pre_io, model_alloc_buffers, real_alloc_buffers, "SSL_alloc_buffers(%t)",    \
      "READ-03", "`SSL_alloc_buffers`' result")                                              \
    /* observations of a connected SSL */                                                    \
    X(BUFFERS, "buffers", "buffers", ON_PAIR_SSL, ARG_NONE, RES_HELD, CLASS_OBSERVE, pre_observe, \
      model_buffers, real_buffers,                                                           \
      "(bytes of %t's record buffers, seen through CRYPTO_set_mem_functions)", "READ-02",    \
      "the record buffers the SSL holds, as `read=BYTES write=BYTES`")                       \
    X(PENDING, "pending", "pending", ON_PAIR_SSL, ARG_NONE, RES_INT, CLASS_OBSERVE, pre_observe, \
      model_pending, real_pending, "SSL_pending(%t)", "READ-08",                              \
      "`SSL_pending`'s result (the executor also compares it after every step)")             \
    X(HAS_PENDING, "has_pending", "has_pending", ON_PAIR_SSL, ARG_NONE, RES_INT,             \
      CLASS_OBSERVE, pre_observe, model_has_pending, real_has_pending, "SSL_has_pending(%t)",     \
      "READ-08", "`SSL_has_pending`'s result (the executor also compares it after every "   \
      "step)")                                                                               \
    X(GET_SHUTDOWN, "get_shutdown", "get_shutdown", ON_PAIR_SSL, ARG_NONE, RES_INT,          \
      CLASS_OBSERVE, pre_observe, model_get_shutdown, real_get_shutdown, "SSL_get_shutdown(%t)",  \
      "WRITE-16 READ-05 READ-06",                                                            \
      "`SSL_get_shutdown`'s result: 1 sent, 2 received, 3 both (the executor also "         \
      "compares it after every step)")                                                       \
    X(IN_TRANSPORT, "in_transport", "in_transport", ON_PAIR_SSL, ARG_NONE, RES_INT,          \
      CLASS_OBSERVE, pre_io, model_in_transport, real_in_transport,                          \
      "BIO_ctrl_pending(SSL_get_rbio(%t))", "WRITE-02 READ-04",                              \
      "the bytes the peer wrote that this SSL has not read")                                 \
    /* the harness's own: buffers (spec/write.md, WRITE-08, WRITE-10) */                     \
    X(BUF, "buf", "buf B SIZE [fill BYTE]", ON_NONE, ARG_BUF_NEW, RES_OK, CLASS_HARNESS,     \
      pre_buffers, model_buffer_op, real_none, "(the application's memory)", "WRITE-08",          \
      "`ok`: a new buffer at a new address, a byte pattern or one byte")                     \
    X(COPY, "copy", "copy B2 B1", ON_NONE, ARG_BUF_COPY, RES_OK, CLASS_HARNESS, pre_buffers, \
      model_buffer_op, real_none, "(the application's memory)", "WRITE-08",                       \
      "`ok`: B2 becomes a copy of B1 at a new address")                                      \
    X(FILL, "fill", "fill B BYTE", ON_NONE, ARG_BUF_FILL, RES_OK, CLASS_HARNESS, pre_buffers, \
      model_buffer_op, real_none, "(the application's memory)", "WRITE-10",                       \
      "`ok`: every byte of B changes in place (a new content version)")                      \
    /* the harness's own: the next connect or hello */                                       \
    X(SET_CAP, "set cap", "set cap N", ON_NONE, ARG_COUNT, RES_OK, CLASS_HARNESS, pre_cap,   \
      model_config_op, real_none, "BIO_new_bio_pair at connect", "WRITE-02",                      \
      "`ok`: the transport capacity of the next `connect` (default 65536)")                  \
    X(SET_VERSION, "set version", "set version 1.2|1.3", ON_NONE, ARG_VERSION, RES_OK,       \
      CLASS_HARNESS, pre_always, model_config_op, real_none,                                      \
      "SSL_set_min/max_proto_version at connect", "WRITE-01",                                \
      "`ok`: the next `connect` uses that version's default suite")                          \
    X(SET_CIPHER, "set cipher", "set cipher NAME", ON_NONE, ARG_CIPHER, RES_OK,              \
      CLASS_HARNESS, pre_always, model_config_op, real_none,                                      \
      "SSL_set_ciphersuites / SSL_set_cipher_list at connect", "WRITE-01",                   \
      "`ok`: the next `connect` uses that suite (and its version)")                          \
    X(SET_TICKETS, "set tickets", "set tickets N", ON_NONE, ARG_COUNT, RES_OK,               \
      CLASS_HARNESS, pre_tickets, model_config_op, real_none,                                     \
      "SSL_set_num_tickets(server) at connect", "READ-01",                                   \
      "`ok`: 0 to 8 session tickets the server sends at the next `connect` (TLS 1.3; "      \
      "default 0; they must fit the transport, spec/divergences.md D9)")                     \
    X(SET_CLIENT_VERSIONS, "set client_versions", "set client_versions R", ON_NONE,          \
      ARG_RANGE, RES_OK, CLASS_HARNESS, pre_range, model_config_op, real_none,                    \
      "SSL_set_min/max_proto_version at hello", "HELLO-03",                                  \
      "`ok`: the client's version range at the next `hello`: `1.2`, `1.3` or `1.2-1.3` "    \
      "(default 1.2-1.3, spec/divergences.md D5)")                                           \
    X(SET_SERVER_VERSIONS, "set server_versions", "set server_versions R", ON_NONE,          \
      ARG_RANGE, RES_OK, CLASS_HARNESS, pre_range, model_config_op, real_none,                    \
      "SSL_set_min/max_proto_version at hello", "HELLO-03",                                  \
      "`ok`: the server's version range at the next `hello`, as for the client")

#endif
