#!/usr/bin/env bash
# run.sh — soak: the shared corpus checked $ODFGATE_SOAK_ROUNDS times (default 100) in one
# process (tests/soak/soak.c); memory flat; LeakSanitizer clean in the ASan build.
. "$(dirname "$0")/../lib.sh"
corpus=$ODFGATE_CORPUS
[ -f "$corpus/FEATURES.tsv" ] || skip_all "no corpus at $corpus"
mapfile -t files < <(find "$corpus" -type f \( -name '*.odt' -o -name '*.ott' -o -name '*.fodt' \) | sort)
timeout 1800 "$top_builddir/tests/soak/soak" "${ODFGATE_SOAK_ROUNDS:-100}" "${files[@]}"
