#!/usr/bin/env bash
# lo.sh — sign-off with the real client: headless LibreOffice driven through python3-uno
# (lo_uno.py), for a draft made by LibreOffice and one made by pandoc:
#   1. LibreOffice reads the custom properties exactly as odfgate wrote them;
#   2. opened and saved unchanged: every sign-off still valid;
#   3. one section's text changed and saved: stale, naming that section and no other;
#   4. only formatting changed (bold, paragraph style) and saved: still valid;
#   5. a record set through LibreOffice's own document-properties API is recognised.
. "$(dirname "$0")/../lib.sh"
[ "${ODFGATE_SKIP_SOFFICE:-0}" = 1 ] && skip_all "ODFGATE_SKIP_SOFFICE=1"
command -v "${SOFFICE:-soffice}" >/dev/null 2>&1 || skip_all "no soffice"
command -v "${PANDOC:-pandoc}" >/dev/null 2>&1 || skip_all "no pandoc"
pyuno=${PYUNO:-/usr/bin/python3}
"$pyuno" -c 'import uno' 2>/dev/null || skip_all "no python3-uno for $pyuno"
plan 11
cd "$scratch" || exit 1
D=2026-11-20T10:00:00+00:00
ids="dh nhscb cqc monitor lga ntda"
cp "$top_srcdir/samples/drafts/passing.odt" lo.odt
"${PANDOC:-pandoc}" -s "$top_srcdir/tests/producers/passing.md" -o pandoc.odt

states() { # FILE → "id:state[changed]" sorted, one per line
    run_odfgate signoffs --format json "$1"
    printf '%s' "$out" | python3 -c 'import json,sys
for s in json.load(sys.stdin)["signoffs"]:
    print(s["signatory"]+":"+s["state"]+("["+",".join(s["changed_sections"])+"]" if s["changed_sections"] else ""))' | sort
}
all_valid() { [ "$(states "$1" | grep -c ':valid$')" = 6 ]; }
meta_values() { python3 - "$1" <<'PY'
import json, sys, zipfile, xml.etree.ElementTree as ET
M = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("meta.xml"))
print(json.dumps({e.get("{%s}name" % M): e.text or "" for e in root.iter("{%s}user-defined" % M)
                  if e.get("{%s}name" % M, "").startswith("odfgate.signoff.")}, sort_keys=True))
PY
}

for p in lo pandoc; do
    cp $p.odt $p-signed.odt
    for id in $ids; do run_odfgate signoff $p-signed.odt --as $id --by "Signer of $id" --role "Chief, $id" --date $D --in-place; done
    if all_valid $p-signed.odt; then ok "$p: six sign-offs stamped and valid"; else fail "$p: stamping"; diag "$(states $p-signed.odt)"; fi
done

timeout 300 "$pyuno" "$top_srcdir/tests/signoff/lo_uno.py" "$scratch/profile" \
    "props|lo-signed.odt" "props|pandoc-signed.odt" \
    "resave|lo-signed.odt|lo-resaved.odt" "resave|pandoc-signed.odt|pandoc-resaved.odt" \
    "edit|lo-signed.odt|lo-edited.odt|Potential barriers" "edit|pandoc-signed.odt|pandoc-edited.odt|Potential barriers" \
    "format|lo-signed.odt|lo-formatted.odt" "format|pandoc-signed.odt|pandoc-formatted.odt" \
    >uno.out 2>uno.err
uno_rc=$?
[ "$uno_rc" = 0 ] || diag "lo_uno.py exit $uno_rc" "$(cat uno.err)"

# 1. what LibreOffice reads equals what odfgate wrote
lo_props=$(sed -n 1p uno.out | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({k:v for k,v in d.items() if k.startswith("odfgate.signoff.")}, sort_keys=True))' 2>/dev/null)
if [ -n "$lo_props" ] && [ "$lo_props" = "$(meta_values lo-signed.odt)" ] && [ "$(echo "$lo_props" | grep -o 'odfgate-signoff/2' | wc -l)" = 6 ]; then
    ok "LibreOffice reads the six custom properties exactly as written"
else fail "LibreOffice's custom properties differ"; diag "$lo_props" "$(meta_values lo-signed.odt)"; fi
for p in lo pandoc; do
    if all_valid $p-resaved.odt; then ok "$p: opened and saved by LibreOffice unchanged: all valid"; else fail "$p: resave"; diag "$(states $p-resaved.odt)"; fi
    want=$(for id in $ids; do echo "$id:stale[barriers]"; done | sort)
    if [ "$(states $p-edited.odt)" = "$want" ]; then ok "$p: text of one section changed in LibreOffice: stale, naming barriers only"
    else fail "$p: edit"; diag "$(states $p-edited.odt)"; fi
    if all_valid $p-formatted.odt; then ok "$p: formatting changed in LibreOffice: still valid"; else fail "$p: formatting"; diag "$(states $p-formatted.odt)"; fi
done
run_odfgate check --format json lo-edited.odt
n=$(printf '%s' "$out" | python3 -c 'import json,sys
print(sum(1 for f in json.load(sys.stdin)["documents"][0]["findings"] if f["rule"]=="signoff-stale" and "(barriers)" in f["message"] and "(vision)" not in f["message"]))')
if [ "$rc" = 1 ] && [ "$n" = 6 ]; then ok "check: six signoff-stale findings naming barriers"; else fail "check on the edited draft: exit $rc, $n"; fi

# 5. a record set through LibreOffice's document-properties API
value=$(meta_values lo-signed.odt | python3 -c 'import json,sys; print(json.load(sys.stdin)["odfgate.signoff.dh"])')
timeout 120 "$pyuno" "$top_srcdir/tests/signoff/lo_uno.py" "$scratch/profile2" \
    "setprop|lo.odt|lo-setprop.odt|odfgate.signoff.dh|$value" >/dev/null 2>uno2.err
if [ "$(states lo-setprop.odt)" = "dh:valid" ]; then ok "a record set through LibreOffice's properties API is recognised as valid"
else fail "record set by LibreOffice"; diag "$(states lo-setprop.odt)" "$(cat uno2.err)"; fi
