#!/usr/bin/env bash
# The house style is .clang-format (clang-format 14, Debian's clang-format package): every C
# and C++ source of the library, the command, the unit tests, the fuzzers and the bench
# follows it (`clang-format --dry-run -Werror`).  To apply it: clang-format -i FILE...
set -uo pipefail
. "$(dirname "$0")/../lib.sh"
plan 2
cd "$top_srcdir" || exit 1
mapfile -t files < <(find filter cli tests/unit fuzz bench -type f \
    \( -name '*.c' -o -name '*.h' -o -name '*.cc' -o -name '*.cxx' -o -name '*.hxx' \) \
    ! -path 'filter/libreoffice/uno-inc/*' ! -name embedded.c | sort)
if ! command -v clang-format >/dev/null; then
    fail "clang-format is installed (scripts/deps.sh installs it)"
    fail "sources follow .clang-format"
    exit 1
fi
ok "clang-format is installed ($(clang-format --version | head -1))"
out=$(clang-format --style=file --dry-run -Werror "${files[@]}" 2>&1)
if [ $? -eq 0 ]; then ok "${#files[@]} sources follow .clang-format"
else fail "sources follow .clang-format"; printf '%s\n' "$out" | grep 'error:' | head -20 | sed 's/^/# /'; fi
exit $((tap_failed > 0))
