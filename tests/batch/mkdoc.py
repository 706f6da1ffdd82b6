#!/usr/bin/env python3
"""mkdoc.py OUT.fodt SPEC... — write a small flat ODF text document for the batch tests.

Each SPEC is one body item, in order:
  h:TEXT             a level-1 heading (text:h)
  p:TEXT             a paragraph
  c:COMMENT|TEXT     a paragraph TEXT holding a comment (office:annotation) COMMENT
"""
import sys
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')

body = []
for spec in sys.argv[2:]:
    kind, _, text = spec.partition(':')
    if kind == 'h':
        body.append('<text:h text:outline-level="1">%s</text:h>' % escape(text))
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
            '<dc:title>Batch test</dc:title></office:meta><office:body><office:text>%s'
            '</office:text></office:body></office:document>\n' % (NS, ''.join(body)))
