#!/usr/bin/env python3
"""lo_driver.py PROFILE-URL OPERATION... — drive a headless LibreOffice with the odfgate
extension through python3-uno (run with /usr/bin/python3).

Starts one soffice on the given profile (private pipe), runs the operations in order, prints
one JSON line per operation, stops soffice.  Operations (one argument each, fields '|'):
  filters                      the odfgate filters as LibreOffice registered them
  menu                         the Tools menu entry merged from Addons.xcu
  open|IN                      load IN with no filter: the filter LibreOffice chose
  import|IN|OPTIONS[|FILTER]   load IN with the odfgate filter (or FILTER): comments, tracked
                               changes, title
  calc_save|OUT                a new spreadsheet saved as OUT and copied (the save guard ignores it)
  track|IN|OUT                 record changes: insert a sentence and delete a word, save (writer8)
  store|IN|OUT|FILTER|OPTIONS  load IN (writer8), storeToURL OUT with FILTER and options
  check|IN|ARGS|HOW            dispatch vnd.odfgate:check on IN (ARGS: JSON object of dispatch
                               arguments; HOW: frame or model, see op_check); the result
                               event, then the document's comments
A failed operation prints {"error": "..."}; the exit status is 0 if soffice answered."""
import json, os, sys

import uno
import unohelper
from com.sun.star.frame import XDispatchResultListener

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "signoff"))
from lo_uno import prop, start_context, stop, url  # noqa: E402  (shared with the sign-off tests)


def start(profile):
    proc, remote = start_context(profile, open("soffice-driver.log", "a"))
    return proc, remote, remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)


def load(desktop, path, *extra):
    doc = desktop.loadComponentFromURL(url(path), "_blank", 0, (prop("Hidden", True),) + extra)
    if doc is None:
        raise RuntimeError("LibreOffice did not open %s" % path)
    return doc


def load_model(ctx, path, filt="writer8", options=""):
    """A document model without a frame or view.  Writer's comment windows need .ui files the
    -nogui packages lack: a document with comments in a (even hidden) view crashes soffice."""
    doc = ctx.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument", ctx)
    doc.load((prop("URL", url(path)), prop("FilterName", filt)) + ((prop("FilterOptions", options),) if options else ()))
    return doc


def comments(doc):
    ours = others = 0
    texts = []
    e = doc.TextFields.createEnumeration()
    while e.hasMoreElements():
        f = e.nextElement()
        if f.supportsService("com.sun.star.text.textfield.Annotation"):
            if f.Author == "odfgate":
                ours += 1
                texts.append(f.Content)
            else:
                others += 1
    return ours, others, sorted(texts)


def comment_places(doc):
    """[content, text of the paragraph its anchor starts in] of each odfgate comment."""
    places = []
    e = doc.TextFields.createEnumeration()
    while e.hasMoreElements():
        f = e.nextElement()
        if f.supportsService("com.sun.star.text.textfield.Annotation") and f.Author == "odfgate":
            a = f.Anchor
            cur = a.getText().createTextCursorByRange(a.getStart())
            cur.gotoStartOfParagraph(False)
            cur.gotoEndOfParagraph(True)
            places.append([f.Content, cur.getString()])
    return sorted(places)


def op_filters(ctx, desktop):
    ff = ctx.ServiceManager.createInstanceWithContext("com.sun.star.document.FilterFactory", ctx)
    out = {}
    for name in ("odfgate", "odfgate_export"):
        if ff.hasByName(name):
            d = {p.Name: p.Value for p in ff.getByName(name)}
            out[name] = {"service": d.get("FilterService"), "flags": d.get("Flags"), "ui": d.get("UIName"),
                         "type": d.get("Type"), "ui_component": d.get("UIComponent")}
    return out


def config(ctx, path):
    """LibreOffice's configuration node at path, read-only."""
    cp = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    return cp.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (prop("nodepath", path),))


def op_menu(ctx, desktop):
    node = config(ctx, "/org.openoffice.Office.Addons/AddonUI/OfficeMenuBarMerging")
    out = {}
    if node.hasByName("org.odfgate.menu"):
        m = node.getByName("org.odfgate.menu").getByName("check")
        item = m.MenuItems.getByName("m1")
        out = {"merge_point": m.MergePoint, "url": item.URL, "title": item.Title}
    hs = config(ctx, "/org.openoffice.Office.ProtocolHandler/HandlerSet")
    out["handler"] = list(hs.getByName("org.odfgate.CheckHandler").Protocols) if hs.hasByName("org.odfgate.CheckHandler") else None
    if node.hasByName("org.odfgate.menu"):
        items = node.getByName("org.odfgate.menu").getByName("check").MenuItems
        out["remove"] = items.getByName("m2").URL if items.hasByName("m2") else None
    bars = config(ctx, "/org.openoffice.Office.Addons/AddonUI/OfficeToolBar")
    if bars.hasByName("org.odfgate.toolbar"):
        out["toolbar"] = bars.getByName("org.odfgate.toolbar").getByName("t1").URL
    # the shortcut as Writer's own shortcut manager resolves it
    sup = ctx.ServiceManager.createInstanceWithContext("com.sun.star.ui.ModuleUIConfigurationManagerSupplier", ctx)
    keys = sup.getUIConfigurationManager("com.sun.star.text.TextDocument").getShortCutManager()
    ev = uno.createUnoStruct("com.sun.star.awt.KeyEvent")
    ev.KeyCode, ev.Modifiers = 514, 1 | 2 | 4   # Key.C with SHIFT, MOD1 (Ctrl), MOD2 (Alt)
    try:
        out["shortcut"] = keys.getCommandByKeyEvent(ev)
    except Exception:
        out["shortcut"] = None
    sb = config(ctx, "/org.openoffice.Office.UI.Sidebar/Content")
    decks, panels = sb.getByName("DeckList"), sb.getByName("PanelList")
    out["deck"] = decks.getByName("OdfgateDeck").Id if decks.hasByName("OdfgateDeck") else None
    out["panel"] = (panels.getByName("OdfgateStatementPanel").ImplementationURL
                    if panels.hasByName("OdfgateStatementPanel") else None)
    return out


def op_open(ctx, desktop, src):
    doc = load(desktop, src)
    try:
        return {"filter": {p.Name: p.Value for p in doc.getArgs()}.get("FilterName")}
    finally:
        doc.close(True)


def op_import(ctx, desktop, src, options="", filt="odfgate"):
    doc = load_model(ctx, src, filt, options)
    try:
        ours, others, texts = comments(doc)
        return {"odfgate_comments": ours, "other_comments": others, "comment_texts": texts,
                "comment_places": comment_places(doc), "tracked_changes": doc.Redlines.Count,
                "record_changes": bool(doc.RecordChanges), "title": doc.DocumentProperties.Title,
                "filter": {p.Name: p.Value for p in doc.getArgs()}.get("FilterName")}
    finally:
        doc.close(True)


def op_calc_save(ctx, desktop, out):
    """A new spreadsheet saved (Save As, then a copy): the extension's save guard must leave
    documents that are not Writer's alone."""
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    try:
        doc.Sheets.getByIndex(0).getCellByPosition(0, 0).setString("odfgate")
        doc.storeAsURL(url(out), (prop("FilterName", "calc8"),))
        doc.storeToURL(url(out + ".copy.ods"), (prop("FilterName", "calc8"),))
        return {"saved": os.path.exists(out) and os.path.exists(out + ".copy.ods")}
    finally:
        doc.close(True)


def op_track(ctx, desktop, src, out):
    doc = load_model(ctx, src)
    try:
        doc.RecordChanges = True
        e = doc.Text.createEnumeration()
        paras = []
        while e.hasMoreElements():
            p = e.nextElement()
            if p.supportsService("com.sun.star.text.Paragraph") and len(p.getString()) > 40:
                paras.append(p)
        paras[1].getEnd().setString(" A sentence added with changes recorded.")
        c = doc.Text.createTextCursorByRange(paras[2].getStart())
        c.gotoEndOfWord(True)
        c.setString("")
        doc.storeToURL(url(out), (prop("FilterName", "writer8"),))
        return {"tracked_changes": doc.Redlines.Count}
    finally:
        doc.close(True)


def op_store(ctx, desktop, src, out, filt, options=""):
    doc = load_model(ctx, src)
    try:
        args = (prop("FilterName", filt), prop("Overwrite", True)) + ((prop("FilterOptions", options),) if options else ())
        try:
            doc.storeToURL(url(out), args)
            return {"stored": True}
        except Exception as e:
            return {"stored": False, "exception": type(e).__name__}
    finally:
        doc.close(True)


class Listener(unohelper.Base, XDispatchResultListener):
    def __init__(self):
        self.event = None

    def dispatchFinished(self, event):
        self.event = event

    def disposing(self, source):
        pass


def dispatch(ctx, doc, how, cmd, args):
    """Dispatch vnd.odfgate:CMD with ARGS (a dict) on doc: through its frame (how=frame, as the
    menu does) or a handler initialised with the model (how=model, a document without a
    window).  {"state", "result"} of the result event."""
    parser = ctx.ServiceManager.createInstanceWithContext("com.sun.star.util.URLTransformer", ctx)
    u = uno.createUnoStruct("com.sun.star.util.URL")
    u.Complete = "vnd.odfgate:" + cmd
    _, u = parser.parseStrict(u)
    if how == "frame":
        disp = doc.CurrentController.Frame.queryDispatch(u, "", 0)
    else:
        handler = ctx.ServiceManager.createInstanceWithArgumentsAndContext("org.odfgate.CheckHandler", (doc,), ctx)
        disp = handler.queryDispatch(u, "", 0)
    if disp is None:
        return {"error": "no dispatch for " + u.Complete}
    listener = Listener()
    disp.dispatchWithNotification(u, tuple(prop(k, v) for k, v in args.items()), listener)
    ev = listener.event
    return {"state": ev.State if ev else None, "result": list(ev.Result) if ev else None}


def op_check(ctx, desktop, src, args="{}", how="frame"):
    """how=frame: the document in a (hidden) window, dispatched through its frame as the menu
    does; how=model: a frameless document and the handler initialised with it (comments can be
    inserted without a view)."""
    doc = load(desktop, src) if how == "frame" else load_model(ctx, src)
    try:
        a = json.loads(args)
        r = {}
        for _ in range(a.pop("_times", 1)):
            r = dispatch(ctx, doc, how, "check", a)
        ours, others, texts = comments(doc)
        return dict(r, odfgate_comments=ours, other_comments=others, comment_texts=texts)
    finally:
        doc.close(True)


def main():
    profile, ops = sys.argv[1], sys.argv[2:]
    proc, ctx, desktop = start(profile)
    try:
        for op in ops:
            name, *args = op.split("|")
            try:
                print(json.dumps(globals()["op_" + name](ctx, desktop, *args)), flush=True)
            except Exception as e:
                print(json.dumps({"error": "%s: %s" % (type(e).__name__, e)}), flush=True)
    finally:
        stop(proc, desktop)


if __name__ == "__main__":
    main()
