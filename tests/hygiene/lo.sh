#!/usr/bin/env bash
# lo.sh — the hygiene rules and scrub against a real headless LibreOffice (python3-uno):
#   1. mkfixtures.py makes the fixtures again with LibreOffice; each fires exactly the rule
#      fixtures.json names, once (the clean one none), as the vendored copies do (cli.sh);
#   2. every fixture scrubbed (--force --accept-changes) opens in LibreOffice (lo_inspect.py)
#      with no comment, no tracked change, no author, modifier, printer or template in File ▸
#      Properties, no Basic module, dialog or event bound to a macro, no linked graphic;
#   3. the corpus (tests/data/corpus, and $ODFGATE_CORPUS when set): on every document
#      LibreOffice opens, odfgate's count of comments and of tracked changes is LibreOffice's
#      (lo_counts.py: its annotation fields and its redlines).
. "$(dirname "$0")/../lib.sh"
set -uo pipefail
[ "${ODFGATE_SKIP_SOFFICE:-0}" = 1 ] && skip_all "ODFGATE_SKIP_SOFFICE=1"
command -v "${SOFFICE:-soffice}" >/dev/null 2>&1 || skip_all "no soffice"
[ -e "$(dirname "$(readlink -f "$(command -v "${SOFFICE:-soffice}")")")/libswlo.so" ] || skip_all "no LibreOffice Writer"
pyuno=${PYUNO:-/usr/bin/python3}
"$pyuno" -c 'import uno' 2>/dev/null || skip_all "no python3-uno for $pyuno"
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
count() { # FILE RULE -> how many findings of RULE
    run_odfgate check --no-config --format json "$1"
    printf '%s' "$out" | python3 -c "
import json, sys
try:
    d = json.load(sys.stdin)['documents'][0]
    print(sum(1 for f in d.get('findings', []) if f['rule'] == sys.argv[1]) if d['status'] != 'error' else 'error')
except Exception:
    print('error')" "$2"
}

# 1: the fixtures, made again
timeout 600 "$pyuno" "$here/mkfixtures.py" "$scratch/profile" made >mk.out 2>mk.err
mk_rc=$?
if [ "$mk_rc" = 0 ] && [ -f made/fixtures.json ]; then ok "mkfixtures.py: the fixtures made by LibreOffice"
else fail "mkfixtures.py: exit $mk_rc"; diag "$(tail -20 mk.err)"; fi
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
    timeout 600 "$pyuno" "$here/lo_inspect.py" "$scratch/profile" "${scrubbed[@]}" >inspect.jsonl 2>inspect.err
    while IFS= read -r line; do
        verdict=$(printf '%s' "$line" | python3 -c '
import json, sys
j = json.load(sys.stdin)
bad = []
for k in ("comments", "changes", "basic_modules", "dialogs", "linked_graphics"):
    if j.get(k):
        bad.append("%s=%s" % (k, j[k]))
for k in ("author", "modified_by", "printed_by", "template"):
    if j.get(k):
        bad.append("%s=%r" % (k, j[k]))
if j.get("events_bound"):
    bad.append("events=%s" % j["events_bound"])
if j.get("has_macros"):
    bad.append("hasMacros")
if j.get("error"):
    bad.append("error=" + j["error"])
print(j["path"].rsplit("/", 1)[-1] + "\t" + " ".join(bad))')
        name=${verdict%%$'\t'*} bad=${verdict#*$'\t'}
        if [ -z "$bad" ]; then ok "$name: LibreOffice sees no comment, change, personal field, macro or link"
        else fail "$name in LibreOffice: $bad"; fi
    done <inspect.jsonl
    n_seen=$(wc -l <inspect.jsonl)
    check "LibreOffice inspected every scrubbed fixture" [ "$n_seen" = ${#scrubbed[@]} ]
fi

# 3: comments and tracked changes counted as LibreOffice counts them
: >list
for dir in "$top_srcdir/tests/data/corpus" ${ODFGATE_CORPUS:+"$ODFGATE_CORPUS"}; do
    [ -f "$dir/FEATURES.tsv" ] || continue
    awk -F'\t' -v d="$dir" 'NR > 1 && $9 != 1 && $4 != "notzip" {print d "/" $1}' "$dir/FEATURES.tsv" >>list
done
timeout 3000 "$pyuno" "$here/lo_counts.py" "$scratch/profile" list counts.tsv >counts.out 2>counts.err
check "lo_counts.py: LibreOffice counted the corpus" [ -s counts.tsv ]
agree=0 opened=0 disagree=""
while IFS=$'\t' read -r path lo_comments lo_changes status; do
    [ "$status" = ok ] || continue
    opened=$((opened + 1))
    c=$(count "$path" hidden-comments) t=$(count "$path" hidden-changes)
    if [ "$c" = "$lo_comments" ] && [ "$t" = "$lo_changes" ]; then agree=$((agree + 1))
    else disagree="$disagree${path#"$top_srcdir"/}: odfgate $c comments $t changes, LibreOffice $lo_comments $lo_changes
"; fi
done <counts.tsv
if [ "$opened" -gt 0 ] && [ -z "$disagree" ]; then ok "comments and tracked changes: odfgate agrees with LibreOffice on all $opened documents it opened"
else fail "comments and tracked changes: $agree of $opened agree"; diag "$disagree"; fi
done_testing
