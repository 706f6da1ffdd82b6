#!/usr/bin/env bash
# hygiene.sh — part of `make bench`: what the hygiene rules (docs/hygiene.md) cost `check`:
# 2,000 generated drafts (bench/gen.py) and the 320-page statement, each with a comment, a
# hidden-text field and an intranet link added to every 50th paragraph, checked with the
# rules on (the default) and with all eight disabled in .odfgate.ini.  The facts are gathered
# in the reader's one pass either way, so this is what judging and reporting them adds; what
# gathering adds to the pass was measured against the commit before it (docs/performance.md).
# Then scrub of the 320-page statement.  Target: the rules add at most 10% to check.
# Medians of $RUNS runs.
set -euo pipefail
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$PWD}"
RUNS=${RUNS:-5}
work=$(mktemp -d /tmp/odfgate-bench-hygiene.XXXXXX)
trap 'rm -rf "$work"' EXIT
odfgate="$top_builddir/.libs/odfgate"; [ -x "$odfgate" ] || odfgate="$top_builddir/odfgate"
export LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
. "$top_srcdir/bench/lib.sh"
python3 "$top_srcdir/bench/gen.py" "$work/src" 2000 320 >/dev/null
# every 50th body paragraph of every draft gets a comment, a hidden text field and a link to
# an intranet host
python3 "$top_srcdir/bench/sprinkle.py" "$work/src" 50 '<office:annotation><dc:creator>Jane Drafter</dc:creator><text:p>Agreed?</text:p></office:annotation><text:hidden-text text:condition="ooow:1" text:string-value="x" text:is-hidden="true"/><text:a xlink:type="simple" xlink:href="http://intranet/p">p</text:a>'
mkdir -p "$work/off"
echo "disable = hidden-comments, hidden-changes, hidden-text, personal-info, macros, embedded-objects, linked-resources, stale-index" \
    >"$work/off/.odfgate.ini"
echo "fail-on = error" >"$work/src/.odfgate.ini" # both arms read a configuration
cp -r "$work/src/drafts" "$work/off/drafts"
cp "$work/src/big-320.odt" "$work/off/"
on_many=$(median_seconds "$odfgate" check --jobs 1 -q "$work/src/drafts")
off_many=$(median_seconds "$odfgate" check --jobs 1 -q "$work/off/drafts")
on_big=$(median_seconds "$odfgate" check -q "$work/src/big-320.odt")
off_big=$(median_seconds "$odfgate" check -q "$work/off/big-320.odt")
findings=$("$odfgate" check --no-config --format json "$work/src/big-320.odt" | python3 -c '
import json, sys
print(sum(1 for f in json.load(sys.stdin)["documents"][0]["findings"] if f["rule"] in
          ("hidden-comments", "hidden-text", "linked-resources")))' || true)
scrub=$(median_seconds "$odfgate" scrub --no-config --force "$work/src/big-320.odt" -o "$work/scrubbed.odt")
echo
echo "| hygiene rules (medians of $RUNS) | rules on s | rules off s | on / off |"
echo "|---|---|---|---|"
awk -v a="$on_many" -v b="$off_many" 'BEGIN { printf "| check --jobs 1: 2000 drafts | %.3f | %.3f | %.3f |\n", a, b, a / b }'
awk -v a="$on_big" -v b="$off_big" -v n="$findings" 'BEGIN { printf "| check: 320 pages (%d hygiene findings) | %.3f | %.3f | %.3f |\n", n, a, b, a / b }'
echo "| scrub: 320 pages | $scrub | | |"
