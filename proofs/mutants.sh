#!/usr/bin/env bash
# proofs/mutants.sh (make mutants): each patch in proofs/mutants/ plants a bug
# in the model. Each must be caught three times over:
#   - WP: not every goal is proved;
#   - the fuzzer: the target finds a mismatch within MUTANT_FUZZ_SECONDS,
#     from an empty corpus, or else from a copy of the committed one (the
#     table says which, and the time it took);
#   - the scenarios: `sslmode run tests/scenarios/*.scn` exits 1.
# A patch's header may say where its bug is (lines before the diff):
#   wp-fct: f,g     WP on functions f and g only (the rest is unchanged,
#                   and proving all of conn.c takes minutes)
#   wp-file: F      the file those functions are in (default: model/conn.c)
#   target: write   the fuzz target to run (default: mask)
# Without them: WP on the mask model (mode.c, world.c, laws), target mask.
# Prints a table; exits 1 if any mutant escapes any of the three.
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${MUTANT_FUZZ_SECONDS:-120}
root=$PWD
escaped=0
printf '| mutant | WP | fuzzer | scenarios |\n|---|---|---|---|\n'
# MUTANTS=GLOB picks some, e.g. MUTANTS='write-*'.
for patch in proofs/mutants/${MUTANTS:-*}.patch; do
  name=$(basename "$patch" .patch)
  w=build/mutants/$name
  rm -rf "$w"; mkdir -p "$w"
  cp -r Makefile model fuzz tests proofs .ci "$w"/
  (cd "$w" && patch -s -p1 <"$root/$patch") || { echo "| $name | patch does not apply | | |"; escaped=1; continue; }

  fct=$(sed -n 's/^wp-fct: *//p' "$patch" | head -1)
  target=$(sed -n 's/^target: *//p' "$patch" | head -1)
  target=${target:-mask}
  file=$(sed -n 's/^wp-file: *//p' "$patch" | head -1)
  if [ -n "$fct" ]; then wp_on=(-wp-fct "$fct" "${file:-model/conn.c}")
  else wp_on=(model/mode.c model/world.c model/laws/*.c); fi

  # WP (without smoke tests: they do not decide whether a contract holds).
  if (cd "$w" && WHY3CONFIG="$root/build/proofs/why3.conf" frama-c -c11 -cpp-extra-args=-Imodel \
        -wp -wp-rte -warn-unsigned-downcast -warn-unsigned-overflow -warn-signed-downcast \
        -wp-prover qed,z3,cvc4 -wp-timeout 10 -wp-par 2 \
        "${wp_on[@]}" >wp.log 2>&1); then
    sum=$(grep -E '^\[wp\] Proved goals:' "$w/wp.log" | sed -E 's/.*: *//')
    read -r p t < <(sed -E 's/ *\/ */ /' <<<"$sum")
    if [ -n "$p" ] && [ "$p" != "$t" ]; then
      wp="caught ($sum proved; first: $(grep -m1 -E '^\[wp\] \[(Failed|Unknown|Timeout)\]' "$w/wp.log" | sed -E 's/.*Goal typed_//'))"
    else wp="ESCAPED ($sum)"; escaped=1; fi
  else wp="frama-c failed"; escaped=1; fi

  # The fuzzer: first from an empty corpus; if that finds nothing in time,
  # from a copy of the committed corpus, as a fuzzing service runs it. The
  # table says which, and whether the corpus alone (its replay at start-up)
  # already showed the bug.
  fz= seeds="empty committed"
  (cd "$w" && make -s "build/fuzz-$target" >/dev/null 2>&1) || { fz="build failed; "; seeds=; }
  for seed in $seeds; do
    rm -rf "$w/corpus"; mkdir -p "$w/corpus"
    [ $seed = committed ] && cp "fuzz/corpus/$target"/* "$w/corpus"/
    start=$(date +%s%N)
    "$w/build/fuzz-$target" "$w/corpus" -max_total_time="$secs" -max_len=1024 \
      -artifact_prefix="$w/" -close_fd_mask=1 >"$w/fuzz-$seed.log" 2>&1
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    took="$((ms / 1000)).$((ms % 1000 / 100))"
    if grep -q '==== sslmode: OpenSSL and the model disagree' "$w/fuzz-$seed.log"; then
      how="fuzzing"; grep -q 'INITED' "$w/fuzz-$seed.log" || how="replaying the corpus"
      fz="${fz}caught in ${took}s from the $seed corpus, by $how ($(grep -m1 '^  differs:' "$w/fuzz-$seed.log" | sed 's/^  differs: //'))"
      break
    fi
    fz="${fz}not found in ${secs}s from the $seed corpus; "
  done
  case "$fz" in *caught*) ;; *) fz="ESCAPED: $fz"; escaped=1 ;; esac

  # The scenarios.
  # A run that fails must fail on an expectation, not for want of a build.
  if ! (cd "$w" && make -s build/sslmode >/dev/null 2>&1); then
    sc="ESCAPED: build failed"; escaped=1
  elif (cd "$w" && ./build/sslmode run -q tests/scenarios/*.scn >scenarios.log 2>&1); then
    sc="ESCAPED"; escaped=1
  elif ! grep -q ': FAIL$' "$w/scenarios.log"; then
    sc="ESCAPED: no file failed ($(tail -1 "$w/scenarios.log"))"; escaped=1
  else
    sc="caught ($(grep -c ': FAIL$' "$w/scenarios.log") of $(ls tests/scenarios/*.scn | wc -l) files fail)"
  fi
  printf '| %s | %s | %s | %s |\n' "$name" "$wp" "$target: $fz" "$sc"
done
[ $escaped -eq 0 ] && echo "mutants: every mutant caught by WP, the fuzzer and the scenarios" ||
  { echo "mutants: SOME MUTANT ESCAPED"; exit 1; }
