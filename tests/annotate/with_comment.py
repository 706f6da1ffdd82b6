#!/usr/bin/env python3
"""with_comment.py IN OUT — a copy of a sample draft with a reviewer's comment (a person's, not
odfgate's) before "Local areas have asked"; every other part copied as it is."""
import sys
import zipfile

src, dst = sys.argv[1:3]
note = ('<office:annotation><dc:creator>Jane Reviewer</dc:creator><dc:date>2026-11-01T09:00:00</dc:date>'
        '<text:p>Please check the figures.</text:p></office:annotation>')
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w") as out:
    for i in z.infolist():
        d = z.read(i.filename)
        if i.filename == "content.xml":
            d = d.replace(b"Local areas have asked", note.encode() + b"Local areas have asked", 1)
        out.writestr(i, d)
