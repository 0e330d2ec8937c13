/* model/frag.c: the fragment setters. Contracts: frag.h. Follows OpenSSL
 * 3.0's ssl/ssl_lib.c (SSL_ctrl and SSL_CTX_ctrl,
 * SSL_CTRL_SET_MAX_SEND_FRAGMENT). */
#include "frag.h"

int frag_ok(long v)
{
    return v >= MSF_MIN && v <= MSF_MAX;
}

int frag_check(struct frag f)
{
    return MSF_MIN <= f.split && f.split <= f.msf && f.msf <= MSF_MAX;
}

struct frag frag_set(struct frag f, long v)
{
    f.msf = (uint32_t) v;
    if (f.split > f.msf)
        f.split = f.msf;
    return f;
}
