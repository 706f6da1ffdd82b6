#!/usr/bin/env bash
# complexity.sh — work stays linear in what a document controls, compared with a control as a
# ratio, not a time (so it holds on slow machines and under sanitizers), of CPU time (user +
# system: what other processes on a busy machine do not change):
#  - #21.1: 65,536 style names built to collide in one bucket of the style table's former
#    unkeyed hash are read as fast as as many ordinary names (the old table: 9.3 s / 0.22 s);
#  - #21.3: a schema pattern with nested quantifiers, (a|aa)*c, over a paragraph of 100,000
#    letters costs what a plain pattern does (glibc's regexec: quadratic, 8.5 s at 80,000);
#  - findings are put in order in O(n log n): a document with four times the placeholders costs
#    about four times as much (the insertion sort took 8 s for 160,000 findings, 0.65 s for
#    40,000).
#  - scrub: a comment's end is matched to its dropped start, and the author of a kept comment
#    to its alias, by a keyed map, not by a list searched each time (a document with four
#    times the comments costs about four times as much);
#  - scrub --reject-changes: insertions across paragraphs and deletions of paragraphs are
#    undone in time linear in the changes (four times the changes, about four times the cost).
. "$(dirname "$0")/../lib.sh"
plan 13
export HOSTILE_DIR="$top_srcdir/tests/hostile"
gen="$top_srcdir/tests/hostile/make-collisions.py"
python3 "$gen" "$scratch/colliding.fodt" 65536 && python3 "$gen" "$scratch/control.fodt" 65536 --control ||
    { fail "make-collisions.py"; exit 1; }
# cpu ARGS...: run_odfgate ARGS; $elapsed is the CPU milliseconds it took
cpu() {
    local TIMEFORMAT='%3U %3S'
    { time run_odfgate "$@"; } 2>"$scratch/cpu"
    elapsed=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$scratch/cpu")
}
timed() { cpu check --no-config --format json "$1"; }

timed "$scratch/control.fodt"; control=$elapsed control_out=$out
check "the control document is checked (exit $rc)" test "$rc" -le 1
timed "$scratch/colliding.fodt"; colliding=$elapsed
check "the colliding document is checked, with the same findings (exit $rc)" \
    bash -c '[ "$1" -le 1 ] && [ "$(sed s/colliding/control/g <<<"$2" | grep -o "\"rule\":\"[a-z-]*\"" | sort)" = "$(grep -o "\"rule\":\"[a-z-]*\"" <<<"$3" | sort)" ]' \
    _ "$rc" "$out" "$control_out"
check "colliding names cost about what ordinary ones do: $colliding ms of CPU against $control ms (bound: 5× + 500 ms)" \
    test "$colliding" -le $((control * 5 + 500))

# ---- schema regular expressions (RE2: linear in the text whatever the pattern)
python3 - "$scratch/letters.fodt" <<'PY'
import sys
open(sys.argv[1], 'w').write(
    '<?xml version="1.0" encoding="UTF-8"?><office:document '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
    '<text:h text:outline-level="1">Alpha</text:h><text:p>' + 'a' * 100000 + '</text:p>'
    '</office:text></office:body></office:document>')
PY
schema() { printf '<schema xmlns="urn:odfgate:schema:1" id="rx"><sections><section id="alpha" heading="Alpha" level="1"/></sections><phrases><forbid phrase="%s" match="regex"/></phrases></schema>\n' "$1" >"$2"; }
schema 'zzz' "$scratch/plain.xml"
schema '(a|aa)*c' "$scratch/nested.xml"
cpu check --no-config -s "$scratch/plain.xml" "$scratch/letters.fodt"; plain=$elapsed plain_rc=$rc
cpu check --no-config -s "$scratch/nested.xml" "$scratch/letters.fodt"; nested=$elapsed
check "both schemas check the 100,000-letter paragraph (exit $plain_rc and $rc: no match)" test "$plain_rc" -eq 0 -a "$rc" -eq 0
check "(a|aa)*c costs about what a plain pattern does: $nested ms of CPU against $plain ms (bound: 5× + 500 ms)" \
    test "$nested" -le $((plain * 5 + 500))

# ---- ordering the findings: the document decides how many there are (one per placeholder)
placeholders() { python3 - "$1" "$2" <<'PY'
import sys
n = int(sys.argv[2])
body = "".join("<text:p>Paragraph %d TBC and [insert name] here.</text:p>" % i for i in range(n))
more = "".join("<text:p>More words %d lorem ipsum TODO.</text:p>" % i for i in range(n))
open(sys.argv[1], "w").write(
    '<?xml version="1.0" encoding="UTF-8"?><office:document '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
    '<text:h text:outline-level="1">Common vision</text:h>' + body +
    '<text:h text:outline-level="1">Support needed</text:h>' + more +
    '</office:text></office:body></office:document>')
PY
}
placeholders "$scratch/p1.fodt" 10000 && placeholders "$scratch/p4.fodt" 40000
cpu check --no-config --format json "$scratch/p1.fodt"; one=$elapsed
cpu check --no-config --format json "$scratch/p4.fodt"; four=$elapsed
found=$(grep -o '"rule":"placeholder"' "$scratch/.out" | wc -l) # (too large for an argument)
check "160,000 placeholder findings are reported (exit $rc, $found)" test "$rc" -eq 1 -a "$found" -eq 160000
check "four times the findings cost about four times as much: $four ms of CPU against $one ms (bound: 6× + 500 ms)" \
    test "$four" -le $((one * 6 + 500))

# ---- scrub: the document decides how many comments, names and authors there are
comments() { python3 - "$1" "$2" <<'PY'
import sys
sys.path.insert(0, __import__("os").environ["HOSTILE_DIR"])
import flatdoc
n = int(sys.argv[2])
body = "".join('<text:p>Text %d <office:annotation office:name="c%d"><dc:creator>Person %d</dc:creator>'
               '<text:p>Remark %d</text:p></office:annotation>here<office:annotation-end office:name="c%d"/>.</text:p>'
               % (i, i, i, i, i) for i in range(n))
flatdoc.write(sys.argv[1], '<text:h text:outline-level="1">Common vision</text:h>' + body)
PY
}
comments "$scratch/c1.fodt" 10000 && comments "$scratch/c4.fodt" 40000
cpu scrub --no-config --only comments --force "$scratch/c1.fodt" -o "$scratch/c1-out.fodt"; one=$elapsed
cpu scrub --no-config --only comments --force "$scratch/c4.fodt" -o "$scratch/c4-out.fodt"; four=$elapsed
check "scrub removes 40,000 comments with their ends (exit $rc)" \
    bash -c '[ "$1" = 0 ] && ! grep -q "annotation" "$2"' _ "$rc" "$scratch/c4-out.fodt"
check "four times the comments cost about four times as much to remove: $four ms of CPU against $one ms (bound: 6× + 500 ms)" \
    test "$four" -le $((one * 6 + 500))
cpu scrub --no-config --only personal-info --force "$scratch/c1.fodt" -o "$scratch/a1-out.fodt"; one=$elapsed
cpu scrub --no-config --only personal-info --force "$scratch/c4.fodt" -o "$scratch/a4-out.fodt"; four=$elapsed
check "scrub gives 40,000 authors their aliases (exit $rc)" \
    bash -c '[ "$1" = 0 ] && grep -q "Author 40000<" "$2" && ! grep -q "Person " "$2"' _ "$rc" "$scratch/a4-out.fodt"
check "four times the authors cost about four times as much to alias: $four ms of CPU against $one ms (bound: 6× + 500 ms)" \
    test "$four" -le $((one * 6 + 500))

# ---- scrub --reject-changes: the document decides how many changes, and how far they reach
changes() { python3 - "$1" "$2" <<'PY'
import sys
sys.path.insert(0, __import__("os").environ["HOSTILE_DIR"])
import flatdoc
n = int(sys.argv[2])
info = '<office:change-info><dc:creator>A</dc:creator><dc:date>2026-01-01T00:00:00</dc:date></office:change-info>'
regions = "".join('<text:changed-region text:id="i%d"><text:insertion>%s</text:insertion></text:changed-region>'
                  '<text:changed-region text:id="d%d"><text:deletion>%s<text:p>gone %d</text:p><text:p>back</text:p></text:deletion></text:changed-region>'
                  % (i, info, i, info, i) for i in range(n))
body = "".join('<text:p>Kept %d<text:change-start text:change-id="i%d"/></text:p><text:p>added<text:change-end text:change-id="i%d"/></text:p>'
               '<text:p>Then <text:change text:change-id="d%d"/>rest.</text:p>' % (i, i, i, i) for i in range(n))
flatdoc.write(sys.argv[1], '<text:tracked-changes>' + regions + '</text:tracked-changes>' + body)
PY
}
changes "$scratch/t1.fodt" 5000 && changes "$scratch/t4.fodt" 20000
cpu scrub --no-config --only changes --reject-changes "$scratch/t1.fodt" -o "$scratch/t1-out.fodt"; one=$elapsed
cpu scrub --no-config --only changes --reject-changes "$scratch/t4.fodt" -o "$scratch/t4-out.fodt"; four=$elapsed
check "scrub rejects 40,000 changes, insertions across paragraphs and deleted paragraphs (exit $rc)" \
    bash -c '[ "$1" = 0 ] && grep -q "Then gone 19999</text:p><text:p>backrest." "$2" && ! grep -q "change-id" "$2"' _ "$rc" "$scratch/t4-out.fodt"
check "four times the changes cost about four times as much to reject: $four ms of CPU against $one ms (bound: 6× + 500 ms)" \
    test "$four" -le $((one * 6 + 500))
