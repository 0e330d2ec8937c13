#!/usr/bin/env bash
# openssl/survey.sh [PROFILE...]: runs every committed scenario
# (tests/scenarios/*.scn) with build/sslmode (the system's 3.0) and with
# build/sslmode-PROFILE for each PROFILE given (default: each of
# openssl/versions whose binary exists; `make openssl OPENSSL=X` builds it),
# and prints, as Markdown:
#   1. per scenario, each binary's result: PASS, FAIL (disagreements,
#      failed expectations) or the exit status and message of a run that
#      could not go on;
#   2. each run's first disagreement, as its report gives it: the step,
#      what differs (an answer, or the state compared after the step), and
#      both values;
#   3. every step where some binary's OpenSSL answered otherwise than the
#      model, or missed the step's expectation: the model's answer (from the
#      system run) and each OpenSSL's. `!` marks a step the binary reported
#      as a disagreement; `(x)` a failed expectation. The model runs on its
#      own state whatever OpenSSL does, so an answer that differs after an
#      earlier disagreement is still a difference for the same calls; but
#      OpenSSL's own state may by then be other than the model's.
# Each run's whole output is kept in build/survey/BINARY/SCENARIO.out (the
# first disagreement's full report is there). It changes nothing: the model
# and the expectations are what they are; the table is a list of leads.
set -uo pipefail
cd "$(dirname "$0")/.."
B=build
profiles=("$@")
if [ ${#profiles[@]} -eq 0 ]; then
  for p in $(./openssl/fetch-build.sh --list); do [ -x "$B/sslmode-$p" ] && profiles+=("$p"); done
fi
[ -x "$B/sslmode" ] || { echo "openssl/survey.sh: $B/sslmode is missing (make)" >&2; exit 2; }
bins=("sslmode") names=("3.0 (system)")
for p in "${profiles[@]}"; do
  [ -x "$B/sslmode-$p" ] || { echo "openssl/survey.sh: $B/sslmode-$p is missing (make openssl OPENSSL=$p)" >&2; exit 2; }
  bins+=("sslmode-$p") names+=("$p")
done
out=$B/survey
rm -rf "$out"
for b in "${bins[@]}"; do
  mkdir -p "$out/$b"
  echo "$b: $("$B/$b" --version | sed -n 's/^OpenSSL at run time: *//p')" >&2
  for s in tests/scenarios/*.scn; do
    "$B/$b" run "$s" >"$out/$b/$(basename "$s" .scn).out" 2>&1
    echo $? >"$out/$b/$(basename "$s" .scn).rc"
  done
done

perl - "$out" "${bins[*]}" "${names[@]}" <<'EOF'
use strict; use warnings;
my ($dir, $binlist, @names) = @ARGV;
my @bins = split ' ', $binlist;
my (%steps, %order, %status, @scns, @first);
opendir my $d, "$dir/$bins[0]" or die; @scns = sort map { /^(.*)\.out$/ ? $1 : () } readdir $d;
for my $i (0 .. $#bins) {
  for my $s (@scns) {
    open my $f, "<", "$dir/$bins[$i]/$s.out" or die;
    my @l = <$f>; chomp @l;
    open my $r, "<", "$dir/$bins[$i]/$s.rc" or die; my $rc = <$r>; chomp $rc;
    my ($summary) = grep { /: \d+ steps, / } @l;
    my $st;
    if ($summary && $summary =~ /(\d+) disagree; \d+ expectations, (\d+) failed: (\w+)/) {
      $st = $3 eq 'PASS' ? 'PASS' : "FAIL ($1 disagree, $2 expectations)";
    } else {
      my ($msg) = grep { /^tests\/scenarios\/\S+:\d+: (cannot run|`)/ } @l;
      $msg //= $l[-1] // ''; $msg =~ s/^tests\/scenarios\///;
      $st = "exit $rc: $msg";
    }
    $status{$s}[$i] = $st;
    my ($step, $what, $ov, $mv);
    for (@l) {
      $step //= $1 if /^step \d+: (.*?)\s*$/;
      $what //= $1 if /^  differs: +(.*)$/;
      $ov //= $1 if /^  OpenSSL: +(.*)$/;
      $mv //= $1 if /^  model: +(.*)$/;
    }
    push @first, [$s, $names[$i], $step, $what, $ov, $mv] if defined $what;
    for my $k (0 .. $#l - 1) {
      next unless $l[$k] =~ /^tests\/scenarios\/[^:]+:(\d+): (.*)$/;
      my ($line, $call) = ($1, $2);
      next unless $l[$k + 1] =~ /^    openssl (.*?)  \|  model (.*?)  \|  (agree|DISAGREE)(?:  \|  (as expected|EXPECTED .*))?$/;
      my ($o, $m, $ag, $ex) = ($1, $2, $3, $4 // '');
      my $key = "$s:$line";
      $order{$key} //= scalar keys %order;
      $steps{$key}{call} //= $call;
      $steps{$key}{model}[$i] = $m;
      $steps{$key}{openssl}[$i] = $o . ($ag eq 'DISAGREE' ? ' !' : '') . ($ex =~ /^EXPECTED/ ? ' (x)' : '');
      $steps{$key}{bare}[$i] = $o;
    }
  }
}
print "| scenario | ", join(" | ", @names), " |\n|---|", join("", map { "---|" } @names), "\n";
for my $s (@scns) { print "| $s | ", join(" | ", map { $status{$s}[$_] // '' } 0 .. $#bins), " |\n" }
print "\n| scenario | build | first disagreement | what differs | OpenSSL | model |\n|---|---|---|---|---|---|\n";
for my $f (sort { $a->[0] cmp $b->[0] || $a->[1] cmp $b->[1] } @first) {
  print "| ", join(" | ", map { (my $c = $_ // '') =~ s/\|/\\|/g; $c } @$f), " |\n";
}
print "\n| scenario:line | step | model | ", join(" | ", map { "openssl $_" } @names), " |\n|---|---|---|",
      join("", map { "---|" } @names), "\n";
for my $key (sort { $order{$a} <=> $order{$b} } keys %order) {
  my $e = $steps{$key};
  my $model = $e->{model}[0] // '';
  my $interesting = 0;
  for my $i (0 .. $#bins) {
    my $o = $e->{openssl}[$i];
    next unless defined $o;  # a run that stopped before: the first table says why
    $interesting = 1 if $o =~ / \(x\)/;
    my $bm = $e->{model}[$i] // ''; (my $mn = $bm) =~ s/ from .*//;
    $interesting = 1 if defined $e->{bare}[$i] && $e->{bare}[$i] ne $mn;
    $interesting = 1 if defined $e->{model}[$i] && $e->{model}[$i] ne $model;
  }
  next unless $interesting;
  my @cells = map {
    my $c = $e->{openssl}[$_] // '(not run)';
    $c .= " [model here: $e->{model}[$_]]" if defined $e->{model}[$_] && $e->{model}[$_] ne $model;
    $c =~ s/\|/\\|/g; $c } 0 .. $#bins;
  (my $m = $model) =~ s/\|/\\|/g; (my $c = $e->{call}) =~ s/\|/\\|/g;
  print "| $key | `$c` | $m | ", join(" | ", @cells), " |\n";
}
EOF
