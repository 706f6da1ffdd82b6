#!/usr/bin/env bash
# menu.sh — Tools ▸ Check statement… (vnd.odfgate:check) in a real headless LibreOffice,
# driven through python3-uno dispatch: the result event carries the findings (one string per
# finding, as `odfgate check` reports them); InsertComments inserts them as odfgate comments
# (replacing earlier ones), Schema picks the schema, a bad schema is a FAILURE with a reason.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lo-lib.sh"
plan 7
cd "$scratch" || exit 1
cp "$top_srcdir/samples/drafts/placeholder.odt" failing.odt
schema="$top_srcdir/samples/schemas/strict-cpf.xml"

lines_of() { # FILE [SCHEMA] → JSON list of "severity: [section] message (rule)"
    if [ -n "${2:-}" ]; then run_odfgate check --format json --schema "$2" "$1"; else run_odfgate check --format json "$1"; fi
    printf '%s' "$out" | python3 -c 'import json,sys
print(json.dumps([f["severity"] + ": " + ("[%s] " % f["section"] if f["section"] else "") + f["message"] + " (" + f["rule"] + ")"
                  for f in json.load(sys.stdin)["documents"][0]["findings"]]))'
}
want=$(lines_of failing.odt)
n=$(json_get "$want" 'len(j)')
lo_drive 'check|failing.odt|{"InsertComments": false}|frame' \
         'check|failing.odt|{}|frame' \
         'check|failing.odt|{"InsertComments": true}|model' \
         'check|failing.odt|{"InsertComments": true, "_times": 2}|model' \
         "check|failing.odt|{\"Schema\": \"$schema\", \"InsertComments\": false}|frame" \
         'check|failing.odt|{"Schema": "/nonexistent/schema.xml"}|frame'
[ -n "$drive" ] || diag "driver: $(cat driver.err)"

r=$(drive_line 1)
if [ "$(json_get "$r" 'j["state"]')" = 1 ] && [ "$(json_get "$r" 'json.dumps(j["result"])')" = "$want" ]; then
    ok "dispatch through the frame returns the $n findings, as odfgate check reports them"
else fail "dispatch result"; diag "$r" "$want"; fi
if [ "$(json_get "$r" 'j["odfgate_comments"]')" = 0 ]; then ok "InsertComments=false: no comment inserted"; else fail "comments inserted"; fi
r=$(drive_line 2)
if [ "$(json_get "$r" 'j["state"], len(j["result"]), j["odfgate_comments"]')" = "1 $n 0" ]; then
    ok "no arguments, headless: the question returns at once, findings returned, nothing inserted"
else fail "dispatch without arguments"; diag "$r"; fi
r=$(drive_line 3)
texts=$(run_odfgate check --format json failing.odt; printf '%s' "$out" | python3 -c 'import json,sys
print(json.dumps(sorted(f["severity"] + ": " + f["message"] + " (" + f["rule"] + ")" for f in json.load(sys.stdin)["documents"][0]["findings"])))')
if [ "$(json_get "$r" 'j["odfgate_comments"]')" = "$n" ] && [ "$(json_get "$r" 'json.dumps(j["comment_texts"])')" = "$texts" ]; then
    ok "InsertComments=true: one odfgate comment per finding, with its text"
else fail "insert comments"; diag "$r" "$texts"; fi
if [ "$(json_get "$(drive_line 4)" 'j["odfgate_comments"]')" = "$n" ]; then ok "checking twice replaces the comments (still $n)"
else fail "second check doubled the comments"; diag "$(drive_line 4)"; fi
r=$(drive_line 5)
if [ "$(json_get "$r" 'json.dumps(j["result"])')" = "$(lines_of failing.odt "$schema")" ]; then ok "Schema argument: that schema's findings"
else fail "Schema argument"; diag "$r"; fi
r=$(drive_line 6)
if [ "$(json_get "$r" 'j["state"], len(j["result"])')" = "0 1" ] && json_get "$r" 'j["result"][0]' | grep -q 'Cannot load the schema.*nonexistent'; then
    ok "a schema that cannot be read: FAILURE, with the reason as the result"
else fail "bad schema"; diag "$r"; fi
