"""Eight bytes overwritten in one page, page by page over the shipped store: it works or it is refused.

Each damaged copy is opened and read the way the app reads it: every table and index scanned,
the timeline's stored columns, eras and person lanes, every event's date in words, and a
search. The only outcomes allowed are "works" and "refused in words" (``StoreError`` at open,
or a damage message from ``store/faults.py`` at query time, which the app shows once and the
CLI prints as one line with exit 2); anything else, a traceback in the making, fails the test.
In process, one page after another (about 0.1 s a page), so the whole sweep stays bounded.
"""

import collections
import os
import shutil
import sqlite3
import subprocess
import sys
import traceback
from pathlib import Path

import pytest

from maisky_desktop import paths
from maisky_desktop.core.dates import in_words
from maisky_desktop.store import fingerprint, timeline
from maisky_desktop.store.faults import damage_message
from maisky_desktop.store.reader import Store, StoreError, open_store
from maisky_desktop.store.search import Searcher, load_spellings

NOISE = b"\xa5\x5a\xff\x00\x13\x37\xde\xad"


def _damaged(src: bytes, page: int, page_size: int) -> bytes:
    data = bytearray(src)
    at = page * page_size + page_size // 2
    data[at : at + len(NOISE)] = NOISE
    return bytes(data)


class _Reads:
    """What the app reads, listed once from the sound store."""

    def __init__(self, path: Path) -> None:
        conn = sqlite3.connect(path)
        self.spellings = load_spellings(conn)
        self.tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        self.indexes = []
        for name, table in conn.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ):
            cols = ", ".join(f"[{r[2]}]" for r in conn.execute(f"PRAGMA index_info([{name}])"))
            self.indexes.append(f"SELECT {cols} FROM [{table}] INDEXED BY [{name}] ORDER BY {cols}")
        conn.close()

    def outcome(self, path: Path) -> tuple[str, str]:
        try:
            store = Store.open(path)
        except StoreError as exc:
            return "refused", str(exc)
        try:
            conn = store.conn
            for table in self.tables:
                conn.execute(f"SELECT * FROM [{table}]").fetchall()
            for query in self.indexes:
                conn.execute(query).fetchall()
            layout = timeline.event_layout(conn, store.open_sibling)
            timeline.eras(conn)
            timeline.person_lanes(conn, layout)
            for event in store.events():
                in_words(event.date)
            searcher = Searcher(conn, self.spellings)
            for text in ("Maisky treaty", "London"):
                searcher.search(text)
        except Exception as exc:
            message = damage_message(path, exc)
            if message is not None:
                return "refused", message
            return "other", "".join(traceback.format_exception(exc)[-4:])
        finally:
            store.close()
        return "works", ""


@pytest.fixture(scope="module")
def sweep(tmp_path_factory):
    """Counts of each outcome, the pages that failed only at query time, and any 'other' outcome."""
    embedded_store = paths.default_store()
    src = embedded_store.read_bytes()
    page_size = int.from_bytes(src[16:18], "big")
    pages = len(src) // page_size
    reads = _Reads(embedded_store)
    copy = tmp_path_factory.mktemp("sweep") / "copy.sqlite"
    counts: collections.Counter[str] = collections.Counter()
    others, late, multi_line = [], [], []
    for page in range(pages):
        copy.write_bytes(_damaged(src, page, page_size))
        kind, message = reads.outcome(copy)
        counts[kind] += 1
        if kind == "other":
            others.append(f"page {page}: {message}")
        elif "\n" in message:
            multi_line.append(f"page {page}: {message}")
        elif kind == "refused" and "is damaged" in message:
            late.append(page)
    print(f"\ncorruption sweep over {pages} pages: {dict(counts)}, {len(late)} refused at query time")
    return pages, counts, others, multi_line, late


def test_every_damaged_page_works_or_is_refused_in_one_line(sweep):
    pages, counts, others, multi_line, _late = sweep
    assert not others, "\n".join(others[:5])
    assert not multi_line, "\n".join(multi_line[:3])
    assert counts["works"] + counts["refused"] == pages and counts["refused"] > 0


def test_with_its_fingerprint_every_damaged_page_of_the_shipped_store_is_refused_at_open(embedded_store, tmp_path):
    src = embedded_store.read_bytes()
    page_size = int.from_bytes(src[16:18], "big")
    copy = tmp_path / "maisky.sqlite"
    shutil.copy(fingerprint.sidecar(embedded_store), fingerprint.sidecar(copy))
    long_ago = 1_000_000_000  # not a file a build just renamed into place, which gets a second look
    os.utime(fingerprint.sidecar(copy), (long_ago, long_ago))
    for page in range(len(src) // page_size):
        copy.write_bytes(_damaged(src, page, page_size))
        os.utime(copy, (long_ago, long_ago))
        with pytest.raises(StoreError, match="does not match its fingerprint"):
            open_store(copy)


def test_the_cli_says_one_line_and_exits_2_on_pages_that_fail_at_query_time(embedded_store, tmp_path, sweep):
    late = sweep[4]
    assert late, "no page of the store fails only at query time: the sweep lost its point"
    src = embedded_store.read_bytes()
    page_size = int.from_bytes(src[16:18], "big")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    for page in late[:: max(1, len(late) // 3)][:3]:
        copy = tmp_path / f"page-{page}.sqlite"
        copy.write_bytes(_damaged(src, page, page_size))
        proc = subprocess.run(
            [sys.executable, "-m", "maisky_desktop", "--store", str(copy), "search", "Maisky treaty"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert "Traceback" not in proc.stderr
        if proc.returncode != 0:
            lines = proc.stderr.strip().splitlines()
            assert proc.returncode == 2 and len(lines) == 1 and "rebuild it" in lines[0], proc.stderr
