#!/usr/bin/env bash
# run.sh — `make bench`: odfgate check against the floor (open + inflate + xmlTextReader to
# the end, bench/floor.c) in the same run, on generated documents.  Prints documents/s, MB/s
# and peak RSS for each, and the time ratio (target: check within 1.5x of the floor; peak RSS
# under 30 MB for the big document, flat as documents grow).  Medians of $RUNS runs.
# The floor is one thread, so check is measured with --jobs 1 against it; the default (one
# thread per core) is shown on its own line.  Floor and check runs alternate, so that a
# change in the machine's load falls on both.
set -euo pipefail
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$PWD}"
N=${BENCH_DOCS:-2000}
PAGES=${BENCH_PAGES:-320}
RUNS=${RUNS:-5}
work=$(mktemp -d /tmp/odfgate-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$top_srcdir/bench/gen.py" "$work" "$N" "$PAGES"
odfgate="$top_builddir/.libs/odfgate"; [ -x "$odfgate" ] || odfgate="$top_builddir/odfgate"
export LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
floor="$top_builddir/bench/floor"

. "$top_srcdir/bench/lib.sh"
# time_once CMD... → prints "seconds rss_kb" of one run: wall time ($EPOCHREALTIME, µs
# resolution) and peak RSS (/usr/bin/time)
time_once() {
    local t0 t1
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$work/time" "$@" >/dev/null 2>&1 || true
    t1=$EPOCHREALTIME
    echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }') $(cat "$work/time")"
}
# medians OUTPUT_LINES... → "median_seconds median_rss" of time_once outputs
medians() {
    echo "$(printf '%s\n' "$@" | cut -d' ' -f1 | median) $(printf '%s\n' "$@" | cut -d' ' -f2 | median)"
}
# measure CMD... → "seconds rss_kb": medians over $RUNS runs
measure() {
    local runs=()
    for _ in $(seq "$RUNS"); do runs+=("$(time_once "$@")"); done
    medians "${runs[@]}"
}
row() { # name files bytes secs rss
    awk -v n="$1" -v f="$2" -v b="$3" -v s="$4" -v r="$5" 'BEGIN {
        printf "| %-40s | %8.1f | %8.1f | %8.3f | %7.1f |\n", n, (s>0?f/s:0), (s>0?b/1048576/s:0), s, r/1024 }'
}
drafts=("$work"/drafts/*.odt)
bytes=$(cat "${drafts[@]}" | wc -c)
echo "| run | docs/s | MB/s | seconds | peak RSS MB |"
echo "|---|---:|---:|---:|---:|"
# measure_pair → "floor_s floor_rss check_s check_rss": runs alternate, medians of each
measure_pair() {
    local f=() c=()
    for _ in $(seq "$RUNS"); do
        f+=("$(time_once "$floor" "${drafts[@]}")")
        c+=("$(time_once "$odfgate" check --jobs 1 --format json "${drafts[@]}")")
    done
    echo "$(medians "${f[@]}") $(medians "${c[@]}")"
}
read -r fs fr cs cr <<<"$(measure_pair)"
read -r js jr <<<"$(measure "$odfgate" check --format json "${drafts[@]}")"
row "floor: $N drafts of 6-10 pages" "$N" "$bytes" "$fs" "$fr"
row "odfgate check --jobs 1: same drafts" "$N" "$bytes" "$cs" "$cr"
row "odfgate check (--jobs $(nproc)): same drafts" "$N" "$bytes" "$js" "$jr"
for big in $(cd "$work" && ls big-*.odt | sort -t- -k2 -n); do  # sorted by page count
    big="$work/$big"
    b=$(wc -c <"$big"); p=$(basename "$big" .odt | cut -d- -f2)
    read -r bfs bfr <<<"$(measure "$floor" "$big")"
    read -r bcs bcr <<<"$(measure "$odfgate" check --jobs 1 --format json "$big")"
    row "floor: one $p-page document" 1 "$b" "$bfs" "$bfr"
    row "odfgate check: one $p-page document" 1 "$b" "$bcs" "$bcr"
done
awk -v c="$cs" -v f="$fs" 'BEGIN { printf "\ncheck --jobs 1 / floor time ratio on the drafts: %.2fx (target <= 1.5x)\n", (f>0?c/f:0) }'

# the link check (tests/http/server.py on loopback)
bash "$top_srcdir/bench/links.sh"
