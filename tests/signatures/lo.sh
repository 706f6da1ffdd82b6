#!/usr/bin/env bash
# lo.sh — ODF digital signatures, LibreOffice agreeing both ways (real headless LibreOffice
# through python3-uno, lo_sig.py; its certificate store an NSS database with the test CA
# trusted, mkpki.sh):
#   1. odfgate signs for three signatories: LibreOffice finds three valid, trusted signatures
#      by those signers; one changed byte: LibreOffice and odfgate both say invalid;
#   2. LibreOffice signs (twice, with a description): odfgate finds them valid, complete and
#      trusted (--trust), reads the description; one changed byte: both say invalid;
#   3. each signs after the other (LibreOffice after odfgate's three, odfgate after
#      LibreOffice's): every signature stays valid in both;
#   4. an untrusted signer: LibreOffice and odfgate both say valid but not trusted;
#   5. the signed documents of the real corpus: LibreOffice and odfgate agree on each, except
#      the ones made by DSS (the EU's Java signing library), which LibreOffice 7.4 reports
#      invalid through UNO without saying why while odfgate verifies every digest and the
#      signature value (docs/signatures.md, "LibreOffice and odfgate"); shown, not asserted.
. "$(dirname "$0")/../lib.sh"
[ "${ODFGATE_SKIP_SOFFICE:-0}" = 1 ] && skip_all "ODFGATE_SKIP_SOFFICE=1"
command -v "${SOFFICE:-soffice}" >/dev/null 2>&1 || skip_all "no soffice"
pyuno=${PYUNO:-/usr/bin/python3}
"$pyuno" -c 'import uno' 2>/dev/null || skip_all "no python3-uno for $pyuno"
command -v certutil >/dev/null 2>&1 || skip_all "no certutil (libnss3-tools)"
command -v openssl >/dev/null 2>&1 || skip_all "no openssl"
here="$top_srcdir/tests/signatures"
cd "$scratch" || exit 1
bash "$here/mkpki.sh" pki >/dev/null || skip_all "mkpki.sh failed"
plan 21
tamper="python3 $here/tamper.py"
lo() { "$pyuno" "$here/lo_sig.py" "$scratch/$1" pki/nssdb "${@:2}"; }
D=2026-11-20T10:00:00+00:00
osign() { # IN OUT STEM ID: odfgate signs
    run_odfgate signoff "$1" --as "$4" --by "Signer $4" --date $D --sign --key pki/$3.key --cert pki/$3.pem -o "$2"
}
lo_says() { # FILE FIELD → that field of each signature LibreOffice reported for FILE
    python3 - "$1" "$2" "$scratch/lo.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[3]):
    j = json.loads(line)
    if j.get("op") == "verify" and j["file"] == sys.argv[1]:
        print(" ".join(str(s[sys.argv[2]]) for s in j.get("signatures", [])) if "error" not in j else "ERROR " + j["error"])
PY
}
og_says() { # FILE FIELD [--trust …] → that field of each signature odfgate reports
    local f=$1 field=$2; shift 2
    run_odfgate signoffs --format json "$@" "$f"
    printf '%s' "$out" | python3 -c 'import json,sys
print(" ".join(str(s[sys.argv[1]]) for s in json.load(sys.stdin)["signatures"]))' "$field"
}

cp "$top_srcdir/samples/drafts/passing.odt" d.odt
osign d.odt o1.odt dh dh && osign o1.odt o2.odt cqc cqc && osign o2.odt o3.odt monitor monitor
osign d.odt rogue.odt rogue dh
$tamper o3.odt o3t.odt byte
# LibreOffice signs: dh with a description, then cqc; and after odfgate's three
lo prof1 "sign|d.odt|l1.odt|Department of Health|Approved by the Department" \
    "sign|l1.odt|l2.odt|Care Quality" "sign|o3.odt|o3l.odt|Monitor" >sign.jsonl 2>lo-sign.err
check "LibreOffice signed three packages through UNO" [ "$(grep -c '"op": "sign"' sign.jsonl)" = 3 ] && ! grep -q '"error"' sign.jsonl
$tamper l2.odt l2t.odt byte
osign l1.odt l1o.odt cqc cqc
ops=()
for f in o3.odt o3t.odt l2.odt l2t.odt o3l.odt l1o.odt rogue.odt; do ops+=("verify|$f"); done
corpus=()
for f in eea__odfpy/contrib/odfsign/testdocs/ClimateChange2.odt \
         eea__odfpy/contrib/odfsign/testdocs/ClimateChange3.odt \
         tdf__odftoolkit/validator/src/test/resources/good.odt \
         esig__dss/dss-asic-xades/src/test/resources/validation/libreoffice.odt \
         esig__dss/dss-asic-xades/src/test/resources/validation/sig-6_2.odt; do
    [ -f "$ODFGATE_CORPUS/$f" ] && corpus+=("$ODFGATE_CORPUS/$f") && ops+=("verify|$ODFGATE_CORPUS/$f")
done
dss="$ODFGATE_CORPUS/esig__dss/dss-asic-xades/src/test/resources/validation/open-document-resigned.odt"
[ -f "$dss" ] && ops+=("verify|$dss")
lo prof2 "${ops[@]}" >lo.jsonl 2>lo-verify.err

# 1. odfgate's signatures in LibreOffice
check "LibreOffice: odfgate's three signatures are valid" [ "$(lo_says o3.odt valid)" = "True True True" ]
check "LibreOffice: and trusted (certificate status 0)" [ "$(lo_says o3.odt cert_status)" = "0 0 0" ]
subjects=$(lo_says o3.odt subject)
check "LibreOffice: by the three signers" sh -c 'case "$1" in *Health*Quality*Monitor*) exit 0;; esac; exit 1' _ "$subjects"
check "LibreOffice: one changed byte makes all three invalid" [ "$(lo_says o3t.odt valid)" = "False False False" ]
check "odfgate: the same three invalid" [ "$(og_says o3t.odt valid)" = "False False False" ]

# 2. LibreOffice's signatures in odfgate
check "odfgate: LibreOffice's two signatures are valid and complete" [ "$(og_says l2.odt state --trust pki/ca.pem)" = "valid valid" ]
check "odfgate: LibreOffice itself agrees" [ "$(lo_says l2.odt valid)" = "True True" ]
check "odfgate: the XAdES SigningCertificate matches" [ "$(og_says l2.odt signing_certificate)" = "match match" ]
desc=$(og_says l2.odt description)
check "odfgate: reads the description LibreOffice wrote" sh -c 'case "$1" in "Approved by the Department "*) exit 0;; esac; exit 1' _ "$desc"
check "one changed byte: LibreOffice says invalid" [ "$(lo_says l2t.odt valid)" = "False False" ]
check "one changed byte: odfgate says invalid" [ "$(og_says l2t.odt valid)" = "False False" ]

# 3. one after the other
check "LibreOffice signing after odfgate: LibreOffice finds four valid signatures" [ "$(lo_says o3l.odt valid)" = "True True True True" ]
check "and odfgate finds the same four valid and complete" [ "$(og_says o3l.odt state --trust pki/ca.pem)" = "valid valid valid valid" ]
run_odfgate signoffs --format json o3l.odt
recs=$(printf '%s' "$out" | python3 -c 'import json,sys; print(" ".join(r["signatory"]+":"+r["state"] for r in json.load(sys.stdin)["signoffs"]))')
check "odfgate's three signed sign-offs survive LibreOffice's rewrite of the package" [ "$recs" = "dh:valid cqc:valid monitor:valid" ]
check "odfgate signing after LibreOffice: LibreOffice finds both valid" [ "$(lo_says l1o.odt valid)" = "True True" ]
check "and odfgate too" [ "$(og_says l1o.odt state --trust pki/ca.pem)" = "valid valid" ]

# 4. an untrusted signer
check "an untrusted signer: LibreOffice says valid, not trusted" [ "$(lo_says rogue.odt valid) $(lo_says rogue.odt cert_status)" = "True 1" ]
check "odfgate says untrusted" [ "$(og_says rogue.odt state --trust pki/ca.pem)" = "untrusted" ]

# 5. the corpus
agree=0 n=0
for f in "${corpus[@]}"; do
    n=$((n + 1))
    # LibreOffice: SignatureIsValid and not PartialDocumentSignature (the manifest signed,
    # ODF 1.2); odfgate: valid and complete (trust aside)
    l=$(python3 - "$f" "$scratch/lo.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[2]):
    j = json.loads(line)
    if j.get("op") == "verify" and j["file"] == sys.argv[1]:
        print(" ".join(str(s["valid"] and not s["partial"]) for s in j.get("signatures", [])))
PY
)
    o=$(og_says "$f" state | sed 's/untrusted/valid/g; s/invalid/False/g; s/partial/False/g; s/valid/True/g')
    if [ "$l" = "$o" ]; then agree=$((agree + 1)); else diag "$f: LibreOffice $l, odfgate $o"; fi
done
check "the corpus's signed documents: LibreOffice and odfgate agree on every signature ($agree of $n)" [ "$n" -gt 0 ] && [ "$agree" = "$n" ]
[ -f "$dss" ] && diag "a DSS-made document: LibreOffice $(lo_says "$dss" valid), odfgate $(og_says "$dss" state)"
check "LibreOffice reported no error" [ ! -s lo-verify.err ] || ! grep -q Traceback lo-verify.err
