#!/usr/bin/env bash
# signatures.sh — part of `make bench`: the cost of verifying ODF digital signatures.  The
# bundled passing draft (LibreOffice-made) is signed by odfgate for six signatories.  One
# process verifying the six signatures (`signoffs`) is compared with one `check` of the
# document (target: at most 3x; docs/signatures.md), and `check` over $SIG_DOCS copies of the
# signed document with `check` over as many unsigned copies (what a batch pays).  Medians of
# $RUNS runs (4x as many for the one-process pair).
set -euo pipefail
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$PWD}"
docs=${SIG_DOCS:-200}
RUNS=${RUNS:-5}
work=$(mktemp -d /tmp/odfgate-bench-sig.XXXXXX)
trap 'rm -rf "$work"' EXIT
odfgate="$top_builddir/.libs/odfgate"; [ -x "$odfgate" ] || odfgate="$top_builddir/odfgate"
export LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
ODFGATE_PKI_NO_NSS=1 bash "$top_srcdir/tests/signatures/mkpki.sh" "$work/pki" >/dev/null
cp "$top_srcdir/samples/drafts/passing.odt" "$work/plain.odt"
cp "$work/plain.odt" "$work/signed.odt"
keys=(dh cqc monitor)
i=0
for id in dh nhscb cqc monitor lga ntda; do
    k=${keys[i % 3]}; i=$((i + 1))
    "$odfgate" signoff "$work/signed.odt" --no-config --as $id --by "Signer $id" --sign \
        --key "$work/pki/$k.key" --cert "$work/pki/$k.pem" --in-place >/dev/null
done
mkdir "$work/plain" "$work/signed"
for ((n = 0; n < docs; n++)); do
    cp "$work/plain.odt" "$work/plain/d$n.odt"
    cp "$work/signed.odt" "$work/signed/d$n.odt"
done
. "$top_srcdir/bench/lib.sh"
measure() { # DIR → median seconds of check over it
    median_seconds "$odfgate" check --no-config --jobs 1 --trust "$work/pki/ca.pem" --format jsonl "$1"
}
# one document, one process each: `check` of the unsigned draft against verifying the six
# signatures of the signed one (`signoffs`, which verifies and reports them)
one_plain=$(RUNS=$((RUNS * 4)) median_seconds "$odfgate" check --no-config "$work/plain.odt")
one_signed=$(RUNS=$((RUNS * 4)) median_seconds "$odfgate" signoffs --no-config --trust "$work/pki/ca.pem" "$work/signed.odt")
plain=$(measure "$work/plain")
signed=$(measure "$work/signed")
grep -q '"signature-' "$work/out" && { echo "signatures.sh: a signature did not verify" >&2; exit 1; }
echo
echo "| $docs copies of the passing draft | seconds | ms/document |"
echo "|---|---:|---:|"
awk -v n="$docs" -v s="$plain" 'BEGIN { printf "| check, unsigned | %.2f | %.2f |\n", s, 1000 * s / n }'
awk -v n="$docs" -v s="$signed" 'BEGIN { printf "| check, six signatures verified | %.2f | %.2f |\n", s, 1000 * s / n }'
awk -v a="$plain" -v b="$signed" 'BEGIN {
    printf "\nin a batch: six signatures verified cost %.2fx the unsigned check\n", b / a }'
echo
echo "| one document, one process | ms |"
echo "|---|---:|"
awk -v s="$one_plain" 'BEGIN { printf "| odfgate check (unsigned) | %.1f |\n", 1000 * s }'
awk -v s="$one_signed" 'BEGIN { printf "| odfgate signoffs (six signatures verified) | %.1f |\n", 1000 * s }'
awk -v a="$one_plain" -v b="$one_signed" 'BEGIN {
    printf "\none process: verifying six signatures is %.2fx odfgate check on the document (target <= 3x)\n", b / a }'
