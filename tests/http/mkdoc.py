#!/usr/bin/env python3
"""mkdoc.py — write a small flat ODF text document (.fodt) for the HTTP tests.

    mkdoc.py OUT.fodt SPEC

SPEC is a text file, one item a line: "# Heading" (level 1), "## Heading" (level 2),
"link URL | text" (a paragraph holding one hyperlink), anything else a body paragraph.
"""
import sys
from xml.sax.saxutils import escape, quoteattr

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>HTTP test document</dc:title></office:meta>
 <office:body><office:text>
"""
TAIL = " </office:text></office:body>\n</office:document>\n"


def main():
    out, spec = sys.argv[1], sys.argv[2]
    body = []
    for line in open(spec, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            continue
        if line.startswith("## "):
            body.append('<text:h text:outline-level="2">%s</text:h>' % escape(line[3:]))
        elif line.startswith("# "):
            body.append('<text:h text:outline-level="1">%s</text:h>' % escape(line[2:]))
        elif line.startswith("link "):
            url, _, text = line[5:].partition(" | ")
            body.append('<text:p>See <text:a xlink:type="simple" xlink:href=%s>%s</text:a>.</text:p>'
                        % (quoteattr(url), escape(text or url)))
        else:
            body.append("<text:p>%s</text:p>" % escape(line))
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEAD + "\n".join(body) + "\n" + TAIL)


if __name__ == "__main__":
    main()
