#!/usr/bin/env bash
# overwrite.sh — no command replaces a file it was not asked to (#13): every -o refuses an
# existing file unless --force (exit 2, the file untouched), and --in-place refuses a file the
# user may not write (mode 0444, as an unprivileged user), which used to be replaced through
# the folder's write permission.
. "$(dirname "$0")/../lib.sh"
plan_lazy() { :; }
cd "$scratch" || exit 1
cp "$top_srcdir/samples/drafts/passing.odt" draft.odt
printf 'precious\n' >precious.odt
sum() { sha256sum "$1" | cut -c1-64; }
before=$(sum precious.odt)
while IFS='|' read -r what args; do
    eval "set -- $args"
    run_odfgate "$@"
    if [ "$rc" = 2 ] && [ "$(sum precious.odt)" = "$before" ] && [[ "$err" == *"precious.odt: exists; give --force to replace it"* ]]; then
        ok "$what -o an existing file: refused, exit 2, untouched"
    else fail "$what -o an existing file (rc=$rc)"; diag "$err"; fi
done <<'CASES'
new|new -o precious.odt
annotate|annotate draft.odt -o precious.odt
signoff|signoff draft.odt --as dh --by "Jane Smith" -o precious.odt
flatten|flatten -o precious.odt draft.odt
schema from|schema from draft.odt -o precious.odt
CASES
run_odfgate new --force -o precious.odt
check "new --force -o: replaced" [ "$rc" -eq 0 -a "$(sum precious.odt)" != "$before" ]
run_odfgate flatten -o - draft.odt
check "-o - (standard output) is never refused" [ "$rc" -eq 0 ]

# --in-place on a read-only file, as an unprivileged user (root may write anything)
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
elif [ "$(id -u)" != 0 ]; then
    as_nobody=()
else
    as_nobody=(none)
fi
if [ "${as_nobody[0]:-}" != none ]; then
    mkdir -p ro && cp draft.odt ro/ro.odt && chmod 0444 ro/ro.odt && chmod 0777 ro && chmod 711 "$scratch"
    [ "$(id -u)" = 0 ] && chown 65534 ro
    ro_before=$(sum ro/ro.odt)
    "${as_nobody[@]}" "$odfgate_bin" signoff ro/ro.odt --as dh --by X --in-place >out.txt 2>err.txt
    rc=$?
    if [ "$rc" = 3 ] && [ "$(sum ro/ro.odt)" = "$ro_before" ] && grep -q "ro/ro.odt: cannot be replaced: Permission denied" err.txt; then
        ok "--in-place on a read-only file: refused, exit 3, untouched"
    else fail "--in-place on a read-only file (rc=$rc)"; diag "$(cat err.txt)"; fi
    "${as_nobody[@]}" "$odfgate_bin" annotate ro/ro.odt --in-place >out.txt 2>err.txt
    rc=$?
    check "annotate --in-place on a read-only file: refused, exit 3" [ "$rc" = 3 -a "$(sum ro/ro.odt)" = "$ro_before" ]
else
    skip "[env] --in-place on a read-only file: running as root without setpriv"
fi
done_testing
