#!/usr/bin/env bash
# run.sh — CLI tests as data (as curl's tests/data): every directory tests/cli/cases/NAME holds
#   cmd        the arguments, one shell line; $SAMPLES, $CASE, $FIXTURES are expanded
#   expected   the exact standard output (optional)
#   stderr     a fixed string standard error must contain (optional)
#   status     the exit code
#   contains   fixed strings standard output must contain, one per line (optional)
#   stdin      a file (relative to the case) fed to standard input (optional)
. "$(dirname "$0")/../lib.sh"
cases_dir="$top_srcdir/tests/cli/cases"
SAMPLES="$top_srcdir/samples"
FIXTURES="$top_srcdir/tests/cli/fixtures"
export SAMPLES FIXTURES
n=$(ls "$cases_dir" | wc -l)
plan "$n"
for dir in "$cases_dir"/*/; do
    name=$(basename "$dir")
    CASE=$dir
    eval "set -- $(cat "$dir/cmd")"
    stdin=/dev/null
    [ -f "$dir/stdin" ] && stdin="$dir/$(cat "$dir/stdin")"
    (cd "$dir" && run_odfgate "$@" <"$stdin" && printf '%s' "$rc" >"$scratch/rc" && printf '%s\n' "$out" >"$scratch/out" && printf '%s\n' "$err" >"$scratch/err")
    got_rc=$(cat "$scratch/rc")
    why=""
    want_rc=$(cat "$dir/status")
    [ "$got_rc" = "$want_rc" ] || why="exit $got_rc, want $want_rc"
    if [ -z "$why" ] && [ -f "$dir/expected" ] && ! diff -u "$dir/expected" "$scratch/out" >"$scratch/diff"; then
        why="stdout differs"; diag "$(cat "$scratch/diff")"
    fi
    if [ -z "$why" ] && [ -f "$dir/stderr" ] && ! grep -qF -- "$(cat "$dir/stderr")" "$scratch/err"; then
        why="stderr lacks: $(cat "$dir/stderr")"; diag "$(cat "$scratch/err")"
    fi
    if [ -z "$why" ] && [ -f "$dir/contains" ]; then
        while IFS= read -r line; do
            [ -z "$line" ] && continue
            grep -qF -- "$line" "$scratch/out" || { why="stdout lacks: $line"; diag "$(cat "$scratch/out")"; break; }
        done <"$dir/contains"
    fi
    if [ -z "$why" ]; then ok "$name"; else fail "$name: $why"; fi
done
