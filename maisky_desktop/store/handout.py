"""Gather a handout from the store: a tour's stops or chosen events, with their anchors and citations."""

from __future__ import annotations

import sqlite3

from maisky_desktop.core.dates import in_words
from maisky_desktop.core.handout import Entry, Handout, Quote
from maisky_desktop.core.markup import Piece
from maisky_desktop.store import tours


class HandoutError(ValueError):
    """An unknown tour or event; the message names it."""


def _citation(source: dict, para_no: int | None, kind: str) -> str:
    """'Author, “Title”, Outlet, Year, ¶ 12' (the passage pane's citation)."""
    where = f"¶ {para_no}" if para_no else kind
    parts = [source.get("author"), f"“{source.get('title')}”", source.get("outlet"), source.get("published"), where]
    return ", ".join(p for p in parts if p)


def _source_reference(source: dict) -> str:
    """The full reference of a source for the closing list."""
    parts = [source.get("author"), f"“{source.get('title')}”", source.get("outlet"), source.get("published")]
    return ", ".join(p for p in parts if p) + f" ({source.get('kind')})"


def _source(conn: sqlite3.Connection, source_id: str) -> dict:
    cur = conn.execute("SELECT * FROM sources WHERE id = ?", (source_id,))
    return dict(zip([d[0] for d in cur.description], cur.fetchone()))


def _entry(conn: sqlite3.Connection, event_id: str, narration: str, used: dict[str, str]) -> Entry:
    row = conn.execute("SELECT title, summary, date, coalesce(date_text, '') FROM events WHERE id = ?", (event_id,))
    ev = row.fetchone()
    if ev is None:
        raise HandoutError(f"no event {event_id!r} in the store")
    quotes = []
    anchors = conn.execute(
        "SELECT a.source_id, a.char_start, a.char_end, a.quote, a.reading, p.para_id, p.para_no, p.kind "
        "FROM event_anchors a JOIN passages p ON p.id = a.passage_id WHERE a.event_id = ? ORDER BY a.position",
        (event_id,),
    ).fetchall()
    for source_id, start, end, quote, reading, para_id, para_no, kind in anchors:
        source = _source(conn, source_id)
        used.setdefault(source_id, _source_reference(source))
        pieces = conn.execute("SELECT char_start, text FROM passages WHERE para_id = ? ORDER BY piece", (para_id,))
        quotes.append(
            Quote(tuple(Piece(*p) for p in pieces), (start, end), quote, _citation(source, para_no, kind), reading)
        )
    title, summary, date, date_text = ev
    return Entry(event_id, title, in_words(date), date_text, summary, narration, tuple(quotes))


def tour_handout(conn: sqlite3.Connection, tour_id: str) -> Handout:
    """A tour on paper: its title and introduction, each stop with its narration."""
    tour = tours.tour(conn, tour_id)
    if tour is None:
        raise HandoutError(f"no tour {tour_id!r} in the store")
    used: dict[str, str] = {}
    entries = tuple(_entry(conn, s.event_id, s.narration, used) for s in tour.stops)
    return Handout(tour.title, tour.intro, entries, tuple(used[k] for k in sorted(used)))


def events_handout(conn: sqlite3.Connection, event_ids: list[str], title: str = "Selected events") -> Handout:
    """Chosen events on paper, in time order."""
    if not event_ids:
        raise HandoutError("no events chosen for the handout")
    marks = ",".join("?" * len(event_ids))
    order = [
        r[0] for r in conn.execute(f"SELECT id FROM events WHERE id IN ({marks}) ORDER BY day_from, id", event_ids)
    ]
    missing = sorted(set(event_ids) - set(order))
    if missing:
        raise HandoutError(f"no event {missing[0]!r} in the store")
    used: dict[str, str] = {}
    entries = tuple(_entry(conn, eid, "", used) for eid in order)
    return Handout(title, "", entries, tuple(used[k] for k in sorted(used)))
