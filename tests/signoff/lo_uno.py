#!/usr/bin/env python3
"""lo_uno.py PROFILE-DIR OPERATION... — drive a real headless LibreOffice through python3-uno.

Starts one soffice (fresh profile, private pipe), runs the operations in order, stops it.
Operations (each one argument, fields separated by '|'):
  props|IN                  print JSON {name: value} of the user-defined (custom) properties
  resave|IN|OUT             open and save as ODF text, unchanged
  edit|IN|OUT|HEADING       append a sentence to the first paragraph after HEADING
  format|IN|OUT             bold the first word of a body paragraph, change a paragraph's style
  setprop|IN|OUT|NAME|VALUE add or replace a custom string property
  fill|IN|OUT               replace every paragraph that starts with "[insert" by 60 words
  outline|IN                print JSON [[level, heading], ...] of the outline LibreOffice sees
  fixdate|IN|OUT|Y-M-D      set every fixed date field to that date
  replace|IN|OUT|OLD|NEW    replace typed text (not fields) OLD by NEW everywhere
  fields|IN                 print JSON [[field service, shown text], ...] of the text fields
Exit status 0 only if every operation succeeded."""
import json, os, subprocess, sys, time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def start_context(profile_url, stderr=subprocess.DEVNULL):
    """Start soffice on a profile (a file: URL) with a private pipe; (process, remote context)."""
    pipe = "odfgate%d" % os.getpid()
    proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                             "-env:UserInstallation=" + profile_url,
                             "--accept=pipe,name=%s;urp;" % pipe],
                            stdout=subprocess.DEVNULL, stderr=stderr)
    ctx = uno.getComponentContext()
    resolver = ctx.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", ctx)
    deadline = time.time() + 60
    while True:
        try:
            return proc, resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except NoConnectException:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise SystemExit("%s: soffice did not start" % os.path.basename(sys.argv[0]))
            time.sleep(0.3)


def start(profile):
    proc, remote = start_context(url(profile))
    return proc, remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)


def stop(proc, desktop):
    """Ask soffice to quit; kill it if it has not within 20 s."""
    try:
        desktop.terminate()
    except Exception:
        pass
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def load(desktop, path):
    return desktop.loadComponentFromURL(url(path), "_blank", 0, (prop("Hidden", True),))


def save(doc, out):
    doc.storeToURL(url(out), (prop("FilterName", "writer8"),))
    doc.close(True)


def paragraphs(doc):
    e = doc.Text.createEnumeration()
    while e.hasMoreElements():
        p = e.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph"):
            yield p


def op_props(desktop, src):
    doc = load(desktop, src)
    udp = doc.DocumentProperties.UserDefinedProperties
    values = {p.Name: udp.getPropertyValue(p.Name) for p in udp.getPropertySetInfo().getProperties()}
    doc.close(True)
    print(json.dumps(values))


def op_resave(desktop, src, out):
    save(load(desktop, src), out)


def op_edit(desktop, src, out, heading):
    doc = load(desktop, src)
    found = False
    for p in paragraphs(doc):
        if found:
            p.getEnd().setString(" An added sentence.")
            break
        found = p.getString().strip() == heading
    if not found:
        raise SystemExit("lo_uno.py: heading %r not found" % heading)
    save(doc, out)


def op_format(desktop, src, out):
    from com.sun.star.awt.FontWeight import BOLD
    doc = load(desktop, src)
    body = [p for p in paragraphs(doc) if not p.ParaStyleName.startswith("Heading") and p.getString()]
    cursor = doc.Text.createTextCursorByRange(body[0].getStart())
    cursor.gotoEndOfWord(True)
    cursor.CharWeight = BOLD
    body[1].ParaStyleName = "Quotations"
    save(doc, out)


def op_setprop(desktop, src, out, name, value):
    doc = load(desktop, src)
    udp = doc.DocumentProperties.UserDefinedProperties
    if udp.getPropertySetInfo().hasPropertyByName(name):
        udp.removeProperty(name)
    udp.addProperty(name, 128, value)  # 128 = REMOVABLE
    save(doc, out)


FILLER = ("Local partners will plan services together around the needs of the people who use "
          "them, share information safely, pool budgets where that helps, and judge progress by "
          "the outcomes that matter to patients, carers and staff. Each organisation will name a "
          "senior lead, publish its commitments, and report openly every year on what has changed "
          "for people in the area.")


def op_fill(desktop, src, out):
    doc = load(desktop, src)
    for p in paragraphs(doc):
        if p.getString().startswith("[insert"):
            p.setString(FILLER)
    save(doc, out)


def op_outline(desktop, src):
    doc = load(desktop, src)
    print(json.dumps([[p.OutlineLevel, p.getString()] for p in paragraphs(doc) if p.OutlineLevel > 0]))
    doc.close(True)


def op_fixdate(desktop, src, out, day):
    from com.sun.star.util import DateTime
    doc = load(desktop, src)
    y, m, d = (int(x) for x in day.split("-"))
    n = 0
    e = doc.TextFields.createEnumeration()
    while e.hasMoreElements():
        f = e.nextElement()
        if f.supportsService("com.sun.star.text.TextField.DateTime") and f.IsFixed:
            f.DateTimeValue = DateTime(0, 0, 0, 12, d, m, y, False)
            n += 1
    if not n:
        raise SystemExit("lo_uno.py: no fixed date field in %s" % src)
    doc.TextFields.refresh()
    save(doc, out)


def op_replace(desktop, src, out, old, new):
    doc = load(desktop, src)
    r = doc.createReplaceDescriptor()
    r.SearchString, r.ReplaceString = old, new
    if not doc.replaceAll(r):
        raise SystemExit("lo_uno.py: %r not found in %s" % (old, src))
    save(doc, out)


def op_fields(desktop, src):
    doc = load(desktop, src)
    out = []
    e = doc.TextFields.createEnumeration()
    while e.hasMoreElements():
        f = e.nextElement()
        out.append([f.ImplementationName, f.getPresentation(False)])
    doc.close(True)
    print(json.dumps(sorted(out)))


def main():
    profile, ops = sys.argv[1], sys.argv[2:]
    proc, desktop = start(profile)
    try:
        for op in ops:
            name, *args = op.split("|")
            globals()["op_" + name](desktop, *args)
    finally:
        stop(proc, desktop)


if __name__ == "__main__":
    main()
