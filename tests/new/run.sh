#!/usr/bin/env bash
# run.sh — odfgate new and odfgate schema from: the new draft validates against the OASIS
# schema (every XML part); `check` reports exactly one placeholder per section (and the
# signatories' missing sign-offs as warnings); LibreOffice sees the schema's outline levels;
# filling the sections through UNO makes the draft pass; a template's styles are kept raw;
# a schema made from a template loads and lists its headings.
. "$(dirname "$0")/../lib.sh"
schemas="$ODFGATE_ODF_SCHEMAS"
cd "$scratch" || exit 1
have_jing() { command -v java >/dev/null 2>&1 && [ -f /usr/share/java/jing.jar ] && [ -d "$schemas" ]; }
jing() { java -Xss32m -cp /usr/share/java/jing.jar com.thaiopensource.relaxng.util.Driver -i "$@" >jing.out 2>&1; }
errors_of() { run_odfgate check --format json "$1"; printf '%s' "$out" | python3 -c 'import json,sys
print(" ".join(sorted(f["rule"]+":"+(f["section"] or "-") for f in json.load(sys.stdin)["documents"][0]["findings"] if f["severity"]=="error")))'; }

run_odfgate new -o draft.odt --title "Integrated care: a common purpose framework"
if [ "$rc" = 0 ] && [ -s draft.odt ]; then ok "new: a draft is written"; else fail "new: exit $rc"; diag "$err"; fi
want="placeholder:barriers placeholder:support placeholder:vision placeholder:why placeholder:working-together"
if [ "$(errors_of draft.odt)" = "$want" ]; then ok "check on the new draft: exactly one placeholder per section"
else fail "check on the new draft: $(errors_of draft.odt)"; fi
run_odfgate outline --format json draft.odt
if printf '%s' "$out" | python3 -c 'import json,sys
o=json.load(sys.stdin)["documents"][0]["outline"]
sys.exit(0 if [(h["level"],h["section"]) for h in o]==[(1,"vision"),(1,"why"),(1,"working-together"),(1,"barriers"),(1,"support")] else 1)'
then ok "the outline has the schema's sections at the schema's levels"; else fail "outline of the new draft"; diag "$out"; fi

if have_jing; then
    for part in content.xml styles.xml meta.xml; do
        unzip -p draft.odt $part >p.xml
        if jing "$schemas/OpenDocument-v1.3-schema.rng" p.xml; then ok "new: $part validates (OASIS ODF 1.3)"
        else fail "new: $part invalid"; diag "$(head -5 jing.out)"; fi
    done
    unzip -p draft.odt META-INF/manifest.xml >m.xml
    if jing "$schemas/OpenDocument-v1.3-manifest-schema.rng" m.xml; then ok "new: the manifest validates"
    else fail "new: manifest invalid"; diag "$(head -5 jing.out)"; fi
else skip "no jing"; fi
if python3 -c 'import sys,zipfile; z=zipfile.ZipFile("draft.odt"); i=z.infolist()[0]; sys.exit(0 if i.filename=="mimetype" and i.compress_type==0 and z.read("mimetype")==b"application/vnd.oasis.opendocument.text" else 1)'
then ok "new: mimetype first, stored"; else fail "new: mimetype"; fi

# schema with subsections and an optional section
cat >nested.xml <<'XML'
<schema xmlns="urn:odfgate:schema:1" id="nested"><sections>
  <section id="a" heading="Alpha"><section id="a1" heading="Alpha one"/><section id="a2" heading="Alpha two" required="false"/></section>
  <section id="b" heading="Beta" required="false"/></sections></schema>
XML
run_odfgate new --schema nested.xml -o nested.odt
run_odfgate outline --schema nested.xml --format json nested.odt
if printf '%s' "$out" | python3 -c 'import json,sys
o=json.load(sys.stdin)["documents"][0]["outline"]
sys.exit(0 if [(h["level"],h["section"]) for h in o]==[(1,"a"),(2,"a1")] else 1)'
then ok "new: required subsections at their level, optional sections left out"; else fail "nested outline"; diag "$out"; fi

pyuno=${PYUNO:-/usr/bin/python3}
if [ "${ODFGATE_SKIP_SOFFICE:-0}" != 1 ] && command -v "${SOFFICE:-soffice}" >/dev/null 2>&1 && "$pyuno" -c 'import uno' 2>/dev/null; then
    timeout 300 "$pyuno" "$top_srcdir/tests/signoff/lo_uno.py" "$scratch/profile" "outline|draft.odt" "fill|draft.odt|filled.odt" >uno.out 2>uno.err
    if [ "$(sed -n 1p uno.out)" = '[[1, "Common vision"], [1, "Why integration is necessary"], [1, "How we will work together"], [1, "Potential barriers"], [1, "Support needed"]]' ]
    then ok "LibreOffice sees the schema's outline levels"; else fail "LibreOffice outline"; diag "$(cat uno.out uno.err)"; fi
    run_odfgate check filled.odt
    if [ "$rc" = 0 ] && [ -z "$(errors_of filled.odt)" ]; then ok "sections filled in LibreOffice: the draft passes"
    else fail "filled draft: exit $rc: $(errors_of filled.odt)"; fi
    # a template made by LibreOffice: its styles are kept byte for byte
    run_soffice --convert-to ott --outdir . "$top_srcdir/samples/drafts/passing.odt"
    run_odfgate new --template passing.ott -o fromtemplate.odt
    if [ "$rc" = 0 ] && python3 - <<'PY'
import sys, zipfile
a, b = zipfile.ZipFile("passing.ott"), zipfile.ZipFile("fromtemplate.odt")
same = a.getinfo("styles.xml").CRC == b.getinfo("styles.xml").CRC
mt = b.read("mimetype") == b"application/vnd.oasis.opendocument.text"
sys.exit(0 if same and mt and "Thumbnails/thumbnail.png" not in b.namelist() else 1)
PY
    then ok "new --template: the template's styles kept, an .odt (not a template)"; else fail "new --template"; diag "$err"; fi
    if [ "$(errors_of fromtemplate.odt)" = "$want" ]; then ok "new --template: exactly one placeholder per section"; else fail "template draft: $(errors_of fromtemplate.odt)"; fi
    run_odfgate schema from passing.ott -o from.xml
    run_odfgate schema check from.xml
    if [ "$rc" = 0 ] && grep -q 'heading="Potential barriers"' from.xml && [ "$(grep -c '<section ' from.xml)" = 5 ]; then
        ok "schema from a LibreOffice template: loads, one section per heading, order kept"
    else fail "schema from"; diag "$out" "$err"; fi
    run_odfgate check --schema from.xml "$top_srcdir/samples/drafts/passing.odt"
    if [ "$rc" = 0 ]; then ok "the template's own draft passes the schema made from it"; else fail "draft vs its schema: exit $rc"; diag "$out"; fi
else skip "LibreOffice: no soffice/python3-uno (or ODFGATE_SKIP_SOFFICE)"; fi
done_testing
