#!/usr/bin/env bash
# cli.sh — sign-off through the CLI: every signoff-* rule, stale naming the changed section,
# revoke, malformed and unknown records, signed (XML-DSig) documents, flat documents, atomic
# writes (input untouched, no temporary file left, a write over `ulimit -f` fails cleanly).
. "$(dirname "$0")/../lib.sh"
plan 23
draft="$top_srcdir/samples/drafts/passing.odt"
zipedit="python3 $top_srcdir/tests/signoff/zipedit.py"
D=2026-11-20T10:00:00+00:00
cd "$scratch" || exit 1
cp "$draft" d.odt
findings() { # rules of a JSON report, sorted, with the section ids named in stale messages
    printf '%s' "$out" | python3 -c 'import json,sys
d=json.load(sys.stdin)["documents"][0]
print(" ".join(sorted(f["rule"] for f in d["findings"])))'
}
state() { printf '%s' "$out" | python3 -c 'import json,sys
d=json.load(sys.stdin)
print(" ".join(s["signatory"]+":"+s["state"]+("["+",".join(s["changed_sections"])+"]" if s["changed_sections"] else "") for s in d["signoffs"]))'; }

sum_before=$(sha256sum d.odt | cut -d' ' -f1)
run_odfgate signoff d.odt --as dh --by "Jane Smith" --role "Director; Policy" --date $D -o s1.odt
if [ "$rc" = 0 ]; then ok "stamp dh: exit 0"; else fail "stamp dh: exit 0"; fi
if [ "$(sha256sum d.odt | cut -d' ' -f1)" = "$sum_before" ]; then ok "the input is untouched"; else fail "the input is untouched"; fi
if [ -z "$(ls -A | grep odfgate-)" ]; then ok "no temporary file is left behind"; else fail "no temporary file is left behind"; fi
run_odfgate signoffs --format json s1.odt
if [ "$(state)" = "dh:valid" ]; then ok "signoffs: dh valid"; else fail "signoffs: dh valid"; fi
for id in nhscb cqc monitor lga ntda; do
    run_odfgate signoff s1.odt --as $id --by "Signer $id" --date $D --in-place || true
done
run_odfgate check --format json s1.odt
if [ "$rc" = 0 ] && [ -z "$(findings)" ]; then ok "all six signed: check passes with no finding"; else fail "all six signed: check passes with no finding"; fi

$zipedit s1.odt s2.odt content.xml "Payment systems still" "Payment systems often"
run_odfgate check --format json s2.odt
n_stale=$(printf '%s' "$out" | grep -o '"rule":"signoff-stale"' | wc -l)
if [ "$rc" = 1 ] && [ "$n_stale" = 6 ]; then ok "text changed in one section: six signoff-stale, exit 1"; else fail "text changed in one section: six signoff-stale, exit 1"; fi
run_odfgate signoffs --format json s2.odt
if [ "$(state | tr ' ' '\n' | sort -u)" = "$(printf '%s\n' cqc dh lga monitor nhscb ntda | sed 's/$/:stale[barriers]/')" ]; then ok "stale names barriers and no other section"; else fail "stale names barriers and no other section"; fi

$zipedit s1.odt s3.odt content.xml 'text:style-name="P1"' 'text:style-name="P2"' 2>/dev/null || cp s1.odt s3.odt
$zipedit s3.odt s4.odt meta.xml "<dc:title>" "<dc:title>Renamed: "
run_odfgate signoffs --format json s4.odt
if [ "$(state | tr ' ' '\n' | grep -vc ':valid$')" = 0 ]; then ok "formatting and title changes only: still valid"; else fail "formatting and title changes only: still valid"; fi

run_odfgate signoff s1.odt --as cqc --by "C. Reviewer" --decision rejected --date $D -o r.odt
run_odfgate check --format json r.odt
if [ "$(findings)" = "signoff-rejected" ]; then ok "rejected: signoff-rejected"; else fail "rejected: signoff-rejected"; fi

run_odfgate signoff s1.odt --revoke lga -o v.odt
run_odfgate check --format json v.odt
if [ "$(findings)" = "signoff-missing" ] && printf '%s' "$out" | grep -q '(lga)'; then ok "revoked: signoff-missing for lga"; else fail "revoked: signoff-missing for lga"; fi
run_odfgate signoff v.odt --revoke lga -o v2.odt
if [ "$rc" = 2 ] && [ ! -e v2.odt ]; then ok "revoking twice: exit 2, nothing written"; else fail "revoking twice: exit 2, nothing written"; fi

$zipedit s1.odt m.odt meta.xml ">odfgate-signoff/2; id=monitor;" ">odfgate-signoff/9; id=monitor;"
run_odfgate check --format json m.odt
if [ "$(findings)" = "signoff-malformed signoff-missing" ]; then ok "unsupported version: signoff-malformed (and missing)"; else fail "unsupported version: signoff-malformed (and missing)"; fi
$zipedit s1.odt m2.odt meta.xml "; content=sha256:" "; content=sha1:"
run_odfgate signoffs --format json m2.odt
if [ "$(state | grep -o 'malformed' | head -1)" = malformed ]; then ok "bad digest: malformed"; else fail "bad digest: malformed"; fi

cat >"$scratch/extra.xml" <<'XML'
<schema xmlns="urn:odfgate:schema:1" id="extra" extends="EXTENDS"><signatories><signatory id="dh" name="DH"/><signatory id="xyz" name="Other body"/></signatories></schema>
XML
sed -i "s#EXTENDS#$top_srcdir/samples/schemas/common-purpose-framework.xml#" "$scratch/extra.xml"
run_odfgate signoff d.odt --schema "$scratch/extra.xml" --as xyz --by "X" --date $D -o u.odt
run_odfgate check --format json u.odt
if [ "$(findings | tr ' ' '\n' | sort -u | tr '\n' ' ')" = "signoff-missing signoff-unknown " ]; then ok "signatory not in the schema: signoff-unknown"; else fail "signatory not in the schema: signoff-unknown"; fi
run_odfgate signoff d.odt --as nobody --by X -o n.odt
if [ "$rc" = 2 ] && [ ! -e n.odt ] && printf '%s' "$err" | grep -q 'nhscb'; then ok "stamping an unknown signatory: exit 2, the schema's ids listed"; else fail "stamping an unknown signatory: exit 2, the schema's ids listed"; fi

run_odfgate signoff d.odt --as dh --by X --date 2099-01-01T00:00:00Z -o f.odt
run_odfgate check --format json f.odt
if [ "$(findings | tr ' ' '\n' | grep -c future)" = 1 ]; then ok "dated in the future: signoff-future-date"; else fail "dated in the future: signoff-future-date"; fi

run_odfgate signoff d.odt --as dh --by X --date "yesterday" -o bad.odt
if [ "$rc" = 2 ] && [ ! -e bad.odt ]; then ok "a date without a time zone is refused"; else fail "a date without a time zone is refused"; fi

cat >"$scratch/quorum.xml" <<XML
<schema xmlns="urn:odfgate:schema:1" id="q" extends="$top_srcdir/samples/schemas/common-purpose-framework.xml"><signatories require="3"><signatory id="dh" name="DH"/><signatory id="cqc" name="CQC"/><signatory id="lga" name="LGA"/><signatory id="ntda" name="NTDA"/></signatories></schema>
XML
run_odfgate signoff d.odt --schema "$scratch/quorum.xml" --as dh --by X --date $D -o q.odt
run_odfgate check --schema "$scratch/quorum.xml" --format json q.odt
if printf '%s' "$(findings)" | grep -q 'signoff-quorum'; then ok "2 of 4 missing approvals with require=3: signoff-quorum"; else fail "2 of 4 missing approvals with require=3: signoff-quorum"; fi

cp "$top_srcdir/tests/cli/fixtures/traps.fodt" t.fodt
run_odfgate signoff t.fodt --as dh --by X --date $D -o t2.fodt
if [ "$rc" = 2 ] && [ ! -e t2.fodt ]; then ok "tracked changes: signing refused without --force"; else fail "tracked changes: signing refused without --force"; fi
run_odfgate signoff t.fodt --as dh --by X --date $D --force -o t2.fodt
run_odfgate check --format json t2.fodt
if [ "$rc" = 1 ] && findings | grep -q 'signoff-pending-changes'; then ok "flat document stamped; signed with pending changes: signoff-pending-changes"; else fail "flat document stamped; signed with pending changes: signoff-pending-changes"; fi

$zipedit d.odt sig.odt "+META-INF/documentsignatures.xml" "" "<document-signatures/>"
run_odfgate signoff sig.odt --as dh --by X --date $D -o sig2.odt
if [ "$rc" = 2 ] && [ ! -e sig2.odt ] && printf '%s' "$err" | grep -q 'invalidate'; then ok "XML-DSig signed document: refused, says why"; else fail "XML-DSig signed document: refused, says why"; fi
run_odfgate signoff sig.odt --as dh --by X --date $D --force -o sig2.odt
if [ "$rc" = 0 ] && ! unzip -l sig2.odt | grep -q documentsignatures; then ok "--force: written without the signatures"; else fail "--force: written without the signatures"; fi

# a write over the file-size limit fails with a clear error and leaves nothing behind
( ulimit -f 8; run_odfgate signoff d.odt --as dh --by X --date $D -o big.odt; echo "$rc" >rc.txt; printf '%s' "$err" >err.txt )
if [ "$(cat rc.txt)" = 3 ] && [ ! -e big.odt ] && grep -q 'File too large' err.txt && [ -z "$(ls -A | grep odfgate-)" ]; then ok "ulimit -f: clear error, no partial file, no temporary file"; else fail "ulimit -f: clear error, no partial file, no temporary file"; fi
