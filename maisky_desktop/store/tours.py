"""The curated tours of a store: each tour with its stops, the stop's event title and dates.

Kept apart from ``reader.Store`` so the tour panel, the handout and the CLI read tours the
same way without the explorer's queries.
"""

from __future__ import annotations

import sqlite3

from maisky_desktop.core.tour import Stop, Tour


def tours(conn: sqlite3.Connection) -> list[Tour]:
    """Every tour in catalog order, with its stops in order."""
    return [t for t in (tour(conn, tid) for (tid,) in conn.execute("SELECT id FROM tours ORDER BY position")) if t]


def tour(conn: sqlite3.Connection, tour_id: str) -> Tour | None:
    """One tour by id, or None if the store has no such tour."""
    row = conn.execute("SELECT id, title, intro FROM tours WHERE id = ?", (tour_id,)).fetchone()
    if row is None:
        return None
    stops = conn.execute(
        "SELECT s.event_id, s.narration, e.title, e.date, coalesce(e.date_text, '') FROM tour_stops s "
        "JOIN events e ON e.id = s.event_id WHERE s.tour_id = ? ORDER BY s.position",
        (tour_id,),
    ).fetchall()
    return Tour(row[0], row[1], row[2] or "", tuple(Stop(*s) for s in stops))
