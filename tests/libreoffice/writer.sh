#!/usr/bin/env bash
# writer.sh — odfgate where drafters work, in a real headless LibreOffice through python3-uno
# (tests/libreoffice/lo_writer.py): the Statement check panel (made by its factory in a
# toolkit window, read through its controls and its accessibility tree), taking the person to
# a finding, re-checking after a pause in typing and on Re-check, the signatories with a stale
# sign-off, comments as an option and each check or removal one undo step, and no odfgate
# comment ever reaching a saved file whatever the save path (Save As ODF, a copy, --convert-to)
# while a document opened for checking is checked again when it is saved; Tools > Options >
# odfgate > Statement check (the page as the Options dialog makes it, its settings in effect,
# a .odfgate.ini before them).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lo-lib.sh"
plan 25
cd "$scratch" || exit 1
drafts="$top_srcdir/samples/drafts"
cp "$drafts/placeholder.odt" failing.odt
cp "$drafts/empty-section.odt" empty.odt
cp "$drafts/missing-section.odt" missing.odt
cp "$drafts/passing.odt" passing.odt
run_odfgate signoff passing.odt --as dh --by "Dana Hill" --role Director --in-place
strict_schema="$(cd "$top_srcdir/samples/schemas" && pwd)/strict-cpf.xml"
mkdir -p configured && cp "$drafts/placeholder.odt" configured/failing.odt
printf 'schema = %s\n' "$(cd "$top_srcdir/samples/schemas" && pwd)/common-purpose-framework.xml" >configured/.odfgate.ini

drive_writer() { drive=$(cd "$scratch" && timeout 600 "$pyuno" "$here/lo_writer.py" "$lo_profile" "$@" 2>"$scratch/driver.err"); }
step() { json_get "$(drive_line "$1")" "j['steps'][$2]$3"; }
cli_lines() { # FILE → JSON list of the CLI's findings as the commands report them
    run_odfgate check --format json "$1"
    printf '%s' "$out" | python3 -c 'import json,sys
print(json.dumps(sorted(f["severity"] + ": " + ("[%s] " % f["section"] if f["section"] else "") + f["message"] + " (" + f["rule"] + ")"
                  for f in json.load(sys.stdin)["documents"][0]["findings"])))'
}
odfgate_comments_in() { unzip -p "$1" content.xml 2>/dev/null | grep -o '<dc:creator>odfgate</dc:creator>' | wc -l; }

drive_writer \
  'failing.odt|frame|odfgate||[["comments"],["dispatch","findings"],["panel"],["type",3," TBC again"],["wait",4],["panel_read"],["press","recheck"],["wait",1],["panel_read"]]' \
  'failing.odt|frame|odfgate|comments|[["comments"],["store","'"$scratch"'/saved-as.odt","writer8","","as"],["comments"],["wait",2],["dispatch","findings"]]' \
  'failing.odt|model|odfgate|comments|[["store","'"$scratch"'/copy.odt","writer8"],["store","'"$scratch"'/copy.fodt","OpenDocument Text Flat XML"]]' \
  'failing.odt|frame|writer8||[["dispatch","check",{"InsertComments":true}],["comments"],["undo"],["undo_once"],["comments"],["dispatch","check",{"InsertComments":true}],["dispatch","remove-comments"],["comments"],["undo"]]' \
  'failing.odt|frame|writer8||[["dispatch","goto",{"Index":0}],["dispatch","check"],["dispatch","goto",{"Index":1}],["selection"],["dispatch","goto",{"Index":2}],["selection"]]' \
  'empty.odt|frame|writer8||[["dispatch","check"],["dispatch","goto",{"Index":1}],["selection"]]' \
  'missing.odt|frame|writer8||[["dispatch","check"],["dispatch","goto",{"Index":1}],["selection"],["where"]]' \
  'passing.odt|frame|writer8||[["panel"],["type",4," A sentence added after the sign-off."],["wait",4],["panel_read"]]' \
  'failing.odt|frame|writer8||[["options","strict;stamp=dh,Dana Hill"],["options","nonsense"]]' \
  'passing.odt|frame|writer8||[["dispatch","signoff",{"Signatory":"cqc","By":"Chris Quinn","Role":"Chief Inspector"}],["dispatch","signoff",{"Signatory":"lga","By":"Lee Grant","Decision":"rejected"}],["dispatch","signoff",{"Signatory":"nope","By":"X"}],["store","'"$scratch"'/signed.odt","writer8","","as"]]' \
  'passing.odt|frame|writer8||[["prefs_page",[["initialize"],["read"],["set",{"Schema":"'"$strict_schema"'","StrictOnSave":1,"FailOn":1,"SignoffWarnings":0}],["ok"],["set",{"Schema":"/nonexistent/cpf.xml"}],["ok"],["back"],["read"]]],["prefs"],["dispatch","check"],["store","'"$scratch"'/strict-refused.odt","odfgate"],["store","'"$scratch"'/strict-warn.odt","odfgate","warn"]]' \
  'configured/failing.odt|frame|writer8||[["dispatch","check"]]' \
  'passing.odt|model|writer8||[["prefs_page",[["set",{"Schema":"","StrictOnSave":0,"FailOn":0,"SignoffWarnings":1}],["ok"]]],["prefs"]]'
[ -n "$drive" ] || diag "driver: $(cat driver.err)"
prefs_log=$(cat "$scratch/soffice-driver.log" 2>/dev/null)

# 1-4: the panel
want=$(cli_lines failing.odt)
n=$(json_get "$want" 'len(j)')
if [ "$(step 1 0 '[0]')" = 0 ] && [ "$(json_get "$(drive_line 1)" 'json.dumps(sorted(j["steps"][1]["result"][:-7]))')" = "$want" ] &&
   [ "$(step 1 1 '["result"][-1]')" = "origin: opened" ]; then
    ok "opened through odfgate: no comment in the text, the $n findings (as odfgate check) in the document's state"
else fail "import: comments or findings"; diag "$(drive_line 1)" "$want"; fi
if [ "$(step 1 2 '["summary"]')" = "2 errors, 1 warning (opened)" ] &&
   [ "$(json_get "$(drive_line 1)" '[x.strip() for x in j["steps"][2]["findings"]][:3]')" = "['Errors (2)', 'support — placeholder \"TBC\" is left in the text (placeholder)', 'support — placeholder \"[insert date]\" is left in the text (placeholder)']" ] &&
   [ "$(json_get "$(drive_line 1)" 'sum(1 for s in j["steps"][2]["signatories"] if s.endswith(": missing"))')" = 6 ] &&
   [ "$(json_get "$(drive_line 1)" 'all(x in j["steps"][2]["a11y"] for x in j["steps"][2]["findings"] + j["steps"][2]["signatories"] + ["Re-check"])')" = True ]; then
    ok "panel: errors first, by section; six signatories missing; all of it in its accessibility tree"
else fail "panel contents"; diag "$(step 1 2 '')"; fi
if [ "$(step 1 5 '["summary"]')" = "3 errors, 1 warning (re-check)" ]; then
    ok "a pause in typing re-checks the text in the editor (a placeholder typed: 3 errors)"
else fail "re-check after typing"; diag "$(step 1 5 '')"; fi
if [ "$(step 1 8 '["summary"]')" = "3 errors, 1 warning (re-check)" ] && [ "$(step 1 6 '')" = True ]; then
    ok "Re-check, pressed through its accessibility action, checks again"
else fail "re-check button"; diag "$(step 1 8 '')"; fi

# 5-8: no leaks, checked when saved
if [ "$(step 2 0 '[0]')" = "$n" ] && [ "$(step 2 2 '[0]')" = 0 ] && [ "$(odfgate_comments_in saved-as.odt)" = 0 ]; then
    ok "opened with comments, Save As ODF Text: none of the $n odfgate comments reaches the file"
else fail "Save As leaks"; diag "$(drive_line 2)" "in file: $(odfgate_comments_in saved-as.odt)"; fi
if [ "$(step 2 4 '["result"][-1]')" = "origin: saved" ] && [ "$(json_get "$(drive_line 2)" 'json.dumps(sorted(j["steps"][4]["result"][:-7]))')" = "$(cli_lines saved-as.odt)" ]; then
    ok "a document opened for checking is checked as saved (the findings of the saved file)"
else fail "checked on save"; diag "$(step 2 4 '')" "$(cli_lines saved-as.odt)"; fi
if [ -f copy.odt ] && [ "$(odfgate_comments_in copy.odt)" = 0 ] && [ -f copy.fodt ] && ! grep -q '<dc:creator>odfgate</dc:creator>' copy.fodt; then
    ok "storeToURL (a copy, flat ODF too) of a commented document: no odfgate comment in either"
else fail "copies leak"; diag "$(drive_line 3)"; fi
lo_convert --infilter=odfgate:comments --convert-to odt:writer8 --outdir converted failing.odt
if [ -f converted/failing.odt ] && [ "$(odfgate_comments_in converted/failing.odt)" = 0 ] && grep -q "comments removed before saving" "$scratch/soffice.log"; then
    ok "--infilter=odfgate:comments --convert-to odt: the converted file has no odfgate comment"
else fail "--convert-to leaks"; diag "$(cat soffice.log)"; fi

# 9-10: undo (in a view: a document without one records no undo)
if [ "$(step 4 1 '[0]')" = "$n" ] && [ "$(step 4 2 '[0]')" = "Statement check: findings as comments" ] && [ "$(step 4 4 '[0]')" = 0 ]; then
    ok "inserting the $n findings as comments is one undo step, and one undo removes them all"
else fail "insert undo"; diag "$(drive_line 4)"; fi
if [ "$(step 4 6 '["result"][0]')" = "$n" ] && [ "$(step 4 7 '[0]')" = 0 ] && [ "$(step 4 8 '[0]')" = "Statement check: remove the comments" ]; then
    ok "Remove statement-check comments: all $n gone, one undo step"
else fail "remove comments"; diag "$(drive_line 4)"; fi

# 11-14: taking the person to the finding
if [ "$(step 5 0 '["state"]')" = 0 ] && [ "$(step 5 3 '')" = TBC ] && [ "$(step 5 5 '')" = "[insert date]" ]; then
    ok "goto before a check: refused; after: the placeholder itself is selected (TBC, [insert date])"
else fail "goto placeholder"; diag "$(drive_line 5)"; fi
if [ "$(step 6 2 '')" = "How we will work together" ]; then ok "goto an empty section: its heading is selected"
else fail "goto empty heading"; diag "$(drive_line 6)"; fi
if [ "$(step 7 2 '')" = "" ] && [ "$(step 7 3 '')" = "Support needed" ]; then
    ok "goto a missing section: the place before the heading it belongs before (Support needed)"
else fail "goto missing section"; diag "$(drive_line 7)"; fi
stale=$(step 8 3 '["signatories"][0]')
if [ "$(step 8 0 '["signatories"][0]')" = "✓ Department of Health (dh): approved — Dana Hill, Director, $(step 8 0 '["signatories"][0]' | sed 's/.*Director, //')" ] &&
   printf '%s' "$stale" | grep -q '^⚠ STALE Department of Health (dh): stale — Dana Hill, Director, .*; changed since: '; then
    ok "signatories: dh approved, then stale once the text changes, naming the sections changed"
else fail "signatory state"; diag "$(step 8 0 '["signatories"]')" "$stale"; fi
# headless, the dialog cannot show: it is cancelled, and the options given stay as they were
if [ "$(step 9 0 '["result"], j["steps"][0]["options"]')" = "0 strict;stamp=dh,Dana Hill" ] && [ "$(step 9 1 '["options"]')" = nonsense ]; then
    ok "the options dialog, run as Save As runs it: takes and gives back FilterOptions (cancelled without a window)"
else fail "options dialog contract"; diag "$(drive_line 9)"; fi
# 19-20: Tools > Sign off statement (its command; the dialog is gui.sh's)
if [ "$(step 10 0 '["state"]')" = 1 ] && step 10 0 '["result"][0]' | grep -q '^Care Quality Commission (cqc): approved — Chris Quinn, Chief Inspector, ' &&
   step 10 1 '["result"][0]' | grep -q '^Local Government Association (lga): rejected — Lee Grant, ' &&
   [ "$(step 10 2 '["state"]')" = 0 ] && step 10 2 '["result"][0]' | grep -q 'unknown signatory "nope"; schema common-purpose-framework lists: dh, nhscb, cqc, monitor, lga, ntda'; then
    ok "signoff: cqc approves, lga rejects, each bound to the text now; an unknown signatory is refused, the schema's listed"
else fail "signoff command"; diag "$(drive_line 10)"; fi
run_odfgate signoffs signed.odt
if printf '%s' "$out" | grep -Eq '^cqc +approved +Chris Quinn +Chief Inspector .* valid$' && printf '%s' "$out" | grep -Eq '^lga +rejected +Lee Grant .* valid$'; then
    ok "saved by Writer's own ODF filter, both sign-offs are valid for odfgate signoffs"
else fail "sign-offs in the saved file"; diag "$out"; fi
# 22-25: Tools > Options > odfgate > Statement check (sessions 11-13; the last puts the defaults back)
page=$(json_get "$(drive_line 11)" 'json.dumps(j["steps"][0])')
if [ "$(json_get "$page" 'j["registered"]["label"], j["registered"]["all_modules"], j["registered"]["leaf"], j["registered"]["handler"]')" = "odfgate True Statement check org.odfgate.OptionsPageHandler" ] &&
   [ "$(json_get "$page" 'j["reads"][1]')" = "{'Schema': '', 'StrictOnSave': 0, 'FailOn': [0], 'FailOnItems': ['an error', 'a warning', 'any finding', 'never'], 'SignoffWarnings': 1}" ]; then
    ok "Tools > Options lists odfgate > Statement check in every module; its page opens on the defaults"
else fail "options page registration and defaults"; diag "$page"; fi
if [ "$(json_get "$page" '[j["reads"][i] for i in (0, 2, 3, 4)]')" = "[True, True, True, True]" ] &&
   [ "$(json_get "$page" 'j["reads"][5]["Schema"] == "'"$strict_schema"'", j["reads"][5]["StrictOnSave"], j["reads"][5]["FailOn"], j["reads"][5]["SignoffWarnings"]')" = "True 1 [1] 0" ] &&
   [ "$(step 11 1 '["Schema"] == "'"$strict_schema"'", j["steps"][1]["StrictOnSave"], j["steps"][1]["FailOn"], j["steps"][1]["SignoffWarnings"]')" = "True True warning False" ] &&
   printf '%s' "$prefs_log" | grep -q 'Cannot load the schema /nonexistent/cpf.xml'; then
    ok "OK stores schema, strict on save, failure level, sign-off warnings; a schema that does not load is refused with the reason, the stored one kept"
else fail "options page OK/Reset"; diag "$page" "$(step 11 1 '')" "$(printf '%s' "$prefs_log" | grep -i schema)"; fi
if step 11 2 '["result"]' | grep -q 'required metadata "subject" is missing (metadata-missing)' &&
   ! step 11 2 '["result"]' | grep -q 'signoff-' && [ ! -e strict-refused.odt ] && [ -s strict-warn.odt ] &&
   step 11 3 '' | grep -q error; then
    ok "Writer checks against the schema set there, without sign-off warnings; strict on save refuses a failing statement (the filter option warn saves it)"
else fail "options in effect"; diag "$(drive_line 11)"; ls -l strict-*.odt 2>&1 | while read -r l; do diag "$l"; done; fi
if step 12 0 '["result"]' | grep -q 'placeholder "TBC"' && ! step 12 0 '["result"]' | grep -q 'metadata-missing' &&
   [ "$(step 13 1 '')" = "{'Schema': '', 'StrictOnSave': False, 'FailOn': 'error', 'SignoffWarnings': True}" ]; then
    ok "a .odfgate.ini beside the document comes before the schema set in Options (as for the command line)"
else fail "configuration before options"; diag "$(drive_line 12)" "$(drive_line 13)"; fi
# 21: every document's saves pass the save guard: a spreadsheet's are not its business
: >"$scratch/soffice-driver.log"
lo_drive "calc_save|$scratch/sheet.ods"
if [ "$(json_get "$(drive_line 1)" 'j.get("saved")')" = True ] && ! grep -q 'odfgate' "$scratch/soffice-driver.log"; then
    ok "a spreadsheet saved and copied with the extension installed: saved, and odfgate says nothing"
else fail "save guard on a spreadsheet"; diag "$(drive_line 1)" "$(cat "$scratch/soffice-driver.log")"; fi
# 15-16: the extension's commands
lo_drive menu
if [ "$(json_get "$(drive_line 1)" 'j.get("toolbar"), j.get("shortcut"), j.get("remove")')" = "vnd.odfgate:check vnd.odfgate:check vnd.odfgate:remove-comments" ]; then
    ok "a toolbar button and Ctrl+Alt+Shift+C check the statement; Tools has Remove statement-check comments"
else fail "toolbar/shortcut"; diag "$(drive_line 1)"; fi
if [ "$(json_get "$(drive_line 1)" 'j.get("deck"), j.get("panel")')" = "OdfgateDeck private:resource/toolpanel/OdfgatePanelFactory/StatementPanel" ]; then
    ok "the Statement check deck and panel are registered in the sidebar"
else fail "sidebar registration"; diag "$(drive_line 1)"; fi
# 18: Save As, "Edit filter settings": the filters name their options dialog
lo_drive filters
if [ "$(json_get "$(drive_line 1)" 'j["odfgate"]["ui_component"], j["odfgate_export"]["ui_component"]')" = "org.odfgate.FilterOptionsDialog org.odfgate.FilterOptionsDialog" ]; then
    ok "both odfgate filters name an options dialog (Save As: Edit filter settings is offered)"
else fail "UIComponent"; diag "$(drive_line 1)"; fi
