#!/usr/bin/env bash
# jobs.sh — part of `make bench`: odfgate check on 10,000 documents with --jobs 1 and --jobs 2
# (target: --jobs 2 at least 1.8x faster on 2 cores).  The documents are $JOBS_DISTINCT
# generated drafts (bench/gen.py), each linked under several names to make $JOBS_DOCS files.
# Medians of $RUNS paired runs; the outputs of both are compared too (they must be identical).
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
# --jobs 1 and --jobs 2 in turn, so that a change in the machine's load falls on both; the
# speed-up is taken run by run and its median quoted
t1=() t2=() r=()
for _ in $(seq "$RUNS"); do
    t1+=("$(seconds "$odfgate" check --no-config --jobs 1 --format jsonl "$work/docs")")
    mv "$work/out" "$work/out-1"
    t2+=("$(seconds "$odfgate" check --no-config --jobs 2 --format jsonl "$work/docs")")
    mv "$work/out" "$work/out-2"
    r+=("$(awk -v a="${t1[-1]}" -v b="${t2[-1]}" 'BEGIN { printf "%.2f", a / b }')")
done
one=$(printf '%s\n' "${t1[@]}" | median)
two=$(printf '%s\n' "${t2[@]}" | median)
cmp -s "$work/out-1" "$work/out-2" && same=identical || same=DIFFERENT
echo
echo "| $total documents ($(nproc) cores) | seconds | docs/s |"
echo "|---|---:|---:|"
awk -v n="$total" -v s="$one" 'BEGIN { printf "| odfgate check --jobs 1 | %.2f | %.0f |\n", s, n / s }'
awk -v n="$total" -v s="$two" 'BEGIN { printf "| odfgate check --jobs 2 | %.2f | %.0f |\n", s, n / s }'
echo
echo "--jobs 2 speed-up: $(printf '%s\n' "${r[@]}" | median)x (target >= 1.8x on 2 cores; run by run: ${r[*]}); outputs $same"
