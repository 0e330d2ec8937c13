#!/bin/bash -eu
# .clusterfuzzlite/build.sh: builds sslmode's fuzz targets for ClusterFuzzLite
# (and OSS-Fuzz). It runs in the project's directory (the Dockerfile's
# WORKDIR, $SRC/sslmode) with the variables the engine sets:
#   CC, CXX, CFLAGS, CXXFLAGS  the compilers and their flags (a sanitizer and
#                              -fsanitize=fuzzer-no-link)
#   LIB_FUZZING_ENGINE         what links libFuzzer
#   SRC, WORK, OUT             the sources, a scratch directory, the output
# OpenSSL: when OPENSSL_SRC names an OpenSSL 3.0 source tree (the Dockerfile
# sets it: the engine's Ubuntu ships 1.1.1), it is built first into
# $WORK/openssl, without sanitizers, as Debian's libssl is; otherwise the
# system's libssl-dev is used. Either way it is linked statically: the
# engine runs the targets in another image, without libssl.
# For each target (fuzz/target_TARGET.c, the Makefile's FUZZ_TARGETS), $OUT
# gets:
#   TARGET                        the binary
#   TARGET_seed_corpus.zip        its seeds (tests/seeds.sh)
#   TARGET.dict, TARGET.options   fuzz/dict/TARGET.dict, fuzz/options/TARGET.options
# tests/cflite.sh (make cflite-check) runs this as the engine would, without
# the engine.
set -o pipefail

[ -f Makefile ] && [ -f fuzz/target.c ] ||
  { echo "build.sh: run me in sslmode's directory (the Dockerfile's WORKDIR), not $PWD" >&2; exit 1; }
case $PWD/ in
  "$SRC"/*) ;;
  *) echo "build.sh: the project ($PWD) is not under \$SRC ($SRC)" >&2; exit 1 ;;
esac
mkdir -p "$WORK" "$OUT"

inc="" libdir=""
if [ -n "${OPENSSL_SRC:-}" ]; then
  ossl=$WORK/openssl
  if [ ! -f "$ossl/lib/libssl.a" ]; then
    echo "build.sh: building OpenSSL from $OPENSSL_SRC into $ossl"
    rm -rf "$WORK/openssl-build" && mkdir -p "$WORK/openssl-build"
    # Its own flags, not the engine's: Debian's libssl has no sanitizer
    # either. Debian builds it with security level 2 by default.
    (cd "$WORK/openssl-build" &&
     env -u CFLAGS -u CXXFLAGS -u LDFLAGS "$OPENSSL_SRC/Configure" linux-x86_64 no-shared \
       no-tests -DOPENSSL_TLS_SECURITY_LEVEL=2 --prefix="$ossl" --libdir=lib >/dev/null &&
     env -u CFLAGS -u CXXFLAGS -u LDFLAGS make -s -j"$(nproc)" build_libs >/dev/null &&
     make -s install_dev >/dev/null)
  fi
  inc="-I$ossl/include" libdir="-L$ossl/lib"
fi

echo "build.sh: building the fuzz targets with CC=$CC CFLAGS=$CFLAGS"
make -s -j"$(nproc)" engine-fuzz B="$WORK/build" CC="$CC" \
  CFLAGS="-std=c11 -Wall -Wextra -D_GNU_SOURCE $inc" ENGINE_CFLAGS="$CFLAGS" \
  ENGINE_LD="$CXX $CXXFLAGS" LIB_FUZZING_ENGINE="$LIB_FUZZING_ENGINE" \
  LDLIBS="$libdir -l:libssl.a -l:libcrypto.a -ldl -pthread"

for bin in "$WORK"/build/engine/*; do
  t=$(basename "$bin")
  cp "$bin" "$OUT/$t"
  rm -rf "$WORK/seeds/$t"
  n=$(./tests/seeds.sh "$t" "$WORK/seeds/$t")
  rm -f "$OUT/${t}_seed_corpus.zip"
  (cd "$WORK/seeds/$t" && zip -q -r "$OUT/${t}_seed_corpus.zip" .)
  cp "fuzz/dict/$t.dict" "$OUT/$t.dict"
  cp "fuzz/options/$t.options" "$OUT/$t.options"
  echo "build.sh: $OUT/$t, ${t}_seed_corpus.zip ($n inputs), $t.dict, $t.options"
done
