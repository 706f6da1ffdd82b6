#!/usr/bin/env bash
# cli.sh — the a11y rules without LibreOffice: each fires on what it is about and stays silent
# just past its threshold (contrast 4.48:1 and 4.54:1, two and three spaces, one and two tabs,
# "1.5 million", a list, a decorative image …); colours, blinking, superscripts and languages
# resolved through the style chain in a flat file and in a package (common styles in
# styles.xml, a parent defined after its child, the default style); the family off unless the
# schema or .odfgate.ini turns it on; annotate places the findings on their paragraph; hostile
# styles (a parent cycle, a chain 5,000 long, 200 nested spans) end; then the LibreOffice-made
# fixtures (tests/a11y/fixtures, made by lo_a11y.py): each fires exactly the rules
# fixtures.json names, the clean control none.
. "$(dirname "$0")/../lib.sh"
here="$top_srcdir/tests/a11y"
s="$here/schema.xml"
mk() { python3 "$here/a11ydoc.py" "$@"; }
cd "$scratch" || exit 1
# rules FILE [SCHEMA]: $got, the a11y rule ids of its findings (sorted, space-separated), and
# $out, the JSON report (its messages)
rules() {
    run_odfgate check --schema "${2:-$s}" --format json "$1"
    got=$(printf '%s' "$out" | python3 -c "
import json, sys
j = json.load(sys.stdin)
print(' '.join(sorted(f['rule'] for d in j['documents'] for f in d.get('findings', [])
                     if f['rule'].startswith('a11y-'))))")
}
# is DESCRIPTION FILE EXPECTED [SCHEMA]: the file's a11y rules are EXPECTED (sorted, '' none)
is() {
    rules "$2" "${4:-}"
    if [ "$got" = "$3" ]; then ok "$1"; else fail "$1: want '$3', got '$got'"; fi
}
H='<text:h text:outline-level="1">Purpose</text:h>'
P='<text:p>The parties will work together on integrated care for adults.</text:p>'
frame() { # NAME ANCHOR INNER [ATTRS]
    printf '<text:p>See <draw:frame draw:name="%s" text:anchor-type="%s" svg:width="2cm" svg:height="2cm" %s>%s</draw:frame></text:p>' "$1" "$2" "${4:-}" "$3"
}
IMG='<draw:image><office:binary-data>iVBORw0KGgo=</office:binary-data></draw:image>'
row() { # CELL-TEXT... -> a table row
    local r='<table:table-row>' c
    for c in "$@"; do r+="<table:table-cell><text:p>$c</text:p></table:table-cell>"; done
    printf '%s</table:table-row>' "$r"
}
table() { # NAME HEADER-ROWS? ROWS...
    local name=$1 head=$2; shift 2
    printf '<table:table table:name="%s"><table:table-column table:number-columns-repeated="2"/>' "$name"
    [ "$head" = head ] && printf '<table:table-header-rows>%s</table:table-header-rows>' "$(row Body Role)"
    printf '%s' "$@"
    printf '</table:table>'
}

# --- a clean document, flat and packaged; the family off by default ---------------------------
for ext in fodt odt; do
    mk clean.$ext "$H" "$P" "$(table T1 head "$(row 'Department of Health' Signatory)")" \
        "$(frame Figure1 as-char "$IMG<svg:title>Map of the areas</svg:title>")" \
        '<text:p>See <text:a xlink:type="simple" xlink:href="https://www.gov.uk/x">the framework on GOV.UK</text:a>.</text:p>' \
        '<text:list><text:list-item><text:p>1. First</text:p></text:list-item><text:list-item><text:p>2. Second</text:p></text:list-item></text:list>'
    is "a clean document ($ext): no a11y finding" clean.$ext ''
done
mk bare.fodt --title '' --lang '' "$H" '<text:p/>' '<text:p/>'
is "the family is off by default (a schema without <rules>)" bare.fodt '' "$top_srcdir/tests/diff/schema.xml"
is "... and fires with it on" bare.fodt 'a11y-empty-lines a11y-language a11y-title'
mkdir -p cfg && cp bare.fodt cfg/ && printf 'rule.a11y = info\nrule.a11y-title = off\n' >cfg/.odfgate.ini
run_odfgate check --schema "$top_srcdir/tests/diff/schema.xml" cfg/bare.fodt
case $out in
*'info: '*'(a11y-language)'*) case $out in *a11y-title*) fail ".odfgate.ini: a11y-title should be off: $out" ;; *) ok ".odfgate.ini turns the family on (rule.a11y = info) and one rule off" ;; esac ;;
*) fail ".odfgate.ini rule.a11y: $out" ;;
esac
printf 'rule.a11y = sometimes\n' >cfg/.odfgate.ini
run_odfgate check cfg/bare.fodt
check ".odfgate.ini: a bad severity for the family is an error (exit 2)" [ "$rc" = 2 ]

# --- document: title, language ----------------------------------------------------------------
mk t.fodt --title '   ' "$H" "$P"
is "a title of spaces: a11y-title" t.fodt a11y-title
mk l.fodt --lang zxx "$H" "$P"
is "the default language [None] (zxx): a11y-language" l.fodt a11y-language
mk l2.odt --style '<style:style style:name="Code" style:family="paragraph"><style:text-properties fo:language="zxx" fo:country="none"/></style:style>' \
    --style '<style:style style:name="Code2" style:family="paragraph" style:parent-style-name="Code"/>' \
    "$H" '<text:p text:style-name="Code2">x = 1</text:p>' '<text:p text:style-name="Code2">y = 2</text:p>'
is "a paragraph style whose parent sets [None] (package): a11y-language once" l2.odt a11y-language
mk l3.odt --style '<style:style style:name="Other" style:family="paragraph"><style:text-properties fo:language="zxx"/></style:style>' "$H" "$P"
is "a style without a language that no paragraph uses: nothing" l3.odt ''

# --- headings ------------------------------------------------------------------------------------
mk h1.fodt "$H" "$P" '<text:h text:outline-level="3">Deep</text:h>' "$P" '<text:h text:outline-level="2">Back</text:h>' "$P"
is "level 1 then 3: a11y-heading-order once (3 then 2 is fine)" h1.fodt a11y-heading-order
mk h2.fodt '<text:h text:outline-level="2">Purpose</text:h>' "$P"
is "the first heading at level 2: a11y-heading-order" h2.fodt a11y-heading-order
mk h3.odt --style '<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph"/>' \
    "$H" '<text:p text:style-name="Heading_20_3">Deep by style</text:p>' "$P"
is "a heading by its style (Heading 3 after 1, package): a11y-heading-order" h3.odt a11y-heading-order
mk h4.fodt "$H" "$P" "$(table T1 head "$(row '<text:span>x</text:span>' y)" '<table:table-row><table:table-cell><text:h text:outline-level="2">In a cell</text:h></table:table-cell><table:table-cell><text:p>y</text:p></table:table-cell></table:table-row>')"
is "a heading in a table cell: a11y-heading-in-table" h4.fodt a11y-heading-in-table

# --- tables ---------------------------------------------------------------------------------------
mk tb1.fodt "$H" "$P" "$(table T1 head '<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Both</text:p></table:table-cell><table:covered-table-cell/></table:table-row>')"
is "cells merged across columns: a11y-table-merged" tb1.fodt a11y-table-merged
mk tb1r.fodt "$H" "$P" "$(table T1 head '<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>Both</text:p></table:table-cell><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row><table:table-row><table:covered-table-cell/><table:table-cell><text:p>y</text:p></table:table-cell></table:table-row>')"
is "cells merged across rows: a11y-table-merged" tb1r.fodt a11y-table-merged
mk tb1s.fodt "$H" "$P" '<table:table table:name="One"><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Both</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table>' \
    "$(table T2 head '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2"><text:p>same</text:p></table:table-cell></table:table-row>')"
is "a single row spanning columns, repeated cells and rows: nothing (as LibreOffice 7.4)" tb1s.fodt ''
mk tb2.fodt "$H" "$P" "$(table T1 head "$(row a b)" "$(row '' '')" "$(row c d)")"
is "a row of empty cells: a11y-table-empty-cell" tb2.fodt a11y-table-empty-cell
mk tb3.fodt "$H" "$P" "$(table T1 head "$(row a '')" "$(row '' d)")"
is "empty cells in rows that have text: nothing" tb3.fodt ''
mk tb4.fodt "$H" "$P" "$(table T1 nohead "$(row a b)" "$(row c d)")"
is "two rows, no heading row: a11y-table-header" tb4.fodt a11y-table-header
mk tb5.fodt "$H" "$P" "$(table T1 nohead "$(row a b)")"
is "one row, no heading row: nothing" tb5.fodt ''
mk tb6.fodt "$H" "$P" "$(table T1 head "$(row a "$(printf '%s' "<draw:frame draw:name=\"F\" text:anchor-type=\"as-char\">$IMG<svg:desc>A map</svg:desc></draw:frame>")")" "$(row '' "$(printf '%s' "<draw:frame draw:name=\"G\" text:anchor-type=\"as-char\">$IMG<svg:title>Key</svg:title></draw:frame>")")")"
is "cells holding only pictures are not empty; a description alone is alternative text" tb6.fodt ''

# --- objects -------------------------------------------------------------------------------------
mk o1.fodt "$H" "$P" "$(frame Figure1 as-char "$IMG")"
is "an image without alternative text: a11y-alt-text" o1.fodt a11y-alt-text
case $out in *"image 'Figure1'"*) ok "the finding names the object" ;; *) fail "object name: $out" ;; esac
mk o2.fodt "$H" "$P" "$(frame Figure1 as-char "$IMG" 'loext:decorative="true"')"
is "a decorative image: nothing" o2.fodt ''
mk o3.fodt "$H" "$P" "$(frame Figure1 as-char "$IMG<svg:title>  </svg:title>")"
is "a title of spaces is no alternative text" o3.fodt a11y-alt-text
mk o4.fodt "$H" "$P" '<text:p>A <draw:custom-shape draw:name="Arrow" text:anchor-type="as-char" svg:width="1cm" svg:height="1cm"><draw:enhanced-geometry draw:type="right-arrow"/></draw:custom-shape> shape.</text:p>' \
    '<text:p>A <draw:g draw:name="Group"><svg:title>Flow</svg:title><draw:rect svg:width="1cm" svg:height="1cm"/><draw:rect svg:width="1cm" svg:height="1cm"/></draw:g> group.</text:p>'
is "a shape without alternative text fires; a titled group (its shapes untitled) does not" o4.fodt a11y-alt-text
mk o5.odt "$H" "$P" "$(frame Chart as-char '<draw:object xlink:href="./Object 1"/><draw:image xlink:href="./ObjectReplacements/Object 1"/>')"
rules o5.odt
case $got in a11y-alt-text) case $out in *"object 'Chart'"*) ok "an object with its replacement picture: one finding, as an object" ;; *) fail "object kind: $out" ;; esac ;; *) fail "object: $got" ;; esac
mk o6.fodt "$H" "$P" "$(frame Box paragraph '<draw:text-box><text:p>Floating words.</text:p></draw:text-box>')"
is "a text frame anchored to a paragraph: a11y-floating-text" o6.fodt a11y-floating-text
mk o7.fodt "$H" "$P" "$(frame Box as-char '<draw:text-box><text:p>Inline words.</text:p></draw:text-box>')" "$(frame Empty page '<draw:text-box><text:p/></draw:text-box>')"
is "a text frame as a character, an empty floating one: nothing" o7.fodt ''
mk o7s.fodt "$H" "$P" '<text:p>See <draw:custom-shape draw:name="Callout" text:anchor-type="paragraph" svg:width="3cm" svg:height="1cm"><svg:title>Note</svg:title><text:p>Read this first.</text:p><draw:enhanced-geometry draw:type="rectangle"/></draw:custom-shape></text:p>'
is "a shape holding text, anchored to the paragraph: a11y-floating-text (as LibreOffice 7.4)" o7s.fodt a11y-floating-text
touch present.png
mk o8.fodt "$H" "$P" "$(frame Here as-char '<draw:image xlink:href="present.png"/><svg:title>x</svg:title>')" \
    "$(frame Gone as-char '<draw:image xlink:href="missing%20figure.png"/><svg:title>x</svg:title>')" \
    "$(frame Web as-char '<draw:image xlink:href="https://www.example.org/a.png"/><svg:title>x</svg:title>')"
is "a linked image that does not exist (flat, relative, %20): a11y-linked-image; present and web ones not" o8.fodt a11y-linked-image
mk o9.odt "$H" "$P" "$(frame Here as-char '<draw:image xlink:href="../present.png"/><svg:title>x</svg:title>')" \
    "$(frame Gone as-char '<draw:image xlink:href="../gone.png"/><svg:title>x</svg:title>')" \
    "$(frame Abs as-char "<draw:image xlink:href=\"file://$scratch/present.png\"/><svg:title>x</svg:title>")"
is "a package: ../ is beside the document, file: URLs are paths" o9.odt a11y-linked-image

# --- text ----------------------------------------------------------------------------------------
mk n1.fodt "$H" '<text:p>1. First point</text:p>' '<text:p>2. Second point</text:p>' '<text:p>3. Third point</text:p>' "$P" '<text:p>a) one</text:p>' '<text:p>b) two</text:p>'
is "numbering typed by hand: once per run (1. 2. 3., a) b))" n1.fodt 'a11y-fake-numbering a11y-fake-numbering'
mk n2.fodt "$H" '<text:p>• First point</text:p>' '<text:p>• Second point</text:p>'
is "bullets typed by hand: a11y-fake-numbering" n2.fodt a11y-fake-numbering
mk n3.fodt "$H" '<text:p>1.5 million adults are covered.</text:p>' '<text:p>2.5 million are not.</text:p>' '<text:p>1. Alone</text:p>' "$P" '<text:p>2020. A year.</text:p>' '<text:p>2021. Another.</text:p>'
is "1.5 million; a single 1.; years: nothing (years are a run, though: see docs)" n3.fodt 'a11y-fake-numbering'
mk e1.fodt "$H" "$P" '<text:p/>' "$P" '<text:p/>' '<text:p></text:p>' '<text:p/>' "$P"
is "one empty paragraph: nothing; three in a row: a11y-empty-lines once" e1.fodt a11y-empty-lines
mk e2.fodt "$H" "$P" '<text:p/>' '<text:p><draw:frame draw:name="F" text:anchor-type="as-char">'"$IMG"'<svg:title>x</svg:title></draw:frame></text:p>' "$P"
is "an empty paragraph then one holding a picture: nothing" e2.fodt ''
mk sp.fodt "$H" '<text:p>Two  <text:s/>spaces are a typing slip.</text:p>' '<text:p>Three <text:s text:c="2"/>spaces lay out.</text:p>' '<text:p>One<text:tab/>tab, two<text:tab/> <text:tab/>tabs</text:p>'
is "two spaces: nothing; three: a11y-spacing; tabs with a space between are not a run" sp.fodt a11y-spacing
mk sp2.fodt "$H" '<text:p>Name<text:tab/><text:tab/>Role</text:p>'
is "two tabs in a row: a11y-spacing" sp2.fodt a11y-spacing
mk k.fodt "$H" '<text:p>See <text:a xlink:href="https://www.gov.uk/x">https://www.gov.uk/x</text:a>, <text:a xlink:href="https://www.gov.uk/y">www.gov.uk/y</text:a>, <text:a xlink:href="https://www.gov.uk/z"> here </text:a>, <text:a xlink:href="https://www.gov.uk/w">gov.uk/w</text:a> and <text:a xlink:href="https://www.gov.uk/v">the guidance on GOV.UK</text:a>.</text:p>'
is "link texts: the address, www., ' here ' (trimmed), the target without its scheme; a description is fine" k.fodt 'a11y-link-text a11y-link-text a11y-link-text a11y-link-text'

# --- colours, blinking, superscripts through the style chain -------------------------------------
grey() { printf '<style:style style:name="%s" style:family="text"><style:text-properties fo:color="%s"/></style:style>' "$1" "$2"; }
mk c1.fodt --auto "$(grey T1 '#777777')" --auto "$(grey T2 '#767676')" "$H" '<text:p>A <text:span text:style-name="T1">pale</text:span> word.</text:p>' '<text:p>A <text:span text:style-name="T2">darker</text:span> word.</text:p>'
is "#777777 on white (4.478:1): a11y-contrast; #767676 (4.54:1): nothing" c1.fodt a11y-contrast
case $out in *'4.47:1'*) ok "the message gives the ratio, cut (never 4.50 below 4.5)" ;; *) fail "ratio: $out" ;; esac
mk c2.odt --style '<style:style style:name="Pale" style:family="paragraph" style:parent-style-name="Mid"/>' \
    --style '<style:style style:name="Mid" style:family="paragraph"><style:text-properties fo:color="#dddddd"/></style:style>' \
    --auto '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Pale"><style:paragraph-properties fo:text-align="center"/></style:style>' \
    "$H" '<text:p text:style-name="P1">Pale by its grandparent</text:p>'
is "a colour from a common style's parent, defined after it in styles.xml: a11y-contrast" c2.odt a11y-contrast
mk c3.fodt --auto '<style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:background-color="#222222"/><style:text-properties fo:color="#333333"/></style:style>' \
    --auto '<style:style style:name="P2" style:family="paragraph"><style:paragraph-properties fo:background-color="#000080"/><style:text-properties style:use-window-font-color="true"/></style:style>' \
    --auto '<style:style style:name="T1" style:family="text"><style:text-properties fo:color="#ffffff" fo:background-color="#000000"/></style:style>' \
    "$H" '<text:p text:style-name="P1">Dark on dark</text:p>' '<text:p text:style-name="P2">Automatic colour on navy</text:p>' '<text:p text:style-name="P1"><text:span text:style-name="T1">White on a black highlight</text:span></text:p>'
is "dark text on a dark paragraph: a11y-contrast; the automatic colour and a highlight: nothing" c3.fodt a11y-contrast
mk c4.fodt --default-props 'fo:color="#aaaaaa"' "$H"
is "the default style's colour applies to every paragraph" c4.fodt a11y-contrast
mk b1.odt --style '<style:style style:name="Flash" style:family="text"><style:text-properties style:text-blinking="true"/></style:style>' \
    "$H" '<text:p>A <text:span text:style-name="Flash">blinking</text:span> word, <text:span text:style-name="Flash">twice</text:span>.</text:p>'
is "blinking text by a common text style (package): a11y-blinking once a paragraph" b1.odt a11y-blinking
mk f1.fodt --auto '<style:style style:name="T1" style:family="text"><style:text-properties style:text-position="33% 58%"/></style:style>' \
    --auto '<style:style style:name="T2" style:family="text"><style:text-properties style:text-position="-33% 58%"/></style:style>' \
    "$H" '<text:p>Care is integrated.<text:span text:style-name="T1">1</text:span></text:p>' '<text:p><text:span text:style-name="T1">1</text:span> See the 2012 guidance.</text:p>' '<text:p><text:span text:style-name="T2">2</text:span> A subscript start.</text:p>'
is "a paragraph starting with a superscript: a11y-fake-footnote (a superscript at the end, a subscript: nothing)" f1.fodt a11y-fake-footnote
mk f2.fodt "$H" "$P" '<text:p>*See the 2012 guidance.</text:p>' '<text:p>* A typed bullet</text:p>' '<text:p>** emphasis</text:p>'
is "a paragraph starting with '*' then text: a11y-fake-footnote ('* ' and '**': nothing)" f2.fodt a11y-fake-footnote

# --- annotate places the findings on their paragraph -------------------------------------------
mk an.fodt "$H" "$P" '<text:p>Another <text:s text:c="5"/>paragraph.</text:p>' "$P"
run_odfgate annotate --schema "$s" an.fodt -o an-out.fodt
python3 - an-out.fodt <<'EOF' && ok "annotate: the a11y-spacing comment sits in the paragraph it is about" || fail "annotate placement"
import sys, xml.etree.ElementTree as ET
T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
body = ET.parse(sys.argv[1]).getroot().find(O + "body/" + O + "text")
for p in body.iter(T + "p"):
    for a in p.findall(O + "annotation"):
        if "a11y-spacing" in "".join(a.itertext()):
            sys.exit(0 if "Another" in "".join(p.itertext()) else 1)
sys.exit(1)
EOF

# --- hostile styles and nesting end, and stay linear ----------------------------------------------
mk cyc.odt --style '<style:style style:name="A" style:family="paragraph" style:parent-style-name="B"/>' \
    --style '<style:style style:name="B" style:family="paragraph" style:parent-style-name="A"><style:text-properties fo:color="#eeeeee"/></style:style>' \
    "$H" '<text:p text:style-name="A">In a cycle</text:p>'
run_odfgate check --schema "$s" cyc.odt
check "a parent cycle ends (exit 0)" [ "$rc" = 0 ]
python3 -c "print(''.join('<style:style style:name=\"S%d\" style:family=\"paragraph\" style:parent-style-name=\"S%d\"/>' % (i, i + 1) for i in range(5000)) + '<style:style style:name=\"S5000\" style:family=\"paragraph\"><style:text-properties fo:color=\"#eeeeee\"/></style:style>')" >chain.xml
mk chain.odt --style @chain.xml "$H" '<text:p text:style-name="S0">At the end of a long chain</text:p>'
is "a chain of 5,000 parents ends (its colour is followed 256 styles deep: docs/limits.md)" chain.odt ''
spans=$(python3 -c "print('<text:span text:style-name=\"T\">' * 200 + 'deep' + '</text:span>' * 200)")
mk deep.fodt --auto "$(grey T '#eeeeee')" "$H" "<text:p>$spans</text:p>"
is "200 nested spans: read, the colour of the innermost known" deep.fodt a11y-contrast

nest=$(python3 -c "
cell = '<table:table table:name=\"N%d\"><table:table-header-rows><table:table-row><table:table-cell><text:p>h</text:p></table:table-cell></table:table-row></table:table-header-rows><table:table-row><table:table-cell>%s</table:table-cell></table:table-row></table:table>'
x = '<text:p>deep</text:p>'
for i in range(20):
    x = cell % (i, x)
print(x)")
mk nest.fodt "$H" "$P" "$nest" "$(table After nohead "$(row a b)" "$(row c d)")"
is "20 tables nested in each other, then a table without a heading row: still found" nest.fodt a11y-table-header

# --- the LibreOffice-made fixtures -----------------------------------------------------------------
if [ -f "$here/fixtures/fixtures.json" ]; then
    listed=0
    while IFS='=' read -r name want; do
        listed=$((listed + 1))
        is "$name (made by LibreOffice): ${want:-nothing}" "$here/fixtures/$name" "$want"
    done < <(python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["fixtures"]:
    print("%s=%s" % (f["file"], " ".join(sorted(f["rules"] if "rules" in f else ([f["rule"]] if f["rule"] else [])))))' "$here/fixtures/fixtures.json")
    # (a listing that fails must not pass for an empty one)
    if [ "$listed" -ge 20 ]; then ok "$listed LibreOffice-made fixtures checked"; else fail "only $listed fixtures listed"; fi
else
    fail "tests/a11y/fixtures/fixtures.json is missing"
fi
done_testing
