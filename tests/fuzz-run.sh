#!/usr/bin/env bash
# tests/fuzz-run.sh TARGET SECONDS [JOBS]: runs the libFuzzer binary
# build/fuzz-TARGET (ASan+UBSan) for SECONDS on a scratch corpus,
# build/corpus/TARGET, seeded from the target's committed seeds
# (tests/seeds.sh), with the target's max_len and dictionary
# (fuzz/options/TARGET.options, fuzz/dict/). JOBS > 1 runs that many
# processes side by side (libFuzzer's -fork=JOBS). Prints one line:
# executions, executions per second, mismatches. A mismatch, crash or leak
# leaves its input in build/fuzz-artifacts/TARGET/ and makes this script exit
# 1 (`sslmode decode FILE` prints the input). New inputs stay in the scratch
# corpus: `make corpus-merge TARGET=...` adds them to the committed one.
set -uo pipefail
cd "$(dirname "$0")/.."
usage="usage: fuzz-run.sh TARGET SECONDS [JOBS]"
t=${1:?$usage}
secs=${2:?$usage}
jobs=${3:-1}
[[ $jobs =~ ^[1-9][0-9]*$ ]] || { echo "fuzz-run: JOBS must be a number from 1, not \`$jobs\`"; exit 2; }
bin=build/fuzz-$t
[ -x "$bin" ] || { echo "fuzz-run: $bin is not built (make fuzz)"; exit 2; }
opts=fuzz/options/$t.options
[ -f "$opts" ] || { echo "fuzz-run: $opts is missing"; exit 2; }
max_len=$(sed -n 's/^max_len *= *//p' "$opts")
dict=$(sed -n 's/^dict *= *//p' "$opts")
work=build/corpus/$t
art=build/fuzz-artifacts/$t
rm -rf "$art"
mkdir -p "$work" "$art"
./tests/seeds.sh "$t" "$work" >/dev/null || exit 2
log=build/fuzz-$t.log
fork=()
[ "$jobs" -gt 1 ] && fork=(-fork="$jobs")
echo "fuzz-run: $t for ${secs}s, $jobs job(s), from $(ls "$work" | wc -l) inputs (log: $log)"
"$bin" "$work" "${fork[@]}" -max_total_time="$secs" -print_final_stats=1 -max_len="$max_len" \
  ${dict:+-dict=fuzz/dict/$dict} -artifact_prefix="$art/" -close_fd_mask=1 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null' EXIT
# Progress once a minute: libFuzzer's last status line.
SECONDS=0 next=60
while kill -0 "$pid" 2>/dev/null; do
  sleep 1
  if [ "$SECONDS" -ge "$next" ]; then
    next=$((next + 60))
    echo "fuzz-run: $t at ${SECONDS}/${secs}s: $(grep -aE '^#[0-9]+' "$log" | tail -1 | cut -c1-100)"
  fi
done
wait "$pid"
rc=$?
trap - EXIT
if [ "$jobs" -gt 1 ]; then
  # -fork prints no final stats: its last "#N: cov: ..." line has the count.
  execs=$(sed -n 's/^#\([0-9]*\): cov:.*/\1/p' "$log" | tail -1)
  rate=$(( ${execs:-0} / secs ))
else
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
fi
crashes=$(ls "$art" 2>/dev/null | wc -l)
echo "fuzz $t: ${execs:-0} executions in ${secs}s (${rate:-0} exec/s), $crashes mismatches/crashes, corpus $(ls "$work" | wc -l) inputs"
if [ $rc -ne 0 ] || [ "$crashes" -ne 0 ]; then
  grep -A60 -E '==== sslmode|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error' "$log" | head -120
  echo "fuzz $t: FAILED (log: $log, inputs: $art/)"
  exit 1
fi
