#!/usr/bin/env bash
# status.sh — part of `make bench`: odfgate status over $STATUS_DOCS documents (default
# 10,000) with the built-in schema's six signatories, in every format, against
# `check --format jsonl` over the same documents (target: within 1.3x; docs/status.md), and
# the peak memory of each format at 1/5 and all of the documents (flat for csv, which
# streams; a small row per document for the others: docs/limits.md).  The documents are
# $STATUS_DISTINCT generated drafts (bench/gen.py), each signed off by 0 to 6 signatories
# (and some edited after: stale), hard-linked under several names.  --jobs 1, medians of
# $RUNS runs.
set -euo pipefail
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$PWD}"
total=${STATUS_DOCS:-10000}
distinct=${STATUS_DISTINCT:-70}
RUNS=${RUNS:-3}
work=$(mktemp -d /tmp/odfgate-bench-status.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$top_srcdir/bench/gen.py" "$work/src" "$distinct" 10 >/dev/null
odfgate="$top_builddir/.libs/odfgate"; [ -x "$odfgate" ] || odfgate="$top_builddir/odfgate"
export LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
ids=(dh nhscb cqc monitor lga ntda)
src=("$work"/src/drafts/*.odt)
for ((i = 0; i < ${#src[@]}; i++)); do # draft i signed by the first i % 7 signatories
    for ((k = 0; k < i % 7; k++)); do
        "$odfgate" signoff "${src[i]}" --no-config --as "${ids[k]}" --by "Signer ${ids[k]}" \
            --date 2026-11-20T10:00:00+00:00 --in-place >/dev/null
    done
done
make_set() { # DIR N: N documents hard-linked from the drafts
    mkdir -p "$1"
    for ((i = 0; i < $2; i++)); do
        d="$1/$((i / 1000))"
        [ -d "$d" ] || mkdir "$d"
        ln "${src[i % ${#src[@]}]}" "$d/doc-$i.odt"
    done
}
make_set "$work/docs" "$total"
make_set "$work/fifth" $((total / 5))
. "$top_srcdir/bench/lib.sh"
base=$(median_seconds "$odfgate" check --no-config --jobs 1 --format jsonl "$work/docs")
echo
echo "| $total documents x 6 signatories, --jobs 1 | seconds | vs check jsonl | peak MiB ($((total / 5)) docs) | peak MiB ($total docs) |"
echo "|---|---:|---:|---:|---:|"
awk -v s="$base" -v a="$(peak_kib "$odfgate" check --no-config --jobs 1 --format jsonl "$work/fifth")" \
    -v b="$(peak_kib "$odfgate" check --no-config --jobs 1 --format jsonl "$work/docs")" \
    'BEGIN { printf "| check --format jsonl | %.2f | 1.00 | %.1f | %.1f |\n", s, a / 1024, b / 1024 }'
worst=0
for f in text csv json html ods; do
    t=$(median_seconds "$odfgate" status --no-config --jobs 1 --no-progress --format $f -o "$work/status.$f" "$work/docs")
    a=$(peak_kib "$odfgate" status --no-config --jobs 1 --format $f -o "$work/small.$f" "$work/fifth")
    b=$(peak_kib "$odfgate" status --no-config --jobs 1 --format $f -o "$work/status.$f" "$work/docs")
    awk -v f="$f" -v s="$t" -v base="$base" -v a="$a" -v b="$b" \
        'BEGIN { printf "| status --format %s | %.2f | %.2f | %.1f | %.1f |\n", f, s, s / base, a / 1024, b / 1024 }'
    worst=$(awk -v w="$worst" -v s="$t" -v base="$base" 'BEGIN { r = s / base; print (r > w) ? r : w }')
done
awk -v w="$worst" 'BEGIN { printf "\nslowest status format: %.2fx check --format jsonl (target <= 1.3x)\n", w }'
