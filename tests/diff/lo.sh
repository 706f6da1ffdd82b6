#!/usr/bin/env bash
# lo.sh — odfgate diff on pairs of versions made by a real headless LibreOffice Writer
# (python3-uno): mkpairs.py saves samples/drafts/passing.odt through LibreOffice as base.odt
# and edits copies of it through the UNO text API (k1, k2, k3: words and paragraphs changed in
# one, two and three sections, one heading renamed to a schema alias; moved, added, removed:
# whole sections; format, meta, comment, fields-resave: no change to the text), writing
# expect.json.  For every case:
#   1. diff --format json base.odt CASE.odt agrees with expect.json: exit 1 and exactly the
#      expected sections changed/added/removed/moved/renamed, with exactly the expected words
#      inserted and deleted (exit 0, "changed": false, every section unchanged for the
#      no-change cases);
#   2. diff --format odt -o R.odt base.odt CASE.odt writes R.odt (the same exit status);
#   3. in LibreOffice R.odt carries tracked changes by "odfgate diff" only (insertions where
#      words were inserted, deletions where deleted; none for the no-change cases);
#   4. Accept All, saved: its canonical text (signoffs --canonical) is CASE.odt's;
#   5. Reject All, saved: its canonical text is base.odt's;
#   6. R.odt's content.xml is valid against the OASIS ODF 1.3 schema (jing -i; foreign
#      content stripped first, as the ODF Validator does: LibreOffice's own extensions in
#      NEW, such as officeooo:paragraph-rsid, are kept in R.odt).
# The LibreOffice work takes two soffice starts: mkpairs.py, then redline_batch.py for all
# the accept/reject/count runs.
. "$(dirname "$0")/../lib.sh"
set -uo pipefail
need_writer_uno
py=${PYTHON3:-python3}
here="$top_srcdir/tests/diff"
schemas="$ODFGATE_ODF_SCHEMAS"
have_jing=0
command -v java >/dev/null 2>&1 && [ -f /usr/share/java/jing.jar ] && [ -f "$schemas/OpenDocument-v1.3-schema.rng" ] && have_jing=1
cases="k1 k2 k3 moved added removed format meta comment fields-resave"
ncases=$(echo $cases | wc -w)
plan $((2 + 6 * ncases))
cd "$scratch" || exit 1

timeout 300 "$pyuno" "$here/mkpairs.py" "$scratch/profile" "$top_srcdir/samples/drafts/passing.odt" pairs \
    >mkpairs.out 2>mkpairs.err
mk_rc=$?
made=$("$py" -c 'import json,sys; print(" ".join(c["name"] for c in json.load(open(sys.argv[1]))["cases"]))' \
    pairs/expect.json 2>/dev/null)
if [ "$mk_rc" = 0 ] && [ "$made" = "$cases" ]; then ok "mkpairs.py: base.odt and the $ncases cases made by LibreOffice"
else fail "mkpairs.py: exit $mk_rc, cases made: '$made'"; diag "$(tail -20 mkpairs.err)"; fi

# check.py EXPECT.json CASE DIFF.json RC: the JSON report against the expectation; the
# differences on stdout, exit 1 if any
cat >check.py <<'PY'
import json, re, sys
expect = {c["name"]: c for c in json.load(open(sys.argv[1]))["cases"]}
want = expect[sys.argv[2]]
rc = int(sys.argv[4])
problems = []
try:
    got = json.load(open(sys.argv[3]))
except ValueError as e:
    print("not JSON: %s" % e)
    sys.exit(1)
words = lambda text: re.findall(r"[^\W_]+", text or "")
if rc != (1 if want["changed"] else 0):
    problems.append("exit %d, want %d" % (rc, 1 if want["changed"] else 0))
if got.get("changed") != want["changed"]:
    problems.append('"changed": %r, want %r' % (got.get("changed"), want["changed"]))

def key(s):  # a section: its schema id, else its heading
    return s["id"] or s.get("new_heading") or s.get("old_heading")

def seen_words(s):
    ins, dele = [], []
    for e in s["edits"]:
        if e["op"] == "insert":
            ins += words(e["new"])
        elif e["op"] == "delete":
            dele += words(e["old"])
        elif e["op"] == "change":
            for w in e.get("words") or []:
                (ins if w["op"] == "insert" else dele if w["op"] == "delete" else []).extend(words(w["text"]))
    return sorted(ins), sorted(dele)

wanted = {key(s): s for s in want["sections"]}
found = set()
for s in got.get("sections", []):
    k = key(s)
    ins, dele = seen_words(s)
    w = wanted.get(k)
    if w is None:
        if s["status"] != "unchanged" or s["moved"] or s["renamed"] or s["words_inserted"] or s["words_deleted"] or s["edits"]:
            problems.append("section %r: %s%s%s, %d words inserted %r, %d deleted %r; want unchanged"
                            % (k, s["status"], ", moved" if s["moved"] else "", ", renamed" if s["renamed"] else "",
                               s["words_inserted"], ins[:12], s["words_deleted"], dele[:12]))
        continue
    found.add(k)
    for f in ("status", "moved", "renamed", "old_heading", "new_heading"):
        if s.get(f) != w[f]:
            problems.append("section %r: %s %r, want %r" % (k, f, s.get(f), w[f]))
    for what, seen, exp, n in (("inserted", ins, w["inserted"], s["words_inserted"]),
                               ("deleted", dele, w["deleted"], s["words_deleted"])):
        if seen != exp:
            problems.append("section %r: words %s %r, want %r" % (k, what, seen, exp))
        if n != len(exp):
            problems.append("section %r: words_%s %d, want %d" % (k, what, n, len(exp)))
for k in set(wanted) - found:
    problems.append("section %r (%s) not in the report" % (k, wanted[k]["status"]))
summ = got.get("summary", {})
exp_summ = {"words_inserted": sum(len(s["inserted"]) for s in want["sections"]),
            "words_deleted": sum(len(s["deleted"]) for s in want["sections"]),
            "sections_added": sum(s["status"] == "added" for s in want["sections"]),
            "sections_removed": sum(s["status"] == "removed" for s in want["sections"]),
            "sections_moved": sum(s["moved"] for s in want["sections"]),
            "sections_renamed": sum(s["renamed"] for s in want["sections"])}
for f, v in exp_summ.items():
    if summ.get(f) != v:
        problems.append("summary %s %r, want %r" % (f, summ.get(f), v))
print("\n".join(problems[:20]))
sys.exit(1 if problems else 0)
PY
# the count a case's R.odt must show in LibreOffice: redlines by "odfgate diff" only, an
# insertion if words were inserted, a deletion if deleted (a moved section: both); none if
# no change
cat >count.py <<'PY'
import json, sys
want = {c["name"]: c for c in json.load(open(sys.argv[1]))["cases"]}[sys.argv[2]]
try:
    res = json.load(open(sys.argv[3]))
except ValueError:
    res = {}
if not res.get("ok"):
    print("LibreOffice: %s" % res.get("error", "no result"))
    sys.exit(1)
c = res["count"]
ins = any(s["inserted"] or s["moved"] for s in want["sections"])
dele = any(s["deleted"] or s["moved"] for s in want["sections"])
problems = []
if not want["changed"]:
    if c["redlines"] or c["authors"]:
        problems.append("tracked changes in a no-change report: %r" % c)
else:
    if c["authors"] != ["odfgate diff"]:
        problems.append("authors %r" % c["authors"])
    if bool(c["insertions"]) != ins or bool(c["deletions"]) != dele:
        problems.append("%d insertions, %d deletions; want %s insertions, %s deletions"
                        % (c["insertions"], c["deletions"], "some" if ins else "no", "some" if dele else "no"))
print("\n".join(problems) or json.dumps(c))
sys.exit(1 if problems else 0)
PY

# 1 and 2, for every case
ops=()
declare -A odt_ok
for c in $cases; do
    odt_ok[$c]=0
    if [ ! -f "pairs/$c.odt" ]; then
        fail "$c: diff --format json (no pair made)"; fail "$c: diff --format odt (no pair made)"
        continue
    fi
    run_odfgate diff --format json pairs/base.odt "pairs/$c.odt"
    printf '%s\n' "$out" >"$c.json"
    if "$py" check.py pairs/expect.json "$c" "$c.json" "$rc" >"$c.check"; then
        ok "$c: diff --format json agrees with expect.json (exit $rc)"
    else fail "$c: diff --format json differs from expect.json"; diag "$(cat "$c.check")" "$err"; fi
    json_rc=$rc
    run_odfgate diff --format odt -o "R-$c.odt" pairs/base.odt "pairs/$c.odt"
    if [ "$rc" = "$json_rc" ] && [ -s "R-$c.odt" ] && [ -z "$out" ]; then
        ok "$c: diff --format odt -o R.odt written (exit $rc, as the JSON run)"; odt_ok[$c]=1
        ops+=("count|R-$c.odt" "accept|R-$c.odt|A-$c.odt" "reject|R-$c.odt|J-$c.odt")
    else fail "$c: diff --format odt: exit $rc (json: $json_rc), R.odt $( [ -s "R-$c.odt" ] && echo written || echo missing)"; diag "$err"; fi
done

# the sanity of check.py: k1's report against k2's expectation is refused
if [ -f k1.json ] && ! "$py" check.py pairs/expect.json k2 k1.json 1 >sanity.out && grep -q "section 'barriers'" sanity.out; then
    ok "sanity: check.py refuses a report that does not match the expectation"
else fail "sanity: check.py accepted k1's report for k2"; fi

# 3, 4 and 5: one soffice for all the files
: >batch.out
if [ ${#ops[@]} -gt 0 ]; then
    timeout 600 "$pyuno" "$here/redline_batch.py" "$scratch/profile2" "${ops[@]}" >batch.out 2>batch.err
    batch_rc=$?
    [ "$batch_rc" = 0 ] || diag "redline_batch.py exit $batch_rc" "$(tail -5 batch.err)"
fi
# batch.out, one JSON line per operation → res/OP-FILE (missing: no result)
mkdir -p res
"$py" -c 'import json
for l in open("batch.out"):
    try: d = json.loads(l)
    except ValueError: continue
    open("res/%s-%s" % (d["op"], d["in"]), "w").write(l)'
result() { cat "res/$1-$2" 2>/dev/null; }
canon() { # FILE OUT: its canonical text; on failure OUT says why
    run_odfgate signoffs --canonical "$1"; printf '%s\n' "$out" >"$2"
    [ "$rc" = 0 ] || { printf 'signoffs --canonical %s: exit %s: %s\n' "$1" "$rc" "$err" >"$2"; return 1; }
}

# 6: every R.odt's content.xml, foreign content stripped as the ODF Validator does
# (tests/annotate/strip_foreign.py: LibreOffice writes its own extensions, loext: and
# officeooo:, into what it saves and R.odt keeps NEW's), against the OASIS ODF 1.3 schema: one
# jing run for all; jing names each file it finds invalid
strip() { # FILE.odt DIR → DIR/s.xml
    mkdir -p "$2" && unzip -qo -d "$2" "$1" content.xml &&
        "$py" "$top_srcdir/tests/annotate/strip_foreign.py" "$2/content.xml" "$2/s.xml"
}
jing() { java -Xss32m -cp /usr/share/java/jing.jar com.thaiopensource.relaxng.util.Driver -i \
    "$schemas/OpenDocument-v1.3-schema.rng" "$@"; }
jing_rc=1
if [ $have_jing = 1 ]; then
    files=()
    for c in $cases; do [ "${odt_ok[$c]}" = 1 ] && strip "R-$c.odt" "parts/$c" && files+=("parts/$c/s.xml"); done
    [ ${#files[@]} -gt 0 ] && { jing "${files[@]}" >jing.out 2>&1; jing_rc=$?; }
fi

for c in $cases; do
    if [ "${odt_ok[$c]}" != 1 ]; then
        for t in "tracked changes" "Accept All" "Reject All" "content.xml valid"; do fail "$c: $t (no R.odt)"; done
        continue
    fi
    result count "R-$c.odt" >count.json
    if "$py" count.py pairs/expect.json "$c" count.json >count.out; then ok "$c: R.odt in LibreOffice: $(cat count.out)"
    else fail "$c: tracked changes in R.odt"; diag "$(cat count.out)"; fi
    for side in accept:A:"$c" reject:J:base; do
        op=${side%%:*} rest=${side#*:} pre=${rest%%:*} want=${rest#*:}
        r=$(result "$op" "R-$c.odt")
        if [ -z "$r" ] || ! printf '%s' "$r" | grep -q '"ok": true'; then
            fail "$c: $op all in LibreOffice failed"; diag "${r:-no result}"; continue
        fi
        canon "pairs/$want.odt" "want-$want.txt"
        if canon "$pre-$c.odt" got.txt && cmp -s "want-$want.txt" got.txt; then
            ok "$c: $op all, saved: the text of $want.odt"
        else fail "$c: $op all, saved: not the text of $want.odt"; diag "$(diff "want-$want.txt" got.txt | cut -c1-300 | head -12)"; fi
    done
    if [ $have_jing = 1 ]; then
        if [ -f "parts/$c/s.xml" ] && ! grep -q "/parts/$c/s.xml:" jing.out &&
            { [ "$jing_rc" = 0 ] || grep -q "/parts/[^/]*/s.xml:" jing.out; }; then
            ok "$c: R.odt's content.xml is valid (jing -i, OASIS ODF 1.3, foreign content stripped)"
        else
            fail "$c: R.odt's content.xml is invalid (ODF 1.3)"
            diag "$(grep "/parts/$c/s.xml:" jing.out | cut -c1-400 | head -6)" "$( [ "$jing_rc" = 0 ] || grep -v '/s.xml:' jing.out | head -3)"
            strip "pairs/$c.odt" "parts/new-$c" && jing "parts/new-$c/s.xml" >/dev/null 2>&1 &&
                diag "($c.odt's own content.xml is valid)"
        fi
    else skip "no jing or no OASIS ODF 1.3 schema"; fi
done
[ "$tap_failed" -eq 0 ]
