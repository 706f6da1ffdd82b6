#!/usr/bin/env bash
# import.sh — opening a draft through the odfgate filter in a real headless LibreOffice: with
# the option `comments` the findings become odfgate comments (counted through UNO: as many as
# `odfgate check` reports; without it they go to the panel only: writer.sh),
# people's comments and tracked changes of the input stay (a draft whose changes were recorded
# in LibreOffice, and corpus documents with tracked changes), `--infilter` works from the
# command line, a passing draft opens without comments, options apply, and a file that is not
# ODF is refused with a message; accessibility findings (the a11y family turned on by the schema
# option) sit in the paragraph of the picture or the text they are about.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lo-lib.sh"
plan 13
cd "$scratch" || exit 1
drafts="$top_srcdir/samples/drafts"
corpus="$ODFGATE_CORPUS"
cp "$drafts/placeholder.odt" failing.odt
cp "$drafts/missing-section.odt" missing.odt
cp "$drafts/passing.odt" passing.odt
printf 'not an ODF document\n' >junk.odt
cp passing.odt clean.odt   # signed off by all six: no finding at all
for id in dh nhscb cqc monitor lga ntda; do run_odfgate signoff clean.odt --as $id --by "Signer $id" --in-place; done
# a draft with a reviewer's comment, then one with changes recorded in LibreOffice
python3 "$top_srcdir/tests/annotate/with_comment.py" failing.odt human.odt
lo_drive "track|failing.odt|tracked.odt"
ntracked=$(json_get "$(drive_line 1)" 'j["tracked_changes"]')
[ "${ntracked:-0}" -gt 0 ] || diag "could not record changes: $drive $(cat driver.err)"

ops=("import|failing.odt|comments" "import|missing.odt|comments" "import|human.odt|comments" "import|tracked.odt|comments" "import|tracked.odt||writer8"
     "import|clean.odt|comments" "import|passing.odt|comments;schema=$top_srcdir/samples/schemas/strict-cpf.xml" "import|junk.odt")
corpus_docs=()
# two producers' tracked changes: odfdo's and pandoc's (in the full corpus; the repository's
# subset has Apache/MIT files only, so an OpenOffice.org 3 document of Apache Tika stands in)
for f in jdum__odfdo/tests/samples/tracked_changes.odt jgm__pandoc/test/odt/odt/trackedChanges.odt \
    apache__tika/tika-parsers/tika-parsers-standard/tika-parsers-standard-modules/tika-parser-miscoffice-module/src/test/resources/test-documents/testODFwithOOo3.odt; do
    if [ -f "$corpus/$f" ] && [ ${#corpus_docs[@]} -lt 2 ]; then
        n=${#corpus_docs[@]}; cp "$corpus/$f" "corpus$n.odt"; corpus_docs+=("corpus$n.odt")
        ops+=("import|corpus$n.odt|comments" "import|corpus$n.odt||writer8")
    fi
done
lo_drive "${ops[@]}"
[ -n "$drive" ] || diag "driver: $(cat driver.err)"
line() { drive_line "$1"; }

for i in 1 2; do
    d=$(echo "${ops[$((i - 1))]}" | cut -d'|' -f2)
    want=$(cli_findings "$d")
    got=$(json_get "$(line $i)" 'j["odfgate_comments"]')
    if [ "$got" = "$want" ] && [ "$want" -gt 0 ]; then ok "$d: one odfgate comment per finding ($want), read through UNO"
    else fail "$d: $got comments, want $want"; diag "$(line $i)"; fi
done
want=$(cli_findings human.odt)
if [ "$(json_get "$(line 3)" 'j["odfgate_comments"], j["other_comments"]')" = "$want 1" ]; then ok "a reviewer's comment is kept beside the $want odfgate comments"
else fail "human comment"; diag "$(line 3)"; fi
want=$(cli_findings tracked.odt)
if [ "${ntracked:-0}" -gt 0 ] && [ "$(json_get "$(line 4)" 'j["tracked_changes"], j["odfgate_comments"]')" = "$(json_get "$(line 5)" 'j["tracked_changes"]') $want" ]; then
    ok "changes recorded in LibreOffice: all $(json_get "$(line 5)" 'j["tracked_changes"]') tracked changes still there, $want comments"
else fail "tracked changes lost"; diag "$(line 4)" "$(line 5)"; fi
if [ "$(json_get "$(line 4)" 'j["record_changes"], j["title"] != ""')" = "True True" ]; then ok "settings (record changes) and metadata (title) come through"
else fail "settings/metadata"; diag "$(line 4)"; fi
if [ "$(cli_findings clean.odt)" = 0 ] && [ "$(json_get "$(line 6)" 'j["odfgate_comments"], j["other_comments"]')" = "0 0" ]; then ok "a draft without findings opens without comments"
else fail "passing draft"; diag "$(line 6)"; fi
want=$(cli_findings passing.odt "$top_srcdir/samples/schemas/strict-cpf.xml")
if [ "$(json_get "$(line 7)" 'j["odfgate_comments"]')" = "$want" ] && [ "$want" -gt 0 ]; then ok "schema= option on import: that schema's $want findings"
else fail "import schema option"; diag "$(line 7)"; fi
if json_get "$(line 8)" 'j["error"]' | grep -q . && grep -q 'Cannot read the document: not an ODF' soffice-driver.log; then
    ok "a file that is not ODF is refused, with the reason in the log"
else fail "junk import"; diag "$(line 8)" "$(tail -3 soffice-driver.log)"; fi
n=9
for c in "${corpus_docs[@]}"; do
    a=$(line $n) b=$(line $((n + 1))); n=$((n + 2))
    t=$(json_get "$b" 'j["tracked_changes"]')
    if [ -n "$t" ] && [ "$t" -gt 0 ] && [ "$(json_get "$a" 'j["tracked_changes"]')" = "$t" ]; then ok "corpus $c: its $t tracked changes survive the import"
    else fail "corpus $c: tracked changes"; diag "$a" "$b"; fi
done
[ ${#corpus_docs[@]} = 0 ] && { skip "no corpus"; skip "no corpus"; }
[ ${#corpus_docs[@]} = 1 ] && skip "one corpus document missing"

# accessibility findings are placed on the paragraph holding the object or the text
cp "$top_srcdir/tests/a11y/fixtures/alt-text.odt" a11y-alt.odt
cp "$top_srcdir/tests/a11y/fixtures/spacing.odt" a11y-spacing.odt
lo_drive "import|a11y-alt.odt|comments;schema=$top_srcdir/tests/a11y/schema.xml" \
    "import|a11y-spacing.odt|comments;schema=$top_srcdir/tests/a11y/schema.xml"
# (one comment; its text names the rule; the paragraph its anchor starts in)
place() { json_get "$(drive_line "$1")" 'len(j["comment_places"]) == 1 and "'"$2"'" in j["comment_places"][0][0] and j["comment_places"][0][1] == "'"$3"'"'; }
if [ "$(place 1 a11y-alt-text 'The areas covered are on this map: ')" = True ]; then ok "a11y-alt-text: one comment, in the paragraph holding the picture"
else fail "a11y-alt-text placement"; diag "$(drive_line 1)"; fi
if [ "$(place 2 a11y-spacing 'The statement is signed by    the six bodies named below.')" = True ]; then ok "a11y-spacing: one comment, in the paragraph with the spaces"
else fail "a11y-spacing placement"; diag "$(drive_line 2)"; fi

# --infilter from the command line opens through odfgate (the findings in the log); the
# converted file carries no odfgate comment (writer.sh: the save guard)
lo_convert --infilter=odfgate --convert-to odt:writer8 --outdir infilter failing.odt
want=$(cli_findings failing.odt)
got=$(unzip -p infilter/failing.odt content.xml 2>/dev/null | grep -o '<dc:creator>odfgate</dc:creator>' | wc -l)
if [ -f infilter/failing.odt ] && [ "$got" = 0 ] && grep -q "odfgate: $want findings" soffice.log; then ok "--infilter=odfgate: checked on the way in ($want findings in the log), no odfgate comment in the converted file"
else fail "--infilter: $got comments in the file, or no findings in the log"; diag "$(cat soffice.log)"; fi
