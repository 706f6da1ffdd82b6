#!/usr/bin/env bash
# links.sh — `make bench`, link check: one document with 1,000 http links to a server on
# loopback (tests/http/server.py) that answers each after 50 ms.  The links are spread over 20
# ports, i.e. 20 "hosts" for the per-host cap (8), as a real document's links are spread over
# sites; a single-host run is shown too.  Median wall time of $RUNS runs, each with an empty
# cache.  Target: under 3 s for the 20-host run.
set -euo pipefail
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$PWD}"
RUNS=${RUNS:-5}
LINKS=${BENCH_LINKS:-1000}
HOSTS=${BENCH_HOSTS:-20}
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY
work=$(mktemp -d /tmp/odfgate-bench-links.XXXXXX)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
odfgate="$top_builddir/.libs/odfgate"; [ -x "$odfgate" ] || odfgate="$top_builddir/odfgate"
export LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
mkdir -p "$work/root"
python3 "$top_srcdir/tests/http/server.py" --root "$work/root" --portfile "$work/ports" \
    --log /dev/null --ports "$HOSTS" &
server=$!
for _ in $(seq 100); do [ -s "$work/ports" ] && break; sleep 0.05; done
mapfile -t ports <"$work/ports"
spec() { # hosts → spec on stdout
    echo "# Links"
    for i in $(seq "$LINKS"); do echo "link http://127.0.0.1:${ports[$(( i % $1 ))]}/delay/50/$i"; done
}
spec "$HOSTS" >"$work/many.spec"
spec 1 >"$work/one.spec"
python3 "$top_srcdir/tests/http/mkdoc.py" "$work/many.fodt" "$work/many.spec"
python3 "$top_srcdir/tests/http/mkdoc.py" "$work/one.fodt" "$work/one.spec"
. "$top_srcdir/bench/lib.sh"
measure() { # doc → median seconds
    local t=() t0 t1
    for r in $(seq "$RUNS"); do
        t0=$EPOCHREALTIME
        "$odfgate" check --links --allow-private-addresses --cache-dir "$work/cache-$1-$r" \
            --format json "$work/$1.fodt" >"$work/out.json" || true
        t1=$EPOCHREALTIME
        grep -q '"link-' "$work/out.json" && { echo "link findings in the benchmark run" >&2; exit 1; }
        t+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
    done
    printf '%s\n' "${t[@]}" | median
}
many=$(measure many)
one=$(measure one)
echo
echo "| link check ($LINKS links, 50 ms each) | seconds (median of $RUNS) |"
echo "|---|---:|"
printf '| %d hosts (8 connections per host, 64 in all) | %s |\n' "$HOSTS" "$many"
printf '| 1 host (8 connections) | %s |\n' "$one"
awk -v s="$many" 'BEGIN { exit !(s < 3) }' && echo "target (< 3 s for $HOSTS hosts): met" || echo "target (< 3 s for $HOSTS hosts): MISSED"
