#!/usr/bin/env bash
# install.sh — installing the extension (#13.13, #13.14): `make install DESTDIR=…` stays under the
# prefix (odfgate.oxt in pkgdatadir, the unpacked extension in the configured folder, no libtool
# leftovers), that tree is a complete extension, `make uninstall` leaves nothing behind;
# `unopkg add`/`remove` of odfgate.oxt registers and unregisters the filters; a system-bundled
# odfgate cannot reach the tests; the package has a publisher, a licence and an icon.
. "$(dirname "$0")/../lib.sh"
[ -f "$top_builddir/odfgate.oxt" ] || skip_all "the LibreOffice extension was not built (configure: SDK not found or disabled)"
plan 10
cd "$scratch" || exit 1
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$top_builddir" "$@" >"$scratch/make.log" 2>&1; }
make_var() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory -C "$top_builddir" \
    -f Makefile -f <(printf 'print-var:\n\t@echo $(%s)\n' "$1") print-var; }
extdir=$(make_var odfgateextdir)
prefix=$(make_var prefix)
oxt_installed=$(make_var pkgdatadir)/odfgate.oxt
dest="$scratch/dest"

# 1-2. make install DESTDIR: under the prefix (#13.13) the extension's layout and odfgate.oxt
mk install DESTDIR="$dest"
got=$(cd "$dest$extdir" 2>/dev/null && find . -type f | sort | tr '\n' ' ')
want="./Accelerators.xcu ./Addons.xcu ./Factories.xcu ./Filter.xcu ./Jobs.xcu ./LICENSE ./META-INF/manifest.xml ./OptionsDialog.xcu ./ProtocolHandler.xcu ./Settings.xcs ./Sidebar.xcu ./Types.xcu ./description-en.txt ./description.xml ./dialogs/OptionsPage.xdl ./images/check-16.png ./images/check-26.png ./images/deck.png ./images/icon-hc.png ./images/icon.png ./odfgate.components ./odfgate_lo.so "
outside=$(cd "$dest" && find . -type f | sed 's|^\.||' | grep -v "^$prefix/")
if [ "$got" = "$want" ] && [ -z "$outside" ] && cmp -s "$dest$oxt_installed" "$top_builddir/odfgate.oxt"; then
    ok "make install DESTDIR: odfgate.oxt in $oxt_installed, the unpacked extension in $extdir, nothing outside $prefix"
else fail "install layout"; diag "got:  $got" "want: $want" "outside the prefix: $outside" "$(cat make.log)"; fi
if nm -D --defined-only "$dest$extdir/odfgate_lo.so" | awk '{print $3}' | sort | tr '\n' ' ' | grep -qx 'component_getFactory component_getImplementationEnvironment ' &&
   ! ldd "$dest$extdir/odfgate_lo.so" | grep -q libodfgate; then
    ok "the component exports only its UNO entry points and carries libodfgate inside"
else fail "component symbols or libodfgate dependency"; diag "$(nm -D --defined-only "$dest$extdir/odfgate_lo.so" | head)"; fi

# 3. make uninstall leaves nothing
mk uninstall DESTDIR="$dest"
left=$(find "$dest" -type f 2>/dev/null; [ -d "$dest$extdir" ] && echo "$extdir")
if [ -z "$left" ]; then ok "make uninstall DESTDIR: no file and no extension folder left"
else fail "left after uninstall"; diag "$left"; fi

# 4-7. with LibreOffice: the installed tree works; unopkg add / remove of the .oxt
if [ "${ODFGATE_SKIP_SOFFICE:-0}" = 1 ] || ! command -v "${SOFFICE:-soffice}" >/dev/null 2>&1 || ! command -v "${UNOPKG:-unopkg}" >/dev/null 2>&1; then
    for i in 4 5 6 7 8 9 10; do skip "no soffice/unopkg (or ODFGATE_SKIP_SOFFICE=1)"; done
    exit 0
fi
. "$top_srcdir/tests/libreoffice/lo-lib.sh"   # odfgate.oxt added to this script's profile
cp "$top_srcdir/samples/drafts/placeholder.odt" failing.odt
unopkg_in "$lo_profile" list
version=$(sed -n 's/^VERSION = //p' "$top_builddir/Makefile")
if grep -q 'Identifier: org.odfgate.extension' "$lo_dir/unopkg.log" && grep -q 'is registered: yes' "$lo_dir/unopkg.log" &&
    grep -q "Version: $version\$" "$lo_dir/unopkg.log"; then
    ok "unopkg add odfgate.oxt: listed and registered, version $version (not the literal @VERSION@)"
else fail "unopkg list"; diag "$(cat "$lo_dir/unopkg.log")"; fi
unopkg_in "$lo_profile" remove org.odfgate.extension
lo_convert --convert-to odt:odfgate --outdir after failing.odt
unopkg_in "$lo_profile" list
if ! grep -q 'org.odfgate.extension' "$lo_dir/unopkg.log" && [ ! -e after/failing.odt ] && grep -qi 'error' "$scratch/soffice.log"; then
    ok "unopkg remove: gone from the list, and the odfgate filter no longer exists"
else fail "unopkg remove"; diag "$(cat "$lo_dir/unopkg.log")" "$(cat "$scratch/soffice.log")"; fi
# the tree make install writes is a complete extension: zipped, added, used
mk install DESTDIR="$dest"
(cd "$dest$extdir" && zip -q -r "$lo_dir/installed.oxt" .) && chmod 644 "$lo_dir/installed.oxt"
mkdir -p bundled && cp -r "$dest$extdir" bundled/odfgate
mk uninstall DESTDIR="$dest"
if unopkg_in "$lo_profile" add -s "$lo_dir/installed.oxt"; then ok "the installed tree, zipped, is accepted by unopkg add"
else fail "unopkg add of the installed tree"; diag "$(cat "$lo_dir/unopkg.log")"; fi
lo_convert --convert-to odt:odfgate --outdir installed failing.odt
run_odfgate check --format json failing.odt   # as many findings as the command line finds
n=$(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["documents"][0]["findings"]))')
if [ -s installed/failing.odt ] && grep -q "Saved. $n findings" "$scratch/soffice.log"; then ok "…and its filter saves through odfgate ($n findings)"
else fail "installed tree's filter"; diag "$(cat "$scratch/soffice.log")"; fi

# 8. An odfgate unpacked in LibreOffice's bundled extensions folder (a system install) is loaded
# into every profile, so the tests point BUNDLED_EXTENSIONS at an empty folder (lib.sh) and make
# check passes whether or not one is installed: that variable is what decides it.
fresh() { timeout 180 "${SOFFICE:-soffice}" -env:UserInstallation="file://$scratch/$1" --headless --norestore \
    --nologo --nodefault --convert-to odt:odfgate --outdir "$scratch/$1-out" failing.odt >"$scratch/$1.log" 2>&1; }
BUNDLED_EXTENSIONS="file://$scratch/bundled" fresh with-bundled
fresh isolated
if [ -s with-bundled-out/failing.odt ] && [ ! -e isolated-out/failing.odt ]; then
    ok "a bundled odfgate reaches a fresh profile, and the tests' own setting keeps it out"
else fail "bundled extensions: with $(ls with-bundled-out 2>&1), isolated $(ls isolated-out 2>&1)"; diag "$(cat "$scratch/with-bundled.log")"; fi

# 9-10. publisher, licence and icon (#13.14): unopkg shows the licence before a plain add (and
# installs once it is accepted); the icons description.xml names are 42x42 PNGs in the package
as_user bash -c 'printf "yes\n" | timeout 120 "${UNOPKG:-unopkg}" add "$1" -env:UserInstallation="$2"' _ \
    "$lo_dir/odfgate.oxt" "file://$lo_dir/licence-profile" >"$lo_dir/licence.log" 2>&1
lrc=$?
if [ "$lrc" -eq 0 ] && grep -q "License Agreement of odfgate" "$lo_dir/licence.log" && grep -q "^MIT License" "$lo_dir/licence.log"; then
    ok "unopkg add shows the MIT licence and installs once it is accepted"
else fail "licence at unopkg add (exit $lrc)"; diag "$(cat "$lo_dir/licence.log")"; fi
if python3 - "$top_builddir/odfgate.oxt" <<'PY'
import re, struct, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
d = z.read('description.xml').decode()
assert re.search(r'<publisher>\s*<name [^>]*>The odfgate authors</name>', d), 'publisher'
hrefs = re.findall(r'<(?:default|high-contrast) xlink:href="([^"]+)"', d)
assert len(hrefs) == 2, hrefs
for h in hrefs:
    png = z.read(h)
    assert png[:8] == b'\x89PNG\r\n\x1a\n' and struct.unpack('>II', png[16:24]) == (42, 42), h
lic = re.search(r'<license-text xlink:href="([^"]+)"', d).group(1)
assert z.read(lic).startswith(b'MIT License'), lic
PY
then ok "description.xml: publisher, a 42x42 PNG icon and its high-contrast twin, the licence text, all in the package"
else fail "publisher, icon or licence missing from odfgate.oxt"; fi
