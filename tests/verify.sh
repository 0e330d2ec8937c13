#!/usr/bin/env bash
# tests/verify.sh SECONDS (make verify, after make deps): builds everything,
# proves the model, runs the tests, runs each fuzz target for SECONDS, and
# ends with a short summary. Exits 1 if any part failed.
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
status=0
mkdir -p build
log=build/verify.log
: >"$log"

step() { echo "== $*"; }

step "build"
make -s all fuzz >>"$log" 2>&1 || { echo "build failed (see $log)"; tail -20 "$log"; exit 1; }

step "prove"
make -s prove >build/prove.out 2>&1 || status=1
prove_line=$(grep '^prove: ' build/prove.out | head -1)
[ -n "$prove_line" ] || prove_line="prove: did not finish (build/prove.out)"
sed -n '/^| function/,$p' build/prove.out | grep -v '^prove:' | tail -n +1 | head -60

step "test"
make -s test >build/test.out 2>&1 || status=1
grep -E '^FAIL' build/test.out | head -20
test_line=$(tail -1 build/test.out)

step "fuzz"
fuzz_lines=()
# Every fuzz target, the scenario parser's too (FUZZ_TARGETS: TARGETS and
# scenario).
for t in $(make -s --no-print-directory -f - targets <<<'include Makefile
targets: ; @echo $(FUZZ_TARGETS)'); do
  line=$(./tests/fuzz-run.sh "$t" "$secs") || status=1
  fuzz_lines+=("$(grep -E "^fuzz $t:" <<<"$line")")
  grep -vE "^fuzz $t: [0-9]" <<<"$line" | head -40
done

echo
echo "==== sslmode verify: summary ===="
echo "proofs:  ${prove_line#prove: }"
echo "tests:   $test_line"
for l in "${fuzz_lines[@]}"; do echo "${l/#fuzz /fuzz:    }"; done
if [ $status -eq 0 ]; then echo "verify: OK"; else echo "verify: FAILED"; fi
exit $status
