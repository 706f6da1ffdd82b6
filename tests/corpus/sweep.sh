#!/usr/bin/env bash
# sweep.sh — every document of the shared corpus through `outline`, `check` (also with the a11y
# family on: tests/a11y/schema.xml) and `diff` (with
# itself: no change, exit 0, or 3 when unreadable; every 10th with the one before it: 0, 1 or
# 3 — unrelated documents, every section added and removed), and `scrub --force
# --accept-changes` (0, or 3 when unreadable; what it writes is read again and no hygiene rule
# but stale-index, which scrub cannot fix, fires on it; documents with tracked changes are also
# scrubbed --reject-changes: 0, or 1 naming a change odfgate cannot reject exactly):
# exit 0, 1 or 3 only; never a crash, hang (60 s per run), sanitizer or valgrind report;
# encrypted files say "encrypted", files that are not zips say "not-odf-package"
# (corpus/FEATURES.tsv says which).  One TAP line per document.
. "$(dirname "$0")/../lib.sh"
corpus=$ODFGATE_CORPUS
[ -f "$corpus/FEATURES.tsv" ] || skip_all "no corpus at $corpus"
features="$corpus/FEATURES.tsv"
total=$(awk -F'\t' 'NR>1' "$features" | wc -l)
plan "$total"
tally="$scratch/tally"
: >"$tally"
# (awk, not read: empty columns would collapse under IFS=tab)
while IFS='|' read -r file container encrypted changes; do
    path="$corpus/$file"
    why=""
    # a file the table lists must be there (a tarball once lost 32 of them silently: tar-v7
    # cannot store paths over 99 characters, and odfgate's "unreadable" passed as an outcome)
    if [ ! -f "$path" ]; then fail "$file: missing from $corpus"; continue; fi
    run_odfgate outline "$path"
    orc=$rc
    [ "$orc" = 0 ] || [ "$orc" = 3 ] || why="outline exit $orc"
    case "$err" in *AddressSanitizer*|*runtime\ error*|*LeakSanitizer*) why="sanitizer report in outline";; esac
    run_odfgate check --format json "$path"
    case "$rc" in 0|1|3) ;; *) why="${why:+$why; }check exit $rc";; esac
    case "$err" in *AddressSanitizer*|*runtime\ error*|*LeakSanitizer*) why="sanitizer report in check";; esac
    code=$(printf '%s' "$out" | python3 -c 'import json,sys
try:
    d=json.load(sys.stdin)["documents"][0]
    print(d.get("error",{}).get("code","") if d["status"]=="error" else d["status"])
except Exception as e:
    print("bad-json")')
    [ "$code" = bad-json ] && why="${why:+$why; }check --format json is not valid JSON"
    run_odfgate check --no-config --schema "$top_srcdir/tests/a11y/schema.xml" "$path"
    case "$rc" in 0|1|3) ;; *) why="${why:+$why; }check with the a11y family exit $rc";; esac
    case "$err" in *AddressSanitizer*|*runtime\ error*|*LeakSanitizer*) why="sanitizer report in the a11y check";; esac
    if [ "$encrypted" = 1 ] && [ "$code" != encrypted ]; then why="${why:+$why; }encrypted file reported as $code"; fi
    if [ "$container" = notzip ] && [ "$code" != not-odf-package ]; then why="${why:+$why; }non-zip reported as $code"; fi
    run_odfgate diff --no-config "$path" "$path"
    case "$rc:$code" in 0:pass|0:fail|3:*) ;; *) why="${why:+$why; }diff with itself: exit $rc";; esac
    case "$err" in *AddressSanitizer*|*runtime\ error*|*LeakSanitizer*) why="sanitizer report in diff";; esac
    n_doc=$((${n_doc:-0} + 1))
    if [ -n "${previous:-}" ] && [ $((n_doc % 10)) = 0 ]; then
        run_odfgate diff --no-config --format json "$previous" "$path"
        case "$rc" in 0|1|3) ;; *) why="${why:+$why; }diff with the previous document: exit $rc";; esac
        case "$err" in *AddressSanitizer*|*runtime\ error*|*LeakSanitizer*) why="sanitizer report in diff";; esac
    fi
    previous=$path
    ext=${file##*.}
    rm -f "$scratch/scrubbed.$ext"
    if [ "${changes:-0}" -gt 0 ]; then
        rm -f "$scratch/rejected.$ext"
        run_odfgate scrub --no-config --force --only changes --reject-changes "$path" -o "$scratch/rejected.$ext"
        case "$rc:$err" in 0:*|1:*"cannot be rejected exactly"*|3:*) ;; *) why="scrub --reject-changes exit $rc ($err)";; esac
        case "$err" in *AddressSanitizer*|*runtime\ error*|*LeakSanitizer*) why="sanitizer report in scrub --reject-changes";; esac
    fi
    run_odfgate scrub --no-config --force --accept-changes "$path" -o "$scratch/scrubbed.$ext"
    case "$rc:$code" in 0:pass|0:fail|3:*) ;; *) why="${why:+$why; }scrub exit $rc ($err)";; esac
    case "$err" in *AddressSanitizer*|*runtime\ error*|*LeakSanitizer*) why="sanitizer report in scrub";; esac
    if [ "$rc" = 0 ]; then
        run_odfgate check --no-config --format json "$scratch/scrubbed.$ext"
        left=$(printf '%s' "$out" | python3 -c 'import json,sys
try:
    d=json.load(sys.stdin)["documents"][0]
    print(" ".join(sorted(set(f["rule"] for f in d.get("findings",[]) if f["rule"] in
      ("hidden-comments","hidden-changes","hidden-text","personal-info","macros","embedded-objects","linked-resources")))) if d["status"]!="error" else "unreadable: "+d["error"]["message"])
except Exception as e:
    print("bad-json")')
        [ -z "$left" ] || why="${why:+$why; }after scrub: $left"
    fi
    echo "$code" >>"$tally"
    if [ -z "$why" ]; then ok "$file ($code)"; else fail "$file: $why"; fi
done < <(awk -F'\t' 'NR > 1 {print $1 "|" $4 "|" $9 "|" $21}' "$features")
diag "outcomes:" "$(sort "$tally" | uniq -c | sort -rn)"
