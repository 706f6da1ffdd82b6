#!/usr/bin/env python3
"""redline_uno.py PROFILE-DIR IN.odt MODE OUT.odt — open a text document carrying ODF tracked
changes in a real headless LibreOffice Writer (python3-uno; soffice started and stopped as
tests/signoff/lo_uno.py does) and act on its tracked changes.  MODE is one of

  accept   Edit > Track Changes > Accept All, then save OUT.odt (writer8)
  reject   Edit > Track Changes > Reject All, then save OUT.odt (writer8)
  count    print JSON {"redlines": N, "insertions": n, "deletions": n, "authors": [...]}
           (N counts every tracked change, formatting ones too; OUT.odt is not needed)

accept/reject use the dispatcher commands .uno:AcceptAllTrackedChanges /
.uno:RejectAllTrackedChanges on the (hidden) document frame, which work headless; change
recording is turned off before saving, and the run fails if any tracked change is left.
Exit status 0 only if the file loaded as ODF text (filter writer8; a broken zip that Writer
would open as plain text is refused) and the operation succeeded.
The diff tests compare OUT.odt's text with NEW (accept) and OLD (reject)."""
import json, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "signoff"))
from lo_uno import load, save, start_context, stop, url  # noqa: E402  (one way to start soffice for every test)

ME = "redline_uno.py"
COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}


def redlines(doc):
    """The document's tracked changes, as a list of property sets (RedlineType, RedlineAuthor...)."""
    e = doc.Redlines.createEnumeration()
    out = []
    while e.hasMoreElements():
        out.append(e.nextElement())
    return out


def count(doc):
    rs = redlines(doc)
    types = [r.getPropertyValue("RedlineType") for r in rs]
    return {"redlines": len(rs), "insertions": types.count("Insert"),
            "deletions": types.count("Delete"),
            "authors": sorted({r.getPropertyValue("RedlineAuthor") for r in rs})}


def accept_or_reject(smgr, doc, mode):
    helper = smgr.createInstance("com.sun.star.frame.DispatchHelper")
    helper.executeDispatch(doc.CurrentController.Frame, COMMANDS[mode], "", 0, ())
    doc.RecordChanges = False
    left = len(redlines(doc))
    if left:
        raise SystemExit("%s: %d tracked change(s) left after %s all" % (ME, left, mode))


def main():
    if len(sys.argv) < 4 or sys.argv[3] not in ("accept", "reject", "count") \
            or (sys.argv[3] != "count" and len(sys.argv) != 5):
        raise SystemExit("usage: %s PROFILE-DIR IN.odt accept|reject|count [OUT.odt]" % ME)
    profile, src, mode = sys.argv[1:4]
    proc, remote = start_context(url(profile))
    smgr = remote.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
    try:
        try:
            doc = load(desktop, src)
        except Exception as e:  # IllegalArgumentException, IOException: unreadable file
            doc, why = None, ": %s" % getattr(e, "Message", e)
        else:
            why = ""
        if doc is None or not doc.supportsService("com.sun.star.text.TextDocument"):
            raise SystemExit("%s: LibreOffice could not load %s as a text document%s" % (ME, src, why))
        used = {a.Name: a.Value for a in doc.getArgs()}.get("FilterName")
        if used != "writer8":  # e.g. a broken zip opened as plain text
            doc.close(True)
            raise SystemExit("%s: %s loaded with filter %r, not as ODF text (writer8)" % (ME, src, used))
        if mode == "count":
            print(json.dumps(count(doc)))
            doc.close(True)
        else:
            accept_or_reject(smgr, doc, mode)
            save(doc, sys.argv[4])
    finally:
        stop(proc, desktop)


if __name__ == "__main__":
    main()
