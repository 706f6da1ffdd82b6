#!/usr/bin/env bash
# The include discipline (docs/layers.md): layers.py over this tree, then over planted trees
# that break each rule, which it must refuse (so the check itself can fail).
set -uo pipefail
. "$(dirname "$0")/../lib.sh"
py=$top_srcdir/tests/layers/layers.py
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
plan 8
# layers.py's own TAP lines, renumbered into this script's
while IFS= read -r line; do
    case $line in
        "ok "*) ok "${line#ok * - }" ;;
        "not ok "*) fail "${line#not ok * - }" ;;
        "#"*) echo "$line" ;;
    esac
done < <(python3 "$py" "$top_srcdir")
# planted trees: each breaks one rule and must make layers.py fail, naming the culprit
plant() { # name file content...
    local d=$tmp/$1; shift
    mkdir -p "$d/filter/base" "$d/filter/read" "$d/cli"
    printf '#include "base/internal.h"\n' >"$d/filter/base/a.h"
    : >"$d/filter/base/internal.h"
    while [ $# -gt 0 ]; do mkdir -p "$(dirname "$d/$1")"; printf '%b' "$2" >"$d/$1"; shift 2; done
    echo "$d"
}
expect_refused() { # label dir pattern
    local out
    out=$(python3 "$py" "$2")
    if [ $? -ne 0 ] && grep -q -- "$3" <<<"$out"; then ok "layers.py refuses $1"
    else fail "layers.py refuses $1"; printf '%s\n' "$out" | sed 's/^/# /'; fi
}
d=$(plant up filter/base/b.c '#include "read/r.h"\n' filter/read/r.h '')
expect_refused "an include up the layer order" "$d" "filter/base/b.c (base) includes filter/read/r.h (read)"
d=$(plant cycle filter/read/x.c '#include "read/y.h"\n' filter/read/x.h '' filter/read/y.c '#include "read/x.h"\n' filter/read/y.h '')
expect_refused "an include cycle" "$d" "filter/read/x <-> filter/read/y"
d=$(plant private cli/c.c '#include "base/a.h"\n')
expect_refused "a private header in cli/" "$d" "cli/c.c: includes filter/base/a.h"
d=$(plant unknown filter/read/z.c '#include "nowhere.h"\n')
expect_refused "an include of nothing" "$d" 'filter/read/z.c: "nowhere.h" is not a file'
exit $((tap_failed > 0))
