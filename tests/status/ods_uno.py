#!/usr/bin/env python3
"""ods_uno.py PROFILE-DIR FILE.ods — open a spreadsheet in a real headless LibreOffice Calc
(python3-uno; soffice started and stopped as tests/signoff/lo_uno.py does) and print, as JSON,
what Calc sees:

  {"component": "com.sun.star.sheet.SpreadsheetDocument" or what else it loaded as,
   "sheets": [{"name": "Matrix",
               "cells": [[value, ...], ...],   # the used area, row by row: str, or float
                                               # for a number cell ("" for an empty cell)
               "back": [[int, ...], ...]}, ...]}  # each cell's background (RGB; -1 none)

Exit status 0 only if the file loaded.  ods.sh compares this with odfgate status --format json."""
import json, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "signoff"))
from lo_uno import load, start, stop  # noqa: E402  (one way to start soffice for every test)


def sheet_dump(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last_col, last_row = cursor.RangeAddress.EndColumn, cursor.RangeAddress.EndRow
    data = sheet.getCellRangeByPosition(0, 0, last_col, last_row).getDataArray()
    back = [[sheet.getCellByPosition(c, r).CellBackColor for c in range(last_col + 1)]
            for r in range(last_row + 1)]
    return {"name": sheet.Name, "cells": [list(row) for row in data], "back": back}


def main():
    profile, path = sys.argv[1], sys.argv[2]
    proc, desktop = start(profile)
    try:
        doc = load(desktop, path)
        if doc is None:
            raise SystemExit("ods_uno.py: LibreOffice could not load %s" % path)
        kind = "com.sun.star.sheet.SpreadsheetDocument"
        out = {"component": kind if doc.supportsService(kind) else doc.ImplementationName, "sheets": []}
        if doc.supportsService(kind):
            sheets = doc.Sheets
            out["sheets"] = [sheet_dump(sheets.getByIndex(i)) for i in range(sheets.Count)]
        doc.close(True)
        print(json.dumps(out))
    finally:
        stop(proc, desktop)


if __name__ == "__main__":
    main()
