# tests/http/server.sh — start tests/http/server.py on loopback (sourced after tests/lib.sh).
#   start_server ROOT [PORTS [--tls CERT KEY]]   sets $port (the first), $ports (all), $base
#                               (http://127.0.0.1:PORT) and $http_log; killed at exit (one server
#                               at a time: a second start_server stops the first).
#   requests PATTERN            number of logged requests matching the grep -E PATTERN
server_pid=
# the tests talk to loopback only: a proxy from the environment must not get in the way
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY
stop_server() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=; fi; }
trap 'stop_server; rm -rf "$scratch"' EXIT
start_server() {
    local root=$1 n=${2:-1}
    stop_server
    http_log="$scratch/http.log"
    : >"$http_log"
    rm -f "$scratch/ports"
    python3 "$top_srcdir/tests/http/server.py" --root "$root" --portfile "$scratch/ports" \
        --log "$http_log" --ports "$n" "${@:3}" &
    server_pid=$!
    for _ in $(seq 100); do [ -s "$scratch/ports" ] && break; sleep 0.05; done
    [ -s "$scratch/ports" ] || { echo "Bail out! the test HTTP server did not start"; exit 1; }
    ports=$(cat "$scratch/ports")
    port=$(echo "$ports" | head -n 1)
    base="http://127.0.0.1:$port"
}
requests() { grep -cE "$1" "$http_log" || true; }
