#!/usr/bin/env bash
# lodrafts.sh — part of `make bench`: odfgate check on drafts LibreOffice itself saved.  The six
# drafts of samples/drafts/ (LibreOffice 7.4.7: thumbnail, settings.xml, manifest.rdf, a 15 KB
# styles.xml) are copied to $LO_DOCS distinct files (copies, not links: each file its own inode
# and pages, as in a document repository).  Medians of paired runs; targets from #22:
#  - check --jobs 1 against the floor (bench/floor.c --styles: libzip and xmlTextReader over
#    content.xml, meta.xml and styles.xml): <= 1.0x; the stricter floor without styles.xml is
#    shown too;
#  - --jobs 2 against --jobs 1 on all $LO_DOCS: >= 1.8x on 2 cores, outputs identical;
#  - system calls per document (strace -f -c on N and 2N documents: the difference, so that
#    start-up cancels out): <= 8;
#  - one document's start-up: CPU time (user + system) of check on one draft against the
#    floor's on it, pair by pair ($STARTUP_PAIRS pairs): <= 1.3x.
set -euo pipefail
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$PWD}"
total=${LO_DOCS:-10000}
RUNS=${RUNS:-5}
pairs=${STARTUP_PAIRS:-200}
work=$(mktemp -d /tmp/odfgate-bench-lo.XXXXXX)
trap 'rm -rf "$work"' EXIT
odfgate="$top_builddir/.libs/odfgate"; [ -x "$odfgate" ] || odfgate="$top_builddir/odfgate"
export LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
floor="$top_builddir/bench/floor"
. "$top_srcdir/bench/lib.sh"

src=("$top_srcdir"/samples/drafts/*.odt)
# copies_into DIR N: N copies of the drafts in rotation, 1,000 a folder
copies_into() {
    for ((i = 0; i < $2; i++)); do
        d="$1/$((i / 1000))"
        [ -d "$d" ] || mkdir -p "$d"
        cp "${src[i % ${#src[@]}]}" "$d/doc-$i.odt"
    done
}
copies_into "$work/docs" "$total"
docs=("$work"/docs/*/*.odt)
bytes=$(cat "${docs[@]}" | wc -c)
check() { "$odfgate" check --no-config --format jsonl "$@"; }

# both floors, check --jobs 1 and --jobs 2, in turn within each run, so that a change in the
# machine's load falls on all four; ratios are taken run by run, their median quoted.  Each is
# run once first, where a failure stops the bench (a failing run would look fast).
"$floor" --styles "${docs[@]}" >/dev/null
"$floor" "${docs[@]}" >/dev/null
for j in 1 2; do # 0 or 1 (findings), never an error: a failing check would look fast
    check --jobs "$j" "$work/docs" >/dev/null || [ $? = 1 ]
done
fs=() fc=() c1=() c2=() r1=() r2=()
for _ in $(seq "$RUNS"); do
    fs+=("$(seconds "$floor" --styles "${docs[@]}")")
    fc+=("$(seconds "$floor" "${docs[@]}")")
    c1+=("$(seconds check --jobs 1 "$work/docs")")
    mv "$work/out" "$work/out-1"
    c2+=("$(seconds check --jobs 2 "$work/docs")")
    r1+=("$(awk -v c="${c1[-1]}" -v f="${fs[-1]}" 'BEGIN { printf "%.2f", c / f }')")
    r2+=("$(awk -v a="${c1[-1]}" -v b="${c2[-1]}" 'BEGIN { printf "%.2f", a / b }')")
done
cmp -s "$work/out-1" "$work/out" && same=identical || same=DIFFERENT
f_styles=$(printf '%s\n' "${fs[@]}" | median)
f_content=$(printf '%s\n' "${fc[@]}" | median)
one=$(printf '%s\n' "${c1[@]}" | median)
two=$(printf '%s\n' "${c2[@]}" | median)

echo
echo "| $total LibreOffice-made drafts ($(nproc) cores, medians of $RUNS) | docs/s | MB/s | seconds |"
echo "|---|---:|---:|---:|"
row() { awk -v n="$1" -v d="$total" -v b="$bytes" -v s="$2" 'BEGIN {
    printf "| %s | %.0f | %.1f | %.3f |\n", n, d / s, b / 1048576 / s, s }'; }
row "floor: content.xml, meta.xml, styles.xml" "$f_styles"
row "floor: content.xml, meta.xml" "$f_content"
row "odfgate check --jobs 1" "$one"
row "odfgate check --jobs 2" "$two"
echo
echo "check --jobs 1 / floor: $(printf '%s\n' "${r1[@]}" | median | xargs printf '%.2f')x (target <= 1.0x; run by run: ${r1[*]})"
echo "--jobs 2 speed-up: $(printf '%s\n' "${r2[@]}" | median | xargs printf '%.2f')x (target >= 1.8x on 2 cores; run by run: ${r2[*]}); outputs $same"

# system calls per document
if command -v strace >/dev/null 2>&1; then
    calls() { # N → system calls of check --jobs 1 over the first N copies
        mkdir -p "$work/s$1"
        for ((i = 0; i < $1; i++)); do ln -f "${docs[i]}" "$work/s$1/doc-$i.odt"; done
        strace -f -c -o "$work/strace" "$odfgate" check --no-config --jobs 1 --format jsonl "$work/s$1" >/dev/null 2>&1 || true
        awk '$NF == "total" { print $4 }' "$work/strace"
    }
    n=$((total < 2000 ? total / 2 : 1000))
    c1=$(calls "$n")
    c2=$(calls $((2 * n)))
    awk -v a="$c1" -v b="$c2" -v n="$n" 'BEGIN {
        printf "system calls per document: %.1f (target <= 8; %d for %d documents, %d for %d)\n", (b - a) / n, a, n, b, 2 * n }'
else
    echo "system calls per document: not measured (no strace)"
fi

# one document's start-up
read -r ms_check ms_floor ratio < <(python3 "$top_srcdir/bench/startup.py" "$pairs" \
    "$odfgate" check --no-config --jobs 1 "${src[0]}" -- "$floor" --styles "${src[0]}")
echo "one document, CPU: check ${ms_check} ms, floor ${ms_floor} ms: ${ratio}x (target <= 1.3x; median of $pairs pairs)"
