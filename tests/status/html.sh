#!/usr/bin/env bash
# html.sh — odfgate status --format html -o FILE, over a folder of drafts in every sign-off state
# (mkset.sh) and one unreadable file: the page is valid HTML (tidy: no warning, no error), is
# self-contained (no external resource: nothing that would touch the network), and as loaded by
# headless Chromium — with scripts and with scripts blocked — its matrix has one row per
# document of the JSON run, in the same order, and each cell's data-state, class and text say
# the JSON's state for that document and signatory; the chase list, blockers and waivers equal
# the JSON's and come after the matrix.  With scripts, the inline script runs without an error,
# and a click on a header sorts the rows (both ways) and the filter and "not ready" box hide
# exactly the rows they should (driven by a probe script added to a copy of the page).
. "$(dirname "$0")/../lib.sh"
set -uo pipefail
here="$top_srcdir/tests/status"
chromium=${CHROMIUM:-chromium}
py=${PYTHON3:-python3}
command -v "$chromium" >/dev/null 2>&1 || skip_all "no chromium"
command -v tidy >/dev/null 2>&1 || skip_all "no tidy"
. "$here/mkset.sh"
cd "$scratch" || exit 1

mkset set 14 2>mkset.err
if [ ! -s mkset.err ]; then ok "the set of drafts is made"; else fail "mkset"; diag "$(cat mkset.err)"; fi
run_odfgate status --format json -o status.json set
json_rc=$rc
run_odfgate status --format html -o status.html set
if [ "$json_rc" = 3 ] && [ "$rc" = 3 ] && [ -s status.json ] && [ -s status.html ] && [ -z "$out" ]; then
    ok "json and html written with -o (exit 3: an input is unreadable), nothing on stdout"
else fail "status -o: json exit $json_rc, html exit $rc"; diag "$err"; fi

# 1. valid HTML: tidy -e prints nothing and exits 0 (1 warnings, 2 errors)
tidy -q -e status.html >tidy.out 2>&1
tidy_rc=$?
if [ "$tidy_rc" = 0 ] && [ ! -s tidy.out ]; then ok "tidy -e: no warning, no error"
else fail "tidy -e: exit $tidy_rc"; diag "$(head -20 tidy.out)"; fi

# The checks on a page (raw or as Chromium's DOM): dom.py MODE status.json PAGE; exit 0 when
# it holds, otherwise the differences on stdout.
cat >dom.py <<'PY'
import json, re, sys
from html.parser import HTMLParser

mode, status, page = sys.argv[1:4]
want = json.load(open(status))
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []
    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)
    def find(self, pred):
        for c in self.children:
            if isinstance(c, Node):
                if pred(c):
                    yield c
                yield from c.find(pred)

class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.cur = Node("#root", {}, None)
        self.order = []          # every element, in document order
    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        self.order.append(n)
        if tag not in VOID:
            self.cur = n
    def handle_startendtag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        self.order.append(n)
    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent
    def handle_data(self, data):
        self.cur.children.append(data)

raw = open(page, encoding="utf-8").read()
t = Tree()
t.feed(raw)
root = t.root
problems = []
def by_id(i):
    return next(root.find(lambda n: n.attrs.get("id") == i), None)
def has_class(n, c):
    return c in (n.attrs.get("class") or "").split()

def check_matrix():
    m = by_id("matrix")
    if m is None or m.tag != "table":
        return problems.append('no <table id="matrix">')
    heads = [th.text().strip() for th in m.find(lambda n: n.tag == "th")]
    ids = [s["id"] for s in want["signatories"]]
    if heads[-len(ids):] != ids:
        problems.append("header cells %r do not end with the signatories %r" % (heads, ids))
    tbody = next(m.find(lambda n: n.tag == "tbody"), None)
    rows = [r for r in (tbody.children if tbody else []) if isinstance(r, Node) and r.tag == "tr"]
    got_paths = [r.attrs.get("data-path") for r in rows]
    want_paths = [d["path"] for d in want["documents"]]
    if got_paths != want_paths:
        problems.append("rows %r, json documents %r" % (got_paths, want_paths))
    docs = {d["path"]: d for d in want["documents"]}
    for r in rows:
        d = docs.get(r.attrs.get("data-path"))
        if d is None:
            continue
        cells = [c for c in r.find(lambda n: n.tag == "td" and "data-signatory" in n.attrs)]
        got = [(c.attrs["data-signatory"], c.attrs.get("data-state")) for c in cells]
        exp = [(s["signatory"], s["state"]) for s in d.get("signoffs", [])]
        if got != exp:
            problems.append("%s: cells %r, json %r" % (d["path"], got, exp))
        for c in cells:
            st = c.attrs.get("data-state") or ""
            if not has_class(c, "s-" + st) or not c.text().strip().startswith(st):
                problems.append("%s/%s: class %r text %r for state %r" % (d["path"], c.attrs["data-signatory"],
                                c.attrs.get("class"), c.text(), st))
        if r.attrs.get("data-status") != d["status"] or r.attrs.get("data-ready") != ("yes" if d["ready"] else "no"):
            problems.append("%s: data-status %r data-ready %r, json %s %s" % (d["path"], r.attrs.get("data-status"),
                            r.attrs.get("data-ready"), d["status"], d["ready"]))
        if d["status"] == "error" and d["error"]["message"] not in r.text():
            problems.append("%s: the error message is not in the row" % d["path"])

def check_lists():
    def item(li):   # (path, state) of a chase list item
        path = next(li.find(lambda n: has_class(n, "path")), None)
        st = next(li.find(lambda n: (n.attrs.get("class") or "").startswith("s-")), None)
        return (path.text() if path else None, st.text() if st else None)
    chase = [(u.attrs.get("data-signatory"), [item(li) for li in u.find(lambda n: n.tag == "li")])
             for u in root.find(lambda n: n.tag == "ul" and has_class(n, "chase"))]
    exp = [(c["signatory"], [(x["path"], x["state"]) for x in c["documents"]]) for c in want["chase"]]
    if chase != exp:
        problems.append("chase list %r, json %r" % (chase, exp))
    b = by_id("blockers")
    brows = [[td.text() for td in tr.find(lambda n: n.tag == "td")] for tr in (b.find(lambda n: n.tag == "tr") if b else [])]
    brows = [r for r in brows if r]
    exp = [(x["rule"], x["severity"], [y["path"] for y in x["documents"]]) for x in want["blockers"]]
    got = [(r[0], r[1], re.findall(r"set/[^ ,()]+", r[2])) for r in brows]
    if got != exp:
        problems.append("blockers %r, json %r" % (got, exp))
    w = by_id("waivers")
    wtext = ""
    if w is not None:   # the section: from its heading to the next heading or script
        i = t.order.index(w)
        for n in t.order[i + 1:]:
            if n.tag in ("h2", "script"):
                break
            if n.parent is w.parent:
                wtext += n.text()
    for x in want["waivers"]:
        for field in (x["path"], x["rule"], x["reason"]):
            if field not in wtext:
                problems.append("waivers section lacks %r" % field)
    if not want["waivers"]:
        problems.append("the set has no waiver: the waivers check would prove nothing")
    pos = {i: t.order.index(by_id(i)) if by_id(i) else -1 for i in ("matrix", "chase", "blockers", "waivers")}
    if not (0 <= pos["matrix"] < pos["chase"] < pos["blockers"] < pos["waivers"]):
        problems.append("sections not in the order matrix, chase, blockers, waivers: %r" % pos)

def check_external():
    # nothing that makes a browser fetch: src/href/action/... to anything but a fragment, <link>,
    # <base>, <object>, <embed>, <iframe>, CSS url() or @import, a script's fetch/XMLHttpRequest
    for n in t.order:
        for a in ("src", "href", "action", "formaction", "poster", "data", "srcset", "background", "manifest"):
            v = n.attrs.get(a)
            if v is not None and not v.startswith("#"):
                problems.append("<%s %s=%r>" % (n.tag, a, v))
        if n.tag in ("link", "base", "object", "embed", "iframe", "frame", "img", "audio", "video"):
            problems.append("<%s>" % n.tag)
        if n.tag == "meta" and n.attrs.get("http-equiv", "").lower() == "refresh":
            problems.append("<meta http-equiv=refresh>")
    for css in [n.text() for n in t.order if n.tag == "style"] + [n.attrs["style"] for n in t.order if "style" in n.attrs]:
        for bad in ("url(", "@import"):
            if bad in css.lower():
                problems.append("CSS %s" % bad)
    for js in [n.text() for n in t.order if n.tag == "script"]:
        for bad in ("fetch(", "XMLHttpRequest", "import(", "WebSocket", "EventSource", "sendBeacon", ".src="):
            if bad in js:
                problems.append("script uses %s" % bad)
    if re.search(r"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", " ".join(n.text() for n in t.order if n.tag in ("script", "style"))):
        problems.append("a URL in a script or style")

def check_scripts(on):
    tools = by_id("tools")
    sortable = [th for th in root.find(lambda n: n.tag == "th" and has_class(n, "sortable"))]
    if tools is None:
        return problems.append("no #tools")
    if on and ("hidden" in tools.attrs or not sortable):
        problems.append("scripts on: #tools hidden=%r, %d sortable headers: the script did not run" %
                        ("hidden" in tools.attrs, len(sortable)))
    if not on and ("hidden" not in tools.attrs or sortable):
        problems.append("scripts off: #tools not hidden or headers made sortable: a script ran")

def check_probe():
    # what the probe script (below, in probe.html) recorded after clicking and typing
    p = by_id("probe")
    if p is None:
        return problems.append("no probe output")
    r = json.loads(p.text())
    if "error" in r:
        return problems.append("the probe script failed: %s" % r["error"])
    docs = {d["path"]: d for d in want["documents"]}
    first = want["signatories"][0]["id"]
    def state(path):
        return next((s["state"] for s in docs[path].get("signoffs", []) if s["signatory"] == first), "")
    for key, rev in (("asc", False), ("desc", True)):
        order = r[key]
        if sorted(order) != sorted(docs):
            problems.append("sorting %s lost or added rows: %r" % (key, order))
        keys = [state(x) for x in order]
        if keys != sorted(keys, reverse=rev):
            problems.append("column %s after the %s click: states %r are not sorted" % (first, key, keys))
        if not r[key + "_aria"] == ("descending" if rev else "ascending"):
            problems.append("aria-sort %r after the %s click" % (r[key + "_aria"], key))
    if len(set(state(x) for x in docs)) < 3:
        problems.append("the set has too few states in column %s for sorting to show anything" % first)
    if r["asc2"] != r["asc"]:
        problems.append("a third click does not give the first order back: %r" % r["asc2"])
    exp = [x for x in r["asc"] if "draft-01" in x]
    if r["filtered"] != exp or not exp:
        problems.append("filter 'draft-01' leaves %r, expected %r" % (r["filtered"], exp))
    exp = [x for x in r["asc"] if not docs[x]["ready"]]
    if r["notready"] != exp or len(exp) == len(docs):
        problems.append("'only not ready' leaves %r, expected %r" % (r["notready"], exp))

{"matrix": check_matrix, "lists": check_lists, "external": check_external,
 "scripts-on": lambda: check_scripts(True), "scripts-off": lambda: check_scripts(False),
 "probe": check_probe}[mode]()
print("\n".join(problems[:20]))
sys.exit(1 if problems else 0)
PY
dom() { "$py" dom.py "$@" >dom.out 2>&1; }

# 2. self-contained
if dom external status.json status.html; then ok "self-contained: no external resource, no URL fetched"
else fail "the page refers to external resources"; diag "$(cat dom.out)"; fi

# 3. the page as Chromium builds it, with and without scripts
n_chromium=0
render() { # PAGE OUT [chromium options]: the DOM after load, in a private profile
    local page=$1 dump=$2; shift 2
    n_chromium=$((n_chromium + 1))
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-extensions \
        --disable-background-networking --enable-logging=stderr --v=0 \
        --user-data-dir="$scratch/chromium-$n_chromium" "$@" --dump-dom "file://$scratch/$page" \
        >"$dump" 2>"$dump.log"
}
render status.html dom-js.html
js_rc=$?
# Scripts off: --blink-settings=scriptEnabled=false makes --dump-dom print nothing (headless
# Chromium reads the DOM back with a script), so a copy of the page gets a Content-Security-
# Policy that blocks every script of the page instead; dump-dom still works.
"$py" -c 'import sys; p=open("status.html").read(); i=p.index("<head>")+6
open("nojs.html","w").write(p[:i]+"<meta http-equiv=\"Content-Security-Policy\" content=\"script-src &apos;none&apos;\">"+p[i:])'
render nojs.html dom-nojs.html
nojs_rc=$?
if [ "$js_rc" = 0 ] && [ "$nojs_rc" = 0 ] && grep -q 'id="matrix"' dom-js.html && grep -q 'id="matrix"' dom-nojs.html; then
    ok "Chromium loads the page (scripts on and off)"
else fail "Chromium: exit $js_rc / $nojs_rc"; diag "$(tail -5 dom-js.html.log)"; fi
if grep -E 'CONSOLE|Uncaught' dom-js.html.log >console.txt; then fail "the page's script logs to the console"; diag "$(head -5 console.txt)"
else ok "the page's script runs without a console message or error"; fi
for v in js nojs; do
    label=$([ $v = js ] && echo "with scripts" || echo "scripts blocked")
    if dom matrix status.json dom-$v.html; then ok "$label: one row per JSON document, each cell's data-state, class and text = the JSON state"
    else fail "$label: the matrix differs from the JSON"; diag "$(cat dom.out)"; fi
    if dom lists status.json dom-$v.html; then ok "$label: chase list, blockers and waivers = the JSON's, after the matrix"
    else fail "$label: the lists differ from the JSON"; diag "$(cat dom.out)"; fi
done
if dom scripts-on status.json dom-js.html; then ok "with scripts: the filter tools are shown and the headers made sortable"
else fail "with scripts"; diag "$(cat dom.out)"; fi
if dom scripts-off status.json dom-nojs.html && grep -q "Content Security Policy" dom-nojs.html.log; then
    ok "scripts blocked: the page's script did not run (tools still hidden)"
else fail "scripts blocked"; diag "$(cat dom.out)"; fi

# the comparison can fail: one cell changed in Chromium's DOM is caught
sed '0,/data-state="approved"/s//data-state="missing"/' dom-js.html >dom-bad.html
if ! dom matrix status.json dom-bad.html && grep -q 'cells' dom.out; then ok "sanity: a changed cell in the DOM is reported"
else fail "sanity: a changed cell went unnoticed"; fi

# 4. sorting and filtering, driven by a probe script appended to a copy of the page: click the
# first signatory's header twice, then filter, then tick "only documents not ready"; the
# visible row order is written into <pre id="probe"> for dom.py
cat >probe.js <<'JS'
<script>(function(){var out={};try{
var t=document.getElementById('matrix'),tb=t.tBodies[0],hs=t.tHead.rows[0].cells,h=null;
for(var i=0;i<hs.length;i++)if(hs[i].textContent.trim()===SIG)h=hs[i];
function rows(){var r=[];for(var i=0;i<tb.rows.length;i++)if(!tb.rows[i].hidden)r.push(tb.rows[i].getAttribute('data-path'));return r;}
h.click();out.asc=rows();out.asc_aria=h.getAttribute('aria-sort');
h.click();out.desc=rows();out.desc_aria=h.getAttribute('aria-sort');
h.click();out.asc2=rows();
var f=document.getElementById('filter'),nr=document.getElementById('notready');
f.value='draft-01';f.dispatchEvent(new Event('input'));out.filtered=rows();
f.value='';f.dispatchEvent(new Event('input'));
nr.checked=true;nr.dispatchEvent(new Event('change'));out.notready=rows();
}catch(e){out.error=String(e);}
var p=document.createElement('pre');p.id='probe';p.textContent=JSON.stringify(out);document.body.appendChild(p);})();</script>
JS
first_sig=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["signatories"][0]["id"])' status.json)
sed "s/SIG/'$first_sig'/" probe.js >probe.snippet
"$py" -c 'import sys; p=open("status.html").read(); s=open("probe.snippet").read(); i=p.rindex("</body>"); open("probe.html","w").write(p[:i]+s+p[i:])'
render probe.html dom-probe.html
if dom probe status.json dom-probe.html; then ok "sort (a header clicked twice: ascending, then descending), filter and 'not ready' work"
else fail "sorting or filtering"; diag "$(cat dom.out)"; fi

# 5. the escaping holds in a browser too: a title with markup stays text
"$py" - set/draft-001.odt set/draft-099.odt <<'PY'
import sys, zipfile
src, dst = sys.argv[1:3]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w") as out:
    for i in z.infolist():
        d = z.read(i.filename)
        if i.filename == "meta.xml":
            d = d.replace(b"Draft 001", b"&lt;img src=x onerror=alert(1)&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/tbody&gt;&lt;/table&gt;&lt;b&gt;x&lt;/b&gt;", 1)
        out.writestr(i, d)
PY
run_odfgate status --format json -o status2.json set
run_odfgate status --format html -o status2.html set
render status2.html dom2.html
if dom matrix status2.json dom2.html && ! grep -q '<img' dom2.html && grep -q '&lt;img src=x' dom2.html; then
    ok "a title holding markup stays text: no element made of it, the matrix intact"
else fail "a title with markup"; diag "$(cat dom.out)"; fi
tidy -q -e status2.html >tidy2.out 2>&1
if [ $? = 0 ] && [ ! -s tidy2.out ]; then ok "tidy -e: still no warning with that title"
else fail "tidy -e with a title holding markup"; diag "$(head -5 tidy2.out)"; fi
done_testing
