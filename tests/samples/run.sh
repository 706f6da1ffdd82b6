#!/usr/bin/env bash
# run.sh — the sample drafts give exactly the findings samples/drafts/README.md promises.
. "$(dirname "$0")/../lib.sh"
drafts="$top_srcdir/samples/drafts"
# draft | exit | expected "rule:section" pairs (sorted, space separated)
cases="passing|0|
missing-section|1|section-missing:barriers
wrong-order|1|section-order:why
placeholder|1|placeholder:support placeholder:support
empty-section|1|section-empty:working-together
no-title|1|metadata-missing:-"
plan $(( $(echo "$cases" | wc -l) + 1 ))
while IFS='|' read -r name want_rc want; do
    run_odfgate check --format json "$drafts/$name.odt"
    got=$(printf '%s' "$out" | python3 -c 'import json,sys
d=json.load(sys.stdin)["documents"][0]
print(" ".join(sorted(f["rule"]+":"+(f["section"] or "-") for f in d["findings"] if f["severity"]=="error")))')
    if [ "$rc" = "$want_rc" ] && [ "$got" = "$want" ]; then ok "$name: $want"
    else fail "$name: exit $rc (want $want_rc), findings '$got' (want '$want')"; fi
done <<<"$cases"
run_odfgate check "$top_srcdir/samples"
if [ "$rc" = 1 ] && printf '%s' "$out" | grep -q '^6 documents checked: 1 passed, 5 failed, 0 unreadable'; then
    ok "odfgate check samples/ walks the folder and reports all six drafts"
else fail "odfgate check samples/: exit $rc"; diag "$out"; fi
