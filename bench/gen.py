#!/usr/bin/env python3
"""gen.py OUTDIR N BIGPAGES — write N drafts of 6-10 pages and one BIGPAGES-page document.

Real-looking LibreOffice-style packages: mimetype first and stored, manifest, styles with
Heading styles, content with headings, lists, tables, spans and soft page breaks, meta.
Deterministic (seeded), so runs are comparable."""
import os, random, sys, zipfile

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')
WORDS = ("integration care health local services people partners outcomes budget data "
         "commissioning quality providers community hospital social support barriers vision "
         "together commitment patients carers staff workforce evidence planning").split()
SECTIONS = ["Common vision", "Why integration is necessary", "How we will work together",
            "Potential barriers", "Support needed"]

def para(rng, n):
    w = [rng.choice(WORDS) for _ in range(n)]
    w[0] = w[0].capitalize()
    mid = n // 2
    return ('<text:p text:style-name="P1">' + " ".join(w[:mid]) +
            ' <text:span text:style-name="T1">' + " ".join(w[mid:]) + '</text:span>.</text:p>')

def content(rng, pages):
    out = [f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.3">',
           '<office:automatic-styles><style:style style:name="P1" style:family="paragraph" '
           'style:parent-style-name="Text_20_body"/><style:style style:name="T1" style:family="text">'
           '<style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>',
           '<office:body><office:text>']
    per_section = max(1, pages * 450 // len(SECTIONS))  # ~450 words a page
    for i, title in enumerate(SECTIONS):
        out.append(f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{title}</text:h>')
        words = 0
        while words < per_section:
            r = rng.random()
            if r < 0.08:
                out.append(f'<text:h text:style-name="Heading_20_2" text:outline-level="2">Point {words}</text:h>')
            elif r < 0.15:
                out.append('<text:list><text:list-item>' + para(rng, 20) + '</text:list-item><text:list-item>'
                           + para(rng, 20) + '</text:list-item></text:list>')
                words += 40
            elif r < 0.18:
                out.append('<table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>'
                           '<table:table-row><table:table-cell>' + para(rng, 8) + '</table:table-cell>'
                           '<table:table-cell>' + para(rng, 8) + '</table:table-cell></table:table-row></table:table>')
                words += 16
            else:
                n = rng.randint(40, 120)
                out.append(para(rng, n))
                words += n
            if rng.random() < 0.05:
                out.append('<text:soft-page-break/>')
    out.append('</office:text></office:body></office:document-content>')
    return "".join(out)

STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS} office:version="1.3"><office:styles>'
          '<style:style style:name="Standard" style:family="paragraph"/>'
          '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"/>'
          '<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>'
          '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1"/>'
          '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"/>'
          '</office:styles></office:document-styles>')
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')

def meta(title):
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NS} office:version="1.3"><office:meta>'
            f'<dc:title>{title}</dc:title><meta:generator>odfgate bench</meta:generator></office:meta></office:document-meta>')

def write(path, rng, pages, title):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content(rng, pages), zipfile.ZIP_DEFLATED)
        z.writestr("styles.xml", STYLES, zipfile.ZIP_DEFLATED)
        z.writestr("meta.xml", meta(title), zipfile.ZIP_DEFLATED)

def main():
    out, n, big = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(42)
    os.makedirs(os.path.join(out, "drafts"), exist_ok=True)
    for i in range(n):
        write(os.path.join(out, "drafts", f"draft-{i:05d}.odt"), rng, rng.randint(6, 10), f"Draft {i}")
    for pages in (big // 4, big // 2, big):  # peak RSS must stay flat as they grow
        write(os.path.join(out, f"big-{pages}.odt"), rng, pages, f"Big {pages}")

if __name__ == "__main__":
    main()
