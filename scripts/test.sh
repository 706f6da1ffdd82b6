#!/usr/bin/env bash
# test.sh — install everything the tests need, build warning-free, run the whole suite
# (`make check`: unit, CLI, hostile inputs, corpus sweep, samples, LibreOffice/pandoc
# producers, symbols) and `make distcheck`, then print "N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
"$top/scripts/deps.sh" test || exit 2
BUILD_DIR=$build "$top/scripts/build.sh" --enable-werror || { echo "0 passed, 1 failed"; exit 1; }
cd "$build"
make -j"$(nproc)" check >/dev/null 2>&1
check_rc=$?
# summarise every TAP result of make check
passed=$(cat $(find . -name '*.trs') 2>/dev/null | grep -c '^:test-result: \(PASS\|SKIP\|XFAIL\)')
failed=$(cat $(find . -name '*.trs') 2>/dev/null | grep -c '^:test-result: \(FAIL\|XPASS\|ERROR\)')
if [ "$check_rc" -ne 0 ] || [ "$failed" -ne 0 ]; then
    for log in $(find . -name '*.log' ! -name 'config.log' ! -name 'test-suite.log'); do
        grep -q '^not ok\|^ERROR\|^Bail out' "$log" && { echo "== $log"; grep -v '^ok' "$log" | head -60; }
    done
    [ "$failed" -eq 0 ] && failed=1
fi
if [ "${ODFGATE_SKIP_DISTCHECK:-0}" != 1 ]; then
    if ODFGATE_SKIP_SOFFICE=1 make distcheck DISTCHECK_CONFIGURE_FLAGS=--enable-werror >distcheck.log 2>&1; then
        passed=$((passed + 1)); echo "ok - make distcheck"
    else
        failed=$((failed + 1)); echo "not ok - make distcheck"; tail -40 distcheck.log
    fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
