#!/usr/bin/env bash
# memory.sh — inputs are streamed or capped, never read whole into memory (#21.5): a meta.xml
# bloated with a million custom properties or with 50 MB text values, checked and signed off,
# and a baseline with a 100 MB line (read whole before: memory grew with it) each end in a
# clear refusal, within the 200 MB a document may use (the baseline: within 16 MiB of what a
# small one takes, so the bound holds under sanitizers too).  (/dev/zero on standard input and FIFOs in a walk:
# tests/hostile/special.sh.)
. "$(dirname "$0")/../lib.sh"
plan 8
cd "$scratch" || exit 1
python3 - <<'PY'
import zipfile
MIME = "application/vnd.oasis.opendocument.text"
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"')
content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content %s office:version="1.2"><office:body>'
           '<office:text><text:h text:outline-level="1">Common vision</text:h><text:p>Words.</text:p>'
           '</office:text></office:body></office:document-content>' % NS)
def pkg(name, body):
    with zipfile.ZipFile(name, 'w') as z:
        z.writestr(zipfile.ZipInfo('mimetype'), MIME)
        z.writestr('content.xml', content, zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo('meta.xml')
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, 'w', force_zip64=True) as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8"?><office:document-meta ' + NS.encode() +
                    b' office:version="1.2"><office:meta>')
            body(f)
            f.write(b'</office:meta></office:document-meta>')
def props(f):
    for i in range(1000000):
        f.write(b'<meta:user-defined meta:name="property %07d">value %07d %07d</meta:user-defined>' % (i, i * 7919 % 10000019, i))
def values(f):
    import random
    r = random.Random(1)
    alphabet = b'abcdefghijklmnopqrstuvwxyz0123456789 '
    chunk = bytes(r.choice(alphabet) for _ in range(1 << 20))
    for k in range(5):
        f.write(b'<dc:description>' + chunk * 10 + b'</dc:description>')
pkg('props.odt', props)
pkg('values.odt', values)
PY
rss() { /usr/bin/time -f '%M' -o "$scratch/rss" "$odfgate_bin" "$@" >"$scratch/out" 2>"$scratch/err"; rc=$?; kib=$(tail -1 "$scratch/rss"); out=$(cat "$scratch/out") err=$(cat "$scratch/err"); }
for d in props values; do
    rss check --no-config "$d.odt"
    check "check $d.odt: refused with a limit, exit 3, in $kib KiB (< 200 MB)" \
        bash -c '[ "$1" -eq 3 ] && grep -q "(limit-exceeded)" <<<"$2" && [ "$3" -lt 195312 ]' _ "$rc" "$out" "$kib"
    rss signoff --no-config "$d.odt" --as dh --by "A Signer" -o "s-$d.odt"
    check "signoff $d.odt: refused with a limit, exit 3, nothing written, in $kib KiB (< 200 MB)" \
        bash -c '[ "$1" -eq 3 ] && grep -q "(limit-exceeded)" <<<"$2" && [ ! -e "$4" ] && [ "$3" -lt 195312 ]' _ "$rc" "$err" "$kib" "s-$d.odt"
done
{ echo '# odfgate baseline 1'; head -c 100000000 /dev/zero | tr '\0' a; } >line.baseline
rss check --no-config --baseline line.baseline "$top_srcdir/samples/drafts/passing.odt"
check "a baseline with a 100 MB line: exit 2 naming file and line ($err)" \
    bash -c '[ "$1" -eq 2 ] && grep -q "line.baseline:2: not an odfgate baseline: longer than 65536 bytes" <<<"$2"' _ "$rc" "$err"
line_kib=$kib
{ echo '# odfgate baseline 1'; printf '0123456789abcdef placeholder x.odt\n%.0s' $(seq 1 20000); } >many.baseline
rss check --no-config --baseline many.baseline "$top_srcdir/samples/drafts/passing.odt"
check "a baseline of 20,000 ordinary lines still loads (exit $rc, $kib KiB)" test "$rc" -eq 0
check "the 100 MB line took $line_kib KiB, within 16 MiB of that (it was read whole: 108 MB)" \
    test "$line_kib" -lt $((kib + 16384))
check "... and one with a NUL byte names its line" \
    bash -c 'printf "# odfgate baseline 1\n0123456789abcdef rule a\0b\n" >nul.baseline; "$1" check --no-config --baseline nul.baseline "$2" 2>&1 | grep -q "nul.baseline:2: .*NUL byte"' _ "$odfgate_bin" "$top_srcdir/samples/drafts/passing.odt"
