#!/usr/bin/env bash
# cli.sh — the hygiene rules and `odfgate scrub` without LibreOffice: what each rule reports
# and what it leaves alone (waivers, odfgate's own comments, public links, sign-off records);
# scrub class by class (--only, --keep), what it keeps (a waiver, the text of an unlinked
# link), sign-offs it keeps valid or would make stale (refused without --force), ODF
# signatures, --in-place, outputs valid against the OASIS schema, parts it does not touch
# copied byte for byte, bad input and usage with their exit codes; then the LibreOffice-made
# fixtures (tests/hygiene/fixtures, made by lo_hygiene.py): each fires exactly its rule once,
# the clean one none, and after scrub --accept-changes no hygiene rule fires on any of them (but
# stale-index: scrub cannot regenerate an index); tracked changes accepted and rejected on
# written documents, what cannot be resolved exactly refused.
. "$(dirname "$0")/../lib.sh"
here="$top_srcdir/tests/hygiene"
mk() { python3 "$top_srcdir/tests/batch/mkdoc.py" "$@"; }
s="$top_srcdir/tests/diff/schema.xml"
cd "$scratch" || exit 1
hygiene='hidden-comments|hidden-changes|hidden-text|personal-info|macros|embedded-objects|linked-resources|stale-index'
# rules FILE -> the hygiene rule ids of its findings, sorted, space-separated
rules() {
    run_odfgate check --schema "$s" --format json "$1"
    printf '%s' "$out" | python3 -c "
import json, re, sys
j = json.load(sys.stdin)
print(' '.join(sorted(f['rule'] for d in j['documents'] for f in d.get('findings', [])
                     if re.fullmatch('$hygiene', f['rule']))))"
}
# t DESCRIPTION 'CONDITIONS': ok when the shell conditions (joined with &&) hold
t() { local d=$1; shift; if eval "$1"; then ok "$d"; else fail "$d"; fi; }
jing_ok() { # FILE.fodt -> valid against OASIS ODF 1.3
    jing -i "$ODFGATE_ODF_SCHEMAS/OpenDocument-v1.3-schema.rng" "$1" >"$scratch/jing.out" 2>&1
}
have_jing=0
command -v jing >/dev/null 2>&1 && [ -f "$ODFGATE_ODF_SCHEMAS/OpenDocument-v1.3-schema.rng" ] && have_jing=1
body=(h:Alpha p:"The parties will work together." h:Beta p:"Beta says one thing.")

# --- the rules -------------------------------------------------------------------------------
mk clean.fodt "${body[@]}"
check "a plain draft: no hygiene finding" [ -z "$(rules clean.fodt)" ]
mk comment.fodt "${body[@]}" "c:Is this agreed?|A paragraph with a comment."
check "a person's comment: hidden-comments" [ "$(rules comment.fodt)" = "hidden-comments" ]
mk waiver.fodt "${body[@]}" "c:odfgate-waive placeholder: agreed with the chair|Text."
check "a waiver is no person's comment" [ -z "$(rules waiver.fodt)" ]
run_odfgate annotate --schema "$s" comment.fodt -o annotated.fodt
check "odfgate's own comments are not counted (only the person's)" [ "$(rules annotated.fodt)" = "hidden-comments" ]
mk fields.fodt "${body[@]}" \
    'x:A <text:hidden-text text:condition="ooow:1" text:string-value="secret" text:is-hidden="true"/> field.' \
    'x:Shown <text:conditional-text text:condition="ooow:1" text:string-value-if-true="yes" text:string-value-if-false="no">yes</text:conditional-text>.' \
    'x:Not hidden now <text:hidden-text text:condition="ooow:0" text:string-value="x" text:is-hidden="false"/>.'
check "a hidden-text field and conditional text (one hidden now, one not)" [ "$(rules fields.fodt)" = "hidden-text hidden-text" ]
mk links.fodt "${body[@]}" \
    'x:See <text:a xlink:type="simple" xlink:href="http://intranet/policy">policy</text:a>.' \
    'x:See <text:a xlink:type="simple" xlink:href="https://10.1.2.3/x">the server</text:a>.' \
    'x:See <text:a xlink:type="simple" xlink:href="file:///home/jane/notes.odt">notes</text:a>.' \
    'x:See <text:a xlink:type="simple" xlink:href="http://wiki.corp/x">wiki</text:a>.' \
    'x:See <text:a xlink:type="simple" xlink:href="https://www.gov.uk/guidance">guidance</text:a> and <text:a xlink:type="simple" xlink:href="mailto:a@b.example">mail</text:a> and <text:a xlink:type="simple" xlink:href="#Alpha">Alpha</text:a>.'
check "links to an intranet host, a private address, a local file: linked-resources; public, mail and internal ones not" \
    [ "$(rules links.fodt)" = "linked-resources linked-resources linked-resources linked-resources" ]
mk macro.fodt "${body[@]}" 'x:Run <text:a xlink:type="simple" xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location=document">this</text:a>.'
check "a hyperlink that runs a macro: macros" [ "$(rules macro.fodt)" = "macros" ]
run_odfgate check --schema "$s" macro.fodt
check "macros is an error by default: check fails (exit 1)" [ "$rc" = 1 ]
case $out in *'macros'*'hyperlink that runs a macro'*|*'hyperlink that runs a macro'*'(macros)'*) ok "the macro finding says what it is" ;; *) fail "macro message: $out" ;; esac

# --- scrub -----------------------------------------------------------------------------------
mk mixed.fodt "${body[@]}" "c:Is this agreed?|A paragraph with a comment." \
    "c:odfgate-waive placeholder: agreed with the chair|Waived text." \
    'x:See <text:a xlink:type="simple" xlink:href="http://intranet/policy">the policy</text:a> now.' \
    'x:Run <text:a xlink:type="simple" xlink:href="vnd.sun.star.script:Standard.M.Main?language=Basic&amp;location=document">this macro</text:a>.'
run_odfgate scrub --schema "$s" mixed.fodt -o mixed-out.fodt
t "scrub: exit 0, written" '[ "$rc" = 0 ] && [ -s mixed-out.fodt ]'
case $out in *"removed 1 comment, 2 personal fields, 1 macro, 1 link"*) ok "scrub says what it removed (the kept waiver's author and date are personal)" ;; *) fail "scrub said: $out" ;; esac
check "after scrub: no hygiene finding" [ -z "$(rules mixed-out.fodt)" ]
if grep -q 'odfgate-waive' mixed-out.fodt && grep -q 'the policy' mixed-out.fodt && grep -q 'this macro' mixed-out.fodt &&
   ! grep -q 'intranet' mixed-out.fodt && ! grep -q 'vnd.sun.star.script' mixed-out.fodt; then
    ok "the waiver is kept; unlinked links keep their text"
else fail "waiver or link text lost: $(grep -c waive mixed-out.fodt)"; fi
run_odfgate signoffs --canonical mixed.fodt; a=$out
run_odfgate signoffs --canonical mixed-out.fodt
check "comments, links and macro links are no change to the text" [ "$out" = "$a" ]
mk mixed-again.fodt "${body[@]}" "c:Is this agreed?|A paragraph with a comment." \
    "c:odfgate-waive placeholder: agreed with the chair|Waived text." \
    'x:See <text:a xlink:type="simple" xlink:href="http://intranet/policy">the policy</text:a> now.' \
    'x:Run <text:a xlink:type="simple" xlink:href="vnd.sun.star.script:Standard.M.Main?language=Basic&amp;location=document">this macro</text:a>.'
check "the input is untouched" cmp -s mixed.fodt mixed-again.fodt
if [ "$have_jing" = 1 ]; then
    if jing_ok mixed-out.fodt; then ok "the scrubbed flat document is valid ODF 1.3"; else fail "invalid: $(head -3 jing.out)"; fi
else skip "jing is not installed (validity of the scrubbed document)"; fi

run_odfgate scrub --schema "$s" --only comments mixed.fodt -o only.fodt
check "--only comments: only the comment goes" [ "$(rules only.fodt)" = "linked-resources macros" ]
run_odfgate scrub --schema "$s" --keep comments,linked-resources mixed.fodt -o keep.fodt
check "--keep comments,linked-resources: those stay" [ "$(rules keep.fodt)" = "hidden-comments linked-resources" ]
run_odfgate scrub --schema "$s" --only hidden-comments mixed.fodt -o only2.fodt
t "a rule id names its class" '[ "$rc" = 0 ] && [ "$(rules only2.fodt)" = "linked-resources macros" ]'
before=$(ls -A | sort)
run_odfgate scrub --schema "$s" --dry-run mixed.fodt
after=$(ls -A | sort)
t "--dry-run: says, writes nothing (the folder as it was, the input untouched)" '[ "$rc" = 0 ] && [ "$before" = "$after" ] && cmp -s mixed.fodt mixed-again.fodt'
case $out in *"would remove 1 comment, 2 personal fields, 1 macro, 1 link"*) ok "--dry-run says what it would remove" ;; *) fail "dry run: $out" ;; esac

# one reading of a comment, of a link, of personal fields for the rules and for scrub
mk split.fodt "${body[@]}" 'x:Text<office:annotation><dc:creator>Ann</dc:creator><text:p>odfgate-</text:p><text:p>waive placeholder: split</text:p></office:annotation>.'
run_odfgate scrub --schema "$s" --only comments split.fodt -o split-out.fodt
t "a comment split across paragraphs is no waiver, to check and to scrub alike" '[ "$(rules split.fodt)" = "hidden-comments" ] && [ -z "$(rules split-out.fodt)" ]'
png=iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==
objs=""; for i in $(seq 1 10); do objs="$objs<draw:object><office:document/></draw:object>"; done
frame() { printf '<draw:frame xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" text:anchor-type="as-char">%s<draw:image><office:binary-data>%s</office:binary-data></draw:image></draw:frame>' "$1" "$png"; }
mk pictures.fodt "${body[@]}" "x:A picture $(frame "") here." "x:Ten objects $(frame "$objs") there."
run_odfgate scrub --schema "$s" pictures.fodt -o pictures-out.fodt
case $out in *"removed 10 embedded objects"*) ok "ten objects in one frame: all ten go" ;; *) fail "objects: $out" ;; esac
t "a flat file's pictures (inline data, no link) stay; no object is left" '[ "$(grep -o "<office:binary-data>" pictures-out.fodt | wc -l)" = 2 ] && ! grep -q "draw:object" pictures-out.fodt'
run_odfgate scrub --schema "$s" mixed.fodt -o flat-as.odt
t "a flat file is not written under a package name (exit 2, nothing written)" '[ "$rc" = 2 ] && [ ! -e flat-as.odt ]'
run_odfgate scrub --schema "$s" --only "comments , macros " mixed.fodt -o spaced.fodt
check "class names with spaces around them" [ "$rc" = 0 ]

# sign-offs: kept valid when the text does not change; refused when it would change
mk signed.fodt "${body[@]}" "c:Is this agreed?|A paragraph with a comment." \
    'x:Internal <text:hidden-text text:condition="ooow:1" text:string-value="note" text:is-hidden="true"/>only.' \
    "p:Shown text."
run_odfgate signoff --schema "$s" signed.fodt --as a --by "Ann Example" --in-place
run_odfgate scrub --schema "$s" --only comments signed.fodt -o s1.fodt
check "scrubbing comments under a sign-off: exit 0" [ "$rc" = 0 ]
case $out in *"the text is unchanged: 1 sign-off stays valid"*) ok "scrub says the sign-off stays valid" ;; *) fail "said: $out" ;; esac
run_odfgate signoffs --schema "$s" s1.fodt
case $out in *"a "*approved*Ann\ Example*valid*) ok "and it does" ;; *) fail "signoffs: $out" ;; esac
mk hp.fodt "${body[@]}" 'x:<text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>An internal paragraph.' p:"Public text."
run_odfgate signoff --schema "$s" hp.fodt --as a --by "Ann Example" --in-place
cp hp.fodt hp-before.fodt
run_odfgate scrub --schema "$s" --only hidden-text hp.fodt -o hp-out.fodt
t "removing a hidden paragraph under a valid sign-off: refused, exit 1" '[ "$rc" = 1 ] && [ ! -e hp-out.fodt ]'
case $err in *"sign-off of a would become stale; nothing written (--force"*) ok "the refusal names the signatory" ;; *) fail "refusal: $err" ;; esac
run_odfgate scrub --schema "$s" --only hidden-text --force hp.fodt -o hp-out.fodt
t "--force: written" '[ "$rc" = 0 ] && [ -s hp-out.fodt ]'
case $out in *"the sign-off of a became stale"*) ok "--force says which sign-off became stale" ;; *) fail "force: $out" ;; esac
if ! grep -q 'An internal paragraph' hp-out.fodt && grep -q 'Public text' hp-out.fodt; then ok "the hidden paragraph is gone, the rest stays"
else fail "hidden paragraph scrub: $(grep -c internal hp-out.fodt)"; fi
run_odfgate signoffs --schema "$s" hp-out.fodt
check "and signoffs agrees it is stale" [ "$rc" = 1 ]
check "the input is untouched" cmp -s hp.fodt hp-before.fodt

# tracked changes: accepted or rejected (LibreOffice's own results: tests/hygiene/changes.sh)
tc_head='<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"><office:automatic-styles><style:style xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" style:name="T1" style:family="text"/></office:automatic-styles><office:body><office:text>'
tc_region() { # ID KIND [DELETED-CONTENT]
    printf '<text:changed-region text:id="%s"><text:%s><office:change-info><dc:creator>Jane Drafter</dc:creator><dc:date>2026-12-01T10:00:00</dc:date></office:change-info>%s</text:%s></text:changed-region>' "$1" "$2" "${3:-}" "$2"
}
{
    printf '%s<text:tracked-changes>%s%s%s%s</text:tracked-changes>' "$tc_head" \
        "$(tc_region c1 insertion)" "$(tc_region c2 deletion '<text:p>old words </text:p>')" \
        "$(tc_region c3 format-change)" "$(tc_region c4 deletion '<text:p>First deleted.</text:p><text:h text:outline-level="1">Gone</text:h><text:h text:outline-level="1"/>')"
    printf '<text:h text:outline-level="1">Alpha</text:h><text:p>Kept <text:change-start text:change-id="c1"/>added <text:change-end text:change-id="c1"/>and <text:change text:change-id="c2"/>here, <text:change-start text:change-id="c3"/><text:span text:style-name="T1">bold</text:span><text:change-end text:change-id="c3"/>.</text:p>'
    printf '<text:h text:outline-level="1"><text:change text:change-id="c4"/>Beta</text:h><text:p>Beta says one thing.</text:p></office:text></office:body></office:document>\n'
} >changes.fodt
cp changes.fodt changes-before.fodt
body_of() { python3 -c '
import sys, xml.etree.ElementTree as E
T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
body = E.parse(sys.argv[1]).getroot().find(".//{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text")
print(" | ".join("%s:%s" % (e.tag[len(T):], "".join(e.itertext())) for e in body if e.tag in (T + "p", T + "h")))' "$1"; }
run_odfgate scrub --schema "$s" --only changes --accept-changes changes.fodt -o accepted.fodt
t "--accept-changes: exit 0, says how many" '[ "$rc" = 0 ] && [[ $out == *"accepted 4 tracked changes"* ]]'
check "accepted: insertions stay, deletions go, no change left" \
    [ "$(body_of accepted.fodt)" = "h:Alpha | p:Kept added and here, bold. | h:Beta | p:Beta says one thing." ]
check "accepted: no tracked change, no hidden-changes finding" [ -z "$(rules accepted.fodt)" ]
run_odfgate scrub --schema "$s" --only changes --reject-changes changes.fodt -o rejected.fodt
t "--reject-changes: exit 0, says how many" '[ "$rc" = 0 ] && [[ $out == *"rejected 4 tracked changes"* ]]'
check "rejected: insertions go, deleted words and paragraphs come back (the first into the heading it was deleted before, as LibreOffice does)" \
    [ "$(body_of rejected.fodt)" = "h:Alpha | p:Kept and old words here, bold. | h:First deleted. | h:Gone | h:Beta | p:Beta says one thing." ]
t "rejected: the format change loses its formatting; no marker, no region left" '! grep -q "text:span" rejected.fodt && ! grep -q "change-id\\|changed-region" rejected.fodt'
run_odfgate signoffs --canonical changes.fodt; a=$out
run_odfgate signoffs --canonical accepted.fodt; b=$out
run_odfgate signoffs --canonical rejected.fodt
t "accepting keeps the text sign-offs cover (it is the text with changes accepted); rejecting changes it" '[ "$a" = "$b" ] && [ "$out" != "$a" ]'
check "the input is untouched" cmp -s changes.fodt changes-before.fodt
if [ "$have_jing" = 1 ]; then
    t "accepted and rejected copies are valid ODF 1.3" 'jing_ok accepted.fodt && jing_ok rejected.fodt'
else skip "jing is not installed (validity of the resolved documents)"; fi
run_odfgate scrub --schema "$s" --reject-changes --dry-run changes.fodt
t "--dry-run --reject-changes: says, writes nothing" '[ "$rc" = 0 ] && [[ $out == *"would reject 4 tracked changes"* ]]'
run_odfgate scrub --schema "$s" --accept-changes mixed.fodt -o none.fodt
t "a document without changes: 0 accepted, the classes removed as ever" '[ "$rc" = 0 ] && [[ $out == *"accepted 0 tracked changes"* ]] && [ -z "$(rules none.fodt)" ]'
# a sign-off on the text: rejecting changes it (refused without --force), accepting does not
cp changes.fodt csigned.fodt
run_odfgate signoff --schema "$s" csigned.fodt --as a --by "Ann Example" --in-place --force
run_odfgate scrub --schema "$s" --only changes --reject-changes csigned.fodt -o cs-out.fodt
t "rejecting under a valid sign-off: refused (exit 1), nothing written, the signatory named" '[ "$rc" = 1 ] && [ ! -e cs-out.fodt ] && [[ $err == *"rejecting the tracked changes changes the text: the sign-off of a"* ]]'
run_odfgate scrub --schema "$s" --only changes --accept-changes csigned.fodt -o cs-out.fodt
t "accepting under it: written, the sign-off stays valid" '[ "$rc" = 0 ] && [[ $out == *"1 sign-off stays valid"* ]]'
# what odfgate cannot resolve exactly as LibreOffice does: refused, nothing written
{
    printf '%s<text:tracked-changes>%s</text:tracked-changes>' "$tc_head" \
        "$(tc_region t1 deletion '<text:p>Before.</text:p><table:table table:name="T"><table:table-column/><table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row></table:table><text:p/>')"
    printf '<text:p>Text <text:change text:change-id="t1"/>after.</text:p></office:text></office:body></office:document>\n'
} >table.fodt
run_odfgate scrub --schema "$s" --reject-changes table.fodt -o table-out.fodt
t "rejecting a deleted table: refused (exit 1), nothing written, the change and the reason named" '[ "$rc" = 1 ] && [ ! -e table-out.fodt ] && [[ $err == *"table.fodt: tracked change 1 (a deletion) cannot be rejected exactly as LibreOffice would: it deleted a table; nothing written"* ]]'
run_odfgate scrub --schema "$s" --accept-changes table.fodt -o table-out.fodt
t "accepting it is exact (the table stays deleted)" '[ "$rc" = 0 ] && [ "$(body_of table-out.fodt)" = "p:Text after." ]'
{
    printf '%s<text:tracked-changes>%s</text:tracked-changes>' "$tc_head" "$(tc_region s1 insertion)"
    printf '<text:p>One <text:span text:style-name="T1">a<text:change-start text:change-id="s1"/>b</text:span></text:p><text:p>c<text:change-end text:change-id="s1"/>d</text:p></office:text></office:body></office:document>\n'
} >span.fodt
run_odfgate scrub --schema "$s" --reject-changes span.fodt -o span-out.fodt
t "rejecting an insertion that crosses paragraphs from inside a span: refused" '[ "$rc" = 1 ] && [ ! -e span-out.fodt ] && [[ $err == *"inside a span"* ]]'
{
    printf '%s<text:tracked-changes>%s</text:tracked-changes>' "$tc_head" "$(tc_region h1 insertion)"
    printf '<text:p>Start <text:change-start text:change-id="h1"/>and no end.</text:p></office:text></office:body></office:document>\n'
} >half.fodt
run_odfgate scrub --schema "$s" --reject-changes half.fodt -o half-out.fodt
t "rejecting an insertion with no end marker: refused" '[ "$rc" = 1 ] && [ ! -e half-out.fodt ] && [[ $err == *"a start without an end"* ]]'
mk big-changes.fodt "${body[@]}" "p:x"
python3 - big-changes.fodt <<'PY'
import sys
n = 20000
regions = "".join('<text:changed-region text:id="c%d"><text:deletion><office:change-info><dc:creator>A</dc:creator><dc:date>2026-01-01T00:00:00</dc:date></office:change-info><text:p>w%d </text:p></text:deletion></text:changed-region>' % (i, i) for i in range(n))
para = "<text:p>" + "".join('<text:change text:change-id="c%d"/>x ' % i for i in range(n)) + "</text:p>"
s = open(sys.argv[1]).read()
s = s.replace("<office:text>", '<office:text><text:tracked-changes xmlns:dc="http://purl.org/dc/elements/1.1/">' + regions + "</text:tracked-changes>" + para, 1)
open(sys.argv[1], "w").write(s)
PY
run_odfgate scrub --schema "$s" --only changes --reject-changes big-changes.fodt -o big-out.fodt
t "20,000 deletions in one paragraph: all rejected" '[ "$rc" = 0 ] && [[ $out == *"rejected 20000 tracked changes"* ]] && [ "$(grep -o "w19999 x" big-out.fodt | wc -l)" = 1 ]'

# in place, and an existing output
cp mixed.fodt inplace.fodt
run_odfgate scrub --schema "$s" --in-place inplace.fodt
t "--in-place: the file itself is scrubbed" '[ "$rc" = 0 ] && [ -z "$(rules inplace.fodt)" ]'
cp clean.fodt exists.fodt
run_odfgate scrub --schema "$s" mixed.fodt -o exists.fodt
t "an existing OUT is not replaced without --force (exit 2)" '[ "$rc" = 2 ] && cmp -s exists.fodt clean.fodt'

# a package: parts scrub does not touch are copied byte for byte
cp "$top_srcdir/samples/drafts/passing.odt" pkg.odt
run_odfgate annotate --schema "$s" pkg.odt -o pkg-ann.odt
run_odfgate scrub --schema "$s" pkg-ann.odt -o pkg-out.odt
check "scrub of a package: exit 0" [ "$rc" = 0 ]
same=$(python3 - pkg-ann.odt pkg-out.odt <<'PY'
import sys, zipfile
a, b = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
ia = {i.filename: i for i in a.infolist()}
bad = []
for i in b.infolist():
    if i.filename in ("content.xml", "meta.xml", "META-INF/manifest.xml"):
        continue
    j = ia.get(i.filename)
    if not j or (j.CRC, j.compress_size, j.compress_type) != (i.CRC, i.compress_size, i.compress_type):
        bad.append(i.filename)
print("ok" if not bad and b.namelist()[0] == "mimetype" else "differ: " + " ".join(bad))
PY
)
check "every other part copied raw (same compressed bytes), mimetype first" [ "$same" = ok ]

# --- bad input and usage ---------------------------------------------------------------------
printf 'not a zip' >bad.odt
run_odfgate scrub bad.odt -o bad-out.odt
lines=$(printf '%s\n' "$err" | wc -l)
t "not an ODF file: exit 3, one line naming it" '[ "$rc" = 3 ] && [ "$lines" = 1 ] && [ ! -e bad-out.odt ]'
case $err in *bad.odt*) ok "the error names the file" ;; *) fail "error: $err" ;; esac
run_odfgate scrub --only bogus mixed.fodt -o x.fodt
check "--only bogus: usage (exit 2)" [ "$rc" = 2 ]
run_odfgate scrub --only stale-index mixed.fodt -o x.fodt
check "--only stale-index: usage, saying to update the index" [ "$rc" = 2 ]
case $err in *"Update All"*) ok "stale-index refusal says how to fix it" ;; *) fail "stale-index: $err" ;; esac
run_odfgate scrub --only changes mixed.fodt -o x.fodt
t "--only changes without --accept-changes or --reject-changes: usage, saying so" '[ "$rc" = 2 ] && [ ! -e x.fodt ] && [[ $err == *"--accept-changes or --reject-changes"* ]]'
run_odfgate scrub --accept-changes --reject-changes mixed.fodt -o x.fodt
t "--accept-changes and --reject-changes: usage" '[ "$rc" = 2 ] && [ ! -e x.fodt ]'
run_odfgate scrub --accept-changes --keep changes mixed.fodt -o x.fodt
t "--accept-changes with --keep changes: usage" '[ "$rc" = 2 ] && [ ! -e x.fodt ]'
run_odfgate scrub mixed.fodt
check "neither -o nor --in-place: usage" [ "$rc" = 2 ]
run_odfgate scrub mixed.fodt -o x.fodt --in-place
t "both -o and --in-place: usage" '[ "$rc" = 2 ] && [ ! -e x.fodt ]'

# --- the LibreOffice-made fixtures -----------------------------------------------------------
fx="$here/fixtures"
if [ -f "$fx/fixtures.json" ]; then
    while IFS=$'\t' read -r name rule; do
        got=$(rules "$fx/$name")
        if [ "$got" = "$rule" ]; then ok "$name: fires ${rule:-nothing}"; else fail "$name: want '$rule', got '$got'"; fi
        run_odfgate scrub --schema "$s" --force --accept-changes "$fx/$name" -o "scrubbed-$name"
        left=$(rules "scrubbed-$name")
        left=${left//stale-index/}; left=${left// /}
        if [ "$rc" = 0 ] && [ -z "$left" ]; then ok "$name: no hygiene finding after scrub"
        else fail "$name: scrub exit $rc, left: $left ($err)"; fi
    done < <(python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["fixtures"]:
    print("%s\t%s" % (f["file"], f["rule"] or ""))' "$fx/fixtures.json")
else
    skip "no LibreOffice fixtures"
fi
done_testing
