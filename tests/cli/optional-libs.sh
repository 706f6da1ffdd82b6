#!/usr/bin/env bash
# optional-libs.sh — libcurl and libgit2 are loaded on first use (filter/base/lazylib.c, #22):
# a check that fetches nothing never loads them (the dynamic loader's own trace says so), and
# when one cannot be loaded the commands that need it fail with one line naming the library and
# why, while everything else works as before.  "Cannot be loaded" is made real: a folder first
# on the library path holds files of those names that are not libraries, so dlopen finds them
# and fails as it would on a broken installation.
. "$(dirname "$0")/../lib.sh"
plan 8
draft="$top_srcdir/samples/drafts/passing.odt"
other="$top_srcdir/samples/drafts/placeholder.odt"
broken="$scratch/broken-libs"
mkdir -p "$broken"
# the sonames odfgate asks dlopen for are strings in the library (or the program, when linked
# statically): configure's libcurl soname, libgit2's headers' LIBGIT2_SOVERSION
sonames=$(cat "$top_builddir"/.libs/libodfgate.so* "$top_builddir"/.libs/odfgate "$top_builddir"/odfgate 2>/dev/null |
    grep -aoE 'lib(curl[a-z-]*|git2)\.so\.[0-9][0-9.]*' | sort -u)
curl_so=$(printf '%s\n' $sonames | grep '^libcurl' | head -1)
git2_so=$(printf '%s\n' $sonames | grep '^libgit2' | head -1)
[ -n "$curl_so" ] && [ -n "$git2_so" ] || { fail "the sonames odfgate loads are in the build ($sonames)"; exit 1; }
for so in $sonames; do echo "not a library" >"$broken/$so"; done
# the built program with $broken first on the library path (odfgate_exec may itself set
# LD_LIBRARY_PATH through env: then $broken goes in front of that value)
with_broken() {
    local cmd=("${odfgate_exec[@]}")
    if [ "${cmd[0]}" = env ]; then
        cmd[1]="LD_LIBRARY_PATH=$broken:${cmd[1]#LD_LIBRARY_PATH=}"
        "${cmd[@]}" "$@"
    else
        LD_LIBRARY_PATH="$broken${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "${cmd[@]}" "$@"
    fi
}
# loaded LIB CMD...: did the dynamic loader open LIB while CMD ran (LD_DEBUG=files)
loaded() {
    local lib=$1
    shift
    LD_DEBUG=files LD_DEBUG_OUTPUT="$scratch/ld" "${odfgate_exec[@]}" "$@" >/dev/null 2>&1
    cat "$scratch"/ld.* | grep -q "file=$lib"
    local found=$?
    rm -f "$scratch"/ld.*
    return $found
}

if loaded libcurl check --no-config "$draft" || loaded libgit2 check --no-config "$draft"; then
    fail "check on a draft loads neither libcurl nor libgit2"
else
    ok "check on a draft loads neither libcurl nor libgit2"
fi
check "a schema by URL loads libcurl (the probe above sees it)" \
    loaded libcurl check --no-config --schema http://127.0.0.1:9/schema.xml "$draft"
check "diff loads libgit2" loaded libgit2 diff "$draft" "$other"

run_odfgate check --no-config "$draft"
want_out=$out want_rc=$rc
got_out=$(with_broken check --no-config "$draft" 2>/dev/null)
got_rc=$?
check "without a loadable libcurl or libgit2, check gives the same report and exit code" \
    test "$got_out" = "$want_out" -a "$got_rc" = "$want_rc"

err=$(with_broken check --no-config --schema http://127.0.0.1:9/schema.xml "$draft" 2>&1 >/dev/null)
rc=$?
check "a schema by URL without libcurl: exit 2 ($rc)" test "$rc" = 2
check "... one line naming the URL and the library ($err)" \
    eval 'test "$(printf "%s\n" "$err" | wc -l)" = 1 && [[ $err == *"http://127.0.0.1:9/schema.xml"*"cannot load $curl_so"* ]]'

err=$(with_broken diff "$draft" "$other" 2>&1 >/dev/null)
rc=$?
check "diff without libgit2: exit 2, the library named, not 'out of memory' ($rc: $err)" \
    eval '[ "$rc" = 2 ] && [[ $err == *"cannot load $git2_so"* ]] && [[ $err != *"out of memory"* ]]'
err=$(with_broken diff --since HEAD "$draft" 2>&1 >/dev/null)
rc=$?
check "diff --since without libgit2: exit 3 as any git-error of --since, the library named, not 'not in a git repository' ($rc: $err)" \
    eval '[ "$rc" = 3 ] && [[ $err == *"cannot load $git2_so"* ]] && [[ $err != *"not in a git repository"* ]]'
