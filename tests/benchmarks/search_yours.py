"""Benchmark: what searching the researcher's own events and documents adds to a keystroke's search.

Run on demand: ``python tests/benchmarks/search_yours.py [--events 10000] [--paragraphs 200]
[--json]``. Builds a throwaway user database with N own events (titles, notes and people as a
CSV import would give) and one own document of P paragraphs, then times, for each query, the shipped store's
search alone (``Searcher.search``, the baseline) and the search the window's worker runs with
the notes open (the same, then ``OwnReader.search`` over a read-only connection of its own),
in the same run; prints the median of 9 runs per query and the ratio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeline import count  # noqa: E402  (the benchmarks' argument type)

from maisky_desktop import paths  # noqa: E402
from maisky_desktop.core.own_documents import read_document  # noqa: E402
from maisky_desktop.core.own_events import draft_event  # noqa: E402
from maisky_desktop.store import own_records  # noqa: E402
from maisky_desktop.store.all_sources import AllSources  # noqa: E402
from maisky_desktop.store.own_reader import OwnReader  # noqa: E402
from maisky_desktop.store.reader import Store, open_store  # noqa: E402
from maisky_desktop.store.search import Searcher  # noqa: E402
from maisky_desktop.store.userdata import UserData  # noqa: E402

QUERIES = ["Maisky", "Litvinoff", "treaty", "embas", "Cherkley weekend", "the"]
WORDS = ["treaty", "embassy", "Cherkley", "weekend", "telegram", "Halifax", "Munich", "guarantee", "lunch", "cable",
         "crisis"]  # fmt: skip
RUNS = 9


def fill(user: UserData, store: Store, events: int, folder: Path, paragraphs: int) -> None:
    sources = AllSources(store, user)
    drafts = [
        draft_event(
            sources,
            f"{WORDS[i % len(WORDS)].title()} {WORDS[(i * 7) % len(WORDS)]} {i}",
            f"{1920 + i % 50}",
            people="Ivan Maisky; Maxim Litvinov" if i % 4 == 0 else "",
            note=f"note {i}: {' '.join(WORDS[(i + k) % len(WORDS)] for k in range(6))}",
        )
        for i in range(events)
    ]
    own_records.import_events(user, drafts)
    doc = folder / "diary.md"
    doc.write_text(
        "# Embassy diary\n\n"
        + "".join(
            f"Day {i}: {' '.join(WORDS[(i + k) % len(WORDS)] for k in range(12))}.\n\n" for i in range(paragraphs)
        ),
        encoding="utf-8",
    )
    own_records.save_document(user, read_document(doc))


def timed(fn) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=count, default=10_000, help="own events")
    ap.add_argument("--paragraphs", type=count, default=200, help="paragraphs of the own document")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    store = Store.open(paths.default_store())
    with tempfile.TemporaryDirectory() as tmp:
        user = UserData.open(Path(tmp) / "user")
        fill(user, store, args.events, Path(tmp), args.paragraphs)
        conn = open_store(paths.default_store())
        searcher = Searcher(conn)
        reader = OwnReader.open(user.path)
        rows = []
        for text in QUERIES:
            searcher.search(text)  # warm caches for both
            base = timed(lambda t=text: searcher.search(t))

            def with_own(t: str = text) -> int:
                results = searcher.search(t)
                own, _more = reader.search(results.query)
                return sum(len(v) for v in own.values())

            both = timed(with_own)
            rows.append({"query": text, "store_ms": base * 1e3, "with_yours_ms": both * 1e3, "ratio": both / base,
                         "own_hits": with_own()})  # fmt: skip
        reader.close()
        conn.close()
        user.close()
    store.close()
    if args.json:
        print(json.dumps({"own_events": args.events, "paragraphs": args.paragraphs, "queries": rows}))
        return
    print(f"{args.events} own events, 1 own document of {args.paragraphs} paragraphs; median of {RUNS} runs")
    print(f"{'query':<18} {'store ms':>9} {'+ yours ms':>11} {'ratio':>6} {'own hits':>9}")
    for r in rows:
        print(
            f"{r['query']:<18} {r['store_ms']:>9.1f} {r['with_yours_ms']:>11.1f} {r['ratio']:>6.2f} {r['own_hits']:>9}"
        )


if __name__ == "__main__":
    main()
