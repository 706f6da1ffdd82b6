#!/usr/bin/env bash
# run.sh — crash safety and concurrency of writes: `annotate` and `signoff` on a large document are killed
# with SIGKILL at random moments, many times; every time the input is intact and the target
# is either absent or a complete, readable document — never a partial file.  A write that
# hits the file-size limit (ulimit -f) fails with a clear error and leaves nothing behind.
. "$(dirname "$0")/../lib.sh"
TRIALS=${CRASH_TRIALS:-50}   # 50 each: 100 SIGKILLs
cd "$scratch" || exit 1
python3 "$top_srcdir/bench/gen.py" gen 0 1600 >/dev/null
big=$(ls gen/big-1600.odt)
sum=$(sha256sum "$big" | cut -d' ' -f1)
bin="$top_builddir/odfgate"
t0=$EPOCHREALTIME; "$bin" annotate "$big" -o probe.odt >/dev/null; t1=$EPOCHREALTIME
ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%d", (b - a) * 1000 }')
diag "one annotate of $(wc -c <"$big") bytes takes ${ms} ms; killing at random moments within it"
plan $((TRIALS * 2 + 2 + 1 + 2))
for cmd in annotate signoff; do
    for i in $(seq "$TRIALS"); do
        rm -f out.odt
        delay=$(awk -v m="$ms" -v s="$RANDOM" 'BEGIN { srand(s); printf "%.4f", rand() * m * 1.2 / 1000 }')
        if [ $cmd = annotate ]; then
            timeout -s KILL "$delay" "$bin" annotate "$big" -o out.odt >/dev/null 2>&1
        else
            timeout -s KILL "$delay" "$bin" signoff "$big" --as dh --by X --date 2026-11-20T10:00:00Z -o out.odt >/dev/null 2>&1
        fi
        state=absent
        if [ -e out.odt ]; then
            "$bin" check --fail-on never out.odt >/dev/null 2>&1 && state=complete || state=PARTIAL
        fi
        if [ "$(sha256sum "$big" | cut -d' ' -f1)" = "$sum" ] && [ "$state" != PARTIAL ]; then
            ok "$cmd killed after ${delay}s: input intact, target $state"
        else fail "$cmd killed after ${delay}s: target $state"; fi
    done
done
# concurrency: two `signoff --in-place` on one document at once lose no sign-off
# (without the lock this lost one in about 4 runs of 10)
lost=0
for i in $(seq 20); do
    cp "$top_srcdir/samples/drafts/passing.odt" c.odt
    "$bin" signoff c.odt --as dh --by A --in-place >/dev/null 2>&1 &
    "$bin" signoff c.odt --as cqc --by B --in-place >/dev/null 2>&1 &
    wait
    n=$("$bin" signoffs --format json c.odt | grep -o '"state":"valid"' | wc -l)
    [ "$n" = 2 ] || lost=$((lost + 1))
done
if [ "$lost" = 0 ]; then ok "20 pairs of concurrent in-place sign-offs: both recorded every time"
else fail "concurrent in-place sign-offs: one lost in $lost of 20"; fi

# file-size limit: a clear error, nothing at the target, no temporary file left
for cmd in annotate signoff; do
    rm -f limited.odt
    if [ $cmd = annotate ]; then
        ( ulimit -f 64; "$bin" annotate "$big" -o limited.odt >/dev/null 2>err.txt; echo $? >rc.txt )
    else
        ( ulimit -f 64; "$bin" signoff "$big" --as dh --by X -o limited.odt >/dev/null 2>err.txt; echo $? >rc.txt )
    fi
    if [ "$(cat rc.txt)" = 3 ] && [ ! -e limited.odt ] && grep -q 'File too large' err.txt && ! ls -A | grep -q '^\.limited.odt'; then
        ok "$cmd over ulimit -f: clear error, nothing left behind"
    else fail "$cmd over ulimit -f: exit $(cat rc.txt)"; diag "$(cat err.txt)"; fi
done

# disk full: a 16 KiB tmpfs (needs the right to mount; skipped otherwise)
mkdir -p full
if mount -t tmpfs -o size=16k tmpfs full 2>/dev/null; then
    for cmd in annotate signoff; do
        if [ $cmd = annotate ]; then "$bin" annotate "$top_srcdir/samples/drafts/passing.odt" -o full/x.odt >/dev/null 2>err.txt
        else "$bin" signoff "$top_srcdir/samples/drafts/passing.odt" --as dh --by X -o full/x.odt >/dev/null 2>err.txt; fi
        rc=$?
        if [ "$rc" = 3 ] && grep -q 'No space left on device' err.txt && [ -z "$(ls -A full)" ]; then
            ok "$cmd on a full disk: clear error, nothing left behind"
        else fail "$cmd on a full disk: exit $rc, left: $(ls -A full)"; diag "$(cat err.txt)"; fi
    done
    umount full
else
    skip "[env] disk full: cannot mount a tmpfs here"; skip "[env] disk full: cannot mount a tmpfs here"
fi
