#!/usr/bin/env bash
# install.sh — installing the extension: `make install DESTDIR=…` unpacks exactly the extension
# into the configured extensions folder (no libtool leftovers), that tree is a complete
# extension (zipped and added to a fresh profile, its filter works), `make uninstall` leaves
# nothing behind; `unopkg add`/`remove` of odfgate.oxt registers and unregisters the filters.
. "$(dirname "$0")/../lib.sh"
[ -f "$top_builddir/odfgate.oxt" ] || skip_all "the LibreOffice extension was not built (configure: SDK not found or disabled)"
plan 7
cd "$scratch" || exit 1
extdir=$(sed -n 's/^LO_EXTDIR = //p' "$top_builddir/Makefile")
dest="$scratch/dest"
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$top_builddir" "$@" >"$scratch/make.log" 2>&1; }

# 1-2. make install DESTDIR: the extension's layout
mk install DESTDIR="$dest"
got=$(cd "$dest$extdir" 2>/dev/null && find . -type f | sort | tr '\n' ' ')
want="./Addons.xcu ./Filter.xcu ./META-INF/manifest.xml ./ProtocolHandler.xcu ./Types.xcu ./description-en.txt ./description.xml ./odfgate.components ./odfgate_lo.so "
if [ "$got" = "$want" ]; then ok "make install DESTDIR: the unpacked extension in $extdir, nothing else there"
else fail "install layout"; diag "got:  $got" "want: $want" "$(cat make.log)"; fi
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
    for i in 4 5 6 7; do skip "no soffice/unopkg (or ODFGATE_SKIP_SOFFICE=1)"; done
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
mk uninstall DESTDIR="$dest"
if unopkg_in "$lo_profile" add "$lo_dir/installed.oxt"; then ok "the installed tree, zipped, is accepted by unopkg add"
else fail "unopkg add of the installed tree"; diag "$(cat "$lo_dir/unopkg.log")"; fi
lo_convert --convert-to odt:odfgate --outdir installed failing.odt
run_odfgate check --format json failing.odt   # as many findings as the command line finds
n=$(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["documents"][0]["findings"]))')
if [ -s installed/failing.odt ] && grep -q "Saved. $n findings" "$scratch/soffice.log"; then ok "…and its filter saves through odfgate ($n findings)"
else fail "installed tree's filter"; diag "$(cat "$scratch/soffice.log")"; fi
