#!/usr/bin/env bash
# outline.sh — odfgate's outline against LibreOffice's own (#13.7), read through UNO
# (lo_outline.py: the paragraphs with an OutlineLevel, as Writer's Navigator lists them):
#  - headings LibreOffice and odfgate used to read differently (mk_outline_cases.py): the same
#    outline, level and text;
#  - every vendored real document both can read: LibreOffice's outline appears in odfgate's, in
#    order, and what odfgate lists beyond it are headings "by style" only (a paragraph whose style
#    is named "Heading N" without an outline level: a heading to a reader, not to LibreOffice 7.4;
#    docs/reading.md says why).
. "$(dirname "$0")/../lib.sh"
[ "${ODFGATE_SKIP_SOFFICE:-0}" = 1 ] && skip_all "ODFGATE_SKIP_SOFFICE=1"
command -v "${SOFFICE:-soffice}" >/dev/null 2>&1 || skip_all "no soffice"
pyuno=${PYUNO:-/usr/bin/python3}
"$pyuno" -c 'import uno' 2>/dev/null || skip_all "no python3-uno for $pyuno"
plan_lazy=1
cd "$scratch" || exit 1
python3 "$top_srcdir/tests/libreoffice/mk_outline_cases.py" cases.fodt
files=(cases.fodt)
while IFS= read -r f; do files+=("$f"); done < <(find "$ODFGATE_CORPUS" \( -name '*.odt' -o -name '*.fodt' -o -name '*.ott' \) | sort)
timeout 900 "$pyuno" "$top_srcdir/tests/libreoffice/lo_outline.py" "$scratch/profile" "${files[@]}" >lo.jsonl 2>lo.err
check "LibreOffice read ${#files[@]} documents ($(grep -c null lo.jsonl) it could not open)" test "$(wc -l <lo.jsonl)" -eq "${#files[@]}"
i=0
compared=0
bad=()
for f in "${files[@]}"; do
    i=$((i + 1))
    lo=$(sed -n "${i}p" lo.jsonl)
    run_odfgate outline --no-config --format json "$f"
    if [ "$f" = cases.fodt ] && { [ "$lo" = null ] || [ "$rc" -ne 0 ]; }; then
        fail "the heading cases: LibreOffice read ${lo:0:20}, odfgate exit $rc"; continue
    fi
    [ "$lo" = null ] || [ "$rc" -ne 0 ] && continue
    printf '%s' "$lo" >lo.json
    printf '%s' "$out" >og.json
    verdict=$(python3 - "$([ "$f" = cases.fodt ] && echo exact || echo subset)" <<'PY'
import json, sys
lo = json.load(open("lo.json"))
og = json.load(open("og.json"))["documents"][0]["outline"]
mine = [[h["level"], h["heading"]] for h in og]
if sys.argv[1] == "exact":
    print("ok" if mine == lo else "differ: odfgate %s, LibreOffice %s" % (mine, lo))
    sys.exit()
k = 0
for h in og:  # LibreOffice outline = odfgate outline less some headings found by style
    if k < len(lo) and [h["level"], h["heading"]] == lo[k]:
        k += 1
    elif h["source"] != "style":
        print("odfgate lists %s, LibreOffice does not (or not here)" % [h["level"], h["heading"]][:2])
        sys.exit()
print("ok" if k == len(lo) else "LibreOffice lists %s, odfgate does not" % lo[k])
PY
)
    if [ "$f" = cases.fodt ]; then
        check "the heading cases: the same outline as LibreOffice's ($verdict)" test "$verdict" = ok
    else
        compared=$((compared + 1))
        [ "$verdict" = ok ] || bad+=("${f#"$ODFGATE_CORPUS"/}: $verdict")
    fi
done
if [ ${#bad[@]} -eq 0 ] && [ "$compared" -gt 0 ]; then ok "$compared real documents: LibreOffice's outline is odfgate's, less headings found by style"
else fail "real documents: ${#bad[@]} of $compared differ"; diag "${bad[@]}"; fi
done_testing
