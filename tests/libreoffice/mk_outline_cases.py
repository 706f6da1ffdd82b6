"""mk_outline_cases.py OUT.fodt — headings LibreOffice and odfgate once read differently (#13.7): a
heading holding only a picture (anchored to the paragraph, or as a character), a heading whose
picture carries alternative text (svg:title, svg:desc: LibreOffice's "Chapter header" image of
Bluff Crag.odt), an empty heading and one holding only a bookmark."""
import sys
NS=('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
 'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
 'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
 'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
png='iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='
def frame(desc, anchor='paragraph'):
    return ('<draw:frame draw:name="f%s" text:anchor-type="%s" svg:width="1cm" svg:height="1cm">'
            '<draw:image><office:binary-data>%s</office:binary-data></draw:image><svg:title>T %s</svg:title><svg:desc>%s</svg:desc></draw:frame>') % (len(desc), anchor, png, desc, desc)
body = ''.join([
 '<text:h text:outline-level="1">Alpha</text:h><text:p>Alpha body words.</text:p>',
 '<text:h text:outline-level="1">' + frame('Picture only') + '</text:h><text:p>After the picture heading.</text:p>',
 '<text:h text:outline-level="1">' + frame('Picture as char', 'as-char') + '</text:h><text:p>After the as-char picture heading.</text:p>',
 '<text:h text:outline-level="1">' + frame('Chapter header') + '<text:line-break/><text:bookmark text:name="B"/>BLUFF CRAG.</text:h><text:p>Chapter words.</text:p>',
 '<text:h text:outline-level="1"/><text:p>After the empty heading.</text:p>',
 '<text:h text:outline-level="1"><text:bookmark text:name="only"/></text:h><text:p>After the bookmark heading.</text:p>',
 '<text:h text:outline-level="1">Beta</text:h><text:p>Beta body.</text:p>',
])
open(sys.argv[1],'w').write('<?xml version="1.0" encoding="UTF-8"?><office:document %s office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>%s</office:text></office:body></office:document>' % (NS, body))
