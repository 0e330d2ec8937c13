#!/bin/sh
# spec/tools/checkpod.sh: checks that every paragraph of the corrected page's
# DESCRIPTION, NOTES, RETURN VALUES and HISTORY is backed by a rule: a
# "=for comment" paragraph naming at least one rule ID (MASK-nn, WRITE-nn,
# READ-nn, HELLO-nn) must come after the previous text paragraph, and every
# ID it names must be a rule heading of spec/*.md. Prints file:paragraph:
# message for each failure and exits 1. POSIX sh and awk.
set -eu
export LC_ALL=C
cd "$(dirname "$0")/.."
ids=$(sed -n 's/^## \(\(MASK\|WRITE\|READ\|HELLO\)-[0-9][0-9]\): .*/\1/p' ./*.md | tr '\n' ' ')
awk -v ids="$ids" '
BEGIN { RS = ""; n = split(ids, a, " "); for (i = 1; i <= n; i++) known[a[i]] = 1 }
function err(msg) { printf "spec/SSL_CTX_set_mode.pod: paragraph %d: %s\n", NR, msg > "/dev/stderr"; bad = 1 }
/^=begin comment/ { incomment = 1; next }
/^=end comment/ { incomment = 0; next }
incomment { next }
/^=head1 / { section = substr($0, 8); next }
/^=for comment/ {
  text = $0; found = 0
  while (match(text, /(MASK|WRITE|READ|HELLO)-[0-9][0-9]/)) {
    id = substr(text, RSTART, RLENGTH); text = substr(text, RSTART + RLENGTH)
    if (!(id in known)) err(id " is not a rule of spec/")
    found = 1
  }
  if (!found) err("=for comment names no rule")
  else backed = 1
  next
}
/^=/ { next }
{
  if (section == "DESCRIPTION" || section == "NOTES" || section == "RETURN VALUES" || section == "HISTORY") {
    if (!backed) { line = $0; sub(/\n.*/, "", line); err("no rule names this paragraph: " line) }
  }
  backed = 0
}
END { exit bad }
' SSL_CTX_set_mode.pod
