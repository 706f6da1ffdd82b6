#!/usr/bin/env bash
# special.sh — inputs that are not regular files (SECURITY.md): a FIFO or device met in a
# folder walk (itself or behind a symbolic link) is reported, never opened; a FIFO named as an
# argument is read (it may wait 10 s for a writer, no longer); standard input
# and a named device are spooled to a temporary file, bounded by max-file-size, so memory
# stays flat (/dev/zero on standard input took 273 MB before).
. "$(dirname "$0")/../lib.sh"
command -v python3 >/dev/null || skip_all "python3 not found"
command -v mkfifo >/dev/null || skip_all "mkfifo not found"
plan_lazy() { :; }
cd "$scratch" || exit 1
mkdir -p walk
cp "$top_srcdir/samples/drafts/passing.odt" walk/good.odt
mkfifo walk/fifo.odt
ln -s fifo.odt walk/link-to-fifo.odt
ln -s /dev/zero walk/zero.odt
export ODFGATE_TIMEOUT=20

run_odfgate check walk
check "a folder with a FIFO, a link to one and a link to /dev/zero: done, exit 3" [ "$rc" -eq 3 ]
for f in fifo link-to-fifo; do
    case $out in *"walk/$f.odt: error: a FIFO, not a regular file: not read in a folder"*"(io)"*) ok "$f.odt: reported as a FIFO, not opened";;
        *) fail "$f.odt reported"; diag "$out";; esac
done
case $out in *"walk/zero.odt: error: a character device, not a regular file"*) ok "zero.odt: reported as a device, not read";;
    *) fail "zero.odt reported"; diag "$out";; esac
case $out in *"4 documents checked: 1 passed"*) ok "... and the regular document checked";; *) fail "good document"; diag "$out";; esac

run_odfgate check walk/fifo.odt
case $out in "walk/fifo.odt: error: a FIFO that nobody wrote to within 10 s (io)"*)
    check "a FIFO named as an argument, nobody writing: given up after 10 s, exit 3" [ "$rc" -eq 3 ];;
    *) fail "a FIFO named as an argument, nobody writing"; diag "$out";; esac
run_odfgate check <(cat "$top_srcdir/samples/drafts/passing.odt")
check "a pipe named as an argument (process substitution): checked" [ "$rc" -eq 0 ]
run_odfgate check - <"$top_srcdir/samples/drafts/passing.odt"
check "standard input: checked" [ "$rc" -eq 0 ]

# /dev/zero on standard input: refused at max-file-size, memory flat (maximum resident size)
maxrss=$(python3 - "$odfgate_bin" <<'PY'
import resource, subprocess, sys
with open("/dev/zero", "rb") as z:
    r = subprocess.run([sys.argv[1], "check", "-"], stdin=z, capture_output=True, timeout=60)
print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.stdout.decode().splitlines()[0])
PY
)
set -- $maxrss
check "/dev/zero on standard input: limit-exceeded, exit 3" [ "$1" = 3 ] && [[ "$*" == *"(limit-exceeded)"* ]]
check "... in less than 200 MB of memory (was 273 MB; here $2 KB)" [ "$2" -lt 204800 ]
done_testing
