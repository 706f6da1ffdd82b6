#!/usr/bin/env bash
# gui.sh — a drafter's session in Writer with a window (Xvfb, LibreOffice's own window
# toolkit, xdotool for the clicks and keys): open a draft through odfgate, the Statement check
# panel lists its placeholders, a click in the panel selects each in the text, typing replaces
# it, Re-check says 0 errors, Ctrl+Alt+Shift+S opens the sign-off dialog (where every
# signatory stands; dh approves as Dana Hill) and the panel shows dh approved, Ctrl+S offers to
# keep the statement's format and saves through
# odfgate: the saved file passes `odfgate check`, holds the new text and no odfgate comment;
# Tools > Options (Alt+F12) has odfgate > Statement check, whose page shows its settings;
# a file odfgate refuses, opened through it, says why in a message box.
# ODFGATE_GUI_SHOTS=DIR keeps the screenshots (docs/images/ were made so).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lo-lib.sh"
command -v Xvfb >/dev/null 2>&1 || skip_all "no Xvfb (scripts/deps.sh test installs it)"
command -v xdotool >/dev/null 2>&1 || skip_all "no xdotool"
command -v xwd >/dev/null 2>&1 || skip_all "no xwd (x11-apps)"
[ -e /usr/lib/libreoffice/program/libvclplug_genlo.so ] || skip_all "LibreOffice has no window toolkit (the -nogui packages): apt-get install libreoffice-writer"
plan 10
cd "$scratch" || exit 1
cp "$top_srcdir/samples/drafts/placeholder.odt" draft.odt
printf 'not an ODF document\n' >junk.odt
shots=${ODFGATE_GUI_SHOTS:-$scratch/shots}
mkdir -p "$shots"

# a display of our own (the first free number from 90)
d=90
while [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
Xvfb ":$d" -screen 0 1400x900x24 -nolisten tcp >xvfb.log 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$d" ] && break; sleep 0.1; done
gui=$(DISPLAY=":$d" SAL_USE_VCLPLUGIN=gen timeout 300 "$pyuno" "$here/gui_driver.py" "$lo_profile" draft.odt "$shots" junk.odt 2>driver.err)
[ -n "$gui" ] || diag "driver: $(cat driver.err)"
get() { json_get "$gui" "$1"; }  # ($out is run_odfgate's)

if [ "$(get 'len(j.get("panel_items", []))')" = 2 ]; then ok "opened through odfgate: the Statement check deck lists the 2 placeholders"
else fail "panel in the sidebar"; diag "$gui"; fi
if [ "$(get 'j.get("selected"), j.get("rechecked_after_typing")')" = "['TBC', '[insert date]'] [True, True]" ]; then
    ok "a click on each finding in the panel selects the placeholder itself in the text; typing over it, the panel drops it once typing pauses"
else fail "click to select"; diag "$gui"; fi
if [ "$(get 'j.get("summary_after_fix")')" = "0 errors, 1 warning (re-check)" ]; then ok "typed over, Re-check clicked: 0 errors"
else fail "re-check after the fix"; diag "$gui"; fi
if [ "$(get 'j.get("keep_format_dialog")')" = "['Use ODF Format', 'Use ODF statement (odfgate) Format']" ]; then
    ok "Ctrl+S: LibreOffice offers ODF or the statement's odfgate format"
else fail "keep format dialog"; diag "$gui"; fi
if [ "$(get 'j.get("saved_filter"), j.get("modified_after_save")')" = "odfgate False" ]; then ok "saved through odfgate, the document no longer modified"
else fail "save"; diag "$gui"; fi
run_odfgate check draft.odt
if [ "$rc" = 0 ] && unzip -p draft.odt content.xml | grep -q "from April 2027" &&
   ! unzip -p draft.odt content.xml | grep -q '<dc:creator>odfgate</dc:creator>'; then
    ok "the saved file passes odfgate check, has the typed text and no odfgate comment"
else fail "saved file"; diag "rc=$rc" "$gui"; fi
if json_get "$gui" 'j["refused"]["boxes"][0]' | grep -q 'Cannot read the document: not an ODF' && [ "$(get 'j["refused"]["opened"]')" = False ]; then
    ok "a file odfgate refuses: not opened, and a message box in Writer says why (not an ODF package)"
else fail "refusal in Writer"; diag "$gui"; fi
if [ "$(get 'j["signoff"]["standing_before"][0]')" = "Department of Health (dh): missing" ] &&
   get 'j["signoff"]["dh_after"]' | grep -q '^✓ Department of Health (dh): approved — Dana Hill, '; then
    ok "Ctrl+Alt+Shift+S: the sign-off dialog shows where each signatory stands; dh signs off, the panel shows it"
else fail "sign-off dialog"; diag "$(get 'j.get("signoff")')"; fi
run_odfgate signoffs draft.odt
if printf '%s' "$out" | grep -Eq '^dh +approved +Dana Hill .* valid$'; then ok "the saved file carries dh's sign-off, valid for its text (odfgate signoffs)"
else fail "sign-off in the saved file"; diag "$out"; fi
if [ "$(get '[any(n.startswith(p) for n in j["options_page"]["page"]) for p in ("Schema", "Strict on save", "Sign-off warnings", "These are defaults")], j["options_page"]["cancel"], j["options_page"]["closed"]')" = "[True, True, True, True] True True" ]; then
    ok "Alt+F12, Tools > Options: odfgate > Statement check clicked in the tree shows its page (schema, strict on save, sign-off warnings); Cancel closes it"
else fail "options page in Tools > Options"; diag "$(get 'j.get("options_page")')"; fi
