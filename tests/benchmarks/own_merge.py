"""Benchmark: the researcher's own events joining a big store's timeline (after the first frame).

Run on demand: ``python tests/benchmarks/own_merge.py [--sizes 100000,1000000] [--own 1,1000] [--json]``.
For each synthetic store (the timeline benchmark's, cached in the same folder) and each number of own
events, it times ``build_content`` (what the window runs when the notes layer attaches and after each
add, edit or import) and, as the baseline in the same run, the same merge given the store's text read
whole first (what the merge did before: every id, title and stated date of the store read into lists).
Peak memory is measured in a fresh process for each, so one does not count the other's.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeline import _store, counts  # noqa: E402  (the timeline benchmark's cached stores, its argument type)

RUNS = 3


def measure(store_path: Path, own: int, read_whole: bool) -> dict[str, float]:
    """Median merge time over RUNS and this process's peak memory."""
    import dataclasses

    from maisky_desktop.core.own_events import draft_event
    from maisky_desktop.store import own_records
    from maisky_desktop.store import timeline as queries
    from maisky_desktop.store.all_sources import AllSources
    from maisky_desktop.store.reader import Store
    from maisky_desktop.store.timeline_content import build_content
    from maisky_desktop.store.userdata import UserData

    store = Store.open(store_path)
    user = UserData.open(Path(tempfile.mkdtemp(prefix="maisky-own-merge-")) / "notes")
    sources = AllSources(store, user)
    drafts = [draft_event(sources, f"Own event {i}", f"{1920 + i % 50}-{1 + i % 12:02d}") for i in range(own)]
    own_records.import_events(user, drafts)
    times = []
    for _ in range(RUNS):
        base = queries.event_layout(store.conn)
        t = time.perf_counter()
        if read_whole:
            base = dataclasses.replace(base, ids=list(base.ids), titles=list(base.titles), stated=list(base.stated))
        content = build_content(store, user, base)
        times.append(time.perf_counter() - t)
        assert len(content.layout) == len(base) + own
    user.close()
    store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"ms": round(statistics.median(times) * 1000, 1), "peak_rss_mb": round(peak, 1)}


def _child(store_path: Path, own: int, read_whole: bool) -> dict[str, float]:
    args = [sys.executable, __file__, "--worker", str(store_path), "--own", str(own)]
    proc = subprocess.run(args + (["--read-whole"] if read_whole else []), capture_output=True, text=True, check=False)
    if proc.returncode:
        raise SystemExit(f"benchmark step failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=counts, default="100000,1000000", help="comma-separated store sizes")
    parser.add_argument("--own", type=counts, default="1,1000", help="comma-separated numbers of own events")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--store-dir", type=Path, default=Path(tempfile.gettempdir()) / "maisky-bench")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--read-whole", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(measure(args.worker, args.own[0], args.read_whole)))
        return 0

    args.store_dir.mkdir(parents=True, exist_ok=True)
    if not args.json:
        print("events | own | merge ms | read-whole merge ms | ratio | peak MB | read-whole peak MB")
    for n in args.sizes:
        path = _store(args.store_dir, n)
        for own in args.own:
            ours, whole = _child(path, own, False), _child(path, own, True)
            row = {
                "n": n,
                "own": own,
                "merge_ms": ours["ms"],
                "read_whole_ms": whole["ms"],
                "ratio": round(ours["ms"] / whole["ms"], 3),
                "peak_rss_mb": ours["peak_rss_mb"],
                "read_whole_peak_rss_mb": whole["peak_rss_mb"],
            }
            if args.json:
                print(json.dumps(row), flush=True)
            else:
                print(" | ".join(str(v) for v in row.values()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
