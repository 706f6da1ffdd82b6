# tests/libreoffice/lo-lib.sh — shared by the LibreOffice extension tests (sourced after
# ../lib.sh).  Skips the script unless soffice, python3-uno and the built extension are there;
# installs the extension (odfgate.oxt, `unopkg add`) into one fresh profile for the script.
#
#   lo_profile            file: URL of the script's profile (extension installed)
#   lo_convert ARGS...    soffice --headless on that profile; log in $scratch/soffice.log
#   lo_drive OP...        tests/libreoffice/lo_driver.py on that profile; JSON lines in $drive
#   json_get JSON EXPR    evaluate a Python expression over the parsed JSON `j`
[ "${ODFGATE_SKIP_SOFFICE:-0}" = 1 ] && skip_all "ODFGATE_SKIP_SOFFICE=1"
oxt="$top_builddir/odfgate.oxt"
[ -f "$oxt" ] || skip_all "the LibreOffice extension was not built (configure: SDK not found or disabled)"
command -v "${SOFFICE:-soffice}" >/dev/null 2>&1 || skip_all "no soffice"
pyuno=${PYUNO:-/usr/bin/python3}
"$pyuno" -c 'import uno' 2>/dev/null || skip_all "no python3-uno for $pyuno"
here="$top_srcdir/tests/libreoffice"

# unopkg refuses a per-user install as root: then it runs as nobody, in a folder nobody owns
# (soffice, as root, can use the profile afterwards).
lo_dir="$scratch/lo"
mkdir -p "$lo_dir" && chmod 755 "$scratch" && chmod 777 "$lo_dir"
lo_profile="file://$lo_dir/profile"
as_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u nobody -- env HOME="$lo_dir" "$@"; else env HOME="$lo_dir" "$@"; fi
}
unopkg_in() { # unopkg_in PROFILE-URL ARGS...
    local p=$1; shift
    [ "$(id -u)" = 0 ] && chown -R nobody "$lo_dir"   # soffice (root) may have written there
    as_user timeout 120 "${UNOPKG:-unopkg}" "$@" -env:UserInstallation="$p" >"$lo_dir/unopkg.log" 2>&1
}
install -m 644 "$oxt" "$lo_dir/odfgate.oxt"
# -s: the extension's licence (MIT) is accepted without the console prompt
if ! unopkg_in "$lo_profile" add -s "$lo_dir/odfgate.oxt"; then
    echo "1..1"; echo "not ok 1 - unopkg add odfgate.oxt into a fresh profile"; sed 's/^/# /' "$lo_dir/unopkg.log"; exit 1
fi

lo_convert() {
    timeout 180 "${SOFFICE:-soffice}" -env:UserInstallation="$lo_profile" --headless --norestore \
        --nologo --nodefault "$@" >"$scratch/soffice.log" 2>&1
}
drive=""
lo_drive() {
    drive=$(cd "$scratch" && timeout 300 "$pyuno" "$here/lo_driver.py" "$lo_profile" "$@" 2>"$scratch/driver.err")
}
# the N-th (1-based) JSON line of the last lo_drive
drive_line() { printf '%s\n' "$drive" | sed -n "${1}p"; }
json_get() { printf '%s' "$1" | python3 -c 'import json,sys; j=json.load(sys.stdin); print('"$2"')' 2>/dev/null; }
# findings of the CLI: json_count FILE [SCHEMA] → number of findings
cli_findings() {
    if [ -n "${2:-}" ]; then run_odfgate check --format json --schema "$2" "$1"; else run_odfgate check --format json "$1"; fi
    printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["documents"][0]["findings"]))'
}
