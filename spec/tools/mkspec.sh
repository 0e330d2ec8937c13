#!/bin/sh
# spec/tools/mkspec.sh: `make spec`. Regenerates spec/index.md and
# spec/SSL_CTX_set_mode.3, both committed. A file is replaced only when its
# generator succeeded; run it again after editing a rule's tags, a question or
# the POD page.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
tools/mkindex.sh >"$tmp/index.md"
podchecker -warnings SSL_CTX_set_mode.pod >/dev/null 2>"$tmp/pod.err" || { cat "$tmp/pod.err" >&2; exit 1; }
tools/checkpod.sh
tools/mkman.sh >"$tmp/man.3"
for f in index.md:index.md SSL_CTX_set_mode.3:man.3; do
  dst=${f%%:*} src=$tmp/${f#*:}
  if cmp -s "$src" "$dst"; then echo "spec: $dst up to date"
  else cp "$src" "$dst"; echo "spec: $dst written"; fi
done
