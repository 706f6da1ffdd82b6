#!/usr/bin/env bash
# schema.sh — reference material over HTTP in schemas (a real server on loopback): a schema
# and its extends by URL, sha256 pins, offline use, the address policy for material named by
# fetched material, a signatory registry (signoff-unauthorized) and standard clauses
# (clause-missing, clause-modified).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.sh"
command -v python3 >/dev/null || skip_all "python3 not found"

root="$scratch/root"
mkdir -p "$root"
cp "$top_srcdir/samples/schemas/common-purpose-framework.xml" "$root/base.xml"
cat >"$root/registry.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<registry xmlns="urn:odfgate:registry:1">
  <signatory id="dh">
    <signer name="Jane Smith"><role>Director</role><role>Deputy Director</role></signer>
  </signatory>
  <signatory id="cqc"><signer name="A. Person"/></signatory>
</registry>
XML
echo "The signatories will share data lawfully, securely and only for the purposes of this framework." >"$root/data-sharing.txt"
child='<schema xmlns="urn:odfgate:schema:1" id="child" extends="base.xml"%s>
  <registry href="registry.xml"%s/>
  <clauses><clause id="data-sharing" section="barriers" href="data-sharing.txt"%s/></clauses>
  <rules><rule id="signoff-missing" severity="off"/></rules>
</schema>'
sum() { sha256sum "$1" | cut -c1-64; }
zeros=$(printf '0%.0s' $(seq 64))
printf "$child" "" "" "" >"$root/child.xml"
printf "$child" " extends-sha256=\"$(sum "$root/base.xml")\"" " sha256=\"$(sum "$root/registry.xml")\"" \
    " sha256=\"$(sum "$root/data-sharing.txt")\"" >"$root/pinned.xml"
printf "$child" " extends-sha256=\"$zeros\"" "" "" >"$root/badpin-extends.xml"
printf "$child" "" " sha256=\"$zeros\"" "" >"$root/badpin-registry.xml"
start_server "$root"
export XDG_CACHE_HOME="$scratch/xdg"
# another origin (localhost, not 127.0.0.1): what a fetched schema names there is untrusted
sed "s|extends=\"base.xml\"|extends=\"http://localhost:$port/res/base.xml\"|" "$root/child.xml" >"$root/foreign.xml"
sed 's|href="data-sharing.txt"|href="/etc/passwd"|' "$root/child.xml" >"$root/escape.xml"
sed 's|href="data-sharing.txt"|href="file:///etc/passwd"|' "$root/child.xml" >"$root/escape-file.xml"

# --- a schema by URL, its extends, registry and clause fetched with it
run_odfgate schema check "$base/res/child.xml"
check "schema check URL: ok, extends merged (5 sections, 6 signatories)" \
    [ "$rc" -eq 0 -a "$out" = "$base/res/child.xml: ok: schema \"child\", 5 sections, 6 signatories" ]
check "schema, extends, registry and clause each fetched once" \
    [ "$(requests '^GET /res/(child|base|registry).xml |^GET /res/data-sharing.txt ')" -eq 4 ]
run_odfgate schema check "$base/res/pinned.xml"
check "pins that match: ok" [ "$rc" -eq 0 ]
run_odfgate schema check --schema-sha256 "$(sum "$root/child.xml")" "$base/res/child.xml"
check "--schema-sha256 that matches: ok" [ "$rc" -eq 0 ]
run_odfgate schema check --schema-sha256 "$zeros" "$base/res/child.xml"
case $err in "odfgate: $base/res/child.xml: sha256 pin mismatch: "*"(fetch-failed)") ok "--schema-sha256 mismatch: schema error naming the URL";; *) fail "schema pin"; diag "$err";; esac
check "... exit 2" [ "$rc" -eq 2 ]
run_odfgate schema check "$base/res/badpin-extends.xml"
case $err in "odfgate: $base/res/base.xml: sha256 pin mismatch: "*) ok "extends-sha256 mismatch: error names the extends URL, exit $rc";; *) fail "extends pin"; diag "$err";; esac
run_odfgate schema check "$base/res/badpin-registry.xml"
case $err in "odfgate: $base/res/registry.xml: sha256 pin mismatch: "*) ok "registry sha256 mismatch: error, exit $rc";; *) fail "registry pin"; diag "$err";; esac
check "pin mismatches are schema errors (exit 2)" [ "$rc" -eq 2 ]

run_odfgate schema show "$base/res/child.xml"
check "schema show URL: the bytes as fetched" [ "$rc" -eq 0 -a "$out" = "$(cat "$root/child.xml")" ]

# --- trust follows the source
run_odfgate schema check "$base/res/foreign.xml"
case $err in "odfgate: http://localhost:$port/res/base.xml: refused to connect to "*", a loopback address (--allow-private-addresses allows it) (fetch-failed)")
    ok "extends on another origin named by a fetched schema: loopback refused";;
    *) fail "extends on another origin: refused"; diag "$err";; esac
check "... exit 2" [ "$rc" -eq 2 ]
run_odfgate schema check --allow-private-addresses "$base/res/foreign.xml"
check "... allowed with --allow-private-addresses" [ "$rc" -eq 0 ]
# every hop is judged on its own: a same-origin reference that redirects to another origin is
# untrusted from that hop on; a same-origin redirect stays trusted
sed "s|extends=\"base.xml\"|extends=\"/to/http://127.0.0.1:$port/res/base.xml\"|" "$root/child.xml" >"$root/hop-foreign.xml"
sed "s|extends=\"base.xml\"|extends=\"/redir/base.xml\"|" "$root/child.xml" >"$root/hop-same.xml"
: >"$http_log"
run_odfgate schema check "http://localhost:$port/res/hop-foreign.xml"
case $err in "odfgate: http://localhost:$port/to/http://127.0.0.1:$port/res/base.xml: refused to connect to 127.0.0.1, a loopback address (--allow-private-addresses allows it) (redirected to http://127.0.0.1:$port/res/base.xml) (fetch-failed)")
    ok "same-origin extends redirected to another origin: that hop is untrusted, loopback refused";;
    *) fail "redirect to another origin"; diag "$err";; esac
check "... exit 2, and the other origin never asked" [ "$rc" -eq 2 -a "$(requests '^GET /res/base.xml ')" -eq 0 ]
run_odfgate schema check "http://localhost:$port/res/hop-same.xml"
check "same-origin extends redirected on its own origin: followed" [ "$rc" -eq 0 -a "$(requests '^GET /res/base.xml ')" -eq 1 ]
run_odfgate schema check --allow-private-addresses "http://localhost:$port/res/hop-foreign.xml"
check "... the foreign hop allowed with --allow-private-addresses" [ "$rc" -eq 0 ]
# every spelling of a loopback address is judged by the address connected
i=0
for host in 127.1 2130706433 0x7f000001 0177.0.0.1 0 '[::ffff:127.0.0.1]' '[::ffff:7f00:1]' '[0:0:0:0:0:ffff:7f00:1]'; do
    i=$((i + 1))
    sed "s|href=\"data-sharing.txt\"|href=\"http://$host:$port/res/spelt.txt\"|" "$root/child.xml" >"$root/spelt$i.xml"
    run_odfgate schema check "http://localhost:$port/res/spelt$i.xml"
    case $err in *": refused to connect to "*" address (--allow-private-addresses allows it) (fetch-failed)")
        check "clause at http://$host:PORT from another origin: refused, the server never asked" \
            [ "$rc" -eq 2 -a "$(requests '^GET /res/spelt.txt ')" -eq 0 ];;
        *) fail "clause at http://$host:PORT: refused"; diag "$err";; esac
done
run_odfgate schema check "$base/res/escape.xml"
check "a fetched schema's href=/etc/passwd stays on the server (never a local file)" \
    [ "$rc" -eq 2 -a "$err" = "odfgate: $base/etc/passwd: the server answered HTTP 404 (fetch-failed)" ]
run_odfgate schema check "$base/res/escape-file.xml"
check "a fetched schema's href=file:///etc/passwd is refused, not read ($err)" \
    [ "$rc" -eq 2 -a "$err" = "odfgate: $base/res/escape-file.xml: href=\"file:///etc/passwd\" cannot be resolved (schema-error)" ]
cp "$root/child.xml" "$scratch/local.xml"
sed -i "s|extends=\"base.xml\"|extends=\"$base/res/base.xml\"|; s|href=\"registry.xml\"|href=\"$base/res/registry.xml\"|; s|href=\"data-sharing.txt\"|href=\"$base/res/data-sharing.txt\"|" "$scratch/local.xml"
run_odfgate schema check "$scratch/local.xml"
check "a local schema naming URLs (trusted): ok" [ "$rc" -eq 0 ]

# --- offline
run_odfgate schema check --offline "$base/res/child.xml"
check "offline, all cached: ok" [ "$rc" -eq 0 ]
run_odfgate schema check --offline --cache-dir "$scratch/empty" "$base/res/child.xml"
check "offline, nothing cached: one line naming the URL, exit 2" \
    [ "$rc" -eq 2 -a "$err" = "odfgate: $base/res/child.xml: offline, and not in the cache (odfgate fetch URL stores it while online) (fetch-failed)" ]
n=$(requests .)
run_odfgate check --offline --schema "$base/res/child.xml" "$top_srcdir/tests/cli/fixtures/traps.fodt"
check "check --offline --schema URL: checked from the cache, no request made (exit $rc)" \
    [ "$(requests .)" -eq "$n" -a "$rc" -le 1 -a -n "$(grep -o 'documents\? checked' <<<"$out")" ]

# --- documents: every section, the clause exact / modified / missing
words="Plenty of words for the section so that it is long enough for the schema, which asks for fifty words in each section; we repeat ourselves a little, and then again, and once more, to be sure, with care and patience, across these lines of plain text, more and more words until enough."
mkspec() { # $1 = the barriers section's clause paragraph
    printf '# Common vision\n%s\n# Why integration is necessary\n%s\n# How we will work together\n%s\n# Potential barriers\n%s\n%s\n# Support needed\n%s\n' \
        "$words" "$words" "$words" "$words" "$1" "$words"
}
mkspec "The signatories will share data lawfully, securely and only for the purposes of this framework." >"$scratch/exact.spec"
mkspec "The signatories will share data lawfully, safely and only for the purposes of this framework." >"$scratch/modified.spec"
mkspec "Nothing about data here at all." >"$scratch/missing.spec"
mkspec "THE SIGNATORIES WILL SHARE DATA — LAWFULLY, SECURELY AND ONLY FOR THE PURPOSES OF THIS FRAMEWORK" >"$scratch/case.spec"
for d in exact modified missing case; do python3 "$top_srcdir/tests/http/mkdoc.py" "$scratch/$d.fodt" "$scratch/$d.spec"; done
S="$base/res/child.xml"
run_odfgate check --schema "$S" "$scratch/exact.fodt"
check "clause present word for word: no finding, exit 0" [ "$rc" -eq 0 ]
case $out in *clause-*) fail "no clause finding"; diag "$out";; *) ok "no clause finding";; esac
run_odfgate check --schema "$S" "$scratch/case.fodt"
check "case, dashes and punctuation do not matter" [ "$rc" -eq 0 ]
run_odfgate check --schema "$S" "$scratch/modified.fodt"
check "modified clause: clause-modified with a word difference" \
    bash -c "printf '%s\n' \"\$1\" | grep -qF 'error: [barriers] standard clause data-sharing differs from its text at $base/res/data-sharing.txt: \"… lawfully [-securely-] {+safely+} and …\" (clause-modified)'" _ "$out"
[ "$rc" -eq 1 ] && ok "... exit 1" || { fail "... exit 1"; diag "$out"; }
run_odfgate check --schema "$S" "$scratch/missing.fodt"
check "missing clause: clause-missing naming the section" \
    bash -c "printf '%s\n' \"\$1\" | grep -qF 'error: [barriers] standard clause data-sharing ($base/res/data-sharing.txt) is not in \"Potential barriers\" (clause-missing)'" _ "$out"

# --- the signatory registry
sign() { run_odfgate signoff "$scratch/exact.fodt" --schema "$S" --date 2026-01-01T10:00:00+00:00 -o "$scratch/$1.fodt" "${@:2}"; }
sign ok --as dh --by "Jane Smith" --role Director
sign ok2 --as cqc --by "a. person" --role Anything
run_odfgate check --schema "$S" "$scratch/ok.fodt"
check "authorised signer and role: passes" [ "$rc" -eq 0 ]
run_odfgate check --schema "$S" "$scratch/ok2.fodt"
check "signer with no roles listed, name folded: passes" [ "$rc" -eq 0 ]
sign stranger --as dh --by "John Doe" --role Director
run_odfgate check --schema "$S" "$scratch/stranger.fodt"
check "unlisted signer: signoff-unauthorized" \
    bash -c "printf '%s\n' \"\$1\" | grep -qF 'error: sign-off for dh by \"John Doe\", who is not an authorised signer for dh in the signatory registry (signoff-unauthorized)'" _ "$out"
sign role --as dh --by "Jane Smith" --role Intern
run_odfgate check --schema "$S" "$scratch/role.fodt"
check "listed signer in an unlisted role: signoff-unauthorized naming the roles" \
    bash -c "printf '%s\n' \"\$1\" | grep -qF 'sign-off for dh by \"Jane Smith\" as \"Intern\": the signatory registry authorises them only as Director, Deputy Director (signoff-unauthorized)'" _ "$out"
sign unlisted --as monitor --by "M. Onitor"
run_odfgate check --schema "$S" "$scratch/unlisted.fodt"
check "signatory absent from the registry: signoff-unauthorized" \
    bash -c "printf '%s\n' \"\$1\" | grep -qF 'the signatory registry lists no authorised signers for monitor (signoff-unauthorized)'" _ "$out"
run_odfgate rules
check "odfgate rules lists the new rules" \
    bash -c "for r in signoff-unauthorized clause-missing clause-modified link-broken link-unreachable; do printf '%s\n' \"\$1\" | grep -q \"^\$r \" || exit 1; done" _ "$out"

# --- a broken registry is a schema error naming it
echo '<registry xmlns="urn:odfgate:registry:1"><signatory id="dh"><signer/></signatory></registry>' >"$root/registry.xml"
run_odfgate schema check --refresh "$S"
check "registry with a nameless signer: schema error naming the registry URL and line" \
    [ "$rc" -eq 2 -a "$err" = "odfgate: $base/res/registry.xml: not a signatory registry: a signer without a name (line 1) (schema-error)" ]

done_testing
