#!/usr/bin/env bash
# openssl/survey-corpus.sh [PROFILE...]: every committed fuzz input
# (fuzz/corpus/TARGET/*), decoded to a scenario by build/sslmode and run
# with build/sslmode-PROFILE (default: each profile of openssl/versions whose
# binary exists). `run` goes on after a disagreement, so one input shows all
# its differences, where the replay binaries stop at the first. Prints, as
# Markdown, per profile:
#   1. per target: inputs, and inputs with a disagreement;
#   2. what the first disagreement of each such input was (the report's
#      "differs" line), with counts;
#   3. every call whose OpenSSL answer differed from the model's, as
#      (call, OpenSSL, model), with counts and one input that shows it
#      (`build/sslmode decode --target TARGET fuzz/corpus/TARGET/INPUT`
#      prints it as a scenario).
# The outputs are kept in build/survey-corpus/PROFILE/. It changes nothing.
set -uo pipefail
cd "$(dirname "$0")/.."
B=build
profiles=("$@")
if [ ${#profiles[@]} -eq 0 ]; then
  for p in $(./openssl/fetch-build.sh --list); do [ -x "$B/sslmode-$p" ] && profiles+=("$p"); done
fi
[ -x "$B/sslmode" ] || { echo "openssl/survey-corpus.sh: $B/sslmode is missing (make)" >&2; exit 2; }
for p in "${profiles[@]}"; do
  [ -x "$B/sslmode-$p" ] || { echo "openssl/survey-corpus.sh: $B/sslmode-$p is missing (make openssl OPENSSL=$p)" >&2; exit 2; }
done

for p in "${profiles[@]}"; do
  out=$B/survey-corpus/$p
  rm -rf "$out"; mkdir -p "$out"
  start=$(date +%s)
  for d in fuzz/corpus/*/; do
    t=$(basename "$d") n=0 bad=0
    for f in "$d"*; do
      n=$((n + 1))
      "$B/sslmode" decode --target "$t" "$f" >"$out/input.scn" 2>&1 ||
        { echo "openssl/survey-corpus.sh: cannot decode $f" >&2; exit 1; }
      "$B/sslmode-$p" run "$out/input.scn" >"$out/run.out" 2>&1 && continue
      bad=$((bad + 1))
      perl -ne 'BEGIN { ($t, $f) = splice @ARGV, 0, 2 }
        if (/^\S+:\d+: (.*)$/) { $call = $1; next }
        if (/^    openssl (.*?)  \|  model (.*?)  \|  (?:agree|DISAGREE)/) {
          my ($o, $m) = ($1, $2); $m =~ s/ from .*//;
          print "ANSWER\t$t\t$f\t$call\t$o\t$m\n" if $o ne $m; next }
        $w = $1 if /^  differs: +(.*)/;
        print "FIRST\t$t\t$f\t$w\n" if /^  model: +/ && defined $w && !$done++;
        print "STOPPED\t$t\t$f\t$_" if /^\S+:\d+: (cannot run|`)/;' \
        "$t" "$(basename "$f")" "$out/run.out" >>"$out/diff.tsv"
    done
    echo "$t $n $bad" >>"$out/summary"
    echo "openssl/survey-corpus.sh: $p $t: $bad of $n inputs disagree ($(( $(date +%s) - start )) s)" >&2
  done
  rm -f "$out/input.scn" "$out/run.out"
  touch "$out/diff.tsv"
  echo "## OpenSSL $p ($("$B/sslmode-$p" --version | sed -n 's/^OpenSSL at run time: *//p'))"
  echo
  echo "| target | inputs | with a disagreement |"; echo "|---|---|---|"
  awk '{ printf "| %s | %s | %s |\n", $1, $2, $3 }' "$out/summary"
  echo
  echo "| target | first disagreement: what differs | inputs |"; echo "|---|---|---|"
  awk -F'\t' '$1 == "FIRST" { n[$2 " | " $4]++ } END { for (k in n) printf "| %s | %d |\n", k, n[k] }' \
    "$out/diff.tsv" | sort -t'|' -k4 -rn
  echo
  echo "| target | call | OpenSSL | model | steps | an input |"; echo "|---|---|---|---|---|---|"
  awk -F'\t' '$1 == "ANSWER" { split($4, w, " "); c = w[1] " " w[2]; k = $2 " | `" c "` | " $5 " | " $6
                               n[k]++; if (!(k in ex)) ex[k] = $3 }
              END { for (k in n) printf "| %s | %d | %s |\n", k, n[k], ex[k] }' "$out/diff.tsv" |
    sort -t'|' -k6 -rn
  stopped=$(awk -F'\t' '$1 == "STOPPED"' "$out/diff.tsv" | wc -l)
  [ "$stopped" -eq 0 ] || { echo; echo "$stopped inputs stopped early (exit 2): see $out/diff.tsv"; }
  echo
done
