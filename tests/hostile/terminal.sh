#!/usr/bin/env bash
# terminal.sh — text from documents and file names never reaches a terminal or a CI log raw:
# C1 controls (U+009B is a one-byte CSI), bidirectional controls (U+202E RLO …), an ESC in a
# file name and bytes that are not UTF-8 are shown escaped (<U+XXXX>, <0xNN>) in text and
# GitHub output, outline, signoffs and messages (SECURITY.md, Terminal output).
. "$(dirname "$0")/../lib.sh"
command -v python3 >/dev/null || skip_all "python3 not found"
plan_lazy() { :; }

python3 - "$scratch" <<'PY'
import sys
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"')
def doc(title, heading, body, meta=""):
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} '
            'office:mimetype="application/vnd.oasis.opendocument.text" office:version="1.2">'
            f'<office:meta><dc:title>{title}</dc:title>{meta}</office:meta><office:body><office:text>'
            f'<text:h text:outline-level="1">{heading}</text:h><text:p>{body}</text:p>'
            '</office:text></office:body></office:document>')
d = sys.argv[1]
open(f"{d}/ctl.fodt", "w", encoding="utf-8").write(
    doc("Title \u009b31m red \u2066x\u2069", "Strange \u009b2J heading \u202eevil\u202c",
        "Body [insert text here] \u202e backwards"))
open(f"{d}/name\x1b[2J".encode() + b"\x9b.fodt", "wb").write(open(f"{d}/ctl.fodt", "rb").read())
PY

# raw: any C1 control (UTF-8 C2 80..C2 9F), bidi control, ESC or stray byte in the output
raw() { LC_ALL=C grep -c -P '\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\x1b|(?<![\x80-\xff])[\x80-\xbf]' "$1" || true; }

cd "$scratch" || exit 1
run_odfgate check .
printf '%s\n' "$out" >"$scratch/text.out"
check "check text: no raw control, bidi or stray byte reaches the terminal" [ "$(raw "$scratch/text.out")" -eq 0 ]
case $out in *'heading "Strange <U+009B>2J heading <U+202E>evil<U+202C>" matches no section'*) ok "... the heading's CSI and RLO shown as <U+009B>, <U+202E>";;
    *) fail "text: escapes in the heading"; diag "$out";; esac
case $out in *'./name<U+001B>[2J<0x9B>.fodt: '*) ok "... a file name's ESC and stray byte shown as <U+001B>, <0x9B>";;
    *) fail "text: escapes in the file name"; diag "$out";; esac
run_odfgate check --format github .
printf '%s\n' "$out" >"$scratch/github.out"
check "check github: nothing raw" [ "$(raw "$scratch/github.out")" -eq 0 ]
case $out in *'::notice file=./name<U+001B>[2J<0x9B>.fodt,line=1,title=section-unexpected::heading "Strange <U+009B>2J heading <U+202E>evil<U+202C>"'*)
    ok "... annotations escape the file name and the heading";;
    *) fail "github: escapes"; diag "$out";; esac
run_odfgate outline ctl.fodt
printf '%s\n' "$out" >"$scratch/outline.out"
check "outline: nothing raw, title shown as 'Title <U+009B>31m red <U+2066>x<U+2069>'" \
    [ "$(raw "$scratch/outline.out")" -eq 0 -a "$(head -n 1 "$scratch/outline.out")" = "title: Title <U+009B>31m red <U+2066>x<U+2069>" ]
run_odfgate signoff ctl.fodt --as dh --by "$(printf 'Eve \xc2\x9b2J\xe2\x80\xaeevil')" -o signed.fodt
printf '%s\n' "$out" >"$scratch/signoff.out"
check "signoff: its message escapes the signer's name" \
    [ "$rc" -eq 0 -a "$(raw "$scratch/signoff.out")" -eq 0 -a "$out" = "signed.fodt: signed off by Eve <U+009B>2J<U+202E>evil for dh (approved)" ]
run_odfgate signoffs signed.fodt
printf '%s\n' "$out" >"$scratch/signoffs.out"
check "signoffs: the signer's name from the document is escaped" \
    [ "$(raw "$scratch/signoffs.out")" -eq 0 ]
case $out in *'Eve <U+009B>2J<U+202E>ev'*) ok "... shown as 'Eve <U+009B>2J<U+202E>ev…' (cut to the column)";;
    *) fail "signoffs: escapes"; diag "$out";; esac
run_odfgate check --format json ctl.fodt
case $out in *'Strange \u009b2J heading \u202eevil\u202c'*|*"Strange $(printf '\xc2\x9b')2J"*) ok "JSON keeps the text (escaped the JSON way), not <U+…>";;
    *) fail "json: text kept"; diag "$out";; esac
done_testing
