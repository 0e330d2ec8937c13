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

# 1b. The README's calls table is the one `sslmode calls` prints from
#     fuzz/calls.h (a call added to the table and not to the README fails).
readme_calls=$(sed -n '/^<!-- calls:/,/^<!-- end of calls -->/p' README.md | sed '1d;$d')
if [ -n "$readme_calls" ] && [ "$readme_calls" = "$($B/sslmode calls)" ]; then
  pass "calls: README.md's calls table is what \`sslmode calls\` prints ($(($(wc -l <<<"$readme_calls") - 2)) calls)"
else
  fail "calls: README.md's calls table differs from \`sslmode calls\` (paste its output between the markers)"
  diff <(echo "$readme_calls") <($B/sslmode calls) | head -10
fi

# 1c. The scenario target's dictionary (fuzz/dict/scenario.dict) holds every
#     word of the grammar: the targets, the calls' words, the flag names.
words=$( { echo cctx sctx client server cdup sdup
           $B/sslmode calls | sed '1,2d' | cut -d'|' -f2 | tr -d '`' | tr ' ' '\n' | grep -xE '[a-z_]+'
           $B/sslmode names | awk '{ print $2; sub(/^SSL_MODE_/, "", $2); print $2 }'; } |
         tr ' ' '\n' | sed '/^$/d' | sort -u)
missing=$(while read -r w; do grep -qxF "\"$w\"" fuzz/dict/scenario.dict || echo "$w"; done <<<"$words")
if [ -n "$words" ] && [ -z "$missing" ]; then
  pass "dict: fuzz/dict/scenario.dict holds every target, call word and flag name ($(wc -l <<<"$words") words)"
else fail "dict: fuzz/dict/scenario.dict lacks: $(echo $missing)"; fi

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

# 5b. The scenario fuzz target's checks (fuzz/target_scenario.c) hold for
#    every committed scenario: each is accepted, or refused with one printable
#    file:line: message.
scns=(tests/scenarios/*.scn tests/scenarios/*/*.scn)
if out=$($B/replay-scenario "${scns[@]}" 2>&1); then
  pass "scenario target: ${#scns[@]} committed scenarios (with bad/ and fail/) pass the text front end's checks"
else
  fail "scenario target: $(grep '^RUN ' <<<"$out" | tail -1 | cut -c6-) failed"
  grep -v '^RUN ' <<<"$out" | tail -30
fi

# 6. Decode and run: a fuzz input printed as a scenario runs the same steps
#    and agrees (the targets sslmode decode reads: the Makefile's TARGETS).
for t in $(sed -n 's/^TARGETS *:= *//p' Makefile); do
  d=fuzz/corpus/$t/ n=0 bad=0
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

# 7. Golden decodes: every committed input decodes to the text committed in
#    fuzz/golden/, so a decoder change that re-maps the corpus fails here.
while IFS= read -r line; do
  case "$line" in
    "PASS "*) pass "${line#PASS }" ;;
    "FAIL "*) fail "${line#FAIL }" ;;
    *) echo "$line" ;;
  esac
done < <(./tests/golden.sh check)

# 7b. The command line: help, version, every command's --help, wrong command
#    lines (exit 2, the message and the usage on stderr).
out=$($B/sslmode --help 2>"$tmp/err"); rc=$?
cmds=$(sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p;/^commands:/,/^$/s/^  \([a-z][a-z-]*\)$/\1/p' <<<"$out")
if [ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q '^usage: sslmode' <<<"$out" && [ -n "$cmds" ]; then
  pass "cli: --help exits 0, usage on stdout, commands: $(echo $cmds)"
else fail "cli: --help: exit $rc"; echo "$out"; cat "$tmp/err"; fi
want_version="sslmode $(cat VERSION)"
header_text=$(printf '#include <openssl/opensslv.h>\nOPENSSL_VERSION_TEXT\n' | cpp -P 2>/dev/null |
  tail -1 | sed -E ':a; s/" +"//; ta; s/^ *"//; s/" *$//')
out=$($B/sslmode --version 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$(head -1 <<<"$out")" = "$want_version" ] &&
   grep -Eq '^OpenSSL at run time: +OpenSSL 3\.' <<<"$out" &&
   grep -qxE "OpenSSL built with: +$(sed 's/[.]/[.]/g' <<<"$header_text")" <<<"$out" &&
   grep -Eq '^profiles: +openssl 3\.0 \(system\)$' <<<"$out"; then
  pass "cli: --version exits 0: $want_version, run-time and header OpenSSL, profiles"
else fail "cli: --version: exit $rc, want \"$want_version\" and \"$header_text\""; echo "$out"; fi
out=$($B/sslmode help run 2>&1); rc=$?
if [ $rc -eq 0 ] && grep -q '^usage: sslmode run ' <<<"$out"; then pass "cli: help run exits 0 with run's usage"
else fail "cli: help run: exit $rc"; echo "$out"; fi
bad=""
for c in $cmds; do
  out=$($B/sslmode "$c" --help 2>"$tmp/err"); rc=$?
  [ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q "^usage: sslmode $c" <<<"$out" || bad="$bad $c"
done
if [ -z "$bad" ] && [ -n "$cmds" ]; then pass "cli: every command's --help exits 0 with its usage ($(echo $cmds))"
else fail "cli: --help of:$bad"; fi
bad=""
for args in "" "nope" "-x" "run" "run -x FILE" "help nope" "names x" "decode --target nope FILE" \
            "record" "--version x"; do
  $B/sslmode $args >"$tmp/out" 2>"$tmp/err"; rc=$?
  [ $rc -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q '^usage: sslmode' "$tmp/err" &&
    { [ -z "$args" ] || grep -q "^sslmode.*: " "$tmp/err"; } || bad="$bad [$args: exit $rc]"
done
if [ -z "$bad" ]; then pass "cli: wrong command lines exit 2 with a message and the usage on stderr"
else fail "cli: wrong command lines:$bad"; fi

# 8. `run -` reads a scenario from standard input.
out=$($B/sslmode run - <tests/scenarios/mask-10-dup.scn 2>&1); rc=$?
if [ $rc -eq 0 ] && grep -q '^<stdin>:[0-9]*: client dup' <<<"$out" && tail -1 <<<"$out" | grep -q PASS
then pass "cli: run - with a piped scenario: exit 0, steps named <stdin>:LINE"
else fail "cli: run - with a good scenario: exit $rc"; echo "$out" | tail -5; fi
out=$(printf 'cctx get_mode\nclient new\nclient frobnicate\n' | $B/sslmode run - 2>&1); rc=$?
if [ $rc -eq 2 ] && grep -q '^<stdin>:3: unknown call `frobnicate`' <<<"$out"
then pass "cli: run - with a bad scenario: exit 2, <stdin>:3: unknown call"
else fail "cli: run - with a bad scenario: exit $rc"; echo "$out"; fi

# 9. The manual page: valid POD, renders without warnings, has its sections,
#    and shows the README's regions (doc/md2pod.pl puts them in) whole: the
#    words of each marked region of README.md appear in the same order in
#    the page as man renders it, and so does every code span.
page=$B/sslmode.1
pc=$(podchecker "$B/sslmode.pod" 2>&1); rc=$?
if [ $rc -eq 0 ] && ! grep -qiE 'error|warning' <<<"$pc"; then pass "man: podchecker: $pc"
else fail "man: podchecker (exit $rc)"; echo "$pc"; fi
warn=$( { groff -man -ww -z "$page"; MANWIDTH=80 man -l --warnings=w "$page" >/dev/null; } 2>&1)
if [ -f "$page" ] && [ -z "$warn" ]; then pass "man: groff -ww and man -l --warnings render $page without a warning"
else fail "man: warnings rendering $page"; echo "$warn" | head -20; fi
MANWIDTH=2000 LC_ALL=C man -l "$page" 2>/dev/null >"$tmp/man.txt"
missing=""
for h in NAME SYNOPSIS DESCRIPTION COMMANDS "SCENARIO GRAMMAR" "EXIT STATUS" FILES EXAMPLES "SEE ALSO"; do
  grep -qx "$h" "$tmp/man.txt" || missing="$missing [$h]"
done
for c in $cmds; do
  sed -n '/^COMMANDS$/,/^SCENARIO GRAMMAR$/p' "$tmp/man.txt" | grep -qE "^ +$c( |$)" || missing="$missing [command $c]"
done
if [ -z "$missing" ]; then pass "man: sections NAME to SEE ALSO, and every command of --help under COMMANDS"
else fail "man: missing$missing"; fi
same=$(perl -e '
  my ($readme, $man) = @ARGV;
  open my $r, "<", $readme or die; open my $m, "<", $man or die;
  my (@words, @spans, $on);
  while (<$r>) {
    if (/^<!-- man:/) { $on = 1; next } if (/^<!-- \/man/) { $on = 0; next }
    next unless $on;
    next if /^\s*<!--.*-->\s*$/;  # a comment: md2pod.pl skips it too
    next if /^\s*\|[\s:|-]+\|\s*$/;  # a table separator
    next if $on == 1 && /^\s*\|/ && ($on = 2);  # a table header: the page repeats it per item
    $on = 1 unless /^\s*\|/;
    s/\\\|/|/g;
    push @spans, /`([^`]+)`/g;
    push @words, /[A-Za-z0-9_]+/g;
  }
  my $text = do { local $/; <$m> };
  my @got = $text =~ /[A-Za-z0-9_]+/g;
  my $i = 0;
  for my $w (@got) { $i++ if $i < @words && $w eq $words[$i] }
  (my $flat = $text) =~ s/\s+/ /g;
  my @lost = grep { (my $s = $_) =~ s/\s+/ /g; index($flat, $s) < 0 } @spans;
  print $i == @words && !@lost ? "ok " . scalar(@words) . " words, " . scalar(@spans) . " code spans"
      : "lost after word $i of " . scalar(@words) . " (`" . ($words[$i] // "") . "`); spans lost: @lost";
' README.md "$tmp/man.txt")
if [[ $same == ok* ]]; then pass "man: the README regions read the same in the page (${same#ok })"
else fail "man: README and the page differ: $same"; fi

# 10. make install puts the tool, the page and the examples where PREFIX and
#     DESTDIR say; make uninstall removes exactly those files.
root=$tmp/root
expect=$( { echo usr/local/bin/sslmode; echo usr/local/share/man/man1/sslmode.1
            for s in tests/scenarios/*.scn; do echo "usr/local/share/doc/sslmode/examples/${s##*/}"; done; } | sort)
if make --no-print-directory -s install DESTDIR="$root" PREFIX=/usr/local >"$tmp/inst" 2>&1; then
  got=$(cd "$root" && find . -type f | sed 's|^\./||' | sort)
  if [ "$got" = "$expect" ] && "$root/usr/local/bin/sslmode" --version >/dev/null &&
     cmp -s "$root/usr/local/share/man/man1/sslmode.1" "$page"; then
    pass "install: DESTDIR=\$tmp PREFIX=/usr/local: bin/sslmode, share/man/man1/sslmode.1, $(grep -c examples/ <<<"$got") examples in share/doc/sslmode/examples"
  else fail "install: files differ from the expected"; diff <(echo "$expect") <(echo "$got") | head; fi
  make --no-print-directory -s uninstall DESTDIR="$root" PREFIX=/usr/local >>"$tmp/inst" 2>&1
  left=$(cd "$root" && find . -type f -o -type d -path '*sslmode*' | head)
  if [ -z "$left" ]; then pass "uninstall: removes every installed file and the examples' directories"
  else fail "uninstall: left: $left"; fi
else fail "install: make install failed"; cat "$tmp/inst"; fi

# 11. The specification (spec/README.md): every rule is tagged and the committed
#    index and rendered page are what `make spec` makes; the POD page is clean;
#    no file of spec/ points outside the repository; every rule ID that code,
#    tests or mutants name is in the index (fuzz corpora are data: a fuzzed
#    scenario may hold any ID).
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
missing=$(grep -rhoE --exclude-dir=corpus '\b(MASK|WRITE|READ|HELLO)[-_][0-9][0-9]\b' model fuzz tests proofs |
  tr _ - | sort -u | while read -r r; do grep -q "^| \[$r\]" spec/index.md || echo "$r"; done)
if [ -z "$missing" ]; then pass "spec: every rule ID named in model/, fuzz/, tests/ and proofs/ is in spec/index.md"
else fail "spec: rule IDs missing from spec/index.md: $(echo $missing)"; fi

# 12. Conformance (spec/conformance.md, conformance/): the committed table is
#     what the probes print now, regenerated byte for byte but for the rows
#     that record each library's package version (a machine with a newer
#     security update of the same library is not a stale table: the test says
#     so and passes; every other difference fails); every link to one of its
#     anchors resolves; a library whose probe cannot be built stops the run
#     with an error that names it, and writes nothing.
unversioned() { grep -v '^| <a id="library-' "$1"; }
if conformance/mkmodes.sh "$tmp/conformance.md" >"$tmp/conf.out" 2>&1 &&
   cmp -s <(unversioned "$tmp/conformance.md") <(unversioned spec/conformance.md); then
  libs=$(sed -n 's/^| <a id="library-[a-z]*"><\/a>\([A-Za-z]*\) .*/\1/p' spec/conformance.md | paste -sd' ' -)
  how="byte for byte"
  cmp -s "$tmp/conformance.md" spec/conformance.md ||
    how="but for the library versions, which differ here (make conformance-modes records them)"
  pass "conformance: spec/conformance.md is what the probes print, $how ($libs; $(grep -c '^| <a id="ssl_mode_' spec/conformance.md) names)"
else
  fail "conformance: spec/conformance.md differs from what the probes print (make conformance-modes)"
  tail -5 "$tmp/conf.out"; [ -f "$tmp/conformance.md" ] && diff spec/conformance.md "$tmp/conformance.md" | head -20
fi
# (links within the page: ](#A); from the other pages: ](conformance.md#A))
anchors() { grep -oE "\]\($2#[^)]+\)" "$1" | sed -E "s/^\]\($2#//; s/\)\$//" | sort -u; }
bad="" n=0
for f in spec/*.md; do
  if [ "$f" = spec/conformance.md ]; then as=$(anchors "$f" ''); else as=$(anchors "$f" 'conformance\.md'); fi
  for a in $as; do n=$((n + 1)); grep -q "id=\"$a\"" spec/conformance.md || bad="$bad $f:$a"; done
done
if [ -z "$bad" ] && [ "$n" -gt 0 ]; then pass "conformance: every link to an anchor of spec/conformance.md resolves ($n anchors linked)"
else fail "conformance: links to anchors spec/conformance.md lacks:$bad"; fi
out=$(CONFORMANCE_BORINGSSL_CFLAGS=-I/nonexistent conformance/mkmodes.sh "$tmp/bad.md" 2>&1); rc=$?
if [ $rc -eq 1 ] && grep -q '^conformance: boringssl: ' <<<"$out" && [ ! -e "$tmp/bad.md" ]; then
  pass "conformance: a probe that cannot be built stops the run and names its library: $(grep -m1 '^conformance: ' <<<"$out")"
else fail "conformance: a broken BoringSSL include path: exit $rc, want 1 and \"conformance: boringssl: ...\""; echo "$out" | tail -5; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
