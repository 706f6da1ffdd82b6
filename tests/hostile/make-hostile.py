#!/usr/bin/env python3
"""make-hostile.py OUTDIR — build hostile and broken inputs (and good documents) for
tests/hostile/run.sh.  Prints one line per document: NAME<TAB>EXPECTED
where EXPECTED is the JSON error.code odfgate must report, or "ok" for a document that must be
checked (status pass or fail).  Also writes broken schemas (schema-*.xml, not listed).
Standard library only (zipfile, struct, zlib).  Nothing here is large on disk: the bombs are
small files that claim or inflate to large sizes."""
import os, struct, sys, warnings, zipfile, zlib

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
MIME = "application/vnd.oasis.opendocument.text"
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIME}"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')
MiB = 1 << 20


def content(body, prolog=""):
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content {NS} office:version="1.2">'
            f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')


def flat(body, prolog="", mime=MIME):
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document {NS} office:mimetype="{mime}">'
            f'<office:body><office:text>{body}</office:text></office:body></office:document>')


def package(path, parts, mime=MIME, manifest=MANIFEST):
    """An ODF zip: mimetype first and stored, then the manifest and the parts, deflated.
    A part's data may be a callable writing to a stream (for large parts)."""
    with zipfile.ZipFile(path, "w") as z:
        if mime is not None:
            z.writestr(zipfile.ZipInfo("mimetype"), mime)
        if manifest is not None:
            z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        for name, data in parts:
            if callable(data):
                info = zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                with z.open(info, "w") as f:
                    data(f)
            else:
                z.writestr(name, data, zipfile.ZIP_DEFLATED)


def patch_entry(path, name, local_off, central_off, value, fmt):
    """Rewrite one field of entry `name` in its local and central headers."""
    data = bytearray(open(path, "rb").read())
    nb = name.encode() if isinstance(name, str) else name
    for sig, name_len_off, name_off, off in ((b"PK\x03\x04", 26, 30, local_off),
                                              (b"PK\x01\x02", 28, 46, central_off)):
        i = 0
        while (i := data.find(sig, i)) >= 0:
            n = struct.unpack_from("<H", data, i + name_len_off)[0]
            if data[i + name_off:i + name_off + n] == nb:
                struct.pack_into(fmt, data, i + off, value)
            i += 4
    open(path, "wb").write(bytes(data))


def patch_size(path, name, size):
    patch_entry(path, name, 22, 24, size, "<I")


LAUGHS = ('<!DOCTYPE office:document-content [<!ENTITY lol "lol">' +
          "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)) + "]>")
QUADRATIC = '<!DOCTYPE office:document-content [<!ENTITY a "' + "x" * 50000 + '">]>'
XXE = '<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    p = lambda n: os.path.join(out, n)
    cases = []

    def case(name, code):
        cases.append((name, code))

    good = content('<text:h text:outline-level="1">Common vision</text:h><text:p>Good text.</text:p>')
    package(p("good.odt"), [("content.xml", good)]); case("good.odt", "ok")

    # --- zip bombs and size lies
    def zeros(f, n=200 * 1000 * 1000):
        chunk = b"\0" * MiB
        while n > 0:
            f.write(chunk[:min(n, len(chunk))]); n -= len(chunk)
    package(p("zip-bomb-ratio.odt"), [("content.xml", zeros)])  # 200 MB of zeros, ~200 KB
    case("zip-bomb-ratio.odt", "limit-exceeded")
    package(p("zip-bomb-size.odt"), [("content.xml", good)])
    patch_size(p("zip-bomb-size.odt"), "content.xml", 300 * MiB)  # declares more than max_part_size
    case("zip-bomb-size.odt", "limit-exceeded")
    package(p("inflate-past-declared.odt"), [("content.xml", content("<text:p>" + "word " * 200000 + "</text:p>"))])
    patch_size(p("inflate-past-declared.odt"), "content.xml", 10)  # declares 10 bytes, inflates to 1 MB
    case("inflate-past-declared.odt", "limit-exceeded")
    # the same in meta.xml, read after content.xml (was reported as malformed XML once)
    meta = ('<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>' + "word " * 200000 +
            '</dc:title></office:meta></office:document-meta>')
    package(p("meta-inflates-past-declared.odt"), [("content.xml", good), ("meta.xml", meta)])
    patch_size(p("meta-inflates-past-declared.odt"), "meta.xml", 10)
    case("meta-inflates-past-declared.odt", "limit-exceeded")
    with zipfile.ZipFile(p("too-many-entries.odt"), "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), MIME)
        z.writestr("content.xml", good)
        for i in range(10000):
            z.writestr(zipfile.ZipInfo(f"Pictures/{i}"), b"")
    case("too-many-entries.odt", "limit-exceeded")

    # --- XML attacks
    package(p("billion-laughs.odt"), [("content.xml", content("<text:p>&lol9;</text:p>", LAUGHS))])
    case("billion-laughs.odt", "entity-refused")
    package(p("quadratic.odt"), [("content.xml", content("<text:p>" + "&a;" * 2000 + "</text:p>", QUADRATIC))])
    case("quadratic.odt", "entity-refused")
    package(p("xxe.odt"), [("content.xml", content("<text:p>&xxe;</text:p>", XXE))])
    case("xxe.odt", "entity-refused")
    package(p("xxe-manifest.odt"), [("content.xml", good)],
            manifest=MANIFEST.replace("?>", '?><!DOCTYPE manifest:manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1)
                             .replace('manifest:version="1.2">', 'manifest:version="1.2">&xxe;'))
    case("xxe-manifest.odt", "entity-refused")
    package(p("deep.odt"), [("content.xml", content("<text:p>" + "<text:span>" * 10000 + "x" + "</text:span>" * 10000 + "</text:p>"))])
    case("deep.odt", "limit-exceeded")
    # a 50 MB text node (flat: deflated, 50 MB of one letter would be refused as a zip bomb first)
    with open(p("huge-text.fodt"), "w") as f:
        f.write(flat("<text:p>" + "a" * (50 * MiB) + "</text:p>"))
    case("huge-text.fodt", "limit-exceeded")
    open(p("flat-laughs.fodt"), "w").write(flat("<text:p>&lol9;</text:p>", LAUGHS.replace("office:document-content", "office:document")))
    case("flat-laughs.fodt", "entity-refused")
    open(p("flat-xxe.fodt"), "w").write(flat("<text:p>&xxe;</text:p>", XXE.replace("office:document-content", "office:document")))
    case("flat-xxe.fodt", "entity-refused")

    # one element with 300,000 attributes: libxml2 2.9.14 checks them for duplicates pair by
    # pair (minutes); refused past 256 before the parser sees the tag (filter/read/xmlscan.h)
    many = "<text:p " + " ".join(f'a{i}="x"' for i in range(300000)) + ">x</text:p>"
    package(p("many-attributes.odt"), [("content.xml", content(many))])
    case("many-attributes.odt", "limit-exceeded")
    open(p("many-attributes.fodt"), "w").write(flat(many))
    case("many-attributes.fodt", "limit-exceeded")
    meta_many = ('<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
                 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:meta '
                 + " ".join(f'a{i}="x"' for i in range(300000)) + '/></office:document-meta>')
    package(p("many-attributes-meta.odt"), [("content.xml", good), ("meta.xml", meta_many)])
    case("many-attributes-meta.odt", "limit-exceeded")

    # limits inside one document are that document's error, never the batch's (exit 2 and
    # every other document dropped, before): a 2 MB heading is checked (it matches no
    # section); more than 100,000 paragraph styles is limit-exceeded
    open(p("huge-heading.fodt"), "w").write(flat('<text:h text:outline-level="1">' + "word " * 400000 +
                                                 '</text:h><text:p>x</text:p>'))
    case("huge-heading.fodt", "ok")
    styles = "".join(f'<style:style style:name="P{i}" style:family="paragraph"/>' for i in range(100001))
    open(p("many-styles.fodt"), "w").write(flat("<text:p>x</text:p>").replace(
        "<office:body>", '<office:automatic-styles xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">'
        + styles + "</office:automatic-styles><office:body>", 1))
    case("many-styles.fodt", "limit-exceeded")

    # 40,000 "[insert " and no "]" in one paragraph: glibc's regexec on the built-in placeholder
    # pattern took 23 s for 20,000 (quadratic); the scanner is linear
    open(p("bracket-flood.fodt"), "w").write(flat("<text:p>" + "[insert " * 40000 + "</text:p>"))
    case("bracket-flood.fodt", "ok")

    # --- broken or unsafe zips
    with zipfile.ZipFile(p("duplicate-names.odt"), "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), MIME)
        z.writestr("content.xml", good)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            z.writestr("content.xml", content("<text:p>second</text:p>"))
    case("duplicate-names.odt", "corrupt-package")
    data = open(p("good.odt"), "rb").read()
    open(p("truncated.odt"), "wb").write(data[: len(data) // 2]); case("truncated.odt", "corrupt-package")
    package(p("non-utf8-name.odt"), [("content.xml", good), ("Pictures/BADNAME.png", "x")])
    raw = open(p("non-utf8-name.odt"), "rb").read().replace(b"BADNAME", b"\xff\xfe\xfdAME")
    open(p("non-utf8-name.odt"), "wb").write(raw); case("non-utf8-name.odt", "corrupt-package")
    package(p("dotdot-name.odt"), [("content.xml", good), ("../../etc/evil.xml", "x")])
    case("dotdot-name.odt", "corrupt-package")
    package(p("absolute-name.odt"), [("content.xml", good), ("/etc/evil.xml", "x")])
    case("absolute-name.odt", "corrupt-package")
    package(p("zip-encrypted.odt"), [("content.xml", good)])
    patch_entry(p("zip-encrypted.odt"), "content.xml", 6, 8, 1, "<H")  # general purpose bit 0
    case("zip-encrypted.odt", "encrypted")
    package(p("bzip2-method.odt"), [("content.xml", good)])
    patch_entry(p("bzip2-method.odt"), "content.xml", 8, 10, 12, "<H")  # method 12 (bzip2)
    case("bzip2-method.odt", "corrupt-package")

    # end-of-central-directory records chained in the zip comment, each plausible: libzip
    # re-reads the directory and every local header for each (minutes); refused at the second
    with zipfile.ZipFile(p("eocd-chain.odt"), "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), MIME)
        z.writestr("content.xml", good)
        for i in range(5000):
            z.writestr(zipfile.ZipInfo(f"Pictures/{i}"), b"")
    raw = open(p("eocd-chain.odt"), "rb").read()
    at = raw.rfind(b"PK\x05\x06")
    chain = bytearray(raw[:at])
    for k in range(2900):  # each record's comment runs exactly to the end of the file
        chain += raw[at:at + 20] + struct.pack("<H", 22 * (2900 - k - 1))
    open(p("eocd-chain.odt"), "wb").write(chain)
    case("eocd-chain.odt", "corrupt-package")

    # overlapping entries (the non-recursive zip bomb's trick): a stored entry whose data holds
    # the next entry's local header and data; the local headers match the directory, so
    # libzip's consistency check passes
    def local(name, data, method=0):
        crc = zlib.crc32(data)
        return struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(data),
                           len(data), len(name), 0) + name + data, crc

    def central(name, crc, size, off):
        return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0, crc, size, size,
                           len(name), 0, 0, 0, 0, 0, off) + name
    mt = MIME.encode()
    lm, cm = local(b"mimetype", mt)
    lc, cc = local(b"content.xml", good.encode())
    inner = lc  # the content entry, whole
    la, ca = local(b"Pictures/a.png", inner)  # its data is the content entry
    blob = lm + la
    off_a, off_c = len(lm), len(lm) + 30 + len(b"Pictures/a.png")
    cd = (central(b"mimetype", cm, len(mt), 0) + central(b"Pictures/a.png", ca, len(inner), off_a) +
          central(b"content.xml", cc, len(good.encode()), off_c))
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 3, 3, len(cd), len(blob), 0)
    open(p("overlapping-entries.odt"), "wb").write(blob + cd + eocd)
    case("overlapping-entries.odt", "corrupt-package")

    # --- not documents, wrong documents
    open(p("empty.odt"), "wb").close(); case("empty.odt", "not-odf-package")
    os.makedirs(p("directory.odt"), exist_ok=True); case("directory.odt", "io")
    open(p("garbage.odt"), "wb").write(os.urandom(4096).replace(b"PK", b"pk").replace(b"<", b"("))
    case("garbage.odt", "not-odf-package")
    open(p("not-odf.fodt"), "w").write('<?xml version="1.0"?><html><body>hello</body></html>')
    case("not-odf.fodt", "not-odf-package")
    package(p("spreadsheet.odt"), [("content.xml", good)], mime="application/vnd.oasis.opendocument.spreadsheet",
            manifest=MANIFEST.replace(MIME, "application/vnd.oasis.opendocument.spreadsheet"))
    case("spreadsheet.odt", "not-a-text-document")
    package(p("pdf-mimetype.odt"), [("content.xml", good)], mime="application/pdf")
    case("pdf-mimetype.odt", "not-a-text-document")
    open(p("spreadsheet.fods"), "w").write(flat("", mime="application/vnd.oasis.opendocument.spreadsheet"))
    case("spreadsheet.fods", "not-a-text-document")
    package(p("no-content.odt"), [("styles.xml", content(""))]); case("no-content.odt", "missing-part")
    enc_manifest = MANIFEST.replace('manifest:media-type="text/xml"/>',
        'manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" '
        'manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        'manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry>')
    package(p("encrypted.odt"), [("content.xml", "\x8f\x01garbage")], manifest=enc_manifest)
    case("encrypted.odt", "encrypted")
    # unreadable (chmod 000): run.sh runs it as an unprivileged user when it runs as root
    package(p("unreadable.odt"), [("content.xml", good)])
    os.chmod(p("unreadable.odt"), 0)
    case("unreadable.odt", "io")

    # --- odd but readable: checked, with package notes
    package(p("junk-mimetype.odt"), [("content.xml", good)], mime="\x89PNG\r\n\x1a\n")
    case("junk-mimetype.odt", "ok")

    # --- schemas
    open(p("schema-not-xml.xml"), "w").write("this is not < xml")
    open(p("schema-bad-grammar.xml"), "w").write('<schema xmlns="urn:odfgate:schema:1" id="x"><sections><section id="BAD ID" heading="h"/></sections></schema>')
    open(p("schema-extends-missing.xml"), "w").write('<schema xmlns="urn:odfgate:schema:1" id="x" extends="no-such-parent.xml"/>')
    open(p("schema-many-attributes.xml"), "w").write('<schema xmlns="urn:odfgate:schema:1" id="x" ' + " ".join(f'a{i}="x"' for i in range(300000)) + '/>')
    open(p("schema-xxe.xml"), "w").write('<!DOCTYPE schema [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><schema xmlns="urn:odfgate:schema:1" id="x"><title>&xxe;</title></schema>')
    for name, code in cases:
        print(f"{name}\t{code}")


if __name__ == "__main__":
    main()
