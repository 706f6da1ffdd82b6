#!/usr/bin/env bash
# cli.sh — odfgate diff without LibreOffice: what counts as a change (a word, a paragraph, a
# renamed, moved, added or removed section; not formatting, metadata, comments, sign-offs or a
# recomputed field); the JSON contract; the words inserted and deleted; git history (--since
# REV through a rename, --since-signoff finding the signed version or saying plainly that none
# has it, --old checked against the record); the redline document valid against the OASIS
# schema; bad input and bad usage with their exit codes; the stale message's hint.
# LibreOffice's view of the redline (accept gives NEW, reject gives OLD) is tests/diff/lo.sh.
. "$(dirname "$0")/../lib.sh"
here="$top_srcdir/tests/diff"
mk() { python3 "$top_srcdir/tests/batch/mkdoc.py" "$@"; }
s=$here/schema.xml
cd "$scratch" || exit 1
d() { run_odfgate diff --schema "$s" "$@"; }
# jq-like probes of the JSON on $out: py EXPR (the parsed object is j)
py() { printf '%s' "$out" | python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"; }
changed_ids() { py '" ".join(sorted((x["id"] or "-")+":"+x["status"]+("/moved" if x["moved"] else "")+("/renamed" if x["renamed"] else "") for x in j["sections"] if x["status"]!="unchanged" or x["moved"]))'; }
words() { # SECTION OP -> the words of that op in the section's changed paragraphs, in order
    py "' '.join(w['text'].strip() for x in j['sections'] if x['id']=='$1' for e in x['edits'] if e['op']=='change' for w in e['words'] if w['op']=='$2' and w['text'].strip())"
}
jing_ok() { # FILE.fodt -> the flat document valid against OASIS ODF 1.3
    jing -i "$ODFGATE_ODF_SCHEMAS/OpenDocument-v1.3-schema.rng" "$1" 2>/dev/null >"$scratch/jing.out"
}
base=(h:Alpha p:"The parties will work together." p:"Second paragraph of alpha."
      h:Beta p:"Beta says one thing." p:"And another."
      h:Gamma p:"Gamma closes the statement.")
mk v1.fodt "${base[@]}"

# --- what is a change -----------------------------------------------------------------------
d v1.fodt v1.fodt
check "the same document: exit 0" [ "$rc" = 0 ]
case $out in *"no change in the text"*) ok "the same document: no change" ;; *) fail "same: $out" ;; esac

mk words.fodt h:Alpha p:"The parties shall work closely together." p:"Second paragraph of alpha." \
    h:Beta p:"Beta says one thing." p:"And another." h:Gamma p:"Gamma closes the statement."
d --format json v1.fodt words.fodt
check "a word changed: exit 1" [ "$rc" = 1 ]
check "a word changed: only alpha changed" [ "$(changed_ids)" = "alpha:changed" ]
check "the words deleted" [ "$(words alpha delete)" = "will" ]
check "the words inserted" [ "$(words alpha insert)" = "shall closely" ]
check "the summary counts words" [ "$(py 'j["summary"]["words_inserted"], j["summary"]["words_deleted"], j["summary"]["paragraphs_changed"]')" = "2 1 1" ]
d words.fodt v1.fodt --format json
check "the other way round: inserted and deleted swap" [ "$(words alpha insert)" = "will" ]

mk paras.fodt h:Alpha p:"The parties will work together." h:Beta p:"Beta says one thing." \
    p:"A new paragraph in beta." p:"And another." h:Gamma p:"Gamma closes the statement."
d --format json v1.fodt paras.fodt
check "a paragraph deleted in alpha, one inserted in beta" \
    [ "$(changed_ids) $(py 'j["summary"]["paragraphs_inserted"], j["summary"]["paragraphs_deleted"]')" = "alpha:changed beta:changed 1 1" ]

# formatting, metadata, a comment, a sign-off, a footnote's place: no change
mk format.fodt title:"Another title" h:Alpha b:"The parties will work|together." p:"Second paragraph of alpha." \
    h:Beta c:"Please check|Beta says one thing." p:"And another." h:Gamma p:"Gamma closes the statement."
d v1.fodt format.fodt
check "bold, a title and a comment are no change (exit 0)" [ "$rc" = 0 ]
cp v1.fodt signed.fodt
run_odfgate signoff signed.fodt --schema "$s" --as a --by "Ann" --in-place
d v1.fodt signed.fodt
check "a sign-off is no change" [ "$rc" = 0 ]
mk field1.fodt "${base[@]}" "x:Printed <text:date>4 December 2026</text:date>"
mk field2.fodt "${base[@]}" "x:Printed <text:date>9 January 2027</text:date>"
d field1.fodt field2.fodt
check "a date field LibreOffice recomputes is no change" [ "$rc" = 0 ]
mk field3.fodt "${base[@]}" "x:Printed <text:date text:fixed=\"true\" text:date-value=\"2027-01-09\">9 January 2027</text:date>"
d field1.fodt field3.fodt
check "a date field made fixed is a change" [ "$rc" = 1 ]

# sections: renamed within the schema, moved, added and removed, renamed outside it
mk renamed.fodt h:"First part" p:"The parties will work together." p:"Second paragraph of alpha." \
    h:Beta p:"Beta says one thing." p:"And another." h:Gamma p:"Gamma closes the statement."
d --format json v1.fodt renamed.fodt
check "a heading renamed to the section's alias: alpha renamed, nothing else" \
    [ "$(changed_ids)" = "alpha:changed/renamed" ]
mk moved.fodt h:Alpha p:"The parties will work together." p:"Second paragraph of alpha." \
    h:Gamma p:"Gamma closes the statement." h:Beta p:"Beta says one thing." p:"And another."
d --format json v1.fodt moved.fodt
check "two sections swapped: one moved, no paragraph changed" \
    [ "$(changed_ids) $(py 'j["summary"]["paragraphs_inserted"]+j["summary"]["paragraphs_deleted"]+j["summary"]["paragraphs_changed"]')" = "gamma:unchanged/moved 0" ]
mk addrm.fodt h:Alpha p:"The parties will work together." p:"Second paragraph of alpha." \
    h:Beta p:"Beta says one thing." p:"And another." h:Annex p:"An annex nobody asked for."
d --format json v1.fodt addrm.fodt
check "gamma removed, an annex added" [ "$(changed_ids)" = "-:added gamma:removed" ]
mk notes1.fodt "${base[@]}" h:Notes p:"Note one about the text." p:"Note two about the text."
mk notes2.fodt "${base[@]}" h:"Further notes" p:"Note one about the text." p:"Note two about the text."
d --format json notes1.fodt notes2.fodt
check "a heading outside the schema renamed, same body: renamed, not added and removed" \
    [ "$(changed_ids)" = "-:changed/renamed" ]
mk fn1.fodt "${base[@]}" f:"With a note.|The first note."
mk fn2.fodt "${base[@]}" f:"With a note.|The second note."
d --format json fn1.fodt fn2.fodt
check "a footnote's text changed: a note changed" [ "$(py '[e["kind"] for x in j["sections"] for e in x["edits"]]')" = "['note']" ]

# the JSON contract (docs/diff.schema.json) on every kind of comparison above, and the words
# of each change spell OLD's and NEW's texts
if python3 -c 'import jsonschema' 2>/dev/null; then
    for c in v1 words paras format renamed moved addrm fn2 field3; do
        a=v1.fodt; [ $c = fn2 ] && a=fn1.fodt; [ $c = field3 ] && a=field1.fodt
        d --format json $a $c.fodt
        printf '%s' "$out" >"$c.json"
        if python3 - "$top_srcdir/docs/diff.schema.json" "$c.json" <<'PY'; then ok "JSON $c: valid against docs/diff.schema.json, words spell both texts"; else fail "JSON $c"; fi
import json, sys, jsonschema
schema, doc = (json.load(open(p)) for p in sys.argv[1:3])
jsonschema.validate(doc, schema)
for s in doc["sections"]:
    for e in s["edits"]:
        if e["op"] == "change":
            assert "".join(w["text"] for w in e["words"] if w["op"] != "insert") == e["old"], e
            assert "".join(w["text"] for w in e["words"] if w["op"] != "delete") == e["new"], e
PY
    done
else
    skip "python3-jsonschema is not installed (the JSON contract)"
fi

# --- review regressions ----------------------------------------------------------------------
# a field's attribute value with newlines: units hold newlines (xdiff must not see them as lines)
nl='x:See <text:user-defined text:name="a&#10;b&#10;c&#10;d&#10;e&#10;f">v</text:user-defined> here'
mk nl1.fodt h:Intro p:"alpha beta" "$nl" p:gamma
mk nl2.fodt h:Intro p:"alpha beta delta" "${nl/f\">/g\">} there" p:gamma
d --format json nl1.fodt nl2.fodt
if [ "$rc" = 1 ] && [ "$(py 'j["changed"]')" = True ]; then ok "a field value with newlines: compared (exit 1), valid JSON"; else fail "a field value with newlines: compared (exit 1), valid JSON"; fi
# a heading holding a date LibreOffice recomputes: the same section, no change
hd() { printf 'x:</text:p><text:h text:outline-level="1">Report of <text:date>%s</text:date></text:h><text:p>' "$1"; }
mk hf1.fodt h:Intro p:alpha "$(hd 2024-01-01)" h:End p:omega
mk hf2.fodt h:Intro p:alpha "$(hd 2025-06-30)" h:End p:omega
d hf1.fodt hf2.fodt
check "a recomputed date in a heading: no change (exit 0)" [ "$rc" = 0 ]
# text deleted before NEW's first paragraph, the next paragraph inserted
mk lead1.fodt p:"alpha beta gamma" h:X p:"same text here"
mk lead2.fodt p:"" p:"totally different words" h:X p:"same text here"
d --format odt -o red-lead.fodt lead1.fodt lead2.fodt
if [ "$rc" = 1 ] && { ! command -v jing >/dev/null || jing_ok red-lead.fodt; }; then ok "a deletion before the first paragraph and an insertion: redline written, valid"
else fail "lead redline: $rc $err"; fi
# a document binding the text namespace to another prefix: the redline declares its own
cat >pfx1.fodt <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<o:document xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:t="urn:oasis:names:tc:opendocument:xmlns:text:1.0" o:version="1.3" o:mimetype="application/vnd.oasis.opendocument.text"><o:body><o:text><t:h t:outline-level="1">Alpha</t:h><t:p>The parties will work together.</t:p><t:p>Gone soon.</t:p><t:h t:outline-level="1">Beta</t:h><t:p>Beta text.</t:p></o:text></o:body></o:document>
XML
sed 's/will work/shall work/; s|<t:p>Gone soon.</t:p>||; s|<t:p>Beta text.</t:p>|<t:p>Beta text.</t:p><t:p>New one.</t:p>|' pfx1.fodt >pfx2.fodt
d --format odt -o red-pfx.fodt pfx1.fodt pfx2.fodt
run_odfgate signoffs --canonical pfx2.fodt
want=$out
run_odfgate signoffs --canonical red-pfx.fodt
if [ "$rc" = 0 ] && [ "$out" = "$want" ] && jing_ok red-pfx.fodt; then ok "other namespace prefixes: the redline is namespace-well-formed, valid, and NEW's text"
else fail "prefixes: $rc $err $(head -3 "$scratch/jing.out")"; fi
# a heading's level changed, text the same
mk lvl1.fodt h:Intro p:"alpha beta" h2:Sub p:"gamma delta"
mk lvl2.fodt h:Intro p:"alpha beta" h3:Sub p:"gamma delta"
d --format json lvl1.fodt lvl2.fodt
check "a heading level changed: a change from level 2 to 3" [ "$rc:$(py '[(e["op"], e["old_level"], e["new_level"]) for s in j["sections"] for e in s["edits"]]')" = "1:[('change', 2, 3)]" ]
d lvl1.fodt lvl2.fodt
case $out in *"(was heading level 2)"*) ok "text says the level it was" ;; *) fail "level text: $out" ;; esac
d --format odt -o red-lvl.fodt lvl1.fodt lvl2.fodt
grep -q '<text:h text:outline-level="2"[^>]*>Sub</text:h>' red-lvl.fodt && ok "the redline deletes the level-2 heading (Reject All restores it)" || fail "level redline: $(grep -o '<text:tracked-changes.*</text:tracked-changes>' red-lvl.fodt)"
# an unchanged run cut beside a change: never inside a field
long=$(printf 'word%d ' $(seq 1 30))
mk cf1.fodt h:Intro "x:${long}<text:page-number text:select-page=\"current\">1</text:page-number> ${long}end"
mk cf2.fodt h:Intro "x:${long}<text:page-number text:select-page=\"current\">1</text:page-number> ${long}ending"
d cf1.fodt cf2.fodt
case $out in *select-page*) fail "a cut inside a field: $out" ;; *) ok "unchanged text is cut between fields, not inside one" ;; esac
# -o naming a version being compared, for every format
cp words.fodt keep.fodt
d --force -o keep.fodt v1.fodt keep.fodt
if [ "$rc" = 2 ] && cmp -s keep.fodt words.fodt; then ok "-o NEW (text, even with --force): refused, NEW untouched"; else fail "-o NEW (text, even with --force): refused, NEW untouched"; fi
d --force --format json -o v1.fodt v1.fodt keep.fodt
check "-o OLD: refused" [ "$rc" = 2 ]
# many renamed sections outside the schema against one long one: bounded work
python3 - "$top_srcdir/tests/batch/mkdoc.py" <<'PY'
import subprocess, sys
subprocess.run([sys.executable, sys.argv[1], "ren1.fodt", "h:One"] + ["p:Paragraph %d here." % i for i in range(30000)], check=True)
b = []
for i in range(4000):
    b += ["h:Section %d" % i, "p:Body %d." % i]
subprocess.run([sys.executable, sys.argv[1], "ren2.fodt"] + b, check=True)
PY
d --stat ren1.fodt ren2.fodt
check "4,000 new sections against one of 30,000 paragraphs: compared" [ "$rc" = 1 ]

# --- text output ----------------------------------------------------------------------------
d v1.fodt words.fodt
case $out in *"§ Alpha [alpha]: changed; 2 words inserted, 1 deleted"*"[-will-]{+shall+}"*"{+"*"closely"*"+}"*"1 section changed: 2 words inserted, 1 deleted"*)
    ok "text: the section and the marked words" ;; *) fail "text: $out" ;; esac
d --stat v1.fodt paras.fodt
check "--stat: a line per changed section and the total" [ "$(printf '%s\n' "$out" | grep -c '|')" = 2 ]
d --color always v1.fodt words.fodt
case $out in *$'\033[31mwill\033[0m\033[32mshall\033[0m'*) ok "colour: red deleted, green inserted" ;; *) fail "colour: $out" ;; esac
mk bidi.fodt h:Alpha p:$'The parties \u202ewill work together.' p:"Second paragraph of alpha." h:Beta \
    p:"Beta says one thing." p:"And another." h:Gamma p:"Gamma closes the statement."
d v1.fodt bidi.fodt
case $out in *$'\u202e'*) fail "a bidi control reached the terminal" ;; *) ok "document text is escaped" ;; esac
d --format json v1.fodt bidi.fodt
check "JSON stays valid with any text" python3 -c 'import json,sys; json.loads(sys.argv[1])' "$out"

# --- the redline ----------------------------------------------------------------------------
if command -v jing >/dev/null; then
    for c in words paras renamed moved addrm notes2 bidi format; do
        d --format odt -o "red-$c.fodt" v1.fodt "$c.fodt"
        [ "$c" = notes2 ] && d --format odt -o "red-$c.fodt" notes1.fodt notes2.fodt
        if [ -s "red-$c.fodt" ] && jing_ok "red-$c.fodt"; then ok "redline $c: valid ODF 1.3"
        else fail "redline $c: $err $(head -5 "$scratch/jing.out")"; fi
    done
else
    skip "jing is not installed (the redline's validity)"
fi
run_odfgate signoffs --canonical red-words.fodt
case $out in *"P The parties shall work closely together."*) ok "the redline is NEW with its insertions" ;; *) fail "redline text: $out" ;; esac
grep -q '<dc:creator>odfgate diff</dc:creator>' red-words.fodt && ok "changes by \"odfgate diff\"" || fail "no author"
d --format odt v1.fodt words.fodt
check "odt without -o: usage (2)" [ "$rc" = 2 ]
d --format odt -o words.fodt v1.fodt words.fodt
check "odt onto NEW itself: refused (2)" [ "$rc" = 2 ]
cp words.fodt before.fodt
d --format odt -o red-words.fodt v1.fodt words.fodt
if [ "$rc" = 2 ] && cmp -s words.fodt before.fodt; then ok "an existing -o is not replaced without --force"; else fail "an existing -o is not replaced without --force"; fi
d --format odt -o red-words.fodt --force v1.fodt words.fodt
check "--force replaces it" [ "$rc" = 1 ]
sed 's|<office:text>|<office:text><text:tracked-changes><text:changed-region text:id="c1"><text:insertion><office:change-info><dc:creator>X</dc:creator><dc:date>2026-01-01T00:00:00</dc:date></office:change-info></text:insertion></text:changed-region></text:tracked-changes>|' words.fodt >tracked.fodt
d --format odt -o red-tracked.fodt v1.fodt tracked.fodt
case "$rc:$err" in 2:*"tracked changes of its own"*) ok "NEW with tracked changes: refused, saying why" ;; *) fail "tracked: $rc $err" ;; esac

# --- bad input and usage --------------------------------------------------------------------
printf 'not a zip\n' >junk.odt
d junk.odt v1.fodt
case "$rc:$err" in "3:odfgate: junk.odt: "*) ok "an unreadable OLD: exit 3 naming it" ;; *) fail "junk: $rc $err" ;; esac
check "one line of error" [ "$(printf '%s\n' "$err" | wc -l)" = 1 ]
d v1.fodt missing.odt
check "a missing NEW: exit 3" [ "$rc" = 3 ]
d v1.fodt
check "one file: usage (2)" [ "$rc" = 2 ]
d --format xml v1.fodt words.fodt
check "unknown format: 2" [ "$rc" = 2 ]
d --stat --format json v1.fodt words.fodt
check "--stat with json: 2" [ "$rc" = 2 ]
d --old v1.fodt words.fodt
check "--old without --since-signoff: 2" [ "$rc" = 2 ]
d --since HEAD --since-signoff a words.fodt
check "--since and --since-signoff together: 2" [ "$rc" = 2 ]
d -o out.json --format json v1.fodt words.fodt
if [ "$rc" = 1 ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' out.json; then ok "-o writes the report"; else fail "-o writes the report"; fi
d -o nodir/out.json --format json v1.fodt words.fodt
if [ "$rc" = 3 ] && [ ! -e nodir ]; then ok "-o into a missing folder: 3, nothing written"; else fail "-o into a missing folder: 3, nothing written"; fi

# a long document, every paragraph changed: bounded time (the default 60 s timeout)
python3 - <<'PY'
import subprocess, sys
a = ["h:Alpha"] + ["p:Paragraph %d of the long statement, which says something." % i for i in range(20000)]
b = ["h:Alpha"] + ["p:Paragraph %d of the long statement, which says another thing." % i for i in range(20000)]
subprocess.run([sys.executable, sys.argv[0] if False else "%s/tests/batch/mkdoc.py" % __import__("os").environ.get("top_srcdir", "."), "long1.fodt"] + a, check=True)
subprocess.run([sys.executable, "%s/tests/batch/mkdoc.py" % __import__("os").environ.get("top_srcdir", "."), "long2.fodt"] + b, check=True)
PY
d --format json long1.fodt long2.fodt
if [ "$rc" = 1 ] && [ "$(py 'j["summary"]["paragraphs_changed"]')" = 20000 ]; then ok "20,000 paragraphs all changed: compared"; else fail "20,000 paragraphs all changed: compared"; fi

# --- git history ----------------------------------------------------------------------------
if command -v git >/dev/null; then
    mkdir repo && cd repo || exit 1
    export GIT_AUTHOR_NAME=T GIT_AUTHOR_EMAIL=t@example.invalid GIT_COMMITTER_NAME=T GIT_COMMITTER_EMAIL=t@example.invalid
    git init -q .
    cp ../v1.fodt draft.fodt && git add draft.fodt && git commit -qm "first draft"
    run_odfgate signoff draft.fodt --schema "$s" --as a --by "Ann" --in-place
    git commit -qam "a signs"
    sed -i 's/The parties will work/The parties shall work/' draft.fodt
    run_odfgate signoff draft.fodt --schema "$s" --as b --by "Bo" --in-place
    git commit -qam "wording; b signs"
    git mv draft.fodt statement.fodt && git commit -qm "rename"
    sed -i 's/Beta says one thing/Beta says two things/' statement.fodt # uncommitted
    d --since-signoff a --format json statement.fodt
    check "--since-signoff a: found through the rename, exit 1" [ "$rc" = 1 ]
    case $(py 'j["old"]["label"]') in "draft.fodt@"*'"a signs"'*"a approved"*) ok "the label names the revision and the sign-off" ;; *) fail "label: $out" ;; esac
    check "--since-signoff a: alpha and beta changed since a" [ "$(changed_ids)" = "alpha:changed beta:changed" ]
    run_odfgate signoffs --schema "$s" --format json statement.fodt
    stale=$(printf '%s' "$out" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(" ".join(sorted(next(r["changed_sections"] for r in j["signoffs"] if r["signatory"]=="a"))))')
    check "the sections it names are the stale sign-off's" [ "$stale" = "alpha beta" ]
    run_odfgate signoffs --schema "$s" statement.fodt
    case $out in *"odfgate diff --since-signoff a statement.fodt"*) ok "signoffs suggests the command" ;; *) fail "signoffs: $out" ;; esac
    run_odfgate check --schema "$s" statement.fodt
    case $out in *"to see what changed: odfgate diff --since-signoff a statement.fodt"*) ok "the stale finding suggests it" ;; *) fail "check: $out" ;; esac
    d --since-signoff b --format json statement.fodt
    check "--since-signoff b: only beta" [ "$rc:$(changed_ids)" = "1:beta:changed" ]
    d --since HEAD~3 --format json statement.fodt
    check "--since HEAD~3 (before the rename): alpha and beta" [ "$rc:$(changed_ids)" = "1:alpha:changed beta:changed" ]
    d --since HEAD statement.fodt --format json
    check "--since HEAD: beta" [ "$(changed_ids)" = "beta:changed" ]
    d --since HEAD~1 statement.fodt --format json
    check "--since HEAD~1 (the same file under its old name, before a pure rename): beta" [ "$rc:$(changed_ids)" = "1:beta:changed" ]
    d --since no-such-rev statement.fodt
    case "$rc:$err" in 3:*'no revision "no-such-rev"'*) ok "an unknown revision: 3, saying so" ;; *) fail "rev: $rc $err" ;; esac
    d --since-signoff a --old ../v1.fodt statement.fodt
    check "--old with the signed text: accepted" [ "$rc" = 1 ]
    d --since-signoff a --old ../words.fodt statement.fodt
    case "$rc:$err" in 3:*"not the one a signed off"*) ok "--old with another text: refused" ;; *) fail "old: $rc $err" ;; esac
    d --since-signoff a --old ../words.fodt --force statement.fodt
    check "--force compares anyway" [ "$rc" = 1 ]
    cp statement.fodt fresh.fodt
    run_odfgate signoff fresh.fodt --schema "$s" --as a --by "Ann" --in-place
    d --since-signoff a fresh.fodt
    check "a current sign-off: no change (0)" [ "$rc" = 0 ]
    sed -i 's/Gamma closes/Gamma ends/' fresh.fodt
    d --since-signoff a fresh.fodt
    case "$rc:$err" in 3:*"none of its 0 committed versions has the text a signed off"*"--old"*) ok "no revision has the signed text: said plainly" ;; *) fail "none: $rc $err" ;; esac
    d --since-signoff nobody statement.fodt
    check "a signatory without a record: 3" [ "$rc" = 3 ]
    cd .. || exit 1
    d --since HEAD v1.fodt
    case "$rc:$err" in 3:*"not in a git repository"*) ok "outside a repository: 3, saying so" ;; *) fail "norepo: $rc $err" ;; esac
else
    skip "git is not installed"
fi
done_testing
