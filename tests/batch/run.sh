#!/usr/bin/env bash
# tests/batch/run.sh — configuration discovery (.odfgate.ini from each document's own folder),
# config errors and `config explain`, waivers, baselines, --jobs determinism, --shard.
. "$(dirname "$0")/../lib.sh"
here="$top_srcdir/tests/batch"
mk() { python3 "$here/mkdoc.py" "$@"; }
plan_lazy=1

# ---- a tree of documents with .odfgate.ini files at several levels
t="$scratch/tree"
mkdir -p "$t/legal" "$t/drafts/sub" "$t/other"
cp "$here/schema.xml" "$t/schema.xml"
printf 'root = true\nschema = schema.xml\n[legal/**]\nfail-on = never\n' >"$t/.odfgate.ini"
printf '# drafts may keep placeholders\n[*.fodt]\ndisable = placeholder\n' >"$t/drafts/.odfgate.ini"
good=(h:Alpha p:One. h:Beta p:Two. h:Gamma p:Three.)
tbc=(h:Alpha "p:One TBC." h:Beta p:Two. h:Gamma p:Three.)
mk "$t/legal/l.fodt" h:Alpha p:Only.
mk "$t/drafts/sub/d.fodt" "${tbc[@]}"
mk "$t/other/o.fodt" "${tbc[@]}"
mk "$t/other/g.fodt" "${good[@]}"

cd / || exit 1 # discovery must not depend on the working directory
run_odfgate check --format jsonl "$t/legal/l.fodt"
check "[legal/**] fail-on = never: a document missing sections passes (exit $rc)" \
    test "$rc" -eq 0 -a -n "$(grep -o section-missing <<<"$out" | head -1)"
run_odfgate check "$t/drafts/sub/d.fodt"
check "a nearer file disables placeholder for a document two folders down (exit $rc)" \
    test "$rc" -eq 0 -a -z "$(grep -o placeholder <<<"$out")"
run_odfgate check "$t/other/o.fodt"
check "the same text elsewhere fails on its placeholder (exit $rc)" \
    test "$rc" -eq 1 -a -n "$(grep -o '(placeholder)' <<<"$out")"
run_odfgate check --format json "$t/other/g.fodt"
check "the schema named by the top file applies (batch-test)" grep -q '"id":"batch-test"' <<<"$out"
run_odfgate check --format json "$t/other/g.fodt" "$top_srcdir/samples/drafts/passing.odt"
check "two schemas in one run: the report names the built-in one, the other document names its own" \
    bash -c 'grep -q "^{\"odfgate\":\"[^\"]*\",\"schema\":{\"id\":\"common-purpose-framework\"" <<<"$1" &&
             grep -q "\"path\":\"[^\"]*g.fodt\",\"status\":\"[a-z]*\",\"schema\":\"batch-test\"" <<<"$1" &&
             ! grep -q "passing.odt\",\"status\":\"[a-z]*\",\"schema\"" <<<"$1"' _ "$out"
run_odfgate check --format jsonl "$t/other/g.fodt"
check "jsonl: every object names its schema" grep -q '"schema":"batch-test"' <<<"$out"
run_odfgate check --no-config "$t/other/g.fodt"
check "--no-config: the built-in schema applies (exit $rc)" test "$rc" -eq 1
run_odfgate check --fail-on never "$t/other/o.fodt"
check "--fail-on on the command line overrides the file (exit $rc)" test "$rc" -eq 0
run_odfgate config explain "$t/drafts/sub/d.fodt"
check "config explain names both files, the matching section and the origin" \
    bash -c 'grep -q "drafts/.odfgate.ini" <<<"$1" && grep -q "\[\*.fodt\] matches" <<<"$1" &&
             grep -q "rule.placeholder = off  (.*drafts/.odfgate.ini:3)" <<<"$1" &&
             grep -q "search stopped at .*: root = true" <<<"$1"' _ "$out"

# ---- bad configuration: exit 2, FILE:LINE, nothing checked
printf '[*.fodt]\nfail-on = sometimes\n' >"$t/other/.odfgate.ini"
run_odfgate check "$t/other/g.fodt" "$t/legal/l.fodt"
check "a bad value: exit 2 with file and line, no report ($rc: $err)" \
    test "$rc" -eq 2 -a -z "$out" -a -n "$(grep -F "$t/other/.odfgate.ini:2:" <<<"$err")"
printf '[x\n' >"$t/other/.odfgate.ini"
run_odfgate config explain "$t/other/g.fodt"
check "an unclosed section header: exit 2 with line 1 ($err)" \
    test "$rc" -eq 2 -a -n "$(grep -F ".odfgate.ini:1:" <<<"$err")"
printf '[[a-]\nlinks = on\n' >"$t/other/.odfgate.ini"
run_odfgate check "$t/other/g.fodt"
check "a malformed pattern is an error even when it would not match ($err)" test "$rc" -eq 2
printf 'rule.no-such-rule = error\n' >"$t/other/.odfgate.ini"
run_odfgate check "$t/other/g.fodt"
check "an unknown rule id is an error ($err)" test "$rc" -eq 2 -a -n "$(grep -o no-such-rule <<<"$err")"
rm "$t/other/.odfgate.ini"

# ---- waivers
w="$scratch/w.fodt"
mk "$w" h:Alpha "c:odfgate-waive placeholder: agreed with the DH lead|Text TBC here." \
    h:Beta p:TBC "c:odfgate-waive section-order|Some words." \
    h:Gamma "c:odfgate-waive section-empty: fine|Gamma words."
run_odfgate check --no-config -s "$here/schema.xml" --format json "$w"
check "a waiver suppresses the finding in its own section, with its reason" \
    grep -q '"section":"alpha","heading":"Alpha","paragraph":[0-9]*,"suppressed":"waived: agreed with the DH lead"' <<<"$out"
check "the same finding in another section still fails (exit $rc)" \
    bash -c 'test "$1" -eq 1 && grep -q "\"section\":\"beta\",\"heading\":\"Beta\",\"paragraph\":[0-9]*}" <<<"$2"' _ "$rc" "$out"
check "a waiver without a reason is waiver-invalid" grep -q '"rule":"waiver-invalid"' <<<"$out"
check "a waiver that waives nothing is waiver-unused (info)" grep -q '"rule":"waiver-unused","severity":"info"' <<<"$out"
run_odfgate check --no-config -s "$here/schema.xml" --format sarif "$w"
check "SARIF: the waived result carries an inSource suppression" \
    grep -q '"suppressions":\[{"kind":"inSource","justification":"agreed with the DH lead"}\]' <<<"$out"
mk "$w" h:Alpha "c:odfgate-waive placeholder: ok|Text TBC here." h:Beta p:Two. h:Gamma p:Three.
run_odfgate check --no-config -s "$here/schema.xml" "$w"
check "all findings waived: the document passes (exit $rc)" test "$rc" -eq 0

# ---- baselines: only new findings fail; fingerprints survive unrelated edits
b="$scratch/base"
mkdir -p "$b"
mk "$b/doc.fodt" h:Alpha "p:One TBC." h:Beta p:Two. h:Gamma p:Three.
(cd "$b" && run_odfgate check --no-config -s "$here/schema.xml" --write-baseline baseline.txt doc.fodt
 echo "$rc" >rc)
check "--write-baseline exits 0 and writes the header and one line" \
    test "$(cat "$b/rc")" -eq 0 -a "$(head -1 "$b/baseline.txt")" = "# odfgate baseline 1" -a "$(wc -l <"$b/baseline.txt")" -eq 2
(cd "$b" && run_odfgate check --no-config -s "$here/schema.xml" --baseline baseline.txt doc.fodt; echo "$rc" >rc)
check "the same document against its baseline passes" test "$(cat "$b/rc")" -eq 0
# unrelated edits: paragraphs added before and in other sections; and one new placeholder
mk "$b/doc.fodt" p:Preamble. h:Alpha "p:Intro words." "p:One TBC." h:Beta p:Two. "p:More." h:Gamma "p:Three TODO."
(cd "$b" && run_odfgate check --no-config -s "$here/schema.xml" --baseline baseline.txt --format json doc.fodt
 echo "$rc" >rc; echo "$out" >out)
check "after unrelated edits only the new finding fails (exit $(cat "$b/rc"))" \
    bash -c 'test "$(cat "$1/rc")" -eq 1 && grep -q "\"section\":\"alpha\"[^}]*\"suppressed\":\"baseline\"" "$1/out" &&
             grep -q "TODO" "$1/out" && ! grep -q "\"section\":\"gamma\"[^}]*suppressed" "$1/out"' _ "$b"
printf 'not a baseline\n' >"$b/bad.txt"
(cd "$b" && run_odfgate check --baseline bad.txt doc.fodt; echo "$rc $err" >rc)
check "a file that is not a baseline: exit 2 with a reason ($(cat "$b/rc"))" grep -q '^2 .*bad.txt:1: not an odfgate baseline' "$b/rc"
printf '# odfgate baseline 1\n0123456789abcdef placeholder doc.fodt\nab\000c\n' >"$b/nul.txt"
(cd "$b" && run_odfgate check --baseline nul.txt doc.fodt; echo "$rc $err" >rc)
check "a NUL byte in a baseline: exit 2 naming its line ($(cat "$b/rc"))" grep -q '^2 .*nul.txt:3: not an odfgate baseline: NUL byte' "$b/rc"

# ---- --jobs: the same output whatever the number of threads
set_docs=("$top_srcdir/samples/drafts" "$t")
corpus="$ODFGATE_CORPUS"
[ -d "$corpus" ] && set_docs+=($(ls "$corpus"/*.od[t] "$corpus"/*.fodt 2>/dev/null | head -60))
for fmt in jsonl text sarif; do
    run_odfgate check --jobs 1 --format "$fmt" "${set_docs[@]}"
    one=$out rc1=$rc
    run_odfgate check --jobs 3 --format "$fmt" "${set_docs[@]}"
    check "--jobs 3 writes exactly what --jobs 1 writes ($fmt, exit $rc1/$rc)" test "$one" = "$out" -a "$rc1" = "$rc"
done

# ---- --shard: disjoint shards whose union is the whole set
run_odfgate check --jobs 1 --format jsonl "${set_docs[@]}"
whole=$(sort <<<"$out")
union=""
total=0
for k in 1 2 3; do
    run_odfgate check --shard "$k/3" --format jsonl "${set_docs[@]}"
    union+="$out"$'\n'
    total=$((total + $(grep -c . <<<"$out")))
done
check "the union of shards 1/3, 2/3 and 3/3 is the whole set" test "$(sort <<<"$union" | grep .)" = "$whole"
check "no document is in two shards ($total lines for $(grep -c . <<<"$whole"))" test "$total" -eq "$(grep -c . <<<"$whole")"
run_odfgate check --shard 2/3 --format jsonl "${set_docs[@]}"
two=$out
CI_NODE_INDEX=2 CI_NODE_TOTAL=3 run_odfgate check --shard auto --format jsonl "${set_docs[@]}"
check "--shard auto takes GitLab's CI_NODE_INDEX/CI_NODE_TOTAL" test "$out" = "$two"
JOB_COMPLETION_INDEX=1 run_odfgate check --shard auto/3 --format jsonl "${set_docs[@]}"
check "--shard auto/3 takes a Kubernetes JOB_COMPLETION_INDEX (0-based)" test "$out" = "$two"
PARALLEL_SEQ=2 run_odfgate check --shard auto/3 --format jsonl "${set_docs[@]}"
check "--shard auto/3 takes GNU parallel's PARALLEL_SEQ" test "$out" = "$two"
env -u CI_NODE_INDEX -u JOB_COMPLETION_INDEX -u PARALLEL_SEQ bash -c '. "$1"; run_odfgate check --shard auto "$2"; echo "$rc|$err"' _ "$top_srcdir/tests/lib.sh" "$w" >"$scratch/auto"
check "--shard auto outside any engine: exit 2 naming the variables" grep -q '^2|.*CI_NODE_INDEX' "$scratch/auto"
run_odfgate check --shard 4/3 "$w"
check "--shard 4/3 is a usage error" test "$rc" -eq 2
run_odfgate check --jobs 0 "$w"
check "--jobs 0 is a usage error" test "$rc" -eq 2
run_odfgate check --jobs 2 "$w"
check "no progress line when standard error is not a terminal" test -z "$err"

done_testing
