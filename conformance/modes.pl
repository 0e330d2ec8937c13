#!/usr/bin/perl
# conformance/modes.pl NAMES OPENSSL.out OTHER.out...: prints
# spec/conformance.md from what the mode probes printed (conformance/probe.h
# gives their line format; mkmodes.sh runs them). NAMES lists model/names.c's
# flags, one SSL_MODE_* a line, in the table's order. The first probe output
# is OpenSSL's: every other library is compared with it. Nothing here knows a
# value: every number and every "not defined" comes from a probe, and every
# sentence is chosen by comparing them. A malformed or incomplete output
# stops with "modes.pl: FILE:LINE: message".
use strict;
use warnings;

my %DISPLAY = (openssl => 'OpenSSL', boringssl => 'BoringSSL', wolfssl => 'wolfSSL');
my @ARGS = ('single', 'several', 'unnamed');
my %ARG_WORDS = (
    single  => 'one flag: `SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER`',
    several => 'several flags: `SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER`',
    unnamed => 'a bit no library names: `0x10000`',
);

sub fail { print STDERR "modes.pl: @_\n"; exit 1 }

@ARGV >= 3 or fail "usage: modes.pl NAMES OPENSSL.out OTHER.out...";
my $names_file = shift @ARGV;
open my $nh, '<', $names_file or fail "$names_file: $!";
my @model_names = grep { length } map { chomp; $_ } <$nh>;
@model_names or fail "$names_file: no names";

# --- reading the probes ---------------------------------------------------
my $VALUE = qr/(?:-?0x[0-9a-f]+|unsupported|null)/;
my (@libs, %p);
for my $file (@ARGV) {
    open my $h, '<', $file or fail "$file: $!";
    my $lib;
    while (my $line = <$h>) {
        chomp $line;
        my $at = "$file:$.";
        if ($line =~ /^library (\w+)$/) {
            $lib = $1;
            $DISPLAY{$lib} or fail "$at: unknown library $lib";
            push @libs, $lib;
            next;
        }
        defined $lib or fail "$at: a record before the library line";
        my $r = $p{$lib} //= {};
        if ($line =~ /^version (\S+) (.+)$/) { push @{ $r->{version} }, [$1, $2] }
        elsif ($line =~ /^name (SSL_MODE_\w+) undefined$/) { $r->{name}{$1} = undef; push @{ $r->{order} }, $1 }
        elsif ($line =~ /^name (SSL_MODE_\w+) (-?0x[0-9a-f]+)$/) { $r->{name}{$1} = num($2); push @{ $r->{order} }, $1 }
        elsif ($line =~ /^unsupported (\w+)$/) { $r->{unsupported}{$1} = 1 }
        elsif ($line =~ /^type (\w+) (.+)$/) { $r->{type}{$1} = $2 }
        elsif ($line =~ /^mode (ctx_new|ssl_new) ($VALUE)$/) { $r->{mode}{$1} = $2 }
        elsif ($line =~ /^set (ctx|ssl) (\w+) (-?0x[0-9a-f]+) returns ($VALUE) get ($VALUE)$/) {
            $r->{set}{"$1 $2"} = { arg => num($3), returns => $4, get => $5 };
        }
        else { fail "$at: not a probe record: $line" }
    }
    defined $lib or fail "$file: no library line";
    for my $need (qw(version name mode)) {
        $p{$lib}{$need} or fail "$file: no $need record";
    }
    $p{$lib}{mode}{$_} // fail "$file: no mode $_ record" for qw(ctx_new ssl_new);
}
$libs[0] eq 'openssl' or fail "the first probe output must be OpenSSL's, not $libs[0]'s";
my ($ref, @others) = @libs;

sub num { my $s = shift; my $neg = $s =~ s/^-//; my $v = hex $s; $neg ? -$v : $v }
sub hx { my $v = shift; $v < 0 ? sprintf('-0x%x', -$v) : sprintf('0x%x', $v) }
sub short { (my $n = shift) =~ s/^SSL_MODE_//; $n }
sub code { '`' . shift() . '`' }
# A table cell: a `|` inside it would end the cell.
sub tc { (my $s = shift) =~ s/\|/\\|/g; $s }
sub lib { $DISPLAY{ shift() } }
sub libs_words {
    my @l = map { lib($_) } @_;
    return $l[0] if @l == 1;
    return join(', ', @l[0 .. $#l - 1]) . ' and ' . $l[-1];
}
sub words { @_ > 2 ? join(', ', @_[0 .. $#_ - 1]) . ', and ' . $_[-1] : join(' and ', @_) }
sub anchor_name { lc shift }
sub anchor_value { 'value-' . hx(shift) }

# Every probe must print the same names, in the same order.
my @rows = @{ $p{$ref}{order} };
for my $lib (@others) {
    "@{ $p{$lib}{order} }" eq "@rows" or fail "the probes of $ref and $lib print different names";
}
for my $n (@model_names) {
    exists $p{$ref}{name}{$n} or fail "model/names.c's $n is not among the probed names";
    defined $p{$ref}{name}{$n} or fail "model/names.c's $n is not defined by OpenSSL's headers";
}
my %in_model = map { $_ => 1 } @model_names;

# The table's rows: model/names.c's flags in its order, then the others by
# their value in the first library that defines them, then by name.
my @extra = grep { !$in_model{$_} } @rows;
my %first_value;
for my $n (@extra) {
    my ($lib) = grep { defined $p{$_}{name}{$n} } @libs;
    $lib // fail "$n is defined by no library (a word of a header, not a name)";
    $first_value{$n} = $p{$lib}{name}{$n};
}
@rows = (@model_names, sort { $first_value{$a} <=> $first_value{$b} || $a cmp $b } @extra);

sub value { my ($lib, $n) = @_; $p{$lib}{name}{$n} }

# The `unnamed` argument must be a bit that no name of any library covers.
for my $lib (@libs) {
    my $s = $p{$lib}{set}{'ctx unnamed'} or fail "$lib: no set ctx unnamed record";
    for my $n (@rows) {
        my $v = value($lib, $n);
        fail "$lib: $n (" . hx($v) . ') covers the unnamed bit ' . hx($s->{arg})
            if defined $v && $v != 0 && ($v & $s->{arg});
    }
}
sub defined_in { my ($lib, $n) = @_; defined value($lib, $n) }

# A library's names with exactly this value, in table order.
sub names_of {
    my ($lib, $v) = @_;
    grep { defined_in($lib, $_) && value($lib, $_) == $v } @rows;
}
sub is_bit { my $v = shift; $v > 0 && ($v & ($v - 1)) == 0 }

# A mask in a library's own names: the names with exactly that value, or else
# the single-bit names whose bits it holds, then what no name covers.
sub decode {
    my ($lib, $v) = @_;
    return 'no flag' if $v == 0;
    my @exact = names_of($lib, $v);
    return join(' or ', map { short($_) } @exact) if @exact;
    return 'no name' if $v < 0;
    my ($left, @parts) = ($v);
    for my $bit (map { 1 << $_ } 0 .. 62) {
        next unless $v & $bit;
        my ($n) = names_of($lib, $bit);
        next unless $n;
        push @parts, short($n);
        $left &= ~$bit;
    }
    push @parts, 'unnamed ' . hx($left) if $left;
    return join('|', @parts);
}
sub cell_value {
    my ($lib, $n) = @_;
    return 'not defined' unless defined_in($lib, $n);
    my $v = value($lib, $n);
    return $v == 0 ? '0 (defined as 0)' : hx($v);
}
sub mask_cell {
    my ($lib, $v) = @_;
    return 'unsupported' if $v eq 'unsupported';
    return 'NULL (the object could not be made)' if $v eq 'null';
    my $x = num($v);
    return tc(hx($x) . ' (' . decode($lib, $x) . ')');
}

my @out;
sub say { push @out, @_ ? @_ : '' }

# --- the page -----------------------------------------------------------------
say '# The `SSL_MODE_*` flags in ' . libs_words(@libs);
say;
say '<!-- Generated by `make conformance-modes` (conformance/mkmodes.sh, which builds and runs';
say '     conformance/probe_*.c and renders their output with conformance/modes.pl).';
say '     Do not edit: `make test` regenerates it and fails when it differs. -->';
say;
say 'This page is generated. Every value on it was printed by a probe: a small C';
say 'program compiled against one library\'s headers and linked against that library';
say 'alone (`conformance/probe_' . join('.c`, `probe_', @libs) . '.c`, over `conformance/probe.h`).';
say 'A name counts as defined when a line using it compiles against the library\'s';
say 'headers, whether it is a macro or an enum constant: nothing is read from the';
say 'header text. A call counts as unsupported when its line does not compile.';
say 'What a program moving from OpenSSL 3.0 to another library must know about';
say 'these names is in [porting.md](porting.md).';
say;
say 'This is the first part of `make conformance`: the names, their values and the';
say 'default masks. Running the scenarios of `tests/scenarios/` on every library';
say 'comes later, with one backend per library.';
say;

# The libraries.
say '## The libraries';
say;
say '| library | Debian package | library file | version strings |';
say '|---|---|---|---|';
for my $lib (@libs) {
    my (%v, @strings);
    for my $pair (@{ $p{$lib}{version} }) {
        my ($src, $text) = @$pair;
        if ($src eq 'dpkg' || $src eq 'library') { $v{$src} = $text }
        else { push @strings, code($src) . ': ' . code($text) }
    }
    defined $v{$_} or fail "$lib: no version $_ record" for qw(dpkg library);
    my ($pkg, $ver) = split / /, $v{dpkg}, 2;
    say '| <a id="library-' . $lib . '"></a>' . lib($lib) . ' | ' . code($pkg) . ' ' . code($ver)
      . ' | ' . code($v{library}) . ' | ' . join('<br>', @strings) . ' |';
}
say;

# Names and values.
say '## Names and values';
say;
say 'One row per `SSL_MODE_*` name that any of the libraries defines, and every';
say 'flag of `model/names.c` (OpenSSL 3.0\'s, in bit order) first. A value is in';
say 'hex, as the library defines it. "not defined": the library\'s headers do not';
say 'define the name, so a program that uses it does not compile. "0 (defined as 0)":';
say 'the program compiles, but the name carries no bit.';
say;
say '| name | ' . join(' | ', map { lib($_) } @libs) . ' | against ' . lib($ref) . ' |';
say '|---|' . join('', map { '---|' } @libs) . '---|';
for my $n (@rows) {
    my @notes;
    for my $lib (@others) {
        my $d = defined_in($lib, $n);
        my $rd = defined_in($ref, $n);
        if (!$d) { push @notes, lib($lib) . ': not defined' if $rd; next }
        my $v = value($lib, $n);
        if ($v == 0) { push @notes, lib($lib) . ': defined as 0' }
        elsif (!$rd) { push @notes, lib($lib) . ': not in ' . lib($ref) }
        elsif ($v != value($ref, $n)) { push @notes, lib($lib) . ': another value' }
    }
    say '| <a id="' . anchor_name($n) . '"></a>' . code($n) . ' | '
      . join(' | ', map { cell_value($_, $n) } @libs) . ' | '
      . (@notes ? join('; ', @notes) : 'same') . ' |';
}
say;

# Values: what each library means by each value some library names.
my %seen;
my @values = sort { $a <=> $b } grep { !$seen{$_}++ } grep { $_ != 0 }
    map { my $n = $_; map { defined_in($_, $n) ? value($_, $n) : () } @libs } @rows;
say '## Values';
say;
say 'One row per value that a name has in any library (0 aside): what each';
say 'library calls it. Where a library has no name with that value, the cell says';
say 'so, and which of its single-bit names make it up, if they do.';
say;
say '| value | ' . join(' | ', map { lib($_) } @libs) . ' |';
say '|---|' . join('', map { '---|' } @libs) . '';
for my $v (@values) {
    my @cells;
    for my $lib (@libs) {
        my @n = names_of($lib, $v);
        if (@n) { push @cells, join(', ', map { code($_) } @n); next }
        my $d = decode($lib, $v);
        push @cells, $d =~ /^unnamed / || $d eq 'no name' ? 'no name' : tc("no name (= $d)");
    }
    say '| <a id="' . anchor_value($v) . '"></a>' . hx($v) . ' | ' . join(' | ', @cells) . ' |';
}
say;

# Collisions.
say '## Collisions';
say;
say '### One value, different flags in different libraries';
say;
say 'A value counts when two libraries give it different names, or when one names';
say 'it and another\'s single-bit names add up to it.';
say;
my $any = 0;
for my $v (@values) {
    my (%names, @named, @combo);
    for my $lib (@libs) {
        my @n = names_of($lib, $v);
        if (@n) { $names{$lib} = join(' or ', map { code($_) } @n); push @named, $lib; next }
        my $d = decode($lib, $v);
        push @combo, [$lib, $d] if $d =~ /\|/ && $d !~ /unnamed/;
    }
    my (%combo_by, @combo_order);
    for (@combo) {
        push @combo_order, $_->[1] unless $combo_by{ $_->[1] };
        push @{ $combo_by{ $_->[1] } }, $_->[0];
    }
    my %distinct = map { $names{$_} => 1 } @named;
    next unless keys(%distinct) > 1 || (@named && @combo);
    my %by;
    push @{ $by{ $names{$_} } }, $_ for @named;
    my @parts = map { "$_ in " . libs_words(@{ $by{$_} }) }
        sort { lib($by{$a}[0]) cmp lib($by{$b}[0]) } keys %by;
    push @parts, code($_) . ' (two flags) in ' . libs_words(@{ $combo_by{$_} }) for @combo_order;
    say '- [' . hx($v) . '](#' . anchor_value($v) . ') is ' . words(@parts) . '.';
    $any = 1;
}
say '- None.' unless $any;
say;
say '### One name, different values in different libraries';
say;
$any = 0;
for my $n (@rows) {
    my @d = grep { defined_in($_, $n) } @libs;
    my %vals = map { value($_, $n) => 1 } @d;
    next unless keys(%vals) > 1;
    my (%by, @order);
    for (@d) { push @order, value($_, $n) unless $by{ value($_, $n) }; push @{ $by{ value($_, $n) } }, $_ }
    my @parts = map { my $v = $_; (($v == 0) ? '0 (defined as 0)' : hx($v)) . ' in ' . libs_words(@{ $by{$v} }) } @order;
    my @missing = grep { !defined_in($_, $n) } @libs;
    say '- [' . code($n) . '](#' . anchor_name($n) . ') is ' . words(@parts)
      . (@missing ? '; not defined in ' . libs_words(@missing) : '') . '.';
    $any = 1;
}
say '- None.' unless $any;
say;
say '### Two names, one value in one library';
say;
$any = 0;
for my $lib (@libs) {
    for my $v (@values) {
        my @n = names_of($lib, $v);
        next unless @n > 1;
        say '- In ' . lib($lib) . ', ' . join(' and ', map { '[' . code($_) . '](#' . anchor_name($_) . ')' } @n)
          . ' are both ' . hx($v) . ': one flag under two names.';
        $any = 1;
    }
}
say '- None (apart from the names defined as 0, below).' unless $any;
say;
say '### Names that share bits in one library';
say;
$any = 0;
for my $lib (@libs) {
    my @d = grep { defined_in($lib, $_) && value($lib, $_) > 0 } @rows;
    for my $i (0 .. $#d) {
        for my $j ($i + 1 .. $#d) {
            my ($x, $y) = @d[$i, $j];
            my ($va, $vb) = (value($lib, $x), value($lib, $y));
            next if $va == $vb || !($va & $vb);
            my ($big, $small) = $va > $vb ? ($x, $y) : ($y, $x);
            my ($vbig, $vsmall) = (value($lib, $big), value($lib, $small));
            say '- In ' . lib($lib) . ', [' . code($big) . '](#' . anchor_name($big) . ') (' . hx($vbig)
              . ') and [' . code($small) . '](#' . anchor_name($small) . ') (' . hx($vsmall)
              . ') share the bits ' . hx($vbig & $vsmall) . ': `mode & ' . $big . '` is non-zero when only '
              . short($small) . ' is set.';
            $any = 1;
        }
    }
}
say '- None: in every library, two names either have one value or share no bit.' unless $any;
say;
my @notbits = map { my $lib = $_; map { [$lib, $_] } grep { defined_in($lib, $_) && value($lib, $_) != 0
    && !is_bit(value($lib, $_)) } @rows } @libs;
if (@notbits) {
    say 'Names whose value is not one bit: '
      . join(', ', map { code($_->[1]) . ' in ' . lib($_->[0]) . ' (' . hx(value(@$_)) . ')' } @notbits) . '.';
    say;
}

# Zeros.
say '## Names defined as 0';
say;
say 'A name defined as 0 compiles, but carries no bit: `SSL_CTX_set_mode(ctx,';
say 'SSL_MODE_X)` passes 0, and `mode & SSL_MODE_X` is 0 whatever the mask holds.';
say;
$any = 0;
for my $lib (@libs) {
    my @z = grep { defined_in($lib, $_) && value($lib, $_) == 0 } @rows;
    next unless @z;
    say '- ' . lib($lib) . ': ' . join(', ', map { '[' . code($_) . '](#' . anchor_name($_) . ')' } @z) . '.';
    $any = 1;
}
say '- None.' unless $any;
say;

# Defaults.
say '## Default masks';
say;
say 'The mask of a new context (`SSL_CTX_get_mode(SSL_CTX_new(TLS_method()))`) and';
say 'of a new SSL made from one (`SSL_get_mode(SSL_new(ctx))`), with the flag';
say 'names of the library itself.';
say;
say '| library | new context | new SSL |';
say '|---|---|---|';
for my $lib (@libs) {
    say '| <a id="default-' . $lib . '"></a>' . lib($lib) . ' | ' . mask_cell($lib, $p{$lib}{mode}{ctx_new})
      . ' | ' . mask_cell($lib, $p{$lib}{mode}{ssl_new}) . ' |';
}
say;
# Whether a get call says 0 after every set of a non-zero argument: then it
# cannot show what a new object holds either.
sub get_blind {
    my ($lib, $obj) = @_;
    my @s = grep { defined } map { $p{$lib}{set}{"$obj $_"} } @ARGS;
    return @s && !grep { !($_->{get} =~ /^0x/ && num($_->{get}) == 0 && $_->{arg} != 0) } @s;
}
sub set_links {
    my ($lib, $obj) = @_;
    join(', ', map { "[$_](#set-$lib-$obj-$_)" } grep { $p{$lib}{set}{"$obj $_"} } @ARGS);
}
my $refmask = $p{$ref}{mode}{ctx_new};
$refmask =~ /^0x/ or fail "$ref: the default context mask is $refmask";
my $rv = num($refmask);
my $refwords = lib($ref) . "'s new context starts at " . hx($rv) . ' (' . decode($ref, $rv) . ')';
for my $lib (@others) {
    my ($m, $ms) = ($p{$lib}{mode}{ctx_new}, $p{$lib}{mode}{ssl_new});
    my $link = '[' . lib($lib) . '](#default-' . $lib . ')';
    my @s;
    if ($m !~ /^0x/) {
        push @s, 'The mask of a new context cannot be read (' . mask_cell($lib, $m) . ").";
    } elsif (get_blind($lib, 'ctx')) {
        push @s, '`SSL_CTX_get_mode` says ' . hx(num($m)) . ' on a new context, but it also says 0 after'
          . ' every `SSL_CTX_set_mode` (' . set_links($lib, 'ctx') . '): it does not show the mask, so this'
          . " table cannot tell which flags a new context has. $refwords.";
    } else {
        my $mv = num($m);
        if ($mv == $rv && decode($lib, $mv) eq decode($ref, $rv)) {
            push @s, 'A new context starts at ' . hx($mv) . ' (' . decode($lib, $mv) . '), as in ' . lib($ref) . '.';
        } else {
            push @s, 'A new context starts at ' . hx($mv) . ' (' . decode($lib, $mv) . "); $refwords.";
            for my $n (@model_names) {
                my $bit = value($ref, $n);
                next unless is_bit($bit) && ($rv & $bit);
                if (!defined_in($lib, $n)) {
                    push @s, code(short($n)) . ', on in ' . lib($ref) . ', is not defined in ' . lib($lib) . '.';
                } elsif (value($lib, $n) == 0) {
                    push @s, code(short($n)) . ', on in ' . lib($ref) . ', is defined as 0 in ' . lib($lib)
                      . ': no bit of the mask can say whether it is on.';
                } elsif ((value($lib, $n) & $mv) != value($lib, $n)) {
                    push @s, code(short($n)) . ', on in ' . lib($ref) . ', is off in ' . lib($lib) . '.';
                }
            }
            for my $n (@rows) {
                next unless defined_in($lib, $n);
                my $v = value($lib, $n);
                next unless is_bit($v) && ($mv & $v);
                next if defined_in($ref, $n) && is_bit(value($ref, $n)) && ($rv & value($ref, $n));
                push @s, code(short($n)) . ' is on in ' . lib($lib) . ' and off in ' . lib($ref) . '.';
            }
        }
    }
    if ($ms eq 'unsupported') {
        push @s, 'There is no `SSL_get_mode`: the mask of an SSL cannot be read.';
    } elsif ($ms =~ /^0x/ && $m =~ /^0x/ && num($ms) != num($m)) {
        push @s, 'A new SSL starts at ' . hx(num($ms)) . ', not at its context\'s mask.';
    }
    say "- $link: @s";
}
say;

# set_mode.
say '## What `set_mode` returns';
say;
say 'Each row is a new object: `SSL_CTX_set_mode` on a new context, or `SSL_set_mode`';
say 'on a new SSL, with one argument, then the get call on the same object. The';
say 'arguments use the library\'s own names, as a program built against it would:';
say;
say "- `$_`: $ARG_WORDS{$_}." for @ARGS;
say;
say '| library | call | argument | returns | then get |';
say '|---|---|---|---|---|';
for my $lib (@libs) {
    for my $obj ('ctx', 'ssl') {
        for my $arg (@ARGS) {
            my $s = $p{$lib}{set}{"$obj $arg"} or next;
            say '| <a id="set-' . "$lib-$obj-$arg" . '"></a>' . lib($lib) . ' | '
              . ($obj eq 'ctx' ? '`SSL_CTX_set_mode`' : '`SSL_set_mode`') . " | $arg " . hx($s->{arg})
              . ' | ' . mask_cell($lib, $s->{returns}) . ' | ' . mask_cell($lib, $s->{get}) . ' |';
        }
    }
}
say;
for my $lib (@libs) {
    for my $obj ('ctx', 'ssl') {
        my $call = $obj eq 'ctx' ? 'SSL_CTX_set_mode' : 'SSL_set_mode';
        my $get = $obj eq 'ctx' ? '`SSL_CTX_get_mode`' : '`SSL_get_mode`';
        my $default = $p{$lib}{mode}{ $obj eq 'ctx' ? 'ctx_new' : 'ssl_new' };
        my (%kind, @rows_here);
        for my $arg (@ARGS) {
            my $s = $p{$lib}{set}{"$obj $arg"} or next;
            push @rows_here, $arg;
            my ($r, $g) = ($s->{returns}, $s->{get});
            my $k;
            if ($r eq 'unsupported') { $k = 'unsupported' }
            elsif ($r eq 'null') { $k = 'null' }
            elsif ($default =~ /^0x/ && num($r) == (num($default) | $s->{arg}) && $g eq $r) { $k = 'new mask' }
            elsif (num($r) == $s->{arg}) { $k = 'argument' }
            elsif (num($r) == 0) { $k = 'zero' }
            else { $k = 'other' }
            $k .= $g =~ /^0x/ && num($g) == 0 && $k ne 'new mask' ? ', get 0' : '';
            $k .= $g eq 'unsupported' ? ', no get' : '';
            push @{ $kind{$k} }, $arg;
        }
        next unless @rows_here;
        my @words;
        for my $k (sort keys %kind) {
            my $args = join(', ', map { "[$_](#set-$lib-$obj-$_)" } @{ $kind{$k} });
            my %say = (
                'new mask'           => "returns the mask after the call, and $get agrees",
                'argument'           => 'returns its argument, not the mask',
                'argument, get 0'    => "returns its argument, not the mask, and $get then says 0: what was stored cannot be read back",
                'argument, no get'   => "returns its argument; there is no $get to read the mask",
                'zero'               => 'returns 0',
                'zero, get 0'        => "returns 0, and $get then says 0",
                'zero, no get'       => "returns 0, and there is no $get to read the mask",
                'unsupported'        => 'is not declared by the headers',
                'unsupported, no get' => 'is not declared by the headers',
                'null'               => 'could not be tried: the object could not be made',
            );
            my $w = $say{$k} // "returns something else ($k)";
            push @words, "$w ($args)";
        }
        say '- ' . lib($lib) . ": `$call` " . join('; it ', @words) . '.';
    }
}
say;

# Types and unsupported calls.
say '## Return types';
say;
my %u32 = map { $_ => $p{$_}{type}{uint32_t} // fail("$_: no type of uint32_t") } @libs;
my %u32s = map { $_ => 1 } values %u32;
keys(%u32s) == 1 or fail "the probes disagree on what uint32_t is";
say 'The C type each call returns, as a `_Generic` in the probe names it';
say '(`uint32_t` is `' . (keys %u32s)[0] . '` here, in every probe).';
say;
say '| call | ' . join(' | ', map { lib($_) } @libs) . ' |';
say '|---|' . join('', map { '---|' } @libs);
for my $call (qw(SSL_CTX_set_mode SSL_CTX_get_mode SSL_set_mode SSL_get_mode)) {
    say '| <a id="type-' . lc($call) . '"></a>`' . $call . '` | '
      . join(' | ', map { $p{$_}{unsupported}{$call} ? 'unsupported' : code($p{$_}{type}{$call} // fail("$_: no type of $call")) } @libs) . ' |';
}
say;
say '## Unsupported calls';
say;
say 'The calls the probe makes that a library\'s headers do not declare:';
say;
$any = 0;
for my $lib (@libs) {
    my @u = sort keys %{ $p{$lib}{unsupported} || {} };
    next unless @u;
    say '- <a id="unsupported-' . $lib . '"></a>' . lib($lib) . ': ' . join(', ', map { code($_) } @u) . '.';
    $any = 1;
}
say '- None.' unless $any;

print map { "$_\n" } @out;
