#!/usr/bin/env python3
"""lo_hygiene.py PROFILE-DIR OPERATION ... — the hygiene tests' LibreOffice side (python3-uno;
soffice started once per call as tests/signoff/lo_uno.py does).

  fixtures OUTDIR     make one Writer document per hygiene class through the UNO API (never
                      the XML) and OUTDIR/fixtures.json naming the rule each must fire:
                      clean, comments, changes, hidden-text, personal-info, macros,
                      embedded-objects (a chart), linked-resources, stale-index.  All but personal-info
                      are saved with "remove personal information on saving" on, so that no
                      author, printer or editing time is there by accident.
  inspect FILE...     one JSON object per file as LibreOffice sees it: comments (annotation
                      fields), changes (redlines), author, modified_by, printed_by, template,
                      basic_modules, dialogs (modules and dialogs in the document's
                      libraries), events_bound (document events with a macro), objects
                      (embedded objects), or error.
  changes OUTDIR      make the tracked-change cases (tests/hygiene/changes.sh): each a kind of
                      change LibreOffice records when a drafter edits with Track Changes on
                      (insertions and deletions within and across paragraphs, a paragraph
                      deleted before a heading, formatting, a list item, a table cell), and
                      OUTDIR/cases.txt listing them
  paragraphs FILE...  one JSON object per file: its body as LibreOffice reads it, one entry per
                      paragraph or table, ["p", style, outline level, text] or ["table"]
  counts LIST OUT     for each path in the file LIST: PATH<TAB>comments<TAB>changes<TAB>status
                      into OUT (status "ok", or why LibreOffice did not open it; a document
                      that takes over 60 s is given up and soffice started again).
"""
import json, os, sys, threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "signoff"))
from lo_uno import prop, save, start_context, stop, url  # noqa: E402


BODY = [("Heading 1", "Purpose"),
        ("Text Body", "This statement sets out how the parties will work together on integrated care."),
        ("Heading 1", "Scope"),
        ("Text Body", "It covers health and social care services for adults in every area.")]


FLAT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
"""
FLAT_BODY = """<text:h text:outline-level="1">Purpose</text:h>
<text:p>This statement sets out how the parties will work together on integrated care.</text:p>
<text:h text:outline-level="1">%s</text:h>
<text:p>It covers health and social care services for adults in every area.</text:p>
"""
FLAT_TAIL = "</office:text></office:body></office:document>\n"
TOC_FODT = FLAT_HEAD + """<text:table-of-content text:name="Table of Contents1"><text:table-of-content-source
 text:outline-level="10"><text:index-title-template>Contents</text:index-title-template>
</text:table-of-content-source><text:index-body><text:index-title text:name="Table of Contents1_Head">
<text:p>Contents</text:p></text:index-title><text:p>Purpose<text:tab/>1</text:p>
<text:p>Scope<text:tab/>1</text:p></text:index-body></text:table-of-content>
""" + FLAT_BODY % "Scope and coverage" + FLAT_TAIL


def from_flat(remote, outdir, xml):
    flat = os.path.join(outdir, ".import.fodt")
    with open(flat, "w") as f:
        f.write(xml)
    try:
        return model(remote, flat)
    finally:
        os.unlink(flat)


def config(remote, path, name, value):
    """Set a configuration property (e.g. org.openoffice.Office.Common/Security/Scripting)."""
    cp = remote.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", remote)
    acc = cp.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                         (prop("nodepath", path),))
    acc.setPropertyValue(name, value)
    acc.commitChanges()


def model(remote, path=None, extra=()):
    """A document model without a frame or view: Writer's comment windows need .ui files the
    -nogui packages lack, and a document with comments in a view (even hidden) aborts soffice
    (as tests/libreoffice/lo_driver.py does)."""
    doc = remote.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument", remote)
    if path is None:
        doc.initNew()
    else:
        ext = path.rsplit(".", 1)[-1].lower()
        filt = {"fodt": "OpenDocument Text Flat XML", "ott": "writer8_template"}.get(ext, "writer8")
        doc.load((prop("URL", url(os.path.abspath(path))), prop("FilterName", filt)) + tuple(extra))
    return doc


def new_draft(remote):
    doc = model(remote)
    text = doc.Text
    cur = text.createTextCursor()
    for i, (style, s) in enumerate(BODY):
        if i:
            text.insertControlCharacter(cur, 0, False)  # PARAGRAPH_BREAK
        cur.ParaStyleName = style
        text.insertString(cur, s, False)
    return doc


def paragraph(doc, n):
    e = doc.Text.createEnumeration()
    for _ in range(n):
        e.nextElement()
    return e.nextElement()


def add_paragraph(doc, s):
    text = doc.Text
    cur = text.createTextCursor()
    cur.gotoEnd(False)
    text.insertControlCharacter(cur, 0, False)
    cur.ParaStyleName = "Text Body"
    text.insertString(cur, s, False)
    return cur


def word_range(doc, n_para, word):
    p = paragraph(doc, n_para)
    i = p.getString().index(word)
    cur = doc.Text.createTextCursorByRange(p.getStart())
    cur.goRight(i, False)
    cur.goRight(len(word), True)
    return cur


def make(desktop, remote, outdir):
    os.makedirs(outdir, exist_ok=True)
    made = []
    scripting = "/org.openoffice.Office.Common/Security/Scripting"

    def out(name, doc, rule, remove_personal=True):
        config(remote, scripting, "RemovePersonalInfoOnSaving", remove_personal)
        save(doc, os.path.join(outdir, name))
        doc.close(True)
        made.append({"file": name, "rule": rule})

    out("clean.odt", new_draft(remote), None)
    base = os.path.join(outdir, "clean.odt")

    def from_base(_):  # every other fixture starts from clean.odt as saved
        return model(remote, base)

    doc = from_base(desktop)
    from com.sun.star.util import DateTime
    c = doc.createInstance("com.sun.star.text.textfield.Annotation")
    c.Author = "Jane Drafter"
    c.Content = "Is this agreed by every party?"
    c.DateTimeValue = DateTime(0, 0, 0, 10, 1, 12, 2026, False)
    doc.Text.insertTextContent(word_range(doc, 3, "health"), c, True)
    out("comments.odt", doc, "hidden-comments")

    doc = from_base(desktop)
    doc.RecordChanges = True
    cur = word_range(doc, 3, "adults")
    cur.collapseToEnd()
    doc.Text.insertString(cur, " and carers", False)
    doc.RecordChanges = False
    out("changes.odt", doc, "hidden-changes")

    doc = from_base(desktop)
    cur = add_paragraph(doc, "Internal note: do not publish.")
    cur.gotoStartOfParagraph(True)
    cur.CharHidden = True
    add_paragraph(doc, "The parties will review this statement every year.")
    out("hidden-text.odt", doc, "hidden-text")

    doc = from_base(desktop)
    dp = doc.DocumentProperties
    dp.Author = "Jane Drafter"
    dp.ModifiedBy = "Jane Drafter"
    dp.PrintedBy = "Jane Drafter"
    dp.TemplateURL = "file:///home/jane/Templates/statement.ott"
    dp.TemplateName = "statement"
    dp.EditingCycles = 7
    dp.EditingDuration = 3600
    out("personal-info.odt", doc, "personal-info", remove_personal=False)

    doc = from_base(desktop)
    libs = doc.BasicLibraries
    if not libs.hasByName("Standard"):
        libs.createLibrary("Standard")
    libs.getByName("Standard").insertByName("Module1", "Sub Main\n  MsgBox \"hello\"\nEnd Sub\n")
    out("macros.odt", doc, "macros")

    # A chart is an embedded object LibreOffice makes without a view (a Math formula needs
    # libreoffice-math, which the -nogui set lacks).
    doc = from_base(desktop)
    chart = doc.createInstance("com.sun.star.text.TextEmbeddedObject")
    chart.CLSID = "12dcae26-281f-416f-a234-c3086127382e"  # LibreOffice's chart
    doc.Text.insertTextContent(add_paragraph(doc, "The figures: "), chart, False)
    out("embedded-objects.odt", doc, "embedded-objects")

    # A table of contents needs a layout (a view) to be generated, which the model-only
    # documents here lack: LibreOffice imports one from a flat document and saves its own
    # package (it drops the entries it cannot lay out: an index never generated, which is
    # stale).
    doc = from_base(desktop)
    cur = add_paragraph(doc, "See the internal policy for details.")
    cur.gotoStartOfParagraph(False)
    cur.goRight(len("See the "), False)
    cur.goRight(len("internal policy"), True)
    cur.HyperLinkURL = "http://intranet/policy"
    out("linked-resources.odt", doc, "linked-resources")

    doc = from_flat(remote, outdir, TOC_FODT)
    out("stale-index.odt", doc, "stale-index")

    with open(os.path.join(outdir, "fixtures.json"), "w") as f:
        json.dump({"fixtures": made}, f, indent=1)
        f.write("\n")


def make_changes(remote, outdir):
    """The tracked-change cases: clean.odt's body edited through the text API with change
    recording on (LibreOffice records what the API does as it records typing)."""
    os.makedirs(outdir, exist_ok=True)
    base = os.path.join(outdir, ".base.odt")
    d = new_draft(remote)
    add_paragraph(d, "The parties will review this statement every year.")
    save(d, base)
    d.close(True)
    cases = []

    def case(name, edit):
        doc = model(remote, base)
        doc.RecordChanges = True
        edit(doc)
        doc.RecordChanges = False
        save(doc, os.path.join(outdir, name))
        doc.close(True)
        cases.append(name)

    def insert_inline(doc):
        cur = word_range(doc, 3, "adults")
        cur.collapseToEnd()
        doc.Text.insertString(cur, " and carers", False)

    def delete_inline(doc):
        cur = word_range(doc, 3, "social ")
        cur.setString("")

    def insert_paragraph(doc):  # Enter at the end of a paragraph, then a sentence
        cur = doc.Text.createTextCursorByRange(paragraph(doc, 1).getEnd())
        doc.Text.insertControlCharacter(cur, 0, False)
        doc.Text.insertString(cur, "A new paragraph between the two.", False)

    def insert_split(doc):  # a paragraph break typed inside a sentence, with words around it
        cur = word_range(doc, 1, "will")
        cur.collapseToStart()
        doc.Text.insertString(cur, "first ", False)
        doc.Text.insertControlCharacter(cur, 0, False)
        doc.Text.insertString(cur, "then ", False)

    def delete_paragraph(doc):  # a whole paragraph and its break, before a heading
        p = paragraph(doc, 1)
        cur = doc.Text.createTextCursorByRange(p.getStart())
        cur.gotoRange(paragraph(doc, 2).getStart(), True)
        cur.setString("")

    def delete_across(doc):  # from within one paragraph, over a heading, into another
        cur = word_range(doc, 1, "work together")
        cur.collapseToStart()
        cur.gotoRange(word_range(doc, 3, "social").getStart(), True)
        cur.setString("")

    def delete_last(doc):  # the last paragraph and the break before it
        cur = doc.Text.createTextCursorByRange(paragraph(doc, 3).getEnd())
        cur.gotoEnd(True)
        cur.setString("")

    def delete_from_heading(doc):  # from within a heading into the paragraph under it
        cur = word_range(doc, 0, "pose")
        cur.collapseToStart()
        cur.gotoRange(word_range(doc, 1, "how").getStart(), True)
        cur.setString("")

    def delete_into_heading(doc):  # from within a paragraph into the heading after it
        cur = word_range(doc, 1, "on integrated")
        cur.collapseToStart()
        cur.gotoRange(word_range(doc, 2, "ope").getStart(), True)
        cur.setString("")

    def list_item(doc):  # a list of three, its middle item deleted, a fourth added
        text = doc.Text
        cur = add_paragraph(doc, "first item")
        doc.RecordChanges = False
        for s in ("second item", "third item"):
            text.insertControlCharacter(cur, 0, False)
            text.insertString(cur, s, False)
        c = text.createTextCursorByRange(paragraph(doc, 5).getStart())
        c.gotoRange(paragraph(doc, 7).getEnd(), True)
        c.NumberingStyleName = "List 1"
        doc.RecordChanges = True
        c = text.createTextCursorByRange(paragraph(doc, 6).getStart())
        c.gotoRange(paragraph(doc, 7).getStart(), True)
        c.setString("")
        c = text.createTextCursorByRange(paragraph(doc, 7).getEnd())
        text.insertControlCharacter(c, 0, False)
        text.insertString(c, "fourth item", False)

    def format_bold(doc):
        word_range(doc, 1, "integrated care").CharWeight = 150.0

    def replace_word(doc):  # a word typed over: a deletion and an insertion side by side
        cur = word_range(doc, 3, "every")
        cur.setString("each")

    def two_changes(doc):
        insert_inline(doc)
        cur = word_range(doc, 1, "sets out")
        cur.setString("")

    for name, edit in (("insert-inline.odt", insert_inline), ("delete-inline.odt", delete_inline),
                       ("insert-paragraph.odt", insert_paragraph), ("insert-split.odt", insert_split),
                       ("delete-paragraph.odt", delete_paragraph), ("delete-across.odt", delete_across),
                       ("delete-last.odt", delete_last), ("format.odt", format_bold),
                       ("delete-from-heading.odt", delete_from_heading),
                       ("delete-into-heading.odt", delete_into_heading), ("list-item.odt", list_item),
                       ("replace-word.odt", replace_word), ("two-changes.odt", two_changes)):
        case(name, edit)
    os.unlink(base)
    with open(os.path.join(outdir, "cases.txt"), "w") as f:
        f.write("\n".join(cases) + "\n")


def paragraphs(remote, paths):
    for path in paths:
        j = {"path": path}
        try:
            doc = load_safely(remote, path)
            body = []
            e = doc.Text.createEnumeration()
            while e.hasMoreElements():
                el = e.nextElement()
                if el.supportsService("com.sun.star.text.TextTable"):
                    body.append(["table"])
                else:
                    body.append(["p", el.ParaStyleName, el.OutlineLevel, el.getString()])
            j["body"] = body
            j["changes"] = redlines(doc)
            doc.close(True)
        except Exception as ex:  # noqa: BLE001
            j["error"] = "%s: %s" % (type(ex).__name__, ex)
        print(json.dumps(j), flush=True)


def load_safely(remote, path):
    """Read only (no lock file beside the document), macros never run, links not updated."""
    return model(remote, path, (prop("ReadOnly", True), prop("MacroExecutionMode", 0),
                                prop("UpdateDocMode", 0)))


def annotations(doc):
    n = 0
    e = doc.getTextFields().createEnumeration()
    while e.hasMoreElements():
        if e.nextElement().supportsService("com.sun.star.text.TextField.Annotation"):
            n += 1
    return n


def redlines(doc):
    try:
        return doc.getRedlines().getCount()
    except Exception:
        return doc.Redlines.getCount()


def inspect(remote, paths):
    for path in paths:
        j = {"path": path}
        try:
            doc = load_safely(remote, path)
            dp = doc.DocumentProperties
            j.update(comments=annotations(doc), changes=redlines(doc), author=dp.Author,
                     modified_by=dp.ModifiedBy, printed_by=dp.PrintedBy, template=dp.TemplateURL)
            mods = dialogs = 0
            for libs, key in ((doc.BasicLibraries, "m"), (doc.DialogLibraries, "d")):
                for name in libs.getElementNames():
                    libs.loadLibrary(name)
                    n = len(libs.getByName(name).getElementNames())
                    if key == "m":
                        mods += n
                    else:
                        dialogs += n
            j.update(basic_modules=mods, dialogs=dialogs)
            ev = []
            for name in doc.Events.getElementNames():
                for p in doc.Events.getByName(name) or ():
                    if p.Name == "Script" and p.Value:
                        ev.append(name)
            j["events_bound"] = ev
            j["objects"] = doc.getEmbeddedObjects().getCount()
            doc.close(True)
        except Exception as ex:  # noqa: BLE001 (any UNO failure is reported, not fatal)
            j["error"] = "%s: %s" % (type(ex).__name__, ex)
        print(json.dumps(j), flush=True)


def counts(profile, listfile, outfile):
    paths = [l.rstrip("\n") for l in open(listfile) if l.strip()]
    proc, remote = start_context(url(profile))
    with open(outfile, "w") as out:
        for path in paths:
            timer = threading.Timer(60, proc.kill)
            timer.start()
            try:
                doc = load_safely(remote, path)
                if not doc.supportsService("com.sun.star.text.TextDocument"):
                    status, c, r = "load-failed: not a text document", "", ""
                    doc.close(True)
                else:
                    c, r, status = annotations(doc), redlines(doc), "ok"
                    doc.close(True)
            except Exception as ex:  # noqa: BLE001
                status, c, r = "load-failed: %s" % type(ex).__name__, "", ""
            timer.cancel()
            if proc.poll() is not None:  # killed (too slow) or crashed: start again
                status = "load-failed: soffice gave up"
                proc, remote = start_context(url(profile))
            out.write("%s\t%s\t%s\t%s\n" % (path, c, r, status))
            out.flush()
    stop(proc, remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote))


def main():
    profile, op, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    if op == "counts":
        counts(profile, args[0], args[1])
        return
    proc, remote = start_context(url(profile))
    desktop = remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
    try:
        if op == "fixtures":
            make(desktop, remote, args[0])
        elif op == "inspect":
            inspect(remote, args)
        elif op == "changes":
            make_changes(remote, args[0])
        elif op == "paragraphs":
            paragraphs(remote, args)
        else:
            raise SystemExit("lo_hygiene.py: unknown operation " + op)
    finally:
        stop(proc, desktop)


if __name__ == "__main__":
    main()
