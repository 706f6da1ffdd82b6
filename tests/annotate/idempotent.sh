#!/usr/bin/env bash
# idempotent.sh — annotating an annotated draft replaces odfgate's comments with the same
# comments at the same places (#13): 8, 8, 6 comments used to be written by three runs, a
# comment moved to the previous heading, and with a person's waiver comment odfgate's comment
# was nested inside it and the waiver stopped working.  People's comments are never touched.
. "$(dirname "$0")/../lib.sh"
command -v python3 >/dev/null || skip_all "python3 not found"
plan_lazy() { :; }
cd "$scratch" || exit 1
cp "$top_srcdir/samples/drafts/placeholder.odt" a0.odt
# content.xml without the comments' dates (the time of each run)
body() { unzip -p "$1" content.xml | sed 's|<dc:date>[^<]*</dc:date>||g'; }
count() { unzip -p "$1" content.xml | grep -o '<dc:creator>odfgate</dc:creator>' | wc -l; }
for i in 1 2 3; do run_odfgate annotate a$((i - 1)).odt -o a$i.odt; done
check "three runs write the same number of comments ($(count a1.odt), $(count a2.odt), $(count a3.odt))" \
    [ "$(count a1.odt)" -gt 0 -a "$(count a1.odt)" = "$(count a2.odt)" -a "$(count a2.odt)" = "$(count a3.odt)" ]
check "... at the same places: content.xml the same after each run (dates aside)" \
    [ "$(body a1.odt | md5sum)" = "$(body a2.odt | md5sum)" -a "$(body a2.odt | md5sum)" = "$(body a3.odt | md5sum)" ]

# a person's waiver comment in the paragraph with the placeholder
python3 - <<'PY'
import zipfile
note = ('<office:annotation><dc:creator>Jane Reviewer</dc:creator><dc:date>2026-11-01T09:00:00</dc:date>'
        '<text:p>odfgate-waive placeholder: agreed with the DH lead</text:p></office:annotation>')
with zipfile.ZipFile("a0.odt") as z, zipfile.ZipFile("w0.odt", "w") as out:
    for i in z.infolist():
        d = z.read(i.filename)
        if i.filename == "content.xml":
            at = d.index(b"[insert")
            d = d[:at] + note.encode() + d[at:]
        out.writestr(i, d)
PY
summary() { run_odfgate check "$1"; printf '%s\n' "$out" | tail -n 1; }
before=$(summary w0.odt)
cp w0.odt w.odt
run_odfgate annotate w.odt --in-place
run_odfgate annotate w.odt --in-place
check "waiver still works after annotating twice in place ($before)" [ "$(summary w.odt)" = "$before" ]
nested=$(unzip -p w.odt content.xml | python3 -c 'import sys, xml.etree.ElementTree as ET
A = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}annotation"
print(sum(1 for a in ET.fromstring(sys.stdin.read()).iter(A) for b in a.iter(A) if b is not a))')
check "no comment nested in another" [ "$nested" = 0 ]
check "the person's comment is there once, as written" \
    [ "$(unzip -p w.odt content.xml | grep -o '<dc:creator>Jane Reviewer</dc:creator><dc:date>2026-11-01T09:00:00</dc:date><text:p>odfgate-waive placeholder: agreed with the DH lead</text:p>' | wc -l)" = 1 ]
done_testing
