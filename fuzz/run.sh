#!/usr/bin/env bash
# run.sh NAME... — fuzz each harness with libFuzzer for $FUZZ_SECONDS (default 60) seconds,
# $FUZZ_JOBS (default: the number of cores) harnesses at a time.
# Builds the library for coverage (clang -fsanitize=fuzzer-no-link with ASan and UBSan) in
# build-fuzz/, starts from a copy of fuzz/corpus/NAME, and saves any crash in fuzz/crashers/
# (commit it: make check replays it from then on).  Exit 1 if a crash was found.
set -uo pipefail
top=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
out=${FUZZ_BUILD:-$top/build-fuzz}
secs=${FUZZ_SECONDS:-60}
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
command -v clang >/dev/null || { echo "fuzz/run.sh: clang is needed (apt-get install clang)"; exit 2; }
mkdir -p "$out"
( cd "$out" && { [ -f Makefile ] || "$top/configure" -q CC=clang CXX=clang++ --disable-shared \
      CFLAGS="-g -O1 -fsanitize=fuzzer-no-link $san" CXXFLAGS="-g -O1 -fsanitize=fuzzer-no-link $san"; } && make -j"$(nproc)" libodfgate.la >/dev/null ) || exit 2
libs="$(pkg-config --libs libxml-2.0 libzip libdeflate libcurl libcrypto xmlsec1-openssl libgit2 re2) -lstdc++"
for n in "$@"; do
    clang -g -O1 -fsanitize=fuzzer $san -I"$top/include" -include "$out/config.h" \
        -I"$top/filter" -I"$out" $(pkg-config --cflags libxml-2.0) \
        "$top/fuzz/fuzz-$n.c" "$top/fuzz/common.c" "$out/.libs/libodfgate.a" $libs -o "$out/fuzz-$n" || exit 2
done
# one harness per core at a time (each libFuzzer process is single-threaded)
run_one() {
    local n=$1
    rm -rf "$out/corpus-$n"; cp -r "$top/fuzz/corpus/$n" "$out/corpus-$n"
    if ! "$out/fuzz-$n" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=262144 \
         -artifact_prefix="$top/fuzz/crashers/$n-" "$out/corpus-$n" >"$out/fuzz-$n.log" 2>&1; then
        { echo "== fuzz-$n: ${secs}s: CRASH"; tail -30 "$out/fuzz-$n.log"; } >"$out/fuzz-$n.summary"
        return 1
    fi
    { echo "== fuzz-$n: ${secs}s"; grep -E '^#[0-9]+.*(DONE|cov:)' "$out/fuzz-$n.log" | tail -1; } >"$out/fuzz-$n.summary"
}
jobs_max=${FUZZ_JOBS:-$(nproc)}
pids=() names=()
for n in "$@"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n; done
    run_one "$n" &
    pids+=($!) names+=("$n")
done
found=0
for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || found=1
    cat "$out/fuzz-${names[$i]}.summary"
done
exit $found
