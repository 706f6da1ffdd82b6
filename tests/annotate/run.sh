#!/usr/bin/env bash
# run.sh — odfgate annotate: one comment per finding, in the right paragraph; re-running
# replaces odfgate's comments, --strip removes them, people's comments are never touched;
# only content.xml changes; the check of an annotated draft finds the same things; the output
# validates against the OASIS schema (jing -i, foreign content stripped first) for LibreOffice
# and pandoc drafts and a sample of the corpus; LibreOffice shows the comments and exports a PDF.
. "$(dirname "$0")/../lib.sh"
here="$top_srcdir/tests/annotate"
schemas="$ODFGATE_ODF_SCHEMAS"
cd "$scratch" || exit 1


# comment counts: "<odfgate> <others>"
count() { python3 - "$1" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"; DC = "http://purl.org/dc/elements/1.1/"
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("content.xml"))
a = list(root.iter("{%s}annotation" % O))
print(sum(x.findtext("{%s}creator" % DC) == "odfgate" for x in a), sum(x.findtext("{%s}creator" % DC) != "odfgate" for x in a))
PY
}
findings_of() { run_odfgate check --format json "$1"; printf '%s' "$out" | python3 -c 'import json,sys
print(json.dumps(json.load(sys.stdin)["documents"][0]["findings"], sort_keys=True))'; }
# every part but content.xml: same CRC, size, compressed size and method; mimetype first, stored
same_parts() { python3 - "$1" "$2" <<'PY'
import sys, zipfile
a, b = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
ia = {i.filename: (i.CRC, i.file_size, i.compress_size, i.compress_type) for i in a.infolist() if i.filename != "content.xml"}
ib = {i.filename: (i.CRC, i.file_size, i.compress_size, i.compress_type) for i in b.infolist() if i.filename != "content.xml"}
first = b.infolist()[0]
sys.exit(0 if ia == ib and first.filename == "mimetype" and first.compress_type == 0 else 1)
PY
}
jing_ok() { # FILE.odt: content.xml valid against the schema of its office:version, after stripping
    local v
    unzip -p "$1" content.xml >c.xml || return 1
    v=$(grep -o 'office:version="[0-9.]*"' c.xml | head -n 1 | grep -o '1\.[0-9]')
    local rng="$schemas/OpenDocument-v$v-schema.rng"
    [ "$v" = 1.2 ] && rng="$schemas/OpenDocument-v1.2-os-schema.rng"
    [ -f "$rng" ] || return 2
    python3 "$here/strip_foreign.py" c.xml s.xml || return 1
    java -Xss32m -cp /usr/share/java/jing.jar com.thaiopensource.relaxng.util.Driver -i \
        "$rng" s.xml >jing.out 2>&1
}

docs=()
for d in passing placeholder missing-section empty-section; do cp "$top_srcdir/samples/drafts/$d.odt" "lo-$d.odt"; docs+=("lo-$d.odt"); done
if command -v "${PANDOC:-pandoc}" >/dev/null 2>&1; then
    for m in passing missing-and-placeholder; do "${PANDOC:-pandoc}" -s "$top_srcdir/tests/producers/$m.md" -o "pandoc-$m.odt"; docs+=("pandoc-$m.odt"); done
fi
# a draft with a person's comment in it
python3 "$top_srcdir/tests/annotate/with_comment.py" "$top_srcdir/samples/drafts/placeholder.odt" human.odt
docs+=(human.odt)

for d in "${docs[@]}"; do
    before=$(sha256sum "$d" | cut -d' ' -f1)
    want=$(findings_of "$d"); nwant=$(printf '%s' "$want" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
    others=$(count "$d" | cut -d' ' -f2)
    run_odfgate annotate "$d" -o "a-$d"
    if [ -s "a-$d" ] && [ "$(count "a-$d")" = "$nwant $others" ]; then ok "$d: one comment per finding ($nwant), other comments kept ($others)"
    else fail "$d: annotate: exit $rc, counts $(count "a-$d" 2>&1) (want $nwant $others)"; diag "$err"; fi
    if [ "$(sha256sum "$d" | cut -d' ' -f1)" = "$before" ] && same_parts "$d" "a-$d"; then ok "$d: input untouched; every part but content.xml copied raw"
    else fail "$d: parts changed"; fi
    if [ "$(findings_of "a-$d")" = "$want" ]; then ok "$d: the annotated copy has the same findings"; else fail "$d: findings changed by annotating"; fi
    run_odfgate annotate "a-$d" -o "aa-$d"
    if [ "$(count "aa-$d")" = "$nwant $others" ] && [[ "$out" == *": $nwant odfgate comment"*" written ($nwant earlier one"*" replaced)" ]]
    then ok "$d: annotating again replaces odfgate's comments, and says so"; else fail "$d: re-annotate: $(count "aa-$d"): $out"; fi
    run_odfgate annotate --strip "aa-$d" -o "s-$d"
    if [ "$(count "s-$d")" = "0 $others" ] && [[ "$out" == *"s-$d: $nwant odfgate comment"*" removed" ]]
    then ok "$d: --strip removes only odfgate's comments, and says how many"; else fail "$d: strip: $(count "s-$d"): $out"; fi
    if command -v java >/dev/null 2>&1 && [ -f /usr/share/java/jing.jar ] && [ -d "$schemas" ]; then
        if jing_ok "a-$d"; then ok "$d: annotated content.xml validates (jing -i, OASIS schema)"
        else fail "$d: annotated content.xml does not validate"; diag "$(head -5 jing.out)"; fi
    else skip "$d: no jing or no OASIS schemas"; fi
done

# where the comments go: a placeholder finding in its paragraph, a missing section before the
# heading that should follow it
run_odfgate annotate lo-missing-section.odt -o where.odt
place=$(python3 - where.odt <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"; T = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("content.xml"))
for h in root.iter("{%s}h" % T):
    for a in h.findall("{%s}annotation" % O):
        txt = "".join(a.find("{%s}p" % T).itertext())
        if txt.endswith("(section-missing)"):
            own = (h.text or "") + "".join(("" if c.tag == a.tag else "".join(c.itertext())) + (c.tail or "") for c in h)
            print(own[:40])
PY
)
if [ "$place" = "Support needed" ]; then ok "a missing section's comment sits in the heading that should follow it"
else fail "section-missing comment placed in '$place'"; fi

# a document with ODF digital signatures: refused (exit 2, nothing written) unless --force
python3 "$top_srcdir/tests/signoff/zipedit.py" lo-placeholder.odt signed.odt "+META-INF/documentsignatures.xml" "" "<document-signatures/>"
run_odfgate annotate signed.odt -o signed-a.odt
if [ "$rc" = 2 ] && [ ! -e signed-a.odt ] && printf '%s' "$err" | grep -q 'invalidate'; then ok "signed document: refused, with the reason"
else fail "signed document: exit $rc"; fi
run_odfgate annotate --force signed.odt -o signed-a.odt
if [ -s signed-a.odt ] && ! unzip -l signed-a.odt | grep -q documentsignatures; then ok "signed document with --force: written, signatures removed"
else fail "signed --force"; fi

# a sample of the corpus: every document that validates before annotating validates after
if command -v java >/dev/null 2>&1 && [ -f /usr/share/java/jing.jar ] && [ -f "$ODFGATE_CORPUS/FEATURES.tsv" ]; then
    corpus="$ODFGATE_CORPUS"
    n=0 tried=0
    while read -r file; do
        tried=$((tried + 1)); [ $((tried % 9)) = 0 ] || continue
        cp "$corpus/$file" in.odt
        jing_ok in.odt || continue        # only documents that are valid to begin with
        run_odfgate annotate in.odt -o out.odt
        [ "$rc" = 3 ] && continue          # unreadable
        if [ "$rc" = 2 ]; then             # signed: refused unless --force
            run_odfgate annotate --force in.odt -o out.odt
            unzip -l out.odt | grep -q documentsignatures && { fail "corpus $file: --force kept the signatures"; continue; }
        fi
        n=$((n + 1))
        if jing_ok out.odt; then ok "corpus $file: still valid after annotating ($(count out.odt | cut -d' ' -f1) comments)"
        else fail "corpus $file: invalid after annotating"; diag "$(head -3 jing.out)"; fi
        [ "$n" -ge 12 ] && break
    done < <(awk -F'\t' 'NR > 1 && $4 == "zip" && $9 == "0" && $6 == "application/vnd.oasis.opendocument.text" && ($8 == "1.2" || $8 == "1.3") {print $1}' "$corpus/FEATURES.tsv")
else skip "corpus sample: no jing or no corpus"; fi

# the real client: LibreOffice imports the annotated draft and writes it back with the same
# comments (headless --convert-to; a UNO walk over comments crashes a headless 7.4 server,
# docs/libreoffice.md), and exports it as PDF
comments_of() { python3 - "$1" <<'PY'
import json, sys, zipfile, xml.etree.ElementTree as ET
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"; DC = "http://purl.org/dc/elements/1.1/"
T = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("content.xml"))
ours = sorted("".join(a.find("{%s}p" % T).itertext()) for a in root.iter("{%s}annotation" % O)
              if a.findtext("{%s}creator" % DC) == "odfgate")
others = sum(1 for a in root.iter("{%s}annotation" % O) if a.findtext("{%s}creator" % DC) != "odfgate")
print(json.dumps([ours, others]))
PY
}
if [ "${ODFGATE_SKIP_SOFFICE:-0}" != 1 ] && command -v "${SOFFICE:-soffice}" >/dev/null 2>&1; then
    mkdir -p lo-out
    run_soffice --convert-to odt:writer8 --outdir lo-out a-lo-placeholder.odt a-human.odt
    run_soffice --convert-to pdf --outdir lo-out a-lo-placeholder.odt
    want=$(findings_of lo-placeholder.odt | python3 -c 'import json,sys; print(json.dumps([sorted(f["severity"]+": "+f["message"]+" ("+f["rule"]+")" for f in json.load(sys.stdin)), 0]))')
    if [ -s lo-out/a-lo-placeholder.odt ] && [ "$(comments_of lo-out/a-lo-placeholder.odt)" = "$want" ]; then
        ok "LibreOffice reads one comment per finding, with the finding's text, and keeps them"
    else fail "LibreOffice's comments differ"; diag "$(comments_of lo-out/a-lo-placeholder.odt 2>&1)" "$want"; fi
    if [ -s lo-out/a-human.odt ] && [ "$(comments_of lo-out/a-human.odt | python3 -c 'import json,sys; print(json.load(sys.stdin)[1])')" = 1 ]; then
        ok "LibreOffice still has the reviewer's comment"
    else fail "reviewer's comment lost through LibreOffice"; fi
    if [ "$(head -c 4 lo-out/a-lo-placeholder.pdf 2>/dev/null)" = "%PDF" ]; then ok "PDF export of the annotated draft succeeds"; else fail "no PDF"; fi
else skip "LibreOffice: no soffice (or ODFGATE_SKIP_SOFFICE)"; fi
done_testing
