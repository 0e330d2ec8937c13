#!/usr/bin/env bash
# proofs/mutants.sh (make mutants): each patch in proofs/mutants/ plants a bug
# in the model. Each must be caught three times over:
#   - WP: not every goal is proved;
#   - the fuzzer: the target finds a mismatch within MUTANT_FUZZ_SECONDS,
#     from an empty corpus, or else from a copy of the committed one (the
#     table says which, and the time it took);
#   - the scenarios: `sslmode run tests/scenarios/*.scn` exits 1.
# A patch's header may say where its bug is (lines before the diff):
#   wp-fct: f,g     WP on functions f and g only (the rest of the file is
#                   unchanged)
#   wp-file: F      the file those functions are in (default: the files the
#                   patch changes)
#   target: write   the fuzz target to run (default: mask)
# Without wp-fct and wp-file: WP on the mask model (mode.c, world.c, laws),
# target mask. WP runs with the flags of make prove (proofs/wp.mk), without
# the smoke tests. MUTANT_STEPS='wp' (or any of wp, fuzz, scenarios) runs only
# those checks; the others are reported as not run.
# Prints a table per mutant, then a matrix per rule (every rule of
# spec/index.md): the mutants that plant a misreading of it (the rule IDs
# named in a patch's header) and which of WP, the fuzzer and the scenarios
# caught them all; a rule without a mutant says so. Exits 1 if any mutant
# escapes any check that ran.
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${MUTANT_FUZZ_SECONDS:-120}
steps=" ${MUTANT_STEPS:-wp fuzz scenarios} "
root=$PWD
# The WP flags: one place for every WP run (proofs/wp.mk).
read -ra wp_flags < <(make -s --no-print-directory -f proofs/wp.mk wp-flags)
mkdir -p build/proofs
export WHY3CONFIG="$root/build/proofs/why3.conf"
[ -s "$WHY3CONFIG" ] || why3 config detect >build/proofs/why3-detect.log 2>&1
escaped=0
declare -A caught_wp=() caught_fz=() caught_sc=() rules_of=()
printf '| mutant | WP | fuzzer | scenarios |\n|---|---|---|---|\n'
# MUTANTS=GLOB picks some, e.g. MUTANTS='write-*'.
for patch in proofs/mutants/${MUTANTS:-*}.patch; do
  name=$(basename "$patch" .patch)
  w=build/mutants/$name
  rm -rf "$w"; mkdir -p "$w"
  cp -r Makefile VERSION README.md doc model fuzz tests proofs .ci "$w"/
  (cd "$w" && patch -s -p1 <"$root/$patch") || { echo "| $name | patch does not apply | | |"; escaped=1; continue; }

  fct=$(sed -n 's/^wp-fct: *//p' "$patch" | head -1)
  target=$(sed -n 's/^target: *//p' "$patch" | head -1)
  target=${target:-mask}
  read -ra file < <(sed -n 's/^wp-file: *//p' "$patch" | head -1)
  [ ${#file[@]} -gt 0 ] || [ -z "$fct" ] || read -ra file < <(sed -n 's|^+++ b/\([^[:space:]]*\).*|\1|p' "$patch" | tr '\n' ' ')
  if [ ${#file[@]} -gt 0 ]; then wp_on=(${fct:+-wp-fct "$fct"} "${file[@]}")
  else wp_on=(model/mode.c model/world.c model/laws/*.c); fi

  # WP (without smoke tests: they do not decide whether a contract holds).
  if [[ $steps != *" wp "* ]]; then wp="not run"
  elif (cd "$w" && frama-c "${wp_flags[@]}" "${wp_on[@]}" >wp.log 2>&1); then
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
  if [[ $steps != *" fuzz "* ]]; then fz="not run"; seeds=
  else (cd "$w" && make -s "build/fuzz-$target" >/dev/null 2>&1) || { fz="build failed; "; seeds=; }; fi
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
  case "$fz" in *caught*|"not run") ;; *) fz="ESCAPED: $fz"; escaped=1 ;; esac

  # The scenarios.
  # A run that fails must fail on an expectation, not for want of a build.
  if [[ $steps != *" scenarios "* ]]; then
    sc="not run"
  elif ! (cd "$w" && make -s build/sslmode >/dev/null 2>&1); then
    sc="ESCAPED: build failed"; escaped=1
  elif (cd "$w" && ./build/sslmode run -q tests/scenarios/*.scn >scenarios.log 2>&1); then
    sc="ESCAPED"; escaped=1
  elif ! grep -q ': FAIL$' "$w/scenarios.log"; then
    sc="ESCAPED: no file failed ($(tail -1 "$w/scenarios.log"))"; escaped=1
  else
    sc="caught ($(grep -c ': FAIL$' "$w/scenarios.log") of $(ls tests/scenarios/*.scn | wc -l) files fail)"
  fi
  printf '| %s | %s | %s | %s |\n' "$name" "$wp" "$target: $fz" "$sc"
  rules_of[$name]=$(sed '/^--- /,$d' "$patch" | grep -oE '\b(MASK|WRITE|READ|HELLO)-[0-9]{2}\b' | sort -u | tr '\n' ' ')
  # One word per check for the matrix: caught, not (run) or anything else
  # (escaped). The fuzzer's text may start with what it did not find before
  # it caught the mutant ("not found in 120s from the empty corpus; caught
  # ... from the committed corpus"), so it is read by its verdict, not its
  # first word.
  case "$fz" in ESCAPED*) fzv=ESCAPED ;; "not run") fzv=not ;; *caught*) fzv=caught ;; *) fzv=ESCAPED ;; esac
  caught_wp[$name]=${wp%% *} caught_fz[$name]=$fzv caught_sc[$name]=${sc%% *}
done

# The rule matrix: for each rule, its mutants, and for each check whether it
# caught every one of them (yes), missed one (ESCAPED), or did not run.
verdict() { # NAME-OF-ARRAY MUTANTS...
  local -n arr=$1; shift
  local m v out=yes
  for m in "$@"; do
    v=${arr[$m]}
    case "$v" in caught) ;; not|"") [ "$out" = yes ] && out="not run" ;; *) out=ESCAPED ;; esac
  done
  echo "$out"
}
echo
printf '| rule | mutants | WP | fuzzer | scenarios |\n|---|---|---|---|---|\n'
uncovered=0
for rule in $(sed -n 's/^| \[\([A-Z]*-[0-9]*\)\].*/\1/p' spec/index.md | sort -u); do
  ms=()
  for m in "${!rules_of[@]}"; do [[ " ${rules_of[$m]}" == *" $rule "* ]] && ms+=("$m"); done
  if [ ${#ms[@]} -eq 0 ]; then
    printf '| %s | (none) | | | |\n' "$rule"; uncovered=$((uncovered + 1)); continue
  fi
  printf '| %s | %s | %s | %s | %s |\n' "$rule" "$(printf '%s\n' "${ms[@]}" | sort | tr '\n' ' ')" \
    "$(verdict caught_wp "${ms[@]}")" "$(verdict caught_fz "${ms[@]}")" "$(verdict caught_sc "${ms[@]}")"
done
echo "mutants: $uncovered rules of spec/index.md have no mutant yet (MUTANTS=GLOB runs some: then the others show as none)"
[ $escaped -eq 0 ] && echo "mutants: every mutant caught by every check that ran (${steps# })" ||
  { echo "mutants: SOME MUTANT ESCAPED"; exit 1; }
