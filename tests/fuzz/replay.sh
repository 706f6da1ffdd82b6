#!/usr/bin/env bash
# replay.sh — every fuzz harness replays its committed corpus (fuzz/corpus/NAME) and every
# crasher ever found (fuzz/crashers): no crash, no hang, no abort (the harnesses' own
# invariants), no sanitizer report.  One TAP line per harness.
. "$(dirname "$0")/../lib.sh"
names="package xml schema signoff roundtrip config json fetchdata diff"
plan 9
for n in $names; do
    # a time limit: some crashers are hangs (a config header that expanded 2^15 patterns)
    if timeout 600 "$top_builddir/fuzz/replay-$n" "$top_srcdir/fuzz/corpus/$n" "$top_srcdir/fuzz/crashers" >"$scratch/$n.out" 2>&1; then
        ok "fuzz/$n: $(grep -c '^ok' "$scratch/$n.out") inputs replayed"
    else fail "fuzz/$n: replay failed"; diag "$(tail -20 "$scratch/$n.out")"; fi
done
