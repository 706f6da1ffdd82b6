#!/usr/bin/env bash
# lo.sh — the hygiene rules and scrub against a real headless LibreOffice (python3-uno):
#   1. lo_hygiene.py makes the fixtures again with LibreOffice; each fires exactly the rule
#      fixtures.json names, once (the clean one none), as the vendored copies do (cli.sh);
#   2. every fixture scrubbed (--force --accept-changes) opens in LibreOffice (lo_hygiene.py
#      inspect) with no comment, no tracked change, no author, modifier, printer or template in
#      File ▸ Properties, no Basic module, dialog or event bound to a macro, no embedded object;
#   3. the corpus (tests/data/corpus, and $ODFGATE_CORPUS when set): on every document
#      LibreOffice opens, odfgate's count of comments and of tracked changes is LibreOffice's
#      (lo_hygiene.py counts: its annotation fields and its redlines).
. "$(dirname "$0")/../lib.sh"
set -uo pipefail
need_writer_uno
here="$top_srcdir/tests/hygiene"
s="$top_srcdir/tests/diff/schema.xml"
cd "$scratch" || exit 1
hygiene='hidden-comments|hidden-changes|hidden-text|personal-info|macros|embedded-objects|linked-resources|stale-index'
rules() { # FILE -> its hygiene rule ids, sorted
    run_odfgate check --schema "$s" --format json "$1"
    printf '%s' "$out" | python3 -c "
import json, re, sys
j = json.load(sys.stdin)
print(' '.join(sorted(f['rule'] for d in j['documents'] for f in d.get('findings', [])
                     if re.fullmatch('$hygiene', f['rule']))))"
}

# 1: the fixtures, made again
timeout 600 "$pyuno" "$here/lo_hygiene.py" "$scratch/profile" fixtures made >mk.out 2>mk.err
mk_rc=$?
if [ "$mk_rc" = 0 ] && [ -f made/fixtures.json ]; then ok "lo_hygiene.py: the fixtures made by LibreOffice"
else fail "lo_hygiene.py fixtures: exit $mk_rc"; diag "$(tail -20 mk.err)"; fi
fixtures=$(python3 -c 'import json,sys; print(" ".join("%s=%s" % (f["file"], f["rule"] or "") for f in json.load(open(sys.argv[1]))["fixtures"]))' \
    "$here/fixtures/fixtures.json" 2>/dev/null)
for fx in $fixtures; do
    name=${fx%%=*} rule=${fx#*=}
    if [ ! -f "made/$name" ]; then fail "$name: not made"; continue; fi
    got=$(rules "made/$name")
    if [ "$got" = "$rule" ]; then ok "$name (made now): fires ${rule:-nothing}"; else fail "$name (made now): want '$rule', got '$got'"; fi
done

# 2: scrubbed fixtures as LibreOffice sees them
scrubbed=()
for fx in $fixtures; do
    name=${fx%%=*}
    [ -f "made/$name" ] || continue
    run_odfgate scrub --schema "$s" --force --accept-changes "made/$name" -o "clean-$name"
    if [ "$rc" = 0 ]; then scrubbed+=("clean-$name"); else fail "$name: scrub exit $rc: $err"; fi
done
if [ ${#scrubbed[@]} -gt 0 ]; then
    timeout 600 "$pyuno" "$here/lo_hygiene.py" "$scratch/profile" inspect "${scrubbed[@]}" >inspect.jsonl 2>inspect.err
    while IFS= read -r line; do
        verdict=$(printf '%s' "$line" | python3 -c '
import json, sys
j = json.load(sys.stdin)
bad = []
for k in ("comments", "basic_modules", "dialogs", "objects"):
    if j.get(k):
        bad.append("%s=%s" % (k, j[k]))
for k in ("author", "modified_by", "printed_by", "template"):
    if j.get(k):
        bad.append("%s=%r" % (k, j[k]))
if j.get("events_bound"):
    bad.append("events=%s" % j["events_bound"])
if j.get("changes"):
    bad.append("changes=%s" % j["changes"])
if j.get("error"):
    bad.append("error=" + j["error"])
print(j["path"].rsplit("/", 1)[-1] + "\t" + " ".join(bad))')
        name=${verdict%%$'\t'*} bad=${verdict#*$'\t'}
        if [ -z "$bad" ]; then ok "$name: LibreOffice sees no comment, change, personal field, macro or object"
        else fail "$name in LibreOffice: $bad"; fi
    done <inspect.jsonl
    n_seen=$(wc -l <inspect.jsonl)
    check "LibreOffice inspected every scrubbed fixture" [ "$n_seen" = ${#scrubbed[@]} ]
fi

# 3: comments and tracked changes counted as LibreOffice counts them: the vendored corpus and
# the external one ($ODFGATE_CORPUS, when there; about 2 minutes for 370 files).  Files odfgate
# refuses (corrupt or hostile packages LibreOffice repairs) are listed, not compared.
: >list
dirs=("$top_srcdir/tests/data/corpus")
[ -n "${ODFGATE_CORPUS:-}" ] && dirs+=("$ODFGATE_CORPUS")
for dir in "${dirs[@]}"; do
    [ -f "$dir/FEATURES.tsv" ] || continue
    awk -F'\t' -v d="$dir" 'NR > 1 && $9 != 1 && $4 != "notzip" {print d "/" $1}' "$dir/FEATURES.tsv" >>list
done
timeout 3000 "$pyuno" "$here/lo_hygiene.py" "$scratch/profile" counts list counts.tsv >counts.out 2>counts.err
check "lo_hygiene.py counts: LibreOffice counted the corpus" [ -s counts.tsv ]
# odfgate's counts: one check over every file (jsonl: one line per document, in order)
cut -f1 counts.tsv | tr '\n' '\0' | xargs -0 "$odfgate_bin" check --no-config --jobs 1 --format jsonl >ours.jsonl 2>/dev/null
verdict=$(python3 - counts.tsv ours.jsonl <<'PY'
import json, sys
ours = {}
for line in open(sys.argv[2]):
    try:
        d = json.loads(line)
    except ValueError:
        continue
    if "path" not in d:
        continue
    if d.get("status") == "error":
        ours[d["path"]] = None
    else:
        f = d.get("findings", [])
        ours[d["path"]] = (sum(x["rule"] == "hidden-comments" for x in f),
                           sum(x["rule"] == "hidden-changes" for x in f))
opened = agree = 0
refused, differ = [], []
for line in open(sys.argv[1]):
    path, c, t, status = line.rstrip("\n").split("\t")
    if status != "ok":
        continue
    opened += 1
    got = ours.get(path, "missing")
    if got is None:
        refused.append(path)
    elif got == (int(c), int(t)):
        agree += 1
    else:
        differ.append("%s: odfgate %s, LibreOffice %s %s" % (path, got, c, t))
print("%d %d %d" % (opened, agree, len(refused)))
for r in refused:
    print("refused by odfgate (LibreOffice opened it): " + r)
for d in differ:
    print(d)
PY
)
read -r opened agree refused <<<"$(printf '%s\n' "$verdict" | head -1)"
if [ "${opened:-0}" -gt 0 ] && [ $((agree + refused)) = "$opened" ]; then
    ok "comments and tracked changes: odfgate agrees with LibreOffice on all $agree documents both open ($refused refused by odfgate)"
else fail "comments and tracked changes: $agree of $opened agree ($refused refused)"; fi
diag "$(printf '%s\n' "$verdict" | tail -n +2)"
done_testing
