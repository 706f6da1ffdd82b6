#!/usr/bin/env bash
# concurrent.sh — --in-place never loses another program's save (#21.8).  odfgate is made to
# pause inside its write (strace delays the fsync of its temporary file by 1.5 s); meanwhile
# "another program" saves the same file, by rename (as LibreOffice does) or by rewriting it in
# place.  odfgate must notice the file changed since it read it, refuse (exit 3, "changed since
# it was read") and leave the other save as it is.  Without a concurrent save the same runs
# succeed (the pause alone changes nothing).
. "$(dirname "$0")/../lib.sh"
command -v strace >/dev/null 2>&1 || skip_all "no strace (apt-get install strace)"
strace -f -qq -o /dev/null -e trace=fsync true 2>/dev/null || skip_all "[env] strace cannot trace here (ptrace not permitted)"
plan_lazy=1
cd "$scratch" || exit 1
samples="$top_srcdir/samples/drafts"
python3 "$top_srcdir/tests/batch/mkdoc.py" flat.fodt "h:Common vision" "p:Words here."
# paused ARGS...: run odfgate with its fsync calls delayed; sets $rc, $err when it ends
# (LeakSanitizer cannot work under ptrace: in the sanitizer suite it is off for these runs)
paused_start() {
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        strace -f -qq -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=1500000 \
        "$odfgate_bin" "$@" >"$scratch/p.out" 2>"$scratch/p.err" &
    pid=$!
}
paused_end() { wait "$pid"; rc=$?; err=$(cat "$scratch/p.err"); }

# name | source | command (FILE is the document) | how the other program saves
while IFS='|' read -r name src cmd how; do
    cp "$src" "doc-$name"
    before_other=$(mktemp "$scratch/other.XXXXXX")
    cp "$samples/placeholder.odt" "$before_other"
    [ "${src##*.}" = fodt ] && python3 "$top_srcdir/tests/batch/mkdoc.py" "$before_other" "h:Other" "p:Saved by someone else."
    eval "set -- ${cmd//FILE/doc-$name}"
    paused_start "$@"
    # the other program saves once odfgate has read the file and is writing its copy (its
    # temporary file exists; the delayed fsync holds it there 1.5 s): a fixed sleep here
    # raced with a slow start on a loaded machine
    for _ in $(seq 1000); do ls -A | grep -q '^\.odfgate-' && break; sleep 0.01; done
    if [ "$how" = rename ]; then cp "$before_other" "doc-$name.tmp" && mv "doc-$name.tmp" "doc-$name"
    else cat "$before_other" >"doc-$name"; fi
    paused_end
    check "$name: another program's save ($how) during the write is refused, exit 3 ($err)" \
        bash -c '[ "$1" -eq 3 ] && grep -q "changed since it was read" <<<"$2"' _ "$rc" "$err"
    check "$name: ... and that save is kept" cmp -s "$before_other" "doc-$name"
    check "$name: ... no temporary file left" bash -c '! ls -A | grep -q "^\.odfgate-"'
    cp "$src" "doc-$name"
    paused_start "$@"
    paused_end
    want=0; [ "${cmd%% *}" = annotate ] && want=1 # annotate: written, with findings
    check "$name: alone, the same paused run succeeds (exit $rc)" test "$rc" -eq "$want"
done <<CASES
signoff|$samples/passing.odt|signoff --no-config FILE --as dh --by "A Signer" --in-place|rename
signoff-rewrite|$samples/passing.odt|signoff --no-config FILE --as dh --by "A Signer" --in-place|rewrite
annotate|$samples/placeholder.odt|annotate --no-config FILE --in-place|rename
annotate-flat|$scratch/flat.fodt|annotate --no-config FILE --in-place|rewrite
CASES
done_testing
