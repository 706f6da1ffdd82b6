# tests/lib.sh — shared helpers for the shell test scripts (sourced, not run).
# Every script prints TAP: call `plan N` (or `plan_lazy` + `done_testing`), then `ok`/`fail`.
#
#   run_odfgate ARGS...   run the built CLI (through libtool, under valgrind when configured,
#                         killed after $ODFGATE_TIMEOUT s: exit 124); sets $out, $err, $rc.
#   skip_all REASON       the whole script is skipped (TAP "1..0 # SKIP").
set -u

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${LIBTOOL:=$top_builddir/libtool}"
: "${ODFGATE_VALGRIND:=}"
export NO_COLOR=1 LC_ALL=C.UTF-8
# Test data (tests/data/README.md): the OASIS ODF schemas, the SARIF 2.1.0 schema and a curated
# subset of the real corpus are in the repository; ODFGATE_CORPUS may name the full corpus
# (a developer's ../shared/corpus: .ci/run sets it when it is there).
: "${ODFGATE_ODF_SCHEMAS:=$top_srcdir/tests/data/odf-schema}"
: "${ODFGATE_SARIF_SCHEMA:=$top_srcdir/tests/data/sarif/sarif-schema-2.1.0.json}"
: "${ODFGATE_CORPUS:=$top_srcdir/tests/data/corpus}"

odfgate_bin="$top_builddir/odfgate"
# A shared build's ./odfgate is libtool's wrapper script (60 ms a run: a shell started and the
# path set each time); run_odfgate runs the program it wraps directly, with the same library
# path (libtool's own relink_command empty: nothing to relink).
odfgate_exec=("$odfgate_bin")
if [ -x "$top_builddir/.libs/odfgate" ] && grep -q '^relink_command=""' "$odfgate_bin" 2>/dev/null; then
    odfgate_exec=(env "LD_LIBRARY_PATH=$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$top_builddir/.libs/odfgate")
fi
tap_n=0
tap_failed=0

plan() { echo "1..$1"; }
skip_all() { echo "1..0 # SKIP $1"; exit 0; }
ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $*"; }
fail() { tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1)); echo "not ok $tap_n - $*"; }
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n - # SKIP $*"; }
diag() { printf '%s\n' "$@" | sed 's/^/# /'; }
done_testing() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; }
# check DESCRIPTION COMMAND...: ok if the command succeeds.
check() { local d=$1; shift; if "$@"; then ok "$d"; else fail "$d"; fi; }

# A scratch directory removed at exit.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/odfgate-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
# python3 is Debian's (what scripts/deps.sh installs, with python3-uno, -jsonschema, -yaml):
# a python3 earlier on PATH, such as a pyenv shim, costs half a second a call (Debian's: 0.05 s)
# and the suite calls it thousands of times.  ODFGATE_PYTHON3 names another.
if [ -x "${ODFGATE_PYTHON3:-/usr/bin/python3}" ] &&
   [ "$(command -v python3)" != "${ODFGATE_PYTHON3:-/usr/bin/python3}" ]; then
    mkdir -p "$scratch/.bin" && ln -sf "${ODFGATE_PYTHON3:-/usr/bin/python3}" "$scratch/.bin/python3" &&
        PATH="$scratch/.bin:$PATH"
fi
# LibreOffice loads every extension unpacked in its share/extensions folder, whatever the
# profile: an odfgate installed there (make install --with-libreoffice-extdir=…) must not stand
# in for the one a test adds.  The bootstrap variable, read from the environment before
# lounorc, points the tests' soffice and unopkg at an empty folder instead.
mkdir -p "$scratch/no-bundled-extensions"
export BUNDLED_EXTENSIONS="file://$scratch/no-bundled-extensions"

# need_writer_uno: skip the script unless a headless LibreOffice Writer and python3-uno are
# here (and ODFGATE_SKIP_SOFFICE is not 1); sets $pyuno, the Python that imports uno.
need_writer_uno() {
    [ "${ODFGATE_SKIP_SOFFICE:-0}" = 1 ] && skip_all "ODFGATE_SKIP_SOFFICE=1"
    command -v "${SOFFICE:-soffice}" >/dev/null 2>&1 || skip_all "no soffice"
    [ -e "$(dirname "$(readlink -f "$(command -v "${SOFFICE:-soffice}")")")/libswlo.so" ] || skip_all "no LibreOffice Writer"
    pyuno=${PYUNO:-/usr/bin/python3}
    "$pyuno" -c 'import uno' 2>/dev/null || skip_all "no python3-uno for $pyuno"
}

run_odfgate() {
    local o="$scratch/.out" e="$scratch/.err"
    if [ -n "$ODFGATE_VALGRIND" ]; then
        timeout "${ODFGATE_TIMEOUT:-300}" $LIBTOOL --mode=execute $ODFGATE_VALGRIND "$odfgate_bin" "$@" >"$o" 2>"$e"
    else
        timeout "${ODFGATE_TIMEOUT:-60}" "${odfgate_exec[@]}" "$@" >"$o" 2>"$e"
    fi
    rc=$?
    out=$(cat "$o")
    err=$(cat "$e")
    # valgrind reports errors with exit 99 (--error-exitcode in configure)
    if [ "$rc" -eq 99 ]; then diag "valgrind reported errors:" "$err"; fi
    return 0
}

# A fresh LibreOffice profile per script; soffice must be started as `soffice`, not soffice.bin.
soffice_profile() { echo "file://$scratch/lo-profile"; }
run_soffice() {
    timeout 180 "${SOFFICE:-soffice}" -env:UserInstallation="$(soffice_profile)" --headless \
        --norestore --nologo --nodefault "$@" >"$scratch/.soffice.log" 2>&1
}
