#!/usr/bin/env bash
# run.sh — odfgate flatten (odfgate_flatten): a package as one flat ODF document.  For the
# sample drafts and a sample of the corpus: the flat document checks exactly as the package
# did, and, where every part of the package validates against the OASIS schema, the flat
# document validates too (jing -i, foreign content stripped first, as tests/annotate does);
# pictures are embedded as office:binary-data with the same bytes; a flat input comes back
# as it was; an unreadable input is one line and exit 3.
. "$(dirname "$0")/../lib.sh"
schemas="$ODFGATE_ODF_SCHEMAS"
strip="$top_srcdir/tests/annotate/strip_foreign.py"
corpus="$ODFGATE_CORPUS"
cd "$scratch" || exit 1
have_jing=0
command -v java >/dev/null 2>&1 && [ -f /usr/share/java/jing.jar ] && [ -d "$schemas" ] && have_jing=1

# findings, less package-nonconformant (about the zip container, which a flat file has not)
findings() { run_odfgate check --format json "$1"; printf '%s' "$out" | python3 -c 'import json,sys
print(json.dumps([(f["rule"], f["severity"], f["message"], f["section"]) for f in json.load(sys.stdin)["documents"][0]["findings"] if f["rule"] != "package-nonconformant"]))'; }
# jing_valid FILE (an XML stream: a part or a flat document): 0 valid, 1 invalid, 2 no schema
jing_valid() {
    local v rng
    v=$(grep -o 'office:version="[0-9.]*"' "$1" | head -n 1 | grep -o '1\.[0-9]')
    rng="$schemas/OpenDocument-v$v-schema.rng"
    [ "$v" = 1.2 ] && rng="$schemas/OpenDocument-v1.2-os-schema.rng"
    [ -f "$rng" ] || return 2
    python3 "$strip" "$1" s.xml || return 1
    java -Xss32m -cp /usr/share/java/jing.jar com.thaiopensource.relaxng.util.Driver -i "$rng" s.xml >jing.out 2>&1 || return 1
}
parts_valid() { # every XML part of the package validates (one jing run for all of them)
    local p v rng files=()
    unzip -p "$1" content.xml >part-content.xml || return 1
    v=$(grep -o 'office:version="[0-9.]*"' part-content.xml | head -n 1 | grep -o '1\.[0-9]')
    rng="$schemas/OpenDocument-v$v-schema.rng"
    [ "$v" = 1.2 ] && rng="$schemas/OpenDocument-v1.2-os-schema.rng"
    [ -f "$rng" ] || return 2
    for p in content styles meta settings; do
        unzip -p "$1" "$p.xml" >"part-$p.xml" 2>/dev/null && [ -s "part-$p.xml" ] || continue
        python3 "$strip" "part-$p.xml" "stripped-$p.xml" || return 1
        files+=("stripped-$p.xml")
    done
    java -Xss32m -cp /usr/share/java/jing.jar com.thaiopensource.relaxng.util.Driver -i "$rng" "${files[@]}" >jing.out 2>&1
}

flat_case() { # NAME FILE
    local name=$1 f=$2
    run_odfgate flatten -o "$name.fodt" "$f"
    if [ "$rc" != 0 ] || [ "$(python3 -c 'import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot(); O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
print(r.tag == O + "document", r.get(O + "mimetype"))' "$name.fodt" 2>&1)" != "True application/vnd.oasis.opendocument.text" ]; then
        fail "$name: flatten: exit $rc"; diag "$err"; return
    fi
    if [ "$(findings "$name.fodt")" = "$(findings "$f")" ]; then ok "$name: the flat document has the same findings"
    else fail "$name: findings differ"; diag "$(findings "$name.fodt")" "$(findings "$f")"; fi
    if [ $have_jing = 0 ]; then skip "$name: no jing or no OASIS schemas"; return; fi
    # a package that does not validate as it is cannot say anything about its flat copy
    if ! parts_valid "$f"; then diag "$name: the package itself does not validate (not compared)"; return; fi
    if jing_valid "$name.fodt"; then ok "$name: the flat document validates (jing -i, OASIS schema)"
    else fail "$name: the flat document does not validate"; diag "$(head -5 jing.out)"; fi
}

for d in passing placeholder no-title; do
    flat_case "$d" "$top_srcdir/samples/drafts/$d.odt"
done
if [ -f "$corpus/FEATURES.tsv" ]; then
    n=0 tried=0
    while read -r file; do
        tried=$((tried + 1)); [ $((tried % 11)) = 0 ] || continue
        cp "$corpus/$file" in.odt
        run_odfgate check in.odt
        [ "$rc" = 3 ] && continue
        n=$((n + 1))
        flat_case "corpus:$(basename "$file")" in.odt
        [ "$n" -ge 6 ] && break
    done < <(awk -F'\t' 'NR > 1 && $4 == "zip" && $9 == "0" && $6 == "application/vnd.oasis.opendocument.text" {print $1}' "$corpus/FEATURES.tsv")
fi

# pictures: a draft with an image in Pictures/ → office:binary-data with the same bytes
python3 - "$top_srcdir/samples/drafts/passing.odt" picture.odt <<'PY'
import sys, zipfile, struct, zlib
src, dst = sys.argv[1:3]
def png():
    raw = b"\x00\xff\x00\x00"
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
frame = ('<draw:frame draw:name="Image1" text:anchor-type="as-char" svg:width="1cm" svg:height="1cm">'
         '<draw:image xlink:href="Pictures/dot.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>')
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
    for i in z.infolist():
        d = z.read(i.filename)
        if i.filename == "content.xml":
            d = d.replace(b"</text:h>", frame.encode() + b"</text:h>", 1)
        if i.filename == "META-INF/manifest.xml":
            d = d.replace(b"</manifest:manifest>", b'<manifest:file-entry manifest:full-path="Pictures/dot.png" manifest:media-type="image/png"/></manifest:manifest>')
        out.writestr(i, d)
    out.writestr("Pictures/dot.png", png())
PY
run_odfgate flatten -o picture.fodt picture.odt
same=$(python3 - picture.fodt picture.odt <<'PY'
import base64, sys, zipfile, xml.etree.ElementTree as ET
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"; D = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
X = "http://www.w3.org/1999/xlink"
root = ET.parse(sys.argv[1]).getroot()
imgs = list(root.iter("{%s}image" % D))
data = [base64.b64decode(i.find("{%s}binary-data" % O).text) for i in imgs if i.find("{%s}binary-data" % O) is not None]
print(len(imgs), len(data), data == [zipfile.ZipFile(sys.argv[2]).read("Pictures/dot.png")], any(i.get("{%s}href" % X) for i in imgs))
PY
)
if [ "$same" = "1 1 True False" ]; then ok "a picture is embedded as office:binary-data with the same bytes, its link removed"
else fail "picture: $same"; fi
if [ $have_jing = 1 ]; then
    if jing_valid picture.fodt; then ok "the flat document with a picture validates"; else fail "picture: invalid"; diag "$(head -5 jing.out)"; fi
else skip "no jing"; fi

# a flat input comes back as it was; an unreadable input: one line, exit 3, nothing written
run_odfgate flatten -o again.fodt placeholder.fodt
if [ "$rc" = 0 ] && cmp -s again.fodt placeholder.fodt; then ok "a flat input is returned unchanged"; else fail "flat input"; fi
printf 'PK\003\004broken' >broken.odt
run_odfgate flatten -o broken.fodt broken.odt
if [ "$rc" = 3 ] && [ ! -e broken.fodt ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ] && printf '%s' "$err" | grep -q 'broken.odt'; then
    ok "an unreadable input: exit 3, one line naming the file, nothing written"
else fail "broken input: exit $rc"; diag "$err"; fi
run_odfgate flatten broken.odt
if [ "$rc" = 2 ]; then ok "no -o: usage error"; else fail "usage: exit $rc"; fi
done_testing
