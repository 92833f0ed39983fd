"""Benchmark: preview and import a CSV of N own events (default 10,000) into a fresh user database.

The same rows saved as an Excel workbook (openpyxl) are previewed too: the workbook's preview
against the CSV's, in the same run.

Run on demand: ``python tests/benchmarks/csv_import.py [--rows 10000] [--json]``. Prints the
time to read and check every row (dates in EDTF and in words, quotes located verbatim in the
shipped sources), the time to write them in one transaction, and as a baseline the time
to insert the same number of bare rows with sqlite3 in one transaction, in the same run.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from maisky_desktop import paths  # noqa: E402
from maisky_desktop.core.csv_import import read_events_csv  # noqa: E402
from maisky_desktop.core.xlsx_import import read_events_xlsx  # noqa: E402
from maisky_desktop.store import own_records  # noqa: E402
from maisky_desktop.store.all_sources import AllSources  # noqa: E402
from maisky_desktop.store.reader import Store  # noqa: E402
from maisky_desktop.store.userdata import UserData  # noqa: E402

DATES = ["1938-09-29", "summer 1938", "c. 1922", "23 August 1939", "1932-1943", "1939-08", "spring 1941?", "the 1930s"]


def write_csv(path: Path, rows: int, store: Store) -> None:
    import csv

    anchors = [a for e in store.events()[:40] for a in store.anchors(e.id)[:1]]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "date", "end", "people", "source", "quote", "note"])
        for i in range(rows):
            a = anchors[i % len(anchors)] if i % 3 == 0 else None
            w.writerow(
                [
                    f"Event {i}",
                    DATES[i % len(DATES)],
                    "",
                    "Ivan Maisky; Maxim Litvinov",
                    a.source_id if a else "",
                    a.quote if a else "",
                    f"note {i}",
                ]
            )


def write_xlsx(csv_path: Path, xlsx_path: Path) -> None:
    """The CSV's rows as a workbook's first sheet (openpyxl, write-only: as a spreadsheet saves it)."""
    import csv

    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Events")
    with open(csv_path, newline="", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            sheet.append(row)
    book.save(xlsx_path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    store = Store.open(paths.default_store())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv_path = folder / "events.csv"
        write_csv(csv_path, args.rows, store)
        user = UserData.open(folder / "user")
        t0 = time.perf_counter()
        preview = read_events_csv(csv_path, AllSources(store, user))
        t1 = time.perf_counter()
        ids = own_records.import_events(user, preview.good)
        t2 = time.perf_counter()
        xlsx_path = folder / "events.xlsx"
        write_xlsx(csv_path, xlsx_path)
        t5 = time.perf_counter()
        xlsx_preview = read_events_xlsx(xlsx_path, AllSources(store, user))
        t6 = time.perf_counter()
        assert len(xlsx_preview.good) == len(preview.good), xlsx_preview.summary()
        user.close()
        base = sqlite3.connect(folder / "base.sqlite")
        base.execute("CREATE TABLE t (id TEXT, title TEXT, date TEXT, note TEXT)")
        t3 = time.perf_counter()
        with base:
            base.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", ((str(i), f"Event {i}", "1938", "n") for i in ids))
        t4 = time.perf_counter()
        base.close()
    store.close()
    figures = {
        "rows": args.rows,
        "good": len(preview.good),
        "bad": len(preview.bad),
        "preview_s": round(t1 - t0, 3),
        "import_s": round(t2 - t1, 3),
        "bare_insert_baseline_s": round(t4 - t3, 3),
        "import_over_baseline": round((t2 - t1) / max(t4 - t3, 1e-9), 1),
        "xlsx_preview_s": round(t6 - t5, 3),
        "xlsx_over_csv_preview": round((t6 - t5) / max(t1 - t0, 1e-9), 2),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f"{k:>24}: {v}")


if __name__ == "__main__":
    main()
