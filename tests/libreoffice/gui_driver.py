#!/usr/bin/env python3
"""gui_driver.py PROFILE-URL DRAFT SHOTS-DIR [JUNK] — a drafter's session in LibreOffice Writer with
a window (Xvfb; the caller sets DISPLAY), clicked through with xdotool where a person would
click, LibreOffice's own UNO API used only to look (the selection, the saved file's path):

  open DRAFT through odfgate → the Statement check deck → click the placeholder "TBC" in the
  panel (the text selected must be it) → type over it → the same for "[insert date]" →
  click Re-check (the panel must say 0 errors) → Ctrl+Alt+Shift+S: the sign-off dialog, dh
  approves as "Dana Hill" (the panel shows it) → back in the text, Ctrl+S: LibreOffice's Keep
  format dialog offers "Use ODF Format!" (Save As ODF: writer.sh checks that path) and "Use ODF
  statement (odfgate) Format!", which is pressed → the saved document's URL and filter →
  JUNK (a file odfgate refuses) opened through odfgate: what the message boxes say.

Prints one JSON object: the steps' observations.  Screenshots (xwd, converted by
xwd2png.py) of the panel before and after go to SHOTS-DIR."""
import json
import os
import subprocess
import sys
import threading
import time

import uno
from com.sun.star.connection import NoConnectException

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "signoff"))
from lo_uno import prop, url  # noqa: E402

LIST_ITEM, PUSH_BUTTON = 33, 44   # com.sun.star.accessibility.AccessibleRole


def start(profile):
    pipe = "odfgategui%d" % os.getpid()
    proc = subprocess.Popen(["soffice", "--norestore", "--nologo", "--nodefault", "-env:UserInstallation=" + profile,
                             "--accept=pipe,name=%s;urp;" % pipe],
                            stdout=subprocess.DEVNULL, stderr=open("soffice-gui.log", "a"))
    ctx = uno.getComponentContext()
    resolver = ctx.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", ctx)
    deadline = time.time() + 90
    while True:
        try:
            rc = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return proc, rc, rc.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", rc)
        except NoConnectException:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise SystemExit("gui_driver: soffice did not start")
            time.sleep(0.3)


def find(acc, pred, depth=0):
    """Accessible objects under acc for which pred(name, role) holds: [(name, x, y, w, h)]."""
    out = []
    try:
        c = acc.getAccessibleContext() if acc is not None else None
    except Exception:   # a window closing while it is read
        c = None
    if c is None:
        return out
    name, role = c.getAccessibleName(), c.getAccessibleRole()
    if name and pred(name, role):
        p, s = c.getLocationOnScreen(), c.getSize()
        out.append((name, p.X, p.Y, s.Width, s.Height))
    if depth < 30:
        for i in range(min(c.getAccessibleChildCount(), 400)):
            out += find(c.getAccessibleChild(i), pred, depth + 1)
    return out


def click(x, y):
    subprocess.run(["xdotool", "mousemove", "--sync", str(x), str(y), "click", "1"], check=True)


def click_on(found):
    _, x, y, w, h = found
    click(x + min(w // 2, 60), y + h // 2)


def wait_for(fn, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        v = fn()
        if v:
            return v
        time.sleep(0.3)
    return fn()


def shot(path, box=None):
    subprocess.run("xwd -root -silent > shot.xwd", shell=True, check=True)
    subprocess.run([sys.executable, os.path.join(here, "xwd2png.py"), "shot.xwd", path] +
                   ([str(v) for v in box] if box else []), check=True)


def sign_off(ctx, win, shots):
    """Ctrl+Alt+Shift+S in the text: the sign-off dialog; the first signatory (dh), approve,
    the name typed, Sign off pressed.  The panel's line for dh afterwards."""
    tk = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+alt+shift+s"], check=True)

    def dialog():
        for i in range(tk.getTopWindowCount()):
            w = tk.getTopWindow(i)
            if find(w, lambda n, r: n == "Sign off" and r == PUSH_BUTTON):
                return w
        return None
    cw = wait_for(dialog, 20)
    if cw is None:
        shot(os.path.join(shots, "no-signoff-dialog.png"))
        return {"error": "no sign-off dialog"}
    time.sleep(1)
    standing = [f[0] for f in find(cw, lambda n, r: r == LIST_ITEM and "(dh)" in n)]
    _, x, y, w, h = find(cw, lambda n, r: n == "Name" and r != PUSH_BUTTON)[0]
    click(x + 20, y + h + 12)            # the field below its label
    subprocess.run(["xdotool", "key", "ctrl+a"], check=True)
    subprocess.run(["xdotool", "type", "--delay", "20", "Dana Hill"], check=True)
    shot(os.path.join(shots, "signoff.png"))
    click_on(find(cw, lambda n, r: n == "Sign off" and r == PUSH_BUTTON)[0])
    after = wait_for(lambda: [f[0] for f in find(win, lambda n, r: r == LIST_ITEM and "(dh): approved" in n)])
    return {"standing_before": standing, "dh_after": after[0] if after else None}


def options_page(ctx, shots):
    """Tools > Options (Alt+F12) as a person goes there: odfgate in the tree, opened, Statement
    check clicked; what the page shows (its controls' names); Cancel."""
    tk = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
    subprocess.run(["xdotool", "key", "--clearmodifiers", "alt+F12"], check=True)

    def entry(name):
        for i in range(tk.getTopWindowCount()):
            w = tk.getTopWindow(i)
            e = find(w, lambda n, r: n == name and r != PUSH_BUTTON)
            if e:
                return w, e
        return None
    found = wait_for(lambda: entry("odfgate"), 20)
    if not found:
        return {"error": "no odfgate in Tools > Options"}
    click_on(found[1][0])
    subprocess.run(["xdotool", "key", "--clearmodifiers", "Right"], check=True)   # open the node
    leaf = wait_for(lambda: entry("Statement check"), 10)
    if not leaf:
        return {"error": "no Statement check under odfgate"}
    click_on(leaf[1][0])
    strict = wait_for(lambda: find(leaf[0], lambda n, r: n.startswith("Strict on save")), 10)
    names = [f[0] for f in find(leaf[0], lambda n, r: n.startswith(("Schema", "Strict on save", "A statement fails",
                                                                        "Sign-off warnings", "These are defaults")))]
    box = None
    if strict:
        dlg = leaf[0].getPosSize()
        box = (dlg.X, dlg.Y, dlg.Width, dlg.Height)
    time.sleep(0.5)
    shot(os.path.join(shots, "options-page.png"), box)
    cancel = find(leaf[0], lambda n, r: r == PUSH_BUTTON and n.replace("~", "").replace("_", "") == "Cancel")
    if cancel:
        click_on(cancel[0])

    def closed():
        try:
            return not leaf[0].isVisible()
        except Exception:   # disposed
            return True
    return {"page": names, "cancel": bool(cancel), "closed": bool(wait_for(closed, 10))}


def open_refused(ctx, desktop, junk, shots):
    """Open a file odfgate refuses through its filter: the reason must be on screen (the load
    blocks while a box is up: it runs in a thread; the boxes are closed with their OK)."""
    result = {}

    def load():
        try:
            result["doc"] = desktop.loadComponentFromURL(url(junk), "_blank", 0, (prop("FilterName", "odfgate"),))
        except Exception as e:
            result["exception"] = type(e).__name__
    t = threading.Thread(target=load, daemon=True)
    t.start()
    tk = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
    said = []
    for _ in range(3):   # odfgate's box, then LibreOffice's own
        def box():
            for i in range(tk.getTopWindowCount()):
                w = tk.getTopWindow(i)
                ok = find(w, lambda n, r: r == PUSH_BUTTON and n in ("OK", "_OK"))
                if ok:
                    texts = [f[0] for f in find(w, lambda n, r: r != PUSH_BUTTON)]
                    return ok, texts
            return None
        found = wait_for(box, 15)
        if not found or not t.is_alive():
            break
        said.append(" | ".join(found[1]))
        if len(said) == 1:
            time.sleep(1)
            shot(os.path.join(shots, "refused.png"))
        click_on(found[0][0])
        time.sleep(1)
    t.join(30)
    return {"boxes": said, "opened": result.get("doc") is not None, "exception": result.get("exception")}


def main():
    profile, draft, shots = sys.argv[1], sys.argv[2], sys.argv[3]
    proc, ctx, desktop = start(profile)
    obs = {}

    def watchdog():   # a hang still reports what was seen, and where it stopped
        time.sleep(float(os.environ.get("GUI_DRIVER_TIMEOUT", "240")))
        obs["error"] = "timed out after: " + ", ".join(obs)
        shot(os.path.join(shots, "timed-out.png"))
        print(json.dumps(obs), flush=True)
        proc.kill()
        os._exit(1)
    threading.Thread(target=watchdog, daemon=True).start()
    try:
        doc = desktop.loadComponentFromURL(url(draft), "_blank", 0, (prop("FilterName", "odfgate"),))
        frame = doc.CurrentController.Frame
        win = frame.ContainerWindow
        win.setPosSize(0, 0, 1400, 900, 15)
        dh = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        items = lambda: [f for f in find(win, lambda n, r: r == LIST_ITEM and "placeholder" in n)]  # noqa: E731
        # the command toggles: a deck the profile left open is closed by it, so ask again
        for _ in range(2):
            dh.executeDispatch(frame, ".uno:SidebarDeck.OdfgateDeck", "", 0, ())
            found = wait_for(items, 8)
            if found:
                break
        obs["panel_items"] = [f[0].strip() for f in found]
        panel = find(win, lambda n, r: n == "Statement check" and r == 40)
        box = None
        if panel:
            _, x, y, w, h = panel[0]
            box = (max(0, x - 560), 0, w + 560, min(900, y + h))
        shot(os.path.join(shots, "panel.png"), box)
        selected, rechecked = [], []
        for quoted, typed in (('"TBC"', "from April 2027"), ('"[insert date]"', "1 April 2027")):
            target = wait_for(lambda: [f for f in items() if quoted in f[0]])
            if not target:
                break
            click_on(target[0])
            sel = wait_for(lambda: doc.CurrentController.getSelection().getByIndex(0).getString())
            selected.append(sel)
            subprocess.run(["xdotool", "type", "--delay", "20", typed], check=True)
            # the panel re-checks once typing pauses and the list is rebuilt: the next click
            # waits for that, or it lands where the fixed finding's row was a moment ago
            # (the panel is rebuilt on the main thread in one go: no half-built list is seen)
            rechecked.append(bool(wait_for(lambda: not [f for f in items() if quoted in f[0]], 20)))
        obs["selected"] = selected
        obs["rechecked_after_typing"] = rechecked
        recheck = find(win, lambda n, r: n == "Re-check" and r == PUSH_BUTTON)
        click_on(recheck[0])
        summary = wait_for(lambda: [f[0] for f in find(win, lambda n, r: n.startswith("0 errors"))])
        obs["summary_after_fix"] = summary[0] if summary else None
        shot(os.path.join(shots, "panel-fixed.png"), box)

        def to_text():   # a click into the page, as a person would, before a shortcut
            cw = frame.ComponentWindow.getPosSize()
            page = frame.ComponentWindow.AccessibleContext.getLocationOnScreen()
            click(page.X + cw.Width // 3, page.Y + cw.Height // 2)
        to_text()
        obs["signoff"] = sign_off(ctx, win, shots)
        # Ctrl+S: the document came through odfgate, LibreOffice asks which format to keep
        out = os.path.abspath(draft)
        to_text()
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+s"], check=True)
        tk = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)

        def keep_format_buttons():
            for i in range(tk.getTopWindowCount()):
                b = find(tk.getTopWindow(i), lambda n, r: r == PUSH_BUTTON and n.startswith("Use ODF"))
                if len(b) >= 2:
                    return b
            return None
        buttons = wait_for(keep_format_buttons)
        time.sleep(1)
        shot(os.path.join(shots, "keep-format.png"))
        obs["keep_format_dialog"] = sorted(b[0] for b in buttons) if buttons else None
        # keep the statement's own format: saved through odfgate's export (checked, no comment)
        ours = [b for b in buttons or [] if "odfgate" in b[0]]
        if ours:
            click_on(ours[0])
        wait_for(lambda: not doc.isModified(), 30)
        shot(os.path.join(shots, "after-save.png"))
        obs["saved_url"] = doc.getURL()
        obs["saved_filter"] = {p.Name: p.Value for p in doc.getArgs()}.get("FilterName")
        obs["modified_after_save"] = doc.isModified()
        obs["saved_path"] = uno.fileUrlToSystemPath(doc.getURL()) if doc.getURL() else None
        obs["draft"] = out
        obs["options_page"] = options_page(ctx, shots)
        if len(sys.argv) > 4:
            obs["refused"] = open_refused(ctx, desktop, sys.argv[4], shots)
        doc.close(True)
    except Exception as e:
        obs["error"] = "%s: %s" % (type(e).__name__, getattr(e, "Message", e))
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(json.dumps(obs))


if __name__ == "__main__":
    main()
