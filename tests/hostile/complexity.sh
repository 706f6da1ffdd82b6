#!/usr/bin/env bash
# complexity.sh — work stays linear in what a document controls (#21.1): 65,536 style names
# built to collide in one bucket of the style table's former unkeyed hash are read as fast as
# as many ordinary names (the old table took 42× longer: 9.3 s against 0.22 s).  A ratio, not
# a time, so it holds on slow machines and under sanitizers.
. "$(dirname "$0")/../lib.sh"
plan 3
gen="$top_srcdir/tests/hostile/make-collisions.py"
python3 "$gen" "$scratch/colliding.fodt" 65536 && python3 "$gen" "$scratch/control.fodt" 65536 --control ||
    { fail "make-collisions.py"; exit 1; }
ms() { date +%s%3N; }
timed() { local t0; t0=$(ms); run_odfgate check --no-config --format json "$1"; elapsed=$(( $(ms) - t0 )); }

timed "$scratch/control.fodt"; control=$elapsed control_out=$out
check "the control document is checked (exit $rc)" test "$rc" -le 1
timed "$scratch/colliding.fodt"; colliding=$elapsed
check "the colliding document is checked, with the same findings (exit $rc)" \
    bash -c '[ "$1" -le 1 ] && [ "$(sed s/colliding/control/g <<<"$2" | grep -o "\"rule\":\"[a-z-]*\"" | sort)" = "$(grep -o "\"rule\":\"[a-z-]*\"" <<<"$3" | sort)" ]' \
    _ "$rc" "$out" "$control_out"
check "colliding names cost about what ordinary ones do: $colliding ms against $control ms (bound: 5× + 500 ms)" \
    test "$colliding" -le $((control * 5 + 500))
