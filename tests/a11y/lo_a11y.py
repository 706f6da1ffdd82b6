#!/usr/bin/env python3
"""lo_a11y.py PROFILE-DIR fixtures OUTDIR — the accessibility tests' LibreOffice side (python3-uno;
soffice started once per call as tests/signoff/lo_uno.py does).

Makes one Writer document per a11y check through the UNO API (never the XML), each with
exactly that problem in an otherwise accessible statement (a title, a default language,
headings in order, real lists, a table with a repeated heading row, a described picture, a
real footnote, a descriptive hyperlink), and a clean control with all of those good forms;
OUTDIR/fixtures.json lists {"file", "rules"}: the a11y rules each must fire (sorted; the clean
one and the exempt cases none).  View-less models (createInstance TextDocument), as
tests/hygiene/lo_hygiene.py: the -nogui packages have no window.
"""
import json
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "signoff"))
from lo_uno import prop, save, start_context, stop, url  # noqa: E402

BODY = [("Heading 1", "Purpose"),
        ("Text Body", "This statement sets out how the parties will work together on integrated care."),
        ("Heading 2", "Scope"),
        ("Text Body", "It covers health and social care services for adults in every area.")]


def png(path):
    """A 2x2 grey PNG (made here: no picture is vendored)."""
    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * 2 for _ in range(2))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def model(remote, path=None):
    doc = remote.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument", remote)
    if path is None:
        doc.initNew()
    else:
        doc.load((prop("URL", url(os.path.abspath(path))), prop("FilterName", "writer8")))
    return doc


def add(doc, style, s):
    text = doc.Text
    cur = text.createTextCursor()
    cur.gotoEnd(False)
    if doc.Text.getString():
        text.insertControlCharacter(cur, 0, False)  # PARAGRAPH_BREAK
    cur.ParaStyleName = style
    text.insertString(cur, s, False)
    return cur


def draft(remote, body=BODY):
    doc = model(remote)
    doc.DocumentProperties.Title = "Integrated care: a common purpose"
    # the default language (Tools > Options > Language Settings > Languages: for this document)
    from com.sun.star.lang import Locale
    doc.CharLocale = Locale("en", "GB", "")
    for style, s in body:
        add(doc, style, s)
    return doc


def end_cursor(doc):
    cur = doc.Text.createTextCursor()
    cur.gotoEnd(False)
    return cur


def graphic(doc, remote, picture, title="", desc="", anchor=None, name=None, link=None):
    """An image frame at the end of the document (embedded from `picture`, or linked)."""
    from com.sun.star.text.TextContentAnchorType import AS_CHARACTER
    g = doc.createInstance("com.sun.star.text.TextGraphicObject")
    gp = remote.ServiceManager.createInstanceWithContext("com.sun.star.graphic.GraphicProvider", remote)
    if link:  # Insert > Image with "Insert as link"
        g.Graphic = gp.queryGraphic((prop("URL", link), prop("LoadAsLink", True)))
    else:
        g.Graphic = gp.queryGraphic((prop("URL", url(picture)),))
    g.AnchorType = anchor if anchor is not None else AS_CHARACTER
    g.Title = title
    g.Description = desc
    if name:
        g.Name = name
    doc.Text.insertTextContent(end_cursor(doc), g, False)
    return g


def table(doc, rows, repeat=True, name="Signatories"):
    t = doc.createInstance("com.sun.star.text.TextTable")
    t.initialize(len(rows), len(rows[0]))
    t.Name = name
    doc.Text.insertTextContent(end_cursor(doc), t, False)
    t.RepeatHeadline = repeat
    t.HeaderRowCount = 1 if repeat else 0
    for r, row in enumerate(rows):
        for c, s in enumerate(row):
            t.getCellByName("%s%d" % ("ABCDEFGH"[c], r + 1)).setString(s)
    return t


def make(remote, outdir):
    os.makedirs(outdir, exist_ok=True)
    picture = os.path.join(outdir, ".figure.png")
    png(picture)
    made = []

    def out(name, doc, *rules):
        save(doc, os.path.join(outdir, name))
        doc.close(True)
        made.append({"file": name, "rules": sorted(rules)})

    # the control: every good form
    doc = draft(remote)
    add(doc, "Text Body", "The signatories are:")
    table(doc, [["Body", "Role"], ["Department of Health", "Signatory"], ["Monitor", "Signatory"]])
    add(doc, "Text Body", "The areas covered: ")
    graphic(doc, remote, picture, title="Map of the areas", desc="A map of the twelve areas.", name="Map")
    for item in ("1. Agree the outcomes.", "2. Share the data."):  # typed, but in a real list
        add(doc, "Text Body", item).NumberingStyleName = "Numbering 123"
    add(doc, "Text Body", "See ")
    cur = end_cursor(doc)
    doc.Text.insertString(cur, "the framework on GOV.UK", False)
    cur.goLeft(len("the framework on GOV.UK"), True)
    cur.HyperLinkURL = "https://www.gov.uk/framework"
    cur = add(doc, "Text Body", "The 2012 guidance applies.")
    note = doc.createInstance("com.sun.star.text.Footnote")
    doc.Text.insertTextContent(end_cursor(doc), note, False)
    note.setString("Department of Health, 2012.")
    out("clean.odt", doc)

    doc = draft(remote)
    add(doc, "Text Body", "The areas: ")
    graphic(doc, remote, picture, name="Figure1")
    out("alt-text.odt", doc, "a11y-alt-text")

    doc = draft(remote)
    add(doc, "Text Body", "A flourish: ")
    g = graphic(doc, remote, picture, name="Flourish")
    try:
        g.Decorative = True
        out("alt-text-decorative.odt", doc)
    except Exception:  # noqa: BLE001 — no Decorative property in this LibreOffice
        doc.close(True)

    doc = draft(remote)
    from com.sun.star.awt import Size
    from com.sun.star.text.TextContentAnchorType import AS_CHARACTER
    shape = doc.createInstance("com.sun.star.drawing.CustomShape")
    shape.AnchorType = AS_CHARACTER
    shape.Name = "Arrow"
    add(doc, "Text Body", "The flow: ")
    doc.Text.insertTextContent(end_cursor(doc), shape, False)
    shape.setSize(Size(2000, 1000))
    geo = shape.CustomShapeGeometry
    shape.CustomShapeGeometry = tuple(geo) + (prop("Type", "right-arrow"),)
    out("alt-text-shape.odt", doc, "a11y-alt-text")

    doc = draft(remote, BODY[:2] + [("Heading 3", "Scope"), BODY[3]])
    out("heading-order.odt", doc, "a11y-heading-order")

    doc = draft(remote, [("Heading 2", "Purpose")] + BODY[1:2])
    out("heading-start.odt", doc, "a11y-heading-order")

    doc = draft(remote)
    t = table(doc, [["Body", "Role"], ["Monitor", "Signatory"]])
    cell = t.getCellByName("A2")
    c = cell.createTextCursor()
    c.ParaStyleName = "Heading 2"
    out("heading-in-table.odt", doc, "a11y-heading-in-table")

    doc = draft(remote)
    t = table(doc, [["Body", "Role"], ["Monitor", "Signatory"], ["Care Quality Commission", "Signatory"]])
    tc = t.createCursorByCellName("A2")
    tc.gotoCellByName("B2", True)
    tc.mergeRange()
    out("table-merged.odt", doc, "a11y-table-merged")

    doc = draft(remote)
    table(doc, [["Body", "Role"], ["Monitor", "Signatory"], ["", ""], ["Care Quality Commission", "Signatory"]])
    out("table-empty-cell.odt", doc, "a11y-table-empty-cell")

    doc = draft(remote)
    table(doc, [["Body", "Role"], ["Monitor", "Signatory"]], repeat=False)
    out("table-header.odt", doc, "a11y-table-header")

    doc = draft(remote)
    add(doc, "Text Body", "1. Agree the outcomes.")
    add(doc, "Text Body", "2. Share the data.")
    out("fake-numbering.odt", doc, "a11y-fake-numbering")

    doc = draft(remote)
    add(doc, "Text Body", "\u2022 Agree the outcomes.")
    add(doc, "Text Body", "\u2022 Share the data.")
    out("fake-bullets.odt", doc, "a11y-fake-numbering")

    doc = draft(remote)
    add(doc, "Text Body", "")
    add(doc, "Text Body", "")
    add(doc, "Text Body", "The parties will review this statement every year.")
    out("empty-lines.odt", doc, "a11y-empty-lines")

    doc = draft(remote)
    add(doc, "Text Body", "Signed by    the six bodies.")
    out("spacing.odt", doc, "a11y-spacing")

    doc = draft(remote)
    add(doc, "Text Body", "Department\t\tSignatory")
    out("spacing-tabs.odt", doc, "a11y-spacing")

    doc = draft(remote)
    add(doc, "Text Body", "See ")
    cur = end_cursor(doc)
    doc.Text.insertString(cur, "https://www.example.org/framework", False)
    cur.goLeft(len("https://www.example.org/framework"), True)
    cur.HyperLinkURL = "https://www.example.org/framework"
    out("link-url.odt", doc, "a11y-link-text")

    doc = draft(remote)
    cur = add(doc, "Text Body", "A pale remark.")
    cur.gotoStartOfParagraph(True)
    cur.CharColor = 0xCCCCCC
    out("contrast.odt", doc, "a11y-contrast")

    doc = draft(remote)
    styles = doc.StyleFamilies.getByName("ParagraphStyles")
    pale = doc.createInstance("com.sun.star.style.ParagraphStyle")
    styles.insertByName("Pale", pale)
    pale.ParentStyle = "Text Body"
    pale.CharColor = 0xDDDDDD
    add(doc, "Pale", "A remark in a pale style.")
    out("contrast-style.odt", doc, "a11y-contrast")

    doc = draft(remote)
    cur = add(doc, "Text Body", "Dark on dark.")
    cur.gotoStartOfParagraph(True)
    cur.CharColor = 0x333333
    para = None
    e = doc.Text.createEnumeration()
    while e.hasMoreElements():
        para = e.nextElement()
    from com.sun.star.drawing.FillStyle import SOLID
    para.FillStyle = SOLID  # Format > Paragraph > Area: a colour
    para.FillColor = 0x222222
    out("contrast-background.odt", doc, "a11y-contrast")

    doc = draft(remote)
    cur = add(doc, "Text Body", "A blinking word.")
    cur.gotoStartOfParagraph(False)
    cur.goRight(2, False)
    cur.goRight(len("blinking"), True)
    cur.CharFlash = True
    out("blinking.odt", doc, "a11y-blinking")

    doc = draft(remote)
    from com.sun.star.text.TextContentAnchorType import AT_PARAGRAPH
    add(doc, "Text Body", "Beside this paragraph floats a box.")
    frame = doc.createInstance("com.sun.star.text.TextFrame")
    frame.AnchorType = AT_PARAGRAPH
    frame.Name = "Box"
    frame.Title = "Key fact"
    frame.Description = "A key fact beside the text."
    doc.Text.insertTextContent(end_cursor(doc), frame, False)
    frame.setSize(Size(4000, 2000))
    frame.Text.setString("Twelve areas take part.")
    out("floating-text.odt", doc, "a11y-floating-text")

    doc = draft(remote)
    cur = add(doc, "Text Body", "1 See the 2012 guidance.")
    cur.gotoStartOfParagraph(False)
    cur.goRight(1, True)
    cur.CharEscapement = 101
    cur.CharEscapementHeight = 58
    out("fake-footnote.odt", doc, "a11y-fake-footnote")

    doc = draft(remote)
    doc.DocumentProperties.Title = ""
    out("title.odt", doc, "a11y-title")

    doc = draft(remote)
    from com.sun.star.lang import Locale
    doc.CharLocale = Locale("zxx", "", "")  # [None] for this document
    out("language.odt", doc, "a11y-language")

    doc = draft(remote)
    doc.StyleFamilies.getByName("ParagraphStyles").getByName("Standard").CharLocale = Locale("zxx", "", "")
    out("language-standard.odt", doc, "a11y-language")  # every style inherits it: one finding

    doc = draft(remote)
    code = doc.createInstance("com.sun.star.style.ParagraphStyle")
    doc.StyleFamilies.getByName("ParagraphStyles").insertByName("Unlabelled", code)
    code.ParentStyle = "Text Body"
    code.CharLocale = Locale("zxx", "", "")
    add(doc, "Unlabelled", "x = 1")
    out("language-style.odt", doc, "a11y-language")

    # a picture linked, then moved away (LibreOffice drops a link it cannot load at once);
    # the link is relative to the document, as LibreOffice saves it
    moved = os.path.join(outdir, "moved-figure.png")
    png(moved)
    doc = draft(remote)
    add(doc, "Text Body", "The areas: ")
    graphic(doc, remote, picture, title="Map of the areas", name="Map", link=url(moved))
    out("linked-image.odt", doc, "a11y-linked-image")
    os.unlink(moved)

    os.unlink(picture)
    with open(os.path.join(outdir, "fixtures.json"), "w") as f:
        json.dump({"made_by": "tests/a11y/lo_a11y.py", "fixtures": made}, f, indent=1)
        f.write("\n")


def main():
    profile, op, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    proc, remote = start_context(url(profile))
    desktop = remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
    try:
        if op == "fixtures":
            make(remote, args[0])
        else:
            raise SystemExit("lo_a11y.py: unknown operation " + op)
    finally:
        stop(proc, desktop)


if __name__ == "__main__":
    main()
