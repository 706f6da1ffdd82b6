#!/usr/bin/env bash
# symbols.sh — the shared library exports only odfgate_* names, and every function the public
# header declares is exported.
. "$(dirname "$0")/../lib.sh"
lib=$(ls "$top_builddir"/.libs/libodfgate.so.* 2>/dev/null | head -n 1)
[ -n "$lib" ] || skip_all "no shared library built"
plan 3
exported=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sort)
bad=$(echo "$exported" | grep -v '^odfgate_' || true)
if [ -z "$bad" ]; then ok "only odfgate_ symbols exported"; else fail "non-public symbols exported"; diag "$bad"; fi
declared=$(grep -o 'odfgate_[a-z_]*(' "$top_srcdir/include/odfgate.h" | tr -d '(' | sort -u)
missing=$(comm -23 <(echo "$declared") <(echo "$exported"))
if [ -z "$missing" ]; then ok "every declared function is exported"; else fail "declared but not exported"; diag "$missing"; fi
pc="$top_builddir/odfgate.pc"
if grep -q '^Libs: .*-lodfgate' "$pc" && grep -q '^Requires.private: .*libxml-2.0' "$pc"; then
    ok "odfgate.pc names the library and its private requirements"
else fail "odfgate.pc incomplete"; fi
