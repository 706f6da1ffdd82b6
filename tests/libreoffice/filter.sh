#!/usr/bin/env bash
# filter.sh — the odfgate filters in a real headless LibreOffice (extension installed from
# odfgate.oxt into a fresh profile): registration (filters, menu entry, protocol handler,
# ordinary .odt still opened by writer8), and export through `--convert-to` with each filter
# and option: warn (default), strict, stamp (also signed), schema, bad options.  soffice exits 0 even when
# a filter refuses, so every case checks the output file itself.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lo-lib.sh"
plan 24
cd "$scratch" || exit 1
drafts="$top_srcdir/samples/drafts"
cp "$drafts/placeholder.odt" failing.odt
cp "$drafts/passing.odt" passing.odt

# 1-3. registration
lo_drive filters menu "open|passing.odt"
f=$(drive_line 1)
if [ "$(json_get "$f" 'j["odfgate"]["service"], j["odfgate"]["flags"] & 3, j["odfgate_export"]["flags"] & 3')" = "org.odfgate.Filter 3 2" ]; then
    ok "filters registered: odfgate (import+export), odfgate_export (export only), org.odfgate.Filter"
else fail "filter registration"; diag "$f" "$(cat driver.err)"; fi
m=$(drive_line 2)
if [ "$(json_get "$m" 'j["url"], j["handler"]')" = "vnd.odfgate:check ['vnd.odfgate:*']" ] && json_get "$m" 'j["title"]' | grep -q '^Check statement'; then
    ok "Tools menu entry and protocol handler registered"
else fail "menu registration"; diag "$m"; fi
if [ "$(json_get "$(drive_line 3)" 'j["filter"]')" = writer8 ]; then ok "an ordinary .odt still opens with writer8"
else fail "ordinary .odt opening taken over"; diag "$(drive_line 3)"; fi

has_ours() { # FILE → number of odfgate comments in content.xml
    unzip -p "$1" content.xml | grep -o '<dc:creator>odfgate</dc:creator>' | wc -l
}

# 4-5. warn (default): written, findings logged with their section, odfgate comments stripped
run_odfgate annotate failing.odt -o annotated.odt
lo_convert --convert-to odt:odfgate --outdir warn annotated.odt
want=$(cli_findings failing.odt)
if [ -s warn/annotated.odt ] && [ "$(cli_findings warn/annotated.odt)" = "$want" ] && [ "$(has_ours warn/annotated.odt)" = 0 ]; then
    ok "warn: saved, same $want findings, odfgate comments removed"
else fail "warn export"; diag "$(cat soffice.log)"; fi
if grep -q "Saved. $want findings" soffice.log && grep -q 'error: \[support\] placeholder "TBC"' soffice.log; then
    ok "warn: the log names each finding with its section"
else fail "warn: log"; diag "$(cat soffice.log)"; fi

# 6-8. strict: a failing draft is refused (no file), a passing one written
lo_convert --convert-to odt:odfgate:strict --outdir strict failing.odt passing.odt
if [ ! -e strict/failing.odt ]; then ok "strict: a failing draft is not written"; else fail "strict wrote a failing draft"; fi
if grep -q 'Not saved (strict): fix the errors first' soffice.log && grep -q '\[support\]' soffice.log; then
    ok "strict: the refusal says why and names the section"
else fail "strict: message"; diag "$(cat soffice.log)"; fi
run_odfgate check strict/passing.odt
if [ -s strict/passing.odt ] && [ "$rc" = 0 ]; then ok "strict: a passing draft is written and passes"; else fail "strict: passing draft (exit $rc)"; fi

# 9-10. stamp: a sign-off recorded while saving, valid; an unknown signatory refused
lo_convert --convert-to 'odt:odfgate:stamp=dh,Jane Smith,Director' --outdir stamp passing.odt
run_odfgate signoffs --format json stamp/passing.odt
s=$(printf '%s' "$out" | python3 -c 'import json,sys; print(" ".join("%s|%s|%s|%s" % (s["signatory"], s["state"], s["by"], s["role"]) for s in json.load(sys.stdin)["signoffs"]))' 2>/dev/null)
if [ "$s" = "dh|valid|Jane Smith|Director" ] && grep -q 'recorded the sign-off of "dh"' soffice.log &&
    ! grep -q 'Department of Health (dh)' soffice.log; then
    ok "stamp: the sign-off is recorded and valid, and the message no longer says dh has not signed"
else fail "stamp: '$s'"; diag "$(cat soffice.log)"; fi
# stamp with a key: the sign-off travels in an ODF digital signature, valid and trusted
ODFGATE_PKI_NO_NSS=1 bash "$top_srcdir/tests/signatures/mkpki.sh" pki >/dev/null
lo_convert --convert-to "odt:odfgate:stamp=dh,Jane Smith;sign-key=$scratch/pki/dh.key;sign-cert=$scratch/pki/dh.pem" --outdir stamp-signed passing.odt
run_odfgate signoffs --format json --trust pki/ca.pem stamp-signed/passing.odt
s=$(printf '%s' "$out" | python3 -c 'import json,sys
j=json.load(sys.stdin)
print(" ".join("%s|%s|%s" % (s["signatory"], s["state"], s["signature"]) for s in j["signoffs"]), " ".join(s["state"] for s in j["signatures"]))' 2>/dev/null)
if [ "$s" = "dh|valid|1 valid" ] && grep -q 'in an ODF digital signature' soffice.log; then
    ok "stamp with sign-key and sign-cert: the sign-off is in a valid, trusted signature"
else fail "stamp signed: '$s'"; diag "$(cat soffice.log)"; fi
lo_convert --convert-to "odt:odfgate:sign-key=$scratch/pki/dh.key" --outdir sign-alone passing.odt
if [ ! -e sign-alone/passing.odt ] && grep -q 'go with stamp=' soffice.log; then ok "sign-key without stamp: nothing written, said why"
else fail "sign-key alone"; diag "$(cat soffice.log)"; fi
lo_convert --convert-to 'odt:odfgate:stamp=nobody,Jane Smith' --outdir stamp-bad passing.odt
if [ ! -e stamp-bad/passing.odt ] && grep -q 'unknown signatory "nobody"' soffice.log && grep -q 'lists: dh' soffice.log; then
    ok "stamp: an unknown signatory is refused, naming the signatories the schema lists"
else fail "stamp: unknown signatory"; diag "$(cat soffice.log)"; fi

tracked="$ODFGATE_CORPUS/jdum__odfdo/tests/samples/tracked_changes.odt"
if [ -f "$tracked" ]; then
    cp "$tracked" tracked.odt
    lo_convert --convert-to 'odt:odfgate:stamp=dh,Jane Smith' --outdir stamp-tracked tracked.odt
    if [ ! -e stamp-tracked/tracked.odt ] && grep -q 'sign-off of "dh" by Jane Smith could not be recorded: the document has [0-9]* unresolved tracked changes; accept or reject them' soffice.log; then
        ok "stamp: a draft with unresolved tracked changes is refused, saying what to do"
    else fail "stamp: tracked changes"; diag "$(cat soffice.log)"; fi
else skip "no corpus (tracked changes)"; fi

# 11. schema= option: the findings of that schema
schema="$top_srcdir/samples/schemas/strict-cpf.xml"
want=$(cli_findings passing.odt "$schema")
lo_convert --convert-to "odt:odfgate:schema=$schema" --outdir schema passing.odt
if [ -s schema/passing.odt ] && grep -q "Saved. $want findings.*against schema $schema" soffice.log && [ "$want" != 0 ]; then
    ok "schema=PATH: checked against that schema ($want findings)"
else fail "schema option (want $want)"; diag "$(cat soffice.log)"; fi

# … and by http URL (a real server on loopback; its extends fetched relative to it)
. "$top_srcdir/tests/http/server.sh"
export XDG_CACHE_HOME="$scratch/cache"
start_server "$top_srcdir/samples/schemas"
lo_convert --convert-to "odt:odfgate:schema=$base/res/strict-cpf.xml" --outdir schema-url passing.odt
if [ -s schema-url/passing.odt ] && grep -q "Saved. $want findings.*against schema $base/res/strict-cpf.xml" soffice.log &&
   [ "$(requests 'common-purpose-framework.xml')" -ge 1 ]; then
    ok "schema=http URL: fetched (with its extends), the same $want findings"
else fail "schema URL"; diag "$(cat soffice.log)" "$(cat "$http_log")"; fi
stop_server

# 12-14. the configuration beside the document (.odfgate.ini): its schema and fail-on; a bad
# file is refused naming FILE:LINE
mkdir -p configured broken-config
cp passing.odt configured/draft.odt
printf 'root = true\nschema = %s\n' "$schema" >configured/.odfgate.ini
want=$(cli_findings configured/draft.odt)
lo_convert --convert-to odt:odfgate --outdir configured/out configured/draft.odt
if [ -s configured/out/draft.odt ] && grep -q "Saved. $want findings.*against schema $schema (.odfgate.ini)" soffice.log; then
    ok "the schema of the .odfgate.ini beside the document ($want findings, as odfgate check)"
else fail "configuration schema (want $want)"; diag "$(cat soffice.log)"; fi
printf 'root = true\nfail-on = warning\n' >configured/.odfgate.ini
lo_convert --convert-to odt:odfgate:strict --outdir configured/strict configured/draft.odt
if [ ! -e configured/strict/draft.odt ] && grep -q 'Not saved (strict): fix the findings at the failure level' soffice.log; then
    ok "strict honours the configuration's fail-on (warnings refuse)"
else fail "configuration fail-on"; diag "$(cat soffice.log)"; fi
cp passing.odt broken-config/draft.odt
printf 'root = true\nschema = x.xml\nnot a setting\n' >broken-config/.odfgate.ini
lo_convert --convert-to odt:odfgate --outdir broken-config/out broken-config/draft.odt
if [ ! -e broken-config/out/draft.odt ] && grep -q "Cannot use the configuration .*broken-config/.odfgate.ini:3: " soffice.log; then
    ok "a bad .odfgate.ini: nothing written, FILE:LINE and the reason"
else fail "bad configuration"; diag "$(cat soffice.log)"; fi

# the sign-off while saving uses the schema the check used (here the .odfgate.ini's, whose
# signatory "ext" the built-in schema does not know)
mkdir -p configured-stamp
cp passing.odt configured-stamp/draft.odt
run_odfgate schema show
printf '%s\n' "$out" | sed 's|<signatory id="dh" name="Department of Health"/>|&<signatory id="ext" name="External Partner"/>|' >configured-stamp/ext.xml
printf 'root = true\nschema = ext.xml\n' >configured-stamp/.odfgate.ini
lo_convert --convert-to 'odt:odfgate:stamp=ext,Jane Smith' --outdir configured-stamp/out configured-stamp/draft.odt
run_odfgate signoffs --schema configured-stamp/ext.xml --format json configured-stamp/out/draft.odt
s=$(printf '%s' "$out" | python3 -c 'import json,sys; print(" ".join("%s|%s" % (s["signatory"], s["state"]) for s in json.load(sys.stdin)["signoffs"]))' 2>/dev/null)
if [ "$s" = "ext|valid" ]; then ok "stamp with a configured schema: signed against that schema"
else fail "stamp with a configured schema: '$s'"; diag "$(cat soffice.log)"; fi

# 15. the export-only filter, strict
lo_convert --convert-to odt:odfgate_export:strict --outdir export failing.odt passing.odt
if [ ! -e export/failing.odt ] && [ -s export/passing.odt ]; then ok "odfgate_export: strict refuses the failing draft, writes the passing one"
else fail "odfgate_export strict"; diag "$(cat soffice.log)"; fi

# 16-17. bad options and a missing schema: nothing written, a message that says what to fix
lo_convert --convert-to 'odt:odfgate:strictly' --outdir bad passing.odt
if [ ! -e bad/passing.odt ] && grep -q 'unknown filter option "strictly" (known: warn, strict' soffice.log; then
    ok "an unknown option: nothing written, the known options listed"
else fail "bad option"; diag "$(cat soffice.log)"; fi
lo_convert --convert-to 'odt:odfgate:schema=/nonexistent/s.xml' --outdir bad2 passing.odt
if [ ! -e bad2/passing.odt ] && grep -q 'Cannot load the schema' soffice.log; then ok "a schema that cannot be read: nothing written, said so"
else fail "missing schema"; diag "$(cat soffice.log)"; fi

# 18-19. the same through the API (storeToURL), as a macro or Save As would
lo_drive "store|failing.odt|api-failing.odt|odfgate|strict" "store|passing.odt|api-passing.odt|odfgate|strict"
if [ "$(json_get "$(drive_line 1)" 'j["stored"]')" = False ] && [ ! -e api-failing.odt ]; then ok "storeToURL strict: refused (an exception, no file)"
else fail "storeToURL strict failing"; diag "$drive"; fi
if [ "$(json_get "$(drive_line 2)" 'j["stored"]')" = True ] && [ -s api-passing.odt ]; then ok "storeToURL strict: passing draft stored"
else fail "storeToURL strict passing"; diag "$drive"; fi
