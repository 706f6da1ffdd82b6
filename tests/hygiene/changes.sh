#!/usr/bin/env bash
# changes.sh — `scrub --accept-changes` / `--reject-changes` against LibreOffice 7.4's own
# Edit ▸ Track Changes ▸ Accept All / Reject All (python3-uno, headless):
#   1. lo_hygiene.py makes the cases with LibreOffice, as a drafter's edits with Track Changes
#      on (insertions and deletions within and across paragraphs and headings, a paragraph
#      deleted before a heading, the last paragraph, a format change, a replaced word, list
#      items), and the corpus documents with tracked changes are added (tests/data/corpus and
#      $ODFGATE_CORPUS when set);
#   2. each is accepted and rejected by LibreOffice (tests/diff/redline_batch.py) and by odfgate;
#   3. LibreOffice reads both results (lo_hygiene.py paragraphs): the same body, paragraph by
#      paragraph (element, style, outline level, text), and no tracked change left in
#      odfgate's; odfgate's copies are valid ODF 1.3 (jing).
. "$(dirname "$0")/../lib.sh"
set -uo pipefail
need_writer_uno
here="$top_srcdir/tests/hygiene"
cd "$scratch" || exit 1
mkdir -p in lo og

timeout 600 "$pyuno" "$here/lo_hygiene.py" "$scratch/profile" changes made >mk.out 2>mk.err
if [ $? = 0 ] && [ -s made/cases.txt ]; then ok "lo_hygiene.py: $(wc -l <made/cases.txt) cases made by LibreOffice"
else fail "lo_hygiene.py changes: $(tail -5 mk.err)"; fi
while read -r f; do [ -f "made/$f" ] && cp "made/$f" in/; done <made/cases.txt 2>/dev/null
dirs=("$top_srcdir/tests/data/corpus")
[ -n "${ODFGATE_CORPUS:-}" ] && dirs+=("$ODFGATE_CORPUS")
i=0
for dir in "${dirs[@]}"; do
    [ -f "$dir/FEATURES.tsv" ] || continue
    # column 21: changed_region (how many text:changed-region elements)
    while IFS= read -r f; do
        i=$((i + 1)); cp "$dir/$f" "in/corpus$i-$(basename "$f")"
    done < <(awk -F'\t' 'NR > 1 && $21 > 0 && $9 != 1 {print $1}' "$dir/FEATURES.tsv")
done
diag "corpus documents with tracked changes: $i"

ops=()
for f in in/*; do
    b=$(basename "${f%.*}")
    ops+=("accept|$f|lo/$b.accept.odt" "reject|$f|lo/$b.reject.odt")
    for m in accept reject; do
        run_odfgate scrub --no-config --only changes --"$m"-changes "$f" -o "og/$b.$m.odt"
        [ "$rc" = 0 ] || fail "$b: odfgate --$m-changes: exit $rc: $err"
    done
done
timeout 900 "$pyuno" "$top_srcdir/tests/diff/redline_batch.py" "$scratch/profile2" "${ops[@]}" >lo.jsonl 2>lo.err
check "LibreOffice accepted and rejected every case" [ "$(grep -c '"ok": true' lo.jsonl)" = ${#ops[@]} ]
timeout 600 "$pyuno" "$here/lo_hygiene.py" "$scratch/profile" paragraphs lo/*.odt og/*.odt >paras.jsonl 2>paras.err
while IFS=$'\t' read -r verdict name why; do
    case $verdict in
    same) ok "$name: odfgate's body is LibreOffice's" ;;
    *) fail "$name: $why" ;;
    esac
done < <(python3 - paras.jsonl <<'PY'
import json, sys
got = {}
for line in open(sys.argv[1]):
    j = json.loads(line)
    got[j["path"]] = j
for p in sorted(k for k in got if k.startswith("lo/")):
    a, b = got[p], got.get("og/" + p[3:])
    name = p[3:-4]
    if b is None:
        print("differ\t%s\todfgate wrote no copy" % name)
    elif a.get("error") or b.get("error"):
        print("differ\t%s\tLibreOffice could not read: %s" % (name, a.get("error") or b.get("error")))
    elif b.get("changes"):
        print("differ\t%s\t%d tracked changes left" % (name, b["changes"]))
    elif a["body"] != b["body"]:
        A, B = a["body"], b["body"]
        i = next((i for i in range(max(len(A), len(B)))
                  if (A[i] if i < len(A) else None) != (B[i] if i < len(B) else None)), 0)
        print("differ\t%s\tfirst difference at body item %d: LibreOffice %s, odfgate %s"
              % (name, i + 1, A[i] if i < len(A) else None, B[i] if i < len(B) else None))
    else:
        print("same\t%s\t" % name)
PY
)
n_og=$(ls og/*.odt 2>/dev/null | wc -l)
check "every case compared (both ways)" [ "$n_og" = ${#ops[@]} ]

# odfgate's copies: content.xml valid ODF 1.3 (against the OASIS schema)
if command -v jing >/dev/null 2>&1 && [ -f "$ODFGATE_ODF_SCHEMAS/OpenDocument-v1.3-schema.rng" ]; then
    bad=""
    for f in og/*.odt; do
        rm -rf x && mkdir x && (cd x && unzip -q "../$f" content.xml)
        # LibreOffice's own extensions (loext:) dropped first, as the ODF Validator does
        python3 "$top_srcdir/tests/annotate/strip_foreign.py" x/content.xml x/s.xml &&
            jing -i "$ODFGATE_ODF_SCHEMAS/OpenDocument-v1.3-schema.rng" x/s.xml >jing.out 2>&1 || bad="$bad $(basename "$f")"
    done
    # the corpus cases are as valid as they came: only LibreOffice-made ones are held to it
    bad=$(printf '%s\n' $bad | grep -v '^corpus' | tr '\n' ' ')
    if [ -z "${bad// /}" ]; then ok "odfgate's accepted and rejected copies of the LibreOffice cases are valid ODF 1.3"
    else fail "invalid:$bad"; diag "$(head -5 jing.out)"; fi
else
    skip "jing or the OASIS schemas are missing"
fi
done_testing
