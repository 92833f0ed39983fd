"""The queries behind the timeline: events as columns, eras, people and their postings.

One query per table, returning plain columns, so a million events load in about a
second and the geometry is built by ``core.layout`` without per-row Python work.
"""

from __future__ import annotations

import sqlite3

from maisky_desktop.core import dates
from maisky_desktop.core.layout import Layout, layout_from_columns
from maisky_desktop.core.person_lanes import PersonLanes, assign
from maisky_desktop.core.viewport import Era

# A date is day-precise when it is YYYY-MM-DD (or an interval of two), qualifiers aside.
_DAY_PRECISE = "length(replace(replace(replace(e.date, '~', ''), '?', ''), '%', '')) IN (10, 21)"


def lanes(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(id, name, colour) of the category lanes, top to bottom."""
    return conn.execute("SELECT id, name, colour FROM categories ORDER BY position").fetchall()


def event_layout(conn: sqlite3.Connection) -> Layout:
    """Every event in category lanes; events of an unknown category go to a last lane."""
    index = {cid: i for i, (cid, _, _) in enumerate(lanes(conn))}
    rows = conn.execute(
        "SELECT e.id, e.title, coalesce(nullif(e.date_text, ''), e.date), e.day_from, e.day_to, "
        f"e.category_id, e.approximate, NOT ({_DAY_PRECISE}), e.open_start, e.open_end "
        "FROM events e ORDER BY e.day_from, e.id"
    ).fetchall()
    if not rows:
        return layout_from_columns([], [], [], [], n_lanes=len(index))
    ids, titles, stated, d0, d1, category, approx, soft, open_start, open_end = zip(*rows)
    lane = [index.get(c, len(index)) for c in category]
    n_lanes = len(index) + (max(lane) == len(index))  # a last lane only if some category is unknown
    return layout_from_columns(
        ids,
        d0,
        d1,
        lane,
        soft=soft,
        approx=approx,
        titles=titles,
        stated=stated,
        n_lanes=n_lanes,
        open_start=[bool(v) for v in open_start],
        open_end=[bool(v) for v in open_end],
    )


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
    pairs = conn.execute("SELECT event_id, person_id FROM event_people").fetchall()
    return assign(layout.ids, pairs, people, posts, top=top)
