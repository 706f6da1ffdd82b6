#!/usr/bin/env bash
# hostile.sh — crafted documentsignatures.xml: references that try to leave the package (a
# file, a URL, "..", an absolute path), an XSLT transform, a RetrievalMethod, entities in the
# signature file and in a signed stream, too many signatures, a huge signature file, Id
# confusion between two signatures.  Each must be reported (signature-invalid, with the reason)
# without reading outside the package, crashing or hanging; the rest of the batch goes on.
# Built from the vendored, odftoolkit-signed good.odt: no keys needed.
. "$(dirname "$0")/../lib.sh"
good="$ODFGATE_CORPUS/tdf__odftoolkit/validator/src/test/resources/good.odt"
[ -f "$good" ] || skip_all "no good.odt in $ODFGATE_CORPUS"
cd "$scratch" || exit 1
echo "SECRET-OUTSIDE" >outside.xml
python3 - "$good" "$scratch" <<'PY'
import sys, zipfile, re
src, out = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(src)
entries = [(i, z.read(i.filename)) for i in z.infolist()]
SIG = "META-INF/documentsignatures.xml"
sig = dict((i.filename, d) for i, d in entries)[SIG].decode()
def write(name, new_sig=None, extra=()):
    zo = zipfile.ZipFile("%s/%s.odt" % (out, name), "w")
    for i, d in entries:
        if i.filename == SIG and new_sig is not None:
            d = new_sig.encode() if isinstance(new_sig, str) else new_sig
        zo.writestr(i, d, compress_type=i.compress_type)
    for n, d in extra:
        zo.writestr(n, d)
    zo.close()
first_ref = re.search(r'<Reference URI="[^"#]+"', sig).group(0)
for name, uri in [("ref-file", "file://%s/outside.xml" % out), ("ref-http", "http://127.0.0.1:9/x.xml"),
                  ("ref-dotdot", "../outside.xml"), ("ref-absolute", "%s/outside.xml" % out),
                  ("ref-missing", "no-such-stream.xml")]:
    write(name, sig.replace(first_ref, '<Reference URI="%s"' % uri, 1))
write("xslt", sig.replace("<DigestMethod", '<Transforms><Transform Algorithm="http://www.w3.org/TR/1999/REC-xslt-19991116"/></Transforms><DigestMethod', 1))
write("retrieval", sig.replace("<X509Data>", '<RetrievalMethod URI="file:///etc/passwd"/><X509Data>', 1))
write("entity-sig", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>' + sig[sig.index("<document-signatures"):].replace("<SignatureValue>", "<SignatureValue>&b;", 1))
one = re.search(r"<Signature .*?</Signature>", sig, re.S).group(0)
write("many", sig.replace(one, one * 65, 1))
import os, base64
noise = base64.b64encode(os.urandom(4 << 20)).decode()  # does not compress: no zip bomb
write("huge", sig.replace("</document-signatures>", "<!--" + noise + "--></document-signatures>"))
write("not-xml", "this is not XML")
write("wrong-root", '<?xml version="1.0"?><x xmlns="urn:example"/>')
# a second signature whose "#ID" references would resolve only to the first one's properties
# (its own Object elements removed): only the Ids of the signature being verified count
two = re.sub(r"<Object.*?</Object>", "", one.replace('Id="ID_', 'Id="XID_', 1), flags=re.S)
write("two-same", sig.replace(one, one + two, 1))
# an XPointer expression where an Id belongs (xmlsec would evaluate it: a nested count()
# kept a checker busy past two minutes)
local_ref = re.search(r'<Reference URI="#[^"]+"', sig).group(0)
write("xpointer", sig.replace(local_ref, '<Reference URI="#xpointer(//*[count(//*[count(//*)&gt;0])&gt;0])"', 1))
# a second element with the Id of the signed SignatureProperty, carrying another description:
# an Id may occur once
prop = re.search(r'<SignatureProperty Id="([^"]+)"', sig)
write("dup-id", sig.replace("</SignatureProperties>", '<SignatureProperty Id="%s"><dc:description xmlns:dc="http://purl.org/dc/elements/1.1/">odfgate-signoff/2; forged</dc:description></SignatureProperty></SignatureProperties>' % prop.group(1), 1))
# a Reference moved inside SignatureMethod: xmlsec never digests it, so it covers nothing
cref = re.search(r'<Reference URI="content.xml">.*?</Reference>', sig, re.S).group(0)
nested = sig.replace(cref, "", 1)
nested = re.sub(r'(<SignatureMethod [^>]*?)/>', lambda m: m.group(1) + ">" + cref + "</SignatureMethod>", nested, count=1)
write("nested-ref", nested)
# a Manifest with References in an Object: not ODF's, never processed
write("manifest", sig.replace("</Signature>", '<Object><Manifest>' + '<Reference URI="content.xml"><DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/><DigestValue>AAAA</DigestValue></Reference>' * 200 + '</Manifest></Object></Signature>', 1))
# a stream added that declares entities and that a forged Reference names: never parsed
write("entity-stream", sig.replace(first_ref, '<Reference URI="evil.xml"', 1),
      extra=[("evil.xml", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>')])
PY
plan 20
verdict() { # FILE → $rc, and $got: the problem of signature 1 (or the signatures problem)
    run_odfgate signoffs --format json "$1"
    got=$(printf '%s' "$out" | python3 -c 'import json,sys
d=json.load(sys.stdin)
print(d["signatures"][0]["problem"] if d["signatures"] else d["signatures_problem"])' 2>/dev/null)
}
expect() { # NAME PATTERN DESCRIPTION
    verdict "$1.odt"
    if [ "$rc" = 1 ] && printf '%s' "$got" | grep -qiE -- "$2"; then ok "$3"; else fail "$3 (rc=$rc: $got)"; fi
}
expect ref-file "unknown algorithm|not in the package" "a file: reference is not resolved: invalid"
expect ref-http "not in the package" "an http: reference is not fetched: invalid"
expect ref-dotdot "not in the package" "a ../ reference does not leave the package"
expect ref-absolute "not in the package" "an absolute-path reference does not leave the package"
expect ref-missing "not in the package" "a reference to a stream that is not there: invalid, named"
expect xslt "unknown algorithm http://www.w3.org/TR/1999/REC-xslt" "an XSLT transform is refused before xmlsec runs"
expect retrieval "unknown algorithm RetrievalMethod" "a RetrievalMethod is refused"
expect entity-sig "entit" "entities in documentsignatures.xml: not read"
expect many "65 signatures" "65 signatures: not read (at most 64)"
expect huge "larger|limit|4194304" "a 5 MiB signature file: not read"
expect not-xml "." "a signature file that is not XML: reported"
expect wrong-root "document-signatures" "a signature file with another root: reported"
expect entity-stream "entities|not parsed|digest" "a signed stream declaring entities is not parsed"
expect xpointer "unsupported reference: #xpointer" "an XPointer reference is refused, not evaluated"
expect dup-id "an Id occurs twice" "a second element with a signed element's Id: invalid"
run_odfgate signoffs --format json nested-ref.odt
v=$(printf '%s' "$out" | python3 -c 'import json,sys; s=json.load(sys.stdin)["signatures"][0]; print(s["valid"], "content.xml" in s["unsigned_streams"])')
check "a Reference nested in SignatureMethod covers nothing (content.xml unsigned), and the signature is invalid" [ "$v" = "False True" ]
run_odfgate signoffs --format json manifest.odt
v=$(printf '%s' "$out" | python3 -c 'import json,sys; s=json.load(sys.stdin)["signatures"][0]; print(s["valid"])')
check "200 Manifest references with wrong digests: not processed (the signature stays valid)" [ "$v" = True ]
run_odfgate signoffs --format json two-same.odt
v=$(printf '%s' "$out" | python3 -c 'import json,sys; print(" ".join(str(s["valid"]) for s in json.load(sys.stdin)["signatures"]))')
check "a signature whose Id references exist only in another signature: invalid" [ "$v" = "True False" ]
run_odfgate check --format json ./*.odt "$good"
n=$(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["documents"]))')
files=$(($(ls ./*.odt | wc -l) + 1))
check "the whole batch is checked: all $files documents reported" [ "$n" = "$files" ]
check "nothing outside the package was read into a report" sh -c "! grep -q SECRET-OUTSIDE '$scratch/.out'"
