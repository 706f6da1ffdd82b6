#!/usr/bin/env bash
# jobs.sh — part of `make bench`: odfgate check on 10,000 documents with --jobs 1 and --jobs 2
# (target: --jobs 2 at least 1.8x faster on 2 cores).  The documents are $JOBS_DISTINCT
# generated drafts (bench/gen.py), each linked under several names to make $JOBS_DOCS files.
# Medians of $RUNS runs; the output of both runs is compared too (it must be identical).
set -euo pipefail
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$PWD}"
total=${JOBS_DOCS:-10000}
distinct=${JOBS_DISTINCT:-2000}
RUNS=${RUNS:-3}
work=$(mktemp -d /tmp/odfgate-bench-jobs.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$top_srcdir/bench/gen.py" "$work/src" "$distinct" 10 >/dev/null
odfgate="$top_builddir/.libs/odfgate"; [ -x "$odfgate" ] || odfgate="$top_builddir/odfgate"
export LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
src=("$work"/src/drafts/*.odt)
mkdir -p "$work/docs"
for ((i = 0; i < total; i++)); do
    d="$work/docs/$((i / 1000))"
    [ -d "$d" ] || mkdir "$d"
    ln "${src[i % ${#src[@]}]}" "$d/doc-$i.odt"
done
. "$top_srcdir/bench/lib.sh"
measure() { # JOBS → median seconds (the last run's output kept as out-JOBS)
    median_seconds "$odfgate" check --no-config --jobs "$1" --format jsonl "$work/docs"
    cp "$work/out" "$work/out-$1"
}
one=$(measure 1)
two=$(measure 2)
cmp -s "$work/out-1" "$work/out-2" && same=identical || same=DIFFERENT
echo
echo "| $total documents ($(nproc) cores) | seconds | docs/s |"
echo "|---|---:|---:|"
awk -v n="$total" -v s="$one" 'BEGIN { printf "| odfgate check --jobs 1 | %.2f | %.0f |\n", s, n / s }'
awk -v n="$total" -v s="$two" 'BEGIN { printf "| odfgate check --jobs 2 | %.2f | %.0f |\n", s, n / s }'
awk -v a="$one" -v b="$two" -v same="$same" 'BEGIN {
    printf "\n--jobs 2 speed-up: %.2fx (target >= 1.8x on 2 cores); outputs %s\n", a / b, same }'
