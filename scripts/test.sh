#!/usr/bin/env bash
# test.sh — install everything the tests need, then:
#   1. build warning-free (-Werror) and run the whole suite (`make check`: unit, CLI cases,
#      hostile inputs, corpus sweep, samples, LibreOffice/pandoc producers, exported symbols);
#   2. the same suite built with clang + ASan + UBSan (no recovery), LibreOffice tests skipped;
#   3. the batch tests (--jobs) under ThreadSanitizer, and the CLI, hostile-input and sample
#      tests under valgrind (--error-exitcode);
#   4. a 60-second burst of each libFuzzer harness (fuzz/run.sh; one per core at a time);
#   5. `make distcheck` (the tarball's suite, LibreOffice and the external corpus left out);
# and print "N passed, N failed, N skipped" (every TAP result counts once; a skip is never a
# pass).  With ODFGATE_REQUIRE_ALL=1 (.ci/run sets it: CI installs every dependency) a skip in
# the main suite is a failure; the sanitizer and valgrind suites leave LibreOffice out on
# purpose, so their skips are only counted.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
base=${BUILD_DIR:-$top/build}
"$top/scripts/deps.sh" test || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
passed=0 failed=0 skipped=0

count() { # DIR NAME [require-all]: add the TAP results of a build dir's last make check
    local p f k
    p=$(find "$1" -name '*.trs' -exec cat {} + 2>/dev/null | grep -c '^:test-result: \(PASS\|XFAIL\)')
    f=$(find "$1" -name '*.trs' -exec cat {} + 2>/dev/null | grep -c '^:test-result: \(FAIL\|XPASS\|ERROR\)')
    k=$(find "$1" -name '*.trs' -exec cat {} + 2>/dev/null | grep -c '^:test-result: SKIP')
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + k))
    echo "== $2: $p passed, $f failed, $k skipped"
    if [ "$k" -ne 0 ]; then
        local logs d
        logs=$(find "$1" -name '*.log' ! -name config.log ! -name test-suite.log)
        grep -h '^SKIP:' $logs | head -20
        # a skip for want of something CI installs is a failure there; "[env]" marks skips for
        # what a machine may not allow (mounting a tmpfs, a resolver that answers for .invalid)
        d=$(grep -h '^SKIP:' $logs | grep -vcF '[env]')
        if [ "${3:-}" = require-all ] && [ "${ODFGATE_REQUIRE_ALL:-0}" = 1 ] && [ "$d" -ne 0 ]; then
            echo "== $2: $d skipped for want of a dependency CI has: counted as failures"
            failed=$((failed + d))
        fi
    fi
    if [ "$f" -ne 0 ]; then
        grep -h -B2 -A20 '^not ok\|^ERROR' $(find "$1" -name '*.log' ! -name config.log ! -name test-suite.log) | head -80
    fi
}

suite() { # NAME DIR [require-all] MAKE-CHECK-ARGS... -- CONFIGURE-FLAGS...
    local name=$1 dir=$2 require="" t0=$SECONDS; shift 2
    [ "${1:-}" = require-all ] && { require=require-all; shift; }
    local args=() conf=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    conf=("$@")
    if ! BUILD_DIR=$dir "$top/scripts/build.sh" "${conf[@]}"; then
        echo "== $name: build failed"; failed=$((failed + 1)); return
    fi
    find "$dir" -name '*.trs' -delete 2>/dev/null
    local before=$failed status
    (cd "$dir" && make -j"$(nproc)" check "${args[@]}" >"$dir/check.out" 2>&1)
    status=$?
    count "$dir" "$name" $require
    # make check can fail with no test failing: a test program that does not build, a harness
    # error; that is a failure of the suite, never a quiet "0 passed"
    if [ "$status" -ne 0 ] && [ "$failed" -eq "$before" ]; then
        echo "== $name: make check failed (exit $status) with no failing test:"; tail -20 "$dir/check.out"
        failed=$((failed + 1))
    fi
    echo "== $name: $((SECONDS - t0)) s (build and tests)"
}

suite "make check" "$base" require-all -- --enable-werror
ODFGATE_SKIP_SOFFICE=1 ODFGATE_SOAK_ROUNDS=3 suite "ASan+UBSan" "$base-asan" -- CC=clang CXX=clang++ --enable-asan --enable-ubsan --enable-werror
# the parallel batch (--jobs; with signatures: xmlsec's per-thread package) under ThreadSanitizer; glibc's tzset (called by libzip) takes
# a lock TSan cannot see, hence the one suppression
TSAN_OPTIONS="halt_on_error=1 exitcode=66 suppressions=$top/tests/batch/tsan.supp" \
    suite "ThreadSanitizer" "$base-tsan" TESTS="tests/batch/run.sh tests/signatures/cli.sh tests/status/cli.sh" -- CC=clang CXX=clang++ --enable-tsan
suite "valgrind" "$base-valgrind" TESTS="tests/cli/run.sh tests/hostile/run.sh tests/samples/run.sh tests/signatures/hostile.sh tests/status/cli.sh tests/diff/cli.sh tests/a11y/cli.sh" -- --enable-valgrind

# a short burst of each fuzzer (libFuzzer, clang; crashes are saved in fuzz/crashers/)
if [ "${ODFGATE_SKIP_FUZZ:-0}" != 1 ]; then
    t0=$SECONDS
    if FUZZ_BUILD="$base-fuzz" FUZZ_SECONDS=${FUZZ_SECONDS:-60} bash "$top/fuzz/run.sh" package xml schema signoff roundtrip config json fetchdata diff >"$base-fuzz.log" 2>&1; then
        passed=$((passed + 1)); echo "== fuzzing (${FUZZ_SECONDS:-60} s each): no crash ($((SECONDS - t0)) s)"
    else
        failed=$((failed + 1)); echo "== fuzzing: FAILED"; tail -40 "$base-fuzz.log"
    fi
fi

if [ "${ODFGATE_SKIP_DISTCHECK:-0}" != 1 ]; then
    t0=$SECONDS
    # the tarball's own suite sweeps the vendored corpus only: the full one was swept above
    if (cd "$base" && unset ODFGATE_CORPUS && ODFGATE_SKIP_SOFFICE=1 make distcheck DISTCHECK_CONFIGURE_FLAGS=--enable-werror >distcheck.log 2>&1); then
        passed=$((passed + 1)); echo "== make distcheck: ok ($((SECONDS - t0)) s)"
    else
        failed=$((failed + 1)); echo "== make distcheck: FAILED"; tail -40 "$base/distcheck.log"
    fi
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
