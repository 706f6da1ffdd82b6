#!/usr/bin/env bash
# a11y.sh — part of `make bench`: what the a11y family (docs/accessibility.md) costs `check`:
# 2,000 generated drafts (bench/gen.py) and the 320-page statement, each with a pale span, a
# picture without alternative text and a run of spaces in every 50th paragraph, checked with
# the family on (rule.a11y = warning in .odfgate.ini) and off (the default).  The facts are
# gathered in the reader's one pass either way (each style resolved once per document), so
# this is what judging and reporting adds; what gathering adds to the pass is measured
# against the commit before it with farm-bench (docs/performance.md).  Target: the family
# adds at most 15% to check.  Medians of $RUNS runs.
set -euo pipefail
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$PWD}"
RUNS=${RUNS:-5}
work=$(mktemp -d /tmp/odfgate-bench-a11y.XXXXXX)
trap 'rm -rf "$work"' EXIT
odfgate="$top_builddir/.libs/odfgate"; [ -x "$odfgate" ] || odfgate="$top_builddir/odfgate"
export LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
. "$top_srcdir/bench/lib.sh"
python3 "$top_srcdir/bench/gen.py" "$work/on" 2000 320 >/dev/null
# every 50th body paragraph of every draft gets a pale span, a picture without alternative
# text and a run of spaces
python3 "$top_srcdir/bench/sprinkle.py" "$work/on" 50 '<text:span text:style-name="Pale">pale</text:span><text:s text:c="4"/><draw:frame draw:name="F" text:anchor-type="as-char"><draw:image><office:binary-data>iVBORw0KGgo=</office:binary-data></draw:image></draw:frame>' \
    '<style:style style:name="Pale" style:family="text"><style:text-properties fo:color="#dddddd"/></style:style>'
cp -r "$work/on" "$work/off"
echo "rule.a11y = warning" >"$work/on/.odfgate.ini"
echo "fail-on = error" >"$work/off/.odfgate.ini" # both arms read a configuration
on_many=$(median_seconds "$odfgate" check --jobs 1 -q "$work/on/drafts")
off_many=$(median_seconds "$odfgate" check --jobs 1 -q "$work/off/drafts")
on_big=$(median_seconds "$odfgate" check -q "$work/on/big-320.odt")
off_big=$(median_seconds "$odfgate" check -q "$work/off/big-320.odt")
findings=$("$odfgate" check --format json "$work/on/big-320.odt" | python3 -c '
import json, sys
print(sum(1 for f in json.load(sys.stdin)["documents"][0]["findings"] if f["rule"].startswith("a11y-")))' || true)
echo
echo "| a11y family (medians of $RUNS) | on s | off s | on / off |"
echo "|---|---|---|---|"
awk -v a="$on_many" -v b="$off_many" 'BEGIN { printf "| check --jobs 1: 2000 drafts | %.3f | %.3f | %.3f |\n", a, b, a / b }'
awk -v a="$on_big" -v b="$off_big" -v n="$findings" 'BEGIN { printf "| check: 320 pages (%d a11y findings) | %.3f | %.3f | %.3f |\n", n, a, b, a / b }'
