#!/usr/bin/env bash
# conformance/mkmodes.sh OUT: `make conformance-modes`. Builds and runs one
# mode probe per library (probe_LIBRARY.c over probe.h) and writes the table
# of SSL_MODE_* names, values and default masks, rendered by modes.pl, to
# OUT (make writes spec/conformance.md; make test writes a temporary file and
# compares). OUT is written only when every library was probed.
#
# For each library, in its own steps, each of which stops the run with
# "conformance: LIBRARY: ..." when it fails:
#   1. its headers are found and compile (a probe_LIBRARY.c with
#      PROBE_HEADERS_ONLY), and include no other library's headers;
#   2. the SSL_MODE_* names: every flag of model/names.c, and every
#      SSL_MODE_* word in any library's headers, are compiled one per line
#      against the library's headers; a name whose line compiles is defined
#      (a macro or an enum constant), so nothing is guessed from the text;
#      the calls the probe makes are checked the same way;
#   3. the probe is built with what compiled, linked against that library
#      alone (ldd must show its library and none of the others': BoringSSL's
#      symbols are named like OpenSSL's), and run;
#   4. the Debian package that holds the library it loaded, and its version.
# CC (default clang) compiles. CONFORMANCE_<LIBRARY>_CFLAGS and
# CONFORMANCE_<LIBRARY>_LIBS (LIBRARY in capitals) replace a library's flags,
# to probe another build of it. CONFORMANCE_KEEP=DIR keeps each probe's
# output (LIBRARY.out) and generated definitions (LIBRARY-defs.h) in DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: conformance/mkmodes.sh OUT" >&2; exit 2; }
out=$1
CC=${CC:-clang}
LIBRARIES="openssl boringssl wolfssl"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

die() { echo "conformance: $*" >&2; exit 1; }

# The Debian package a library comes from, and the files of another library
# that its probe must not load (ldd's resolved paths, an extended regex).
dev_package() {
  case $1 in
    openssl) echo libssl-dev ;;
    boringssl) echo android-libboringssl-dev ;;
    wolfssl) echo libwolfssl-dev ;;
    *) die "$1: no such library" ;;
  esac
}
foreign_libs() {
  case $1 in
    openssl) echo '/android/|libwolfssl' ;;
    boringssl) echo 'libssl\.so\.3|libcrypto\.so\.3|libwolfssl' ;;
    wolfssl) echo 'libssl\.so|libcrypto\.so' ;;
  esac
}
# BoringSSL's folders, from the package's own file list.
boringssl_file() {
  dpkg -L android-libboringssl-dev 2>/dev/null | grep -m1 -E "$1" ||
    die "boringssl: no file $1 in android-libboringssl-dev (make deps)"
}
# The library's compile and link flags (an override from the environment
# wins), set in CFL and LDL.
flags() {
  local up; up=$(tr '[:lower:]' '[:upper:]' <<<"$1")
  local cv="CONFORMANCE_${up}_CFLAGS" lv="CONFORMANCE_${up}_LIBS"
  case $1 in
    openssl) CFL=""; LDL="-lssl -lcrypto" ;;
    boringssl)
      local inc libdir
      inc=$(boringssl_file '/openssl/ssl\.h$'); inc=${inc%/openssl/ssl.h}
      libdir=$(boringssl_file '/libssl\.so$'); libdir=${libdir%/libssl.so}
      CFL="-I$inc"; LDL="-L$libdir -Wl,-rpath,$libdir -lssl -lcrypto" ;;
    wolfssl) CFL=""; LDL="-lwolfssl" ;;  # headers in /usr/include/wolfssl
  esac
  OVERRIDDEN=""
  [ -z "${!cv+x}" ] || { CFL=${!cv}; OVERRIDDEN=1; }
  [ -z "${!lv+x}" ] || { LDL=${!lv}; OVERRIDDEN=1; }
}
# Headers of another library among those a probe includes (one path a line).
foreign_headers() {
  case $1 in
    openssl) grep -E '/(android|wolfssl|cyassl)/' ;;
    boringssl) grep -E '/openssl/' | grep -vF "${CFL#-I}/openssl/" ;;
    wolfssl) grep -E '/openssl/' | grep -vE '/(wolfssl|cyassl)/openssl/' ;;
  esac
}

# --- 1. headers, and the SSL_MODE_* words in them ----------------------------
sed -n 's/.*{ *MODE_[A-Z0-9_]*, *"\([A-Z0-9_]*\)" *}.*/SSL_MODE_\1/p' model/names.c >"$work/names"
[ -s "$work/names" ] || die "model/names.c: no flag names found"
for lib in $LIBRARIES; do
  flags "$lib"
  pkg=$(dev_package "$lib")
  [ -n "$OVERRIDDEN" ] || dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
    die "$lib: package $pkg is not installed (make deps)"
  # shellcheck disable=SC2086
  $CC -std=c11 $CFL -DPROBE_HEADERS_ONLY -M "conformance/probe_$lib.c" >"$work/$lib.deps" 2>"$work/$lib.err" ||
    { cat "$work/$lib.err" >&2; die "$lib: its headers do not compile (flags: $CFL)"; }
  tr ' \\' '\n\n' <"$work/$lib.deps" | grep '\.h$' | sort -u >"$work/$lib.headers"
  bad=$(foreign_headers "$lib" <"$work/$lib.headers" || true)
  [ -z "$bad" ] || die "$lib: its probe includes another library's headers: $(echo $bad)"
  # shellcheck disable=SC2046
  grep -ohE '\bSSL_MODE_[A-Za-z0-9_]+' $(cat "$work/$lib.headers") >>"$work/words" || true
done
{ cat "$work/names"; sort -u "$work/words" | grep -vxF -f "$work/names"; } >"$work/candidates"

# --- 2. what each library defines and declares --------------------------------
CALLS="TLS_method SSL_CTX_new SSL_new SSL_CTX_set_mode SSL_CTX_get_mode SSL_set_mode SSL_get_mode"
call_line() {
  case $1 in
    TLS_method) echo '(void)TLS_method();' ;;
    SSL_CTX_new) echo '(void)SSL_CTX_new(NULL);' ;;
    SSL_new) echo '(void)SSL_new(ctx);' ;;
    SSL_CTX_set_mode) echo '(void)SSL_CTX_set_mode(ctx, 0);' ;;
    SSL_CTX_get_mode) echo '(void)SSL_CTX_get_mode(ctx);' ;;
    SSL_set_mode) echo '(void)SSL_set_mode(ssl, 0);' ;;
    SSL_get_mode) echo '(void)SSL_get_mode(ssl);' ;;
  esac
}
for lib in $LIBRARIES; do
  flags "$lib"
  check=$work/check_$lib.c
  {
    echo '#define PROBE_HEADERS_ONLY'
    echo "#include \"probe_$lib.c\""
    echo 'void probe_check(SSL_CTX *ctx, SSL *ssl);'
    echo 'void probe_check(SSL_CTX *ctx, SSL *ssl) {'
    echo '(void)ctx; (void)ssl;'
  } >"$check"
  first=$(($(wc -l <"$check") + 1))  # the line of the first candidate
  {
    while read -r n; do echo "(void)(long long)($n);"; done <"$work/candidates"
    for c in $CALLS; do call_line "$c"; done
    echo '}'
  } >>"$check"
  # shellcheck disable=SC2086
  $CC -std=c11 $CFL -Iconformance -fsyntax-only -ferror-limit=0 -fno-caret-diagnostics \
      -fno-color-diagnostics -Werror=implicit-function-declaration -Werror=int-conversion \
      "$check" >/dev/null 2>"$work/$lib.check" || true
  # An error on a candidate's or a call's line means it is missing; an error
  # anywhere else means the check itself is broken.
  wrong=$(grep 'error:' "$work/$lib.check" | grep -vE "^${check//./\\.}:[0-9]+:[0-9]+: " || true)
  [ -z "$wrong" ] || { echo "$wrong" >&2; die "$lib: the headers check failed"; }
  sed -nE "s|^${check//./\\.}:([0-9]+):[0-9]+: error: .*|\1|p" "$work/$lib.check" | sort -un >"$work/$lib.missing"
  if [ -s "$work/$lib.missing" ] && [ "$(head -1 "$work/$lib.missing")" -lt "$first" ]; then
    cat "$work/$lib.check" >&2; die "$lib: the headers check failed before its first name"
  fi
  {
    printf '#define PROBE_NAMES(X)'
    i=$first
    while read -r n; do
      if grep -qx "$i" "$work/$lib.missing"; then printf ' \\\n    X(%s, 0)' "$n"
      else printf ' \\\n    X(%s, 1)' "$n"; echo "#define PROBE_HAVE_$n 1" >>"$work/$lib.have"; fi
      i=$((i + 1))
    done <"$work/candidates"
    echo
    for c in $CALLS; do
      grep -qx "$i" "$work/$lib.missing" || echo "#define PROBE_HAVE_$c 1"
      i=$((i + 1))
    done
    cat "$work/$lib.have" 2>/dev/null || true
  } >"$work/$lib-defs.h"
done

# --- 3 and 4. build, check what it loads, run; the package ------------------------
for lib in $LIBRARIES; do
  flags "$lib"
  # shellcheck disable=SC2086
  $CC -std=c11 -O1 -Wall -Wextra -Werror $CFL -Iconformance -include "$work/$lib-defs.h" \
      -o "$work/probe_$lib" "conformance/probe_$lib.c" $LDL 2>"$work/$lib.err" ||
    { cat "$work/$lib.err" >&2; die "$lib: the probe failed to build (conformance/probe_$lib.c)"; }
  ldd "$work/probe_$lib" >"$work/$lib.ldd" 2>&1 || { cat "$work/$lib.ldd" >&2; die "$lib: ldd failed on its probe"; }
  loaded=$(sed -nE 's/.*=> (\/[^ ]+) .*/\1/p' "$work/$lib.ldd")
  bad=$(grep -E "$(foreign_libs "$lib")" <<<"$loaded" || true)
  [ -z "$bad" ] || die "$lib: its probe loads another library: $(echo $bad)"
  own=$(grep -m1 -E '/lib(ssl|wolfssl)\.so[^/]*$' <<<"$loaded" || true)
  [ -n "$own" ] || { cat "$work/$lib.ldd" >&2; die "$lib: its probe loads no TLS library"; }
  rc=0; "$work/probe_$lib" >"$work/$lib.out" 2>"$work/$lib.err" || rc=$?
  [ $rc -eq 0 ] || { cat "$work/$lib.err" >&2; die "$lib: the probe failed (exit $rc)"; }
  grep -qx "library $lib" "$work/$lib.out" || die "$lib: the probe's output names another library"
  real=$(realpath "$own")
  pkg=$(dpkg -S "$real" 2>/dev/null | sed -n '1s/: .*//p' || true)
  if [ -n "$pkg" ]; then echo "version dpkg ${pkg%%:*} $(dpkg-query -W -f='${Version}' "$pkg")"
  else echo "version dpkg (none) (not from a Debian package)"; fi >>"$work/$lib.out"
  echo "version library $real" >>"$work/$lib.out"
done

if [ -n "${CONFORMANCE_KEEP:-}" ]; then
  mkdir -p "$CONFORMANCE_KEEP"
  cp "$work/names" "$CONFORMANCE_KEEP/"
  for l in $LIBRARIES; do cp "$work/$l.out" "$work/$l-defs.h" "$CONFORMANCE_KEEP/"; done
fi

# --- the page ---------------------------------------------------------------
# shellcheck disable=SC2046
perl conformance/modes.pl "$work/names" $(for l in $LIBRARIES; do echo "$work/$l.out"; done) \
  >"$work/conformance.md" || die "modes.pl failed"
if cmp -s "$work/conformance.md" "$out"; then echo "conformance: $out up to date"
else cp "$work/conformance.md" "$out"; echo "conformance: $out written"; fi
