# bench/lib.sh — sourced by the bench scripts: medians of wall-clock times.
#   median                 stdin numbers → their median
#   seconds CMD...         wall seconds of one run of CMD ($EPOCHREALTIME, µs resolution);
#                          its standard output goes to $work/out, a failure is not an error
#   median_seconds CMD...  the median of $RUNS runs of seconds CMD...
#   peak_kib CMD...        the peak resident KiB of one run of CMD
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
seconds() {
    local t0=$EPOCHREALTIME
    "$@" >"$work/out" 2>/dev/null || true
    awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f", b - a }'
}
median_seconds() {
    local t=()
    for _ in $(seq "$RUNS"); do t+=("$(seconds "$@")"); done
    printf '%s\n' "${t[@]}" | median
}
peak_kib() {
    python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
}
