#!/usr/bin/env bash
# build.sh [CONFIGURE-FLAGS...] — bootstrap and build out of tree in ./build (or $BUILD_DIR).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
cd "$top"
if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt Makefile.in ]; then
    autoreconf -fi >/dev/null
fi
mkdir -p "$build"
cd "$build"
if [ ! -f Makefile ] || [ "$top/configure" -nt config.status ] || [ "$*" != "$(cat .odfgate-configure-args 2>/dev/null)" ]; then
    "$top/configure" -q "$@" && echo "$*" >.odfgate-configure-args
fi
make -j"$(nproc)" >/dev/null
