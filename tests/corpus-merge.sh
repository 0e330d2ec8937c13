#!/usr/bin/env bash
# tests/corpus-merge.sh TARGET (make corpus-merge TARGET=...): adds to the
# committed corpus fuzz/corpus/TARGET the inputs of a run's scratch corpus
# (build/corpus/TARGET, left by make fuzz-run) that reach what the committed
# seeds (tests/seeds.sh) do not: libFuzzer's -merge=1, so only inputs with new
# coverage join, each once. Prints every input it added (as a scenario, for
# the targets sslmode decode reads), then, for those targets, the golden
# decodings of the new inputs (tests/golden.sh update: additions only), so
# that make test still passes. The corpus grows only when someone runs this.
set -uo pipefail
cd "$(dirname "$0")/.."
t=${1:?usage: corpus-merge.sh TARGET}
bin=build/fuzz-$t run=build/corpus/$t
[ -x "$bin" ] || { echo "corpus-merge: $bin is not built (make fuzz)"; exit 2; }
[ -d "$run" ] && [ -n "$(ls -A "$run")" ] ||
  { echo "corpus-merge: no run to merge: $run is empty (make fuzz-run TARGET=$t first)"; exit 2; }
max_len=$(sed -n 's/^max_len *= *//p' "fuzz/options/$t.options")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The seeds first: an input joins only for what they do not reach.
./tests/seeds.sh "$t" "$tmp/merged" >/dev/null || exit 2
(cd "$tmp/merged" && ls) | sort >"$tmp/before"
echo "corpus-merge: $t: $(wc -l <"$tmp/before") seeds, $(ls "$run" | wc -l) inputs in $run"
if ! "$bin" -merge=1 -max_len="${max_len:-1024}" -close_fd_mask=1 "$tmp/merged" "$run" \
     >"$tmp/merge.log" 2>&1; then
  echo "corpus-merge: libFuzzer's merge failed:"; tail -20 "$tmp/merge.log"; exit 1
fi
(cd "$tmp/merged" && ls) | sort >"$tmp/after"
added=$(comm -13 "$tmp/before" "$tmp/after")
if [ -z "$added" ]; then
  echo "corpus-merge: $t: nothing new (every input of $run reaches only what fuzz/corpus/$t and the seeds do)"
  exit 0
fi
mkdir -p "fuzz/corpus/$t"
decodes=$(sed -n 's/^TARGETS *:= *//p' Makefile)
for f in $added; do
  cp "$tmp/merged/$f" "fuzz/corpus/$t/$f"
  if [[ " $decodes " == *" $t "* ]]; then
    build/sslmode decode --target "$t" "fuzz/corpus/$t/$f" | sed 's/^/  /'
  else
    echo "  fuzz/corpus/$t/$f: $(wc -c <"fuzz/corpus/$t/$f") bytes, $(grep -c . "fuzz/corpus/$t/$f") lines"
  fi
done
echo "corpus-merge: $t: added $(wc -w <<<"$added") inputs to fuzz/corpus/$t"
if [[ " $decodes " == *" $t "* ]]; then
  ./tests/golden.sh update || { echo "corpus-merge: the golden update failed (see above)"; exit 1; }
fi
