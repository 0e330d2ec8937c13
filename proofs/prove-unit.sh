#!/usr/bin/env bash
# proofs/prove-unit.sh SOURCE OUT FLAGS...: one WP unit (proofs/prove.mk).
# Frama-C reads SOURCE alone: callees of other files are used through their
# contracts in the headers (conn.h, conn_internal.h, ...), whose own proofs
# are in the units of the files that define them. Writes OUT.log, OUT.md,
# OUT.time, then OUT.json last; OUT.running exists while it runs (prove.sh's
# progress line reads it and the log).
set -uo pipefail
src=$1 out=$2; shift 2
mkdir -p "$(dirname "$out")"
rm -f "$out.json" "$out.md"
touch "$out.running"
trap 'rm -f "$out.running"' EXIT
sed "s|proofs/results.md.part|$out.md.tmp|" proofs/results.report >"$out.report"
start=$(date +%s)
# -wp-msg-key shell: one line per goal as it ends (the progress counts them).
# No -wp-cache: an edit re-proves one file, and Qed's simplification, which
# no cache saves, is most of a file's time (proofs/README.md).
frama-c "$@" -wp-msg-key shell -wp-session "$out.session" \
  -wp-report "$out.report" -wp-report-json "$out.json.tmp" "$src" >"$out.log" 2>&1
rc=$?
echo $(( $(date +%s) - start )) >"$out.time"
if [ $rc -ne 0 ] || [ ! -s "$out.json.tmp" ]; then
  tail -20 "$out.log"; echo "prove: frama-c failed on $src (log: $out.log)"; exit 1
fi
mv "$out.md.tmp" "$out.md"
mv "$out.json.tmp" "$out.json"
