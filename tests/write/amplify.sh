#!/usr/bin/env bash
# amplify.sh — a write never amplifies a small input into a huge output (#21.4).  Flattening
# embeds a picture at each reference: a 1 MiB picture referenced 300 times made a 400 MB flat
# file from a 1 MB package, using gigabytes.  The pictures one flattening may embed are capped at
# 4 times the package plus 16 MiB (limit-exceeded, exit 3, nothing written, memory flat); a
# picture referenced a few times still flattens.  Overlapping zip entries, the other amplifier,
# are refused when reading (tests/hostile: overlapping-entries.odt).
. "$(dirname "$0")/../lib.sh"
plan 4
cd "$scratch" || exit 1
mkpkg() { # OUT REFERENCES: a package with one incompressible 1 MiB picture, referenced N times
    python3 - "$1" "$2" <<'PY'
import os, sys, zipfile
out, refs = sys.argv[1], int(sys.argv[2])
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink"')
frame = '<draw:frame><draw:image xlink:href="Pictures/p.png" xlink:type="simple"/></draw:frame>'
content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content %s office:version="1.2">'
           '<office:body><office:text><text:h text:outline-level="1">Alpha</text:h><text:p>%s</text:p>'
           '</office:text></office:body></office:document-content>' % (NS, frame * refs))
with zipfile.ZipFile(out, 'w') as z:
    z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.text')
    z.writestr('META-INF/manifest.xml', '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
               'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
               '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
               '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
               '<manifest:file-entry manifest:full-path="Pictures/p.png" manifest:media-type="image/png"/>'
               '</manifest:manifest>', zipfile.ZIP_DEFLATED)
    z.writestr('content.xml', content, zipfile.ZIP_DEFLATED)
    z.writestr('Pictures/p.png', os.urandom(1 << 20))
PY
}
mkpkg many.odt 300
mkpkg few.odt 3
rss() { /usr/bin/time -f '%M' -o "$scratch/rss" "$@"; }
rss "$odfgate_bin" flatten -o many.fodt many.odt >"$scratch/out" 2>"$scratch/err"; rc=$?
err=$(cat "$scratch/err")
check "300 references to a 1 MiB picture: refused, exit 3, limit-exceeded ($err)" \
    bash -c '[ "$1" -eq 3 ] && grep -q "many.odt: .*pictures are referenced too many times (limit-exceeded)" <<<"$2"' _ "$rc" "$err"
check "... nothing written" test ! -e many.fodt
kib=$(tail -1 "$scratch/rss")
check "... in bounded memory: $kib KiB (bound 200 MiB; it took 1.2 GB)" test "$kib" -lt 204800
run_odfgate flatten -o few.fodt few.odt
check "3 references: flattened, the picture embedded 3 times (exit $rc)" \
    bash -c '[ "$1" -eq 0 ] && [ "$(grep -o "<office:binary-data>" few.fodt | wc -l)" -eq 3 ]' _ "$rc"
