#!/usr/bin/env bash
# demo.sh — the main job on the bundled samples: install build dependencies, build, and run
# `odfgate check` over samples/.  (The drafts fail in instructive ways; exit status 1 is
# expected: it means findings were reported.)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/deps.sh" build
"$top/scripts/build.sh"
set +e
"${BUILD_DIR:-$top/build}/odfgate" check "$top/samples"
rc=$?
echo "odfgate exited with $rc (0 pass, 1 findings, 2 usage/schema error, 3 unreadable input)"
[ "$rc" -le 1 ]
