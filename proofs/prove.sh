#!/usr/bin/env bash
# proofs/prove.sh: Frama-C WP on the whole model (make prove), one unit per
# model file (proofs/prove.mk), each re-proved only when its file, a header
# or .acsl file it includes, or the WP flags (proofs/wp.mk) change.
# Proves every contract of model/ and model/laws/, the absence of runtime
# errors (-wp-rte, with unsigned and signed downcasts and unsigned overflow as
# alarms too), and runs smoke tests so that a contradictory precondition
# cannot make a proof vacuous: every requires, every behaviour's assumes and
# every loop gets one. (Not every statement or call: proofs/README.md, "What
# the goals are", says why they add time and no vacuity check.) Writes
# proofs/results.md and proofs/results.json; exits 1 unless all are proved.
#   FCT=name    prove that one function only (its file is found; nothing is
#               written to proofs/)
#   PROVE_JOBS  units proved side by side (default: the number of cores)
# Progress: one updating line on a terminal; plain lines every 20 s and at
# each file's end otherwise (CI=true counts as not a terminal).
set -euo pipefail
cd "$(dirname "$0")/.."

B=build/proofs
mkdir -p "$B"

# A project-local Why3 configuration: nothing depends on ~/.why3.conf.
export WHY3CONFIG="$PWD/$B/why3.conf"
if [ ! -s "$WHY3CONFIG" ]; then
  why3 config detect >"$B/why3-detect.log" 2>&1
fi

# The results say nothing is admitted; this makes it so. Any ACSL form that
# lets WP take a property without proving it stops the run: admit, axiom and
# axiomatic blocks, assume, and check-only clauses.
if grep -rnE '\b(admit|axiom|axiomatic|assume)\b|\bcheck +(requires|ensures|assert|loop|invariant|lemma)\b' \
     model/ >"$B/admitted.txt"; then
  cat "$B/admitted.txt"; echo "prove: model/ asks WP to assume something (above)"; exit 1
fi

# The units, as proofs/prove.mk has them (names.c: a table, no function).
UNITS=()
for f in model/*.c model/laws/*.c; do
  [ "$f" = model/names.c ] || { u=${f#model/}; UNITS+=("${u%.c}"); }
done

# The functions a source file defines (a definition starts at column 0 and
# its first line does not end with ';').
functions_of() {
  { grep -E '^[a-z][a-z0-9_ ]*[ *]+[a-z_][a-z0-9_]*\(' "$1" || true; } |
    { grep -v ';[[:space:]]*$' || true; } | sed -E 's/^[^(]*[ *]([a-z_][a-z0-9_]*)\(.*/\1/'
}

# --- progress ---------------------------------------------------------------
# Goals a running unit has finished: WP prints one "[wp] [<prover or verdict>] Goal
# <name>" (or "Smoke-test <name>") line per goal as it ends (-wp-msg-key shell), after
# "<n> goals scheduled".
unit_goals() { # LOG: "done/total" so far
  local log=$1 t d
  t=$(grep -m1 -oE '[0-9]+ goals scheduled' "$log" 2>/dev/null | grep -oE '^[0-9]+' || true)
  d=$(grep -cE '^\[wp\] \[[^]]+\] (Goal|Smoke-test) ' "$log" 2>/dev/null || true)
  echo "${d:-0}/${t:-?}"
}
unit_total() { # the finished unit's "proved total" (its table's last line)
  sed -n 's/^| \*\*all\*\* | \*\*\([0-9]*\)\*\* | \*\*\([0-9]*\)\*\*.*/\2 \1/p' "$B/$1.md" 2>/dev/null
}
clock() { local t=$(( $(date +%s) - start )); printf '%dm%02ds' $((t / 60)) $((t % 60)); }

declare -A was_running=()
status_line() {
  local u r nfiles=0 goals=0 running="" p t
  for u in "${UNITS[@]}"; do
    if [ -e "$B/$u.running" ]; then
      running="$running, $u.c $(unit_goals "$B/$u.log")"
    elif [ -s "$B/$u.json" ]; then
      nfiles=$((nfiles + 1))
      read -r p t < <(unit_total "$u"; echo) || true
      goals=$((goals + ${p:-0}))
    fi
  done
  printf 'proving: %s, %d/%d files done (%d goals)%s' "$(clock)" "$nfiles" "${#UNITS[@]}" \
    "$goals" "${running:+; running: ${running#, }}"
}
finished_lines() { # a line for each unit that ended since the last call
  local u p t name
  for u in "${UNITS[@]}"; do
    if [ -e "$B/$u.running" ]; then was_running[$u]=1
    elif [ -n "${was_running[$u]:-}" ]; then
      unset "was_running[$u]"
      case $u in fct/*) name="function ${u#fct/}" ;; *) name="model/$u.c" ;; esac
      if [ -s "$B/$u.json" ]; then
        read -r p t < <(unit_total "$u"; echo) || true
        echo "proving: $(clock): $name done, $p / $t goals proved in $(cat "$B/$u.time")s"
      else echo "proving: $(clock): $name FAILED (log: $B/$u.log)"; fi
    fi
  done
}
watch() { # PID: progress until it ends
  local pid=$1 tick=0
  if [ -t 1 ] && [ "${CI:-}" != true ]; then
    while kill -0 "$pid" 2>/dev/null; do printf '\r%s\033[K' "$(status_line)"; sleep 1; done
    printf '\r%s\033[K\n' "$(status_line)"
  else
    while kill -0 "$pid" 2>/dev/null; do
      sleep 1; tick=$((tick + 1))
      finished_lines
      [ $((tick % 20)) -eq 0 ] && { status_line; echo; }
    done
    finished_lines
  fi
}

# --- one function ------------------------------------------------------------
start=$(date +%s)
if [ -n "${FCT:-}" ]; then
  src=$(for f in model/*.c model/laws/*.c; do
          if functions_of "$f" | grep -x "$FCT" >/dev/null; then echo "$f"; fi
        done)
  [ -n "$src" ] || { echo "prove: no function $FCT in model/"; exit 1; }
  out=$B/fct/$FCT
  flags=($(make -s --no-print-directory -f proofs/wp.mk wp-flags wp-smoke-flags))
  echo "prove: $FCT ($src)"
  proofs/prove-unit.sh "$src" "$out" "${flags[@]}" -wp-fct "$FCT" & pid=$!
  UNITS=("fct/$FCT"); was_running=(["fct/$FCT"]=1)
  watch $pid
  wait $pid
  sed -n '/^| function/,$p' "$out.md"
  grep -E '^\[wp\] \[(Failed|Unknown|Timeout|Stepout)\]|Smoke-test .*(Failed|Unknown|Degenerated)|\[Degenerated\]' \
    "$out.log" >"$out.unproved" || true
  read -r p t < <(unit_total "fct/$FCT"; echo) || true
  echo "prove: $FCT: $p / $t goals proved in $(cat "$out.time")s (log: $out.log)"
  if [ "$p" != "$t" ] || [ -s "$out.unproved" ]; then
    echo "prove: NOT ALL GOALS PROVED:"; cat "$out.unproved"; exit 1
  fi
  exit 0
fi

# --- every unit --------------------------------------------------------------
jobs=${PROVE_JOBS:-$(nproc)}
find "$B" -name '*.running' -delete # left by a run that was killed
# The units make will re-prove lose their old result now, so that the
# progress line counts as done only what is proved under today's sources.
stale=$(make -n -s --no-print-directory -f proofs/prove.mk units 2>/dev/null |
        sed -n 's|^proofs/prove-unit.sh [^ ]* \(build/proofs/[^ ]*\) .*|\1|p')
for o in $stale; do rm -f "$o.json" "$o.md"; done
n_stale=$(wc -w <<<"$stale")
echo "proving: $n_stale of ${#UNITS[@]} files to prove ($(( ${#UNITS[@]} - n_stale )) up to date)"
make -s --no-print-directory -f proofs/prove.mk -j"$jobs" -k units >"$B/make.log" 2>&1 & pid=$!
watch $pid
mk=0; wait $pid || mk=$?
elapsed=$(( $(date +%s) - start ))

failed=
for u in "${UNITS[@]}"; do [ -s "$B/$u.json" ] || failed="$failed model/$u.c"; done
if [ $mk -ne 0 ] || [ -n "$failed" ]; then
  cat "$B/make.log"; echo "prove: frama-c failed on:${failed:- (see above)} (logs: $B/*.log)"; exit 1
fi

# Every function of the model has a row, in the table of the file that
# defines it: no function is left out.
missing=
for u in "${UNITS[@]}"; do
  for f in $(functions_of "model/$u.c"); do
    grep -q "^| \`$f\` |" "$B/$u.md" || missing="$missing $f (model/$u.c)"
  done
done
[ -z "$missing" ] || { echo "prove: functions without results:$missing"; exit 1; }

proved=0 total=0 cpu=0
for u in "${UNITS[@]}"; do
  read -r p t < <(unit_total "$u"; echo)
  proved=$((proved + p)) total=$((total + t)) cpu=$((cpu + $(cat "$B/$u.time")))
done
# The table: one header, every function's row (grouped by file), then a
# total per file with the time of the run that proved it.
{
  sed -n '1,2p' "$B/${UNITS[0]}.md"
  for u in "${UNITS[@]}"; do grep -v -e '^| function' -e '^|---' -e '^| \*\*all' "$B/$u.md"; done
  echo
  echo "| file | goals | proved | by Qed | by Z3 | by CVC4 | longest prover run | proof time (s) |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|"
  for u in "${UNITS[@]}"; do
    sed -n "s#^| \*\*all\*\* \(.*\)#| \`model/$u.c\` \1 $(cat "$B/$u.time") |#p" "$B/$u.md"
  done
} >"$B/results.md.part"
{ echo '['; first=1
  for u in "${UNITS[@]}"; do [ $first = 1 ] || echo ','; first=0; cat "$B/$u.json"; done
  echo ']'; } >"$B/results.json"

versions="Frama-C $(frama-c -version), $(why3 --version 2>&1 | sed 's/Why3 platform, version/Why3/'), \
$(z3 --version | head -1), $(cvc4 --version | head -1 | sed 's/This is //')"
flags=$(make -s --no-print-directory -f proofs/wp.mk wp-flags wp-smoke-flags | tr '\n' ' ')

{
  echo "# WP results"
  echo
  echo "Generated by \`make prove\` (proofs/prove.sh); do not edit."
  echo
  echo "- **Goals proved: $proved / $total** (contracts, loop invariants and variants,"
  echo "  runtime-error guards from \`-wp-rte\`, and smoke tests), in ${#UNITS[@]} units,"
  echo "  one per model file, up to $jobs side by side. This run: ${elapsed}s wall time,"
  echo "  proving $n_stale of the ${#UNITS[@]} files$([ "$n_stale" = "${#UNITS[@]}" ] && echo ' (a cold run)');"
  echo "  the last proof of every unit (column \"proof time\") adds up to ${cpu}s."
  echo "  Cold, warm and one-edit times measured: proofs/README.md, \"Measured times\"."
  echo "  A unit is re-proved (whole) only when its file, a header or .acsl file it"
  echo "  includes, or the flags change."
  echo "- Tools: $versions."
  echo "- Command, once per file F (proofs/wp.mk, proofs/prove-unit.sh):"
  echo "  \`frama-c ${flags}-wp-msg-key shell -wp-session build/proofs/F.session F\`."
  echo "- Nothing is admitted: no \`admit\`, no \`axiom\`, no \`check\`-only property;"
  echo "  \`lemma\`s, if any, are goals like the others. prove.sh refuses to run when"
  echo "  model/ contains any of these forms (proofs/README.md, \"Nothing assumed\")."
  echo "- The prover columns count the goals each prover closed (a goal two provers"
  echo "  closed counts in both). The column \"longest prover run\" is the longest"
  echo "  prover run on any goal of the function, smoke tests included: a smoke test"
  echo "  passes when no prover finds a contradiction, usually by running into its 2 s limit."
  echo
  cat "$B/results.md.part"
} >proofs/results.md
cp "$B/results.json" proofs/results.json

# Every goal that is not proved, by name.
for u in "${UNITS[@]}"; do
  grep -E '^\[wp\] \[(Failed|Unknown|Timeout|Stepout)\]|Smoke-test .*(Failed|Unknown|Degenerated)|\[Degenerated\]' \
    "$B/$u.log" | sed "s|^|model/$u.c: |" || true
done >"$B/unproved.txt"

sed -n '/^| file/,$p' proofs/results.md
echo "prove: $proved / $total goals proved in ${elapsed}s (proofs/results.md, proofs/results.json)"
if [ "$proved" != "$total" ] || [ -s "$B/unproved.txt" ]; then
  echo "prove: NOT ALL GOALS PROVED:"
  cat "$B/unproved.txt"
  exit 1
fi
