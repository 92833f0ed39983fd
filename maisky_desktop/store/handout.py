"""Gather a handout from the store: a tour's stops or chosen events, with their anchors and citations."""

from __future__ import annotations

import sqlite3
from dataclasses import fields

from maisky_desktop.core.cite import citation
from maisky_desktop.core.dates import in_words
from maisky_desktop.core.handout import Entry, Handout, Quote
from maisky_desktop.core.markup import Piece
from maisky_desktop.core.records import Passage, Source
from maisky_desktop.store import tours

_PASSAGE = ", ".join(f.name for f in fields(Passage))
_SOURCE = ", ".join(f.name for f in fields(Source))


class HandoutError(ValueError):
    """An unknown tour or event; the message names it."""


def _source_reference(source: Source) -> str:
    """The full reference of a source for the closing list."""
    parts = [source.author, f"“{source.title}”", source.outlet, source.published]
    return ", ".join(p for p in parts if p) + f" ({source.kind})"


def _source(conn: sqlite3.Connection, source_id: str) -> Source:
    return Source(*conn.execute(f"SELECT {_SOURCE} FROM sources WHERE id = ?", (source_id,)).fetchone())


def _entry(conn: sqlite3.Connection, event_id: str, narration: str, used: dict[str, str]) -> Entry:
    row = conn.execute("SELECT title, summary, date, coalesce(date_text, '') FROM events WHERE id = ?", (event_id,))
    ev = row.fetchone()
    if ev is None:
        raise HandoutError(f"no event {event_id!r} in the store")
    quotes = []
    anchors = conn.execute(
        "SELECT source_id, char_start, char_end, quote, reading, passage_id "
        "FROM event_anchors WHERE event_id = ? ORDER BY position",
        (event_id,),
    ).fetchall()
    for source_id, start, end, quote, reading, passage_id in anchors:
        source = _source(conn, source_id)
        passage = Passage(*conn.execute(f"SELECT {_PASSAGE} FROM passages WHERE id = ?", (passage_id,)).fetchone())
        used.setdefault(source_id, _source_reference(source))
        pieces = conn.execute(
            "SELECT char_start, text FROM passages WHERE para_id = ? ORDER BY piece", (passage.para_id,)
        )
        quotes.append(Quote(tuple(Piece(*p) for p in pieces), (start, end), quote, citation(source, passage), reading))
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
