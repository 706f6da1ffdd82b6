#!/usr/bin/env bash
# run.sh — the pre-commit hook (.pre-commit-hooks.yaml) with Debian's real `pre-commit`, in
# throw-away git repositories and without network: a hooks repository made from a copy of
# .pre-commit-hooks.yaml (so this works from a tarball too), a documents repository whose
# .pre-commit-config.yaml points at it, PRE_COMMIT_HOME in the scratch directory and the
# build's odfgate first on PATH.  A failing draft is refused (no commit is made); a passing
# draft commits; a commit without ODF files skips the hook.
. "$(dirname "$0")/../lib.sh"
command -v pre-commit >/dev/null || skip_all "pre-commit is not installed (apt-get install pre-commit)"
command -v git >/dev/null || skip_all "git is not installed"
plan 6

export HOME="$scratch/home" PRE_COMMIT_HOME="$scratch/pre-commit-home" GIT_CONFIG_NOSYSTEM=1
export PATH="$top_builddir:$PATH"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
mkdir -p "$HOME"
drafts="$top_srcdir/samples/drafts"

hooks="$scratch/hooks"
git init -q "$hooks"
cp "$top_srcdir/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -q -m hooks
rev=$(git -C "$hooks" rev-parse HEAD)

repo="$scratch/documents"
git init -q "$repo"
cd "$repo" || exit 1
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: odfgate
EOF
git add .pre-commit-config.yaml
git commit -q --no-verify -m config
if pre-commit install >"$scratch/install.log" 2>&1 && [ -x .git/hooks/pre-commit ]; then
    ok "pre-commit install: the hook is installed in the documents repository"
else fail "pre-commit install"; diag "$(cat "$scratch/install.log")"; fi

head_before=$(git rev-parse HEAD)
cp "$drafts/placeholder.odt" "Draft Placeholder.ODT"
git add "Draft Placeholder.ODT"
if git commit -m "a failing draft" >"$scratch/fail.log" 2>&1; then rc=0; else rc=$?; fi
if [ "$rc" != 0 ] && [ "$(git rev-parse HEAD)" = "$head_before" ] && grep -q 'odfgate.*Failed' "$scratch/fail.log" \
   && grep -q 'placeholder' "$scratch/fail.log"; then
    ok "a failing draft is refused: the hook fails, no commit is made, the finding is shown"
else fail "failing draft (commit rc=$rc)"; diag "$(cat "$scratch/fail.log")"; fi
git rm -q --cached "Draft Placeholder.ODT"
rm -f "Draft Placeholder.ODT"

cp "$drafts/passing.odt" draft.odt
git add draft.odt
if git commit -m "a passing draft" >"$scratch/pass.log" 2>&1 && [ "$(git rev-parse HEAD)" != "$head_before" ] \
   && grep -q 'odfgate.*Passed' "$scratch/pass.log" && git ls-files --error-unmatch draft.odt >/dev/null 2>&1; then
    ok "a passing draft commits (the hook passed)"
else fail "passing draft"; diag "$(cat "$scratch/pass.log")"; fi

echo notes >notes.txt
git add notes.txt
if git commit -m "no documents" >"$scratch/skip.log" 2>&1 && grep -q 'odfgate.*Skipped' "$scratch/skip.log"; then
    ok "a commit without ODF documents skips the hook"
else fail "no-document commit"; diag "$(cat "$scratch/skip.log")"; fi

# pre-commit run over every file: the filenames are passed (one passing and one failing)
cp "$drafts/missing-section.odt" missing.fodt.odt
git add missing.fodt.odt
if pre-commit run --all-files >"$scratch/all.log" 2>&1; then rc=0; else rc=$?; fi
if [ "$rc" = 1 ] && grep -q 'missing.fodt.odt' "$scratch/all.log" && grep -q 'section-missing' "$scratch/all.log"; then
    ok "pre-commit run --all-files: the hook checks the staged documents it is given and fails"
else fail "run --all-files (rc=$rc)"; diag "$(cat "$scratch/all.log")"; fi
if [ -f "$PRE_COMMIT_HOME/db.db" ] && [ -n "$(find "$PRE_COMMIT_HOME" -name .pre-commit-hooks.yaml)" ] \
   && [ ! -e "$HOME/.cache/pre-commit" ]; then
    ok "pre-commit kept its state (a clone of the local hooks repository) in PRE_COMMIT_HOME"
else fail "PRE_COMMIT_HOME"; fi
