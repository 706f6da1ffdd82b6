#!/usr/bin/env python3
"""redline_batch.py PROFILE-DIR OPERATION... — redline_uno.py's operations for many files in
one soffice (started and stopped as tests/signoff/lo_uno.py does): each start costs seconds.

Operations (each one argument, fields separated by '|'):
  count|IN.odt              {"redlines": N, "insertions": n, "deletions": n, "authors": [...]}
  accept|IN.odt|OUT.odt     Accept All, save OUT.odt (writer8); no tracked change may be left
  reject|IN.odt|OUT.odt     Reject All, likewise
each done as redline_uno.py does it (its functions), each on a fresh load of IN.  One JSON
line per operation on standard output, in order:
  {"op": ..., "in": ..., "ok": true|false, "error": "..." (when not ok), "count": {...} (count),
   "comments_removed": n (see below)}
A failed operation does not stop the others; exit status 0 only if all succeeded.

LibreOffice packaged without a GUI (libreoffice-writer-nogui) lacks the .ui files a Writer
view builds a comment's sidebar window from, and soffice aborts when a document with comments
is opened in a view (which Accept All needs).  There, a document with comments is first
opened as a model only (no frame), its comments removed (they are not text odfgate compares;
change recording off, so their removal is not itself tracked) and stored to a temporary copy
that is opened instead; "comments_removed" says how many."""
import json, os, shutil, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from redline_uno import accept_or_reject, count  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "signoff"))
from lo_uno import load, prop, save, start_context, stop, url  # noqa: E402

ME = "redline_batch.py"


def writer_has_comment_ui():
    soffice = shutil.which(os.environ.get("SOFFICE", "soffice"))
    if not soffice:
        return True
    prog = os.path.dirname(os.path.realpath(soffice))
    ui = os.path.join(prog, "..", "share", "config", "soffice.cfg", "modules", "swriter", "ui")
    return os.path.exists(os.path.join(ui, "annotation.ui"))


class OpFailed(Exception):
    pass


def without_comments(smgr, remote, src, tmpdir):
    """(path to open in a view, comments removed)."""
    model = smgr.createInstanceWithContext("com.sun.star.text.TextDocument", remote)
    model.load((prop("URL", url(src)), prop("FilterName", "writer8")))
    try:
        notes = []
        e = model.TextFields.createEnumeration()
        while e.hasMoreElements():
            f = e.nextElement()
            if f.supportsService("com.sun.star.text.textfield.Annotation"):
                notes.append(f)
        if not notes:
            return src, 0
        recording = model.RecordChanges
        model.RecordChanges = False
        for f in notes:
            f.dispose()
        model.RecordChanges = recording
        out = os.path.join(tmpdir, "%d-%s" % (len(os.listdir(tmpdir)), os.path.basename(src)))
        model.storeToURL(url(out), (prop("FilterName", "writer8"),))
        return out, len(notes)
    finally:
        model.close(True)


def open_text(smgr, remote, desktop, src, tmpdir, strip):
    removed = 0
    if strip:
        src, removed = without_comments(smgr, remote, src, tmpdir)
    try:
        doc = load(desktop, src)
    except Exception as e:  # IllegalArgumentException, IOException: unreadable file
        raise OpFailed("LibreOffice could not load %s: %s" % (src, getattr(e, "Message", e)))
    if doc is None or not doc.supportsService("com.sun.star.text.TextDocument"):
        raise OpFailed("LibreOffice could not load %s as a text document" % src)
    used = {a.Name: a.Value for a in doc.getArgs()}.get("FilterName")
    if used != "writer8":
        doc.close(True)
        raise OpFailed("%s loaded with filter %r, not as ODF text (writer8)" % (src, used))
    return doc, removed


def main():
    if len(sys.argv) < 2:
        raise SystemExit("usage: %s PROFILE-DIR OPERATION..." % ME)
    profile, ops = sys.argv[1], sys.argv[2:]
    strip = not writer_has_comment_ui()
    tmpdir = tempfile.mkdtemp(prefix="redline-batch.")
    proc, remote = start_context(url(profile))
    smgr = remote.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
    all_ok = True
    try:
        for op in ops:
            name, *args = op.split("|")
            res = {"op": name, "in": args[0] if args else None, "ok": False}
            try:
                if name not in ("count", "accept", "reject") or len(args) != (1 if name == "count" else 2):
                    raise OpFailed("bad operation %r" % op)
                doc, res["comments_removed"] = open_text(smgr, remote, desktop, args[0], tmpdir, strip)
                try:
                    if name == "count":
                        res["count"] = count(doc)
                        doc.close(True)
                    else:
                        accept_or_reject(smgr, doc, name)
                        save(doc, args[1])
                except SystemExit as e:  # accept_or_reject: tracked changes left
                    doc.close(True)
                    raise OpFailed(str(e))
                res["ok"] = True
            except OpFailed as e:
                res["error"] = str(e)
            except Exception as e:  # a UNO exception, or soffice gone
                res["error"] = "%s: %s" % (type(e).__name__, getattr(e, "Message", None) or e)
            all_ok = all_ok and res["ok"]
            print(json.dumps(res), flush=True)
    finally:
        stop(proc, desktop)
        shutil.rmtree(tmpdir, ignore_errors=True)
    sys.exit(0 if all_ok else 1)


if __name__ == "__main__":
    main()
