#!/bin/sh
# spec/tools/mkman.sh: prints spec/SSL_CTX_set_mode.3, the corrected man page
# rendered from spec/SSL_CTX_set_mode.pod. Every input of pod2man is pinned
# (name, section, centre, release, date), so the output depends on the POD
# and on Debian 12's pod2man (perl 5.36, Pod::Man 4.14) only.
set -eu
cd "$(dirname "$0")/.."
exec pod2man --name=SSL_CTX_set_mode --section=3ossl --center=OpenSSL \
  --release=3.0.22 --date=2026-12-06 --utf8 SSL_CTX_set_mode.pod
