#!/usr/bin/env bash
# tests/run.sh: the test suite behind `make test`. Every check prints one
# line, PASS or FAIL; the last line is "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
B=build
passed=0 failed=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

# 1. The flag table lists exactly the SSL_MODE_* of the installed header.
header=$(echo '#include <openssl/ssl.h>' | cpp -dM 2>/dev/null |
  awk '$2 ~ /^SSL_MODE_/ { v=$3; sub(/U$/, "", v); printf "%s %s\n", $2, v }' | sort)
table=$($B/sslmode names | awk '{ printf "%s 0x%s\n", $2, substr($1, 3) }' |
  sed -E 's/0x0+([0-9a-f])/0x\1/' | sort)
header=$(sed -E 's/0x0+([0-9a-fA-F])/0x\1/' <<<"$header")
if [ -n "$header" ] && [ "$header" = "$table" ]; then
  pass "names: model/names.c lists every SSL_MODE_* of <openssl/ssl.h> ($(wc -l <<<"$table") flags)"
else
  fail "names: model/names.c and <openssl/ssl.h> differ"; diff <(echo "$header") <(echo "$table")
fi

# 2. Unit tests: each binary prints "ok - ..." or "not ok - ..." per case.
for u in $B/unit-*; do
  out=$("$u" 2>&1); rc=$?
  while IFS= read -r line; do
    case "$line" in
      "ok - "*) pass "unit ${u#$B/unit-}: ${line#ok - }" ;;
      "not ok - "*) fail "unit ${u#$B/unit-}: ${line#not ok - }" ;;
    esac
  done <<<"$out"
  [ $rc -eq 0 ] || { fail "unit ${u#$B/unit-}: exit $rc"; echo "$out" | tail -20; }
done

# 3. Scenarios: each agrees with OpenSSL and meets its expectations (exit 0).
for s in tests/scenarios/*.scn; do
  if out=$($B/sslmode run -q "$s" 2>&1); then
    pass "scenario $s: $(tail -1 <<<"$out" | sed 's/.*: \([0-9]* steps\)/\1/')"
  else
    fail "scenario $s"; echo "$out" | tail -40
  fi
done

# 4. Scenarios that must fail: a wrong expectation exits 1 ...
for s in tests/scenarios/fail/*.scn; do
  out=$($B/sslmode run -q "$s" 2>&1); rc=$?
  if [ $rc -eq 1 ] && grep -q EXPECTED <<<"$out"; then pass "failing scenario $s: exit 1"
  else fail "failing scenario $s: exit $rc, expected 1"; echo "$out" | tail -10; fi
done
# ... and bad input exits 2 with file:line and the message its first line names.
for s in tests/scenarios/bad/*.scn; do
  want=$(sed -n '1s/^# error: //p' "$s")
  out=$($B/sslmode run "$s" 2>&1); rc=$?
  msg=$(grep -F -- "$want" <<<"$out" | grep -m1 -E "^$s:[0-9]+: ")
  if [ $rc -eq 2 ] && [ -n "$msg" ] && [ -n "$want" ]; then
    pass "bad scenario $s: exit 2, ${msg#tests/scenarios/bad/}"
  else fail "bad scenario $s: exit $rc, want 2 and \"$want\""; echo "$out" | tail -5; fi
done

# 5. Corpus replay: every committed input runs without a mismatch, crash or
#    leak (ASan+UBSan, in one process; a failure aborts after naming its input).
for d in fuzz/corpus/*/; do
  t=$(basename "$d")
  if out=$($B/replay-"$t" "$d" 2>&1); then
    pass "corpus $t: $(grep -c '^RUN ' <<<"$out") inputs replayed, no mismatch"
  else
    fail "corpus $t: $(grep '^RUN ' <<<"$out" | tail -1 | cut -c6-) failed"
    grep -v '^RUN ' <<<"$out" | tail -60
  fi
done

# 6. Decode and run: a fuzz input printed as a scenario runs the same steps
#    and agrees.
for d in fuzz/corpus/*/; do
  t=$(basename "$d") n=0 bad=0
  for f in "$d"*; do
    n=$((n + 1))
    if ! $B/sslmode decode --target "$t" "$f" >"$tmp/decoded.scn" 2>&1 ||
       ! $B/sslmode run -q "$tmp/decoded.scn" >"$tmp/run.out" 2>&1; then
      bad=$((bad + 1)); echo "decode then run failed: $f"; tail -20 "$tmp/run.out"
    fi
  done
  if [ "$bad" -eq 0 ] && [ "$n" -gt 0 ]; then pass "decode $t: $n corpus inputs print as scenarios that run and agree"
  else fail "decode $t: $bad of $n corpus inputs"; fi
done

# 7. The specification (spec/README.md): every rule is tagged and the committed
#    index and rendered page are what `make spec` makes; the POD page is clean;
#    no file of spec/ points outside the repository; every rule ID that code,
#    tests or mutants name is in the index.
if spec/tools/mkindex.sh >"$tmp/index.md" 2>"$tmp/index.err" && cmp -s "$tmp/index.md" spec/index.md; then
  pass "spec: every rule tagged, spec/index.md up to date ($(grep -c '^| \[' spec/index.md) rules)"
else fail "spec: spec/index.md stale or a rule's tags wrong (make spec)"; cat "$tmp/index.err"; diff "$tmp/index.md" spec/index.md | head -10; fi
if out=$(podchecker spec/SSL_CTX_set_mode.pod 2>&1 && spec/tools/checkpod.sh 2>&1) && ! grep -q WARNING <<<"$out"; then
  pass "spec: podchecker finds no error or warning in spec/SSL_CTX_set_mode.pod, and a rule backs each paragraph"
else fail "spec: podchecker spec/SSL_CTX_set_mode.pod"; echo "$out" | tail -10; fi
if spec/tools/mkman.sh >"$tmp/man.3" 2>"$tmp/man.err" && cmp -s "$tmp/man.3" spec/SSL_CTX_set_mode.3; then
  pass "spec: spec/SSL_CTX_set_mode.3 is pod2man's rendering of the POD, byte for byte"
else fail "spec: spec/SSL_CTX_set_mode.3 stale (make spec)"; cat "$tmp/man.err"; fi
outside=$(grep -rnE '\.\./shared|/work/' spec/ | grep -v '^spec/man-1.0.2h/SSL_CTX_set_mode.txt:')
for l in $(grep -rhoE '\]\([^)#:]+' spec/*.md spec/man-1.0.2h/*.md | sed 's/^](//' | grep -v '^https\?$' | sort -u); do
  for d in spec spec/man-1.0.2h; do [ -e "$d/$l" ] && continue 2; done
  outside="$outside"$'\n'"link $l resolves to no file of the repository"
done
for f in $(grep -rhoE 'tests/scenarios/[A-Za-z0-9/_.-]+\.scn' spec/ | sort -u); do
  [ -e "$f" ] || outside="$outside"$'\n'"$f does not exist"
done
if [ -z "${outside//$'\n'/}" ]; then pass "spec: no file of spec/ points outside the repository, every link and scenario it names exists"
else fail "spec: references that do not resolve"; echo "$outside" | sed '/^$/d' | head -10; fi
missing=$(grep -rhoE '\b(MASK|WRITE|READ|HELLO)[-_][0-9][0-9]\b' model fuzz tests proofs |
  tr _ - | sort -u | while read -r r; do grep -q "^| \[$r\]" spec/index.md || echo "$r"; done)
if [ -z "$missing" ]; then pass "spec: every rule ID named in model/, fuzz/, tests/ and proofs/ is in spec/index.md"
else fail "spec: rule IDs missing from spec/index.md: $(echo $missing)"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
