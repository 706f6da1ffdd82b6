#!/usr/bin/env bash
# fields-lo.sh — a sign-off survives LibreOffice recomputing fields (docs/signoff.md, "Fields"):
# a draft with a date field that is not fixed, a page count, a file name and an author field is
# signed, then opened and saved by a real LibreOffice on another date (faketime, 400 days on)
# under another profile (another user): LibreOffice shows new values, the sign-off stays valid.
# A fixed date changed in LibreOffice, or a typed date, makes it stale, naming the section.
. "$(dirname "$0")/../lib.sh"
[ "${ODFGATE_SKIP_SOFFICE:-0}" = 1 ] && skip_all "ODFGATE_SKIP_SOFFICE=1"
command -v "${SOFFICE:-soffice}" >/dev/null 2>&1 || skip_all "no soffice"
command -v faketime >/dev/null 2>&1 || skip_all "no faketime (Debian package faketime)"
pyuno=${PYUNO:-/usr/bin/python3}
"$pyuno" -c 'import uno' 2>/dev/null || skip_all "no python3-uno for $pyuno"
plan 7
cd "$scratch" || exit 1

python3 - <<'PY'
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
words = ("Partners will plan services together around the needs of the people who use them and "
         "share information safely, pool budgets where that helps and judge progress by outcomes "
         "that matter to patients, carers and staff, naming a senior lead in each organisation and "
         "reporting openly every year on what has changed.")
sections = ["Common vision", "Why integration is necessary", "How we will work together",
            "Potential barriers", "Support needed"]
body = ('<text:p>Date: <text:date text:date-value="2021-06-18T00:00:00">18. Juni 2021</text:date>, '
        'page 1 of <text:page-count>1</text:page-count>, file <text:file-name '
        'text:display="name-and-extension">old-name.odt</text:file-name>, prepared by '
        '<text:author-name text:fixed="false">Jane Smith</text:author-name>.</text:p>')
for i, h in enumerate(sections):
    body += f'<text:h text:outline-level="1">{h}</text:h><text:p>{words}</text:p>'
    if i == 0:
        body += ('<text:p>Agreed on <text:date text:fixed="true" text:date-value="2021-06-18T00:00:00">'
                 '18 June 2021</text:date>; review date: 1 March 2027.</text:p>')
open("draft.fodt", "w").write(
    f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.2" '
    f'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>{body}'
    '</office:text></office:body></office:document>')
PY

states() { # FILE → "id:state[changed]"
    run_odfgate signoffs --format json "$1"
    printf '%s' "$out" | python3 -c 'import json,sys
for s in json.load(sys.stdin)["signoffs"]:
    print(s["signatory"]+":"+s["state"]+("["+",".join(s["changed_sections"])+"]" if s["changed_sections"] else ""))'
}

run_odfgate signoff draft.fodt --as dh --by "Jane Smith" -o signed.fodt
check "signed" [ "$rc" -eq 0 -a "$(states signed.fodt)" = "dh:valid" ]

faketime -f '+400d' timeout 300 "$pyuno" "$top_srcdir/tests/signoff/lo_uno.py" "$scratch/profile" \
    "resave|signed.fodt|later.odt" "fields|later.odt" >uno.out 2>uno.err
[ $? -eq 0 ] || diag "lo_uno.py (faketime)" "$(cat uno.err)"
shown=$(tail -n 1 uno.out)
case $shown in *'"18. Juni 2021"'*|*'"Jane Smith"'*|*'"old-name.odt"'*|'') fail "LibreOffice recomputed the date field on another day"; diag "$shown";;
    *) ok "LibreOffice recomputed the fields on another day, as another user";; esac
check "... and the sign-off is still valid" [ "$(states later.odt)" = "dh:valid" ]
run_odfgate check --format json later.odt
check "... check reports no signoff-stale" [ "$(printf '%s' "$out" | grep -c signoff-stale)" -eq 0 ]

timeout 300 "$pyuno" "$top_srcdir/tests/signoff/lo_uno.py" "$scratch/profile2" \
    "fixdate|signed.fodt|refixed.odt|2022-01-01" "replace|signed.fodt|retyped.odt|1 March 2027|2 March 2027" \
    >uno2.out 2>uno2.err
[ $? -eq 0 ] || diag "lo_uno.py" "$(cat uno2.err)"
check "a fixed date changed in LibreOffice: stale, naming the section" [ "$(states refixed.odt)" = "dh:stale[vision]" ]
check "a typed date changed: stale, naming the section" [ "$(states retyped.odt)" = "dh:stale[vision]" ]

check "new records are format 2 (canonical text version 2)" grep -q 'odfgate-signoff/2;' signed.fodt
