#!/usr/bin/env bash
# cli.sh — the hygiene rules and `odfgate scrub` without LibreOffice: what each rule reports
# and what it leaves alone (waivers, odfgate's own comments, public links, sign-off records);
# scrub class by class (--only, --keep), what it keeps (a waiver, the text of an unlinked
# link), sign-offs it keeps valid or would make stale (refused without --force), ODF
# signatures, --in-place, outputs valid against the OASIS schema, parts it does not touch
# copied byte for byte, bad input and usage with their exit codes; then the LibreOffice-made
# fixtures (tests/hygiene/fixtures, made by lo_hygiene.py): each fires exactly its rule once,
# the clean one none, and after scrub no hygiene rule fires on any of them (but hidden-changes
# and stale-index: scrub leaves tracked changes and cannot regenerate an index).
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
check "--only changes: usage (scrub does not resolve tracked changes)" [ "$rc" = 2 ]
case $err in *"Accept All or Reject All"*) ok "it says where to resolve them" ;; *) fail "changes: $err" ;; esac
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
        run_odfgate scrub --schema "$s" --force "$fx/$name" -o "scrubbed-$name"
        left=$(rules "scrubbed-$name")
        left=${left//stale-index/}; left=${left//hidden-changes/}; left=${left// /}
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
