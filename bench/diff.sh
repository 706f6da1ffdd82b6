#!/usr/bin/env bash
# diff.sh — part of `make bench`: odfgate diff on a generated 320-page statement (bench/gen.py)
# against a copy with 1% of its paragraphs changed (a word replaced in every 100th), in text,
# json and odt (the redline), with the peak memory at 80, 160 and 320 pages (it grows with the
# document: both versions are read whole; docs/limits.md); then --since-signoff over a git
# history of $DIFF_REVISIONS (default 500) revisions of a 10-page draft whose signed version
# is the oldest, so that every revision is read.  Targets (docs/diff.md): the pair under 1 s,
# the history search under 5 s.  Medians of $RUNS runs.
set -euo pipefail
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$PWD}"
revisions=${DIFF_REVISIONS:-500}
RUNS=${RUNS:-3}
work=$(mktemp -d /tmp/odfgate-bench-diff.XXXXXX)
trap 'rm -rf "$work"' EXIT
odfgate="$top_builddir/.libs/odfgate"; [ -x "$odfgate" ] || odfgate="$top_builddir/odfgate"
export LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
. "$top_srcdir/bench/lib.sh"
python3 "$top_srcdir/bench/gen.py" "$work/src" 1 320 >/dev/null
# edit.py IN OUT EVERY: a copy of IN whose every EVERY-th paragraph has one word replaced
cat >"$work/edit.py" <<'PY'
import re, sys, zipfile
src, dst, every = sys.argv[1], sys.argv[2], int(sys.argv[3])
n = [0]
def edit(m):
    n[0] += 1
    return m.group(0).replace(">", ">revised ", 1) if n[0] % every == 0 else m.group(0)
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w") as out:
    for info in z.infolist():
        data = z.read(info.filename)
        if info.filename == "content.xml":
            data = re.sub(r'<text:p text:style-name="P1">[^<]*', edit, data.decode()).encode()
        out.writestr(info, data, info.compress_type)
PY
for p in 80 160 320; do python3 "$work/edit.py" "$work/src/big-$p.odt" "$work/new-$p.odt" 100; done
old=$work/src/big-320.odt new=$work/new-320.odt
paras=$("$odfgate" outline --no-config "$old" | tail -1 | awk '{print $5}')
changed=$({ "$odfgate" diff --no-config --format json "$old" "$new" || true; } | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["paragraphs_changed"])')
echo
echo "| 320 pages ($paras paragraphs, $changed changed) | seconds | peak MiB 80 / 160 / 320 pages |"
echo "|---|---:|---:|"
for f in text json odt; do
    o=(); [ $f = odt ] && o=(-o "$work/redline.odt" --force)
    t=$(median_seconds "$odfgate" diff --no-config --format $f "${o[@]}" "$old" "$new")
    m=()
    for p in 80 160 320; do
        m+=("$(peak_kib "$odfgate" diff --no-config --format $f "${o[@]}" "$work/src/big-$p.odt" "$work/new-$p.odt")")
    done
    awk -v f=$f -v t="$t" -v a="${m[0]}" -v b="${m[1]}" -v c="${m[2]}" \
        'BEGIN { printf "| diff --format %s | %.3f | %.1f / %.1f / %.1f |\n", f, t, a / 1024, b / 1024, c / 1024 }'
done
t=$(median_seconds "$odfgate" check --no-config --format json "$new")
awk -v t="$t" 'BEGIN { printf "| (check --format json of one version) | %.3f | |\n", t }'

# the history: revision 1 signed off by dh, then one paragraph changed per revision
repo=$work/repo
mkdir -p "$repo" && cd "$repo"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
git init -q .
cp "$work/src/drafts/draft-00000.odt" statement.odt
"$odfgate" signoff statement.odt --no-config --as dh --by "Jane Smith" --in-place >/dev/null
# the other revisions through git fast-import (one process; 500 commits by hand take minutes)
python3 - "$revisions" <<'PY' | git fast-import --quiet
import io, re, sys, zipfile
n = int(sys.argv[1])
with zipfile.ZipFile("statement.odt") as z:
    items = [(info, z.read(info.filename)) for info in z.infolist()]
out = sys.stdout.buffer
def data(b):
    out.write(b"data %d\n" % len(b) + b + b"\n")
for i in range(n):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zo:
        for info, d in items:
            if info.filename == "content.xml" and i:
                d = re.sub(rb'(<text:p text:style-name="P1">)', rb'\g<1>r%d ' % i, d, count=1)
            zo.writestr(info, d, info.compress_type)
    if i:
        items = [(info, d if info.filename != "content.xml" else
                  re.sub(rb'(<text:p text:style-name="P1">)', rb'\g<1>r%d ' % i, d, count=1))
                 for info, d in items]
    out.write(b"commit refs/heads/main\ncommitter bench <bench@example.invalid> %d +0000\n" % (1700000000 + i))
    data(b"dh signs" if i == 0 else b"revision %d" % i)
    # (fast-import chains commits to one branch by itself)
    out.write(b"M 100644 inline statement.odt\n")
    data(buf.getvalue())
PY
git symbolic-ref HEAD refs/heads/main
git checkout -q -f main
t=$(median_seconds "$odfgate" diff --no-config --since-signoff dh statement.odt)
found=$({ "$odfgate" diff --no-config --since-signoff dh --format json statement.odt || true; } | python3 -c 'import json,sys; print(json.load(sys.stdin)["old"]["label"])')
echo
awk -v t="$t" -v n="$revisions" 'BEGIN { printf "diff --since-signoff over %d revisions (the signed one the oldest): %.3f s (target < 5 s)\n", n, t }'
echo "found: $found"
