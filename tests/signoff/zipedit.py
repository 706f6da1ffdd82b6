#!/usr/bin/env python3
"""zipedit.py IN OUT PART OLD NEW — copy a package replacing the bytes OLD by NEW in PART
(used by the sign-off tests to change a document's text or metadata like another tool would);
PART "+NAME" adds a part NAME with content NEW."""
import sys, zipfile
src, dst, part, old, new = sys.argv[1:6]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w") as out:
    for info in z.infolist():
        data = z.read(info.filename)
        if info.filename == part:
            if old.encode() not in data:
                sys.exit(f"zipedit: {old!r} not in {part}")
            data = data.replace(old.encode(), new.encode(), 1)
        out.writestr(info, data)
    if part.startswith("+"):
        out.writestr(part[1:], new, zipfile.ZIP_DEFLATED)
