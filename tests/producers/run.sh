#!/usr/bin/env bash
# run.sh — producer independence: the same draft content, written by pandoc (Markdown → ODT)
# and by LibreOffice (Markdown → HTML by pandoc → ODT by headless soffice) during the test run,
# gives the same outline (levels, headings, matched sections, words) and the same findings.
. "$(dirname "$0")/../lib.sh"
[ "${ODFGATE_SKIP_SOFFICE:-0}" = 1 ] && skip_all "ODFGATE_SKIP_SOFFICE=1"
command -v "${SOFFICE:-soffice}" >/dev/null 2>&1 || skip_all "no soffice"
command -v "${PANDOC:-pandoc}" >/dev/null 2>&1 || skip_all "no pandoc"
pandoc=${PANDOC:-pandoc}
here="$top_srcdir/tests/producers"
mds=("$here"/*.md)
plan $(( ${#mds[@]} * 2 ))
mkdir -p "$scratch/pandoc" "$scratch/html" "$scratch/lo"
for md in "${mds[@]}"; do
    name=$(basename "$md" .md)
    "$pandoc" -s "$md" -o "$scratch/pandoc/$name.odt"
    # pandoc's HTML repeats the title as an <h1> in a title block, which LibreOffice then
    # imports as a real heading; the pandoc ODT has it as a Title paragraph.  Keep only
    # <title> (dc:title) so both documents hold the same content.
    "$pandoc" -s "$md" -t html | python3 -c 'import re,sys
sys.stdout.write(re.sub(r"<header id=\"title-block-header\">.*?</header>", "", sys.stdin.read(), flags=re.S))' \
        >"$scratch/html/$name.html"
done
run_soffice --infilter="HTML (StarWriter)" --convert-to odt:writer8 --outdir "$scratch/lo" "$scratch"/html/*.html
summary() { # the producer-independent view of a JSON report
    python3 -c 'import json,sys
d=json.load(sys.stdin)["documents"][0]
if d["status"]=="error": print("error", d["error"]["code"]); sys.exit()
print("title", d["title"])
for h in d["outline"]: print("H", h["level"], h["heading"], h["section"], h["words"])
for f in d["findings"]: print("F", f["rule"], f["severity"], f["section"], f["message"])'
}
for md in "${mds[@]}"; do
    name=$(basename "$md" .md)
    for p in pandoc lo; do
        if [ ! -s "$scratch/$p/$name.odt" ]; then echo "(no $p output)" >"$scratch/$p.$name.txt"; continue; fi
        run_odfgate check --format json "$scratch/$p/$name.odt"
        printf '%s' "$out" | summary >"$scratch/$p.$name.txt"
    done
    if [ -s "$scratch/lo/$name.odt" ]; then ok "$name: LibreOffice made a document"; else fail "$name: soffice produced nothing"; fi
    if diff -u "$scratch/pandoc.$name.txt" "$scratch/lo.$name.txt" >"$scratch/diff"; then
        ok "$name: same outline and findings from pandoc and LibreOffice ($(grep -c '^F' "$scratch/lo.$name.txt") findings)"
    else
        fail "$name: pandoc and LibreOffice documents differ"; diag "$(cat "$scratch/diff")"
    fi
done
