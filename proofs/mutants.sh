#!/usr/bin/env bash
# proofs/mutants.sh (make mutants): each patch in proofs/mutants/ plants a bug
# in the model. Each must be caught three times over:
#   - WP: not every goal is proved;
#   - the fuzzer: the target finds a mismatch from an empty corpus within
#     MUTANT_FUZZ_SECONDS (the time it took is printed);
#   - the scenarios: `sslmode run tests/scenarios/*.scn` exits 1.
# Prints a table; exits 1 if any mutant escapes any of the three.
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${MUTANT_FUZZ_SECONDS:-120}
root=$PWD
escaped=0
printf '| mutant | WP | fuzzer | scenarios |\n|---|---|---|---|\n'
for patch in proofs/mutants/*.patch; do
  name=$(basename "$patch" .patch)
  w=build/mutants/$name
  rm -rf "$w"; mkdir -p "$w"
  cp -r Makefile model fuzz tests proofs .ci "$w"/
  (cd "$w" && patch -s -p1 <"$root/$patch") || { echo "| $name | patch does not apply | | |"; escaped=1; continue; }

  # WP (without smoke tests: they do not decide whether a contract holds).
  if (cd "$w" && WHY3CONFIG="$root/build/proofs/why3.conf" frama-c -c11 -cpp-extra-args=-Imodel \
        -wp -wp-rte -warn-unsigned-downcast -warn-unsigned-overflow -warn-signed-downcast \
        -wp-prover qed,z3,cvc4 -wp-timeout 10 -wp-par 2 \
        model/mode.c model/world.c model/laws/*.c >wp.log 2>&1); then
    sum=$(grep -E '^\[wp\] Proved goals:' "$w/wp.log" | sed -E 's/.*: *//')
    read -r p t < <(sed -E 's/ *\/ */ /' <<<"$sum")
    if [ -n "$p" ] && [ "$p" != "$t" ]; then
      wp="caught ($sum proved; first: $(grep -m1 -E '^\[wp\] \[(Failed|Unknown|Timeout)\]' "$w/wp.log" | sed -E 's/.*Goal typed_//'))"
    else wp="ESCAPED ($sum)"; escaped=1; fi
  else wp="frama-c failed"; escaped=1; fi

  # The fuzzer, from an empty corpus.
  (cd "$w" && make -s build/fuzz-mask >/dev/null 2>&1)
  mkdir -p "$w/corpus"
  start=$(date +%s%N)
  "$w/build/fuzz-mask" "$w/corpus" -max_total_time="$secs" -artifact_prefix="$w/" \
    -close_fd_mask=1 >"$w/fuzz.log" 2>&1
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  took="$((ms / 1000)).$((ms % 1000 / 100))"
  if grep -q '==== sslmode: OpenSSL and the model disagree' "$w/fuzz.log"; then
    fz="caught in ${took}s ($(grep -m1 '^  differs:' "$w/fuzz.log" | sed 's/^  differs: //'))"
  else fz="ESCAPED (${secs}s)"; escaped=1; fi

  # The scenarios.
  (cd "$w" && make -s build/sslmode >/dev/null 2>&1)
  if (cd "$w" && ./build/sslmode run -q tests/scenarios/*.scn >scenarios.log 2>&1); then
    sc="ESCAPED"; escaped=1
  else
    sc="caught ($(grep -c ': FAIL$' "$w/scenarios.log") of $(ls tests/scenarios/*.scn | wc -l) files fail)"
  fi
  printf '| %s | %s | %s | %s |\n' "$name" "$wp" "$fz" "$sc"
done
[ $escaped -eq 0 ] && echo "mutants: every mutant caught by WP, the fuzzer and the scenarios" ||
  { echo "mutants: SOME MUTANT ESCAPED"; exit 1; }
