#!/usr/bin/env bash
# cli.sh — ODF digital signatures through the CLI, no LibreOffice (lo.sh has it): signing for
# three signatories, each leaving the earlier signatures valid and every other part raw;
# verification of tampered packages of each kind (a byte, an added stream, an unknown
# algorithm, a second signing time, a foreign signature: the CVE-2021-25633/4/5 patterns);
# trust (--trust, .odfgate.ini, the registry, expiry at the signing time); binding to the
# signatory (registry fingerprints, issuer + subject); require-signature; the refusals; the
# signed document of the vendored corpus; --jobs.  Keys are made here (mkpki.sh).
. "$(dirname "$0")/../lib.sh"
command -v openssl >/dev/null 2>&1 || skip_all "no openssl"
cd "$scratch" || exit 1
here="$top_srcdir/tests/signatures"
ODFGATE_PKI_NO_NSS=1 bash "$here/mkpki.sh" pki >/dev/null || { echo "1..0 # SKIP mkpki.sh failed"; exit 0; }
tamper="python3 $here/tamper.py"
draft="$top_srcdir/samples/drafts/passing.odt"
D=2026-11-20T10:00:00+00:00
sign() { # IN OUT ID [extra options]
    local in=$1 o=$2 id=$3; shift 3
    run_odfgate signoff "$in" --as "$id" --by "Signer $id" --date $D --sign --key pki/$id.key --cert pki/$id.pem -o "$o" "$@"
}
rules() { # rule ids of check --format json, sorted
    printf '%s' "$out" | python3 -c 'import json,sys
d=json.load(sys.stdin)["documents"][0]
print(" ".join(sorted(f["rule"] for f in d["findings"] if f["rule"].startswith(("signature-","signoff-unsigned")))))'
}
sigs() { # FIELD: that field of each signature of signoffs --format json, one line
    printf '%s' "$out" | python3 -c 'import json,sys
print(" ".join(str(s[sys.argv[1]]) for s in json.load(sys.stdin)["signatures"]))' "$1"
}
has() { printf '%s' "$out" | grep -q -- "$1"; }
entries_same_but() { # A B PART: every entry but PART has the same compressed bytes, in order
    python3 - "$1" "$2" "$3" <<'PY'
import sys, zipfile
def raw(path):
    out = []
    with open(path, "rb") as f:
        data = f.read()
    for i in zipfile.ZipFile(path).infolist():
        if i.filename == sys.argv[3]:
            continue
        h = i.header_offset
        n, e = int.from_bytes(data[h+26:h+28], "little"), int.from_bytes(data[h+28:h+30], "little")
        out.append((i.filename, i.CRC, data[h+30+n+e:h+30+n+e+i.compress_size]))
    return out
sys.exit(0 if raw(sys.argv[1]) == raw(sys.argv[2]) else 1)
PY
}

# --- signing: three signatories, one after the other
cp "$draft" d.odt
sum=$(sha256sum d.odt | cut -d' ' -f1)
sign d.odt s1.odt dh
check "sign as dh: exit 0" [ "$rc" = 0 ]
check "the input is untouched" [ "$(sha256sum d.odt | cut -d' ' -f1)" = "$sum" ]
check "only documentsignatures.xml is new: every other entry raw" entries_same_but d.odt s1.odt META-INF/documentsignatures.xml
sign s1.odt s2.odt cqc; sign s2.odt s3.odt monitor
check "signatures 2 and 3 leave the earlier ones' bytes and every other entry" entries_same_but s1.odt s3.odt META-INF/documentsignatures.xml
python3 - s1.odt s3.odt <<'PY' && ok "signature 1's text is kept byte for byte in the extended file" || fail "signature 1's text is kept byte for byte in the extended file"
import sys, zipfile, re
one = zipfile.ZipFile(sys.argv[1]).read("META-INF/documentsignatures.xml").decode()
three = zipfile.ZipFile(sys.argv[2]).read("META-INF/documentsignatures.xml").decode()
sig = re.search(r"<Signature.*?</Signature>", one, re.S).group(0)
sys.exit(0 if sig in three and three.count("<Signature ") == 3 else 1)
PY
run_odfgate signoffs --format json --trust pki/ca.pem s3.odt
check "three signatures, all valid, complete and trusted" [ "$(sigs state)" = "valid valid valid" ]
check "each carries its signatory's record" [ "$(sigs signatory)" = "dh cqc monitor" ]
check "the signing certificate's XAdES digest matches" [ "$(sigs signing_certificate)" = "match match match" ]
st=$(printf '%s' "$out" | python3 -c 'import json,sys
print(" ".join(s["signatory"]+":"+s["state"]+":"+str(s["signature"]) for s in json.load(sys.stdin)["signoffs"]))')
check "the signed records are valid sign-offs, each in its signature" [ "$st" = "dh:valid:1 cqc:valid:2 monitor:valid:3" ]
run_odfgate check --format json --trust pki/ca.pem s3.odt
check "check --trust: no signature finding" [ -z "$(rules)" ]
run_odfgate check --format json s3.odt
check "without trust anchors: three signature-untrusted warnings, exit 0" [ "$rc" = 0 ] && [ "$(rules)" = "signature-untrusted signature-untrusted signature-untrusted" ]
mkdir -p tree/sub && cp s3.odt tree/sub/ && cp pki/ca.pem tree/
printf 'trust = ca.pem\n' >tree/.odfgate.ini
run_odfgate check --format json tree/sub/s3.odt
check ".odfgate.ini trust = (relative to the file): trusted" [ -z "$(rules)" ]

# --- tampering
for m in byte:signature-invalid add-stream:signature-invalid add-unlisted:signature-partial \
    unknown-algorithm:signature-invalid second-time:signature-invalid \
    second-signingtime:signature-invalid drop-ref:signature-invalid; do
    mode=${m%%:*} want=${m#*:}
    $tamper s3.odt t-$mode.odt $mode
    run_odfgate check --format json --trust pki/ca.pem t-$mode.odt
    got=$(rules | tr ' ' '\n' | sort -u | tr '\n' ' ')
    if [ "$rc" = 1 ] && printf '%s' "$got" | grep -q -- "$want"; then ok "tampered ($mode): $want, exit 1"; else fail "tampered ($mode): $want, exit 1 (got rc=$rc: $got)"; fi
done
# CVE-2021-25633's certificate combination: signature 2's certificate put first into
# signature 1's KeyInfo (not signed): signature 1 must not be reported as signer 2's
$tamper s3.odt t-swap.odt swap
run_odfgate signoffs --format json t-swap.odt
first=$(printf '%s' "$out" | python3 -c 'import json,sys
s=json.load(sys.stdin)["signatures"][0]
print("invalid" if not s["valid"] else s["subject"])')
if [ "$first" = invalid ] || printf '%s' "$first" | grep -q "Department of Health"; then ok "certificates swapped into signature 1: invalid, or still signer 1 ($first)"; else fail "certificates swapped into signature 1: reported as $first"; fi
run_odfgate signoffs --format json t-byte.odt
check "one changed byte: every signature names content.xml" [ "$(sigs problem)" = "digest mismatch on content.xml digest mismatch on content.xml digest mismatch on content.xml" ]
check "signoffs exits 1 for invalid signatures" [ "$rc" = 1 ]
run_odfgate signoffs --format json t-unknown-algorithm.odt
check "unknown algorithm: not verified at all, named" has "unknown algorithm http://www.w3.org/2001/04/xmldsig-more#unknown"

# a stream added and then signed by an outsider: the first signature is partial, the second
# is not trusted (CVE-2021-25633's pattern, streams moved between signatures)
$tamper s1.odt t-added.odt add-unlisted
run_odfgate signoff t-added.odt --as cqc --by X --date $D --sign --key pki/rogue.key --cert pki/rogue.pem -o t-rogue.odt
check "signing beside a partial signature is refused (exit 2)" [ "$rc" = 2 ] && [ ! -e t-rogue.odt ]
run_odfgate signoff t-added.odt --as cqc --by X --date $D --sign --key pki/rogue.key --cert pki/rogue.pem --force -o t-rogue.odt
run_odfgate check --format json --trust pki/ca.pem t-rogue.odt
check "--force: signature 1 partial, the outsider's untrusted" [ "$(rules)" = "signature-partial signature-untrusted" ]

# --- binding to signatories (registry)
fp() { openssl x509 -in "$1" -noout -fingerprint -sha256 | cut -d= -f2; }
cat >reg.xml <<EOF
<registry xmlns="urn:odfgate:registry:1">
  <trust-anchor>$(cat pki/ca.pem)</trust-anchor>
  <signatory id="dh"><signer name="Signer dh"/><certificate sha256="$(fp pki/dh.pem)"/></signatory>
  <signatory id="cqc"><signer name="Signer cqc"/><certificate issuer-sha256="$(fp pki/ca.pem)" subject="*Care Quality Commission*"/></signatory>
  <signatory id="monitor"><signer name="Signer monitor"/><certificate sha256="$(fp pki/cqc.pem)"/></signatory>
</registry>
EOF
# the built-in schema, with the registry and require-signature
"$odfgate_bin" schema show >base.xml
python3 - base.xml <<'PY'
import re, sys
s = open(sys.argv[1]).read()
s = re.sub(r"<signatories\b", '<signatories require-signature="true"', s, count=1)
s = re.sub(r"(</signatories>)", r'\1\n  <registry href="reg.xml"/>', s, count=1)
open("schema.xml", "w").write(s)
PY
run_odfgate check --format json --schema schema.xml s3.odt
check "registry: dh by fingerprint and cqc by issuer and subject bind; monitor's certificate is not monitor's: one mismatch" [ "$(rules)" = "signature-signatory-mismatch" ]
check "the mismatch names monitor" has "monitor's sign-off"
run_odfgate signoff d.odt --as dh --by "Signer dh" --date $D -o u.odt
run_odfgate check --format json --schema schema.xml u.odt
check "require-signature: a meta.xml record alone is signoff-unsigned" [ "$(rules)" = "signoff-unsigned" ]
run_odfgate check --format json --schema schema.xml s1.odt
check "require-signature: the signed record satisfies it" [ -z "$(rules)" ]

# --- trust at the signing time (faketime: signing while the 2020-2021 certificate was valid)
if command -v faketime >/dev/null 2>&1; then
    faketime '2020-06-01 12:00:00' "$odfgate_bin" signoff d.odt --as dh --by X --date 2020-06-01T12:00:00+00:00 \
        --sign --key pki/expired.key --cert pki/expired.pem -o e1.odt >/dev/null 2>&1
    run_odfgate signoffs --format json --trust pki/ca.pem e1.odt
    check "a certificate valid when the signature was made (since expired): trusted" [ "$(sigs state)" = valid ]
    faketime '2020-06-01 12:00:00' "$odfgate_bin" signoff d.odt --as dh --by X --date 2022-01-01T12:00:00+00:00 \
        --sign --key pki/expired.key --cert pki/expired.pem -o e2.odt >/dev/null 2>&1
    run_odfgate signoffs --format json --trust pki/ca.pem e2.odt
    check "a signature claiming a time after its certificate expired: untrusted, saying expired" \
        [ "$(sigs state)" = untrusted ] && has "certificate has expired"
else
    skip "no faketime"; skip "no faketime"
fi

# --- extending a signature file that has a comment (with "</") after its root
python3 - s1.odt s1c.odt <<'PY'
import sys, zipfile
zin = zipfile.ZipFile(sys.argv[1]); zo = zipfile.ZipFile(sys.argv[2], "w")
for i in zin.infolist():
    d = zin.read(i.filename)
    if i.filename == "META-INF/documentsignatures.xml":
        d += b"\n<!-- </x> <!- -->\n<?pi </y> ?>\n"
    zo.writestr(i, d, compress_type=i.compress_type)
zo.close()
PY
sign s1c.odt s2c.odt cqc
run_odfgate signoffs --format json --trust pki/ca.pem s2c.odt
check "a comment and a PI after the root: the new signature goes inside the root, both valid" [ "$(sigs state)" = "valid valid" ]

# --- refusals
run_odfgate signoff s1.odt --as cqc --by X --date $D -o u2.odt
check "an unsigned record into a signed document is refused (exit 2), saying --sign" [ "$rc" = 2 ] && [ ! -e u2.odt ] && printf '%s' "$err" | grep -q -- "--sign"
sign d.odt x.odt dh --key pki/cqc.key
check "a key that is not the certificate's is refused" [ "$rc" = 2 ] && [ ! -e x.odt ]
run_odfgate signoff d.odt --as dh --by X --date $D --sign --key pki/expired.key --cert pki/expired.pem -o x.odt
check "an expired certificate is refused" [ "$rc" = 2 ] && printf '%s' "$err" | grep -q expired
run_odfgate flatten d.odt -o d.fodt
sign d.fodt x.fodt dh
check "a flat file cannot be signed (exit 2)" [ "$rc" = 2 ] && [ ! -e x.fodt ]
run_odfgate check --trust nothing-here.pem d.odt
check "--trust with a missing file: exit 2, named" [ "$rc" = 2 ] && printf '%s' "$err" | grep -q nothing-here.pem
echo "not a certificate" >bad.pem
run_odfgate check --trust bad.pem d.odt
check "--trust with no certificate in it: exit 2" [ "$rc" = 2 ] && printf '%s' "$err" | grep -q "no PEM certificate"

# --- real documents, --jobs
good="$ODFGATE_CORPUS/tdf__odftoolkit/validator/src/test/resources/good.odt"
if [ -f "$good" ]; then
    run_odfgate signoffs --format json "$good"
    check "odftoolkit's signed good.odt verifies (valid, complete)" [ "$(sigs valid) $(sigs complete)" = "True True" ]
    $tamper "$good" good-t.odt byte
    run_odfgate signoffs --format json good-t.odt
    check "and one changed byte makes it invalid" [ "$(sigs valid)" = "False" ]
else
    skip "no good.odt in $ODFGATE_CORPUS"; skip "no good.odt"
fi
mkdir -p many
for i in $(seq 1 12); do cp s3.odt many/s$i.odt; cp t-byte.odt many/t$i.odt; done
run_odfgate check --format json --jobs 1 --trust pki/ca.pem many; one=$out
run_odfgate check --format json --jobs 4 --trust pki/ca.pem many
check "--jobs 4 gives the same report as --jobs 1 (per-thread package for xmlsec)" [ "$out" = "$one" ]
[ "$out" = "$one" ] || diag "exit $rc" "$(printf '%s' "$err" | head -40)"
diag "$(printf "%s" "$out" | grep -o "\"message\":\"signature[^\"]*\"" | sort | uniq -c)"
check "and finds the 12 tampered copies" [ "$(printf '%s' "$out" | grep -o '"rule":"signature-invalid"' | wc -l)" = 36 ]
done_testing
