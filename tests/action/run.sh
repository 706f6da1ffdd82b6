#!/usr/bin/env bash
# run.sh — action.yml, the composite GitHub Action: it parses as YAML with the documented
# inputs; every `run:` step is bash, valid (`bash -n`), and takes the inputs from env rather
# than from ${{ }} pasted into the script; the steps install with scripts/deps.sh build,
# build and install, check with --format github --report sarif:FILE and upload with
# github/codeql-action/upload-sarif when asked.  The check and fail steps' scripts are then
# run for real with the built odfgate, as the runner would run them.
. "$(dirname "$0")/../lib.sh"
py=/usr/bin/python3
"$py" -c 'import yaml' 2>/dev/null || skip_all "python3-yaml is not installed"
plan 7
cd "$scratch" || exit 1
action="$top_srcdir/action.yml"

if "$py" - "$action" <<'PY'
import sys, yaml
a = yaml.safe_load(open(sys.argv[1]))
assert a["runs"]["using"] == "composite"
i = a["inputs"]
assert set(i) == {"paths", "schema", "fail-on", "sarif-file", "upload"}, set(i)
assert i["upload"]["default"] == "true" and i["fail-on"]["default"] == ""
assert all("description" in v for v in i.values())
steps = a["runs"]["steps"]
for n, s in enumerate(steps):
    if "run" in s:
        open("step-%d.sh" % n, "w").write(s["run"])
        assert s.get("shell") == "bash", s.get("name")
        assert "${{" not in s["run"], "expression pasted into the script of %r" % s["name"]
    else:
        assert "uses" in s
PY
then ok "action.yml parses: composite, inputs paths/schema/fail-on/sarif-file/upload, run steps in bash without \${{ }} in scripts"
else fail "action.yml structure"; fi

bad=""
for f in step-*.sh; do bash -n "$f" 2>"$f.err" || bad="$bad $f"; done
if [ -z "$bad" ] && ls step-*.sh >/dev/null 2>&1 && [ "$(ls step-*.sh | wc -l)" -ge 4 ]; then
    ok "every run step's shell script is valid (bash -n, $(ls step-*.sh | wc -l) scripts)"
else fail "bash -n:$bad"; diag "$(cat step-*.err)"; fi

if "$py" - "$action" <<'PY'
import sys, yaml
steps = yaml.safe_load(open(sys.argv[1]))["runs"]["steps"]
runs = "\n".join(s.get("run", "") for s in steps)
assert 'scripts/deps.sh" build' in runs
assert "make install" in runs and "GITHUB_PATH" in runs
assert '--format github --report "sarif:$ODFGATE_SARIF"' in runs
up = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
assert len(up) == 1 and "inputs.upload == 'true'" in up[0]["if"]
assert up[0]["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
check = [s for s in steps if s.get("id") == "check"][0]
assert check["env"]["ODFGATE_PATHS"] == "${{ inputs.paths }}"
PY
then ok "steps: deps.sh build, build and install on PATH, check --format github --report sarif, upload-sarif when upload is true"
else fail "action steps"; fi

# run the check step as the runner would: inputs in env, GITHUB_OUTPUT a file
check_step=$(ls step-*.sh | while read -r f; do grep -q 'odfgate "${args\[@\]}"' "$f" && echo "$f"; done)
fail_step=$(ls step-*.sh | while read -r f; do grep -q 'ODFGATE_EXIT' "$f" && echo "$f"; done)
d="$top_srcdir/samples/drafts"
: >out1
PATH="$top_builddir:$PATH" GITHUB_OUTPUT=out1 ODFGATE_PATHS="$d/passing.odt
$d/placeholder.odt" ODFGATE_SCHEMA="" ODFGATE_FAIL_ON=error ODFGATE_SARIF=r1.sarif \
    bash "$check_step" >log1 2>&1
step_rc=$?
if [ "$step_rc" = 0 ] && grep -qx 'exit-code=1' out1 && grep -q '^::error file=.*placeholder.odt' log1 \
   && "$py" -c 'import json,sys; r=json.load(open("r1.sarif"))["runs"][0]["results"]; assert len(r) > 0'; then
    ok "check step: annotations on stdout, SARIF written, exit-code=1 recorded, the step itself succeeds (so upload runs)"
else fail "check step (rc=$step_rc)"; diag "$(cat log1 out1)"; fi
: >out2
PATH="$top_builddir:$PATH" GITHUB_OUTPUT=out2 ODFGATE_PATHS="$d/passing.odt" ODFGATE_SCHEMA="$top_srcdir/samples/schemas/common-purpose-framework.xml" \
    ODFGATE_FAIL_ON=error ODFGATE_SARIF=r2.sarif bash "$check_step" >log2 2>&1; r_error=$?
PATH="$top_builddir:$PATH" GITHUB_OUTPUT=out2 ODFGATE_PATHS="$d/passing.odt" ODFGATE_SCHEMA="$top_srcdir/samples/schemas/common-purpose-framework.xml" \
    ODFGATE_FAIL_ON=warning ODFGATE_SARIF=r2.sarif bash "$check_step" >>log2 2>&1; r_warning=$?
if [ "$r_error" = 0 ] && [ "$r_warning" = 0 ] && [ "$(cat out2)" = "$(printf 'exit-code=0\nexit-code=1')" ] && [ -s r2.sarif ]; then
    ok "check step: --schema and --fail-on are passed (a passing draft: 0 at error, 1 at warning for its warnings)"
else fail "check step passing"; diag "$(cat log2 out2)"; fi
: >out3
PATH="$top_builddir:$PATH" GITHUB_OUTPUT=out3 ODFGATE_PATHS="$d/passing.odt" ODFGATE_SCHEMA="no-such-schema.xml" \
    ODFGATE_FAIL_ON=error ODFGATE_SARIF=r3.sarif bash "$check_step" >log3 2>&1
if [ $? = 2 ] && grep -qx 'exit-code=2' out3 && grep -q 'wrote no SARIF' log3; then ok "check step: a bad schema fails the step (no SARIF to upload)"
else fail "check step bad schema"; diag "$(cat log3 out3)"; fi
ODFGATE_EXIT=0 bash "$fail_step" >/dev/null 2>&1; r0=$?
ODFGATE_EXIT=1 bash "$fail_step" >log4 2>&1; r1=$?
if [ "$r0" = 0 ] && [ "$r1" = 1 ] && grep -q '::error::odfgate check exited 1' log4; then ok "fail step: fails the job with odfgate's exit code after the upload"
else fail "fail step ($r0, $r1)"; fi
