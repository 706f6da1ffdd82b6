#!/usr/bin/env python3
"""startup.py — part of `make bench` (bench/lodrafts.sh): the CPU time (user + system, the
kernel's accounting of each finished child, wait4) of one run of command A against one run of
command B, alternating A B A B so that a change in the machine's load falls on both.

    startup.py PAIRS A-ARGS... -- B-ARGS...

Prints "A_ms B_ms ratio": the medians of A's and B's CPU milliseconds and the median of the
pair-by-pair ratios A/B.  Output of the commands is discarded; a failing command is an error
(a start-up measured on an error path measures nothing): A (odfgate check) may exit 0 or 1
(findings), B (the floor) only 0."""
import os
import statistics
import subprocess
import sys


def cpu_ms(argv, allowed):
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(argv, stdout=null, stderr=null)
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in allowed:
        sys.exit(f"startup.py: {' '.join(argv)} exited with {p.returncode}")
    return (usage.ru_utime + usage.ru_stime) * 1000.0


def main():
    pairs = int(sys.argv[1])
    rest = sys.argv[2:]
    cut = rest.index("--")
    a, b = rest[:cut], rest[cut + 1:]
    ok_a, ok_b = (0, 1), (0,)  # A is odfgate check (1: findings, still a whole check)
    cpu_ms(a, ok_a), cpu_ms(b, ok_b)  # warm-up: page cache and dynamic loader cache
    ta, tb, ratio = [], [], []
    for _ in range(pairs):
        x, y = cpu_ms(a, ok_a), cpu_ms(b, ok_b)
        ta.append(x)
        tb.append(y)
        if y > 0:
            ratio.append(x / y)
    print(f"{statistics.median(ta):.3f} {statistics.median(tb):.3f} {statistics.median(ratio):.3f}")


if __name__ == "__main__":
    main()
