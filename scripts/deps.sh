#!/usr/bin/env bash
# deps.sh [build|test] — install the Debian 12 packages odfgate needs; safe to run twice.
#   build: compiler, autotools, libxml2/libzip/libdeflate/libcurl/libcrypto/xmlsec1/libgit2/re2 development files
#   test:  build + LibreOffice with its window toolkit (libreoffice-writer, not -nogui: the
#          Statement check panel and its comments need a view; Xvfb and xdotool drive it in
#          tests/libreoffice/gui.sh), python3-uno, the LibreOffice SDK (libreoffice-dev:
#          the extension is built and tested), pandoc, jing, valgrind, clang, pre-commit,
#          faketime (LibreOffice on another date: tests/signoff/fields-lo.sh), libnss3-tools
#          (certutil: the test certificates in LibreOffice's NSS store, tests/signatures/lo.sh),
#          chromium and tidy (the status page: tests/status/html.sh), libreoffice-calc
#          (the status spreadsheet opened in Calc: tests/status/ods.sh)
set -euo pipefail
what=${1:-build}
pkgs=(build-essential autoconf automake libtool pkg-config libxml2-dev libzip-dev
      libdeflate-dev libcurl4-openssl-dev libssl-dev libxmlsec1-dev libgit2-dev libre2-dev libxml2-utils python3)
if [ "$what" = test ]; then
    pkgs+=(libreoffice-writer python3-uno libreoffice-dev pandoc jing valgrind clang zip unzip faketime openssl
           python3-jsonschema hyperfine strace clang-format libnss3-tools
           chromium tidy libreoffice-calc xvfb xdotool x11-apps)
    pkgs+=(pre-commit git python3-yaml)   # tests/precommit, tests/action
fi
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "deps.sh: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
