#!/usr/bin/env bash
# writer.sh — part of `make bench` when the extension is built and soffice is there: the
# 320-page statement (bench/gen.py) opened in headless LibreOffice with Writer's own filter
# and through odfgate (its check, the annotated copy, the flat ODF Writer imports), and a
# re-check as the Statement check panel runs it.  Target (#19): opening through odfgate and a
# re-check each under 1 s beyond LibreOffice's own load.  Medians of $RUNS runs, one soffice.
set -euo pipefail
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$PWD}"
RUNS=${RUNS:-5}
oxt="$top_builddir/odfgate.oxt"
if [ ! -f "$oxt" ] || ! command -v soffice >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import uno' 2>/dev/null; then
    echo "writer.sh: skipped (no odfgate.oxt, soffice or python3-uno)"; exit 0
fi
work=$(mktemp -d /tmp/odfgate-bench-writer.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$top_srcdir/bench/gen.py" "$work" 1 320 >/dev/null
# unopkg refuses a per-user install as root: as nobody, in a folder nobody owns
chmod 755 "$work" && mkdir -m 777 "$work/lo" && install -m 644 "$oxt" "$work/lo/odfgate.oxt"
as_user() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- env HOME="$work/lo" "$@"; else env HOME="$work/lo" "$@"; fi; }
as_user unopkg add -s "$work/lo/odfgate.oxt" -env:UserInstallation="file://$work/lo/profile" >/dev/null 2>&1
read -r own ours recheck < <(cd "$work" && /usr/bin/python3 "$top_srcdir/bench/writer.py" "file://$work/lo/profile" "$work/big-320.odt" "$RUNS")
echo
echo "| Writer, 320 pages (medians of $RUNS) | s | beyond LibreOffice's load |"
echo "|---|---|---|"
awk -v a="$own" 'BEGIN { printf "| open with Writer'"'"'s own filter | %.3f | |\n", a }'
awk -v a="$ours" -v b="$own" 'BEGIN { printf "| open through odfgate (checked) | %.3f | %+.3f |\n", a, a - b }'
awk -v a="$recheck" 'BEGIN { printf "| re-check (the panel'"'"'s Re-check) | %.3f | %+.3f |\n", a, a }'
