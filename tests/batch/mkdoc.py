#!/usr/bin/env python3
"""mkdoc.py OUT.fodt SPEC... — write a small flat ODF text document for the batch tests.

Each SPEC is one body item, in order:
  h:TEXT             a level-1 heading (text:h); h2:TEXT, h3:TEXT … a heading of that level
  p:TEXT             a paragraph
  b:TEXT|WORD        a paragraph TEXT with WORD in bold (an automatic span style)
  f:TEXT|NOTE        a paragraph TEXT with a footnote NOTE
  x:XML              a paragraph holding XML as it is (fields, links …)
  title:TEXT         the document title (dc:title; default "Batch test")
  c:COMMENT|TEXT     a paragraph TEXT holding a comment (office:annotation) COMMENT
"""
import sys
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')

body = []
title = 'Batch test'
for spec in sys.argv[2:]:
    kind, _, text = spec.partition(':')
    if kind == 'h' or (kind[:1] == 'h' and kind[1:].isdigit()):
        body.append('<text:h text:outline-level="%s">%s</text:h>' % (kind[1:] or '1', escape(text)))
    elif kind == 'b':
        text, _, word = text.partition('|')
        body.append('<text:p>%s <text:span text:style-name="B">%s</text:span></text:p>'
                    % (escape(text), escape(word)))
    elif kind == 'f':
        text, _, note = text.partition('|')
        body.append('<text:p>%s<text:note text:id="n%d" text:note-class="footnote"><text:note-citation>1'
                    '</text:note-citation><text:note-body><text:p>%s</text:p></text:note-body></text:note>'
                    '</text:p>' % (escape(text), len(body), escape(note)))
    elif kind == 'x':
        body.append('<text:p>%s</text:p>' % text)
    elif kind == 'title':
        title = text
    elif kind == 'p':
        body.append('<text:p>%s</text:p>' % escape(text))
    elif kind == 'c':
        note, _, text = text.partition('|')
        body.append('<text:p><office:annotation><dc:creator>A Reviewer</dc:creator>'
                    '<dc:date>2026-11-01T10:00:00</dc:date><text:p>%s</text:p></office:annotation>%s</text:p>'
                    % (escape(note), escape(text)))
    else:
        sys.exit('unknown spec ' + spec)
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text"><office:meta>'
            '<dc:title>%s</dc:title></office:meta><office:automatic-styles>'
            '<style:style style:name="B" style:family="text"><style:text-properties '
            'fo:font-weight="bold"/></style:style></office:automatic-styles><office:body><office:text>%s'
            '</office:text></office:body></office:document>\n' % (NS, escape(title), ''.join(body)))
