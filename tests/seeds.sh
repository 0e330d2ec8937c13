#!/usr/bin/env bash
# tests/seeds.sh TARGET DIR: copies the seed corpus of fuzz target TARGET
# into DIR (made if missing; files already there are kept). The one place
# that says where a target's seeds are, for tests/fuzz-run.sh and
# .clusterfuzzlite/build.sh:
#   mask, write, hello  fuzz/corpus/TARGET/
#   scenario            every committed scenario (tests/scenarios/, with
#                       bad/ and fail/, as DIR-FILE.scn) and fuzz/corpus/scenario/
# Prints how many files DIR holds.
set -euo pipefail
cd "$(dirname "$0")/.."
t=${1:?usage: tests/seeds.sh TARGET DIR}
dir=${2:?usage: tests/seeds.sh TARGET DIR}
mkdir -p "$dir"
case $t in
  scenario)
    for f in tests/scenarios/*.scn tests/scenarios/*/*.scn; do
      name=${f#tests/scenarios/}
      cp -n "$f" "$dir/${name//\//-}"
    done ;;
  mask|write|hello) ;;
  *) echo "seeds: unknown target \`$t\` (mask, write, hello, scenario)" >&2; exit 2 ;;
esac
if [ -d "fuzz/corpus/$t" ]; then
  find "fuzz/corpus/$t" -maxdepth 1 -type f -exec cp -n -t "$dir" {} +
fi
echo "$(find "$dir" -maxdepth 1 -type f | wc -l)"
