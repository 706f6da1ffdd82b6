#!/usr/bin/env python3
"""a11ydoc.py OUT [OPTION...] BODY-XML... — a small ODF text document for the accessibility tests
(tests/a11y/cli.sh): flat (OUT.fodt) or packaged (OUT.odt: common styles in styles.xml,
automatic ones in content.xml, as LibreOffice writes them).

  --title TEXT       dc:title (default "Accessible statement"; "" for none)
  --lang LL-CC       the default paragraph style's fo:language/fo:country (default en-GB;
                     "" for none, "zxx" for LibreOffice's [None])
  --style XML        a common style (office:styles), repeatable; @FILE: read from FILE
  --auto XML         an automatic style, repeatable
  --default-props XML  more text-properties attributes of the default paragraph style
Each BODY-XML is put in office:text as it is (text:p, text:h, table:table …).
"""
import sys
import zipfile

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
      'office:version="1.3"')
MIME = "application/vnd.oasis.opendocument.text"


def main(argv):
    out, title, lang, common, auto, extra, body = argv[0], "Accessible statement", "en-GB", [], [], "", []
    args = iter(argv[1:])
    for a in args:
        if a == "--title":
            title = next(args)
        elif a == "--lang":
            lang = next(args)
        elif a == "--style":
            v = next(args)
            common.append(open(v[1:]).read() if v.startswith("@") else v)
        elif a == "--auto":
            auto.append(next(args))
        elif a == "--default-props":
            extra = next(args)
        else:
            body.append(a)
    props = ""
    if lang:
        ll, _, cc = lang.partition("-")
        props = 'fo:language="%s" fo:country="%s"' % (ll, cc or "none")
    default = ('<style:default-style style:family="paragraph"><style:text-properties %s %s/>'
               '</style:default-style>' % (props, extra))
    styles = "<office:styles>%s%s</office:styles>" % (default, "".join(common))
    autos = "<office:automatic-styles>%s</office:automatic-styles>" % "".join(auto)
    meta = "<office:meta>%s</office:meta>" % ("<dc:title>%s</dc:title>" % title if title else "")
    text = "<office:body><office:text>%s</office:text></office:body>" % "".join(body)
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    if out.endswith(".fodt"):
        with open(out, "w") as f:
            f.write('%s<office:document %s office:mimetype="%s">%s%s%s%s</office:document>\n'
                    % (head, NS, MIME, meta, styles, autos, text))
        return
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), MIME)
        z.writestr("META-INF/manifest.xml", head +
                   '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                   'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
                   'manifest:media-type="%s"/>' % MIME +
                   "".join('<manifest:file-entry manifest:full-path="%s" manifest:media-type="text/xml"/>'
                           % p for p in ("content.xml", "styles.xml", "meta.xml")) +
                   "</manifest:manifest>", zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", '%s<office:document-content %s>%s%s</office:document-content>'
                   % (head, NS, autos, text), zipfile.ZIP_DEFLATED)
        z.writestr("styles.xml", '%s<office:document-styles %s>%s</office:document-styles>'
                   % (head, NS, styles), zipfile.ZIP_DEFLATED)
        z.writestr("meta.xml", '%s<office:document-meta %s>%s</office:document-meta>'
                   % (head, NS, meta), zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main(sys.argv[1:])
