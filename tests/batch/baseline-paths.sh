#!/usr/bin/env bash
# baseline-paths.sh — a baseline matches the same file however its path is spelled ("./x",
# "d//x", "d/../d/x"): a baseline recorded with "./board-papers/x.odt" matched nothing when
# pre-commit gave "board-papers/x.odt", silently.  Entries that match nothing are said.
. "$(dirname "$0")/../lib.sh"
plan_lazy() { :; }
cd "$scratch" || exit 1
mkdir -p board-papers
cp "$top_srcdir/samples/drafts/placeholder.odt" board-papers/x.odt
cp "$top_srcdir/samples/drafts/passing.odt" board-papers/y.odt

run_odfgate check --write-baseline base.txt ./board-papers/x.odt
check "--write-baseline records the path without ./" [ "$rc" -eq 0 ] && ! grep -q ' \./' base.txt
for spelling in board-papers/x.odt ./board-papers/x.odt board-papers//x.odt board-papers/../board-papers/x.odt; do
    run_odfgate check --baseline base.txt "$spelling"
    check "baseline matches $spelling: exit 0, nothing unmatched" [ "$rc" -eq 0 -a -z "$err" ]
done
# a baseline written with "./" before (the recorded form is kept for its fingerprints)
sed 's| board-papers/x.odt$| ./board-papers/x.odt|' base.txt >old.txt
run_odfgate check --baseline old.txt board-papers/x.odt
check "an older baseline with ./ paths still matches" [ "$rc" -eq 0 ]
run_odfgate check --baseline base.txt board-papers/y.odt
total=$(( $(wc -l <base.txt) - 1 ))
case $err in *"base.txt: $total of $total baseline entries matched nothing in this run"*) ok "entries that match nothing are said ($total of $total), not silent";;
    *) fail "unmatched entries said"; diag "$err";; esac
done_testing
