#!/usr/bin/env bash
# cli.sh — odfgate status over a folder of drafts in every sign-off state: each cell equals
# what `odfgate signoffs --format json` says of that document (and check --format json's
# "signoffs"); readiness and the quorum; the chase list, blockers and waivers; CSV rows; the
# terminal table fits the width; --since/--write-state name what changed; bad state files,
# unknown formats and unwritable outputs fail cleanly; --jobs does not change the output.
# The HTML page (Chromium) and the ODS sheet (LibreOffice Calc) have their own scripts.
. "$(dirname "$0")/../lib.sh"
here="$top_srcdir/tests/status"
mk() { python3 "$top_srcdir/tests/batch/mkdoc.py" "$@"; }
plan_lazy=1
D=2026-11-20T10:00:00+00:00
cd "$scratch" || exit 1
s=$here/schema.xml
sign() { # IN ID [more signoff options] -> in place
    local f=$1 id=$2; shift 2
    run_odfgate signoff "$f" --schema "$s" --as "$id" --by "Signer $id" --date $D --in-place "$@"
    [ "$rc" = 0 ] || diag "signoff $f $id: $err"
}
good=(h:Alpha p:One. h:Beta p:Two. h:Gamma p:Three.)
mkdir -p set
mk set/ready.fodt "${good[@]}"
sign set/ready.fodt a; sign set/ready.fodt b
mk set/short.fodt "${good[@]}"
sign set/short.fodt a
mk set/rejected.fodt "${good[@]}"
sign set/rejected.fodt a; sign set/rejected.fodt b; sign set/rejected.fodt c --decision rejected
mk set/stale.fodt "${good[@]}"
sign set/stale.fodt a; sign set/stale.fodt b
sed -i 's/Two\./Two, and more./' set/stale.fodt # beta changes after both signed
mk set/failing.fodt h:Alpha p:One. h:Gamma p:Three.
printf 'not a zip, not XML\n' >set/broken.odt

cells() { # status JSON on stdin -> "path signatory:state ..." per document
    python3 -c 'import json,sys
d=json.load(sys.stdin)
for doc in d["documents"]:
    print(doc["path"].split("/")[-1], " ".join(c["signatory"]+":"+c["state"] for c in doc.get("signoffs",[])))'
}
run_odfgate status --schema "$s" --format json set
status_json=$out
check "a folder with an unreadable file: exit 3 (got $rc)" test "$rc" = 3
got=$(cells <<<"$status_json")
want="broken.odt 
failing.fodt a:missing b:missing c:missing
ready.fodt a:approved b:approved c:missing
rejected.fodt a:approved b:approved c:rejected
short.fodt a:approved b:missing c:missing
stale.fodt a:stale b:stale c:missing"
if [ "$got" = "$want" ]; then ok "one row per document, one cell per signatory, in input order"
else fail "one row per document, one cell per signatory"; diag "$got"; fi

# every cell equals what `odfgate signoffs --format json` says of the document, and what
# check --format json puts in "signoffs"
agree=1
for f in ready short rejected stale failing; do
    run_odfgate signoffs --schema "$s" --format json "set/$f.fodt"
    a=$(python3 -c 'import json,sys; print(" ".join(x["signatory"]+":"+x["state"] for x in json.loads(sys.argv[1])["signatories"]))' "$out")
    run_odfgate check --schema "$s" --format json "set/$f.fodt"
    b=$(python3 -c 'import json,sys; print(" ".join(x["signatory"]+":"+x["state"] for x in json.loads(sys.argv[1])["documents"][0]["signoffs"]))' "$out")
    c=$(grep "^$f.fodt " <<<"$got" | cut -d' ' -f2-)
    if [ "$a" != "$c" ] || [ "$b" != "$c" ]; then agree=0; diag "$f: signoffs '$a' check '$b' status '$c'"; fi
done
check "every cell equals odfgate signoffs and check --format json" test $agree = 1

jq_() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)" <<<"$status_json"; }
check "ready: only the document that passes with 2 of 3 approvals (a rejection fails)" \
    test "$(jq_ '" ".join(x["path"].split("/")[-1] for x in d["documents"] if x["ready"])')" = "ready.fodt"
check "quorum: short has 1 approval of 2 required, not met" \
    test "$(jq_ '[(x["quorum"]["approvals"],x["quorum"]["required"],x["quorum"]["met"]) for x in d["documents"] if x["path"].endswith("short.fodt")][0]')" = "(1, 2, False)"
check "stale cells name the changed section" \
    test "$(jq_ '[c["changed_sections"] for x in d["documents"] if x["path"].endswith("stale.fodt") for c in x["signoffs"] if c["signatory"]=="a"][0]')" = "['beta']"
check "the unreadable document is a row with its error" \
    test "$(jq_ '[x["status"]+" "+x["error"]["code"] for x in d["documents"] if x["path"].endswith("broken.odt")][0]')" = "error not-odf-package"
check "chase list: c is awaited on every document but the one they rejected" \
    test "$(jq_ '" ".join(x["path"].split("/")[-1]+":"+x["state"] for s in d["chase"] if s["signatory"]=="c" for x in s["documents"])')" = "failing.fodt:missing ready.fodt:missing short.fodt:missing stale.fodt:missing"
check "blockers by rule: section-missing (failing.fodt), signoff-stale (stale.fodt), signoff-rejected (rejected.fodt)" \
    test "$(jq_ '" ".join(b["rule"]+":"+",".join(x["path"].split("/")[-1] for x in b["documents"]) for b in d["blockers"])')" = "section-missing:failing.fodt signoff-stale:stale.fodt signoff-rejected:rejected.fodt"
check "summary: 6 documents, 1 ready, 1 unreadable" \
    test "$(jq_ '(d["summary"]["documents"],d["summary"]["ready"],d["summary"]["errors"])')" = "(6, 1, 1)"

# each signoff finding names its signatory in a field
run_odfgate check --schema "$s" --format json set/stale.fodt
check "a signoff-stale finding names its signatory in \"signatories\"" \
    test "$(python3 -c 'import json,sys; print(sorted(f["signatories"][0] for f in json.loads(sys.argv[1])["documents"][0]["findings"] if f["rule"]=="signoff-stale"))' "$out")" = "['a', 'b']"

# exit codes: only ready documents -> 0; one short of the quorum -> 1
cp set/ready.fodt ready2.fodt
run_odfgate status --schema "$s" set/ready.fodt ready2.fodt
check "only ready documents: exit 0 (got $rc)" test "$rc" = 0
run_odfgate status --schema "$s" set/ready.fodt set/short.fodt
check "a passing document short of its quorum: exit 1 (got $rc)" test "$rc" = 1

# CSV: one row per document and signatory, states as in the JSON
run_odfgate status --schema "$s" --format csv set
csv_cells=$(python3 -c 'import csv,sys,io
rows=list(csv.DictReader(io.StringIO(sys.argv[1])))
by={}
for r in rows: by.setdefault(r["path"].split("/")[-1],[]).append(r["signatory"]+":"+r["state"] if r["signatory"] else "")
for p,v in by.items(): print(p," ".join(v))' "$out")
check "CSV: the same cells as the JSON (one row per document and signatory)" test "$csv_cells" = "$want"
mk inject.fodt "h:=HYPERLINK(\"http://x\")" p:One.
python3 - inject.fodt <<'PY'
import sys,re
p=sys.argv[1]; s=open(p).read()
s=re.sub(r'<office:meta>', '<office:meta><dc:title>=1+2</dc:title>', s, 1)
open(p,'w').write(s)
PY
run_odfgate status --schema "$s" --format csv inject.fodt
check "CSV: a title starting with = is written as text ('=1+2), not a formula" grep -q "'=1+2" <<<"$out"

# text from documents cannot become markup: a title with a script element, a path with a tag
mkdir -p '<b>x'
python3 - inject.fodt '<b>x/t.fodt' <<'PY'
import sys
s=open(sys.argv[1]).read().replace('<dc:title>=1+2</dc:title>','<dc:title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "q"</dc:title>')
open(sys.argv[2],'w').write(s)
PY
run_odfgate status --schema "$s" --format html '<b>x'
check "html: a title's <script> and a path's <b> are escaped, never markup" \
    bash -c 'grep -q "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;" <<<"$1" && grep -q "data-path=\"&lt;b&gt;x/t.fodt\"" <<<"$1" && [ "$(grep -c "<script>" <<<"$1")" = 1 ]' _ "$out"

# the terminal table fits the width
COLUMNS=72 run_odfgate status --schema "$s" set
widest=$(sed -n '1,/^$/p' <<<"$out" | awk '{ if (length($0) > m) m = length($0) } END { print m }')
check "text: the matrix fits 72 columns (widest line $widest)" test "$widest" -le 72
check "text: who still has to act, blockers and the summary" \
    bash -c 'grep -q "^Who still has to act" <<<"$1" && grep -q "^Blockers" <<<"$1" && grep -q "6 documents: 1 ready" <<<"$1"' _ "$out"

# --jobs does not change anything
run_odfgate status --schema "$s" --format json --jobs 1 set; j1=$out
run_odfgate status --schema "$s" --format json --jobs 4 set
check "--jobs 1 and --jobs 4 give the same JSON" test "$j1" = "$out"

# --since / --write-state: what changed
run_odfgate status --schema "$s" --format json --write-state state.json set
check "--write-state writes the json (exit $rc)" python3 -c 'import json,sys; assert json.load(open("state.json"))["kind"]=="status"'
sign set/short.fodt b
rm set/failing.fodt
mk set/new.fodt "${good[@]}"
run_odfgate status --schema "$s" --format json --since state.json --write-state state.json set
ch=$(python3 -c 'import json,sys; c=json.loads(sys.argv[1])["changes"]; print(c["added"], c["gone"], [(x["path"].split("/")[-1],x["signatory"],x["from"],x["to"]) for x in c["cells"]], c["newly_passing"])' "$out")
check "--since: added, gone, and the newly signed cell" \
    test "$ch" = "['set/new.fodt'] ['set/failing.fodt'] [('short.fodt', 'b', 'missing', 'approved')] []"
check "--since: newly_signed names the cell" \
    test "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["changes"]["newly_signed"])' "$out")" = "[{'path': 'set/short.fodt', 'signatory': 'b'}]"
check "--since and --write-state on the same file: the state is this run's" \
    python3 -c 'import json; d=json.load(open("state.json")); assert any(x["path"]=="set/new.fodt" for x in d["documents"])'
run_odfgate status --schema "$s" --since state.json set
check "text --since: 'Changes since' with none" bash -c 'grep -q "^Changes since state.json" <<<"$1" && grep -q "^  none" <<<"$1"' _ "$out"

# bad input
printf '{"kind":"check","documents":[]}' >bad.json
run_odfgate status --schema "$s" --since bad.json set
check "--since with another tool's JSON: exit 2, the file named (got $rc: $err)" \
    bash -c '[ "$1" = 2 ] && grep -q "bad.json" <<<"$2"' _ "$rc" "$err"
printf '{"kind":"status","documents":[' >trunc.json
run_odfgate status --schema "$s" --since trunc.json set
check "--since with truncated JSON: exit 2, the file named" bash -c '[ "$1" = 2 ] && grep -q "trunc.json" <<<"$2"' _ "$rc" "$err"
run_odfgate status --schema "$s" --since missing.json set
check "--since with a missing file: exit 2" test "$rc" = 2
run_odfgate status --schema "$s" --format csv --since state.json set
check "--since with csv is refused (exit $rc)" test "$rc" = 2
run_odfgate status --format xml set
check "an unknown format: exit 2" test "$rc" = 2
mkdir -p outdir
run_odfgate status --schema "$s" --format json -o outdir set
check "-o onto a folder: exit 3, nothing left behind" \
    bash -c '[ "$1" = 3 ] && [ -z "$(ls -A outdir)" ] && ! ls | grep -q odfgate-' _ "$rc"
run_odfgate status --schema "$s" --format html -o page.html set
check "-o writes the page (exit $rc), no temporary file left" \
    bash -c 'grep -q "<table id=\"matrix\">" page.html && ! ls | grep -q odfgate-'

run_odfgate status --schema "$s" --format json -o same.json --write-state same.json set
check "-o and --write-state on one file: refused (exit $rc)" test "$rc" = 2
# a state listing a path twice (an input named twice) is still read; a hostile state's text
# never reaches the output raw (only known state names)
run_odfgate status --schema "$s" --format json --write-state twice.json set set/ready.fodt
run_odfgate status --schema "$s" --format json --since twice.json set
check "--since a state that lists a path twice: read (exit $rc)" test "$rc" = 3
printf '{"kind":"status","documents":[{"path":"set/ready.fodt","status":"pass","signoffs":[{"signatory":"a","state":"\\u001b[31mowned"}]}]}' >evil.json
run_odfgate status --schema "$s" --format json --since evil.json set
check "--since: an unknown state in the file is taken as missing, never echoed" \
    bash -c '! grep -q owned <<<"$1" && grep -q "\"from\":\"missing\",\"to\":\"approved\"" <<<"$1"' _ "$out"
# many waivers with one reason: one entry, linear memory
mk many.fodt "c:odfgate-waive section-unexpected: agreed|Intro." h:Alpha p:One. h:Beta p:Two. h:Gamma p:Three. $(for i in $(seq 400); do printf 'h:Extra%s p:x. ' $i; done)
run_odfgate status --schema "$s" --format json many.fodt
check "400 waived findings with one reason: one waiver entry counting 400" \
    test "$(python3 -c 'import json,sys; print([(w["rule"],w["count"]) for w in json.loads(sys.argv[1])["waivers"]])' "$out")" = "[('section-unexpected', 400)]"

# -o goes through the library's atomic writer: a link is written through (kept), a FIFO is
# never replaced
echo old >target.html; ln -s target.html link.html
run_odfgate status --schema "$s" --format html -o link.html set/ready.fodt
check "-o through a symbolic link: the link kept, its target written" \
    bash -c '[ -L link.html ] && grep -q "<table id=\"matrix\">" target.html'
mkfifo pipe.out
run_odfgate status --schema "$s" --format json -o pipe.out set/ready.fodt
check "-o onto a FIFO: refused (exit $rc), the FIFO still there" bash -c '[ "$1" = 3 ] && [ -p pipe.out ]' _ "$rc"

# signoffs over many files and folders: one JSON object per line
run_odfgate signoffs --schema "$s" --format json set
check "signoffs over a folder: one JSON object per document" \
    test "$(grep -c '^{"path"' <<<"$out")" = 5
check "signoffs over a folder with an unreadable file: exit 3" test "$rc" = 3

# a schema without signatories: no columns, the quorum is not a condition
mk plain.fodt "${good[@]}"
run_odfgate status --schema "$top_srcdir/tests/batch/schema.xml" --format json plain.fodt
check "no signatories: ready when it passes (exit $rc)" \
    bash -c '[ "$1" = 0 ] && python3 -c "import json,sys; d=json.loads(sys.argv[1]); assert d[\"signatories\"]==[] and d[\"documents\"][0][\"ready\"]" "$2"' _ "$rc" "$out"
# waivers in force, with their reasons
mk waived.fodt h:Alpha "c:odfgate-waive placeholder: agreed with Agency A|One TBC." h:Beta p:Two. h:Gamma p:Three.
run_odfgate status --schema "$s" --format json waived.fodt
check "a waiver in force is listed with its rule and reason" \
    test "$(python3 -c 'import json,sys; print([(w["rule"],w["reason"],w["count"]) for w in json.loads(sys.argv[1])["waivers"]])' "$out")" = "[('placeholder', 'agreed with Agency A', 1)]"
run_odfgate status --schema "$s" waived.fodt
check "text: the waiver under 'Waivers in force'" bash -c 'grep -A1 "^Waivers in force" <<<"$1" | grep -q "placeholder: agreed with Agency A"' _ "$out"

# ODF signatures: untrusted without anchors, approved with them, signature-invalid when the
# text is tampered with, unsigned under require-signature
if command -v openssl >/dev/null 2>&1 && ODFGATE_PKI_NO_NSS=1 bash "$top_srcdir/tests/signatures/mkpki.sh" pki >/dev/null 2>&1; then
    cp "$top_srcdir/samples/drafts/passing.odt" p.odt
    run_odfgate signoff p.odt --as dh --by "Signer dh" --date $D --sign --key pki/dh.key --cert pki/dh.pem -o signed.odt
    python3 "$top_srcdir/tests/signatures/tamper.py" signed.odt tampered.odt byte
    dh_state() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(" ".join(c["state"] for x in d["documents"] for c in x["signoffs"] if c["signatory"]==sys.argv[2]))' "$out" "$1"; }
    run_odfgate status --format json signed.odt tampered.odt
    check "a signed sign-off without trust anchors: untrusted; tampered: signature-invalid" \
        test "$(dh_state dh)" = "untrusted signature-invalid"
    run_odfgate status --format json --trust pki/ca.pem signed.odt
    check "with the CA as trust anchor: approved" test "$(dh_state dh)" = "approved"
    run_odfgate signoffs --format json --trust pki/ca.pem tampered.odt
    check "signoffs agrees: signature-invalid" \
        test "$(python3 -c 'import json,sys; print([x["state"] for x in json.loads(sys.argv[1])["signatories"] if x["signatory"]=="dh"][0])' "$out")" = "signature-invalid"
    sed 's/<signatories require="all">/<signatories require="all" require-signature="true">/' \
        "$top_srcdir/samples/schemas/common-purpose-framework.xml" >req.xml
    cp p.odt plain.odt
    run_odfgate signoff plain.odt --schema req.xml --as cqc --by "Signer cqc" --date $D --in-place
    run_odfgate status --format json --schema req.xml --trust pki/ca.pem plain.odt signed.odt
    check "require-signature: an unsigned approval is 'unsigned', a signed one approved" \
        test "$(dh_state cqc) $(dh_state dh)" = "unsigned missing missing approved"
else
    for i in 1 2 3 4; do skip "no openssl or the test PKI could not be made"; done
fi
done_testing
