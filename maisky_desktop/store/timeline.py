"""The queries behind the timeline: events as columns, eras, people and their postings.

Opening a store must not cost a read of every event: the build lays the events out once
(``write_columns``) and stores the arrays in ``timeline_columns``; ``event_layout`` reads
them with one query into numpy. Text (ids, titles, the date as stated) of a big store is
read on demand (``core.layout.OnDemand``): what a frame shows, by a ``TextLoader`` on a
thread of its own, with its own connection. A store of up to ``EAGER_TEXT`` events reads
its text at once, which costs less than a frame.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence

import numpy as np

from maisky_desktop.core import dates
from maisky_desktop.core.layout import Layout, OnDemand, layout_from_columns
from maisky_desktop.core.person_lanes import PersonLanes, assign
from maisky_desktop.core.viewport import Era
from maisky_desktop.store.errors import StoreError

EAGER_TEXT = 20_000  # up to this many events, text is read with the layout (about 15 ms)

# A date is day-precise when it is YYYY-MM-DD (or an interval of two), qualifiers aside.
_DAY_PRECISE = "length(replace(replace(replace(e.date, '~', ''), '?', ''), '%', '')) IN (10, 21)"
_STATED = "coalesce(nullif(e.date_text, ''), e.date)"
# Column name -> little-endian dtype of the stored array.
_COLUMNS = {
    "rowid": "<i8",
    "x0": "<f8",
    "x1": "<f8",
    "lane": "<i4",
    "point": "|b1",
    "soft": "|b1",
    "approx": "|b1",
    "open_start": "|b1",
    "open_end": "|b1",
    "vague": "|b1",
    "day0": "<i4",
    "day1": "<i4",
    "n_lanes": "<i4",
}


def lanes(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(id, name, colour) of the category lanes, top to bottom."""
    return conn.execute("SELECT id, name, colour FROM categories ORDER BY position").fetchall()


def _compute(conn: sqlite3.Connection) -> Layout:
    """Every event in category lanes, from the events table (the build's step, once per store)."""
    index = {cid: i for i, (cid, _, _) in enumerate(lanes(conn))}
    rows = conn.execute(
        f"SELECT e.rowid, e.day_from, e.day_to, e.category_id, e.approximate, NOT ({_DAY_PRECISE}), "
        f"e.open_start, e.open_end, e.precision IN ({', '.join('?' * len(dates.WITHIN_PRECISIONS))}) "
        "FROM events e ORDER BY e.day_from, e.id",
        dates.WITHIN_PRECISIONS,
    ).fetchall()
    if not rows:
        return layout_from_columns([], [], [], [], n_lanes=len(index))
    rowid, d0, d1, category, approx, soft, open_start, open_end, vague = zip(*rows)
    lane = [index.get(c, len(index)) for c in category]
    n_lanes = len(index) + (max(lane) == len(index))  # a last lane only if some category is unknown
    lay = layout_from_columns(
        [str(r) for r in rowid],
        d0,
        d1,
        lane,
        soft=soft,
        approx=approx,
        n_lanes=n_lanes,
        open_start=[bool(v) for v in open_start],
        open_end=[bool(v) for v in open_end],
        vague=[bool(v) for v in vague],
    )
    return lay


def write_columns(conn: sqlite3.Connection) -> None:
    """Lay the events out and store the arrays in ``timeline_columns`` (a build step)."""
    lay = _compute(conn)
    n = len(lay)
    arrays = {
        "rowid": np.array([int(r) for r in lay.ids], dtype=np.int64),
        "x0": lay.x0,
        "x1": lay.x1,
        "lane": lay.lane,
        "point": lay.point,
        "soft": lay.soft,
        "approx": lay.circa,
        "open_start": lay.opens[0] if n else np.zeros(0, dtype=bool),
        "open_end": lay.opens[1] if n else np.zeros(0, dtype=bool),
        "vague": lay.within,
        "day0": lay.day0,
        "day1": lay.day1,
        "n_lanes": np.array([lay.lanes], dtype=np.int32),
    }
    conn.execute("DELETE FROM timeline_columns")
    conn.executemany(
        "INSERT INTO timeline_columns (name, dtype, data) VALUES (?, ?, ?)",
        [(name, dt, np.ascontiguousarray(arrays[name], dtype=dt).tobytes()) for name, dt in _COLUMNS.items()],
    )


def _text_rows(conn: sqlite3.Connection, rowids: np.ndarray) -> dict[int, tuple[str, str, str]]:
    """rowid -> (id, title, date as stated) for these events, in one query."""
    rows = conn.execute(
        f"SELECT e.rowid, e.id, e.title, {_STATED} FROM events e WHERE e.rowid IN (SELECT value FROM json_each(?))",
        (json.dumps(rowids.tolist()),),
    )
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


class _RowFinder:
    """Event id -> layout index through the events' primary key and the rowid column."""

    def __init__(self, conn: sqlite3.Connection, rowid: np.ndarray) -> None:
        self._conn = conn
        self._rowid = rowid
        self._order: np.ndarray | None = None

    def __call__(self, event_id: str) -> int | None:
        row = self._conn.execute("SELECT rowid FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        if self._order is None:
            self._order = np.argsort(self._rowid, kind="stable")
        at = int(np.searchsorted(self._rowid, row[0], sorter=self._order))
        if at >= len(self._rowid) or self._rowid[self._order[at]] != row[0]:
            return None
        return int(self._order[at])


def event_layout(
    conn: sqlite3.Connection, connect: Callable[[], sqlite3.Connection] | None = None, eager: int = EAGER_TEXT
) -> Layout:
    """The stored layout in one read; text now (up to ``eager`` events) or on demand.

    ``connect``: a second connection to the very file ``conn`` reads (``Store.open_sibling``,
    which refuses a file replaced since the store was opened), for the background text
    loader; without it, text missing from a frame is read on the calling thread when requested.
    """
    cols = {
        name: np.frombuffer(data, dtype=np.dtype(dt))
        for name, dt, data in conn.execute("SELECT name, dtype, data FROM timeline_columns")
    }
    rowid = cols["rowid"]
    n = len(rowid)
    x0, x1 = cols["x0"], cols["x1"]
    ids: Sequence[str]
    titles: Sequence[str]
    stated: Sequence[str]
    if n <= eager:
        text = _text_rows(conn, rowid)
        found = [text[r] for r in rowid.tolist()]
        ids, titles, stated = (list(c) for c in zip(*found)) if found else ([], [], [])
    else:

        def reader(column: int):
            def read(idx: np.ndarray) -> list[str]:
                rows = _text_rows(conn, rowid[idx])
                return [rows[r][column] for r in rowid[idx].tolist()]

            return read

        loader = TextLoader(connect, rowid) if connect is not None else None
        columns = (
            OnDemand(n, reader(0), find=_RowFinder(conn, rowid)),
            OnDemand(n, reader(1), background=loader),
            OnDemand(n, reader(2)),
        )
        if loader:
            loader.columns = columns
        ids, titles, stated = columns
    return Layout(
        ids=ids,
        x0=x0,
        x1=x1,
        lane=cols["lane"],
        point=cols["point"],
        soft=cols["soft"],
        max_len=float((x1 - x0).max()) if n else 0.0,
        approx=cols["approx"],
        titles=titles,
        stated=stated,
        n_lanes=int(cols["n_lanes"][0]),
        open_start=cols["open_start"],
        open_end=cols["open_end"],
        vague=cols.get("vague"),  # a store built before the column: no "some time in" marks
        rowid=rowid,
        day_from=cols["day0"].astype(np.int64),
        day_to=cols["day1"].astype(np.int64),
    )


class TextLoader:
    """Reads ids, titles and stated dates of the events a frame shows, on a thread of its own.

    Its own read-only connection, so the UI thread never waits on it; only the newest request
    is served (a pan makes the previous view's request stale). A daemon thread: nothing to
    join at exit, and ``close`` ends it early.

    The connection comes from ``connect`` (``Store.open_sibling``): the file the store opened,
    checked by identity, never whatever file now has its path. If that file was replaced
    before the thread connected, the loader reads nothing and says so (``failed``); the
    columns then read on the UI thread's connection, which still holds the opened file.
    """

    def __init__(self, connect: Callable[[], sqlite3.Connection], rowid: np.ndarray) -> None:
        self._connect = connect
        self._rowid = rowid
        self.columns: tuple[OnDemand, OnDemand, OnDemand] | None = None
        self.failed: str | None = None  # why the loader has no connection (the store file was replaced)
        self._requests: queue.Queue[np.ndarray | None] = queue.Queue()
        self._lock = threading.Lock()
        self._pending = 0  # requests asked for and not yet served or dropped
        self._thread = threading.Thread(target=self._run, name="timeline-text", daemon=True)
        self._thread.start()

    @property
    def pending(self) -> bool:
        return self._pending > 0

    @property
    def usable(self) -> bool:
        """False once the connection was refused: requests are then better read at once, elsewhere."""
        return self.failed is None

    def request(self, idx: np.ndarray) -> None:
        with self._lock:
            self._pending += 1
        self._requests.put(idx)

    def _served(self) -> None:
        with self._lock:
            self._pending -= 1

    def close(self) -> None:
        self._requests.put(None)

    def _run(self) -> None:
        try:
            conn = self._connect()
        except (StoreError, sqlite3.Error) as exc:
            self.failed = str(exc)
            self._drop_all()
            return
        try:
            while True:
                idx = self._requests.get()
                while idx is not None and not self._requests.empty():  # only the newest view matters
                    self._served()
                    idx = self._requests.get()
                if idx is None:
                    return
                try:
                    self._load(conn, idx)
                finally:
                    self._served()
        finally:
            conn.close()

    def _drop_all(self) -> None:
        """Without a connection: every request is dropped unread, and the titles' version bumped so a
        painter waiting for them asks again (and the columns, no longer using this loader, read them)."""
        nothing = np.array([], dtype=np.int64)
        while self._requests.get() is not None:
            if self.columns is not None:
                self.columns[1].fill(nothing, [])
            self._served()

    def _load(self, conn: sqlite3.Connection, idx: np.ndarray) -> None:
        if self.columns is None:
            return
        ids, titles, stated = self.columns
        idx = titles.missing(idx)
        for chunk in np.array_split(idx, max(len(idx) // 5000, 1)) if len(idx) else ():
            rows = _text_rows(conn, self._rowid[chunk])
            found = [rows[r] for r in self._rowid[chunk].tolist()]
            ids.fill(chunk, [f[0] for f in found])
            stated.fill(chunk, [f[2] for f in found])
            titles.fill(chunk, [f[1] for f in found])  # last: the painter checks titles


def eras(conn: sqlite3.Connection) -> list[Era]:
    """The shaded periods; none is fine (the catalog may not define any)."""
    out = []
    for name, start, end in conn.execute("SELECT name, date_from, date_to FROM eras ORDER BY date_from"):
        if not (start and end):
            continue
        a, b = dates.parse(start), dates.parse(end)
        out.append(Era(name, dates.decimal_year(a.start), dates.decimal_year(b.end) + 1 / 366))
    return out


def person_lanes(conn: sqlite3.Connection, layout: Layout, top: int = 10) -> PersonLanes:
    """Lanes for the ``top`` most present people, with their life spans and postings."""
    people = {
        pid: (name, born, died) for pid, name, born, died in conn.execute("SELECT id, name, born, died FROM people")
    }
    posts = conn.execute(
        "SELECT person_id, title, date FROM person_posts WHERE date IS NOT NULL ORDER BY person_id, position"
    ).fetchall()
    if layout.rowid is not None and len(layout.rowid) == len(layout):  # keyed by rowid: no event ids read
        pairs = conn.execute(
            "SELECT e.rowid, ep.person_id FROM event_people ep JOIN events e ON e.id = ep.event_id"
        ).fetchall()
        return assign(layout.rowid.tolist(), pairs, people, posts, top=top)
    pairs = conn.execute("SELECT event_id, person_id FROM event_people").fetchall()
    return assign(layout.ids, pairs, people, posts, top=top)
