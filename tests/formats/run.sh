#!/usr/bin/env bash
# run.sh — the CI report formats of `odfgate check`: SARIF validates against the SARIF 2.1.0
# JSON schema (tests/data/sarif); JUnit is well-formed with the required attributes and a
# unique classname per document; GitHub workflow commands are escaped; the Markdown summary is
# appended to $GITHUB_STEP_SUMMARY; GitLab Code Quality and JSON Lines parse; JSON Lines
# streams (the first document is out before the last is read); --report writes further files.
. "$(dirname "$0")/../lib.sh"
py=/usr/bin/python3
sarif_schema="$ODFGATE_SARIF_SCHEMA"
cd "$scratch" || exit 1
d="$top_srcdir/samples/drafts"
# a document whose path and headings need escaping
python3 - <<'PY'
import zipfile
src = zipfile.ZipFile("%s/samples/drafts/placeholder.odt" % __import__("os").environ["top_srcdir"])
with zipfile.ZipFile("odd, name: 100%.odt", "w") as out:
    for i in src.infolist():
        data = src.read(i.filename)
        if i.filename == "content.xml":
            data = data.replace(b"Support needed</text:h>", b"Support needed</text:h><text:h text:outline-level=\"1\">Progress: 50%, next\nsteps</text:h>", 1)
        out.writestr(i, data)
PY
inputs=("$d/passing.odt" "$d/placeholder.odt" "odd, name: 100%.odt" "$d/no-such.odt")

run_odfgate check --format sarif "${inputs[@]}"; printf '%s' "$out" >r.sarif
if [ ! -f "$sarif_schema" ]; then skip "sarif: no SARIF schema at $sarif_schema"
elif "$py" - r.sarif "$sarif_schema" <<'PY'
import json, sys, jsonschema
doc, schema = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
jsonschema.Draft4Validator(schema).validate(doc)
run = doc["runs"][0]
assert [r["id"] for r in run["tool"]["driver"]["rules"]][0] == "section-missing"
assert all(r["partialFingerprints"]["primaryLocationLineHash"] for r in run["results"])
assert any(l.get("logicalLocations") for r in run["results"] for l in r["locations"])
assert run["invocations"][0]["toolExecutionNotifications"][0]["level"] == "error"
PY
then ok "sarif: valid SARIF 2.1.0, rules from the table, fingerprints, logical locations, unreadable input as a notification"
else fail "sarif invalid"; fi

run_odfgate check --format junit "${inputs[@]}"; printf '%s' "$out" >r.xml
if "$py" - r.xml <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites"
suites = root.findall("testsuite")
assert len(suites) == 4
for s in suites:
    for a in ("name", "tests", "failures", "errors"):
        assert a in s.attrib, a
    cases = s.findall("testcase")
    assert len(cases) == int(s.get("tests"))
    assert all(c.get("classname") and c.get("name") for c in cases)
classes = {c.get("classname") for s in suites for c in s.findall("testcase")}
assert len(classes) == 4                 # one unique classname per document
passing = suites[0]
assert passing.get("failures") == "0" and len(passing.findall("testcase")) > 10   # passes included
assert suites[3].find("testcase/error") is not None
PY
then ok "junit: well-formed, required attributes, passes included, unique classnames"; else fail "junit"; fi

summary="$scratch/summary.md"; echo "# before" >"$summary"
GITHUB_STEP_SUMMARY="$summary" run_odfgate check --format github "${inputs[@]}"
line=$(printf '%s\n' "$out" | grep 'section-unexpected' | head -n 1)
if [ "$line" = '::notice file=odd%2C name%3A 100%25.odt,line=12,title=section-unexpected::heading "Progress: 50%25, next steps" matches no section of the schema' ] \
   || printf '%s' "$line" | grep -q '^::notice file=odd%2C name%3A 100%25.odt,line=[0-9]*,title=section-unexpected::heading "Progress: 50%25, next steps"'; then
    ok "github: workflow commands escaped (%, :, , in properties; % in data)"
else fail "github escaping"; diag "$line"; fi
if head -n 1 "$summary" | grep -q '^# before' && grep -q '^### odfgate' "$summary" && grep -q '| 4 | 1 | 2 | 1 |' "$summary"; then
    ok "github: a Markdown summary appended to GITHUB_STEP_SUMMARY"
else fail "github summary"; diag "$(cat "$summary")"; fi

run_odfgate check --format gitlab "${inputs[@]}"
if printf '%s' "$out" | "$py" -c 'import json,sys
a=json.load(sys.stdin)
assert all(set(("description","check_name","fingerprint","severity","location")) <= set(i) for i in a)
assert len({i["fingerprint"] for i in a}) == len(a)'; then ok "gitlab: Code Quality issues with unique fingerprints"; else fail "gitlab"; fi

# jsonl streams: the first document is written while the second (stdin) is still unread
mkfifo feed
( "$top_builddir/odfgate" check --format jsonl "$d/passing.odt" - >stream.out 2>/dev/null <feed; echo $? >stream.rc ) &
exec 4>feed
for _ in $(seq 100); do [ -s stream.out ] && break; sleep 0.1; done
first_before=$(wc -l <stream.out)
cat "$d/placeholder.odt" >&4
exec 4>&-
wait
if [ "$first_before" = 1 ] && [ "$(wc -l <stream.out)" = 2 ] && "$py" -c 'import json,sys; [json.loads(l) for l in open("stream.out")]'; then
    ok "jsonl: one object per line, the first written before the last document is read"
else fail "jsonl streaming: $first_before line(s) before the second document"; fi

run_odfgate check --format json --report sarif:out.sarif --report junit:out.xml "${inputs[@]}"
if [ "$rc" = 3 ] && "$py" -c 'import json; json.load(open("out.sarif"))' && xmllint --noout out.xml 2>/dev/null \
   && [ -z "$(ls -A | grep 'odfgate-.*\.tmp')" ]; then ok "--report: further reports written, no temporary file left"
else fail "--report"; fi
done_testing
