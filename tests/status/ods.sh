#!/usr/bin/env bash
# ods.sh — odfgate status --format ods, over a folder of drafts in every sign-off state
# (mkset.sh) and one unreadable file: the package is an ODF spreadsheet (mimetype first and
# stored, every part in the manifest) whose content.xml, styles.xml, meta.xml and manifest
# validate against the vendored OASIS schemas (jing); opened in a real headless LibreOffice
# Calc (python3-uno, ods_uno.py) it has exactly the sheets "Matrix" and "Chase list", and every
# cell Calc shows equals the JSON run's: the Matrix headers, one row per document (path; title,
# one that looks like a formula kept as text; verdict; errors and warnings as numbers; quorum;
# the state word per signatory), the Chase list one row per (signatory, awaited document);
# Calc sees the state cells coloured, one colour per state, the same in both sheets.  Without
# -o: refused on a terminal, the same sheet written to a pipe.
. "$(dirname "$0")/../lib.sh"
set -uo pipefail
here="$top_srcdir/tests/status"
schemas="$ODFGATE_ODF_SCHEMAS"
py=${PYTHON3:-python3}
pyuno=${PYUNO:-/usr/bin/python3}
have_jing=0
command -v java >/dev/null 2>&1 && [ -f /usr/share/java/jing.jar ] && [ -d "$schemas" ] && have_jing=1
have_calc=0
if [ "${ODFGATE_SKIP_SOFFICE:-0}" != 1 ] && command -v "${SOFFICE:-soffice}" >/dev/null 2>&1 &&
    [ -e "$(dirname "$(readlink -f "$(command -v "${SOFFICE:-soffice}")")")/libsclo.so" ] &&
    "$pyuno" -c 'import uno' 2>/dev/null; then have_calc=1; fi
[ $have_jing = 0 ] && [ $have_calc = 0 ] && skip_all "neither jing nor LibreOffice Calc with python3-uno"
. "$here/mkset.sh"
cd "$scratch" || exit 1

mkset set 14 2>mkset.err
if [ ! -s mkset.err ]; then ok "the set of drafts is made"; else fail "mkset"; diag "$(cat mkset.err)"; fi
# one more: a title a spreadsheet would take for a formula, with markup characters; the sheet
# must hold it as text, as the JSON has it (not 3, not '=1+2)
"$py" - set/draft-001.odt set/draft-099.odt <<'PY'
import sys, zipfile
src, dst = sys.argv[1:3]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w") as out:
    for i in z.infolist():
        d = z.read(i.filename)
        if i.filename == "meta.xml":
            d = d.replace(b"<dc:title>Draft 001", b"<dc:title>=1+2 &amp; &lt;b&gt;", 1)
        out.writestr(i, d)
PY
run_odfgate status --format json -o status.json set
json_rc=$rc
run_odfgate status --format ods -o status.ods set
if [ "$json_rc" = 3 ] && [ "$rc" = 3 ] && [ -s status.json ] && [ -s status.ods ] && [ -z "$out" ]; then
    ok "json and ods written with -o (exit 3: an input is unreadable), nothing on stdout"
else fail "status -o: json exit $json_rc, ods exit $rc"; diag "$err"; fi

# the package: mimetype first and stored, every part listed in the manifest
if "$py" - status.ods >pkg.out 2>&1 <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
first = z.infolist()[0]
assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED, "mimetype not first or compressed"
assert z.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet", z.read("mimetype")
M = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
listed = {e.get(M + "full-path"): e.get(M + "media-type") for e in ET.fromstring(z.read("META-INF/manifest.xml"))}
assert listed.get("/") == "application/vnd.oasis.opendocument.spreadsheet", listed
parts = set(z.namelist()) - {"mimetype", "META-INF/manifest.xml"}
assert parts <= set(listed) and {"content.xml", "styles.xml", "meta.xml"} <= parts, (parts, listed)
PY
then ok "package: mimetype first and stored, a spreadsheet, every part in the manifest"
else fail "package"; diag "$(tail -3 pkg.out)"; fi

# jing: every XML part against the OASIS schema of its office:version (one run for all)
jing() { java -Xss32m -cp /usr/share/java/jing.jar com.thaiopensource.relaxng.util.Driver -i "$@" >jing.out 2>&1; }
if [ $have_jing = 1 ]; then
    mkdir -p parts
    (cd parts && unzip -qo ../status.ods content.xml styles.xml meta.xml META-INF/manifest.xml)
    ver=$(grep -o 'office:version="[0-9.]*"' parts/content.xml | head -1 | cut -d'"' -f2)
    case $ver in 1.2) rng=OpenDocument-v1.2-os-schema.rng mrng=OpenDocument-v1.2-os-manifest-schema.rng ;;
                 *) rng=OpenDocument-v$ver-schema.rng mrng=OpenDocument-v$ver-manifest-schema.rng ;; esac
    if [ -n "$ver" ] && [ -f "$schemas/$rng" ] && jing "$schemas/$rng" parts/content.xml parts/styles.xml parts/meta.xml; then
        ok "content.xml, styles.xml, meta.xml validate (jing, OASIS ODF $ver)"
    else fail "parts invalid (office:version '$ver')"; diag "$(head -8 jing.out)"; fi
    if [ -f "$schemas/$mrng" ] && jing "$schemas/$mrng" parts/META-INF/manifest.xml; then ok "the manifest validates (jing, OASIS ODF $ver)"
    else fail "manifest invalid"; diag "$(head -5 jing.out)"; fi
    # the validation can fail: a cell outside a row is caught
    sed 's#<table:table-row>#<table:table-cell/><table:table-row>#' parts/content.xml >parts/bad.xml
    if ! jing "$schemas/$rng" parts/bad.xml; then ok "sanity: jing rejects a cell outside a row"
    else fail "sanity: jing accepted a broken content.xml"; fi
else for _ in 1 2 3; do skip "no jing or no OASIS schemas"; done; fi

# without -o: refused on a terminal (exit 2), written to a pipe
script -qec "$odfgate_bin status --format ods set" /dev/null >tty.out 2>&1
tty_rc=$?
timeout 60 "$odfgate_bin" status --format ods set 2>/dev/null | cat >piped.ods
if [ "$tty_rc" = 2 ] && cmp -s <(unzip -p piped.ods content.xml) <(unzip -p status.ods content.xml); then
    ok "without -o: refused on a terminal (exit 2), the same sheet through a pipe"
else fail "without -o: terminal exit $tty_rc"; diag "$(head -3 tty.out)"; fi

# what Calc sees, compared with the JSON: compare.py status.json uno.json; differences on stdout
cat >compare.py <<'PY'
import json, sys
want, calc = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
what = sys.argv[3]
problems = []
sheets = {s["name"]: s for s in calc["sheets"]}
def text(v):
    return v if isinstance(v, str) else repr(v)
if what == "sheets":
    if calc["component"] != "com.sun.star.sheet.SpreadsheetDocument":
        problems.append("loaded as %s" % calc["component"])
    if [s["name"] for s in calc["sheets"]] != ["Matrix", "Chase list"]:
        problems.append("sheets %r" % [s["name"] for s in calc["sheets"]])
elif what == "matrix":
    ids = [s["id"] for s in want["signatories"]]
    m = sheets.get("Matrix", {"cells": [[]], "back": [[]]})
    cells, back = m["cells"], m["back"]
    head = ["Document", "Title", "Verdict", "Errors", "Warnings", "Quorum"] + ids
    if cells[0][:len(head)] != head or any(cells[0][len(head):]):
        problems.append("headers %r, want %r" % (cells[0], head))
    if len(cells) - 1 != len(want["documents"]):
        problems.append("%d rows, %d documents" % (len(cells) - 1, len(want["documents"])))
    colour = {}
    for n, (d, row, bg) in enumerate(zip(want["documents"], cells[1:], back[1:]), 2):
        row = row + [""] * (len(head) - len(row))
        if d["status"] == "error":
            exp = [d["path"], None, "error", "", "", ""] + [""] * len(ids)
            if row[1] != d["error"]["message"] and d["error"]["message"] not in map(text, row):
                problems.append("row %d: the error message is not in %r" % (n, row))
            row = row[:1] + [None] + row[2:]
        else:
            q = d["quorum"]
            exp = [d["path"], d.get("title") or "", d["status"], float(d["errors"]), float(d["warnings"]),
                   "%d/%d" % (q["approvals"], q["required"])]
            by = {s["signatory"]: s["state"] for s in d["signoffs"]}
            exp += [by.get(i, "") for i in ids]
            for i, sig in enumerate(ids):
                st = by.get(sig)
                if st:
                    colour.setdefault(st, set()).add(bg[6 + i])
        if row != exp:
            problems.append("row %d: Calc %r, json %r" % (n, row, exp))
    for st, c in colour.items():
        if len(c) != 1 or -1 in c:
            problems.append("cells in state %s have the backgrounds %r (want one colour)" % (st, sorted(c)))
    one = {st: next(iter(c)) for st, c in colour.items() if len(c) == 1}
    if len(set(one.values())) != len(one):
        problems.append("two states share a colour: %r" % one)
    if len(one) < 4:
        problems.append("only the states %r in the set: too few to show the colouring" % sorted(one))
    json.dump(one, open("colours.json", "w"))
elif what == "chase":
    c = sheets.get("Chase list", {"cells": [[]], "back": [[]]})
    cells = c["cells"]
    if cells[0][:4] != ["Signatory", "Name", "Document", "State"]:
        problems.append("headers %r" % cells[0])
    got = [tuple(r[:4]) for r in cells[1:]]
    exp = [(s["signatory"], s["name"], x["path"], x["state"]) for s in want["chase"] for x in s["documents"]]
    if got != exp:
        problems.append("Calc %r\njson %r" % (got, exp))
    if not exp:
        problems.append("the JSON chase list is empty: nothing compared")
    colours = json.load(open("colours.json"))
    for r, bg in zip(cells[1:], c["back"][1:]):
        if r[3] in colours and bg[3] != colours[r[3]]:
            problems.append("%s %s: state cell coloured %r, %r in the Matrix" % (r[0], r[2], bg[3], colours[r[3]]))
print("\n".join(problems[:20]))
sys.exit(1 if problems else 0)
PY
compare() { "$py" compare.py "$@" >compare.out 2>&1; }

if [ $have_calc = 1 ]; then
    timeout 300 "$pyuno" "$here/ods_uno.py" "$scratch/profile" status.ods >uno.json 2>uno.err
    uno_rc=$?
    if [ "$uno_rc" = 0 ] && compare status.json uno.json sheets; then ok "Calc opens it: a spreadsheet with the sheets Matrix and Chase list"
    else fail "Calc: exit $uno_rc"; diag "$(cat compare.out)" "$(tail -5 uno.err)"; fi
    if compare status.json uno.json matrix; then ok "Matrix: headers and every cell as in the JSON; state cells coloured, one colour per state"
    else fail "Matrix differs from the JSON"; diag "$(cat compare.out)"; fi
    if compare status.json uno.json chase; then ok "Chase list: one row per (signatory, awaited document) as in the JSON, coloured as the Matrix"
    else fail "Chase list differs from the JSON"; diag "$(cat compare.out)"; fi
    # the comparison can fail: one state changed in the JSON is reported
    sed '0,/"state":"approved"/s//"state":"missing"/' status.json >changed.json
    if ! compare changed.json uno.json matrix && grep -q '^row ' compare.out; then ok "sanity: a changed state is reported"
    else fail "sanity: a changed state went unnoticed"; fi
else for _ in 1 2 3 4; do skip "no LibreOffice Calc with python3-uno (or ODFGATE_SKIP_SOFFICE)"; done; fi
done_testing
