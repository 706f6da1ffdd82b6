#!/usr/bin/env python3
"""mkpairs.py PROFILE-DIR BASE.odt OUTDIR — pairs of versions of a draft made by a real headless
LibreOffice Writer (python3-uno; soffice started and stopped as tests/signoff/lo_uno.py does,
once for all the cases), for odfgate diff (tests/diff/lo.sh).

BASE (samples/drafts/passing.odt: five H1 sections of the built-in schema, one body paragraph
each) is first opened and saved as OUTDIR/base.odt, so that both sides are LibreOffice-made.
Then, for each case, base.odt is opened, edited through the UNO text API (search in a
paragraph's string, text cursors, the controller's transferable for cut and paste, document
properties; never the XML), and saved as OUTDIR/<case>.odt:

  k1        why: one word replaced, two words inserted, in its paragraph
  k2        why: a new paragraph inserted; barriers: its whole paragraph deleted
  k3        working-together: heading renamed to the schema alias "Working together";
            vision and support: one word changed in each
  moved     the whole section "why" (heading and body) cut and pasted before "support"
  added     a new H1 "Funding arrangements" (no schema section) with two paragraphs,
            after "barriers"
  removed   the whole section "barriers" (heading and body) deleted
  format    bold and italic words, a paragraph centred, a paragraph given another body
            style, the page style's margins changed (no change to the text)
  meta      title, subject, keywords and a custom property set (no change)
  comment   a comment anchored on some words (no change)
  fields-resave  opened and saved again (no change)

Before saving, every case's paragraphs (outline level, text) as Writer holds them are checked
against the ones the case means to make (computed here in Python from base.odt's): an edit
that did not do what was meant stops the run (exit 1) rather than make a wrong expectation.

OUTDIR/expect.json: {"cases": [{"name", "file", "changed": bool, "sections": [...]}]}; each
entry of "sections" is a section expected not plain unchanged:
  {"id": schema id or null, "old_heading", "new_heading": the headings (null if absent),
   "status": "changed" | "added" | "removed" | "unchanged" (moved only),
   "moved": bool, "renamed": bool,
   "inserted": [words], "deleted": [words]}   # words: runs of letters and digits, sorted
Every other section must be unchanged, not moved, not renamed, with no words inserted or
deleted.  A deterministic run: the same edits, the same expect.json."""
import json, os, re, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "signoff"))
from lo_uno import load, paragraphs, prop, save, start_context, stop, url  # noqa: E402  (one way to start soffice for every test)

ME = "mkpairs.py"
SECTIONS = [("vision", "Common vision"), ("why", "Why integration is necessary"),
            ("working-together", "How we will work together"), ("barriers", "Potential barriers"),
            ("support", "Support needed")]
ID = {h: i for i, h in SECTIONS}


def words(text):
    return re.findall(r"[^\W_]+", text)


class Failed(Exception):
    pass


def model(doc):
    """[(outline level, text)] of the body text's paragraphs (level 0: not a heading)."""
    return [(p.OutlineLevel, p.getString()) for p in paragraphs(doc)]


def paras(doc):
    return list(paragraphs(doc))


def heading_index(ps, heading):
    for i, p in enumerate(ps):
        if p.OutlineLevel > 0 and p.getString() == heading:
            return i
    raise Failed("heading %r not found" % heading)


def body_of(ps, heading):
    """The first body paragraph after HEADING."""
    return ps[heading_index(ps, heading) + 1]


def cursor_on(doc, para, phrase):
    """A text cursor selecting PHRASE, which must occur exactly once in the paragraph."""
    s = para.getString()
    if s.count(phrase) != 1:
        raise Failed("%r occurs %d times in %r" % (phrase, s.count(phrase), s[:40]))
    c = doc.Text.createTextCursorByRange(para.getStart())
    c.goRight(s.index(phrase), False)
    c.goRight(len(phrase), True)
    return c


def replace_in(doc, para, old, new):
    cursor_on(doc, para, old).setString(new)


def insert_before(doc, para, phrase, text):
    c = cursor_on(doc, para, phrase)
    c.collapseToStart()
    doc.Text.insertString(c, text, False)


def append_paragraph(doc, after, text, style):
    """A new paragraph in paragraph style STYLE after the paragraph AFTER.  (Writer splits a
    paragraph by moving the text before the break to a new node: the object AFTER then stands
    for the new, empty paragraph, so the paragraphs are enumerated again.)"""
    from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK
    was = after.getString()
    i = next(n for n, p in enumerate(paras(doc)) if p.getString() == was)
    doc.Text.insertControlCharacter(doc.Text.createTextCursorByRange(after.getEnd()), PARAGRAPH_BREAK, False)
    new = paras(doc)[i + 1]
    if new.getString() != "" or paras(doc)[i].getString() != was:
        raise Failed("the paragraph break went elsewhere: %r" % [p.getString()[:30] for p in paras(doc)])
    new.ParaStyleName = style
    doc.Text.insertString(new.getStart(), text, False)


def delete_range(doc, from_end_of, to_end_of):
    """Delete from the end of one paragraph to the end of a later one: the later ones go
    whole (text and paragraph breaks), the first stays as it was."""
    c = doc.Text.createTextCursorByRange(from_end_of.getEnd())
    c.gotoRange(to_end_of.getEnd(), True)
    c.setString("")


# --- the expected paragraphs, from base.odt's (list of (level, text)) ---------------------

def m_replace(m, i, old, new):
    level, text = m[i]
    assert text.count(old) == 1, (old, text)
    m[i] = (level, text.replace(old, new))


def m_find(m, heading):
    return next(i for i, (lv, t) in enumerate(m) if lv > 0 and t == heading)


# --- the cases: each edits the open doc, the expected model, and says what is expected ------

NEW_PARA = "Joint teams will report to one board in every area from next April."
FUND_HEAD = "Funding arrangements"
FUND_1 = "Budgets will be pooled where partners agree, under one written agreement."
FUND_2 = "Each area will publish its pooled budget and how it was spent every year."


def case_k1(doc, m):
    ps = paras(doc)
    why = body_of(ps, "Why integration is necessary")
    replace_in(doc, why, "is rising faster", "is growing faster")
    insert_before(doc, why, "people are admitted", "frail older ")
    i = m_find(m, "Why integration is necessary") + 1
    m_replace(m, i, "is rising faster", "is growing faster")
    m_replace(m, i, "people are admitted", "frail older people are admitted")
    return [sec("why", inserted=["growing", "frail", "older"], deleted=["rising"])]


def case_k2(doc, m):
    ps = paras(doc)
    why = body_of(ps, "Why integration is necessary")
    append_paragraph(doc, why, NEW_PARA, why.ParaStyleName)
    ps = paras(doc)
    h = heading_index(ps, "Potential barriers")
    gone = ps[h + 1].getString()
    delete_range(doc, ps[h], ps[h + 1])
    i = m_find(m, "Why integration is necessary") + 1
    m.insert(i + 1, (0, NEW_PARA))
    j = m_find(m, "Potential barriers") + 1
    assert m[j][1] == gone
    del m[j]
    return [sec("why", inserted=words(NEW_PARA)), sec("barriers", deleted=words(gone))]


def case_k3(doc, m):
    ps = paras(doc)
    wt = ps[heading_index(ps, "How we will work together")]
    replace_in(doc, wt, "How we will work together", "Working together")
    replace_in(doc, body_of(ps, "Common vision"), "care should experience", "care must experience")
    replace_in(doc, body_of(ps, "Support needed"), "for practical help", "for concrete help")
    m_replace(m, m_find(m, "How we will work together"), "How we will work together", "Working together")
    m_replace(m, m_find(m, "Common vision") + 1, "care should experience", "care must experience")
    m_replace(m, m_find(m, "Support needed") + 1, "for practical help", "for concrete help")
    return [sec("vision", inserted=["must"], deleted=["should"]),
            sec("working-together", heading="Working together", renamed=True,
                inserted=["Working"], deleted=["How", "we", "will", "work"]),
            sec("support", inserted=["concrete"], deleted=["practical"])]


def case_moved(doc, m):
    """Cut "why" (from the start of its heading to the start of the next heading) through the
    controller's transferable, as Edit > Cut does, and paste it at the start of "support"."""
    ps = paras(doc)
    h = heading_index(ps, "Why integration is necessary")
    ctl = doc.CurrentController
    c = doc.Text.createTextCursorByRange(ps[h].getStart())
    c.gotoRange(ps[h + 2].getStart(), True)
    ctl.select(c)
    clip = ctl.getTransferable()
    c.setString("")
    ps = paras(doc)
    ctl.select(doc.Text.createTextCursorByRange(ps[heading_index(ps, "Support needed")].getStart()))
    ctl.insertTransferable(clip)
    h = m_find(m, "Why integration is necessary")
    cut = m[h:h + 2]
    del m[h:h + 2]
    s = m_find(m, "Support needed")
    m[s:s] = cut
    return [sec("why", status="unchanged", moved=True)]


def case_added(doc, m):
    ps = paras(doc)
    barriers = body_of(ps, "Potential barriers")
    head_style = ps[heading_index(ps, "Potential barriers")].ParaStyleName
    body_style = barriers.ParaStyleName
    append_paragraph(doc, barriers, FUND_HEAD, head_style)
    ps = paras(doc)
    p1 = ps[heading_index(ps, FUND_HEAD)]
    append_paragraph(doc, p1, FUND_1, body_style)
    ps = paras(doc)
    append_paragraph(doc, ps[heading_index(ps, FUND_HEAD) + 1], FUND_2, body_style)
    i = m_find(m, "Potential barriers") + 2
    m[i:i] = [(1, FUND_HEAD), (0, FUND_1), (0, FUND_2)]
    return [sec(None, heading=FUND_HEAD, status="added",
                inserted=words(FUND_HEAD) + words(FUND_1) + words(FUND_2))]


def case_removed(doc, m):
    ps = paras(doc)
    h = heading_index(ps, "Potential barriers")
    head, body = ps[h].getString(), ps[h + 1].getString()
    delete_range(doc, ps[h - 1], ps[h + 1])
    i = m_find(m, "Potential barriers")
    del m[i:i + 2]
    return [sec("barriers", status="removed", deleted=words(head) + words(body))]


def case_format(doc, m):
    from com.sun.star.awt.FontSlant import ITALIC
    from com.sun.star.awt.FontWeight import BOLD
    from com.sun.star.style.ParagraphAdjust import CENTER
    ps = paras(doc)
    cursor_on(doc, body_of(ps, "Common vision"), "joined-up service").CharWeight = BOLD
    cursor_on(doc, body_of(ps, "Why integration is necessary"), "pooled budgets").CharPosture = ITALIC
    body_of(ps, "How we will work together").ParaAdjust = CENTER
    styles = doc.StyleFamilies.getByName("ParagraphStyles")
    other = next(s for s in ("Text body indent", "Body Text Indent", "Quotations") if styles.hasByName(s))
    barriers = body_of(ps, "Potential barriers")
    if barriers.ParaStyleName == other:
        raise Failed("the barriers paragraph is already in %r" % other)
    barriers.ParaStyleName = other
    used = set()
    for p in ps:
        c = doc.Text.createTextCursorByRange(p.getStart())
        used.add(c.PageStyleName)
    pages = doc.StyleFamilies.getByName("PageStyles")
    for name in sorted(used):
        page = pages.getByName(name)
        page.LeftMargin, page.RightMargin = page.LeftMargin + 700, page.RightMargin + 300
        page.TopMargin, page.BottomMargin = page.TopMargin + 500, page.BottomMargin + 400
    return []


def case_meta(doc, m):
    props = doc.DocumentProperties
    props.Title = "Integrated care: a common purpose framework (revised)"
    props.Subject = "Integrated care"
    props.Keywords = ("integration", "care", "framework")
    udp = props.UserDefinedProperties
    if udp.getPropertySetInfo().hasPropertyByName("Reviewer"):
        udp.removeProperty("Reviewer")
    udp.addProperty("Reviewer", 128, "Policy team")  # 128 = REMOVABLE
    return []


def case_comment(doc, m):
    from com.sun.star.util import DateTime
    ps = paras(doc)
    c = cursor_on(doc, body_of(ps, "Why integration is necessary"), "separate assessments")
    note = doc.createInstance("com.sun.star.text.textfield.Annotation")
    note.Author = "Reviewer"
    note.Content = "Name the assessments meant here."
    note.DateTimeValue = DateTime(0, 0, 0, 12, 1, 3, 2026, False)
    doc.Text.insertTextContent(c, note, True)
    return []


def case_fields_resave(doc, m):
    doc.TextFields.refresh()
    return []


CASES = [("k1", case_k1), ("k2", case_k2), ("k3", case_k3), ("moved", case_moved),
         ("added", case_added), ("removed", case_removed), ("format", case_format),
         ("meta", case_meta), ("comment", case_comment), ("fields-resave", case_fields_resave)]
# Cases edited on a document model without a view (XLoadable.load, no frame): a Writer view
# of a document with a comment builds the comment's sidebar window from a .ui file, which
# LibreOffice packages without a GUI (libreoffice-writer-nogui) lack: soffice aborts
# (NoSuchElementException from Application::CreateInterimBuilder).
VIEWLESS = {"comment"}


def load_model(smgr, remote, path):
    """PATH opened as a text document model only: no frame, no view."""
    doc = smgr.createInstanceWithContext("com.sun.star.text.TextDocument", remote)
    doc.load((prop("URL", url(path)), prop("FilterName", "writer8")))
    return doc


def sec(sid, heading=None, status="changed", moved=False, renamed=False, inserted=(), deleted=()):
    """An expected section; HEADING: NEW's heading (OLD's when removed) if not the schema's."""
    base = dict(SECTIONS).get(sid)
    new = heading if heading is not None else base
    return {"id": sid, "old_heading": None if status == "added" else base,
            "new_heading": None if status == "removed" else new,
            "status": status, "moved": moved, "renamed": renamed,
            "inserted": sorted(inserted), "deleted": sorted(deleted)}


def main():
    if len(sys.argv) != 4:
        raise SystemExit("usage: %s PROFILE-DIR BASE.odt OUTDIR" % ME)
    profile, base, outdir = sys.argv[1:4]
    os.makedirs(outdir, exist_ok=True)
    base_out = os.path.join(outdir, "base.odt")
    proc, remote = start_context(url(profile))
    smgr = remote.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
    failed = []
    expect = {"base": "base.odt", "cases": []}
    try:
        doc = load(desktop, base)
        if doc is None:
            raise SystemExit("%s: LibreOffice could not load %s" % (ME, base))
        save(doc, base_out)
        for name, fn in CASES:
            doc = load_model(smgr, remote, base_out) if name in VIEWLESS else load(desktop, base_out)
            try:
                m = model(doc)
                if [(lv, t) for lv, t in m if lv] != [(1, h) for _, h in SECTIONS]:
                    raise Failed("base.odt's headings are %r" % [t for lv, t in m if lv])
                sections = fn(doc, m)
                got = model(doc)
                if got != m:
                    raise Failed("the edit made the paragraphs\n  %r\nmeant\n  %r" % (got, m))
                save(doc, os.path.join(outdir, name + ".odt"))
            except Exception as e:  # Failed, or a UNO exception
                failed.append(name)
                print("%s: case %s: %s" % (ME, name, getattr(e, "Message", None) or e), file=sys.stderr)
                doc.close(True)
                continue
            expect["cases"].append({"name": name, "file": name + ".odt", "changed": bool(sections),
                                    "sections": sections})
    finally:
        stop(proc, desktop)
    with open(os.path.join(outdir, "expect.json"), "w") as f:
        json.dump(expect, f, indent=1, sort_keys=True)
        f.write("\n")
    if failed:
        raise SystemExit("%s: cases not made: %s" % (ME, " ".join(failed)))


if __name__ == "__main__":
    main()
