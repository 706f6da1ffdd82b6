#!/usr/bin/env bash
# targets.sh — where a write goes (SECURITY.md, Writing): a symbolic link is written through
# to its target (atomically, in the target's folder; the link stays a link), a device or FIFO
# is never replaced (exit 3), a dangling link is refused, and a legal name of 249 bytes is
# written (the temporary file's name no longer grows with the target's).
. "$(dirname "$0")/../lib.sh"
plan_lazy() { :; }
cd "$scratch" || exit 1
mkdir -p real
cp "$top_srcdir/samples/drafts/passing.odt" real/draft.odt
ln -s real/draft.odt link.odt

run_odfgate signoff link.odt --as dh --by "Jane Smith" --in-place
check "signoff --in-place on a symbolic link: done" [ "$rc" -eq 0 ]
check "... the link is still a link to the same file" [ -L link.odt -a "$(readlink link.odt)" = real/draft.odt ]
run_odfgate signoffs real/draft.odt
check "... and the target carries the sign-off" [ "$(printf '%s\n' "$out" | awk '$1 == "dh" {print $NF}')" = valid ]
check "... no temporary file left in either folder" [ -z "$(ls -A . real | grep odfgate-)" -a "$(ls -A real)" = draft.odt ]

# a device node of our own (the same as /dev/full), so that a regression cannot replace the
# system's /dev/full with a regular file, as the old code did as root
if mknod full c 1 7 2>/dev/null; then
    run_odfgate new --force -o full
    if [ "$rc" -eq 3 ] && [ -c full ] && [[ "$err" == *"full: is not a regular file"* ]]; then
        ok "new --force -o a device (/dev/full's twin): refused, exit 3, still a device"
    else fail "-o a device (rc=$rc)"; diag "$err"; fi
else
    skip "[env] cannot make a device node here (not root)"
fi
mkfifo pipe.odt
run_odfgate new --force -o pipe.odt
check "-o a FIFO: refused, exit 3, still a FIFO" [ "$rc" -eq 3 -a -p pipe.odt ]
ln -s nowhere/none.odt dangling.odt
run_odfgate new --force -o dangling.odt
check "-o a dangling link: refused, exit 3" [ "$rc" -eq 3 ] && [[ "$err" == *"a symbolic link to nothing"* ]]

long=$(printf 'n%.0s' $(seq 245)).odt   # 249 bytes, NAME_MAX is 255
run_odfgate new -o "$long"
check "a 249-byte file name: written" [ "$rc" -eq 0 -a -s "$long" ]
done_testing
