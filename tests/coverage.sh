#!/usr/bin/env bash
# tests/coverage.sh (make coverage): how much of the model the committed
# corpora reach. Replays fuzz/corpus/<target>/ with a build instrumented for
# source coverage (clang -fprofile-instr-generate -fcoverage-mapping, no
# sanitizer), then prints llvm-cov's line and branch figures for model/*.c and
# writes the annotated listing to build/coverage/model.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
B=build/coverage
mkdir -p "$B"
rm -f "$B"/*.profraw
for t in "$@"; do
  LLVM_PROFILE_FILE="$PWD/$B/$t-%p.profraw" "build/cov-replay-$t" "fuzz/corpus/$t" >"$B/$t.log" 2>&1 ||
    { tail -20 "$B/$t.log"; echo "coverage: replay of fuzz/corpus/$t failed"; exit 1; }
done
llvm-profdata merge -sparse "$B"/*.profraw -o "$B/all.profdata"
objs=()
for t in "$@"; do objs+=(-object "build/cov-replay-$t"); done
first=${objs[1]}; rest=("${objs[@]:2}")
llvm-cov report "$first" "${rest[@]}" -instr-profile="$B/all.profdata" model/*.c |
  tee "$B/report.txt"
llvm-cov show "$first" "${rest[@]}" -instr-profile="$B/all.profdata" -show-branches=count \
  model/*.c >"$B/model.txt"
echo "coverage: corpora $* replayed; annotated listing in $B/model.txt"
