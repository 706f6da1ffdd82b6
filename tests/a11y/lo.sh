#!/usr/bin/env bash
# lo.sh — the accessibility fixtures made again by a real headless LibreOffice (python3-uno,
# lo_a11y.py): every fixture fixtures.json lists is made, and fires exactly the a11y rules it
# names, as the vendored copies do (cli.sh).  LibreOffice 7.4 cannot run its own checker
# without a window (docs/accessibility.md: no UNO interface, and the PDF/UA export runs it only
# in its options dialog), so what LibreOffice judges is compared by reading its source there.
. "$(dirname "$0")/../lib.sh"
set -uo pipefail
need_writer_uno
here="$top_srcdir/tests/a11y"
s="$here/schema.xml"
cd "$scratch" || exit 1
timeout 600 "$pyuno" "$here/lo_a11y.py" "$scratch/profile" fixtures made >mk.out 2>mk.err
mk_rc=$?
if [ "$mk_rc" = 0 ] && [ -f made/fixtures.json ]; then ok "lo_a11y.py: the fixtures made by LibreOffice"
else fail "lo_a11y.py fixtures: exit $mk_rc"; diag "$(tail -20 mk.err)"; fi
while IFS='=' read -r name want; do
    if [ ! -f "made/$name" ]; then fail "$name: not made"; continue; fi
    run_odfgate check --schema "$s" --format json "made/$name"
    got=$(printf '%s' "$out" | python3 -c "
import json, sys
j = json.load(sys.stdin)
print(' '.join(sorted(f['rule'] for d in j['documents'] for f in d.get('findings', [])
                     if f['rule'].startswith('a11y-'))))")
    if [ "$got" = "$want" ]; then ok "$name (made now): ${want:-nothing}"; else fail "$name (made now): want '$want', got '$got'"; fi
done < <(python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["fixtures"]:
    print("%s=%s" % (f["file"], " ".join(f["rules"])))' "$here/fixtures/fixtures.json")
done_testing
