#!/usr/bin/env python3
"""sprinkle.py DIR EVERY XML [AUTOMATIC-STYLE] — for the bench scripts: in every .odt under DIR
(bench/gen.py's drafts), XML is added at the start of every EVERY-th body paragraph
(text:p of style P1), and AUTOMATIC-STYLE, when given, to content.xml's automatic styles
(in place; the other parts copied as they are)."""
import os
import re
import sys
import zipfile

NS_DRAW = 'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '


def sprinkle(path, every, extra, style):
    with zipfile.ZipFile(path) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    n = [0]

    def add(m):
        n[0] += 1
        return m.group(0) + extra if n[0] % every == 0 else m.group(0)

    with zipfile.ZipFile(path + ".tmp", "w") as out:
        for info, data in parts:
            if info.filename == "content.xml":
                text = re.sub(r'<text:p text:style-name="P1">', add, data.decode())
                if style:
                    text = text.replace("</office:automatic-styles>", style + "</office:automatic-styles>", 1)
                if "<draw:" in extra and "xmlns:draw=" not in text:
                    text = text.replace("<office:document-content ", "<office:document-content " + NS_DRAW, 1)
                data = text.encode()
            out.writestr(info, data, info.compress_type)
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    for root, _, files in os.walk(sys.argv[1]):
        for f in files:
            if f.endswith(".odt"):
                sprinkle(os.path.join(root, f), int(sys.argv[2]), sys.argv[3],
                         sys.argv[4] if len(sys.argv) > 4 else "")
