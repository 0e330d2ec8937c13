#!/usr/bin/env bash
# tests/fuzz-run.sh TARGET SECONDS: runs the libFuzzer binary build/fuzz-TARGET
# (ASan+UBSan) for SECONDS on a scratch corpus seeded from fuzz/corpus/TARGET,
# then prints one line: executions, executions per second, mismatches.
# A mismatch, crash or leak leaves its input in build/fuzz-artifacts/TARGET/
# and makes this script exit 1 (`sslmode decode FILE` prints the input).
set -uo pipefail
cd "$(dirname "$0")/.."
t=${1:?usage: fuzz-run.sh TARGET SECONDS}
secs=${2:?usage: fuzz-run.sh TARGET SECONDS}
bin=build/fuzz-$t
[ -x "$bin" ] || { echo "fuzz-run: $bin is not built (make fuzz)"; exit 2; }
work=build/corpus/$t
art=build/fuzz-artifacts/$t
rm -rf "$art"
mkdir -p "$work" "$art"
[ -d "fuzz/corpus/$t" ] && cp -n fuzz/corpus/"$t"/* "$work"/ 2>/dev/null
log=build/fuzz-$t.log
"$bin" "$work" -max_total_time="$secs" -print_final_stats=1 -max_len=1024 \
  -artifact_prefix="$art/" -close_fd_mask=1 >"$log" 2>&1
rc=$?
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
crashes=$(ls "$art" 2>/dev/null | wc -l)
echo "fuzz $t: ${execs:-0} executions in ${secs}s (${rate:-0} exec/s), $crashes mismatches/crashes, corpus $(ls "$work" | wc -l) inputs"
if [ $rc -ne 0 ] || [ "$crashes" -ne 0 ]; then
  grep -A60 -E '==== sslmode|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error' "$log" | head -120
  echo "fuzz $t: FAILED (log: $log, inputs: $art/)"
  exit 1
fi
