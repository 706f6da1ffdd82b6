#!/usr/bin/env bash
# links.sh — odfgate check --links against a real server on loopback: broken (404, 410),
# unreachable (5xx after retries, time-out, refused address), HEAD refused → GET, 429/503
# with Retry-After, fragments ignored, one request per target, the per-host cap, cached
# results, --offline.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.sh"
command -v python3 >/dev/null || skip_all "python3 not found"

root="$scratch/root"
mkdir -p "$root"
echo "fine" >"$root/a.txt"
start_server "$root"
export XDG_CACHE_HOME="$scratch/xdg"
cat >"$scratch/doc.spec" <<EOF
# Links
Links of every kind follow.
link $base/res/a.txt | good
link $base/res/a.txt#section-2 | good, with a fragment
link $base/status/404 | gone
link $base/status/410 | gone for good
# More links
link $base/status/500 | failing server
link $base/retry/429 | busy, then fine
link $base/retry/503 | unavailable, then fine
link $base/head405 | no HEAD
link $base/slow | slow
link mailto:someone@example.org | not http
EOF
python3 "$top_srcdir/tests/http/mkdoc.py" "$scratch/doc.fodt" "$scratch/doc.spec"
has() { printf '%s\n' "$out" | grep -qF -- "$1"; }
L="$scratch/doc.fodt"

# --- the address policy comes first: links from documents may not reach loopback
run_odfgate check --links "$L"
check "without --allow-private-addresses: no request reaches the server" [ "$(requests .)" -eq 0 ]
check "... each loopback link is link-unreachable, saying why" \
    has "warning: link not reachable $base/status/404: refused to connect to 127.0.0.1, a loopback address (--allow-private-addresses allows it) (link-unreachable)"

# --- the real check
start=$EPOCHREALTIME
run_odfgate check --links --allow-private-addresses --timeout 1 --format json "$L"
secs=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
json=$out
rules_of() { python3 -c 'import json,sys; d=json.load(sys.stdin)["documents"][0]; [print(f["rule"], f["paragraph"], f["message"]) for f in d["findings"] if f["rule"].startswith("link-")]' <<<"$json"; }
links=$(rules_of)
check "exit 1 (link-broken is an error)" [ "$rc" -eq 1 ]
check "404: link-broken at its paragraph" bash -c "grep -qx 'link-broken 5 broken link $base/status/404: HTTP 404' <<<\"\$1\"" _ "$links"
check "410: link-broken" bash -c "grep -qx 'link-broken 6 broken link $base/status/410: HTTP 410' <<<\"\$1\"" _ "$links"
check "500: link-unreachable after 3 attempts" \
    bash -c "grep -qx 'link-unreachable 8 link not reachable $base/status/500: HTTP 500 after 3 attempts' <<<\"\$1\"" _ "$links"
check "... 3 requests made" [ "$(requests '^HEAD /status/500 ')" -eq 3 ]
check "slow server: link-unreachable, timed out" \
    bash -c "grep -q '^link-unreachable 12 link not reachable $base/slow: timed out' <<<\"\$1\"" _ "$links"
if [ "$(wc -l <<<"$links")" -eq 4 ]; then ok "exactly these 4 link findings (good, fragment, retried and GET-fallback links pass)"
else fail "exactly 4 link findings"; diag "$links"; fi
check "a link and the same link with a fragment: one request" [ "$(requests ' /res/a.txt ')" -eq 1 ]
check "HEAD refused (405): then GET" [ "$(requests '^HEAD /head405 ')" -eq 1 -a "$(requests '^GET /head405 ')" -eq 1 ]
for code in 429 503; do
    t=$(grep " /retry/$code " "$http_log" | sed 's/.*t=//')
    gap=$(awk 'NR==1 {a=$1} NR==2 {printf "%.2f", $1 - a}' <<<"$t")
    check "$code with Retry-After: 1 → asked again after ≥ 1 s (gap $gap s), then fine" \
        awk -v g="$gap" 'BEGIN { exit !(g >= 0.95 && g < 3) }'
done
check "findings stay in paragraph order" python3 -c '
import json, sys
f = json.load(sys.stdin)["documents"][0]["findings"]
p = [x["paragraph"] or 0 for x in f]
sys.exit(p != sorted(p))' <<<"$json"
diag "the whole link check took $secs s"

# --- cached verdicts, --refresh, --offline
run_odfgate check --links --allow-private-addresses --timeout 1 "$L"
check "second run: fine and broken links from the cache (no request for them)" \
    [ "$(requests ' /status/404 ')" -eq 1 -a "$(requests ' /res/a.txt ')" -eq 1 ]
check "... same findings" has "error: broken link $base/status/404: HTTP 404 (link-broken)"
run_odfgate check --links --allow-private-addresses --refresh --timeout 1 "$L"
check "--refresh: asked again" [ "$(requests ' /status/404 ')" -eq 2 ]
n=$(requests .)
run_odfgate check --links --offline "$L"
check "--offline: no request" [ "$(requests .)" -eq "$n" ]
check "--offline: cached broken link still reported" has "broken link $base/status/410: HTTP 410 (link-broken)"
check "--offline: a link not in the cache is a warning saying so" \
    has "link not reachable $base/status/500: not checked: offline, and not in the cache (link-unreachable)"

# --- .odfgate.ini `links = true` turns the link check on for the documents it covers
mkdir -p "$scratch/cfg"
cp "$L" "$scratch/cfg/doc.fodt"
printf 'root = true\n[*.fodt]\nlinks = true\n' >"$scratch/cfg/.odfgate.ini"
run_odfgate check --offline "$scratch/cfg/doc.fodt"
check ".odfgate.ini links = true: links checked without --links" \
    has "broken link $base/status/410: HTTP 410 (link-broken)"
run_odfgate check --offline --no-config "$scratch/cfg/doc.fodt"
check "... and not with --no-config (the document is still checked: exit $rc)" \
    bash -c '[ "$2" -le 1 ] && grep -q "document checked" <<<"$1" && ! grep -q link-broken <<<"$1"' _ "$out" "$rc"

# --- the per-host connection cap: 16 links to one host with 1 s latency, 8 at a time (the
# 8th request arrives before the 1st is answered, the 9th only after: a 1 s margin holds on
# a loaded machine, where 300 ms did not always)
: >"$scratch/cap.spec"
for i in $(seq 16); do echo "link $base/delay/1000/$i" >>"$scratch/cap.spec"; done
python3 "$top_srcdir/tests/http/mkdoc.py" "$scratch/cap.fodt" "$scratch/cap.spec"
: >"$http_log"
run_odfgate check --links --allow-private-addresses "$scratch/cap.fodt"
t=$(sed 's/.*t=//' "$http_log" | sort -n)
first=$(head -n 1 <<<"$t"); eighth=$(sed -n 8p <<<"$t"); ninth=$(sed -n 9p <<<"$t")
check "per-host cap: 8 at once, the 9th only when one ends" \
    awk -v a="$first" -v h="$eighth" -v n="$ninth" 'BEGIN { exit !(h - a < 0.9 && n - a >= 0.95) }'
check "all 16 asked, no finding" bash -c "[ \"\$(grep -c . \"\$1\")\" -eq 16 ] && ! grep -q link- <<<\"\$2\"" _ "$http_log" "$out"

# --- unknown host (only where the resolver answers at once: nothing may wait on the internet)
start=$EPOCHREALTIME
if timeout 2 getent hosts odfgate-test.invalid >/dev/null 2>&1; then skip "[env] odfgate-test.invalid resolves here"
elif awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { exit !(b - a < 1) }'; then
    echo "link http://odfgate-test.invalid/x" >"$scratch/unknown.spec"
    python3 "$top_srcdir/tests/http/mkdoc.py" "$scratch/unknown.fodt" "$scratch/unknown.spec"
    run_odfgate check --links "$scratch/unknown.fodt"
    check "unknown host: link-broken" has "broken link http://odfgate-test.invalid/x: unknown host (link-broken)"
else skip "[env] the resolver is slow to say no here"
fi

done_testing
