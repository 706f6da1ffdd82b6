#!/usr/bin/env python3
"""lo_outline.py PROFILE-DIR FILE... — the outline LibreOffice sees in each FILE, one JSON line
per file: [[level, text], ...] of the body's paragraphs with an OutlineLevel (what Writer's
Navigator lists; paragraphs in tables are not enumerated), text without note anchors (as the
Navigator shows it) and with white space collapsed and trimmed as odfgate does; null when LibreOffice cannot open the file as a text document.
Documents are loaded as models without a view: Writer's comment windows need .ui files the
-nogui packages lack, and a document with comments in a view crashes soffice.
Run with /usr/bin/python3 (python3-uno)."""
import json, os, re, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "signoff"))
from lo_uno import paragraphs, prop, start_context, stop, url  # noqa: E402


def text(paragraph):
    """The paragraph's text as the Navigator shows it: without footnote and endnote anchors
    (getString() includes their numbers)."""
    parts = []
    e = paragraph.createEnumeration()
    while e.hasMoreElements():
        portion = e.nextElement()
        if portion.TextPortionType != "Footnote":
            parts.append(portion.getString())
    return "".join(parts)


def outline(ctx, path):
    flat = path.endswith(".fodt")
    doc = ctx.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument", ctx)
    try:
        doc.load((prop("URL", url(path)),
                  prop("FilterName", "OpenDocument Text Flat XML" if flat else "writer8"),
                  prop("ReadOnly", True)))  # no lock file beside the document
        return [[p.OutlineLevel, re.sub(r"[ \t\r\n]+", " ", text(p)).strip(" ")]
                for p in paragraphs(doc) if p.OutlineLevel > 0]
    except Exception as e:
        print("%s: %s" % (path, e), file=sys.stderr)
        return None
    finally:
        try:
            doc.close(True)
        except Exception:
            pass


def main():
    proc, ctx = start_context(url(sys.argv[1]))
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    try:
        for path in sys.argv[2:]:
            print(json.dumps(outline(ctx, path)), flush=True)
    finally:
        stop(proc, desktop)


if __name__ == "__main__":
    main()
