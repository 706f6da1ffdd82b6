#!/usr/bin/env bash
# status-screenshot.sh [OUT.png] — remake the picture of `odfgate status --format html` in
# docs/status.md and the README (default docs/images/status.png): a folder of 50 drafts in
# every sign-off state (tests/status/mkset.sh), its status page, and a headless Chromium
# screenshot of it at 1400x1000.  Needs a built odfgate ($BUILD_DIR, default ./build) and
# chromium ($CHROMIUM).  The set is the same on every run; the picture depends on the fonts.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
png=$(realpath -m "${1:-$top/docs/images/status.png}")   # not $out: run_odfgate sets that
top_srcdir=$top
top_builddir=${BUILD_DIR:-$top/build}
. "$top/tests/lib.sh"            # run_odfgate; $scratch, removed at exit
. "$top/tests/status/mkset.sh"
chromium=${CHROMIUM:-chromium}
command -v "$chromium" >/dev/null 2>&1 || { echo "status-screenshot.sh: no $chromium" >&2; exit 2; }
[ -x "$odfgate_bin" ] || { echo "status-screenshot.sh: no $odfgate_bin: build first (scripts/build.sh)" >&2; exit 2; }

cd "$scratch" || exit 1
mkset drafts 50 2>mkset.err
[ -s mkset.err ] && { cat mkset.err >&2; exit 1; }
run_odfgate status --format html -o status.html drafts
# exit 1 (documents not ready) and 3 (the unreadable one) are what this set is for
[ "$rc" = 1 ] || [ "$rc" = 3 ] || { echo "status-screenshot.sh: odfgate status: exit $rc: $err" >&2; exit 1; }
mkdir -p "$(dirname "$png")"
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run \
    --user-data-dir="$scratch/chromium" --window-size=1400,1000 --screenshot="$png.tmp.png" \
    "file://$scratch/status.html" >chromium.log 2>&1
# keep the old picture unless a whole PNG of the right size was made
if "${PYTHON3:-python3}" -c 'import struct,sys
d=open(sys.argv[1],"rb").read(24)
sys.exit(0 if d[:8]==b"\x89PNG\r\n\x1a\n" and struct.unpack(">II",d[16:24])==(1400,1000) else 1)' "$png.tmp.png" 2>/dev/null; then
    mv "$png.tmp.png" "$png"
    echo "$png"
else
    rm -f "$png.tmp.png"
    echo "status-screenshot.sh: chromium made no 1400x1000 PNG" >&2
    tail -5 chromium.log >&2
    exit 1
fi
