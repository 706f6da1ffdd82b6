#!/usr/bin/env bash
# run.sh — hostile and broken inputs built by make-hostile.py.  Each one, alone: exit 3, JSON
# status "error" with the documented error.code, and in text format exactly one line
# "PATH: error: MESSAGE (CODE)"; nothing printed ever contains /etc/passwd (root:x:0:0); every
# run finishes within $ODFGATE_TIMEOUT (60 s).  A batch of all of them plus the good documents:
# exit 3, every input reported with the same outcome as alone, the good documents checked.
# Broken schemas: exit 2 with one line on stderr naming the schema file.
. "$(dirname "$0")/../lib.sh"
dir="$scratch/hostile"
if ! python3 "$top_srcdir/tests/hostile/make-hostile.py" "$dir" >"$scratch/cases.tsv"; then
    echo "1..1"; echo "not ok 1 - make-hostile.py failed"; exit 1
fi
leak='root:x:0:0'

# The unreadable file: root reads anything, so as root run that case as nobody (setpriv).
as_nobody=()
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null 2>&1 &&
        setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
        as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
        chmod 711 "$scratch" # let nobody reach $dir/unreadable.odt (and find it unreadable)
        # nobody must be able to run the build's odfgate at all (a checkout under a folder
        # only root may enter cannot): else the case is skipped for the environment
        "${as_nobody[@]}" "$odfgate_bin" --version >/dev/null 2>&1 || as_nobody=()
    fi
fi

# Run the CLI like run_odfgate, as nobody for the unreadable case when running as root.
run_case() {
    local name=$1; shift
    if [ "$name" = unreadable.odt ] && [ ${#as_nobody[@]} -gt 0 ]; then
        timeout "${ODFGATE_TIMEOUT:-60}" "${as_nobody[@]}" "$odfgate_bin" "$@" >"$scratch/.out" 2>"$scratch/.err"
        rc=$?; out=$(cat "$scratch/.out"); err=$(cat "$scratch/.err")
    else
        run_odfgate "$@"
    fi
}

# "code" of each document of a JSON report (error.code, or the status when it was checked)
json_outcomes() { python3 -c 'import json,sys
for d in json.load(sys.stdin)["documents"]:
    print(d["path"] + "\t" + (d["error"]["code"] if d["status"] == "error" else d["status"]))'; }

ms() { date +%s%3N; }
# a sanitizer build reports on stderr (UBSan may not change the exit code)
clean() { ! printf '%s%s' "$out" "$err" | grep -q -e "$leak" -e 'runtime error' -e 'Sanitizer'; }
slowest=0 slowest_name=
while IFS=$'\t' read -r name code; do
    [ "$code" = ok ] && continue
    if [ "$name" = unreadable.odt ] && [ "$(id -u)" = 0 ] && [ ${#as_nobody[@]} = 0 ]; then
        skip "[env] $name: as root, without setpriv or a build nobody may run"; skip "[env] $name: text output"; continue
    fi
    t0=$(ms)
    run_case "$name" check --format json "$dir/$name"
    t=$(( $(ms) - t0 )); [ "$t" -gt "$slowest" ] && slowest=$t slowest_name=$name
    got=$(printf '%s' "$out" | json_outcomes 2>/dev/null | cut -f2)
    if [ "$rc" = 3 ] && [ "$got" = "$code" ] && clean; then
        ok "$name: $code, exit 3 (${t} ms)"
    else fail "$name: exit $rc, outcome '$got' (want exit 3, $code)"; diag "$out" "$err"; fi
    run_case "$name" check "$dir/$name"
    lines=$(printf '%s\n' "$out" | grep -c ': error: ')
    first=$(printf '%s\n' "$out" | grep ': error: ' | head -1)
    if [ "$rc" = 3 ] && [ "$lines" = 1 ] && [[ "$first" == "$dir/$name: error: "*" ($code)" ]] && clean; then
        ok "$name: one text line naming the file and the reason"
    else fail "$name: text output (exit $rc)"; diag "$out" "$err"; fi
done <"$scratch/cases.tsv"
diag "slowest single case: $slowest_name, $slowest ms"

# A batch: every hostile file and the good ones; each reported as alone, the good ones checked.
files=()
while IFS=$'\t' read -r name code; do files+=("$dir/$name"); done <"$scratch/cases.tsv"
run_odfgate check --format json "${files[@]}"
printf '%s' "$out" | json_outcomes >"$scratch/batch.tsv" 2>/dev/null
if [ "$rc" = 3 ] && [ "$(wc -l <"$scratch/batch.tsv")" = "${#files[@]}" ]; then
    ok "batch of ${#files[@]}: every input reported, exit 3"
else fail "batch: exit $rc, $(wc -l <"$scratch/batch.tsv") documents reported of ${#files[@]}"; diag "$err"; fi
bad=
while IFS=$'\t' read -r name code; do
    got=$(awk -F'\t' -v p="$dir/$name" '$1 == p {print $2}' "$scratch/batch.tsv")
    case "$code:$got" in
        ok:pass|ok:fail) ;;
        unreadable.odt:*) ;;
        *) [ "$name" = unreadable.odt ] || [ "$got" = "$code" ] || bad="$bad $name($got)";;
    esac
done <"$scratch/cases.tsv"
if [ -z "$bad" ]; then ok "batch: same outcome as alone; good.odt and junk-mimetype.odt checked"
else fail "batch: wrong outcomes:$bad"; fi
if clean; then ok "batch: nothing leaked, no sanitizer report"
else fail "batch: /etc/passwd leaked or a sanitizer report"; diag "$err"; fi

# Broken schemas: exit 2, one line on stderr naming the schema.
for s in schema-not-xml schema-bad-grammar schema-extends-missing schema-xxe schema-many-attributes; do
    run_odfgate check --schema "$dir/$s.xml" "$dir/good.odt"
    n=$(printf '%s\n' "$err" | grep -c .)
    if [ "$rc" = 2 ] && [ "$n" = 1 ] && printf '%s' "$err" | grep -qF "$dir/$s.xml" &&
        ! printf '%s%s' "$out" "$err" | grep -q "$leak"; then
        ok "$s: exit 2, one line naming the schema"
    else fail "$s: exit $rc"; diag "$err"; fi
done
run_odfgate schema check "$dir/schema-xxe.xml"
if [ "$rc" = 2 ] && ! printf '%s%s' "$out" "$err" | grep -q "$leak"; then ok "schema check with an external entity: refused, nothing leaked"
else fail "schema-xxe: exit $rc"; diag "$err"; fi
done_testing
