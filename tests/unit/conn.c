/* tests/unit/conn.c: conn_check, the C twin of conn_ok, on states the model
 * reaches and on states that break one part of the invariant each. The
 * proofs show that conn_check equals the predicate; these show, on concrete
 * states, that each part of it can refuse (the fuzz harness runs it after
 * every step, where it always accepts). */
#include "../../model/conn.h"
#include "check.h"

/* The settings and the read of a call, as the harness passes them. */
static struct io_settings io(uint32_t mode, int read_ahead, int no_reneg)
{
    struct io_settings t = { mode, read_ahead, no_reneg };
    return t;
}

static struct read_call reading(uint32_t max)
{
    struct read_call r = { max, 0 };
    return r;
}

static struct model_conn fresh(void)
{
    struct conn_params p = { 1, { 22, 1, 0 }, 1000, { { 16384, 16384 }, { 16384, 16384 } }, 0, 57, { 0, 0 } };
    return conn_init(p);
}

/* READ-01: what conn_init puts in flight, and what a read makes of it. */
static void tickets(void)
{
    struct conn_params p = { 1, { 22, 1, 0 }, 1000, { { 16384, 16384 }, { 16384, 16384 } }, 3, 57, { 0, 0 } };
    struct model_conn c = conn_init(p);
    CHECK(c.pipe[SIDE_SERVER].count == 3 && c.pipe[SIDE_SERVER].fill == 3 * 79 &&
              c.pipe[SIDE_CLIENT].count == 0 && conn_check(c),
          "3 stateful tickets: 237 bytes in flight to the client, in 3 records");
    struct conn_step st = conn_read(c, SIDE_CLIENT, io(0, 0, 0), reading(100));
    CHECK(st.r.ret == -1 && st.r.err == ERRC_WANT_READ && st.r.msgs == 1 &&
              st.c.pipe[SIDE_SERVER].count == 2,
          "without AUTO_RETRY a read processes one ticket and wants to read");
    st = conn_read(c, SIDE_CLIENT, io(MODE_AUTO_RETRY, 0, 0), reading(100));
    CHECK(st.r.ret == -1 && st.r.err == ERRC_WANT_READ && st.c.pipe[SIDE_SERVER].count == 0,
          "with AUTO_RETRY a read processes all three, then wants to read");
}

/* READ-02, READ-03: the record buffers after connect, and SSL_free_buffers
 * refusing while part of a record is read. */
static void buffers(void)
{
    struct conn_params p = { 1, { 22, 1, 0 }, 1000, { { 16384, 16384 }, { 16384, 16384 } }, 0, 57,
                             { MODE_RELEASE_BUFFERS, 0 } };
    struct model_conn c = conn_init(p);
    CHECK(c.end[SIDE_CLIENT].rbuf == 0 && c.end[SIDE_CLIENT].wbuf == 0 &&
              c.end[SIDE_SERVER].rbuf == 1 && c.end[SIDE_SERVER].wbuf == 1,
          "after connect, each side holds both buffers unless its mask has RELEASE_BUFFERS");
    struct write_call w = { { 0, 0, 0 }, 3000, 0 };
    struct conn_step st = conn_write(c, SIDE_CLIENT, io(MODE_RELEASE_BUFFERS, 0, 0), w);
    st = conn_read(st.c, SIDE_SERVER, io(MODE_RELEASE_BUFFERS, 0, 0), reading(100));
    CHECK(st.c.pipe[SIDE_CLIENT].taken == 1000 && st.c.end[SIDE_SERVER].rbuf == 1,
          "a read that took part of a record keeps the read buffer");
    CHECK(conn_free_buffers(st.c, SIDE_SERVER).r.ret == 0,
          "SSL_free_buffers refuses while part of a record is read");
    CHECK(conn_free_buffers(st.c, SIDE_CLIENT).r.ret == 0,
          "SSL_free_buffers refuses while a record is pending");
    struct model_conn b = st.c;
    b.end[SIDE_SERVER].rbuf = 0;
    CHECK(!conn_check(b), "refused: part of a record read without a read buffer (conn_ok)");
    b = st.c;
    b.end[SIDE_CLIENT].wbuf = 0;
    CHECK(!conn_check(b), "refused: a record pending without a write buffer (end_buffers_ok)");
    b = st.c;
    b.end[SIDE_CLIENT].rbuf = 2;
    CHECK(!conn_check(b), "refused: a buffer flag neither 0 nor 1 (end_buffers_ok)");
    b = c;
    b.end[SIDE_CLIENT].held = HELD_TICKET;
    CHECK(!conn_check(b), "refused: a message held without a read buffer (end_buffers_ok)");
}

/* READ-04: three records of 122 bytes in flight; one read with and without
 * read_ahead (tests/scenarios/read-04-read-ahead.scn has OpenSSL's answers). */
static void read_ahead(void)
{
    struct model_conn c = fresh();
    struct write_call w = { { 0, 0, 0 }, 100, 0 };
    for (int i = 0; i < 3; i++)
        c = conn_write(c, SIDE_SERVER, io(0, 0, 0), w).c;
    CHECK(c.pipe[SIDE_SERVER].fill == 366, "three writes of 100 bytes: 366 bytes in flight");
    struct conn_step st = conn_read(c, SIDE_CLIENT, io(MODE_AUTO_RETRY, 0, 0), reading(1000));
    CHECK(st.r.ret == 100 && st.c.pipe[SIDE_SERVER].fill == 244 &&
              st.c.pipe[SIDE_SERVER].taken == 0,
          "without read_ahead a read takes one record");
    st = conn_read(c, SIDE_CLIENT, io(MODE_AUTO_RETRY, 1, 0), reading(1000));
    CHECK(st.r.ret == 100 && st.c.pipe[SIDE_SERVER].fill == 0 &&
              st.c.pipe[SIDE_SERVER].taken == 244 && conn_check(st.c),
          "with read_ahead it takes all three and keeps two in its buffer");
    CHECK(conn_free_buffers(st.c, SIDE_CLIENT).r.ret == 0,
          "SSL_free_buffers refuses while records are read ahead");
    st = conn_read(st.c, SIDE_CLIENT, io(MODE_AUTO_RETRY | MODE_RELEASE_BUFFERS, 0, 0), reading(1000));
    CHECK(st.r.ret == 100 && st.c.pipe[SIDE_SERVER].taken == 122 && st.c.end[SIDE_CLIENT].rbuf == 1,
          "the next read takes the second from the buffer, which RELEASE_BUFFERS keeps");
    struct model_conn b = st.c;
    b.end[SIDE_CLIENT].rbuf = 0;
    CHECK(!conn_check(b), "refused: records read ahead without a read buffer (conn_ok)");
}

/* READ-05: a TLS 1.2 pair (shape of AES-GCM); the server's HelloRequest, and
 * a client that has sent close_notify dropping it
 * (tests/scenarios/read-05-hello-request.scn has OpenSSL's answers). */
static void hello_request(void)
{
    struct conn_params p = { 0, { 29, 1, 0 }, 1000, { { 16384, 16384 }, { 16384, 16384 } }, 0, 0, { 0, 0 } };
    struct model_conn c = conn_init(p);
    struct conn_step st = conn_renegotiate(c, SIDE_SERVER, io(0, 0, 0));
    CHECK(st.r.ret == 1 && st.c.end[SIDE_SERVER].reneg_pending == 1 &&
              st.c.pipe[SIDE_SERVER].fill == 0,
          "SSL_renegotiate marks the request and sends nothing");
    c = conn_shutdown(st.c, SIDE_CLIENT, io(0, 0, 0)).c;
    struct write_call w = { { 0, 0, 0 }, 5, 0 };
    st = conn_write(c, SIDE_SERVER, io(0, 0, 0), w);
    CHECK(st.r.ret == 5 && st.c.pipe[SIDE_SERVER].fill == 33 + 34 &&
              st.c.end[SIDE_SERVER].in_init == 0 && st.c.end[SIDE_SERVER].reneg == 0,
          "the next write sends the HelloRequest (33 bytes) ahead of the data");
    struct conn_step rd = conn_read(st.c, SIDE_CLIENT, io(0, 1, 0), reading(100));
    CHECK(rd.r.ret == -1 && rd.r.err == ERRC_WANT_READ && rd.r.ignored == HR_DROPPED &&
              rd.c.pipe[SIDE_SERVER].taken == 34,
          "without AUTO_RETRY the client drops it with WANT_READ, data buffered or not");
    rd = conn_read(st.c, SIDE_CLIENT, io(MODE_AUTO_RETRY, 0, 0), reading(100));
    CHECK(rd.r.ret == 5 && rd.r.ignored == HR_DROPPED, "with AUTO_RETRY it drops it and reads on");
    st = conn_renegotiate(conn_init((struct conn_params){ 1, { 22, 1, 0 }, 1000,
                                                          { { 16384, 16384 }, { 16384, 16384 } }, 0, 0, { 0, 0 } }),
                          SIDE_CLIENT, io(0, 0, 0));
    CHECK(st.r.ret == 0 && st.r.reason == REASON_WRONG_SSL_VERSION,
          "TLS 1.3 refuses SSL_renegotiate");
}

/* READ-06: a client with SSL_OP_NO_RENEGOTIATION refuses the HelloRequest
 * with a warning alert (31 bytes with AES-GCM), the server dies with a fatal
 * alert, the client reads it (tests/scenarios/read-06-no-renegotiation.scn
 * has OpenSSL's answers). */
static void refusal(void)
{
    struct conn_params p = { 0, { 29, 1, 0 }, 1000, { { 16384, 16384 }, { 16384, 16384 } }, 0, 0, { 0, 0 } };
    struct model_conn c = conn_init(p);
    struct conn_step st = conn_renegotiate(c, SIDE_CLIENT, io(0, 0, 1));
    CHECK(st.r.ret == 0 && st.r.reason == REASON_NO_RENEGOTIATION &&
              st.c.end[SIDE_CLIENT].reneg_pending == 0,
          "SSL_renegotiate with the option fails and changes nothing");
    st = conn_renegotiate(c, SIDE_SERVER, io(0, 0, 0));
    st = conn_read(st.c, SIDE_SERVER, io(MODE_AUTO_RETRY, 0, 0), reading(100));
    CHECK(st.r.ret == -1 && st.c.pipe[SIDE_SERVER].fill == 33, "the server's read sends it");
    struct conn_step rd = conn_read(st.c, SIDE_CLIENT, io(0, 0, 1), reading(100));
    CHECK(rd.r.ret == -1 && rd.r.err == ERRC_WANT_READ && rd.r.ignored == HR_REFUSED &&
              rd.c.pipe[SIDE_CLIENT].fill == 31 && rd.c.end[SIDE_CLIENT].dead == 0,
          "the client refuses with a 31-byte warning, WANT_READ without AUTO_RETRY");
    struct conn_step sv = conn_read(rd.c, SIDE_SERVER, io(MODE_AUTO_RETRY, 0, 0), reading(100));
    CHECK(sv.r.ret == -1 && sv.r.err == ERRC_SSL && sv.r.reason == REASON_NO_RENEGOTIATION &&
              sv.c.end[SIDE_SERVER].dead == 1 && sv.c.pipe[SIDE_SERVER].fill == 31,
          "the server dies, and sends a 31-byte fatal alert");
    rd = conn_read(sv.c, SIDE_CLIENT, io(MODE_AUTO_RETRY, 0, 1), reading(100));
    CHECK(rd.r.ret == 0 && rd.r.err == ERRC_SSL &&
              rd.r.reason == REASON_ALERT_HANDSHAKE_FAILURE && rd.c.end[SIDE_CLIENT].dead == 1 &&
              rd.c.end[SIDE_CLIENT].received_shutdown == 1,
          "the client reads the fatal alert: 0, reason 1040, dead, received");
}

/* READ-05: without the option the client renegotiates: inside the read it
 * sends a 359-byte ClientHello (AES-GCM; 361 with the SCSV) and says
 * WANT_READ, with AUTO_RETRY and without (read-05-hello-request.scn). */
static void accepted(void)
{
    struct conn_params p = { 0, { 29, 1, 0 }, 1000, { { 16384, 16384 }, { 16384, 16384 } }, 0, 0, { 0, 0 } };
    struct conn_step st = conn_renegotiate(conn_init(p), SIDE_SERVER, io(0, 0, 0));
    st = conn_read(st.c, SIDE_SERVER, io(MODE_AUTO_RETRY, 0, 0), reading(100));
    uint32_t modes[3] = { MODE_AUTO_RETRY, 0, MODE_SEND_FALLBACK_SCSV | MODE_RELEASE_BUFFERS };
    uint32_t wire[3] = { 359, 359, 361 };
    for (int i = 0; i < 3; i++) {
        struct conn_step rd = conn_read(st.c, SIDE_CLIENT, io(modes[i], 0, 0), reading(100));
        const struct end *e = &rd.c.end[SIDE_CLIENT];
        int held = (modes[i] & MODE_RELEASE_BUFFERS) ? 0 : 1;
        CHECK(rd.r.ret == -1 && rd.r.err == ERRC_WANT_READ && rd.r.ignored == HR_ACCEPTED &&
                  rd.c.pipe[SIDE_CLIENT].fill == wire[i] && e->in_init == 1 &&
                  e->hello_sent == 1 && e->reneg_pending == 1 && e->rbuf == held &&
                  e->wbuf == held && conn_check(rd.c),
              "the client sends its ClientHello and says WANT_READ, whatever AUTO_RETRY");
    }
    struct conn_step rd = conn_read(st.c, SIDE_CLIENT, io(MODE_AUTO_RETRY, 0, 0), reading(100));
    struct conn_step sv = conn_read(rd.c, SIDE_SERVER, io(MODE_AUTO_RETRY, 0, 0), reading(100));
    CHECK(sv.r.reason == REASON_MODEL_RENEG, "the server reading the ClientHello leaves the model");
    sv = conn_shutdown(rd.c, SIDE_CLIENT, io(MODE_AUTO_RETRY, 0, 0));
    CHECK(sv.r.ret == -1 && sv.r.reason == REASON_SHUTDOWN_WHILE_IN_INIT,
          "SSL_shutdown while the client waits: SHUTDOWN_WHILE_IN_INIT");
    st = conn_write(st.c, SIDE_SERVER, io(MODE_AUTO_RETRY, 0, 0), (struct write_call){ { 0, 0, 0 }, 5, 0 });
    rd = conn_read(st.c, SIDE_CLIENT, io(MODE_AUTO_RETRY, 0, 0), reading(100));
    CHECK(rd.r.reason == REASON_MODEL_RENEG, "a record behind the HelloRequest leaves the model");
}

int main(void)
{
    tickets();
    buffers();
    read_ahead();
    hello_request();
    refusal();
    accepted();
    struct model_conn c = fresh();
    CHECK(conn_check(c), "conn_check accepts a connection just made");

    /* A write that leaves a record pending: 3000 bytes into 1000. */
    struct write_call w = { { 0, 0, 0 }, 3000, 0 };
    struct conn_step st = conn_write(c, SIDE_CLIENT, io(0, 0, 0), w);
    CHECK(st.r.ret == -1 && st.r.err == ERRC_WANT_WRITE && st.c.end[0].pend_left == 3022 - 1000,
          "a 3000-byte write into 1000 bytes of transport leaves 2022 bytes pending");
    CHECK(conn_check(st.c), "conn_check accepts a connection with a record pending");

    struct model_conn b;
    b = fresh(); b.shape.block = 8;
    CHECK(!conn_check(b), "refused: a record shape with block 8");
    b = fresh(); b.tls13 = 2;
    CHECK(!conn_check(b), "refused: tls13 neither 0 nor 1");
    b = fresh(); b.end[1].frag.split = 100;
    CHECK(!conn_check(b), "refused: split_send_fragment below 512 (end_bounds)");
    b = fresh(); b.end[0].rwstate = 0;
    CHECK(!conn_check(b), "refused: an unknown rwstate (end_bounds)");
    b = st.c; b.end[0].hs_left = 5;
    CHECK(!conn_check(b), "refused: a record pending and a KeyUpdate to flush (end_write_ok)");
    b = fresh(); b.end[0].in_init = 1;
    CHECK(!conn_check(b), "refused: in init with nothing to write and not dead (end_write_ok)");
    b = fresh(); b.end[0].dead = 1;
    CHECK(!conn_check(b), "refused: dead without in init (end_write_ok)");
    b = fresh(); b.end[0].wnum = 10;
    CHECK(!conn_check(b), "refused: bytes of a request out with nothing pending (end_write_ok)");
    b = st.c; b.end[0].pend_type = REC_CLOSE;
    CHECK(!conn_check(b), "refused: a close_notify pending before shutdown (end_write_ok)");
    b = fresh(); b.end[1].held = 4;
    CHECK(!conn_check(b), "refused: an unknown held message (end_bounds)");
    b = st.c; b.end[0].pend_type = REC_FATAL;
    CHECK(!conn_check(b), "refused: a fatal alert pending on a live SSL (end_write_ok)");
    b = st.c; b.end[0].pend_type = REC_NO_RENEG;
    CHECK(!conn_check(b), "refused: a warning alert pending (end_write_ok)");
    b = fresh(); b.pipe[1].rec[0].type = REC_CLIENT_HELLO + 1;
    CHECK(!conn_check(b), "refused: an unknown record type (record_ok)");
    b = fresh(); b.end[1].reneg = 2;
    CHECK(!conn_check(b), "refused: a renegotiation flag other than 0 or 1 (end_reneg_ok)");
    b = fresh(); b.end[1].hello_req = 1;
    CHECK(!conn_check(b), "refused: a HelloRequest to make outside init (end_reneg_ok)");
    b = fresh(); b.end[1].hello_req = 1; b.end[1].in_init = 1; b.end[1].dead = 1;
    CHECK(!conn_check(b), "refused: a HelloRequest to make on a dead SSL (end_reneg_ok)");
    b = fresh(); b.end[0].hello_sent = 1; b.end[0].reneg_pending = 1;
    CHECK(!conn_check(b), "refused: a ClientHello out outside init (end_reneg_ok)");
    b.end[0].in_init = 1;
    CHECK(conn_check(b), "conn_check accepts a client waiting for the ServerHello");
    b.end[0].reneg_pending = 0;
    CHECK(!conn_check(b), "refused: a ClientHello out with no request pending (end_reneg_ok)");
    b = fresh(); b.end[1].data_left = 10; b.end[1].held = 1;
    CHECK(!conn_check(b), "refused: plaintext to return and a message held (end_ok)");
    b = fresh(); b.pipe[0].fill = 1001;
    CHECK(!conn_check(b), "refused: more bytes in the transport than it holds (pipe_ok)");
    b = fresh(); b.pipe[1].head = REC_MAX;
    CHECK(!conn_check(b), "refused: ring head out of range (pipe_ok)");
    b = st.c; b.pipe[0].taken = WIRE_MAX + 1;
    CHECK(!conn_check(b), "refused: more bytes in the reader's buffer than any read takes (pipe_ok)");
    b = fresh(); b.pipe[1].rec[REC_MAX - 1].wire = 0;
    CHECK(!conn_check(b), "refused: an unused ring slot that is not a record (record_ok)");
    CHECK_DONE();
}
