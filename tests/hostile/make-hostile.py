#!/usr/bin/env python3
"""make-hostile.py OUTDIR — build hostile and broken inputs (and one good document) for
tests/hostile/run.sh.  Prints one line per document: NAME<TAB>EXPECTED-ERROR-CODE
(or "ok" for the good one).  Standard library only."""
import os, struct, sys, zipfile, zlib

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
MIME = "application/vnd.oasis.opendocument.text"
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIME}"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')

def content(body, prolog=""):
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content {NS} office:version="1.2">'
            f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')

def package(path, parts, mime=MIME, manifest=MANIFEST):
    with zipfile.ZipFile(path, "w") as z:
        if mime is not None:
            z.writestr(zipfile.ZipInfo("mimetype"), mime)
        if manifest is not None:
            z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        for name, data in parts:
            z.writestr(name, data, zipfile.ZIP_DEFLATED)

def patch_sizes(path, name, new_size):
    """Rewrite the uncompressed size of entry `name` in its local and central headers."""
    data = bytearray(open(path, "rb").read())
    nb = name.encode()
    i = 0
    while True:
        i = data.find(b"PK\x03\x04", i)
        if i < 0:
            break
        n, e = struct.unpack_from("<HH", data, i + 26)
        if data[i + 30:i + 30 + n] == nb:
            struct.pack_into("<I", data, i + 22, new_size)
        i += 4
    i = 0
    while True:
        i = data.find(b"PK\x01\x02", i)
        if i < 0:
            break
        n = struct.unpack_from("<H", data, i + 28)[0]
        if data[i + 46:i + 46 + n] == nb:
            struct.pack_into("<I", data, i + 24, new_size)
        i += 4
    open(path, "wb").write(bytes(data))

def flat(body, prolog=""):
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document {NS} office:mimetype="{MIME}">'
            f'<office:body><office:text>{body}</office:text></office:body></office:document>')

LAUGHS = ('<!DOCTYPE office:document-content [<!ENTITY lol "lol">' +
          "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)) + "]>")
QUADRATIC = '<!DOCTYPE office:document-content [<!ENTITY a "' + "x" * 50000 + '">]>'
XXE = '<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    p = lambda n: os.path.join(out, n)
    cases = []
    good = content("<text:h text:outline-level=\"1\">Common vision</text:h><text:p>Good text.</text:p>")
    package(p("good.odt"), [("content.xml", good)]); cases.append(("good.odt", "ok"))
    package(p("zip-bomb-ratio.odt"), [("content.xml", content("<text:p>" + " " * (60 << 20) + "</text:p>"))])
    cases.append(("zip-bomb-ratio.odt", "limit-exceeded"))
    package(p("zip-bomb-size.odt"), [("content.xml", good)]); patch_sizes(p("zip-bomb-size.odt"), "content.xml", 300 << 20)
    cases.append(("zip-bomb-size.odt", "limit-exceeded"))
    package(p("inflate-past-declared.odt"), [("content.xml", content("<text:p>" + "word " * 200000 + "</text:p>"))])
    patch_sizes(p("inflate-past-declared.odt"), "content.xml", 10)
    cases.append(("inflate-past-declared.odt", "limit-exceeded"))
    package(p("billion-laughs.odt"), [("content.xml", content("<text:p>&lol9;</text:p>", LAUGHS))])
    cases.append(("billion-laughs.odt", "entity-refused"))
    package(p("quadratic.odt"), [("content.xml", content("<text:p>" + "&a;" * 2000 + "</text:p>", QUADRATIC))])
    cases.append(("quadratic.odt", "entity-refused"))
    package(p("xxe.odt"), [("content.xml", content("<text:p>&xxe;</text:p>", XXE))])
    cases.append(("xxe.odt", "entity-refused"))
    package(p("xxe-manifest.odt"), [("content.xml", good)],
            manifest=MANIFEST.replace("?>", '?><!DOCTYPE manifest:manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1).replace('manifest:version="1.2">', 'manifest:version="1.2">&xxe;'))
    cases.append(("xxe-manifest.odt", "entity-refused"))
    package(p("deep.odt"), [("content.xml", content("<text:p>" + "<text:span>" * 10000 + "x" + "</text:span>" * 10000 + "</text:p>"))])
    cases.append(("deep.odt", "limit-exceeded"))
    with open(p("huge-text.fodt"), "w") as f:
        f.write(flat("<text:p>" + "a" * (50 << 20) + "</text:p>"))
    cases.append(("huge-text.fodt", "limit-exceeded"))
    with zipfile.ZipFile(p("duplicate-names.odt"), "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), MIME)
        z.writestr("content.xml", good)
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            z.writestr("content.xml", content("<text:p>second</text:p>"))
    cases.append(("duplicate-names.odt", "corrupt-package"))
    data = open(p("good.odt"), "rb").read()
    open(p("truncated.odt"), "wb").write(data[: len(data) // 2])
    cases.append(("truncated.odt", "corrupt-package"))
    open(p("empty.odt"), "wb").close(); cases.append(("empty.odt", "not-odf-package"))
    os.makedirs(p("directory.odt"), exist_ok=True); cases.append(("directory.odt", "io"))
    package(p("spreadsheet.odt"), [("content.xml", good)], mime="application/vnd.oasis.opendocument.spreadsheet",
            manifest=MANIFEST.replace(MIME, "application/vnd.oasis.opendocument.spreadsheet"))
    cases.append(("spreadsheet.odt", "not-a-text-document"))
    package(p("no-content.odt"), [("styles.xml", content(""))]); cases.append(("no-content.odt", "missing-part"))
    package(p("non-utf8-name.odt"), [("content.xml", good), ("Pictures/BADNAME.png", "x")])
    raw = open(p("non-utf8-name.odt"), "rb").read().replace(b"BADNAME", b"\xff\xfe\xfdAME")
    open(p("non-utf8-name.odt"), "wb").write(raw); cases.append(("non-utf8-name.odt", "corrupt-package"))
    enc_manifest = MANIFEST.replace('manifest:media-type="text/xml"/>',
        'manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" '
        'manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        'manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry>')
    package(p("encrypted.odt"), [("content.xml", "\x8f\x01garbage")], manifest=enc_manifest)
    cases.append(("encrypted.odt", "encrypted"))
    open(p("garbage.odt"), "wb").write(os.urandom(4096).replace(b"PK", b"pk").replace(b"<", b"(") )
    cases.append(("garbage.odt", "not-odf-package"))
    open(p("flat-laughs.fodt"), "w").write(flat("<text:p>&lol9;</text:p>", LAUGHS.replace("office:document-content", "office:document")))
    cases.append(("flat-laughs.fodt", "entity-refused"))
    open(p("flat-xxe.fodt"), "w").write(flat("<text:p>&xxe;</text:p>", XXE.replace("office:document-content", "office:document")))
    cases.append(("flat-xxe.fodt", "entity-refused"))
    open(p("not-odf.fodt"), "w").write('<?xml version="1.0"?><html><body>hello</body></html>')
    cases.append(("not-odf.fodt", "not-odf-package"))
    # schemas
    open(p("schema-not-xml.xml"), "w").write("this is not < xml")
    open(p("schema-bad-grammar.xml"), "w").write('<schema xmlns="urn:odfgate:schema:1" id="x"><sections><section id="BAD ID" heading="h"/></sections></schema>')
    open(p("schema-extends-missing.xml"), "w").write('<schema xmlns="urn:odfgate:schema:1" id="x" extends="no-such-parent.xml"/>')
    open(p("schema-xxe.xml"), "w").write('<!DOCTYPE schema [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><schema xmlns="urn:odfgate:schema:1" id="x"><title>&xxe;</title></schema>')
    for name, code in cases:
        print(f"{name}\t{code}")

if __name__ == "__main__":
    main()
