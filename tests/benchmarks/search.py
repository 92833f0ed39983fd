"""Search and click-to-pane benchmark on a synthetic store (run on demand, not collected by pytest).

    python tests/benchmarks/search.py                     # 1e6 passages, 1e5 events
    python tests/benchmarks/search.py --passages 100000 --json

Prints, for a mix of 1-2 word queries (names, transliterations, common words, half-typed
words), the time of a full search (events, people, passages: first page of each) on the
store as built (with its FTS5 prefix index) and, interleaved query by query in the same run,
on the same store built without the prefix index; and, as a baseline, plain FTS5
``ORDER BY rank`` (bm25) over passages alone. The machine is shared and noisy: read the
ratios, not the milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from maisky_desktop.store import schema  # noqa: E402
from maisky_desktop.store.reader import open_store  # noqa: E402
from maisky_desktop.store.search import Searcher  # noqa: E402
from maisky_desktop.store.services import Services  # noqa: E402
from maisky_desktop.store.synthetic import build_synthetic  # noqa: E402

QUERIES = {
    "name": ["Maisky", "Litvinov", "Chicherin", "Yrjö-Koskinen", "Kollontai"],
    "spelling": ["Maiskii", "Mayski", "Майский", "Litvinoff", "Yrjo"],
    "common": ["the", "of", "treaty", "the of", "government the"],
    "pair": ["Maisky treaty", "London embassy", "Litvinov recall", "trade agreement", "Molotov note"],
    "typing": ["Mai", "Litv", "embas", "treaty Lon", "the gov"],
}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _store(passages: int, events: int, folder: Path, prefix: bool = True) -> Path:
    name = f"synthetic-v{schema.SCHEMA_VERSION}-{events}-{passages}{'' if prefix else '-noprefix'}.sqlite"
    path = folder / name
    if not path.exists():
        print(f"building {path} ...", file=sys.stderr)
        tmp = path.with_suffix(".tmp")
        build_synthetic(tmp, events, passages, fts_prefix=schema.FTS_PREFIX if prefix else ())
        tmp.rename(path)
    return path


def _search_times(paths: list[Path], runs: int) -> list[dict[str, list[float]]]:
    """Times per query kind on each store, the stores taking turns query by query (same noise)."""
    conns = [open_store(p) for p in paths]
    searchers = [Searcher(c) for c in conns]
    for s in searchers:
        s.search("warm up")
    times: list[dict[str, list[float]]] = [{} for _ in paths]
    for _ in range(runs):
        for group, queries in QUERIES.items():
            for q in queries:
                for searcher, out in zip(searchers, times):
                    t = time.perf_counter()
                    searcher.search(q)
                    out.setdefault(group, []).append((time.perf_counter() - t) * 1000)
    for c in conns:
        c.close()
    return times


def _baseline(path: Path) -> list[float]:
    """Plain FTS5 with bm25 ordering over passages, the same expressions, one run each."""
    conn = open_store(path)
    searcher = Searcher(conn)
    out = []
    for queries in QUERIES.values():
        for q in queries:
            expr = searcher.parse(q).fts()
            t = time.perf_counter()
            cur = conn.execute(
                "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT 10", (expr,)
            )
            cur.fetchall()
            out.append((time.perf_counter() - t) * 1000)
    conn.close()
    return out


def _cancel_ms(path: Path) -> float:
    """How long a stale search keeps running once a newer one is asked for (progress handler)."""
    conn = open_store(path)
    latest = [1]
    conn.set_progress_handler(lambda: latest[0] != 1, 2000)
    done = threading.Event()
    stopped: list[float] = []

    def slow() -> None:
        try:
            conn.execute(
                "SELECT rowid FROM passages_fts WHERE passages_fts MATCH 'the' ORDER BY rank LIMIT 10"
            ).fetchall()
        except sqlite3.OperationalError:
            stopped.append(time.perf_counter())
        done.set()

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.05)
    asked = time.perf_counter()
    latest[0] = 2
    done.wait(10)
    thread.join()
    conn.close()
    return (stopped[0] - asked) * 1000 if stopped else float("nan")


def _click_to_pane(path: Path, samples: int) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtWidgets

    from maisky_desktop.ui.panes.passage_pane import PassagePane

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    services = Services.open(path)
    pane = PassagePane(services)
    pane.resize(480, 700)
    conn = services.store.conn
    ids = [r[0] for r in conn.execute("SELECT id FROM events ORDER BY random() LIMIT ?", (samples,))]
    out = []
    for event_id in ids:
        t = time.perf_counter()
        pane.show_event(event_id)
        pane.document().adjustSize()  # laid out, ready to paint
        out.append((time.perf_counter() - t) * 1000)
    services.close()
    del app
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--passages", type=int, default=1_000_000)
    p.add_argument("--events", type=int, help="default: a tenth of --passages")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "maisky-bench")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    args = p.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    events = args.events or max(args.passages // 10, 1)
    path = _store(args.passages, events, args.dir)
    times, without = _search_times([path, _store(args.passages, events, args.dir, prefix=False)], args.runs)
    everything = [t for v in times.values() for t in v]
    slowest = max(everything)
    plain = [t for v in without.values() for t in v]
    baseline = _baseline(path)
    clicks = _click_to_pane(path, 200)
    result = {
        "n_passages": args.passages,
        "n_events": events,
        "queries": sum(len(v) for v in QUERIES.values()),
        "runs": args.runs,
        "query_p50_ms": round(statistics.median(everything), 2),
        "query_p95_ms": round(_percentile(everything, 0.95), 2),
        "query_max_ms": round(slowest, 2),
        "by_kind_p95_ms": {k: round(_percentile(v, 0.95), 2) for k, v in times.items()},
        "no_prefix_index_p50_ms": round(statistics.median(plain), 2),
        "no_prefix_index_p95_ms": round(_percentile(plain, 0.95), 2),
        "no_prefix_index_max_ms": round(max(plain), 2),
        "no_prefix_index_by_kind_p95_ms": {k: round(_percentile(v, 0.95), 2) for k, v in without.items()},
        "p95_ratio_prefix_to_no_prefix": round(_percentile(everything, 0.95) / _percentile(plain, 0.95), 3),
        "baseline_bm25_p50_ms": round(statistics.median(baseline), 2),
        "baseline_bm25_max_ms": round(max(baseline), 2),
        "p50_ratio_to_baseline": round(statistics.median(everything) / statistics.median(baseline), 3),
        "cancel_ms": round(_cancel_ms(path), 2),
        "click_to_pane_ms": round(_percentile(clicks, 0.95), 2),
        "click_to_pane_p50_ms": round(statistics.median(clicks), 2),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
