# shellcheck shell=bash
# tests/status/mkset.sh — sourced (after tests/lib.sh, which gives run_odfgate): `mkset DIR N`
# makes a deterministic folder of N drafts under the built-in schema (the six signatories of
# the common purpose framework) in varied sign-off states, plus one unreadable file, for the
# status tests (html.sh, ods.sh) and scripts/status-screenshot.sh.
#
# Document i (1..N, named draft-NNN.odt, titled "Draft NNN (kind): ...") is of kind i mod 6;
# k = (i / 6) mod 5 rotates who signs or rejects between documents of the same kind:
#   1 ready      all six approved                              passes, quorum met
#   2 partial    the first k+1 approved, the others missing    passes, quorum not met
#   3 stale      all six approved, then a sentence of "Potential barriers" changed: all stale
#   4 rejected   five approved, signatory k rejected
#   5 mixed      three approved, "Why integration is necessary" changed, then two more
#                approved and one rejected: stale x3, approved x2, rejected x1
#   0 new        an `odfgate new` draft (placeholders: fails), approved by signatory k anyway;
#                when i mod 12 = 6, a comment in "Common vision" waives its placeholder
# and unreadable.odt (not a zip).  Same names, titles, signers, dates and states on every run
# (not the same bytes: odfgate stamps the zip entries it writes with the time of writing).
#
# Speed: kinds 1-5 are signed once per variant in DIR.cache (kinds 2 and 4 once per k, the
# others once: at most 13 variants, whatever N) and copied, then retitled (the title is not
# part of what a sign-off binds: tests/signoff/cli.sh).  Kind 0 is made per document with
# `odfgate new --title`.  Python is started a handful of times, not once per document.
mkset_ids=(dh nhscb cqc monitor lga ntda)
mkset_date=2026-11-20T10:00:00+00:00

# mkset_sign FILE ID [signoff options...]: stamp in place; complain (on stderr) if it fails
mkset_sign() {
    local f=$1 id=$2; shift 2
    run_odfgate signoff "$f" --as "$id" --by "Signer of $id" --role "Lead, $id" --date "$mkset_date" --in-place "$@"
    [ "$rc" = 0 ] || echo "mkset: signoff $f --as $id: exit $rc: $err" >&2
}

# mkset_edit FILE OLD NEW [PART]: replace text in a part of the package, as another tool would
mkset_edit() {
    local f=$1
    "${PYTHON3:-python3}" "$top_srcdir/tests/signoff/zipedit.py" "$f" "$f.tmp" "${4:-content.xml}" "$2" "$3" && mv "$f.tmp" "$f"
}

# mkset_retitle FILE TITLE [FILE TITLE...]: set the title placeholder MKSET-TITLE of each file
# (one python for all of them: starting one per document would cost more than the rest)
mkset_retitle() {
    "${PYTHON3:-python3}" - "$@" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
args = sys.argv[1:]
for f, title in zip(args[0::2], args[1::2]):
    with zipfile.ZipFile(f) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(f, "w") as out:
        for info, data in parts:
            if info.filename == "meta.xml":
                assert b"MKSET-TITLE" in data, f
                data = data.replace(b"MKSET-TITLE", escape(title).encode())
            out.writestr(info, data)
PY
}

# mkset_variant CACHE KIND K: print the path of the signed variant (kinds 1-5), made on first use
mkset_variant() {
    local v="$1/v$2-$3.odt" j
    if [ ! -e "$v" ]; then
        if [ ! -e "$1/base.odt" ]; then   # the passing sample, its title a placeholder
            cp "$top_srcdir/samples/drafts/passing.odt" "$1/base.odt"
            mkset_edit "$1/base.odt" "<dc:title>Integrated care: a common purpose framework</dc:title>" \
                "<dc:title>MKSET-TITLE</dc:title>" meta.xml
        fi
        cp "$1/base.odt" "$v"
        case $2 in
            1)  for j in 0 1 2 3 4 5; do mkset_sign "$v" "${mkset_ids[j]}"; done ;;
            2)  for ((j = 0; j <= $3; j++)); do mkset_sign "$v" "${mkset_ids[j]}"; done ;;
            3)  for j in 0 1 2 3 4 5; do mkset_sign "$v" "${mkset_ids[j]}"; done
                mkset_edit "$v" "Payment systems still" "Payment systems often" ;;
            4)  for j in 0 1 2 3 4 5; do
                    if [ "$j" = "$3" ]; then mkset_sign "$v" "${mkset_ids[j]}" --decision rejected
                    else mkset_sign "$v" "${mkset_ids[j]}"; fi
                done ;;
            5)  for j in 0 1 2; do mkset_sign "$v" "${mkset_ids[j]}"; done
                mkset_edit "$v" "Demand for care is rising" "Demand for care keeps rising"
                mkset_sign "$v" "${mkset_ids[3]}"; mkset_sign "$v" "${mkset_ids[4]}"
                mkset_sign "$v" "${mkset_ids[5]}" --decision rejected ;;
        esac
    fi
    printf '%s\n' "$v"
}

mkset() {
    local dir=$1 n=$2 cache="$1.cache" i kind k f titles=()
    local names=(new ready partial stale rejected mixed)
    mkdir -p "$dir" "$cache" || return 1
    for ((i = 1; i <= n; i++)); do
        f=$(printf '%s/draft-%03d.odt' "$dir" "$i")
        kind=$((i % 6)) k=$(( (i / 6) % 5 ))
        if [ "$kind" = 0 ]; then
            run_odfgate new --title "$(printf 'Draft %03d (new): integrated care' "$i")" -o "$f"
            [ "$rc" = 0 ] || echo "mkset: new $f: exit $rc: $err" >&2
            [ $((i % 12)) = 6 ] && mkset_edit "$f" '>[insert: Describe' \
                '><office:annotation><dc:creator>A Reviewer</dc:creator><dc:date>2026-11-01T10:00:00</dc:date><text:p>odfgate-waive placeholder: vision agreed at the 3 November meeting</text:p></office:annotation>[insert: Describe'
            mkset_sign "$f" "${mkset_ids[k]}"
        else
            case $kind in 2|4) ;; *) k=0 ;; esac   # only kinds 2 and 4 depend on k
            cp "$(mkset_variant "$cache" $kind $k)" "$f"
            titles+=("$f" "$(printf 'Draft %03d (%s): integrated care' "$i" "${names[kind]}")")
        fi
    done
    [ ${#titles[@]} = 0 ] || mkset_retitle "${titles[@]}"
    rm -rf "$cache"
    printf 'not a zip, not XML\n' >"$dir/unreadable.odt"
}
