#!/usr/bin/env bash
# signed.sh — Tools > Sign off statement… signed with a certificate from LibreOffice's own
# store (its NSS database: the test PKI of tests/signatures/mkpki.sh), through the command
# vnd.odfgate:signoff with Certificate (the dialog's "Sign with" list sets the same): the
# document is saved and LibreOffice signs it with odfgate's sign-off record as the signature's
# description.  odfgate reads each as a signed sign-off (valid, complete, trusted with the test
# CA), LibreOffice verifies both signatures, the second signatory's signature keeps the first
# valid; a flat document and an unknown certificate are refused before anything is recorded.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lo-lib.sh"
command -v certutil >/dev/null 2>&1 || skip_all "no certutil (libnss3-tools)"
command -v openssl >/dev/null 2>&1 || skip_all "no openssl"
cd "$scratch" || exit 1
bash "$top_srcdir/tests/signatures/mkpki.sh" pki >/dev/null || skip_all "mkpki.sh failed"
plan 6
cp "$top_srcdir/samples/drafts/passing.odt" d.odt
run_odfgate flatten -o d.fodt "$top_srcdir/samples/drafts/passing.odt"
cp d.fodt d-before.fodt
cp d.odt unknown.odt
export MOZILLA_CERTIFICATE_FOLDER="sql:$scratch/pki/nssdb"   # LibreOffice's store (soffice inherits it)

drive=$(timeout 600 "$pyuno" "$here/lo_writer.py" "$lo_profile" \
  'd.odt|frame|writer8||[["dispatch","signoff",{"Signatory":"dh","By":"Dana Hill","Role":"Director","Certificate":"Department of Health"}],["dispatch","signoff",{"Signatory":"cqc","By":"Chris Quinn","Certificate":"Care Quality"}]]' \
  'd.fodt|frame|OpenDocument Text Flat XML||[["dispatch","signoff",{"Signatory":"dh","By":"Dana Hill","Certificate":"Department of Health"}]]' \
  'unknown.odt|frame|writer8||[["dispatch","signoff",{"Signatory":"dh","By":"Dana Hill","Certificate":"Nobody"}]]' \
  2>driver.err)
[ -n "$drive" ] || diag "driver: $(cat driver.err)"
step() { json_get "$(drive_line "$1")" "j['steps'][$2]$3"; }

if [ "$(step 1 0 '["state"]')" = 1 ] && step 1 0 '["result"][0]' | grep -q '^Department of Health (dh): approved — Dana Hill, Director, ' &&
   [ "$(step 1 1 '["state"]')" = 1 ] && step 1 1 '["result"][0]' | grep -q '^Care Quality Commission (cqc): approved — Chris Quinn, '; then
    ok "dh, then cqc, sign off with a certificate of LibreOffice's store: recorded, saved, signed"
else fail "signed sign-off command"; diag "$(drive_line 1)" "$(grep -i odfgate soffice-driver.log | tail -5)"; fi
run_odfgate signoffs --format json --trust pki/ca.pem d.odt
sigs=$out
if [ "$(json_get "$sigs" '[(s["valid"], s["complete"], s["trusted"], s["signatory"]) for s in j["signatures"]]')" = "[(True, True, True, 'dh'), (True, True, True, 'cqc')]" ]; then
    ok "odfgate: two signatures, valid, signing every stream, trusted (test CA), speaking for dh and cqc"
else fail "odfgate on the signed file"; diag "$sigs"; fi
if [ "$(json_get "$sigs" '[(r["signatory"], r["state"], r["signature"]) for r in j["signoffs"]]')" = "[('dh', 'valid', 1), ('cqc', 'valid', 2)]" ]; then
    ok "each sign-off travels in its own signature (1: dh, 2: cqc), valid for the text"
else fail "records"; diag "$sigs"; fi
lo=$("$pyuno" "$top_srcdir/tests/signatures/lo_sig.py" "$scratch/verify-profile" pki/nssdb "verify|d.odt" 2>lo-verify.err)
if [ "$(json_get "$lo" '[(s["valid"], s["partial"]) for s in j["signatures"]]')" = "[(True, False), (True, False)]" ] &&
   json_get "$lo" '[s["subject"] for s in j["signatures"]]' | grep -q "Department of Health.*Care Quality"; then
    ok "LibreOffice verifies both signatures (valid, not partial): dh's, then cqc's"
else fail "LibreOffice's verification"; diag "$lo" "$(cat lo-verify.err)"; fi
if [ "$(step 2 0 '["state"]')" = 0 ] && step 2 0 '["result"][0]' | grep -q 'not an ODF package.*flat' && cmp -s d.fodt d-before.fodt; then
    ok "a flat .fodt: refused (it cannot carry signatures), nothing recorded, the file untouched"
else fail "flat document"; diag "$(drive_line 2)"; fi
if [ "$(step 3 0 '["state"]')" = 0 ] && step 3 0 '["result"][0]' | grep -q 'no certificate of LibreOffice.s store has "Nobody".*there are: .*Department of Health' &&
   cmp -s unknown.odt "$top_srcdir/samples/drafts/passing.odt"; then
    ok "an unknown certificate: refused naming the store's certificates, the file untouched"
else fail "unknown certificate"; diag "$(drive_line 3)"; fi
