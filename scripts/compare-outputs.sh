#!/usr/bin/env bash
# compare-outputs.sh OLD-BUILD NEW-BUILD [DIR...] — the same commands through two builds of
# odfgate, outputs compared byte for byte (stdout, stderr, exit code, files written).  For a
# change meant to alter no output (a restructuring): run it on the samples, generated drafts
# and a corpus; it prints each difference and exits 1 if there is one.  The clock is frozen
# (faketime, Debian package faketime) so that dates written match.
set -uo pipefail
old=$1 new=$2; shift 2
top=$(cd "$(dirname "$0")/.." && pwd)
dirs=("$@"); [ ${#dirs[@]} -gt 0 ] || dirs=("$top/samples/drafts")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 ODFGATE_CACHE_DIR=$work/cache
diffs=0 runs=0
# run LABEL ARGS...: both builds, in the same fresh folder name, outputs compared
run() {
    local label=$1; shift
    local side
    for side in old new; do
        local b; [ $side = old ] && b=$old || b=$new
        rm -rf "$work/run"; mkdir -p "$work/run"
        (cd "$work/run" && faketime -f "@2026-01-02 03:04:05" "$b/odfgate" "$@" >"$work/$side.out" 2>"$work/$side.err"; echo $? >"$work/$side.rc")
        # files a command wrote: listed with their bytes' digest
        (cd "$work/run" && find . -type f -print0 | sort -z | xargs -0r sha256sum) >"$work/$side.files"
    done
    runs=$((runs + 1))
    local k
    for k in out err rc files; do
        if ! cmp -s "$work/old.$k" "$work/new.$k"; then
            diffs=$((diffs + 1)); echo "DIFF [$label] $k: odfgate $*"
            diff "$work/old.$k" "$work/new.$k" | head -5
        fi
    done
}
for d in "${dirs[@]}"; do
    for fmt in text json jsonl sarif junit github gitlab; do
        run "check $fmt" check --jobs 1 --no-config --format "$fmt" "$d"
    done
    run "check strict" check --jobs 1 --no-config --schema "$top/samples/schemas/strict-cpf.xml" --format json "$d"
    while IFS= read -r -d '' f; do
        run outline outline --no-config "$f"
        run "outline json" outline --no-config --format json "$f"
        run signoffs signoffs --no-config --format json "$f"
        run annotate annotate --no-config "$f" -o out.odt
        run flatten flatten "$f" -o out.fodt
    done < <(find "$d" -type f \( -name '*.odt' -o -name '*.fodt' -o -name '*.ott' \) -print0 | sort -z | head -z -n "${COMPARE_MAX_FILES:-1000}")
done
run rules rules; run "rules json" rules --format json
run "new" new --no-config -o new.odt
run "schema check" schema check "$top/samples/schemas/strict-cpf.xml"
run "schema show" schema show; run "grammar" schema show --grammar
run "no command" ; run "help" --help; run "version" --version; run "bad command" frobnicate
for c in check outline schema rules new annotate signoff signoffs config merge fetch cache flatten; do
    run "$c help" "$c" --help; run "$c bad option" "$c" --no-such-option
done
echo "$runs commands, $diffs differences"
[ "$diffs" -eq 0 ]
