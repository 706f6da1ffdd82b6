#!/usr/bin/env python3
"""writer.py PROFILE-URL DOC RUNS — bench/writer.sh's driver: in one headless LibreOffice with
the extension, the median seconds of RUNS loads of DOC with Writer's own filter (writer8) and
through odfgate, and of RUNS re-checks (vnd.odfgate:check, what the panel's Re-check runs:
a copy of the model stored and checked).  Prints "writer8 odfgate recheck"."""
import os
import statistics
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "tests", "libreoffice"))
from lo_driver import dispatch, prop, start, stop, url  # noqa: E402


def load(desktop, path, filt):
    t = time.perf_counter()
    doc = desktop.loadComponentFromURL(url(path), "_blank", 0, (prop("Hidden", True), prop("FilterName", filt)))
    return doc, time.perf_counter() - t


def main():
    profile, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    proc, ctx, desktop = start(profile)
    try:
        times = {"writer8": [], "odfgate": [], "recheck": []}
        for _ in range(runs):
            for filt in ("writer8", "odfgate"):
                doc, s = load(desktop, path, filt)
                times[filt].append(s)
                doc.close(True)
        doc, _ = load(desktop, path, "writer8")
        for _ in range(runs):
            t = time.perf_counter()
            dispatch(ctx, doc, "frame", "check", {})
            times["recheck"].append(time.perf_counter() - t)
        doc.close(True)
        print(" ".join("%.3f" % statistics.median(times[k]) for k in ("writer8", "odfgate", "recheck")))
    finally:
        stop(proc, desktop)


if __name__ == "__main__":
    main()
