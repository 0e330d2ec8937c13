#!/usr/bin/env bash
# openssl/fetch-build.sh PROFILE FLAVOUR: fetches one pinned OpenSSL source
# package from Debian and builds its static libraries into
# build/openssl/PROFILE-FLAVOUR/ (include/, lib/libssl.a, lib/libcrypto.a,
# ssl/openssl.cnf), once: a stamp file holds the Debian version and the
# configure line, and the build is redone only when either changes.
#
#   PROFILE  a first column of openssl/versions (3.0, 3.5, 1.1.1)
#   FLAVOUR  plain  -O1 -g, for sslmode and the scenarios
#            fuzz   the same with -fsanitize=fuzzer-no-link,address,undefined,
#                   for the fuzz targets (libFuzzer then sees libssl's branches)
#
#   openssl/fetch-build.sh --list            prints the profiles, one a line
#   openssl/fetch-build.sh --fetch PROFILE   fetches and unpacks the source only
#                                            (build/openssl/src/openssl-DEBIANVERSION/)
#
# The source comes through a private apt configuration written at run time
# under build/openssl/apt/PROFILE/, made from the machine's own Debian
# sources (the same mirrors, as deb-src, plus the suites openssl/versions
# names): the system's sources are never changed, and no mirror's name is
# written into the repository. apt checks the indexes' signatures and the
# files' hashes; dpkg-source checks the files against the .dsc and applies
# Debian's patches.
#
# Exit: 0 built or already up to date; 1 a failed step (the message names it:
# the version, the URL, or the build log); 2 a wrong command line.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
B=$ROOT/build/openssl

die()  { echo "openssl/fetch-build.sh: $*" >&2; exit 1; }
usage() { echo "usage: openssl/fetch-build.sh PROFILE plain|fuzz | --fetch PROFILE | --list" >&2
          echo "profiles (openssl/versions): $(profiles | tr '\n' ' ')" >&2; exit 2; }
profiles() { awk '!/^#/ && NF { print $1 }' openssl/versions; }

[ $# -eq 1 ] && [ "$1" = --list ] && { profiles; exit 0; }
[ $# -eq 2 ] || usage
FETCH_ONLY=0
[ "$1" = --fetch ] && { FETCH_ONLY=1; shift; set -- "$1" plain; }
PROFILE=$1 FLAVOUR=$2
row=$(awk -v p="$PROFILE" '!/^#/ && $1 == p' openssl/versions)
[ -n "$row" ] || { echo "openssl/fetch-build.sh: unknown profile \`$PROFILE\` (openssl/versions)" >&2; usage; }
case $FLAVOUR in plain|fuzz) ;; *) echo "openssl/fetch-build.sh: unknown flavour \`$FLAVOUR\`" >&2; usage ;; esac
read -r _ DEBVER SUITES <<<"$row"
UPVER=${DEBVER%-*}    # 3.5.7-1~deb13u2 -> 3.5.7
UPVER=${UPVER#*:}

START=$(date +%s)
elapsed() { local s=$(( $(date +%s) - START )); printf '%d:%02d' $((s / 60)) $((s % 60)); }
step() { echo "openssl $PROFILE$([ "$FETCH_ONLY" = 1 ] || echo "-$FLAVOUR"): $* ($(elapsed) elapsed)"; }

# --- the configure line ------------------------------------------------------
# Debian's own options, read from the package's debian/rules (its CONFARGS
# for this machine's architecture), less the paths (ours are private),
# enable-unit-test (no tests are built) and enable-fips (the FIPS provider is
# a loadable module that nothing here loads); and the defines of Debian's
# own target (Configurations/20-debian.conf: 3.0's raises the default
# security level to 2 with -DOPENSSL_TLS_SECURITY_LEVEL=2). Its other flags
# (-fzero-call-used-regs, -Wa,--noexecstack) only harden the code, and
# clang 14 lacks the first: the target here is linux-x86_64-clang. The
# libraries are static, without tests or documentation; OPENSSLDIR is
# private and holds the package's own apps/openssl.cnf (with Debian's
# system-wide defaults where the package has them, as Debian installs it),
# not the machine's, which belongs to 3.0.
#
# The fuzz flavour takes, of OpenSSL's own fuzz build (fuzz/README.md), only
# what leaves the library's behaviour as it is: the sanitizers, with the
# project's own flags (its Makefile's fuzz flavour), and
# -fno-sanitize=alignment (OpenSSL reads unaligned words on purpose on x86).
# Not enable-asan and enable-ubsan: the same sanitizers, with
# -fno-sanitize-recover=all and -DPEDANTIC (some inline assembly off).
# It leaves out -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION: 1.1.1 and 3.0
# use it outside ssl/ only (CRYPTO_memcmp becomes memcmp, ASN1 strings lose
# their NUL; 3.0's CMP skips its checks), but 3.5 also accepts a bad record
# MAC and a bad Finished when the first byte is the right one's inverted
# (ssl/record/methods/tls_common.c, ssl/statem/statem_lib.c), a bad
# renegotiation_info the same way (extensions_srvr.c), and picks another
# session ID on a collision (ssl_sess.c): a build with it is no longer the
# truth the model is compared with. The randomness stays the library's own:
# OpenSSL's fuzzers make it repeatable in their harness (fuzz/fuzz_rand.c in
# 3.x, fuzz/client.c's FuzzerSetRand in 1.1.1), not in the library. It also
# leaves out enable-weak-ssl-ciphers, enable-ssl3, enable-rc5, enable-md2
# and enable-nextprotoneg: features Debian does not ship.
OUT=$B/$PROFILE-$FLAVOUR          # what the project links: include/ lib/ ssl/
WORK=$B/work/$PROFILE-$FLAVOUR    # OpenSSL's own build tree
SRC=$B/src/openssl-$DEBVER        # the unpacked, patched source

configure_line() {
  local confargs defines a opts=()
  confargs=$(cd "$SRC" && printf 'include debian/rules\nsslmode-print-confargs:\n\t@echo $(CONFARGS)\n' |
             make -s -f - sslmode-print-confargs 2>/dev/null) ||
    die "cannot read CONFARGS from $SRC/debian/rules"
  for a in $confargs; do
    case $a in --prefix=*|--openssldir=*|--libdir=*|enable-unit-test|enable-fips) ;; *) opts+=("$a") ;; esac
  done
  defines=$(awk '/^[ \t]*"debian" *=>/ { on = 1 } on && /cflags/ { print; exit }' \
              "$SRC/Configurations/20-debian.conf" 2>/dev/null | grep -oE -- '-D[A-Za-z0-9_]+(=[A-Za-z0-9_]+)?' || true)
  local cflags=(-O1 -g)
  [ "$FLAVOUR" = fuzz ] && cflags+=(-fsanitize=fuzzer-no-link,address,undefined
                                   -fno-sanitize-recover=undefined -fno-sanitize=alignment)
  CONFIGURE=(env CC=clang "$SRC/Configure" linux-x86_64-clang no-shared no-tests "${opts[@]}"
             --prefix="$OUT" --libdir=lib --openssldir="$OUT/ssl" $defines "${cflags[@]}")
  STAMP_TEXT="openssl $DEBVER $FLAVOUR
${CONFIGURE[*]}"
}

# --- 1. fetch ---------------------------------------------------------------
# The machine's Debian sources, one "URI<TAB>suite<TAB>components<TAB>signed-by"
# a line, from deb822 .sources files and one-line .list files alike.
system_sources() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'function flush() { if (uris != "" && types ~ /deb/ && enabled !~ /^no$/) {
                              n = split(uris, u, " "); m = split(suites, s, " ")
                              for (i = 1; i <= n; i++) for (j = 1; j <= m; j++)
                                printf "%s\t%s\t%s\t%s\n", u[i], s[j], comps, signed }
                            types = uris = suites = comps = signed = enabled = "" }
         /^[ \t]*#/ { next }
         /^[ \t]*$/ { flush(); next }
         { key = tolower($1); sub(/:$/, "", key); $1 = ""; sub(/^[ \t]+/, "")
           if (key == "types") types = $0; else if (key == "uris") uris = $0
           else if (key == "suites") suites = $0; else if (key == "components") comps = $0
           else if (key == "signed-by") signed = $0; else if (key == "enabled") enabled = tolower($0) }
         END { flush() }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk '/^[ \t]*deb(-src)?[ \t]/ {
           signed = ""; i = 2
           if ($2 ~ /^\[/) { while (i <= NF) { if ($i ~ /signed-by=/) { signed = $i; sub(/.*signed-by=/, "", signed); sub(/\]$/, "", signed) }
                                               if ($i ~ /\]$/) { i++; break } i++ } }
           uri = $i; suite = $(i + 1); comps = ""
           for (j = i + 2; j <= NF; j++) comps = comps (comps == "" ? "" : " ") $j
           printf "%s\t%s\t%s\t%s\n", uri, suite, comps, signed }' "$f"
  done
}

APT=$B/apt/$PROFILE
fetch() {
  local sys main="" sec="" msigned="" ssigned="" uri suite comps signed
  sys=$(system_sources | sort -u)
  # A Debian archive is recognised by its suites: the security archive
  # serves *-security, the main archive the others.
  while IFS=$'\t' read -r uri suite comps signed; do
    [ -n "$uri" ] || continue
    case $suite in
      *-security) [ -n "$sec" ]  || { sec=$uri;  ssigned=$signed; } ;;
      *)          [ -n "$main" ] || { main=$uri; msigned=$signed; } ;;
    esac
  done <<<"$sys"
  [ -n "$main" ] || die "no Debian archive found in /etc/apt/sources.list or /etc/apt/sources.list.d/ (a 'deb' entry for the release's suite is needed)"
  mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/etc/preferences.d" "$B/src"
  : >"$APT/sources.list"
  local s want_sec=0
  for s in $SUITES; do
    case $s in
      *-security)
        [ -n "$sec" ] || die "openssl $DEBVER needs the suite $s, but the machine's sources name no security archive"
        echo "deb-src${ssigned:+ [signed-by=$ssigned]} $sec $s main" >>"$APT/sources.list" ;;
      *) echo "deb-src${msigned:+ [signed-by=$msigned]} $main $s main" >>"$APT/sources.list" ;;
    esac
  done
  # Dir::Etc::SourceParts and Preferences point to empty folders: only our
  # list counts. The download runs as root: the folders are the project's,
  # which apt's sandbox user may not be able to read.
  cat >"$APT/apt.conf" <<EOF
Dir::Etc::SourceList "$APT/sources.list";
Dir::Etc::SourceParts "$APT/etc/none.d";
Dir::Etc::Preferences "$APT/etc/preferences";
Dir::Etc::PreferencesParts "$APT/etc/preferences.d";
Dir::State::Lists "$APT/lists";
Dir::Cache "$APT/cache";
APT::Sandbox::User "root";
EOF
  mkdir -p "$APT/etc/none.d"
  export APT_CONFIG=$APT/apt.conf
  step "1/5 fetch: apt-get update ($SUITES, deb-src, private configuration $APT/apt.conf)"
  if ! apt-get -q update >"$APT/update.log" 2>&1 || grep -qE '^(E:|W: Failed)' "$APT/update.log"; then
    cat "$APT/update.log" >&2
    die "apt-get update of the suites $SUITES failed (log: $APT/update.log)"
  fi
  local listed
  listed=$(apt-cache showsrc openssl 2>/dev/null | awk '$1 == "Version:" { print $2 }' | sort -u | tr "\n" " " | sed "s/ $//")
  case " $listed " in
    *" $DEBVER "*) ;;
    *) die "openssl $DEBVER is not in the indexes of $SUITES (they list: ${listed:-nothing}); change the pin in openssl/versions" ;;
  esac
  # Each file of the source package, with its URL, size and hash; then each
  # is downloaded by apt's own helper, which checks the hash, so that a file
  # the index lists but the mirror does not serve is named with its URL.
  local uris
  uris=$(cd "$B/src" && apt-get source --print-uris --only-source "openssl=$DEBVER" 2>&1) ||
    { echo "$uris" >&2; die "apt-get source --print-uris openssl=$DEBVER failed"; }
  local url file size hash n=0 dsc=""
  while read -r url file size hash; do
    url=${url#\'}; url=${url%\'}
    n=$((n + 1))
    case $file in *.dsc) dsc=$file ;; esac
    if [ -f "$B/src/$file" ] && [ "$(stat -c %s "$B/src/$file")" = "$size" ]; then
      continue  # dpkg-source checks it against the .dsc below
    fi
    step "1/5 fetch: $file ($size bytes)"
    rm -f "$B/src/$file"
    if ! /usr/lib/apt/apt-helper download-file "$url" "$B/src/$file" "$hash" >"$APT/download.log" 2>&1; then
      cat "$APT/download.log" >&2
      rm -f "$B/src/$file"
      die "openssl $DEBVER: the mirror does not serve $url (the index lists it); pin a version whose files are served in openssl/versions"
    fi
  done < <(grep "^'" <<<"$uris")
  [ "$n" -gt 0 ] && [ -n "$dsc" ] || { echo "$uris" >&2; die "apt-get source --print-uris openssl=$DEBVER named no .dsc"; }
  step "1/5 fetch: unpack $dsc and apply Debian's patches (dpkg-source -x)"
  rm -rf "$SRC"
  # dpkg-source checks every file's size and hashes against the .dsc. The
  # .dsc's own signature would need debian-keyring (a warning without it):
  # the .dsc is trusted through the signed index whose hash it matched.
  (cd "$B/src" && dpkg-source -x "$dsc" "$SRC" >"$APT/unpack.log" 2>&1) ||
    { cat "$APT/unpack.log" >&2; die "dpkg-source -x $B/src/$dsc failed (log: $APT/unpack.log)"; }
  echo "$DEBVER" >"$SRC/.debian-version"
}

# One fetch or build of a profile at a time (make -j, two shells): the
# others wait for it, then find it done.
mkdir -p "$B/locks"
exec 9>"$B/locks/$PROFILE.lock"
flock -n 9 || { echo "openssl $PROFILE: waiting for another fetch or build of $PROFILE"; flock 9; }

[ -f "$SRC/.debian-version" ] && [ "$(cat "$SRC/.debian-version")" = "$DEBVER" ] || fetch
[ "$FETCH_ONLY" = 0 ] || { echo "openssl $PROFILE: source in $SRC"; exit 0; }

configure_line
if [ -f "$OUT/stamp" ] && [ "$(cat "$OUT/stamp")" = "$STAMP_TEXT" ] &&
   [ -f "$OUT/lib/libssl.a" ] && [ -f "$OUT/lib/libcrypto.a" ]; then
  echo "openssl $PROFILE-$FLAVOUR: up to date ($DEBVER, $OUT)"
  exit 0
fi

# --- 2. configure, 3. build, 4. install ---------------------------------------
# A build tree configured with the same line is taken up where it stopped
# (an interrupted build: make is incremental); any other is made anew.
LOG=$WORK.log
rm -rf "$OUT"
if [ -f "$WORK/.sslmode-configure" ] && [ "$(cat "$WORK/.sslmode-configure")" = "$STAMP_TEXT" ]; then
  step "2/5 configure: $WORK is configured with the same line; the build goes on from there"
else
  rm -rf "$WORK"
  mkdir -p "$WORK"
  step "2/5 configure: ${CONFIGURE[*]}"
  (cd "$WORK" && "${CONFIGURE[@]}") >"$LOG" 2>&1 ||
    { tail -30 "$LOG" >&2; die "configure of openssl $DEBVER ($FLAVOUR) failed (log: $LOG)"; }
  printf '%s\n' "$STAMP_TEXT" >"$WORK/.sslmode-configure"
fi
mkdir -p "$OUT"

# The build prints a line every 30 s: objects so far, and the time.
JOBS=${JOBS:-$(nproc)}
step "3/5 build: make -j$JOBS build_libs (log: $LOG)"
(cd "$WORK" && make -j"$JOBS" build_libs) >>"$LOG" 2>&1 &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
  for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && step "3/5 build: $(find "$WORK" -name '*.o' | wc -l) objects"
done
wait "$pid" || { tail -30 "$LOG" >&2; die "make build_libs of openssl $DEBVER ($FLAVOUR) failed (log: $LOG)"; }

step "4/5 install: headers and static libraries into $OUT"
(cd "$WORK" && make install_dev) >>"$LOG" 2>&1 ||
  { tail -30 "$LOG" >&2; die "make install_dev of openssl $DEBVER ($FLAVOUR) failed (log: $LOG)"; }
mkdir -p "$OUT/ssl"
cp "$SRC/apps/openssl.cnf" "$OUT/ssl/openssl.cnf"

printf '%s\n' "$STAMP_TEXT" >"$OUT/stamp"
step "5/5 done: $OUT ($(du -sh "$OUT/lib" | cut -f1) of libraries)"
