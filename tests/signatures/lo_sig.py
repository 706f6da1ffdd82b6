#!/usr/bin/env python3
"""lo_sig.py PROFILE-DIR NSSDB OP... — ODF document signatures with a real headless LibreOffice.

Starts one soffice (python3-uno; run it with the python that has `uno`, e.g. /usr/bin/python3)
on the fresh profile PROFILE-DIR, with the NSS database NSSDB (made by mkpki.sh) as its
certificate store, runs the operations in order, stops it.  The store is given through the
environment variable MOZILLA_CERTIFICATE_FOLDER=sql:NSSDB, which LibreOffice reads before its
own setting (org.openoffice.Office.Common/Security/Scripting/CertDir, which 7.4 honours too).

Operations (each one argument, fields separated by '|'), each printing one JSON line:
  verify|FILE     {"op": "verify", "file": FILE, "signatures": [{"valid", "cert_status",
                  "subject", "issuer", "date": "YYYY-MM-DD", "time": HHMMSScc, "partial"}, ...]}
                  from DocumentDigitalSignatures("1.2", True).verifyDocumentContentSignatures
                  over the package opened as a plain zip storage.  "valid" is LibreOffice's
                  SignatureIsValid, which already includes its check that every stream is
                  signed; "cert_status" is com.sun.star.security.CertificateValidity, checked
                  now, not at the signing time (0 = VALID, i.e. trusted; 7.4 gives 1 = INVALID
                  for untrusted, self-signed and expired alike); "partial" is
                  PartialDocumentSignature (true = not an OOo 3.2+ signature, i.e. the
                  manifest is not signed).  No documentsignatures.xml: "signatures": [].
  sign|IN|OUT|CN[|DESCRIPTION]
                  LibreOffice signs a copy OUT of IN with the one personal certificate of the
                  NSS database whose subject contains CN, through XDocumentDigitalSignatures
                  .signDocumentWithCertificate(cert, storage, stream), or, with a DESCRIPTION,
                  .signSignatureLine(storage, stream, "", cert, None, None, DESCRIPTION) (no
                  signature line, no graphics), which stores it as dc:description.  Both
                  write only the new signature (7.4 does not read the old ones first, unlike
                  its dialog), so the earlier Signature elements of IN are put back, byte for
                  byte, before LibreOffice's new one, into the stream before it is committed.
                  LibreOffice rewrites the whole zip (its own entry order) and signs with the
                  current time.
                  Prints {"op": "sign", "file": OUT, "subject", "signatures": N}; fails unless
                  LibreOffice then finds N = the previous count + 1 and the new one valid.
A failing operation prints {"op", "file", "error"} and the others still run.
Exit status 0 only if every operation succeeded."""
import json, os, re, shutil, sys, tempfile, zipfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "signoff"))
from lo_uno import prop, start_context, stop, url  # noqa: E402
import uno  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tamper import signatures  # noqa: E402

READ, READWRITE = 1, 7          # com.sun.star.embed.ElementModes
SIGNATURES = "documentsignatures.xml"


class Session:
    def __init__(self, ctx):
        self.ctx, self.sm = ctx, ctx.ServiceManager

    def storage(self, path, mode):
        """The package as a plain zip storage (every entry visible, no manifest logic)."""
        sf = self.sm.createInstanceWithContext("com.sun.star.embed.StorageFactory", self.ctx)
        args = (url(path), mode, uno.Any("[]com.sun.star.beans.PropertyValue",
                                         (prop("StorageFormat", "ZipFormat"),)))
        return uno.invoke(sf, "createInstanceWithArguments", (args,))

    def signer(self, version, has_valid):
        return self.sm.createInstanceWithArgumentsAndContext(
            "com.sun.star.security.DocumentDigitalSignatures", (version, has_valid), self.ctx)

    def verify(self, path):
        storage = self.storage(path, READ)
        if not storage.hasByName("META-INF"):
            return []
        meta = storage.openStorageElement("META-INF", READ)  # kept: closing it closes the stream
        if not meta.hasByName(SIGNATURES):
            return []
        stream = meta.openStreamElement(SIGNATURES, READ).getInputStream()
        out = []
        for i in self.signer("1.2", True).verifyDocumentContentSignatures(storage, stream):
            d = i.SignatureDate
            out.append({"valid": bool(i.SignatureIsValid), "cert_status": int(i.CertificateStatus),
                        "subject": i.Signer.SubjectName if i.Signer else None,
                        "issuer": i.Signer.IssuerName if i.Signer else None,
                        "date": "%04d-%02d-%02d" % (d // 10000, d // 100 % 100, d % 100),
                        "time": int(i.SignatureTime), "partial": bool(i.PartialDocumentSignature)})
        meta.dispose()
        storage.dispose()
        return out

    def certificate(self, cn):
        sec = self.sm.createInstanceWithContext("com.sun.star.xml.crypto.SEInitializer", self.ctx)
        env = sec.createSecurityContext("").getSecurityEnvironment()
        found = [c for c in env.getPersonalCertificates() if cn in c.SubjectName]
        if len(found) != 1:
            raise RuntimeError("%d personal certificates with %r in the subject (of: %s)" % (
                len(found), cn, "; ".join(c.SubjectName for c in env.getPersonalCertificates())))
        return found[0]


def odf_version(path):
    """manifest:version of META-INF/manifest.xml (LibreOffice signs per the ODF version)."""
    with zipfile.ZipFile(path) as z:
        m = re.search(rb'<manifest:manifest[^>]*\smanifest:version="([^"]+)"', z.read("META-INF/manifest.xml"))
    return m.group(1).decode() if m else "1.2"


def earlier_signatures(path):
    """The text of IN's documentsignatures.xml, or None."""
    with zipfile.ZipFile(path) as z:
        if "META-INF/" + SIGNATURES not in z.namelist():
            return None
        return z.read("META-INF/" + SIGNATURES).decode("utf-8")


def keep_earlier(new, old):
    """NEW (LibreOffice's documentsignatures.xml, with only its new Signature) spliced after
    the Signature elements of OLD, which stay byte for byte."""
    if not old or not signatures(old, 0):
        return new
    close = re.search(r"</([\w.-]+:)?document-signatures>\s*$", old)
    if not close:
        raise RuntimeError("the earlier documentsignatures.xml has no closing root element")
    added = "".join(new[a:b] for a, b in signatures(new))
    return old[:close.start()] + added + old[close.start():]


def op_verify(s, path):
    print(json.dumps({"op": "verify", "file": path, "signatures": s.verify(path)}), flush=True)


def op_sign(s, src, out, cn, description=None):
    cert = s.certificate(cn)
    before = len(s.verify(src))
    with tempfile.TemporaryDirectory() as tmp:
        # digests come from a copy of IN, the signed package is written to another, which
        # becomes OUT only once LibreOffice finds the new signature valid (IN may be OUT)
        orig, work = os.path.join(tmp, "in.odt"), os.path.join(tmp, "out.odt")
        shutil.copyfile(src, orig)
        shutil.copyfile(src, work)
        reader = s.storage(orig, READ)
        writer = s.storage(work, READWRITE)
        # LibreOffice writes (and closes) a temporary stream; the package's stream gets it
        # after the earlier signatures are spliced back in
        temp = s.sm.createInstanceWithContext("com.sun.star.io.TempFile", s.ctx)
        dds = s.signer(odf_version(orig), False)
        if description is None:
            ok = dds.signDocumentWithCertificate(cert, reader, temp)
        else:
            ok = dds.signSignatureLine(reader, temp, "", cert, None, None, description)
        if not ok:
            raise RuntimeError("LibreOffice refused to sign")
        temp.seek(0)
        n, data = temp.getInputStream().readBytes(None, temp.getLength())
        text = keep_earlier(bytes(data.value).decode("utf-8"), earlier_signatures(orig))
        meta = writer.openStorageElement("META-INF", READWRITE)
        stream = meta.openStreamElement(SIGNATURES, READWRITE)
        stream.truncate()
        stream.getOutputStream().writeBytes(uno.ByteSequence(text.encode("utf-8")))
        stream.getOutputStream().closeOutput()
        meta.commit()
        writer.commit()
        for x in (meta, writer, reader):
            x.dispose()
        sigs = s.verify(work)
        if len(sigs) != before + 1 or not sigs[-1]["valid"]:
            raise RuntimeError("after signing LibreOffice finds %s" % json.dumps(sigs))
        shutil.copyfile(work, out)
    print(json.dumps({"op": "sign", "file": out, "subject": cert.SubjectName, "signatures": len(sigs)}),
          flush=True)


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    profile, nssdb, ops = sys.argv[1], sys.argv[2], sys.argv[3:]
    if not os.path.exists(os.path.join(nssdb, "cert9.db")):
        raise SystemExit("lo_sig.py: %s is not an NSS sql: database (no cert9.db)" % nssdb)
    os.environ["MOZILLA_CERTIFICATE_FOLDER"] = "sql:" + os.path.abspath(nssdb)  # soffice inherits it
    proc, ctx = start_context(url(profile))
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    failed = 0
    try:
        s = Session(ctx)
        for op in ops:
            name, *args = op.split("|")
            try:
                globals()["op_" + name](s, *args)
            except Exception as e:  # uno exceptions included
                failed += 1
                msg = getattr(e, "Message", None) or str(e) or type(e).__name__
                print(json.dumps({"op": name, "file": args[0] if args else None, "error": msg}), flush=True)
    finally:
        stop(proc, desktop)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
