#!/usr/bin/env bash
# commands.sh — every command that needs a schema resolves it as check does (#13.2): --schema,
# else the .odfgate.ini that applies (unless --no-config), else the built-in one; annotate,
# outline and signoff also take the file's rule settings, fail-on and the document's waivers.
. "$(dirname "$0")/../lib.sh"
mk() { python3 "$top_srcdir/tests/batch/mkdoc.py" "$@"; }
plan_lazy=1

t="$scratch/board-papers"
mkdir -p "$t/sub"
cat >"$t/board.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<schema xmlns="urn:odfgate:schema:1" id="board-paper">
  <sections>
    <section id="purpose" heading="Purpose" level="1"/>
    <section id="decision" heading="Decision sought" level="1"/>
  </sections>
  <signatories require="1">
    <signatory id="author" name="Paper author"/>
  </signatories>
</schema>
XML
printf 'root = true\nschema = board.xml\n[sub/*]\nrule.placeholder = off\nfail-on = never\n' >"$t/.odfgate.ini"
mk "$t/paper.fodt" h:Purpose "p:Why the board should decide this now." "h:Decision sought" "p:To approve the plan."
mk "$t/sub/tbc.fodt" h:Purpose "p:TBC" "h:Decision sought" "p:To approve the plan."
cd / || exit 1 # discovery follows the document's folder, not the working directory

count() { grep -c '"rule"' <<<"$1"; }

# ---- check is the reference
run_odfgate check --format jsonl "$t/paper.fodt"
check "check uses the configured schema: board-paper, only the sign-off is missing (exit $rc)" \
    test "$(grep -o '"rule":"[a-z-]*"' <<<"$out" | sort -u | tr '\n' ' ')" = '"rule":"signoff-missing" '
want=$(count "$out")

# ---- annotate
run_odfgate annotate "$t/paper.fodt" -o "$scratch/a.fodt"
check "annotate writes the findings of the configured schema ($want): $out" \
    grep -q "a.fodt: $want odfgate comments\? written" <<<"$out"
run_odfgate annotate --no-config "$t/paper.fodt" -o "$scratch/b.fodt"
check "annotate --no-config checks against the built-in schema (more comments): $out" \
    bash -c '[ "$(grep -o "[0-9]* odfgate comment" <<<"$1" | cut -d" " -f1)" -gt "$2" ]' _ "$out" "$want"
run_odfgate annotate "$t/sub/tbc.fodt" -o "$scratch/c.fodt"
check "annotate takes the file's rule settings (placeholder off) and fail-on never (exit $rc): $out" \
    bash -c '[ "$2" -eq 0 ] && grep -q ": 1 odfgate comment written" <<<"$1"' _ "$out" "$rc"
run_odfgate check "$t/sub/tbc.fodt" --format jsonl
check "... as check does (one finding, exit $rc)" test "$(count "$out")" -eq 1 -a "$rc" -eq 0

# ---- signoff and signoffs
run_odfgate signoff "$t/paper.fodt" --as author --by "A Writer" -o "$scratch/s.fodt"
check "signoff knows the configured schema's signatory (exit $rc: $err)" test "$rc" -eq 0
cp "$scratch/s.fodt" "$t/signed.fodt"
run_odfgate signoffs "$t/signed.fodt"
check "signoffs reads it against the configured schema: every signatory signed (exit $rc)" \
    bash -c '[ "$2" -eq 0 ] && grep -q "^author .*valid" <<<"$1"' _ "$out" "$rc"
run_odfgate check "$t/signed.fodt"
check "... and check agrees (exit $rc)" test "$rc" -eq 0
run_odfgate signoff --no-config "$t/paper.fodt" --as author --by "A Writer" -o "$scratch/s2.fodt"
check "signoff --no-config uses the built-in schema, which has no 'author' (exit $rc)" \
    bash -c '[ "$1" -ne 0 ] && grep -q "author" <<<"$2" && [ ! -e "$3" ]' _ "$rc" "$err" "$scratch/s2.fodt"

# ---- outline
run_odfgate outline "$t/paper.fodt"
check "outline matches the configured schema's sections" \
    bash -c 'grep -q "Purpose .*-> purpose" <<<"$1" && grep -q "Decision sought .*-> decision" <<<"$1"' _ "$out"

# ---- new: the configuration of the folder the draft goes to
run_odfgate new -o "$t/sub/fresh.odt"
check "new writes a draft from the configured schema ($out)" grep -q "new draft from schema board-paper" <<<"$out"
run_odfgate check --no-config -s "$t/board.xml" --format jsonl "$t/sub/fresh.odt"
check "... whose headings are the board paper's sections" bash -c '! grep -q section-missing <<<"$1"' _ "$out"

# ---- a broken configuration stops every command the same way
printf 'fail-on = sometimes\n' >"$t/sub/.odfgate.ini"
for cmd in "check" "outline" "signoffs" "annotate -o $scratch/x.fodt" "signoff --as author --by X -o $scratch/y.fodt"; do
    run_odfgate $cmd "$t/sub/tbc.fodt"
    check "$cmd: a bad .odfgate.ini is exit 2 naming file and line ($err)" \
        bash -c '[ "$1" -eq 2 ] && grep -qF "$2/sub/.odfgate.ini:1:" <<<"$3"' _ "$rc" "$t" "$err"
done

# ---- config explain prints whole lines, however long (a path over 1023 bytes was cut)
long="$scratch/$(printf 'a%.0s' $(seq 1 230))/$(printf 'b%.0s' $(seq 1 230))/$(printf 'c%.0s' $(seq 1 230))/$(printf 'd%.0s' $(seq 1 230))/$(printf 'e%.0s' $(seq 1 230))"
mkdir -p "$long"
run_odfgate config explain "$long/x.odt"
check "config explain shows a ${#long}-byte path whole" grep -qF "document: $long/x.odt" <<<"$out"
done_testing
