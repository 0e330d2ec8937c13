#!/usr/bin/env perl
# doc/md2pod.pl: builds the manual page's POD from doc/sslmode.pod and
# README.md (the Makefile's rule for build/sslmode.pod):
#
#   perl doc/md2pod.pl README.md < doc/sslmode.pod > build/sslmode.pod
#
# Why this design. The scenario grammar must read the same in the README and
# in sslmode(1). The README is the owner: it is what people read first, and
# other checks already compare it with the code (the calls table). So the
# README marks the parts the manual page shows, with HTML comments that do
# not render:
#
#   <!-- man: NAME -->
#   ...markdown...
#   <!-- /man -->
#
# and doc/sslmode.pod says where each goes, with a paragraph
#
#   =for readme NAME
#
# (which pod2man would ignore on its own). This script replaces each such
# paragraph with the region converted to POD. Nothing is copied by hand and
# no copy is committed, so the two cannot drift: the page is rebuilt when the
# README changes. The converter knows the markdown the README uses
# (paragraphs, **bold** lead-ins, `code`, fenced blocks, "- " lists, tables)
# and stops with README.md:LINE: message on anything else, on a region that
# is missing, unclosed or unused, so a README change can never silently make
# a wrong page. Tables become item lists (a man page is read in 80 columns);
# other HTML comments inside a region are skipped.
use strict;
use warnings;

my $readme = shift @ARGV or die "usage: md2pod.pl README.md < TEMPLATE.pod > OUT.pod\n";
open my $in, '<', $readme or die "$readme: cannot open: $!\n";
my @md = <$in>;
close $in;
chomp @md;

sub fail { my ($line, $msg) = @_; die "$readme:$line: $msg\n"; }

# The regions: name => [ [line number, text], ... ].
my (%region, %used, $name, $start);
for my $i (0 .. $#md) {
    my $n = $i + 1;
    local $_ = $md[$i];
    if (/^<!--\s*man:\s*([\w-]+)\s*-->\s*$/) {
        fail($n, "region `$1` opens inside region `$name`") if defined $name;
        fail($n, "region `$1` is marked twice") if $region{$1};
        ($name, $start) = ($1, $n);
        $region{$name} = [];
    } elsif (/^<!--\s*\/man\s*-->\s*$/) {
        fail($n, "`<!-- /man -->` without a region open") unless defined $name;
        undef $name;
    } elsif (/^\s*<!--\s*\/?man\b/) {
        fail($n, "malformed man region marker (`<!-- man: NAME -->` ... `<!-- /man -->`)");
    } elsif (defined $name) {
        push @{ $region{$name} }, [ $n, $_ ];
    }
}
fail($start, "region `$name` is not closed (`<!-- /man -->`)") if defined $name;

# Inline markdown to POD: `code` to C<>, **bold** to B<>, [text](url) to
# "text (url)"; every < and > escaped, so the only formatting codes are ours.
sub esc { my $s = shift; $s =~ s/([<>])/$1 eq '<' ? 'E<lt>' : 'E<gt>'/ge; return $s; }

sub inline {
    my ($text, $n) = @_;
    my @parts = split /`/, $text, -1;
    fail($n, "unbalanced ` (a code span is not closed)") if @parts % 2 == 0;
    my $out = '';
    for my $k (0 .. $#parts) {
        my $p = $parts[$k];
        if ($k % 2) {
            fail($n, "empty code span") if $p eq '';
            $out .= 'C<' . esc($p) . '>';
            next;
        }
        $p =~ s/\\([\\`*_{}\[\]()#+\-.!|])/$1/g;
        fail($n, "HTML in a man region: `$1`") if $p =~ /(<\/?[a-zA-Z][^>]*>)/;
        $p = esc($p);
        $p =~ s/\[([^\]]+)\]\(([^)]+)\)/$1 ($2)/g;
        $p =~ s/\*\*([^*]+)\*\*/B<$1>/g;
        fail($n, "markdown this converter does not know (`*` or `_` emphasis)")
            if $p =~ /(^|\s)[*_]\S/;
        $out .= $p;
    }
    # A paragraph that starts with `=` would read as a POD command.
    $out =~ s/^=/Z<>=/;
    return $out;
}

sub cells {
    my ($row, $n) = @_;
    $row =~ s/^\s*\|//;
    $row =~ s/\|\s*$//;
    my @c = map { s/^\s+|\s+$//gr } split /(?<!\\)\|/, $row, -1;
    s/\\\|/|/g for @c;
    return @c;
}

sub convert {
    my @lines = @{ shift() };
    my @out;
    my $i = 0;
    while ($i < @lines) {
        my ($n, $l) = @{ $lines[$i] };
        if ($l =~ /^\s*$/ || $l =~ /^<!--.*-->\s*$/) {
            $i++;
        } elsif ($l =~ /^```/) {
            my @code;
            $i++;
            while ($i < @lines && $lines[$i][1] !~ /^```\s*$/) {
                push @code, $lines[$i][1];
                $i++;
            }
            fail($n, "code block not closed") if $i == @lines;
            $i++;
            push @out, join("\n", map { /\S/ ? "    $_" : '' } @code);
        } elsif ($l =~ /^\s*\|/) {
            my @head = cells($l, $n);
            fail($n, "a table needs a |---| line under its header")
                unless $i + 1 < @lines && $lines[$i + 1][1] =~ /^\s*\|[\s:|-]+\|\s*$/;
            $i += 2;
            push @out, '=over 4';
            while ($i < @lines && $lines[$i][1] =~ /^\s*\|/) {
                my ($rn, $row) = @{ $lines[$i] };
                my @c = cells($row, $rn);
                fail($rn, scalar(@c) . " cells in a row of a " . scalar(@head) . "-column table")
                    unless @c == @head;
                push @out, '=item ' . inline($c[0], $rn);
                my @rest = @head == 2 ? (inline($c[1], $rn))
                    : map { 'I<' . inline($head[$_], $n) . '>: ' . inline($c[$_], $rn) } 1 .. $#c;
                push @out, join('; ', @rest) . '.';
                $out[-1] =~ s/([.:;!?])\.$/$1/;
                $i++;
            }
            push @out, '=back';
        } elsif ($l =~ /^- /) {
            push @out, '=over 2';
            while ($i < @lines && $lines[$i][1] =~ /^- (.*)/) {
                my ($in, $text) = ($lines[$i][0], $1);
                $i++;
                while ($i < @lines && $lines[$i][1] =~ /^\s{2,}(\S.*)/) {
                    fail($lines[$i][0], "a nested list (not known to this converter)")
                        if $1 =~ /^[-*] /;
                    $text .= " $1";
                    $i++;
                }
                push @out, '=item *', inline($text, $in);
            }
            push @out, '=back';
        } elsif ($l =~ /^(#|\s*[*+] |\s*\d+\. |\s*>|\s+\S)/) {
            fail($n, "markdown this converter does not know (a heading, quote, other list, "
                 . "or indented block): `$l`");
        } else {
            my $text = $l;
            $i++;
            while ($i < @lines && $lines[$i][1] =~ /\S/ && $lines[$i][1] !~ /^(```|\s*\||- |<!--)/) {
                $text .= ' ' . $lines[$i][1] =~ s/^\s+//r;
                $i++;
            }
            # A bold lead-in, **Name.**, is a subsection of the page.
            if ($text =~ s/^\*\*([^*]+?)\.\*\*\s*//) {
                push @out, '=head2 ' . inline($1, $n);
            }
            push @out, inline($text, $n) if $text =~ /\S/;
        }
    }
    return join("\n\n", @out);
}

# The template: paragraphs, "=for readme NAME" replaced.
my $pod = do { local $/; <STDIN> };
my $replace = sub {
    my $r = shift;
    die "doc/sslmode.pod: `=for readme $r`: $readme has no region `<!-- man: $r -->`\n"
        unless $region{$r};
    $used{$r} = 1;
    return convert($region{$r}) . "\n\n";
};
$pod =~ s/^=for readme ([\w-]+)[ \t]*\n(?:[ \t]*\n|\z)/$replace->($1)/gme;
for my $r (sort keys %region) {
    die "$readme: region `$r` is used nowhere in doc/sslmode.pod (`=for readme $r`)\n"
        unless $used{$r};
}
print $pod;
