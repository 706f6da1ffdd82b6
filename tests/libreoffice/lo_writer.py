#!/usr/bin/env python3
"""lo_writer.py PROFILE-URL SESSION... — the Writer side of odfgate (panel, commands, save
guard) driven through python3-uno in a headless LibreOffice (run with /usr/bin/python3).

Each SESSION is one document: IN|HOW|FILTER|OPTIONS|STEPS where HOW is frame (a hidden
window: view, selection, panel) or model (no view), FILTER the filter it is opened with
(writer8, odfgate) and STEPS a JSON list of steps; one JSON line per session with each
step's result in "steps".  Steps:
  ["dispatch", CMD, {ARGS}]  dispatch vnd.odfgate:CMD: {"state", "result"}
  ["comments"]               odfgate comments and others: [ours, others, texts]
  ["undo"]                   the undo stack's titles, newest first
  ["undo_once"]              undo one step
  ["selection"]              the text selected in the view
  ["where"]                  the paragraph the selection starts in: its text
  ["type", N, TEXT]          append TEXT to body paragraph N (0-based, typed through the API)
  ["store", OUT, FILTER, OPTIONS?, "to"|"as"]  storeToURL / storeAsURL
  ["panel"]                  create the Statement check panel (the factory, a toolkit window)
                             and read it: {"summary", "findings", "signatories", "a11y"}
  ["panel_read"]             read the panel made by "panel" again
  ["press", NAME]            press a panel button through its accessibility action
  ["wait", SECONDS]          let LibreOffice's main loop run (the typing pause)
  ["options", OPTIONS]       the filter options dialog as Save As runs it (media descriptor
                             in, execute, FilterOptions out): {"result", "options"}
  ["prefs_page", ACTIONS]     Tools > Options > odfgate > Statement check as the Options dialog
                             makes it (the page and handler its configuration names, the
                             window from the .xdl); ACTIONS: ["initialize"|"ok"|"back"] sent
                             to the handler, ["set", {CONTROL: VALUE}], ["read"] the controls:
                             {"registered", "reads"}
  ["prefs"]                  the stored settings (/org.odfgate.Settings/General)
A failed step records {"error": ...} and the session goes on."""
import json, os, sys, time, urllib.parse

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lo_driver import comments, config, dispatch, load, load_model, prop, start, stop, url  # noqa: E402

PANEL = "private:resource/toolpanel/OdfgatePanelFactory/StatementPanel"
PREFS = ("Schema", "StrictOnSave", "FailOn", "SignoffWarnings")


def accessible_texts(acc, out, depth=0):
    """Names of the accessible children (list entries, labels, buttons), depth first."""
    if acc is None or depth > 6:
        return out
    ctx = acc.getAccessibleContext()
    for i in range(min(ctx.getAccessibleChildCount(), 200)):
        child = ctx.getAccessibleChild(i)
        name = child.getAccessibleContext().getAccessibleName()
        if name:
            out.append(name)
        accessible_texts(child, out, depth + 1)
    return out


class Session:
    def __init__(self, ctx, desktop):
        self.ctx, self.desktop = ctx, desktop
        self.panel = self.window = None

    def read_panel(self):
        real = self.panel.getRealInterface()
        cc = real.Window  # XToolPanel: an attribute
        get = lambda name: cc.getControl(name)  # noqa: E731
        return {"summary": get("summary").getModel().Label,
                "findings": list(get("findings").getItems()),
                "signatories": list(get("signatories").getItems()),
                "a11y": accessible_texts(cc.getPeer(), [])}

    def toolkit_window(self, width, height):
        tk = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", self.ctx)
        d = uno.createUnoStruct("com.sun.star.awt.WindowDescriptor")
        d.Type = uno.Enum("com.sun.star.awt.WindowClass", "TOP")
        d.WindowServiceName = "window"
        d.Bounds = uno.createUnoStruct("com.sun.star.awt.Rectangle", 0, 0, width, height)
        return tk.createWindow(d)

    def prefs_page(self, actions):
        node = config(self.ctx, "/org.openoffice.Office.OptionsDialog/Nodes").getByName("org.odfgate.Options")
        leaf = node.Leaves.getByName("org.odfgate.Options.StatementCheck")
        registered = {"label": node.Label, "all_modules": node.AllModules, "leaf": leaf.Label,
                      "handler": leaf.EventHandlerService, "page": leaf.OptionsPage}
        page_url = leaf.OptionsPage
        if page_url.startswith("vnd.sun.star.expand:"):   # %origin%, as the dialog expands it
            expander = self.ctx.getByName("/singletons/com.sun.star.util.theMacroExpander")
            page_url = expander.expandMacros(urllib.parse.unquote(page_url[len("vnd.sun.star.expand:"):]))
        handler = self.ctx.ServiceManager.createInstance(leaf.EventHandlerService)   # no arguments
        parent = self.toolkit_window(600, 500)
        provider = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.ContainerWindowProvider", self.ctx)
        page = provider.createContainerWindow(page_url, "", parent, handler)
        reads = []
        try:
            for a in actions:
                if a[0] == "set":
                    for name, value in a[1].items():
                        m = page.getControl(name).Model
                        if name == "Schema":
                            m.Text = value
                        elif name == "FailOn":
                            m.SelectedItems = (value,)
                        else:
                            m.State = value
                elif a[0] == "read":
                    c = {n: page.getControl(n).Model for n in PREFS}
                    reads.append({"Schema": c["Schema"].Text, "StrictOnSave": c["StrictOnSave"].State,
                                  "FailOn": list(c["FailOn"].SelectedItems), "FailOnItems": list(c["FailOn"].StringItemList),
                                  "SignoffWarnings": c["SignoffWarnings"].State})
                else:
                    reads.append(handler.callHandlerMethod(page, a[0], "external_event"))
        finally:
            page.dispose()
            parent.dispose()
        return {"registered": registered, "reads": reads}

    def step(self, doc, how, s):
        kind = s[0]
        if kind == "dispatch":
            return dispatch(self.ctx, doc, how, s[1], s[2] if len(s) > 2 else {})
        if kind == "comments":
            return list(comments(doc))
        if kind == "undo":
            return list(doc.UndoManager.getAllUndoActionTitles())
        if kind == "undo_once":
            doc.UndoManager.undo()
            return True
        if kind == "selection":
            sel = doc.CurrentController.getSelection()
            return sel.getByIndex(0).getString() if sel.getCount() else ""
        if kind == "where":
            r = doc.CurrentController.getSelection().getByIndex(0)
            c = r.getText().createTextCursorByRange(r.getStart())
            c.gotoStartOfParagraph(False)
            c.gotoEndOfParagraph(True)
            return c.getString()
        if kind == "type":
            e = doc.Text.createEnumeration()
            paras = []
            while e.hasMoreElements():
                p = e.nextElement()
                if p.supportsService("com.sun.star.text.Paragraph"):
                    paras.append(p)
            paras[s[1]].getEnd().setString(s[2])
            return True
        if kind == "store":
            out, filt = s[1], s[2]
            opts = s[3] if len(s) > 3 else ""
            args = (prop("FilterName", filt), prop("Overwrite", True)) + ((prop("FilterOptions", opts),) if opts else ())
            (doc.storeAsURL if len(s) > 4 and s[4] == "as" else doc.storeToURL)(url(out), args)
            return True
        if kind == "prefs_page":
            return self.prefs_page(s[1])
        if kind == "prefs":
            n = config(self.ctx, "/org.odfgate.Settings/General")
            return {k: n.getByName(k) for k in PREFS}
        if kind == "panel":
            self.window = self.toolkit_window(320, 640)
            factory = self.ctx.ServiceManager.createInstanceWithContext("org.odfgate.PanelFactory", self.ctx)
            frame = doc.CurrentController.Frame
            self.panel = factory.createUIElement(PANEL, (prop("Frame", frame), prop("ParentWindow", self.window)))
            return self.read_panel()
        if kind == "panel_read":
            return self.read_panel()
        if kind == "press":
            button = self.panel.getRealInterface().Window.getControl(s[1])
            button.getPeer().getAccessibleContext().doAccessibleAction(0)
            return True
        if kind == "options":
            dlg = self.ctx.ServiceManager.createInstanceWithContext("org.odfgate.FilterOptionsDialog", self.ctx)
            dlg.setSourceDocument(doc)
            dlg.setPropertyValues((prop("URL", doc.getURL()), prop("FilterOptions", s[1])))
            ran = dlg.execute()
            return {"result": ran, "options": {p.Name: p.Value for p in dlg.getPropertyValues()}.get("FilterOptions")}
        if kind == "wait":
            end = time.time() + s[1]
            tk = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", self.ctx)
            while time.time() < end:
                tk.processEventsToIdle()
                time.sleep(0.1)
            return True
        raise ValueError("unknown step " + kind)

    def run(self, src, how, filt, options, steps):
        if how == "frame":
            extra = (prop("FilterName", filt),) + ((prop("FilterOptions", options),) if options else ())
            doc = load(self.desktop, src, *extra)
        else:
            doc = load_model(self.ctx, src, filt, options)
        out = []
        try:
            for s in steps:
                try:
                    out.append(self.step(doc, how, s))
                except Exception as e:  # a step's failure is its result
                    out.append({"error": "%s: %s" % (type(e).__name__, getattr(e, "Message", e))})
        finally:
            if self.panel is not None:
                self.panel.dispose()
            if self.window is not None:
                self.window.dispose()
            doc.close(True)
        return {"steps": out}


def main():
    profile, sessions = sys.argv[1], sys.argv[2:]
    proc, ctx, desktop = start(profile)
    try:
        for spec in sessions:
            src, how, filt, options, steps = spec.split("|", 4)
            try:
                print(json.dumps(Session(ctx, desktop).run(src, how, filt, options, json.loads(steps))), flush=True)
            except Exception as e:
                print(json.dumps({"error": "%s: %s" % (type(e).__name__, e)}), flush=True)
    finally:
        stop(proc, desktop)


if __name__ == "__main__":
    main()
