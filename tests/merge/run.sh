#!/usr/bin/env bash
# run.sh — odfgate merge.  The samples and the tests' documents (passing, failing and
# unreadable ones) are checked once whole and once split into disjoint shards by real
# `odfgate check` runs; the merged shards must equal the whole run: JSONL byte for byte after
# ordering by path, SARIF valid against the SARIF 2.1.0 schema (tests/data/sarif) with the same
# results and fingerprints, JUnit well-formed with the same suites and recomputed totals.
# Bad inputs: one clear line naming the file, exit 2, nothing written.
. "$(dirname "$0")/../lib.sh"
py=/usr/bin/python3
sarif_schema="$ODFGATE_SARIF_SCHEMA"
cd "$scratch" || exit 1

# the documents: samples, the CLI fixture, the fuzz package corpus (encrypted, truncated,
# a spreadsheet: unreadable ones), and copies whose names sort differently in byte order
mkdir docs
cp "$top_srcdir"/samples/drafts/*.odt "$top_srcdir/tests/cli/fixtures/traps.fodt" docs/
for f in "$top_srcdir"/fuzz/corpus/package/*; do cp "$f" "docs/pkg-$(basename "$f")"; done
cp "$top_srcdir/samples/drafts/passing.odt" "docs/Zürich draft.odt"
cp "$top_srcdir/samples/drafts/placeholder.odt" "docs/a b, c.odt"
mapfile -t all < <(cd docs && printf '%s\n' * | sort)
[ "${#all[@]}" -ge 15 ] || { echo "Bail out! only ${#all[@]} documents"; exit 1; }
cd docs || exit 1
# three disjoint shards (round robin); the fourth shard is empty (more shards than documents)
shard0=() shard1=() shard2=()
for i in "${!all[@]}"; do k=$((i % 3)); eval "shard$k+=(\"\${all[i]}\")"; done
check_run() { # FORMAT OUT FILES...
    local f=$1 o=$2; shift 2
    "$top_builddir/odfgate" check --format "$f" "$@" >"../$o" 2>/dev/null
}
for f in jsonl sarif junit; do
    check_run "$f" "all.$f" "${all[@]}"
    check_run "$f" "s0.$f" "${shard0[@]}"
    check_run "$f" "s1.$f" "${shard1[@]}"
    check_run "$f" "s2.$f" "${shard2[@]}"
done
cd .. || exit 1
: >s3.jsonl

# ------------------------------------------------------------------ JSONL
run_odfgate merge s2.jsonl s0.jsonl s3.jsonl s1.jsonl
printf '%s\n' "$out" >merged.jsonl
"$py" - all.jsonl >sorted.jsonl <<'PY'
import sys
lines = open(sys.argv[1], "rb").read().splitlines()
import json
lines.sort(key=lambda l: json.loads(l)["path"].encode())
sys.stdout.buffer.write(b"".join(l + b"\n" for l in lines))
PY
if [ "$rc" = 1 ] && cmp -s merged.jsonl sorted.jsonl && [ "$(wc -l <merged.jsonl)" = "${#all[@]}" ]; then
    ok "jsonl: shards merged = the whole run ordered by path (byte order), exit 1 (documents failed)"
else fail "jsonl merge differs (rc=$rc)"; diag "$err" "$(diff merged.jsonl sorted.jsonl | head -5)"; fi
run_odfgate merge s0.jsonl s1.jsonl s2.jsonl
if [ "$out" = "$(cat merged.jsonl)" ]; then ok "jsonl: the order of the shards does not matter"
else fail "jsonl: output depends on the order of the inputs"; fi
if grep -q '"status":"error"' merged.jsonl && head -n 1 merged.jsonl | grep -q '^{"path":"Zürich draft.odt"' \
   && sed -n 2p merged.jsonl | grep -q '^{"path":"a b, c.odt"'; then
    ok "jsonl: unreadable documents kept, UTF-8 names intact, byte order ('Z' before 'a')"
else fail "jsonl content"; diag "$(cut -c1-60 merged.jsonl | head -3)"; fi
(cd docs && "$top_builddir/odfgate" check --format jsonl passing.odt >../p1.jsonl; "$top_builddir/odfgate" check --format jsonl "Zürich draft.odt" >../p2.jsonl)
run_odfgate merge p1.jsonl p2.jsonl
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | wc -l)" = 2 ]; then ok "jsonl: every document passed: exit 0"
else fail "jsonl all-pass exit $rc"; fi

run_odfgate merge s1.jsonl - s2.jsonl <s0.jsonl
if [ "$rc" = 1 ] && [ "$out" = "$(cat merged.jsonl)" ]; then ok "jsonl: '-' reads a report from standard input"
else fail "jsonl from stdin (rc=$rc)"; diag "$err"; fi

# ------------------------------------------------------------------ SARIF
run_odfgate merge s0.sarif s1.sarif s2.sarif; printf '%s\n' "$out" >merged.sarif; sarif_rc=$rc
if [ ! -f "$sarif_schema" ]; then skip "sarif: no SARIF schema at $sarif_schema"
elif "$py" - merged.sarif "$sarif_schema" <<'PY'
import json, sys, jsonschema
doc, schema = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
jsonschema.Draft4Validator(schema).validate(doc)
PY
then ok "sarif: the merged log is valid SARIF 2.1.0"
else fail "sarif: merged log invalid"; fi
if [ "$sarif_rc" = 1 ] && "$py" - merged.sarif all.sarif s0.sarif <<'PY'
import json, sys
m, a, s0 = (json.load(open(p)) for p in sys.argv[1:4])
assert len(m["runs"]) == 1
rm, ra = m["runs"][0], a["runs"][0]
assert len(s0["runs"][0]["results"]) < len(ra["results"])           # a real split
assert len(rm["results"]) == len(ra["results"]) > 10
fp = lambda run: sorted(r["partialFingerprints"]["primaryLocationLineHash"] for r in run["results"])
assert fp(rm) == fp(ra)
key = lambda r: json.dumps(r, sort_keys=True)
assert sorted(map(key, rm["results"])) == sorted(map(key, ra["results"]))
assert rm["tool"] == ra["tool"]
na, nm = (r["invocations"][0]["toolExecutionNotifications"] for r in (ra, rm))
assert len(na) == len(nm) >= 3 and sorted(map(key, na)) == sorted(map(key, nm))
assert rm["invocations"][0]["executionSuccessful"] is False
PY
then ok "sarif: one run, same tool, same results and fingerprints and notifications as the whole run, exit 1"
else fail "sarif: merged results differ (rc=$sarif_rc)"; fi
run_odfgate merge all.sarif
if [ "$rc" = 1 ] && [ "$out" = "$(cat all.sarif)" ]; then ok "sarif: one report merged alone is given back byte for byte"
else fail "sarif: identity"; fi

# ------------------------------------------------------------------ JUnit
run_odfgate merge -o merged.xml s1.junit s0.junit s2.junit
junit_rc=$rc
if [ -z "$out" ] && xmllint --noout merged.xml 2>/dev/null && [ "$junit_rc" = 1 ] && "$py" - merged.xml all.junit <<'PY'
import sys, xml.etree.ElementTree as ET
m, a = (ET.parse(p).getroot() for p in sys.argv[1:3])
assert m.tag == "testsuites" and m.get("name") == "odfgate"
sm, sa = m.findall("testsuite"), a.findall("testsuite")
assert sorted(s.get("name") for s in sm) == sorted(s.get("name") for s in sa)
cases = [c for s in sm for c in s.findall("testcase")]
assert int(m.get("tests")) == len(cases) == sum(len(s.findall("testcase")) for s in sa)
assert int(m.get("failures")) == sum(1 for c in cases if c.find("failure") is not None) > 0
assert int(m.get("errors")) == sum(1 for c in cases if c.find("error") is not None) > 0
assert int(m.get("failures")) == sum(int(s.get("failures")) for s in sa)
assert int(m.get("errors")) == sum(int(s.get("errors")) for s in sa)
def cases_of(s):
    return [(c.get("classname"), c.get("name"), [(k.tag, k.get("message"), (k.text or "").strip()) for k in c])
            for c in s.findall("testcase")]
assert {s.get("name"): cases_of(s) for s in sm} == {s.get("name"): cases_of(s) for s in sa}
PY
then ok "junit: -o writes one well-formed <testsuites> with every suite and recomputed totals, exit 1"
else fail "junit merge (rc=$junit_rc)"; diag "$err"; fi

# ------------------------------------------------------------------ bad input
printf 'hello\n' >text.txt
head -c 700 s0.jsonl >trunc.jsonl
head -c 3000 all.sarif >trunc.sarif
printf '{"version":"2.1.0","runs":[]}\n' >noruns.sarif
sed 's/"version":"[0-9.]*","informationUri"/"version":"9.9.9","informationUri"/' s1.sarif >other-version.sarif
sed 's/"shortDescription":{"text":"/"shortDescription":{"text":"changed /' s1.sarif >other-rules.sarif
"$top_builddir/odfgate" check --format json docs/passing.odt >plain.json 2>/dev/null
printf '{"path":"x\xff.odt","status":"pass"}\n' >badutf8.jsonl
printf '<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<testsuites><testsuite name="&x;"/></testsuites>\n' >xxe.junit
printf '<testsuites><testsuite name="a">\n' >broken.junit
bad_case() { # DESCRIPTION PATTERN FILE-IN-MESSAGE ARGS...
    local d=$1 pat=$2 file=$3; shift 3
    rm -f target.out
    run_odfgate merge -o target.out "$@"
    if [ "$rc" = 2 ] && [ ! -e target.out ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ] \
       && printf '%s' "$err" | grep -q -- "$file" && printf '%s' "$err" | grep -Eq -- "$pat"; then
        ok "bad input: $d"
    else fail "bad input: $d (rc=$rc)"; diag "$err"; fi
}
bad_case "not a report" "not a report of odfgate check" text.txt s0.jsonl text.txt
bad_case "truncated JSONL (line and column)" "line [0-9]+, column [0-9]+: .*(truncated|unterminated)" trunc.jsonl s1.jsonl trunc.jsonl
bad_case "truncated SARIF" "truncated|unterminated" trunc.sarif s0.sarif trunc.sarif
bad_case "a SARIF with no runs" "no runs" noruns.sarif s0.sarif noruns.sarif
bad_case "mixed formats" "is a sarif report but s0.jsonl is jsonl" s0.sarif s0.jsonl s0.sarif
bad_case "--format disagrees" "is a jsonl report, not junit" s0.jsonl --format junit s0.jsonl
bad_case "over max-file-size" "larger than max-file-size" s0.sarif --limit max-file-size=1K s0.sarif
bad_case "a document in two shards" "also in s0.jsonl .*overlap" s0.jsonl s0.jsonl s1.jsonl s0.jsonl
bad_case "a JUnit suite in two shards" "also in s1.junit .*overlap" s1.junit s1.junit s1.junit
bad_case "another odfgate version" "9.9.9 .*one tool version" other-version.sarif s0.sarif other-version.sarif
bad_case "another rule set" "rules differ" other-rules.sarif s0.sarif other-rules.sarif
bad_case "the json format" "use --format jsonl" plain.json plain.json
bad_case "invalid UTF-8" "invalid UTF-8" badutf8.jsonl badutf8.jsonl
bad_case "JUnit with an entity declaration" "entity" xxe.junit xxe.junit
bad_case "malformed JUnit" "xml|XML|malformed|Premature" broken.junit broken.junit
bad_case "an empty SARIF shard" "empty, not a sarif report" s3.jsonl s0.sarif s3.jsonl
bad_case "a missing file" "cannot open" nope.jsonl s0.jsonl nope.jsonl
run_odfgate merge
if [ "$rc" = 2 ] && printf '%s' "$err" | grep -q "give the reports"; then ok "no input: usage error"; else fail "no input"; fi
run_odfgate merge --format xml s0.jsonl
if [ "$rc" = 2 ]; then ok "unknown --format: usage error"; else fail "--format xml"; fi

# -o never replaces a file unless --force; then atomically: replaced whole, no temporary left
printf 'old\n' >target.out
before=$(ls -A)
run_odfgate merge -o target.out s0.jsonl s1.jsonl s2.jsonl
if [ "$rc" = 2 ] && [ "$(cat target.out)" = old ] && [[ "$err" == *"target.out: exists; give --force to replace it"* ]]; then
    ok "-o an existing file: refused, exit 2, the file untouched"
else fail "-o existing without --force (rc=$rc)"; diag "$err"; fi
run_odfgate merge --force -o target.out s0.jsonl s1.jsonl s2.jsonl
if [ "$rc" = 1 ] && [ -z "$out" ] && cmp -s target.out merged.jsonl && [ "$(ls -A)" = "$before" ]; then
    ok "-o --force: written atomically, same bytes as stdout"
else fail "-o --force"; fi
done_testing
