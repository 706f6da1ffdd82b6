#!/usr/bin/env bash
# build.sh — rebuild the sample drafts (*.odt) from their HTML sources (src/*.html) with
# headless LibreOffice, so that every sample is a real LibreOffice document.  Needs soffice
# (Debian: libreoffice-writer-nogui).  soffice exits 0 even when a conversion failed, so each
# output is checked.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
profile=$(mktemp -d /tmp/odfgate-lo.XXXXXX)
out=$(mktemp -d /tmp/odfgate-drafts.XXXXXX)
trap 'rm -rf "$profile" "$out"' EXIT
timeout 300 soffice -env:UserInstallation="file://$profile" --headless --norestore --nologo \
    --infilter="HTML (StarWriter)" --convert-to odt:writer8 --outdir "$out" "$here"/src/*.html >/dev/null 2>&1
for src in "$here"/src/*.html; do
    name=$(basename "$src" .html)
    if ! unzip -l "$out/$name.odt" 2>/dev/null | grep -q ' content.xml$'; then
        echo "build.sh: LibreOffice did not produce $name.odt" >&2
        exit 1
    fi
    mv "$out/$name.odt" "$here/$name.odt"
done
echo "built: $(cd "$here" && ls *.odt | tr '\n' ' ')"
