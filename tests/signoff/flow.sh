#!/usr/bin/env bash
# flow.sh — the sign-off flow says what happens (#13): approving a draft that fails its check
# warns (and --strict refuses, nothing written); a stale sign-off says how to sign again;
# `signoffs` shows nobody under BY for a body that has not signed.
. "$(dirname "$0")/../lib.sh"
plan_lazy() { :; }
cd "$scratch" || exit 1
cp "$top_srcdir/samples/drafts/placeholder.odt" failing.odt
cp "$top_srcdir/samples/drafts/passing.odt" passing.odt

run_odfgate signoff failing.odt --as dh --by "Jane Smith" -o signed.odt
check "approving a failing draft: written, exit 0, with a warning naming the first error" \
    [ "$rc" -eq 0 -a -s signed.odt ] && [[ "$err" == *"failing.odt: the draft fails its check: 2 failing findings (first: "*"); signed anyway (--strict refuses)"* ]]
run_odfgate signoff failing.odt --as dh --by "Jane Smith" --strict -o strict.odt
check "... with --strict: refused, exit 1, nothing written" [ "$rc" -eq 1 -a ! -e strict.odt ]
run_odfgate signoff passing.odt --as dh --by "Jane Smith" --strict -o ok.odt
check "--strict on a passing draft: signed, no warning" [ "$rc" -eq 0 -a -s ok.odt -a -z "$err" ]
run_odfgate signoff failing.odt --as cqc --by "A. Person" --decision rejected -o rejected.odt
check "a rejection of a failing draft: no warning" [ "$rc" -eq 0 -a -z "$err" ]

run_odfgate signoffs ok.odt
row=$(printf '%s\n' "$out" | awk '$1 == "nhscb"')
check "signoffs: a body that has not signed shows nobody under BY ($row)" \
    [ "$(printf '%s' "$row" | awk '{print $3}')" = "-" ] && [[ "$row" == *"missing (NHS Commissioning Board)" ]]

python3 - <<'PY'
import zipfile
with zipfile.ZipFile("ok.odt") as z, zipfile.ZipFile("edited.odt", "w") as o:
    for i in z.infolist():
        d = z.read(i.filename)
        if i.filename == "content.xml":
            d = d.replace(b"Local", b"Regional", 1)
        o.writestr(i, d)
PY
run_odfgate check edited.odt
case $out in *"is stale: changed since: "*"; to approve this text: odfgate signoff edited.odt --as dh --by \"Jane Smith\" --in-place (signoff-stale)"*)
    ok "a stale sign-off says what changed and the command that signs again";;
    *) fail "stale message"; diag "$out";; esac
done_testing
