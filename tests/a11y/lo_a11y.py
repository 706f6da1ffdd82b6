#!/usr/bin/env python3
"""lo_a11y.py PROFILE-DIR OPERATION ... — the accessibility tests' LibreOffice side (python3-uno;
soffice started once per call as tests/signoff/lo_uno.py does).

  fixtures OUTDIR     make one Writer document per a11y check through the UNO API (never the
                      XML), each with exactly that one problem in an otherwise accessible
                      statement, and a clean control with every good form; OUTDIR/fixtures.json
                      lists {"file", "rule", "rules"} per document: the a11y rule it must fire
                      ("" for the clean control) and the same as a sorted list (what lo.sh and
                      cli.sh compare).  Where this LibreOffice cannot make a case, it says so on
                      stderr and leaves it out (alt-text-decorative.odt: 7.4 has no Decorative).
                      The documents: clean, alt-text (a picture), alt-text-decorative (7.5 on),
                      alt-text-shape (a rectangle), heading-order, heading-start,
                      heading-in-table, table-merged, table-empty-cell, table-header,
                      fake-numbering, fake-bullets, empty-lines, spacing (spaces), spacing-tabs,
                      link-url, contrast (direct), contrast-style, contrast-background, blinking,
                      floating-text, fake-footnote (automatic superscript), fake-footnote-raise
                      (a 101% raise), title, language (document default [None]),
                      language-standard (Default Paragraph Style [None]), language-style (a
                      style in use [None]), linked-image (a link to a file not there).
                      tests/a11y/FORMS.md shows the XML LibreOffice 7.4 writes for each.

The accessible draft every fixture starts from: a title (File > Properties), the document's
default language en-GB (the default paragraph style's CharLocale, which every style inherits),
Heading 1 then Heading 2, body paragraphs of real text in Text Body, default colours, no empty
paragraph (a new document's first, empty one is filled).  Pictures are a 2x2 PNG made here.

Document models without a frame or view (createInstance TextDocument + initNew), as
tests/hygiene/lo_hygiene.py: the -nogui packages have no window.  Text inserted through the API
is not run through AutoCorrect, so typed "1." or "•" stay plain paragraphs.
"""
import json
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "signoff"))
from lo_uno import prop, save, start_context, stop, url  # noqa: E402

from com.sun.star.awt import Size  # noqa: E402
from com.sun.star.drawing.FillStyle import SOLID  # noqa: E402
from com.sun.star.lang import Locale  # noqa: E402
from com.sun.star.text.TextContentAnchorType import AS_CHARACTER, AT_PARAGRAPH  # noqa: E402

PARAGRAPH_BREAK = 0  # com.sun.star.text.ControlCharacter
TITLE = "Integrated care: a common purpose"
BODY = [("Heading 1", "Purpose"),
        ("Text Body", "This statement sets out how the parties will work together on integrated care."),
        ("Heading 2", "Scope"),
        ("Text Body", "It covers health and social care services for adults in every area.")]
SIGNATORIES = [["Body", "Role"], ["Department of Health", "Signatory"], ["Monitor", "Signatory"]]
SUPER_AUTO = 14000  # CharEscapement of an automatic superscript (DFLT_ESC_AUTO_SUPER in 7.4)
LIST = "Numbering 123"  # the list style of clean.odt's list
NONE = Locale("zxx", "", "")  # the language list's [None] (LANGUAGE_NONE)


def png(path):
    """Write a 2x2 grey PNG (no picture is vendored)."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * 2 for _ in range(2))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def end(doc):
    cur = doc.Text.createTextCursor()
    cur.gotoEnd(False)
    return cur


def last_paragraph(doc):
    p, e = None, doc.Text.createEnumeration()
    while e.hasMoreElements():
        p = e.nextElement()
    return p


def add(doc, style, s, fill=True):
    """A paragraph of STYLE holding S at the end; a cursor at its end.  An empty last paragraph
    (a new document's first, the one Writer keeps after a table) is filled rather than followed,
    unless fill is false (empty-lines.odt)."""
    text = doc.Text
    last = last_paragraph(doc)
    cur = end(doc)
    if not (fill and last.supportsService("com.sun.star.text.Paragraph") and last.getString() == ""):
        text.insertControlCharacter(cur, PARAGRAPH_BREAK, False)
    cur.ParaStyleName = style
    if cur.NumberingStyleName == LIST:  # a break after a list item continues the list: end it
        cur.NumberingStyleName = ""
    text.insertString(cur, s, False)
    return cur


def link(doc, cur, s, target):
    """Insert S at the cursor as a hyperlink to TARGET (Insert > Hyperlink)."""
    doc.Text.insertString(cur, s, False)
    cur.goLeft(len(s), True)
    cur.HyperLinkURL = target
    cur.collapseToEnd()


def superscript(cur, raise_by=None):
    """Format > Character > Position > Superscript, 58% size; the raise automatic (SUPER_AUTO)
    unless RAISE_BY (percent) is given."""
    cur.CharEscapement = SUPER_AUTO if raise_by is None else raise_by
    cur.CharEscapementHeight = 58


def draft(remote, body=BODY, title=TITLE):
    doc = remote.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument", remote)
    doc.initNew()
    doc.DocumentProperties.Title = title
    # Tools > Options > Language Settings > Languages, "for the current document only": the
    # default paragraph style's (and the document default's) language
    doc.CharLocale = Locale("en", "GB", "")
    for style, s in body:
        add(doc, style, s)
    return doc


def graphic(doc, remote, picture, title="", desc="", name=None, linked=False):
    """Insert > Image (embedded, or with "Insert as link") as a character at the end."""
    g = doc.createInstance("com.sun.star.text.TextGraphicObject")
    gp = remote.ServiceManager.createInstanceWithContext("com.sun.star.graphic.GraphicProvider", remote)
    args = (prop("URL", url(picture)),) + ((prop("LoadAsLink", True),) if linked else ())
    g.Graphic = gp.queryGraphic(args)
    g.AnchorType = AS_CHARACTER
    if name:
        g.Name = name
    g.Title, g.Description = title, desc
    doc.Text.insertTextContent(end(doc), g, False)
    g.setSize(Size(2000, 2000))
    return g


def table(doc, rows, repeat=True, name="Signatories"):
    """Insert > Table after the last paragraph; "Heading" and "Repeat heading" as REPEAT."""
    t = doc.createInstance("com.sun.star.text.TextTable")
    t.initialize(len(rows), len(rows[0]))
    t.Name = name
    doc.Text.insertTextContent(end(doc), t, False)
    t.RepeatHeadline = repeat
    t.HeaderRowCount = 1 if repeat else 0
    for r, row in enumerate(rows):
        for c, s in enumerate(row):
            t.getCellByName("%s%d" % ("ABCDEFGH"[c], r + 1)).setString(s)
    return t


def paragraph_style(doc, name, parent="Text Body", **props):
    st = doc.createInstance("com.sun.star.style.ParagraphStyle")
    doc.StyleFamilies.getByName("ParagraphStyles").insertByName(name, st)
    st.ParentStyle = parent
    for k, v in props.items():
        st.setPropertyValue(k, v)
    return st


def make(remote, outdir):
    os.makedirs(outdir, exist_ok=True)
    picture = os.path.join(outdir, ".figure.png")
    png(picture)
    made = []

    def out(name, doc, rule):
        save(doc, os.path.join(outdir, name))  # writer8; save() also closes the model
        made.append({"file": name, "rule": rule, "rules": [rule] if rule else []})

    # the control: every good form
    doc = draft(remote)
    add(doc, "Text Body", "The signatories are listed below.")
    table(doc, SIGNATORIES)
    add(doc, "Text Body", "The parties agree to two things.")
    for item in ("Agree the outcomes for each area.", "Share the data safely."):
        add(doc, "Text Body", item).NumberingStyleName = LIST
    cur = add(doc, "Text Body", "The details are on ")
    link(doc, cur, "the framework's web page", "https://www.example.org/framework")
    doc.Text.insertString(cur, ".", False)
    add(doc, "Text Body", "The areas covered are on this map: ")
    graphic(doc, remote, picture, title="Map of the areas", desc="A map of the twelve areas.",
            name="Map")
    add(doc, "Text Body", "The 2012 guidance still applies.")
    note = doc.createInstance("com.sun.star.text.Footnote")
    doc.Text.insertTextContent(end(doc), note, False)
    note.setString("Department of Health, 2012.")
    out("clean.odt", doc, "")

    doc = draft(remote)
    add(doc, "Text Body", "The areas covered are on this map: ")
    graphic(doc, remote, picture, name="Figure1")
    out("alt-text.odt", doc, "a11y-alt-text")

    doc = draft(remote)
    add(doc, "Text Body", "The areas covered are on this map: ")
    g = graphic(doc, remote, picture, name="Flourish")
    if g.PropertySetInfo.hasPropertyByName("Decorative"):  # LibreOffice 7.5 and later
        g.Decorative = True
        out("alt-text-decorative.odt", doc, "")
    else:
        doc.close(True)
        print("lo_a11y.py: alt-text-decorative.odt not made: this LibreOffice has no Decorative "
              "property on pictures", file=sys.stderr)

    # Insert > Shape > Rectangle: a drawing shape (on the document's draw page) anchored to the
    # paragraph; no title, no description
    doc = draft(remote)
    add(doc, "Text Body", "The process has one step.")
    shape = doc.createInstance("com.sun.star.drawing.RectangleShape")
    shape.AnchorType = AT_PARAGRAPH
    doc.Text.insertTextContent(end(doc), shape, False)
    shape.setSize(Size(3000, 1500))
    shape.Name = "Box1"
    out("alt-text-shape.odt", doc, "a11y-alt-text")

    out("heading-order.odt", draft(remote, BODY[:2] + [("Heading 3", "Scope"), BODY[3]]),
        "a11y-heading-order")
    out("heading-start.odt", draft(remote, [("Heading 2", "Purpose")] + BODY[1:2]),
        "a11y-heading-order")

    doc = draft(remote)
    add(doc, "Text Body", "The signatories are listed below.")
    t = table(doc, SIGNATORIES)
    t.getCellByName("A2").createTextCursor().ParaStyleName = "Heading 2"
    add(doc, "Text Body", "Each signatory reports every year.")
    out("heading-in-table.odt", doc, "a11y-heading-in-table")

    doc = draft(remote)
    add(doc, "Text Body", "The signatories are listed below.")
    t = table(doc, SIGNATORIES + [["Care Quality Commission", "Signatory"]])
    tc = t.createCursorByCellName("A2")
    tc.gotoCellByName("B2", True)
    tc.mergeRange()
    add(doc, "Text Body", "Each signatory reports every year.")
    out("table-merged.odt", doc, "a11y-table-merged")

    doc = draft(remote)
    add(doc, "Text Body", "The signatories are listed below.")
    table(doc, SIGNATORIES[:2] + [["", ""]] + SIGNATORIES[2:])
    add(doc, "Text Body", "Each signatory reports every year.")
    out("table-empty-cell.odt", doc, "a11y-table-empty-cell")

    doc = draft(remote)
    add(doc, "Text Body", "The signatories are listed below.")
    table(doc, SIGNATORIES, repeat=False)
    add(doc, "Text Body", "Each signatory reports every year.")
    out("table-header.odt", doc, "a11y-table-header")

    doc = draft(remote)
    add(doc, "Text Body", "1. First point: agree the outcomes for each area.")
    add(doc, "Text Body", "2. Second point: share the data safely.")
    out("fake-numbering.odt", doc, "a11y-fake-numbering")

    doc = draft(remote)
    add(doc, "Text Body", "\u2022 First point: agree the outcomes for each area.")
    add(doc, "Text Body", "\u2022 Second point: share the data safely.")
    out("fake-bullets.odt", doc, "a11y-fake-numbering")

    doc = draft(remote)
    add(doc, "Text Body", "", fill=False)
    add(doc, "Text Body", "", fill=False)
    add(doc, "Text Body", "The parties will review this statement every year.", fill=False)
    out("empty-lines.odt", doc, "a11y-empty-lines")

    # a run of spaces and a run of tabs are one problem each: a file each (one finding each)
    doc = draft(remote)
    add(doc, "Text Body", "The statement is signed by    the six bodies named below.")
    out("spacing.odt", doc, "a11y-spacing")

    doc = draft(remote)
    add(doc, "Text Body", "Each body signs\t\tand dates the statement.")
    out("spacing-tabs.odt", doc, "a11y-spacing")

    doc = draft(remote)
    cur = add(doc, "Text Body", "The details are on ")
    link(doc, cur, "https://www.example.org/framework", "https://www.example.org/framework")
    doc.Text.insertString(cur, ".", False)
    out("link-url.odt", doc, "a11y-link-text")

    doc = draft(remote)
    cur = add(doc, "Text Body", "This remark is printed in light grey.")
    cur.gotoStartOfParagraph(True)
    cur.CharColor = 0xCCCCCC
    out("contrast.odt", doc, "a11y-contrast")

    doc = draft(remote)
    paragraph_style(doc, "Pale", CharColor=0xDDDDDD)
    add(doc, "Pale", "This remark is in a pale paragraph style.")
    out("contrast-style.odt", doc, "a11y-contrast")

    doc = draft(remote)
    cur = add(doc, "Text Body", "This remark is dark grey on a darker background.")
    cur.gotoStartOfParagraph(True)
    cur.CharColor = 0x333333
    # Format > Paragraph > Area > Color.  ParaBackColor (the old property) is ignored by 7.4 on
    # a paragraph (it reads back -1 and nothing is saved): the area's fill is what takes.
    para = last_paragraph(doc)
    para.FillStyle = SOLID
    para.FillColor = 0x222222
    out("contrast-background.odt", doc, "a11y-contrast")

    doc = draft(remote)
    cur = add(doc, "Text Body", "This remark has a blinking word.")
    cur.gotoStartOfParagraph(False)
    cur.goRight(len("This remark has a "), False)
    cur.goRight(len("blinking"), True)
    cur.CharFlash = True  # Format > Character > Font Effects > Blinking
    out("blinking.odt", doc, "a11y-blinking")

    doc = draft(remote)
    add(doc, "Text Body", "Beside this paragraph floats a box with a key fact.")
    frame = doc.createInstance("com.sun.star.text.TextFrame")
    frame.AnchorType = AT_PARAGRAPH
    frame.Name = "KeyFact"
    frame.Title = "Key fact"
    frame.Description = "Twelve areas take part."
    doc.Text.insertTextContent(end(doc), frame, False)
    frame.setSize(Size(5000, 2000))
    frame.Text.setString("Twelve areas take part.")
    out("floating-text.odt", doc, "a11y-floating-text")

    # a footnote typed by hand: a superscript "1" after the sentence, and a last paragraph
    # starting with a superscript "1"; once as Format > Character > Position > Superscript
    # makes it (automatic raise, 58%), once with a raise of 101% typed in that dialog
    for name, raise_by in (("fake-footnote.odt", SUPER_AUTO), ("fake-footnote-raise.odt", 101)):
        doc = draft(remote)
        cur = add(doc, "Text Body", "The 2012 guidance still applies.1")
        cur.goLeft(1, True)
        superscript(cur, raise_by)
        cur = add(doc, "Text Body", "1")
        cur.goLeft(1, True)
        superscript(cur, raise_by)
        cur.collapseToEnd()
        cur.setPropertyToDefault("CharEscapement")
        cur.setPropertyToDefault("CharEscapementHeight")
        doc.Text.insertString(cur, " See the 2012 guidance.", False)
        out(name, doc, "a11y-fake-footnote")

    out("title.odt", draft(remote, title=""), "a11y-title")

    doc = draft(remote)
    doc.CharLocale = NONE  # the document's default language set to [None]
    out("language.odt", doc, "a11y-language")

    doc = draft(remote)  # Default Paragraph Style > Font > Language [None]: every style inherits it
    doc.StyleFamilies.getByName("ParagraphStyles").getByName("Standard").CharLocale = NONE
    out("language-standard.odt", doc, "a11y-language")

    doc = draft(remote)
    paragraph_style(doc, "Unlabelled", CharLocale=NONE)
    add(doc, "Unlabelled", "The formula is x = 1.")
    out("language-style.odt", doc, "a11y-language")

    # Insert > Image with "Insert as link" to missing-figure.png beside the document, then the
    # file moved away (LibreOffice will not link a file that is not there); LibreOffice saves
    # the link relative to the document: ../missing-figure.png
    missing = os.path.join(outdir, "missing-figure.png")
    png(missing)
    doc = draft(remote)
    add(doc, "Text Body", "The areas covered are on this map: ")
    graphic(doc, remote, missing, title="Map of the areas", desc="A map of the twelve areas.",
            name="Map", linked=True)
    out("linked-image.odt", doc, "a11y-linked-image")
    os.unlink(missing)

    os.unlink(picture)
    with open(os.path.join(outdir, "fixtures.json"), "w") as f:
        json.dump({"made_by": "tests/a11y/lo_a11y.py", "fixtures": made}, f, indent=1)
        f.write("\n")


def main():
    if len(sys.argv) != 4 or sys.argv[2] != "fixtures":
        raise SystemExit("usage: lo_a11y.py PROFILE-DIR fixtures OUTDIR")
    profile, outdir = sys.argv[1], sys.argv[3]
    proc, remote = start_context(url(profile))
    desktop = remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
    try:
        make(remote, outdir)
    finally:
        stop(proc, desktop)


if __name__ == "__main__":
    main()
