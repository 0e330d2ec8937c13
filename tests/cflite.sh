#!/usr/bin/env bash
# tests/cflite.sh (make cflite-check; tests/run.sh runs it too): the
# ClusterFuzzLite build, without the engine. Runs .clusterfuzzlite/build.sh
# with the variables set as the engine sets them for an ASan build (CC, CXX,
# CFLAGS, CXXFLAGS, LIB_FUZZING_ENGINE; OUT and WORK in build/cflite/; SRC the
# repository's parent), with the system's libssl-dev, then checks that:
#   - every fuzz/target_*.c has its binary in OUT, with ASan and libFuzzer
#     in it, and no libssl to load at run time;
#   - beside it are TARGET_seed_corpus.zip (the seeds of tests/seeds.sh),
#     TARGET.dict and TARGET.options, where the engine looks for them;
#   - each binary runs over its whole seed corpus, unzipped, with the
#     arguments its options file gives (as the engine passes them);
#   - the Dockerfile's OpenSSL is the version the tests run against.
# One PASS or FAIL line per check (tests/run.sh counts them); exit 1 on a
# failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
C=build/cflite
passed=0 failed=0
pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

export CC=clang CXX=clang++
export CFLAGS='-O1 -fno-omit-frame-pointer -gline-tables-only -fsanitize=address -fsanitize-address-use-after-scope -fsanitize=fuzzer-no-link'
export CXXFLAGS=$CFLAGS
export LIB_FUZZING_ENGINE=-fsanitize=fuzzer
export OUT=$root/$C/out WORK=$root/$C/work SRC=${root%/*}
unset OPENSSL_SRC
rm -rf "$OUT" "$C/seeds" "$C/runs"  # WORK is kept: its objects make a second run quick
mkdir -p "$OUT" "$WORK"

SECONDS=0
if .clusterfuzzlite/build.sh >"$C/build.log" 2>&1; then
  pass "cflite: .clusterfuzzlite/build.sh as the engine runs it (ASan, SRC=$SRC) built in ${SECONDS}s"
else
  fail "cflite: .clusterfuzzlite/build.sh failed (log: $C/build.log)"; tail -20 "$C/build.log"
fi

# The options file as the engine reads it: its [libfuzzer] section, each
# `key = value` a -key=value flag (dict relative to the binary).
options_args() {
  sed -n '/^\[libfuzzer\]/,/^\[/{/^ *\([a-z_]*\) *= *\(.*\)$/p}' "$1" |
    sed -E 's/^ *([a-z_]+) *= *(.*)$/\1 \2/' | while read -r k v; do
      [ "$k" = dict ] && v=$OUT/$v
      echo "-$k=$v"
    done
}

for src in fuzz/target_*.c; do
  t=${src#fuzz/target_}; t=${t%.c}
  bin=$OUT/$t
  # Where the engine looks, and what each file holds.
  problems=""
  [ -x "$bin" ] || problems="$problems [no binary $bin]"
  [ -x "$bin" ] && ! grep -q __asan_init "$bin" && problems="$problems [no ASan in $bin]"
  [ -x "$bin" ] && ! grep -q LLVMFuzzerRunDriver "$bin" && problems="$problems [no libFuzzer in $bin]"
  [ -x "$bin" ] && ldd "$bin" 2>/dev/null | grep -q 'libssl\|libcrypto' && problems="$problems [$bin loads libssl at run time]"
  zip=$OUT/${t}_seed_corpus.zip seeds=$C/seeds/$t
  mkdir -p "$seeds"
  if [ -f "$zip" ] && unzip -q -o "$zip" -d "$seeds" 2>/dev/null; then
    want=$(./tests/seeds.sh "$t" "$C/seeds/want-$t")
    got=$(find "$seeds" -type f | wc -l)
    [ "$got" -eq "$want" ] && [ "$got" -gt 0 ] || problems="$problems [$zip holds $got inputs, tests/seeds.sh gives $want]"
  else problems="$problems [no readable $zip]"; fi
  dict=$OUT/$t.dict opts=$OUT/$t.options
  entries=$(grep -cE '^[^#]*"' "$dict" 2>/dev/null)
  [ "${entries:-0}" -gt 0 ] || problems="$problems [no entries in $dict]"
  args=$( [ -f "$opts" ] && options_args "$opts")
  grep -q -- "^-max_len=[0-9]" <<<"$args" || problems="$problems [$opts gives no max_len]"
  grep -qx -- "-dict=$dict" <<<"$args" || problems="$problems [$opts does not name $t.dict]"
  if [ -z "$problems" ]; then
    pass "cflite $t: binary (ASan, libFuzzer, OpenSSL linked in), ${t}_seed_corpus.zip ($got inputs), $t.dict ($entries entries), $t.options ($(echo $args | sed "s|$OUT/||"))"
  else
    fail "cflite $t:$problems"; continue
  fi
  # Every seed once, no mutation (-runs=0), as the engine starts a run.
  mkdir -p "$C/runs"
  SECONDS=0
  # shellcheck disable=SC2086
  if "$bin" $args -runs=0 -print_final_stats=1 "$seeds" >"$C/runs/$t.log" 2>&1 &&
     n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$C/runs/$t.log") && [ "${n:-0}" -gt 0 ]; then
    pass "cflite $t: runs over its $got seeds, no crash, leak or mismatch ($n executions, ${SECONDS}s)"
  else
    fail "cflite $t: a run over its seed corpus failed (log: $C/runs/$t.log)"
    grep -A30 -E '==== sslmode|ERROR: ' "$C/runs/$t.log" | head -40
  fi
done

# The Dockerfile builds the OpenSSL the tests run against.
docker_v=$(sed -n 's/^ARG OPENSSL_VERSION=//p' .clusterfuzzlite/Dockerfile)
header_v=$(printf '#include <openssl/opensslv.h>\nOPENSSL_FULL_VERSION_STR\n' | cpp -P 2>/dev/null | tail -1 | tr -d '" ')
if [ -n "$docker_v" ] && [ "$docker_v" = "$header_v" ]; then
  pass "cflite: .clusterfuzzlite/Dockerfile builds OpenSSL $docker_v, the version of the system's libssl-dev"
else
  fail "cflite: .clusterfuzzlite/Dockerfile builds OpenSSL ${docker_v:-?}, the system's libssl-dev is ${header_v:-?} (set ARG OPENSSL_VERSION)"
fi

echo "cflite: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
